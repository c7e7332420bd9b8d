// FileCache against agentdesk-sim: the first read downloads and stores, the second comes from
// disk without the network, the bound evicts the least recently used file, and a caller that
// goes away never gets a callback.

#include "core/api/ApiClient.h"
#include "core/storage/FileCache.h"
#include "support/AwaitResult.h"
#include "support/DemoIds.h"
#include "support/Refusal.h"
#include "support/SimulatorApi.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int waitMs = 15'000;

//! Fetches through the cache and waits (bounded) for the answer.
ApiResult<QByteArray> fetch(FileCache &cache, const FileId &id)
{
    return awaitAnswer<QByteArray>(
        [&](QObject *context, auto done) { cache.fetch(id, context, done); }, waitMs);
}

} // namespace

class TestFileCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void secondRead_comesFromDisk_withoutNetwork();
    void bound_evictsLeastRecentlyUsed();
    void concurrentFetches_shareOneDownload();
    void smallerBound_trimNow_thenClear();
    void deadCaller_getsNoCallback();
    void missingFile_reports404();

private:
    FileId upload(const QByteArray &bytes, const QString &name);
    //! Three files of 1000 bytes each (\a firstByte, the next, the one after), named by
    //! \a nameFormat with 0, 1, 2; a null id for each that failed.
    QList<FileId> uploadThree(char firstByte, const QString &nameFormat);

    std::unique_ptr<SimulatorApi> m_live;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestFileCache::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_live = std::make_unique<SimulatorApi>();
    QVERIFY2(m_live->start(), qPrintable(m_live->sim.errorString()));
}

void TestFileCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

FileId TestFileCache::upload(const QByteArray &bytes, const QString &name)
{
    const auto result = awaitAnswer<FileId>(
        [&](QObject *context, auto done) {
            m_live->api->uploadFile(Demo::org, bytes, u"text/plain"_s, name, context, done);
        },
        waitMs);
    return result.ok() ? result.value() : FileId();
}

QList<FileId> TestFileCache::uploadThree(char firstByte, const QString &nameFormat)
{
    QList<FileId> ids;
    for (int i = 0; i < 3; ++i)
        ids << upload(QByteArray(1000, char(firstByte + i)), nameFormat.arg(i));
    return ids;
}

void TestFileCache::secondRead_comesFromDisk_withoutNetwork()
{
    const QByteArray bytes = "cached text";
    const FileId id = upload(bytes, u"a.txt"_s);
    QVERIFY(!id.isNull());
    FileCache cache(m_live->api.get(), m_dir->path());
    QSignalSpy stored(&cache, &FileCache::stored);
    const auto first = fetch(cache, id);
    QVERIFY2(first.ok(), qPrintable(first.error().toDisplayString()));
    QCOMPARE(first.value(), bytes);
    QCOMPARE(cache.downloadCount(), 1);
    QVERIFY(stored.wait(waitMs) || stored.size() == 1);
    QVERIFY(cache.contains(id));
    QCOMPARE(QFileInfo(cache.pathFor(id)).dir().path(), m_dir->path());

    // A new cache over the same directory with no network at all still has it.
    FileCache offline(nullptr, m_dir->path());
    const auto second = fetch(offline, id);
    QVERIFY2(second.ok(), qPrintable(second.error().toDisplayString()));
    QCOMPARE(second.value(), bytes);
    QCOMPARE(offline.downloadCount(), 0);
}

void TestFileCache::bound_evictsLeastRecentlyUsed()
{
    const QList<FileId> ids = uploadThree('a', u"f%1.txt"_s);
    QVERIFY(!ids.contains(FileId()));
    FileCache cache(m_live->api.get(), m_dir->path());
    cache.setMaxBytes(2500); // room for two files of 1000 bytes
    QSignalSpy stored(&cache, &FileCache::stored);
    QVERIFY(fetch(cache, ids[0]).ok());
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, waitMs);
    // Make the first file clearly the oldest, whatever the file system's time resolution.
    QFile first(cache.pathFor(ids[0]));
    QVERIFY(first.open(QIODevice::ReadWrite));
    QVERIFY(first.setFileTime(
        QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    first.close();
    QVERIFY(fetch(cache, ids[1]).ok());
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 2, waitMs);
    QVERIFY(cache.contains(ids[0]));
    QVERIFY(fetch(cache, ids[2]).ok());
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 3, waitMs);
    QVERIFY(!cache.contains(ids[0])); // the oldest went
    QVERIFY(cache.contains(ids[1]));
    QVERIFY(cache.contains(ids[2]));
}

void TestFileCache::smallerBound_trimNow_thenClear()
{
    const QList<FileId> ids = uploadThree('x', u"t%1.txt"_s);
    QVERIFY(!ids.contains(FileId()));
    FileCache cache(m_live->api.get(), m_dir->path());
    QSignalSpy stored(&cache, &FileCache::stored);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(fetch(cache, ids[i]).ok());
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), i + 1, waitMs);
        QFile file(cache.pathFor(ids[i]));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600 + i * 60),
            QFileDevice::FileModificationTime));
    }
    qint64 measured = -1;
    cache.usage(this, [&](qint64 bytes) { measured = bytes; });
    QTRY_COMPARE_WITH_TIMEOUT(measured, qint64(3000), waitMs);

    // The settings dialog lowers the bound: the cache shrinks now, not at the next download.
    cache.setMaxBytes(1500);
    qint64 left = -1;
    cache.trim(this, [&](qint64 bytes) { left = bytes; });
    QTRY_COMPARE_WITH_TIMEOUT(left, qint64(1000), waitMs);
    QVERIFY(!cache.contains(ids[0]));
    QVERIFY(!cache.contains(ids[1]));
    QVERIFY(cache.contains(ids[2])); // the most recently used stays

    left = -1;
    cache.clear(this, [&](qint64 bytes) { left = bytes; });
    QTRY_COMPARE_WITH_TIMEOUT(left, qint64(0), waitMs);
    QVERIFY(!cache.contains(ids[2]));
    // A cleared file is downloaded again on the next read.
    const int downloads = cache.downloadCount();
    QVERIFY(fetch(cache, ids[2]).ok());
    QCOMPARE(cache.downloadCount(), downloads + 1);
}

void TestFileCache::concurrentFetches_shareOneDownload()
{
    const FileId id = upload("shared", u"s.txt"_s);
    QVERIFY(!id.isNull());
    FileCache cache(m_live->api.get(), m_dir->path());
    QObject context;
    int answers = 0;
    for (int i = 0; i < 3; ++i) {
        cache.fetch(id, &context, [&](const ApiResult<QByteArray> &r) {
            QVERIFY(r.ok());
            ++answers;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, waitMs);
    QCOMPARE(cache.downloadCount(), 1);
}

void TestFileCache::deadCaller_getsNoCallback()
{
    const FileId id = upload("gone", u"g.txt"_s);
    QVERIFY(!id.isNull());
    FileCache cache(m_live->api.get(), m_dir->path());
    QSignalSpy stored(&cache, &FileCache::stored);
    bool called = false;
    {
        QObject context;
        cache.fetch(id, &context, [&](const ApiResult<QByteArray> &) { called = true; });
    }
    QVERIFY(stored.wait(waitMs)); // the download still completes and is stored
    QVERIFY(!called);
}

void TestFileCache::missingFile_reports404()
{
    FileCache cache(m_live->api.get(), m_dir->path());
    const auto result = fetch(cache, FileId::createUuid());
    QCOMPARE(refusedStatus(result), 404);
}

QTEST_GUILESS_MAIN(TestFileCache)
#include "TestFileCache.moc"
