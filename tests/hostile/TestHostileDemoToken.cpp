// Issue 11, item 5 (e): demo mode put the simulator's session token on its command line,
// where `ps` shows it to every local user. Application::startSimulator now passes it in the
// environment (AGENTDESK_SIM_TOKEN). A stand-in simulator ($AGENTDESK_SIM, a shell script)
// records its command line and whether it received the token, then exits.

#include "app/Application.h"
#include "support/WriteFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestHostileDemoToken : public QObject
{
    Q_OBJECT

private slots:
    void demoMode_passesTheTokenOutsideTheCommandLine();
};

void TestHostileDemoToken::demoMode_passesTheTokenOutsideTheCommandLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = dir.filePath(u"fake-sim.sh"_s);
    const QByteArray out = QFile::encodeName(dir.path());
    QVERIFY(writeFile(script,
        "#!/bin/sh\n"
        "printf '%s\\n' \"$0\" \"$@\" > '"
            + out
            + "/args'\n"
              "printf '%s' \"$AGENTDESK_SIM_TOKEN\" > '"
            + out
            + "/token'\n"
              "cat /proc/$$/cmdline > '"
            + out
            + "/cmdline' 2>/dev/null\n"
              "touch '"
            + out + "/done'\n"));
    QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("AGENTDESK_SIM", QFile::encodeName(script));

    Application::Options options;
    options.demo = true;
    options.storageDirectory = dir.filePath(u"storage"_s);
    Application app(options);
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(u"done"_s)), 20'000);

    auto read = [&](const QString &name) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray arguments = read(u"args"_s);
    const QByteArray token = read(u"token"_s);
    QVERIFY2(arguments.contains("--demo"), arguments.constData());
    QVERIFY2(!arguments.contains("--token"), arguments.constData());
    QVERIFY2(!token.isEmpty(), "the simulator did not receive AGENTDESK_SIM_TOKEN");
    QVERIFY2(!arguments.contains(token), "the token is on the command line");
    QVERIFY(!read(u"cmdline"_s).contains(token));
    qunsetenv("AGENTDESK_SIM");
}

QTEST_MAIN(TestHostileDemoToken)
#include "TestHostileDemoToken.moc"
