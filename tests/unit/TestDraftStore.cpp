#include "core/storage/DraftStore.h"
#include "core/storage/InMemorySecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestDraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    //! Issue 10: drafts lived in AgentDesk/AgentDesk/drafts; they move to AgentDesk/drafts.
    void defaultDirectory_isNotDoubled_andMovesOldDrafts()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"AgentDesk"_s);
        QCoreApplication::setApplicationName(u"AgentDesk"_s);
        const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        QDir(data + u"/AgentDesk"_s).removeRecursively();
        const QString doubled =
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/drafts"_s;
        QVERIFY(doubled.endsWith(u"AgentDesk/AgentDesk/drafts"_s));
        {
            DraftStore old(doubled);
            old.setDraft(u"chat-1"_s, Draft{u"from an earlier build"_s, {}, {}});
            old.flush();
        }
        const QString directory = DraftStore::defaultDirectory();
        QCOMPARE(directory, data + u"/AgentDesk/drafts"_s);
        QVERIFY(!QFileInfo::exists(doubled));
        DraftStore store;
        QCOMPARE(store.directory(), directory);
        QCOMPARE(store.draft(u"chat-1"_s).text, u"from an earlier build"_s);
        QDir(data + u"/AgentDesk"_s).removeRecursively();
    }

    void draft_savedThenNewStore_survivesRestart()
    {
        QTemporaryDir dir;
        const QString chat = u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s;
        {
            DraftStore store(dir.path());
            Draft draft;
            draft.text = u"Half-written thought\nwith a second line ✓"_s;
            draft.attachments.append(
                DraftAttachment{u"/tmp/shot.png"_s, {}, u"shot.png"_s, u"image/png"_s, 1234});
            store.setDraft(chat, draft);
        } // destructor flushes: a quit never loses the draft
        DraftStore store(dir.path());
        const Draft restored = store.draft(chat);
        QCOMPARE(restored.text, u"Half-written thought\nwith a second line ✓"_s);
        QCOMPARE(restored.attachments.size(), 1);
        QCOMPARE(restored.attachments.first().name, u"shot.png"_s);
        QCOMPARE(restored.attachments.first().sizeBytes, 1234);
        QVERIFY(restored.updatedAt.isValid());
        QCOMPARE(store.keys(), QStringList{chat});
    }

    void typing_manyEditsQuickly_writesOnceAfterTheDelay()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.setSaveDelay(100);
        const QString key = DraftStore::newChatKey();
        for (int i = 0; i < 50; ++i)
            store.setDraft(key, Draft{QString(i + 1, u'x'), {}, {}});
        // Nothing on disk yet: the save is debounced.
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        QTRY_COMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        DraftStore other(dir.path());
        QCOMPARE(other.draft(key).text, QString(50, u'x'));
    }

    void clear_afterSend_removesTheFile()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.setDraft(u"chat-a"_s, Draft{u"hello"_s, {}, {}});
        store.flush();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        store.clear(u"chat-a"_s);
        store.flush();
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        QVERIFY(store.draft(u"chat-a"_s).isEmpty());
    }

    void hostileKey_withPathSeparators_staysInsideTheDirectory()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path() + u"/drafts"_s);
        store.setDraft(u"../../etc/passwd"_s, Draft{u"x"_s, {}, {}});
        store.flush();
        QCOMPARE(QDir(dir.path() + u"/drafts"_s).entryList(QDir::Files).size(), 1);
        QVERIFY(!QFile::exists(dir.path() + u"/etc/passwd"_s));
        QCOMPARE(store.draft(u"../../etc/passwd"_s).text, u"x"_s);
    }

    void corruptFile_onDisk_readsAsEmptyDraft()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"chat-b.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json at all \xff\xfe");
        file.close();
        DraftStore store(dir.path());
        QVERIFY(store.draft(u"chat-b"_s).isEmpty());
    }

    void inMemorySecretStore_roundTrip_answersAsynchronouslyOnce()
    {
        InMemorySecretStore store;
        QVERIFY(!store.isPersistent());
        int calls = 0;
        SecretResult last;
        store.writeToken(u"https://a"_s, u"tok"_s, [&](const SecretResult &r) {
            ++calls;
            last = r;
        });
        QCOMPARE(calls, 0); // never synchronous
        QTRY_COMPARE(calls, 1);
        QVERIFY(last.ok());
        store.readToken(u"https://a"_s, [&](const SecretResult &r) {
            ++calls;
            last = r;
        });
        QTRY_COMPARE(calls, 2);
        QCOMPARE(last.value, u"tok"_s);
        store.deleteToken(u"https://a"_s, [&](const SecretResult &r) {
            ++calls;
            last = r;
        });
        QTRY_COMPARE(calls, 3);
        store.readToken(u"https://a"_s, [&](const SecretResult &r) {
            ++calls;
            last = r;
        });
        QTRY_COMPARE(calls, 4);
        QCOMPARE(last.status, SecretResult::Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "TestDraftStore.moc"
