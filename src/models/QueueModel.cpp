#include "models/QueueModel.h"

#include "models/MessageParts.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

QueueModel::QueueModel(QObject *parent)
    : KeyedListModel(parent)
{
}

QVariant QueueModel::rowData(const QueueEntry &entry, int role) const
{
    const QueuedMessage &message = entry.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return joinedText(message.parts);
    case QueuedIdRole:
        return QVariant::fromValue(message.id);
    case CreatedAtRole:
        return message.createdAt;
    case PartsRole:
        return QVariant::fromValue(message.parts);
    case ModelConfigIdRole:
        return QVariant::fromValue(message.modelConfigId);
    case RevisionRole:
        return entry.revision;
    default:
        return {};
    }
}

void QueueModel::replaceAll(const QList<QueuedMessage> &queue)
{
    QList<QueueEntry> entries;
    entries.reserve(queue.size());
    for (const QueuedMessage &message : queue)
        entries.append(QueueEntry{message, 0});
    replaceRows(entries);
}

QList<int> QueueModel::rowChanges(const QueueEntry &current, const QueueEntry &next) const
{
    QList<int> roles;
    if (!sameParts(current.message.parts, next.message.parts)) {
        roles.append(PartsRole);
        if (joinedText(current.message.parts) != joinedText(next.message.parts))
            roles.append({Qt::DisplayRole, TextRole});
    }
    if (current.message.createdAt != next.message.createdAt)
        roles.append(CreatedAtRole);
    if (current.message.modelConfigId != next.message.modelConfigId)
        roles.append(ModelConfigIdRole);
    if (!roles.isEmpty())
        roles.append(RevisionRole);
    return roles;
}

void QueueModel::updateRow(QueueEntry &current, const QueueEntry &next)
{
    current.message = next.message;
    ++current.revision;
}

const QueuedMessage *QueueModel::queuedMessage(QueuedMessageId id) const
{
    const QueueEntry *entry = rowAt(rowOfKey(id));
    return entry ? &entry->message : nullptr;
}

int QueueModel::rowOf(QueuedMessageId id) const
{
    return rowOfKey(id);
}

} // namespace AgentDesk
