// Issue 11, item 4: drafts survive being killed while the user types. A real child process
// (agentdesk-draft-typist) types into the real composer without pause for 3 s and is then
// killed with SIGKILL; the draft on disk must hold what was typed before the kill. Before the
// fix the save timer restarted on every key, so nothing was written until the user paused.

#include "core/storage/DraftStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/types.h>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int typingMs = 3000;

QString typedText(qsizetype count)
{
    const QString pattern = u"the quick brown fox jumps over the lazy dog "_s;
    QString text;
    for (qsizetype i = 0; i < count; ++i)
        text += pattern.at(i % pattern.size());
    return text;
}

} // namespace

class TestHostileDraftKill : public QObject
{
    Q_OBJECT

private slots:
    void continuousTyping_killedWithSigkill_draftSurvives();
};

void TestHostileDraftKill::continuousTyping_killedWithSigkill_draftSurvives()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString drafts = dir.filePath(u"drafts"_s);
    const QString key = u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s;

    QProcess typist;
    typist.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    typist.setProcessEnvironment(environment);
    typist.start(QStringLiteral(AGENTDESK_DRAFT_TYPIST), {drafts, key});
    QVERIFY2(typist.waitForStarted(10'000), qPrintable(typist.errorString()));

    // Follow its progress report; kill it once it has typed for 3 s without a pause.
    qsizetype typedBeforeKill = 0;
    QByteArray pending;
    bool killed = false;
    QObject::connect(&typist, &QProcess::readyReadStandardOutput, &typist, [&] {
        pending += typist.readAllStandardOutput();
        qsizetype newline;
        while (!killed && (newline = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> fields = pending.left(newline).split(' ');
            pending.remove(0, newline + 1);
            if (fields.size() != 3 || fields.at(0) != "typed")
                continue;
            typedBeforeKill = fields.at(2).toLongLong();
            if (fields.at(1).toLongLong() >= typingMs) {
                ::kill(pid_t(typist.processId()), SIGKILL);
                killed = true;
            }
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(killed, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(typist.state(), QProcess::NotRunning, 10'000);
    QCOMPARE(typist.exitStatus(), QProcess::CrashExit);
    QVERIFY(typedBeforeKill > 0);

    // The draft file is whole (written atomically) and holds text typed before the kill.
    const QStringList files = QDir(drafts).entryList({u"*.json"_s}, QDir::Files);
    QVERIFY2(!files.isEmpty(), "no draft was written during 3 s of continuous typing");
    QFile file(QDir(drafts).filePath(files.first()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isObject());

    DraftStore store(drafts);
    const QString saved = store.draft(key).text;
    QVERIFY2(!saved.isEmpty(), "the draft is empty");
    QVERIFY2(typedText(typedBeforeKill).startsWith(saved),
        qPrintable(u"saved %1 chars that were not typed"_s.arg(saved.size())));
    qInfo("typed %lld characters before the kill; the draft held %lld",
        static_cast<long long>(typedBeforeKill), static_cast<long long>(saved.size()));
}

QTEST_GUILESS_MAIN(TestHostileDraftKill)
#include "TestHostileDraftKill.moc"
