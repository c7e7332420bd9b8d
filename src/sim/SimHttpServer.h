#pragma once

#include "HttpMessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>

namespace AgentDeskSim {

class HttpConnection;

//! Minimal HTTP/1.1 server on QTcpServer; hands WebSocket upgrades to a QWebSocketServer.
class SimHttpServer final : public QObject
{
    Q_OBJECT

public:
    using RequestHandler = std::function<HttpResponse(const HttpRequest &)>;
    using UpgradeHandler = std::function<UpgradeDecision(const HttpRequest &)>;
    using DelayProvider = std::function<int(const HttpRequest &)>;

    explicit SimHttpServer(QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const;
    int openConnections() const { return int(m_connections.size()); }

    void setRequestHandler(RequestHandler handler) { m_requestHandler = std::move(handler); }
    void setUpgradeHandler(UpgradeHandler handler) { m_upgradeHandler = std::move(handler); }
    void setDelayProvider(DelayProvider provider) { m_delayProvider = std::move(provider); }

signals:
    void webSocketConnected(QWebSocket *socket, const AgentDeskSim::WsRoute &route);

private:
    struct PendingUpgrade
    {
        QString path;
        WsRoute route;
        QPointer<QTcpSocket> tcp; //!< Under the WebSocket (the drop_mid_frame fault writes to it)
    };

    void handleNewConnection();
    void handleRequest(HttpConnection *connection, const HttpRequest &request);
    void handleUpgrade(HttpConnection *connection, const HttpRequest &request);
    void handleClosed(HttpConnection *connection);
    void handleNewWebSocket();

    QTcpServer m_tcpServer;
    QWebSocketServer m_webSocketServer;
    QSet<HttpConnection *> m_connections;
    QHash<quint16, PendingUpgrade> m_pendingUpgrades; // by peer port of the loopback socket
    RequestHandler m_requestHandler;
    UpgradeHandler m_upgradeHandler;
    DelayProvider m_delayProvider;
};

} // namespace AgentDeskSim
