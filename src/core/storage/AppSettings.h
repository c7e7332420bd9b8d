#pragma once

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QUrl>
#include <QVariant>

#include <memory>
#include <utility>

namespace AgentDesk {

//! The only class that touches QSettings: one typed accessor pair per key, with the key string
//! and the default in one place (the table in AppSettings.cpp). Holds no secret, ever — the session token lives in the
//! keychain (SecretStore); nothing here may take a token as an argument.
class AppSettings final
{
public:
    enum class SendKey { Enter, CtrlEnter };
    enum class Theme { System, Light, Dark };

    //! Settings in the user's config location (INI format).
    AppSettings();
    //! Settings in a given INI file (tests, portable setups).
    explicit AppSettings(const QString &iniFile);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    //! The deployment URL, e.g. https://coder.example.com (origin only, no path or query).
    QUrl deploymentUrl() const;
    void setDeploymentUrl(const QUrl &url);
    //! Every deployment signed in to so far, the current one included (origins, oldest
    //! first). Their tokens are in the keychain, keyed by origin; this list is how the
    //! settings dialog offers to switch between them.
    QList<QUrl> knownDeployments() const;
    //! Adds \a url (origin only) to knownDeployments() unless it is there already.
    void rememberDeployment(const QUrl &url);
    void forgetDeployment(const QUrl &url);
    QString organizationId() const { return value(Key::OrganizationId).toString(); }
    void setOrganizationId(const QString &id) { setValue(Key::OrganizationId, id); }
    QString lastChatId() const { return value(Key::LastChatId).toString(); }
    void setLastChatId(const QString &id) { setValue(Key::LastChatId, id); }
    //! Chats the user marked unread (the Chats API has no unread endpoint, §14.10).
    QStringList unreadMarks() const;
    void setUnreadMarks(const QStringList &chatIds);

    QByteArray windowGeometry() const { return value(Key::WindowGeometry).toByteArray(); }
    void setWindowGeometry(const QByteArray &geometry) { setValue(Key::WindowGeometry, geometry); }
    QByteArray windowState() const { return value(Key::WindowState).toByteArray(); }
    void setWindowState(const QByteArray &state) { setValue(Key::WindowState, state); }
    QByteArray splitterState() const { return value(Key::SplitterState).toByteArray(); }
    void setSplitterState(const QByteArray &state) { setValue(Key::SplitterState, state); }

    SendKey sendKey() const;
    void setSendKey(SendKey key);
    Theme theme() const;
    void setTheme(Theme theme);
    int fontPointSize() const; //!< 0 = the desktop's default
    void setFontPointSize(int size);
    //! Empty = follow the system locale.
    QString language() const { return value(Key::Language).toString(); }
    void setLanguage(const QString &language) { setValue(Key::Language, language); }

    bool notifyOnFinished() const { return value(Key::NotifyFinished).toBool(); }
    void setNotifyOnFinished(bool on) { setValue(Key::NotifyFinished, on); }
    bool notifyOnError() const { return value(Key::NotifyError).toBool(); }
    void setNotifyOnError(bool on) { setValue(Key::NotifyError, on); }
    bool notifyOnNeedsInput() const { return value(Key::NotifyNeedsInput).toBool(); }
    void setNotifyOnNeedsInput(bool on) { setValue(Key::NotifyNeedsInput, on); }
    bool notificationSound() const { return value(Key::NotifySound).toBool(); }
    void setNotificationSound(bool on) { setValue(Key::NotifySound, on); }
    bool closeToTray() const { return value(Key::CloseToTray).toBool(); }
    void setCloseToTray(bool on) { setValue(Key::CloseToTray, on); }
    bool startAtLogin() const { return value(Key::StartAtLogin).toBool(); }
    void setStartAtLogin(bool on) { setValue(Key::StartAtLogin, on); }
    int cacheSizeMegabytes() const;
    void setCacheSizeMegabytes(int megabytes);

    //! Where the settings are stored (for diagnostics and tests).
    QString fileName() const;
    void sync();

private:
    //! The keys whose accessors only read and write (the table in AppSettings.cpp names each
    //! one's settings key and default).
    enum class Key {
        OrganizationId,
        LastChatId,
        WindowGeometry,
        WindowState,
        SplitterState,
        Language,
        NotifyFinished,
        NotifyError,
        NotifyNeedsInput,
        NotifySound,
        CloseToTray,
        StartAtLogin,
    };
    //! The settings key and the default of \a key.
    static std::pair<QLatin1String, QVariant> plainKey(Key key);
    //! The stored value, or the key's default.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace AgentDesk
