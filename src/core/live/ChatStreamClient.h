#pragma once

#include "core/api/ApiTypes.h"
#include "core/live/LiveClient.h"

#include <QList>
#include <QUrl>

#include <optional>

namespace AgentDesk {

//! The per-chat event stream `{P}/{chat}/stream` (coder-chats-protocol.md §12): decodes each
//! frame into one batch of StreamEvents and resumes after a drop with `after_id` = the highest
//! committed message id seen, so the snapshot replays only what is missing.
class ChatStreamClient final : public LiveClient
{
    Q_OBJECT

public:
    //! The largest message id trusted as a resume position. Ids are JSON numbers, exact only
    //! up to 2^53 in most clients, and no deployment comes near it: a larger id (say 2^63 − 1
    //! from a hostile server) would silence every later replay.
    static constexpr qint64 maxTrustedMessageId = qint64(1) << 53;
    static constexpr bool isTrustedResumeId(MessageId id) noexcept
    {
        return id.isValid() && id.value <= maxTrustedMessageId;
    }

    //! `streamUrl` without a query (ApiClient::streamUrl(chat, std::nullopt)).
    ChatStreamClient(QUrl streamUrl, RequestFactory factory, QObject *parent = nullptr);

    void start();

    //! Sets the resume position exactly (e.g. seeded from the REST history, or cleared). An
    //! untrusted id (isTrustedResumeId) clears it: the next connection replays everything.
    void setAfterId(std::optional<MessageId> id);
    //! Raises the resume position to `id` if it is higher (the owner saw a committed message).
    //! Untrusted ids are ignored.
    void noteCommitted(MessageId id);
    std::optional<MessageId> afterId() const noexcept { return m_afterId; }
    //! The URL the next attempt will use.
    QUrl nextUrl() const;

    //! For tests and diagnostics, beside connectionCount().
    qint64 framesReceived() const noexcept { return m_frames; }

signals:
    //! A (re)connection opened; emitted before its first frame. The assembler must drop its
    //! half-streamed preview now: the snapshot replays it (§13.8).
    void connectionOpened();
    //! One frame's events, in order. Unknown event types are included (and to be skipped).
    void eventsReceived(const QList<StreamEvent> &events);
    //! The server refused `after_id` (400): the next connection replays the whole history.
    void resyncStarted();

private:
    void handleFrame(const QString &frame) override;
    void trackCommitted(MessageId id);
    void handleUpgradeRejected(int httpStatus);

    QUrl m_streamUrl;
    ChatId m_chatId; //!< From the URL; events of other chats do not move after_id.
    std::optional<MessageId> m_afterId;
    bool m_omitAfterId = false; //!< Next attempt without after_id (after a 400).
    bool m_lastAttemptHadAfterId = false;
    //! The last committed id this connection delivered: ids of one connection only ascend
    //! (§12.3), until a history_reset starts them again.
    qint64 m_connectionLastId = 0;
    qint64 m_frames = 0;
};

} // namespace AgentDesk
