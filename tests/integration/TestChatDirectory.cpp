// ChatDirectory against agentdesk-sim: a real ApiClient and ChatWatchClient keep a
// ChatListModel equal to the server through list, watch, commands, refusals and reconcile.

#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "core/live/ChatWatchClient.h"
#include "models/ChatDirectory.h"
#include "models/ChatListFilterModel.h"
#include "models/ChatListModel.h"
#include "support/DemoIds.h"
#include "support/LiveDirectory.h"
#include "support/ModelProbe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestChatDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<ApiError>();
    }

    void init() { setUp(testGeneration()); }

    void cleanup() { tearDown(); }

    //! §20.2 on the servers that refuse it: archiving a working chat answers 409; the row comes
    //! back unarchived and Coder's message is reported.
    void archive_workingChat_409RestoresTheRowWithCodersMessage_data()
    {
        addGenerationRows({u"v237"_s, u"newest"_s});
    }
    void archive_workingChat_409RestoresTheRowWithCodersMessage()
    {
        QFETCH(QString, generation);
        tearDown();
        setUp(generation);
        startAndWaitForList();
        QVERIFY(m_live->sim().postControl(
            u"chats/"_s + Demo::apiChat.toString() + u"/turn"_s, {{u"scenario"_s, u"long"_s}}));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_live->model.chat(Demo::apiChat)->status, ChatStatus::Running, 10000);
        m_live->directory->archive(Demo::apiChat);
        QVERIFY(m_errors->wait(10000));
        const auto error = m_errors->first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 409);
        QVERIFY2(error.toDisplayString().contains(u"Cannot archive an active chat"_s),
            qPrintable(error.toDisplayString()));
        QCOMPARE(m_live->model.chat(Demo::apiChat)->archived, false);
        QVERIFY(proxyOrder().contains(Demo::apiChat));
        QVERIFY(serverOrder().contains(Demo::apiChat));
    }

    //! §20.2 watch events: archived elsewhere, `deleted` with `archived: true` moves the family
    //! to the archived view; unarchived, `created` brings it back; a real deletion (`deleted`
    //! without `archived`) removes it. Children follow their root.
    void archiveEvents_moveTheFamily_data() { addGenerationRows({u"v237"_s, u"newest"_s}); }
    void archiveEvents_moveTheFamily()
    {
        QFETCH(QString, generation);
        tearDown();
        setUp(generation);
        startAndWaitForList();
        QVERIFY(m_live->model.chat(Demo::exploreChat));
        const QString path = m_live->api().chatsPrefix() + u'/' + Demo::mainChat.toString();
        QByteArray body;
        QCOMPARE(m_live->sim().request("PATCH", path, R"({"archived":true})", &body), 204);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_live->model.chat(Demo::mainChat) && m_live->model.chat(Demo::mainChat)->archived,
            10000);
        QVERIFY(!proxyOrder().contains(Demo::mainChat));
        QVERIFY(!m_live->model.chat(Demo::exploreChat)
            || m_live->model.chat(Demo::exploreChat)->archived);
        m_proxy->setShowArchived(true);
        QVERIFY(proxyOrder().contains(Demo::mainChat));
        m_proxy->setShowArchived(false);

        QCOMPARE(m_live->sim().request("PATCH", path, R"({"archived":false})", &body), 204);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_live->model.chat(Demo::mainChat) && !m_live->model.chat(Demo::mainChat)->archived,
            10000);
        QTRY_VERIFY(proxyOrder().contains(Demo::mainChat));

        QVERIFY(m_live->sim().postControl(u"chats/"_s + Demo::mainChat.toString() + u"/delete"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_live->model.chat(Demo::mainChat), 10000);
        QVERIFY(!m_live->model.chat(Demo::exploreChat));
        QCOMPARE(m_errors->size(), 0);
    }

private:
    void setUp(const QString &generation)
    {
        m_live = std::make_unique<LiveDirectory>(
            generation, QStringList{u"--seed"_s, u"5"_s, u"--delta-interval-ms"_s, u"1"_s});
        QVERIFY2(m_live->start(), qPrintable(m_live->sim().errorString()));
        m_live->watch->channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
        m_probe = std::make_unique<ModelProbe>(&m_live->model);
        m_proxy = std::make_unique<ChatListFilterModel>();
        m_proxy->setSourceModel(&m_live->model);
        m_errors =
            std::make_unique<QSignalSpy>(m_live->directory.get(), &ChatDirectory::errorOccurred);
    }

    void tearDown()
    {
        m_errors.reset();
        m_proxy.reset();
        m_probe.reset();
        m_live.reset();
    }

private slots:
    void start_listsTheDemoChats()
    {
        startAndWaitForList();
        QCOMPARE(m_live->model.rowCount(), 3); // archived chats are not listed by default
        QCOMPARE(m_live->model.rowCount(m_live->model.indexOf(Demo::mainChat)), 2);
        QCOMPARE(proxyOrder(), serverOrder());
        QCOMPARE(m_live->directory->connectionState(), ConnectionState::Live);
        QCOMPARE(m_probe->resets.size(), 0);
    }

    void firstLoad_showsTheFirstPageBeforeTheRest()
    {
        // One chat per page and a slow server: the first page must reach the model while later
        // pages are still on their way (the list paints after one round trip), not when the
        // whole listing is done.
        m_live->directory->setPageSize(1);
        QVERIFY(m_live->sim().setFaults(QJsonObject{{u"delay_ms"_s, 300}}));
        QSignalSpy loaded(m_live->directory.get(), &ChatDirectory::listLoaded);
        QElapsedTimer clock;
        qint64 firstRowsAt = -1;
        const auto connection =
            connect(&m_live->model, &QAbstractItemModel::rowsInserted, this, [&] {
                if (firstRowsAt < 0)
                    firstRowsAt = clock.elapsed();
            });
        clock.start();
        m_live->directory->start();
        QVERIFY(loaded.wait(20'000));
        const qint64 loadedAt = clock.elapsed();
        disconnect(connection);
        QVERIFY(m_live->sim().setFaults(QJsonObject{{u"delay_ms"_s, 0}}));
        QVERIFY(firstRowsAt >= 0);
        // Three more delayed pages follow the first one; allow for one.
        QCOMPARE_GE(loadedAt - firstRowsAt, 300);
        QCOMPARE(m_live->model.rowCount(), 3);
        QCOMPARE(proxyOrder(), serverOrder());
    }

    void turn_statusChangesReachTheModel()
    {
        startAndWaitForList();
        QSignalSpy statuses(m_live->directory.get(), &ChatDirectory::chatStatusChanged);
        QByteArray body;
        const int code = m_live->sim().request("POST",
            (testChatsPrefix() + u"/%1/messages"_s).arg(Demo::mainChat.toString()),
            R"({"content":[{"type":"text","text":"/scenario quick go"}]})", &body);
        QVERIFY2(code == 200 || code == 201, body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(seenStatus(statuses, ChatStatus::Running), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_live->model.chat(Demo::mainChat)->status, ChatStatus::Waiting, 20000);
        QCOMPARE(statuses.first().at(0).value<ChatId>(), Demo::mainChat);
    }

    void pins_roundTrip_modelOrderEqualsServerOrder()
    {
        startAndWaitForList();
        m_live->directory->pin(Demo::mainChat);
        QCOMPARE(m_live->model.chat(Demo::mainChat)->pinOrder, 2); // optimistic: at the end at once
        m_live->directory->pin(Demo::apiChat);
        QCOMPARE(m_live->model.chat(Demo::apiChat)->pinOrder, 3);
        m_live->directory->movePin(Demo::apiChat, 1);
        QCOMPARE(m_live->model.chat(Demo::apiChat)->pinOrder, 1);
        QCOMPARE(m_live->model.chat(Demo::pinnedChat)->pinOrder, 2);
        m_live->directory->unpin(Demo::pinnedChat);
        QCOMPARE(m_live->model.chat(Demo::pinnedChat)->pinOrder, 0);
        QCOMPARE(m_live->model.chat(Demo::mainChat)->pinOrder, 2);

        const QList<ChatId> expected{Demo::apiChat, Demo::mainChat, Demo::pinnedChat};
        QCOMPARE(proxyOrder(), expected);
        QTRY_COMPARE_WITH_TIMEOUT(serverOrder(), expected, 10000);
        relistAndWait();
        QCOMPARE(proxyOrder(), expected);
        QCOMPARE(m_errors->size(), 0);
    }

    void archive_andUnarchive_roundTrip()
    {
        startAndWaitForList();
        m_live->directory->archive(Demo::pinnedChat);
        QCOMPARE(m_live->model.chat(Demo::pinnedChat)->archived, true);
        QCOMPARE(m_live->model.chat(Demo::pinnedChat)->pinOrder, 0);
        QCOMPARE(proxyOrder(), (QList<ChatId>{Demo::mainChat, Demo::apiChat}));
        QTRY_VERIFY_WITH_TIMEOUT(!serverOrder().contains(Demo::pinnedChat), 10000);

        QSignalSpy loaded(m_live->directory.get(), &ChatDirectory::listLoaded);
        m_live->directory->setArchivedViewLoaded(true);
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_live->model.chat(Demo::archivedChat));
        m_proxy->setShowArchived(true);
        QCOMPARE(proxyOrder().size(), 2);

        m_live->directory->unarchive(Demo::pinnedChat);
        QCOMPARE(m_live->model.chat(Demo::pinnedChat)->archived, false);
        QTRY_VERIFY_WITH_TIMEOUT(serverOrder().contains(Demo::pinnedChat), 10000);
        relistAndWait();
        QCOMPARE(m_live->model.chat(Demo::pinnedChat)->archived, false);
        QCOMPARE(m_errors->size(), 0);
    }

    void rename_isOptimisticAndSticks()
    {
        startAndWaitForList();
        m_live->directory->rename(Demo::apiChat, u"  Billing cron, explained  "_s);
        QCOMPARE(m_live->model.chat(Demo::apiChat)->title, u"Billing cron, explained"_s);
        QTRY_COMPARE_WITH_TIMEOUT(serverTitle(Demo::apiChat), u"Billing cron, explained"_s, 10000);
        relistAndWait();
        QCOMPARE(m_live->model.chat(Demo::apiChat)->title, u"Billing cron, explained"_s);

        m_live->directory->rename(Demo::apiChat, u"   "_s); // refused locally, nothing sent
        QCOMPARE(m_errors->size(), 1);
        QCOMPARE(m_errors->first().at(0).value<ApiError>().kind, ApiError::Kind::Validation);
    }

    void refusedCommands_rollBackAndReportCodersMessage_data()
    {
        QTest::addColumn<int>("command");
        QTest::addColumn<QString>("message");
        QTest::newRow("pin a sub-agent") << 0 << u"Cannot pin a sub-agent chat."_s;
        QTest::newRow("rename fails") << 1 << u"Simulated failure."_s;
        QTest::newRow("pin fails") << 2 << u"Simulated failure."_s;
    }

    void refusedCommands_rollBackAndReportCodersMessage()
    {
        QFETCH(int, command);
        QFETCH(QString, message);
        startAndWaitForList();
        if (command > 0) {
            QVERIFY(m_live->sim().setFaults(QJsonObject{{u"fail_route"_s,
                QJsonObject{{u"pattern"_s, u"/chats/[0-9a-f-]+$"_s}, {u"status"_s, 500},
                    {u"method"_s, u"PATCH"_s}, {u"count"_s, -1}}}}));
        }
        const QString title = m_live->model.chat(Demo::mainChat)->title;
        switch (command) {
        case 0:
            m_live->directory->pin(Demo::exploreChat);
            break;
        case 1:
            m_live->directory->rename(Demo::mainChat, u"Never saved"_s);
            QCOMPARE(
                m_live->model.chat(Demo::mainChat)->title, u"Never saved"_s); // optimistic first
            break;
        case 2:
            m_live->directory->pin(Demo::mainChat);
            QCOMPARE(m_live->model.chat(Demo::mainChat)->pinOrder, 2);
            break;
        }
        QVERIFY(m_errors->wait(10000));
        const ApiError error = m_errors->first().at(0).value<ApiError>();
        QCOMPARE(error.message, message);
        QCOMPARE(m_live->model.chat(Demo::mainChat)->title, title);
        QCOMPARE(m_live->model.chat(Demo::mainChat)->pinOrder, 0);
        QCOMPARE(m_live->model.chat(Demo::exploreChat)->pinOrder, 0);
        QCOMPARE(m_live->model.chat(Demo::pinnedChat)->pinOrder, 1);
    }

    void reconcile_catchesChangesTheWatchMissed()
    {
        m_live->directory->setReconcileInterval(200ms);
        startAndWaitForList();
        m_live->watch->stop(); // from here on no watch event reaches the directory
        QByteArray body;
        const int code = m_live->sim().request("PATCH",
            (testChatsPrefix() + u"/%1"_s).arg(Demo::apiChat.toString()),
            R"({"title":"Renamed elsewhere"})", &body);
        QCOMPARE(code, 204);
        m_probe->clear();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_live->model.chat(Demo::apiChat)->title, u"Renamed elsewhere"_s, 10000);
        // Only the difference was applied: no rows came or went.
        QCOMPARE(m_probe->inserted.size(), 0);
        QCOMPARE(m_probe->removed.size(), 0);
        QCOMPARE(m_probe->resets.size(), 0);
    }

private:
    void startAndWaitForList()
    {
        QVERIFY(m_live->startAndWaitForList());
        QVERIFY(m_live->directory->isListLoaded());
    }

    void relistAndWait()
    {
        QSignalSpy loaded(m_live->directory.get(), &ChatDirectory::listLoaded);
        m_live->directory->refresh();
        QVERIFY(loaded.wait(10000));
    }

    static bool seenStatus(const QSignalSpy &spy, ChatStatus status)
    {
        for (const QList<QVariant> &arguments : spy) {
            if (arguments.at(2).value<ChatStatus>() == status)
                return true;
        }
        return false;
    }

    QList<ChatId> proxyOrder() const
    {
        QList<ChatId> ids;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            ids.append(m_proxy->index(row, 0).data(ChatListModel::ChatIdRole).value<ChatId>());
        return ids;
    }

    QList<ChatId> serverOrder() const
    {
        QByteArray body;
        if (m_live->sim().request("GET", m_live->api().chatsPrefix(), {}, &body) != 200)
            return {};
        QList<ChatId> ids;
        for (const QJsonValue &chat : QJsonDocument::fromJson(body).array())
            ids.append(ChatId::fromString(chat[u"id"_s].toString()));
        return ids;
    }

    QString serverTitle(const ChatId &id) const
    {
        QByteArray body;
        if (m_live->sim().request(
                "GET", m_live->api().chatsPrefix() + u'/' + id.toString(), {}, &body)
            != 200)
            return {};
        return QJsonDocument::fromJson(body).object().value(u"title"_s).toString();
    }

    std::unique_ptr<LiveDirectory> m_live;
    std::unique_ptr<ModelProbe> m_probe;
    std::unique_ptr<ChatListFilterModel> m_proxy;
    std::unique_ptr<QSignalSpy> m_errors;
};

QTEST_GUILESS_MAIN(TestChatDirectory)
#include "TestChatDirectory.moc"
