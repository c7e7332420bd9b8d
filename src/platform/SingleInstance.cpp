#include "platform/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// One message per connection: a JSON array of strings and a newline. Bounded, so a stray
// client cannot make the primary buffer without end.
constexpr qsizetype singleInstanceMaxMessage = 64 * 1024;

} // namespace

SingleInstance::SingleInstance(QString key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultKey()
{
    // The home directory names the user without depending on $USER; hash it into a safe name.
    const QByteArray hash =
        QCryptographicHash::hash(QDir::homePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return u"agentdesk-"_s + QString::fromLatin1(hash);
}

bool SingleInstance::isPrimary() const
{
    return m_server != nullptr && m_server->isListening();
}

void SingleInstance::start(const QStringList &arguments)
{
    m_client = new QLocalSocket(this);
    const QByteArray message =
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n';
    connect(m_client, &QLocalSocket::connected, this, [this, message] {
        m_client->write(message);
        m_client->disconnectFromServer();
    });
    connect(m_client, &QLocalSocket::disconnected, this, [this] {
        if (m_settled)
            return;
        m_settled = true;
        emit handedOver();
    });
    connect(m_client, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (m_settled)
            return;
        m_settled = true;
        listen();
    });
    // Connect from the event loop, so the outcome never arrives before start() returns.
    QMetaObject::invokeMethod(
        m_client, [this] { m_client->connectToServer(m_key); }, Qt::QueuedConnection);
}

void SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnection);
    if (!m_server->listen(m_key)) {
        // Nobody answered, so a socket file left by a crashed instance is in the way.
        QLocalServer::removeServer(m_key);
        m_server->listen(m_key);
    }
    emit becamePrimary();
}

void SingleInstance::acceptConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > singleInstanceMaxMessage) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QByteArray line = socket->readLine(singleInstanceMaxMessage);
            QStringList arguments;
            const QJsonArray array = QJsonDocument::fromJson(line).array();
            for (const QJsonValue &value : array)
                arguments.append(value.toString());
            emit argumentsReceived(arguments);
        });
    }
}

} // namespace AgentDesk
