#pragma once

#include "HttpMessage.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

namespace AgentDeskSim {

class SimState;
struct SimOptions;

//! Open /watch, /stream and /stream/git sockets: snapshots, batching, pings and frame faults.
class SimSocketHub final : public QObject
{
    Q_OBJECT

public:
    SimSocketHub(SimState *state, SimOptions *options, QObject *parent = nullptr);
    ~SimSocketHub() override;

    void addSocket(QWebSocket *socket, const WsRoute &route);
    int openSockets() const { return int(m_clients.size()); }
    int openSockets(WsRoute::Kind kind) const;
    qint64 dropsDone() const { return m_drops; }
    //! Drops that cut a frame part-way (drop_mid_frame).
    qint64 midFrameDrops() const { return m_midFrameDrops; }
    qint64 framesSent() const { return m_framesSent; }
    //! Closes every open socket (1001 going away); returns how many were open.
    int closeAll();
    //! Closes the /stream sockets of \a chatIds with \a code (e.g. access revoked).
    void closeStreams(const QStringList &chatIds, int code, const QString &reason);

private:
    struct Client
    {
        QWebSocket *socket = nullptr;
        WsRoute route;
        QList<QJsonObject> pending;
        int frames = 0;
        int dropAt = 0; // 0 = never
        bool flushScheduled = false;
    };

    void handleStreamEvent(const QString &chatId, const QJsonObject &event);
    void handleWatchEvent(const QJsonObject &event);
    void handleDiffChanged(const QString &chatId);
    void handleDisconnected(QWebSocket *socket);
    void handleClientData(QWebSocket *socket);
    void handlePingTimer();
    void enqueueSnapshot(Client &client);
    void sendGitChanges(Client &client);
    void scheduleFlush(Client &client);
    void flush(QWebSocket *socket);
    //! Sends one frame with the fault rules; returns false if the socket was dropped.
    bool sendFrame(QWebSocket *socket, const QByteArray &frame);
    //! Forgets \a socket and aborts it (a drop fault).
    void dropSocket(QWebSocket *socket);
    void markRead(const QString &chatId);

    SimState *m_state;
    SimOptions *m_options;
    QHash<QWebSocket *, Client> m_clients;
    QTimer m_pingTimer;
    qint64 m_drops = 0;
    qint64 m_midFrameDrops = 0;
    qint64 m_framesSent = 0;
};

} // namespace AgentDeskSim
