#pragma once

// Loopback servers for the socket clients' tests: one that accepts WebSocket upgrades and keeps
// every socket and upgrade request, and one that refuses every upgrade with an HTTP status.

#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QWebSocketServer>

#include <functional>

class QTcpSocket;
class QWebSocket;

namespace AgentDesk::Testing {

//! Accepts every WebSocket upgrade on 127.0.0.1 (a free port). Each socket is kept (owned by the
//! server) with its upgrade request; \a onConnection runs for each, e.g. to send frames.
class FakeSocketServer final : public QObject
{
public:
    using OnConnection = std::function<void(QWebSocket *socket)>;

    explicit FakeSocketServer(OnConnection onConnection = {});

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    //! ws://127.0.0.1:<port><path>
    QUrl url(const QString &path) const;
    //! http://127.0.0.1:<port>, a deployment URL for an ApiClient.
    QUrl httpUrl() const;

    QList<QNetworkRequest> requests;
    QList<QWebSocket *> sockets;

private:
    QWebSocketServer m_server;
    OnConnection m_onConnection;
};

//! Answers every request on 127.0.0.1 (a free port) with \a status and a small Coder-style JSON
//! body, then closes; keeps each request line ("GET /path?query HTTP/1.1").
class RefusingUpgradeServer final : public QObject
{
public:
    explicit RefusingUpgradeServer(int status);

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path) const;

    QList<QByteArray> requestLines;

private:
    int m_status;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

} // namespace AgentDesk::Testing
