// AttachmentUploader against agentdesk-sim: progress, cancel mid-upload (with the simulator's
// delay fault), retry after a failure, the server's own 413 and 400 answers with Coder's
// message (client validation bypassed on purpose), and the uploaded file downloads back.

#include "core/api/ApiClient.h"
#include "core/api/AttachmentUploader.h"
#include "support/DataFiles.h"
#include "support/DemoIds.h"
#include "support/SignedInApi.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"

#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
constexpr int waitMs = 15'000;

//! What pads the PNGs uploaded here after their real header (the simulator sniffs the header).
constexpr char pngPadding = '\x5a';

} // namespace

class TestUpload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void upload_reportsMonotonicProgress_endingAtTotal();
    void upload_thenDownload_returnsSameBytes();
    void cancel_midUpload_emitsNothingAfterwards();
    void retry_afterFailure_succeeds();
    void server413_surfacesCodersMessage();
    void server400_wrongType_surfacesCodersMessage();
    void missingOrganization_isRefusedByServer();

private:
    //! The error of an upload the server must refuse; nothing when it did not fail in time.
    std::optional<ApiError> refusal(const QByteArray &bytes, const QString &mimeType,
        const QString &name, const OrganizationId &organization = Demo::org,
        int timeoutMs = waitMs);

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_api;
};

void TestUpload::initTestCase()
{
    m_sim = std::make_unique<SimulatorProcess>(
        QStringList{u"--demo"_s, u"--generation"_s, testGeneration()});
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
}

void TestUpload::init()
{
    QVERIFY(m_sim->setFaults(QJsonObject{{u"reset"_s, true}}));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_api = signedInApi(m_network.get(), m_sim->baseUrl(), m_sim->token(), testChatsPrefix());
}

void TestUpload::cleanup()
{
    m_api.reset();
    m_network.reset();
}

void TestUpload::upload_reportsMonotonicProgress_endingAtTotal()
{
    const QByteArray bytes = pngOfSize(3 * 1024 * 1024, pngPadding);
    AttachmentUploader upload;
    QSignalSpy progress(&upload, &AttachmentUploader::progress);
    QSignalSpy finished(&upload, &AttachmentUploader::finished);
    QSignalSpy failed(&upload, &AttachmentUploader::failed);
    upload.start(m_api.get(), Demo::org, bytes, u"image/png"_s, u"big screenshot.png"_s);
    QCOMPARE(upload.state(), AttachmentUploader::State::Uploading);
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(failed.size(), 0);
    QVERIFY(!upload.fileId().isNull());
    QCOMPARE(finished.at(0).at(0).value<FileId>(), upload.fileId());
    QVERIFY(progress.size() >= 1);
    qint64 last = 0;
    for (const QList<QVariant> &signal : progress) {
        const qint64 sent = signal.at(0).toLongLong();
        QVERIFY2(sent > last, "progress must grow");
        QCOMPARE(signal.at(1).toLongLong(), qint64(bytes.size()));
        last = sent;
    }
    QCOMPARE(last, qint64(bytes.size()));
    QCOMPARE(upload.state(), AttachmentUploader::State::Finished);
}

void TestUpload::upload_thenDownload_returnsSameBytes()
{
    const QByteArray bytes = readDataFile(u"tiny.webp"_s);
    const auto check = AttachmentUploader::validate(bytes, u"tiny.webp"_s);
    QVERIFY(check.ok());
    AttachmentUploader upload;
    QSignalSpy finished(&upload, &AttachmentUploader::finished);
    upload.start(m_api.get(), Demo::org, bytes, check.value().mimeType, check.value().name);
    QVERIFY(finished.wait(waitMs));

    QObject context;
    std::optional<ApiResult<FileDownload>> result;
    m_api->downloadFile(
        upload.fileId(), &context, [&](const ApiResult<FileDownload> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), waitMs);
    QVERIFY2(result->ok(), qPrintable(result->error().message));
    QCOMPARE(result->value().data, bytes);
    QCOMPARE(result->value().mimeType, u"image/webp"_s);
    QCOMPARE(result->value().fileName, u"tiny.webp"_s);
}

void TestUpload::cancel_midUpload_emitsNothingAfterwards()
{
    // The simulator holds every answer for 2 s: the upload is surely in flight when cancelled.
    QVERIFY(m_sim->setFaults(QJsonObject{{u"delay_ms"_s, 2000}}));
    AttachmentUploader upload;
    QSignalSpy finished(&upload, &AttachmentUploader::finished);
    QSignalSpy failed(&upload, &AttachmentUploader::failed);
    QSignalSpy progress(&upload, &AttachmentUploader::progress);
    upload.start(
        m_api.get(), Demo::org, pngOfSize(512 * 1024, pngPadding), u"image/png"_s, u"cancel.png"_s);
    QTRY_VERIFY_WITH_TIMEOUT(upload.bytesSent() > 0 || progress.size() > 0, 5000);
    upload.cancel();
    QCOMPARE(upload.state(), AttachmentUploader::State::Cancelled);
    const qsizetype progressAtCancel = progress.size();
    // A request sent after the cancel is held just as long: once its answer is here, an answer
    // to the cancelled upload (sent earlier, same delay) would have arrived too.
    QObject probeContext;
    bool probeAnswered = false;
    m_api->buildInfo(&probeContext, [&](const ApiResult<BuildInfo> &) { probeAnswered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(probeAnswered, waitMs);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(progress.size(), progressAtCancel);
    QCOMPARE(upload.state(), AttachmentUploader::State::Cancelled);

    // Retry after cancel uploads it after all.
    QVERIFY(m_sim->setFaults(QJsonObject{{u"reset"_s, true}}));
    upload.retry();
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(upload.state(), AttachmentUploader::State::Finished);
}

void TestUpload::retry_afterFailure_succeeds()
{
    QVERIFY(m_sim->setFaults(QJsonObject{{u"fail_route"_s,
        QJsonObject{{u"pattern"_s, u"/files"_s}, {u"status"_s, 503}, {u"count"_s, 1}}}}));
    AttachmentUploader upload;
    QSignalSpy finished(&upload, &AttachmentUploader::finished);
    QSignalSpy failed(&upload, &AttachmentUploader::failed);
    upload.start(
        m_api.get(), Demo::org, readDataFile(u"tiny.png"_s), u"image/png"_s, u"retry.png"_s);
    QVERIFY(failed.wait(waitMs));
    const ApiError error = failed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.httpStatus, 503);
    QVERIFY(error.isTransient());
    QCOMPARE(upload.state(), AttachmentUploader::State::Failed);
    upload.retry();
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!upload.fileId().isNull());
}

std::optional<ApiError> TestUpload::refusal(const QByteArray &bytes, const QString &mimeType,
    const QString &name, const OrganizationId &organization, int timeoutMs)
{
    AttachmentUploader upload;
    QSignalSpy failed(&upload, &AttachmentUploader::failed);
    upload.start(m_api.get(), organization, bytes, mimeType, name);
    if (!failed.wait(timeoutMs))
        return std::nullopt;
    return failed.at(0).at(0).value<ApiError>();
}

void TestUpload::server413_surfacesCodersMessage()
{
    const QByteArray bytes = pngOfSize(AttachmentUploader::maxUploadBytes + 1, pngPadding);
    QVERIFY(!AttachmentUploader::validate(bytes, u"big.png"_s).ok()); // the client would refuse
    const auto error = refusal(bytes, u"image/png"_s, u"big.png"_s, Demo::org, 30'000);
    QVERIFY(error);
    QCOMPARE(error->httpStatus, 413);
    QCOMPARE(error->message, u"File too large."_s);
    QCOMPARE(error->detail, u"Files must be at most 10 MiB."_s);
}

void TestUpload::server400_wrongType_surfacesCodersMessage()
{
    // Text declared as PNG: the server sniffs the content and refuses the mismatch.
    const auto error = refusal(readDataFile(u"notes.png"_s), u"image/png"_s, u"notes.png"_s);
    QVERIFY(error);
    QCOMPARE(error->httpStatus, 400);
    QCOMPARE(error->message, u"File content does not match the declared content type."_s);
    QVERIFY(error->detail.contains(u"text/plain"));

    // A type outside the accepted set.
    const auto zip = refusal(readDataFile(u"archive.bin"_s), u"application/zip"_s, u"a.zip"_s);
    QVERIFY(zip);
    QCOMPARE(zip->message, u"Unsupported file type."_s);
}

void TestUpload::missingOrganization_isRefusedByServer()
{
    const auto error = refusal(
        readDataFile(u"tiny.png"_s), u"image/png"_s, u"x.png"_s, OrganizationId::createUuid());
    QVERIFY(error);
    QCOMPARE(error->httpStatus, 403);
}

QTEST_GUILESS_MAIN(TestUpload)
#include "TestUpload.moc"
