#pragma once

#include "models/RoleNames.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <vector>

namespace AgentDesk {

//! A flat list model whose rows have a unique key and that is refreshed by handing it the whole
//! new list (the queue of the open chat, the model catalog): replaceRows() turns the new list
//! into removes, moves, inserts and dataChanged, never a reset, so views keep their selection and
//! scroll position. Keys are unique (the first of duplicates wins). Subclasses say what a row's
//! key is, what it answers for a role and which roles differ between two versions of a row; the
//! role names come from the subclass's Q_ENUM `Role` (roleNamesFromEnum).
template<typename Row, typename Key>
class KeyedListModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        const Row *row = rowAt(index);
        return row ? rowData(*row, role) : QVariant();
    }

    QHash<int, QByteArray> roleNames() const override
    {
        return roleNamesFromEnum(*metaObject(), QAbstractListModel::roleNames());
    }

    //! The only reset: the list's subject changed (another chat, signed out).
    void clear()
    {
        beginResetModel();
        m_rows.clear();
        m_rowByKey.clear();
        endResetModel();
    }

protected:
    virtual Key rowKey(const Row &row) const = 0;
    //! What \a row answers for \a role; an invalid QVariant for a role it does not have.
    virtual QVariant rowData(const Row &row, int role) const = 0;
    //! The roles that differ from \a current to \a next; empty when nothing a view shows changed.
    virtual QList<int> rowChanges(const Row &current, const Row &next) const = 0;
    //! Makes \a current hold \a next once rowChanges() found a difference.
    virtual void updateRow(Row &current, const Row &next) { current = next; }

    //! The row at \a index, or null for an index that is not one of this model's rows.
    const Row *rowAt(const QModelIndex &index) const
    {
        if (!index.isValid()
            || !checkIndex(
                index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return nullptr;
        return &m_rows[size_t(index.row())];
    }
    const Row *rowAt(int row) const
    {
        return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
    }
    int rowOfKey(const Key &key) const { return m_rowByKey.value(key, -1); }
    const std::vector<Row> &rows() const noexcept { return m_rows; }

    //! Makes the model hold exactly \a wantedRows, in that order, diffing by key.
    void replaceRows(const QList<Row> &wantedRows)
    {
        // Server input: drop duplicate keys (first wins) so rows and keys stay one-to-one.
        QList<Row> wanted;
        QSet<Key> keys;
        for (const Row &row : wantedRows) {
            const Key key = rowKey(row);
            if (!keys.contains(key)) {
                keys.insert(key);
                wanted.append(row);
            }
        }

        // 1. Remove what is gone, bottom up.
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            const Key key = rowKey(m_rows[size_t(row)]);
            if (keys.contains(key))
                continue;
            beginRemoveRows({}, row, row);
            m_rowByKey.remove(key);
            m_rows.erase(m_rows.begin() + row);
            reindexFrom(row);
            endRemoveRows();
        }

        // 2. Walk the wanted order: move known rows into place, insert new ones, update changed.
        for (int target = 0; target < int(wanted.size()); ++target) {
            const Row &next = wanted[target];
            const auto it = m_rowByKey.constFind(rowKey(next));
            if (it == m_rowByKey.cend()) {
                beginInsertRows({}, target, target);
                m_rows.insert(m_rows.begin() + target, next);
                reindexFrom(target);
                endInsertRows();
                continue;
            }
            const int row = *it;
            if (row != target) {
                // row > target: everything above target is already in its final place.
                beginMoveRows({}, row, row, {}, target);
                Row moved = std::move(m_rows[size_t(row)]);
                m_rows.erase(m_rows.begin() + row);
                m_rows.insert(m_rows.begin() + target, std::move(moved));
                reindexFrom(target);
                endMoveRows();
            }
            Row &current = m_rows[size_t(target)];
            const QList<int> roles = rowChanges(current, next);
            if (roles.isEmpty())
                continue;
            updateRow(current, next);
            const QModelIndex changed = index(target);
            emit dataChanged(changed, changed, roles);
        }
    }

private:
    void reindexFrom(int firstRow)
    {
        for (int row = firstRow; row < int(m_rows.size()); ++row)
            m_rowByKey.insert(rowKey(m_rows[size_t(row)]), row);
    }

    std::vector<Row> m_rows;
    QHash<Key, int> m_rowByKey;
};

} // namespace AgentDesk
