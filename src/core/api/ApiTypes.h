#pragma once

// The value types every layer shares: what the Coder Chats API sends and what the client sends
// back (coder-chats-protocol.md §6). Plain data with defaults, Qt Core only, no QObject.
// Decoding and encoding live in ApiJson; these structs know nothing about JSON keys, except
// that `raw` members keep the original object for generic (debug) rendering of unknown input.

#include <QByteArray>
#include <QDateTime>
#include <QHashFunctions>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QSharedData>
#include <QSharedDataPointer>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <compare>
#include <memory>
#include <optional>

namespace AgentDesk {

// ---------------------------------------------------------------------------------------------
// Strong ids (design.md c.4): never bare integers, strings or QUuids in signatures.

//! Shared body of the UUID-based ids. Derived is the concrete id type, so a ChatId can never be
//! compared with or assigned from a FileId.
template<typename Derived>
struct UuidId
{
    QUuid value;

    constexpr UuidId() noexcept = default;
    constexpr explicit UuidId(const QUuid &uuid) noexcept
        : value(uuid)
    {
    }

    bool isNull() const noexcept { return value.isNull(); }
    //! Lower-case canonical form without braces, as the server writes it.
    QString toString() const { return value.toString(QUuid::WithoutBraces); }
    //! Parses with or without braces; anything else gives a null id.
    static Derived fromString(QAnyStringView text) { return Derived(QUuid::fromString(text)); }
    static Derived createUuid() { return Derived(QUuid::createUuid()); }

    friend bool operator==(const Derived &a, const Derived &b) noexcept
    {
        return a.value == b.value;
    }
    friend std::strong_ordering operator<=>(const Derived &a, const Derived &b) noexcept
    {
        // QUuid has no <=> before Qt 6.8; build it from == and <.
        if (a.value == b.value)
            return std::strong_ordering::equal;
        return a.value < b.value ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    // Qt 6.4 has no qHash for user types built in: each id brings its own.
    friend size_t qHash(const Derived &id, size_t seed = 0) noexcept
    {
        return ::qHash(id.value, seed);
    }
};

//! A chat (root or sub-agent).
struct ChatId : UuidId<ChatId>
{
    using UuidId::UuidId;
};
//! An uploaded chat file.
struct FileId : UuidId<FileId>
{
    using UuidId::UuidId;
};
struct OrganizationId : UuidId<OrganizationId>
{
    using UuidId::UuidId;
};
//! A model configuration; the value to send as `model_config_id`.
struct ModelConfigId : UuidId<ModelConfigId>
{
    using UuidId::UuidId;
};
struct WorkspaceId : UuidId<WorkspaceId>
{
    using UuidId::UuidId;
};
//! A Coder user (chat owner, message author).
struct UserId : UuidId<UserId>
{
    using UuidId::UuidId;
};

//! Server-assigned message id: int64, strictly increasing per deployment, so ordering by id is
//! chronological. A struct, not a bare qint64, so it cannot be mixed up with a row.
struct MessageId
{
    qint64 value = 0;

    constexpr bool isValid() const noexcept { return value > 0; }
    auto operator<=>(const MessageId &) const = default;
};
inline size_t qHash(MessageId id, size_t seed = 0) noexcept
{
    return ::qHash(id.value, seed);
}

//! Queued-message id: int64 too, but a separate id space from MessageId.
struct QueuedMessageId
{
    qint64 value = 0;

    constexpr bool isValid() const noexcept { return value > 0; }
    auto operator<=>(const QueuedMessageId &) const = default;
};
inline size_t qHash(QueuedMessageId id, size_t seed = 0) noexcept
{
    return ::qHash(id.value, seed);
}

// ---------------------------------------------------------------------------------------------
// Enumerations. Every enum has Unknown; the raw wire string is kept next to it (…Raw members)
// so a newer server's values can still be displayed.

//! §6.2. Values of older and newer servers; unknown strings map to Unknown (treated as idle).
enum class ChatStatus {
    Unknown,
    Waiting,
    Pending,
    Running,
    Interrupting,
    RequiresAction,
    Error,
    Paused,
    Completed
};

//! A turn is in flight: show a spinner and the Stop button.
constexpr bool isActive(ChatStatus status) noexcept
{
    return status == ChatStatus::Running || status == ChatStatus::Interrupting
        || status == ChatStatus::Pending;
}
//! The user has to do something: answer client tool calls or read an error.
constexpr bool needsAttention(ChatStatus status) noexcept
{
    return status == ChatStatus::RequiresAction || status == ChatStatus::Error;
}

//! §6.3. Unknown kinds are treated like Generic by callers (see isGenericKind).
enum class ChatErrorKind {
    Unknown,
    Generic,
    Overloaded,
    RateLimit,
    Timeout,
    StartupTimeout,
    StreamSilenceTimeout,
    Auth,
    Config,
    UsageLimit,
    MissingKey,
    ProviderDisabled,
    ContentFilter,
    HookDispatchFailed,
    HookDenied,
};
constexpr bool isGenericKind(ChatErrorKind kind) noexcept
{
    return kind == ChatErrorKind::Unknown || kind == ChatErrorKind::Generic;
}

//! §6.7.
enum class MessageRole { Unknown, System, User, Assistant, Tool };

// ---------------------------------------------------------------------------------------------
// Chats (§6.1–§6.5)

//! §6.3. Also used for `error` stream events. Legacy servers send `last_error` as a bare string;
//! that arrives here as {message = the string}.
struct ChatError
{
    QString message;
    QString detail;
    ChatErrorKind kind = ChatErrorKind::Unknown;
    QString kindRaw; //!< The wire string; empty when absent.
    QString provider;
    bool retryable = false;
    int statusCode = 0; //!< Best-effort upstream HTTP status; 0 when unknown.
};

//! §6.4: cached pull-request / branch state. Numbers are 0 and strings empty when unknown.
struct DiffStatus
{
    ChatId chatId;
    QString url;
    QString pullRequestState; //!< open, closed, merged, … (provider-normalised, kept raw)
    QString pullRequestTitle;
    bool pullRequestDraft = false;
    bool changesRequested = false;
    int additions = 0;
    int deletions = 0;
    int changedFiles = 0;
    QString authorLogin;
    QString authorAvatarUrl;
    QString baseBranch;
    QString headBranch;
    int prNumber = 0; //!< 0 = no pull request known.
    int commits = 0;
    bool approved = false;
    int reviewerCount = 0;
    QDateTime refreshedAt;
    QDateTime staleAt;

    friend bool operator==(const DiffStatus &, const DiffStatus &) = default;
};

//! §6.5. Attached to a chat; only GET of a single chat includes them.
struct ChatFileMetadata
{
    FileId id;
    UserId ownerId;
    OrganizationId organizationId;
    QString name;
    QString mimeType;
    qint64 sizeBytes = -1; //!< -1 when the server did not say (seed-era builds).
    QDateTime createdAt;
};

//! §20.5: one pinned workspace-context resource (instruction file, skill, MCP config or server).
struct ChatContextResource
{
    QString source; //!< File path, skill directory, MCP config path or MCP server name.
    QString kind;   //!< instruction_file, skill, mcp_config, mcp_server (kept raw).
    qint64 sizeBytes = -1;
    QString status; //!< ok, oversize, unreadable, invalid, excluded (kept raw).
    QString error;
    QString skillName;
    QString skillDescription;
    QStringList toolNames; //!< mcp_server only.

    friend bool operator==(const ChatContextResource &, const ChatContextResource &) = default;
};

//! §20.5: `Chat.context`. Absent until the chat first pins workspace context; `resources` only
//! on the single GET and on PUT {chat}/context (hasResources says whether the payload had them).
struct ChatContext
{
    bool dirty = false;
    QDateTime dirtySince;
    QString error;
    bool hasResources = false;
    QList<ChatContextResource> resources;

    friend bool operator==(const ChatContext &, const ChatContext &) = default;
};

//! §6.1. A root chat carries its sub-agents in `children` (depth at most 1).
struct Chat
{
    ChatId id;
    OrganizationId organizationId;
    UserId ownerId;
    QString ownerName;
    QString ownerUsername;
    WorkspaceId workspaceId; //!< Null = no workspace bound (yet).
    QUuid buildId;
    QUuid agentId;
    ChatId parentChatId; //!< Null for root chats.
    ChatId rootChatId;   //!< For a root chat the server sets its own id.
    ModelConfigId lastModelConfigId;
    QString lastReasoningEffort;
    QString title;
    ChatStatus status = ChatStatus::Unknown;
    QString statusRaw; //!< The wire string, shown as-is when status is Unknown.
    QString mode; //!< Sub-agent flavour (explore, computer_use, …); empty for ordinary chats.
    bool planMode = false; //!< Wire: plan_mode == "plan".
    std::optional<ChatError> lastError;
    QString lastTurnSummary;
    QString summary;
    std::optional<DiffStatus> diffStatus;
    //! Whether the payload carried these fields at all. Watch events may leave them out; an
    //! absent field keeps what is known, it does not mean "none" (§11.3, §20.2).
    bool hasDiffStatusField = true;
    bool hasLabelsField = true;
    bool hasFilesField = true;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool archived = false;
    bool shared = false;
    int pinOrder = 0; //!< 0 = not pinned; 1..N = position among the pinned chats.
    QList<QUuid> mcpServerIds;
    QMap<QString, QString> labels;
    QList<ChatFileMetadata> files;
    bool hasUnread = false;
    QString clientType; //!< ui or api
    QList<Chat> children;
    QStringList warnings;
    bool queuedForCapacity = false;
    std::optional<ChatContext> context; //!< §20.5; nullopt when the payload had none.

    bool isRoot() const noexcept { return parentChatId.isNull(); }
    bool isPinned() const noexcept { return pinOrder > 0; }
};

// ---------------------------------------------------------------------------------------------
// Messages (§6.7–§6.10)

//! The members of a MessagePart that only some kinds use. Kept out of line so the common text
//! part stays small: a 10,000-message chat holds one part per message (#15).
struct MessagePartDetail
{
    QString title; //!< reasoning heading (legacy), source title
    QDateTime createdAt;
    QDateTime completedAt;

    // tool-call, tool-result
    QString toolCallId;
    QString toolName;
    QJsonValue args = QJsonValue::Undefined; //!< Final arguments; a JSON-encoded string is decoded.
    QString argsDelta;                 //!< Streamed only: a piece of the arguments' JSON text.
    QList<QStringList> parsedCommands; //!< execute tool only: [program] or [program, argument].
    QJsonValue result = QJsonValue::Undefined; //!< Final result; any JSON value.
    QString resultDelta;                       //!< Streamed only.
    bool resultReset = false; //!< Streamed only: drop the result accumulated so far.
    bool isError = false;
    bool isMedia = false;
    bool providerExecuted = false;

    // source
    QString sourceId;
    QString url;

    // file
    QString mediaType;
    QString name;
    FileId fileId;
    QByteArray data; //!< Inline bytes (decoded from base64); empty when file_id is set.

    // file-reference
    QString fileName;
    int startLine = 0;
    int endLine = 0;
    QString content;

    // context-file
    QString contextFilePath;
    bool contextFileTruncated = false;

    // skill
    QString skillName;
    QString skillDescription;

    bool operator==(const MessagePartDetail &) const = default;
};

//! Shared, copy-on-write storage of a MessagePartDetail.
struct MessagePartDetailData : QSharedData, MessagePartDetail
{
    MessagePartDetailData() = default;
    explicit MessagePartDetailData(MessagePartDetail detail)
        : MessagePartDetail(std::move(detail))
    {
    }
};

//! §6.8: one Go struct with a `type` discriminator. Only the members of the variant are set;
//! `raw` always holds the original object, so unknown kinds can be rendered generically.
//! Text parts (the vast majority) carry only kind, type and text; every other member lives in a
//! lazily allocated, implicitly shared detail().
struct MessagePart
{
    enum class Kind {
        Unknown,
        Text,
        Reasoning,
        ToolCall,
        ToolResult,
        Source,
        File,
        FileReference,
        ContextFile,
        Skill,
        HookNotice,
    };

    Kind kind = Kind::Unknown;
    QString typeRaw; //!< The wire `type`.

    // text, reasoning, hook-notice (in streams `text` is a delta to append, §13)
    QString text;

    QJsonObject raw; //!< The part exactly as received.

    //! The rarely used members; a shared empty one when the part has none. Never allocates.
    const MessagePartDetail &detail() const
    {
        return m_detail ? static_cast<const MessagePartDetail &>(*m_detail) : emptyDetail();
    }
    //! For writing: allocates (or detaches) the detail.
    MessagePartDetail &editDetail()
    {
        if (!m_detail)
            m_detail = new MessagePartDetailData;
        return *m_detail.data();
    }
    //! Replaces the detail; an all-default one is not stored.
    void setDetail(MessagePartDetail detail)
    {
        if (detail == emptyDetail())
            m_detail.reset();
        else
            m_detail = new MessagePartDetailData(std::move(detail));
    }
    bool hasDetail() const { return bool(m_detail); }

    friend bool operator==(const MessagePart &a, const MessagePart &b)
    {
        return a.kind == b.kind && a.typeRaw == b.typeRaw && a.text == b.text && a.raw == b.raw
            && (a.m_detail == b.m_detail || a.detail() == b.detail());
    }

private:
    static const MessagePartDetail &emptyDetail()
    {
        static const MessagePartDetail empty;
        return empty;
    }
    QSharedDataPointer<MessagePartDetailData> m_detail;
};

//! Token accounting on assistant messages; every member may be absent.
struct MessageUsage
{
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<qint64> totalTokens;
    std::optional<qint64> reasoningTokens;
    std::optional<qint64> cacheCreationTokens;
    std::optional<qint64> cacheReadTokens;
    std::optional<qint64> contextLimit;
};

//! An optional MessageUsage held out of line: one pointer in a message, 120 bytes less than a
//! std::optional, for the many messages without one or sharing one (#15). Read-only; reads like
//! the std::optional it replaces.
class OptionalUsage
{
public:
    OptionalUsage() = default;
    OptionalUsage(std::nullopt_t) {}
    OptionalUsage(const MessageUsage &usage)
        : m_usage(std::make_shared<const MessageUsage>(usage))
    {
    }
    OptionalUsage(const std::optional<MessageUsage> &usage)
    {
        if (usage)
            m_usage = std::make_shared<const MessageUsage>(*usage);
    }

    bool has_value() const noexcept { return bool(m_usage); }
    explicit operator bool() const noexcept { return has_value(); }
    const MessageUsage &operator*() const noexcept { return *m_usage; }
    const MessageUsage *operator->() const noexcept { return m_usage.get(); }
    std::optional<MessageUsage> toOptional() const
    {
        return m_usage ? std::optional<MessageUsage>(*m_usage) : std::nullopt;
    }

private:
    std::shared_ptr<const MessageUsage> m_usage;
};

//! §6.7: a committed message. Upsert by id everywhere.
struct ChatMessage
{
    MessageId id;
    ChatId chatId;
    UserId createdBy;
    ModelConfigId modelConfigId;
    QDateTime createdAt;
    MessageRole role = MessageRole::Unknown;
    QString roleRaw;
    QList<MessagePart> parts; //!< Wire: `content`.
    OptionalUsage usage;
};

//! A committed message shared, read-only, by its holders (the assembler's history and the rows
//! of MessageListModel): a long chat is held once (#15).
using SharedChatMessage = std::shared_ptr<const ChatMessage>;

//! §6.10: accepted while the chat was busy, not yet part of history.
struct QueuedMessage
{
    QueuedMessageId id;
    ChatId chatId;
    ModelConfigId modelConfigId;
    QList<MessagePart> parts; //!< Wire: `content`.
    QDateTime createdAt;
};

//! §6.9: request-side content of create, send and edit.
struct InputPart
{
    enum class Kind { Text, File, FileReference };

    Kind kind = Kind::Text;
    QString text;
    FileId fileId;
    QString fileName;
    int startLine = 0;
    int endLine = 0;
    QString content;

    static InputPart fromText(const QString &text)
    {
        InputPart part;
        part.text = text;
        return part;
    }
    static InputPart fromFile(const FileId &id)
    {
        InputPart part;
        part.kind = Kind::File;
        part.fileId = id;
        return part;
    }
    static InputPart fromFileReference(
        const QString &fileName, int startLine, int endLine, const QString &content)
    {
        InputPart part;
        part.kind = Kind::FileReference;
        part.fileName = fileName;
        part.startLine = startLine;
        part.endLine = endLine;
        part.content = content;
        return part;
    }
};

// ---------------------------------------------------------------------------------------------
// Responses (§6.13, §8, §9)

//! GET {P}/{chat}/messages. Order is the server's (descending unless only after_id was given).
struct MessagesPage
{
    QList<ChatMessage> messages;
    QList<QueuedMessage> queuedMessages; //!< Only on the first page (no cursor).
    bool hasMore = false;
};

//! POST {P}/{chat}/messages. Either `message` (accepted into history) or `queuedMessage`.
//! A bare ChatMessage body (the first builds) decodes as {queued = false, message}.
struct SendMessageResult
{
    bool queued = false;
    std::optional<ChatMessage> message;
    std::optional<QueuedMessage> queuedMessage;
    QList<ChatMessage> messages; //!< All rows this call inserted (newest servers); upsert them.
    QStringList warnings;
};

//! PATCH {P}/{chat}/messages/{id}.
struct EditMessageResult
{
    ChatMessage message;
    QList<ChatMessage> messages;
    QList<MessageId> deletedMessageIds; //!< Remove these locally (and anything above message.id).
    QStringList warnings;
};

//! POST {P}/{chat}/queue/{id}/promote: 202 (newest, nothing to read) or 200 with the message.
struct PromoteResult
{
    std::optional<ChatMessage> message;
};

//! §9.5. Fields are empty when the server knows nothing yet.
struct ChatDiff
{
    ChatId chatId;
    QString provider;
    QString remoteOrigin;
    QString branch;
    QString pullRequestUrl;
    QString diff; //!< Unified diff text.
};

//! §9.6: a user-authored prompt, newest first in the list.
struct PromptEntry
{
    MessageId id;
    QString text;
};

//! §9.7 (newest servers). Micros = millionths of a US dollar.
struct CostSummary
{
    ChatId chatId;
    qint64 totalCostMicros = 0;
    qint64 requestCount = 0;
    qint64 unpricedRequestCount = 0;
};

//! §20.7: GET /api/v2/users/{user}/ai/spend (AI Gateway entitlement). Micros = millionths of
//! a US dollar; no spend limit when `spendLimitMicros` is empty.
struct UserSpend
{
    qint64 currentSpendMicros = 0;
    std::optional<qint64> spendLimitMicros;
    QString limitSource; //!< user_override, group, …
    QDateTime periodStart;
    QDateTime periodEnd;
};

//! §9.4: one selectable model, unified over both list shapes. For the seed-era shape the id
//! comes from /model-configs (joined on provider + model); without a match it stays null and
//! only legacyId ("provider:model") is known: such an entry cannot be sent as model_config_id.
struct ModelConfig
{
    ModelConfigId id;
    QString legacyId;
    QString provider; //!< Provider type, e.g. anthropic.
    QString providerDisplayName;
    QString model;
    QString displayName;
    bool enabled = true;
    bool isDefault = false;
    bool available = true;     //!< The provider can be used (has a key, is enabled).
    QString unavailableReason; //!< missing_api_key, fetch_failed, user_api_key_required, …
    qint64 contextLimit = 0;
    //! §20.6.3: automatic compaction at this percentage of contextLimit (0–100); unset when the
    //! server sent none (the gauge then uses the default for the limit).
    std::optional<int> compressionThreshold;
    QStringList reasoningEfforts;
    QString defaultReasoningEffort; //!< model_config.reasoning_effort.default (§20.8), or empty.

    //! May be offered in the model picker.
    bool isSelectable() const noexcept { return enabled && available && !id.isNull(); }
};

struct Organization
{
    OrganizationId id;
    QString name;
    bool isDefault = false;
};

struct User
{
    UserId id;
    QString username;
    QString name;
    QString email;
};

struct Workspace
{
    WorkspaceId id;
    QString name;
    QString ownerName;
    OrganizationId organizationId;
    QString status; //!< Latest build status (running, stopped, …), kept raw.
};

//! GET /api/v2/buildinfo (unauthenticated).
struct BuildInfo
{
    QString version;
    QString externalUrl;
};

//! GET {P}/files/{id}: the stored bytes.
struct FileDownload
{
    QByteArray data;
    QString mimeType;
    QString fileName; //!< From Content-Disposition, when present.
};

//! §20.3.2: one principal on a chat's ACL. `role` is "read" or "" (unknown stored rights).
struct ChatAclEntry
{
    QUuid id;
    QString name;        //!< username (users) or name (groups)
    QString displayName; //!< name (users) or display_name (groups); may be empty
    QString role;
    int memberCount = 0; //!< groups only
};

//! §20.3.2: GET {P}/{chat}/acl.
struct ChatAcl
{
    QList<ChatAclEntry> users;
    QList<ChatAclEntry> groups;
};

//! §20.3.3: PATCH {P}/{chat}/acl, sparse: "read" adds, "" removes, absent ids are unchanged.
struct ChatAclUpdate
{
    QMap<QUuid, QString> userRoles;
    QMap<QUuid, QString> groupRoles;
};

// ---------------------------------------------------------------------------------------------
// Live events (§6.11, §6.12, §10–§12)

//! §6.11 ChatStreamRetry: a transient provider failure; the server retries after delayMs.
struct StreamRetry
{
    int attempt = 0;
    qint64 delayMs = 0;
    QString error;
    ChatErrorKind kind = ChatErrorKind::Unknown;
    QString kindRaw;
    QString provider;
    int statusCode = 0;
    QDateTime retryingAt;
};

//! A client-side (dynamic) tool call the client must run (§14.6).
struct ActionRequiredCall
{
    QString toolCallId;
    QString toolName;
    QString argsJson; //!< The arguments as the JSON text the server sent.
};

//! A generated title (§8.8): newest servers only propose it (the caller saves it with a PATCH);
//! seed-era servers regenerate and save it themselves.
struct ProposedTitle
{
    QString title;
    bool saved = false; //!< Already saved by the server: no PATCH needed.
};

//! The result of one client-side tool call, for POST {P}/{chat}/tool-results.
struct ToolResult
{
    QString toolCallId;
    QJsonValue output;
    bool isError = false;
};

//! One element of a /stream frame. `type` says which payload members are meaningful.
struct StreamEvent
{
    enum class Type {
        Unknown, //!< Kept with raw; skip it, never close the socket for it.
        MessagePart,
        Message,
        Status,
        Error,
        Retry,
        QueueUpdate,
        ActionRequired,
        PreviewReset,
        HistoryReset,
        //! A legacy envelope {"type":"error","data":Response}: a server-side failure of the
        //! stream itself, not of the turn. `error` carries the Response's message and detail.
        EnvelopeError,
    };

    Type type = Type::Unknown;
    QString typeRaw;
    ChatId chatId; //!< May be a child chat on a parent's stream (seed era, §12.7).

    // MessagePart
    MessagePart part;
    MessageRole role = MessageRole::Unknown;
    QString roleRaw;
    std::optional<qint64> historyVersion; //!< Absent on seed-era servers.
    std::optional<qint64> generationAttempt;
    std::optional<qint64> seq;

    // Message
    ChatMessage message;

    // Status
    ChatStatus status = ChatStatus::Unknown;
    QString statusRaw;

    // Error, EnvelopeError
    ChatError error;

    // Retry
    StreamRetry retry;

    // QueueUpdate: the full replacement list; empty = queue empty.
    QList<QueuedMessage> queuedMessages;

    // ActionRequired
    QList<ActionRequiredCall> actionRequired;

    QJsonObject raw; //!< The event exactly as received.
};

//! §6.12: one /watch frame. Apply `chat` as an upsert whatever the kind (unless Deleted).
struct WatchEvent
{
    enum class Kind {
        Unknown,
        StatusChange,
        TitleChange,
        Created,
        Deleted,
        DiffStatusChange,
        ActionRequired,
        SummaryChange,
        ChatSummaryChange,
        ContextDirty,
    };

    Kind kind = Kind::Unknown;
    QString kindRaw;
    bool hasChat = false; //!< The event carried a decodable chat object (at least an id).
    Chat chat;
    QList<ActionRequiredCall> toolCalls; //!< ActionRequired only.
    QJsonObject raw;
};

// ---------------------------------------------------------------------------------------------
// Requests (what the client sends)

//! POST {P} (§7.2). Null ids and empty strings are omitted from the body.
struct CreateChatRequest
{
    OrganizationId organizationId;
    QList<InputPart> content;
    WorkspaceId workspaceId;
    ModelConfigId modelConfigId;
    QString reasoningEffort;
    QList<QUuid> mcpServerIds;
    QMap<QString, QString> labels;
    bool planMode = false;
    QString systemPrompt;
    QString clientType = QStringLiteral("ui"); //!< A desktop client's chats are interactive.
};

//! PATCH {P}/{chat} (§7.4): only present members are sent.
struct UpdateChatRequest
{
    std::optional<QString> title;
    std::optional<bool> archived;
    std::optional<int> pinOrder; //!< 0 unpins; >0 pins at the end or moves a pinned chat.
    std::optional<QMap<QString, QString>> labels; //!< Replaces the whole map.
    std::optional<WorkspaceId> workspaceId; //!< A null id unbinds (sent as the all-zero UUID).
    std::optional<bool> planMode;

    bool isEmpty() const noexcept
    {
        return !title && !archived && !pinOrder && !labels && !workspaceId && !planMode;
    }
};

//! What the server does with a message sent while the chat is busy.
enum class BusyBehavior { Queue, Interrupt };

//! POST {P}/{chat}/messages (§8.2).
struct SendMessageRequest
{
    QList<InputPart> content;
    BusyBehavior busyBehavior = BusyBehavior::Queue;
    std::optional<ModelConfigId> modelConfigId;
    std::optional<bool> planMode;
    QString reasoningEffort;                  //!< Empty = omit.
    std::optional<QList<QUuid>> mcpServerIds; //!< §20.9: replaces the chat's set when present.
};

//! PATCH {P}/{chat}/messages/{id} (§8.3).
struct EditMessageRequest
{
    QList<InputPart> content;
    std::optional<ModelConfigId> modelConfigId;
    QString reasoningEffort; //!< §20.8; empty = omit (the web sends it only when changed).
};

//! GET {P} query (§7.1). Empty / zero members are omitted.
struct ListChatsQuery
{
    QString q;                     //!< Search grammar, e.g. "archived:true title:\"login bug\"".
    QMap<QString, QString> labels; //!< Each becomes label=key:value (AND-ed).
    int limit = 0;                 //!< 0 = server default page.
    int offset = 0;
    ChatId afterId;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::ChatId)
Q_DECLARE_METATYPE(AgentDesk::FileId)
Q_DECLARE_METATYPE(AgentDesk::OrganizationId)
Q_DECLARE_METATYPE(AgentDesk::ModelConfigId)
Q_DECLARE_METATYPE(AgentDesk::WorkspaceId)
Q_DECLARE_METATYPE(AgentDesk::UserId)
Q_DECLARE_METATYPE(AgentDesk::MessageId)
Q_DECLARE_METATYPE(AgentDesk::QueuedMessageId)
Q_DECLARE_METATYPE(AgentDesk::ChatStatus)
Q_DECLARE_METATYPE(AgentDesk::Chat)
Q_DECLARE_METATYPE(AgentDesk::ChatMessage)
Q_DECLARE_METATYPE(AgentDesk::QueuedMessage)
