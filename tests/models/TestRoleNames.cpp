// roleNamesFromEnum: the role names of the list models, derived from their Role enums.

#include "models/ChatListModel.h"
#include "models/DiffModel.h"
#include "models/ModelConfigModel.h"
#include "models/QueueModel.h"
#include "models/RoleNames.h"

#include <QAbstractItemModel>
#include <QtTest>

#include <memory>

using namespace AgentDesk;

namespace {

//! A Role enum with a member that does not end in "Role".
struct SampleRoles
{
    Q_GADGET

public:
    enum Role { FirstThingRole = Qt::UserRole + 1, NotARoleName };
    Q_ENUM(Role)
};

std::unique_ptr<QAbstractItemModel> makeModel(const QByteArray &name)
{
    if (name == "ChatListModel")
        return std::make_unique<ChatListModel>();
    if (name == "DiffModel")
        return std::make_unique<DiffModel>();
    if (name == "ModelConfigModel")
        return std::make_unique<ModelConfigModel>();
    return std::make_unique<QueueModel>();
}

} // namespace

class TestRoleNames final : public QObject
{
    Q_OBJECT

private slots:
    void modelsNameEveryRoleOfTheirEnum_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<int>("roleCount");
        QTest::addColumn<int>("role");
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("chats, first") << QByteArray("ChatListModel") << 30
                                      << int(ChatListModel::ChatIdRole) << QByteArray("chatId");
        QTest::newRow("chats, two words")
            << QByteArray("ChatListModel") << 30 << int(ChatListModel::SharedWithMeRole)
            << QByteArray("sharedWithMe");
        QTest::newRow("chats, last") << QByteArray("ChatListModel") << 30
                                     << int(ChatListModel::PlanModeRole) << QByteArray("planMode");
        QTest::newRow("diff") << QByteArray("DiffModel") << 19
                              << int(DiffModel::IntraLineRangesRole)
                              << QByteArray("intraLineRanges");
        QTest::newRow("models") << QByteArray("ModelConfigModel") << 10
                                << int(ModelConfigModel::ProviderDisplayNameRole)
                                << QByteArray("providerDisplayName");
        QTest::newRow("queue") << QByteArray("QueueModel") << 6
                               << int(QueueModel::ModelConfigIdRole) << QByteArray("modelConfigId");
    }

    void modelsNameEveryRoleOfTheirEnum()
    {
        QFETCH(QByteArray, model);
        QFETCH(int, roleCount);
        QFETCH(int, role);
        QFETCH(QByteArray, name);
        const QHash<int, QByteArray> names = makeModel(model)->roleNames();
        // Qt's six own roles, then every XyzRole of the enum as "xyz".
        QCOMPARE(names.size(), 6 + roleCount);
        QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
        QCOMPARE(names.value(role), name);
    }

    void membersWithoutTheSuffixAreLeftOut()
    {
        const QHash<int, QByteArray> names =
            roleNamesFromEnum(SampleRoles::staticMetaObject, {{Qt::DisplayRole, "display"}});
        QCOMPARE(names,
            (QHash<int, QByteArray>{
                {Qt::DisplayRole, "display"}, {SampleRoles::FirstThingRole, "firstThing"}}));
    }
};

QTEST_GUILESS_MAIN(TestRoleNames)
#include "TestRoleNames.moc"
