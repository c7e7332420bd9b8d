#pragma once

// The XDG desktop portal (xdg-desktop-portal) that ColorSchemePortal and ScreenshotPortal talk
// to: one service and one object path; each portal is an interface on that object.

#include <QDBusMessage>
#include <QLatin1String>
#include <QString>

namespace AgentDesk::XdgPortal {

inline constexpr QLatin1String service("org.freedesktop.portal.Desktop");
inline constexpr QLatin1String path("/org/freedesktop/portal/desktop");

//! A call of \a method on the portal object's \a interface.
inline QDBusMessage methodCall(const QString &interface, const QString &method)
{
    return QDBusMessage::createMethodCall(service, path, interface, method);
}

} // namespace AgentDesk::XdgPortal
