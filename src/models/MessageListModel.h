#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace AgentDesk {

//! The timeline of one chat, oldest message first (design.md c.6, c.16 example 1). Rows are, in
//! this order: committed messages by id, pending local echoes in send order, and at most one
//! provisional streaming row (the preview). Tool-role messages get no row: their results are
//! folded into the assistant row that holds the matching tool call (§13.5). Fed by ChatSession;
//! knows no widgets and no network. Grows by upsert and pages, never by reset (except clear()).
class MessageListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1, //!< MessageId; invalid (0) for echoes and the preview
        RoleRole,                         //!< MessageRole
        CreatedAtRole,                    //!< QDateTime
        PartsRole,                        //!< QList<MessagePart>, in order
        TextRole,                         //!< QString: the text parts joined (Markdown)
        ToolResultsRole,   //!< ToolResults: tool_call_id → tool-result part, for this row's calls
        ToolStatesRole,    //!< ToolStates: tool_call_id → ToolCallState, for this row's calls
        RevisionRole,      //!< int, bumped on every content change; delegates key caches on it
        StreamingRole,     //!< bool: the provisional row of the turn in progress
        PendingRole,       //!< bool: a local echo the server has not confirmed yet
        PendingNonceRole,  //!< QString: the echo's nonce; empty for other rows
        SendErrorRole,     //!< QString: why the send failed; empty otherwise
        UsageRole,         //!< MessageUsage, or an invalid QVariant when absent
        ModelConfigIdRole, //!< ModelConfigId
        StoppedRole,       //!< bool: the user stopped the turn this answer belongs to
        //! bool: an agent row right after another agent row: the same turn goes on (no header)
        ContinuesTurnRole,
        //! bool: the next row continues this agent row's turn (the turn's footer comes later)
        ContinuedRole,
    };
    Q_ENUM(Role)

    //! §13.5: a tool call's state from its result and the chat's activity.
    //! AwaitingInput: a client (dynamic) tool call the agent waits for the user to answer.
    enum class ToolCallState { Running, Done, Failed, Interrupted, AwaitingInput };
    Q_ENUM(ToolCallState)

    using ToolResults = QHash<QString, MessagePart>;
    using ToolStates = QHash<QString, ToolCallState>;

    explicit MessageListModel(QObject *parent = nullptr);
    ~MessageListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The only reset: the chat was switched. Forgets everything.
    void clear();
    //! Inserts a message at its id-ordered place, or updates it in place (named roles).
    void upsert(const ChatMessage &message);
    //! Holds `message` itself (shared with its other holders) when it carries no wire copies.
    void upsert(const SharedChatMessage &message);
    //! Upserts many; those newer than every row are appended in one beginInsertRows.
    void upsertMany(const QList<ChatMessage> &messages);
    void upsertMany(const QList<SharedChatMessage> &messages);
    //! One page of older history, in any order; known ids are skipped (pages overlap).
    void prependPage(const QList<ChatMessage> &olderMessages);
    void prependPage(const QList<SharedChatMessage> &olderMessages);
    void removeIds(const QList<MessageId> &ids);
    //! Removes every committed message newer than `id` (an edit rewrote history after it).
    void removeAfter(MessageId id);
    //! The provisional trailing row of the turn in progress; nullopt removes it. Updating it
    //! emits dataChanged with the roles that changed, never a remove + insert.
    void setPreview(const std::optional<ChatMessage> &preview);
    //! Shows a message the user just sent; returns the nonce that names it from now on.
    QString addPendingEcho(const QList<InputPart> &content);
    //! The server accepted the send: the echo becomes `real` (moved if it belongs elsewhere),
    //! or disappears when the stream already delivered that id.
    void resolvePendingEcho(const QString &nonce, const ChatMessage &real);
    //! The send failed: the echo stays and says why.
    void failPendingEcho(const QString &nonce, const QString &errorText);
    //! The echo is gone for good (queued instead, or the user discarded it).
    void removePendingEcho(const QString &nonce);
    //! Whether a turn is running; decides running vs interrupted for unanswered tool calls.
    void setChatActive(bool active);
    bool isChatActive() const { return m_chatActive; }
    //! The tool calls the chat waits for the user to answer (requires_action, §14.6).
    void setAwaitingCalls(const QSet<QString> &callIds);
    //! Marks the answer `id` as stopped by the user (shown under it; kept until clear()).
    void markStopped(MessageId id);

    //! Oldest and newest committed ids held, tool messages included (for paging and resume).
    std::optional<MessageId> oldestId() const;
    std::optional<MessageId> newestId() const;
    bool contains(MessageId id) const;
    //! Row of a committed message, or -1.
    int rowOf(MessageId id) const;
    //! Row of a pending echo, or -1.
    int rowOfPendingEcho(const QString &nonce) const;
    bool hasPreview() const { return m_hasPreview; }

private:
    enum class Kind : quint8 { Committed, Pending, Preview };
    //! What only a pending echo has, out of line: 10,000 committed rows need none of it.
    struct Echo
    {
        QString nonce;
        QString sendError;
    };
    struct Entry
    {
        SharedChatMessage message;  //!< Never null.
        std::unique_ptr<Echo> echo; //!< Pending only.
        int revision = 0;
        Kind kind = Kind::Committed;
        bool continuesTurn = false; //!< ContinuesTurnRole, kept up to date on inserts/removes
        bool continued = false;     //!< ContinuedRole
    };

    int committedCount() const;
    int committedInsertRow(MessageId id) const;
    void insertCommitted(int row, std::vector<Entry> &&entries);
    void replaceAt(int row, const SharedChatMessage &message);
    void applyToolMessage(const ChatMessage &message);
    void removeToolMessage(MessageId id);
    void removeRowRange(int first, int last);
    //! An agent row, committed or streaming: one turn's steps are grouped.
    bool isAgentRow(int row) const;
    //! Recomputes the row's turn flags; true when they changed.
    bool refreshTurnFlags(int row);
    //! Rows [first, last] are new (or gone, first > last): their flags and their neighbours'
    //! are recomputed; a neighbour whose flags changed is re-rendered (dataChanged).
    void touchNeighbours(int first, int last);
    void trackCalls(const ChatMessage &message);
    void untrackCalls(const ChatMessage &message);
    void notifyCalls(const QSet<QString> &callIds, const QList<int> &roles);
    void reindexFrom(int firstRow);
    void reindexRange(int firstRow, int endRow);
    const MessagePart *resultFor(const QString &callId) const;
    ToolResults resultsOf(const ChatMessage &message) const;
    ToolStates statesOf(const ChatMessage &message) const;
    //! The message's parts with the files its tools produced after each call.
    QList<MessagePart> partsWithToolFiles(const ChatMessage &message) const;

    std::vector<Entry> m_entries;
    //! Committed rows only; the row is the stored value + m_rowShift.
    QHash<MessageId, int> m_rowById;
    int m_rowShift = 0; //!< Grows by the size of every page prepended.
    int m_pendingCount = 0;
    bool m_hasPreview = false;
    bool m_chatActive = false;

    QHash<QString, MessagePart> m_results;            //!< From committed tool messages, by call id.
    QMap<MessageId, QStringList> m_toolMessages;      //!< Tool message id → call ids it answers.
    QHash<QString, MessageId> m_callOwner;            //!< Call id → the committed row holding it.
    QHash<QString, MessagePart> m_previewResults;     //!< Results streamed in the preview.
    QSet<QString> m_previewCalls;                     //!< Call ids of the preview row.
    QSet<QString> m_awaitingCalls;                    //!< Calls waiting for the user's answer.
    QSet<MessageId> m_stopped;                        //!< Answers the user stopped.
    QHash<QString, QList<MessagePart>> m_resultFiles; //!< Call id → files its tool produced.
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::MessagePart)
