// §20.9 MCP servers: the organization's list with the caller's OAuth state, the OAuth connect
// redirect, the callback page (played on loopback: fetching it completes the connection) and
// disconnect.

#include "SimHttpServer.h"
#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimState.h"

namespace AgentDeskSim {

namespace {

struct SimMcpServer
{
    const char *id;
    const char *slug;
    const char *name;
    const char *description;
    const char *authType;
    const char *availability;
};

// GitHub needs the user's OAuth sign-in; Sentry is always on; Linear is on by default.
constexpr SimMcpServer mcpCatalog[] = {
    {"c0ffee00-0001-4a00-8000-00000000a001", "github", "GitHub",
        "Issues, pull requests and code search", "oauth2", "default_off"},
    {"c0ffee00-0002-4a00-8000-00000000a002", "linear", "Linear", "Tickets and projects", "none",
        "default_on"},
    {"c0ffee00-0003-4a00-8000-00000000a003", "sentry", "Sentry", "Errors from production", "none",
        "force_on"},
};

const SimMcpServer *findServer(const QString &id)
{
    for (const SimMcpServer &server : mcpCatalog) {
        if (id.toLower() == QLatin1String(server.id))
            return &server;
    }
    return nullptr;
}

} // namespace

HttpResponse SimRoutes::mcpServers(const HttpRequest &request, const QStringList &seg)
{
    if (seg.at(3).toLower() != QLatin1String(SimState::orgId))
        return HttpResponse::error(
            404, QStringLiteral("Resource not found or you do not have access to this resource"));
    if (seg.size() == 5 && request.method == "GET") {
        QJsonArray list;
        for (const SimMcpServer &server : mcpCatalog) {
            const QString id = QLatin1String(server.id);
            list.append(QJsonObject{{QStringLiteral("id"), id},
                {QStringLiteral("display_name"), QLatin1String(server.name)},
                {QStringLiteral("slug"), QLatin1String(server.slug)},
                {QStringLiteral("description"), QLatin1String(server.description)},
                {QStringLiteral("icon_url"), QString()},
                {QStringLiteral("auth_type"), QLatin1String(server.authType)},
                {QStringLiteral("availability"), QLatin1String(server.availability)},
                {QStringLiteral("enabled"), true}, {QStringLiteral("model_intent"), false},
                {QStringLiteral("allow_in_plan_mode"), true},
                {QStringLiteral("tool_allow_list"), QJsonArray{}},
                {QStringLiteral("tool_deny_list"), QJsonArray{}},
                {QStringLiteral("auth_connected"), m_steer.mcpConnected.contains(id)}});
        }
        return HttpResponse::json(200, list);
    }
    if (seg.size() == 8 && seg.at(6) == QLatin1String("oauth2")
        && seg.at(7) == QLatin1String("connect") && request.method == "GET") {
        const SimMcpServer *server = findServer(seg.at(5));
        if (!server)
            return HttpResponse::error(404, QStringLiteral("MCP server not found."));
        if (QLatin1String(server->authType) != QLatin1String("oauth2"))
            return HttpResponse::error(
                400, QStringLiteral("MCP server does not use OAuth2 authentication."));
        // The simulated provider approves at once and redirects to the pinned callback.
        HttpResponse r;
        r.status = 307;
        r.addHeader("Location",
            QStringLiteral("/api/experimental/mcp/servers/%1/oauth2/callback?code=sim&state=sim-%1")
                .arg(QLatin1String(server->id))
                .toUtf8());
        r.addHeader("Set-Cookie",
            QStringLiteral("mcp_oauth2_state=sim-%1; Path=/api/experimental/mcp/servers/%1/oauth2/"
                           "callback; HttpOnly")
                .arg(QLatin1String(server->id))
                .toUtf8());
        return r;
    }
    return HttpResponse::error(404, QStringLiteral("Route not found."));
}

HttpResponse SimRoutes::mcpCallbackPage(const HttpRequest &request, const QString &serverId)
{
    HttpResponse r;
    r.addHeader("Content-Type", "text/html; charset=utf-8");
    const SimMcpServer *server = findServer(serverId);
    if (!server) {
        r.status = 404;
        r.body = "<!DOCTYPE html><html><body><p>MCP server not found.</p></body></html>\n";
        return r;
    }
    if (request.queryValue(QStringLiteral("code")).isEmpty()) {
        r.status = 400;
        r.body = "<!DOCTYPE html><html><body><p>Missing authorization code.</p></body></html>\n";
        return r;
    }
    if (request.queryValue(QStringLiteral("state")) != QStringLiteral("sim-") + server->id) {
        r.status = 400;
        r.body = "<!DOCTYPE html><html><body><p>Invalid or missing OAuth2 state "
                 "parameter.</p></body></html>\n";
        return r;
    }
    m_steer.mcpConnected.insert(QLatin1String(server->id));
    r.status = 200;
    r.body = QStringLiteral(
        "<!DOCTYPE html><html><head><title>Connected</title></head><body><script>"
        "if (window.opener) { window.opener.postMessage({type:\"mcp-oauth2-complete\", "
        "serverID:\"%1\"}, \"*\"); window.close(); }</script>"
        "<p>Authentication successful. You may close this window.</p></body></html>\n")
                 .arg(QLatin1String(server->id))
                 .toUtf8();
    return r;
}

QStringList SimRoutes::invalidMcpIds(const QJsonArray &requested, const QJsonArray &kept) const
{
    QStringList invalid;
    for (const QJsonValue &value : requested) {
        const QString id = value.toString().toLower();
        if (!findServer(id) && !kept.contains(QJsonValue(id)))
            invalid.append(value.toString());
    }
    return invalid;
}

HttpResponse SimRoutes::mcpDisconnect(const HttpRequest &request, const QString &serverId)
{
    if (request.method != "DELETE")
        return HttpResponse::error(405, QStringLiteral("Method not allowed."));
    if (!findServer(serverId))
        return HttpResponse::error(404, QStringLiteral("MCP server not found."));
    const bool had = m_steer.mcpConnected.remove(serverId.toLower());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("token_revoked"), had}});
}

} // namespace AgentDeskSim
