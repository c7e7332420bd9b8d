#pragma once

// A NotificationSink that records what would have gone to the desktop's notification server,
// and clicks a notification's action the way the desktop reports it.

#include "platform/DesktopNotifications.h"

#include <QList>

namespace AgentDesk::Testing {

class FakeNotificationSink final : public NotificationSink
{
public:
    using NotificationSink::NotificationSink;
    bool isAvailable() const override { return true; }
    void show(const NotificationRequest &request) override { shown.append(request); }
    void click(const ChatId &id, const QString &action) { emit activated(id, action); }

    QList<NotificationRequest> shown;
};

} // namespace AgentDesk::Testing
