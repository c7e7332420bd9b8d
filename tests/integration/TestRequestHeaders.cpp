// What every request tells the server about the client: "AgentDesk/<version>" as the
// User-Agent on REST calls and on WebSocket upgrades (issue 10: it was Qt's "Mozilla/5.0").

#include "core/api/ApiClient.h"
#include "core/live/ChatWatchClient.h"
#include "support/HostileServer.h"
#include "support/SignedInApi.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestRequestHeaders : public QObject
{
    Q_OBJECT

private slots:
    void restAndUpgrades_sayAgentDesk()
    {
        HostileServer server;
        QVERIFY(server.listen());
        server.setResponder([](const RecordedRequest &) {
            return HostileServer::json(
                200, R"({"id":"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b","username":"alice"})");
        });
        QNetworkAccessManager network;
        const auto signedIn =
            signedInApi(&network, server.httpUrl(), "AgntDeskSm-test0token00000000000");
        ApiClient &api = *signedIn;
        bool answered = false;
        api.currentUser(this, [&answered](const ApiResult<User> &) { answered = true; });
        QTRY_VERIFY(answered);

        ChatWatchClient watch(
            server.wsUrl(u"/api/experimental/chats/watch"_s), socketRequestsOf(&api));
        watch.start();
        QTRY_VERIFY(server.requests().size() >= 2);
        watch.stop();

        const QByteArray expected = "AgentDesk/" AGENTDESK_TEST_VERSION;
        QCOMPARE(ApiClient::userAgent(), expected);
        bool sawUpgrade = false;
        for (const RecordedRequest &request : server.requests()) {
            QCOMPARE(request.header("user-agent"), expected);
            sawUpgrade |= request.isWebSocketUpgrade();
        }
        QVERIFY(sawUpgrade);
    }
};

QTEST_GUILESS_MAIN(TestRequestHeaders)
#include "TestRequestHeaders.moc"
