#include "SimRoutes.h"

#include "ScriptedAgent.h"
#include "SimHttpServer.h"
#include "SimKeys.h"
#include "SimLogging.h"
#include "SimOptions.h"
#include "SimSocketHub.h"
#include "SimState.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QWebSocketProtocol>

#include <algorithm>

namespace AgentDeskSim {

namespace {

const QString kMessage = QStringLiteral("message");
constexpr qint64 maxCreateBody = 256 * 1024;
constexpr qint64 maxUploadBytes = 10 * 1024 * 1024;
//! The second organization of the two_organizations fault (not the default; the org-scoped models route does not know it).
constexpr const char *secondOrgId = "3e1f5a7c-9b2d-4c6e-8f0a-1b3d5f7a9c2e";

HttpResponse notFound()
{
    return HttpResponse::error(404, QStringLiteral("Route not found."));
}

HttpResponse resourceNotFound()
{
    return HttpResponse::error(
        404, QStringLiteral("Resource not found or you do not have access to this resource"));
}

HttpResponse badQuery(const QString &field, const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("Query parameters have invalid values."), {},
        {HttpResponse::validation(field, detail)});
}

bool parseJsonObject(const QByteArray &body, QJsonObject *out, HttpResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = HttpResponse::error(400, QStringLiteral("Request body must be valid JSON."),
            parseError.error != QJsonParseError::NoError
                ? parseError.errorString()
                : QStringLiteral("expected a JSON object"));
        return false;
    }
    *out = doc.object();
    return true;
}

//! Strict int64 query parsing: absent → default, otherwise digits only.
bool parseInt(const HttpRequest &request, const QString &key, qint64 *value, bool *present)
{
    *present = request.hasQuery(key);
    if (!*present)
        return true;
    bool ok = false;
    *value = request.queryValue(key).toLongLong(&ok);
    return ok;
}

QString messageText(const QJsonArray &content)
{
    QStringList texts;
    for (const QJsonValue &p : content) {
        if (p.toObject().value(kType).toString() == kText)
            texts.append(p.toObject().value(kText).toString());
    }
    return texts.join(QLatin1Char(' '));
}

// Sniffs the real type of an upload; text kinds are refined by the declared type later.
QString sniff(const QByteArray &data)
{
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (data.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (data.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    const QByteArray head = data.left(8192);
    if (head.contains('\0'))
        return QStringLiteral("application/octet-stream");
    QJsonParseError parseError;
    QJsonDocument::fromJson(data, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return QStringLiteral("application/json");
    return QStringLiteral("text/plain");
}

} // namespace

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
    if (!path.startsWith(QLatin1String("/__sim/"))
        && m_options->faults.takeRouteFailure(request.method, path)) {
        return HttpResponse::error(m_options->faults.failRouteStatus,
            QStringLiteral("Simulated failure."),
            QStringLiteral("fail_route fault injected by agentdesk-sim"));
    }
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
    const QByteArray &method = request.method;
    if (path.startsWith(QLatin1String("/__sim/")))
        return dispatchControl(request);
    const QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts); // api v2 ...
    if (method != "GET")
        return notFound();
    const QJsonObject org{{QStringLiteral("id"), QLatin1String(SimState::orgId)},
        {QStringLiteral("name"), QStringLiteral("acme")},
        {QStringLiteral("display_name"), QStringLiteral("Acme Inc.")},
        {QStringLiteral("description"), QString()}, {QStringLiteral("icon"), QString()},
        {QStringLiteral("is_default"), true},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-05T09:00:00Z")},
        {QStringLiteral("updated_at"), QStringLiteral("2026-01-05T09:00:00Z")}};
    if (seg.size() == 4 && seg.at(2) == QLatin1String("users")
        && seg.at(3) == QLatin1String("me")) {
        return HttpResponse::json(200,
            QJsonObject{{QStringLiteral("id"), QLatin1String(SimState::userId)},
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
                {QStringLiteral("avatar_url"), QString()}});
    }
    if (seg.size() == 3 && seg.at(2) == QLatin1String("users"))
        return users(request);
    if (seg.size() == 5 && seg.at(2) == QLatin1String("organizations")
        && seg.at(4) == QLatin1String("members")) {
        // OrganizationMemberWithUserData, for a share dialog's member search.
        if (seg.at(3).toLower() != QLatin1String(SimState::orgId))
            return resourceNotFound();
        QJsonArray members;
        for (const QJsonValue &u : m_state->users()) {
            const QJsonObject user = u.toObject();
            members.append(QJsonObject{
                {QStringLiteral("user_id"), user.value(QStringLiteral("id"))},
                {QStringLiteral("organization_id"), QLatin1String(SimState::orgId)},
                {QStringLiteral("username"), user.value(QStringLiteral("username"))},
                {QStringLiteral("name"), user.value(QStringLiteral("name"))},
                {QStringLiteral("email"),
                    user.value(QStringLiteral("username")).toString()
                        + QStringLiteral("@example.com")},
                {QStringLiteral("avatar_url"), QString()}, {QStringLiteral("roles"), QJsonArray{}},
                {QStringLiteral("global_roles"), QJsonArray{}},
                {QStringLiteral("created_at"), QStringLiteral("2026-01-05T09:00:00Z")},
                {QStringLiteral("updated_at"), QStringLiteral("2026-01-05T09:00:00Z")}});
        }
        return HttpResponse::json(200, members);
    }
    if (seg.size() == 5 && seg.at(2) == QLatin1String("organizations")
        && seg.at(4) == QLatin1String("groups")) {
        if (seg.at(3).toLower() != QLatin1String(SimState::orgId))
            return resourceNotFound();
        return HttpResponse::json(200, m_state->groups());
    }
    if (seg.size() == 5 && seg.at(2) == QLatin1String("users")
        && seg.at(4) == QLatin1String("organizations")) {
        const QString who = seg.at(3);
        if (who != QLatin1String("me") && who != QLatin1String("alice")
            && who.toLower() != QLatin1String(SimState::userId))
            return resourceNotFound();
        if (m_options->faults.noOrganizations)
            return HttpResponse::json(200, QJsonArray{});
        if (m_options->faults.twoOrganizations) {
            QJsonObject second = org;
            second.insert(QStringLiteral("id"), QLatin1String(secondOrgId));
            second.insert(QStringLiteral("name"), QStringLiteral("globex"));
            second.insert(QStringLiteral("display_name"), QStringLiteral("Globex"));
            second.insert(QStringLiteral("is_default"), false);
            return HttpResponse::json(200, QJsonArray{second, org});
        }
        return HttpResponse::json(200, QJsonArray{org});
    }
    if (seg.size() == 3 && seg.at(2) == QLatin1String("workspaces")) {
        const QJsonArray list = m_state->workspaces();
        return HttpResponse::json(200,
            QJsonObject{
                {QStringLiteral("workspaces"), list}, {QStringLiteral("count"), list.size()}});
    }
    if (seg.size() == 6 && seg.at(2) == QLatin1String("organizations")
        && seg.at(4) == QLatin1String("chats") && seg.at(5) == QLatin1String("models")) {
        if (seg.at(3).toLower() != QLatin1String(SimState::orgId)
            && seg.at(3) != QLatin1String("default"))
            return resourceNotFound();
        return HttpResponse::json(200, m_state->modelsResponse());
    }
    return notFound();
}

HttpResponse SimRoutes::dispatchControl(const HttpRequest &request)
{
    const QStringList seg = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (seg.size() == 2 && seg.at(1) == QLatin1String("state") && request.method == "GET")
        return simState();
    if (seg.size() == 2 && seg.at(1) == QLatin1String("revoke-token") && request.method == "POST")
        return revokeToken(request);
    if (seg.size() == 2 && seg.at(1) == QLatin1String("capacity") && request.method == "POST") {
        QJsonObject body;
        HttpResponse error;
        if (!parseJsonObject(request.body, &body, &error))
            return error;
        const int limit = body.value(QStringLiteral("limit")).toInt(-1);
        if (limit < 0)
            return HttpResponse::error(400, QStringLiteral("limit must be a non-negative number."));
        m_options->capacityLimit = limit;
        m_agent->releaseCapacity();
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("limit"), limit}});
    }
    if (seg.size() == 2 && seg.at(1) == QLatin1String("faults")) {
        if (request.method == "GET")
            return HttpResponse::json(200, m_options->faults.toJson());
        if (request.method == "POST")
            return simFaults(request);
    }
    if (seg.size() == 4 && seg.at(1) == QLatin1String("chats") && request.method == "POST") {
        // Control routes reach every chat, whoever owns it.
        SimChat *chat = m_state->chat(seg.at(2));
        if (!chat)
            return resourceNotFound();
        QJsonObject body;
        HttpResponse error;
        if (!request.body.trimmed().isEmpty() && !parseJsonObject(request.body, &body, &error))
            return error;
        const QString id = chat->id;
        const QString action = seg.at(3);
        if (action == QLatin1String("context-dirty")) {
            // The agent pushed a snapshot that differs from the pinned one (§20.5).
            chat->hasContext = true;
            chat->contextDirty = body.value(QStringLiteral("dirty")).toBool(true);
            chat->contextDirtySince =
                chat->contextDirty ? QDateTime::currentDateTimeUtc() : QDateTime();
            m_state->publishWatch(QStringLiteral("context_dirty"), id);
            return HttpResponse::json(200, m_state->chatJson(*chat, true));
        }
        if (action == QLatin1String("warnings")) {
            chat->warnings.clear();
            for (const QJsonValue &w : body.value(QStringLiteral("warnings")).toArray())
                chat->warnings.append(w.toString());
            m_state->publishWatch(QStringLiteral("status_change"), id);
            return HttpResponse::json(200, m_state->chatJson(*chat, true));
        }
        if (action == QLatin1String("acl")) {
            // Acts as the chat's owner (e.g. bob un-sharing his chat with alice).
            return patchAcl(request, chat, true);
        }
        if (action == QLatin1String("delete")) {
            // A real deletion (e.g. the chats of a deleted project): `deleted` watch events
            // whose chat is *not* archived (§20.2), the streams close, then 404.
            QStringList family{id};
            family += chat->childIds;
            for (const QString &member : std::as_const(family)) {
                m_agent->cancel(member);
                m_state->publishWatch(QStringLiteral("deleted"), member);
            }
            m_hub->closeStreams(family, int(QWebSocketProtocol::CloseCodeGoingAway),
                QStringLiteral("chat deleted"));
            for (const QString &member : std::as_const(family))
                m_state->removeChat(member);
            return HttpResponse::noContent();
        }
        if (action != QLatin1String("turn"))
            return notFound();
        if (SimState::isActive(chat->status) || chat->status == QLatin1String("requires_action"))
            return HttpResponse::error(409, QStringLiteral("Chat is busy."));
        m_agent->startTurn(id, body.value(QStringLiteral("scenario")).toString());
        return HttpResponse::json(202, m_state->chatJson(*m_state->chat(id), true));
    }
    return notFound();
}

HttpResponse SimRoutes::simState()
{
    QJsonObject perChat;
    for (const SimChat &c : m_state->chats())
        perChat.insert(c.id, qint64(c.messages.size()));
    return HttpResponse::json(200,
        QJsonObject{{QStringLiteral("chat_count"), qint64(m_state->chats().size())},
            {QStringLiteral("message_count"), m_state->messageCount()},
            {QStringLiteral("messages_per_chat"), perChat},
            {QStringLiteral("sockets_open"), m_hub->openSockets()},
            {QStringLiteral("stream_sockets_open"), m_hub->openSockets(WsRoute::Kind::Stream)},
            {QStringLiteral("watch_sockets_open"), m_hub->openSockets(WsRoute::Kind::Watch)},
            {QStringLiteral("git_sockets_open"), m_hub->openSockets(WsRoute::Kind::Git)},
            {QStringLiteral("http_connections_open"), m_server->openConnections()},
            {QStringLiteral("drops_done"), m_hub->dropsDone()},
            {QStringLiteral("drops_mid_frame"), m_hub->midFrameDrops()},
            {QStringLiteral("frames_sent"), m_hub->framesSent()},
            {QStringLiteral("scenarios"), QJsonArray::fromStringList(m_agent->scenarioNames())},
            {QStringLiteral("generation"),
                m_options->generation == SimGeneration::Legacy     ? QStringLiteral("legacy")
                    : m_options->generation == SimGeneration::V237 ? QStringLiteral("v237")
                                                                   : QStringLiteral("newest")},
            {QStringLiteral("faults"), m_options->faults.toJson()}});
}

HttpResponse SimRoutes::simFaults(const HttpRequest &request)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    QString message;
    if (!m_options->faults.apply(body, &message))
        return HttpResponse::error(400, QStringLiteral("Invalid fault settings."), message);
    qCInfo(lcSim) << "faults changed"
                  << QJsonDocument(m_options->faults.toJson()).toJson(QJsonDocument::Compact);
    return HttpResponse::json(200, m_options->faults.toJson());
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
            return HttpResponse::error(
                400, QStringLiteral("This endpoint requires a WebSocket upgrade."));
        return notFound();
    }
    SimChat *chat = nullptr;
    // Decide the route shape before looking the chat up so unknown paths stay 404.
    const QString tail = s.mid(1).join(QLatin1Char('/'));
    static const QRegularExpression knownLegacy(QStringLiteral(
        "^(|archive|unarchive|messages|messages/[^/]+|queue/[^/]+|queue/[^/]+/promote|interrupt|"
        "tool-results|title/propose|title/regenerate|diff|prompts|cost|stream|stream/git)$"));
    // v237/newest: archive/unarchive and title/regenerate are gone; ACL and context are new.
    static const QRegularExpression knownModern(QStringLiteral(
        "^(|messages|messages/[^/]+|queue/[^/]+|queue/[^/]+/promote|interrupt|tool-results|"
        "title/propose|diff|prompts|cost|stream|stream/git|acl|context|compact|clear)$"));
    if (!(modern ? knownModern : knownLegacy).match(tail).hasMatch())
        return notFound();
    if (HttpResponse r = lookupChat(s.first(), &chat); !chat)
        return r;
    // §20.3.4: shared viewers may read; every write answers 404 to them (the update check
    // fails first). A non-owner with update rights (an admin) gets 403 on owner-only actions.
    const SimAccess access = m_state->access(*chat);
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
    if (aclRoute) {
        if (m == "GET")
            return getAcl(chat);
        if (m == "PATCH")
            return patchAcl(request, chat, false);
        return notFound();
    }
    if (s.size() == 2 && s.at(1) == QLatin1String("context")) {
        if (m == "PUT")
            return refreshContext(chat);
        return notFound();
    }
    if (s.size() == 1) {
        if (m == "GET")
            return HttpResponse::json(200, m_state->chatJson(*chat, true));
        if (m == "PATCH")
            return updateChat(request, chat);
        return notFound();
    }
    const QString &what = s.at(1);
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
    if (what == QLatin1String("interrupt") && m == "POST")
        return interruptChat(chat);
    if (what == QLatin1String("tool-results") && m == "POST")
        return toolResults(request, chat);
    if ((what == QLatin1String("compact") || what == QLatin1String("clear")) && m == "POST")
        return compactOrClear(chat, what == QLatin1String("clear"));
    if (what == QLatin1String("title") && m == "POST") {
        if (s.at(2) == QLatin1String("propose"))
            return HttpResponse::json(
                200, QJsonObject{{QStringLiteral("title"), generatedTitle(*chat)}});
        chat->title = generatedTitle(*chat);
        m_state->touch(chat->id);
        m_state->publishWatch(QStringLiteral("title_change"), chat->id);
        return HttpResponse::json(200, m_state->chatJson(*chat, true));
    }
    if (what == QLatin1String("diff") && m == "GET")
        return diff(chat);
    if (what == QLatin1String("prompts") && m == "GET")
        return prompts(request, chat);
    if (what == QLatin1String("cost") && m == "GET") {
        return HttpResponse::json(200,
            QJsonObject{{QStringLiteral("chat_id"), chat->id},
                {QStringLiteral("total_cost_micros"), chat->costMicros},
                {QStringLiteral("request_count"), chat->requestCount},
                {QStringLiteral("unpriced_request_count"), 0}});
    }
    if (what == QLatin1String("stream") && m == "GET")
        return HttpResponse::error(
            400, QStringLiteral("This endpoint requires a WebSocket upgrade."));
    return notFound();
}

UpgradeDecision SimRoutes::handleUpgrade(const HttpRequest &request)
{
    UpgradeDecision decision;
    if (!request.path.startsWith(QLatin1String("/__sim/"))
        && m_options->faults.takeRouteFailure(request.method, request.path)) {
        decision.error = HttpResponse::error(m_options->faults.failRouteStatus,
            QStringLiteral("Simulated failure."),
            QStringLiteral("fail_route fault injected by agentdesk-sim"));
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

bool SimRoutes::convertContent(const QJsonValue &content, QJsonArray *parts, HttpResponse *error)
{
    if (!content.isArray() || content.toArray().isEmpty()) {
        *error = HttpResponse::error(400, QStringLiteral("content is required."), {},
            {HttpResponse::validation(
                QStringLiteral("content"), QStringLiteral("must contain at least one part"))});
        return false;
    }
    const QJsonArray input = content.toArray();
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QJsonObject in = input.at(i).toObject();
        const QString type = in.value(kType).toString();
        const QString field = QStringLiteral("content[%1]").arg(i);
        if (type == kText) {
            const QString text = in.value(kText).toString().trimmed();
            if (text.isEmpty()) {
                *error = HttpResponse::error(400, field + QStringLiteral(".text cannot be empty."));
                return false;
            }
            parts->append(QJsonObject{{kType, kText}, {kText, text}});
        } else if (type == QLatin1String("file")) {
            const SimFile *file = m_state->file(in.value(QStringLiteral("file_id")).toString());
            if (!file) {
                *error = HttpResponse::error(
                    400, field + QStringLiteral(".file_id references an unknown file."));
                return false;
            }
            parts->append(
                QJsonObject{{kType, QStringLiteral("file")}, {QStringLiteral("file_id"), file->id},
                    {QStringLiteral("media_type"), file->mimeType},
                    {QStringLiteral("name"), file->name}});
        } else if (type == QLatin1String("file-reference")) {
            const QString name = in.value(QStringLiteral("file_name")).toString();
            if (name.isEmpty()) {
                *error =
                    HttpResponse::error(400, field + QStringLiteral(".file_name cannot be empty."));
                return false;
            }
            parts->append(QJsonObject{{kType, QStringLiteral("file-reference")},
                {QStringLiteral("file_name"), name},
                {QStringLiteral("start_line"), in.value(QStringLiteral("start_line")).toInt()},
                {QStringLiteral("end_line"), in.value(QStringLiteral("end_line")).toInt()},
                {QStringLiteral("content"), in.value(QStringLiteral("content")).toString()}});
        } else {
            *error = HttpResponse::error(
                400, field + QStringLiteral(".type \"%1\" is not supported.").arg(type));
            return false;
        }
    }
    if (parts->size() > 50) {
        *error = HttpResponse::error(400, QStringLiteral("Chat attachment limit reached."));
        return false;
    }
    return true;
}

HttpResponse SimRoutes::listChats(const HttpRequest &request)
{
    QJsonArray validations;
    bool archived = false;
    std::optional<bool> hasUnread;
    QStringList titles, prTitles, repos, searches, diffUrls;
    QSet<QString> prStatuses;
    QList<qint64> prNumbers;
    bool wantOwn = true; // without a source: term, only the caller's own chats (§20.3.5)
    bool wantShared = false;
    // Tokenize q: space-separated key:value terms, values may be double-quoted.
    const QString q = request.queryValue(QStringLiteral("q"));
    QStringList terms;
    {
        QString current;
        bool quoted = false;
        for (const QChar c : q) {
            if (c == QLatin1Char('"')) {
                quoted = !quoted;
                current += c;
            } else if (c.isSpace() && !quoted) {
                if (!current.isEmpty())
                    terms.append(current);
                current.clear();
            } else {
                current += c;
            }
        }
        if (!current.isEmpty())
            terms.append(current);
        if (quoted)
            validations.append(HttpResponse::validation(
                QStringLiteral("q"), QStringLiteral("unterminated quote")));
    }
    for (const QString &term : std::as_const(terms)) {
        int colons = 0;
        bool inQuote = false;
        for (const QChar c : term) {
            if (c == QLatin1Char('"'))
                inQuote = !inQuote;
            else if (c == QLatin1Char(':') && !inQuote)
                ++colons;
        }
        const qsizetype colon = term.indexOf(QLatin1Char(':'));
        if (colons == 0 || colon <= 0) {
            validations.append(HttpResponse::validation(QStringLiteral("q"),
                QStringLiteral("unsupported search term \"%1\": use key:value, e.g. title:%1")
                    .arg(term)));
            continue;
        }
        if (colons > 1) {
            validations.append(HttpResponse::validation(QStringLiteral("q"),
                QStringLiteral("can only contain 1 ':' unless the value is quoted: \"%1\"")
                    .arg(term)));
            continue;
        }
        const QString key = term.left(colon).toLower();
        QString value = term.mid(colon + 1);
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"'))
            && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        auto boolValue = [&](bool *target) {
            if (value == QLatin1String("true"))
                *target = true;
            else if (value == QLatin1String("false"))
                *target = false;
            else
                validations.append(HttpResponse::validation(
                    key, QStringLiteral("\"%1\" is not a valid boolean").arg(value)));
        };
        if (key == QLatin1String("title")) {
            titles.append(value);
        } else if (key == QLatin1String("archived")) {
            boolValue(&archived);
        } else if (key == QLatin1String("has_unread")) {
            bool b = false;
            boolValue(&b);
            hasUnread = b;
        } else if (key == QLatin1String("pr_status")) {
            for (const QString &v : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                static const QStringList allowed{QStringLiteral("draft"), QStringLiteral("open"),
                    QStringLiteral("merged"), QStringLiteral("closed")};
                if (!allowed.contains(v.toLower()))
                    validations.append(HttpResponse::validation(
                        key, QStringLiteral("\"%1\" is not a valid value").arg(v)));
                prStatuses.insert(v.toLower());
            }
        } else if (key == QLatin1String("pr")) {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n <= 0)
                validations.append(HttpResponse::validation(
                    key, QStringLiteral("\"%1\" is not a positive integer").arg(value)));
            prNumbers.append(n);
        } else if (key == QLatin1String("repo")) {
            repos.append(value);
        } else if (key == QLatin1String("pr_title")) {
            prTitles.append(value);
        } else if (key == QLatin1String("diff_url")) {
            const QUrl url(value, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty()
                || (url.scheme() != QLatin1String("http")
                    && url.scheme() != QLatin1String("https")))
                validations.append(HttpResponse::validation(
                    key, QStringLiteral("\"%1\" is not a valid http(s) URL").arg(value)));
            diffUrls.append(value);
        } else if (key == QLatin1String("source")) {
            const QStringList values = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &v : values) {
                if (v != QLatin1String("created_by_me") && v != QLatin1String("shared_with_me"))
                    validations.append(HttpResponse::validation(
                        key, QStringLiteral("\"%1\" is not a valid value").arg(v)));
            }
            wantOwn = values.contains(QStringLiteral("created_by_me"));
            wantShared = values.contains(QStringLiteral("shared_with_me"));
        } else if (key == QLatin1String("search")) {
            searches.append(value);
        } else {
            validations.append(HttpResponse::validation(
                key, QStringLiteral("\"%1\" is not a valid query param").arg(key)));
        }
    }
    if (!searches.isEmpty() && (!titles.isEmpty() || !prTitles.isEmpty() || !prNumbers.isEmpty()))
        validations.append(HttpResponse::validation(QStringLiteral("search"),
            QStringLiteral("search cannot be combined with title, pr_title or pr")));
    if (!validations.isEmpty())
        return HttpResponse::error(
            400, QStringLiteral("Invalid chat search query."), {}, validations);

    QList<QPair<QString, QString>> labels;
    for (const QString &label : request.queryValues(QStringLiteral("label"))) {
        const qsizetype colon = label.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            return HttpResponse::error(400, QStringLiteral("Invalid label filter."), {},
                {HttpResponse::validation(QStringLiteral("label"),
                    QStringLiteral("\"%1\" must be key:value").arg(label))});
        }
        labels.append({label.left(colon), label.mid(colon + 1)});
    }
    qint64 limit = 0, offset = 0;
    bool present = false;
    if (!parseInt(request, QStringLiteral("limit"), &limit, &present) || limit < 0)
        return badQuery(QStringLiteral("limit"), QStringLiteral("must be a non-negative integer"));
    if (!parseInt(request, QStringLiteral("offset"), &offset, &present) || offset < 0)
        return badQuery(QStringLiteral("offset"), QStringLiteral("must be a non-negative integer"));
    const QString afterId = request.queryValue(QStringLiteral("after_id"));
    if (!afterId.isEmpty() && !SimState::isUuid(afterId))
        return badQuery(QStringLiteral("after_id"), QStringLiteral("must be a valid UUID"));

    auto contains = [](const QString &hay, const QStringList &needles) {
        return std::all_of(needles.begin(), needles.end(),
            [&](const QString &n) { return hay.contains(n, Qt::CaseInsensitive); });
    };
    QJsonArray result;
    bool afterSeen = afterId.isEmpty();
    qint64 skipped = 0;
    for (const SimChat *c : m_state->sortedRoots()) {
        if (c->archived != archived)
            continue;
        const bool own = c->ownerId == QLatin1String(SimState::userId);
        if (!((wantOwn && own) || (wantShared && !own && m_state->isSharedWith(*c))))
            continue;
        if (hasUnread && c->hasUnread != *hasUnread)
            continue;
        if (!contains(c->title, titles))
            continue;
        const QJsonObject ds = c->prStatus;
        if (!prStatuses.isEmpty()) {
            QString st = ds.value(QStringLiteral("pull_request_state")).toString();
            if (st == QLatin1String("open")
                && ds.value(QStringLiteral("pull_request_draft")).toBool())
                st = QStringLiteral("draft");
            if (!prStatuses.contains(st))
                continue;
        }
        if (!prNumbers.isEmpty()
            && !prNumbers.contains(ds.value(QStringLiteral("pr_number")).toInteger()))
            continue;
        if (!prTitles.isEmpty()
            && !contains(ds.value(QStringLiteral("pull_request_title")).toString(), prTitles))
            continue;
        if (!repos.isEmpty()
            && !contains(
                c->remoteOrigin + QLatin1Char(' ') + ds.value(QStringLiteral("url")).toString(),
                repos))
            continue;
        if (!diffUrls.isEmpty()
            && !std::all_of(diffUrls.begin(), diffUrls.end(), [&](const QString &u) {
                   return ds.value(QStringLiteral("url")).toString().compare(u, Qt::CaseInsensitive)
                       == 0;
               }))
            continue;
        if (!searches.isEmpty()) {
            QString hay = c->title;
            for (const SimMessage &msg : c->messages)
                hay += QLatin1Char('\n') + messageText(msg.content);
            if (!contains(hay, searches))
                continue;
        }
        if (!std::all_of(labels.begin(), labels.end(), [&](const QPair<QString, QString> &l) {
                return c->labels.value(l.first).toString() == l.second;
            }))
            continue;
        if (!afterSeen) {
            afterSeen = c->id == afterId.toLower();
            continue;
        }
        if (skipped < offset) {
            ++skipped;
            continue;
        }
        QJsonObject json = m_state->chatJson(*c, false);
        result.append(json);
        if (limit > 0 && result.size() >= limit)
            break;
    }
    return HttpResponse::json(200, result);
}

HttpResponse SimRoutes::createChat(const HttpRequest &request)
{
    if (request.body.size() > maxCreateBody)
        return HttpResponse::error(413, QStringLiteral("Request entity too large."),
            QStringLiteral("The request body must be at most 256 KiB."));
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const QString org = body.value(QStringLiteral("organization_id")).toString();
    if (org.isEmpty() || org == QLatin1String("00000000-0000-0000-0000-000000000000"))
        return HttpResponse::error(400, QStringLiteral("organization_id is required."));
    if (!SimState::isUuid(org))
        return HttpResponse::error(400, QStringLiteral("Invalid UUID \"%1\".").arg(org));
    if (org.toLower() != QLatin1String(SimState::orgId))
        return HttpResponse::error(
            403, QStringLiteral("You are not a member of this organization."));
    QJsonArray parts;
    if (!convertContent(body.value(QStringLiteral("content")), &parts, &error))
        return error;
    SimChat chat;
    chat.id = m_state->newUuid();
    chat.organizationId = org.toLower();
    chat.ownerId = QLatin1String(SimState::userId);
    chat.modelConfigId = QLatin1String(SimState::defaultModelId);
    if (body.contains(QStringLiteral("model_config_id"))) {
        const QString model = body.value(QStringLiteral("model_config_id")).toString();
        if (const QString problem = modelProblem(model); !problem.isEmpty())
            return HttpResponse::error(400, problem);
        if (!m_state->isModel(model))
            return HttpResponse::error(400, QStringLiteral("Invalid model config ID."),
                QStringLiteral("model config %1 does not exist").arg(model));
        chat.modelConfigId = model.toLower();
    }
    static const QStringList efforts{QStringLiteral("none"), QStringLiteral("minimal"),
        QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
        QStringLiteral("xhigh"), QStringLiteral("max")};
    if (m_state->modern() && body.contains(QStringLiteral("reasoning_effort"))
        && !efforts.contains(body.value(QStringLiteral("reasoning_effort")).toString()))
        return HttpResponse::error(400, QStringLiteral("Invalid reasoning_effort."), {},
            {HttpResponse::validation(QStringLiteral("reasoning_effort"),
                QStringLiteral("must be one of %1").arg(efforts.join(QStringLiteral(", "))))});
    const QJsonValue dynamicTools = body.value(QStringLiteral("unsafe_dynamic_tools"));
    if (!dynamicTools.isUndefined() && !dynamicTools.isNull()) {
        // §7.2: at most 250, unique, non-empty names.
        QSet<QString> names;
        const QJsonArray tools = dynamicTools.toArray();
        if (!dynamicTools.isArray() || tools.size() > 250)
            return HttpResponse::error(400, QStringLiteral("Invalid unsafe_dynamic_tools."),
                QStringLiteral("must be an array of at most 250 tools"));
        for (const QJsonValue &tool : tools) {
            const QString name = tool.toObject().value(QStringLiteral("name")).toString().trimmed();
            if (name.isEmpty() || names.contains(name))
                return HttpResponse::error(400, QStringLiteral("Invalid unsafe_dynamic_tools."),
                    name.isEmpty() ? QStringLiteral("every tool needs a name")
                                   : QStringLiteral("duplicate tool name \"%1\"").arg(name));
            names.insert(name);
        }
    }
    const QString workspace = body.value(QStringLiteral("workspace_id")).toString();
    if (!workspace.isEmpty() && !m_state->isWorkspace(workspace))
        return HttpResponse::error(
            400, QStringLiteral("Workspace not found or you do not have access to this resource."));
    // Without a workspace the agent would provision one; the sim binds the default at once.
    chat.workspaceId =
        workspace.isEmpty() ? QLatin1String(SimState::defaultWorkspaceId) : workspace.toLower();
    const QString planMode = body.value(QStringLiteral("plan_mode")).toString();
    if (!planMode.isEmpty() && planMode != QLatin1String("plan"))
        return HttpResponse::error(
            400, QStringLiteral("Invalid plan_mode."), QStringLiteral("must be \"plan\" or empty"));
    chat.planMode = planMode;
    const QString clientType =
        body.value(QStringLiteral("client_type")).toString(QStringLiteral("api"));
    if (clientType != QLatin1String("api") && clientType != QLatin1String("ui"))
        return HttpResponse::error(400, QStringLiteral("Invalid client_type."),
            QStringLiteral("must be \"ui\" or \"api\""));
    chat.clientType = clientType;
    const QJsonValue labels = body.value(QStringLiteral("labels"));
    if (!labels.isUndefined() && !labels.isNull()) {
        if (!labels.isObject())
            return HttpResponse::error(
                400, QStringLiteral("Invalid labels."), QStringLiteral("labels must be an object"));
        // One object: begin() and end() of two temporaries would never meet.
        const QJsonObject labelObject = labels.toObject();
        for (auto it = labelObject.begin(); it != labelObject.end(); ++it) {
            if (it.key().isEmpty() || it.key().size() > 64 || !it.value().isString()
                || it.value().toString().size() > 256)
                return HttpResponse::error(400, QStringLiteral("Invalid labels."), {},
                    {HttpResponse::validation(QStringLiteral("labels"),
                        QStringLiteral("invalid label \"%1\"").arg(it.key()))});
        }
        chat.labels = labels.toObject();
    }
    chat.reasoningEffort = body.value(QStringLiteral("reasoning_effort")).toString();
    QString text = messageText(parts).simplified();
    if (text.size() > 100)
        text = text.left(97) + QStringLiteral("...");
    chat.title = text.isEmpty() ? QStringLiteral("New chat") : text;
    chat.createdAt = QDateTime::currentDateTimeUtc();
    chat.updatedAt = chat.createdAt;
    if (m_state->modern()) {
        // The workspace context is pinned at once; the first turn's user message carries the
        // server-inserted context-file and skill parts (§6.7, §20.11).
        chat.hasContext = true;
        parts.append(QJsonObject{{kType, QStringLiteral("context-file")},
            {QStringLiteral("context_file_path"), QStringLiteral("/home/coder/reports/AGENTS.md")},
            {QStringLiteral("context_file_truncated"), false},
            {QStringLiteral("context_file_agent_id"),
                QStringLiteral("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b")}});
        parts.append(QJsonObject{{kType, QStringLiteral("skill")},
            {QStringLiteral("skill_name"), QStringLiteral("csv-export")},
            {QStringLiteral("skill_description"),
                QStringLiteral("Export tables as RFC 4180 CSV with a header row.")}});
    }
    const QString id = m_state->insertChat(chat).id;
    m_state->appendMessage(id, QStringLiteral("user"), parts);
    m_state->publishWatch(QStringLiteral("created"), id);
    m_agent->startTurn(id);
    return HttpResponse::json(201, m_state->chatJson(*m_state->chat(id), true));
}

HttpResponse SimRoutes::setArchived(SimChat *chat, bool archived)
{
    const bool modern = m_state->modern();
    if (!chat->parentId.isEmpty())
        return HttpResponse::error(
            400, QStringLiteral("Chat archive state can only be changed on the root chat."));
    if (chat->archived == archived)
        return HttpResponse::error(400,
            archived     ? QStringLiteral("Chat is already archived.")
                : modern ? QStringLiteral("Chat is already not archived.")
                         : QStringLiteral("Chat is not archived."));
    QStringList family{chat->id};
    family += chat->childIds;
    if (archived) {
        for (const QString &id : std::as_const(family)) {
            const SimChat *c = m_state->chat(id);
            if (!c)
                continue;
            if (modern
                && (SimState::isActive(c->status)
                    || c->status == QLatin1String("requires_action"))) {
                // §20.2: only waiting and error chats can be archived.
                return HttpResponse::error(409,
                    QStringLiteral("Cannot archive an active chat. Interrupt or wait for the chat "
                                   "to finish first."),
                    QStringLiteral("invalid chat state transition: cannot archive a chat in "
                                   "status \"%1\"")
                        .arg(c->status));
            }
            if (!modern && SimState::isActive(c->status))
                return HttpResponse::error(
                    409, QStringLiteral("Cannot archive an active chat. Interrupt it first."));
        }
    }
    const QString rootId = chat->id;
    QStringList changed;
    if (archived)
        m_state->unpin(rootId, &changed);
    for (const QString &id : std::as_const(family)) {
        if (SimChat *c = m_state->chat(id)) {
            c->archived = archived;
            m_state->touch(id);
        }
    }
    // Newest: one `deleted` (archive, archived:true) or `created` (unarchive) per family
    // member (§20.2); the seed era announced it as status_change.
    const QString kind = !modern ? QStringLiteral("status_change")
        : archived               ? QStringLiteral("deleted")
                                 : QStringLiteral("created");
    for (const QString &id : std::as_const(family))
        m_state->publishWatch(kind, id);
    for (const QString &id : std::as_const(changed)) {
        if (!family.contains(id))
            m_state->publishWatch(QStringLiteral("status_change"), id);
    }
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::updateChat(const HttpRequest &request, SimChat *chat)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const QString id = chat->id;
    // Validate everything first so a failing field leaves the chat untouched.
    QString title;
    if (body.contains(QStringLiteral("title"))) {
        title = body.value(QStringLiteral("title")).toString().trimmed();
        if (title.isEmpty())
            return HttpResponse::error(400, QStringLiteral("Title cannot be empty."), {},
                {HttpResponse::validation(
                    QStringLiteral("title"), QStringLiteral("must not be empty"))});
        if (title.toUcs4().size() > 200)
            return HttpResponse::error(400, QStringLiteral("Title is too long."), {},
                {HttpResponse::validation(
                    QStringLiteral("title"), QStringLiteral("must be at most 200 characters"))});
    }
    if (body.contains(QStringLiteral("labels")) && !body.value(QStringLiteral("labels")).isObject())
        return HttpResponse::error(
            400, QStringLiteral("Invalid labels."), QStringLiteral("labels must be an object"));
    if (body.contains(QStringLiteral("plan_mode"))) {
        const QString plan = body.value(QStringLiteral("plan_mode")).toString();
        if (!plan.isEmpty() && plan != QLatin1String("plan"))
            return HttpResponse::error(400, QStringLiteral("Invalid plan_mode."),
                QStringLiteral("must be \"plan\" or empty"));
    }
    QString workspace;
    if (body.contains(QStringLiteral("workspace_id"))) {
        workspace = body.value(QStringLiteral("workspace_id")).toString().toLower();
        if (workspace != QLatin1String("00000000-0000-0000-0000-000000000000")
            && !m_state->isWorkspace(workspace))
            return HttpResponse::error(400,
                QStringLiteral("Workspace not found or you do not have access to this resource."));
    }
    const QJsonValue pin = body.value(QStringLiteral("pin_order"));
    if (!pin.isUndefined() && (!pin.isDouble() || pin.toDouble() != double(pin.toInteger())))
        return HttpResponse::error(400, QStringLiteral("pin_order must be an integer."));
    if (!pin.isUndefined() && pin.toInteger() < 0)
        return HttpResponse::error(
            400, QStringLiteral("pin_order must be greater than or equal to 0."));
    const bool archivedWillBe = body.contains(QStringLiteral("archived"))
        ? body.value(QStringLiteral("archived")).toBool()
        : chat->archived;
    if (!pin.isUndefined() && pin.toInteger() > 0) {
        if (archivedWillBe)
            return HttpResponse::error(400, QStringLiteral("Cannot pin an archived chat."));
        if (!chat->parentId.isEmpty())
            return HttpResponse::error(400, QStringLiteral("Cannot pin a sub-agent chat."));
    }
    if (body.contains(QStringLiteral("archived"))) {
        const HttpResponse r = setArchived(chat, body.value(QStringLiteral("archived")).toBool());
        if (r.status != 204)
            return r;
    }
    chat = m_state->chat(id);
    QStringList changed;
    bool statusChange = false;
    if (body.contains(QStringLiteral("labels"))) {
        chat->labels = body.value(QStringLiteral("labels")).toObject();
        statusChange = true;
    }
    if (body.contains(QStringLiteral("plan_mode"))) {
        chat->planMode = body.value(QStringLiteral("plan_mode")).toString();
        statusChange = true;
    }
    if (body.contains(QStringLiteral("workspace_id"))) {
        chat->workspaceId = workspace == QLatin1String("00000000-0000-0000-0000-000000000000")
            ? QString()
            : workspace;
        statusChange = true;
    }
    if (!pin.isUndefined()) {
        const QString message =
            m_state->setPinOrder(id, int(qMin<qint64>(pin.toInteger(), 1 << 30)), &changed);
        if (!message.isEmpty())
            return HttpResponse::error(400, message);
    }
    if (!title.isEmpty()) {
        chat->title = title;
        chat->titleGenerated = true; // a user title wins and blocks generation
        if (!m_state->modern())
            m_state->touch(id); // newest: title writes leave updated_at alone (§20.12)
        m_state->publishWatch(QStringLiteral("title_change"), id);
    }
    if (statusChange) {
        m_state->touch(id);
        if (!changed.contains(id))
            changed.append(id);
    }
    changed.removeDuplicates();
    for (const QString &c : std::as_const(changed))
        m_state->publishWatch(QStringLiteral("status_change"), c);
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::listMessages(const HttpRequest &request, SimChat *chat)
{
    qint64 before = 0, after = 0, limit = 50;
    bool hasBefore = false, hasAfter = false, hasLimit = false;
    if (!parseInt(request, QStringLiteral("before_id"), &before, &hasBefore)
        || (hasBefore && before <= 0))
        return badQuery(QStringLiteral("before_id"), QStringLiteral("must be a positive integer"));
    if (!parseInt(request, QStringLiteral("after_id"), &after, &hasAfter)
        || (hasAfter && after < 0))
        return badQuery(
            QStringLiteral("after_id"), QStringLiteral("must be a non-negative integer"));
    if (!parseInt(request, QStringLiteral("limit"), &limit, &hasLimit) || limit < 1 || limit > 200)
        return badQuery(QStringLiteral("limit"), QStringLiteral("must be between 1 and 200"));
    if (hasBefore && hasAfter && after >= before)
        return badQuery(
            QStringLiteral("after_id"), QStringLiteral("after_id must be less than before_id"));
    const QList<SimMessage> &all = chat->messages;
    QJsonArray messages;
    bool hasMore = false;
    if (hasAfter && !hasBefore) {
        auto it = std::upper_bound(
            all.begin(), all.end(), after, [](qint64 v, const SimMessage &m) { return v < m.id; });
        for (; it != all.end(); ++it) {
            if (messages.size() >= limit) {
                hasMore = true;
                break;
            }
            messages.append(m_state->messageJson(*it));
        }
    } else {
        auto end = hasBefore ? std::lower_bound(all.begin(), all.end(), before,
                       [](const SimMessage &m, qint64 v) { return m.id < v; })
                             : all.end();
        auto it = end;
        while (it != all.begin()) {
            --it;
            if (hasAfter && it->id <= after)
                break;
            if (messages.size() >= limit) {
                hasMore = true;
                break;
            }
            messages.append(m_state->messageJson(*it));
        }
    }
    QJsonObject response{
        {QStringLiteral("messages"), messages}, {QStringLiteral("has_more"), hasMore}};
    if (!hasBefore && !hasAfter)
        response.insert(QStringLiteral("queued_messages"), m_state->queueJson(*chat));
    return HttpResponse::json(200, response);
}

HttpResponse SimRoutes::sendMessage(const HttpRequest &request, SimChat *chat)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const QString behavior =
        body.value(QStringLiteral("busy_behavior")).toString(QStringLiteral("queue"));
    if (behavior != QLatin1String("queue") && behavior != QLatin1String("interrupt"))
        return HttpResponse::error(400, QStringLiteral("Invalid busy_behavior."), {},
            {HttpResponse::validation(QStringLiteral("busy_behavior"),
                QStringLiteral("must be \"queue\" or \"interrupt\""))});
    QJsonArray parts;
    if (!convertContent(body.value(QStringLiteral("content")), &parts, &error))
        return error;
    if (chat->archived)
        return HttpResponse::error(
            400, QStringLiteral("Cannot send messages to an archived chat."));
    if (body.contains(QStringLiteral("model_config_id"))) {
        const QString model = body.value(QStringLiteral("model_config_id")).toString();
        if (const QString problem = modelProblem(model); !problem.isEmpty())
            return HttpResponse::error(400, problem);
        if (!m_state->isModel(model))
            return HttpResponse::error(400, QStringLiteral("Invalid model config ID."));
        chat->modelConfigId = model.toLower();
    }
    if (body.contains(QStringLiteral("plan_mode")))
        chat->planMode = body.value(QStringLiteral("plan_mode")).toString();
    if (body.contains(QStringLiteral("mcp_server_ids")))
        chat->mcpServerIds = body.value(QStringLiteral("mcp_server_ids")).toArray();
    const QString id = chat->id;
    const bool busy =
        SimState::isActive(chat->status) || chat->status == QLatin1String("requires_action");
    if (!busy) {
        const SimMessage message = m_state->appendMessage(id, QStringLiteral("user"), parts);
        m_agent->startTurn(id);
        QJsonObject response{
            {QStringLiteral("queued"), false}, {kMessage, m_state->messageJson(message)}};
        if (const SimChat *c = m_state->chat(id); c && m_state->modern() && !c->warnings.isEmpty())
            response.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c->warnings));
        return HttpResponse::json(200, response);
    }
    if (chat->queue.size() >= m_options->maxQueue)
        return HttpResponse::error(429, QStringLiteral("Message queue is full."),
            QStringLiteral("Maximum %1 messages can be queued.").arg(m_options->maxQueue));
    SimQueuedMessage queued;
    queued.id = m_state->nextQueuedId();
    queued.chatId = id;
    queued.modelConfigId = chat->modelConfigId;
    queued.content = parts;
    queued.createdAt = QDateTime::currentDateTimeUtc();
    // An interrupting send jumps the queue and becomes the next turn once the interrupt settles.
    if (behavior == QLatin1String("interrupt"))
        chat->queue.prepend(queued);
    else
        chat->queue.append(queued);
    m_state->publishQueue(id);
    const QJsonObject queuedJson = m_state->queuedJson(queued);
    if (behavior == QLatin1String("interrupt"))
        m_agent->interrupt(id);
    QJsonObject response{
        {QStringLiteral("queued"), true}, {QStringLiteral("queued_message"), queuedJson}};
    if (const SimChat *c = m_state->chat(id); c && m_state->modern() && !c->warnings.isEmpty())
        response.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c->warnings));
    return HttpResponse::json(200, response);
}

HttpResponse SimRoutes::editMessage(
    const HttpRequest &request, SimChat *chat, const QString &messageId)
{
    bool ok = false;
    const qint64 mid = messageId.toLongLong(&ok);
    if (!ok || mid <= 0)
        return HttpResponse::error(
            400, QStringLiteral("Invalid message ID \"%1\".").arg(messageId));
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const auto it = std::find_if(chat->messages.begin(), chat->messages.end(),
        [mid](const SimMessage &m) { return m.id == mid; });
    if (it == chat->messages.end())
        return HttpResponse::error(404, QStringLiteral("Message not found."));
    if (it->role != QLatin1String("user"))
        return HttpResponse::error(400, QStringLiteral("Only user messages can be edited."));
    QJsonArray parts;
    if (!convertContent(body.value(QStringLiteral("content")), &parts, &error))
        return error;
    if (chat->archived)
        return HttpResponse::error(
            400, QStringLiteral("Cannot edit messages in an archived chat."));
    const QString id = chat->id;
    m_agent->cancel(id);
    chat = m_state->chat(id);
    QJsonArray deleted;
    SimMessage edited;
    QList<SimMessage> kept;
    for (SimMessage &m : chat->messages) {
        if (m.id < mid) {
            kept.append(m);
        } else if (m.id == mid) {
            m.content = parts;
            edited = m;
            if (m_options->faults.editReplacesMessage) {
                // The original goes with everything after it; the text returns under a new id.
                deleted.append(m.id);
                m_state->setLastMessageId(m_state->lastMessageId() + 1);
                edited.id = m_state->lastMessageId();
                edited.createdAt = QDateTime::currentDateTimeUtc();
                kept.append(edited);
            } else {
                kept.append(m);
            }
        } else {
            deleted.append(m.id);
        }
    }
    chat->messages = kept;
    chat->rewriteFloor = chat->rewriteFloor == 0 ? mid : qMin(chat->rewriteFloor, mid);
    ++chat->historyVersion;
    chat->generationAttempt = 0;
    chat->seq = 0;
    chat->previewEvents.clear();
    if (!chat->queue.isEmpty()) {
        chat->queue.clear();
        m_state->publishQueue(id);
    }
    // Seed-era servers re-sent the surviving history without a history_reset first (§8.3).
    if (!m_options->faults.editWithoutHistoryReset)
        m_state->publishStream(
            id, {{kType, QStringLiteral("history_reset")}, {QStringLiteral("chat_id"), id}});
    for (const SimMessage &m : std::as_const(chat->messages))
        m_state->publishStream(id,
            {{kType, kMessage}, {QStringLiteral("chat_id"), id},
                {kMessage, m_state->messageJson(m)}});
    m_state->touch(id);
    if (chat->status == QLatin1String("interrupting")
        || chat->status == QLatin1String("requires_action"))
        chat->status = QStringLiteral("waiting");
    m_agent->startTurn(id);
    QJsonObject response{{kMessage, m_state->messageJson(edited)}};
    if (const SimChat *c = m_state->chat(id); c && m_state->modern() && !c->warnings.isEmpty())
        response.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c->warnings));
    // Seed-era answers named no deleted ids: the client prunes by id itself (§8.3).
    if (!deleted.isEmpty() && !m_options->faults.editWithoutHistoryReset)
        response.insert(QStringLiteral("deleted_message_ids"), deleted);
    return HttpResponse::json(200, response);
}

HttpResponse SimRoutes::deleteQueued(SimChat *chat, const QString &queuedId)
{
    bool ok = false;
    const qint64 qid = queuedId.toLongLong(&ok);
    if (!ok || qid <= 0)
        return HttpResponse::error(
            400, QStringLiteral("Invalid queued message ID \"%1\".").arg(queuedId));
    if (chat->queue.isEmpty())
        return HttpResponse::error(409, QStringLiteral("Chat has no queued messages to delete."));
    const auto it = std::find_if(chat->queue.begin(), chat->queue.end(),
        [qid](const SimQueuedMessage &q) { return q.id == qid; });
    if (it == chat->queue.end())
        return HttpResponse::error(404, QStringLiteral("Queued message not found."));
    chat->queue.erase(it);
    m_state->publishQueue(chat->id);
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::promoteQueued(SimChat *chat, const QString &queuedId)
{
    bool ok = false;
    const qint64 qid = queuedId.toLongLong(&ok);
    if (!ok || qid <= 0)
        return HttpResponse::error(
            400, QStringLiteral("Invalid queued message ID \"%1\".").arg(queuedId));
    const auto it = std::find_if(chat->queue.begin(), chat->queue.end(),
        [qid](const SimQueuedMessage &q) { return q.id == qid; });
    if (it == chat->queue.end())
        return HttpResponse::error(404, QStringLiteral("Queued message not found."));
    // Move it to the front; it runs next, interrupting the current turn if needed.
    const SimQueuedMessage q = *it;
    chat->queue.erase(it);
    chat->queue.prepend(q);
    const QString id = chat->id;
    if (SimState::isActive(chat->status) || chat->status == QLatin1String("requires_action")) {
        m_state->publishQueue(id);
        m_agent->interrupt(id);
    } else {
        m_agent->promoteQueue(id);
    }
    return HttpResponse::json(
        202, QJsonObject{{kMessage, QStringLiteral("Queued message promotion accepted.")}});
}

HttpResponse SimRoutes::interruptChat(SimChat *chat)
{
    const QString id = chat->id;
    if (chat->archived
        || !(chat->status == QLatin1String("running") || chat->status == QLatin1String("pending")
            || chat->status == QLatin1String("interrupting")
            || chat->status == QLatin1String("requires_action")))
        return HttpResponse::error(409, QStringLiteral("Chat is not in an interruptible state."));
    m_agent->interrupt(id);
    return HttpResponse::json(200, m_state->chatJson(*m_state->chat(id), true));
}

HttpResponse SimRoutes::toolResults(const HttpRequest &request, SimChat *chat)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    if (chat->status != QLatin1String("requires_action"))
        return HttpResponse::error(409, QStringLiteral("Chat is not waiting for tool results."));
    const QJsonValue results = body.value(QStringLiteral("results"));
    if (!results.isArray() || results.toArray().isEmpty())
        return HttpResponse::error(400, QStringLiteral("results is required."),
            QStringLiteral("Send one result per pending tool call."),
            {HttpResponse::validation(
                QStringLiteral("results"), QStringLiteral("must be a non-empty array"))});
    const QString message = m_agent->submitToolResults(chat->id, results.toArray());
    if (message == QLatin1String("409"))
        return HttpResponse::error(409, QStringLiteral("Chat is not waiting for tool results."));
    if (!message.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Invalid tool results."), message);
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::uploadFile(const HttpRequest &request)
{
    const QString org = request.queryValue(QStringLiteral("organization"));
    if (!SimState::isUuid(org))
        return badQuery(
            QStringLiteral("organization"), QStringLiteral("must be a valid organization UUID"));
    if (org.toLower() != QLatin1String(SimState::orgId))
        return HttpResponse::error(
            403, QStringLiteral("You are not a member of this organization."));
    if (request.body.size() > maxUploadBytes)
        return HttpResponse::error(413, QStringLiteral("File too large."),
            QStringLiteral("Files must be at most 10 MiB."));
    static const QRegularExpression filenameRe(
        QStringLiteral("filename\\*?=\\s*(?:UTF-8''([^;]+)|\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QString filename;
    const QString disposition = QString::fromUtf8(request.header("content-disposition"));
    auto matches = filenameRe.globalMatch(disposition);
    while (matches.hasNext()) {
        const auto match = matches.next();
        if (!match.captured(1).isEmpty()) {
            filename =
                QString::fromUtf8(QByteArray::fromPercentEncoding(match.captured(1).toUtf8()));
            break; // filename* wins
        }
        if (!match.captured(2).isEmpty()) {
            // RFC 6266 quoted-string: a backslash escapes the next character.
            static const QRegularExpression escaped(QStringLiteral("\\\\(.)"));
            filename = match.captured(2);
            filename.replace(escaped, QStringLiteral("\\1"));
        } else {
            filename = match.captured(3);
        }
    }
    filename = filename.trimmed();
    if (filename.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Filename is required."),
            QStringLiteral("Send Content-Disposition: attachment; filename=\"name.ext\"."));
    if (request.body.isEmpty())
        return HttpResponse::error(400, QStringLiteral("File is empty."));
    static const QStringList allowed{QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"), QStringLiteral("image/webp"), QStringLiteral("text/plain"),
        QStringLiteral("text/markdown"), QStringLiteral("text/csv"),
        QStringLiteral("application/json"), QStringLiteral("application/pdf")};
    static const QStringList textual{QStringLiteral("text/plain"), QStringLiteral("text/markdown"),
        QStringLiteral("text/csv"), QStringLiteral("application/json")};
    QString declared = QString::fromUtf8(request.header("content-type"))
                           .section(QLatin1Char(';'), 0, 0)
                           .trimmed()
                           .toLower();
    const QString detected = sniff(request.body);
    QString stored;
    if (declared.isEmpty() || declared == QLatin1String("application/octet-stream")) {
        stored = detected;
    } else {
        if (!allowed.contains(declared))
            return HttpResponse::error(400, QStringLiteral("Unsupported file type."),
                QStringLiteral("%1 is not an allowed chat file type.").arg(declared));
        const bool compatible = declared == detected
            || (textual.contains(declared) && textual.contains(detected)
                && (declared != QLatin1String("application/json")
                    || detected == QLatin1String("application/json")));
        if (!compatible)
            return HttpResponse::error(400,
                QStringLiteral("File content does not match the declared content type."),
                QStringLiteral("declared %1, detected %2").arg(declared, detected));
        stored = declared;
    }
    if (!allowed.contains(stored))
        return HttpResponse::error(400, QStringLiteral("Unsupported file type."),
            QStringLiteral("%1 is not an allowed chat file type.").arg(stored));
    SimFile file;
    file.id = m_state->newUuid();
    file.ownerId = QLatin1String(SimState::userId);
    file.organizationId = org.toLower();
    file.name = filename;
    file.mimeType = stored;
    file.data = request.body;
    file.createdAt = QDateTime::currentDateTimeUtc();
    const QString id = m_state->insertFile(file).id;
    return HttpResponse::json(201, QJsonObject{{QStringLiteral("id"), id}});
}

HttpResponse SimRoutes::getFile(const QString &id)
{
    if (!SimState::isUuid(id))
        return HttpResponse::error(400, QStringLiteral("Invalid UUID \"%1\".").arg(id));
    const SimFile *file = m_state->file(id);
    if (!file)
        return resourceNotFound();
    HttpResponse r;
    r.status = 200;
    r.body = file->data;
    const bool inlined = file->mimeType.startsWith(QLatin1String("image/"))
        || file->mimeType == QLatin1String("application/pdf");
    // RFC 6266: an ASCII fallback in filename, the exact name in filename* when they differ.
    QByteArray asciiName;
    for (const QChar c : file->name)
        asciiName += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\')
            ? char(c.unicode())
            : '_';
    QByteArray disposition =
        QByteArray(inlined ? "inline" : "attachment") + "; filename=\"" + asciiName + "\"";
    if (QString::fromLatin1(asciiName) != file->name)
        disposition += "; filename*=UTF-8''" + file->name.toUtf8().toPercentEncoding();
    r.addHeader("Content-Type", file->mimeType.toUtf8());
    r.addHeader("Content-Disposition", disposition);
    r.addHeader("Cache-Control", "private, max-age=31536000, immutable");
    return r;
}

HttpResponse SimRoutes::diff(SimChat *chat)
{
    QJsonObject o{{QStringLiteral("chat_id"), chat->id}};
    const QString text = m_state->diffText(*chat);
    if (!text.isEmpty() || !chat->branch.isEmpty()) {
        o.insert(QStringLiteral("provider"), QStringLiteral("github"));
        o.insert(QStringLiteral("remote_origin"), chat->remoteOrigin);
        o.insert(QStringLiteral("branch"), chat->branch);
        if (!chat->pullRequestUrl.isEmpty())
            o.insert(QStringLiteral("pull_request_url"), chat->pullRequestUrl);
        o.insert(QStringLiteral("diff"), text);
    }
    return HttpResponse::json(200, o);
}

HttpResponse SimRoutes::prompts(const HttpRequest &request, SimChat *chat)
{
    qint64 limit = 0;
    bool present = false;
    if (!parseInt(request, QStringLiteral("limit"), &limit, &present) || limit < 0 || limit > 2000)
        return badQuery(QStringLiteral("limit"), QStringLiteral("must be between 0 and 2000"));
    if (limit == 0)
        limit = 500;
    QJsonArray list;
    for (auto it = chat->messages.crbegin(); it != chat->messages.crend() && list.size() < limit;
         ++it) {
        if (it->role == QLatin1String("user"))
            list.append(
                QJsonObject{{QStringLiteral("id"), it->id}, {kText, messageText(it->content)}});
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("prompts"), list}});
}

QString SimRoutes::generatedTitle(const SimChat &chat) const
{
    for (const SimMessage &m : chat.messages) {
        if (m.role != QLatin1String("user"))
            continue;
        const QStringList words = messageText(m.content)
                                      .simplified()
                                      .split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                      .mid(0, 5);
        QString title = words.join(QLatin1Char(' '));
        if (!title.isEmpty()) {
            title[0] = title.at(0).toUpper();
            return title + QStringLiteral(" (proposed)");
        }
    }
    return QStringLiteral("Untitled chat");
}

QString SimRoutes::modelProblem(const QString &modelId) const
{
    if (!m_state->modern())
        return {};
    const QJsonObject catalog = steerModelsResponse();
    for (const QJsonValue &m : catalog.value(QStringLiteral("models")).toArray()) {
        const QJsonObject model = m.toObject();
        if (model.value(QStringLiteral("id")).toString() != modelId.toLower())
            continue;
        if (!model.value(QStringLiteral("enabled")).toBool())
            break;
        for (const QJsonValue &p : catalog.value(QStringLiteral("providers")).toArray()) {
            const QJsonObject provider = p.toObject();
            if (provider.value(QStringLiteral("id"))
                != model.value(QStringLiteral("ai_provider_id")))
                continue;
            if (!provider.value(QStringLiteral("enabled")).toBool())
                return QStringLiteral(
                    "Invalid model_config_id: provider is not enabled for this model.");
            if (!provider.value(QStringLiteral("available")).toBool())
                return QStringLiteral(
                    "Invalid model_config_id: provider credentials unavailable for this model.");
        }
        return {};
    }
    return QStringLiteral("Invalid model_config_id: model config not found or disabled.");
}

HttpResponse SimRoutes::getAcl(SimChat *chat)
{
    if (m_options->sharingDisabled)
        return HttpResponse::error(
            403, QStringLiteral("Chat sharing is disabled for this deployment."));
    if (!chat->parentId.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Chat ACLs can only be set on root chats."),
            QStringLiteral("Target the root chat (id: %1) instead.").arg(chat->rootId));
    QJsonArray users;
    for (auto it = chat->aclUsers.begin(); it != chat->aclUsers.end(); ++it) {
        QJsonObject user = m_state->user(it.key());
        if (user.isEmpty())
            continue;
        user.insert(QStringLiteral("role"), it.value().toString());
        users.append(user);
    }
    QJsonArray groups;
    for (const QJsonValue &g : m_state->groups()) {
        QJsonObject group = g.toObject();
        const QString id = group.value(QStringLiteral("id")).toString();
        if (!chat->aclGroups.contains(id))
            continue;
        group.remove(QStringLiteral("members"));
        group.insert(QStringLiteral("role"), chat->aclGroups.value(id).toString());
        groups.append(group);
    }
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("users"), users}, {QStringLiteral("groups"), groups}});
}

HttpResponse SimRoutes::patchAcl(const HttpRequest &request, SimChat *chat, bool asOwner)
{
    if (m_options->sharingDisabled && !asOwner)
        return HttpResponse::error(
            403, QStringLiteral("Chat sharing is disabled for this deployment."));
    // Sharing needs the `share` action on the chat: in practice only its owner has it.
    if (!asOwner && m_state->access(*chat) != SimAccess::Owner)
        return HttpResponse::error(403, QStringLiteral("Forbidden."));
    if (!chat->parentId.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Chat ACLs can only be set on root chats."),
            QStringLiteral("Target the root chat (id: %1) instead.").arg(chat->rootId));
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const QJsonValue userRoles = body.value(QStringLiteral("user_roles"));
    const QJsonValue groupRoles = body.value(QStringLiteral("group_roles"));
    QJsonArray validations;
    auto check = [&](const QJsonValue &roles, const char *field, bool users) {
        if (roles.isUndefined() || roles.isNull())
            return;
        if (!roles.isObject()) {
            validations.append(HttpResponse::validation(
                QLatin1String(field), QStringLiteral("must be an object")));
            return;
        }
        const QJsonObject map = roles.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString role = it.value().toString();
            if (!it.value().isString() || (role != QLatin1String("read") && !role.isEmpty()))
                validations.append(HttpResponse::validation(QLatin1String(field),
                    QStringLiteral("role \"%1\" is not a valid chat role").arg(role)));
            const bool known = users ? !m_state->user(it.key()).isEmpty()
                                     : it.key().toLower() == QLatin1String(SimState::devsGroupId);
            if (!known)
                validations.append(HttpResponse::validation(QLatin1String(field),
                    QStringLiteral("%1 \"%2\" does not exist")
                        .arg(users ? QStringLiteral("user") : QStringLiteral("group"), it.key())));
        }
    };
    if (!asOwner && userRoles.toObject().contains(chat->ownerId))
        return HttpResponse::error(
            400, QStringLiteral("Cannot change your own chat sharing role."));
    check(userRoles, "user_roles", true);
    check(groupRoles, "group_roles", false);
    if (!validations.isEmpty())
        return HttpResponse::error(
            400, QStringLiteral("Invalid request to update chat ACL."), {}, validations);
    auto apply = [](QJsonObject &acl, const QJsonObject &changes) {
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().toString().isEmpty())
                acl.remove(it.key().toLower());
            else
                acl.insert(it.key().toLower(), it.value().toString());
        }
    };
    const QString id = chat->id;
    const bool couldSee = m_state->access(*chat) != SimAccess::None;
    apply(chat->aclUsers, userRoles.toObject());
    apply(chat->aclGroups, groupRoles.toObject());
    // The owner's list learns the new `shared` flag; viewers get no watch events (§20.3.6).
    m_state->publishWatch(QStringLiteral("status_change"), id);
    if (couldSee && m_state->access(*m_state->chat(id)) == SimAccess::None) {
        // Revoking access closes the viewer's open streams of the family.
        QStringList family{id};
        family += m_state->chat(id)->childIds;
        m_hub->closeStreams(family, 4403, QStringLiteral("chat access revoked"));
    }
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::refreshContext(SimChat *chat)
{
    // PUT {chat}/context (§20.5): re-pin to the agent's latest snapshot, clear dirty.
    chat->hasContext = true;
    chat->contextDirty = false;
    chat->contextDirtySince = {};
    ++chat->contextRevision;
    return HttpResponse::json(200, m_state->chatJson(*chat, true));
}

HttpResponse SimRoutes::users(const HttpRequest &request)
{
    // GET /api/v2/users?q=… (for a share dialog): {users, count}.
    const QString q = request.queryValue(QStringLiteral("q")).trimmed();
    QJsonArray list;
    for (const QJsonValue &u : m_state->users()) {
        QJsonObject user = u.toObject();
        if (!q.isEmpty()
            && !user.value(QStringLiteral("username")).toString().contains(q, Qt::CaseInsensitive)
            && !user.value(QStringLiteral("name")).toString().contains(q, Qt::CaseInsensitive))
            continue;
        user.insert(QStringLiteral("email"),
            user.value(QStringLiteral("username")).toString() + QStringLiteral("@example.com"));
        user.insert(QStringLiteral("status"), QStringLiteral("active"));
        user.insert(QStringLiteral("organization_ids"), QJsonArray{QLatin1String(SimState::orgId)});
        list.append(user);
    }
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("users"), list}, {QStringLiteral("count"), list.size()}});
}

HttpResponse SimRoutes::compactOrClear(SimChat *chat, bool clear)
{
    // §20.6 (v237/newest): both work from idle chats only and need conversation after the
    // latest context boundary (a chat_summarized or chat_cleared marker).
    if (chat->archived)
        return HttpResponse::error(400,
            clear ? QStringLiteral("Cannot clear an archived chat.")
                  : QStringLiteral("Cannot compact an archived chat."));
    const bool idle = chat->status == QLatin1String("waiting")
        || (chat->status == QLatin1String("error") && (!clear || chat->queue.isEmpty()));
    if (!idle)
        return HttpResponse::error(409,
            clear ? QStringLiteral("Cannot clear the chat in its current state.")
                  : QStringLiteral("Cannot compact the chat in its current state."),
            clear ? QStringLiteral("Clearing is not available while the chat is generating or has "
                                   "queued messages.")
                  : QStringLiteral("Compaction is not available while the chat is generating."));
    bool conversation = false;
    for (const SimMessage &m : std::as_const(chat->messages)) {
        bool boundary = false;
        for (const QJsonValue &p : m.content) {
            const QString tool = p.toObject().value(QStringLiteral("tool_name")).toString();
            boundary = boundary || tool == QLatin1String("chat_summarized")
                || tool == QLatin1String("chat_cleared");
        }
        if (boundary)
            conversation = false;
        else if (m.role == QLatin1String("user"))
            conversation = true;
    }
    if (!conversation)
        return HttpResponse::error(409,
            clear ? QStringLiteral("Nothing to clear.") : QStringLiteral("Nothing to compact."),
            clear ? QStringLiteral("The chat has no conversation to clear after the latest context "
                                   "boundary.")
                  : QStringLiteral("The chat has no conversation to summarize after the latest "
                                   "compaction."));
    const QString id = chat->id;
    if (!clear) {
        // Asynchronous: running, streamed progress, the chat_summarized pair, then waiting.
        m_agent->startTurn(id, QStringLiteral("compact"));
        return HttpResponse::json(200, m_state->chatJson(*m_state->chat(id), true));
    }
    // Synchronous, no model call; the transcript is kept.
    const QString callId = QStringLiteral("sim_clear_%1").arg(m_state->lastMessageId() + 1);
    const QString now = SimState::timestamp(QDateTime::currentDateTimeUtc());
    m_state->appendMessage(id, QStringLiteral("assistant"),
        {QJsonObject{{kType, QStringLiteral("tool-call")}, {QStringLiteral("tool_call_id"), callId},
            {QStringLiteral("tool_name"), QStringLiteral("chat_cleared")},
            {QStringLiteral("args"), QJsonObject{}}, {QStringLiteral("created_at"), now}}});
    m_state->appendMessage(id, QStringLiteral("tool"),
        {QJsonObject{{kType, QStringLiteral("tool-result")},
            {QStringLiteral("tool_call_id"), callId},
            {QStringLiteral("tool_name"), QStringLiteral("chat_cleared")},
            {QStringLiteral("result"), QJsonObject{{QStringLiteral("cleared"), true}}},
            {QStringLiteral("created_at"), now}}});
    m_state->setStatus(id, QStringLiteral("waiting"));
    return HttpResponse::json(200, m_state->chatJson(*m_state->chat(id), true));
}

} // namespace AgentDeskSim
