#include "ScriptedAgent.h"
#include "SimKeys.h"
#include "SimRoutes.h"
#include "SimRoutesCommon.h"
#include "SimState.h"

#include <algorithm>

// The queue of messages sent while the agent works: delete and promote.

namespace AgentDeskSim {

using namespace routes;

namespace {

//! The queued message \a queuedId of \a chat, or the error to answer: 400 for a malformed id,
//! then \a emptyError (if any) for an empty queue, then 404.
std::optional<QList<SimQueuedMessage>::iterator> findQueued(
    SimChat *chat, const QString &queuedId, const QString &emptyError, HttpResponse *error)
{
    bool ok = false;
    const qint64 qid = queuedId.toLongLong(&ok);
    if (!ok || qid <= 0) {
        *error = HttpResponse::error(
            400, QStringLiteral("Invalid queued message ID \"%1\".").arg(queuedId));
        return std::nullopt;
    }
    if (!emptyError.isEmpty() && chat->queue.isEmpty()) {
        *error = HttpResponse::error(409, emptyError);
        return std::nullopt;
    }
    const auto it = std::find_if(chat->queue.begin(), chat->queue.end(),
        [qid](const SimQueuedMessage &q) { return q.id == qid; });
    if (it == chat->queue.end()) {
        *error = HttpResponse::error(404, QStringLiteral("Queued message not found."));
        return std::nullopt;
    }
    return it;
}

} // namespace

HttpResponse SimRoutes::deleteQueued(SimChat *chat, const QString &queuedId)
{
    HttpResponse error;
    const auto it = findQueued(
        chat, queuedId, QStringLiteral("Chat has no queued messages to delete."), &error);
    if (!it)
        return error;
    chat->queue.erase(*it);
    m_state->publishQueue(chat->id);
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::promoteQueued(SimChat *chat, const QString &queuedId)
{
    HttpResponse error;
    const auto it = findQueued(chat, queuedId, {}, &error);
    if (!it)
        return error;
    // Move it to the front; it runs next, interrupting the current turn if needed.
    const SimQueuedMessage q = **it;
    chat->queue.erase(*it);
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
