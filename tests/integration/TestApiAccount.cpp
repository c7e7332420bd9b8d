// ApiClient's §20.8–§20.10 calls against agentdesk-sim: personal provider keys (PUT, DELETE,
// device and browser grants), MCP servers (list, the OAuth connect page played on loopback,
// disconnect), personal skills (CRUD and validation), personal instructions; each with its error
// paths, and hidden routes on the legacy generation. Also what a send carries (§20.8, §20.9).

#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "support/AwaitResult.h"
#include "support/DemoIds.h"
#include "support/Refusal.h"
#include "support/SignedInApi.h"
#include "support/SimulatorProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QUuid githubMcp = QUuid::fromString(u"c0ffee00-0001-4a00-8000-00000000a001"_s);
constexpr int callTimeoutMs = 15'000;

template<typename T>
QString describe(const ApiResult<T> &result)
{
    return result.ok() ? u"ok"_s
                       : u"status %1: %2 / %3"_s.arg(result.error().httpStatus)
                             .arg(result.error().message, result.error().detail);
}

#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto &verifiedResult = (expression);                                                 \
        QVERIFY2(verifiedResult.ok(), qPrintable(describe(verifiedResult)));                       \
    } while (false)

} // namespace

class TestApiAccount : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void models_carryEffortDefaultAndUnavailableReason();
    void providerKeys_putMakesModelAvailable_deleteRemovesIt();
    void providerKeys_errors();
    void providerKeys_keyNeverInRequestLog();
    void deviceGrant_authorizedWhenPageFetched();
    void deviceGrant_cancelAndUnknownGrant();
    void browserGrant_exchangeAndErrors();
    void mcpServers_listConnectDisconnect();
    void mcpServers_unknownServerAndNonOAuth();
    void skills_crud();
    void skills_invalidAndDuplicateAndMissing();
    void userPrompt_roundTripAndTooLong();
    void workspaceSkills_fromChatContext();
    void send_carriesEffortAndMcpServerIds();
    void send_unknownMcpServer_is400WithTheIds();
    void legacy_routesAnswer404();

private:
    bool startSim(const QStringList &args = {u"--demo"_s});
    QJsonArray loggedRequests(const QString &pathPattern);
    //! A GET as a browser would do it (follows redirects, session header); the HTTP status.
    int browserGet(const QUrl &url, QByteArray *body = nullptr);

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_api;
};

bool TestApiAccount::startSim(const QStringList &args)
{
    m_sim = std::make_unique<SimulatorProcess>(args);
    if (!m_sim->start()) {
        qWarning() << m_sim->errorString();
        return false;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_api = signedInApi(m_network.get(), m_sim->baseUrl(), m_sim->token());
    const bool legacy = args.contains(u"legacy"_s);
    m_api->setChatsPrefix(
        legacy ? ApiClient::experimentalChatsPrefix() : ApiClient::v2ChatsPrefix());
    return true;
}

void TestApiAccount::init()
{
    QVERIFY(startSim());
}

void TestApiAccount::cleanup()
{
    m_api.reset();
    m_network.reset();
    m_sim.reset();
}

QJsonArray TestApiAccount::loggedRequests(const QString &pathPattern)
{
    QByteArray body;
    const int status = m_sim->request("GET",
        u"/__sim/requests?path="_s + QString::fromLatin1(QUrl::toPercentEncoding(pathPattern)), {},
        &body);
    if (status != 200)
        return {};
    return QJsonDocument::fromJson(body).object().value(u"requests").toArray();
}

int TestApiAccount::browserGet(const QUrl &url, QByteArray *body)
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Coder-Session-Token", m_sim->token());
    QNetworkReply *reply = m_network->get(request);
    const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, callTimeoutMs);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body)
        *body = reply->readAll();
    reply->deleteLater();
    return finished ? status : 0;
}

void TestApiAccount::models_carryEffortDefaultAndUnavailableReason()
{
    const auto models = awaitAnswer<QList<ModelConfig>>(
        [&](QObject *c, auto done) { m_api->models(Demo::org, c, done); });
    VERIFY_OK(models);
    bool sawGemini = false;
    bool sawDefaultEffort = false;
    for (const ModelConfig &model : models.value()) {
        if (model.displayName == u"Gemini 2.5 Pro"_s) {
            sawGemini = true;
            QVERIFY(!model.isSelectable());
            QCOMPARE(model.unavailableReason, u"user_api_key_required"_s);
        }
        if (!model.reasoningEfforts.isEmpty() && !model.defaultReasoningEffort.isEmpty()) {
            sawDefaultEffort = true;
            QVERIFY(model.reasoningEfforts.contains(model.defaultReasoningEffort));
        }
    }
    QVERIFY(sawGemini);
    QVERIFY(sawDefaultEffort);
}

void TestApiAccount::providerKeys_putMakesModelAvailable_deleteRemovesIt()
{
    const auto list = awaitAnswer<QList<ProviderKeyConfig>>(
        [&](QObject *c, auto done) { m_api->providerKeys(c, done); });
    VERIFY_OK(list);
    QCOMPARE(list.value().size(), 3);
    const ProviderKeyConfig google = list.value().at(2);
    QCOMPARE(google.providerName, u"google"_s);
    QVERIFY(google.byokEnabled);
    QVERIFY(!google.hasUserKey);
    QVERIFY(!list.value().at(0).byokEnabled);        // anthropic: the admin allows no personal keys
    QVERIFY(list.value().at(1).deviceFlowSupported); // openai, newest

    const auto put = awaitAnswer<ProviderKeyConfig>([&](QObject *c, auto done) {
        m_api->setProviderKey(u"google"_s, u"AIza-test-key-123"_s, c, done);
    });
    VERIFY_OK(put);
    QVERIFY(put.value().hasUserKey);
    const auto models = awaitAnswer<QList<ModelConfig>>(
        [&](QObject *c, auto done) { m_api->models(Demo::org, c, done); });
    VERIFY_OK(models);
    bool geminiSelectable = false;
    for (const ModelConfig &model : models.value())
        geminiSelectable |= model.displayName == u"Gemini 2.5 Pro"_s && model.isSelectable();
    QVERIFY(geminiSelectable);

    VERIFY_OK(awaitAnswer<NoContent>(
        [&](QObject *c, auto done) { m_api->deleteProviderKey(u"google"_s, c, done); }));
    const auto after = awaitAnswer<QList<ProviderKeyConfig>>(
        [&](QObject *c, auto done) { m_api->providerKeys(c, done); });
    VERIFY_OK(after);
    QVERIFY(!after.value().at(2).hasUserKey);
}

void TestApiAccount::providerKeys_errors()
{
    const auto disabled = awaitAnswer<ProviderKeyConfig>([&](QObject *c, auto done) {
        m_api->setProviderKey(u"anthropic"_s, u"sk-ant"_s, c, done);
    });
    QCOMPARE(refusal(disabled), (std::pair{403, u"BYOK is disabled."_s}));

    const auto empty = awaitAnswer<ProviderKeyConfig>(
        [&](QObject *c, auto done) { m_api->setProviderKey(u"google"_s, u"  "_s, c, done); });
    QCOMPARE(refusedStatus(empty), 400);

    const auto unknown = awaitAnswer<ProviderKeyConfig>(
        [&](QObject *c, auto done) { m_api->setProviderKey(u"nope"_s, u"k"_s, c, done); });
    QCOMPARE(refusedStatus(unknown), 404);

    const auto noDevice = awaitAnswer<ProviderGrant>(
        [&](QObject *c, auto done) { m_api->startDeviceGrant(u"google"_s, c, done); });
    QCOMPARE(refusedStatus(noDevice), 422);
}

void TestApiAccount::providerKeys_keyNeverInRequestLog()
{
    VERIFY_OK(awaitAnswer<ProviderKeyConfig>([&](QObject *c, auto done) {
        m_api->setProviderKey(u"openai"_s, u"sk-secret-value-42"_s, c, done);
    }));
    const QJsonArray log = loggedRequests(u"ai-provider-keys"_s);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).toObject().value(u"method").toString(), u"PUT"_s);
    QVERIFY(!QJsonDocument(log).toJson().contains("sk-secret-value-42"));
}

void TestApiAccount::deviceGrant_authorizedWhenPageFetched()
{
    const auto grant = awaitAnswer<ProviderGrant>(
        [&](QObject *c, auto done) { m_api->startDeviceGrant(u"openai"_s, c, done); });
    VERIFY_OK(grant);
    QVERIFY(!grant.value().userCode.isEmpty());
    QVERIFY(grant.value().verificationUriComplete.contains(grant.value().userCode));
    const auto pending = awaitAnswer<ProviderGrant>([&](QObject *c, auto done) {
        m_api->pollDeviceGrant(u"openai"_s, grant.value().grantId, c, done);
    });
    VERIFY_OK(pending);
    QCOMPARE(pending.value().status, ProviderGrant::Status::Pending);

    // The user approves in the browser.
    QCOMPARE(browserGet(QUrl(grant.value().verificationUriComplete)), 200);
    const auto authorized = awaitAnswer<ProviderGrant>([&](QObject *c, auto done) {
        m_api->pollDeviceGrant(u"openai"_s, grant.value().grantId, c, done);
    });
    VERIFY_OK(authorized);
    QCOMPARE(authorized.value().status, ProviderGrant::Status::Authorized);
    QVERIFY(authorized.value().apiKey.isEmpty()); // newest keeps the credential itself
    const auto keys = awaitAnswer<QList<ProviderKeyConfig>>(
        [&](QObject *c, auto done) { m_api->providerKeys(c, done); });
    VERIFY_OK(keys);
    QVERIFY(keys.value().at(1).hasUserKey);
}

void TestApiAccount::deviceGrant_cancelAndUnknownGrant()
{
    const auto grant = awaitAnswer<ProviderGrant>(
        [&](QObject *c, auto done) { m_api->startDeviceGrant(u"openai"_s, c, done); });
    VERIFY_OK(grant);
    VERIFY_OK(awaitAnswer<NoContent>([&](QObject *c, auto done) {
        m_api->cancelDeviceGrant(u"openai"_s, grant.value().grantId, c, done);
    }));
    const auto canceled = awaitAnswer<ProviderGrant>([&](QObject *c, auto done) {
        m_api->pollDeviceGrant(u"openai"_s, grant.value().grantId, c, done);
    });
    VERIFY_OK(canceled);
    QCOMPARE(canceled.value().status, ProviderGrant::Status::Canceled);
    const auto unknown = awaitAnswer<ProviderGrant>([&](QObject *c, auto done) {
        m_api->pollDeviceGrant(
            u"openai"_s, QUuid::createUuid().toString(QUuid::WithoutBraces), c, done);
    });
    QCOMPARE(refusedStatus(unknown), 404);
}

void TestApiAccount::browserGrant_exchangeAndErrors()
{
    const auto grant = awaitAnswer<ProviderGrant>(
        [&](QObject *c, auto done) { m_api->startBrowserGrant(u"openai"_s, c, done); });
    VERIFY_OK(grant);
    QVERIFY(!grant.value().authorizeUrl.isEmpty());
    const QString id = grant.value().grantId;
    auto exchange = [&](const QString &input) {
        return awaitAnswer<ProviderGrant>([&](QObject *c, auto done) {
            m_api->exchangeBrowserGrant(u"openai"_s, id, input, c, done);
        });
    };
    const auto noCode = exchange(u"http://localhost:1455/auth/callback?state=x"_s);
    QVERIFY(!noCode.ok());
    QCOMPARE(noCode.error().message,
        u"no authorization code found: paste the full callback URL or code"_s);
    const auto mismatch =
        exchange(u"http://localhost:1455/auth/callback?code=sim-code-%1&state=wrong"_s.arg(id));
    QCOMPARE(refusedStatus(mismatch), 400);
    const auto badCode = exchange(u"not-the-code"_s);
    QCOMPARE(refusedStatus(badCode), 502);

    // The provider's page shows the callback address to paste.
    QNetworkRequest request{QUrl(grant.value().authorizeUrl)};
    QNetworkReply *reply = m_network->get(request);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, callTimeoutMs));
    const QString callback = QString::fromUtf8(reply->rawHeader("X-Sim-Callback"));
    reply->deleteLater();
    QVERIFY(callback.startsWith(u"http://localhost:1455/auth/callback?"_s));
    const auto ok = exchange(callback);
    VERIFY_OK(ok);
    QCOMPARE(ok.value().status, ProviderGrant::Status::Authorized);
}

void TestApiAccount::mcpServers_listConnectDisconnect()
{
    const auto list = awaitAnswer<QList<McpServer>>(
        [&](QObject *c, auto done) { m_api->mcpServers(Demo::org, c, done); });
    VERIFY_OK(list);
    QCOMPARE(list.value().size(), 3);
    const McpServer github = list.value().at(0);
    QCOMPARE(github.id, githubMcp);
    QVERIFY(github.needsSignIn());
    QCOMPARE(list.value().at(2).availability, u"force_on"_s);

    const QUrl connect = m_api->mcpConnectUrl(Demo::org, githubMcp);
    QVERIFY(!connect.toString().contains(QString::fromLatin1(m_sim->token())));
    QVERIFY(connect.path().endsWith(u"/oauth2/connect"_s));
    QByteArray page;
    QCOMPARE(browserGet(connect, &page), 200); // the redirect ends on the callback page
    QVERIFY(page.contains("Authentication successful"));

    const auto after = awaitAnswer<QList<McpServer>>(
        [&](QObject *c, auto done) { m_api->mcpServers(Demo::org, c, done); });
    VERIFY_OK(after);
    QVERIFY(after.value().at(0).authConnected);
    QVERIFY(!after.value().at(0).needsSignIn());

    const auto disconnected = awaitAnswer<McpDisconnectResult>(
        [&](QObject *c, auto done) { m_api->disconnectMcpServer(githubMcp, c, done); });
    VERIFY_OK(disconnected);
    QVERIFY(disconnected.value().known);
    QVERIFY(disconnected.value().tokenRevoked);
    const auto again = awaitAnswer<QList<McpServer>>(
        [&](QObject *c, auto done) { m_api->mcpServers(Demo::org, c, done); });
    VERIFY_OK(again);
    QVERIFY(again.value().at(0).needsSignIn());
}

void TestApiAccount::mcpServers_unknownServerAndNonOAuth()
{
    const auto unknown = awaitAnswer<McpDisconnectResult>(
        [&](QObject *c, auto done) { m_api->disconnectMcpServer(QUuid::createUuid(), c, done); });
    QCOMPARE(refusedStatus(unknown), 404);
    QByteArray page;
    const QUuid linear = QUuid::fromString(u"c0ffee00-0002-4a00-8000-00000000a002"_s);
    QCOMPARE(browserGet(m_api->mcpConnectUrl(Demo::org, linear), &page), 400);
    QVERIFY(page.contains("does not use OAuth2"));
    const auto wrongOrg = awaitAnswer<QList<McpServer>>([&](QObject *c, auto done) {
        m_api->mcpServers(OrganizationId(QUuid::createUuid()), c, done);
    });
    QCOMPARE(refusedStatus(wrongOrg), 404);
}

void TestApiAccount::skills_crud()
{
    const QString content = u"---\nname: deploy-check\ndescription: Check a deploy\n---\nRun it."_s;
    const auto created = awaitAnswer<UserSkill>(
        [&](QObject *c, auto done) { m_api->createUserSkill(content, c, done); });
    VERIFY_OK(created);
    QCOMPARE(created.value().name, u"deploy-check"_s);
    QCOMPARE(created.value().description, u"Check a deploy"_s);
    const auto list =
        awaitAnswer<QList<UserSkill>>([&](QObject *c, auto done) { m_api->userSkills(c, done); });
    VERIFY_OK(list);
    QCOMPARE(list.value().size(), 1);
    QVERIFY(list.value().at(0).content.isEmpty()); // metadata only
    const auto one = awaitAnswer<UserSkill>(
        [&](QObject *c, auto done) { m_api->userSkill(u"deploy-check"_s, c, done); });
    VERIFY_OK(one);
    QCOMPARE(one.value().content, content);
    const QString changed = u"---\nname: deploy-check\ndescription: Changed\n---\nRun it twice."_s;
    const auto updated = awaitAnswer<UserSkill>([&](QObject *c, auto done) {
        m_api->updateUserSkill(u"deploy-check"_s, changed, c, done);
    });
    VERIFY_OK(updated);
    QCOMPARE(updated.value().description, u"Changed"_s);
    VERIFY_OK(awaitAnswer<NoContent>(
        [&](QObject *c, auto done) { m_api->deleteUserSkill(u"deploy-check"_s, c, done); }));
    const auto empty =
        awaitAnswer<QList<UserSkill>>([&](QObject *c, auto done) { m_api->userSkills(c, done); });
    VERIFY_OK(empty);
    QVERIFY(empty.value().isEmpty());
}

void TestApiAccount::skills_invalidAndDuplicateAndMissing()
{
    const auto noFrontMatter = awaitAnswer<UserSkill>(
        [&](QObject *c, auto done) { m_api->createUserSkill(u"just text"_s, c, done); });
    QCOMPARE(refusedStatus(noFrontMatter), 400);
    const auto badName = awaitAnswer<UserSkill>([&](QObject *c, auto done) {
        m_api->createUserSkill(u"---\nname: Not Kebab\n---\nbody"_s, c, done);
    });
    QVERIFY(!badName.ok());
    QVERIFY(badName.error().detail.contains(u"kebab"_s));
    const auto noBody = awaitAnswer<UserSkill>([&](QObject *c, auto done) {
        m_api->createUserSkill(u"---\nname: empty-one\n---\n  \n"_s, c, done);
    });
    QVERIFY(!noBody.ok());
    const QString content = u"---\nname: twice\n---\nbody"_s;
    VERIFY_OK(awaitAnswer<UserSkill>(
        [&](QObject *c, auto done) { m_api->createUserSkill(content, c, done); }));
    const auto duplicate = awaitAnswer<UserSkill>(
        [&](QObject *c, auto done) { m_api->createUserSkill(content, c, done); });
    QCOMPARE(refusedStatus(duplicate), 409);
    const auto missing = awaitAnswer<NoContent>(
        [&](QObject *c, auto done) { m_api->deleteUserSkill(u"missing"_s, c, done); });
    QCOMPARE(refusedStatus(missing), 404);
}

void TestApiAccount::userPrompt_roundTripAndTooLong()
{
    const auto initial =
        awaitAnswer<QString>([&](QObject *c, auto done) { m_api->userPrompt(c, done); });
    VERIFY_OK(initial);
    QVERIFY(initial.value().isEmpty());
    const auto set = awaitAnswer<QString>(
        [&](QObject *c, auto done) { m_api->setUserPrompt(u"Answer briefly."_s, c, done); });
    VERIFY_OK(set);
    QCOMPARE(set.value(), u"Answer briefly."_s);
    const auto read =
        awaitAnswer<QString>([&](QObject *c, auto done) { m_api->userPrompt(c, done); });
    VERIFY_OK(read);
    QCOMPARE(read.value(), u"Answer briefly."_s);
    const auto tooLong = awaitAnswer<QString>(
        [&](QObject *c, auto done) { m_api->setUserPrompt(QString(129 * 1024, u'x'), c, done); });
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().message, u"Custom prompt exceeds maximum length."_s);
}

void TestApiAccount::workspaceSkills_fromChatContext()
{
    const auto skills = awaitAnswer<QList<UserSkill>>(
        [&](QObject *c, auto done) { m_api->workspaceSkills(Demo::mainChat, c, done); });
    VERIFY_OK(skills);
    QVERIFY2(!skills.value().isEmpty(), "the demo chat's workspace has a skill");
    QVERIFY(!skills.value().at(0).name.isEmpty());
    const auto missing = awaitAnswer<QList<UserSkill>>([&](QObject *c, auto done) {
        m_api->workspaceSkills(ChatId(QUuid::createUuid()), c, done);
    });
    QVERIFY(!missing.ok());
}

void TestApiAccount::send_carriesEffortAndMcpServerIds()
{
    SendMessageRequest request;
    request.content = {InputPart::fromText(u"/scenario quick"_s)};
    request.reasoningEffort = u"high"_s;
    request.mcpServerIds = QList<QUuid>{githubMcp};
    const auto sent = awaitAnswer<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::mainChat, request, c, done); });
    QVERIFY(sent.ok() || sent.error().httpStatus == 400); // the request is what is checked
    const QJsonArray log = loggedRequests(u"/messages$"_s);
    QVERIFY(!log.isEmpty());
    const QJsonObject body = log.last().toObject().value(u"body").toObject();
    QCOMPARE(body.value(u"reasoning_effort").toString(), u"high"_s);
    QCOMPARE(body.value(u"mcp_server_ids").toArray().size(), 1);
    QCOMPARE(body.value(u"mcp_server_ids").toArray().at(0).toString(),
        githubMcp.toString(QUuid::WithoutBraces));

    // Absent = the chat keeps its set: the member is left out.
    SendMessageRequest plain;
    plain.content = {InputPart::fromText(u"/scenario quick"_s)};
    QVERIFY(!ApiJson::toJson(plain).contains(u"mcp_server_ids"));
    QVERIFY(!ApiJson::toJson(plain).contains(u"reasoning_effort"));
}

void TestApiAccount::send_unknownMcpServer_is400WithTheIds()
{
    const QUuid bogus = QUuid::createUuid();
    SendMessageRequest request;
    request.content = {InputPart::fromText(u"hello"_s)};
    request.mcpServerIds = QList<QUuid>{githubMcp, bogus};
    const auto sent = awaitAnswer<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::mainChat, request, c, done); });
    QCOMPARE(
        refusal(sent), (std::pair{400, u"One or more MCP server IDs are invalid or disabled."_s}));
    QVERIFY(sent.error().detail.contains(bogus.toString(QUuid::WithoutBraces)));
    QVERIFY(!sent.error().detail.contains(githubMcp.toString(QUuid::WithoutBraces)));
}

void TestApiAccount::legacy_routesAnswer404()
{
    cleanup();
    QVERIFY(startSim({u"--demo"_s, u"--generation"_s, u"legacy"_s}));
    const auto keys = awaitAnswer<QList<ProviderKeyConfig>>(
        [&](QObject *c, auto done) { m_api->providerKeys(c, done); });
    QCOMPARE(refusedStatus(keys), 404);
    const auto mcp = awaitAnswer<QList<McpServer>>(
        [&](QObject *c, auto done) { m_api->mcpServers(Demo::org, c, done); });
    QCOMPARE(refusedStatus(mcp), 404);
    const auto skills =
        awaitAnswer<QList<UserSkill>>([&](QObject *c, auto done) { m_api->userSkills(c, done); });
    QCOMPARE(refusedStatus(skills), 404);
}

QTEST_GUILESS_MAIN(TestApiAccount)
#include "TestApiAccount.moc"
