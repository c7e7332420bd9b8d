#include "core/live/GitStreams.h"

#include "core/api/ApiClient.h"
#include "core/live/GitStreamClient.h"

namespace AgentDesk {

GitStreams::GitStreams(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

GitStreams::~GitStreams() = default;

GitStreamClient *GitStreams::open(const ChatId &chat)
{
    if (!m_api)
        return nullptr;
    QPointer<ApiClient> api = m_api;
    auto *client = new GitStreamClient(
        api->gitStreamUrl(chat),
        [api](const QUrl &url) {
            return api ? api->makeWebSocketRequest(url) : QNetworkRequest(url);
        },
        this);
    emit opened(chat);
    return client;
}

void GitStreams::close(GitStreamClient *client)
{
    if (!client)
        return;
    client->stop();
    client->deleteLater();
}

} // namespace AgentDesk
