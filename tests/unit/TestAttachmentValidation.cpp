// AttachmentUploader::validate: type by content (never by name), the 10 MiB limit to the byte,
// and refusals that say why. The image files in tests/data/files were made once with
// ImageMagick (`convert -size 4x4 xc:red tiny.png`, …); core tests have no QtGui to make them.

#include "core/api/AttachmentUploader.h"
#include "support/DataFiles.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestAttachmentValidation : public QObject
{
    Q_OBJECT

private slots:
    void accepted_byContent_data();
    void accepted_byContent();
    void pngNamedTxt_acceptedAsPng();
    void textNamedPng_refused_saysItIsNotAnImage();
    void exactlyTenMiB_accepted();
    void tenMiBPlusOne_refused_withSizes();
    void bigFileOnDisk_refusedWithoutReadingIt();
    void empty_refused();
    void unknownBinary_refused();
    void jsonName_onOtherContent_isPlainText();
    void imagesOnly_refusesText();
    void missingFile_refused();
};

void TestAttachmentValidation::accepted_byContent_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<bool>("isImage");
    QTest::newRow("png") << u"tiny.png"_s << u"image/png"_s << true;
    QTest::newRow("jpeg") << u"tiny.jpg"_s << u"image/jpeg"_s << true;
    QTest::newRow("gif") << u"tiny.gif"_s << u"image/gif"_s << true;
    QTest::newRow("webp") << u"tiny.webp"_s << u"image/webp"_s << true;
    QTest::newRow("markdown") << u"readme.md"_s << u"text/markdown"_s << false;
    QTest::newRow("json") << u"data.json"_s << u"application/json"_s << false;
    QTest::newRow("csv") << u"table.csv"_s << u"text/csv"_s << false;
    QTest::newRow("pdf") << u"doc.pdf"_s << u"application/pdf"_s << false;
}

void TestAttachmentValidation::accepted_byContent()
{
    QFETCH(QString, file);
    QFETCH(QString, mime);
    QFETCH(bool, isImage);
    // Images pass both accepted sets; the other kinds only the newest (imagesOnly_refusesText).
    QList<AcceptedFileTypes> sets{AcceptedFileTypes::Newest};
    if (isImage)
        sets.append(AcceptedFileTypes::ImagesOnly);
    for (const AcceptedFileTypes types : sets) {
        const auto byPath = AttachmentUploader::validate(
            dataFilePath(file), AttachmentUploader::acceptedMimeTypes(types));
        QVERIFY2(byPath.ok(), qPrintable(byPath.error().message));
        QCOMPARE(byPath.value().mimeType, mime);
        QCOMPARE(byPath.value().isImage, isImage);
        QCOMPARE(byPath.value().name, file);
        QCOMPARE(byPath.value().sizeBytes, QFileInfo(dataFilePath(file)).size());
    }
    if (isImage) {
        // An image's name does not matter, its bytes do.
        const auto byBytes = AttachmentUploader::validate(readDataFile(file), u"clipboard"_s);
        QVERIFY(byBytes.ok());
        QCOMPARE(byBytes.value().mimeType, mime);
    }
}

void TestAttachmentValidation::pngNamedTxt_acceptedAsPng()
{
    const auto result = AttachmentUploader::validate(dataFilePath(u"screenshot.txt"_s));
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    QCOMPARE(result.value().mimeType, u"image/png"_s);
    QCOMPARE(result.value().name, u"screenshot.txt"_s);
}

void TestAttachmentValidation::textNamedPng_refused_saysItIsNotAnImage()
{
    // With the newest accepted set text is fine, so it is accepted as text, not as an image.
    const auto newest = AttachmentUploader::validate(dataFilePath(u"notes.png"_s));
    QVERIFY(newest.ok());
    QCOMPARE(newest.value().mimeType, u"text/plain"_s);
    QVERIFY(!newest.value().isImage);

    const auto imagesOnly = AttachmentUploader::validate(dataFilePath(u"notes.png"_s),
        AttachmentUploader::acceptedMimeTypes(AcceptedFileTypes::ImagesOnly));
    QVERIFY(!imagesOnly.ok());
    QCOMPARE(imagesOnly.error().kind, ApiError::Kind::Validation);
    QCOMPARE(
        imagesOnly.error().message, u"notes.png is not an image: its content is plain text."_s);
}

void TestAttachmentValidation::exactlyTenMiB_accepted()
{
    const QByteArray bytes = pngOfSize(10 * 1024 * 1024);
    const auto result = AttachmentUploader::validate(bytes, u"big.png"_s);
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    QCOMPARE(result.value().sizeBytes, 10 * 1024 * 1024);

    QTemporaryDir dir;
    QFile file(dir.filePath(u"big.png"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QVERIFY(AttachmentUploader::validate(file.fileName()).ok());
}

void TestAttachmentValidation::tenMiBPlusOne_refused_withSizes()
{
    const auto result = AttachmentUploader::validate(pngOfSize(10 * 1024 * 1024 + 1), u"big.png"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Validation);
    QVERIFY2(result.error().message.startsWith(u"big.png is 10.0 MiB; the limit is 10 MiB"),
        qPrintable(result.error().message));
    // inspect() still knows it is an image, so the UI can offer to shrink it.
    const AttachmentCheck check =
        AttachmentUploader::inspect(pngOfSize(12 * 1024 * 1024 + 300 * 1024), u"big.png"_s);
    QVERIFY(check.isImage);
    const auto bigger =
        AttachmentUploader::validate(pngOfSize(12 * 1024 * 1024 + 300 * 1024), u"big.png"_s);
    QCOMPARE(bigger.error().message, u"big.png is 12.3 MiB; the limit is 10 MiB."_s);
}

void TestAttachmentValidation::bigFileOnDisk_refusedWithoutReadingIt()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"huge.png"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(readDataFile(u"tiny.png"_s));
    QVERIFY(file.resize(64LL * 1024 * 1024)); // sparse: costs no disk
    file.close();
    const auto result = AttachmentUploader::validate(file.fileName());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.startsWith(u"huge.png is 64.0 MiB"),
        qPrintable(result.error().message));
}

void TestAttachmentValidation::empty_refused()
{
    const auto result = AttachmentUploader::validate(QByteArray(), u"empty.png"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Validation);
    QCOMPARE(result.error().message, u"empty.png is empty: there is nothing to attach."_s);
}

void TestAttachmentValidation::unknownBinary_refused()
{
    QByteArray noise(2048, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919) % 251);
    const auto result = AttachmentUploader::validate(noise, u"blob.dat"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Validation);
    QVERIFY2(result.error().message.contains(u"binary data of an unknown type"),
        qPrintable(result.error().message));

    const auto zip = AttachmentUploader::validate(dataFilePath(u"archive.bin"_s));
    QVERIFY(!zip.ok());
    QVERIFY2(zip.error().message.startsWith(u"archive.bin cannot be attached: its content is"),
        qPrintable(zip.error().message));
}

void TestAttachmentValidation::jsonName_onOtherContent_isPlainText()
{
    // A .json name on content that is not JSON is plain text, as the server would see it.
    QCOMPARE(AttachmentUploader::detectMimeType("not { json", u"x.json"_s), u"text/plain"_s);
}

void TestAttachmentValidation::imagesOnly_refusesText()
{
    const QStringList imagesOnly =
        AttachmentUploader::acceptedMimeTypes(AcceptedFileTypes::ImagesOnly);
    QCOMPARE(imagesOnly.size(), 4);
    const auto result = AttachmentUploader::validate(dataFilePath(u"readme.md"_s), imagesOnly);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"accepts only PNG, JPEG, GIF and WebP"),
        qPrintable(result.error().message));
}

void TestAttachmentValidation::missingFile_refused()
{
    const auto result = AttachmentUploader::validate(u"/nonexistent/dir/shot.png"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Validation);
}

QTEST_GUILESS_MAIN(TestAttachmentValidation)
#include "TestAttachmentValidation.moc"
