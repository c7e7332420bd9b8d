#pragma once

#include "core/api/ApiTypes.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace AgentDesk {

//! One notification TrayNotifier wants shown.
struct NotificationRequest
{
    enum class Kind { Finished, Failed, NeedsInput };

    ChatId chatId;
    Kind kind = Kind::Finished;
    QString summary;       //!< Plain text, usually the chat title.
    QString body;          //!< Plain text; the sink escapes it if the server speaks markup.
    bool canStop = false;  //!< Offer "Stop" (the chat may still be busy).
    bool playSound = true; //!< The settings' "play a sound"; off asks the server for silence.
    //! Answers offered as actions "answer:<i>" (an agent's question, §20.4.2); empty = none.
    QStringList answers;
};

//! Where notifications go. An interface so TrayNotifier can be tested without a session bus;
//! the app uses DesktopNotifications, tests a recording fake.
class NotificationSink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~NotificationSink() override = default;

    //! False while no notification server answers (the tray balloon is used instead).
    virtual bool isAvailable() const = 0;
    //! Shows or replaces the chat's notification (one per chat, so bursts do not pile up).
    virtual void show(const NotificationRequest &request) = 0;

signals:
    //! The user clicked the notification ("default"), or one of its actions ("open", "stop").
    void activated(const AgentDesk::ChatId &chatId, const QString &action);
};

//! org.freedesktop.Notifications over QtDBus (Desktop Notifications Specification 1.2):
//! Notify with "default"/"open"/"stop" actions when the server's GetCapabilities lists
//! "actions", ActionInvoked and NotificationClosed to map clicks back to chats. Everything is
//! asynchronous; without a session bus or server isAvailable() stays false.
class DesktopNotifications final : public NotificationSink
{
    Q_OBJECT

public:
    explicit DesktopNotifications(const QString &appName, QObject *parent = nullptr);

    bool isAvailable() const override { return m_available; }
    void show(const NotificationRequest &request) override;
    QStringList capabilities() const { return m_capabilities; }

private slots:
    // QtDBus connects signals by signature string only (no function-pointer overload exists in
    // Qt 6.4), so these two must be slots.
    void handleActionInvoked(uint id, const QString &actionKey);
    void handleNotificationClosed(uint id, uint reason);

private:
    void queryCapabilities();
    void handleNotified(const ChatId &chatId, uint id);

    QString m_appName;
    bool m_available = false;
    QStringList m_capabilities;
    QHash<uint, ChatId> m_chatByNotification;
    QHash<ChatId, uint> m_notificationByChat;
    //! Chats whose Notify has not answered yet, with the newest request that came meanwhile:
    //! it is sent once the id to replace is known, so a chat never shows two notifications.
    QHash<ChatId, std::optional<NotificationRequest>> m_inFlight;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::NotificationRequest)
