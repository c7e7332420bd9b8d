#include "support/HostileServer.h"

#include <QCryptographicHash>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace AgentDesk::Testing {

namespace {

constexpr qsizetype maxRequestHeadBytes = 64 * 1024;
constexpr qsizetype maxRequestBodyBytes = 16 * 1024 * 1024;

QByteArray reasonFor(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 404:
        return "Not Found";
    default:
        return "Status";
    }
}

QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonFor(status) + "\r\n";
}

} // namespace

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RecordedRequest::isWebSocketUpgrade() const
{
    return header("upgrade").toLower() == "websocket";
}

HostileServer::HostileServer(QObject *parent)
    : QObject(parent)
{
    m_responder = [](const RecordedRequest &) {
        return json(404, R"({"message":"nothing"})");
    };
    connect(&m_server, &QTcpServer::newConnection, this, &HostileServer::handleNewConnection);
}

HostileServer::~HostileServer()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket) {
            socket->disconnect(this);
            socket->abort();
        }
    }
}

bool HostileServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 HostileServer::port() const
{
    return m_server.serverPort();
}

QUrl HostileServer::httpUrl(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

QUrl HostileServer::wsUrl(const QString &path) const
{
    return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

void HostileServer::setResponder(Responder responder)
{
    m_responder = std::move(responder);
}

bool HostileServer::anyRequestHad(QByteArrayView header) const
{
    for (const RecordedRequest &request : m_requests) {
        if (request.hasHeader(header))
            return true;
    }
    return false;
}

void HostileServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        m_sockets.append(socket);
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void HostileServer::handleReadyRead(QTcpSocket *socket)
{
    if (socket->property("hostile.answered").toBool()) {
        socket->readAll(); // a held connection: whatever the client sends is ignored
        return;
    }
    QByteArray buffer = socket->property("hostile.buffer").toByteArray() + socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() > maxRequestHeadBytes)
            socket->abort();
        else
            socket->setProperty("hostile.buffer", buffer);
        return;
    }

    RecordedRequest request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    // Wait for a declared body (bounded), so the answer never races the upload.
    const qint64 bodyLength =
        qBound<qint64>(0, request.header("content-length").toLongLong(), maxRequestBodyBytes);
    if (buffer.size() - (headEnd + 4) < bodyLength) {
        socket->setProperty("hostile.buffer", buffer);
        return;
    }
    socket->setProperty("hostile.buffer", QByteArray());
    socket->setProperty("hostile.answered", true);

    m_requests.append(request);
    emit requestReceived(request);
    const Answer answer = m_responder(request);
    if (answer.silent)
        return;
    socket->write(answer.bytes);
    if (answer.closeAfter)
        socket->disconnectFromHost();
}

HostileServer::Answer HostileServer::json(int status, const QByteArray &body)
{
    return {statusLine(status) + "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body};
}

HostileServer::Answer HostileServer::redirect(int status, const QByteArray &location)
{
    return {statusLine(status) + "Location: " + location
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"};
}

HostileServer::Answer HostileServer::shortBody(const QByteArray &body, qint64 declared)
{
    return {statusLine(200) + "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(declared) + "\r\nConnection: close\r\n\r\n" + body};
}

HostileServer::Answer HostileServer::stalledBody(const QByteArray &body, qint64 declared)
{
    Answer answer = shortBody(body, declared);
    answer.closeAfter = false;
    return answer;
}

HostileServer::Answer HostileServer::garbledChunked()
{
    return {statusLine(200)
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: "
          "close\r\n\r\n"
          "zz\r\n{\"id\r\nqq\r\n\"x\"}\r\n0\r\n\r\n"};
}

HostileServer::Answer HostileServer::neverAnswer()
{
    Answer answer;
    answer.silent = true;
    answer.closeAfter = false;
    return answer;
}

HostileServer::Answer HostileServer::webSocketAccept(const RecordedRequest &request)
{
    const QByteArray accept = QCryptographicHash::hash(
        request.header("sec-websocket-key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
        QCryptographicHash::Sha1)
                                  .toBase64();
    Answer answer;
    answer.bytes = statusLine(101)
        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
        + "\r\n\r\n";
    answer.closeAfter = false;
    return answer;
}

QByteArray HostileServer::webSocketTextFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81)); // FIN, text
    const quint64 size = quint64(payload.size());
    if (size < 126) {
        frame.append(char(size));
    } else if (size <= 0xffff) {
        frame.append(char(126));
        frame.append(char((size >> 8) & 0xff));
        frame.append(char(size & 0xff));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xff));
    }
    return frame + payload;
}

} // namespace AgentDesk::Testing
