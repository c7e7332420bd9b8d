#include "widgets/conversation/ThumbnailProvider.h"

#include "core/storage/FileCache.h"
#include "widgets/composer/ImageShrinker.h"

#include <QFuture>

#include <QtConcurrent/QtConcurrentRun>

namespace AgentDesk {

ThumbnailProvider::ThumbnailProvider(FileCache *files, QObject *parent)
    : QObject(parent)
    , m_files(files)
    , m_images(maxCacheBytes / 1024)
{
}

ThumbnailProvider::~ThumbnailProvider() = default;

QImage ThumbnailProvider::thumbnail(const FileId &id)
{
    if (const QImage *image = m_images.object(id))
        return *image;
    if (!m_files || id.isNull() || m_pending.contains(id) || m_failed.contains(id))
        return {};
    m_pending.insert(id);
    m_files->fetch(
        id, this, [this, id](const ApiResult<QByteArray> &result) { handleBytes(id, result); });
    return {};
}

void ThumbnailProvider::fetchOriginal(
    const FileId &id, QObject *context, ApiCallback<QByteArray> done)
{
    if (!m_files) {
        done(ApiError::decodeFailure(tr("file")));
        return;
    }
    m_files->fetch(id, context, std::move(done));
}

void ThumbnailProvider::handleBytes(const FileId &id, const ApiResult<QByteArray> &result)
{
    if (!result.ok()) {
        m_pending.remove(id);
        m_failed.insert(id); // the chip stays; no retry loop on every repaint
        return;
    }
    // Decoding a large screenshot takes tens of milliseconds: never on the GUI thread.
    QFuture<QImage> decoded = QtConcurrent::run(
        [bytes = result.value()] { return ImageShrinker::thumbnail(bytes, thumbnailSize); });
    auto delivered =
        decoded.then(this, [this, id](const QImage &image) { handleDecoded(id, image); });
    Q_UNUSED(delivered)
}

void ThumbnailProvider::handleDecoded(const FileId &id, const QImage &image)
{
    m_pending.remove(id);
    if (image.isNull()) {
        m_failed.insert(id);
        return;
    }
    const qint64 cost = std::max<qint64>(1, image.sizeInBytes() / 1024);
    m_images.insert(id, new QImage(image), cost);
    Q_EMIT thumbnailReady(id);
}

} // namespace AgentDesk
