// The real app with a real tray icon: under Xvfb (xcb) and a private D-Bus session, a fake
// StatusNotifierWatcher plays the desktop's tray host, so Qt shows its tray icon over D-Bus the
// way it does on KDE, GNOME with AppIndicator, and others. Then: --background (start at login)
// waits in the tray without a window, a link opens the window, closing the window keeps the app
// in the tray, and activating the tray icon brings the window back.

#include "app/Application.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "support/SimulatorProcess.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/TrayNotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QMutex>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int waitMs = 10000;

} // namespace

//! org.kde.StatusNotifierWatcher with one host registered. Lives in its own thread on its own
//! connection: Qt asks for its properties with blocking calls from the GUI thread.
class FakeTrayHost : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)

public:
    bool isHostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const
    {
        QMutexLocker lock(&m_mutex);
        return m_items;
    }

public slots:
    void RegisterStatusNotifierItem(const QString &service)
    {
        QMutexLocker lock(&m_mutex);
        m_items.append(service);
    }
    void RegisterStatusNotifierHost(const QString &) {}
    // No signals: QtDBus relays them through a child object, which cannot be made for an
    // object in another thread; Qt's tray icon does not need them.

private:
    mutable QMutex m_mutex;
    QStringList m_items;
};

class TestTrayWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
            "run through dbus-run-session (ctest does)");
        QVERIFY2(QGuiApplication::platformName() == "xcb"_L1,
            "needs a real X server (ctest runs this under xvfb-run)");
        m_hostThread.start();
        m_host = new FakeTrayHost;
        m_host->moveToThread(&m_hostThread);
        QDBusConnection bus =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-tray-host"_s);
        QVERIFY(bus.registerObject(u"/StatusNotifierWatcher"_s, m_host,
            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties));
        QVERIFY(bus.registerService(u"org.kde.StatusNotifierWatcher"_s));
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());

        m_sim = std::make_unique<SimulatorProcess>(QStringList{u"--demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void cleanupTestCase()
    {
        m_app.reset();
        QMetaObject::invokeMethod(m_host, &QObject::deleteLater);
        m_hostThread.quit();
        m_hostThread.wait();
    }

    void background_waitsInTheTray_untilALinkArrives()
    {
        startApp(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_app->trayNotifier() && m_app->trayNotifier()->isTrayVisible(), waitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_host->items().isEmpty(), waitMs); // registered with the host
        QVERIFY(m_app->mainWindow());
        QVERIFY(!m_app->mainWindow()->isVisible());
        QTest::qWait(300);
        QVERIFY(!m_app->mainWindow()->isVisible()); // still waiting in the tray

        const ChatId id =
            m_app->chatListModel()->index(0, 0).data(ChatListModel::ChatIdRole).value<ChatId>();
        m_app->handleArguments({u"agentdesk://chat/"_s + id.toString()});
        QTRY_VERIFY(m_app->mainWindow()->isVisible());
        QTRY_COMPARE(m_app->mainWindow()->visibleChatId(), id);
    }

    void close_keepsRunningInTheTray_andTheTrayBringsItBack()
    {
        startApp(false);
        MainWindow *window = m_app->mainWindow();
        QTRY_VERIFY(window->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->trayNotifier()->isTrayVisible(), waitMs);
        QSignalSpy quit(window, &MainWindow::quitRequested);
        QVERIFY(window->close() == false); // ignored: hidden to the tray instead
        QTRY_VERIFY(!window->isVisible());
        QCOMPARE(quit.size(), 0);
        QVERIFY(m_app->mainWindow()); // the session goes on

        // A click on the tray icon, as the desktop's tray host reports it.
        const QStringList items = m_host->items();
        QVERIFY(!items.isEmpty());
        QDBusMessage activate = QDBusMessage::createMethodCall(
            items.last(), u"/StatusNotifierItem"_s, u"org.kde.StatusNotifierItem"_s, u"Activate"_s);
        activate << 10 << 10;
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-tray-host"_s)
            .send(activate);
        QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), waitMs);
    }

private:
    void startApp(bool background)
    {
        m_app.reset();
        Application::Options options;
        options.deploymentUrl = m_sim->baseUrl();
        options.token = m_sim->token();
        options.isolatedStorage = true;
        options.startInBackground = background;
        m_app = std::make_unique<Application>(options);
        m_app->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_app->mainWindow() && m_app->chatDirectory() && m_app->chatDirectory()->isListLoaded(),
            waitMs);
        QTRY_VERIFY(m_app->chatListModel()->rowCount() > 0);
    }

    QThread m_hostThread;
    FakeTrayHost *m_host = nullptr;
    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<Application> m_app;
};

QTEST_MAIN(TestTrayWindow)
#include "TestTrayWindow.moc"
