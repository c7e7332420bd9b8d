// Decoders of §20.8–§20.10: provider keys and grants, MCP servers, personal skills, the user
// prompt. Lenient like the rest of ApiJson: unknown members are ignored, a missing optional
// member takes its default, and only a shape that cannot be the documented one fails.

#include "core/api/ApiJson.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk::ApiJson {

namespace {

QString str(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

bool flag(const QJsonObject &object, QStringView key, bool fallback = false)
{
    const QJsonValue value = object.value(key);
    return value.isBool() ? value.toBool() : fallback;
}

int integer(const QJsonObject &object, QStringView key, int fallback)
{
    const std::optional<qint64> value = int64FromJson(object.value(key));
    return value ? int(*value) : fallback;
}

template<typename T, typename Decode>
std::optional<QList<T>> listOf(const QJsonValue &value, Decode decode)
{
    if (value.isNull())
        return QList<T>(); // Go's nil slice
    if (!value.isArray())
        return std::nullopt;
    QList<T> list;
    for (const QJsonValue &entry : value.toArray()) {
        if (std::optional<T> item = decode(entry))
            list.append(std::move(*item));
    }
    return list;
}

} // namespace

std::optional<ProviderKeyConfig> providerKeyFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const QJsonObject provider = object.value(u"provider").toObject();
    ProviderKeyConfig config;
    config.providerId = str(provider, u"id");
    config.providerType = str(provider, u"type");
    config.providerName = str(provider, u"name");
    if (config.providerName.isEmpty())
        config.providerName = config.providerType;
    config.displayName = str(provider, u"display_name");
    if (config.displayName.isEmpty())
        config.displayName = config.providerName;
    config.providerEnabled = flag(provider, u"enabled", true);
    config.hasUserKey = flag(object, u"has_user_api_key");
    config.hasProviderKey = flag(object, u"has_provider_api_key");
    config.byokEnabled = flag(object, u"byok_enabled");
    config.deviceFlowSupported = flag(object, u"device_flow_supported");
    config.browserFlowSupported = flag(object, u"browser_flow_supported");
    config.reauthRequired = flag(object, u"reauth_required");
    if (config.providerName.isEmpty() || flag(provider, u"deleted"))
        return std::nullopt;
    return config;
}

std::optional<QList<ProviderKeyConfig>> providerKeysFromJson(const QJsonValue &value)
{
    return listOf<ProviderKeyConfig>(value, providerKeyFromJson);
}

std::optional<ProviderGrant> providerGrantFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    ProviderGrant grant;
    grant.grantId = str(object, u"grant_id");
    if (grant.grantId.isEmpty())
        return std::nullopt;
    grant.userCode = str(object, u"user_code");
    grant.verificationUri = str(object, u"verification_uri");
    grant.verificationUriComplete = str(object, u"verification_uri_complete");
    grant.authorizeUrl = str(object, u"authorize_url");
    grant.expiresInSeconds = integer(object, u"expires_in", 0);
    grant.pollIntervalSeconds = qMax(1, integer(object, u"poll_interval", 5));
    grant.reauthMessage = str(object, u"reauth_message");
    grant.apiKey = str(object, u"api_key");
    grant.statusRaw = str(object, u"status");
    if (grant.statusRaw.isEmpty() || grant.statusRaw == u"pending"_s)
        grant.status = ProviderGrant::Status::Pending;
    else if (grant.statusRaw == u"authorized"_s)
        grant.status = ProviderGrant::Status::Authorized;
    else if (grant.statusRaw == u"expired"_s)
        grant.status = ProviderGrant::Status::Expired;
    else if (grant.statusRaw == u"canceled"_s || grant.statusRaw == u"cancelled"_s)
        grant.status = ProviderGrant::Status::Canceled;
    else
        grant.status = ProviderGrant::Status::Unknown;
    return grant;
}

std::optional<QList<McpServer>> mcpServersFromJson(const QJsonValue &value)
{
    return listOf<McpServer>(value, [](const QJsonValue &entry) -> std::optional<McpServer> {
        if (!entry.isObject())
            return std::nullopt;
        const QJsonObject object = entry.toObject();
        McpServer server;
        server.id = QUuid::fromString(str(object, u"id"));
        if (server.id.isNull())
            return std::nullopt;
        server.displayName = str(object, u"display_name");
        server.slug = str(object, u"slug");
        if (server.displayName.isEmpty())
            server.displayName = server.slug;
        server.description = str(object, u"description");
        server.iconUrl = str(object, u"icon_url");
        server.authType = str(object, u"auth_type");
        server.availability = str(object, u"availability");
        server.enabled = flag(object, u"enabled", true);
        server.authConnected = flag(object, u"auth_connected");
        return server;
    });
}

std::optional<McpDisconnectResult> mcpDisconnectFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    McpDisconnectResult result;
    result.known = true;
    result.tokenRevoked = flag(object, u"token_revoked");
    result.revocationError = str(object, u"token_revocation_error");
    return result;
}

std::optional<UserSkill> userSkillFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    UserSkill skill;
    skill.id = str(object, u"id");
    skill.name = str(object, u"name");
    if (skill.name.isEmpty())
        return std::nullopt;
    skill.description = str(object, u"description");
    skill.content = str(object, u"content");
    skill.createdAt = timestampFromJson(object.value(u"created_at"));
    skill.updatedAt = timestampFromJson(object.value(u"updated_at"));
    return skill;
}

std::optional<QList<UserSkill>> userSkillsFromJson(const QJsonValue &value)
{
    return listOf<UserSkill>(value, userSkillFromJson);
}

std::optional<QList<UserSkill>> workspaceSkillsFromJson(const QJsonValue &chat)
{
    if (!chat.isObject())
        return std::nullopt;
    QList<UserSkill> skills;
    const QJsonArray resources =
        chat.toObject().value(u"context").toObject().value(u"resources").toArray();
    for (const QJsonValue &entry : resources) {
        const QJsonObject resource = entry.toObject();
        if (str(resource, u"kind") != u"skill"_s)
            continue;
        const QString status = str(resource, u"status");
        if (!status.isEmpty() && status != u"ok"_s)
            continue;
        UserSkill skill;
        skill.name = str(resource, u"skill_name");
        skill.description = str(resource, u"skill_description");
        if (!skill.name.isEmpty())
            skills.append(skill);
    }
    return skills;
}

std::optional<QString> userPromptFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonValue prompt = value.toObject().value(u"custom_prompt");
    if (!prompt.isString() && !prompt.isNull() && !prompt.isUndefined())
        return std::nullopt;
    return prompt.toString();
}

} // namespace AgentDesk::ApiJson
