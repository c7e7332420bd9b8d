#include "core/live/LiveClient.h"

namespace AgentDesk {

LiveClient::LiveClient(RequestFactory factory, WebSocketChannel::Category category, QObject *parent)
    : QObject(parent)
    , m_channel(new WebSocketChannel(std::move(factory), category, this))
{
    connect(m_channel, &WebSocketChannel::stateChanged, this, &LiveClient::stateChanged);
    connect(m_channel, &WebSocketChannel::textFrameReceived, this, &LiveClient::handleFrame);
}

void LiveClient::stop()
{
    m_channel->stop();
}

ConnectionState LiveClient::state() const noexcept
{
    return m_channel->state();
}

int LiveClient::connectionCount() const noexcept
{
    return m_channel->connectionCount();
}

} // namespace AgentDesk
