#include "ScriptedAgent.h"
#include "SimKeys.h"
#include "SimRoutes.h"
#include "SimRoutesCommon.h"
#include "SimState.h"

#include <algorithm>

// The queue of messages sent while the agent works: delete and promote.

namespace AgentDeskSim {

using namespace routes;

HttpResponse SimRoutes::deleteQueued(SimChat *chat, const QString &queuedId)
{
    bool ok = false;
    const qint64 qid = queuedId.toLongLong(&ok);
    if (!ok || qid <= 0)
        return HttpResponse::error(
            400, QStringLiteral("Invalid queued message ID \"%1\".").arg(queuedId));
    if (chat->queue.isEmpty())
        return HttpResponse::error(409, QStringLiteral("Chat has no queued messages to delete."));
    const auto it = std::find_if(chat->queue.begin(), chat->queue.end(),
        [qid](const SimQueuedMessage &q) { return q.id == qid; });
    if (it == chat->queue.end())
        return HttpResponse::error(404, QStringLiteral("Queued message not found."));
    chat->queue.erase(it);
    m_state->publishQueue(chat->id);
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::promoteQueued(SimChat *chat, const QString &queuedId)
{
    bool ok = false;
    const qint64 qid = queuedId.toLongLong(&ok);
    if (!ok || qid <= 0)
        return HttpResponse::error(
            400, QStringLiteral("Invalid queued message ID \"%1\".").arg(queuedId));
    const auto it = std::find_if(chat->queue.begin(), chat->queue.end(),
        [qid](const SimQueuedMessage &q) { return q.id == qid; });
    if (it == chat->queue.end())
        return HttpResponse::error(404, QStringLiteral("Queued message not found."));
    // Move it to the front; it runs next, interrupting the current turn if needed.
    const SimQueuedMessage q = *it;
    chat->queue.erase(it);
    chat->queue.prepend(q);
    const QString id = chat->id;
    if (SimState::isActive(chat->status) || chat->status == QLatin1String("requires_action")) {
        m_state->publishQueue(id);
        m_agent->interrupt(id);
    } else {
        m_agent->promoteQueue(id);
    }
    return HttpResponse::json(
        202, QJsonObject{{kMessage, QStringLiteral("Queued message promotion accepted.")}});
}

} // namespace AgentDeskSim
