#pragma once

#include <QDialog>
#include <QList>
#include <QUrl>

#include <memory>

namespace AgentDesk {

namespace Ui {
class SettingsDialog;
class SettingsGeneralPage;
class SettingsNotificationsPage;
class SettingsDeploymentsPage;
class SettingsStoragePage;
} // namespace Ui

class AppSettings;
class ApiClient;
class SettingsProviderKeysPage;
class SettingsSkillsPage;

//! The settings dialog (objectName settingsDialog): General (send key, theme, font size,
//! language, start at login, tray), Notifications (per kind, sound), Deployments (switch, add,
//! forget) and Storage (cache size, clear). A view over AppSettings: OK and Apply write every
//! value to the settings and emit saved(); the application applies them (palette, font,
//! autostart entry, cache bound). The token is never shown or stored here — deployments are
//! signed in through the connect dialog and their tokens stay in the keychain. The layout is
//! ui/SettingsDialog.ui with one form per page (ui/Settings*Page.ui).
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
        //! Adds the account pages (Provider Keys, Skills; §20.8, §20.10) when set.
        ApiClient *api = nullptr;
    };

    //! \a settings is not owned and must outlive the dialog.
    SettingsDialog(AppSettings *settings, const Context &context, QWidget *parent = nullptr);
    ~SettingsDialog() override;

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
    //! A personal provider key changed: reload the models (§20.8).
    void providerKeysChanged();

private:
    void setUpGeneralPage();
    void setUpDeploymentsPage();
    void setUpStoragePage();
    void setUpAccountPages();
    //! Asks (non-blocking) before forgetting the selected deployment.
    void forgetSelectedDeployment();
    void forgetDeployment(const QUrl &url);
    void load();
    void fillDeployments();
    void updateDeploymentButtons();
    void updateLanguageHint();
    QUrl selectedDeployment() const;

    AppSettings *m_settings;
    Context m_context;
    QString m_loadedLanguage;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    std::unique_ptr<Ui::SettingsGeneralPage> m_general;
    std::unique_ptr<Ui::SettingsNotificationsPage> m_notifications;
    std::unique_ptr<Ui::SettingsDeploymentsPage> m_deployments;
    std::unique_ptr<Ui::SettingsStoragePage> m_storage;
};

} // namespace AgentDesk
