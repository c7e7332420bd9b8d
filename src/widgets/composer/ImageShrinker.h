#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

namespace AgentDesk {

//! An image re-encoded to fit an upload limit.
struct ShrunkImage
{
    QByteArray bytes;
    QString mimeType;
    QString suffix; //!< "webp" or "jpg", for the file name
    QSize size;
};

//! Image work for attachments, as pure functions that are safe to run in QtConcurrent::run
//! (QImage is reentrant). Core has no QtGui, so this lives in widgets.
class ImageShrinker final
{
public:
    //! Largest edge decoded; bigger images are scaled while reading (product.md: 8192 px).
    static constexpr int maxDecodeEdge = 8192;
    //! Shrink steps tried before giving up.
    static constexpr int maxSteps = 8;

    //! Re-encodes \a bytes as WebP (JPEG when the WebP writer is missing), lowering quality
    //! and then the size step by step until the result is at most \a limit bytes. Animated
    //! GIFs are left alone (nullopt), as is anything that does not decode.
    static std::optional<ShrunkImage> shrinkToFit(const QByteArray &bytes, qint64 limit);
    //! A thumbnail no larger than \a size, decoded with scaling (cheap for big images).
    static QImage thumbnail(const QByteArray &bytes, const QSize &size);
    //! PNG bytes of \a image (clipboard pastes).
    static QByteArray toPng(const QImage &image);
};

} // namespace AgentDesk
