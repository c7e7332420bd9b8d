#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "core/live/ChatWatchClient.h"
#include "support/DemoIds.h"
#include "support/FakeSocketServers.h"
#include "support/GenerationRows.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray testToken = "abcdefghij-0123456789012345678901";
const QString mainChat = Demo::mainChat.toString();

QString watchFrame(const QString &kind, const QString &chatId, const QString &status)
{
    const QJsonObject chat{{u"id"_s, chatId}, {u"status"_s, status}, {u"title"_s, u"T"_s}};
    return QString::fromUtf8(QJsonDocument(
        QJsonObject{{u"kind"_s, kind},
            {u"chat"_s, chat}}).toJson(QJsonDocument::Compact));
}

} // namespace

class TestChatWatchClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void open_sendsTokenHeader_deliversEveryKind_andReconnects();
    void silence_withoutFramesOrPongs_abortsAndReconnects();
    void upgrade_401_goesOffline();
    void socketSettings_oneValue_defaultsAndRoundTrip();
    void simulator_everyStatusChangeReachesTheClient_data();
    void simulator_everyStatusChangeReachesTheClient();

private:
    QNetworkAccessManager m_network;
};

void TestChatWatchClient::initTestCase()
{
    qRegisterMetaType<ConnectionState>();
}

void TestChatWatchClient::open_sendsTokenHeader_deliversEveryKind_andReconnects()
{
    FakeSocketServer server([](QWebSocket *socket) {
        socket->sendTextMessage(watchFrame(u"status_change"_s, mainChat, u"running"_s));
        socket->sendTextMessage(watchFrame(u"some_future_kind"_s, mainChat, u"running"_s));
        socket->sendTextMessage(u"{\"type\":\"ping\"}"_s); // legacy ping: no event
        socket->sendTextMessage(u"not json"_s);            // dropped, the socket stays
        socket->sendTextMessage(watchFrame(u"title_change"_s, mainChat, u"waiting"_s));
    });
    QVERIFY(server.isListening());
    const QList<QNetworkRequest> &requests = server.requests;
    const QList<QWebSocket *> &sockets = server.sockets;
    const auto signedIn = signedInApi(&m_network, server.httpUrl(), testToken);
    ApiClient &api = *signedIn;
    ChatWatchClient client(api.watchUrl(), socketRequestsOf(&api));
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    QList<WatchEvent> events;
    connect(&client, &ChatWatchClient::eventReceived, this,
        [&](const WatchEvent &event) { events.append(event); });
    QSignalSpy connected(&client, &ChatWatchClient::connected);
    client.start();
    QTRY_COMPARE(events.size(), 3);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(events.at(0).kind, WatchEvent::Kind::StatusChange);
    QCOMPARE(events.at(1).kind, WatchEvent::Kind::Unknown);
    QCOMPARE(events.at(1).kindRaw, u"some_future_kind"_s);
    QVERIFY(events.at(1).hasChat);
    QCOMPARE(events.at(2).kind, WatchEvent::Kind::TitleChange);
    QCOMPARE(requests.first().rawHeader("Coder-Session-Token"), testToken);
    QVERIFY(requests.first().url().path().endsWith(u"/watch"_s));
    QVERIFY(!requests.first().url().hasQuery());
    QCOMPARE(client.state(), ConnectionState::Live);

    sockets.first()->close(QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE(connected.size(), 2); // the consumer re-lists now
    QTRY_COMPARE(events.size(), 6);
    client.stop();
    QCOMPARE(client.state(), ConnectionState::Idle);
}

void TestChatWatchClient::silence_withoutFramesOrPongs_abortsAndReconnects()
{
    FakeSocketServer server; // accepts and says nothing
    QVERIFY(server.isListening());
    ChatWatchClient client(server.url(u"/api/experimental/chats/watch"_s),
        [](const QUrl &url) { return QNetworkRequest(url); });
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    client.channel()->setPingInterval(0ms);
    client.channel()->setSilenceTimeout(150ms);
    QSignalSpy connected(&client, &ChatWatchClient::connected);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
    client.stop();
}

void TestChatWatchClient::upgrade_401_goesOffline()
{
    RefusingUpgradeServer server(401);
    QVERIFY(server.isListening());
    ChatWatchClient client(server.url(u"/api/experimental/chats/watch"_s),
        [](const QUrl &url) { return QNetworkRequest(url); });
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    QSignalSpy states(&client, &ChatWatchClient::stateChanged);
    client.start();
    QTRY_COMPARE(client.state(), ConnectionState::Offline);
    QVERIFY(!states.wait(200));
    QCOMPARE(server.requestLines.size(), 1);
}

void TestChatWatchClient::socketSettings_oneValue_defaultsAndRoundTrip()
{
    ChatWatchClient client(
        QUrl(u"ws://127.0.0.1:1/watch"_s), [](const QUrl &url) { return QNetworkRequest(url); });
    const SocketSettings defaults = client.channel()->settings();
    QCOMPARE(defaults.silenceTimeout, 45'000ms);
    QCOMPARE(defaults.pingInterval, 15'000ms);
    QCOMPARE(defaults.handshakeTimeout, 30'000ms);
    QCOMPARE(defaults.maxConsecutiveFailures, 0);

    SocketSettings fast;
    fast.reconnect = ReconnectPolicy::zeroDelay();
    fast.silenceTimeout = 150ms;
    fast.pingInterval = 0ms;
    fast.handshakeTimeout = 300ms;
    fast.maxConsecutiveFailures = 2;
    client.channel()->setSettings(fast);
    const SocketSettings now = client.channel()->settings();
    QCOMPARE(now.silenceTimeout, 150ms);
    QCOMPARE(now.pingInterval, 0ms);
    QCOMPARE(now.handshakeTimeout, 300ms);
    QCOMPARE(now.maxConsecutiveFailures, 2);
}

void TestChatWatchClient::simulator_everyStatusChangeReachesTheClient_data()
{
    addGenerationRows(); // every server generation the simulator plays (§20.1)
}

void TestChatWatchClient::simulator_everyStatusChangeReachesTheClient()
{
    QFETCH(QString, generation);
    const auto live =
        simulatorApiFor(generation, {u"--seed"_s, u"3"_s, u"--delta-interval-ms"_s, u"1"_s});
    QVERIFY2(live->start(), qPrintable(live->sim.errorString()));
    SimulatorProcess &sim = live->sim;
    ApiClient &api = *live->api;
    ChatWatchClient client(api.watchUrl(), socketRequestsOf(&api));
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    QStringList statuses;
    connect(&client, &ChatWatchClient::eventReceived, this, [&](const WatchEvent &event) {
        if (event.kind == WatchEvent::Kind::StatusChange && event.chat.id.toString() == mainChat)
            statuses.append(event.chat.statusRaw);
    });
    QSignalSpy connected(&client, &ChatWatchClient::connected);
    client.start();
    QVERIFY(connected.wait(5000));

    for (int turn = 0; turn < 3; ++turn) {
        const qsizetype before = statuses.size();
        QByteArray body;
        const int code =
            sim.request("POST", (chatsPrefixOf(generation) + u"/%1/messages"_s).arg(mainChat),
                R"({"content":[{"type":"text","text":"/scenario quick go"}]})", &body);
        QVERIFY2(code == 200 || code == 201, body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(
            statuses.size() > before + 1 && statuses.last() == u"waiting"_s, 20000);
        QVERIFY2(statuses.mid(before).contains(u"running"_s), qPrintable(statuses.join(u',')));
    }
    client.stop();
}

QTEST_GUILESS_MAIN(TestChatWatchClient)
#include "TestChatWatchClient.moc"
