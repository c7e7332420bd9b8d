// ApiClient calls of §20.8–§20.10: personal provider keys and grants, MCP servers, personal
// skills and instructions.

#include "core/api/ApiClient.h"
#include "core/api/ApiDecode.h"
#include "core/api/ApiJson.h"

#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

using ApiDecode::decodeWith;

auto ignoreBody(ApiCallback<NoContent> done)
{
    return [done = std::move(done)](const auto &raw) {
        if (raw.ok())
            done(NoContent{});
        else
            done(raw.error());
    };
}

QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString keysPath(const QString &provider, const QString &rest = {})
{
    QString path = u"/api/v2/users/me/ai-provider-keys"_s;
    if (!provider.isEmpty())
        path += u'/' + segment(provider);
    return path + rest;
}

QString skillsPath(const QString &name = {})
{
    QString path = u"/api/experimental/users/me/skills"_s;
    if (!name.isEmpty())
        path += u'/' + segment(name);
    return path;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

void ApiClient::providerKeys(QObject *context, ApiCallback<QList<ProviderKeyConfig>> done)
{
    send("GET", makeRequest(apiUrl(keysPath({}))), {}, context,
        decodeWith(std::move(done), ApiJson::providerKeysFromJson, tr("provider key list")));
}

void ApiClient::setProviderKey(const QString &provider, const QString &apiKey, QObject *context,
    ApiCallback<ProviderKeyConfig> done)
{
    sendJson("PUT", apiUrl(keysPath(provider)), QJsonObject{{u"api_key"_s, apiKey}}, context,
        decodeWith(std::move(done), ApiJson::providerKeyFromJson, tr("provider key")));
}

void ApiClient::deleteProviderKey(
    const QString &provider, QObject *context, ApiCallback<NoContent> done)
{
    send("DELETE", makeRequest(apiUrl(keysPath(provider))), {}, context,
        ignoreBody(std::move(done)));
}

void ApiClient::startDeviceGrant(
    const QString &provider, QObject *context, ApiCallback<ProviderGrant> done)
{
    sendJson("POST", apiUrl(keysPath(provider, u"/device-grants"_s)), {}, context,
        decodeWith(std::move(done), ApiJson::providerGrantFromJson, tr("sign-in grant")));
}

void ApiClient::pollDeviceGrant(const QString &provider, const QString &grantId, QObject *context,
    ApiCallback<ProviderGrant> done)
{
    send("GET", makeRequest(apiUrl(keysPath(provider, u"/device-grants/"_s + segment(grantId)))),
        {}, context,
        decodeWith(std::move(done), ApiJson::providerGrantFromJson, tr("sign-in grant")));
}

void ApiClient::cancelDeviceGrant(
    const QString &provider, const QString &grantId, QObject *context, ApiCallback<NoContent> done)
{
    send("DELETE", makeRequest(apiUrl(keysPath(provider, u"/device-grants/"_s + segment(grantId)))),
        {}, context, ignoreBody(std::move(done)));
}

void ApiClient::startBrowserGrant(
    const QString &provider, QObject *context, ApiCallback<ProviderGrant> done)
{
    sendJson("POST", apiUrl(keysPath(provider, u"/browser-grants"_s)), {}, context,
        decodeWith(std::move(done), ApiJson::providerGrantFromJson, tr("sign-in grant")));
}

void ApiClient::exchangeBrowserGrant(const QString &provider, const QString &grantId,
    const QString &input, QObject *context, ApiCallback<ProviderGrant> done)
{
    sendJson("POST",
        apiUrl(keysPath(provider, u"/browser-grants/"_s + segment(grantId) + u"/exchange"_s)),
        QJsonObject{{u"input"_s, input}}, context,
        decodeWith(std::move(done), ApiJson::providerGrantFromJson, tr("sign-in grant")));
}

void ApiClient::cancelBrowserGrant(
    const QString &provider, const QString &grantId, QObject *context, ApiCallback<NoContent> done)
{
    send("DELETE",
        makeRequest(apiUrl(keysPath(provider, u"/browser-grants/"_s + segment(grantId)))), {},
        context, ignoreBody(std::move(done)));
}

void ApiClient::mcpServers(
    const OrganizationId &organizationId, QObject *context, ApiCallback<QList<McpServer>> done)
{
    const QString path =
        u"/api/v2/organizations/"_s + organizationId.toString() + u"/mcp-servers"_s;
    send("GET", makeRequest(apiUrl(path)), {}, context,
        decodeWith(std::move(done), ApiJson::mcpServersFromJson, tr("MCP server list")));
}

QUrl ApiClient::mcpConnectUrl(const OrganizationId &organizationId, const QUuid &serverId) const
{
    return apiUrl(u"/api/v2/organizations/"_s + organizationId.toString() + u"/mcp-servers/"_s
        + uuidText(serverId) + u"/oauth2/connect"_s);
}

void ApiClient::disconnectMcpServer(
    const QUuid &serverId, QObject *context, ApiCallback<McpDisconnectResult> done)
{
    const QString path = u"/api/v2/mcp/servers/"_s + uuidText(serverId) + u"/oauth2/disconnect"_s;
    send("DELETE", makeRequest(apiUrl(path)), {}, context,
        [done = std::move(done), what = tr("MCP disconnect")](const auto &raw) {
            if (raw.ok() && raw.value().body.trimmed().isEmpty()) {
                done(McpDisconnectResult{}); // older servers: 204
                return;
            }
            decodeWith(done, ApiJson::mcpDisconnectFromJson, what)(raw);
        });
}

void ApiClient::userSkills(QObject *context, ApiCallback<QList<UserSkill>> done)
{
    send("GET", makeRequest(apiUrl(skillsPath())), {}, context,
        decodeWith(std::move(done), ApiJson::userSkillsFromJson, tr("skill list")));
}

void ApiClient::userSkill(const QString &name, QObject *context, ApiCallback<UserSkill> done)
{
    send("GET", makeRequest(apiUrl(skillsPath(name))), {}, context,
        decodeWith(std::move(done), ApiJson::userSkillFromJson, tr("skill")));
}

void ApiClient::createUserSkill(
    const QString &content, QObject *context, ApiCallback<UserSkill> done)
{
    sendJson("POST", apiUrl(skillsPath()), QJsonObject{{u"content"_s, content}}, context,
        decodeWith(std::move(done), ApiJson::userSkillFromJson, tr("skill")));
}

void ApiClient::updateUserSkill(
    const QString &name, const QString &content, QObject *context, ApiCallback<UserSkill> done)
{
    sendJson("PATCH", apiUrl(skillsPath(name)), QJsonObject{{u"content"_s, content}}, context,
        decodeWith(std::move(done), ApiJson::userSkillFromJson, tr("skill")));
}

void ApiClient::deleteUserSkill(const QString &name, QObject *context, ApiCallback<NoContent> done)
{
    send("DELETE", makeRequest(apiUrl(skillsPath(name))), {}, context, ignoreBody(std::move(done)));
}

void ApiClient::workspaceSkills(
    const ChatId &chatId, QObject *context, ApiCallback<QList<UserSkill>> done)
{
    send("GET", makeRequest(chatsUrl(u'/' + chatId.toString())), {}, context,
        decodeWith(std::move(done), ApiJson::workspaceSkillsFromJson, tr("chat")));
}

void ApiClient::userCompactionThresholds(QObject *context, ApiCallback<QMap<QUuid, int>> done)
{
    send("GET", makeRequest(chatsUrl(u"/config/user-compaction-thresholds"_s)), {}, context,
        decodeWith(
            std::move(done), ApiJson::compactionThresholdsFromJson, tr("compaction thresholds")));
}

void ApiClient::userPrompt(QObject *context, ApiCallback<QString> done)
{
    send("GET", makeRequest(chatsUrl(u"/config/user-prompt"_s)), {}, context,
        decodeWith(std::move(done), ApiJson::userPromptFromJson, tr("personal instructions")));
}

void ApiClient::setUserPrompt(const QString &prompt, QObject *context, ApiCallback<QString> done)
{
    sendJson("PUT", chatsUrl(u"/config/user-prompt"_s), QJsonObject{{u"custom_prompt"_s, prompt}},
        context,
        decodeWith(std::move(done), ApiJson::userPromptFromJson, tr("personal instructions")));
}

} // namespace AgentDesk
