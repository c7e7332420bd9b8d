#pragma once

// Wire types of §20.8–§20.10: personal provider keys and their sign-in grants, MCP servers,
// personal skills and personal instructions.

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace AgentDesk {

//! §20.8 UserAIProviderKeyConfig: one provider as the user's key settings see it.
struct ProviderKeyConfig
{
    QString providerId;
    QString providerType; //!< e.g. openai
    QString providerName; //!< the path segment of the key routes
    QString displayName;
    bool providerEnabled = true;
    bool hasUserKey = false;
    bool hasProviderKey = false;
    bool byokEnabled = false;
    bool deviceFlowSupported = false;
    bool browserFlowSupported = false;
    bool reauthRequired = false;
};

//! §20.8 device-grant initiate/poll and browser-grant initiate/exchange answers, unified.
struct ProviderGrant
{
    enum class Status { Pending, Authorized, Expired, Canceled, Unknown };
    QString grantId;
    QString userCode;
    QString verificationUri;
    QString verificationUriComplete;
    QString authorizeUrl;
    int expiresInSeconds = 0;
    int pollIntervalSeconds = 5;
    QString reauthMessage;
    Status status = Status::Pending;
    QString statusRaw;
    QString apiKey; //!< Older servers only: an authorized poll that carries the key to PUT.
};

//! §20.9 MCPServerConfig (the fields a user's picker needs).
struct McpServer
{
    QUuid id;
    QString displayName;
    QString slug;
    QString description;
    QString iconUrl;
    QString authType;     //!< none, oauth2, api_key, custom_headers, user_oidc
    QString availability; //!< force_on, default_on, default_off
    bool enabled = true;
    bool authConnected = false;

    //! §20.9: the user must sign in before the server can be used.
    bool needsSignIn() const { return authType == QLatin1String("oauth2") && !authConnected; }
};

//! §20.9 disconnect answer (older servers: 204, reported as revoked = false, known = false).
struct McpDisconnectResult
{
    bool known = false;
    bool tokenRevoked = false;
    QString revocationError;
};

//! §20.10 a personal skill; `content` only from the single GET, POST and PATCH.
struct UserSkill
{
    QString id;
    QString name;
    QString description;
    QString content;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace AgentDesk
