#pragma once

#include <QLoggingCategory>

namespace AgentDeskSim {
Q_DECLARE_LOGGING_CATEGORY(lcSim)
} // namespace AgentDeskSim
