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
    const QString &path = request.path;
    const QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool modern = m_state->modern();

    // Pages a browser opens: the simulated provider's sign-in pages and the MCP OAuth callback.
    // A browser has no session header here, so they answer without one.
    if (seg.size() >= 3 && seg.at(0) == QLatin1String("__sim")
        && seg.at(1) == QLatin1String("provider")) {
        *response = providerPage(request, seg.mid(2));
        return true;
    }
    if (modern && seg.size() == 7 && seg.at(0) == QLatin1String("api")
        && seg.at(1) == QLatin1String("experimental") && seg.at(2) == QLatin1String("mcp")
        && seg.at(3) == QLatin1String("servers") && seg.at(5) == QLatin1String("oauth2")
        && seg.at(6) == QLatin1String("callback") && request.method == "GET") {
        *response = mcpCallbackPage(request, seg.at(4));
        return true;
    }

    if (!isAuthenticated(request))
        return false; // the caller answers 401 (or 404 for unknown routes)
    recordRequest(request);

    if (path == QLatin1String("/__sim/requests")) {
        if (request.method == "DELETE") {
            m_steer.requestLog = {};
            *response = HttpResponse::noContent();
            return true;
        }
        const QRegularExpression filter(request.queryValue(QStringLiteral("path")));
        QJsonArray list;
        for (const QJsonValue &entry : std::as_const(m_steer.requestLog)) {
            if (filter.match(entry.toObject().value(QStringLiteral("path")).toString()).hasMatch())
                list.append(entry);
        }
        *response = HttpResponse::json(200, QJsonObject{{QStringLiteral("requests"), list}});
        return true;
    }
    if (!modern)
        return false;

    // /api/v2/users/{user}/ai-provider-keys[/…]
    if (seg.size() >= 5 && seg.at(0) == QLatin1String("api") && seg.at(1) == QLatin1String("v2")
        && seg.at(2) == QLatin1String("users") && seg.at(4) == QLatin1String("ai-provider-keys")) {
        if (!isUserSegment(seg.at(3))) {
            *response = HttpResponse::error(404, QStringLiteral("Resource not found."));
            return true;
        }
        *response = providerKeys(request, seg.mid(5));
        return true;
    }
    // /api/v2/organizations/{org}/chats/models: the catalog with personal keys applied.
    if (seg.size() == 6 && seg.at(1) == QLatin1String("v2")
        && seg.at(2) == QLatin1String("organizations") && seg.at(4) == QLatin1String("chats")
        && seg.at(5) == QLatin1String("models") && request.method == "GET"
        && seg.at(3).toLower() == QLatin1String(SimState::orgId)) {
        *response = HttpResponse::json(200, steerModelsResponse());
        return true;
    }
    // /api/v2/organizations/{org}/mcp-servers[/{id}/oauth2/connect]
    if (seg.size() >= 5 && seg.at(1) == QLatin1String("v2")
        && seg.at(2) == QLatin1String("organizations")
        && seg.at(4) == QLatin1String("mcp-servers")) {
        *response = mcpServers(request, seg);
        return true;
    }
    // DELETE /api/v2/mcp/servers/{id}/oauth2/disconnect
    if (seg.size() == 7 && seg.at(1) == QLatin1String("v2") && seg.at(2) == QLatin1String("mcp")
        && seg.at(3) == QLatin1String("servers") && seg.at(5) == QLatin1String("oauth2")
        && seg.at(6) == QLatin1String("disconnect")) {
        *response = mcpDisconnect(request, seg.at(4));
        return true;
    }
    // /api/experimental/users/{user}/skills[/{name}]
    if (seg.size() >= 5 && seg.at(1) == QLatin1String("experimental")
        && seg.at(2) == QLatin1String("users") && seg.at(4) == QLatin1String("skills")) {
        if (!isUserSegment(seg.at(3))) {
            *response = HttpResponse::error(404, QStringLiteral("Resource not found."));
            return true;
        }
        *response = skills(request, seg.mid(5));
        return true;
    }
    // §20.9: mcp_server_ids on create and send must name enabled servers (ids the chat already
    // has are exempt); the handlers store the set.
    Route route;
    if (resolveChats(path, &route) && request.method == "POST"
        && (route.rest.isEmpty()
            || (route.rest.size() == 2 && route.rest.at(1) == QLatin1String("messages")))) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        // A send's effort becomes the chat's last_reasoning_effort (§20.8).
        if (SimChat *chat = route.rest.isEmpty() ? nullptr : m_state->chat(route.rest.at(0));
            chat && body.contains(QStringLiteral("reasoning_effort")))
            chat->reasoningEffort = body.value(QStringLiteral("reasoning_effort")).toString();
        if (body.contains(QStringLiteral("mcp_server_ids"))) {
            const SimChat *chat = route.rest.isEmpty() ? nullptr : m_state->chat(route.rest.at(0));
            const QStringList invalid =
                invalidMcpIds(body.value(QStringLiteral("mcp_server_ids")).toArray(),
                    chat ? chat->mcpServerIds : QJsonArray());
            if (!invalid.isEmpty()) {
                *response = HttpResponse::error(400,
                    QStringLiteral("One or more MCP server IDs are invalid or disabled."),
                    QStringLiteral("Invalid IDs: %1").arg(invalid.join(QStringLiteral(", "))));
                return true;
            }
        }
    }
    // §20.8: an edit may carry the effort too; it becomes the chat's last_reasoning_effort.
    if (m_state->modern() && resolveChats(path, &route) && request.method == "PATCH"
        && route.rest.size() == 3 && route.rest.at(1) == QLatin1String("messages")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (SimChat *chat = m_state->chat(route.rest.at(0));
            chat && body.contains(QStringLiteral("reasoning_effort")))
            chat->reasoningEffort = body.value(QStringLiteral("reasoning_effort")).toString();
    }
    // {P}/config/user-compaction-thresholds[/{modelConfig}] (v2 servers only, §20.6.3)
    if (m_state->modern() && resolveChats(path, &route) && route.rest.size() >= 2
        && route.rest.at(0) == QLatin1String("config")
        && route.rest.at(1) == QLatin1String("user-compaction-thresholds")) {
        *response = compactionThresholds(request, route.rest.mid(2));
        return true;
    }
    // {P}/config/user-prompt
    if (resolveChats(path, &route) && route.rest.size() == 2
        && route.rest.at(0) == QLatin1String("config")
        && route.rest.at(1) == QLatin1String("user-prompt")) {
        *response = userPrompt(request);
        return true;
    }
    return false;
}

} // namespace AgentDeskSim
