// The desktop services AgentDesk talks to over D-Bus, against fake services on a private
// session bus (ctest runs this under dbus-run-session): the XDG Settings portal's
// color-scheme (read at start and followed live) and the notification server (Notify with
// actions and sound hints, ActionInvoked mapped back to the chat).

#include "platform/ColorSchemePortal.h"
#include "platform/DesktopNotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int waitMs = 5000;

QDBusConnection serviceBus()
{
    // The fakes live on their own connection, so the code under test talks to them over the
    // real bus, exactly as it would to the desktop's services.
    return QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-desktop"_s);
}

} // namespace

class FakePortalSettings : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")

public:
    uint colorScheme = 1; // prefer dark
    int reads = 0;

    void change(uint value)
    {
        colorScheme = value;
        QDBusMessage signal = QDBusMessage::createSignal(u"/org/freedesktop/portal/desktop"_s,
            u"org.freedesktop.portal.Settings"_s, u"SettingChanged"_s);
        signal << u"org.freedesktop.appearance"_s << u"color-scheme"_s
               << QVariant::fromValue(QDBusVariant(colorScheme));
        serviceBus().send(signal);
    }

public slots:
    QDBusVariant Read(const QString &group, const QString &key)
    {
        ++reads;
        if (group != "org.freedesktop.appearance"_L1 || key != "color-scheme"_L1) {
            sendErrorReply(u"org.freedesktop.portal.Error.NotFound"_s, u"no such setting"_s);
            return {};
        }
        // Version 1 of Read wraps the value in a second variant, as the real portal does.
        return QDBusVariant(QVariant::fromValue(QDBusVariant(colorScheme)));
    }
};

class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        uint id;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;
    uint nextId = 41;

    void invoke(uint id, const QString &action)
    {
        QDBusMessage signal = QDBusMessage::createSignal(u"/org/freedesktop/Notifications"_s,
            u"org.freedesktop.Notifications"_s, u"ActionInvoked"_s);
        signal << id << action;
        serviceBus().send(signal);
    }

public slots:
    QStringList GetCapabilities() { return {u"actions"_s, u"body"_s, u"sound"_s}; }

    uint Notify(const QString &, uint replacesId, const QString &, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        const uint id = replacesId ? replacesId : ++nextId;
        shown.append({id, summary, body, actions, hints});
        return id;
    }
};

class TestDesktopBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QFAIL("no session bus: run this test through dbus-run-session (ctest does)");
        QDBusConnection bus = serviceBus();
        QVERIFY(bus.registerObject(
            u"/org/freedesktop/portal/desktop"_s, &m_portal, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(u"org.freedesktop.portal.Desktop"_s));
        QVERIFY(bus.registerObject(u"/org/freedesktop/Notifications"_s, &m_notifications,
            QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(u"org.freedesktop.Notifications"_s));
    }

    void portal_firstRead_givesTheDesktopsScheme()
    {
        m_portal.colorScheme = 1;
        ColorSchemePortal portal;
        QSignalSpy changed(&portal, &ColorSchemePortal::schemeChanged);
        QTRY_VERIFY_WITH_TIMEOUT(portal.hasAnswered(), waitMs);
        QCOMPARE(portal.scheme(), ColorSchemePortal::Scheme::Dark);
        QCOMPARE(changed.size(), 1);
    }

    void portal_settingChanged_isFollowedLive()
    {
        m_portal.colorScheme = 0;
        ColorSchemePortal portal;
        QTRY_VERIFY_WITH_TIMEOUT(portal.hasAnswered(), waitMs);
        QCOMPARE(portal.scheme(), ColorSchemePortal::Scheme::NoPreference);
        m_portal.change(1);
        QTRY_COMPARE_WITH_TIMEOUT(portal.scheme(), ColorSchemePortal::Scheme::Dark, waitMs);
        m_portal.change(2);
        QTRY_COMPARE_WITH_TIMEOUT(portal.scheme(), ColorSchemePortal::Scheme::Light, waitMs);
    }

    void portal_oddValues_meanNoPreference()
    {
        QCOMPARE(ColorSchemePortal::schemeFromValue(QVariant(u"dark"_s)),
            ColorSchemePortal::Scheme::NoPreference);
        QCOMPARE(ColorSchemePortal::schemeFromValue(QVariant(7u)),
            ColorSchemePortal::Scheme::NoPreference);
        QCOMPARE(ColorSchemePortal::schemeFromValue(QVariant()),
            ColorSchemePortal::Scheme::NoPreference);
        QCOMPARE(ColorSchemePortal::schemeFromValue(
                     QVariant::fromValue(QDBusVariant(QVariant::fromValue(QDBusVariant(2u))))),
            ColorSchemePortal::Scheme::Light);
    }

    void notifications_showWithActionsAndSoundHints_andMapClicksBack()
    {
        m_notifications.shown.clear();
        DesktopNotifications sink(u"AgentDesk"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sink.isAvailable(), waitMs);
        QVERIFY(sink.capabilities().contains(u"actions"_s));

        NotificationRequest request;
        request.chatId = ChatId(QUuid::createUuid());
        request.kind = NotificationRequest::Kind::NeedsInput;
        request.summary = u"Fix the flaky test"_s;
        request.body = u"The agent needs your input."_s;
        request.canStop = true;
        request.playSound = true;
        sink.show(request);
        // The same chat again, before the server has answered the first Notify: it replaces the
        // first notification (sent once its id is known), quietly when asked.
        NotificationRequest again = request;
        again.playSound = false;
        sink.show(again);
        QTRY_COMPARE_WITH_TIMEOUT(m_notifications.shown.size(), 2, waitMs);
        const auto first = m_notifications.shown.first();
        QCOMPARE(first.summary, request.summary);
        QVERIFY(first.actions.contains(u"stop"_s));
        QCOMPARE(first.hints.value(u"sound-name"_s).toString(), u"message-new-instant"_s);
        QCOMPARE(
            first.hints.value(u"desktop-entry"_s).toString(), u"io.github.agentdesk.AgentDesk"_s);
        QCOMPARE(m_notifications.shown.last().id, first.id);
        QVERIFY(m_notifications.shown.last().hints.value(u"suppress-sound"_s).toBool());
        QVERIFY(!m_notifications.shown.last().hints.contains(u"sound-name"_s));

        // And once more after the answer: replaced again, no third notification id.
        sink.show(again);
        QTRY_COMPARE_WITH_TIMEOUT(m_notifications.shown.size(), 3, waitMs);
        QCOMPARE(m_notifications.shown.last().id, first.id);

        QSignalSpy activated(&sink, &NotificationSink::activated);
        m_notifications.invoke(first.id, u"stop"_s);
        QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 1, waitMs);
        QCOMPARE(activated.first().at(0).value<ChatId>(), request.chatId);
        QCOMPARE(activated.first().at(1).toString(), u"stop"_s);

        // Another application's notification is not ours to act on.
        m_notifications.invoke(9999, u"default"_s);
        QTest::qWait(200);
        QCOMPARE(activated.size(), 1);
    }

private:
    FakePortalSettings m_portal;
    FakeNotificationServer m_notifications;
};

QTEST_MAIN(TestDesktopBus)
#include "TestDesktopBus.moc"
