#pragma once

#include "platform/ColorSchemePortal.h"

#include <QFont>
#include <QObject>
#include <QPalette>

namespace AgentDesk {

class AppSettings;

//! Applies the theme and font size from AppSettings to the whole application: Light and Dark
//! set AgentDesk's own palettes; System follows the desktop (QStyleHints on Qt 6.5+, the XDG
//! Settings portal on 6.4) and changes live when the desktop switches. Widgets get the usual
//! PaletteChange/FontChange events; views that cache colours listen for those.
class Appearance final : public QObject
{
    Q_OBJECT

public:
    //! \a settings is not owned. Remembers the palette and font the platform gave the app,
    //! so System and "default size" can go back to them.
    explicit Appearance(AppSettings *settings, QObject *parent = nullptr);

    //! Applies the settings now (call after the settings dialog saved).
    void apply();
    //! Whether the applied palette is dark.
    bool isDark() const noexcept { return m_dark; }
    ColorSchemePortal::Scheme systemScheme() const noexcept { return m_systemScheme; }

    static QPalette lightPalette();
    static QPalette darkPalette();

public slots:
    //! The desktop's preference changed (fed by the portal or QStyleHints; tests call it).
    void setSystemScheme(AgentDesk::ColorSchemePortal::Scheme scheme);

signals:
    //! After every apply(): the palette is in place (Icons recolour on this).
    void applied(bool dark);

private:
    AppSettings *m_settings;
    QPalette m_platformPalette;
    QFont m_platformFont;
    ColorSchemePortal::Scheme m_systemScheme = ColorSchemePortal::Scheme::NoPreference;
    bool m_dark = false;
};

} // namespace AgentDesk
