#pragma once

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QUrl>

#include <memory>

namespace AgentDesk {

//! The only class that touches QSettings: one typed accessor pair per key, with the key string
//! and the default in one place. Holds no secret, ever — the session token lives in the
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
    QString organizationId() const;
    void setOrganizationId(const QString &id);
    QString lastChatId() const;
    void setLastChatId(const QString &id);
    //! Chats the user marked unread (the Chats API has no unread endpoint, §14.10).
    QStringList unreadMarks() const;
    void setUnreadMarks(const QStringList &chatIds);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    SendKey sendKey() const;
    void setSendKey(SendKey key);
    Theme theme() const;
    void setTheme(Theme theme);
    int fontPointSize() const; //!< 0 = the desktop's default
    void setFontPointSize(int size);
    QString language() const; //!< Empty = follow the system locale.
    void setLanguage(const QString &language);

    bool notifyOnFinished() const;
    void setNotifyOnFinished(bool on);
    bool notifyOnError() const;
    void setNotifyOnError(bool on);
    bool notifyOnNeedsInput() const;
    void setNotifyOnNeedsInput(bool on);
    bool notificationSound() const;
    void setNotificationSound(bool on);
    bool closeToTray() const;
    void setCloseToTray(bool on);
    bool startAtLogin() const;
    void setStartAtLogin(bool on);
    int cacheSizeMegabytes() const;
    void setCacheSizeMegabytes(int megabytes);

    //! Where the settings are stored (for diagnostics and tests).
    QString fileName() const;
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace AgentDesk
