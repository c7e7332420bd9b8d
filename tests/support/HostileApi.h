#pragma once

// A hostile server on loopback and an API client signed in to it: the set-up the hostile tests
// begin with. Header-only over HostileServer (agentdesk_testsupport).

#include "support/HostileServer.h"
#include "support/SignedInApi.h"

#include <QNetworkAccessManager>

#include <memory>

namespace AgentDesk::Testing {

//! Made in a test's init(), reset in cleanup(): the client goes first, then the server.
struct HostileApi
{
    //! The session token every hostile test signs in with (it must never leak anywhere).
    static inline const QByteArray token = "HostileTst-0123456789abcdefghijkl";

    QNetworkAccessManager network;
    HostileServer server;
    std::unique_ptr<ApiClient> api;

    //! Listens and signs a client in on the experimental prefix; false if listening failed.
    bool start()
    {
        if (!server.listen())
            return false;
        api = signedInApi(&network, server.httpUrl(), token, ApiClient::experimentalChatsPrefix());
        return true;
    }
};

} // namespace AgentDesk::Testing
