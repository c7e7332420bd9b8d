#include "platform/ScreenshotPortal.h"

#include "core/Logging.h"
#include "platform/XdgPortal.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr QStringView screenshotInterface = u"org.freedesktop.portal.Screenshot";
constexpr QStringView requestInterface = u"org.freedesktop.portal.Request";

} // namespace

ScreenshotPortal::ScreenshotPortal(QObject *parent)
    : QObject(parent)
{
}

ScreenshotPortal::~ScreenshotPortal()
{
    stopListening();
}

void ScreenshotPortal::setAvailability(Availability availability, const QString &reason)
{
    m_availability = availability;
    m_reason = reason;
    emit availabilityChanged(availability == Availability::Available, reason);
}

void ScreenshotPortal::probe()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        setAvailability(Availability::Unavailable,
            tr("Screen capture needs a desktop session bus (D-Bus), and none is running."));
        return;
    }
    // Reading the interface's version both proves the portal runs (or can be activated) and
    // that it has the Screenshot interface at all.
    QDBusMessage message = XdgPortal::methodCall(u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    message << screenshotInterface.toString() << u"version"_s;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, 5000), this);
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
            call->deleteLater();
            const QDBusPendingReply<QDBusVariant> reply = *call;
            if (reply.isError()) {
                qCDebug(lcUi) << "screenshot portal unavailable:" << reply.error().name();
                setAvailability(Availability::Unavailable,
                    tr("Screen capture needs xdg-desktop-portal with a screenshot backend "
                       "(for example xdg-desktop-portal-gnome or -kde); none answered."));
                return;
            }
            setAvailability(Availability::Available, {});
        });
}

bool ScreenshotPortal::capture(const QString &parentWindow)
{
    if (isCapturing() || m_availability == Availability::Unavailable)
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    // The Request object path is predictable from our unique name and the token; subscribe
    // before calling so a fast Response cannot be missed.
    const QString token = u"agentdesk%1"_s.arg(++m_tokenCounter);
    QString sender = bus.baseService();
    sender.remove(0, 1); // ":1.42" → "1.42"
    sender.replace(u'.', u'_');
    listenTo(u"%1/request/%2/%3"_s.arg(XdgPortal::path, sender, token));

    QDBusMessage message = XdgPortal::methodCall(screenshotInterface.toString(), u"Screenshot"_s);
    const QVariantMap options{
        {u"handle_token"_s, token}, {u"interactive"_s, true}, {u"modal"_s, true}};
    message << parentWindow << options;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message), this);
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
            call->deleteLater();
            const QDBusPendingReply<QDBusObjectPath> reply = *call;
            if (reply.isError()) {
                stopListening();
                setAvailability(Availability::Unavailable,
                    tr("The screenshot portal refused the request: %1")
                        .arg(reply.error().message()));
                emit failed(m_reason);
                return;
            }
            // Portals older than version 0.9 pick their own path: follow it.
            const QString path = reply.value().path();
            if (!path.isEmpty() && path != m_requestPath)
                listenTo(path);
        });
    return true;
}

void ScreenshotPortal::listenTo(const QString &requestPath)
{
    stopListening();
    m_requestPath = requestPath;
    QDBusConnection::sessionBus().connect(XdgPortal::service, m_requestPath,
        requestInterface.toString(), u"Response"_s, this, SLOT(handleResponse(uint, QVariantMap)));
}

void ScreenshotPortal::stopListening()
{
    if (m_requestPath.isEmpty())
        return;
    QDBusConnection::sessionBus().disconnect(XdgPortal::service, m_requestPath,
        requestInterface.toString(), u"Response"_s, this, SLOT(handleResponse(uint, QVariantMap)));
    m_requestPath.clear();
}

void ScreenshotPortal::handleResponse(uint response, const QVariantMap &results)
{
    stopListening();
    // 0 = success, 1 = cancelled by the user, 2 = ended in some other way.
    if (response == 1) {
        emit cancelled();
        return;
    }
    const QUrl uri(results.value(u"uri"_s).toString());
    if (response != 0 || !uri.isLocalFile()) {
        emit failed(tr("The screenshot could not be taken."));
        return;
    }
    emit captured(uri.toLocalFile());
}

} // namespace AgentDesk
