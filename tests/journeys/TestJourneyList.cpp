// Journeys through the chat list: PR badges through status changes, pinning and reordering,
// archiving with the archived view open, renaming, a new chat with the default model, a list
// that fails and recovers, Ctrl+K from the composer, marking a chat unread. The real window
// against a real agentdesk-sim, driven by clicks and keys, checked by what it paints.

#include "Journey.h"
#include "core/api/ApiClient.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/ModelConfigModel.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestJourneyList : public JourneyTestCase
{
    Q_OBJECT

public:
    TestJourneyList()
        : JourneyTestCase({.resetFaultsAfterEachTest = true})
    {
    }

private slots:

    //! Defect 6: a status_change without diff_status wiped the PR badge and the panel's PR.
    void prBadge_staysThroughStatusChanges()
    {
        Journey &j = *m_journey;
        const ChatId b = j.chatIdByTitle(Journey::chatB);
        ChatListModel *chats = j.app()->chatListModel();
        QCOMPARE(chats->indexOf(b).data(ChatListModel::PrStateRole).toString(), u"open"_s);
        // Every change of B's row while it works must keep the PR.
        QStringList seen;
        connect(chats, &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &from, const QModelIndex &to) {
                const QModelIndex row = chats->indexOf(b);
                if (row.parent() == from.parent() && row.row() >= from.row()
                    && row.row() <= to.row())
                    seen << row.data(ChatListModel::PrStateRole).toString();
            });
        QVERIFY(j.openChat(b));
        j.action(u"actionToggleSidePanel"_s)->trigger();
        auto *state = j.window()->findChild<QLabel *>(u"diffStateLabel"_s);
        QVERIFY(state);
        QTRY_VERIFY(state->text().contains(u"Open"_s, Qt::CaseInsensitive));
        // It opens at a readable width, not at the splitter's minimum.
        QTRY_VERIFY(j.window()->findChild<QWidget *>(u"diffPanel"_s)->width() >= 360);
        j.send(u"/scenario quick how is the PR?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(isActive(chats->chat(b)->status), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!isActive(chats->chat(b)->status), 20'000);
        QVERIFY(!seen.isEmpty());
        QVERIFY2(!seen.contains(QString()), qPrintable(seen.join(u',')));
        QCOMPARE(chats->indexOf(b).data(ChatListModel::PrStateRole).toString(), u"open"_s);
        QVERIFY(state->text().contains(u"Open"_s, Qt::CaseInsensitive));
        j.screenshot(u"pr-badge-after-turn"_s);
    }

    void pin_reorder_unpin_withKeys()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(Journey::chatC);
        QVERIFY(j.openChat(c));
        auto pinnedTitles = [&j] {
            QStringList titles;
            for (const PaintedChat &row : j.paintedChatList()) {
                const QModelIndex index = j.list()->indexOfChat(row.id);
                if (index.data(ChatListModel::IsPinnedRole).toBool() && row.inked)
                    titles << row.title;
            }
            return titles;
        };
        const QStringList before = pinnedTitles();
        QVERIFY(!before.contains(Journey::chatC));
        j.press(QKeySequence(u"Ctrl+D"_s));
        QTRY_COMPARE(pinnedTitles(), before + QStringList{Journey::chatC});
        j.press(QKeySequence(u"Ctrl+Shift+Up"_s));
        QStringList moved = before;
        moved.insert(moved.size() - 1, Journey::chatC);
        QTRY_COMPARE(pinnedTitles(), moved);
        // The server agrees.
        QTRY_COMPARE(j.serverChat(c).value("pin_order"_L1).toInt(), int(before.size()));
        j.press(QKeySequence(u"Ctrl+D"_s));
        QTRY_COMPARE(pinnedTitles(), before);
        QTRY_COMPARE(j.serverChat(c).value("pin_order"_L1).toInt(), 0);
    }

    //! Defect 8: archiving moves the row to the archived view at once, and back.
    void archive_thenUnarchive_withArchivedViewOpen()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(Journey::chatC);
        auto painted = [&j](const ChatId &id) {
            for (const PaintedChat &row : j.paintedChatList()) {
                if (row.id == id && row.inked)
                    return true;
            }
            return false;
        };
        QVERIFY(j.openChat(c));
        j.press(QKeySequence(u"Ctrl+Shift+A"_s));
        QTRY_VERIFY(!painted(c));
        QTRY_VERIFY(j.serverChat(c).value("archived"_L1).toBool());
        j.press(QKeySequence(u"Ctrl+Shift+H"_s)); // the archived view
        QTRY_VERIFY_WITH_TIMEOUT(painted(c), 3'000);
        j.screenshot(u"archived-view"_s);
        QVERIFY(j.openChat(c));
        j.press(QKeySequence(u"Ctrl+Shift+A"_s)); // unarchive
        QTRY_VERIFY(!painted(c));
        QTRY_VERIFY(!j.serverChat(c).value("archived"_L1).toBool());
        j.press(QKeySequence(u"Ctrl+Shift+H"_s));
        QTRY_VERIFY_WITH_TIMEOUT(painted(c), 3'000);
    }

    void rename_withF2()
    {
        Journey &j = *m_journey;
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        j.press(QKeySequence(Qt::Key_F2));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = j.window()->findChild<QDialog *>(u"renameDialog"_s)));
        QTRY_VERIFY(dialog->isVisible());
        auto *field = dialog->findChild<QLineEdit *>();
        QVERIFY(field);
        QTRY_VERIFY(field->hasFocus());
        QTest::keySequence(field, QKeySequence::SelectAll);
        QTest::keyClicks(field, u"Login e2e, stabilised"_s);
        j.screenshot(u"rename-dialog"_s);
        QTest::keyClick(field, Qt::Key_Return);
        auto title = [&j, &a] {
            for (const PaintedChat &row : j.paintedChatList()) {
                if (row.id == a)
                    return row.title;
            }
            return QString();
        };
        QTRY_COMPARE(title(), u"Login e2e, stabilised"_s);
        QTRY_COMPARE(j.serverChat(a).value("title"_L1).toString(), u"Login e2e, stabilised"_s);
        // Put it back for the other journeys.
        QVERIFY(j.serverRequest(
                    "PATCH", j.chatsPrefix() + u'/' + a.toString(), {{u"title"_s, Journey::chatA}})
            < 300);
    }

    //! Defect 7: the default model is preselected and a create carries model_config_id.
    void newChat_withTheDefaultModel()
    {
        Journey &j = *m_journey;
        QDialog *dialog = j.openNewChatDialog();
        QVERIFY(dialog);
        auto *picker = dialog->findChild<QComboBox *>(u"newChatModel"_s);
        QVERIFY(picker);
        QTRY_VERIFY(picker->isEnabled() && picker->currentIndex() >= 0);
        const QString chosen = picker->currentText();
        QVERIFY(!chosen.isEmpty());
        auto *prompt = dialog->findChild<QPlainTextEdit *>(u"newChatPrompt"_s);
        QVERIFY(prompt);
        QTest::keyClicks(prompt, u"/scenario quick A brand new chat"_s);
        j.screenshot(u"new-chat-dialog"_s);
        QTest::mouseClick(
            dialog->findChild<QAbstractButton *>(u"newChatCreateButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 10'000);
        const ChatId created = j.window()->visibleChatId();
        QVERIFY(!created.isNull());
        QTRY_VERIFY(j.paints(u"A brand new chat"_s));
        // The server's chat runs on the model the picker showed.
        const QJsonObject chat = j.serverChat(created);
        const QString configId = chat.value("last_model_config_id"_L1).toString();
        QVERIFY2(!configId.isEmpty(), "the create request carried no model_config_id");
        QCOMPARE(picker->currentData(ModelConfigModel::ModelConfigIdRole)
                     .value<ModelConfigId>()
                     .toString(),
            configId);
    }

    //! Defect 9: a 503 on the list was shown for a moment and never retried.
    void listAnswers503_thenRecovers()
    {
        Journey &j = *m_journey;
        // Another client renames a chat while the list is failing: only a re-list shows it.
        QVERIFY(j.sim().setFaults({{u"fail_route"_s,
            QJsonObject{{u"pattern"_s, u"^/api/(experimental|v2)/chats$"_s},
                {u"method"_s, u"GET"_s}, {u"status"_s, 503}, {u"count"_s, 2}}}}));
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        j.press(QKeySequence(Qt::Key_F5));
        auto *indicator = j.window()->findChild<QLabel *>(u"connectionIndicator"_s);
        QVERIFY(indicator);
        // The window says the list is stale instead of "Live".
        QTRY_VERIFY_WITH_TIMEOUT(
            indicator->text() != u"Live"_s && indicator->text() != u"Connecting\u2026"_s, 5'000);
        j.screenshot(u"list-503"_s);
        QVERIFY(j.serverRequest("PATCH", j.chatsPrefix() + u'/' + a.toString(),
                    {{u"title"_s, u"Renamed elsewhere"_s}})
            < 300);
        // It recovers by itself, and the list then matches the server.
        QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), u"Live"_s, 20'000);
        QTRY_COMPARE(j.app()->chatListModel()->chat(a)->title, u"Renamed elsewhere"_s);
        QVERIFY(j.serverRequest(
                    "PATCH", j.chatsPrefix() + u'/' + a.toString(), {{u"title"_s, Journey::chatA}})
            < 300);
    }

    //! Defect 11: Ctrl+K went into the composer.
    void ctrlK_fromTheComposer_focusesSearch()
    {
        Journey &j = *m_journey;
        QVERIFY(j.clickChat(Journey::chatA));
        j.type(u"draft text"_s);
        QVERIFY(j.editor()->hasFocus());
        j.press(QKeySequence(u"Ctrl+K"_s));
        auto *search = j.window()->findChild<QLineEdit *>(u"chatSearchField"_s);
        QTRY_VERIFY(search->hasFocus());
        QCOMPARE(j.editor()->toPlainText(), u"draft text"_s);
        j.editor()->clear();
    }

    //! Defect 12: "Mark as unread" did nothing visible.
    void markUnread_staysUntilOpened_andSurvivesRestart()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(Journey::chatC);
        QVERIFY(j.openChat(c));
        ChatListModel *chats = j.app()->chatListModel();
        QTRY_VERIFY(!chats->chat(c)->hasUnread);
        j.press(QKeySequence(u"Ctrl+Shift+U"_s));
        QTRY_VERIFY(chats->chat(c)->hasUnread);
        QTest::qWait(500); // the open chat must not mark itself read again
        QVERIFY(chats->chat(c)->hasUnread);
        QVERIFY(j.action(u"actionToggleRead"_s)->text().remove(u'&').contains(u"Read"_s));
        j.screenshot(u"marked-unread"_s);
        // Kept across a restart, cleared when the chat is opened.
        QVERIFY(j.clickChat(Journey::chatA));
        j.quitApp();
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        chats = j.app()->chatListModel();
        QTRY_VERIFY(chats->chat(c) && chats->chat(c)->hasUnread);
        QVERIFY(j.clickChat(c));
        QTRY_VERIFY(!chats->chat(c)->hasUnread);
    }
};

QTEST_MAIN(TestJourneyList)
#include "TestJourneyList.moc"
