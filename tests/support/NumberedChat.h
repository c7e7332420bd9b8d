#pragma once

// Chats made up for list, tray and notification tests: numbered, so each has a stable id a
// failure message can name. Header-only.

#include "core/api/ApiTypes.h"

#include <QDateTime>
#include <QUuid>

namespace AgentDesk::Testing {

//! A root chat whose id ends in `n` (`<idPrefix>-0000-0000-0000-<n as 12 digits>`), titled
//! `title`, in `status`, last updated at `updatedAt`.
inline Chat numberedChat(const QString &idPrefix, int n, const QString &title, ChatStatus status,
    const QDateTime &updatedAt)
{
    Chat chat;
    chat.id = ChatId(QUuid(idPrefix + QStringLiteral("-0000-0000-0000-")
        + QStringLiteral("%1").arg(n, 12, 10, QLatin1Char('0'))));
    chat.rootChatId = chat.id;
    chat.title = title;
    chat.status = status;
    chat.updatedAt = updatedAt;
    return chat;
}

} // namespace AgentDesk::Testing
