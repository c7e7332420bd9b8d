#pragma once

// Logging categories per area (design.md c.9). Turn them on with QT_LOGGING_RULES, e.g.
// QT_LOGGING_RULES="agentdesk.api.debug=true". Never log tokens, headers, bodies or file contents.

#include <QLoggingCategory>

namespace AgentDesk {

Q_DECLARE_LOGGING_CATEGORY(lcApi)    //!< agentdesk.api: REST calls (method, path, status, duration)
Q_DECLARE_LOGGING_CATEGORY(lcStream) //!< agentdesk.stream: per-chat /stream socket and decoding
Q_DECLARE_LOGGING_CATEGORY(lcWatch)  //!< agentdesk.watch: the /watch feed
Q_DECLARE_LOGGING_CATEGORY(lcUpload) //!< agentdesk.upload: file uploads
Q_DECLARE_LOGGING_CATEGORY(lcUi)     //!< agentdesk.ui: widgets and controllers

} // namespace AgentDesk
