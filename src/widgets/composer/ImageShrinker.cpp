#include "widgets/composer/ImageShrinker.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return bytes;
}

} // namespace

std::optional<ShrunkImage> ImageShrinker::shrinkToFit(const QByteArray &bytes, qint64 limit)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (reader.format() == "gif")
        return std::nullopt; // re-encoding would drop the animation
    QSize size = reader.size();
    if (size.isValid() && (size.width() > maxDecodeEdge || size.height() > maxDecodeEdge)) {
        size.scale(maxDecodeEdge, maxDecodeEdge, Qt::KeepAspectRatio);
        reader.setScaledSize(size);
    }
    QImage image = reader.read();
    if (image.isNull())
        return std::nullopt;

    const bool webp = QImageWriter::supportedImageFormats().contains("webp");
    const char *format = webp ? "webp" : "jpeg";
    // Transparency survives in WebP; JPEG needs an opaque image.
    if (!webp && image.hasAlphaChannel()) {
        QImage opaque(image.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        opaque = opaque.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < image.height(); ++y) {
            // Composite over white without QPainter (not guaranteed outside the GUI thread).
            const auto *src = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            auto *dst = reinterpret_cast<QRgb *>(opaque.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const int a = qAlpha(src[x]);
                dst[x] =
                    qRgb(qRed(src[x]) + 255 - a, qGreen(src[x]) + 255 - a, qBlue(src[x]) + 255 - a);
            }
        }
        image = opaque;
    }
    int quality = 90;
    for (int step = 0; step < maxSteps; ++step) {
        const QByteArray encoded = encode(image, format, quality);
        if (!encoded.isEmpty() && encoded.size() <= limit) {
            return ShrunkImage{encoded, webp ? u"image/webp"_s : u"image/jpeg"_s,
                webp ? u"webp"_s : u"jpg"_s, image.size()};
        }
        // First lower the quality a little, then halve the pixels (×0.7 per edge).
        if (quality > 70) {
            quality -= 10;
        } else {
            image = image.scaled(image.size() * 0.7, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }
    }
    return std::nullopt;
}

QImage ImageShrinker::thumbnail(const QByteArray &bytes, const QSize &size)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QSize full = reader.size();
    if (full.isValid()) {
        full.scale(size, Qt::KeepAspectRatio);
        reader.setScaledSize(full.boundedTo(reader.size()));
    }
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > size.width() || image.height() > size.height()))
        image = image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QByteArray ImageShrinker::toPng(const QImage &image)
{
    return encode(image, "png", -1);
}

} // namespace AgentDesk
