#pragma once

#include <QDialog>
#include <QList>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace AgentDesk {

class AppSettings;

//! The settings dialog (objectName settingsDialog): General (send key, theme, font size,
//! language, start at login, tray), Notifications (per kind, sound), Deployments (switch, add,
//! forget) and Storage (cache size, clear). A view over AppSettings: OK and Apply write every
//! value to the settings and emit saved(); the application applies them (palette, font,
//! autostart entry, cache bound). The token is never shown or stored here — deployments are
//! signed in through the connect dialog and their tokens stay in the keychain.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        QUrl currentDeployment;
        //! Languages with a translation, as locale names ("de"); English is the source.
        QStringList languages = {QStringLiteral("de")};
        bool trayAvailable = true;
    };

    //! \a settings is not owned and must outlive the dialog.
    SettingsDialog(AppSettings *settings, const Context &context, QWidget *parent = nullptr);

    //! Writes what the dialog shows into the settings (OK and Apply do this), then saved().
    void save();
    //! Shows the cache's size on disk (the app measures it off the GUI thread).
    void setCacheUsage(qint64 bytes);
    //! Shows why the autostart entry could not be written, or clears the message.
    void setAutostartError(const QString &message);
    //! Selects a page: 0 General, 1 Notifications, 2 Deployments, 3 Storage.
    void showPage(int index);

signals:
    void saved();
    void switchDeploymentRequested(const QUrl &deployment);
    void addDeploymentRequested();
    void forgetDeploymentRequested(const QUrl &deployment);
    void clearCacheRequested();

private:
    QWidget *createGeneralPage();
    QWidget *createNotificationsPage();
    QWidget *createDeploymentsPage();
    QWidget *createStoragePage();
    void load();
    void fillDeployments();
    void updateDeploymentButtons();
    void updateLanguageHint();
    QUrl selectedDeployment() const;

    AppSettings *m_settings;
    Context m_context;
    QString m_loadedLanguage;

    QTabWidget *m_tabs = nullptr;
    QComboBox *m_sendKey = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QCheckBox *m_fontDefault = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_languageHint = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QLabel *m_autostartError = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_notifyFinished = nullptr;
    QCheckBox *m_notifyError = nullptr;
    QCheckBox *m_notifyNeedsInput = nullptr;
    QCheckBox *m_sound = nullptr;
    QListWidget *m_deployments = nullptr;
    QPushButton *m_switchDeployment = nullptr;
    QPushButton *m_forgetDeployment = nullptr;
    QSpinBox *m_cacheSize = nullptr;
    QLabel *m_cacheUsage = nullptr;
    QPushButton *m_clearCache = nullptr;
};

} // namespace AgentDesk
