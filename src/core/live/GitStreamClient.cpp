#include "core/live/GitStreamClient.h"

#include "core/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

GitStreamClient::GitStreamClient(QUrl url, RequestFactory factory, QObject *parent)
    : LiveClient(std::move(factory), &lcStream, parent)
    , m_url(std::move(url))
{
    connect(m_channel, &WebSocketChannel::upgradeRejected, this, [this](int status) {
        // No workspace, no agent, or agent not ready: retrying will not change that soon.
        if (status == 400)
            m_channel->goOffline();
        emit upgradeRejected(status);
    });
}

void GitStreamClient::start()
{
    m_channel->start([this] { return m_url; });
}

std::optional<GitChanges> GitStreamClient::decode(const QByteArray &frame)
{
    const QJsonDocument document = QJsonDocument::fromJson(frame);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (object.value(u"type"_s).toString() != "changes"_L1)
        return std::nullopt;
    GitChanges changes;
    changes.scannedAt =
        QDateTime::fromString(object.value(u"scanned_at"_s).toString(), Qt::ISODateWithMs);
    changes.message = object.value(u"message"_s).toString();
    const QJsonArray repositories = object.value(u"repositories"_s).toArray();
    for (const QJsonValue &value : repositories) {
        if (!value.isObject())
            continue; // one odd entry does not spoil the others
        const QJsonObject r = value.toObject();
        GitRepositoryChange repository;
        repository.repoRoot = r.value(u"repo_root"_s).toString();
        repository.branch = r.value(u"branch"_s).toString();
        repository.remoteOrigin = r.value(u"remote_origin"_s).toString();
        repository.unifiedDiff = r.value(u"unified_diff"_s).toString();
        repository.removed = r.value(u"removed"_s).toBool();
        changes.repositories.append(repository);
    }
    return changes;
}

void GitStreamClient::handleFrame(const QString &frame)
{
    if (const std::optional<GitChanges> changes = decode(frame.toUtf8()))
        Q_EMIT changesReceived(*changes);
    else
        qCDebug(lcStream) << "git stream: ignored a frame that is not a changes message";
}

} // namespace AgentDesk
