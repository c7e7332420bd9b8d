#include "core/live/WebSocketChannel.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QWebSocket>

namespace AgentDesk {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 maxIncomingBytes = 64 * 1024 * 1024; // snapshots hold up to 256 messages

//! QWebSocket reports a refused upgrade only through its error string ("… Unhandled http
//! status code: 401 (Unauthorized)."); there is no accessor for the status in Qt 6.4. The
//! strings are QWebSocket's untranslated defaults (the app loads no qtwebsockets catalogue).
int httpStatusFromError(const QString &errorString)
{
    static const QRegularExpression pattern(
        u"status code:?\\s*(\\d{3})"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(errorString);
    if (match.hasMatch())
        return match.captured(1).toInt();
    // A 400 takes another path in QWebSocket (version negotiation): without a
    // Sec-WebSocket-Version header in the answer it only says "Unknown error condition".
    if (errorString.contains(u"Unknown error condition"_s))
        return 400;
    return 0;
}

} // namespace

WebSocketChannel::WebSocketChannel(RequestFactory factory, Category category, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_category(category)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &WebSocketChannel::attempt);
    // The server pings every ~15 s; three missed intervals means the line is dead though the
    // socket still looks open (a sleeping laptop, a NAT that forgot us).
    m_silenceTimer.setSingleShot(true);
    connect(&m_silenceTimer, &QTimer::timeout, this, &WebSocketChannel::handleSilence);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, &WebSocketChannel::handleHandshakeTimeout);
    setSettings(SocketSettings{}); // the defaults, from the one place that names them
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->ping();
    });
}

WebSocketChannel::~WebSocketChannel()
{
    // Cut the socket's connections first: a socket may emit while it is being destroyed.
    if (m_socket)
        m_socket->disconnect(this);
}

void WebSocketChannel::setSettings(const SocketSettings &settings)
{
    setReconnectPolicy(settings.reconnect);
    setSilenceTimeout(settings.silenceTimeout);
    setPingInterval(settings.pingInterval);
    setHandshakeTimeout(settings.handshakeTimeout);
    setMaxConsecutiveFailures(settings.maxConsecutiveFailures);
}

SocketSettings WebSocketChannel::settings() const
{
    SocketSettings settings;
    settings.reconnect = m_policy;
    settings.silenceTimeout = m_silenceTimer.intervalAsDuration();
    settings.pingInterval = m_pingTimer.intervalAsDuration();
    settings.handshakeTimeout = m_handshakeTimer.intervalAsDuration();
    settings.maxConsecutiveFailures = m_maxFailures;
    return settings;
}

void WebSocketChannel::setReconnectPolicy(const ReconnectPolicy &policy)
{
    m_policy = policy;
}

void WebSocketChannel::setSilenceTimeout(std::chrono::milliseconds timeout)
{
    m_silenceTimer.setInterval(std::max(timeout, 1ms));
}

void WebSocketChannel::setPingInterval(std::chrono::milliseconds interval)
{
    m_pingTimer.setInterval(std::max(interval, 0ms));
    if (interval <= 0ms)
        m_pingTimer.stop();
    else if (m_state == ConnectionState::Live)
        m_pingTimer.start();
}

void WebSocketChannel::setMaxConsecutiveFailures(int count)
{
    m_maxFailures = std::max(count, 0);
}

void WebSocketChannel::setHandshakeTimeout(std::chrono::milliseconds timeout)
{
    m_handshakeTimer.setInterval(std::max(timeout, 1ms));
}

void WebSocketChannel::start(UrlProvider urls)
{
    m_urls = std::move(urls);
    if (m_state != ConnectionState::Idle && m_state != ConnectionState::Offline)
        return;
    m_failures = 0;
    m_policy.reset();
    setState(ConnectionState::Connecting);
    attempt();
}

void WebSocketChannel::stop()
{
    m_retryTimer.stop();
    discardSocket();
    setState(ConnectionState::Idle);
}

void WebSocketChannel::goOffline()
{
    m_retryTimer.stop();
    discardSocket();
    setState(ConnectionState::Offline);
}

void WebSocketChannel::reconnectNow()
{
    if (m_state == ConnectionState::Idle || m_state == ConnectionState::Offline)
        return;
    m_retryTimer.stop();
    discardSocket();
    setState(ConnectionState::Reconnecting);
    m_retryTimer.start(0);
}

void WebSocketChannel::attempt()
{
    discardSocket();
    m_lastUrl = m_urls ? m_urls() : QUrl();
    m_lastHttpStatus = 0;
    m_connectedThisAttempt = false;
    m_handshakeTimedOut = false;

    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingMessageSize(maxIncomingBytes);
    socket->setMaxAllowedIncomingFrameSize(maxIncomingBytes);
    connect(socket, &QWebSocket::connected, this, &WebSocketChannel::handleConnected);
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &frame) {
        handleLife();
        emit textFrameReceived(frame);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, &WebSocketChannel::handleLife);
    connect(socket, &QWebSocket::pong, this, &WebSocketChannel::handleLife);
    // One handler for every end of a connection: stateChanged is spelled the same on 6.4 and
    // 6.5+, unlike the error signal (error vs errorOccurred).
    connect(socket, &QWebSocket::stateChanged, this,
        [this, socket](QAbstractSocket::SocketState socketState) {
            handleSocketStateChanged(socket, int(socketState));
        });

    QNetworkRequest request = m_factory ? m_factory(m_lastUrl) : QNetworkRequest(m_lastUrl);
    qCDebug(m_category) << "connecting to" << m_lastUrl.path() << "attempt" << m_policy.attempts();
    socket->open(request);
    m_handshakeTimer.start();
}

void WebSocketChannel::handleConnected()
{
    m_handshakeTimer.stop();
    m_connectedThisAttempt = true;
    ++m_connections;
    m_failures = 0;
    m_policy.reset();
    m_silenceTimer.start();
    if (m_pingTimer.interval() > 0)
        m_pingTimer.start();
    setState(ConnectionState::Live);
    // Emitted before QWebSocket delivers the first frame of this connection.
    emit opened();
}

void WebSocketChannel::handleLife()
{
    if (m_silenceTimer.isActive())
        m_silenceTimer.start();
}

void WebSocketChannel::handleSilence()
{
    qCInfo(m_category) << "no frame or pong for" << m_silenceTimer.interval() << "ms; reconnecting";
    if (m_socket)
        m_socket->abort(); // ends in handleSocketStateChanged(UnconnectedState)
}

void WebSocketChannel::handleHandshakeTimeout()
{
    if (!m_socket || m_connectedThisAttempt)
        return;
    const auto seconds = std::chrono::duration<double>(m_handshakeTimer.intervalAsDuration());
    qCInfo(m_category) << "no answer to the upgrade within" << m_handshakeTimer.interval()
                       << "ms; retrying";
    m_handshakeTimedOut = true;
    m_lastError = tr("The server did not answer the connection within %1 s.")
                      .arg(QLocale().toString(seconds.count(), 'g', 3));
    // The socket's own end is not waited for: its signals are cut, and this attempt ends here.
    discardSocket();
    emit disconnected();
    finishAttempt(false, QWebSocketProtocol::CloseCodeAbnormalDisconnection);
}

void WebSocketChannel::handleSocketStateChanged(QWebSocket *socket, int socketState)
{
    if (socket != m_socket || socketState != QAbstractSocket::UnconnectedState)
        return;
    m_silenceTimer.stop();
    m_pingTimer.stop();
    m_lastError = socket->errorString();
    const bool wasConnected = m_connectedThisAttempt;
    const QWebSocketProtocol::CloseCode closeCode = socket->closeCode();
    discardSocket();
    emit disconnected();
    finishAttempt(wasConnected, closeCode);
}

void WebSocketChannel::finishAttempt(bool wasConnected, QWebSocketProtocol::CloseCode closeCode)
{
    if (m_state == ConnectionState::Idle || m_state == ConnectionState::Offline)
        return;

    if (!wasConnected) {
        ++m_failures;
        m_lastHttpStatus = m_handshakeTimedOut ? 0 : httpStatusFromError(m_lastError);
        qCInfo(m_category) << "connect failed:" << m_lastError;
        if (m_lastHttpStatus >= 300 && m_lastHttpStatus < 400) {
            // QWebSocket follows no redirect, so the token went nowhere else; say why it failed.
            m_lastError = tr("The server redirected the live connection (status %1). Redirects "
                             "are not followed, so your session token stays with the "
                             "deployment.")
                              .arg(m_lastHttpStatus);
        }
        if (m_lastHttpStatus != 0) {
            emit upgradeRejected(m_lastHttpStatus);
            // The owner may have reacted (stop, goOffline, reconnectNow).
            if (m_state == ConnectionState::Idle || m_state == ConnectionState::Offline
                || m_retryTimer.isActive())
                return;
        }
        // §10.2: do not hammer on 401 (re-authenticate) or 404/403 (gone or no access).
        if (m_lastHttpStatus == 401 || m_lastHttpStatus == 403 || m_lastHttpStatus == 404) {
            setState(ConnectionState::Offline);
            return;
        }
        if (m_maxFailures > 0 && m_failures >= m_maxFailures) {
            qCWarning(m_category) << "giving up after" << m_failures << "failed attempts";
            setState(ConnectionState::Offline);
            return;
        }
    } else {
        qCDebug(m_category) << "connection closed, code" << int(closeCode);
    }
    scheduleReconnect();
}

void WebSocketChannel::scheduleReconnect()
{
    setState(ConnectionState::Reconnecting);
    if (!m_retryTimer.isActive())
        m_retryTimer.start(m_policy.next());
}

void WebSocketChannel::discardSocket()
{
    m_silenceTimer.stop();
    m_pingTimer.stop();
    m_handshakeTimer.stop();
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    if (!socket)
        return;
    socket->disconnect(this);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    socket->deleteLater();
}

void WebSocketChannel::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace AgentDesk
