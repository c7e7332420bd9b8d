#pragma once

#include <QObject>

class QDBusVariant;
class QVariant;

namespace AgentDesk {

//! The desktop's light/dark preference from the XDG Settings portal
//! (org.freedesktop.portal.Settings, namespace org.freedesktop.appearance, key color-scheme:
//! 0 no preference, 1 prefer dark, 2 prefer light). Qt 6.4 has no colour-scheme API of its
//! own; Appearance uses this there and QStyleHints::colorScheme() on Qt 6.5 and newer.
//! Asynchronous: the first answer arrives as schemeChanged(); without a session bus or portal
//! the scheme stays NoPreference and nothing is emitted.
class ColorSchemePortal final : public QObject
{
    Q_OBJECT

public:
    enum class Scheme { NoPreference, Dark, Light };
    Q_ENUM(Scheme)

    explicit ColorSchemePortal(QObject *parent = nullptr);

    Scheme scheme() const noexcept { return m_scheme; }
    //! True once the portal answered the first read.
    bool hasAnswered() const noexcept { return m_answered; }

    //! The portal's value, however deeply wrapped in D-Bus variants, as a Scheme; anything
    //! unexpected is NoPreference.
    static Scheme schemeFromValue(const QVariant &value);

signals:
    void schemeChanged(AgentDesk::ColorSchemePortal::Scheme scheme);

private slots:
    // QtDBus connects signals by signature string only, so this must be a slot.
    void handleSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void setScheme(Scheme scheme);

    Scheme m_scheme = Scheme::NoPreference;
    bool m_answered = false;
};

} // namespace AgentDesk
