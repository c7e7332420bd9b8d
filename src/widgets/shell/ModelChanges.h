#pragma once

#include <QAbstractItemModel>
#include <QFlags>

namespace AgentDesk {

//! The kinds of change a view that redraws from a whole model listens to.
enum class ModelChange {
    Reset = 0x01,
    RowsInserted = 0x02,
    RowsRemoved = 0x04,
    RowsMoved = 0x08,
    DataChanged = 0x10,
    LayoutChanged = 0x20,
};
Q_DECLARE_FLAGS(ModelChanges, ModelChange)
Q_DECLARE_OPERATORS_FOR_FLAGS(ModelChanges)

//! The changes of a list whose rows come, go and change but are not moved or re-sorted.
inline constexpr ModelChanges listChanges = ModelChanges(ModelChange::Reset)
    | ModelChange::RowsInserted | ModelChange::RowsRemoved | ModelChange::DataChanged;

//! Calls `slot` of `receiver` (no arguments) on each of `model`'s changes in `changes`.
template<typename Receiver, typename Slot>
void onModelChanges(
    const QAbstractItemModel *model, ModelChanges changes, Receiver *receiver, Slot slot)
{
    const auto on = [&](ModelChange change, auto signal) {
        if (changes & change)
            QObject::connect(model, signal, receiver, slot);
    };
    on(ModelChange::Reset, &QAbstractItemModel::modelReset);
    on(ModelChange::RowsInserted, &QAbstractItemModel::rowsInserted);
    on(ModelChange::RowsRemoved, &QAbstractItemModel::rowsRemoved);
    on(ModelChange::RowsMoved, &QAbstractItemModel::rowsMoved);
    on(ModelChange::DataChanged, &QAbstractItemModel::dataChanged);
    on(ModelChange::LayoutChanged, &QAbstractItemModel::layoutChanged);
}

} // namespace AgentDesk
