// Start at login: the XDG autostart entry is written where the spec says, is a valid desktop
// entry (desktop-file-validate, when installed), quotes odd paths, and goes away again.

#include "platform/Autostart.h"
#include "support/TemporaryConfigHome.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestAutostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_config = std::make_unique<TemporaryConfigHome>();
        QVERIFY(m_config->isValid());
    }

    void entryPath_followsXdgConfigHome()
    {
        QCOMPARE(Autostart::entryPath(),
            m_config->filePath(u"autostart/io.github.agentdesk.AgentDesk.desktop"_s));
        QVERIFY(!Autostart::isEnabled());
    }

    void enable_writesAValidEntry_disable_removesIt()
    {
        const QString executable = u"/opt/Agent Desk/bin/agentdesk"_s;
        QString error;
        QVERIFY(Autostart::setEnabled(true, executable, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(Autostart::isEnabled());

        QFile file(Autostart::entryPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(u"[Desktop Entry]\n"_s));
        QVERIFY2(text.contains(u"\nExec=\"/opt/Agent Desk/bin/agentdesk\" --background\n"_s),
            qPrintable(text));
        QVERIFY(text.contains(u"\nType=Application\n"_s));

        const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        if (!validator.isEmpty()) {
            QProcess validate;
            validate.start(validator, {Autostart::entryPath()});
            QVERIFY(validate.waitForFinished(20000));
            const QByteArray output = validate.readAllStandardOutput();
            QVERIFY2(validate.exitCode() == 0 && output.trimmed().isEmpty(), output.constData());
        } else {
            qInfo("desktop-file-validate is not installed; the entry was checked by hand only");
        }

        QVERIFY(Autostart::setEnabled(false, executable, &error));
        QVERIFY(!QFile::exists(Autostart::entryPath()));
        QVERIFY(!Autostart::isEnabled());
        // Disabling twice is fine.
        QVERIFY(Autostart::setEnabled(false, executable, &error));
    }

    void hiddenEntry_countsAsDisabled()
    {
        QVERIFY(Autostart::setEnabled(true, u"/usr/bin/agentdesk"_s));
        QFile file(Autostart::entryPath());
        QVERIFY(file.open(QIODevice::Append));
        file.write("Hidden=true\n");
        file.close();
        QVERIFY(!Autostart::isEnabled());
    }

    void quoteExecArgument_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << u"/usr/bin/agentdesk"_s << u"/usr/bin/agentdesk"_s;
        QTest::newRow("space") << u"/a b/agentdesk"_s << u"\"/a b/agentdesk\""_s;
        QTest::newRow("dollar") << u"/a$b"_s << u"\"/a\\$b\""_s;
        QTest::newRow("quote") << u"/a\"b"_s << u"\"/a\\\"b\""_s;
        QTest::newRow("percent") << u"/a%b"_s << u"/a%%b"_s;
    }

    void quoteExecArgument()
    {
        QFETCH(QString, argument);
        QFETCH(QString, quoted);
        QCOMPARE(Autostart::quoteExecArgument(argument), quoted);
    }

    void launcherPath_isTheAppImageWhenRunFromOne()
    {
        QCOMPARE(Autostart::launcherPath(), QCoreApplication::applicationFilePath());
        const QString appImage = m_config->filePath(u"AgentDesk-x86_64.AppImage"_s);
        QFile file(appImage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(file.setPermissions(file.permissions() | QFileDevice::ExeUser));
        qputenv("APPIMAGE", QFile::encodeName(appImage));
        QCOMPARE(Autostart::launcherPath(), appImage);
        qunsetenv("APPIMAGE");
    }

    void unwritableConfig_saysWhy()
    {
        QFile blocker(m_config->filePath(u"autostart"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the directory should be
        blocker.close();
        QString error;
        QVERIFY(!Autostart::setEnabled(true, u"/usr/bin/agentdesk"_s, &error));
        QVERIFY(!error.isEmpty());
    }

private:
    std::unique_ptr<TemporaryConfigHome> m_config;
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "TestAutostart.moc"
