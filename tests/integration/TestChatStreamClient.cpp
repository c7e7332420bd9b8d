#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "core/live/ChatStreamClient.h"
#include "core/live/MessageAssembler.h"
#include "support/DemoIds.h"
#include "support/FakeSocketServers.h"
#include "support/GenerationRows.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray testToken = "abcdefghij-0123456789012345678901";
const ChatId chat = Demo::mainChat;

QByteArray messageFrame(qint64 id)
{
    const QJsonObject message{{u"id"_s, id}, {u"chat_id"_s, chat.toString()},
        {u"role"_s, u"user"_s}, {u"created_at"_s, u"2026-06-02T09:00:00Z"_s},
        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"hi"_s}}}}};
    const QJsonObject event{
        {u"type"_s, u"message"_s}, {u"chat_id"_s, chat.toString()}, {u"message"_s, message}};
    return QJsonDocument(QJsonArray{event}).toJson(QJsonDocument::Compact);
}

//! An HTTP server that refuses every upgrade with one status, and records the request lines.
} // namespace

class TestChatStreamClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void open_sendsTokenHeader_andResumesWithAfterIdAfterAbort();
    void silence_withoutFramesOrPongs_abortsAndReconnects();
    void upgrade_refused_goesOffline_data();
    void upgrade_refused_goesOffline();
    void upgrade_400WithAfterId_retriesOnceWithoutIt();
    void stop_closesAndStaysIdle();
    void simulator_wholeTurnArrives_andMatchesRestHistory_data();
    void simulator_wholeTurnArrives_andMatchesRestHistory();

private:
    QNetworkAccessManager m_network;
};

void TestChatStreamClient::initTestCase()
{
    qRegisterMetaType<ConnectionState>();
}

void TestChatStreamClient::open_sendsTokenHeader_andResumesWithAfterIdAfterAbort()
{
    FakeSocketServer server([&server](QWebSocket *socket) {
        if (server.sockets.size() == 1)
            socket->sendTextMessage(QString::fromUtf8(messageFrame(41)));
    });
    QVERIFY(server.isListening());
    const QList<QNetworkRequest> &requests = server.requests;
    const QList<QWebSocket *> &sockets = server.sockets;

    const auto signedIn = signedInApi(&m_network, server.httpUrl(), testToken);
    ApiClient &api = *signedIn;
    ChatStreamClient client(api.streamUrl(chat), socketRequestsOf(&api));
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());

    QStringList order;
    connect(&client, &ChatStreamClient::connectionOpened, this, [&] { order << u"open"_s; });
    connect(&client, &ChatStreamClient::eventsReceived, this,
        [&](const QList<StreamEvent> &events) { order << u"events:%1"_s.arg(events.size()); });
    client.start();
    QCOMPARE(client.state(), ConnectionState::Connecting);
    QTRY_COMPARE(order, (QStringList{u"open"_s, u"events:1"_s}));
    QCOMPARE(client.state(), ConnectionState::Live);
    QCOMPARE(client.afterId(), MessageId{41});

    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().rawHeader("Coder-Session-Token"), testToken);
    QVERIFY2(!requests.first().url().hasQuery(), qPrintable(requests.first().url().toString()));
    QVERIFY(!requests.first().url().toString().contains(QString::fromLatin1(testToken)));
    QVERIFY(requests.first().url().path().endsWith(u"/%1/stream"_s.arg(chat.toString())));

    QSignalSpy states(&client, &ChatStreamClient::stateChanged);
    sockets.first()->abort();
    QTRY_COMPARE(requests.size(), 2);
    QCOMPARE(QUrlQuery(requests.at(1).url()).queryItemValue(u"after_id"_s), u"41"_s);
    QCOMPARE(requests.at(1).rawHeader("Coder-Session-Token"), testToken);
    QTRY_COMPARE(client.state(), ConnectionState::Live);
    QVERIFY(states.contains(QVariantList{QVariant::fromValue(ConnectionState::Reconnecting)}));
    QCOMPARE(order.count(u"open"_s), 2);
    QCOMPARE(client.connectionCount(), 2);
    client.stop();
}

void TestChatStreamClient::silence_withoutFramesOrPongs_abortsAndReconnects()
{
    FakeSocketServer server; // accepts and says nothing
    QVERIFY(server.isListening());
    ChatStreamClient client(server.url(u"/api/experimental/chats/%1/stream"_s.arg(chat.toString())),
        [](const QUrl &url) { return QNetworkRequest(url); });
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    client.channel()->setPingInterval(0ms); // no pongs either: nothing proves the line is alive
    client.channel()->setSilenceTimeout(150ms);
    QSignalSpy opened(&client, &ChatStreamClient::connectionOpened);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 3, 5000);
    QVERIFY(server.sockets.size() >= 3);
    client.stop();
    QCOMPARE(client.state(), ConnectionState::Idle);
}

void TestChatStreamClient::upgrade_refused_goesOffline_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("401 unauthorized") << 401;
    QTest::newRow("404 chat gone") << 404;
    QTest::newRow("403 no access") << 403;
}

void TestChatStreamClient::upgrade_refused_goesOffline()
{
    QFETCH(int, status);
    RefusingUpgradeServer server(status);
    ChatStreamClient client(server.url(u"/api/experimental/chats/%1/stream"_s.arg(chat.toString())),
        [](const QUrl &url) { return QNetworkRequest(url); });
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    QSignalSpy states(&client, &ChatStreamClient::stateChanged);
    client.start();
    QTRY_COMPARE(client.state(), ConnectionState::Offline);
    QCOMPARE(client.channel()->lastHttpStatus(), status);
    QCOMPARE(server.requestLines.size(), 1);
    // With a zero-delay policy a retry would come at once; none may come.
    QVERIFY(!states.wait(200));
    QCOMPARE(server.requestLines.size(), 1);
}

void TestChatStreamClient::upgrade_400WithAfterId_retriesOnceWithoutIt()
{
    RefusingUpgradeServer server(400);
    ChatStreamClient client(server.url(u"/api/experimental/chats/%1/stream"_s.arg(chat.toString())),
        [](const QUrl &url) { return QNetworkRequest(url); });
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    client.setAfterId(MessageId{17});
    QSignalSpy resync(&client, &ChatStreamClient::resyncStarted);
    client.start();
    QTRY_COMPARE(client.state(), ConnectionState::Offline);
    QCOMPARE(resync.size(), 1);
    QCOMPARE(server.requestLines.size(), 2);
    QVERIFY2(server.requestLines.at(0).contains("?after_id=17"), server.requestLines.at(0));
    QVERIFY2(!server.requestLines.at(1).contains("after_id"), server.requestLines.at(1));
}

void TestChatStreamClient::stop_closesAndStaysIdle()
{
    QWebSocketServer server(u"test"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QWebSocket *serverSide = nullptr;
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        serverSide = server.nextPendingConnection();
        serverSide->setParent(&server);
    });
    ChatStreamClient client(
        QUrl(u"ws://127.0.0.1:%1/api/experimental/chats/%2/stream"_s.arg(server.serverPort())
                 .arg(chat.toString())),
        [](const QUrl &url) { return QNetworkRequest(url); });
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    client.start();
    QTRY_COMPARE(client.state(), ConnectionState::Live);
    QVERIFY(serverSide);
    QSignalSpy closed(serverSide, &QWebSocket::disconnected);
    client.stop();
    QCOMPARE(client.state(), ConnectionState::Idle);
    QVERIFY(closed.wait(2000));
    QCOMPARE(serverSide->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QSignalSpy newConnections(&server, &QWebSocketServer::newConnection);
    QVERIFY(!newConnections.wait(200));
}

void TestChatStreamClient::simulator_wholeTurnArrives_andMatchesRestHistory_data()
{
    addGenerationRows(); // every server generation the simulator plays (§20.1)
}

void TestChatStreamClient::simulator_wholeTurnArrives_andMatchesRestHistory()
{
    QFETCH(QString, generation);
    const auto live =
        simulatorApiFor(generation, {u"--seed"_s, u"7"_s, u"--delta-interval-ms"_s, u"2"_s});
    QVERIFY2(live->start(), qPrintable(live->sim.errorString()));
    SimulatorProcess &sim = live->sim;
    ApiClient &api = *live->api;

    MessageAssembler assembler(chat);
    ChatStreamClient client(api.streamUrl(chat), socketRequestsOf(&api));
    client.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    connect(
        &client, &ChatStreamClient::connectionOpened, this, [&] { assembler.beginConnection(); });
    int partEvents = 0;
    connect(
        &client, &ChatStreamClient::eventsReceived, this, [&](const QList<StreamEvent> &events) {
            for (const StreamEvent &event : events)
                partEvents += event.type == StreamEvent::Type::MessagePart ? 1 : 0;
            assembler.applyBatch(events);
        });
    client.start();
    QTRY_COMPARE(assembler.status(), ChatStatus::Waiting);
    const auto before = assembler.lastCommittedId();
    QVERIFY(before);

    QByteArray body;
    const int code =
        sim.request("POST", (chatsPrefixOf(generation) + u"/%1/messages"_s).arg(chat.toString()),
            R"({"content":[{"type":"text","text":"/scenario quick please"}]})", &body);
    QVERIFY2(code == 200 || code == 201, body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(
        assembler.status() == ChatStatus::Waiting && assembler.lastCommittedId() > before, 20000);
    QVERIFY(partEvents > 3);
    QVERIFY(!assembler.preview());

    // The streamed result equals the server's history, part for part.
    QCOMPARE(sim.request("GET",
                 (chatsPrefixOf(generation) + u"/%1/messages?limit=200"_s).arg(chat.toString()), {},
                 &body),
        200);
    const auto page = ApiJson::messagesPageFromJson(*ApiJson::parseDocument(body));
    QVERIFY(page);
    QCOMPARE(qsizetype(assembler.committed().size()), page->messages.size());
    for (const ChatMessage &m : page->messages) {
        const auto mine = assembler.message(m.id);
        QVERIFY(mine);
        QCOMPARE(ApiJson::toJson(*mine), ApiJson::toJson(m));
    }
    client.stop();
}

QTEST_GUILESS_MAIN(TestChatStreamClient)
#include "TestChatStreamClient.moc"
