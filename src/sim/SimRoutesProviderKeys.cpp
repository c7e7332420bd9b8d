// §20.8 personal AI provider keys: list, PUT, DELETE, device and browser grants, and the
// simulated provider pages those grants send the browser to.

#include "SimHttpServer.h"
#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimState.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace AgentDeskSim {

namespace {

QString baseUrl(const SimHttpServer *server)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(server->port());
}

HttpResponse htmlPage(int status, const QString &title, const QString &body)
{
    HttpResponse r;
    r.status = status;
    r.addHeader("Content-Type", "text/html; charset=utf-8");
    r.body = QStringLiteral("<!DOCTYPE html><html><head><title>%1</title></head><body><h1>%1</h1>"
                            "<p>%2</p></body></html>\n")
                 .arg(title.toHtmlEscaped(), body)
                 .toUtf8();
    return r;
}

//! The code and state from what a user pastes: a callback URL, a query, "code#state" or a code.
void parseCallbackInput(const QString &input, QString *code, QString *state)
{
    QString text = input.trimmed();
    const int question = text.indexOf(QLatin1Char('?'));
    if (question >= 0)
        text = text.mid(question + 1);
    if (text.contains(QLatin1Char('='))) {
        const QUrlQuery query(text);
        *code = query.queryItemValue(QStringLiteral("code"));
        *state = query.queryItemValue(QStringLiteral("state"));
        return;
    }
    const int hash = text.indexOf(QLatin1Char('#'));
    *code = hash >= 0 ? text.left(hash) : text;
    *state = hash >= 0 ? text.mid(hash + 1) : QString();
}

} // namespace

QJsonObject SimRoutes::providerKeyConfig(const QJsonObject &provider) const
{
    const QString type = provider.value(QStringLiteral("type")).toString();
    QJsonObject config{
        {QStringLiteral("provider"),
            QJsonObject{{QStringLiteral("id"), provider.value(QStringLiteral("id"))},
                {QStringLiteral("type"), type}, {QStringLiteral("name"), type},
                {QStringLiteral("display_name"), provider.value(QStringLiteral("display_name"))},
                {QStringLiteral("icon"), provider.value(QStringLiteral("icon"))},
                {QStringLiteral("enabled"), provider.value(QStringLiteral("enabled"))},
                {QStringLiteral("deleted"), false}}},
        {QStringLiteral("has_user_api_key"), m_steer.userKeyProviders.contains(type)},
        {QStringLiteral("has_provider_api_key"), provider.value(QStringLiteral("has_api_key"))},
        {QStringLiteral("byok_enabled"), provider.value(QStringLiteral("allow_user_api_key"))}};
    if (m_options->generation == SimGeneration::Newest) {
        const bool openai = type == QLatin1String("openai");
        config.insert(QStringLiteral("device_flow_supported"), openai);
        config.insert(QStringLiteral("browser_flow_supported"), openai);
        config.insert(QStringLiteral("refresh_supported"), openai);
        config.insert(QStringLiteral("reauth_required"), false);
    }
    return config;
}

HttpResponse SimRoutes::providerKeys(const HttpRequest &request, const QStringList &rest)
{
    const QJsonArray providers =
        m_state->modelsResponse().value(QStringLiteral("providers")).toArray();
    if (rest.isEmpty()) {
        if (request.method != "GET")
            return HttpResponse::error(405, QStringLiteral("Method not allowed."));
        QJsonArray list;
        for (const QJsonValue &p : providers)
            list.append(providerKeyConfig(p.toObject()));
        return HttpResponse::json(200, list);
    }
    QJsonObject provider;
    for (const QJsonValue &p : providers) {
        const QJsonObject o = p.toObject();
        if (o.value(QStringLiteral("type")).toString() == rest.at(0)
            || o.value(QStringLiteral("id")).toString() == rest.at(0).toLower())
            provider = o;
    }
    if (provider.isEmpty())
        return HttpResponse::error(404, QStringLiteral("AI provider not found."));
    const QString type = provider.value(QStringLiteral("type")).toString();
    if (!provider.value(QStringLiteral("allow_user_api_key")).toBool())
        return HttpResponse::error(403, QStringLiteral("BYOK is disabled."));

    if (rest.size() == 1 && request.method == "PUT") {
        const QJsonDocument doc = QJsonDocument::fromJson(request.body);
        if (!doc.isObject())
            return HttpResponse::error(400, QStringLiteral("Request body must be valid JSON."));
        const QString key = doc.object().value(QStringLiteral("api_key")).toString().trimmed();
        if (key.isEmpty())
            return HttpResponse::error(400, QStringLiteral("Invalid request."),
                QStringLiteral("api_key is required."),
                {HttpResponse::validation(
                    QStringLiteral("api_key"), QStringLiteral("Validation failed: required"))});
        m_steer.userKeyProviders.insert(type);
        return HttpResponse::json(200, providerKeyConfig(provider));
    }
    if (rest.size() == 1 && request.method == "DELETE") {
        m_steer.userKeyProviders.remove(type);
        return HttpResponse::noContent();
    }
    if (m_options->generation != SimGeneration::Newest || rest.size() < 2)
        return HttpResponse::error(404, QStringLiteral("Route not found."));
    return providerGrants(request, rest, provider);
}

QJsonObject SimRoutes::grantJson(
    const SimProviderGrant &grant, const QJsonObject &provider, bool withStatus) const
{
    const QString base = baseUrl(m_server);
    QJsonObject o{{QStringLiteral("grant_id"), grant.id},
        {QStringLiteral("provider_id"), provider.value(QStringLiteral("id"))},
        {QStringLiteral("expires_in"), 900}, {QStringLiteral("stores_access_token_only"), true},
        {QStringLiteral("refresh_supported"), true},
        {QStringLiteral("reauth_message"),
            grant.status == QLatin1String("expired")
                ? QStringLiteral("The sign-in expired. Start over to try again.")
                : QString()}};
    if (grant.browser) {
        if (!withStatus)
            o.insert(QStringLiteral("authorize_url"),
                base + QStringLiteral("/__sim/provider/authorize?grant=") + grant.id);
    } else {
        o.insert(QStringLiteral("user_code"), grant.userCode);
        o.insert(
            QStringLiteral("verification_uri"), base + QStringLiteral("/__sim/provider/device"));
        o.insert(QStringLiteral("verification_uri_complete"),
            base + QStringLiteral("/__sim/provider/device?user_code=") + grant.userCode);
        o.insert(QStringLiteral("poll_interval"), 1);
    }
    if (withStatus)
        o.insert(QStringLiteral("status"), grant.status);
    return o;
}

HttpResponse SimRoutes::providerGrants(
    const HttpRequest &request, const QStringList &rest, const QJsonObject &provider)
{
    const QString type = provider.value(QStringLiteral("type")).toString();
    const bool browser = rest.at(1) == QLatin1String("browser-grants");
    if (!browser && rest.at(1) != QLatin1String("device-grants"))
        return HttpResponse::error(404, QStringLiteral("Route not found."));
    if (type != QLatin1String("openai")) {
        return HttpResponse::error(422,
            browser ? QStringLiteral("Browser sign-in is not supported for this provider.")
                    : QStringLiteral("Device sign-in is not supported for this provider."));
    }
    if (rest.size() == 2 && request.method == "POST") {
        SimProviderGrant grant;
        grant.id = m_state->newUuid();
        grant.provider = type;
        grant.browser = browser;
        ++m_steer.grantCounter;
        grant.userCode = QStringLiteral("SIM-%1").arg(1000 + m_steer.grantCounter);
        grant.state = QStringLiteral("state-%1").arg(m_steer.grantCounter);
        m_steer.grants.insert(grant.id, grant);
        return HttpResponse::json(201, grantJson(grant, provider, false));
    }
    auto it = m_steer.grants.find(rest.value(2).toLower());
    if (rest.size() < 3 || it == m_steer.grants.end() || it->provider != type
        || it->browser != browser)
        return HttpResponse::error(404, QStringLiteral("Grant not found."));
    if (rest.size() == 3 && request.method == "DELETE") {
        it->status = QStringLiteral("canceled");
        return HttpResponse::noContent();
    }
    if (!browser && rest.size() == 3 && request.method == "GET")
        return HttpResponse::json(200, grantJson(*it, provider, true));
    if (browser && rest.size() == 4 && rest.at(3) == QLatin1String("exchange")
        && request.method == "POST") {
        if (std::optional<HttpResponse> refusal = exchangeGrant(request, &*it))
            return *refusal;
        return HttpResponse::json(200, grantJson(*it, provider, true));
    }
    return HttpResponse::error(404, QStringLiteral("Route not found."));
}

std::optional<HttpResponse> SimRoutes::exchangeGrant(
    const HttpRequest &request, SimProviderGrant *grant)
{
    const QString input =
        QJsonDocument::fromJson(request.body).object().value(QStringLiteral("input")).toString();
    QString code;
    QString state;
    parseCallbackInput(input, &code, &state);
    if (code.isEmpty())
        return HttpResponse::error(400,
            QStringLiteral("no authorization code found: paste the full callback URL or code"));
    if (!state.isEmpty() && state != grant->state)
        return HttpResponse::error(400,
            QStringLiteral("authorization state mismatch: start a fresh sign-in and paste the "
                           "newest callback"));
    if (code != QStringLiteral("sim-code-") + grant->id)
        return HttpResponse::error(
            502, QStringLiteral("Failed to exchange the sign-in code with the provider."));
    grant->status = QStringLiteral("authorized");
    m_steer.userKeyProviders.insert(grant->provider);
    return std::nullopt;
}

HttpResponse SimRoutes::providerPage(const HttpRequest &request, const QStringList &rest)
{
    if (rest.value(0) == QLatin1String("device")) {
        const QString code = request.queryValue(QStringLiteral("user_code"));
        for (SimProviderGrant &grant : m_steer.grants) {
            if (!grant.browser && grant.userCode == code
                && grant.status == QLatin1String("pending")) {
                grant.status = QStringLiteral("authorized");
                m_steer.userKeyProviders.insert(grant.provider);
                return htmlPage(200, QStringLiteral("Device authorized"),
                    QStringLiteral("AgentDesk Simulator may now use your account. You may close "
                                   "this window."));
            }
        }
        return htmlPage(400, QStringLiteral("Unknown code"),
            QStringLiteral("Enter the code your application shows."));
    }
    if (rest.value(0) == QLatin1String("authorize")) {
        const auto it = m_steer.grants.constFind(request.queryValue(QStringLiteral("grant")));
        if (it == m_steer.grants.cend() || !it->browser)
            return htmlPage(400, QStringLiteral("Unknown sign-in"), QString());
        const QString callback =
            QStringLiteral("http://localhost:1455/auth/callback?code=sim-code-%1&state=%2")
                .arg(it->id, it->state);
        HttpResponse page = htmlPage(200, QStringLiteral("Signed in"),
            QStringLiteral(
                "Paste this callback URL into your application:</p><pre id=\"callback\">")
                + callback.toHtmlEscaped() + QStringLiteral("</pre><p>"));
        page.addHeader("X-Sim-Callback", callback.toUtf8());
        return page;
    }
    return htmlPage(404, QStringLiteral("Not found"), QString());
}

} // namespace AgentDeskSim
