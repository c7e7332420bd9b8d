#include "ScriptedAgent.h"
#include "SimHttpServer.h"
#include "SimLogging.h"
#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimRoutesCommon.h"
#include "SimSocketHub.h"
#include "SimState.h"

#include <QJsonDocument>
#include <QWebSocketProtocol>

#include <algorithm>

// The simulator's test-only control routes under /__sim (state, faults, tokens).

namespace AgentDeskSim {

using namespace routes;

HttpResponse SimRoutes::dispatchControl(const HttpRequest &request)
{
    const QStringList seg = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (seg.size() == 2 && seg.at(1) == QLatin1String("state") && request.method == "GET")
        return simState();
    if (seg.size() == 2 && seg.at(1) == QLatin1String("revoke-token") && request.method == "POST")
        return revokeToken(request);
    if (seg.size() == 2 && seg.at(1) == QLatin1String("capacity") && request.method == "POST")
        return setCapacity(request);
    if (seg.size() == 2 && seg.at(1) == QLatin1String("faults")) {
        if (request.method == "GET")
            return HttpResponse::json(200, m_options->faults.toJson());
        if (request.method == "POST")
            return simFaults(request);
    }
    if (seg.size() == 4 && seg.at(1) == QLatin1String("chats") && request.method == "POST") {
        // Control routes reach every chat, whoever owns it.
        SimChat *chat = m_state->chat(seg.at(2));
        if (!chat)
            return resourceNotFound();
        return controlChat(request, chat, seg.at(3));
    }
    return notFound();
}

HttpResponse SimRoutes::setCapacity(const HttpRequest &request)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const int limit = body.value(QStringLiteral("limit")).toInt(-1);
    if (limit < 0)
        return HttpResponse::error(400, QStringLiteral("limit must be a non-negative number."));
    m_options->capacityLimit = limit;
    m_agent->releaseCapacity();
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("limit"), limit}});
}

HttpResponse SimRoutes::controlChat(
    const HttpRequest &request, SimChat *chat, const QString &action)
{
    QJsonObject body;
    HttpResponse error;
    if (!request.body.trimmed().isEmpty() && !parseJsonObject(request.body, &body, &error))
        return error;
    const QString id = chat->id;
    if (action == QLatin1String("context-dirty")) {
        // The agent pushed a snapshot that differs from the pinned one (§20.5).
        chat->hasContext = true;
        chat->contextDirty = body.value(QStringLiteral("dirty")).toBool(true);
        chat->contextDirtySince =
            chat->contextDirty ? QDateTime::currentDateTimeUtc() : QDateTime();
        m_state->publishWatch(QStringLiteral("context_dirty"), id);
        return HttpResponse::json(200, m_state->chatJson(*chat, true));
    }
    if (action == QLatin1String("warnings")) {
        chat->warnings.clear();
        for (const QJsonValue &w : body.value(QStringLiteral("warnings")).toArray())
            chat->warnings.append(w.toString());
        m_state->publishWatch(QStringLiteral("status_change"), id);
        return HttpResponse::json(200, m_state->chatJson(*chat, true));
    }
    if (action == QLatin1String("acl")) {
        // Acts as the chat's owner (e.g. bob un-sharing his chat with alice).
        return patchAcl(request, chat, true);
    }
    if (action == QLatin1String("delete")) {
        deleteChatFamily(*chat);
        return HttpResponse::noContent();
    }
    if (action != QLatin1String("turn"))
        return notFound();
    if (SimState::isActive(chat->status) || chat->status == QLatin1String("requires_action"))
        return HttpResponse::error(409, QStringLiteral("Chat is busy."));
    m_agent->startTurn(id, body.value(QStringLiteral("scenario")).toString());
    return HttpResponse::json(202, m_state->chatJson(*m_state->chat(id), true));
}

void SimRoutes::deleteChatFamily(const SimChat &chat)
{
    // A real deletion (e.g. the chats of a deleted project): `deleted` watch events whose chat
    // is *not* archived (§20.2), the streams close, then 404.
    QStringList family{chat.id};
    family += chat.childIds;
    for (const QString &member : std::as_const(family)) {
        m_agent->cancel(member);
        m_state->publishWatch(QStringLiteral("deleted"), member);
    }
    m_hub->closeStreams(
        family, int(QWebSocketProtocol::CloseCodeGoingAway), QStringLiteral("chat deleted"));
    for (const QString &member : std::as_const(family))
        m_state->removeChat(member);
}

HttpResponse SimRoutes::simState()
{
    QJsonObject perChat;
    for (const SimChat &c : m_state->chats())
        perChat.insert(c.id, qint64(c.messages.size()));
    return HttpResponse::json(200,
        QJsonObject{{QStringLiteral("chat_count"), qint64(m_state->chats().size())},
            {QStringLiteral("message_count"), m_state->messageCount()},
            {QStringLiteral("messages_per_chat"), perChat},
            {QStringLiteral("sockets_open"), m_hub->openSockets()},
            {QStringLiteral("stream_sockets_open"), m_hub->openSockets(WsRoute::Kind::Stream)},
            {QStringLiteral("watch_sockets_open"), m_hub->openSockets(WsRoute::Kind::Watch)},
            {QStringLiteral("git_sockets_open"), m_hub->openSockets(WsRoute::Kind::Git)},
            {QStringLiteral("http_connections_open"), m_server->openConnections()},
            {QStringLiteral("drops_done"), m_hub->dropsDone()},
            {QStringLiteral("drops_mid_frame"), m_hub->midFrameDrops()},
            {QStringLiteral("frames_sent"), m_hub->framesSent()},
            {QStringLiteral("scenarios"), QJsonArray::fromStringList(m_agent->scenarioNames())},
            {QStringLiteral("generation"),
                m_options->generation == SimGeneration::Legacy     ? QStringLiteral("legacy")
                    : m_options->generation == SimGeneration::V237 ? QStringLiteral("v237")
                                                                   : QStringLiteral("newest")},
            {QStringLiteral("faults"), m_options->faults.toJson()}});
}

HttpResponse SimRoutes::simFaults(const HttpRequest &request)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    QString message;
    if (!m_options->faults.apply(body, &message))
        return HttpResponse::error(400, QStringLiteral("Invalid fault settings."), message);
    qCInfo(lcSim) << "faults changed"
                  << QJsonDocument(m_options->faults.toJson()).toJson(QJsonDocument::Compact);
    return HttpResponse::json(200, m_options->faults.toJson());
}

} // namespace AgentDeskSim
