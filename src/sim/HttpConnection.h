#pragma once

#include "HttpMessage.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace AgentDeskSim {

//! One keep-alive HTTP/1.1 connection: parses pipelined requests one at a time, in order.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);

    //! Writes the answer to the request last announced and resumes parsing.
    void sendResponse(const HttpResponse &response);
    //! Gives the socket away for a WebSocket upgrade; the connection is dead afterwards.
    QTcpSocket *detachSocket();
    quint16 peerPort() const;

signals:
    void requestReceived(
        AgentDeskSim::HttpConnection *connection, const AgentDeskSim::HttpRequest &request);
    //! Emitted with the head of an upgrade request; nothing has been consumed from the socket.
    void upgradeRequested(
        AgentDeskSim::HttpConnection *connection, const AgentDeskSim::HttpRequest &request);
    void closed(AgentDeskSim::HttpConnection *connection);

private:
    enum class State { Head, Body, Busy, Closing, Detached };

    void handleReadyRead();
    void handleDisconnected();
    void processBuffered();
    void fail(int status, const QString &message);
    bool parseHead(const QByteArray &head, HttpRequest &request) const;
    static QByteArray reasonPhrase(int status);

    QPointer<QTcpSocket> m_socket;
    State m_state = State::Head;
    HttpRequest m_request;
    qint64 m_remaining = 0;
    bool m_keepAlive = true;
    bool m_processing = false;
    bool m_closedEmitted = false;
};

} // namespace AgentDeskSim
