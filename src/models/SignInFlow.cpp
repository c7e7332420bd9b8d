#include "models/SignInFlow.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiError.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

SignInFlow::SignInFlow(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

qsizetype SignInFlow::preferredOrganization(
    const QList<Organization> &organizations, const QString &rememberedId)
{
    if (organizations.isEmpty())
        return -1;
    if (!rememberedId.isEmpty()) {
        for (qsizetype i = 0; i < organizations.size(); ++i) {
            if (organizations.at(i).id.toString() == rememberedId)
                return i;
        }
    }
    for (qsizetype i = 0; i < organizations.size(); ++i) {
        if (organizations.at(i).isDefault)
            return i;
    }
    return 0;
}

void SignInFlow::start(const QUrl &deploymentUrl, const QByteArray &token,
    const QString &rememberedOrganizationId, OrganizationChoice choice)
{
    ++m_attempt;
    m_result = ConnectionResult();
    m_result.deploymentUrl = deploymentUrl;
    m_result.token = token;
    m_rememberedOrganization = rememberedOrganizationId;
    m_choice = choice;
    m_running = true;
    m_awaitingOrganization = false;
    m_api->setDeploymentUrl(deploymentUrl);
    m_api->setSessionToken(token);
    checkBuildInfo();
}

void SignInFlow::cancel()
{
    ++m_attempt;
    m_running = false;
    m_awaitingOrganization = false;
    m_result.token.clear();
}

void SignInFlow::begin(Step step)
{
    emit stepStarted(step);
}

void SignInFlow::fail(Step step, const QString &message)
{
    m_running = false;
    m_awaitingOrganization = false;
    m_result.token.clear();
    emit failed(step, message);
}

void SignInFlow::failApi(Step step, const ApiError &error)
{
    // Coder's own message and detail (design.md c.9); TLS errors arrive here too, as Network
    // errors with the handshake's reason in detail.
    fail(step, error.toDisplayString());
}

template<typename T, typename Next>
ApiCallback<T> SignInFlow::stepDone(Step step, Next next)
{
    begin(step);
    return [this, step, attempt = m_attempt, next = std::move(next)](const ApiResult<T> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            failApi(step, result.error());
            return;
        }
        next(result.value());
    };
}

void SignInFlow::checkBuildInfo()
{
    m_api->buildInfo(
        this, stepDone<BuildInfo>(Step::BuildInfo, [this](const BuildInfo &) { checkUser(); }));
}

void SignInFlow::checkUser()
{
    m_api->currentUser(this, stepDone<User>(Step::User, [this](const User &user) {
        m_result.user = user;
        checkPrefix();
    }));
}

void SignInFlow::checkPrefix()
{
    m_api->detectPrefix(this, stepDone<QString>(Step::Prefix, [this](const QString &prefix) {
        m_result.chatsPrefix = prefix;
        checkOrganizations();
    }));
}

void SignInFlow::checkOrganizations()
{
    m_api->organizations(this,
        stepDone<QList<Organization>>(
            Step::Organizations, [this](const QList<Organization> &organizations) {
                const qsizetype preferred =
                    preferredOrganization(organizations, m_rememberedOrganization);
                if (preferred < 0) {
                    fail(Step::Organizations,
                        tr("Your account is not a member of any organization."));
                    return;
                }
                if (organizations.size() > 1 && m_choice == OrganizationChoice::AskWhenSeveral) {
                    m_awaitingOrganization = true;
                    emit organizationChoiceNeeded(organizations, preferred);
                    return;
                }
                useOrganization(organizations.at(preferred));
            }));
}

void SignInFlow::chooseOrganization(const Organization &organization)
{
    if (!m_running || !m_awaitingOrganization)
        return; // only an answer to organizationChoiceNeeded() continues the flow
    m_awaitingOrganization = false;
    useOrganization(organization);
}

void SignInFlow::useOrganization(const Organization &organization)
{
    m_result.organizationId = organization.id;
    m_result.organizationName = organization.name;
    loadModels();
}

void SignInFlow::loadModels()
{
    begin(Step::Models);
    const int attempt = m_attempt;
    m_api->models(m_result.organizationId, this,
        [this, attempt](const ApiResult<QList<ModelConfig>> &result) {
            if (attempt != m_attempt)
                return;
            // Not fatal: without a catalog the server's default model is used.
            m_result.modelsLoaded = result.ok();
            if (result.ok())
                m_result.models = result.value();
            m_running = false;
            ConnectionResult done = std::move(m_result);
            m_result = ConnectionResult();
            emit succeeded(done);
        });
}

} // namespace AgentDesk
