// Issue 11, item 5 (a) and (f): answers that look like success but are not. A 2xx whose body
// breaks off (Content-Length longer than what arrives, then close) or stalls mid-body is an
// error, not a success with half a body; a garbled chunked answer is described as the
// server's malformed answer, not blamed on this version of the app.

#include "core/api/ApiClient.h"
#include "support/AwaitResult.h"
#include "support/HostileApi.h"
#include "support/HostileServer.h"
#include "support/SignedInApi.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestHostileResponses : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void shortBody_isAnError_notSuccess();
    void shortBody_ofAFileDownload_isAnError();
    void bodyStallingMidway_timesOutAsAnError();
    void garbledChunked_blamesTheServer_notTheAppVersion();
    void notJson_blamesTheServer_notTheAppVersion();

private:
    //! The chat list as the client takes the server's `answer` to it.
    std::optional<ApiResult<QList<Chat>>> listChatsAnswered(const HostileServer::Answer &answer);

    std::unique_ptr<HostileApi> m_host;
};

void TestHostileResponses::init()
{
    m_host = std::make_unique<HostileApi>();
    QVERIFY(m_host->start());
    m_host->api->setTransferTimeout(5s);
}

void TestHostileResponses::cleanup()
{
    m_host.reset();
}

std::optional<ApiResult<QList<Chat>>> TestHostileResponses::listChatsAnswered(
    const HostileServer::Answer &answer)
{
    m_host->server.setResponder([answer](const RecordedRequest &) { return answer; });
    return awaitResult<QList<Chat>>([&](QObject *context, ApiCallback<QList<Chat>> done) {
        m_host->api->listChats({}, context, std::move(done));
    });
}

namespace {

//! Empty when `shown` blames the server's malformed answer and not this version of the app.
QString blameOf(const QString &shown)
{
    if (shown.contains(u"version"_s, Qt::CaseInsensitive))
        return u"blames the app's version: "_s + shown;
    if (!shown.contains(u"malformed"_s, Qt::CaseInsensitive))
        return u"does not say the answer is malformed: "_s + shown;
    return {};
}

} // namespace

void TestHostileResponses::shortBody_isAnError_notSuccess()
{
    // A chat list that happens to be complete JSON at the cut: "[]" of a promised 4096 bytes.
    const auto result = listChatsAnswered(HostileServer::shortBody("[]", 4096));
    QVERIFY(result.has_value());
    QVERIFY2(!result->ok(), "a body cut short was taken as an empty chat list");
    QCOMPARE(result->error().kind, ApiError::Kind::Network);
    QVERIFY(result->error().isTransient());
    const QString shown = result->error().toDisplayString();
    QVERIFY2(shown.contains(u"2 of 4096"_s), qPrintable(shown));
}

void TestHostileResponses::shortBody_ofAFileDownload_isAnError()
{
    // Downloads take any bytes: without the check, half a file would be saved as the file.
    m_host->server.setResponder([](const RecordedRequest &) {
        return HostileServer::shortBody(QByteArray(1000, 'x'), 100'000);
    });
    const auto result =
        awaitResult<FileDownload>([&](QObject *context, ApiCallback<FileDownload> done) {
            m_host->api->downloadFile(FileId::createUuid(), context, std::move(done));
        });
    QVERIFY(result.has_value());
    QVERIFY2(!result->ok(), "a truncated download was delivered as the file");
    QVERIFY2(result->error().message.contains(u"100000"_s), qPrintable(result->error().message));
}

void TestHostileResponses::bodyStallingMidway_timesOutAsAnError()
{
    m_host->api->setTransferTimeout(400ms);
    const auto result = listChatsAnswered(HostileServer::stalledBody("[]", 4096));
    QVERIFY(result.has_value());
    QVERIFY2(!result->ok(), "a body that stalled midway was taken as an empty chat list");
    QCOMPARE(result->error().kind, ApiError::Kind::Timeout);
}

void TestHostileResponses::garbledChunked_blamesTheServer_notTheAppVersion()
{
    const auto result = listChatsAnswered(HostileServer::garbledChunked());
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    const QString blame = blameOf(result->error().toDisplayString());
    QVERIFY2(blame.isEmpty(), qPrintable(blame));
}

void TestHostileResponses::notJson_blamesTheServer_notTheAppVersion()
{
    const auto result = listChatsAnswered(HostileServer::json(200, "<html>proxy error</html>"));
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Decode);
    const QString blame = blameOf(result->error().toDisplayString());
    QVERIFY2(blame.isEmpty(), qPrintable(blame));
}

QTEST_GUILESS_MAIN(TestHostileResponses)
#include "TestHostileResponses.moc"
