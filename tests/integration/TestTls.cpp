// TLS errors are shown, never ignored: a deployment on https with a certificate the system does
// not trust is refused before a single request byte (and so the token) is sent, on REST and on
// the WebSockets, and the sign-in dialog says so. With the certificate trusted, the same server
// is reached and its Coder error is shown. The server is a QSslServer on loopback using a
// self-signed certificate from tests/data/tls.

#include "core/Logging.h"
#include "core/api/ApiClient.h"
#include "core/live/WebSocketChannel.h"
#include "core/storage/AppSettings.h"
#include "core/storage/InMemorySecretStore.h"
#include "support/SignedInApi.h"
#include "widgets/dialogs/ConnectDialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int waitMs = 10000;
const QByteArray token = "AbCdEf1234-0123456789abcdefghijkl";

QByteArray readFile(const QString &name)
{
    QFile file(QStringLiteral(AGENTDESK_TLS_DATA_DIR "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! Answers every decrypted HTTP request with Coder's 401 body and counts what it saw.
class LoopbackTlsServer final : public QObject
{
public:
    bool start()
    {
        const QSslCertificate certificate(readFile(u"loopback.crt"_s), QSsl::Pem);
        const QSslKey key(readFile(u"loopback.key"_s), QSsl::Rsa, QSsl::Pem);
        if (certificate.isNull() || key.isNull())
            return false;
        m_certificate = certificate;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(configuration);
        // QSslServer hands out a socket only after a completed handshake; count the attempts.
        connect(&m_server, &QSslServer::startedEncryptionHandshake, this,
            [this](QSslSocket *) { ++connections; });
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &scheme = u"https"_s) const
    {
        QUrl url;
        url.setScheme(scheme);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(m_server.serverPort());
        return url;
    }
    QSslCertificate certificate() const { return m_certificate; }

    int connections = 0; //!< TLS handshakes begun

    int requests = 0;
    QByteArray lastRequest;

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QIODevice::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (!buffer->contains("\r\n\r\n"))
                return;
            ++requests;
            lastRequest = *buffer;
            const QByteArray body = R"({"message":"You must be logged in.","detail":"tls test"})";
            socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    }

    QSslServer m_server;
    QSslCertificate m_certificate;
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QSslSocket::supportsSsl())
            QFAIL("no TLS backend (Debian: libqt6network6 ships the OpenSSL plugin)");
        QVERIFY(m_server.start());
    }

    void rest_untrustedCertificate_refusedBeforeTheTokenLeaves()
    {
        QNetworkAccessManager network;
        const auto signedIn = signedInApi(&network, m_server.url(), token);
        ApiClient &api = *signedIn;
        std::optional<ApiResult<User>> result;
        api.currentUser(this, [&](const ApiResult<User> &user) { result = user; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), waitMs);
        QVERIFY(!result->ok());
        const ApiError error = result->error();
        QCOMPARE(error.kind, ApiError::Kind::Network);
        QCOMPARE(
            error.message, u"A secure connection to the Coder deployment could not be made."_s);
        QVERIFY2(!error.detail.isEmpty(), "the TLS library's reason is kept for the user");
        QVERIFY(m_server.connections >= 1); // it did reach the server…
        QCOMPARE(m_server.requests, 0);     // …and sent nothing over the failed handshake
    }

    void rest_trustedCertificate_reachesTheServer()
    {
        // The same server once the user's system trusts its certificate (e.g. a company CA).
        const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = saved;
        trusting.addCaCertificate(m_server.certificate());
        QSslConfiguration::setDefaultConfiguration(trusting);
        auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });

        QNetworkAccessManager network;
        const auto signedIn = signedInApi(&network, m_server.url(), token);
        ApiClient &api = *signedIn;
        const int before = m_server.requests;
        std::optional<ApiResult<User>> result;
        api.currentUser(this, [&](const ApiResult<User> &user) { result = user; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), waitMs);
        QCOMPARE(m_server.requests, before + 1);
        QVERIFY(m_server.lastRequest.startsWith("GET /api/v2/users/me "));
        QVERIFY(m_server.lastRequest.contains("Coder-Session-Token: " + token));
        QVERIFY(!result->ok());
        QCOMPARE(result->error().httpStatus, 401);
        QCOMPARE(result->error().message, u"You must be logged in."_s);
    }

    void webSocket_untrustedCertificate_neverGoesLive()
    {
        QNetworkAccessManager network;
        const auto signedIn = signedInApi(&network, m_server.url(), token);
        ApiClient &api = *signedIn;
        WebSocketChannel channel(socketRequestsOf(&api), lcWatch);
        QSignalSpy states(&channel, &WebSocketChannel::stateChanged);
        QSignalSpy opened(&channel, &WebSocketChannel::opened);
        const int before = m_server.requests;
        const QUrl url = m_server.url(u"wss"_s).resolved(QUrl(u"/api/experimental/chats/watch"_s));
        channel.start([url] { return url; });
        QTRY_VERIFY_WITH_TIMEOUT(channel.state() == ConnectionState::Reconnecting
                || channel.state() == ConnectionState::Offline,
            waitMs);
        QCOMPARE(opened.size(), 0);
        QCOMPARE(m_server.requests, before); // the upgrade (with its token header) never went
        channel.stop();
    }

    void connectDialog_showsTheTlsError()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"agentdesk.ini"_s));
        QNetworkAccessManager network;
        ApiClient api(&network);
        InMemorySecretStore keychain;
        InMemorySecretStore session;
        ConnectDialog dialog(&api, &keychain, &session, &settings);
        QSignalSpy connected(&dialog, &ConnectDialog::connected);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QLineEdit *>(u"serverUrlLineEdit"_s)->setText(m_server.url().toString());
        dialog.findChild<QLineEdit *>(u"tokenLineEdit"_s)->setText(QString::fromLatin1(token));
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
        auto *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), waitMs);
        QVERIFY2(error->text().contains(u"secure connection"_s), qPrintable(error->text()));
        QCOMPARE(connected.size(), 0);
        const QString artifacts = qEnvironmentVariable("AGENTDESK_ARTIFACTS", QDir::tempPath());
        QVERIFY(dialog.grab().save(QDir(artifacts).filePath(u"TestTls-connectDialog.png"_s)));
    }

private:
    LoopbackTlsServer m_server;
};

QTEST_MAIN(TestTls)
#include "TestTls.moc"
