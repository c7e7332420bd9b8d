#pragma once

// The fixture of the tests that drive a ChatView alone: the view over its own
// MessageListModel, shown at a test's size before each test function and destroyed after it.

#include "models/MessageListModel.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"

#include <QObject>
#include <QSize>
#include <QTest>

#include <memory>

namespace AgentDesk::Testing {

class ChatViewTestCase : public QObject
{
    Q_OBJECT

protected:
    explicit ChatViewTestCase(QSize size)
        : m_size(size)
    {
    }

    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<ChatView> m_view; //!< Named chatView; links are kept in (no browser opens).

private slots:
    void init()
    {
        m_model = std::make_unique<MessageListModel>();
        m_view = std::make_unique<ChatView>();
        m_view->setObjectName(QStringLiteral("chatView"));
        m_view->setModel(m_model.get());
        m_view->messageDelegate()->setOpenLinksExternally(false);
        m_view->resize(m_size);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup()
    {
        m_view.reset();
        m_model.reset();
    }

private:
    QSize m_size;
};

} // namespace AgentDesk::Testing
