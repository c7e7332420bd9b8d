#include "SimLogging.h"

namespace AgentDeskSim {
// Flow logging (qCDebug) is opt-in: QT_LOGGING_RULES="agentdesk.sim.debug=true".
Q_LOGGING_CATEGORY(lcSim, "agentdesk.sim", QtInfoMsg)
} // namespace AgentDeskSim
