#pragma once

#include "core/ApiTypes.h"

#include <QDialog>
#include <QUrl>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace AgentDesk {

class ApiClient;
class AppSettings;
class SecretStore;
struct ApiError;

//! What a successful sign-in established. The token travels here once, from the dialog to the
//! composition root, which hands it to ApiClient; it is never written anywhere but SecretStore.
struct ConnectionResult
{
    QUrl deploymentUrl; //!< Origin only.
    QByteArray token;
    OrganizationId organizationId;
    QString organizationName;
    QString chatsPrefix;
    User user;
    bool sessionOnly = false; //!< The token lives in memory only (no keychain).
};

//! Sign-in (product.md row 53): deployment URL and session token, checked against the server
//! before anything is saved — build info, the user (401 = wrong token), the chats prefix
//! (§2.2) and the organizations (§14.1). The token goes to the OS keychain only; when the
//! keychain is unavailable the dialog says so and offers "keep for this session only".
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
    void openTokenPage();
    void checkBuildInfo();
    void checkUser();
    void checkPrefix();
    void checkOrganizations();
    void saveToken();
    void fail(const QString &message);
    void failApi(const ApiError &error);
    void setBusy(bool busy, const QString &status = {});

    ApiClient *m_probe;
    SecretStore *m_keychain;
    SecretStore *m_sessionStore;
    AppSettings *m_settings;

    QLineEdit *m_urlEdit;
    QLineEdit *m_tokenEdit;
    QLabel *m_tokenLink;
    QCheckBox *m_allowInsecure;
    QComboBox *m_organizations;
    QLabel *m_organizationLabel;
    QCheckBox *m_sessionOnly;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_connectButton;

    ConnectionResult m_result;
    //! Organizations were offered for this URL and token; a second Connect takes the choice.
    bool m_awaitingOrganization = false;
    //! Bumped on every attempt; answers of an older attempt are dropped.
    int m_attempt = 0;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::ConnectionResult)
