#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractListModel>
#include <QHash>

#include <vector>

namespace AgentDesk {

//! The queued messages of the open chat (§6.10, §14.4), in server order. The stream sends the
//! whole queue on every change; replaceAll turns that into inserts, removes, moves and changes.
class QueueModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        QueuedIdRole = Qt::UserRole + 1, //!< QueuedMessageId
        TextRole,                        //!< QString: the text parts joined
        CreatedAtRole,                   //!< QDateTime
        PartsRole,                       //!< QList<MessagePart>
        ModelConfigIdRole,               //!< ModelConfigId
        RevisionRole,                    //!< int, bumped on every content change
    };
    Q_ENUM(Role)

    explicit QueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Makes the model hold exactly `queue`, in that order, diffing by id.
    void replaceAll(const QList<QueuedMessage> &queue);
    //! The only reset: the chat was switched.
    void clear();

    const QueuedMessage *queuedMessage(QueuedMessageId id) const;
    int rowOf(QueuedMessageId id) const;

private:
    struct Entry
    {
        QueuedMessage message;
        int revision = 0;
    };

    void reindexFrom(int firstRow);

    std::vector<Entry> m_entries;
    QHash<QueuedMessageId, int> m_rowById;
};

} // namespace AgentDesk
