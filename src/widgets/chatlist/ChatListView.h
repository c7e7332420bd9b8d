#pragma once

#include "core/api/ApiTypes.h"

#include <QSortFilterProxyModel>
#include <QTreeView>

namespace AgentDesk {

class ChatListDelegate;
class ChatListFilterModel;
class Icons;

//! Groups the rows of ChatListFilterModel into the list's sections (Pinned, Needs you, the
//! rest) without changing their order inside a section: ChatListFilterModel stays the one that
//! decides order, this proxy only moves whole groups. Lives in widgets because sections are a
//! presentation choice.
class ChatListSectionModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ChatListSectionModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

//! The chat list (objectName chatListView): roots with their sub-agents nested, painted by
//! ChatListDelegate. It shows and selects; every change it asks for leaves as a …Requested
//! signal that MainWindow routes to ChatDirectory, so the view knows no network.
class ChatListView final : public QTreeView
{
    Q_OBJECT

public:
    explicit ChatListView(Icons *icons, QWidget *parent = nullptr);

    //! Not owned. The view puts its section proxy on top.
    void setChatModel(ChatListFilterModel *model);
    ChatListDelegate *chatDelegate() const { return m_delegate; }

    ChatId currentChatId() const;
    //! Makes `id` current (which opens it); false when it is not in the list.
    bool selectChat(const ChatId &id);
    //! Moves the selection to the next or previous chat in visual order; false at the end.
    bool selectNext();
    bool selectPrevious();
    //! Moves the current chat one place up (-1) or down (+1) among the pinned chats.
    bool moveCurrentPin(int delta);
    //! The view index (section proxy) of a chat, or an invalid index.
    QModelIndex indexOfChat(const ChatId &id) const;

signals:
    //! The current chat changed (selection, keyboard, click); a null id when nothing is current.
    void chatActivated(const AgentDesk::ChatId &id);
    void pinRequested(const AgentDesk::ChatId &id, bool pinned);
    //! Move a pinned chat to the 1-based `position` among the pinned chats.
    void movePinRequested(const AgentDesk::ChatId &id, int position);
    void renameRequested(const AgentDesk::ChatId &id);
    void regenerateTitleRequested(const AgentDesk::ChatId &id);
    void archiveRequested(const AgentDesk::ChatId &id, bool archived);
    void markReadRequested(const AgentDesk::ChatId &id, bool read);
    void labelsRequested(const AgentDesk::ChatId &id);

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    //! The 1-based pin position a drop at `pos` means, or 0 when it is outside Pinned.
    int dropPosition(const QPoint &pos) const;
    void expandNewRows(const QModelIndex &parent, int first, int last);

    ChatListDelegate *m_delegate;
    ChatListSectionModel *m_sections;
};

} // namespace AgentDesk
