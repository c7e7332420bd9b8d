#pragma once

// Tolerant JSON decoding and encoding of the ApiTypes (coder-chats-protocol.md §4, §17):
// unknown fields are ignored, unknown enum strings become Unknown with the raw string kept,
// unknown part / event / watch types are kept with their raw JSON, absent equals null, and one
// malformed element of an array is skipped with a warning instead of failing the whole.
// Nothing here asserts, throws or crashes on server input.

#include "core/api/ApiAccountTypes.h"
#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringView>
#include <QUuid>

#include <optional>

namespace AgentDesk::ApiJson {

// --- Enums ↔ wire strings --------------------------------------------------------------------

ChatStatus chatStatusFromString(QStringView text);
QString toString(ChatStatus status); //!< Wire name; empty for Unknown.
ChatErrorKind chatErrorKindFromString(QStringView text);
QString toString(ChatErrorKind kind);
MessageRole messageRoleFromString(QStringView text);
QString toString(MessageRole role);
MessagePart::Kind partKindFromString(QStringView text);
QString toString(MessagePart::Kind kind);
StreamEvent::Type streamEventTypeFromString(QStringView text);
QString toString(StreamEvent::Type type);
WatchEvent::Kind watchEventKindFromString(QStringView text);
QString toString(WatchEvent::Kind kind);

// --- Scalars ---------------------------------------------------------------------------------

//! An int64 from a JSON number or a numeric string ("14"); nullopt for anything else.
std::optional<qint64> int64FromJson(const QJsonValue &value);
//! RFC 3339 with or without fraction and offset; invalid QDateTime when absent or malformed.
QDateTime timestampFromJson(const QJsonValue &value);
//! RFC 3339 with milliseconds; null for an invalid date-time.
QJsonValue timestampToJson(const QDateTime &dateTime);
//! A JSON document from bytes, or nullopt; never throws or asserts, whatever the bytes.
std::optional<QJsonValue> parseDocument(const QByteArray &bytes, QString *errorText = nullptr);

// --- Decoders --------------------------------------------------------------------------------
// Each takes any QJsonValue and returns nullopt when the value is not the expected shape at
// all (not an object, missing id). Missing optional members take defaults.

std::optional<ChatError> chatErrorFromJson(const QJsonValue &value); //!< object or legacy string
std::optional<DiffStatus> diffStatusFromJson(const QJsonValue &value);
std::optional<ChatFileMetadata> chatFileFromJson(const QJsonValue &value);
std::optional<Chat> chatFromJson(const QJsonValue &value);
std::optional<QList<Chat>> chatListFromJson(const QJsonValue &value);
std::optional<MessagePart> messagePartFromJson(const QJsonValue &value);
std::optional<MessageUsage> messageUsageFromJson(const QJsonValue &value);
std::optional<ChatMessage> chatMessageFromJson(const QJsonValue &value);
std::optional<QueuedMessage> queuedMessageFromJson(const QJsonValue &value);
std::optional<MessagesPage> messagesPageFromJson(const QJsonValue &value);
//! Wrapped {queued, message, queued_message, …} or, from the first builds, a bare message.
std::optional<SendMessageResult> sendMessageResultFromJson(const QJsonValue &value);
std::optional<EditMessageResult> editMessageResultFromJson(const QJsonValue &value);
std::optional<ChatDiff> chatDiffFromJson(const QJsonValue &value);
std::optional<QList<PromptEntry>> promptsFromJson(const QJsonValue &value);
std::optional<CostSummary> costSummaryFromJson(const QJsonValue &value);
//! §20.7, ApiJsonSteer.cpp: the nested effective_budget, or the older flat fields.
std::optional<UserSpend> userSpendFromJson(const QJsonValue &value);
//! §20.6.3, ApiJsonSteer.cpp: a model's `compression_threshold` (0–100), or nullopt.
std::optional<int> compressionThresholdFromJson(const QJsonValue &value);
//! §20.6.3, ApiJsonSteer.cpp: {"thresholds":[{model_config_id, threshold_percent}]} as a map
//! from model config id to percent (entries out of range or without an id are left out).
std::optional<QMap<QUuid, int>> compactionThresholdsFromJson(const QJsonValue &value);
std::optional<Organization> organizationFromJson(const QJsonValue &value);
std::optional<QList<Organization>> organizationsFromJson(const QJsonValue &value);
std::optional<User> userFromJson(const QJsonValue &value);
//! {workspaces: [...], count} or a bare array.
std::optional<QList<Workspace>> workspacesFromJson(const QJsonValue &value);
std::optional<BuildInfo> buildInfoFromJson(const QJsonValue &value);
//! The upload answer {"id": uuid}.
std::optional<FileId> uploadResponseFromJson(const QJsonValue &value);
//! A proposed / regenerated title: {"title"} or a whole Chat (legacy regenerate).
std::optional<QString> titleFromJson(const QJsonValue &value);

// --- Sharing and workspace context (§20.3, §20.5; ApiJsonSharing.cpp) ------------------------

std::optional<ChatContext> chatContextFromJson(const QJsonValue &value);
std::optional<ChatAcl> chatAclFromJson(const QJsonValue &value);
//! GET /api/v2/users: {users: [...], count} or a bare array.
std::optional<QList<User>> usersFromJson(const QJsonValue &value);

//! The two shapes of §9.4 unified.
struct ModelsResponse
{
    //! Availability of one provider of the seed-era shape (also those listing no models).
    struct Provider
    {
        QString provider;
        bool available = true;
        QString unavailableReason;
    };

    QList<ModelConfig> models;
    QList<Provider> providers; //!< Seed-era shape only.
    //! Seed-era shape (providers[].models): ids are "provider:model" strings; join the
    //! configs from /model-configs with joinLegacyModels to get usable ModelConfigIds.
    bool legacyShape = false;
    //! Seed-era shape whose ids are already model config UUIDs (some servers): usable as they
    //! are, with no /model-configs to ask (it may not exist there).
    bool idsAreConfigIds = false;
};
std::optional<ModelsResponse> modelsFromJson(const QJsonValue &value);
//! GET …/model-configs (seed era): ChatModelConfig[].
std::optional<QList<ModelConfig>> modelConfigsFromJson(const QJsonValue &value);
//! The configs (which carry the UUIDs) with availability taken from the seed-era catalog,
//! joined on (provider, model). Without configs, the catalog's models (null ids) are returned.
QList<ModelConfig> joinLegacyModels(
    const ModelsResponse &catalog, const QList<ModelConfig> &configs);

std::optional<StreamEvent> streamEventFromJson(const QJsonValue &value);
std::optional<WatchEvent> watchEventFromJson(const QJsonValue &value);
//! One /stream text frame in any framing of §10.1 (array, legacy envelope, bare object).
//! Undecodable frames and elements are dropped with a warning; pings give an empty list.
QList<StreamEvent> decodeStreamFrame(const QByteArray &frame);
//! One /watch text frame: a bare event, or the legacy envelope. Pings give an empty list.
QList<WatchEvent> decodeWatchFrame(const QByteArray &frame);

// --- Encoders --------------------------------------------------------------------------------
// Requests produce exactly what the server expects; the entity encoders (Chat, ChatMessage,
// MessagePart, …) produce the server's shape so that decode(encode(x)) == x.

QJsonObject toJson(const InputPart &part);
QJsonArray toJson(const QList<InputPart> &parts);
QJsonObject toJson(const CreateChatRequest &request);
QJsonObject toJson(const UpdateChatRequest &request);
QJsonObject toJson(const SendMessageRequest &request);
QJsonObject toJson(const EditMessageRequest &request);
//! {"results": [...]} for POST …/tool-results.
QJsonObject toJson(const QList<ToolResult> &results);

QJsonObject toJson(const ChatError &error);
QJsonObject toJson(const DiffStatus &status);
QJsonObject toJson(const ChatFileMetadata &file);
QJsonObject toJson(const Chat &chat);
QJsonObject toJson(const MessagePart &part);
QJsonObject toJson(const MessageUsage &usage);
QJsonObject toJson(const ChatMessage &message);
QJsonObject toJson(const QueuedMessage &message);
QJsonObject toJson(const ChatContext &context);
//! {"user_roles": {id: role}, "group_roles": {id: role}}; empty maps are left out.
QJsonObject toJson(const ChatAclUpdate &update);

// --- §20.8–§20.10 (ApiJsonAccount.cpp) ---------------------------------------------------------
std::optional<QList<ProviderKeyConfig>> providerKeysFromJson(const QJsonValue &value);
std::optional<ProviderKeyConfig> providerKeyFromJson(const QJsonValue &value);
std::optional<ProviderGrant> providerGrantFromJson(const QJsonValue &value);
std::optional<QList<McpServer>> mcpServersFromJson(const QJsonValue &value);
std::optional<McpDisconnectResult> mcpDisconnectFromJson(const QJsonValue &value);
std::optional<QList<UserSkill>> userSkillsFromJson(const QJsonValue &value);
std::optional<UserSkill> userSkillFromJson(const QJsonValue &value);
//! A Chat's context.resources of kind "skill" with status ok (§20.5), as skills (name, description).
std::optional<QList<UserSkill>> workspaceSkillsFromJson(const QJsonValue &chat);
std::optional<QString> userPromptFromJson(const QJsonValue &value);

} // namespace AgentDesk::ApiJson
