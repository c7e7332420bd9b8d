#pragma once

// An ApiClient signed in to a test server (the simulator or a hostile one): the set-up most
// API-level tests begin with. Header-only: the tests that use it link agentdesk_core.

#include "core/api/ApiClient.h"

#include <QNetworkAccessManager>

#include <functional>
#include <memory>

namespace AgentDesk::Testing {

//! A client on \a network for \a deploymentUrl with \a token; \a chatsPrefix empty keeps the
//! client's default route prefix.
inline std::unique_ptr<ApiClient> signedInApi(QNetworkAccessManager *network,
    const QUrl &deploymentUrl, const QByteArray &token, const QString &chatsPrefix = {})
{
    auto api = std::make_unique<ApiClient>(network);
    api->setDeploymentUrl(deploymentUrl);
    api->setSessionToken(token);
    if (!chatsPrefix.isEmpty())
        api->setChatsPrefix(chatsPrefix);
    return api;
}

//! The handshake requests of a socket client (stream, watch, git) made by \a api, as the
//! product's own clients get them: the session token header and the client's TLS settings.
inline std::function<QNetworkRequest(const QUrl &)> socketRequestsOf(const ApiClient *api)
{
    return [api](const QUrl &url) {
        return api->makeWebSocketRequest(url);
    };
}

} // namespace AgentDesk::Testing
