#include "SimRoutes.h"

#include "ScriptedAgent.h"
#include "SimHttpServer.h"
#include "SimKeys.h"
#include "SimLogging.h"
#include "SimOptions.h"
#include "SimRoutesCommon.h"
#include "SimSocketHub.h"
#include "SimState.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QWebSocketProtocol>

#include <algorithm>

namespace AgentDeskSim {

using namespace routes;

SimRoutes::SimRoutes(SimState *state, ScriptedAgent *agent, SimSocketHub *hub,
    SimHttpServer *server, SimOptions *options, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_agent(agent)
    , m_hub(hub)
    , m_server(server)
    , m_options(options)
{
}

int SimRoutes::delayFor(const HttpRequest &request) const
{
    return request.path.startsWith(QLatin1String("/__sim/")) ? 0 : m_options->faults.delayMs;
}

QString SimRoutes::requestToken(const HttpRequest &request)
{
    // Same order as Coder's APITokenFromRequest: cookie, query, header (§3.1).
    QString token;
    for (const QByteArray &cookie : request.header("cookie").split(';')) {
        const QByteArray c = cookie.trimmed();
        if (c.startsWith("coder_session_token=")) {
            token = QString::fromUtf8(c.mid(int(qstrlen("coder_session_token="))));
            break;
        }
    }
    if (token.isEmpty())
        token = request.queryValue(QStringLiteral("coder_session_token"));
    if (token.isEmpty())
        token = QString::fromUtf8(request.header("coder-session-token"));
    return token;
}

bool SimRoutes::isAuthenticated(const HttpRequest &request) const
{
    const QString token = requestToken(request);
    if (token.isEmpty())
        return false;
    if (token == m_options->token)
        return true;
    // Test-only control routes keep working with a revoked token, so a test can still drive
    // the simulator (install a new token, read its state) after revoking the session.
    return request.path.startsWith(QLatin1String("/__sim/"))
        && m_options->revokedTokens.contains(token);
}

HttpResponse SimRoutes::unauthorized(const HttpRequest &request) const
{
    // Texts of coderd/httpmw/apikey.go: one message, the detail says what was wrong.
    const QString token = requestToken(request);
    QString detail;
    const qsizetype dash = token.indexOf(QLatin1Char('-'));
    if (token.isEmpty())
        detail =
            QStringLiteral("Cookie \"coder_session_token\" or query parameter must be provided.");
    else if (dash != 10 || token.size() - dash - 1 != 22)
        detail = QStringLiteral("Invalid API key format: incorrect API key length.");
    else if (!m_options->revokedTokens.contains(token) && !m_options->token.isEmpty()
        && token.left(10) == m_options->token.left(10))
        detail = QStringLiteral("API key secret is invalid.");
    else
        detail = QStringLiteral("API key is invalid."); // unknown or revoked (deleted) key
    HttpResponse r = HttpResponse::error(401,
        QStringLiteral("You are signed out or your session has expired. Please sign in again to "
                       "continue."),
        detail);
    r.addHeader("WWW-Authenticate", "Coder-Session-Token");
    return r;
}

HttpResponse SimRoutes::revokeToken(const HttpRequest &request)
{
    QJsonObject body;
    HttpResponse error;
    if (!request.body.trimmed().isEmpty() && !parseJsonObject(request.body, &body, &error))
        return error;
    const QJsonValue next = body.value(QStringLiteral("token"));
    if (!next.isUndefined() && (!next.isString() || next.toString().trimmed().isEmpty()))
        return HttpResponse::error(400, QStringLiteral("token must be a non-empty string."));
    if (!m_options->token.isEmpty() && !m_options->revokedTokens.contains(m_options->token))
        m_options->revokedTokens.append(m_options->token);
    m_options->token = next.toString().trimmed();
    m_options->revokedTokens.removeAll(m_options->token);
    // Sockets opened with the revoked token end now; their reconnect meets the 401.
    const int closed = m_hub->closeAll();
    qCInfo(lcSim) << "session token revoked; closed" << closed << "sockets; new token installed"
                  << !m_options->token.isEmpty();
    return HttpResponse::json(200,
        QJsonObject{{QStringLiteral("revoked"), true},
            {QStringLiteral("new_token_installed"), !m_options->token.isEmpty()},
            {QStringLiteral("sockets_closed"), closed}});
}

std::optional<HttpResponse> SimRoutes::injectedFailure(const HttpRequest &request)
{
    if (request.path.startsWith(QLatin1String("/__sim/"))
        || !m_options->faults.takeRouteFailure(request.method, request.path))
        return std::nullopt;
    return HttpResponse::error(m_options->faults.failRouteStatus,
        QStringLiteral("Simulated failure."),
        QStringLiteral("fail_route fault injected by agentdesk-sim"));
}

bool SimRoutes::resolveChats(const QString &path, Route *route) const
{
    static const QString experimental = QStringLiteral("/api/experimental/chats");
    static const QString v2 = QStringLiteral("/api/v2/chats");
    const SimGeneration generation = m_options->generation;
    QString rest;
    if (path == experimental || path.startsWith(experimental + QLatin1Char('/'))) {
        // Newest (post-#29548): every promoted route's experimental copy is gone (§20.1.1).
        if (generation == SimGeneration::Newest)
            return false;
        rest = path.mid(experimental.size());
    } else if (generation != SimGeneration::Legacy
        && (path == v2 || path.startsWith(v2 + QLatin1Char('/')))) {
        rest = path.mid(v2.size());
        route->v2 = true;
    } else {
        return false;
    }
    route->chats = true;
    route->rest = rest.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return true;
}

HttpResponse SimRoutes::handle(const HttpRequest &request)
{
    const QString &path = request.path;
    if (path == QLatin1String("/api/v2/buildinfo") && request.method == "GET") {
        return HttpResponse::json(200,
            QJsonObject{
                {QStringLiteral("external_url"), QStringLiteral("https://github.com/coder/coder")},
                {QStringLiteral("version"),
                    m_options->generation == SimGeneration::Newest ? QStringLiteral("v2.40.0-sim")
                                                                   : QStringLiteral("v2.37.1-sim")},
                {QStringLiteral("dashboard_url"),
                    QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())},
                {QStringLiteral("telemetry"), false}, {QStringLiteral("workspace_proxy"), false},
                {QStringLiteral("agent_api_version"), QStringLiteral("1.0")},
                {QStringLiteral("deployment_id"), QStringLiteral("agentdesk-sim")}});
    }
    if (std::optional<HttpResponse> failure = injectedFailure(request))
        return *failure;
    if (HttpResponse steer; dispatchSteer(request, &steer))
        return steer;
    Route route;
    const bool known = resolveChats(path, &route)
        || path.startsWith(QLatin1String("/api/v2/users/"))
        || path == QLatin1String("/api/v2/users") || path == QLatin1String("/api/v2/workspaces")
        || path.startsWith(QLatin1String("/api/v2/organizations/"))
        || path.startsWith(QLatin1String("/__sim/"));
    if (!known)
        return notFound();
    if (!isAuthenticated(request))
        return unauthorized(request);
    if (route.chats)
        return dispatchChats(request, route);
    return dispatch(request);
}

HttpResponse SimRoutes::dispatch(const HttpRequest &request)
{
    const QString &path = request.path;
    if (path.startsWith(QLatin1String("/__sim/")))
        return dispatchControl(request);
    const QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts); // api v2 ...
    if (request.method != "GET")
        return notFound();
    // /api/v2/RESOURCE/…, SIZE segments in all.
    const auto is = [&seg](qsizetype size, const char *resource) {
        return seg.size() == size && seg.at(2) == QLatin1String(resource);
    };
    if (is(4, "users") && seg.at(3) == QLatin1String("me"))
        return HttpResponse::json(200, currentUserJson());
    if (is(3, "users"))
        return users(request);
    if (is(6, "users") && seg.at(4) == QLatin1String("ai") && seg.at(5) == QLatin1String("spend"))
        return userSpend(seg.at(3));
    if (is(5, "organizations") && seg.at(4) == QLatin1String("members"))
        return organizationMembers(seg.at(3));
    if (is(5, "organizations") && seg.at(4) == QLatin1String("groups")) {
        if (seg.at(3).toLower() != QLatin1String(SimState::orgId))
            return resourceNotFound();
        return HttpResponse::json(200, m_state->groups());
    }
    if (is(5, "users") && seg.at(4) == QLatin1String("organizations"))
        return userOrganizations(seg.at(3));
    if (is(3, "workspaces")) {
        const QJsonArray list = m_state->workspaces();
        return HttpResponse::json(200,
            QJsonObject{
                {QStringLiteral("workspaces"), list}, {QStringLiteral("count"), list.size()}});
    }
    if (is(6, "organizations") && seg.at(4) == QLatin1String("chats")
        && seg.at(5) == QLatin1String("models")) {
        if (seg.at(3).toLower() != QLatin1String(SimState::orgId)
            && seg.at(3) != QLatin1String("default"))
            return resourceNotFound();
        return HttpResponse::json(200, m_state->modelsResponse());
    }
    return notFound();
}

QJsonObject SimRoutes::currentUserJson() const
{
    return {{QStringLiteral("id"), QLatin1String(SimState::userId)},
        {QStringLiteral("username"), QStringLiteral("alice")},
        {QStringLiteral("name"), QStringLiteral("Alice Nguyen")},
        {QStringLiteral("email"), QStringLiteral("alice@example.com")},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-05T09:00:00Z")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("login_type"), QStringLiteral("password")},
        {QStringLiteral("organization_ids"), QJsonArray{QLatin1String(SimState::orgId)}},
        {QStringLiteral("roles"),
            m_options->admin
                ? QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("owner")},
                    {QStringLiteral("display_name"), QStringLiteral("Owner")}}}
                : QJsonArray{}},
        {QStringLiteral("avatar_url"), QString()}};
}

HttpResponse SimRoutes::organizationMembers(const QString &organization) const
{
    // OrganizationMemberWithUserData, for a share dialog's member search.
    if (organization.toLower() != QLatin1String(SimState::orgId))
        return resourceNotFound();
    QJsonArray members;
    for (const QJsonValue &u : m_state->users()) {
        const QJsonObject user = u.toObject();
        members.append(QJsonObject{{QStringLiteral("user_id"), user.value(QStringLiteral("id"))},
            {QStringLiteral("organization_id"), QLatin1String(SimState::orgId)},
            {QStringLiteral("username"), user.value(QStringLiteral("username"))},
            {QStringLiteral("name"), user.value(QStringLiteral("name"))},
            {QStringLiteral("email"),
                user.value(QStringLiteral("username")).toString() + QStringLiteral("@example.com")},
            {QStringLiteral("avatar_url"), QString()}, {QStringLiteral("roles"), QJsonArray{}},
            {QStringLiteral("global_roles"), QJsonArray{}},
            {QStringLiteral("created_at"), QStringLiteral("2026-01-05T09:00:00Z")},
            {QStringLiteral("updated_at"), QStringLiteral("2026-01-05T09:00:00Z")}});
    }
    return HttpResponse::json(200, members);
}

HttpResponse SimRoutes::userOrganizations(const QString &who) const
{
    if (who != QLatin1String("me") && who != QLatin1String("alice")
        && who.toLower() != QLatin1String(SimState::userId))
        return resourceNotFound();
    if (m_options->faults.noOrganizations)
        return HttpResponse::json(200, QJsonArray{});
    const QJsonObject org{{QStringLiteral("id"), QLatin1String(SimState::orgId)},
        {QStringLiteral("name"), QStringLiteral("acme")},
        {QStringLiteral("display_name"), QStringLiteral("Acme Inc.")},
        {QStringLiteral("description"), QString()}, {QStringLiteral("icon"), QString()},
        {QStringLiteral("is_default"), true},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-05T09:00:00Z")},
        {QStringLiteral("updated_at"), QStringLiteral("2026-01-05T09:00:00Z")}};
    if (!m_options->faults.twoOrganizations)
        return HttpResponse::json(200, QJsonArray{org});
    QJsonObject second = org;
    second.insert(QStringLiteral("id"), QLatin1String(secondOrgId));
    second.insert(QStringLiteral("name"), QStringLiteral("globex"));
    second.insert(QStringLiteral("display_name"), QStringLiteral("Globex"));
    second.insert(QStringLiteral("is_default"), false);
    return HttpResponse::json(200, QJsonArray{second, org});
}

HttpResponse SimRoutes::lookupChat(const QString &id, SimChat **chat)
{
    *chat = nullptr;
    if (!SimState::isUuid(id))
        return HttpResponse::error(400, QStringLiteral("Invalid UUID \"%1\".").arg(id));
    *chat = m_state->chat(id);
    // Not visible to the signed-in user = not found (the server does not distinguish, §5.2).
    if (*chat && m_state->access(**chat) == SimAccess::None)
        *chat = nullptr;
    return *chat ? HttpResponse() : resourceNotFound();
}

HttpResponse SimRoutes::dispatchChats(const HttpRequest &request, const Route &route)
{
    if (std::optional<HttpResponse> response = dispatchChatCollection(request, route))
        return *response;
    const QStringList &s = route.rest;
    // Decide the route shape before looking the chat up so unknown paths stay 404.
    if (!isChatRoute(s.mid(1).join(QLatin1Char('/'))))
        return notFound();
    SimChat *chat = nullptr;
    if (HttpResponse r = lookupChat(s.first(), &chat); !chat)
        return r;
    if (std::optional<HttpResponse> refusal = refuseChatAccess(request.method, s, *chat))
        return *refusal;
    return dispatchChat(request, s, chat);
}

std::optional<HttpResponse> SimRoutes::dispatchChatCollection(
    const HttpRequest &request, const Route &route)
{
    const QStringList &s = route.rest;
    const QByteArray &m = request.method;
    if (s.isEmpty()) {
        if (m == "GET")
            return listChats(request);
        if (m == "POST")
            return createChat(request);
        return notFound();
    }
    if (s.first() == QLatin1String("files")) {
        if (s.size() == 1 && m == "POST")
            return uploadFile(request);
        if (s.size() == 2 && m == "GET")
            return getFile(s.at(1));
        return notFound();
    }
    const bool modern = m_state->modern();
    if (s.first() == QLatin1String("models") && !(modern && route.v2)) {
        // 2.37 reserved the experimental /models and /model-configs (404, §20.1.2); on
        // /api/v2/chats "models" falls into the {chat} wildcard and fails UUID parsing (400).
        if (s.size() == 1 && m == "GET" && !route.v2 && !modern)
            return HttpResponse::json(200, m_state->modelsResponse());
        return notFound();
    }
    if (modern && s.first() == QLatin1String("model-configs"))
        return notFound();
    if (modern
        && (s.first() == QLatin1String("providers")
            || s.first() == QLatin1String("user-provider-configs"))) {
        if (m_options->generation == SimGeneration::V237 && !route.v2)
            return HttpResponse::error(410,
                QStringLiteral("Legacy chat provider APIs were removed."),
                QStringLiteral("Use /api/v2/users/{user}/ai-provider-keys instead."));
        return notFound();
    }
    if (s.first() == QLatin1String("watch")) {
        if (s.size() == 1 && m == "GET")
            return upgradeRequired();
        return notFound();
    }
    return std::nullopt;
}

bool SimRoutes::isChatRoute(const QString &tail) const
{
    static const QRegularExpression knownLegacy(QStringLiteral(
        "^(|archive|unarchive|messages|messages/[^/]+|queue/[^/]+|queue/[^/]+/promote|interrupt|"
        "tool-results|title/propose|title/regenerate|diff|prompts|cost|stream|stream/git)$"));
    // v237/newest: archive/unarchive and title/regenerate are gone; ACL and context are new.
    static const QRegularExpression knownModern(QStringLiteral(
        "^(|messages|messages/[^/]+|queue/[^/]+|queue/[^/]+/promote|interrupt|tool-results|"
        "title/propose|diff|prompts|cost|stream|stream/git|acl|context|compact|clear)$"));
    return (m_state->modern() ? knownModern : knownLegacy).match(tail).hasMatch();
}

std::optional<HttpResponse> SimRoutes::refuseChatAccess(
    const QByteArray &m, const QStringList &s, const SimChat &chat) const
{
    // §20.3.4: shared viewers may read; every write answers 404 to them (the update check
    // fails first). A non-owner with update rights (an admin) gets 403 on owner-only actions.
    const SimAccess access = m_state->access(chat);
    const bool read = m == "GET";
    const bool ownerOnly = (m == "POST" && s.size() == 2 && s.at(1) == QLatin1String("messages"))
        || (m == "PATCH" && s.size() == 3 && s.at(1) == QLatin1String("messages"))
        || (m == "POST" && s.size() == 4 && s.at(1) == QLatin1String("queue"))
        || (m == "POST" && s.size() == 3 && s.at(1) == QLatin1String("title"))
        || (m == "POST" && s.size() == 2
            && (s.at(1) == QLatin1String("compact") || s.at(1) == QLatin1String("clear")));
    const bool aclRoute = s.size() == 2 && s.at(1) == QLatin1String("acl");
    if (!read && !aclRoute && access == SimAccess::Viewer)
        return resourceNotFound();
    if (ownerOnly && access == SimAccess::Admin) {
        const QString what = s.at(1) == QLatin1String("compact")
            ? QStringLiteral("compact the chat")
            : s.at(1) == QLatin1String("clear") ? QStringLiteral("clear the chat context")
            : s.at(1) == QLatin1String("queue") ? QStringLiteral("promote queued messages")
            : s.at(1) == QLatin1String("title") ? QStringLiteral("propose a title")
            : m == "PATCH"                      ? QStringLiteral("edit messages")
                                                : QStringLiteral("send messages");
        return HttpResponse::error(403, QStringLiteral("Only the chat owner may %1.").arg(what));
    }
    return std::nullopt;
}

HttpResponse SimRoutes::dispatchChat(
    const HttpRequest &request, const QStringList &s, SimChat *chat)
{
    const QByteArray &m = request.method;
    if (s.size() == 1) {
        if (m == "GET")
            return HttpResponse::json(200, m_state->chatJson(*chat, true));
        if (m == "PATCH")
            return updateChat(request, chat);
        return notFound();
    }
    const QString &what = s.at(1);
    if (what == QLatin1String("acl")) {
        if (m == "GET")
            return getAcl(chat);
        if (m == "PATCH")
            return patchAcl(request, chat, false);
        return notFound();
    }
    if (what == QLatin1String("context"))
        return m == "PUT" ? refreshContext(chat) : notFound();
    if ((what == QLatin1String("archive") || what == QLatin1String("unarchive")) && s.size() == 2
        && m == "POST")
        return setArchived(chat, what == QLatin1String("archive"));
    if (what == QLatin1String("messages")) {
        if (s.size() == 2 && m == "GET")
            return listMessages(request, chat);
        if (s.size() == 2 && m == "POST")
            return sendMessage(request, chat);
        if (s.size() == 3 && m == "PATCH")
            return editMessage(request, chat, s.at(2));
        return notFound();
    }
    if (what == QLatin1String("queue")) {
        if (s.size() == 3 && m == "DELETE")
            return deleteQueued(chat, s.at(2));
        if (s.size() == 4 && m == "POST")
            return promoteQueued(chat, s.at(2));
        return notFound();
    }
    if (m == "POST") {
        if (what == QLatin1String("interrupt"))
            return interruptChat(chat);
        if (what == QLatin1String("tool-results"))
            return toolResults(request, chat);
        if (what == QLatin1String("compact") || what == QLatin1String("clear"))
            return compactOrClear(chat, what == QLatin1String("clear"));
        if (what == QLatin1String("title"))
            return titleRoute(chat, s.at(2) == QLatin1String("propose"));
    }
    if (m == "GET") {
        if (what == QLatin1String("diff"))
            return diff(chat);
        if (what == QLatin1String("prompts"))
            return prompts(request, chat);
        if (what == QLatin1String("cost"))
            return cost(*chat);
        if (what == QLatin1String("stream"))
            return upgradeRequired();
    }
    return notFound();
}

HttpResponse SimRoutes::titleRoute(SimChat *chat, bool propose)
{
    if (propose)
        return HttpResponse::json(
            200, QJsonObject{{QStringLiteral("title"), generatedTitle(*chat)}});
    chat->title = generatedTitle(*chat);
    m_state->touch(chat->id);
    m_state->publishWatch(QStringLiteral("title_change"), chat->id);
    return HttpResponse::json(200, m_state->chatJson(*chat, true));
}

HttpResponse SimRoutes::cost(const SimChat &chat) const
{
    int requests = 0;
    const qint64 total = treeCostMicros(chat, &requests);
    return HttpResponse::json(200,
        QJsonObject{{QStringLiteral("chat_id"), chat.id},
            {QStringLiteral("total_cost_micros"), total},
            {QStringLiteral("request_count"), requests},
            {QStringLiteral("unpriced_request_count"), 0}});
}

UpgradeDecision SimRoutes::handleUpgrade(const HttpRequest &request)
{
    UpgradeDecision decision;
    if (std::optional<HttpResponse> failure = injectedFailure(request)) {
        decision.error = *failure;
        return decision;
    }
    Route route;
    if (request.method != "GET" || !resolveChats(request.path, &route) || route.rest.isEmpty()) {
        decision.error = notFound();
        return decision;
    }
    const QStringList &s = route.rest;
    const bool watch = s.size() == 1 && s.first() == QLatin1String("watch");
    const bool stream = s.size() == 2 && s.at(1) == QLatin1String("stream");
    const bool git =
        s.size() == 3 && s.at(1) == QLatin1String("stream") && s.at(2) == QLatin1String("git");
    if (!watch && !stream && !git) {
        decision.error = notFound();
        return decision;
    }
    if (!isAuthenticated(request)) {
        decision.error = unauthorized(request);
        return decision;
    }
    if (watch) {
        decision.accepted = true;
        decision.route.kind = WsRoute::Kind::Watch;
        return decision;
    }
    SimChat *chat = nullptr;
    if (HttpResponse r = lookupChat(s.first(), &chat); !chat) {
        decision.error = r;
        return decision;
    }
    decision.route.chatId = chat->id;
    if (git) {
        if (chat->workspaceId.isEmpty()) {
            decision.error =
                HttpResponse::error(400, QStringLiteral("Chat has no workspace to watch."));
            return decision;
        }
        decision.route.kind = WsRoute::Kind::Git;
        decision.accepted = true;
        return decision;
    }
    decision.route.kind = WsRoute::Kind::Stream;
    if (request.hasQuery(QStringLiteral("after_id"))) {
        bool ok = false;
        const qint64 after = request.queryValue(QStringLiteral("after_id")).toLongLong(&ok);
        if (!ok || after < 0) {
            decision.error =
                badQuery(QStringLiteral("after_id"), QStringLiteral("must be a valid integer"));
            return decision;
        }
        decision.route.afterId = after;
        decision.route.hasAfterId = true;
    }
    decision.accepted = true;
    return decision;
}

} // namespace AgentDeskSim
