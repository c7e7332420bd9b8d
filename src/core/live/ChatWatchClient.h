#pragma once

#include "core/api/ApiTypes.h"
#include "core/live/LiveClient.h"

#include <QUrl>

namespace AgentDesk {

//! The per-user chat feed `{P}/watch` (coder-chats-protocol.md §11). It has no snapshot and no
//! replay, so the consumer re-lists the chats on every connected().
class ChatWatchClient final : public LiveClient
{
    Q_OBJECT

public:
    ChatWatchClient(QUrl watchUrl, RequestFactory factory, QObject *parent = nullptr);

    void start();

signals:
    //! Every event of every kind, unknown kinds included (upsert when the chat is present).
    void eventReceived(const WatchEvent &event);
    //! A (re)connection opened: events may have been missed, re-list now (§11.3).
    void connected();
    //! The server refused the upgrade with this HTTP status (401: the session ended).
    void upgradeRejected(int httpStatus);

private:
    void handleFrame(const QString &frame) override;

    QUrl m_watchUrl;
};

} // namespace AgentDesk
