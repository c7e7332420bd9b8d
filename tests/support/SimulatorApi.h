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
    //! The simulator's demo fixture in \a generation (by default this run's).
    static QStringList demoArguments(const QString &generation = testGeneration())
    {
        return {QStringLiteral("--demo"), QStringLiteral("--generation"), generation};
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
        api = signedInApi(&network, sim.baseUrl(), sim.token(), chatsPrefix);
        return true;
    }

    SimulatorProcess sim;
    //! The route prefix the client uses: set it before start() when the simulator plays
    //! another generation than this run's.
    QString chatsPrefix = testChatsPrefix();
    QNetworkAccessManager network;
    std::unique_ptr<ApiClient> api;
};

} // namespace AgentDesk::Testing
