#pragma once

#include "core/api/ApiResult.h"
#include "core/api/ApiTypes.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSize>

namespace AgentDesk {

class FileCache;

//! Thumbnails of the timeline's file parts. thumbnail() never blocks: it answers from memory or
//! starts one fetch through FileCache (disk, then network), decodes and scales the bytes on the
//! thread pool, and emits thumbnailReady() so the view re-renders the rows showing that file.
//! Until then (and for files that are not images) the delegate shows the file's chip.
class ThumbnailProvider final : public QObject
{
    Q_OBJECT

public:
    static constexpr QSize thumbnailSize{240, 160};
    static constexpr qint64 maxCacheBytes = 48LL * 1024 * 1024;

    //! `files` is not owned and may be null (then no thumbnails are shown).
    explicit ThumbnailProvider(FileCache *files, QObject *parent = nullptr);
    ~ThumbnailProvider() override;

    //! The decoded thumbnail, or a null image while it loads (or when it cannot be shown).
    QImage thumbnail(const FileId &id);
    bool isLoading(const FileId &id) const { return m_pending.contains(id); }
    bool hasFailed(const FileId &id) const { return m_failed.contains(id); }
    //! The whole file, for the image viewer.
    void fetchOriginal(const FileId &id, QObject *context, ApiCallback<QByteArray> done);

signals:
    void thumbnailReady(const AgentDesk::FileId &id);

private:
    void handleBytes(const FileId &id, const ApiResult<QByteArray> &result);
    void handleDecoded(const FileId &id, const QImage &image);

    QPointer<FileCache> m_files;
    QCache<FileId, QImage> m_images;
    QSet<FileId> m_pending;
    QSet<FileId> m_failed;
};

} // namespace AgentDesk
