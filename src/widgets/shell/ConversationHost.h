#pragma once

#include "models/ChatSession.h"
#include "widgets/shell/MainWindow.h"

#include <QPointer>
#include <QWidget>

namespace AgentDesk {

class ConversationWidget;
class MessageListModel;
class QueueModel;

//! The conversation pane (objectName conversationHost) and the one open chat behind it: its
//! message and queue models. The chat's session comes from the signed-in Session, which owns
//! it; only this chat has an open /stream (§14.10), and switching closes the previous one, which
//! also moves the server's read cursor.
class ConversationHost final : public QWidget
{
    Q_OBJECT

public:
    ConversationHost(const MainWindow::Dependencies &deps, QWidget *parent = nullptr);
    ~ConversationHost() override;

    //! Opens `id` (null = the empty state).
    void show(const ChatId &id, const QString &title);

    void setTitle(const QString &title);
    void interrupt();
    void focusComposer();
    ConversationWidget *widget() const { return m_widget; }
    ChatSession *session() const { return m_session; }

private:
    void closeSession();

    MainWindow::Dependencies m_deps;
    ConversationWidget *m_widget;
    MessageListModel *m_messages;
    QueueModel *m_queue;
    QPointer<ChatSession> m_session;
};

} // namespace AgentDesk
