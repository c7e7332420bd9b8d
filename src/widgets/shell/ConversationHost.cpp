#include "widgets/shell/ConversationHost.h"

#include "core/api/ChatRules.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/QueueModel.h"
#include "models/Session.h"
#include "widgets/conversation/ConversationWidget.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ConversationHost::ConversationHost(const MainWindow::Dependencies &deps, QWidget *parent)
    : QWidget(parent)
    , m_deps(deps)
    , m_widget(new ConversationWidget(deps.icons, deps.settings, deps.drafts, this))
    , m_messages(new MessageListModel(this))
    , m_queue(new QueueModel(this))
{
    setObjectName(u"conversationHost"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_widget);
    m_widget->setModelConfigs(deps.modelConfigs);
    m_widget->setUploader(deps.api, deps.uploads, {});
    m_widget->setFileCache(deps.files);
}

ConversationHost::~ConversationHost()
{
    // The open chat's stream closes with the pane (the Session would delete it later anyway).
    closeSession();
}

void ConversationHost::closeSession()
{
    ChatSession *previous = m_session;
    if (!previous)
        return;
    m_session = nullptr;
    if (m_deps.session)
        m_deps.session->closeChat(previous);
}

void ConversationHost::show(const ChatId &id, const QString &title)
{
    // The previous chat goes first: the models are shared, and nothing of it may reach
    // them once the next chat has reset them.
    closeSession();
    if (m_deps.session)
        m_session = m_deps.session->openChat(id, m_messages, m_queue);
    if (m_session) {
        m_widget->setSession(m_session, m_messages, m_queue, title);
        m_session->open();
        // Until the stream's first status arrives, the list's status says whether a call
        // without a result is still running (not the previous chat's).
        const Chat *known = m_deps.chats ? m_deps.chats->chat(id) : nullptr;
        m_messages->setChatActive(known && isActive(known->status));
    } else {
        m_widget->setSession(nullptr, nullptr, nullptr, QString());
    }
}

void ConversationHost::setTitle(const QString &title)
{
    m_widget->setTitle(title);
}

void ConversationHost::interrupt()
{
    m_widget->interrupt();
}

void ConversationHost::focusComposer()
{
    m_widget->focusComposer();
}

} // namespace AgentDesk
