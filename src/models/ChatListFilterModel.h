#pragma once

#include "models/ChatQuery.h"

#include <QSortFilterProxyModel>

namespace AgentDesk {

//! The only sorter and filter of chats (design.md c.6). Order: pinned roots first by pin_order,
//! then updated_at, newest first; children by updated_at under their root. Filters: archived
//! view or normal view, a search in the server's q syntax (ChatQuery), needs attention only.
//! A child that matches keeps its root visible; a root that matches shows all its children.
class ChatListFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ChatListFilterModel(QObject *parent = nullptr);

    //! true: only archived chats (the "Archived" view); false: only chats not archived.
    void setShowArchived(bool showArchived);
    bool showArchived() const { return m_showArchived; }
    //! Parses text with ChatQuery; an archived: term overrides the view for this search.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    const ChatQuery &query() const { return m_query; }
    void setNeedsAttentionOnly(bool needsAttentionOnly);
    bool needsAttentionOnly() const { return m_needsAttentionOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool archivedVisible(bool archived) const;

    ChatQuery m_query;
    QString m_searchText;
    bool m_showArchived = false;
    bool m_needsAttentionOnly = false;
};

} // namespace AgentDesk
