#include "core/api/ApiJson.h"

#include "core/Logging.h"
#include "core/api/ApiJsonFields.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace AgentDesk::ApiJson {

using namespace Fields;

namespace {

// Sub-agents nest one level deep (§6.1); anything deeper than this is ignored rather than
// recursed into, so a hostile document cannot exhaust the stack through `children`.
constexpr int maxChatDepth = 4;

template<typename Enum>
struct EnumName
{
    Enum value;
    QStringView name;
};

constexpr EnumName<ChatStatus> chatStatusNames[] = {
    {ChatStatus::Waiting, u"waiting"},
    {ChatStatus::Pending, u"pending"},
    {ChatStatus::Running, u"running"},
    {ChatStatus::Interrupting, u"interrupting"},
    {ChatStatus::RequiresAction, u"requires_action"},
    {ChatStatus::Error, u"error"},
    {ChatStatus::Paused, u"paused"},
    {ChatStatus::Completed, u"completed"},
};

constexpr EnumName<ChatErrorKind> chatErrorKindNames[] = {
    {ChatErrorKind::Generic, u"generic"},
    {ChatErrorKind::Overloaded, u"overloaded"},
    {ChatErrorKind::RateLimit, u"rate_limit"},
    {ChatErrorKind::Timeout, u"timeout"},
    {ChatErrorKind::StartupTimeout, u"startup_timeout"},
    {ChatErrorKind::StreamSilenceTimeout, u"stream_silence_timeout"},
    {ChatErrorKind::Auth, u"auth"},
    {ChatErrorKind::Config, u"config"},
    {ChatErrorKind::UsageLimit, u"usage_limit"},
    {ChatErrorKind::MissingKey, u"missing_key"},
    {ChatErrorKind::ProviderDisabled, u"provider_disabled"},
    {ChatErrorKind::ContentFilter, u"content_filter"},
    {ChatErrorKind::HookDispatchFailed, u"hook_dispatch_failed"},
    {ChatErrorKind::HookDenied, u"hook_denied"},
};

constexpr EnumName<MessageRole> messageRoleNames[] = {
    {MessageRole::System, u"system"},
    {MessageRole::User, u"user"},
    {MessageRole::Assistant, u"assistant"},
    {MessageRole::Tool, u"tool"},
};

constexpr EnumName<MessagePart::Kind> partKindNames[] = {
    {MessagePart::Kind::Text, u"text"},
    {MessagePart::Kind::Reasoning, u"reasoning"},
    {MessagePart::Kind::ToolCall, u"tool-call"},
    {MessagePart::Kind::ToolResult, u"tool-result"},
    {MessagePart::Kind::Source, u"source"},
    {MessagePart::Kind::File, u"file"},
    {MessagePart::Kind::FileReference, u"file-reference"},
    {MessagePart::Kind::ContextFile, u"context-file"},
    {MessagePart::Kind::Skill, u"skill"},
    {MessagePart::Kind::HookNotice, u"hook-notice"},
};

constexpr EnumName<StreamEvent::Type> streamEventTypeNames[] = {
    {StreamEvent::Type::MessagePart, u"message_part"},
    {StreamEvent::Type::Message, u"message"},
    {StreamEvent::Type::Status, u"status"},
    {StreamEvent::Type::Error, u"error"},
    {StreamEvent::Type::Retry, u"retry"},
    {StreamEvent::Type::QueueUpdate, u"queue_update"},
    {StreamEvent::Type::ActionRequired, u"action_required"},
    {StreamEvent::Type::PreviewReset, u"preview_reset"},
    {StreamEvent::Type::HistoryReset, u"history_reset"},
};

constexpr EnumName<WatchEvent::Kind> watchEventKindNames[] = {
    {WatchEvent::Kind::StatusChange, u"status_change"},
    {WatchEvent::Kind::TitleChange, u"title_change"},
    {WatchEvent::Kind::Created, u"created"},
    {WatchEvent::Kind::Deleted, u"deleted"},
    {WatchEvent::Kind::DiffStatusChange, u"diff_status_change"},
    {WatchEvent::Kind::ActionRequired, u"action_required"},
    {WatchEvent::Kind::SummaryChange, u"summary_change"},
    {WatchEvent::Kind::ChatSummaryChange, u"chat_summary_change"},
    {WatchEvent::Kind::ContextDirty, u"context_dirty"},
};

template<typename Enum, size_t N>
Enum enumFromString(const EnumName<Enum> (&names)[N], QStringView text)
{
    for (const auto &entry : names) {
        if (entry.name == text)
            return entry.value;
    }
    return Enum::Unknown;
}

template<typename Enum, size_t N>
QString enumToString(const EnumName<Enum> (&names)[N], Enum value)
{
    for (const auto &entry : names) {
        if (entry.value == value)
            return entry.name.toString();
    }
    return {};
}

//! `raw` itself when it is not one of the names, else the one shared copy of that name: each of a
//! long chat's messages and parts need not hold its own "text" or "assistant" (#15).
template<typename Enum, size_t N>
QString sharedName(const EnumName<Enum> (&names)[N], const QString &raw)
{
    static const std::array<QString, N> shared = [&names] {
        std::array<QString, N> strings;
        for (size_t i = 0; i < N; ++i)
            strings[i] = names[i].name.toString();
        return strings;
    }();
    for (const QString &name : shared) {
        if (name == raw)
            return name;
    }
    return raw;
}

// Go's json.RawMessage may arrive embedded as-is or, from some builds, as a JSON-encoded
// string; decode the string when it holds an object or an array, keep it otherwise.
QJsonValue rawJsonValue(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QJsonValue(QJsonValue::Undefined);
    if (value.isString()) {
        const QString text = value.toString();
        const QStringView trimmed = QStringView(text).trimmed();
        if (trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
            if (error.error == QJsonParseError::NoError) {
                if (document.isObject())
                    return document.object();
                if (document.isArray())
                    return document.array();
            }
        }
    }
    return value;
}

QString compactJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isUndefined() || value.isNull())
        return {};
    // Scalars: wrap to serialise, then strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

std::optional<Chat> chatFromJsonAtDepth(const QJsonValue &value, int depth);

QList<ActionRequiredCall> toolCallsFromJson(const QJsonValue &value)
{
    const auto toolCall = [](const QJsonValue &entry) {
        return decodeObject<ActionRequiredCall>(
            entry, [](const QJsonObject &object, ActionRequiredCall &call) {
                call.toolCallId = string(object, u"tool_call_id");
                call.toolName = string(object, u"tool_name");
                call.argsJson = compactJson(object.value(u"args"));
                return !call.toolCallId.isEmpty();
            });
    };
    return decodeArray<ActionRequiredCall>(value, toolCall, "tool calls");
}

// Fills the members shared by both model-list shapes.
void readModelCommon(ModelConfig &model, const QJsonObject &object)
{
    model.model = string(object, u"model");
    model.displayName = string(object, u"display_name");
    if (model.displayName.isEmpty())
        model.displayName = model.model;
    model.enabled = boolean(object, u"enabled", true);
    model.isDefault = boolean(object, u"is_default");
    model.contextLimit = int64(object, u"context_limit");
    model.compressionThreshold =
        compressionThresholdFromJson(object.value(u"compression_threshold"));
    model.reasoningEfforts = stringList(object.value(u"reasoning_efforts"));
    model.defaultReasoningEffort = string(
        object.value(u"model_config").toObject().value(u"reasoning_effort").toObject(), u"default");
}

//! A model of the newer shapes, which carry the config UUID: nullopt without one.
std::optional<ModelConfig> modelWithIdFromJson(const QJsonValue &value)
{
    return decodeObject<ModelConfig>(value, [](const QJsonObject &object, ModelConfig &model) {
        if (!readId(object, u"id", model.id))
            return false;
        readModelCommon(model, object);
        return true;
    });
}

const FieldTable<ChatError> chatErrorFields{
    .strings = {{u"message", &ChatError::message, Emit::Always}, {u"detail", &ChatError::detail},
        {u"provider", &ChatError::provider}},
    .booleans = {{u"retryable", &ChatError::retryable, Emit::Always}},
    .ints = {{u"status_code", &ChatError::statusCode}},
};

const FieldTable<DiffStatus> diffStatusFields{
    .strings = {{u"url", &DiffStatus::url}, {u"pull_request_state", &DiffStatus::pullRequestState},
        {u"pull_request_title", &DiffStatus::pullRequestTitle, Emit::Always},
        {u"author_login", &DiffStatus::authorLogin},
        {u"author_avatar_url", &DiffStatus::authorAvatarUrl},
        {u"base_branch", &DiffStatus::baseBranch}, {u"head_branch", &DiffStatus::headBranch}},
    .booleans = {{u"pull_request_draft", &DiffStatus::pullRequestDraft, Emit::Always},
        {u"changes_requested", &DiffStatus::changesRequested, Emit::Always},
        {u"approved", &DiffStatus::approved}},
    .ints = {{u"additions", &DiffStatus::additions, Emit::Always},
        {u"deletions", &DiffStatus::deletions, Emit::Always},
        {u"changed_files", &DiffStatus::changedFiles, Emit::Always},
        {u"pr_number", &DiffStatus::prNumber}, {u"commits", &DiffStatus::commits},
        {u"reviewer_count", &DiffStatus::reviewerCount}},
    .times = {{u"refreshed_at", &DiffStatus::refreshedAt}, {u"stale_at", &DiffStatus::staleAt}},
};

const FieldTable<ChatFileMetadata> chatFileFields{
    .strings = {{u"name", &ChatFileMetadata::name, Emit::Always},
        {u"mime_type", &ChatFileMetadata::mimeType, Emit::Always}},
    .int64s = {{u"size_bytes", &ChatFileMetadata::sizeBytes, Emit::IfKnown}},
    .times = {{u"created_at", &ChatFileMetadata::createdAt}},
};

const FieldTable<Chat> chatFields{
    .strings = {{u"owner_username", &Chat::ownerUsername}, {u"owner_name", &Chat::ownerName},
        {u"last_reasoning_effort", &Chat::lastReasoningEffort},
        {u"title", &Chat::title, Emit::Always}, {u"mode", &Chat::mode},
        {u"last_turn_summary", &Chat::lastTurnSummary}, {u"summary", &Chat::summary},
        {u"client_type", &Chat::clientType}},
    .booleans = {{u"archived", &Chat::archived, Emit::Always},
        {u"shared", &Chat::shared, Emit::Always}, {u"has_unread", &Chat::hasUnread, Emit::Always}},
    .times = {{u"created_at", &Chat::createdAt}, {u"updated_at", &Chat::updatedAt}},
};

const FieldTable<MessagePartDetail> messagePartFields{
    .strings = {{u"title", &MessagePartDetail::title},
        {u"tool_call_id", &MessagePartDetail::toolCallId},
        {u"tool_name", &MessagePartDetail::toolName},
        {u"args_delta", &MessagePartDetail::argsDelta},
        {u"result_delta", &MessagePartDetail::resultDelta},
        {u"source_id", &MessagePartDetail::sourceId}, {u"url", &MessagePartDetail::url},
        {u"media_type", &MessagePartDetail::mediaType}, {u"name", &MessagePartDetail::name},
        {u"file_name", &MessagePartDetail::fileName}, {u"content", &MessagePartDetail::content},
        {u"context_file_path", &MessagePartDetail::contextFilePath},
        {u"skill_name", &MessagePartDetail::skillName},
        {u"skill_description", &MessagePartDetail::skillDescription}},
    .booleans = {{u"result_reset", &MessagePartDetail::resultReset},
        {u"is_error", &MessagePartDetail::isError}, {u"is_media", &MessagePartDetail::isMedia},
        {u"provider_executed", &MessagePartDetail::providerExecuted},
        {u"context_file_truncated", &MessagePartDetail::contextFileTruncated}},
    .times = {{u"created_at", &MessagePartDetail::createdAt},
        {u"completed_at", &MessagePartDetail::completedAt}},
};

const FieldTable<StreamRetry> streamRetryFields{
    .strings = {{u"error", &StreamRetry::error}, {u"kind", &StreamRetry::kindRaw},
        {u"provider", &StreamRetry::provider}},
    .ints = {{u"attempt", &StreamRetry::attempt}, {u"status_code", &StreamRetry::statusCode}},
    .int64s = {{u"delay_ms", &StreamRetry::delayMs}},
    .times = {{u"retrying_at", &StreamRetry::retryingAt}},
};

const FieldTable<ChatDiff> chatDiffFields{
    .strings = {{u"provider", &ChatDiff::provider}, {u"remote_origin", &ChatDiff::remoteOrigin},
        {u"branch", &ChatDiff::branch}, {u"pull_request_url", &ChatDiff::pullRequestUrl},
        {u"diff", &ChatDiff::diff}},
};

const FieldTable<CostSummary> costSummaryFields{
    .int64s = {{u"total_cost_micros", &CostSummary::totalCostMicros},
        {u"request_count", &CostSummary::requestCount},
        {u"unpriced_request_count", &CostSummary::unpricedRequestCount}},
};

const FieldTable<User> userFields{
    .strings = {{u"username", &User::username}, {u"name", &User::name}, {u"email", &User::email}},
};

const FieldTable<BuildInfo> buildInfoFields{
    .strings = {{u"version", &BuildInfo::version}, {u"external_url", &BuildInfo::externalUrl}},
};

const FieldTable<MessageUsage> messageUsageFields{
    .optionalInt64s = {{u"input_tokens", &MessageUsage::inputTokens},
        {u"output_tokens", &MessageUsage::outputTokens},
        {u"total_tokens", &MessageUsage::totalTokens},
        {u"reasoning_tokens", &MessageUsage::reasoningTokens},
        {u"cache_creation_tokens", &MessageUsage::cacheCreationTokens},
        {u"cache_read_tokens", &MessageUsage::cacheReadTokens},
        {u"context_limit", &MessageUsage::contextLimit}},
};

QJsonObject labelsToJson(const QMap<QString, QString> &labels)
{
    QJsonObject object;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonArray uuidsToJson(const QList<QUuid> &ids)
{
    QJsonArray array;
    for (const QUuid &id : ids)
        array.append(id.toString(QUuid::WithoutBraces));
    return array;
}

QJsonArray partsToJson(const QList<MessagePart> &parts)
{
    QJsonArray array;
    for (const MessagePart &part : parts)
        array.append(toJson(part));
    return array;
}

bool isLegacyEnvelope(const QJsonObject &object)
{
    const QString type = string(object, u"type");
    if (type != u"ping" && type != u"data" && type != u"error")
        return false;
    if (!object.contains(u"data") && type != u"ping")
        return false;
    return !object.contains(u"chat_id") && !object.contains(u"kind");
}

} // namespace

// --- Enums -----------------------------------------------------------------------------------

ChatStatus chatStatusFromString(QStringView text)
{
    return enumFromString(chatStatusNames, text);
}
QString toString(ChatStatus status)
{
    return enumToString(chatStatusNames, status);
}
ChatErrorKind chatErrorKindFromString(QStringView text)
{
    return enumFromString(chatErrorKindNames, text);
}
QString toString(ChatErrorKind kind)
{
    return enumToString(chatErrorKindNames, kind);
}
MessageRole messageRoleFromString(QStringView text)
{
    return enumFromString(messageRoleNames, text);
}
QString toString(MessageRole role)
{
    return enumToString(messageRoleNames, role);
}
MessagePart::Kind partKindFromString(QStringView text)
{
    return enumFromString(partKindNames, text);
}
QString toString(MessagePart::Kind kind)
{
    return enumToString(partKindNames, kind);
}
StreamEvent::Type streamEventTypeFromString(QStringView text)
{
    return enumFromString(streamEventTypeNames, text);
}
QString toString(StreamEvent::Type type)
{
    return enumToString(streamEventTypeNames, type);
}
WatchEvent::Kind watchEventKindFromString(QStringView text)
{
    return enumFromString(watchEventKindNames, text);
}
QString toString(WatchEvent::Kind kind)
{
    return enumToString(watchEventKindNames, kind);
}

// --- Scalars ---------------------------------------------------------------------------------

std::optional<qint64> int64FromJson(const QJsonValue &value)
{
    if (value.isDouble()) {
        // toInteger() refuses non-integral doubles and values outside qint64: both are absent.
        constexpr qint64 notAnInteger = std::numeric_limits<qint64>::min();
        const qint64 result = value.toInteger(notAnInteger);
        if (result == notAnInteger)
            return std::nullopt;
        return result;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 result = value.toString().toLongLong(&ok);
        if (ok)
            return result;
    }
    return std::nullopt;
}

QDateTime timestampFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    // ISODateWithMs accepts any number of fraction digits (Go writes up to nine) and offsets.
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QJsonValue timestampToJson(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QJsonValue(QJsonValue::Null);
    return dateTime.toString(Qt::ISODateWithMs);
}

std::optional<QJsonValue> parseDocument(const QByteArray &bytes, QString *errorText)
{
    QJsonParseError error;
    // Qt's parser refuses invalid UTF-8 and nesting deeper than its limit with an error code,
    // so this is safe for any bytes.
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        if (errorText)
            *errorText = u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
        return std::nullopt;
    }
    if (document.isArray())
        return QJsonValue(document.array());
    if (document.isObject())
        return QJsonValue(document.object());
    if (errorText)
        *errorText = u"empty document"_s;
    return std::nullopt;
}

// --- Chats -----------------------------------------------------------------------------------

std::optional<ChatError> chatErrorFromJson(const QJsonValue &value)
{
    ChatError error;
    if (value.isString()) {
        // Legacy builds sent last_error as a bare string.
        error.message = value.toString();
        return error;
    }
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    readFields(object, error, chatErrorFields);
    error.kindRaw = string(object, u"kind");
    error.kind = chatErrorKindFromString(error.kindRaw);
    return error;
}

std::optional<DiffStatus> diffStatusFromJson(const QJsonValue &value)
{
    return decodeObject<DiffStatus>(value, [](const QJsonObject &object, DiffStatus &status) {
        status.chatId = uuidId<ChatId>(object, u"chat_id");
        readFields(object, status, diffStatusFields);
        return true;
    });
}

std::optional<ChatFileMetadata> chatFileFromJson(const QJsonValue &value)
{
    return decodeObject<ChatFileMetadata>(
        value, [](const QJsonObject &object, ChatFileMetadata &file) {
            if (!readId(object, u"id", file.id))
                return false;
            file.ownerId = uuidId<UserId>(object, u"owner_id");
            file.organizationId = uuidId<OrganizationId>(object, u"organization_id");
            readFields(object, file, chatFileFields);
            return true;
        });
}

namespace {

//! Fills \a chat from \a object; false without an id.
bool readChat(const QJsonObject &object, Chat &chat, int depth)
{
    if (!readId(object, u"id", chat.id))
        return false;
    chat.organizationId = uuidId<OrganizationId>(object, u"organization_id");
    chat.ownerId = uuidId<UserId>(object, u"owner_id");
    readFields(object, chat, chatFields);
    chat.workspaceId = uuidId<WorkspaceId>(object, u"workspace_id");
    chat.buildId = uuid(object, u"build_id");
    chat.agentId = uuid(object, u"agent_id");
    chat.parentChatId = uuidId<ChatId>(object, u"parent_chat_id");
    chat.rootChatId = uuidId<ChatId>(object, u"root_chat_id");
    chat.lastModelConfigId = uuidId<ModelConfigId>(object, u"last_model_config_id");
    chat.statusRaw = string(object, u"status");
    chat.status = chatStatusFromString(chat.statusRaw);
    chat.planMode = string(object, u"plan_mode") == u"plan";
    const QJsonValue lastError = object.value(u"last_error");
    if (!(lastError.isString() && lastError.toString().isEmpty()))
        chat.lastError = chatErrorFromJson(lastError);
    chat.diffStatus = diffStatusFromJson(object.value(u"diff_status"));
    chat.hasDiffStatusField = object.contains(u"diff_status");
    chat.hasLabelsField = object.contains(u"labels");
    chat.hasFilesField = object.contains(u"files");
    chat.pinOrder = qMax(0, int32(object, u"pin_order"));
    const QJsonArray mcpServerIds = object.value(u"mcp_server_ids").toArray();
    for (const QJsonValue &entry : mcpServerIds) {
        const QUuid id = QUuid::fromString(entry.toString());
        if (!id.isNull())
            chat.mcpServerIds.append(id);
    }
    chat.labels = stringMap(object.value(u"labels"));
    chat.files = decodeArray<ChatFileMetadata>(object.value(u"files"), chatFileFromJson, "files");
    if (depth < maxChatDepth) {
        chat.children = decodeArray<Chat>(
            object.value(u"children"),
            [depth](const QJsonValue &entry) { return chatFromJsonAtDepth(entry, depth + 1); },
            "child chats");
    }
    chat.warnings = stringList(object.value(u"warnings"));
    chat.queuedForCapacity = boolean(object, u"queued_for_capacity");
    chat.context = chatContextFromJson(object.value(u"context"));
    return true;
}

std::optional<Chat> chatFromJsonAtDepth(const QJsonValue &value, int depth)
{
    return decodeObject<Chat>(value,
        [depth](const QJsonObject &object, Chat &chat) { return readChat(object, chat, depth); });
}

} // namespace

std::optional<Chat> chatFromJson(const QJsonValue &value)
{
    return chatFromJsonAtDepth(value, 0);
}

std::optional<QList<Chat>> chatListFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    return decodeArray<Chat>(value, chatFromJson, "chats");
}

// --- Messages --------------------------------------------------------------------------------

std::optional<MessagePart> messagePartFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    MessagePart part;
    part.raw = object;
    part.typeRaw = sharedName(partKindNames, string(object, u"type"));
    part.kind = partKindFromString(part.typeRaw);
    part.text = string(object, u"text");
    MessagePartDetail detail;
    readFields(object, detail, messagePartFields);
    detail.args = rawJsonValue(object.value(u"args"));
    const QJsonArray commands = object.value(u"parsed_commands").toArray();
    for (const QJsonValue &command : commands) {
        if (command.isArray())
            detail.parsedCommands.append(stringList(command));
    }
    detail.result = rawJsonValue(object.value(u"result"));
    detail.fileId = uuidId<FileId>(object, u"file_id");
    const QString data = string(object, u"data");
    if (!data.isEmpty()) {
        auto decoded = QByteArray::fromBase64Encoding(
            data.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            detail.data = std::move(*decoded);
        else
            qCWarning(lcApi) << "ignoring undecodable base64 data of a" << part.typeRaw << "part";
    }
    detail.startLine = int32(object, u"start_line");
    detail.endLine = int32(object, u"end_line");
    part.setDetail(std::move(detail));
    return part;
}

std::optional<MessageUsage> messageUsageFromJson(const QJsonValue &value)
{
    return decodeFields(value, messageUsageFields);
}

namespace {

//! What committed and queued messages share on the wire: a positive integer id, the chat, the
//! model config, the creation time and the parts (`content`). Nothing when the id is missing.
template<typename Message, typename Id>
std::optional<Message> messageFromJson(
    const QJsonValue &value, const char *partsWhat, QJsonObject *objectOut = nullptr)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const std::optional<qint64> id = optionalInt64(object, u"id");
    if (!id || *id <= 0)
        return std::nullopt;
    Message message;
    message.id = Id{*id};
    message.chatId = uuidId<ChatId>(object, u"chat_id");
    message.modelConfigId = uuidId<ModelConfigId>(object, u"model_config_id");
    message.createdAt = timestampFromJson(object.value(u"created_at"));
    message.parts =
        decodeArray<MessagePart>(object.value(u"content"), messagePartFromJson, partsWhat);
    if (objectOut)
        *objectOut = object;
    return message;
}

} // namespace

std::optional<ChatMessage> chatMessageFromJson(const QJsonValue &value)
{
    QJsonObject object;
    std::optional<ChatMessage> message =
        messageFromJson<ChatMessage, MessageId>(value, "message parts", &object);
    if (!message)
        return std::nullopt;
    message->createdBy = uuidId<UserId>(object, u"created_by");
    message->roleRaw = sharedName(messageRoleNames, string(object, u"role"));
    message->role = messageRoleFromString(message->roleRaw);
    message->usage = messageUsageFromJson(object.value(u"usage"));
    return message;
}

std::optional<QueuedMessage> queuedMessageFromJson(const QJsonValue &value)
{
    return messageFromJson<QueuedMessage, QueuedMessageId>(value, "queued message parts");
}

std::optional<MessagesPage> messagesPageFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const QJsonValue messages = object.value(u"messages");
    if (!messages.isArray() && !messages.isNull() && !messages.isUndefined())
        return std::nullopt;
    MessagesPage page;
    page.messages = decodeArray<ChatMessage>(messages, chatMessageFromJson, "messages");
    page.queuedMessages = decodeArray<QueuedMessage>(
        object.value(u"queued_messages"), queuedMessageFromJson, "queued messages");
    page.hasMore = boolean(object, u"has_more");
    return page;
}

std::optional<SendMessageResult> sendMessageResultFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    SendMessageResult result;
    if (object.contains(u"id") && object.contains(u"role")) {
        // The very first builds answered with the bare stored message.
        result.message = chatMessageFromJson(object);
        if (!result.message)
            return std::nullopt;
        return result;
    }
    result.queued = boolean(object, u"queued");
    result.message = chatMessageFromJson(object.value(u"message"));
    result.queuedMessage = queuedMessageFromJson(object.value(u"queued_message"));
    result.messages =
        decodeArray<ChatMessage>(object.value(u"messages"), chatMessageFromJson, "messages");
    result.warnings = stringList(object.value(u"warnings"));
    if (!result.message && !result.queuedMessage && result.messages.isEmpty()
        && !object.contains(u"queued"))
        return std::nullopt;
    return result;
}

std::optional<EditMessageResult> editMessageResultFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    EditMessageResult result;
    // Tolerate a bare message as the answer, as for send.
    std::optional<ChatMessage> message = object.contains(u"message")
        ? chatMessageFromJson(object.value(u"message"))
        : chatMessageFromJson(object);
    if (!message)
        return std::nullopt;
    result.message = std::move(*message);
    result.messages =
        decodeArray<ChatMessage>(object.value(u"messages"), chatMessageFromJson, "messages");
    const QJsonArray deleted = object.value(u"deleted_message_ids").toArray();
    for (const QJsonValue &entry : deleted) {
        if (const std::optional<qint64> id = int64FromJson(entry); id && *id > 0)
            result.deletedMessageIds.append(MessageId{*id});
    }
    result.warnings = stringList(object.value(u"warnings"));
    return result;
}

// --- Smaller responses -----------------------------------------------------------------------

std::optional<ChatDiff> chatDiffFromJson(const QJsonValue &value)
{
    return decodeObject<ChatDiff>(value, [](const QJsonObject &object, ChatDiff &diff) {
        diff.chatId = uuidId<ChatId>(object, u"chat_id");
        readFields(object, diff, chatDiffFields);
        return true;
    });
}

std::optional<QList<PromptEntry>> promptsFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const auto prompt = [](const QJsonValue &entry) {
        return decodeObject<PromptEntry>(entry, [](const QJsonObject &object, PromptEntry &into) {
            into.id = MessageId{int64(object, u"id")};
            into.text = string(object, u"text");
            return true;
        });
    };
    return decodeArray<PromptEntry>(value.toObject().value(u"prompts"), prompt, "prompts");
}

std::optional<CostSummary> costSummaryFromJson(const QJsonValue &value)
{
    return decodeObject<CostSummary>(value, [](const QJsonObject &object, CostSummary &cost) {
        cost.chatId = uuidId<ChatId>(object, u"chat_id");
        readFields(object, cost, costSummaryFields);
        return true;
    });
}

std::optional<Organization> organizationFromJson(const QJsonValue &value)
{
    return decodeObject<Organization>(
        value, [](const QJsonObject &object, Organization &organization) {
            if (!readId(object, u"id", organization.id))
                return false;
            organization.name = string(object, u"display_name");
            if (organization.name.isEmpty())
                organization.name = string(object, u"name");
            organization.isDefault = boolean(object, u"is_default");
            return true;
        });
}

std::optional<QList<Organization>> organizationsFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    return decodeArray<Organization>(value, organizationFromJson, "organizations");
}

std::optional<User> userFromJson(const QJsonValue &value)
{
    return decodeObject<User>(value, [](const QJsonObject &object, User &user) {
        readFields(object, user, userFields);
        return readId(object, u"id", user.id);
    });
}

std::optional<QList<Workspace>> workspacesFromJson(const QJsonValue &value)
{
    const std::optional<QJsonArray> array = wrappedArray(value, u"workspaces");
    if (!array)
        return std::nullopt;
    const auto workspace = [](const QJsonValue &entry) {
        return decodeObject<Workspace>(entry, [](const QJsonObject &object, Workspace &into) {
            if (!readId(object, u"id", into.id))
                return false;
            into.name = string(object, u"name");
            into.ownerName = string(object, u"owner_name");
            into.organizationId = uuidId<OrganizationId>(object, u"organization_id");
            into.status = string(object.value(u"latest_build").toObject(), u"status");
            if (into.status.isEmpty())
                into.status = string(object, u"status");
            return true;
        });
    };
    return decodeArray<Workspace>(*array, workspace, "workspaces");
}

std::optional<BuildInfo> buildInfoFromJson(const QJsonValue &value)
{
    return decodeFields(value, buildInfoFields);
}

std::optional<FileId> uploadResponseFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const FileId id = uuidId<FileId>(value.toObject(), u"id");
    if (id.isNull())
        return std::nullopt;
    return id;
}

std::optional<QString> titleFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonValue title = value.toObject().value(u"title");
    if (!title.isString())
        return std::nullopt;
    return title.toString();
}

// --- Models ----------------------------------------------------------------------------------

namespace {

//! Newest shape: models carry the config UUID; providers are joined by ai_provider_id.
QList<ModelConfig> configModelsFromJson(const QJsonValue &models, const QJsonArray &providers)
{
    QHash<QUuid, QJsonObject> providerById;
    for (const QJsonValue &entry : providers) {
        const QJsonObject provider = entry.toObject();
        const QUuid id = uuid(provider, u"id");
        if (!id.isNull())
            providerById.insert(id, provider);
    }
    const bool haveProviders = !providerById.isEmpty();
    return decodeArray<ModelConfig>(
        models,
        [&](const QJsonValue &entry) -> std::optional<ModelConfig> {
            std::optional<ModelConfig> model = modelWithIdFromJson(entry);
            if (!model)
                return std::nullopt;
            const QJsonObject item = entry.toObject();
            const auto provider = providerById.constFind(uuid(item, u"ai_provider_id"));
            if (provider != providerById.cend()) {
                model->provider = string(*provider, u"type");
                model->providerDisplayName = string(*provider, u"display_name");
                model->available =
                    boolean(*provider, u"available", true) && boolean(*provider, u"enabled", true);
                model->unavailableReason = string(*provider, u"unavailable_reason");
            } else {
                model->provider = string(item, u"provider");
                // A model whose provider is not listed cannot be checked; only a response
                // without any provider list leaves it usable.
                model->available = !haveProviders;
            }
            return model;
        },
        "models");
}

//! Seed-era shape: providers[].models[] with "provider:model" string ids.
void readLegacyProviders(const QJsonArray &providers, ModelsResponse &response)
{
    for (const QJsonValue &entry : providers) {
        if (!entry.isObject())
            continue;
        const QJsonObject provider = entry.toObject();
        const QString providerName = string(provider, u"provider");
        const bool available = boolean(provider, u"available", true);
        const QString reason = string(provider, u"unavailable_reason");
        response.providers.append({providerName, available, reason});
        const QJsonArray models = provider.value(u"models").toArray();
        for (const QJsonValue &modelEntry : models) {
            if (!modelEntry.isObject())
                continue;
            const QJsonObject item = modelEntry.toObject();
            ModelConfig model;
            model.legacyId = string(item, u"id");
            model.id = uuidId<ModelConfigId>(item, u"id"); // null for "provider:model" ids
            readModelCommon(model, item);
            model.provider = string(item, u"provider");
            if (model.provider.isEmpty())
                model.provider = providerName;
            model.available = available;
            model.unavailableReason = reason;
            response.models.append(model);
        }
    }
}

//! No is_default in the seed-era shape: when its ids are config UUIDs, the first usable model is
//! the default (§9.4, §20.8).
void chooseLegacyDefault(ModelsResponse &response)
{
    response.idsAreConfigIds = !response.models.isEmpty()
        && std::all_of(response.models.cbegin(), response.models.cend(),
            [](const ModelConfig &model) { return !model.id.isNull(); });
    if (!response.idsAreConfigIds
        || std::any_of(response.models.cbegin(), response.models.cend(),
            [](const ModelConfig &model) { return model.isDefault; }))
        return;
    const auto usable = std::find_if(response.models.begin(), response.models.end(),
        [](const ModelConfig &model) { return model.isSelectable(); });
    if (usable != response.models.end())
        usable->isDefault = true;
}

} // namespace

std::optional<ModelsResponse> modelsFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const QJsonArray providers = object.value(u"providers").toArray();
    ModelsResponse response;
    if (object.value(u"models").isArray()) {
        response.models = configModelsFromJson(object.value(u"models"), providers);
        return response;
    }
    if (!object.value(u"providers").isArray())
        return std::nullopt;
    response.legacyShape = true;
    readLegacyProviders(providers, response);
    chooseLegacyDefault(response);
    return response;
}

std::optional<QList<ModelConfig>> modelConfigsFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    return decodeArray<ModelConfig>(
        value,
        [](const QJsonValue &entry) {
            std::optional<ModelConfig> model = modelWithIdFromJson(entry);
            if (model)
                model->provider = string(entry.toObject(), u"provider");
            return model;
        },
        "model configs");
}

QList<ModelConfig> joinLegacyModels(
    const ModelsResponse &catalog, const QList<ModelConfig> &configs)
{
    if (configs.isEmpty())
        return catalog.models;
    QList<ModelConfig> joined;
    joined.reserve(configs.size());
    for (ModelConfig config : configs) {
        const auto sameModel = [&config](const ModelConfig &entry) {
            return entry.provider == config.provider && entry.model == config.model;
        };
        const auto sameProvider = [&config](const ModelsResponse::Provider &entry) {
            return entry.provider == config.provider;
        };
        const auto match = std::find_if(catalog.models.cbegin(), catalog.models.cend(), sameModel);
        const auto provider =
            std::find_if(catalog.providers.cbegin(), catalog.providers.cend(), sameProvider);
        if (match != catalog.models.cend()) {
            config.legacyId = match->legacyId;
            config.available = match->available;
            config.unavailableReason = match->unavailableReason;
        } else if (provider != catalog.providers.cend()) {
            // The provider is known but does not list this model: usable only if the provider
            // is, and then the server decides.
            config.available = provider->available;
            config.unavailableReason = provider->unavailableReason;
        } else {
            config.available = false;
            config.unavailableReason = u"unknown_provider"_s;
        }
        joined.append(config);
    }
    return joined;
}

// --- Live events -----------------------------------------------------------------------------

namespace {

//! Fills \a event from \a object; false when a known type lacks what it must carry.
bool readStreamEvent(const QJsonObject &object, StreamEvent &event)
{
    event.raw = object;
    event.typeRaw = string(object, u"type");
    event.type = streamEventTypeFromString(event.typeRaw);
    event.chatId = uuidId<ChatId>(object, u"chat_id");

    switch (event.type) {
    case StreamEvent::Type::MessagePart: {
        const QJsonObject wrapper = object.value(u"message_part").toObject();
        std::optional<MessagePart> part = messagePartFromJson(wrapper.value(u"part"));
        if (!part)
            return false;
        event.part = std::move(*part);
        event.roleRaw = string(wrapper, u"role");
        event.role = messageRoleFromString(event.roleRaw);
        event.historyVersion = optionalInt64(wrapper, u"history_version");
        event.generationAttempt = optionalInt64(wrapper, u"generation_attempt");
        event.seq = optionalInt64(wrapper, u"seq");
        break;
    }
    case StreamEvent::Type::Message: {
        std::optional<ChatMessage> message = chatMessageFromJson(object.value(u"message"));
        if (!message)
            return false;
        event.message = std::move(*message);
        break;
    }
    case StreamEvent::Type::Status: {
        const QJsonValue status = object.value(u"status");
        // {status: {status: "running"}}; accept a bare string too.
        event.statusRaw =
            status.isObject() ? string(status.toObject(), u"status") : status.toString();
        event.status = chatStatusFromString(event.statusRaw);
        break;
    }
    case StreamEvent::Type::Error:
        // An error event always ends the turn, even when its body is unreadable.
        event.error = chatErrorFromJson(object.value(u"error")).value_or(ChatError{});
        break;
    case StreamEvent::Type::Retry: {
        readFields(object.value(u"retry").toObject(), event.retry, streamRetryFields);
        event.retry.kind = chatErrorKindFromString(event.retry.kindRaw);
        break;
    }
    case StreamEvent::Type::QueueUpdate:
        event.queuedMessages = decodeArray<QueuedMessage>(
            object.value(u"queued_messages"), queuedMessageFromJson, "queued messages");
        break;
    case StreamEvent::Type::ActionRequired:
        event.actionRequired =
            toolCallsFromJson(object.value(u"action_required").toObject().value(u"tool_calls"));
        break;
    case StreamEvent::Type::PreviewReset:
    case StreamEvent::Type::HistoryReset:
    case StreamEvent::Type::Unknown:
    case StreamEvent::Type::EnvelopeError:
        break;
    }
    return true;
}

} // namespace

std::optional<StreamEvent> streamEventFromJson(const QJsonValue &value)
{
    return decodeObject<StreamEvent>(value, readStreamEvent);
}

std::optional<WatchEvent> watchEventFromJson(const QJsonValue &value)
{
    return decodeObject<WatchEvent>(value, [](const QJsonObject &object, WatchEvent &event) {
        event.raw = object;
        event.kindRaw = string(object, u"kind");
        event.kind = watchEventKindFromString(event.kindRaw);
        if (std::optional<Chat> chat = chatFromJson(object.value(u"chat"))) {
            event.chat = std::move(*chat);
            event.hasChat = true;
        }
        event.toolCalls = toolCallsFromJson(object.value(u"tool_calls"));
        // Every known kind carries at least the chat id.
        return event.hasChat || event.kind == WatchEvent::Kind::Unknown;
    });
}

namespace {

//! The elements of one /stream or /watch frame, whatever its framing (§10.1): a JSON array, a
//! legacy envelope (ping: nothing; data: its event or events; error: `errorEnvelope`), or one
//! bare object. nullopt when the frame is not JSON at all (logged).
struct FrameElements
{
    QJsonArray elements;
    std::optional<QJsonObject> errorEnvelope;
};

std::optional<FrameElements> frameElements(
    const QByteArray &frame, const QLoggingCategory &category, const char *feed)
{
    QString errorText;
    const std::optional<QJsonValue> document = parseDocument(frame, &errorText);
    if (!document) {
        qCWarning(category) << "dropping an undecodable" << feed << "frame of" << frame.size()
                            << "bytes:" << errorText;
        return std::nullopt;
    }
    FrameElements result;
    if (document->isArray()) {
        result.elements = document->toArray();
        return result;
    }
    const QJsonObject object = document->toObject();
    if (!isLegacyEnvelope(object)) {
        result.elements.append(object);
        return result;
    }
    const QString type = string(object, u"type");
    if (type == u"error") {
        result.errorEnvelope = object;
    } else if (type != u"ping") {
        const QJsonValue data = object.value(u"data");
        if (data.isArray())
            result.elements = data.toArray();
        else
            result.elements.append(data);
    }
    return result;
}

//! Decodes every element; a malformed one is skipped (and counted), never the whole frame.
template<typename Event, typename Decode>
QList<Event> decodeElements(
    const QJsonArray &elements, Decode decode, const QLoggingCategory &category, const char *feed)
{
    qsizetype skipped = 0;
    QList<Event> events = decodeEach<Event>(elements, decode, skipped);
    if (skipped > 0) {
        qCWarning(category) << "skipped" << skipped << "malformed events of" << elements.size()
                            << "in a" << feed << "frame";
    }
    return events;
}

} // namespace

QList<StreamEvent> decodeStreamFrame(const QByteArray &frame)
{
    const std::optional<FrameElements> parsed = frameElements(frame, lcStream(), "stream");
    if (!parsed)
        return {};
    if (parsed->errorEnvelope) {
        StreamEvent event;
        event.type = StreamEvent::Type::EnvelopeError;
        event.typeRaw = u"error"_s;
        event.raw = *parsed->errorEnvelope;
        event.error =
            chatErrorFromJson(parsed->errorEnvelope->value(u"data")).value_or(ChatError{});
        return {event};
    }
    return decodeElements<StreamEvent>(
        parsed->elements, [](const QJsonValue &v) { return streamEventFromJson(v); }, lcStream(),
        "stream");
}

QList<WatchEvent> decodeWatchFrame(const QByteArray &frame)
{
    const std::optional<FrameElements> parsed = frameElements(frame, lcWatch(), "watch");
    if (!parsed)
        return {};
    if (parsed->errorEnvelope) {
        qCWarning(lcWatch) << "watch feed reported an error:"
                           << string(parsed->errorEnvelope->value(u"data").toObject(), u"message");
        return {};
    }
    return decodeElements<WatchEvent>(
        parsed->elements, [](const QJsonValue &v) { return watchEventFromJson(v); }, lcWatch(),
        "watch");
}

// --- Encoders: requests ----------------------------------------------------------------------

QJsonObject toJson(const InputPart &part)
{
    QJsonObject object;
    switch (part.kind) {
    case InputPart::Kind::Text:
        object.insert(u"type", u"text"_s);
        object.insert(u"text", part.text);
        break;
    case InputPart::Kind::File:
        object.insert(u"type", u"file"_s);
        object.insert(u"file_id", part.fileId.toString());
        break;
    case InputPart::Kind::FileReference:
        object.insert(u"type", u"file-reference"_s);
        object.insert(u"file_name", part.fileName);
        object.insert(u"start_line", part.startLine);
        object.insert(u"end_line", part.endLine);
        object.insert(u"content", part.content);
        break;
    }
    return object;
}

QJsonArray toJson(const QList<InputPart> &parts)
{
    QJsonArray array;
    for (const InputPart &part : parts)
        array.append(toJson(part));
    return array;
}

QJsonObject toJson(const CreateChatRequest &request)
{
    QJsonObject object;
    object.insert(u"organization_id", request.organizationId.toString());
    object.insert(u"content", toJson(request.content));
    insertIfNotNull(object, u"workspace_id", request.workspaceId);
    insertIfNotNull(object, u"model_config_id", request.modelConfigId);
    insertIfNotEmpty(object, u"reasoning_effort", request.reasoningEffort);
    if (!request.mcpServerIds.isEmpty())
        object.insert(u"mcp_server_ids", uuidsToJson(request.mcpServerIds));
    if (!request.labels.isEmpty())
        object.insert(u"labels", labelsToJson(request.labels));
    if (request.planMode)
        object.insert(u"plan_mode", u"plan"_s);
    insertIfNotEmpty(object, u"system_prompt", request.systemPrompt);
    insertIfNotEmpty(object, u"client_type", request.clientType);
    return object;
}

QJsonObject toJson(const UpdateChatRequest &request)
{
    QJsonObject object;
    if (request.title)
        object.insert(u"title", *request.title);
    if (request.archived)
        object.insert(u"archived", *request.archived);
    if (request.pinOrder)
        object.insert(u"pin_order", *request.pinOrder);
    if (request.labels)
        object.insert(u"labels", labelsToJson(*request.labels));
    if (request.workspaceId) {
        // The all-zero UUID unbinds (§4): a null QUuid prints exactly that.
        object.insert(u"workspace_id", request.workspaceId->toString());
    }
    if (request.planMode)
        object.insert(u"plan_mode", *request.planMode ? u"plan"_s : QString());
    return object;
}

QJsonObject toJson(const SendMessageRequest &request)
{
    QJsonObject object;
    object.insert(u"content", toJson(request.content));
    object.insert(u"busy_behavior",
        request.busyBehavior == BusyBehavior::Interrupt ? u"interrupt"_s : u"queue"_s);
    if (request.modelConfigId && !request.modelConfigId->isNull())
        object.insert(u"model_config_id", request.modelConfigId->toString());
    if (request.planMode)
        object.insert(u"plan_mode", *request.planMode ? u"plan"_s : QString());
    insertIfNotEmpty(object, u"reasoning_effort", request.reasoningEffort);
    if (request.mcpServerIds)
        object.insert(u"mcp_server_ids", uuidsToJson(*request.mcpServerIds));
    return object;
}

QJsonObject toJson(const EditMessageRequest &request)
{
    QJsonObject object;
    object.insert(u"content", toJson(request.content));
    if (request.modelConfigId && !request.modelConfigId->isNull())
        object.insert(u"model_config_id", request.modelConfigId->toString());
    insertIfNotEmpty(object, u"reasoning_effort", request.reasoningEffort);
    return object;
}

QJsonObject toJson(const QList<ToolResult> &results)
{
    QJsonArray array;
    for (const ToolResult &result : results) {
        QJsonObject object;
        object.insert(u"tool_call_id", result.toolCallId);
        object.insert(
            u"output", result.output.isUndefined() ? QJsonValue(QJsonValue::Null) : result.output);
        object.insert(u"is_error", result.isError);
        array.append(object);
    }
    return QJsonObject{{u"results"_s, array}};
}

// --- Encoders: entities (server shape) -------------------------------------------------------

QJsonObject toJson(const ChatError &error)
{
    QJsonObject object;
    writeFields(object, error, chatErrorFields);
    const QString kind = error.kindRaw.isEmpty() ? toString(error.kind) : error.kindRaw;
    insertIfNotEmpty(object, u"kind", kind);
    return object;
}

QJsonObject toJson(const DiffStatus &status)
{
    QJsonObject object;
    object.insert(u"chat_id", status.chatId.toString());
    writeFields(object, status, diffStatusFields);
    return object;
}

QJsonObject toJson(const ChatFileMetadata &file)
{
    QJsonObject object;
    object.insert(u"id", file.id.toString());
    insertIfNotNull(object, u"owner_id", file.ownerId);
    insertIfNotNull(object, u"organization_id", file.organizationId);
    writeFields(object, file, chatFileFields);
    return object;
}

QJsonObject toJson(const Chat &chat)
{
    QJsonObject object;
    object.insert(u"id", chat.id.toString());
    object.insert(u"organization_id", chat.organizationId.toString());
    object.insert(u"owner_id", chat.ownerId.toString());
    writeFields(object, chat, chatFields);
    insertIfNotNull(object, u"workspace_id", chat.workspaceId);
    if (!chat.buildId.isNull())
        object.insert(u"build_id", chat.buildId.toString(QUuid::WithoutBraces));
    if (!chat.agentId.isNull())
        object.insert(u"agent_id", chat.agentId.toString(QUuid::WithoutBraces));
    insertIfNotNull(object, u"parent_chat_id", chat.parentChatId);
    insertIfNotNull(object, u"root_chat_id", chat.rootChatId);
    object.insert(u"last_model_config_id", chat.lastModelConfigId.toString());
    object.insert(u"status", chat.statusRaw.isEmpty() ? toString(chat.status) : chat.statusRaw);
    if (chat.planMode)
        object.insert(u"plan_mode", u"plan"_s);
    if (chat.lastError)
        object.insert(u"last_error", toJson(*chat.lastError));
    if (chat.diffStatus)
        object.insert(u"diff_status", toJson(*chat.diffStatus));
    object.insert(u"pin_order", chat.pinOrder);
    object.insert(u"mcp_server_ids", uuidsToJson(chat.mcpServerIds));
    object.insert(u"labels", labelsToJson(chat.labels));
    if (!chat.files.isEmpty()) {
        QJsonArray files;
        for (const ChatFileMetadata &file : chat.files)
            files.append(toJson(file));
        object.insert(u"files", files);
    }
    QJsonArray children;
    for (const Chat &child : chat.children)
        children.append(toJson(child));
    object.insert(u"children", children);
    if (!chat.warnings.isEmpty())
        object.insert(u"warnings", QJsonArray::fromStringList(chat.warnings));
    if (chat.queuedForCapacity)
        object.insert(u"queued_for_capacity", true);
    if (chat.context)
        object.insert(u"context", toJson(*chat.context));
    return object;
}

QJsonObject toJson(const MessagePart &part)
{
    if (part.kind == MessagePart::Kind::Unknown)
        return part.raw; // nothing is understood, so the original is the only faithful form
    QJsonObject object;
    object.insert(u"type", part.typeRaw.isEmpty() ? toString(part.kind) : part.typeRaw);
    if (!part.text.isEmpty())
        object.insert(u"text", part.text);
    const MessagePartDetail &detail = part.detail();
    writeFields(object, detail, messagePartFields);
    if (!detail.args.isUndefined() && !detail.args.isNull())
        object.insert(u"args", detail.args);
    if (!detail.parsedCommands.isEmpty()) {
        QJsonArray commands;
        for (const QStringList &command : detail.parsedCommands)
            commands.append(QJsonArray::fromStringList(command));
        object.insert(u"parsed_commands", commands);
    }
    if (!detail.result.isUndefined() && !detail.result.isNull())
        object.insert(u"result", detail.result);
    insertIfNotNull(object, u"file_id", detail.fileId);
    if (!detail.data.isEmpty())
        object.insert(u"data", QString::fromLatin1(detail.data.toBase64()));
    if (part.kind == MessagePart::Kind::FileReference || detail.startLine != 0
        || detail.endLine != 0) {
        object.insert(u"start_line", detail.startLine);
        object.insert(u"end_line", detail.endLine);
    }
    return object;
}

QJsonObject toJson(const MessageUsage &usage)
{
    QJsonObject object;
    writeFields(object, usage, messageUsageFields);
    return object;
}

QJsonObject toJson(const ChatMessage &message)
{
    QJsonObject object;
    object.insert(u"id", message.id.value);
    object.insert(u"chat_id", message.chatId.toString());
    insertIfNotNull(object, u"created_by", message.createdBy);
    insertIfNotNull(object, u"model_config_id", message.modelConfigId);
    insertIfValid(object, u"created_at", message.createdAt);
    object.insert(u"role", message.roleRaw.isEmpty() ? toString(message.role) : message.roleRaw);
    object.insert(u"content", partsToJson(message.parts));
    if (message.usage)
        object.insert(u"usage", toJson(*message.usage));
    return object;
}

QJsonObject toJson(const QueuedMessage &message)
{
    QJsonObject object;
    object.insert(u"id", message.id.value);
    object.insert(u"chat_id", message.chatId.toString());
    insertIfNotNull(object, u"model_config_id", message.modelConfigId);
    object.insert(u"content", partsToJson(message.parts));
    insertIfValid(object, u"created_at", message.createdAt);
    return object;
}

} // namespace AgentDesk::ApiJson
