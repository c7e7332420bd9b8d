#include "HttpConnection.h"

#include "SimLogging.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace AgentDeskSim {

namespace {

constexpr qint64 maxHeadBytes = 64 * 1024;
// Bodies up to this size are read fully so that routes can answer 413 themselves (uploads are
// limited to 10 MiB); anything larger is refused before reading it.
constexpr qint64 maxBodyBytes = 16 * 1024 * 1024;

QString decodeQueryComponent(QByteArray raw)
{
    raw.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::handleReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::handleDisconnected);
}

quint16 HttpConnection::peerPort() const
{
    return m_socket ? m_socket->peerPort() : 0;
}

void HttpConnection::handleReadyRead()
{
    processBuffered();
}

void HttpConnection::handleDisconnected()
{
    if (m_state == State::Detached || m_closedEmitted)
        return;
    m_closedEmitted = true;
    m_state = State::Closing;
    emit closed(this);
}

void HttpConnection::fail(int status, const QString &message)
{
    HttpResponse response = HttpResponse::error(status, message);
    response.closeAfter = true;
    m_state = State::Busy;
    sendResponse(response);
}

bool HttpConnection::parseHead(const QByteArray &head, HttpRequest &request) const
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return false;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return false;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    request.version = requestLine.at(2);
    if (request.method.isEmpty() || !request.target.startsWith('/'))
        return false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (request.headers.contains(name))
            request.headers[name] += (name == "cookie" ? "; " : ", ") + value;
        else
            request.headers.insert(name, value);
    }
    const qsizetype q = request.target.indexOf('?');
    const QByteArray rawPath = q < 0 ? request.target : request.target.left(q);
    request.rawQuery = q < 0 ? QByteArray() : request.target.mid(q + 1);
    request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    for (const QByteArray &item : request.rawQuery.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QByteArray key = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        request.query.append({decodeQueryComponent(key), decodeQueryComponent(value)});
    }
    request.peerPort = m_socket ? m_socket->peerPort() : 0;
    return true;
}

void HttpConnection::processBuffered()
{
    if (m_processing || !m_socket)
        return;
    m_processing = true;
    while (m_socket && (m_state == State::Head || m_state == State::Body)) {
        if (m_state == State::Head) {
            const qint64 available = m_socket->bytesAvailable();
            if (available <= 0)
                break;
            // Peek only: an upgrade request must stay unread for QWebSocketServer.
            const QByteArray data = m_socket->peek(qMin(available, maxHeadBytes));
            const qsizetype end = data.indexOf("\r\n\r\n");
            if (end < 0) {
                if (data.size() >= maxHeadBytes)
                    fail(431, QStringLiteral("Request header fields too large."));
                break;
            }
            HttpRequest request;
            if (!parseHead(data.left(end), request)) {
                m_socket->read(available);
                fail(400, QStringLiteral("Malformed HTTP request."));
                break;
            }
            if (request.header("upgrade").toLower().contains("websocket")) {
                m_state = State::Busy;
                emit upgradeRequested(this, request);
                break;
            }
            m_socket->read(end + 4);
            const QByteArray connection = request.header("connection").toLower();
            m_keepAlive = request.version == "HTTP/1.1" ? !connection.contains("close")
                                                        : connection.contains("keep-alive");
            if (!request.header("transfer-encoding").isEmpty()) {
                fail(400, QStringLiteral("Chunked request bodies are not supported."));
                break;
            }
            bool ok = true;
            const QByteArray lengthHeader = request.header("content-length");
            const qint64 length = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&ok);
            if (!ok || length < 0) {
                fail(400, QStringLiteral("Invalid Content-Length."));
                break;
            }
            if (length > maxBodyBytes) {
                fail(413, QStringLiteral("Request entity too large."));
                break;
            }
            m_request = request;
            m_request.body.reserve(length);
            m_remaining = length;
            m_state = State::Body;
        }
        if (m_state == State::Body) {
            if (m_remaining > 0) {
                const QByteArray chunk = m_socket->read(m_remaining);
                m_request.body.append(chunk);
                m_remaining -= chunk.size();
            }
            if (m_remaining > 0)
                break;
            m_state = State::Busy;
            emit requestReceived(this, m_request);
        }
    }
    m_processing = false;
}

void HttpConnection::sendResponse(const HttpResponse &response)
{
    if (!m_socket || m_state != State::Busy)
        return;
    const bool close = response.closeAfter || !m_keepAlive;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    m_socket->write(out);
    m_socket->write(response.body);
    m_request = HttpRequest();
    if (close) {
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        return;
    }
    m_state = State::Head;
    // Queued so that a synchronous answer never re-enters the parser loop.
    QTimer::singleShot(0, this, &HttpConnection::processBuffered);
}

QTcpSocket *HttpConnection::detachSocket()
{
    QTcpSocket *socket = m_socket;
    if (!socket)
        return nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->setParent(nullptr);
    m_socket = nullptr;
    m_state = State::Detached;
    return socket;
}

QByteArray HttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace AgentDeskSim
