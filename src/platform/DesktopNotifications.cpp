#include "platform/DesktopNotifications.h"

#include "core/Logging.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr auto service = "org.freedesktop.Notifications"_L1;
constexpr auto path = "/org/freedesktop/Notifications"_L1;
constexpr auto interface = "org.freedesktop.Notifications"_L1;
constexpr int expireDefault = -1;

} // namespace

DesktopNotifications::DesktopNotifications(const QString &appName, QObject *parent)
    : NotificationSink(parent)
    , m_appName(appName)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCDebug(lcUi) << "no session bus: desktop notifications off";
        return;
    }
    bus.connect(service, path, interface, u"ActionInvoked"_s, this,
        SLOT(handleActionInvoked(uint, QString)));
    bus.connect(service, path, interface, u"NotificationClosed"_s, this,
        SLOT(handleNotificationClosed(uint, uint)));
    queryCapabilities();
}

void DesktopNotifications::queryCapabilities()
{
    const QDBusMessage call =
        QDBusMessage::createMethodCall(service, path, interface, u"GetCapabilities"_s);
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            const QDBusPendingReply<QStringList> reply = *finished;
            if (reply.isError()) {
                qCDebug(lcUi) << "no notification server:" << reply.error().message();
                return;
            }
            m_capabilities = reply.value();
            m_available = true;
        });
}

void DesktopNotifications::show(const NotificationRequest &request)
{
    if (!m_available)
        return;
    if (const auto inFlight = m_inFlight.find(request.chatId); inFlight != m_inFlight.end()) {
        *inFlight = request; // sent when the earlier Notify tells which id to replace
        return;
    }
    QStringList actions;
    if (m_capabilities.contains(u"actions"_s)) {
        actions << u"default"_s << tr("Open");
        actions << u"open"_s << tr("Open");
        for (int i = 0; i < request.answers.size(); ++i)
            actions << u"answer:%1"_s.arg(i) << request.answers.at(i);
        if (request.canStop)
            actions << u"stop"_s << tr("Stop");
    }
    QString body = request.body;
    if (m_capabilities.contains(u"body-markup"_s))
        body = body.toHtmlEscaped(); // chat text is never markup
    QVariantMap hints;
    hints.insert(u"desktop-entry"_s, u"io.github.agentdesk.AgentDesk"_s);
    hints.insert(u"urgency"_s,
        QVariant::fromValue(uchar(request.kind == NotificationRequest::Kind::Finished ? 1 : 2)));
    hints.insert(u"category"_s,
        request.kind == NotificationRequest::Kind::Failed ? u"im.error"_s : u"im.received"_s);
    // Desktop Notifications Specification hints; the name is from the freedesktop sound theme.
    if (request.playSound)
        hints.insert(u"sound-name"_s, u"message-new-instant"_s);
    else
        hints.insert(u"suppress-sound"_s, true);

    const uint replaces = m_notificationByChat.value(request.chatId, 0);
    QDBusMessage call = QDBusMessage::createMethodCall(service, path, interface, u"Notify"_s);
    call << m_appName << replaces << u"io.github.agentdesk.AgentDesk"_s << request.summary << body
         << actions << hints << expireDefault;
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    const ChatId chatId = request.chatId;
    m_inFlight.insert(chatId, std::nullopt);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, chatId](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            const QDBusPendingReply<uint> reply = *finished;
            if (reply.isError())
                qCWarning(lcUi) << "Notify failed:" << reply.error().message();
            handleNotified(chatId, reply.isError() ? 0 : reply.value());
        });
}

void DesktopNotifications::handleNotified(const ChatId &chatId, uint id)
{
    if (id != 0) {
        m_chatByNotification.insert(id, chatId);
        m_notificationByChat.insert(chatId, id);
    }
    const std::optional<NotificationRequest> held = m_inFlight.take(chatId);
    if (held)
        show(*held);
}

void DesktopNotifications::handleActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_chatByNotification.constFind(id);
    if (it == m_chatByNotification.cend())
        return; // another application's notification
    emit activated(*it, actionKey);
}

void DesktopNotifications::handleNotificationClosed(uint id, uint)
{
    const auto it = m_chatByNotification.constFind(id);
    if (it == m_chatByNotification.cend())
        return;
    m_notificationByChat.remove(*it);
    m_chatByNotification.erase(it);
}

} // namespace AgentDesk
