#pragma once

#include "core/api/ApiTypes.h"
#include "core/live/WebSocketChannel.h"

#include <QObject>
#include <QUrl>

namespace AgentDesk {

//! The per-user chat feed `{P}/watch` (coder-chats-protocol.md §11). It has no snapshot and no
//! replay, so the consumer re-lists the chats on every connected().
class ChatWatchClient final : public QObject
{
    Q_OBJECT

public:
    ChatWatchClient(QUrl watchUrl, RequestFactory factory, QObject *parent = nullptr);

    void start();
    void stop();
    ConnectionState state() const noexcept;

    int connectionCount() const noexcept;
    //! The socket and its settings (SocketSettings: reconnect policy, timeouts, pings).
    WebSocketChannel *channel() const noexcept { return m_channel; }

signals:
    //! Every event of every kind, unknown kinds included (upsert when the chat is present).
    void eventReceived(const WatchEvent &event);
    //! A (re)connection opened: events may have been missed, re-list now (§11.3).
    void connected();
    void stateChanged(ConnectionState state);
    //! The server refused the upgrade with this HTTP status (401: the session ended).
    void upgradeRejected(int httpStatus);

private:
    void handleFrame(const QString &frame);

    QUrl m_watchUrl;
    WebSocketChannel *m_channel;
};

} // namespace AgentDesk
