#include "SimHttpServer.h"

#include "HttpConnection.h"
#include "SimLogging.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace AgentDeskSim {

SimHttpServer::SimHttpServer(QObject *parent)
    : QObject(parent)
    , m_webSocketServer(QStringLiteral("agentdesk-sim"), QWebSocketServer::NonSecureMode)
{
    connect(&m_tcpServer, &QTcpServer::newConnection, this, &SimHttpServer::handleNewConnection);
    connect(&m_webSocketServer, &QWebSocketServer::newConnection, this,
        &SimHttpServer::handleNewWebSocket);
    // The handshake is already validated by us; keep a generous queue for bursts of reconnects.
    m_webSocketServer.setMaxPendingConnections(1000);
}

bool SimHttpServer::listen(quint16 port)
{
    m_tcpServer.setMaxPendingConnections(1000);
    return m_tcpServer.listen(QHostAddress::LocalHost, port);
}

quint16 SimHttpServer::port() const
{
    return m_tcpServer.serverPort();
}

void SimHttpServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_tcpServer.nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, this);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::requestReceived, this, &SimHttpServer::handleRequest);
        connect(connection, &HttpConnection::upgradeRequested, this, &SimHttpServer::handleUpgrade);
        connect(connection, &HttpConnection::closed, this, &SimHttpServer::handleClosed);
        if (socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
    }
}

void SimHttpServer::handleRequest(HttpConnection *connection, const HttpRequest &request)
{
    HttpResponse response = m_requestHandler
        ? m_requestHandler(request)
        : HttpResponse::error(404, QStringLiteral("Route not found."));
    const int delay = m_delayProvider ? m_delayProvider(request) : 0;
    qCDebug(lcSim) << request.method << request.path << response.status;
    if (delay <= 0) {
        connection->sendResponse(response);
        return;
    }
    QPointer<HttpConnection> guard(connection);
    QTimer::singleShot(delay, this, [guard, response] {
        if (guard)
            guard->sendResponse(response);
    });
}

void SimHttpServer::handleUpgrade(HttpConnection *connection, const HttpRequest &request)
{
    UpgradeDecision decision;
    if (m_upgradeHandler)
        decision = m_upgradeHandler(request);
    else
        decision.error = HttpResponse::error(404, QStringLiteral("Route not found."));
    if (!decision.accepted) {
        qCDebug(lcSim) << "upgrade refused" << request.path << decision.error.status;
        // The client will not reuse a connection whose upgrade failed.
        if (QTcpSocket *socket = connection->detachSocket()) {
            socket->setParent(this);
            const HttpResponse &r = decision.error;
            QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + " Error\r\n";
            for (const auto &header : r.headers)
                out += header.first + ": " + header.second + "\r\n";
            out += "Content-Length: " + QByteArray::number(r.body.size())
                + "\r\nConnection: close\r\n\r\n" + r.body;
            socket->readAll();
            socket->write(out);
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
        }
        m_connections.remove(connection);
        connection->deleteLater();
        return;
    }
    QTcpSocket *socket = connection->detachSocket();
    m_connections.remove(connection);
    connection->deleteLater();
    if (!socket)
        return;
    m_pendingUpgrades.insert(socket->peerPort(), {request.path, decision.route, socket});
    // QWebSocketServer reads the (still unread) handshake itself and owns the socket from now on.
    m_webSocketServer.handleConnection(socket);
}

void SimHttpServer::handleClosed(HttpConnection *connection)
{
    m_connections.remove(connection);
    connection->deleteLater();
}

void SimHttpServer::handleNewWebSocket()
{
    while (QWebSocket *socket = m_webSocketServer.nextPendingConnection()) {
        const auto it = m_pendingUpgrades.find(socket->peerPort());
        if (it == m_pendingUpgrades.end() || it->path != socket->requestUrl().path()) {
            qCWarning(lcSim) << "unmatched websocket" << socket->requestUrl().path();
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
            socket->deleteLater();
            continue;
        }
        const WsRoute route = it->route;
        // The TCP socket below the WebSocket, for faults that cut a frame part-way.
        socket->setProperty("agentdeskSimTcp", QVariant::fromValue<QObject *>(it->tcp.data()));
        m_pendingUpgrades.erase(it);
        emit webSocketConnected(socket, route);
    }
}

} // namespace AgentDeskSim
