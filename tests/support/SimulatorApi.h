#pragma once

// The simulator and an API client signed in to it on this run's generation: the set-up most
// simulator-backed tests begin with. Header-only over SimulatorProcess (agentdesk_testsupport).

#include "support/SignedInApi.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"

#include <QNetworkAccessManager>

#include <memory>

namespace AgentDesk::Testing {

//! Made in a test's initTestCase() (or init()); destroyed client first, simulator last.
struct SimulatorApi
{
    //! The simulator's demo fixture in this run's generation (the default).
    static QStringList demoArguments()
    {
        return {QStringLiteral("--demo"), QStringLiteral("--generation"), testGeneration()};
    }

    explicit SimulatorApi(const QStringList &arguments = demoArguments())
        : sim(arguments)
    {
    }

    //! Starts the simulator and signs a client in; false (see sim.errorString()) if it did
    //! not start.
    bool start()
    {
        if (!sim.start())
            return false;
        api = signedInApi(&network, sim.baseUrl(), sim.token(), testChatsPrefix());
        return true;
    }

    SimulatorProcess sim;
    QNetworkAccessManager network;
    std::unique_ptr<ApiClient> api;
};

} // namespace AgentDesk::Testing
