#include "core/live/ChatWatchClient.h"

#include "core/Logging.h"
#include "core/api/ApiJson.h"

namespace AgentDesk {

ChatWatchClient::ChatWatchClient(QUrl watchUrl, RequestFactory factory, QObject *parent)
    : QObject(parent)
    , m_watchUrl(std::move(watchUrl))
    , m_channel(new WebSocketChannel(std::move(factory), &lcWatch, this))
{
    m_channel->setReconnectPolicy(ReconnectPolicy::forWatch());
    connect(m_channel, &WebSocketChannel::upgradeRejected, this, &ChatWatchClient::upgradeRejected);
    connect(m_channel, &WebSocketChannel::stateChanged, this, &ChatWatchClient::stateChanged);
    connect(m_channel, &WebSocketChannel::opened, this, &ChatWatchClient::connected);
    connect(m_channel, &WebSocketChannel::textFrameReceived, this, &ChatWatchClient::handleFrame);
}

void ChatWatchClient::start()
{
    m_channel->start([this] { return m_watchUrl; });
}

void ChatWatchClient::stop()
{
    m_channel->stop();
}

ConnectionState ChatWatchClient::state() const noexcept
{
    return m_channel->state();
}

int ChatWatchClient::connectionCount() const noexcept
{
    return m_channel->connectionCount();
}

void ChatWatchClient::handleFrame(const QString &frame)
{
    const QList<WatchEvent> events = ApiJson::decodeWatchFrame(frame.toUtf8());
    for (const WatchEvent &event : events)
        emit eventReceived(event);
}

} // namespace AgentDesk
