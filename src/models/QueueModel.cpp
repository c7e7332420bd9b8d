#include "models/QueueModel.h"

#include "models/MessageParts.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QueueModel::QueueModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return joinedText(entry.message.parts);
    case QueuedIdRole:
        return QVariant::fromValue(entry.message.id);
    case CreatedAtRole:
        return entry.message.createdAt;
    case PartsRole:
        return QVariant::fromValue(entry.message.parts);
    case ModelConfigIdRole:
        return QVariant::fromValue(entry.message.modelConfigId);
    case RevisionRole:
        return entry.revision;
    default:
        return {};
    }
}

QHash<int, QByteArray> QueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {QueuedIdRole, "queuedId"},
        {TextRole, "text"},
        {CreatedAtRole, "createdAt"},
        {PartsRole, "parts"},
        {ModelConfigIdRole, "modelConfigId"},
        {RevisionRole, "revision"},
    });
    return names;
}

void QueueModel::reindexFrom(int firstRow)
{
    for (int row = firstRow; row < int(m_entries.size()); ++row)
        m_rowById.insert(m_entries[size_t(row)].message.id, row);
}

void QueueModel::replaceAll(const QList<QueuedMessage> &queue)
{
    // Server input: drop duplicate ids (first wins) so rows and ids stay one-to-one.
    QList<QueuedMessage> wanted;
    QSet<QueuedMessageId> seen;
    for (const QueuedMessage &message : queue) {
        if (!seen.contains(message.id)) {
            seen.insert(message.id);
            wanted.append(message);
        }
    }

    // 1. Remove what is gone, bottom up.
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (seen.contains(m_entries[size_t(row)].message.id))
            continue;
        beginRemoveRows({}, row, row);
        m_rowById.remove(m_entries[size_t(row)].message.id);
        m_entries.erase(m_entries.begin() + row);
        reindexFrom(row);
        endRemoveRows();
    }

    // 2. Walk the wanted order: move known rows into place, insert new ones, update changed.
    for (int target = 0; target < int(wanted.size()); ++target) {
        const QueuedMessage &message = wanted[target];
        const auto it = m_rowById.constFind(message.id);
        if (it == m_rowById.cend()) {
            beginInsertRows({}, target, target);
            m_entries.insert(m_entries.begin() + target, Entry{message, 0});
            reindexFrom(target);
            endInsertRows();
            continue;
        }
        const int row = *it;
        if (row != target) {
            // row > target: everything above target is already in its final place.
            beginMoveRows({}, row, row, {}, target);
            Entry moved = std::move(m_entries[size_t(row)]);
            m_entries.erase(m_entries.begin() + row);
            m_entries.insert(m_entries.begin() + target, std::move(moved));
            reindexFrom(target);
            endMoveRows();
        }
        Entry &entry = m_entries[size_t(target)];
        QList<int> roles;
        if (!sameParts(entry.message.parts, message.parts)) {
            roles.append(PartsRole);
            if (joinedText(entry.message.parts) != joinedText(message.parts))
                roles.append({Qt::DisplayRole, TextRole});
        }
        if (entry.message.createdAt != message.createdAt)
            roles.append(CreatedAtRole);
        if (entry.message.modelConfigId != message.modelConfigId)
            roles.append(ModelConfigIdRole);
        if (roles.isEmpty())
            continue;
        entry.message = message;
        ++entry.revision;
        roles.append(RevisionRole);
        const QModelIndex changed = index(target);
        emit dataChanged(changed, changed, roles);
    }
}

void QueueModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_rowById.clear();
    endResetModel();
}

const QueuedMessage *QueueModel::queuedMessage(QueuedMessageId id) const
{
    const auto it = m_rowById.constFind(id);
    return it == m_rowById.cend() ? nullptr : &m_entries[size_t(*it)].message;
}

int QueueModel::rowOf(QueuedMessageId id) const
{
    return m_rowById.value(id, -1);
}

} // namespace AgentDesk
