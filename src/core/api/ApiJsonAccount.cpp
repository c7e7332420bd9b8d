// Decoders of §20.8–§20.10: provider keys and grants, MCP servers, personal skills, the user
// prompt. Lenient like the rest of ApiJson: unknown members are ignored, a missing optional
// member takes its default, and only a shape that cannot be the documented one fails.

#include "core/api/ApiJson.h"
#include "core/api/ApiJsonFields.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk::ApiJson {

using namespace Fields;

namespace {

template<typename T, typename Decode>
std::optional<QList<T>> listOf(const QJsonValue &value, Decode decode)
{
    if (value.isNull())
        return QList<T>(); // Go's nil slice
    if (!value.isArray())
        return std::nullopt;
    qsizetype skipped = 0; // deleted providers and unnamed skills are left out by design
    return decodeEach<T>(value.toArray(), decode, skipped);
}

//! The members of the `provider` object of a provider key config.
const FieldTable<ProviderKeyConfig> providerKeyProviderFields{
    .strings = {{u"id", &ProviderKeyConfig::providerId},
        {u"type", &ProviderKeyConfig::providerType}, {u"name", &ProviderKeyConfig::providerName},
        {u"display_name", &ProviderKeyConfig::displayName}},
    .booleans = {{u"enabled", &ProviderKeyConfig::providerEnabled}},
};

const FieldTable<ProviderKeyConfig> providerKeyFields{
    .booleans = {{u"has_user_api_key", &ProviderKeyConfig::hasUserKey},
        {u"has_provider_api_key", &ProviderKeyConfig::hasProviderKey},
        {u"byok_enabled", &ProviderKeyConfig::byokEnabled},
        {u"device_flow_supported", &ProviderKeyConfig::deviceFlowSupported},
        {u"browser_flow_supported", &ProviderKeyConfig::browserFlowSupported},
        {u"reauth_required", &ProviderKeyConfig::reauthRequired}},
};

const FieldTable<ProviderGrant> providerGrantFields{
    .strings = {{u"grant_id", &ProviderGrant::grantId}, {u"user_code", &ProviderGrant::userCode},
        {u"verification_uri", &ProviderGrant::verificationUri},
        {u"verification_uri_complete", &ProviderGrant::verificationUriComplete},
        {u"authorize_url", &ProviderGrant::authorizeUrl},
        {u"reauth_message", &ProviderGrant::reauthMessage}, {u"api_key", &ProviderGrant::apiKey},
        {u"status", &ProviderGrant::statusRaw}},
    .ints = {{u"expires_in", &ProviderGrant::expiresInSeconds},
        {u"poll_interval", &ProviderGrant::pollIntervalSeconds}},
};

const FieldTable<McpServer> mcpServerFields{
    .strings = {{u"display_name", &McpServer::displayName}, {u"slug", &McpServer::slug},
        {u"description", &McpServer::description}, {u"icon_url", &McpServer::iconUrl},
        {u"auth_type", &McpServer::authType}, {u"availability", &McpServer::availability}},
    .booleans = {{u"enabled", &McpServer::enabled}, {u"auth_connected", &McpServer::authConnected}},
};

const FieldTable<McpDisconnectResult> mcpDisconnectFields{
    .strings = {{u"token_revocation_error", &McpDisconnectResult::revocationError}},
    .booleans = {{u"token_revoked", &McpDisconnectResult::tokenRevoked}},
};

const FieldTable<UserSkill> userSkillFields{
    .strings = {{u"id", &UserSkill::id}, {u"name", &UserSkill::name},
        {u"description", &UserSkill::description}, {u"content", &UserSkill::content}},
    .times = {{u"created_at", &UserSkill::createdAt}, {u"updated_at", &UserSkill::updatedAt}},
};

ProviderGrant::Status grantStatus(const QString &raw)
{
    if (raw.isEmpty() || raw == u"pending"_s)
        return ProviderGrant::Status::Pending;
    if (raw == u"authorized"_s)
        return ProviderGrant::Status::Authorized;
    if (raw == u"expired"_s)
        return ProviderGrant::Status::Expired;
    if (raw == u"canceled"_s || raw == u"cancelled"_s)
        return ProviderGrant::Status::Canceled;
    return ProviderGrant::Status::Unknown;
}

} // namespace

std::optional<ProviderKeyConfig> providerKeyFromJson(const QJsonValue &value)
{
    return decodeObject<ProviderKeyConfig>(
        value, [](const QJsonObject &object, ProviderKeyConfig &config) {
            const QJsonObject provider = object.value(u"provider").toObject();
            readFields(provider, config, providerKeyProviderFields);
            if (config.providerName.isEmpty())
                config.providerName = config.providerType;
            if (config.displayName.isEmpty())
                config.displayName = config.providerName;
            readFields(object, config, providerKeyFields);
            return !config.providerName.isEmpty() && !boolean(provider, u"deleted");
        });
}

std::optional<QList<ProviderKeyConfig>> providerKeysFromJson(const QJsonValue &value)
{
    return listOf<ProviderKeyConfig>(value, providerKeyFromJson);
}

std::optional<ProviderGrant> providerGrantFromJson(const QJsonValue &value)
{
    return decodeObject<ProviderGrant>(value, [](const QJsonObject &object, ProviderGrant &grant) {
        readFields(object, grant, providerGrantFields);
        grant.pollIntervalSeconds = qMax(1, grant.pollIntervalSeconds);
        grant.status = grantStatus(grant.statusRaw);
        return !grant.grantId.isEmpty();
    });
}

std::optional<QList<McpServer>> mcpServersFromJson(const QJsonValue &value)
{
    return listOf<McpServer>(value, [](const QJsonValue &entry) {
        return decodeObject<McpServer>(entry, [](const QJsonObject &object, McpServer &server) {
            readFields(object, server, mcpServerFields);
            if (server.displayName.isEmpty())
                server.displayName = server.slug;
            return readId(object, u"id", server.id);
        });
    });
}

std::optional<McpDisconnectResult> mcpDisconnectFromJson(const QJsonValue &value)
{
    std::optional<McpDisconnectResult> result = decodeFields(value, mcpDisconnectFields);
    if (result)
        result->known = true;
    return result;
}

std::optional<UserSkill> userSkillFromJson(const QJsonValue &value)
{
    std::optional<UserSkill> skill = decodeFields(value, userSkillFields);
    if (skill && skill->name.isEmpty())
        return std::nullopt;
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
        if (string(resource, u"kind") != u"skill"_s)
            continue;
        const QString status = string(resource, u"status");
        if (!status.isEmpty() && status != u"ok"_s)
            continue;
        UserSkill skill;
        skill.name = string(resource, u"skill_name");
        skill.description = string(resource, u"skill_description");
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
