#pragma once

// The base of a model's QTest class: a fresh model and its ModelProbe around every test function
// (QTest's init/cleanup), the model first and the probe right after it, so the probe's tester
// sees every change. Used by tests/models; the derived class keeps its own Q_OBJECT and slots.

#include "support/ModelProbe.h"

#include <QObject>

#include <memory>

namespace AgentDesk::Testing {

//! The init/cleanup slots QTest calls; ProbedModelTest fills in what they make and destroy.
class ProbedModelTestBase : public QObject
{
    Q_OBJECT

protected:
    virtual void createModel() = 0;
    virtual void destroyModel() = 0;

private slots:
    void init() { createModel(); }
    void cleanup() { destroyModel(); }
};

//! m_model (a default-constructed \a Model) and m_probe on it, remade for each test function.
template<typename Model>
class ProbedModelTest : public ProbedModelTestBase
{
protected:
    void createModel() override
    {
        m_model = std::make_unique<Model>();
        m_probe = std::make_unique<ModelProbe>(m_model.get());
    }
    void destroyModel() override
    {
        m_probe.reset();
        m_model.reset();
    }

    //! The typed id (\a Id, with a .value) in \a role of every row, top to bottom.
    template<typename Id>
    QList<qint64> rowIds(int role) const
    {
        QList<qint64> result;
        for (int row = 0; row < m_model->rowCount(); ++row)
            result << m_model->index(row, 0).data(role).template value<Id>().value;
        return result;
    }

    std::unique_ptr<Model> m_model;
    std::unique_ptr<ModelProbe> m_probe;
};

} // namespace AgentDesk::Testing
