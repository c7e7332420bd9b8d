#include "models/ChatListFilterModel.h"

#include "models/ChatListModel.h"

#include <QDateTime>

namespace AgentDesk {

ChatListFilterModel::ChatListFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    // QSortFilterProxyModel re-sorts and re-filters on dataChanged only when the roles named
    // include its sort or filter role. Ordering and filtering read several roles, and every
    // change of a chat row names RevisionRole, so that is the role to watch.
    setSortRole(ChatListModel::RevisionRole);
    setFilterRole(ChatListModel::RevisionRole);
    sort(0, Qt::AscendingOrder);
}

void ChatListFilterModel::setShowArchived(bool showArchived)
{
    if (m_showArchived == showArchived)
        return;
    m_showArchived = showArchived;
    invalidateFilter();
}

void ChatListFilterModel::setSearchText(const QString &text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    m_query = ChatQuery::parse(text);
    invalidateFilter();
}

void ChatListFilterModel::setNeedsAttentionOnly(bool needsAttentionOnly)
{
    if (m_needsAttentionOnly == needsAttentionOnly)
        return;
    m_needsAttentionOnly = needsAttentionOnly;
    invalidateFilter();
}

bool ChatListFilterModel::archivedVisible(bool archived) const
{
    return archived == m_query.archived.value_or(m_showArchived);
}

bool ChatListFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!index.isValid())
        return false;
    const Chat chat = index.data(ChatListModel::ChatRole).value<Chat>();
    if (!archivedVisible(chat.archived))
        return false;
    if (m_needsAttentionOnly && !needsAttention(chat.status))
        return false;
    return m_query.matches(chat);
}

bool ChatListFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!left.parent().isValid()) {
        const int leftPin = left.data(ChatListModel::PinOrderRole).toInt();
        const int rightPin = right.data(ChatListModel::PinOrderRole).toInt();
        if ((leftPin > 0) != (rightPin > 0))
            return leftPin > 0;
        if (leftPin != rightPin)
            return leftPin < rightPin;
    }
    const QDateTime leftUpdated = left.data(ChatListModel::UpdatedAtRole).toDateTime();
    const QDateTime rightUpdated = right.data(ChatListModel::UpdatedAtRole).toDateTime();
    if (leftUpdated != rightUpdated)
        return leftUpdated > rightUpdated;
    // A total order keeps equal timestamps from swapping places on every re-sort.
    return left.data(ChatListModel::ChatIdRole).value<ChatId>()
        < right.data(ChatListModel::ChatIdRole).value<ChatId>();
}

} // namespace AgentDesk
