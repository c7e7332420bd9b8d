#include "models/Session.h"

#include "core/Logging.h"
#include "core/api/ApiClient.h"
#include "core/api/AttachmentUploader.h"
#include "core/api/AttachmentUploads.h"
#include "core/live/ChatWatchClient.h"
#include "core/live/GitStreamClient.h"
#include "core/live/GitStreams.h"
#include "core/storage/FileCache.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "models/ModelConfigModel.h"

namespace AgentDesk {

Session::Session(QNetworkAccessManager *network, const ConnectionResult &connection,
    const Models &models, const QString &fileCacheDirectory, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_models(models)
    , m_api(new ApiClient(network, this))
{
    setObjectName(QStringLiteral("session"));
    m_api->setObjectName(QStringLiteral("sessionApi"));
    m_api->setDeploymentUrl(connection.deploymentUrl);
    m_api->setSessionToken(connection.token);
    m_api->setChatsPrefix(connection.chatsPrefix);
    m_connection.token.clear(); // the client holds it from here on
    connect(m_api, &ApiClient::sessionRejected, this, &Session::rejected);

    m_files = new FileCache(m_api, fileCacheDirectory, this);
    ApiClient *api = m_api;
    m_watch = new ChatWatchClient(
        api->watchUrl(), [api](const QUrl &url) { return api->makeWebSocketRequest(url); }, this);
    connect(m_watch, &ChatWatchClient::upgradeRejected, this, &Session::handleWatchRejected);
    m_directory = new ChatDirectory(m_api, m_watch, m_models.chats, this);
    m_uploads = new AttachmentUploads(m_api, this);
    m_gitStreams = new GitStreams(m_api, this);
    loadModels(); // before the window is made, so the composer starts with the catalog
}

Session::~Session()
{
    end();
}

void Session::start()
{
    m_directory->start();
}

void Session::loadModels()
{
    if (!m_models.modelConfigs)
        return;
    if (m_connection.modelsLoaded) { // SignInFlow read the catalog
        m_models.modelConfigs->setModels(m_connection.models);
        return;
    }
    QPointer<ModelConfigModel> target = m_models.modelConfigs;
    m_api->models(
        m_connection.organizationId, this, [target](const ApiResult<QList<ModelConfig>> &models) {
            if (!target)
                return;
            if (models.ok())
                target->setModels(models.value());
            else
                qCWarning(lcUi) << "models:" << models.error().toDisplayString();
        });
}

void Session::end()
{
    if (m_ended)
        return;
    m_ended = true;
    const QList<ChatSession *> chats = findChildren<ChatSession *>(Qt::FindDirectChildrenOnly);
    for (ChatSession *chat : chats)
        closeChat(chat);
    m_directory->stop();
    for (GitStreamClient *git : m_gitStreams->findChildren<GitStreamClient *>())
        m_gitStreams->close(git);
    for (AttachmentUploader *job : m_uploads->findChildren<AttachmentUploader *>())
        m_uploads->release(job);
    m_api->setSessionToken({});
    if (m_models.chats)
        m_models.chats->clear();
    if (m_models.modelConfigs)
        m_models.modelConfigs->clear();
}

ChatSession *Session::openChat(const ChatId &id, MessageListModel *messages, QueueModel *queue)
{
    if (m_ended || id.isNull())
        return nullptr;
    auto *session = new ChatSession(m_api, id, messages, queue, {}, this);
    if (ChatListModel *chats = m_models.chats) {
        // Older servers report sub-agent statuses on the parent's stream (§12.7).
        connect(session, &ChatSession::childStatusChanged, chats,
            [chats](const ChatId &child, ChatStatus status) {
                const Chat *known = chats->chat(child);
                if (!known || known->status == status)
                    return;
                Chat updated = *known;
                updated.status = status;
                chats->upsert(updated);
            });
    }
    return session;
}

void Session::closeChat(ChatSession *session)
{
    if (!session)
        return;
    session->close();
    delete session;
}

void Session::handleWatchRejected(int status)
{
    if (status == 401)
        emit rejected(ApiError::fromHttpStatus(401, {}));
}

} // namespace AgentDesk
