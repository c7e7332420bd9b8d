#pragma once

#include "core/api/ApiTypes.h"
#include "platform/DesktopNotifications.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace AgentDesk {

class AppSettings;
class ChatListModel;
class Icons;

//! The app's presence outside its window: the tray icon (tooltip with the unread count, a menu
//! listing chats that need the user and chats at work, Show/Hide, Quit) and the notifications
//! for root chats that finish, fail or ask for input (product.md rows 37, 38, 41). It never
//! notifies about the chat the user is looking at in a focused window, and honours the
//! notification toggles of AppSettings. Notifications go to a NotificationSink (desktop
//! notifications over D-Bus in the app); without one, the tray balloon is used.
class TrayNotifier final : public QObject
{
    Q_OBJECT

public:
    //! Gives the chat on screen in a focused window, or a null id when no window has focus.
    using FocusedChatProvider = std::function<ChatId()>;

    //! `sink` may be null; none of the pointers is owned.
    TrayNotifier(Icons *icons, AppSettings *settings, ChatListModel *chats, NotificationSink *sink,
        QObject *parent = nullptr);
    ~TrayNotifier() override;

    void setFocusedChatProvider(FocusedChatProvider provider);
    //! Shows the tray icon when the desktop has a tray; false when it has none.
    bool showTrayIcon();
    bool isTrayVisible() const;
    //! The tray menu (rebuilt each time it opens); exposed for tests and screenshots.
    QMenu *trayMenu() const { return m_menu; }
    void rebuildMenu();
    QString toolTip() const { return m_toolTip; }

    //! Connected to ChatDirectory::chatStatusChanged.
    void handleStatusChanged(const ChatId &id, ChatStatus previous, ChatStatus current);

signals:
    void openChatRequested(const AgentDesk::ChatId &id);
    void stopChatRequested(const AgentDesk::ChatId &id);
    void toggleWindowRequested();
    void quitRequested();
    //! A notification was handed to the sink or the balloon (tests, diagnostics).
    void notified(const AgentDesk::NotificationRequest &request);

private:
    void handleSinkActivated(const ChatId &id, const QString &action);
    void updateToolTip();
    void scheduleToolTipUpdate();

    Icons *m_icons;
    AppSettings *m_settings;
    ChatListModel *m_chats;
    QPointer<NotificationSink> m_sink;
    FocusedChatProvider m_focusedChat;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu;
    QTimer m_toolTipTimer;
    QString m_toolTip;
    ChatId m_lastBalloonChat;
};

} // namespace AgentDesk
