#include "SimServer.h"

#include "SimLogging.h"
#include "SimSeeder.h"

#include <QElapsedTimer>

namespace AgentDeskSim {

SimServer::SimServer(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_state(options.seed, &m_options)
    , m_agent(&m_state, &m_options)
    , m_hub(&m_state, &m_options)
    , m_routes(&m_state, &m_agent, &m_hub, &m_http, &m_options)
{
    m_http.setRequestHandler([this](const HttpRequest &r) { return m_routes.handle(r); });
    m_http.setUpgradeHandler([this](const HttpRequest &r) { return m_routes.handleUpgrade(r); });
    m_http.setDelayProvider([this](const HttpRequest &r) { return m_routes.delayFor(r); });
    connect(&m_http, &SimHttpServer::webSocketConnected, &m_hub, &SimSocketHub::addSocket);
}

bool SimServer::start(QString *error)
{
    if (!m_options.scenarioFile.isEmpty()
        && !m_agent.loadScenarioFile(m_options.scenarioFile, error))
        return false;
    QElapsedTimer timer;
    timer.start();
    if (m_options.demo && !SimSeeder::seedDemo(&m_state, error))
        return false;
    if (m_options.extraChats > 0)
        SimSeeder::seedScale(&m_state, m_options.extraChats, m_options.messages);
    qCInfo(lcSim) << "seeded" << m_state.chats().size() << "chats," << m_state.messageCount()
                  << "messages in" << timer.elapsed() << "ms";
    if (!m_http.listen(m_options.port)) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1").arg(m_options.port);
        return false;
    }
    return true;
}

} // namespace AgentDeskSim
