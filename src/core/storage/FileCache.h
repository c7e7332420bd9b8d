#pragma once

#include "core/api/ApiResult.h"
#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace AgentDesk {

class ApiClient;

//! On-disk cache of chat files by id (§9.2: files never change, so the id is the key).
//!
//! Files live under CacheLocation/files/<id>. Reads, writes and eviction run on a private
//! one-thread pool, so they never block the GUI thread and never race each other. The cache is
//! bounded: after each store the least recently used files (by mtime; a read touches the file)
//! are deleted until the total is within maxBytes().
class FileCache final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 defaultMaxBytes = 256LL * 1024 * 1024;

    //! \a api is not owned. \a directory empty = QStandardPaths::CacheLocation + "/files".
    explicit FileCache(ApiClient *api, const QString &directory = {}, QObject *parent = nullptr);
    ~FileCache() override;

    //! The bound for later stores; call trim() to apply a smaller one to what is there now.
    void setMaxBytes(qint64 bytes);
    //! Deletes least recently used files until the cache fits maxBytes(), off the GUI thread;
    //! \a done gets the bytes left (on this object's thread, only while \a context lives).
    void trim(QObject *context = nullptr, std::function<void(qint64)> done = {});
    //! Deletes every cached file; \a done gets the bytes left (0 unless a file was busy).
    void clear(QObject *context = nullptr, std::function<void(qint64)> done = {});
    //! The bytes on disk now, measured off the GUI thread.
    void usage(QObject *context, std::function<void(qint64)> done);
    qint64 maxBytes() const noexcept { return m_maxBytes; }
    QString directory() const { return m_directory; }
    //! The file's path in the cache (it may not exist yet).
    QString pathFor(const FileId &id) const;
    //! True when the file is on disk now (a stat on the calling thread).
    bool contains(const FileId &id) const;

    //! Delivers the file's bytes, from disk when cached, else downloaded and then stored.
    //! \a done runs on \a context's thread, once, and only while \a context lives. Concurrent
    //! fetches of one id share a single download.
    void fetch(const FileId &id, QObject *context, ApiCallback<QByteArray> done);

    //! Downloads started so far (tests: the second read must not touch the network).
    int downloadCount() const noexcept { return m_downloads; }

signals:
    //! A downloaded file was written to disk (and eviction ran after it).
    void stored(const AgentDesk::FileId &id);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        ApiCallback<QByteArray> done;
    };

    void download(const FileId &id);
    void runTrim(qint64 maxBytes, QObject *context, std::function<void(qint64)> done);
    void deliver(const FileId &id, const ApiResult<QByteArray> &result);

    ApiClient *m_api;
    QString m_directory;
    qint64 m_maxBytes = defaultMaxBytes;
    QThreadPool m_disk;
    QHash<FileId, QList<Waiter>> m_waiting;
    int m_downloads = 0;
};

} // namespace AgentDesk
