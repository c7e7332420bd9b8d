#pragma once

#include "HttpMessage.h"
#include "SimSteerState.h"

#include <QObject>

#include <optional>

namespace AgentDeskSim {

class ScriptedAgent;
class SimHttpServer;
class SimSocketHub;
class SimState;
struct SimChat;
struct SimOptions;

//! REST endpoints and upgrade checks of the Coder Agents API (protocol §3, §7–§9, §11–§12).
class SimRoutes final : public QObject
{
    Q_OBJECT

public:
    SimRoutes(SimState *state, ScriptedAgent *agent, SimSocketHub *hub, SimHttpServer *server,
        SimOptions *options, QObject *parent = nullptr);

    HttpResponse handle(const HttpRequest &request);
    UpgradeDecision handleUpgrade(const HttpRequest &request);
    int delayFor(const HttpRequest &request) const;

private:
    struct Route
    {
        bool chats = false; // under a chats prefix
        bool v2 = false;
        QStringList rest; // segments after the chats prefix
    };

    //! The session token from cookie, query or header (Coder's order, §3.1).
    static QString requestToken(const HttpRequest &request);
    bool isAuthenticated(const HttpRequest &request) const;
    //! Coder's 401 for this request's token (message + the detail apikey.go gives, §5).
    HttpResponse unauthorized(const HttpRequest &request) const;
    HttpResponse revokeToken(const HttpRequest &request);
    bool resolveChats(const QString &path, Route *route) const;
    HttpResponse dispatch(const HttpRequest &request);
    //! users/me: Alice (an owner with --admin).
    QJsonObject currentUserJson() const;
    HttpResponse organizationMembers(const QString &organization) const;
    //! users/{user}/organizations: Acme, plus Globex or nothing under the organization faults.
    HttpResponse userOrganizations(const QString &who) const;
    //! The fail_route fault's answer when it takes this request (never for /__sim/).
    std::optional<HttpResponse> injectedFailure(const HttpRequest &request);
    HttpResponse dispatchChats(const HttpRequest &request, const Route &route);
    //! Routes on the chats collection itself ({P}, files, watch, retired catalog routes);
    //! nullopt for a route on one chat.
    std::optional<HttpResponse> dispatchChatCollection(
        const HttpRequest &request, const Route &route);
    //! Whether \a tail (the segments after the chat id) names a route of this generation.
    bool isChatRoute(const QString &tail) const;
    //! 404 for a viewer's write, 403 for an admin's owner-only action (§20.3.4); else nullopt.
    std::optional<HttpResponse> refuseChatAccess(
        const QByteArray &method, const QStringList &rest, const SimChat &chat) const;
    //! Routes on one chat the caller may use; \a rest starts with the chat id.
    HttpResponse dispatchChat(const HttpRequest &request, const QStringList &rest, SimChat *chat);
    HttpResponse titleRoute(SimChat *chat, bool propose);
    HttpResponse cost(const SimChat &chat) const;
    HttpResponse dispatchControl(const HttpRequest &request);
    //! POST /__sim/capacity: the running-chat limit, then held turns start where it allows.
    HttpResponse setCapacity(const HttpRequest &request);
    //! POST /__sim/chats/{id}/ACTION: context-dirty, warnings, acl, delete or turn.
    HttpResponse controlChat(const HttpRequest &request, SimChat *chat, const QString &action);
    void deleteChatFamily(const SimChat &chat);
    HttpResponse lookupChat(const QString &id, SimChat **chat);
    //! Converts request content parts; returns an error response on invalid input.
    bool convertContent(const QJsonValue &content, QJsonArray *parts, HttpResponse *error);
    //! The body's content for a new or edited message; an archived chat refuses to \a action.
    bool convertMessageContent(const QJsonObject &body, const SimChat &chat, const QString &action,
        QJsonArray *parts, HttpResponse *error);

    HttpResponse listChats(const HttpRequest &request);
    HttpResponse createChat(const HttpRequest &request);
    //! Model, effort, tools, workspace, plan mode, client type and labels of a new chat.
    std::optional<HttpResponse> readChatSettings(const QJsonObject &body, SimChat *chat);
    HttpResponse updateChat(const HttpRequest &request, SimChat *chat);
    //! A PATCH's first failing field (title, labels, plan mode, workspace, pin), or nullopt.
    std::optional<HttpResponse> refuseChatUpdate(
        const QJsonObject &body, const SimChat &chat) const;
    //! Stores a validated PATCH (archiving aside) and announces it on the watch.
    HttpResponse applyChatUpdate(const QJsonObject &body, SimChat *chat);
    HttpResponse setArchived(SimChat *chat, bool archived);
    HttpResponse listMessages(const HttpRequest &request, SimChat *chat);
    HttpResponse sendMessage(const HttpRequest &request, SimChat *chat);
    HttpResponse editMessage(const HttpRequest &request, SimChat *chat, const QString &messageId);
    HttpResponse deleteQueued(SimChat *chat, const QString &queuedId);
    HttpResponse promoteQueued(SimChat *chat, const QString &queuedId);
    HttpResponse interruptChat(SimChat *chat);
    HttpResponse toolResults(const HttpRequest &request, SimChat *chat);
    HttpResponse compactOrClear(SimChat *chat, bool clear);
    HttpResponse uploadFile(const HttpRequest &request);
    HttpResponse getFile(const QString &id);
    HttpResponse diff(SimChat *chat);
    HttpResponse prompts(const HttpRequest &request, SimChat *chat);
    HttpResponse getAcl(SimChat *chat);
    HttpResponse patchAcl(const HttpRequest &request, SimChat *chat, bool asOwner);
    HttpResponse refreshContext(SimChat *chat);
    HttpResponse users(const HttpRequest &request);
    // SimRoutesSteer.cpp (§20.7)
    qint64 treeCostMicros(const SimChat &chat, int *requests) const;
    HttpResponse userSpend(const QString &user);
    //! 400 text for a model_config_id the user cannot use (v237/newest), or empty.
    QString modelProblem(const QString &modelId) const;
    HttpResponse simState();
    HttpResponse simFaults(const HttpRequest &request);
    QString generatedTitle(const SimChat &chat) const;

    // §20.8–§20.10 (SimRoutesAccount.cpp, SimRoutesProviderKeys.cpp, SimRoutesMcp.cpp,
    // SimRoutesSkills.cpp). dispatchSteer answers the routes it knows (some without a session:
    // the simulated provider and OAuth pages) and leaves the rest to dispatch (false).
    bool dispatchSteer(const HttpRequest &request, HttpResponse *response);
    //! Pages a browser opens without a session (simulated provider sign-in, MCP OAuth callback).
    std::optional<HttpResponse> browserPage(const HttpRequest &request, const QStringList &seg);
    //! /__sim/requests: the recorded requests (GET, ?path=REGEX) or forgetting them (DELETE).
    HttpResponse requestLog(const HttpRequest &request);
    //! Provider keys, the catalog with personal keys, MCP servers and skills (v237/newest).
    std::optional<HttpResponse> steerRoute(const HttpRequest &request, const QStringList &seg);
    //! Before a create, send or edit: records the effort, refuses unknown mcp_server_ids.
    std::optional<HttpResponse> refuseChatWrite(const HttpRequest &request);
    //! {P}/config/user-compaction-thresholds and {P}/config/user-prompt.
    std::optional<HttpResponse> chatConfigRoute(const HttpRequest &request);
    void recordRequest(const HttpRequest &request);
    //! The models catalog with the user's personal keys applied (§20.8).
    QJsonObject steerModelsResponse() const;
    //! {P}/users/{user}/ai-provider-keys (§20.8): the list, a key's PUT and DELETE.
    HttpResponse providerKeys(const HttpRequest &request, const QStringList &rest);
    QJsonObject providerKeyConfig(const QJsonObject &provider) const;
    //! Newest: the device and browser sign-in grants of one provider.
    HttpResponse providerGrants(
        const HttpRequest &request, const QStringList &rest, const QJsonObject &provider);
    QJsonObject grantJson(
        const SimProviderGrant &grant, const QJsonObject &provider, bool withStatus) const;
    //! A browser grant's pasted callback: the error to answer, or nullopt once authorized.
    std::optional<HttpResponse> exchangeGrant(const HttpRequest &request, SimProviderGrant *grant);
    HttpResponse providerPage(const HttpRequest &request, const QStringList &rest);
    HttpResponse mcpServers(const HttpRequest &request, const QStringList &seg);
    HttpResponse mcpCallbackPage(const HttpRequest &request, const QString &serverId);
    HttpResponse mcpDisconnect(const HttpRequest &request, const QString &serverId);
    //! §20.9: the ids in \a requested that are not enabled servers and not in \a kept.
    QStringList invalidMcpIds(const QJsonArray &requested, const QJsonArray &kept) const;
    HttpResponse skills(const HttpRequest &request, const QStringList &rest);
    HttpResponse userPrompt(const HttpRequest &request);
    //! §20.6.3: {P}/config/user-compaction-thresholds[/{modelConfig}] (SimRoutesCompaction.cpp).
    HttpResponse compactionThresholds(const HttpRequest &request, const QStringList &rest);

    SimState *m_state;
    ScriptedAgent *m_agent;
    SimSocketHub *m_hub;
    SimHttpServer *m_server;
    SimOptions *m_options;
    SimSteerState m_steer;
};

} // namespace AgentDeskSim
