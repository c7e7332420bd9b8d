#pragma once

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QList>
#include <QSignalSpy>

namespace AgentDesk::Testing {

//! A QAbstractItemModelTester and spies on every structure and content signal of one model,
//! kept alive together (design.md c.6, c.16 example 5). Create it right after the model and
//! before any data, keep it for the whole test.
class ModelProbe final
{
public:
    explicit ModelProbe(QAbstractItemModel *model)
        : tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , resets(model, &QAbstractItemModel::modelReset)
        , layoutChanges(model, &QAbstractItemModel::layoutChanged)
    {
    }

    //! Forget what was recorded so far (after set-up, before the step under test).
    void clear()
    {
        inserted.clear();
        removed.clear();
        moved.clear();
        changed.clear();
        resets.clear();
        layoutChanges.clear();
    }

    //! The roles named by the i-th dataChanged.
    QList<int> changedRoles(int i) const { return changed.at(i).at(2).value<QList<int>>(); }
    //! Every structure signal counted together.
    qsizetype structureChanges() const
    {
        return inserted.size() + removed.size() + moved.size() + resets.size()
            + layoutChanges.size();
    }

    QAbstractItemModelTester tester;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy changed;
    QSignalSpy resets;
    QSignalSpy layoutChanges;
};

} // namespace AgentDesk::Testing
