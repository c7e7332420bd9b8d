// Issue 11, item 5 (d): an 8-byte file holding only a PNG signature passed the content check,
// and so did images cut short. Validation now walks the image's structure before accepting
// it: for PNG every chunk up to IEND with its CRC, for JPEG the segments up to the scan and
// its end marker, for GIF and WebP their headers and sizes.

#include "core/api/AttachmentUploader.h"
#include "support/WriteFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(AGENTDESK_FILE_DATA_DIR) + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray flipped(QByteArray bytes, qsizetype at)
{
    bytes[at] = char(bytes.at(at) ^ 0x01);
    return bytes;
}

} // namespace

class TestHostileImages : public QObject
{
    Q_OBJECT

private slots:
    void wholeImages_areAccepted_data();
    void wholeImages_areAccepted();
    void brokenImages_areRefused_data();
    void brokenImages_areRefused();
    void signatureOnlyFileOnDisk_isRefused();
};

void TestHostileImages::wholeImages_areAccepted_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mime");
    QTest::newRow("png") << readData(u"tiny.png"_s) << u"image/png"_s;
    QTest::newRow("png with trailing bytes")
        << readData(u"tiny.png"_s) + QByteArray(4096, '\0') << u"image/png"_s;
    QTest::newRow("jpeg") << readData(u"tiny.jpg"_s) << u"image/jpeg"_s;
    QTest::newRow("gif") << readData(u"tiny.gif"_s) << u"image/gif"_s;
    QTest::newRow("webp") << readData(u"tiny.webp"_s) << u"image/webp"_s;
    // A 1×1 PNG written by another encoder (zlib, no ancillary chunks).
    QTest::newRow("png 1x1") << QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
        "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
                             << u"image/png"_s;
}

void TestHostileImages::wholeImages_areAccepted()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mime);
    QVERIFY(!bytes.isEmpty());
    const auto result = AttachmentUploader::validate(bytes, u"picture"_s);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().mimeType, mime);
}

void TestHostileImages::brokenImages_areRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    const QByteArray png = readData(u"tiny.png"_s);
    const QByteArray jpeg = readData(u"tiny.jpg"_s);
    const QByteArray gif = readData(u"tiny.gif"_s);
    const QByteArray webp = readData(u"tiny.webp"_s);
    QTest::newRow("png signature only") << QByteArray("\x89PNG\r\n\x1a\n") << u"PNG"_s;
    QTest::newRow("png signature and padding")
        << QByteArray("\x89PNG\r\n\x1a\n") + QByteArray(1024, '\0') << u"PNG"_s;
    QTest::newRow("png cut in half") << png.left(png.size() / 2) << u"PNG"_s;
    QTest::newRow("png without IEND") << png.left(png.size() - 12) << u"PNG"_s;
    QTest::newRow("png with a damaged IDAT") << flipped(png, png.indexOf("IDAT") + 6) << u"PNG"_s;
    QTest::newRow("png with an absurd chunk length")
        << png.left(8) + QByteArray("\x7f\xff\xff\xffIHDR", 8) + png.mid(16) << u"PNG"_s;
    QTest::newRow("jpeg signature only") << QByteArray("\xff\xd8\xff\xe0", 4) << u"JPEG"_s;
    QTest::newRow("jpeg cut before the end") << jpeg.left(jpeg.size() - 2) << u"JPEG"_s;
    QTest::newRow("jpeg cut in its headers") << jpeg.left(40) << u"JPEG"_s;
    QTest::newRow("gif header only") << gif.left(13) << u"GIF"_s;
    QTest::newRow("webp header only") << webp.left(16) << u"WEBP"_s;
    QTest::newRow("webp cut short") << webp.left(webp.size() - 10) << u"WEBP"_s;
}

void TestHostileImages::brokenImages_areRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    const auto result = AttachmentUploader::validate(bytes, u"picture.img"_s);
    QVERIFY2(!result.ok(), "a broken image was accepted");
    QCOMPARE(result.error().kind, ApiError::Kind::Validation);
    const QString message = result.error().message;
    QVERIFY2(message.contains(kind) && message.contains(u"picture.img"_s), qPrintable(message));
    // The facts stay available (a caller may still say what the file claims to be).
    QVERIFY(AttachmentUploader::inspect(bytes, u"picture.img"_s).isImage);
}

void TestHostileImages::signatureOnlyFileOnDisk_isRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"screenshot.png"_s);
    QVERIFY(writeFile(path, QByteArray("\x89PNG\r\n\x1a\n", 8)));
    const auto result = AttachmentUploader::validate(path);
    QVERIFY2(!result.ok(), "an 8-byte PNG signature passed the content check");
    QVERIFY2(
        result.error().message.contains(u"screenshot.png"_s), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestHostileImages)
#include "TestHostileImages.moc"
