#include "core/Logging.h"

namespace AgentDesk {

// Debug output is off by default; warnings and above are on.
Q_LOGGING_CATEGORY(lcApi, "agentdesk.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStream, "agentdesk.stream", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWatch, "agentdesk.watch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUpload, "agentdesk.upload", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "agentdesk.ui", QtInfoMsg)

} // namespace AgentDesk
