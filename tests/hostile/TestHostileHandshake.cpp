// Issue 11, item 3: a WebSocket upgrade that the server accepts at TCP level and never answers
// used to leave the chat "Connecting…" for ever (one attempt, no retry, no error). The
// handshake now times out like a REST call, is retried with back-off, and says so.

#include "core/api/ApiClient.h"
#include "core/live/ChatStreamClient.h"
#include "core/live/ChatWatchClient.h"
#include "support/HostileApi.h"
#include "support/HostileServer.h"
#include "support/SignedInApi.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const ChatId chatId = ChatId::fromString(u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b");

QList<ConnectionState> statesOf(const QSignalSpy &spy)
{
    QList<ConnectionState> states;
    for (const QList<QVariant> &arguments : spy)
        states.append(arguments.first().value<ConnectionState>());
    return states;
}

} // namespace

class TestHostileHandshake : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void streamUpgradeNeverAnswered_timesOutRetriesAndSaysSo();
    void watchUpgradeNeverAnswered_givesUpAfterTheLimit();
    void answerAfterTimeouts_goesLive();

private:
    std::unique_ptr<HostileApi> m_host;
};

void TestHostileHandshake::init()
{
    qRegisterMetaType<ConnectionState>();
    m_host = std::make_unique<HostileApi>();
    QVERIFY(m_host->start());
    m_host->server.setResponder(
        [](const RecordedRequest &) { return HostileServer::neverAnswer(); });
}

void TestHostileHandshake::cleanup()
{
    m_host.reset();
}

void TestHostileHandshake::streamUpgradeNeverAnswered_timesOutRetriesAndSaysSo()
{
    ChatStreamClient stream(m_host->api->streamUrl(chatId),
        [this](const QUrl &url) { return m_host->api->makeWebSocketRequest(url); });
    stream.channel()->setHandshakeTimeout(300ms);
    // Real back-off, kept short: 50 ms doubling to 200 ms, no jitter.
    stream.channel()->setReconnectPolicy(ReconnectPolicy(50ms, 200ms, 2.0, 0.0));
    QSignalSpy states(&stream, &ChatStreamClient::stateChanged);
    QSignalSpy ended(stream.channel(), &WebSocketChannel::disconnected);
    stream.start();
    QCOMPARE(stream.state(), ConnectionState::Connecting);

    // The first attempt times out and the UI hears about it: Reconnecting, with a reason.
    QTRY_VERIFY_WITH_TIMEOUT(statesOf(states).contains(ConnectionState::Reconnecting), 10'000);
    QCOMPARE(statesOf(states).first(), ConnectionState::Connecting);
    QVERIFY(!ended.isEmpty());
    const QString error = stream.channel()->lastErrorString();
    QVERIFY2(error.contains(u"did not answer"_s), qPrintable(error));
    QCOMPARE(stream.channel()->lastHttpStatus(), 0);

    // And it tries again (the server saw a new TCP connection and upgrade each time).
    QTRY_VERIFY_WITH_TIMEOUT(m_host->server.requests().size() >= 3, 10'000);
    for (const RecordedRequest &request : m_host->server.requests())
        QVERIFY(request.isWebSocketUpgrade());
    QVERIFY(stream.state() != ConnectionState::Live);
    QVERIFY(stream.state() != ConnectionState::Idle);
    stream.stop();
    QCOMPARE(stream.state(), ConnectionState::Idle);
}

void TestHostileHandshake::watchUpgradeNeverAnswered_givesUpAfterTheLimit()
{
    ChatWatchClient watch(m_host->api->watchUrl(),
        [this](const QUrl &url) { return m_host->api->makeWebSocketRequest(url); });
    watch.channel()->setHandshakeTimeout(200ms);
    watch.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    watch.channel()->setMaxConsecutiveFailures(2);
    watch.start();
    QTRY_COMPARE_WITH_TIMEOUT(watch.state(), ConnectionState::Offline, 10'000);
    QCOMPARE(m_host->server.requests().size(), 2);
}

void TestHostileHandshake::answerAfterTimeouts_goesLive()
{
    // The first two upgrades hang; the third is answered: the chat goes live after all.
    m_host->server.setResponder([this](const RecordedRequest &request) {
        if (m_host->server.requests().size() <= 2)
            return HostileServer::neverAnswer();
        return HostileServer::webSocketAccept(request);
    });
    ChatStreamClient stream(m_host->api->streamUrl(chatId),
        [this](const QUrl &url) { return m_host->api->makeWebSocketRequest(url); });
    // Long enough that an answered upgrade is never cut off on a busy machine.
    stream.channel()->setHandshakeTimeout(1500ms);
    stream.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    stream.start();
    QTRY_COMPARE_WITH_TIMEOUT(stream.state(), ConnectionState::Live, 20'000);
    QVERIFY(m_host->server.requests().size() >= 3);
    QCOMPARE(stream.connectionCount(), 1);
    stream.stop();
}

QTEST_GUILESS_MAIN(TestHostileHandshake)
#include "TestHostileHandshake.moc"
