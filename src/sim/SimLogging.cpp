#include "SimLogging.h"

namespace AgentDeskSim {
Q_LOGGING_CATEGORY(lcSim, "agentdesk.sim")
} // namespace AgentDeskSim
