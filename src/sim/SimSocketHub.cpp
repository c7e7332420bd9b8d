#include "SimSocketHub.h"

#include "SimKeys.h"
#include "SimLogging.h"
#include "SimOptions.h"
#include "SimState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>

namespace AgentDeskSim {

namespace {

constexpr int maxEventsPerFrame = 256;

//! \a frame as one unmasked, unfragmented text frame on the wire (RFC 6455 §5.2).
QByteArray textFrameOnWire(const QByteArray &frame)
{
    QByteArray wire(1, char(0x81));
    const quint64 n = quint64(frame.size());
    if (n < 126) {
        wire.append(char(n));
    } else if (n < 65536) {
        wire.append(char(126));
        wire.append(char(n >> 8)).append(char(n & 0xff));
    } else {
        wire.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            wire.append(char((n >> shift) & 0xff));
    }
    wire.append(frame);
    return wire;
}

} // namespace

SimSocketHub::SimSocketHub(SimState *state, SimOptions *options, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_options(options)
{
    connect(state, &SimState::streamEventPublished, this, &SimSocketHub::handleStreamEvent);
    connect(state, &SimState::watchEventPublished, this, &SimSocketHub::handleWatchEvent);
    connect(state, &SimState::diffChanged, this, &SimSocketHub::handleDiffChanged);
    connect(&m_pingTimer, &QTimer::timeout, this, &SimSocketHub::handlePingTimer);
    if (options->pingIntervalMs > 0)
        m_pingTimer.start(options->pingIntervalMs);
}

SimSocketHub::~SimSocketHub()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    m_clients.clear();
    for (QWebSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        delete socket;
    }
}

int SimSocketHub::openSockets(WsRoute::Kind kind) const
{
    int count = 0;
    for (const Client &c : m_clients)
        count += c.route.kind == kind ? 1 : 0;
    return count;
}

void SimSocketHub::addSocket(QWebSocket *socket, const WsRoute &route)
{
    socket->setParent(this);
    Client client;
    client.socket = socket;
    client.route = route;
    const SimFaults &faults = m_options->faults;
    auto arm = [this](int n, bool random) {
        if (n <= 0)
            return 0;
        return random ? 1 + int(m_state->random().bounded(n)) : n;
    };
    if (route.kind == WsRoute::Kind::Stream)
        client.dropAt = arm(faults.dropStreamAfterFrames, faults.dropStreamRandom);
    else if (route.kind == WsRoute::Kind::Watch)
        client.dropAt = arm(faults.dropWatchAfterFrames, faults.dropWatchRandom);
    connect(
        socket, &QWebSocket::disconnected, this, [this, socket] { handleDisconnected(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this,
        [this, socket] { handleClientData(socket); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
        [this, socket] { handleClientData(socket); });
    auto it = m_clients.insert(socket, client);
    qCDebug(lcSim) << "websocket open" << socket->requestUrl().path();
    if (route.kind == WsRoute::Kind::Stream) {
        markRead(route.chatId);
        enqueueSnapshot(*it);
        flush(socket);
    } else if (route.kind == WsRoute::Kind::Git) {
        sendGitChanges(*it);
    }
}

void SimSocketHub::markRead(const QString &chatId)
{
    // The owner's read cursor advances on open and close of /stream (§6.1 has_unread); a
    // shared viewer's stream does not move it (§20.3.4).
    if (SimChat *chat = m_state->chat(chatId);
        chat && chat->ownerId == QLatin1String(SimState::userId))
        chat->hasUnread = false;
}

void SimSocketHub::enqueueSnapshot(Client &client)
{
    const SimChat *chat = m_state->chat(client.route.chatId);
    if (!chat)
        return;
    const QString id = chat->id;
    const bool rewritten = client.route.hasAfterId && chat->rewriteFloor > 0
        && client.route.afterId >= chat->rewriteFloor;
    if (rewritten)
        client.pending.append({{kType, QStringLiteral("history_reset")}, {kChatId, id}});
    const qint64 afterId = client.route.hasAfterId && !rewritten ? client.route.afterId : 0;
    for (const SimMessage &m : chat->messages) {
        if (m.id > afterId)
            client.pending.append({{kType, QStringLiteral("message")}, {kChatId, id},
                {QStringLiteral("message"), m_state->messageJson(m)}});
    }
    if (chat->queueEverChanged || !chat->queue.isEmpty())
        client.pending.append({{kType, QStringLiteral("queue_update")}, {kChatId, id},
            {QStringLiteral("queued_messages"), m_state->queueJson(*chat)}});
    client.pending.append({{kType, QStringLiteral("status")}, {kChatId, id},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("status"), chat->status}}}});
    if (chat->status == QLatin1String("error"))
        client.pending.append({{kType, QStringLiteral("error")}, {kChatId, id},
            {QStringLiteral("error"), m_state->errorJson(*chat)}});
    if (chat->status == QLatin1String("requires_action"))
        client.pending.append({{kType, QStringLiteral("action_required")}, {kChatId, id},
            {QStringLiteral("action_required"),
                QJsonObject{{QStringLiteral("tool_calls"), chat->pendingToolCalls}}}});
    if (!chat->pendingRetry.isEmpty())
        client.pending.append({{kType, QStringLiteral("retry")}, {kChatId, id},
            {QStringLiteral("retry"), chat->pendingRetry}});
    if (!chat->previewEvents.isEmpty()) {
        client.pending.append({{kType, QStringLiteral("preview_reset")}, {kChatId, id}});
        client.pending.append(chat->previewEvents);
    }
}

void SimSocketHub::sendGitChanges(Client &client)
{
    const SimChat *chat = m_state->chat(client.route.chatId);
    if (!chat)
        return;
    const QString origin = chat->remoteOrigin.isEmpty()
        ? QStringLiteral("https://github.com/acme/reports.git")
        : chat->remoteOrigin;
    const QString repo = origin.section(QLatin1Char('/'), -1).remove(QStringLiteral(".git"));
    const QJsonObject message{{kType, QStringLiteral("changes")},
        {QStringLiteral("scanned_at"), SimState::timestamp(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("repositories"),
            QJsonArray{
                QJsonObject{{QStringLiteral("repo_root"), QStringLiteral("/home/coder/") + repo},
                    {QStringLiteral("branch"),
                        chat->branch.isEmpty() ? QStringLiteral("main") : chat->branch},
                    {QStringLiteral("remote_origin"), origin},
                    {QStringLiteral("unified_diff"), m_state->diffText(*chat)},
                    {QStringLiteral("removed"), false}}}}};
    sendFrame(client.socket, QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void SimSocketHub::handleStreamEvent(const QString &chatId, const QJsonObject &event)
{
    for (Client &client : m_clients) {
        if (client.route.kind != WsRoute::Kind::Stream || client.route.chatId != chatId)
            continue;
        client.pending.append(event);
        scheduleFlush(client);
    }
}

void SimSocketHub::handleWatchEvent(const QJsonObject &event)
{
    for (Client &client : m_clients) {
        if (client.route.kind != WsRoute::Kind::Watch)
            continue;
        client.pending.append(event);
        scheduleFlush(client);
    }
}

void SimSocketHub::handleDiffChanged(const QString &chatId)
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *socket : sockets) {
        auto it = m_clients.find(socket);
        if (it != m_clients.end() && it->route.kind == WsRoute::Kind::Git
            && it->route.chatId == chatId)
            sendGitChanges(*it);
    }
}

void SimSocketHub::scheduleFlush(Client &client)
{
    if (client.flushScheduled)
        return;
    client.flushScheduled = true;
    QWebSocket *socket = client.socket;
    // One flush per event-loop turn batches everything published in that turn into one frame.
    QTimer::singleShot(0, this, [this, socket] { flush(socket); });
}

void SimSocketHub::flush(QWebSocket *socket)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    it->flushScheduled = false;
    const bool unknown = m_options->faults.unknownEvents;
    while (true) {
        it = m_clients.find(socket);
        if (it == m_clients.end() || it->pending.isEmpty())
            return;
        if (it->route.kind == WsRoute::Kind::Watch) {
            QJsonObject event = it->pending.takeFirst();
            if (unknown) {
                event.insert(QStringLiteral("x_sim_extra"), 1);
                if (!sendFrame(socket, R"({"kind":"sim_future_kind","x_sim_extra":true})"))
                    return;
            }
            if (!sendFrame(socket, QJsonDocument(event).toJson(QJsonDocument::Compact)))
                return;
            continue;
        }
        QJsonArray frame;
        const qsizetype take = qMin<qsizetype>(maxEventsPerFrame, it->pending.size());
        for (qsizetype i = 0; i < take; ++i) {
            QJsonObject event = it->pending.at(i);
            if (unknown)
                event.insert(
                    QStringLiteral("x_sim_extra"), QJsonObject{{QStringLiteral("ignored"), true}});
            frame.append(event);
        }
        it->pending.remove(0, take);
        if (unknown && frame.size() < maxEventsPerFrame)
            frame.append(QJsonObject{{kType, QStringLiteral("sim_future_event")},
                {kChatId, it->route.chatId},
                {QStringLiteral("payload"), QJsonObject{{QStringLiteral("n"), 1}}}});
        QByteArray text = QJsonDocument(frame).toJson(QJsonDocument::Compact);
        text.append('\n');
        if (!sendFrame(socket, text))
            return;
    }
}

void SimSocketHub::dropSocket(QWebSocket *socket)
{
    m_clients.remove(socket);
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

bool SimSocketHub::sendFrame(QWebSocket *socket, const QByteArray &frame)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return false;
    const QString text = QString::fromUtf8(frame);
    if (m_options->faults.dropMidFrame && it->dropAt > 0 && it->frames + 1 >= it->dropAt) {
        // Fault: this frame is cut at a random byte (its header included) and the connection
        // ends there. The frame is written by hand (RFC 6455 §5.2, unmasked text, one
        // fragment) straight into the TCP socket, behind what QWebSocket already queued.
        if (auto *tcp = qobject_cast<QTcpSocket *>(
                socket->property("agentdeskSimTcp").value<QObject *>())) {
            const QByteArray wire = textFrameOnWire(frame);
            const auto cut = qsizetype(1 + m_state->random().bounded(int(wire.size() - 1)));
            ++m_framesSent;
            ++m_drops;
            ++m_midFrameDrops;
            qCDebug(lcSim) << "fault: cutting frame" << it->frames + 1 << "at byte" << cut << "of"
                           << wire.size();
            socket->flush();
            tcp->write(wire.left(cut));
            tcp->flush();
            dropSocket(socket);
            return false;
        }
        qCWarning(lcSim) << "fault: drop_mid_frame found no TCP socket under the WebSocket";
    }
    socket->sendTextMessage(text);
    ++m_framesSent;
    ++it->frames;
    const int every = m_options->faults.duplicateFrames;
    if (every > 0 && it->frames % every == 0)
        socket->sendTextMessage(text);
    if (it->dropAt > 0 && it->frames >= it->dropAt) {
        ++m_drops;
        qCDebug(lcSim) << "fault: dropping websocket after" << it->frames << "frames";
        socket->flush();
        dropSocket(socket);
        return false;
    }
    return true;
}

int SimSocketHub::closeAll()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *socket : sockets) {
        // Forget it first: nothing more is sent, and a read cursor is not moved by a revoked
        // session. The close handshake finishes on its own; then the socket deletes itself.
        m_clients.remove(socket);
        disconnect(socket, nullptr, this, nullptr);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("session revoked"));
    }
    return int(sockets.size());
}

void SimSocketHub::closeStreams(const QStringList &chatIds, int code, const QString &reason)
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *socket : sockets) {
        const Client &client = m_clients.value(socket);
        if (client.route.kind != WsRoute::Kind::Stream || !chatIds.contains(client.route.chatId))
            continue;
        m_clients.remove(socket);
        disconnect(socket, nullptr, this, nullptr);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
    }
}

void SimSocketHub::handleDisconnected(QWebSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    if (it->route.kind == WsRoute::Kind::Stream)
        markRead(it->route.chatId);
    m_clients.erase(it);
    socket->deleteLater();
}

void SimSocketHub::handleClientData(QWebSocket *socket)
{
    // /stream and /watch are one-way; any data frame is a policy violation (§10).
    const auto it = m_clients.find(socket);
    if (it == m_clients.end() || it->route.kind == WsRoute::Kind::Git)
        return;
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
        QStringLiteral("this socket does not accept messages"));
}

void SimSocketHub::handlePingTimer()
{
    for (const Client &client : std::as_const(m_clients))
        client.socket->ping();
}

} // namespace AgentDeskSim
