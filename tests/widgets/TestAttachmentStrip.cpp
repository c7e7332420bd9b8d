// AttachmentStrip offscreen against agentdesk-sim: paste of a clipboard image, drop of file
// URLs through a synthesized QDropEvent, inline refusals, progress + cancel + retry, shrinking
// an oversized image, drafts, and a screenshot ($AGENTDESK_ARTIFACTS/attachment-strip.png).

#include "PaintChecks.h"
#include "SampleImages.h"
#include "core/api/ApiClient.h"
#include "core/api/AttachmentUploader.h"
#include "core/api/AttachmentUploads.h"
#include "support/DemoIds.h"
#include "support/SimulatorApi.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"
#include "support/WidgetArtifacts.h"
#include "support/WriteFile.h"
#include "widgets/composer/AttachmentStrip.h"
#include "widgets/composer/ImageShrinker.h"
#include "widgets/conversation/ImageViewer.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using State = AttachmentStrip::ItemState;

namespace {
constexpr int waitMs = 15'000;

QString dataPath(const QString &name)
{
    return QStringLiteral(AGENTDESK_FILE_DATA_DIR) + u'/' + name;
}

} // namespace

class TestAttachmentStrip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void paste_clipboardImage_uploadsPng();
    void drop_fileUrls_addsEach();
    void refusal_wrongType_showsMessage_addsNothing();
    void progress_thenCancel_thenRetry();
    void oversizedImage_offersShrink();
    void drafts_roundTrip();
    void imageViewer_zoomAndSave();
    void screenshot_showsEveryCardWithItsThumbnail();

private:
    std::unique_ptr<AttachmentStrip> makeStrip();

    std::unique_ptr<SimulatorApi> m_live;
    std::unique_ptr<AttachmentUploads> m_uploads;
};

void TestAttachmentStrip::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_live = std::make_unique<SimulatorApi>();
    QVERIFY2(m_live->start(), qPrintable(m_live->sim.errorString()));
    m_uploads = std::make_unique<AttachmentUploads>(m_live->api.get());
}

void TestAttachmentStrip::init()
{
    QVERIFY(m_live->sim.setFaults(QJsonObject{{u"reset"_s, true}}));
}

void TestAttachmentStrip::cleanup()
{
}

std::unique_ptr<AttachmentStrip> TestAttachmentStrip::makeStrip()
{
    auto strip = std::make_unique<AttachmentStrip>(m_uploads.get());
    strip->setOrganization(Demo::org);
    strip->resize(640, 150);
    return strip;
}

void TestAttachmentStrip::paste_clipboardImage_uploadsPng()
{
    auto strip = makeStrip();
    QCOMPARE(strip->objectName(), u"attachmentStrip"_s);
    QSignalSpy finished(strip.get(), &AttachmentStrip::uploadsFinished);
    QGuiApplication::clipboard()->setImage(sampleScreenshot());
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime && mime->hasImage());
    QVERIFY(AttachmentStrip::canTake(mime));
    QVERIFY(strip->addMimeData(mime));
    QCOMPARE(strip->count(), 1);
    QVERIFY(!strip->canSend());
    QVERIFY(finished.wait(waitMs));
    QVERIFY(strip->canSend());
    QCOMPARE(strip->attachments().size(), 1);
    QCOMPARE(strip->draftAttachments().at(0).mimeType, u"image/png"_s);
    QVERIFY(strip->draftAttachments().at(0).name.endsWith(u".png"));

    // Text alone is the editor's, not ours.
    QMimeData text;
    text.setText(u"hello"_s);
    QVERIFY(!strip->addMimeData(&text));
    QCOMPARE(strip->count(), 1);
}

void TestAttachmentStrip::drop_fileUrls_addsEach()
{
    auto strip = makeStrip();
    strip->show();
    QVERIFY(QTest::qWaitForWindowExposed(strip.get()));
    QSignalSpy finished(strip.get(), &AttachmentStrip::uploadsFinished);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dataPath(u"tiny.png"_s)),
        QUrl::fromLocalFile(dataPath(u"tiny.jpg"_s)), QUrl(u"https://example.com/x.png"_s)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(strip.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(strip.get(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(strip->count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(strip->canSend(), waitMs);
    const QList<FileId> ids = strip->attachments();
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.at(0) != ids.at(1));
    QCOMPARE(strip->draftAttachments().at(1).name, u"tiny.jpg"_s);
}

void TestAttachmentStrip::refusal_wrongType_showsMessage_addsNothing()
{
    auto strip = makeStrip();
    strip->setAcceptedTypes(AttachmentUploader::acceptedMimeTypes(AcceptedFileTypes::ImagesOnly));
    QSignalSpy changed(strip.get(), &AttachmentStrip::changed);
    QVERIFY(!strip->addFile(dataPath(u"notes.png"_s)));
    QCOMPARE(strip->count(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(strip->messageText(), u"notes.png is not an image: its content is plain text."_s);
    QVERIFY(strip->findChild<QLabel *>(u"attachmentMessageLabel"_s)->isVisibleTo(strip.get()));
    // The next good file clears the message.
    QVERIFY(strip->addFile(dataPath(u"tiny.gif"_s)));
    QCOMPARE(strip->messageText(), QString());
}

void TestAttachmentStrip::progress_thenCancel_thenRetry()
{
    auto strip = makeStrip();
    strip->show();
    QVERIFY(QTest::qWaitForWindowExposed(strip.get()));
    QVERIFY(m_live->sim.setFaults(QJsonObject{{u"delay_ms"_s, 2000}}));
    QFile file(dataPath(u"tiny.png"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    bytes.resize(2 * 1024 * 1024, '\x11');
    QVERIFY(strip->addBytes(bytes, u"slow.png"_s));
    QCOMPARE(strip->stateAt(0), State::Uploading);
    auto *bar = strip->findChild<QProgressBar *>(u"attachmentProgress"_s);
    auto *cancel = strip->findChild<QToolButton *>(u"attachmentCancelButton"_s);
    auto *retry = strip->findChild<QToolButton *>(u"attachmentRetryButton"_s);
    QVERIFY(bar && cancel && retry);
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 5000);
    QVERIFY(cancel->isVisible());
    QVERIFY(!retry->isVisible());
    QSignalSpy finished(strip.get(), &AttachmentStrip::uploadsFinished);
    cancel->click();
    QCOMPARE(strip->stateAt(0), State::Cancelled);
    QVERIFY(retry->isVisible());
    QVERIFY(!cancel->isVisible());
    QTest::qWait(2500); // past the simulator's delay: nothing may arrive for the cancelled upload
    QCOMPARE(strip->stateAt(0), State::Cancelled);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!strip->canSend());

    QVERIFY(m_live->sim.setFaults(QJsonObject{{u"reset"_s, true}}));
    retry->click();
    QCOMPARE(strip->stateAt(0), State::Uploading);
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(strip->stateAt(0), State::Uploaded);
    QCOMPARE(bar->isVisible(), false);
}

void TestAttachmentStrip::oversizedImage_offersShrink()
{
    // Noise does not compress: a 2400×1600 noise PNG is about 11.5 MiB.
    QImage noise(2400, 1600, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < noise.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(noise.scanLine(y));
        for (int x = 0; x < noise.width(); ++x)
            line[x] = 0xff000000u | (random.generate() & 0xffffffu);
    }
    const QByteArray png = ImageShrinker::toPng(noise);
    QVERIFY2(png.size() > AttachmentUploader::maxUploadBytes, "the test image must be too big");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge screenshot.png"_s);
    QVERIFY(writeFile(path, png));
    auto strip = makeStrip();
    strip->show();
    QVERIFY(!strip->addFile(path));
    QVERIFY(strip->messageText().startsWith(u"huge screenshot.png is "));
    auto *shrink = strip->findChild<QPushButton *>(u"attachmentShrinkButton"_s);
    QVERIFY(shrink->isVisible());
    shrink->click();
    QTRY_VERIFY2_WITH_TIMEOUT(strip->count() == 1, qPrintable(strip->messageText()), 60'000);
    const DraftAttachment attachment = strip->draftAttachments().at(0);
    QVERIFY(attachment.sizeBytes <= AttachmentUploader::maxUploadBytes);
    QVERIFY(attachment.mimeType == u"image/webp" || attachment.mimeType == u"image/jpeg");
    QTRY_VERIFY_WITH_TIMEOUT(strip->canSend(), 30'000);
}

void TestAttachmentStrip::drafts_roundTrip()
{
    auto strip = makeStrip();
    QVERIFY(strip->addFile(dataPath(u"tiny.webp"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(strip->canSend(), waitMs);
    const QList<DraftAttachment> drafts = strip->draftAttachments();
    QCOMPARE(drafts.size(), 1);
    QVERIFY(!drafts.at(0).fileId.isEmpty());
    QCOMPARE(drafts.at(0).localPath, dataPath(u"tiny.webp"_s));

    auto restored = makeStrip();
    restored->restoreDraftAttachments(drafts);
    QCOMPARE(restored->count(), 1);
    QVERIFY(restored->canSend()); // already uploaded: no second upload
    QCOMPARE(restored->attachments(), strip->attachments());
    QCOMPARE(restored->draftAttachments(), drafts);
}

void TestAttachmentStrip::imageViewer_zoomAndSave()
{
    ImageViewer viewer;
    QCOMPARE(viewer.objectName(), u"imageViewer"_s);
    viewer.resize(400, 300);
    viewer.setImage(sampleScreenshot(QSize(1600, 1000)), u"shot.png"_s);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.fitToWindow();
    QVERIFY(viewer.zoom() < 0.3);
    viewer.actualSize();
    QCOMPARE(viewer.zoom(), 1.0);
    viewer.zoomIn();
    QVERIFY(viewer.zoom() > 1.0);
    viewer.zoomOut();
    QCOMPARE(viewer.zoom(), 1.0);
    QTemporaryDir dir;
    QVERIFY(viewer.saveTo(dir.filePath(u"out.png"_s)));
    QCOMPARE(QImage(dir.filePath(u"out.png"_s)).size(), QSize(1600, 1000));
    viewer.copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(1600, 1000));
    viewer.fitToWindow();
    QVERIFY(saveArtifact(&viewer, u"image-viewer.png"_s));
}

void TestAttachmentStrip::screenshot_showsEveryCardWithItsThumbnail()
{
    auto strip = makeStrip();
    strip->resize(700, 150);
    strip->show();
    QVERIFY(QTest::qWaitForWindowExposed(strip.get()));
    QVERIFY(strip->addImage(sampleScreenshot(), u"pasted-image.png"_s));
    QVERIFY(strip->addFile(dataPath(u"readme.md"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(strip->canSend(), waitMs);
    // One that fails on the server, one still uploading.
    QVERIFY(m_live->sim.setFaults(QJsonObject{{u"fail_route"_s,
        QJsonObject{{u"pattern"_s, u"/files"_s}, {u"status"_s, 503}, {u"count"_s, 1}}}}));
    QVERIFY(strip->addFile(dataPath(u"tiny.jpg"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(strip->stateAt(2), State::Failed, waitMs);
    QVERIFY(m_live->sim.setFaults(QJsonObject{{u"delay_ms"_s, 5000}}));
    QVERIFY(strip->addImage(sampleScreenshot(QSize(200, 300)), u"window.png"_s));
    QTRY_COMPARE_WITH_TIMEOUT(strip->stateAt(3), State::Uploading, waitMs);
    // Thumbnails decode off the GUI thread: wait until the three images show theirs instead of
    // the file icon (the Markdown file keeps the icon).
    const QImage fileIcon =
        strip->style()->standardIcon(QStyle::SP_FileIcon).pixmap(32, 32).toImage();
    const QList<QLabel *> thumbs = strip->findChildren<QLabel *>(u"attachmentThumbnail"_s);
    QCOMPARE(thumbs.size(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(
        std::count_if(thumbs.cbegin(), thumbs.cend(),
            [&](const QLabel *thumb) { return thumb->pixmap().toImage() != fileIcon; }),
        3, waitMs);
    QVERIFY(saveArtifact(strip.get(), u"attachment-strip.png"_s));
    // The screenshot is checked: not blank, and each card paints something.
    const QImage image = strip->grab().toImage();
    QVERIFY(distinctColors(image) > 40);
    for (QLabel *thumb : thumbs) {
        // Something besides the card's background: an image, however small, or the icon.
        const QImage painted = thumb->grab().toImage();
        QVERIFY(inkShare(painted, painted.rect(), dominantColor(painted)) > 0);
    }
    QVERIFY(m_live->sim.setFaults(QJsonObject{{u"reset"_s, true}}));
}

QTEST_MAIN(TestAttachmentStrip)
#include "TestAttachmentStrip.moc"
