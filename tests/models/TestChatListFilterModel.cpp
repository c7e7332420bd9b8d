// ChatListFilterModel: order, archive view, q-syntax search, attention filter and the tree rule
// (a matching child keeps its root), over the protocol fixtures.

#include "core/api/ApiJson.h"
#include "models/ChatListFilterModel.h"
#include "models/ChatListModel.h"
#include "support/DemoIds.h"
#include "support/FixtureModels.h"
#include "support/ModelProbe.h"

#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

//! Short names of the fixture chats, so rows read like the fixture README.
QString shortName(const QModelIndex &index)
{
    const QString title = index.data(ChatListModel::TitleRole).toString();
    return title.section(u' ', 0, 1);
}

} // namespace

class TestChatListFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<ChatListModel>();
        m_proxy = std::make_unique<ChatListFilterModel>();
        m_proxy->setSourceModel(m_model.get());
        m_probe = std::make_unique<ModelProbe>(m_proxy.get());
        m_sourceTester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Chat> all = fixtureChats(u"chats-list.json"_s);
        all.append(fixtureChats(u"chats-list-archived.json"_s));
        QCOMPARE(all.size(), 4);
        m_model->replaceAll(all);
    }

    void cleanup()
    {
        m_sourceTester.reset();
        m_probe.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void order_pinnedFirstThenNewestFirst()
    {
        QCOMPARE(roots(), (QStringList{u"Fix flaky"_s, u"Add CSV"_s, u"Explain the"_s}));
        QCOMPARE(children(u"Add CSV"_s), (QStringList{u"Write unit"_s, u"Explore: find"_s}));
    }

    void order_followsChangesDynamically()
    {
        // Newer activity moves the API chat above the main chat, but not above the pin.
        Chat api = *m_model->chat(Demo::apiChat);
        api.updatedAt = QDateTime(QDate(2026, 6, 2), QTime(11, 0), QTimeZone::utc());
        m_model->upsert(api);
        QCOMPARE(roots(), (QStringList{u"Fix flaky"_s, u"Explain the"_s, u"Add CSV"_s}));

        // Pinning puts it after the existing pin.
        m_model->setPinOrder(Demo::mainChat, 1);
        QCOMPARE(roots(), (QStringList{u"Fix flaky"_s, u"Add CSV"_s, u"Explain the"_s}));
        // Reorder to the top.
        m_model->setPinOrder(Demo::mainChat, 1);
        QCOMPARE(roots(), (QStringList{u"Add CSV"_s, u"Fix flaky"_s, u"Explain the"_s}));
        m_model->setPinOrder(Demo::mainChat, 0);
        QCOMPARE(roots(), (QStringList{u"Fix flaky"_s, u"Explain the"_s, u"Add CSV"_s}));
    }

    void archivedView_showsOnlyArchived()
    {
        m_proxy->setShowArchived(true);
        QCOMPARE(roots(), QStringList{u"Upgrade Go"_s});
        m_proxy->setShowArchived(false);
        QCOMPARE(roots().size(), 3);

        // Archiving moves a chat between the views at once.
        m_model->setArchived(Demo::apiChat, true);
        QCOMPARE(roots(), (QStringList{u"Fix flaky"_s, u"Add CSV"_s}));
        m_proxy->setShowArchived(true);
        QCOMPARE(roots(), (QStringList{u"Explain the"_s, u"Upgrade Go"_s}));
    }

    void search_querySyntax_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");

        const QStringList all{u"Fix flaky"_s, u"Add CSV"_s, u"Explain the"_s};
        QTest::newRow("empty") << QString() << all;
        QTest::newRow("bare word, any case") << u"BILLING"_s << QStringList{u"Explain the"_s};
        QTest::newRow("two words AND") << u"csv export"_s << QStringList{u"Add CSV"_s};
        QTest::newRow("summary text") << u"waitForURL"_s << QStringList{u"Fix flaky"_s};
        QTest::newRow("quoted title") << u"title:\"login e2e\""_s << QStringList{u"Fix flaky"_s};
        QTest::newRow("quoted phrase") << u"\"cron job\""_s << QStringList{u"Explain the"_s};
        QTest::newRow("has_unread") << u"has_unread:true"_s << QStringList{u"Explain the"_s};
        QTest::newRow("has_unread false")
            << u"has_unread:false"_s << QStringList{u"Fix flaky"_s, u"Add CSV"_s};
        QTest::newRow("pr_status draft") << u"pr_status:draft"_s << QStringList{u"Fix flaky"_s};
        QTest::newRow("pr_status list")
            << u"pr_status:open,draft"_s << QStringList{u"Fix flaky"_s, u"Add CSV"_s};
        QTest::newRow("pr number") << u"pr:482"_s << QStringList{u"Add CSV"_s};
        QTest::newRow("repo") << u"repo:acme/webapp"_s << QStringList{u"Fix flaky"_s};
        QTest::newRow("label") << u"label:team:web"_s << QStringList{u"Fix flaky"_s, u"Add CSV"_s};
        QTest::newRow("label quoted") << u"label:\"source:ci\""_s << QStringList{u"Explain the"_s};
        QTest::newRow("archived overrides view")
            << u"archived:true"_s << QStringList{u"Upgrade Go"_s};
        QTest::newRow("archived and title")
            << u"archived:true title:go"_s << QStringList{u"Upgrade Go"_s};
        QTest::newRow("keys are case-insensitive")
            << u"TITLE:flaky"_s << QStringList{u"Fix flaky"_s};
        QTest::newRow("source accepted") << u"source:created_by_me"_s << all;
        // Malformed input never crashes and never throws the list away: it becomes text.
        QTest::newRow("unterminated quote") << u"title:\"flaky"_s << QStringList{u"Fix flaky"_s};
        QTest::newRow("bad boolean") << u"archived:maybe"_s << QStringList{};
        QTest::newRow("bad pr") << u"pr:abc"_s << QStringList{};
        QTest::newRow("unknown key") << u"colour:red"_s << QStringList{};
        QTest::newRow("lone quote") << u"\""_s << all;
        QTest::newRow("colons only") << u"::"_s << QStringList{};
        QTest::newRow("empty value") << u"title:"_s << QStringList{};
    }

    void search_querySyntax()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        m_proxy->setSearchText(query);
        QCOMPARE(roots(), expected);
    }

    void search_matchingChild_keepsItsRootVisible()
    {
        m_proxy->setSearchText(u"title:explore"_s);
        QCOMPARE(roots(), QStringList{u"Add CSV"_s});
        QCOMPARE(children(u"Add CSV"_s), QStringList{u"Explore: find"_s});
        // A matching root shows its whole family.
        m_proxy->setSearchText(u"title:reports"_s);
        QCOMPARE(children(u"Add CSV"_s).size(), 2);
    }

    void needsAttentionOnly_showsErrorAndRequiresAction()
    {
        m_proxy->setNeedsAttentionOnly(true);
        QCOMPARE(roots(), QStringList{u"Explain the"_s});
        // A child that needs attention keeps its root.
        Chat child = *m_model->chat(m_model->childIds(Demo::mainChat).first());
        child.status = ChatStatus::RequiresAction;
        m_model->upsert(child);
        QCOMPARE(roots(), (QStringList{u"Add CSV"_s, u"Explain the"_s}));
        m_proxy->setNeedsAttentionOnly(false);
        QCOMPARE(roots().size(), 3);
    }

private:
    QStringList roots() const
    {
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            names.append(shortName(m_proxy->index(row, 0)));
        return names;
    }

    QStringList children(const QString &root) const
    {
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex parent = m_proxy->index(row, 0);
            if (shortName(parent) != root)
                continue;
            for (int child = 0; child < m_proxy->rowCount(parent); ++child)
                names.append(shortName(m_proxy->index(child, 0, parent)));
        }
        return names;
    }

    std::unique_ptr<ChatListModel> m_model;
    std::unique_ptr<ChatListFilterModel> m_proxy;
    std::unique_ptr<ModelProbe> m_probe;
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
};

QTEST_GUILESS_MAIN(TestChatListFilterModel)
#include "TestChatListFilterModel.moc"
