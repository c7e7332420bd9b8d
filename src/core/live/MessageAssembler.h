#pragma once

#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace AgentDesk {

//! Turns the events of one chat's /stream into committed history plus a streaming preview,
//! exactly as coder-chats-protocol.md §13 describes. Pure logic: no QObject, no timers, no
//! sockets; the owner feeds it frames (applyBatch) and REST pages (loadHistory) and publishes
//! the returned Changes to its models. Nothing from the server can make it assert.
class MessageAssembler
{
public:
    //! What one apply() or applyBatch() changed, so the owner touches only that.
    struct Changes
    {
        QList<MessageId> upserted; //!< Committed messages inserted or replaced (no duplicates).
        QList<MessageId> removed;  //!< Committed messages dropped (history_reset pruning).
        bool previewChanged = false;
        bool queueChanged = false;
        bool statusChanged = false;
        bool errorChanged = false;
        bool retryChanged = false;
        bool actionsChanged = false; //!< pendingActions() changed.
        bool historyReset = false;   //!< A history_reset was applied (stale messages pruned).
        //! Client tool calls never reported before (§14.6: a snapshot re-sends them).
        QList<ActionRequiredCall> newActions;
        QList<ChatId> childStatusesChanged; //!< Sub-agent status overrides (§12.7).

        bool isEmpty() const noexcept;
        //! Folds `later` into this, keeping upserted/removed consistent.
        void merge(const Changes &later);
    };

    //! A streamed text or reasoning block longer than this is previewed by its beginning only,
    //! and so are a tool call's streamed arguments and result (in bytes).
    //! The model holds the previewed text, so every append after a publish would copy the whole
    //! block again (a 50 MB block: 100 MB per publish, 60 ms each); the committed message brings
    //! the whole text.
    static constexpr qsizetype maxPreviewTextChars = 4 * 1000 * 1000;

    explicit MessageAssembler(ChatId chat);

    //! `message` without the wire copies (`raw`) of the parts the client understands: committed
    //! messages are held this way. Returned as is (sharing its parts) when there is none, so an
    //! owner that gives the same compacted list to the assembler and to a model stores it once.
    static ChatMessage compacted(ChatMessage message);
    static QList<ChatMessage> compacted(const QList<ChatMessage> &messages);
    //! `part` without its wire copy when the client understands its kind.
    static MessagePart compacted(MessagePart part);
    //! Whether `part` is of a kind the client understands and still holds its wire copy.
    static bool holdsRawCopy(const MessagePart &part);

    ChatId chatId() const noexcept { return m_chat; }

    //! Applies one event. Stale messages of a history_reset are pruned at the next non-message
    //! event; applyBatch() also prunes at the end of the batch (§13.7).
    Changes apply(const StreamEvent &event);
    //! Applies one frame's events in order (one frame = one batch).
    Changes applyBatch(const QList<StreamEvent> &events);
    //! Upserts committed messages from REST (any order, any overlap); the preview is untouched.
    Changes loadHistory(const QList<ChatMessage> &messages);
    //! Removes committed messages locally (e.g. deleted_message_ids of an edit).
    Changes removeMessages(const QList<MessageId> &ids);
    //! A new socket connection opened (§13.8): drop the preview and the episode tracker, and
    //! treat what follows, up to the end of the next batch, as the snapshot.
    Changes beginConnection();

    //! Committed history by id. Each message is shared read-only: an owner hands the same
    //! pointer to its model (sharedMessage()), so a long history is held once (#15).
    const std::map<MessageId, SharedChatMessage> &committed() const noexcept { return m_committed; }
    std::optional<ChatMessage> message(MessageId id) const;
    //! The committed message `id` as held here; null when unknown.
    SharedChatMessage sharedMessage(MessageId id) const;
    //! The preview as one provisional assistant message (invalid id), parts in block order;
    //! nullopt when nothing is streaming.
    std::optional<ChatMessage> preview() const;
    bool hasPreview() const noexcept { return !m_blocks.empty(); }
    //! The largest committed id held, the value for `after_id`.
    std::optional<MessageId> lastCommittedId() const;

    ChatStatus status() const noexcept { return m_status; }
    QString statusRaw() const { return m_statusRaw; }
    //! The failure of the last turn; cleared when a new turn starts running.
    std::optional<ChatError> lastError() const { return m_error; }
    //! The pending provider retry; cleared when the chat runs again or goes idle.
    std::optional<StreamRetry> retry() const { return m_retry; }
    const QList<QueuedMessage> &queue() const noexcept { return m_queue; }
    //! The client tool calls of the current requires_action, unique by tool_call_id.
    const QList<ActionRequiredCall> &pendingActions() const noexcept { return m_actions; }
    //! Status overrides of sub-agent chats seen on this stream (seed era, §12.7).
    const QHash<ChatId, ChatStatus> &childStatuses() const noexcept { return m_childStatuses; }

private:
    struct Block
    {
        enum class Kind { Text, Reasoning, Tool, File, Sources };
        Kind kind = Kind::Text;
        QString text;        // text, reasoning
        QString previewText; //!< text's first maxPreviewTextChars, once it is longer.
        QString title;       // reasoning
        QDateTime createdAt;
        // tool
        QString toolCallId;
        QString toolName;
        QByteArray argsRaw;
        QJsonValue args = QJsonValue::Undefined;
        qsizetype argsParsedSize = 0; //!< argsRaw's size when args was last parsed from it.
        QList<QStringList> parsedCommands;
        bool resultOnly = false; //!< The call itself is committed; only the result streams.
        QByteArray resultRaw;
        QJsonValue result = QJsonValue::Undefined;
        qsizetype resultParsedSize = 0;
        bool hasResult = false;
        bool isError = false;
        QDateTime resultCreatedAt;
        // file
        MessagePart file;
        // sources
        QList<MessagePart> sources;
    };

    struct Episode
    {
        qint64 historyVersion = 0;
        qint64 generationAttempt = 0;
        qint64 lastSeq = 0;
    };

    void applyMessagePart(const StreamEvent &event, Changes &changes);
    void applyPart(const MessagePart &part, Changes &changes);
    void applyToolCall(const MessagePart &part, Changes &changes);
    void applyToolResult(const MessagePart &part, Changes &changes);
    void applyMessage(const ChatMessage &message, Changes &changes);
    void applyStatus(const StreamEvent &event, Changes &changes);
    void applyActionRequired(const QList<ActionRequiredCall> &calls, Changes &changes);
    void upsertCommitted(const ChatMessage &message, Changes &changes);
    void eraseCommitted(MessageId id, Changes &changes);
    void clearPreview(Changes &changes);
    void pruneStale(Changes &changes);
    Block *toolBlock(const QString &toolCallId);
    Block &appendBlock(Block::Kind kind);
    void reindexTools();

    ChatId m_chat;
    std::map<MessageId, SharedChatMessage> m_committed;
    QHash<QString, MessageId> m_committedCallIds; //!< tool_call_id → assistant message
    std::vector<Block> m_blocks;
    QHash<QString, int> m_toolIndex; //!< tool_call_id → index in m_blocks
    std::optional<Episode> m_episode;
    bool m_inSnapshot = false;
    int m_localIds = 0;

    std::optional<QSet<MessageId>> m_stale; //!< Set while a history_reset replay is running.

    ChatStatus m_status = ChatStatus::Unknown;
    QString m_statusRaw;
    std::optional<ChatError> m_error;
    std::optional<StreamRetry> m_retry;
    QList<QueuedMessage> m_queue;
    QList<ActionRequiredCall> m_actions;
    QSet<QString> m_reportedActionIds;
    QHash<ChatId, ChatStatus> m_childStatuses;
};

} // namespace AgentDesk
