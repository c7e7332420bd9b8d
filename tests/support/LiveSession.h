#pragma once

// A ChatSession on the simulator's main demo chat: the simulator and a signed-in client in this
// run's generation, the message and queue models, and the session that fills them (reconnecting
// without delay). The set-up of the session-level tests. Header-only: they link agentdesk_models.

#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/QueueModel.h"
#include "support/DemoIds.h"
#include "support/SimulatorApi.h"

#include <memory>

namespace AgentDesk::Testing {

struct LiveSession
{
    //! The demo with \a extraArguments; nothing runs before start().
    explicit LiveSession(const QStringList &extraArguments = {})
        : server(SimulatorApi::demoArguments() + extraArguments)
    {
    }

    //! Starts the simulator and makes the session (not opened); false (see
    //! server.sim.errorString()) if the simulator did not start.
    bool start()
    {
        if (!server.start())
            return false;
        session =
            std::make_unique<ChatSession>(server.api.get(), Demo::mainChat, &messages, &queue);
        session->setReconnectPolicy(ReconnectPolicy::zeroDelay());
        return true;
    }

    SimulatorApi server; // first made, last destroyed
    MessageListModel messages;
    QueueModel queue;
    std::unique_ptr<ChatSession> session;
};

} // namespace AgentDesk::Testing
