#pragma once

#include "core/live/ReconnectPolicy.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QWebSocketProtocol>

#include <chrono>
#include <functional>

class QLoggingCategory;
class QWebSocket;

namespace AgentDesk {

//! Builds the upgrade request for a URL. In the app this is ApiClient::makeWebSocketRequest,
//! the one place that applies the session token (as a header, never in the URL).
using RequestFactory = std::function<QNetworkRequest(const QUrl &)>;

namespace LiveData {
Q_NAMESPACE

//! The life of a live socket as the UI shows it.
enum class ConnectionState {
    Idle,         //!< Not started, or stopped by the owner.
    Connecting,   //!< First attempt in progress.
    Live,         //!< Open; frames flow.
    Reconnecting, //!< Dropped or failed; a new attempt is scheduled or in progress.
    Offline,      //!< Gave up: 401/403/404 before the upgrade, or too many failures in a row.
};
Q_ENUM_NS(ConnectionState)

} // namespace LiveData

using LiveData::ConnectionState;

//! How a live socket keeps alive and retries. The one place these are set for every client
//! (ChatStreamClient, ChatWatchClient, GitStreamClient): through their channel().
struct SocketSettings
{
    ReconnectPolicy reconnect;
    //! Abort and reconnect after this long without a frame or pong.
    std::chrono::milliseconds silenceTimeout{45'000};
    //! Interval of our own pings; 0 disables them.
    std::chrono::milliseconds pingInterval{15'000};
    //! An upgrade not answered within this long fails like a refused one.
    std::chrono::milliseconds handshakeTimeout{30'000};
    //! Go Offline after this many failed attempts in a row; 0 retries for ever.
    int maxConsecutiveFailures = 0;
};

//! The socket life shared by ChatStreamClient, ChatWatchClient and GitStreamClient (design.md
//! c.8); the clients expose it as channel() for its settings, not forwarding them. Opens with
//! a request from the injected factory, keeps the socket alive with pings and a silence
//! watchdog, and reconnects with back-off until stopped or refused. It never sends data
//! frames: on /stream and /watch that makes the server close the socket (§10).
class WebSocketChannel final : public QObject
{
    Q_OBJECT

public:
    //! Gives the URL of the next attempt; called before every (re)connect, so a resume
    //! position (after_id) can change between attempts.
    using UrlProvider = std::function<QUrl()>;
    //! The logging category function, e.g. lcStream.
    using Category = const QLoggingCategory &(*)();

    WebSocketChannel(RequestFactory factory, Category category, QObject *parent = nullptr);
    ~WebSocketChannel() override;

    //! All settings at once (SocketSettings); the setters below change one each.
    void setSettings(const SocketSettings &settings);
    SocketSettings settings() const;

    void setReconnectPolicy(const ReconnectPolicy &policy);
    //! Abort and reconnect after this long without a frame or pong (default 45 s).
    void setSilenceTimeout(std::chrono::milliseconds timeout);
    //! Interval of our own pings (default 15 s; 0 disables them). QWebSocket answers the
    //! server's pings by itself but cannot tell us about them, so our pongs prove the line.
    void setPingInterval(std::chrono::milliseconds interval);
    //! Go Offline after this many failed attempts in a row; 0 (default) retries for ever.
    void setMaxConsecutiveFailures(int count);
    //! An attempt whose upgrade is not answered within this long (TCP accepted, no 101, or no
    //! TCP connection at all) fails like a refused one: retried with back-off (default 30 s,
    //! as the REST transfer timeout).
    void setHandshakeTimeout(std::chrono::milliseconds timeout);

    //! Starts connecting (from Idle or Offline); the URL comes from `urls` on every attempt.
    void start(UrlProvider urls);
    //! Closes with 1000 and stays Idle until started again.
    void stop();
    //! Gives up now, as after a 401: closes and goes Offline.
    void goOffline();
    //! Drops the current socket and reconnects at once (e.g. after a 400 with after_id).
    void reconnectNow();

    ConnectionState state() const noexcept { return m_state; }
    //! The URL of the last attempt.
    QUrl lastUrl() const { return m_lastUrl; }
    //! HTTP status of the last refused upgrade; 0 when there was none.
    int lastHttpStatus() const noexcept { return m_lastHttpStatus; }
    QString lastErrorString() const { return m_lastError; }
    //! Connections opened since construction (tests, diagnostics).
    int connectionCount() const noexcept { return m_connections; }

signals:
    void stateChanged(ConnectionState state);
    //! A connection is open; emitted before its first frame.
    void opened();
    void textFrameReceived(const QString &frame);
    //! The server refused the upgrade with this HTTP status (before the state changes).
    void upgradeRejected(int httpStatus);
    //! The connection of this attempt ended (dropped, refused or aborted by the watchdog).
    void disconnected();

private:
    void attempt();
    void handleConnected();
    void handleSocketStateChanged(QWebSocket *socket, int socketState);
    void handleSilence();
    void handleHandshakeTimeout();
    void handleLife();
    //! The end of an attempt: schedules the next one, or goes Offline.
    void finishAttempt(bool wasConnected, QWebSocketProtocol::CloseCode closeCode);
    void discardSocket();
    void setState(ConnectionState state);
    void scheduleReconnect();

    RequestFactory m_factory;
    Category m_category;
    UrlProvider m_urls;
    ReconnectPolicy m_policy;
    //! A fresh child socket per attempt, so nothing of an old connection can leak into a new
    //! one, and a socket that emits while being destroyed has already lost its connections.
    QPointer<QWebSocket> m_socket;
    QTimer m_retryTimer;
    QTimer m_silenceTimer;
    QTimer m_pingTimer;
    QTimer m_handshakeTimer;
    ConnectionState m_state = ConnectionState::Idle;
    QUrl m_lastUrl;
    QString m_lastError;
    int m_lastHttpStatus = 0;
    int m_failures = 0;
    int m_maxFailures = 0;
    int m_connections = 0;
    bool m_connectedThisAttempt = false;
    bool m_handshakeTimedOut = false;
};

} // namespace AgentDesk
