#include "widgets/chatlist/ChatListView.h"

#include "core/api/ChatRules.h"
#include "models/ChatListFilterModel.h"
#include "models/ChatListModel.h"
#include "widgets/chatlist/ChatListDelegate.h"

#include <QContextMenuEvent>
#include <QDrag>
#include <QMenu>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr auto chatIdMimeType = "application/x-agentdesk-chat-id"_L1;

int sectionRank(ChatListDelegate::Section section)
{
    return int(section);
}

} // namespace

ChatListSectionModel::ChatListSectionModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // Every change of a chat names RevisionRole (see ChatListFilterModel), so watching it
    // regroups a chat the moment it is pinned or starts to need the user.
    setSortRole(ChatListModel::RevisionRole);
    sort(0);
}

bool ChatListSectionModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!left.parent().isValid()) {
        const int leftRank = sectionRank(ChatListDelegate::sectionOf(left));
        const int rightRank = sectionRank(ChatListDelegate::sectionOf(right));
        if (leftRank != rightRank)
            return leftRank < rightRank;
    }
    // Inside a section the order is ChatListFilterModel's, the one sorter of chats.
    return left.row() < right.row();
}

ChatListView::ChatListView(Icons *icons, QWidget *parent)
    : QTreeView(parent)
    , m_delegate(new ChatListDelegate(icons, this))
    , m_sections(new ChatListSectionModel(this))
{
    setObjectName(u"chatListView"_s);
    setHeaderHidden(true);
    setItemDelegate(m_delegate);
    setUniformRowHeights(false); // section headings make the first row of a section taller
    setIndentation(14);
    // No expand arrows: sub-agents are always shown under their root, and the branch column
    // would be painted over the section headings.
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setExpandsOnDoubleClick(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(true);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setAccessibleName(tr("Chats"));

    connect(m_sections, &QAbstractItemModel::rowsInserted, this, &ChatListView::expandNewRows);
    connect(m_sections, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
    connect(m_sections, &QAbstractItemModel::layoutChanged, this, [this] {
        // Section membership moves headings between rows: heights must be measured again.
        scheduleDelayedItemsLayout();
    });
    connect(m_sections, &QAbstractItemModel::dataChanged, this,
        [this] { scheduleDelayedItemsLayout(); });
}

void ChatListView::setChatModel(ChatListFilterModel *model)
{
    m_sections->setSourceModel(model);
    if (!QTreeView::model())
        setModel(m_sections);
    expandAll();
}

void ChatListView::expandNewRows(const QModelIndex &parent, int first, int last)
{
    // Sub-agents are part of their root's story: show them by default.
    if (parent.isValid()) {
        expand(parent);
        return;
    }
    for (int row = first; row <= last; ++row)
        expand(m_sections->index(row, 0));
}

ChatId ChatListView::currentChatId() const
{
    return currentIndex().data(ChatListModel::ChatIdRole).value<ChatId>();
}

QModelIndex ChatListView::indexOfChat(const ChatId &id) const
{
    if (id.isNull())
        return {};
    const QModelIndexList found =
        m_sections->match(m_sections->index(0, 0), ChatListModel::ChatIdRole,
            QVariant::fromValue(id), 1, Qt::MatchExactly | Qt::MatchRecursive);
    // QVariant comparison of a custom type falls back to identity; compare by value instead.
    if (!found.isEmpty() && found.first().data(ChatListModel::ChatIdRole).value<ChatId>() == id)
        return found.first();
    for (int row = 0; row < m_sections->rowCount(); ++row) {
        const QModelIndex root = m_sections->index(row, 0);
        if (root.data(ChatListModel::ChatIdRole).value<ChatId>() == id)
            return root;
        for (int child = 0; child < m_sections->rowCount(root); ++child) {
            const QModelIndex index = m_sections->index(child, 0, root);
            if (index.data(ChatListModel::ChatIdRole).value<ChatId>() == id)
                return index;
        }
    }
    return {};
}

bool ChatListView::selectChat(const ChatId &id)
{
    const QModelIndex index = indexOfChat(id);
    if (!index.isValid())
        return false;
    if (index.parent().isValid())
        expand(index.parent());
    setCurrentIndex(index);
    scrollTo(index);
    return true;
}

bool ChatListView::selectNext()
{
    const QModelIndex current = currentIndex();
    const QModelIndex next = current.isValid() ? indexBelow(current) : m_sections->index(0, 0);
    if (!next.isValid())
        return false;
    setCurrentIndex(next);
    scrollTo(next);
    return true;
}

bool ChatListView::selectPrevious()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return selectNext();
    const QModelIndex previous = indexAbove(current);
    if (!previous.isValid())
        return false;
    setCurrentIndex(previous);
    scrollTo(previous);
    return true;
}

bool ChatListView::moveCurrentPin(int delta)
{
    const QModelIndex current = currentIndex();
    const int pinOrder = current.data(ChatListModel::PinOrderRole).toInt();
    if (!current.isValid() || current.parent().isValid() || pinOrder <= 0)
        return false;
    const int target = pinOrder + delta;
    int pinnedCount = 0;
    for (int row = 0; row < m_sections->rowCount(); ++row) {
        if (m_sections->index(row, 0).data(ChatListModel::IsPinnedRole).toBool())
            ++pinnedCount;
    }
    if (target < 1 || target > pinnedCount)
        return false;
    emit movePinRequested(currentChatId(), target);
    return true;
}

void ChatListView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    const ChatId id = current.data(ChatListModel::ChatIdRole).value<ChatId>();
    if (id != previous.data(ChatListModel::ChatIdRole).value<ChatId>())
        emit chatActivated(id);
}

void ChatListView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    const ChatId id = index.data(ChatListModel::ChatIdRole).value<ChatId>();
    const bool root = !index.parent().isValid();
    const bool archived = index.data(ChatListModel::ArchivedRole).toBool();
    const bool pinned = index.data(ChatListModel::IsPinnedRole).toBool();
    const bool unread = index.data(ChatListModel::HasUnreadRole).toBool();
    const bool refused = archiveRefused(index.data(ChatListModel::StatusRole).value<ChatStatus>());
    // §20.3.4: a chat shared with the user is read only: the server refuses every change.
    const bool shared = index.data(ChatListModel::SharedWithMeRole).toBool();

    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(u"chatContextMenu"_s);
    menu->setToolTipsVisible(true);
    // Pinning and archiving apply to roots only: children follow their root (§14.9).
    if (shared) {
        menu->addAction(unread ? tr("Mark as read") : tr("Mark as unread"), this,
            [this, id, unread] { emit markReadRequested(id, unread); });
        menu->popup(event->globalPos());
        return;
    }
    if (root && !archived) {
        menu->addAction(pinned ? tr("Unpin") : tr("Pin"), this,
            [this, id, pinned] { emit pinRequested(id, !pinned); });
    }
    menu->addAction(tr("Rename\u2026"), this, [this, id] { emit renameRequested(id); });
    menu->addAction(
        tr("Regenerate title"), this, [this, id] { emit regenerateTitleRequested(id); });
    menu->addAction(unread ? tr("Mark as read") : tr("Mark as unread"), this,
        [this, id, unread] { emit markReadRequested(id, unread); });
    menu->addAction(tr("Labels\u2026"), this, [this, id] { emit labelsRequested(id); });
    if (root) {
        menu->addSeparator();
        QAction *archive = menu->addAction(archived ? tr("Unarchive") : tr("Archive"), this,
            [this, id, archived] { emit archiveRequested(id, !archived); });
        if (refused && !archived) {
            archive->setEnabled(false); // §20.2: the server would answer 409
            //: Disabled menu entry: a working chat cannot be archived
            archive->setText(tr("Archive (stop the agent first)"));
            archive->setToolTip(tr("Stop the agent first"));
        }
    }
    menu->popup(event->globalPos());
}

void ChatListView::keyPressEvent(QKeyEvent *event)
{
    // The keyboard way to reorder pins (the drag's twin). MainWindow's actions carry the same
    // shortcut and call moveCurrentPin(); this covers the view used on its own.
    const auto modifiers = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
    if (modifiers == (Qt::ControlModifier | Qt::ShiftModifier)
        && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        if (moveCurrentPin(event->key() == Qt::Key_Up ? -1 : 1)) {
            event->accept();
            return;
        }
    }
    QTreeView::keyPressEvent(event);
}

void ChatListView::startDrag(Qt::DropActions)
{
    const QModelIndex index = currentIndex();
    // Only pinned roots can be dragged: the rest of the list is ordered by activity.
    if (!index.isValid() || index.parent().isValid()
        || !index.data(ChatListModel::IsPinnedRole).toBool())
        return;
    auto *mime = new QMimeData;
    mime->setData(
        chatIdMimeType, index.data(ChatListModel::ChatIdRole).value<ChatId>().toString().toUtf8());
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    const QRect rect = visualRect(index);
    drag->setPixmap(viewport()->grab(rect));
    drag->setHotSpot(viewport()->mapFromGlobal(QCursor::pos()) - rect.topLeft());
    drag->exec(Qt::MoveAction);
}

int ChatListView::dropPosition(const QPoint &pos) const
{
    const QModelIndex target = indexAt(pos);
    if (!target.isValid() || target.parent().isValid())
        return 0;
    const int pinOrder = target.data(ChatListModel::PinOrderRole).toInt();
    if (pinOrder <= 0)
        return 0;
    return pinOrder;
}

void ChatListView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(chatIdMimeType))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ChatListView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(chatIdMimeType)
        && dropPosition(event->position().toPoint()) > 0)
        event->acceptProposedAction();
    else
        event->ignore();
}

void ChatListView::dropEvent(QDropEvent *event)
{
    const int position = dropPosition(event->position().toPoint());
    const ChatId id =
        ChatId::fromString(QString::fromUtf8(event->mimeData()->data(chatIdMimeType)));
    if (position <= 0 || id.isNull()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    emit movePinRequested(id, position);
}

} // namespace AgentDesk
