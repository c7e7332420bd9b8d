#include "platform/ColorSchemePortal.h"

#include "core/Logging.h"
#include "platform/XdgPortal.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr auto settingsInterface = "org.freedesktop.portal.Settings"_L1;
constexpr auto appearanceGroup = "org.freedesktop.appearance"_L1;
constexpr auto colorSchemeKey = "color-scheme"_L1;

} // namespace

ColorSchemePortal::ColorSchemePortal(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCDebug(lcUi) << "no session bus: colour scheme from the settings only";
        return;
    }
    bus.connect(XdgPortal::service, XdgPortal::path, settingsInterface, u"SettingChanged"_s, this,
        SLOT(handleSettingChanged(QString, QString, QDBusVariant)));
    // Read (version 1) answers every portal version; ReadOne came later.
    QDBusMessage call = XdgPortal::methodCall(settingsInterface, u"Read"_s);
    call << QString(appearanceGroup) << QString(colorSchemeKey);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 3000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            const QDBusPendingReply<QDBusVariant> reply = *finished;
            if (reply.isError()) {
                qCDebug(lcUi) << "no colour scheme from the portal:" << reply.error().message();
                return;
            }
            m_answered = true;
            setScheme(schemeFromValue(QVariant::fromValue(reply.value())));
        });
}

ColorSchemePortal::Scheme ColorSchemePortal::schemeFromValue(const QVariant &value)
{
    QVariant inner = value;
    // Read returns the value wrapped in a variant inside the reply's variant; unwrap all.
    for (int depth = 0; depth < 4 && inner.metaType() == QMetaType::fromType<QDBusVariant>();
         ++depth)
        inner = qvariant_cast<QDBusVariant>(inner).variant();
    bool ok = false;
    const uint number = inner.toUInt(&ok);
    if (!ok)
        return Scheme::NoPreference;
    switch (number) {
    case 1:
        return Scheme::Dark;
    case 2:
        return Scheme::Light;
    default:
        return Scheme::NoPreference;
    }
}

void ColorSchemePortal::handleSettingChanged(
    const QString &group, const QString &key, const QDBusVariant &value)
{
    if (group != appearanceGroup || key != colorSchemeKey)
        return;
    m_answered = true;
    setScheme(schemeFromValue(QVariant::fromValue(value)));
}

void ColorSchemePortal::setScheme(Scheme scheme)
{
    // Emitted for the first answer even when it equals the default, so listeners know.
    m_scheme = scheme;
    emit schemeChanged(scheme);
}

} // namespace AgentDesk
