#include "core/live/ChatStreamClient.h"

#include "core/Logging.h"
#include "core/api/ApiJson.h"

#include <QUrlQuery>

namespace AgentDesk {

using namespace Qt::StringLiterals;

ChatStreamClient::ChatStreamClient(QUrl streamUrl, RequestFactory factory, QObject *parent)
    : LiveClient(std::move(factory), &lcStream, parent)
    , m_streamUrl(std::move(streamUrl))
    , m_chatId(ChatId::fromString(m_streamUrl.path().section(u'/', -2, -2)))
{
    m_channel->setReconnectPolicy(ReconnectPolicy::forStream());
    connect(m_channel, &WebSocketChannel::opened, this, [this] {
        // A clean connection: a later 400 may again be answered by one retry without after_id.
        m_omitAfterId = false;
        m_connectionLastId = 0;
        emit connectionOpened();
    });
    connect(m_channel, &WebSocketChannel::upgradeRejected, this,
        &ChatStreamClient::handleUpgradeRejected);
}

void ChatStreamClient::start()
{
    m_channel->start([this] {
        const QUrl url = nextUrl();
        m_lastAttemptHadAfterId = url.hasQuery();
        return url;
    });
}

void ChatStreamClient::setAfterId(std::optional<MessageId> id)
{
    if (id && id->isValid() && !isTrustedResumeId(*id))
        qCWarning(lcStream) << "message id" << id->value << "is not trusted as a resume position";
    m_afterId = id && isTrustedResumeId(*id) ? id : std::nullopt;
}

void ChatStreamClient::noteCommitted(MessageId id)
{
    if (isTrustedResumeId(id) && (!m_afterId || *m_afterId < id))
        m_afterId = id;
}

QUrl ChatStreamClient::nextUrl() const
{
    QUrl url = m_streamUrl;
    if (m_afterId && !m_omitAfterId) // resume: the server replays only what we have not seen
        url.setQuery(QUrlQuery{{u"after_id"_s, QString::number(m_afterId->value)}});
    return url;
}

void ChatStreamClient::handleFrame(const QString &frame)
{
    ++m_frames;
    const QList<StreamEvent> events = ApiJson::decodeStreamFrame(frame.toUtf8());
    if (events.isEmpty())
        return; // a legacy ping, or a frame that did not decode (already logged)
    // Track the resume position ourselves too, so a drop resumes correctly even when the
    // owner has not processed the batch yet. Only committed messages of this chat count.
    for (const StreamEvent &event : events) {
        if (event.type == StreamEvent::Type::EnvelopeError)
            qCWarning(lcStream) << "stream error envelope:" << event.error.message;
        if (event.type == StreamEvent::Type::HistoryReset)
            m_connectionLastId = 0; // the full surviving history follows, from its start
        if (event.type == StreamEvent::Type::Message
            && (event.chatId.isNull() || m_chatId.isNull() || event.chatId == m_chatId))
            trackCommitted(event.message.id);
    }
    emit eventsReceived(events);
}

void ChatStreamClient::trackCommitted(MessageId id)
{
    if (!isTrustedResumeId(id)) {
        qCWarning(lcStream) << "message id" << id.value << "is not trusted as a resume position";
        return;
    }
    if (id.value < m_connectionLastId) {
        // Not ascending: one of the two ids is wrong, and which cannot be told. The higher one
        // is no longer trusted: resuming from the lower one can only replay more (the
        // assembler dedups), never hide messages.
        qCWarning(lcStream) << "message ids went back from" << m_connectionLastId << "to"
                            << id.value << "; the resume position is dropped";
        m_afterId.reset();
    }
    m_connectionLastId = id.value;
    noteCommitted(id);
}

void ChatStreamClient::handleUpgradeRejected(int httpStatus)
{
    if (httpStatus != 400)
        return; // 401/403/404 make the channel go Offline; others back off and retry
    if (m_lastAttemptHadAfterId && !m_omitAfterId) {
        // §10.2: the server did not like after_id; retry once without it and rebuild state.
        qCInfo(lcStream) << "400 with after_id; retrying without it";
        m_omitAfterId = true;
        emit resyncStarted();
        m_channel->reconnectNow();
        return;
    }
    m_channel->goOffline();
}

} // namespace AgentDesk
