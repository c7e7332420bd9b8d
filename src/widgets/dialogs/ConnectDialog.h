#pragma once

#include "models/SignInFlow.h"

#include <QDialog>
#include <QUrl>

#include <memory>
#include <optional>

namespace AgentDesk {

namespace Ui {
class ConnectDialog;
}

class ApiClient;
class AppSettings;
class SecretStore;

//! Sign-in (product.md row 53): deployment URL and session token, checked against the server
//! by SignInFlow before anything is saved — build info, the user (401 = wrong token), the chats
//! prefix (§2.2), the organizations (§14.1) and their models. The token goes to the OS keychain
//! only; when the keychain is unavailable the dialog says so and offers "keep for this session
//! only". The layout is ui/ConnectDialog.ui.
//! Plain http to a host other than this machine needs an explicit confirmation. Everything is
//! asynchronous; show it with open().
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    //! `probe` is configured with the entered URL and token for the checks (not owned);
    //! `keychain` is the persistent store, `sessionStore` the in-memory one.
    ConnectDialog(ApiClient *probe, SecretStore *keychain, SecretStore *sessionStore,
        AppSettings *settings, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void setDeploymentUrl(const QUrl &url);
    //! Shows a message from outside, e.g. why a silent sign-in failed.
    void showError(const QString &message);

    //! scheme://host[:port] of what the user typed; "https://" is assumed without a scheme.
    //! nullopt with `error` set when it cannot be a deployment URL.
    static std::optional<QUrl> normalizeUrl(const QString &text, QString *error = nullptr);
    static bool isLoopback(const QUrl &url);
    //! <origin>/settings/tokens for the current URL; empty when the URL is not valid.
    QUrl tokenPageUrl() const;

protected:
    bool event(QEvent *event) override;

signals:
    void connected(const AgentDesk::ConnectionResult &result);

private:
    void handleConnect();
    void handleUrlEdited();
    void handleStepStarted(SignInFlow::Step step);
    void handleOrganizationChoiceNeeded(
        const QList<Organization> &organizations, qsizetype preselected);
    void handleSignedIn(const ConnectionResult &result);
    void openTokenPage();
    void resetOrganizationChoice();
    void saveToken();
    void fail(const QString &message);
    void setBusy(bool busy, const QString &status = {});

    SecretStore *m_keychain;
    SecretStore *m_sessionStore;
    AppSettings *m_settings;
    std::unique_ptr<Ui::ConnectDialog> m_ui;
    SignInFlow *m_flow;

    ConnectionResult m_result;
    QList<Organization> m_offeredOrganizations;
    bool m_sessionOnlyChosen = false;
    //! Bumped on every attempt; a keychain answer of an older attempt is dropped.
    int m_attempt = 0;
};

} // namespace AgentDesk
