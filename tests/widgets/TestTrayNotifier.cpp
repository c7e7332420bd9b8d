// Notifications: which status changes speak, which stay quiet, and where a click leads.

#include "FakeNotificationSink.h"
#include "core/storage/AppSettings.h"
#include "models/ChatListModel.h"
#include "platform/DesktopNotifications.h"
#include "support/NumberedChat.h"
#include "support/ScratchSettings.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/TrayNotifier.h"

#include <QDir>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

Chat makeChat(int n, ChatStatus status)
{
    return numberedChat(
        u"10000000"_s, n, u"Chat %1"_s.arg(n), status, QDateTime::currentDateTimeUtc());
}

} // namespace

class TestTrayNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_scratch = std::make_unique<ScratchSettings>();
        m_model = std::make_unique<ChatListModel>();
        m_sink = std::make_unique<FakeNotificationSink>();
        m_notifier = std::make_unique<TrayNotifier>(
            &m_icons, &m_scratch->settings, m_model.get(), m_sink.get());
        m_focused = ChatId();
        m_notifier->setFocusedChatProvider([this] { return m_focused; });

        Chat root = makeChat(1, ChatStatus::Running);
        Chat child = makeChat(2, ChatStatus::Running);
        child.parentChatId = root.id;
        child.rootChatId = root.id;
        root.children = {child};
        m_model->replaceAll({root, makeChat(3, ChatStatus::Waiting)});
        m_root = root.id;
        m_child = child.id;
        // Status changes reach the notifier the way ChatDirectory passes them on.
        connect(m_model.get(), &ChatListModel::statusChanged, m_notifier.get(),
            &TrayNotifier::handleStatusChanged);
    }

    void cleanup()
    {
        m_notifier.reset();
        m_sink.reset();
        m_model.reset();
        m_scratch.reset();
    }

    void statusChange_ofRoot_notifies_data()
    {
        QTest::addColumn<ChatStatus>("to");
        QTest::addColumn<NotificationRequest::Kind>("kind");
        QTest::newRow("finished") << ChatStatus::Waiting << NotificationRequest::Kind::Finished;
        QTest::newRow("failed") << ChatStatus::Error << NotificationRequest::Kind::Failed;
        QTest::newRow("needs input")
            << ChatStatus::RequiresAction << NotificationRequest::Kind::NeedsInput;
    }

    void statusChange_ofRoot_notifies()
    {
        QFETCH(ChatStatus, to);
        QFETCH(NotificationRequest::Kind, kind);
        Chat chat = *m_model->chat(m_root);
        chat.status = to;
        if (to == ChatStatus::Error)
            chat.lastError = ChatError{u"Provider overloaded"_s, {}, {}, {}, {}, true, 529};
        m_model->upsert(chat);
        QCOMPARE(m_sink->shown.size(), 1);
        QCOMPARE(m_sink->shown.first().chatId, m_root);
        QCOMPARE(m_sink->shown.first().kind, kind);
        QCOMPARE(m_sink->shown.first().summary, u"Chat 1"_s);
        if (to == ChatStatus::Error)
            QCOMPARE(m_sink->shown.first().body, u"Provider overloaded"_s);
        QVERIFY(!m_sink->shown.first().playSound); // quiet unless the user asks for sound
    }

    void soundSetting_on_asksForTheSound()
    {
        m_scratch->settings.setNotificationSound(true);
        setStatus(m_root, ChatStatus::Waiting);
        QCOMPARE(m_sink->shown.size(), 1);
        QVERIFY(m_sink->shown.first().playSound);
    }

    void statusChange_ofChild_isQuiet()
    {
        setStatus(m_child, ChatStatus::Waiting);
        QVERIFY(m_sink->shown.isEmpty());
    }

    void statusChange_ofFocusedChat_isQuiet()
    {
        m_focused = m_root;
        setStatus(m_root, ChatStatus::Waiting);
        QVERIFY(m_sink->shown.isEmpty());
    }

    void statusChange_withToggleOff_isQuiet()
    {
        m_scratch->settings.setNotifyOnFinished(false);
        setStatus(m_root, ChatStatus::Waiting);
        QVERIFY(m_sink->shown.isEmpty());

        m_scratch->settings.setNotifyOnError(false);
        setStatus(m_root, ChatStatus::Error);
        QVERIFY(m_sink->shown.isEmpty());

        m_scratch->settings.setNotifyOnNeedsInput(false);
        setStatus(m_root, ChatStatus::RequiresAction);
        QVERIFY(m_sink->shown.isEmpty());
    }

    void startingWork_isQuiet()
    {
        setStatus(m_root, ChatStatus::Pending);
        QVERIFY(m_sink->shown.isEmpty());
    }

    void click_opensChat_stopInterrupts()
    {
        QSignalSpy open(m_notifier.get(), &TrayNotifier::openChatRequested);
        QSignalSpy stop(m_notifier.get(), &TrayNotifier::stopChatRequested);
        m_sink->click(m_root, u"default"_s);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().value<ChatId>(), m_root);
        m_sink->click(m_root, u"stop"_s);
        QCOMPARE(stop.count(), 1);
    }

    void trayMenu_listsChatsAtWorkAndNeedingYou()
    {
        Chat chat = makeChat(4, ChatStatus::RequiresAction);
        m_model->upsert(chat);
        m_notifier->rebuildMenu();
        QStringList texts;
        for (QAction *action : m_notifier->trayMenu()->actions())
            texts << action->text();
        QVERIFY2(texts.contains(u"Chat 4"_s), qPrintable(texts.join(u", "_s)));
        QVERIFY(texts.contains(u"Chat 1"_s));
        QVERIFY(!texts.contains(u"Chat 3"_s)); // idle chats are not a peek's business
        QSignalSpy open(m_notifier.get(), &TrayNotifier::openChatRequested);
        for (QAction *action : m_notifier->trayMenu()->actions()) {
            if (action->text() == u"Chat 4")
                action->trigger();
        }
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().value<ChatId>(), chat.id);
    }

    void toolTip_countsUnread()
    {
        Chat chat = *m_model->chat(m_root);
        chat.hasUnread = true;
        m_model->upsert(chat);
        QTRY_VERIFY(m_notifier->toolTip().contains(u"1 unread chat"_s));
    }

private:
    //! The chat's status changes to `status` the way the server's updates change it.
    void setStatus(const ChatId &id, ChatStatus status)
    {
        Chat chat = *m_model->chat(id);
        chat.status = status;
        m_model->upsert(chat);
    }

    Icons m_icons;
    std::unique_ptr<ScratchSettings> m_scratch;
    std::unique_ptr<ChatListModel> m_model;
    std::unique_ptr<FakeNotificationSink> m_sink;
    std::unique_ptr<TrayNotifier> m_notifier;
    ChatId m_focused;
    ChatId m_root;
    ChatId m_child;
};

QTEST_MAIN(TestTrayNotifier)
#include "TestTrayNotifier.moc"
