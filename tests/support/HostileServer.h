#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace AgentDesk::Testing {

//! One HTTP request as the hostile server received it (headers only; names lower-cased).
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; //!< Path and query, as sent.
    QList<QPair<QByteArray, QByteArray>> headers;

    bool hasHeader(QByteArrayView name) const;
    QByteArray header(QByteArrayView name) const;
    QByteArray path() const { return target.split('?').constFirst(); }
    bool isWebSocketUpgrade() const;
};

//! A deliberately hostile (or broken) HTTP server on 127.0.0.1 for the `hostile` tests: a real
//! QTcpServer on a free port that records every request it receives and answers each with
//! whatever the test's responder returns, byte for byte. It plays redirects to other origins,
//! upgrades that are never answered, bodies cut short, garbled chunked encoding and whatever
//! JSON a test wants (bidi names, absurd ids). Every attack is bounded: request heads are
//! capped at 64 KiB, answers are what the test wrote, and nothing listens beyond loopback.
class HostileServer final : public QObject
{
    Q_OBJECT

public:
    //! What to do with one request.
    struct Answer
    {
        QByteArray bytes;       //!< Written as is (status line, headers, body).
        bool closeAfter = true; //!< Close the connection once written; false holds it open.
        bool silent = false;    //!< Write nothing and hold the connection (never answer).
    };
    using Responder = std::function<Answer(const RecordedRequest &)>;

    explicit HostileServer(QObject *parent = nullptr);
    ~HostileServer() override;

    //! Listens on 127.0.0.1, port chosen by the system. False if that failed.
    bool listen();
    quint16 port() const;
    //! http://127.0.0.1:PORT (the origin; append paths as needed).
    QUrl httpUrl(const QString &path = {}) const;
    QUrl wsUrl(const QString &path = {}) const;

    void setResponder(Responder responder);
    QList<RecordedRequest> requests() const { return m_requests; }
    //! TCP connections accepted so far.
    int connectionCount() const noexcept { return m_connections; }
    //! True if any recorded request carried \a header (e.g. "coder-session-token").
    bool anyRequestHad(QByteArrayView header) const;

    // --- Canned answers ------------------------------------------------------------------------
    static Answer json(int status, const QByteArray &body);
    //! \a status (301, 302, 307, 308) with Location: \a location.
    static Answer redirect(int status, const QByteArray &location);
    //! 200 with Content-Length \a declared but only \a body sent, then close.
    static Answer shortBody(const QByteArray &body, qint64 declared);
    //! 200 with Content-Length \a declared, \a body sent, then nothing more (connection held).
    static Answer stalledBody(const QByteArray &body, qint64 declared);
    //! 200 with Transfer-Encoding: chunked whose chunk sizes are not hexadecimal.
    static Answer garbledChunked();
    //! Accepts the TCP connection, reads the request and never answers.
    static Answer neverAnswer();
    //! A valid 101 Switching Protocols for a WebSocket upgrade request (connection held).
    static Answer webSocketAccept(const RecordedRequest &request);
    //! One unmasked server-to-client WebSocket text frame.
    static QByteArray webSocketTextFrame(const QByteArray &payload);

signals:
    void requestReceived(const AgentDesk::Testing::RecordedRequest &request);

private:
    void handleNewConnection();
    void handleReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Responder m_responder;
    QList<RecordedRequest> m_requests;
    QList<QPointer<QTcpSocket>> m_sockets;
    int m_connections = 0;
};

} // namespace AgentDesk::Testing
