// Account-side steering (§20.8–§20.10) dispatch, the request log and the models catalog with
// personal keys applied.

#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimState.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace AgentDeskSim {

namespace {

bool isUserSegment(const QString &who)
{
    return who == QLatin1String("me") || who == QLatin1String("alice")
        || who.toLower() == QLatin1String(SimState::userId);
}

//! Replaces the value of every "api_key" member so the log never holds a key.
QJsonValue redacted(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("api_key"))
                it.value() = QStringLiteral("<redacted>");
            else
                it.value() = redacted(it.value());
        }
        return object;
    }
    return value;
}

} // namespace

void SimRoutes::recordRequest(const HttpRequest &request)
{
    if (request.method == "GET" || request.path.startsWith(QLatin1String("/__sim/")))
        return;
    QJsonObject entry{{QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("path"), request.path}};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (doc.isObject())
        entry.insert(QStringLiteral("body"), redacted(doc.object()));
    m_steer.requestLog.append(entry);
    while (m_steer.requestLog.size() > 500)
        m_steer.requestLog.removeFirst();
}

QJsonObject SimRoutes::steerModelsResponse() const
{
    QJsonObject response = m_state->modelsResponse();
    if (!m_state->modern() || m_steer.userKeyProviders.isEmpty())
        return response;
    QJsonArray providers;
    for (const QJsonValue &value : response.value(QStringLiteral("providers")).toArray()) {
        QJsonObject provider = value.toObject();
        if (m_steer.userKeyProviders.contains(provider.value(QStringLiteral("type")).toString())) {
            provider.insert(QStringLiteral("has_user_api_key"), true);
            provider.insert(QStringLiteral("has_effective_api_key"), true);
            provider.insert(QStringLiteral("available"), true);
            provider.remove(QStringLiteral("unavailable_reason"));
        }
        providers.append(provider);
    }
    response.insert(QStringLiteral("providers"), providers);
    return response;
}

bool SimRoutes::dispatchSteer(const HttpRequest &request, HttpResponse *response)
{
    const QStringList seg = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    std::optional<HttpResponse> answer = browserPage(request, seg);
    if (!answer) {
        if (!isAuthenticated(request))
            return false; // the caller answers 401 (or 404 for unknown routes)
        recordRequest(request);
        if (request.path == QLatin1String("/__sim/requests"))
            answer = requestLog(request);
    }
    if (!answer && m_state->modern()) {
        answer = steerRoute(request, seg);
        if (!answer)
            answer = refuseChatWrite(request);
        if (!answer)
            answer = chatConfigRoute(request);
    }
    if (!answer)
        return false;
    *response = *answer;
    return true;
}

std::optional<HttpResponse> SimRoutes::browserPage(
    const HttpRequest &request, const QStringList &seg)
{
    // Pages a browser opens: the simulated provider's sign-in pages and the MCP OAuth callback.
    // A browser has no session header here, so they answer without one.
    if (seg.size() >= 3 && seg.at(0) == QLatin1String("__sim")
        && seg.at(1) == QLatin1String("provider"))
        return providerPage(request, seg.mid(2));
    if (m_state->modern() && seg.size() == 7 && seg.at(0) == QLatin1String("api")
        && seg.at(1) == QLatin1String("experimental") && seg.at(2) == QLatin1String("mcp")
        && seg.at(3) == QLatin1String("servers") && seg.at(5) == QLatin1String("oauth2")
        && seg.at(6) == QLatin1String("callback") && request.method == "GET")
        return mcpCallbackPage(request, seg.at(4));
    return std::nullopt;
}

HttpResponse SimRoutes::requestLog(const HttpRequest &request)
{
    if (request.method == "DELETE") {
        m_steer.requestLog = {};
        return HttpResponse::noContent();
    }
    const QRegularExpression filter(request.queryValue(QStringLiteral("path")));
    QJsonArray list;
    for (const QJsonValue &entry : std::as_const(m_steer.requestLog)) {
        if (filter.match(entry.toObject().value(QStringLiteral("path")).toString()).hasMatch())
            list.append(entry);
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("requests"), list}});
}

std::optional<HttpResponse> SimRoutes::steerRoute(
    const HttpRequest &request, const QStringList &seg)
{
    // /api/v2/users/{user}/ai-provider-keys[/…]
    if (seg.size() >= 5 && seg.at(0) == QLatin1String("api") && seg.at(1) == QLatin1String("v2")
        && seg.at(2) == QLatin1String("users") && seg.at(4) == QLatin1String("ai-provider-keys")) {
        if (!isUserSegment(seg.at(3)))
            return HttpResponse::error(404, QStringLiteral("Resource not found."));
        return providerKeys(request, seg.mid(5));
    }
    // /api/v2/organizations/{org}/chats/models: the catalog with personal keys applied.
    if (seg.size() == 6 && seg.at(1) == QLatin1String("v2")
        && seg.at(2) == QLatin1String("organizations") && seg.at(4) == QLatin1String("chats")
        && seg.at(5) == QLatin1String("models") && request.method == "GET"
        && seg.at(3).toLower() == QLatin1String(SimState::orgId))
        return HttpResponse::json(200, steerModelsResponse());
    // /api/v2/organizations/{org}/mcp-servers[/{id}/oauth2/connect]
    if (seg.size() >= 5 && seg.at(1) == QLatin1String("v2")
        && seg.at(2) == QLatin1String("organizations") && seg.at(4) == QLatin1String("mcp-servers"))
        return mcpServers(request, seg);
    // DELETE /api/v2/mcp/servers/{id}/oauth2/disconnect
    if (seg.size() == 7 && seg.at(1) == QLatin1String("v2") && seg.at(2) == QLatin1String("mcp")
        && seg.at(3) == QLatin1String("servers") && seg.at(5) == QLatin1String("oauth2")
        && seg.at(6) == QLatin1String("disconnect"))
        return mcpDisconnect(request, seg.at(4));
    // /api/experimental/users/{user}/skills[/{name}]
    if (seg.size() >= 5 && seg.at(1) == QLatin1String("experimental")
        && seg.at(2) == QLatin1String("users") && seg.at(4) == QLatin1String("skills")) {
        if (!isUserSegment(seg.at(3)))
            return HttpResponse::error(404, QStringLiteral("Resource not found."));
        return skills(request, seg.mid(5));
    }
    return std::nullopt;
}

std::optional<HttpResponse> SimRoutes::refuseChatWrite(const HttpRequest &request)
{
    Route route;
    if (!resolveChats(request.path, &route))
        return std::nullopt;
    const bool create = route.rest.isEmpty() && request.method == "POST";
    const bool send = route.rest.size() == 2 && route.rest.at(1) == QLatin1String("messages")
        && request.method == "POST";
    // §20.8: an edit may carry the effort too.
    const bool edit = route.rest.size() == 3 && route.rest.at(1) == QLatin1String("messages")
        && request.method == "PATCH";
    if (!create && !send && !edit)
        return std::nullopt;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    // A send's or edit's effort becomes the chat's last_reasoning_effort (§20.8).
    SimChat *chat = create ? nullptr : m_state->chat(route.rest.at(0));
    if (chat && body.contains(QStringLiteral("reasoning_effort")))
        chat->reasoningEffort = body.value(QStringLiteral("reasoning_effort")).toString();
    // §20.9: mcp_server_ids on create and send must name enabled servers (ids the chat already
    // has are exempt); the handlers store the set.
    if (edit || !body.contains(QStringLiteral("mcp_server_ids")))
        return std::nullopt;
    const QStringList invalid =
        invalidMcpIds(body.value(QStringLiteral("mcp_server_ids")).toArray(),
            chat ? chat->mcpServerIds : QJsonArray());
    if (invalid.isEmpty())
        return std::nullopt;
    return HttpResponse::error(400,
        QStringLiteral("One or more MCP server IDs are invalid or disabled."),
        QStringLiteral("Invalid IDs: %1").arg(invalid.join(QStringLiteral(", "))));
}

std::optional<HttpResponse> SimRoutes::chatConfigRoute(const HttpRequest &request)
{
    Route route;
    if (!resolveChats(request.path, &route) || route.rest.size() < 2
        || route.rest.at(0) != QLatin1String("config"))
        return std::nullopt;
    // {P}/config/user-compaction-thresholds[/{modelConfig}] (v2 servers only, §20.6.3)
    if (route.rest.at(1) == QLatin1String("user-compaction-thresholds"))
        return compactionThresholds(request, route.rest.mid(2));
    // {P}/config/user-prompt
    if (route.rest.size() == 2 && route.rest.at(1) == QLatin1String("user-prompt"))
        return userPrompt(request);
    return std::nullopt;
}

} // namespace AgentDeskSim
