#pragma once

#include "SimFaults.h"

#include <QString>

namespace AgentDeskSim {

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
    bool v2 = false;
    int maxQueue = 20;
    SimFaults faults;
};

} // namespace AgentDeskSim
