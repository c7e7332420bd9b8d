#include "core/live/MessageAssembler.h"

#include "core/Logging.h"
#include "core/live/PartialJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace AgentDesk {

using namespace Qt::StringLiterals;

namespace {

bool isWhitespaceOnly(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

bool isPresent(const QJsonValue &value)
{
    // §17: absent and null are equivalent.
    return !value.isUndefined() && !value.isNull();
}

QByteArray serialize(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // Scalars: serialize inside an array and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

//! A JSON-encoded string becomes its value (§17.5); anything else stays as it is.
QJsonValue decodeStringValue(const QJsonValue &value)
{
    if (!value.isString())
        return value;
    const QString text = value.toString().trimmed();
    if (!text.startsWith(u'{') && !text.startsWith(u'['))
        return value;
    if (auto decoded = PartialJson::parseComplete(text.toUtf8()))
        return *decoded;
    return value;
}

//! Whether streamed JSON of `size` bytes, last parsed at `parsedSize`, is parsed again. Small
//! buffers are parsed on every delta, larger ones each time they grew by a quarter, so that
//! thousands of deltas cost linear time, not quadratic; past `maxParsed` the last parse stays
//! (the card shows only the beginning, and the committed message brings the whole value).
bool shouldReparse(qsizetype size, qsizetype parsedSize)
{
    constexpr qsizetype alwaysBelow = 16 * 1024;
    constexpr qsizetype maxParsed = 256 * 1024; // one parse stays within milliseconds
    return size <= alwaysBelow || (size <= maxParsed && size >= parsedSize + parsedSize / 4);
}

//! Appends a streamed delta of a JSON value to its text `raw` and, when shouldReparse says so,
//! parses what has come so far into `value` (Undefined while it cannot even be partly parsed).
void appendStreamedJson(
    const QString &delta, QByteArray &raw, qsizetype &parsedSize, QJsonValue &value)
{
    raw.append(delta.toUtf8());
    if (!shouldReparse(raw.size(), parsedSize))
        return;
    parsedSize = raw.size();
    if (auto parsed = PartialJson::parse(raw))
        value = *parsed;
    else
        value = QJsonValue::Undefined;
}

//! Streamed JSON text as the preview shows it: at most the first maxPreviewTextChars bytes
//! (converting tens of megabytes at every publish would stall the GUI thread).
QString previewOfRaw(const QByteArray &raw)
{
    const qsizetype length = std::min(raw.size(), MessageAssembler::maxPreviewTextChars);
    return QString::fromUtf8(QByteArrayView(raw).first(length));
}

//! A tool call or result part of the streamed call `toolCallId`.
MessagePart toolPart(MessagePart::Kind kind, const QString &typeRaw, const QString &toolCallId,
    const QString &toolName)
{
    MessagePart part;
    part.kind = kind;
    part.typeRaw = typeRaw;
    part.editDetail().toolCallId = toolCallId;
    part.editDetail().toolName = toolName;
    return part;
}

//! A streamed value: what was parsed of it, else its raw text shown as a string (`preview`),
//! else nothing.
QJsonValue parsedOrPreview(const QJsonValue &parsed, const QByteArray &raw, const QString &preview)
{
    if (!parsed.isUndefined())
        return parsed;
    return raw.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(preview);
}

bool endsTurn(ChatStatus status)
{
    return status == ChatStatus::Waiting || status == ChatStatus::Error
        || status == ChatStatus::RequiresAction || status == ChatStatus::Completed;
}

void appendUnique(QList<MessageId> &list, MessageId id)
{
    if (!list.contains(id))
        list.append(id);
}

} // namespace

// --- Changes -----------------------------------------------------------------------------

bool MessageAssembler::Changes::isEmpty() const noexcept
{
    return upserted.isEmpty() && removed.isEmpty() && !previewChanged && !queueChanged
        && !statusChanged && !errorChanged && !retryChanged && !actionsChanged && !historyReset
        && newActions.isEmpty() && childStatusesChanged.isEmpty();
}

void MessageAssembler::Changes::merge(const Changes &later)
{
    for (const MessageId id : later.upserted) {
        removed.removeAll(id);
        appendUnique(upserted, id);
    }
    for (const MessageId id : later.removed) {
        upserted.removeAll(id);
        appendUnique(removed, id);
    }
    previewChanged = previewChanged || later.previewChanged;
    queueChanged = queueChanged || later.queueChanged;
    statusChanged = statusChanged || later.statusChanged;
    errorChanged = errorChanged || later.errorChanged;
    retryChanged = retryChanged || later.retryChanged;
    actionsChanged = actionsChanged || later.actionsChanged;
    historyReset = historyReset || later.historyReset;
    newActions.append(later.newActions);
    for (const ChatId &child : later.childStatusesChanged) {
        if (!childStatusesChanged.contains(child))
            childStatusesChanged.append(child);
    }
}

// --- MessageAssembler --------------------------------------------------------------------

MessageAssembler::MessageAssembler(ChatId chat)
    : m_chat(std::move(chat))
{
}

MessageAssembler::Changes MessageAssembler::apply(const StreamEvent &event)
{
    Changes changes;
    // §12.7: another chat's events (a sub-agent on the parent's stream, seed era) only update
    // that child's status. A missing chat_id is taken as ours (lenient).
    if (!event.chatId.isNull() && event.chatId != m_chat) {
        if (event.type == StreamEvent::Type::Status) {
            const auto it = m_childStatuses.constFind(event.chatId);
            if (it == m_childStatuses.cend() || *it != event.status) {
                m_childStatuses.insert(event.chatId, event.status);
                changes.childStatusesChanged.append(event.chatId);
            }
        }
        return changes;
    }

    // §13.7 history_reset: the stale messages not re-sent are dropped when the first event
    // that is not a `message` arrives.
    if (m_stale && event.type != StreamEvent::Type::Message)
        pruneStale(changes);

    switch (event.type) {
    case StreamEvent::Type::MessagePart:
        applyMessagePart(event, changes);
        if (m_retry) {
            // The provider answers again: the retry is over, the real answer streams.
            m_retry.reset();
            changes.retryChanged = true;
        }
        break;
    case StreamEvent::Type::Message:
        applyMessage(event.message, changes);
        break;
    case StreamEvent::Type::Status:
        applyStatus(event, changes);
        break;
    case StreamEvent::Type::Error:
        clearPreview(changes);
        m_error = event.error;
        changes.errorChanged = true;
        if (m_retry) {
            m_retry.reset();
            changes.retryChanged = true;
        }
        break;
    case StreamEvent::Type::Retry:
        clearPreview(changes); // the step will be regenerated
        m_retry = event.retry;
        changes.retryChanged = true;
        break;
    case StreamEvent::Type::QueueUpdate:
        m_queue = event.queuedMessages;
        changes.queueChanged = true;
        break;
    case StreamEvent::Type::ActionRequired:
        applyActionRequired(event.actionRequired, changes);
        break;
    case StreamEvent::Type::PreviewReset:
        clearPreview(changes);
        // Keep the episode key so older episodes stay rejected; the replay starts at seq 1.
        if (m_episode)
            m_episode->lastSeq = 0;
        break;
    case StreamEvent::Type::HistoryReset: {
        clearPreview(changes);
        m_episode.reset();
        QSet<MessageId> stale;
        for (const auto &entry : m_committed)
            stale.insert(entry.first);
        m_stale = std::move(stale);
        break;
    }
    case StreamEvent::Type::EnvelopeError:
        // A legacy stream-level failure, not a turn failure: logged by the stream client.
        break;
    case StreamEvent::Type::Unknown:
        // §17.3: unknown event types are skipped, the socket stays open.
        break;
    }
    return changes;
}

MessageAssembler::Changes MessageAssembler::applyBatch(const QList<StreamEvent> &events)
{
    Changes changes;
    for (const StreamEvent &event : events)
        changes.merge(apply(event));
    if (m_stale)
        pruneStale(changes);
    m_inSnapshot = false;
    return changes;
}

MessageAssembler::Changes MessageAssembler::loadHistory(const QList<ChatMessage> &messages)
{
    Changes changes;
    for (const ChatMessage &message : messages) {
        if (!message.id.isValid())
            continue;
        if (!message.chatId.isNull() && message.chatId != m_chat)
            continue;
        upsertCommitted(message, changes);
    }
    return changes;
}

MessageAssembler::Changes MessageAssembler::removeMessages(const QList<MessageId> &ids)
{
    Changes changes;
    for (const MessageId id : ids)
        eraseCommitted(id, changes);
    return changes;
}

MessageAssembler::Changes MessageAssembler::beginConnection()
{
    Changes changes;
    // A replay interrupted by the drop leaves nothing to prune safely: the new snapshot will
    // not re-send what lies below after_id, so keep every message rather than lose some.
    m_stale.reset();
    clearPreview(changes);
    m_episode.reset();
    m_inSnapshot = true;
    return changes;
}

std::optional<ChatMessage> MessageAssembler::message(MessageId id) const
{
    const auto it = m_committed.find(id);
    if (it == m_committed.end())
        return std::nullopt;
    return *it->second;
}

SharedChatMessage MessageAssembler::sharedMessage(MessageId id) const
{
    const auto it = m_committed.find(id);
    return it == m_committed.end() ? nullptr : it->second;
}

std::optional<MessageId> MessageAssembler::lastCommittedId() const
{
    if (m_committed.empty())
        return std::nullopt;
    return m_committed.rbegin()->first;
}

std::optional<ChatMessage> MessageAssembler::preview() const
{
    if (m_blocks.empty())
        return std::nullopt;
    ChatMessage message;
    message.chatId = m_chat;
    message.role = MessageRole::Assistant;
    message.roleRaw = u"assistant"_s;
    for (const Block &block : m_blocks) {
        switch (block.kind) {
        case Block::Kind::Text:
        case Block::Kind::Reasoning: {
            MessagePart part;
            const bool text = block.kind == Block::Kind::Text;
            part.kind = text ? MessagePart::Kind::Text : MessagePart::Kind::Reasoning;
            part.typeRaw = text ? u"text"_s : u"reasoning"_s;
            part.text = block.text.size() > maxPreviewTextChars ? block.previewText : block.text;
            part.editDetail().title = block.title;
            part.editDetail().createdAt = block.createdAt;
            message.parts.append(part);
            break;
        }
        case Block::Kind::Tool: {
            if (!block.resultOnly) {
                MessagePart call = toolPart(
                    MessagePart::Kind::ToolCall, u"tool-call"_s, block.toolCallId, block.toolName);
                // Streaming arguments that cannot even be partially parsed show as raw text.
                call.editDetail().argsDelta = previewOfRaw(block.argsRaw);
                call.editDetail().args =
                    parsedOrPreview(block.args, block.argsRaw, call.detail().argsDelta);
                call.editDetail().parsedCommands = block.parsedCommands;
                call.editDetail().createdAt = block.createdAt;
                message.parts.append(call);
            }
            if (block.resultOnly || block.hasResult || block.isError
                || !block.resultRaw.isEmpty()) {
                MessagePart result = toolPart(MessagePart::Kind::ToolResult, u"tool-result"_s,
                    block.toolCallId, block.toolName);
                result.editDetail().resultDelta = previewOfRaw(block.resultRaw);
                result.editDetail().result =
                    parsedOrPreview(block.result, block.resultRaw, result.detail().resultDelta);
                result.editDetail().isError = block.isError;
                result.editDetail().createdAt = block.resultCreatedAt;
                message.parts.append(result);
            }
            break;
        }
        case Block::Kind::File:
            message.parts.append(block.file);
            break;
        case Block::Kind::Sources:
            message.parts.append(block.sources);
            break;
        }
    }
    return message;
}

// --- message_part ------------------------------------------------------------------------

void MessageAssembler::applyMessagePart(const StreamEvent &event, Changes &changes)
{
    // Seed-era rule (§13.2): parts arriving after the turn ended are stale, except inside the
    // snapshot of a new connection.
    if ((m_status == ChatStatus::Waiting || m_status == ChatStatus::Error) && !m_inSnapshot)
        return;

    // §12.5 episode gating, for servers that send the fields.
    if (event.historyVersion || event.generationAttempt || event.seq) {
        const qint64 hv = event.historyVersion.value_or(0);
        const qint64 ga = event.generationAttempt.value_or(0);
        const auto key = std::pair(hv, ga);
        if (!m_episode
            || key > std::pair(m_episode->historyVersion, m_episode->generationAttempt)) {
            clearPreview(changes);
            m_episode = Episode{hv, ga, 0};
        } else if (key < std::pair(m_episode->historyVersion, m_episode->generationAttempt)) {
            return; // an older episode
        }
        if (event.seq) {
            if (*event.seq <= m_episode->lastSeq)
                return; // a duplicate, e.g. replayed after a reconnect
            m_episode->lastSeq = *event.seq;
        }
    }
    applyPart(event.part, changes);
}

MessageAssembler::Block &MessageAssembler::appendBlock(Block::Kind kind)
{
    Block block;
    block.kind = kind;
    m_blocks.push_back(std::move(block));
    return m_blocks.back();
}

void MessageAssembler::applyPart(const MessagePart &part, Changes &changes)
{
    switch (part.kind) {
    case MessagePart::Kind::Text:
    case MessagePart::Kind::Reasoning: {
        const auto kind =
            part.kind == MessagePart::Kind::Text ? Block::Kind::Text : Block::Kind::Reasoning;
        Block *last = m_blocks.empty() ? nullptr : &m_blocks.back();
        const bool continues = last && last->kind == kind;
        if (part.text.isEmpty()) {
            // A title-only reasoning part (some builds) names the current or a new block.
            if (kind == Block::Kind::Reasoning && !part.detail().title.isEmpty()) {
                Block &block = continues ? *last : appendBlock(kind);
                block.title = part.detail().title;
                changes.previewChanged = true;
            }
            return;
        }
        if (!continues && isWhitespaceOnly(part.text))
            return; // the web UI opens no block for whitespace; inside a block it is kept
        Block &block = continues ? *last : appendBlock(kind);
        if (!continues)
            block.createdAt = part.detail().createdAt;
        block.text.append(part.text); // verbatim: no separator, no trimming
        if (block.text.size() > maxPreviewTextChars && block.previewText.isEmpty())
            block.previewText = block.text.left(maxPreviewTextChars);
        if (!part.detail().title.isEmpty() && block.title.isEmpty())
            block.title = part.detail().title;
        changes.previewChanged = true;
        return;
    }
    case MessagePart::Kind::ToolCall:
        applyToolCall(part, changes);
        return;
    case MessagePart::Kind::ToolResult:
        applyToolResult(part, changes);
        return;
    case MessagePart::Kind::Source: {
        if (part.detail().url.isEmpty())
            return;
        if (m_blocks.empty() || m_blocks.back().kind != Block::Kind::Sources)
            appendBlock(Block::Kind::Sources);
        Block &block = m_blocks.back();
        const bool duplicate = std::any_of(block.sources.cbegin(), block.sources.cend(),
            [&](const MessagePart &source) { return source.detail().url == part.detail().url; });
        if (!duplicate) {
            block.sources.append(part);
            changes.previewChanged = true;
        }
        return;
    }
    case MessagePart::Kind::File:
        appendBlock(Block::Kind::File).file = part;
        changes.previewChanged = true;
        return;
    case MessagePart::Kind::FileReference:
    case MessagePart::Kind::ContextFile:
    case MessagePart::Kind::Skill:
    case MessagePart::Kind::HookNotice:
    case MessagePart::Kind::Unknown:
        return; // §13.3: not part of a preview
    }
}

MessageAssembler::Block *MessageAssembler::toolBlock(const QString &toolCallId)
{
    const auto it = m_toolIndex.constFind(toolCallId);
    if (it == m_toolIndex.cend() || *it < 0 || size_t(*it) >= m_blocks.size())
        return nullptr;
    return &m_blocks[size_t(*it)];
}

void MessageAssembler::applyToolCall(const MessagePart &part, Changes &changes)
{
    if (part.detail().providerExecuted)
        return; // provider-side tools (web search, …) are not shown, as in the web UI

    QString id = part.detail().toolCallId;
    Block *block = id.isEmpty() ? nullptr : toolBlock(id);
    if (!block && id.isEmpty()) {
        // Defensive fallback of the web UI: the latest same-named call without arguments yet.
        for (auto it = m_blocks.rbegin(); it != m_blocks.rend(); ++it) {
            if (it->kind == Block::Kind::Tool && !it->resultOnly
                && it->toolName == part.detail().toolName && it->argsRaw.isEmpty()
                && it->args.isUndefined()) {
                block = &*it;
                break;
            }
        }
        if (!block)
            id = u"local-%1"_s.arg(++m_localIds);
    }
    if (!block) {
        Block &created = appendBlock(Block::Kind::Tool);
        created.toolCallId = id;
        created.toolName = part.detail().toolName;
        created.createdAt = part.detail().createdAt;
        m_toolIndex.insert(id, int(m_blocks.size()) - 1);
        block = &created;
    }
    if (block->resultOnly) {
        // The call streams after its result was already shown: it is a call after all.
        block->resultOnly = false;
    }
    if (!part.detail().toolName.isEmpty())
        block->toolName = part.detail().toolName;

    if (isPresent(part.detail().args)) {
        // The final call replaces whatever the deltas accumulated (§13.3).
        block->args = decodeStringValue(part.detail().args);
        block->argsRaw = serialize(block->args);
        block->argsParsedSize = block->argsRaw.size();
        if (!part.detail().parsedCommands.isEmpty())
            block->parsedCommands = part.detail().parsedCommands;
        if (part.detail().createdAt.isValid())
            block->createdAt = part.detail().createdAt;
    } else if (!part.detail().argsDelta.isEmpty()) {
        appendStreamedJson(
            part.detail().argsDelta, block->argsRaw, block->argsParsedSize, block->args);
    }
    changes.previewChanged = true;
}

void MessageAssembler::applyToolResult(const MessagePart &part, Changes &changes)
{
    if (part.detail().providerExecuted)
        return;
    const QString id = part.detail().toolCallId;
    if (id.isEmpty())
        return; // a result that cannot be attached anywhere
    Block *block = toolBlock(id);
    if (!block) {
        // Normally the call is already committed (§13.3): a result-only block carries the
        // result until the tool message commits. Unknown calls (history not loaded) get one too.
        Block &created = appendBlock(Block::Kind::Tool);
        created.toolCallId = id;
        created.toolName = part.detail().toolName;
        created.resultOnly = true;
        m_toolIndex.insert(id, int(m_blocks.size()) - 1);
        block = &created;
    }
    if (block->toolName.isEmpty())
        block->toolName = part.detail().toolName;
    if (part.detail().resultReset) {
        block->resultRaw.clear();
        block->resultParsedSize = 0;
        block->result = QJsonValue::Undefined;
        block->hasResult = false;
    }
    if (isPresent(part.detail().result)) {
        block->result = decodeStringValue(part.detail().result);
        block->resultRaw = serialize(block->result);
        block->resultParsedSize = block->resultRaw.size();
        block->hasResult = true;
    } else if (!part.detail().resultDelta.isEmpty()) {
        appendStreamedJson(
            part.detail().resultDelta, block->resultRaw, block->resultParsedSize, block->result);
    }
    if (part.detail().isError)
        block->isError = true;
    if (part.detail().createdAt.isValid())
        block->resultCreatedAt = part.detail().createdAt;
    changes.previewChanged = true;
}

// --- message and the rest ----------------------------------------------------------------

void MessageAssembler::applyMessage(const ChatMessage &message, Changes &changes)
{
    if (!message.id.isValid())
        return; // nothing to key it by
    if (!message.chatId.isNull() && message.chatId != m_chat)
        return;
    upsertCommitted(message, changes);
    if (m_stale)
        m_stale->remove(message.id);

    if (message.role == MessageRole::Assistant) {
        clearPreview(changes); // the committed step supersedes the streamed one (§13.4)
    } else if (message.role == MessageRole::Tool) {
        bool removedAny = false;
        for (const MessagePart &part : message.parts) {
            if (part.kind != MessagePart::Kind::ToolResult)
                continue;
            const auto it = m_toolIndex.constFind(part.detail().toolCallId);
            if (it == m_toolIndex.cend())
                continue;
            const int index = *it;
            if (index >= 0 && size_t(index) < m_blocks.size()) {
                m_blocks.erase(m_blocks.begin() + index);
                removedAny = true;
                reindexTools();
            }
        }
        if (removedAny)
            changes.previewChanged = true;
    }
}

void MessageAssembler::applyStatus(const StreamEvent &event, Changes &changes)
{
    if (m_status != event.status || m_statusRaw != event.statusRaw) {
        m_status = event.status;
        m_statusRaw = event.statusRaw;
        changes.statusChanged = true;
    }
    if (event.status == ChatStatus::Running) {
        // A new turn (or the retried one) runs: the banners of the last one go.
        if (m_retry) {
            m_retry.reset();
            changes.retryChanged = true;
        }
        if (m_error) {
            m_error.reset();
            changes.errorChanged = true;
        }
    }
    if (endsTurn(event.status)) {
        clearPreview(changes); // anything unpersisted is gone
        if (m_retry) {
            m_retry.reset();
            changes.retryChanged = true;
        }
    }
    if (event.status != ChatStatus::RequiresAction && !m_actions.isEmpty()) {
        m_actions.clear();
        changes.actionsChanged = true;
    }
}

void MessageAssembler::applyActionRequired(const QList<ActionRequiredCall> &calls, Changes &changes)
{
    QList<ActionRequiredCall> unique;
    for (const ActionRequiredCall &call : calls) {
        if (call.toolCallId.isEmpty())
            continue;
        const bool seen = std::any_of(unique.cbegin(), unique.cend(),
            [&](const ActionRequiredCall &other) { return other.toolCallId == call.toolCallId; });
        if (seen)
            continue;
        unique.append(call);
        // §14.6: a reconnect snapshot re-sends the calls; report each one only once.
        if (!m_reportedActionIds.contains(call.toolCallId)) {
            m_reportedActionIds.insert(call.toolCallId);
            changes.newActions.append(call);
        }
    }
    m_actions = unique;
    changes.actionsChanged = true;
}

bool MessageAssembler::holdsRawCopy(const MessagePart &part)
{
    return part.kind != MessagePart::Kind::Unknown && !part.raw.isEmpty();
}

MessagePart MessageAssembler::compacted(MessagePart part)
{
    if (holdsRawCopy(part))
        part.raw = {};
    return part;
}

ChatMessage MessageAssembler::compacted(ChatMessage message)
{
    // Only a list that holds a copy is written to: any non-const pass would detach it.
    if (std::none_of(message.parts.cbegin(), message.parts.cend(), holdsRawCopy))
        return message;
    for (MessagePart &part : message.parts)
        part = compacted(std::move(part));
    return message;
}

QList<ChatMessage> MessageAssembler::compacted(const QList<ChatMessage> &messages)
{
    QList<ChatMessage> result;
    result.reserve(messages.size());
    for (const ChatMessage &message : messages)
        result.append(compacted(message));
    return result;
}

void MessageAssembler::upsertCommitted(const ChatMessage &message, Changes &changes)
{
    auto it = m_committed.find(message.id);
    if (it != m_committed.end()) {
        for (const MessagePart &part : it->second->parts) {
            if (part.kind == MessagePart::Kind::ToolCall)
                m_committedCallIds.remove(part.detail().toolCallId);
        }
        it->second = std::make_shared<const ChatMessage>(compacted(message));
    } else {
        m_committed.emplace(message.id, std::make_shared<const ChatMessage>(compacted(message)));
    }
    for (const MessagePart &part : message.parts) {
        if (part.kind == MessagePart::Kind::ToolCall && !part.detail().toolCallId.isEmpty())
            m_committedCallIds.insert(part.detail().toolCallId, message.id);
    }
    changes.removed.removeAll(message.id);
    appendUnique(changes.upserted, message.id);
}

void MessageAssembler::eraseCommitted(MessageId id, Changes &changes)
{
    const auto it = m_committed.find(id);
    if (it == m_committed.end())
        return;
    for (const MessagePart &part : it->second->parts) {
        if (part.kind == MessagePart::Kind::ToolCall)
            m_committedCallIds.remove(part.detail().toolCallId);
    }
    m_committed.erase(it);
    if (m_stale)
        m_stale->remove(id);
    changes.upserted.removeAll(id);
    appendUnique(changes.removed, id);
}

void MessageAssembler::clearPreview(Changes &changes)
{
    if (m_blocks.empty())
        return;
    m_blocks.clear();
    m_toolIndex.clear();
    changes.previewChanged = true;
}

void MessageAssembler::pruneStale(Changes &changes)
{
    const QSet<MessageId> stale = std::move(*m_stale);
    m_stale.reset();
    QList<MessageId> ids(stale.cbegin(), stale.cend());
    std::sort(ids.begin(), ids.end());
    for (const MessageId id : ids)
        eraseCommitted(id, changes);
    changes.historyReset = true;
    if (!ids.isEmpty())
        qCDebug(lcStream) << "history_reset dropped" << ids.size() << "messages";
}

void MessageAssembler::reindexTools()
{
    m_toolIndex.clear();
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        if (m_blocks[i].kind == Block::Kind::Tool)
            m_toolIndex.insert(m_blocks[i].toolCallId, int(i));
    }
}

} // namespace AgentDesk
