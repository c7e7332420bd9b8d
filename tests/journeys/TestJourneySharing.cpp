// Journeys of shared chats and workspace context (issue 13, protocol §20.3 and §20.5), run once
// per server generation: a chat another user shared opens read only under "Shared with you"; the
// owner shares a chat with a user and removes them again (the simulator's ACL says so); a dirty
// workspace context shows a banner whose Refresh re-pins it (PUT {chat}/context), and the
// Context popover lists the resources. On the legacy generation (no sharing, no context) the
// journeys check that none of this UI is offered. The real window against a real agentdesk-sim,
// driven by clicks and keys, checked by what it paints.

#include "Journey.h"
#include "models/ChatListModel.h"
#include "widgets/chatlist/ChatListDelegate.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/conversation/ChatInfoBar.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ContextPopover.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/dialogs/ShareDialog.h"
#include "widgets/shell/ErrorBanner.h"
#include "widgets/shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QTest>
#include <QToolButton>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString ownChat = u"Fix flaky login e2e test"_s;                // alice's, shared with carol
const QString sharedChat = u"Migrate the billing cron to Temporal"_s; // bob's, shared with alice
const QString dirtyChat = u"Add CSV export to the reports page"_s;    // context dirty at start

bool painted(Journey &j, const ChatId &id)
{
    for (const PaintedChat &row : j.paintedChatList()) {
        if (row.id == id && row.inked)
            return true;
    }
    return false;
}

//! The list's index of a painted row.
QModelIndex listIndexOf(Journey &j, const ChatId &id)
{
    for (const PaintedChat &row : j.paintedChatList()) {
        if (row.id == id)
            return j.list()->indexAt(row.rect.center());
    }
    return {};
}

} // namespace

class TestJourneySharing : public JourneyTestCase
{
    Q_OBJECT

public:
    TestJourneySharing()
        : JourneyTestCase({})
    {
    }

private slots:

    //! §20.3.5, §20.3.4: bob's chat shared with alice is listed under "Shared with you"; opened,
    //! it is read only: a line says who shared it, there is no composer, no Edit, and none of the
    //! owner's actions; the transcript is the server's.
    void sharedChat_opensReadOnlyWithItsOwner()
    {
        Journey &j = *m_journey;
        if (Journey::isLegacy()) {
            // A pre-2.37 server has no sharing: no section, no Share action.
            QVERIFY(j.chatIdByTitle(sharedChat).isNull());
            QVERIFY(!j.action(u"actionShare"_s)->isVisible());
            for (const PaintedChat &row : j.paintedChatList())
                QVERIFY(ChatListDelegate::sectionOf(listIndexOf(j, row.id))
                    != ChatListDelegate::Section::SharedWithYou);
            return;
        }
        const ChatId shared = j.chatIdByTitle(sharedChat);
        QVERIFY(!shared.isNull());
        QTRY_VERIFY(painted(j, shared));
        const QModelIndex row = listIndexOf(j, shared);
        QCOMPARE(ChatListDelegate::sectionOf(row), ChatListDelegate::Section::SharedWithYou);
        QCOMPARE(ChatListDelegate::sectionTitle(ChatListDelegate::Section::SharedWithYou),
            u"Shared with you"_s);
        QVERIFY(j.openChat(shared));
        QTRY_VERIFY_WITH_TIMEOUT(j.compareWithServer(shared).isEmpty(), 10'000);
        // The owner wrote the user messages: they are headed with bob's name, not "You".
        bool userRow = false;
        for (const PaintedMessage &message : j.paintedConversation()) {
            if (message.role != MessageRole::User)
                continue;
            userRow = true;
            QVERIFY2(message.rendered.trimmed().startsWith(u"Bob Okafor"_s),
                qPrintable(message.rendered));
        }
        QVERIFY(userRow);
        QLabel *sharedBy = j.conversation()->infoBar()->sharedByLabel();
        QTRY_VERIFY(sharedBy->isVisible());
        QCOMPARE(sharedBy->text(), u"Shared by Bob Okafor \u00b7 read only"_s);
        QVERIFY(!sharedBy->grab().toImage().isNull());
        QVERIFY(!j.composer()->isVisible());
        QVERIFY(j.conversation()->isReadOnly());
        QVERIFY(!j.chatView()->editAction()->isEnabled());
        for (const auto &name : {u"actionRename"_s, u"actionArchive"_s, u"actionTogglePin"_s,
                 u"actionEditLabels"_s, u"actionShare"_s, u"actionRegenerateTitle"_s})
            QVERIFY2(!j.action(name)->isEnabled(), qPrintable(name));
        QVERIFY(!j.clickButton(u"shareButton"_s));
        j.screenshot(u"shared-with-you"_s);
        // Back to an own chat: writable again.
        QVERIFY(j.openChat(j.chatIdByTitle(ownChat)));
        QTRY_VERIFY(j.composer()->isVisible());
        QVERIFY(!sharedBy->isVisible());
    }

    //! §20.3.3: a deployment that switched sharing off answers 403 on the ACL; the window
    //! asks once after the list loads and hides Share (legacy has no sharing at all).
    void share_hiddenWhenTheDeploymentDisablesIt()
    {
        m_journey->dropApp();
        Journey j(QStringList{u"--demo"_s, u"--disable-chat-sharing"_s});
        QVERIFY2(j.startSimulator(), qPrintable(j.errorString()));
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        QVERIFY(j.openChat(j.chatIdByTitle(ownChat)));
        QTRY_VERIFY_WITH_TIMEOUT(!j.action(u"actionShare"_s)->isVisible(), 10'000);
        QVERIFY(!j.clickButton(u"shareButton"_s));
        j.dropApp();
    }

    //! §20.3.2, §20.3.3, §20.3.7: the owner opens Share, adds bob with "Read" and removes him.
    //! The simulator's ACL follows each step.
    void share_addsAndRemovesAUser()
    {
        Journey &j = *m_journey;
        const ChatId own = j.chatIdByTitle(ownChat);
        QVERIFY(j.openChat(own));
        if (Journey::isLegacy()) {
            QVERIFY(!j.action(u"actionShare"_s)->isVisible());
            QVERIFY(!j.clickButton(u"shareButton"_s));
            return;
        }
        const QString aclPath = j.chatsPrefix() + u'/' + own.toString() + u"/acl"_s;
        auto serverUsers = [&j, &aclPath] {
            QJsonObject acl;
            j.serverRequest("GET", aclPath, {}, &acl);
            QStringList names;
            for (const QJsonValue &user : acl.value("users"_L1).toArray())
                names << user.toObject().value("username"_L1).toString();
            return names;
        };
        QCOMPARE(serverUsers(), QStringList{u"carol"_s});
        QTRY_VERIFY(j.clickButton(u"shareButton"_s));
        ShareDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = j.window()->findChild<ShareDialog *>()) && dialog->isVisible());
        QTRY_VERIFY(dialog->accessLines().contains(u"Carol Diaz (carol) \u2014 Read"_s));
        auto *search = dialog->findChild<QLineEdit *>(u"shareSearchEdit"_s);
        QTest::keyClicks(search, u"bob"_s);
        QTRY_COMPARE(dialog->resultLines(), QStringList{u"Bob Okafor (bob)"_s});
        auto *add = dialog->findChild<QPushButton *>(u"shareAddButton"_s);
        QTRY_VERIFY(add->isEnabled());
        Journey::screenshotOf(dialog, u"share-dialog-search"_s);
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY(dialog->accessLines().contains(u"Bob Okafor (bob) \u2014 Read"_s));
        QCOMPARE(dialog->statusText(), u"Member added to chat."_s);
        QCOMPARE(serverUsers(), (QStringList{u"bob"_s, u"carol"_s}));
        Journey::screenshotOf(dialog, u"share-dialog"_s);

        auto *access = dialog->findChild<QListWidget *>(u"shareAccessList"_s);
        const QList<QListWidgetItem *> bob =
            access->findItems(u"Bob Okafor (bob)"_s, Qt::MatchStartsWith);
        QCOMPARE(bob.size(), 1);
        QTest::mouseClick(
            access->viewport(), Qt::LeftButton, {}, access->visualItemRect(bob.first()).center());
        auto *remove = dialog->findChild<QPushButton *>(u"shareRemoveButton"_s);
        QTRY_VERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY(!dialog->accessLines().join(u'\n').contains(u"bob"_s));
        QCOMPARE(dialog->statusText(), u"Member removed from chat."_s);
        QCOMPARE(serverUsers(), QStringList{u"carol"_s});
        dialog->reject();
    }

    //! §20.5: a chat whose context drifted shows "The workspace context changed" with Refresh;
    //! Refresh sends PUT {chat}/context, the banner goes, and the server's chat is clean. The
    //! Context popover lists the pinned resources. A drift announced by the watch
    //! (context_dirty) brings the banner to the open chat.
    void context_dirtyBannerRefreshesAndThePopoverLists()
    {
        Journey &j = *m_journey;
        const ChatId dirty = j.chatIdByTitle(dirtyChat);
        QVERIFY(j.openChat(dirty));
        ChatInfoBar *info = j.conversation()->infoBar();
        ErrorBanner *banner = info->contextBanner();
        if (Journey::isLegacy()) {
            QTest::qWait(300); // nothing arrives that could show them; both stay hidden
            QVERIFY(!banner->isVisible());
            QVERIFY(!info->contextButton()->isVisible());
            return;
        }
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->text(), u"The workspace context changed"_s);
        QCOMPARE(banner->actionText(), u"Refresh"_s);
        QVERIFY(j.serverChat(dirty).value("context"_L1).toObject().value("dirty"_L1).toBool());

        QTRY_VERIFY(info->contextButton()->isVisible());
        QTRY_COMPARE(info->contextButton()->text(), u"Context (5)"_s);
        j.screenshot(u"context-dirty-banner"_s);
        QTest::mouseClick(info->contextButton(), Qt::LeftButton);
        ContextPopover *popover = info->contextPopover();
        QTRY_VERIFY(popover->isVisible());
        QTRY_VERIFY(!popover->lines().isEmpty());
        // It opens under the Context button, its right edge at the button's unless the screen
        // ends first.
        const QRect button(
            info->contextButton()->mapToGlobal(QPoint(0, 0)), info->contextButton()->size());
        const QRect screen = info->contextButton()->screen()->availableGeometry();
        QVERIFY(qAbs(popover->geometry().right() - button.right()) <= 1
            || popover->geometry().right() >= screen.right() - 1);
        QVERIFY(popover->geometry().top() >= button.bottom());
        const QString lines = popover->lines().join(u'\n');
        QVERIFY2(lines.contains(u"/home/coder/reports/AGENTS.md \u2014 instruction file"_s),
            qPrintable(lines));
        QVERIFY2(lines.contains(u"csv-export \u2014 skill"_s), qPrintable(lines));
        QVERIFY2(lines.contains(u"Tools: search_issues, create_pull_request"_s), qPrintable(lines));
        QVERIFY2(lines.contains(u"too large, left out"_s), qPrintable(lines));
        Journey::screenshotOf(j.window(), u"context-dirty"_s, popover);
        popover->hide();

        auto *refresh = banner->findChild<QPushButton *>();
        QVERIFY(refresh && refresh->isVisible());
        QTest::mouseClick(refresh, Qt::LeftButton);
        QTRY_VERIFY(!banner->isVisible());
        QVERIFY(!j.serverChat(dirty).value("context"_L1).toObject().value("dirty"_L1).toBool());
        // The refreshed snapshot (one more skill) is what the popover lists now.
        QTRY_COMPARE(info->contextButton()->text(), u"Context (6)"_s);

        // The agent pushes a differing snapshot: the watch says context_dirty, the banner is back.
        QVERIFY(j.sim().postControl(u"chats/"_s + dirty.toString() + u"/context-dirty"_s));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10'000);
        QCOMPARE(banner->text(), u"The workspace context changed"_s);
    }

    //! §20.2, for the record: a working chat's context menu offers Archive disabled, saying
    //! why (the screenshot shows the menu over the list).
    void archive_workingChat_menuSaysWhy()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(u"Explain the billing cron job"_s);
        QVERIFY(j.openChat(c));
        QVERIFY(j.sim().postControl(
            u"chats/"_s + c.toString() + u"/turn"_s, {{u"scenario"_s, u"long"_s}}));
        QTRY_VERIFY_WITH_TIMEOUT(j.status(c) == ChatStatus::Running, 10'000);
        QRect rowRect;
        for (const PaintedChat &row : j.paintedChatList()) {
            if (row.id == c)
                rowRect = row.rect;
        }
        QVERIFY(rowRect.isValid());
        QContextMenuEvent event(QContextMenuEvent::Mouse, rowRect.center(),
            j.list()->viewport()->mapToGlobal(rowRect.center()));
        QApplication::sendEvent(j.list()->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY(
            (menu = j.list()->findChild<QMenu *>(u"chatContextMenu"_s)) && menu->isVisible());
        QAction *archive = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text().startsWith(u"Archive"_s))
                archive = action;
        }
        QVERIFY(archive);
        QVERIFY(!archive->isEnabled());
        QCOMPARE(archive->text(), u"Archive (stop the agent first)"_s);
        QCOMPARE(archive->toolTip(), u"Stop the agent first"_s);
        QVERIFY(!j.action(u"actionArchive"_s)->isEnabled());
        Journey::screenshotOf(j.window(), u"archive-refused-menu"_s, menu);
        menu->close();
        QTRY_VERIFY_WITH_TIMEOUT(j.clickButton(u"stopButton"_s), 10'000);
    }
};

QTEST_MAIN(TestJourneySharing)
#include "TestJourneySharing.moc"
