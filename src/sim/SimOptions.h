#pragma once

#include "SimFaults.h"

#include <QString>

namespace AgentDeskSim {

//! Which Coder server the simulator plays (protocol reference §20.1.1).
enum class SimGeneration {
    Legacy, //!< ≤ 2.36: /api/experimental/chats only (the seed-era contract)
    V237,   //!< 2.37: /api/v2/chats and the experimental copies; models catalog routes gone
    Newest, //!< post-#29548: promoted routes only under /api/v2; experimental copies 404
};

//! Command-line configuration of one simulator instance.
struct SimOptions
{
    quint16 port = 0;
    QString token = QStringLiteral("AgntDeskSm-demo0token000000000000"); // empty = none accepted
    //! Tokens revoked by POST /__sim/revoke-token: refused by the API, still good for /__sim/.
    QStringList revokedTokens;
    quint32 seed = 1;
    QString scenarioFile;
    int deltaIntervalMs = 40;
    int pingIntervalMs = 15000;
    int extraChats = 0;
    int messages = 0;
    bool demo = false;
    SimGeneration generation = SimGeneration::Newest;
    //! Alice is a deployment admin: she may read and update chats she does not own (§20.3.4).
    bool admin = false;
    //! Deployment switch: ACL routes answer 403 (§20.3.2).
    bool sharingDisabled = false;
    //! Concurrent running top-level chats; excess turns wait with queued_for_capacity (§20.12).
    int capacityLimit = 0;
    //! Deadline of requires_action; then the pending calls are cancelled (§14.6, §20.4.4).
    int requiresActionTimeoutMs = 5 * 60 * 1000;
    int maxQueue = 20;
    SimFaults faults;
};

} // namespace AgentDeskSim
