#include "support/FakeSocketServers.h"

#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace AgentDesk::Testing {

FakeSocketServer::FakeSocketServer(OnConnection onConnection)
    : m_server(u"test"_s, QWebSocketServer::NonSecureMode)
    , m_onConnection(std::move(onConnection))
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(&m_server); // nextPendingConnection hands over ownership
            requests.append(socket->request());
            sockets.append(socket);
            if (m_onConnection)
                m_onConnection(socket);
        }
    });
}

QUrl FakeSocketServer::url(const QString &path) const
{
    return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

QUrl FakeSocketServer::httpUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port()));
}

RefusingUpgradeServer::RefusingUpgradeServer(int status)
    : m_status(status)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                QByteArray &buffer = m_buffer[socket];
                buffer += socket->readAll();
                if (!buffer.contains("\r\n\r\n"))
                    return;
                requestLines.append(buffer.left(buffer.indexOf("\r\n")));
                const QByteArray body = R"({"message":"Refused by the test."})";
                socket->write("HTTP/1.1 " + QByteArray::number(m_status)
                    + " Refused\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
}

QUrl RefusingUpgradeServer::url(const QString &path) const
{
    return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

} // namespace AgentDesk::Testing
