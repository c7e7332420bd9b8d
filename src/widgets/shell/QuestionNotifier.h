#pragma once

#include "core/api/ApiTypes.h"
#include "platform/DesktopNotifications.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace AgentDesk {

class ApiClient;
class AppSettings;
class ChatListModel;

//! "Agent asks: …" (§20.4.2): when a chat the user is not looking at stops with an open
//! ask_user_question (the latest question, completed, no user message after it), its
//! notification says the question; with a single question its options are notification actions
//! (where the server supports actions), and picking one sends that option as the answer, as the
//! form would. It replaces the chat's "finished" notification (one notification per chat).
class QuestionNotifier final : public QObject
{
    Q_OBJECT

public:
    using FocusedChatProvider = std::function<ChatId()>;

    //! None of the pointers is owned; `settings` may be null.
    QuestionNotifier(ApiClient *api, ChatListModel *chats, NotificationSink *sink,
        AppSettings *settings, QObject *parent = nullptr);

    void setFocusedChatProvider(FocusedChatProvider provider);
    //! Connected to ChatDirectory::chatStatusChanged.
    void handleStatusChanged(const ChatId &id, ChatStatus previous, ChatStatus current);

signals:
    //! A question notification was handed to the sink (tests, diagnostics).
    void notified(const AgentDesk::NotificationRequest &request);
    //! An option picked in a notification was sent as the answer.
    void answered(const AgentDesk::ChatId &id, const QString &text);

private:
    void handleMessages(const ChatId &id, const QList<ChatMessage> &messages);
    void handleActivated(const ChatId &id, const QString &action);

    QPointer<ApiClient> m_api;
    QPointer<ChatListModel> m_chats;
    QPointer<NotificationSink> m_sink;
    AppSettings *m_settings;
    FocusedChatProvider m_focusedChat;
    QHash<ChatId, QStringList> m_answers; //!< Per chat: the options its notification offers.
};

} // namespace AgentDesk
