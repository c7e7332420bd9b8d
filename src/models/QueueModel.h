#pragma once

#include "core/api/ApiTypes.h"
#include "models/KeyedListModel.h"

namespace AgentDesk {

//! One row of QueueModel.
struct QueueEntry
{
    QueuedMessage message;
    int revision = 0; //!< bumped on every content change
};

//! The queued messages of the open chat (§6.10, §14.4), in server order. The stream sends the
//! whole queue on every change; replaceAll turns that into inserts, removes, moves and changes.

class QueueModel final : public KeyedListModel<QueueEntry, QueuedMessageId>
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

    //! Makes the model hold exactly `queue`, in that order, diffing by id.
    void replaceAll(const QList<QueuedMessage> &queue);
    const QueuedMessage *queuedMessage(QueuedMessageId id) const;
    int rowOf(QueuedMessageId id) const;

private:
    QueuedMessageId rowKey(const QueueEntry &entry) const override { return entry.message.id; }
    QVariant rowData(const QueueEntry &entry, int role) const override;
    QList<int> rowChanges(const QueueEntry &current, const QueueEntry &next) const override;
    void updateRow(QueueEntry &current, const QueueEntry &next) override;
};

} // namespace AgentDesk
