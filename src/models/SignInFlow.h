#pragma once

#include "core/api/ApiResult.h"
#include "core/api/ApiTypes.h"

#include <QList>
#include <QObject>
#include <QUrl>

namespace AgentDesk {

class ApiClient;
struct ApiError;

//! What a successful sign-in established. The token travels here once, from the flow to the
//! composition root, which hands it to ApiClient; it is never written anywhere but SecretStore.
struct ConnectionResult
{
    QUrl deploymentUrl; //!< Origin only.
    QByteArray token;
    OrganizationId organizationId;
    QString organizationName;
    QString chatsPrefix;
    User user;
    //! The organization's model catalog (§9.4); empty with modelsLoaded false when the catalog
    //! could not be read (not fatal: the server's default model is used).
    QList<ModelConfig> models;
    bool modelsLoaded = false;
    bool sessionOnly = false; //!< The token lives in memory only (no keychain).
};

//! The sign-in chain, written once for the sign-in dialog and the silent start-up sign-in:
//! build info (is this a Coder deployment?), the user (401 = wrong token, §2.1), the chats route
//! prefix (§2.2), the organizations (§14.1) and the chosen organization's models (§9.4).
//! Asynchronous; every step reports stepStarted(), the chain ends in exactly one of succeeded()
//! or failed(). A newer start() or cancel() drops the answers of the older attempt.
//!
//! The organization is chosen by one rule, preferredOrganization(). With
//! OrganizationChoice::AskWhenSeveral (the dialog) more than one organization pauses the flow
//! with organizationChoiceNeeded(), the rule's pick preselected; chooseOrganization() goes on.
class SignInFlow final : public QObject
{
    Q_OBJECT

public:
    enum class Step { BuildInfo, User, Prefix, Organizations, Models };
    Q_ENUM(Step)
    enum class OrganizationChoice {
        Automatic,      //!< Always take preferredOrganization().
        AskWhenSeveral, //!< Ask when the user belongs to more than one.
    };

    //! \a api is configured with the URL and token of each attempt; not owned.
    explicit SignInFlow(ApiClient *api, QObject *parent = nullptr);

    //! The one rule: the remembered organization if the user still belongs to it, otherwise the
    //! server's default organization, otherwise the first. -1 for an empty list.
    static qsizetype preferredOrganization(
        const QList<Organization> &organizations, const QString &rememberedId);

    void start(const QUrl &deploymentUrl, const QByteArray &token,
        const QString &rememberedOrganizationId,
        OrganizationChoice choice = OrganizationChoice::Automatic);
    //! Continues a flow paused by organizationChoiceNeeded(); ignored at any other time.
    void chooseOrganization(const Organization &organization);
    //! Drops the running attempt; no signal follows.
    void cancel();
    bool isRunning() const { return m_running; }
    bool isAwaitingOrganization() const { return m_awaitingOrganization; }

signals:
    void stepStarted(AgentDesk::SignInFlow::Step step);
    void organizationChoiceNeeded(
        const QList<AgentDesk::Organization> &organizations, qsizetype preselected);
    void succeeded(const AgentDesk::ConnectionResult &result);
    //! A display message: Coder's own message and detail for API errors.
    void failed(AgentDesk::SignInFlow::Step step, const QString &message);

private:
    void checkBuildInfo();
    void checkUser();
    void checkPrefix();
    void checkOrganizations();
    void useOrganization(const Organization &organization);
    void loadModels();
    void fail(Step step, const QString &message);
    void failApi(Step step, const ApiError &error);
    void begin(Step step);
    //! Starts \a step and returns its request's callback: ignored once a newer attempt started;
    //! an error ends the flow at \a step; a value goes to \a next.
    template<typename T, typename Next>
    ApiCallback<T> stepDone(Step step, Next next);

    ApiClient *m_api;
    ConnectionResult m_result;
    QString m_rememberedOrganization;
    OrganizationChoice m_choice = OrganizationChoice::Automatic;
    bool m_running = false;
    bool m_awaitingOrganization = false;
    //! Bumped on every start() and cancel(); answers of an older attempt are dropped.
    int m_attempt = 0;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::ConnectionResult)
