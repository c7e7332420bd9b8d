// ModelConfigModel over the two model-list shapes of §9.4, as decoded by ApiJson.

#include "core/api/ApiJson.h"
#include "models/ModelConfigModel.h"
#include "support/FixtureModels.h"
#include "support/ProbedModelTest.h"

#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestModelConfigModel : public ProbedModelTest<ModelConfigModel>
{
    Q_OBJECT

private slots:
    void fixtures_defaultRowAndSelectability_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("minimumRows");
        QTest::addColumn<bool>("hasSelectable");

        QTest::newRow("newest shape") << u"models.json"_s << 3 << true;
        // Seed-era entries carry only "provider:model" until joined with /model-configs.
        QTest::newRow("legacy shape") << u"models-legacy.json"_s << 2 << false;
    }

    void fixtures_defaultRowAndSelectability()
    {
        QFETCH(QString, file);
        QFETCH(int, minimumRows);
        QFETCH(bool, hasSelectable);

        const QList<ModelConfig> models = fixtureModels(file);
        QVERIFY(models.size() >= minimumRows);
        m_model->setModels(models);
        QCOMPARE(m_model->rowCount(), models.size());
        const int defaultRow = m_model->defaultRow();
        QCOMPARE(defaultRow >= 0, hasSelectable);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row);
            const bool selectable = index.data(ModelConfigModel::SelectableRole).toBool();
            QCOMPARE(selectable, models[row].isSelectable());
            QCOMPARE(bool(m_model->flags(index) & Qt::ItemIsEnabled), selectable);
            QVERIFY(!index.data(Qt::DisplayRole).toString().isEmpty());
        }
        if (defaultRow >= 0) {
            const QModelIndex index = m_model->index(defaultRow);
            QVERIFY(index.data(ModelConfigModel::SelectableRole).toBool());
            const auto id = index.data(ModelConfigModel::ModelConfigIdRole).value<ModelConfigId>();
            QCOMPARE(m_model->indexOf(id), index);
        }
    }

    void newestShape_rolesCarryTheEntry()
    {
        m_model->setModels(fixtureModels(u"models.json"_s));
        const QModelIndex sonnet =
            m_model->indexOf(ModelConfigId::fromString(u"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b"));
        QVERIFY(sonnet.isValid());
        QCOMPARE(m_model->defaultRow(), sonnet.row());
        QCOMPARE(sonnet.data(Qt::DisplayRole).toString(), u"Claude Sonnet 4.5"_s);
        QCOMPARE(sonnet.data(ModelConfigModel::ContextLimitRole).toLongLong(), 200000);
        QCOMPARE(sonnet.data(ModelConfigModel::ReasoningEffortsRole).toStringList(),
            (QStringList{u"none"_s, u"low"_s, u"medium"_s, u"high"_s}));
        QCOMPARE(sonnet.data(ModelConfigModel::IsDefaultRole).toBool(), true);
        const QModelIndex opus =
            m_model->indexOf(ModelConfigId::fromString(u"a1b2c3d4-0003-4e5f-aa9b-0c1d2e3f4a5d"));
        QCOMPARE(opus.data(ModelConfigModel::SelectableRole).toBool(), false);
        QVERIFY(m_model->roleNames().contains(ModelConfigModel::ModelConfigIdRole));
    }

    void setModels_again_diffsById()
    {
        QList<ModelConfig> models = fixtureModels(u"models.json"_s);
        m_model->setModels(models);
        m_probe->clear();
        m_model->setModels(models);
        QCOMPARE(m_probe->structureChanges(), 0);
        QCOMPARE(m_probe->changed.size(), 0);

        // The default moves to another model, and one disappears.
        models[0].isDefault = false;
        models[1].isDefault = true;
        models.removeLast();
        m_model->setModels(models);
        QCOMPARE(m_probe->removed.size(), 1);
        QCOMPARE(m_probe->inserted.size(), 0);
        QCOMPARE(m_probe->changed.size(), 2);
        QCOMPARE(m_probe->changedRoles(0),
            (QList<int>{ModelConfigModel::IsDefaultRole, ModelConfigModel::ModelConfigRole}));
        QCOMPARE(m_model->rowCount(), models.size());

        // Reversed order: moves only.
        std::reverse(models.begin(), models.end());
        m_probe->clear();
        m_model->setModels(models);
        QCOMPARE(m_probe->moved.size(), 1);
        QCOMPARE(m_probe->inserted.size() + m_probe->removed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModelConfigModel)
#include "TestModelConfigModel.moc"
