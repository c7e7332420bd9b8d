#pragma once

#include "core/api/ApiAccountTypes.h"
#include "core/api/ApiResult.h"
#include "widgets/dialogs/SettingsAccountPage.h"

#include <QTimer>

#include <memory>

namespace AgentDesk {

namespace Ui {
class SettingsProviderKeysPage;
}

//! Settings → Provider Keys (§20.8): the providers that let users bring their own key, whether
//! the user has one, and add / replace / remove it. The key goes to the deployment once and is
//! never kept, shown again or logged here (the field is cleared as soon as it is sent). Where
//! the provider supports it, the device sign-in (show the code, open the verification page,
//! poll every `poll_interval` seconds until authorized or expired) and the browser sign-in
//! (open the authorize page, paste the callback address, exchange it). The layout is
//! ui/SettingsProviderKeysPage.ui.
class SettingsProviderKeysPage final : public SettingsAccountPage
{
    Q_OBJECT

public:
    SettingsProviderKeysPage(ApiClient *api, QWidget *parent = nullptr);
    ~SettingsProviderKeysPage() override;

    void reload() override;
    QList<ProviderKeyConfig> providers() const { return m_providers; }
    //! The grant in progress (empty id when none).
    ProviderGrant grant() const { return m_grant; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    //! A key was added, replaced or removed: the model list should be reloaded (§20.8).
    void keysChanged();

private:
    const ProviderKeyConfig *selected() const;
    void updateButtons();
    void saveKey();
    void removeKey();
    //! The answer to saving or removing a key: `done` in the status line and a reload, or
    //! the error.
    template<typename T>
    void finishKeyChange(const ApiResult<T> &result, const QString &done);
    void startDeviceGrant();
    void startBrowserGrant();
    //! Starts a device or browser grant for the selected provider; `started` shows it once the
    //! server answered.
    void startGrant(bool browser, void (SettingsProviderKeysPage::*started)());
    void showDeviceGrant();
    void showBrowserGrant();
    //! Cancels the open grant on the server (the answer goes to `context`).
    void cancelGrantOnServer(QObject *context);
    //! Takes the answer to a grant's start; false (the status says why) when it failed.
    bool takeGrant(const ApiResult<ProviderGrant> &result);
    void pollGrant();
    void finishBrowserGrant();
    void cancelGrant();
    void endGrant(const QString &message);

    std::unique_ptr<Ui::SettingsProviderKeysPage> m_ui;
    QList<ProviderKeyConfig> m_providers;
    ProviderGrant m_grant;
    QString m_grantProvider;
    bool m_grantIsBrowser = false;
    QTimer m_poll;
    bool m_busy = false;
};

} // namespace AgentDesk
