// Issue 11, item 5 (c): a hostile server sends a message id of 2^63 − 1. It must not become
// the replay position (after_id) for the rest of the session: ids past 2^53, and ids that do
// not ascend within one connection, are not trusted as after_id.

#include "core/api/ApiClient.h"
#include "core/live/ChatStreamClient.h"
#include "support/HostileApi.h"
#include "support/HostileServer.h"
#include "support/SignedInApi.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray chat = "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b";
constexpr qint64 int64Max = std::numeric_limits<qint64>::max();

QByteArray messageEvent(qint64 id)
{
    return R"({"type":"message","chat_id":")" + chat + R"(","message":{"id":)"
        + QByteArray::number(id) + R"(,"chat_id":")" + chat
        + R"(","created_at":"2026-06-02T09:00:10.402Z","role":"assistant",)"
          R"("content":[{"type":"text","text":"hi"}]}})";
}

QByteArray frameOf(const QList<qint64> &ids)
{
    QByteArrayList events;
    for (qint64 id : ids)
        events.append(messageEvent(id));
    return HostileServer::webSocketTextFrame('[' + events.join(',') + ']');
}

QString afterIdOf(const RecordedRequest &request)
{
    return QUrlQuery(QUrl(QString::fromLatin1(request.target)).query())
        .queryItemValue(u"after_id"_s);
}

} // namespace

class TestHostileIds : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void absurdIdFromTheStream_isNotTheReplayPosition();
    void idsGoingBack_dropTheHigherPosition();
    void absurdIdSeededFromHistory_isNotUsed_data();
    void absurdIdSeededFromHistory_isNotUsed();

private:
    //! Serves one connection that sends \a ids in one frame and drops; records the next.
    void serveOnceThenHold(const QList<qint64> &ids);

    std::unique_ptr<HostileApi> m_host;
};

void TestHostileIds::init()
{
    m_host = std::make_unique<HostileApi>();
    QVERIFY(m_host->start());
}

void TestHostileIds::cleanup()
{
    m_host.reset();
}

void TestHostileIds::serveOnceThenHold(const QList<qint64> &ids)
{
    m_host->server.setResponder([this, ids](const RecordedRequest &request) {
        HostileServer::Answer answer = HostileServer::webSocketAccept(request);
        if (m_host->server.requests().size() == 1) {
            answer.bytes += frameOf(ids);
            answer.closeAfter = true; // drop: the client resumes with after_id
        }
        return answer;
    });
}

void TestHostileIds::absurdIdFromTheStream_isNotTheReplayPosition()
{
    serveOnceThenHold({7, int64Max});
    ChatStreamClient stream(m_host->api->streamUrl(ChatId::fromString(QString::fromLatin1(chat))),
        [this](const QUrl &url) { return m_host->api->makeWebSocketRequest(url); });
    stream.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(m_host->server.requests().size() >= 2, 10'000);
    QCOMPARE(afterIdOf(m_host->server.requests().at(0)), QString());
    QCOMPARE(afterIdOf(m_host->server.requests().at(1)), u"7"_s);
    QCOMPARE(stream.afterId().value_or(MessageId{}).value, 7);
    stream.stop();
}

void TestHostileIds::idsGoingBack_dropTheHigherPosition()
{
    // 2^53 − 10 is small enough to be exact, but the next id goes back: which one is wrong
    // cannot be told, so the lower one is the position (it can only replay more).
    serveOnceThenHold({100, (qint64(1) << 53) - 10, 101});
    ChatStreamClient stream(m_host->api->streamUrl(ChatId::fromString(QString::fromLatin1(chat))),
        [this](const QUrl &url) { return m_host->api->makeWebSocketRequest(url); });
    stream.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(m_host->server.requests().size() >= 2, 10'000);
    QCOMPARE(afterIdOf(m_host->server.requests().at(1)), u"101"_s);
    stream.stop();
}

void TestHostileIds::absurdIdSeededFromHistory_isNotUsed_data()
{
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("expected");
    QTest::newRow("2^63-1") << int64Max << QString();
    QTest::newRow("2^53+1") << (qint64(1) << 53) + 1 << QString();
    QTest::newRow("2^53") << (qint64(1) << 53) << u"9007199254740992"_s;
    QTest::newRow("ordinary") << qint64(42) << u"42"_s;
}

void TestHostileIds::absurdIdSeededFromHistory_isNotUsed()
{
    QFETCH(qint64, id);
    QFETCH(QString, expected);
    ChatStreamClient stream(m_host->api->streamUrl(ChatId::fromString(QString::fromLatin1(chat))),
        [this](const QUrl &url) { return m_host->api->makeWebSocketRequest(url); });
    stream.setAfterId(MessageId{id});
    QCOMPARE(QUrlQuery(stream.nextUrl()).queryItemValue(u"after_id"_s), expected);

    // Nor can a later absurd id raise a good position.
    stream.setAfterId(MessageId{5});
    stream.noteCommitted(MessageId{id});
    QCOMPARE(QUrlQuery(stream.nextUrl()).queryItemValue(u"after_id"_s),
        expected.isEmpty() ? u"5"_s : expected);
}

QTEST_GUILESS_MAIN(TestHostileIds)
#include "TestHostileIds.moc"
