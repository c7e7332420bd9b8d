#include "core/live/ChatWatchClient.h"

#include "core/Logging.h"
#include "core/api/ApiJson.h"

namespace AgentDesk {

ChatWatchClient::ChatWatchClient(QUrl watchUrl, RequestFactory factory, QObject *parent)
    : LiveClient(std::move(factory), &lcWatch, parent)
    , m_watchUrl(std::move(watchUrl))
{
    m_channel->setReconnectPolicy(ReconnectPolicy::forWatch());
    connect(m_channel, &WebSocketChannel::upgradeRejected, this, &ChatWatchClient::upgradeRejected);
    connect(m_channel, &WebSocketChannel::opened, this, &ChatWatchClient::connected);
}

void ChatWatchClient::start()
{
    m_channel->start([this] { return m_watchUrl; });
}

void ChatWatchClient::handleFrame(const QString &frame)
{
    const QList<WatchEvent> events = ApiJson::decodeWatchFrame(frame.toUtf8());
    for (const WatchEvent &event : events)
        emit eventReceived(event);
}

} // namespace AgentDesk
