// Issue 11, item 1: the session token never leaves the deployment's origin. A hostile
// deployment on loopback answers 302 to a second loopback server (another port is another
// origin) that records every request; the second server must never see the token, and the
// client must say where it was being sent. Same-origin redirects still work.

#include "core/Logging.h"
#include "core/api/ApiClient.h"
#include "core/live/WebSocketChannel.h"
#include "support/AwaitResult.h"
#include "support/HostileApi.h"
#include "support/HostileServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray token = HostileApi::token;
const QByteArray userJson =
    R"({"id":"0b3f3c5e-4c1d-4a5e-9f2b-1c2d3e4f5a6b","username":"mallory","email":"m@example.com"})";

} // namespace

class TestHostileRedirects : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rest_crossOriginRedirect_isRefusedAndNamesTheTarget_data();
    void rest_crossOriginRedirect_isRefusedAndNamesTheTarget();
    void rest_crossOriginRedirectOfAPatch_sendsNothingThere();
    void rest_sameOriginThenCrossOrigin_isRefusedAtTheSecondHop();
    void rest_sameOriginRedirect_isFollowed();
    void downgrade_isNamedAsUnencrypted();
    void redirectRule_data();
    void redirectRule();
    void webSocket_crossOriginRedirect_sendsNoTokenThere();

private:
    //! The signed-in user as the client takes the deployment's answers.
    std::optional<ApiResult<User>> currentUser();

    std::unique_ptr<HostileApi> m_host; //!< The deployment and the client signed in to it.
    std::unique_ptr<HostileServer> m_elsewhere;
};

void TestHostileRedirects::init()
{
    m_host = std::make_unique<HostileApi>();
    m_elsewhere = std::make_unique<HostileServer>();
    QVERIFY(m_host->start());
    QVERIFY(m_elsewhere->listen());
    // The other origin happily answers whatever it is asked, as an attacker would.
    m_elsewhere->setResponder([](const RecordedRequest &request) {
        if (request.isWebSocketUpgrade())
            return HostileServer::webSocketAccept(request);
        return HostileServer::json(200, userJson);
    });
    m_host->api->setTransferTimeout(5s);
}

void TestHostileRedirects::cleanup()
{
    m_host.reset();
    m_elsewhere.reset();
}

std::optional<ApiResult<User>> TestHostileRedirects::currentUser()
{
    return awaitResult<User>([&](QObject *context, ApiCallback<User> done) {
        m_host->api->currentUser(context, std::move(done));
    });
}

void TestHostileRedirects::rest_crossOriginRedirect_isRefusedAndNamesTheTarget_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("302") << 302;
    QTest::newRow("301") << 301;
    QTest::newRow("307") << 307;
    QTest::newRow("308") << 308;
}

void TestHostileRedirects::rest_crossOriginRedirect_isRefusedAndNamesTheTarget()
{
    QFETCH(int, status);
    const QByteArray target = m_elsewhere->httpUrl(u"/api/v2/users/me"_s).toEncoded();
    m_host->server.setResponder(
        [&](const RecordedRequest &) { return HostileServer::redirect(status, target); });

    const auto result = currentUser();
    QVERIFY2(result.has_value(), "no answer at all");

    // The deployment got the token (it is the deployment); the other origin got nothing.
    QCOMPARE(m_host->server.requests().size(), 1);
    QCOMPARE(m_host->server.requests().first().header("coder-session-token"), token);
    QVERIFY2(!m_elsewhere->anyRequestHad("coder-session-token"), "the token followed the redirect");
    QCOMPARE(m_elsewhere->requests().size(), 0);

    // Its answer is not taken as ours, and the refusal says where it was being sent.
    QVERIFY2(!result->ok(), "another origin's answer was accepted");
    const QString shown = result->error().toDisplayString();
    QVERIFY2(shown.contains(u"127.0.0.1:%1"_s.arg(m_elsewhere->port())), qPrintable(shown));
    QVERIFY2(!shown.contains(QString::fromLatin1(token)), "the token is in the message");
    QCOMPARE(result->error().isTransient(), false);
}

void TestHostileRedirects::rest_crossOriginRedirectOfAPatch_sendsNothingThere()
{
    // 307 keeps the method and the body: without the check both would go, with the token.
    const QByteArray target = m_elsewhere->httpUrl(u"/steal"_s).toEncoded();
    m_host->server.setResponder(
        [&](const RecordedRequest &) { return HostileServer::redirect(307, target); });
    const auto result = awaitResult<NoContent>([&](QObject *context, ApiCallback<NoContent> done) {
        m_host->api->archiveChat(ChatId::createUuid(), context, std::move(done));
    });
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Refused);
    QCOMPARE(m_host->server.requests().first().method, QByteArray("PATCH"));
    QCOMPARE(m_elsewhere->connectionCount(), 0);
}

void TestHostileRedirects::rest_sameOriginThenCrossOrigin_isRefusedAtTheSecondHop()
{
    const QByteArray target = m_elsewhere->httpUrl(u"/api/v2/users/me"_s).toEncoded();
    m_host->server.setResponder([&](const RecordedRequest &request) {
        if (request.path() == "/api/v2/users/me")
            return HostileServer::redirect(302, "/hop");
        return HostileServer::redirect(302, target);
    });
    const auto result = currentUser();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(m_host->server.requests().size(), 2);
    QCOMPARE(m_elsewhere->connectionCount(), 0);
    QVERIFY2(result->error().message.contains(u"127.0.0.1:%1"_s.arg(m_elsewhere->port())),
        qPrintable(result->error().message));
}

void TestHostileRedirects::downgrade_isNamedAsUnencrypted()
{
    const ApiError error =
        ApiError::redirectRefused(QUrl(u"https://coder.example.com/api/v2/users/me"_s),
            QUrl(u"http://user:pw@coder.example.com/api/v2/users/me?code=secret#x"_s));
    QCOMPARE(error.kind, ApiError::Kind::Refused);
    QVERIFY2(error.message.contains(u"unencrypted"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"http://coder.example.com/api/v2/users/me"_s),
        qPrintable(error.message));
    QVERIFY(!error.message.contains(u"secret"_s));
    QVERIFY(!error.message.contains(u"pw"_s));
}

void TestHostileRedirects::rest_sameOriginRedirect_isFollowed()
{
    m_host->server.setResponder([](const RecordedRequest &request) {
        if (request.path() == "/api/v2/users/me")
            return HostileServer::redirect(307, "/api/v2/users/me-moved");
        return HostileServer::json(200, userJson);
    });
    const auto result = currentUser();
    QVERIFY(result.has_value());
    QVERIFY2(
        result->ok(), qPrintable(result->ok() ? QString() : result->error().toDisplayString()));
    QCOMPARE(result->value().username, u"mallory"_s);
    QCOMPARE(m_host->server.requests().size(), 2);
    QCOMPARE(m_host->server.requests().at(1).path(), QByteArray("/api/v2/users/me-moved"));
    QCOMPARE(m_host->server.requests().at(1).header("coder-session-token"), token);
}

void TestHostileRedirects::redirectRule_data()
{
    QTest::addColumn<QUrl>("from");
    QTest::addColumn<QUrl>("to");
    QTest::addColumn<bool>("allowed");
    const QUrl https(u"https://coder.example.com/api/v2/users/me"_s);
    QTest::newRow("same origin, other path")
        << https << QUrl(u"https://coder.example.com/other"_s) << true;
    QTest::newRow("explicit default port")
        << https << QUrl(u"https://coder.example.com:443/x"_s) << true;
    QTest::newRow("host case") << https << QUrl(u"https://CODER.example.com/x"_s) << true;
    QTest::newRow("https to http downgrade")
        << https << QUrl(u"http://coder.example.com/x"_s) << false;
    QTest::newRow("other host") << https << QUrl(u"https://evil.example.net/x"_s) << false;
    QTest::newRow("sub-domain") << https << QUrl(u"https://a.coder.example.com/x"_s) << false;
    QTest::newRow("other port") << https << QUrl(u"https://coder.example.com:8443/x"_s) << false;
    QTest::newRow("http to https upgrade is another origin")
        << QUrl(u"http://coder.example.com/x"_s) << QUrl(u"https://coder.example.com/x"_s) << false;
    QTest::newRow("user info smuggled")
        << https << QUrl(u"https://coder.example.com@evil.example.net/x"_s) << false;
    QTest::newRow("ws same origin as http")
        << QUrl(u"ws://127.0.0.1:8080/a"_s) << QUrl(u"ws://127.0.0.1:8080/b"_s) << true;
}

void TestHostileRedirects::redirectRule()
{
    QFETCH(QUrl, from);
    QFETCH(QUrl, to);
    QFETCH(bool, allowed);
    QCOMPARE(ApiClient::isSameOrigin(from, to), allowed);
}

void TestHostileRedirects::webSocket_crossOriginRedirect_sendsNoTokenThere()
{
    const QByteArray target = m_elsewhere->wsUrl(u"/api/experimental/chats/watch"_s).toEncoded();
    m_host->server.setResponder(
        [&](const RecordedRequest &) { return HostileServer::redirect(302, target); });

    WebSocketChannel channel(
        [this](const QUrl &url) { return m_host->api->makeWebSocketRequest(url); }, &lcWatch);
    channel.setReconnectPolicy(ReconnectPolicy::zeroDelay());
    channel.setMaxConsecutiveFailures(3);
    QSignalSpy rejected(&channel, &WebSocketChannel::upgradeRejected);
    channel.start([this] { return m_host->api->watchUrl(); });

    QTRY_VERIFY_WITH_TIMEOUT(!rejected.isEmpty(), 10'000);
    QCOMPARE(rejected.first().first().toInt(), 302);
    QVERIFY(!m_host->server.requests().isEmpty());
    QCOMPARE(m_host->server.requests().first().header("coder-session-token"), token);
    // Give a follow-up (if any) its chance: the channel's own attempts come back to the
    // deployment, never to the other origin.
    QTRY_VERIFY_WITH_TIMEOUT(m_host->server.requests().size() >= 2, 10'000);
    QVERIFY2(!m_elsewhere->anyRequestHad("coder-session-token"), "the token followed the redirect");
    QCOMPARE(m_elsewhere->connectionCount(), 0);
    QVERIFY(channel.state() != ConnectionState::Live);
    const QString error = channel.lastErrorString();
    QVERIFY2(error.contains(u"302"_s) && error.contains(u"redirect"_s, Qt::CaseInsensitive),
        qPrintable(error));
}

QTEST_GUILESS_MAIN(TestHostileRedirects)
#include "TestHostileRedirects.moc"
