#include "core/storage/FileCache.h"

#include "core/Logging.h"
#include "core/api/ApiClient.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrentRun>

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

//! Worker side: the bytes of a cached file, touching it so eviction sees it as recent.
std::optional<QByteArray> readCached(const QString &path)
{
    QFile file(path);
    // ExistingOnly: a plain ReadWrite open would create an empty file for a miss.
    if (file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)) {
        QByteArray bytes = file.readAll();
        file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        return bytes;
    }
    if (file.open(QIODevice::ReadOnly | QIODevice::ExistingOnly))
        return file.readAll(); // a read-only cache still serves, it just cannot track use
    return std::nullopt;
}

//! Worker side: deletes the least recently used files until the total is within maxBytes
//! (everything when maxBytes is 0). \a keep (the file just written) goes last, so it survives
//! unless it alone exceeds the bound. Returns the bytes left.
qint64 trimTo(const QString &directory, qint64 maxBytes, const QString &keep = {})
{
    // Oldest first (QDir::Time sorts newest first; Reversed flips it).
    const QFileInfoList entries =
        QDir(directory).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    qint64 total = 0;
    for (const QFileInfo &entry : entries)
        total += entry.size();
    for (const QFileInfo &entry : entries) {
        if (total <= maxBytes)
            break;
        if (entry.filePath() == keep && entries.size() > 1 && maxBytes > 0)
            continue;
        if (QFile::remove(entry.filePath()))
            total -= entry.size();
    }
    return total;
}

//! Worker side: writes atomically, then trims.
void storeAndTrim(
    const QString &directory, const QString &path, const QByteArray &bytes, qint64 maxBytes)
{
    QDir().mkpath(directory);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcApi) << "file cache: cannot write" << QFileInfo(path).fileName()
                         << file.errorString();
        return;
    }
    trimTo(directory, maxBytes, path);
}

} // namespace

FileCache::FileCache(ApiClient *api, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_directory(directory.isEmpty()
              ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/files"_s
              : directory)
{
    m_disk.setMaxThreadCount(1); // one disk worker: reads, writes and eviction never race
}

FileCache::~FileCache()
{
    // Workers hold copies only; waiting keeps a half-written file from outliving the cache.
    m_disk.waitForDone();
}

void FileCache::setMaxBytes(qint64 bytes)
{
    m_maxBytes = std::max<qint64>(0, bytes);
}

void FileCache::trim(QObject *context, std::function<void(qint64)> done)
{
    runTrim(m_maxBytes, context, std::move(done));
}

void FileCache::clear(QObject *context, std::function<void(qint64)> done)
{
    runTrim(0, context, std::move(done));
}

void FileCache::usage(QObject *context, std::function<void(qint64)> done)
{
    runTrim(std::numeric_limits<qint64>::max(), context, std::move(done));
}

void FileCache::runTrim(qint64 maxBytes, QObject *context, std::function<void(qint64)> done)
{
    auto *watcher = new QFutureWatcher<qint64>(this);
    QPointer<QObject> guard = context;
    connect(watcher, &QFutureWatcherBase::finished, this,
        [watcher, guard, hasContext = context != nullptr, done = std::move(done)] {
            watcher->deleteLater();
            if (done && (!hasContext || guard))
                done(watcher->result());
        });
    watcher->setFuture(QtConcurrent::run(&m_disk, trimTo, m_directory, maxBytes, QString()));
}

QString FileCache::pathFor(const FileId &id) const
{
    return m_directory + u'/' + id.toString();
}

bool FileCache::contains(const FileId &id) const
{
    return QFileInfo::exists(pathFor(id));
}

void FileCache::fetch(const FileId &id, QObject *context, ApiCallback<QByteArray> done)
{
    if (id.isNull()) {
        done(ApiError::validationFailure(tr("The file has no id.")));
        return;
    }
    const bool started = m_waiting.contains(id);
    m_waiting[id].append(Waiter{context, std::move(done)});
    if (started)
        return;
    const QString path = pathFor(id);
    auto *watcher = new QFutureWatcher<std::optional<QByteArray>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        const std::optional<QByteArray> cached = watcher->result();
        if (cached) {
            deliver(id, *cached);
            return;
        }
        download(id);
    });
    watcher->setFuture(QtConcurrent::run(&m_disk, readCached, path));
}

void FileCache::download(const FileId &id)
{
    if (!m_api) {
        deliver(id, ApiError::validationFailure(tr("Not connected.")));
        return;
    }
    ++m_downloads;
    m_api->downloadFile(id, this, [this, id](const ApiResult<FileDownload> &result) {
        if (!result.ok()) {
            deliver(id, result.error());
            return;
        }
        const QByteArray bytes = result.value().data;
        deliver(id, bytes);
        auto *watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
            watcher->deleteLater();
            emit stored(id);
        });
        watcher->setFuture(
            QtConcurrent::run(&m_disk, storeAndTrim, m_directory, pathFor(id), bytes, m_maxBytes));
    });
}

void FileCache::deliver(const FileId &id, const ApiResult<QByteArray> &result)
{
    const QList<Waiter> waiters = m_waiting.take(id);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(result);
    }
}

} // namespace AgentDesk
