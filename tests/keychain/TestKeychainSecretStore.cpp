// Runs under tools/with-keyring.sh: a private D-Bus session with an unlocked gnome-keyring.
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "keychain/KeychainSecretStore.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

//! Runs one store operation and waits (in the test only) for its single answer.
template<typename Start>
SecretResult await(SecretStore &store, Start start)
{
    std::optional<SecretResult> result;
    int calls = 0;
    start(store, [&](const SecretResult &r) {
        result = r;
        ++calls;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10'000))
        return SecretResult{SecretResult::Status::Failed, {}, u"timed out"_s};
    QTest::qWait(50); // nothing may arrive twice
    if (calls != 1)
        return SecretResult{SecretResult::Status::Failed, {}, u"answered %1 times"_s.arg(calls)};
    return *result;
}

QStringList capturedLog;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog.append(message);
}

const QString deployment = u"https://coder.example.com"_s;
const QString token = u"AbCdEf1234-0123456789abcdefghijkl"_s;

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("AGENTDESK_KEYCHAIN_CHILD"))
            return;
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
            "run me through tools/with-keyring.sh");
        QStandardPaths::setTestModeEnabled(true);
    }

    void roundTrip_writeReadDelete_tokenComesBackThenIsGone()
    {
        if (qEnvironmentVariableIsSet("AGENTDESK_KEYCHAIN_CHILD"))
            QSKIP("child mode");
        KeychainSecretStore store;
        QVERIFY(store.isPersistent());

        SecretResult r =
            await(store, [](SecretStore &s, auto done) { s.writeToken(deployment, token, done); });
        QVERIFY2(r.ok(), qPrintable(r.error));

        r = await(store, [](SecretStore &s, auto done) { s.readToken(deployment, done); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value, token);

        // One token per deployment origin.
        r = await(store,
            [](SecretStore &s, auto done) { s.readToken(u"https://other.example.com"_s, done); });
        QCOMPARE(r.status, SecretResult::Status::NotFound);

        r = await(store, [](SecretStore &s, auto done) { s.deleteToken(deployment, done); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        r = await(store, [](SecretStore &s, auto done) { s.readToken(deployment, done); });
        QCOMPARE(r.status, SecretResult::Status::NotFound);
    }

    void token_storedLikeSignInDoes_appearsInNoSettingsFileDraftOrLog()
    {
        if (qEnvironmentVariableIsSet("AGENTDESK_KEYCHAIN_CHILD"))
            QSKIP("child mode");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QLoggingCategory::setFilterRules(u"agentdesk.*=true\nqt.*=false"_s);
        capturedLog.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);

        {
            // What sign-in keeps: the URL in settings, the token in the keychain.
            AppSettings settings(dir.filePath(u"agentdesk.ini"_s));
            settings.setDeploymentUrl(QUrl(deployment + u"/?coder_session_token="_s + token));
            settings.setOrganizationId(u"8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f"_s);
            settings.sync();
            DraftStore drafts(dir.filePath(u"drafts"_s));
            drafts.setDraft(DraftStore::newChatKey(), Draft{u"hello"_s, {}, {}});
            drafts.flush();

            KeychainSecretStore store;
            SecretResult r = await(
                store, [](SecretStore &s, auto done) { s.writeToken(deployment, token, done); });
            QVERIFY2(r.ok(), qPrintable(r.error));
            r = await(store, [](SecretStore &s, auto done) { s.readToken(deployment, done); });
            QCOMPARE(r.value, token);
            QCOMPARE(settings.deploymentUrl(), QUrl(deployment));
        }
        qInstallMessageHandler(previous);

        QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(token.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!content.contains("0123456789abcdefghijkl"), qPrintable(file.fileName()));
            ++files;
        }
        QCOMPARE_GE(files, 2);
        for (const QString &line : std::as_const(capturedLog))
            QVERIFY2(!line.contains(u"0123456789abcdefghijkl"_s), qPrintable(line));
    }

    void read_withoutSessionBus_saysUnavailable()
    {
        if (qEnvironmentVariableIsSet("AGENTDESK_KEYCHAIN_CHILD"))
            QSKIP("child mode");
        // QtDBus binds to one bus per process, so ask a child copy of this test with no bus.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"AGENTDESK_KEYCHAIN_CHILD"_s, u"1"_s);
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/agentdesk-bus"_s);
        env.remove(u"DISPLAY"_s);
        child.setProcessEnvironment(env);
        child.start(
            QCoreApplication::applicationFilePath(), {u"childReadWithoutBus"_s, u"-silent"_s});
        QVERIFY(child.waitForFinished(30'000));
        const QString output = QString::fromUtf8(child.readAllStandardOutput());
        QVERIFY2(output.contains(u"STATUS=unavailable"_s), qPrintable(output));
    }

    void childReadWithoutBus()
    {
        if (!qEnvironmentVariableIsSet("AGENTDESK_KEYCHAIN_CHILD"))
            QSKIP("only run as the child of read_withoutSessionBus_saysUnavailable");
        KeychainSecretStore store;
        const SecretResult r =
            await(store, [](SecretStore &s, auto done) { s.readToken(deployment, done); });
        const char *status =
            r.status == SecretResult::Status::Unavailable ? "unavailable" : "other";
        printf("STATUS=%s ERROR=%s\n", status, qPrintable(r.error));
        fflush(stdout);
        QVERIFY(!r.ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
