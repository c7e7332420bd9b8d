#pragma once

#include <QString>

namespace AgentDesk {

//! "Start at login" the freedesktop way (XDG Autostart Specification): a desktop entry in
//! $XDG_CONFIG_HOME/autostart named after the app id. Enabling writes it, disabling removes
//! it; nothing else on the system is touched. The entry starts AgentDesk with --background,
//! so it waits in the tray instead of opening its window over the new session.
class Autostart final
{
public:
    //! The entry's file name (the application id, so desktops match it to the app).
    static constexpr auto fileName = "io.github.agentdesk.AgentDesk.desktop";

    //! $XDG_CONFIG_HOME/autostart/<fileName> (~/.config/autostart/… by default).
    static QString entryPath();
    //! True when the entry exists and is not hidden (a user may hide it in their session tool).
    static bool isEnabled();
    //! Writes or removes the entry. \a executable is the absolute path to start; it is quoted
    //! as the Desktop Entry Specification says. On failure returns false and says why in
    //! \a error, in words for the user.
    static bool setEnabled(bool enabled, const QString &executable, QString *error = nullptr);
    //! What the entry should start: this binary, or the AppImage file when running from one
    //! (its mount point changes every run). Flatpak would need the Background portal instead;
    //! that packaging is a recipe only (README).
    static QString launcherPath();
    //! The entry's text for \a executable.
    static QString entryText(const QString &executable);
    //! \a argument quoted for an Exec= key when it needs it.
    static QString quoteExecArgument(const QString &argument);
};

} // namespace AgentDesk
