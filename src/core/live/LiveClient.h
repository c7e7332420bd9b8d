#pragma once

#include "core/live/WebSocketChannel.h"

#include <QObject>
#include <QString>

namespace AgentDesk {

//! What the clients of one WebSocket feed (ChatStreamClient, ChatWatchClient, GitStreamClient)
//! have in common: the WebSocketChannel they own, whose state, settings and connection count
//! are exposed once here, and its text frames handed to handleFrame(). Each client says how it
//! starts (which URL, which reconnect policy) and what a frame means.
class LiveClient : public QObject
{
    Q_OBJECT

public:
    void stop();
    ConnectionState state() const noexcept;
    //! Connections opened so far, reconnects included.
    int connectionCount() const noexcept;
    //! The socket and its settings (SocketSettings: reconnect policy, timeouts, pings).
    WebSocketChannel *channel() const noexcept { return m_channel; }

signals:
    void stateChanged(AgentDesk::ConnectionState state);

protected:
    LiveClient(RequestFactory factory, WebSocketChannel::Category category, QObject *parent);

    //! One text frame of the feed.
    virtual void handleFrame(const QString &frame) = 0;

    WebSocketChannel *const m_channel;
};

} // namespace AgentDesk
