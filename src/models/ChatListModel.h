#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace AgentDesk {

//! Every chat the client knows, as a tree of depth 1: root chats at the top level, their
//! sub-agent chats as children (coder-chats-protocol.md §6.1, §14.9). Unsorted: the order of rows
//! is arrival order, and ChatListFilterModel is the only sorter. Grows and shrinks by upsert and
//! remove; replaceAll diffs by id, so a re-list keeps selection and scroll. Qt Core only.
class ChatListModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        ChatIdRole = Qt::UserRole + 1, //!< ChatId
        TitleRole,                     //!< QString
        StatusRole,                    //!< ChatStatus (converts to int)
        StatusTextRole,                //!< QString, the wire value (shown when Unknown)
        IsActiveRole,                  //!< bool: running, interrupting, pending
        NeedsAttentionRole,            //!< bool: requires_action, error
        LastTurnSummaryRole,           //!< QString
        ErrorMessageRole,              //!< QString, last_error.message; empty without error
        HasUnreadRole,                 //!< bool
        UpdatedAtRole,                 //!< QDateTime
        CreatedAtRole,                 //!< QDateTime
        PinOrderRole,                  //!< int, 0 = not pinned
        IsPinnedRole,                  //!< bool
        ArchivedRole,                  //!< bool
        DiffAdditionsRole,             //!< int
        DiffDeletionsRole,             //!< int
        DiffChangedFilesRole,          //!< int
        PrStateRole,      //!< QString: draft, open, merged, closed (raw when other); empty = no PR
        PrUrlRole,        //!< QString
        PrNumberRole,     //!< int, 0 = none
        LabelsRole,       //!< QMap<QString, QString>
        IsRootRole,       //!< bool
        ParentChatIdRole, //!< ChatId, null for roots
        ChildCountRole,   //!< int
        ModeRole,         //!< QString: explore, computer_use, …; empty for ordinary chats
        RevisionRole,     //!< int, bumped on every change of the row; delegates cache on it
        ChatRole,         //!< Chat, the whole object (children included for roots)
        //! bool: owned by another user and shared with the signed-in one (§20.3); false while
        //! the signed-in user is unknown
        SharedWithMeRole,
        OwnerNameRole, //!< QString: owner_name, else owner_username
        PlanModeRole,  //!< bool: plan_mode is "plan" (§20.4.1)
    };
    Q_ENUM(Role)

    explicit ChatListModel(QObject *parent = nullptr);
    ~ChatListModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Inserts or updates one chat, root or child. A child goes under its parent_chat_id (held
    //! back until the parent is known). A root's `children` are upserted too, but an empty list
    //! never removes known children: watch payloads do not always carry the family (§11.3).
    void upsert(const Chat &chat);
    //! Removes a chat (a root with its children). Unknown ids are ignored.
    void remove(const ChatId &id);
    //! Makes the model hold exactly these roots and their children, emitting inserts, removes
    //! and dataChanged only for what differs. Children lists here are authoritative.
    void replaceAll(const QList<Chat> &roots);
    //! The only reset: forget everything (sign-out, switch of deployment).
    void clear();

    //! The stored chat (a root's `children` member is empty here; see childIds), or nullptr.
    const Chat *chat(const ChatId &id) const;
    QModelIndex indexOf(const ChatId &id) const;
    QList<ChatId> childIds(const ChatId &rootId) const;
    //! Every chat held, roots and children.
    int chatCount() const;
    //! The signed-in user (§20.3): chats owned by anyone else are shared with them.
    void setCurrentUserId(const UserId &id);
    UserId currentUserId() const { return m_currentUserId; }
    //! Owned by someone other than the signed-in user (read only for them, §20.3.4).
    bool isSharedWithMe(const Chat &chat) const;

    // Optimistic helpers for ChatDirectory. Each applies locally what the server will do and
    // returns the previous state of every chat it changed; restore() with that list rolls back.
    // Nothing changes (and the list is empty) when the server would refuse the request.

    //! Pin semantics of §7.5: 0 unpins and compacts; >0 on an unpinned chat pins at the end;
    //! >0 on a pinned chat moves it to the clamped position and shifts the others.
    QList<Chat> setPinOrder(const ChatId &id, int pinOrder);
    //! Archiving clears the pin (server-side too) and cascades to the children.
    QList<Chat> setArchived(const ChatId &id, bool archived);
    std::optional<Chat> setTitle(const ChatId &id, const QString &title);
    std::optional<Chat> setHasUnread(const ChatId &id, bool hasUnread);
    std::optional<Chat> setLabels(const ChatId &id, const QMap<QString, QString> &labels);
    std::optional<Chat> setPlanMode(const ChatId &id, bool planMode);
    //! Puts back chats returned by the helpers above (an upsert of each).
    void restore(const QList<Chat> &previous);

signals:
    //! An upsert changed a known chat's status; for notifications.
    void statusChanged(
        const AgentDesk::ChatId &id, AgentDesk::ChatStatus previous, AgentDesk::ChatStatus current);

private:
    struct Entry
    {
        Chat chat; //!< `children` always empty here; the tree holds them.
        int revision = 0;
    };
    //! A root row. Heap-allocated so a child index can point at its parent node while root rows
    //! are inserted and removed around it (QModelIndex::internalPointer).
    struct RootNode
    {
        Entry entry;
        std::vector<Entry> children;
        QHash<ChatId, int> childRowById;
    };

    void upsertRoot(const Chat &chat, bool childrenAuthoritative);
    void upsertChild(RootNode &node, const Chat &chat);
    void updateEntry(Entry &entry, const QModelIndex &index, const Chat &chat);
    //! Applies \a edit to a copy of chat \a id and stores it; returns the chat before.
    std::optional<Chat> editChat(const ChatId &id, const std::function<void(Chat &)> &edit);
    void insertRoot(const Chat &chat);
    void removeRootRow(int row);
    void removeChildRow(RootNode &node, int row);
    void reindexFrom(int firstRow);
    static void reindexChildrenFrom(RootNode &node, int firstRow);
    RootNode *nodeOf(const ChatId &rootId) const;
    Entry *entryOf(const ChatId &id);
    Chat fullChat(const QModelIndex &index) const;
    const Entry *entryAt(const QModelIndex &index) const;

    std::vector<std::unique_ptr<RootNode>> m_roots;
    QHash<ChatId, int> m_rowById;          //!< root id → root row
    QHash<ChatId, ChatId> m_parentOfChild; //!< child id → root id
    //! Children whose root is not (yet) known, by root id: adopted when the root arrives.
    QHash<ChatId, QList<Chat>> m_orphans;
    UserId m_currentUserId;
};

} // namespace AgentDesk
