#include "core/storage/AppSettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_freshFile_areTheDocumentedOnes()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"a.ini"_s));
        QVERIFY(settings.deploymentUrl().isEmpty());
        QCOMPARE(settings.sendKey(), AppSettings::SendKey::Enter);
        QCOMPARE(settings.theme(), AppSettings::Theme::System);
        QVERIFY(settings.notifyOnFinished());
        QVERIFY(settings.notifyOnError());
        QVERIFY(settings.notifyOnNeedsInput());
        QVERIFY(!settings.notificationSound());
        QVERIFY(settings.closeToTray());
        QVERIFY(!settings.startAtLogin());
        QCOMPARE(settings.cacheSizeMegabytes(), 256);
        QCOMPARE(settings.fontPointSize(), 0);
    }

    void values_writtenAndReopened_roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.ini"_s);
        {
            AppSettings settings(path);
            settings.setDeploymentUrl(QUrl(u"https://coder.example.com"_s));
            settings.setOrganizationId(u"8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f"_s);
            settings.setLastChatId(u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s);
            settings.setWindowGeometry(QByteArray("\x01\x02\x00\xff", 4));
            settings.setSendKey(AppSettings::SendKey::CtrlEnter);
            settings.setTheme(AppSettings::Theme::Dark);
            settings.setFontPointSize(13);
            settings.setLanguage(u"de"_s);
            settings.setNotifyOnFinished(false);
            settings.setNotificationSound(true);
            settings.setCloseToTray(false);
            settings.setStartAtLogin(true);
            settings.setCacheSizeMegabytes(512);
        }
        AppSettings settings(path);
        QCOMPARE(settings.deploymentUrl(), QUrl(u"https://coder.example.com"_s));
        QCOMPARE(settings.organizationId(), u"8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f"_s);
        QCOMPARE(settings.lastChatId(), u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s);
        QCOMPARE(settings.windowGeometry(), QByteArray("\x01\x02\x00\xff", 4));
        QCOMPARE(settings.sendKey(), AppSettings::SendKey::CtrlEnter);
        QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
        QCOMPARE(settings.fontPointSize(), 13);
        QCOMPARE(settings.language(), u"de"_s);
        QVERIFY(!settings.notifyOnFinished());
        QVERIFY(settings.notificationSound());
        QVERIFY(!settings.closeToTray());
        QVERIFY(settings.startAtLogin());
        QCOMPARE(settings.cacheSizeMegabytes(), 512);
    }

    void deploymentUrl_withQueryPathAndUserInfo_keepsOnlyTheOrigin_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("stored");
        QTest::newRow("plain") << u"https://coder.example.com"_s << u"https://coder.example.com"_s;
        QTest::newRow("trailing slash")
            << u"https://coder.example.com/"_s << u"https://coder.example.com"_s;
        QTest::newRow("token in query") << u"https://coder.example.com/?coder_session_token=x-y"_s
                                        << u"https://coder.example.com"_s;
        QTest::newRow("page path")
            << u"https://coder.example.com/agents/3b6f"_s << u"https://coder.example.com"_s;
        QTest::newRow("user info and port") << u"https://alice:pw@coder.example.com:8443/x"_s
                                            << u"https://coder.example.com:8443"_s;
    }

    void deploymentUrl_withQueryPathAndUserInfo_keepsOnlyTheOrigin()
    {
        QFETCH(QString, input);
        QFETCH(QString, stored);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.ini"_s);
        {
            AppSettings settings(path);
            settings.setDeploymentUrl(QUrl(input));
        }
        AppSettings settings(path);
        QCOMPARE(settings.deploymentUrl().toString(), stored);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(!content.contains("coder_session_token"));
        QVERIFY(!content.contains("alice:pw"));
    }

    void knownDeployments_rememberedOnceAsOrigins_andForgotten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.ini"_s);
        {
            AppSettings settings(path);
            QVERIFY(settings.knownDeployments().isEmpty());
            settings.rememberDeployment(QUrl(u"https://a.example.com/agents/x?token=secret"_s));
            settings.rememberDeployment(QUrl(u"https://a.example.com"_s));
            settings.rememberDeployment(QUrl(u"https://b.example.com:8443/"_s));
            settings.rememberDeployment(QUrl(u"not a url"_s));
        }
        AppSettings settings(path);
        QCOMPARE(settings.knownDeployments(),
            (QList<QUrl>{QUrl(u"https://a.example.com"_s), QUrl(u"https://b.example.com:8443"_s)}));
        settings.forgetDeployment(QUrl(u"https://a.example.com/"_s));
        QCOMPARE(settings.knownDeployments(), QList<QUrl>{QUrl(u"https://b.example.com:8443"_s)});
        settings.sync();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("secret"));
    }

    void outOfRangeValues_inTheFile_areClamped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.ini"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[appearance]\nfontPointSize=9999\ntheme=purple\n[cache]\nsizeMegabytes=-3\n"
                   "[composer]\nsendKey=42\n");
        file.close();
        AppSettings settings(path);
        QCOMPARE(settings.fontPointSize(), 48);
        QCOMPARE(settings.theme(), AppSettings::Theme::System);
        QCOMPARE(settings.cacheSizeMegabytes(), 16);
        QCOMPARE(settings.sendKey(), AppSettings::SendKey::Enter);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "TestAppSettings.moc"
