#include "core/api/AttachmentUploader.h"

#include "core/Logging.h"
#include "core/api/ApiClient.h"
#include "core/api/DisplayText.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkReply>

#include <array>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr QStringView png = u"image/png";
constexpr QStringView jpeg = u"image/jpeg";
constexpr QStringView gif = u"image/gif";
constexpr QStringView webp = u"image/webp";
constexpr QStringView plainText = u"text/plain";
constexpr QStringView markdown = u"text/markdown";
constexpr QStringView csv = u"text/csv";
constexpr QStringView json = u"application/json";
constexpr QStringView pdf = u"application/pdf";
constexpr QStringView unknownBinary = u"application/octet-stream";

//! Magic numbers of the types the server sniffs itself (§9.1); QMimeDatabase agrees on these,
//! but checking them first makes the verdict independent of the shared-mime-info version.
QString sniffMagic(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return png.toString();
    if (bytes.startsWith("\xff\xd8\xff"))
        return jpeg.toString();
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return gif.toString();
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return webp.toString();
    if (bytes.startsWith("%PDF-"))
        return pdf.toString();
    return {};
}

quint32 bigEndian32(const QByteArray &bytes, qsizetype at)
{
    return (quint32(uchar(bytes.at(at))) << 24) | (quint32(uchar(bytes.at(at + 1))) << 16)
        | (quint32(uchar(bytes.at(at + 2))) << 8) | quint32(uchar(bytes.at(at + 3)));
}

quint32 littleEndian32(const QByteArray &bytes, qsizetype at)
{
    return quint32(uchar(bytes.at(at))) | (quint32(uchar(bytes.at(at + 1))) << 8)
        | (quint32(uchar(bytes.at(at + 2))) << 16) | (quint32(uchar(bytes.at(at + 3))) << 24);
}

quint32 crc32(QByteArrayView data)
{
    static const auto table = [] {
        std::array<quint32, 256> entries{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            entries[n] = c;
        }
        return entries;
    }();
    quint32 crc = 0xffffffffu;
    for (const char byte : data)
        crc = table[(crc ^ uchar(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

//! PNG: IHDR first, every chunk whole with a correct CRC, image data present, up to IEND.
bool pngIsWhole(const QByteArray &bytes)
{
    qsizetype at = 8;
    bool first = true;
    bool sawData = false;
    while (at + 12 <= bytes.size()) {
        const quint32 length = bigEndian32(bytes, at);
        if (length > quint32(bytes.size() - at - 12))
            return false; // cut short
        const QByteArrayView type(bytes.constData() + at + 4, 4);
        const QByteArrayView typeAndData(bytes.constData() + at + 4, qsizetype(length) + 4);
        if (crc32(typeAndData) != bigEndian32(bytes, at + 8 + qsizetype(length)))
            return false;
        if (first) {
            if (type != "IHDR" || length != 13 || bigEndian32(bytes, at + 8) == 0
                || bigEndian32(bytes, at + 12) == 0)
                return false;
            first = false;
        }
        if (type == "IDAT")
            sawData = true;
        if (type == "IEND")
            return sawData;
        at += 12 + qsizetype(length);
    }
    return false;
}

//! JPEG: header segments whole, a frame header before the scan, and an end marker after it.
bool jpegIsWhole(const QByteArray &bytes)
{
    qsizetype at = 2;
    bool sawFrame = false;
    while (at + 4 <= bytes.size()) {
        if (uchar(bytes.at(at)) != 0xff)
            return false;
        const uchar marker = uchar(bytes.at(at + 1));
        if (marker == 0xff) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0xd9) // EOI before any scan
            return false;
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
            at += 2;
            continue;
        }
        const qsizetype length =
            (qsizetype(uchar(bytes.at(at + 2))) << 8) | uchar(bytes.at(at + 3));
        if (length < 2 || at + 2 + length > bytes.size())
            return false; // cut short
        if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
            sawFrame = true;
        if (marker == 0xda) // start of scan: entropy-coded data up to EOI
            return sawFrame && bytes.indexOf("\xff\xd9", at + 2 + length) >= 0;
        at += 2 + length;
    }
    return false;
}

//! GIF: the screen descriptor, an image descriptor, and the trailer.
bool gifIsWhole(const QByteArray &bytes)
{
    return bytes.size() > 13 + 10 && bytes.indexOf(',', 13) > 0 && bytes.lastIndexOf(';') > 13;
}

//! WebP: the RIFF size fits the file, and the first chunk is image data that fits.
bool webpIsWhole(const QByteArray &bytes)
{
    if (bytes.size() < 20)
        return false;
    const quint64 riffSize = littleEndian32(bytes, 4);
    const quint64 chunkSize = littleEndian32(bytes, 16);
    const QByteArrayView chunk(bytes.constData() + 12, 4);
    return riffSize + 8 <= quint64(bytes.size()) && chunkSize + 20 <= riffSize + 8
        && (chunk == "VP8 " || chunk == "VP8L" || chunk == "VP8X") && chunkSize > 0;
}

//! Whether an image's structure is whole: a signature alone or a file cut short is not. Core
//! has no image decoders (QtGui); these checks walk the container, which is what truncation
//! and a bare signature break.
bool imageIsWhole(const QByteArray &bytes, QStringView mimeType)
{
    if (mimeType == png)
        return pngIsWhole(bytes);
    if (mimeType == jpeg)
        return jpegIsWhole(bytes);
    if (mimeType == gif)
        return gifIsWhole(bytes);
    if (mimeType == webp)
        return webpIsWhole(bytes);
    return true;
}

bool looksLikeText(const QByteArray &bytes)
{
    // The server's own rule: no NUL byte in the first 8 KiB means text.
    return !bytes.left(8192).contains('\0');
}

QString baseName(const QString &name)
{
    return QFileInfo(name).fileName();
}

//! Words for a MIME type in a refusal ("plain text", "a ZIP archive").
QString describeType(const QString &mimeType)
{
    if (mimeType == plainText)
        return AttachmentText::tr("plain text");
    if (mimeType == json)
        return AttachmentText::tr("JSON");
    if (mimeType == pdf)
        return AttachmentText::tr("a PDF document");
    if (mimeType.startsWith(u"image/"))
        return AttachmentText::tr("an image (%1)").arg(mimeType.mid(6).toUpper());
    if (mimeType == unknownBinary || mimeType.isEmpty())
        return AttachmentText::tr("binary data of an unknown type");
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    return type.isValid() && !type.comment().isEmpty() ? type.comment() : mimeType;
}

//! What the name promises, for a refusal that says "X is not an image".
bool nameSaysImage(const QString &name)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    static const QStringList imageSuffixes{u"png"_s, u"jpg"_s, u"jpeg"_s, u"gif"_s, u"webp"_s,
        u"bmp"_s, u"tif"_s, u"tiff"_s, u"heic"_s, u"avif"_s, u"svg"_s};
    return imageSuffixes.contains(suffix);
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

} // namespace

QStringList AttachmentUploader::acceptedMimeTypes(AcceptedFileTypes types)
{
    QStringList accepted{png.toString(), jpeg.toString(), gif.toString(), webp.toString()};
    if (types == AcceptedFileTypes::Newest) {
        accepted << plainText.toString() << markdown.toString() << csv.toString() << json.toString()
                 << pdf.toString();
    }
    return accepted;
}

QString AttachmentUploader::detectMimeType(const QByteArray &bytes, const QString &name)
{
    if (const QString magic = sniffMagic(bytes); !magic.isEmpty())
        return magic;
    if (bytes.isEmpty())
        return {};
    const QMimeDatabase database;
    // mimeTypeForData looks at the content only, never at a name.
    const QMimeType byContent = database.mimeTypeForData(bytes);
    const bool text = byContent.inherits(plainText.toString()) || byContent.name() == plainText;
    if (!text) {
        // shared-mime-info calls text without a known signature octet-stream; the server's
        // NUL-byte rule calls it text. Follow the server.
        if (byContent.name() == unknownBinary && looksLikeText(bytes))
            return plainText.toString();
        return byContent.isValid() ? byContent.name() : unknownBinary.toString();
    }
    // Text content: the name may say which text it is, but only if the content agrees.
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == u"md" || suffix == u"markdown")
        return markdown.toString();
    if (suffix == u"csv")
        return csv.toString();
    if (suffix == u"json" || byContent.name() == json) {
        QJsonParseError error;
        QJsonDocument::fromJson(bytes, &error);
        if (error.error == QJsonParseError::NoError)
            return json.toString();
    }
    return plainText.toString();
}

AttachmentCheck AttachmentUploader::inspect(const QByteArray &bytes, const QString &name)
{
    AttachmentCheck check;
    check.name = baseName(name);
    check.sizeBytes = bytes.size();
    check.mimeType = detectMimeType(bytes, name);
    check.isImage = check.mimeType.startsWith(u"image/");
    return check;
}

ApiResult<AttachmentCheck> AttachmentUploader::validate(
    const QByteArray &bytes, const QString &name, const QStringList &accepted)
{
    const AttachmentCheck check = inspect(bytes, name);
    const QString shown = safeDisplayText(check.name); // names may carry bidi overrides
    if (bytes.isEmpty()) {
        return ApiError::validationFailure(
            AttachmentText::tr("%1 is empty: there is nothing to attach.").arg(shown));
    }
    if (!accepted.contains(check.mimeType)) {
        const QString what = describeType(check.mimeType);
        if (nameSaysImage(check.name) && !check.isImage) {
            return ApiError::validationFailure(
                AttachmentText::tr("%1 is not an image: its content is %2.").arg(shown, what));
        }
        const bool imagesOnly = !accepted.contains(plainText.toString());
        return ApiError::validationFailure(imagesOnly
                ? AttachmentText::tr("%1 cannot be attached: its content is %2, and this "
                                     "deployment accepts only PNG, JPEG, GIF and WebP images.")
                      .arg(shown, what)
                : AttachmentText::tr("%1 cannot be attached: its content is %2. Images, text, "
                                     "Markdown, CSV, JSON and PDF files can be attached.")
                      .arg(shown, what));
    }
    if (check.sizeBytes > maxUploadBytes) {
        return ApiError::validationFailure(AttachmentText::tr("%1 is %2; the limit is %3.")
                                               .arg(shown, formatSize(check.sizeBytes),
                                                   QLocale().formattedDataSize(maxUploadBytes, 0)));
    }
    if (check.isImage && !imageIsWhole(bytes, check.mimeType)) {
        // A signature alone, or a file cut short: the server would store what no one can view.
        return ApiError::validationFailure(
            AttachmentText::tr("%1 is not a complete %2 image: it is damaged or cut short.")
                .arg(shown, check.mimeType.mid(6).toUpper()));
    }
    return check;
}

ApiResult<AttachmentCheck> AttachmentUploader::validate(
    const QString &path, const QStringList &accepted)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    const QString shown = safeDisplayText(name); // for messages only
    if (!info.exists() || !info.isFile()) {
        return ApiError::validationFailure(
            AttachmentText::tr("%1 cannot be attached: the file does not exist.").arg(shown));
    }
    // Refuse big files from their size alone, before reading a byte of them.
    if (info.size() > maxUploadBytes) {
        QFile file(path);
        QByteArray head;
        if (file.open(QIODevice::ReadOnly))
            head = file.read(64 * 1024);
        const AttachmentCheck check = inspect(head, name);
        if (!accepted.contains(check.mimeType))
            return validate(head, name, accepted); // the type is the first problem
        return ApiError::validationFailure(AttachmentText::tr("%1 is %2; the limit is %3.")
                                               .arg(shown, formatSize(info.size()),
                                                   QLocale().formattedDataSize(maxUploadBytes, 0)));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ApiError::validationFailure(
            AttachmentText::tr("%1 cannot be read: %2").arg(shown, file.errorString()));
    }
    return validate(file.readAll(), name, accepted);
}

AttachmentUploader::AttachmentUploader(QObject *parent)
    : QObject(parent)
{
}

AttachmentUploader::~AttachmentUploader()
{
    ++m_attempt;
    if (m_reply)
        m_reply->abort();
}

void AttachmentUploader::start(ApiClient *api, const OrganizationId &organizationId,
    const QByteArray &bytes, const QString &mimeType, const QString &fileName)
{
    m_api = api;
    m_organizationId = organizationId;
    m_bytes = bytes;
    m_mimeType = mimeType;
    m_fileName = fileName;
    send();
}

void AttachmentUploader::retry()
{
    if (m_state == State::Uploading || m_state == State::Finished || m_state == State::Idle)
        return;
    send();
}

void AttachmentUploader::cancel()
{
    if (m_state != State::Uploading)
        return;
    ++m_attempt; // before abort(): abort() delivers the Cancelled result synchronously
    m_state = State::Cancelled;
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
    }
    m_reply = nullptr;
    qCDebug(lcUpload) << "upload cancelled";
}

void AttachmentUploader::send()
{
    const quint64 attempt = ++m_attempt;
    m_sent = 0;
    m_fileId = {};
    m_lastError = {};
    if (!m_api) {
        m_state = State::Failed;
        m_lastError = ApiError::validationFailure(
            AttachmentText::tr("%1 cannot be uploaded: not connected.").arg(m_fileName));
        emit failed(m_lastError);
        return;
    }
    m_state = State::Uploading;
    m_reply = m_api->uploadFile(m_organizationId, m_bytes, m_mimeType, m_fileName, this,
        [this, attempt](const ApiResult<FileId> &result) { handleResult(attempt, result); });
    if (m_reply) {
        connect(m_reply, &QNetworkReply::uploadProgress, this,
            [this, attempt](qint64 sent, qint64 total) { handleProgress(attempt, sent, total); });
    }
}

void AttachmentUploader::handleProgress(quint64 attempt, qint64 sent, qint64 total)
{
    // Qt reports (0, 0) or (0, -1) around the edges of a request; only forward real growth.
    if (attempt != m_attempt || total <= 0 || sent <= m_sent)
        return;
    m_sent = std::min(sent, qint64(m_bytes.size()));
    emit progress(m_sent, m_bytes.size());
}

void AttachmentUploader::handleResult(quint64 attempt, const ApiResult<FileId> &result)
{
    if (attempt != m_attempt)
        return;
    m_reply = nullptr;
    if (!result.ok()) {
        m_state = State::Failed;
        m_lastError = result.error();
        qCDebug(lcUpload) << "upload failed" << m_lastError.httpStatus;
        emit failed(m_lastError);
        return;
    }
    m_state = State::Finished;
    m_fileId = result.value();
    if (m_sent < m_bytes.size()) {
        m_sent = m_bytes.size();
        emit progress(m_sent, m_sent);
    }
    emit finished(m_fileId);
}

} // namespace AgentDesk
