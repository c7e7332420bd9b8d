#include "ScriptedAgent.h"
#include "SimKeys.h"
#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimRoutesCommon.h"
#include "SimState.h"

#include <algorithm>

// Messages: list, send, edit, interrupt, tool results, compact and clear.

namespace AgentDeskSim {

using namespace routes;

bool SimRoutes::convertContent(const QJsonValue &content, QJsonArray *parts, HttpResponse *error)
{
    if (!content.isArray() || content.toArray().isEmpty()) {
        *error = HttpResponse::error(400, QStringLiteral("content is required."), {},
            {HttpResponse::validation(
                QStringLiteral("content"), QStringLiteral("must contain at least one part"))});
        return false;
    }
    const QJsonArray input = content.toArray();
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QJsonObject in = input.at(i).toObject();
        const QString type = in.value(kType).toString();
        const QString field = QStringLiteral("content[%1]").arg(i);
        if (type == kText) {
            const QString text = in.value(kText).toString().trimmed();
            if (text.isEmpty()) {
                *error = HttpResponse::error(400, field + QStringLiteral(".text cannot be empty."));
                return false;
            }
            parts->append(QJsonObject{{kType, kText}, {kText, text}});
        } else if (type == QLatin1String("file")) {
            const SimFile *file = m_state->file(in.value(QStringLiteral("file_id")).toString());
            if (!file) {
                *error = HttpResponse::error(
                    400, field + QStringLiteral(".file_id references an unknown file."));
                return false;
            }
            parts->append(
                QJsonObject{{kType, QStringLiteral("file")}, {QStringLiteral("file_id"), file->id},
                    {QStringLiteral("media_type"), file->mimeType},
                    {QStringLiteral("name"), file->name}});
        } else if (type == QLatin1String("file-reference")) {
            const QString name = in.value(QStringLiteral("file_name")).toString();
            if (name.isEmpty()) {
                *error =
                    HttpResponse::error(400, field + QStringLiteral(".file_name cannot be empty."));
                return false;
            }
            parts->append(QJsonObject{{kType, QStringLiteral("file-reference")},
                {QStringLiteral("file_name"), name},
                {QStringLiteral("start_line"), in.value(QStringLiteral("start_line")).toInt()},
                {QStringLiteral("end_line"), in.value(QStringLiteral("end_line")).toInt()},
                {QStringLiteral("content"), in.value(QStringLiteral("content")).toString()}});
        } else {
            *error = HttpResponse::error(
                400, field + QStringLiteral(".type \"%1\" is not supported.").arg(type));
            return false;
        }
    }
    if (parts->size() > 50) {
        *error = HttpResponse::error(400, QStringLiteral("Chat attachment limit reached."));
        return false;
    }
    return true;
}

HttpResponse SimRoutes::listMessages(const HttpRequest &request, SimChat *chat)
{
    qint64 before = 0, after = 0, limit = 50;
    bool hasBefore = false, hasAfter = false, hasLimit = false;
    if (!parseInt(request, QStringLiteral("before_id"), &before, &hasBefore)
        || (hasBefore && before <= 0))
        return badQuery(QStringLiteral("before_id"), QStringLiteral("must be a positive integer"));
    if (!parseInt(request, QStringLiteral("after_id"), &after, &hasAfter)
        || (hasAfter && after < 0))
        return badQuery(
            QStringLiteral("after_id"), QStringLiteral("must be a non-negative integer"));
    if (!parseInt(request, QStringLiteral("limit"), &limit, &hasLimit) || limit < 1 || limit > 200)
        return badQuery(QStringLiteral("limit"), QStringLiteral("must be between 1 and 200"));
    if (hasBefore && hasAfter && after >= before)
        return badQuery(
            QStringLiteral("after_id"), QStringLiteral("after_id must be less than before_id"));
    const QList<SimMessage> &all = chat->messages;
    QJsonArray messages;
    bool hasMore = false;
    if (hasAfter && !hasBefore) {
        auto it = std::upper_bound(
            all.begin(), all.end(), after, [](qint64 v, const SimMessage &m) { return v < m.id; });
        for (; it != all.end(); ++it) {
            if (messages.size() >= limit) {
                hasMore = true;
                break;
            }
            messages.append(m_state->messageJson(*it));
        }
    } else {
        auto end = hasBefore ? std::lower_bound(all.begin(), all.end(), before,
                       [](const SimMessage &m, qint64 v) { return m.id < v; })
                             : all.end();
        auto it = end;
        while (it != all.begin()) {
            --it;
            if (hasAfter && it->id <= after)
                break;
            if (messages.size() >= limit) {
                hasMore = true;
                break;
            }
            messages.append(m_state->messageJson(*it));
        }
    }
    QJsonObject response{
        {QStringLiteral("messages"), messages}, {QStringLiteral("has_more"), hasMore}};
    if (!hasBefore && !hasAfter)
        response.insert(QStringLiteral("queued_messages"), m_state->queueJson(*chat));
    return HttpResponse::json(200, response);
}

bool SimRoutes::convertMessageContent(const QJsonObject &body, const SimChat &chat,
    const QString &action, QJsonArray *parts, HttpResponse *error)
{
    if (!convertContent(body.value(QStringLiteral("content")), parts, error))
        return false;
    if (!chat.archived)
        return true;
    *error = HttpResponse::error(400, QStringLiteral("Cannot %1 an archived chat.").arg(action));
    return false;
}

HttpResponse SimRoutes::sendMessage(const HttpRequest &request, SimChat *chat)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const QString behavior =
        body.value(QStringLiteral("busy_behavior")).toString(QStringLiteral("queue"));
    if (behavior != QLatin1String("queue") && behavior != QLatin1String("interrupt"))
        return HttpResponse::error(400, QStringLiteral("Invalid busy_behavior."), {},
            {HttpResponse::validation(QStringLiteral("busy_behavior"),
                QStringLiteral("must be \"queue\" or \"interrupt\""))});
    QJsonArray parts;
    if (!convertMessageContent(body, *chat, QStringLiteral("send messages to"), &parts, &error))
        return error;
    if (body.contains(QStringLiteral("model_config_id"))) {
        const QString model = body.value(QStringLiteral("model_config_id")).toString();
        if (const QString problem = modelProblem(model); !problem.isEmpty())
            return HttpResponse::error(400, problem);
        if (!m_state->isModel(model))
            return HttpResponse::error(400, QStringLiteral("Invalid model config ID."));
        chat->modelConfigId = model.toLower();
    }
    if (body.contains(QStringLiteral("plan_mode")))
        chat->planMode = body.value(QStringLiteral("plan_mode")).toString();
    if (body.contains(QStringLiteral("mcp_server_ids")))
        chat->mcpServerIds = body.value(QStringLiteral("mcp_server_ids")).toArray();
    const QString id = chat->id;
    const bool busy =
        SimState::isActive(chat->status) || chat->status == QLatin1String("requires_action");
    if (!busy) {
        const SimMessage message = m_state->appendMessage(id, QStringLiteral("user"), parts);
        m_agent->startTurn(id);
        QJsonObject response{
            {QStringLiteral("queued"), false}, {kMessage, m_state->messageJson(message)}};
        if (const SimChat *c = m_state->chat(id); c && m_state->modern() && !c->warnings.isEmpty())
            response.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c->warnings));
        return HttpResponse::json(200, response);
    }
    if (chat->queue.size() >= m_options->maxQueue)
        return HttpResponse::error(429, QStringLiteral("Message queue is full."),
            QStringLiteral("Maximum %1 messages can be queued.").arg(m_options->maxQueue));
    SimQueuedMessage queued;
    queued.id = m_state->nextQueuedId();
    queued.chatId = id;
    queued.modelConfigId = chat->modelConfigId;
    queued.content = parts;
    queued.createdAt = QDateTime::currentDateTimeUtc();
    // An interrupting send jumps the queue and becomes the next turn once the interrupt settles.
    if (behavior == QLatin1String("interrupt"))
        chat->queue.prepend(queued);
    else
        chat->queue.append(queued);
    m_state->publishQueue(id);
    const QJsonObject queuedJson = m_state->queuedJson(queued);
    if (behavior == QLatin1String("interrupt"))
        m_agent->interrupt(id);
    QJsonObject response{
        {QStringLiteral("queued"), true}, {QStringLiteral("queued_message"), queuedJson}};
    if (const SimChat *c = m_state->chat(id); c && m_state->modern() && !c->warnings.isEmpty())
        response.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c->warnings));
    return HttpResponse::json(200, response);
}

HttpResponse SimRoutes::editMessage(
    const HttpRequest &request, SimChat *chat, const QString &messageId)
{
    bool ok = false;
    const qint64 mid = messageId.toLongLong(&ok);
    if (!ok || mid <= 0)
        return HttpResponse::error(
            400, QStringLiteral("Invalid message ID \"%1\".").arg(messageId));
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const auto it = std::find_if(chat->messages.begin(), chat->messages.end(),
        [mid](const SimMessage &m) { return m.id == mid; });
    if (it == chat->messages.end())
        return HttpResponse::error(404, QStringLiteral("Message not found."));
    if (it->role != QLatin1String("user"))
        return HttpResponse::error(400, QStringLiteral("Only user messages can be edited."));
    QJsonArray parts;
    if (!convertMessageContent(body, *chat, QStringLiteral("edit messages in"), &parts, &error))
        return error;
    const QString id = chat->id;
    m_agent->cancel(id);
    chat = m_state->chat(id);
    QJsonArray deleted;
    SimMessage edited;
    QList<SimMessage> kept;
    for (SimMessage &m : chat->messages) {
        if (m.id < mid) {
            kept.append(m);
        } else if (m.id == mid) {
            m.content = parts;
            edited = m;
            if (m_options->faults.editReplacesMessage) {
                // The original goes with everything after it; the text returns under a new id.
                deleted.append(m.id);
                m_state->setLastMessageId(m_state->lastMessageId() + 1);
                edited.id = m_state->lastMessageId();
                edited.createdAt = QDateTime::currentDateTimeUtc();
                kept.append(edited);
            } else {
                kept.append(m);
            }
        } else {
            deleted.append(m.id);
        }
    }
    chat->messages = kept;
    chat->rewriteFloor = chat->rewriteFloor == 0 ? mid : qMin(chat->rewriteFloor, mid);
    ++chat->historyVersion;
    chat->generationAttempt = 0;
    chat->seq = 0;
    chat->previewEvents.clear();
    if (!chat->queue.isEmpty()) {
        chat->queue.clear();
        m_state->publishQueue(id);
    }
    // Seed-era servers re-sent the surviving history without a history_reset first (§8.3).
    if (!m_options->faults.editWithoutHistoryReset)
        m_state->publishStream(
            id, {{kType, QStringLiteral("history_reset")}, {QStringLiteral("chat_id"), id}});
    for (const SimMessage &m : std::as_const(chat->messages))
        m_state->publishStream(id,
            {{kType, kMessage}, {QStringLiteral("chat_id"), id},
                {kMessage, m_state->messageJson(m)}});
    m_state->touch(id);
    if (chat->status == QLatin1String("interrupting")
        || chat->status == QLatin1String("requires_action"))
        chat->status = QStringLiteral("waiting");
    m_agent->startTurn(id);
    QJsonObject response{{kMessage, m_state->messageJson(edited)}};
    if (const SimChat *c = m_state->chat(id); c && m_state->modern() && !c->warnings.isEmpty())
        response.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c->warnings));
    // Seed-era answers named no deleted ids: the client prunes by id itself (§8.3).
    if (!deleted.isEmpty() && !m_options->faults.editWithoutHistoryReset)
        response.insert(QStringLiteral("deleted_message_ids"), deleted);
    return HttpResponse::json(200, response);
}

HttpResponse SimRoutes::interruptChat(SimChat *chat)
{
    const QString id = chat->id;
    if (chat->archived
        || !(chat->status == QLatin1String("running") || chat->status == QLatin1String("pending")
            || chat->status == QLatin1String("interrupting")
            || chat->status == QLatin1String("requires_action")))
        return HttpResponse::error(409, QStringLiteral("Chat is not in an interruptible state."));
    m_agent->interrupt(id);
    return HttpResponse::json(200, m_state->chatJson(*m_state->chat(id), true));
}

HttpResponse SimRoutes::toolResults(const HttpRequest &request, SimChat *chat)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    if (chat->status != QLatin1String("requires_action"))
        return HttpResponse::error(409, QStringLiteral("Chat is not waiting for tool results."));
    const QJsonValue results = body.value(QStringLiteral("results"));
    if (!results.isArray() || results.toArray().isEmpty())
        return HttpResponse::error(400, QStringLiteral("results is required."),
            QStringLiteral("Send one result per pending tool call."),
            {HttpResponse::validation(
                QStringLiteral("results"), QStringLiteral("must be a non-empty array"))});
    const QString message = m_agent->submitToolResults(chat->id, results.toArray());
    if (message == QLatin1String("409"))
        return HttpResponse::error(409, QStringLiteral("Chat is not waiting for tool results."));
    if (!message.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Invalid tool results."), message);
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::compactOrClear(SimChat *chat, bool clear)
{
    // §20.6 (v237/newest): both work from idle chats only and need conversation after the
    // latest context boundary (a chat_summarized or chat_cleared marker).
    if (chat->archived)
        return HttpResponse::error(400,
            clear ? QStringLiteral("Cannot clear an archived chat.")
                  : QStringLiteral("Cannot compact an archived chat."));
    const bool idle = chat->status == QLatin1String("waiting")
        || (chat->status == QLatin1String("error") && (!clear || chat->queue.isEmpty()));
    if (!idle)
        return HttpResponse::error(409,
            clear ? QStringLiteral("Cannot clear the chat in its current state.")
                  : QStringLiteral("Cannot compact the chat in its current state."),
            clear ? QStringLiteral("Clearing is not available while the chat is generating or has "
                                   "queued messages.")
                  : QStringLiteral("Compaction is not available while the chat is generating."));
    bool conversation = false;
    for (const SimMessage &m : std::as_const(chat->messages)) {
        bool boundary = false;
        for (const QJsonValue &p : m.content) {
            const QString tool = p.toObject().value(QStringLiteral("tool_name")).toString();
            boundary = boundary || tool == QLatin1String("chat_summarized")
                || tool == QLatin1String("chat_cleared");
        }
        if (boundary)
            conversation = false;
        else if (m.role == QLatin1String("user"))
            conversation = true;
    }
    if (!conversation)
        return HttpResponse::error(409,
            clear ? QStringLiteral("Nothing to clear.") : QStringLiteral("Nothing to compact."),
            clear ? QStringLiteral("The chat has no conversation to clear after the latest context "
                                   "boundary.")
                  : QStringLiteral("The chat has no conversation to summarize after the latest "
                                   "compaction."));
    const QString id = chat->id;
    if (!clear) {
        // Asynchronous: running, streamed progress, the chat_summarized pair, then waiting.
        m_agent->startTurn(id, QStringLiteral("compact"));
        return HttpResponse::json(200, m_state->chatJson(*m_state->chat(id), true));
    }
    // Synchronous, no model call; the transcript is kept.
    const QString callId = QStringLiteral("sim_clear_%1").arg(m_state->lastMessageId() + 1);
    const QString now = SimState::timestamp(QDateTime::currentDateTimeUtc());
    m_state->appendMessage(id, QStringLiteral("assistant"),
        {QJsonObject{{kType, QStringLiteral("tool-call")}, {QStringLiteral("tool_call_id"), callId},
            {QStringLiteral("tool_name"), QStringLiteral("chat_cleared")},
            {QStringLiteral("args"), QJsonObject{}}, {QStringLiteral("created_at"), now}}});
    m_state->appendMessage(id, QStringLiteral("tool"),
        {QJsonObject{{kType, QStringLiteral("tool-result")},
            {QStringLiteral("tool_call_id"), callId},
            {QStringLiteral("tool_name"), QStringLiteral("chat_cleared")},
            {QStringLiteral("result"), QJsonObject{{QStringLiteral("cleared"), true}}},
            {QStringLiteral("created_at"), now}}});
    m_state->setStatus(id, QStringLiteral("waiting"));
    return HttpResponse::json(200, m_state->chatJson(*m_state->chat(id), true));
}

} // namespace AgentDeskSim
