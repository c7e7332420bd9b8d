#pragma once

#include "ScriptedAgent.h"
#include "SimHttpServer.h"
#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimSocketHub.h"
#include "SimState.h"

#include <QObject>

namespace AgentDeskSim {

//! Composition root of the simulator: state, agent, HTTP server, sockets and routes.
class SimServer final : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(const SimOptions &options, QObject *parent = nullptr);

    bool start(QString *error);
    quint16 port() const { return m_http.port(); }

private:
    SimOptions m_options;
    SimState m_state;
    ScriptedAgent m_agent;
    SimHttpServer m_http;
    SimSocketHub m_hub;
    SimRoutes m_routes;
};

} // namespace AgentDeskSim
