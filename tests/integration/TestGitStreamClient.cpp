#include "core/api/ApiClient.h"
#include "core/live/GitStreamClient.h"
#include "support/DemoIds.h"
#include "support/SimulatorApi.h"

#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using AgentDesk::Testing::SimulatorApi;
using AgentDesk::Testing::socketRequestsOf;
namespace Demo = AgentDesk::Testing::Demo;
using namespace Qt::StringLiterals;

class TestGitStreamClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_frames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("decoded");
        QTest::addColumn<int>("repositories");
        QTest::newRow("changes") << QByteArray(
            R"({"type":"changes","scanned_at":"2026-06-02T09:31:00Z",)"
            R"("repositories":[{"repo_root":"/home/coder/reports","branch":"b",)"
            R"("remote_origin":"o","unified_diff":"diff --git a/x b/x","removed":false}]})")
                                 << true << 1;
        QTest::newRow("removed repo and a bad entry") << QByteArray(
            R"({"type":"changes","repositories":[{"repo_root":"/r","removed":true},7]})")
                                                      << true << 1;
        QTest::newRow("no repositories") << QByteArray(R"({"type":"changes"})") << true << 0;
        QTest::newRow("unknown type") << QByteArray(R"({"type":"rescan"})") << false << 0;
        QTest::newRow("array") << QByteArray("[1,2]") << false << 0;
        QTest::newRow("not json") << QByteArray("\xff{{") << false << 0;
        QTest::newRow("wrong types")
            << QByteArray(R"({"type":"changes","repositories":"all of them"})") << true << 0;
    }

    void decode_frames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, decoded);
        QFETCH(int, repositories);
        const std::optional<GitChanges> changes = GitStreamClient::decode(frame);
        QCOMPARE(changes.has_value(), decoded);
        if (changes)
            QCOMPARE(changes->repositories.size(), repositories);
    }

    void live_demoChat_sendsItsDiffOnConnect()
    {
        SimulatorApi live;
        QVERIFY2(live.start(), qPrintable(live.sim.errorString()));
        ApiClient &api = *live.api;
        GitStreamClient client(api.gitStreamUrl(Demo::mainChat), socketRequestsOf(&api));
        QSignalSpy changes(&client, &GitStreamClient::changesReceived);
        client.start();
        QVERIFY(changes.wait(10'000));
        QCOMPARE(client.state(), ConnectionState::Live);
        const auto received = changes.first().first().value<GitChanges>();
        QCOMPARE(received.repositories.size(), 1);
        QVERIFY(received.repositories.first().unifiedDiff.contains(u"diff --git"_s));
        QVERIFY(!received.repositories.first().repoRoot.isEmpty());
        client.stop();
        QCOMPARE(client.state(), ConnectionState::Idle);
    }
};

QTEST_GUILESS_MAIN(TestGitStreamClient)
#include "TestGitStreamClient.moc"
