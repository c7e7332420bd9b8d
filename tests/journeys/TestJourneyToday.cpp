// Journeys against today's Coder server (issue 13, protocol §20), run once per server generation
// like every journey: a session that asks for nothing the server does not serve (no 404 in the
// simulator's request log), archiving refused with the reason while the agent works, and the
// archive watch events (`deleted` with `archived: true`, then `created`) moving a chat into the
// open archived view and back out. The real window against a real agentdesk-sim, driven by clicks
// and keys, checked by what it paints.

#include "Journey.h"
#include "models/ChatListModel.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/shell/MainWindow.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QRegularExpression>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestJourneyToday : public JourneyTestCase
{
    Q_OBJECT

public:
    TestJourneyToday()
        : JourneyTestCase({.logRequests = true, .resetFaultsAfterEachTest = true})
    {
    }

private slots:

    //! §20.1.3: a session (sign-in, list, three chats, the archived view, the models of the new
    //! chat dialog) sends nothing the server answers with 404. Only a pre-2.37 server answers the
    //! one v2 probe with 404, which is how the client learns to use the experimental prefix.
    void session_asksForNothingTheServerDoesNotServe()
    {
        Journey &j = *m_journey;
        for (const QString &title : {Journey::chatA, Journey::chatB, Journey::chatC}) {
            const ChatId id = j.chatIdByTitle(title);
            QVERIFY(j.openChat(id));
            QTRY_VERIFY_WITH_TIMEOUT(j.compareWithServer(id).isEmpty(), 10'000);
        }
        j.press(QKeySequence(u"Ctrl+Shift+H"_s)); // the archived view lists archived chats
        j.press(QKeySequence(u"Ctrl+Shift+H"_s));
        QTRY_VERIFY(
            j.action(u"actionShowArchived"_s) && !j.action(u"actionShowArchived"_s)->isChecked());
        // The model catalog was asked for (org-scoped on v2 servers, §20.1.3 step 4).
        QTRY_VERIFY(j.sim().standardError().contains("/chats/models"));
        const QString generation = Journey::generationUnderTest();
        static const QRegularExpression notFound(
            u"^agentdesk\\.sim: (.*) 404$"_s, QRegularExpression::MultilineOption);
        QStringList refused;
        const QString log = QString::fromUtf8(j.sim().standardError());
        QVERIFY2(log.contains(u"/api/v2/users/me"_s), "the request log is missing");
        for (auto it = notFound.globalMatch(log); it.hasNext();) {
            const QString line = it.next().captured(1);
            if (generation == u"legacy"_s && line.contains(u"\"/api/v2/chats\""_s))
                continue; // the probe that detects a pre-2.37 server
            refused << line;
        }
        QVERIFY2(refused.isEmpty(), qPrintable(refused.join(u'\n')));
    }

    //! §20.2: a chat whose agent works (running; also interrupting and requires_action) is not
    //! offered for archiving (the server would answer 409); the action says why, and its shortcut
    //! sends nothing.
    void archive_workingChat_isRefusedWithTheReason()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(Journey::chatC);
        QVERIFY(j.openChat(c));
        QAction *archive = j.action(u"actionArchive"_s);
        QVERIFY(archive);
        QTRY_VERIFY(archive->isEnabled());
        QVERIFY(j.sim().postControl(
            u"chats/"_s + c.toString() + u"/turn"_s, {{u"scenario"_s, u"long"_s}}));
        ChatListModel *chats = j.app()->chatListModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            chats->chat(c) && chats->chat(c)->status == ChatStatus::Running, 10'000);
        QTRY_VERIFY(!archive->isEnabled());
        QCOMPARE(archive->toolTip(), u"Stop the agent first"_s);
        QCOMPARE(archive->statusTip(), u"Stop the agent first"_s);
        j.press(QKeySequence(u"Ctrl+Shift+A"_s)); // a disabled action: nothing happens
        j.screenshot(u"archive-refused"_s);
        // Nothing was sent: the row stays and the server's chat is not archived.
        QVERIFY(!j.serverChat(c).value("archived"_L1).toBool());
        bool painted = false;
        for (const PaintedChat &row : j.paintedChatList())
            painted = painted || (row.id == c && row.inked);
        QVERIFY(painted);
        // Once the agent has stopped, archiving is offered again.
        QTRY_VERIFY_WITH_TIMEOUT(j.clickButton(u"stopButton"_s), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(archive->isEnabled(), 10'000);
        QVERIFY(archive->toolTip() != u"Stop the agent first"_s);
    }

    //! §20.2: archived elsewhere (`deleted` with `archived: true`), the chat moves into the open
    //! archived view; unarchived (`created`), it leaves it and is back in the list.
    void archive_elsewhere_movesTheChatIntoTheOpenArchivedView()
    {
        Journey &j = *m_journey;
        const ChatId b = j.chatIdByTitle(Journey::chatB);
        QVERIFY(!b.isNull());
        auto painted = [&j](const ChatId &id) {
            for (const PaintedChat &row : j.paintedChatList()) {
                if (row.id == id && row.inked)
                    return true;
            }
            return false;
        };
        j.press(QKeySequence(u"Ctrl+Shift+H"_s)); // the archived view
        QTRY_VERIFY(j.action(u"actionShowArchived"_s)->isChecked());
        QTRY_VERIFY(!painted(b));
        QCOMPARE(j.serverRequest(
                     "PATCH", j.chatsPrefix() + u'/' + b.toString(), {{u"archived"_s, true}}),
            204);
        QTRY_VERIFY_WITH_TIMEOUT(painted(b), 5'000);
        j.screenshot(u"archived-elsewhere"_s);
        QCOMPARE(j.serverRequest(
                     "PATCH", j.chatsPrefix() + u'/' + b.toString(), {{u"archived"_s, false}}),
            204);
        QTRY_VERIFY_WITH_TIMEOUT(!painted(b), 5'000);
        j.press(QKeySequence(u"Ctrl+Shift+H"_s));
        QTRY_VERIFY_WITH_TIMEOUT(painted(b), 5'000);
    }

    //! §20.12: the chat's `warnings` are shown on it (not as an error), and go when cleared.
    void warnings_areShownOnTheChat()
    {
        Journey &j = *m_journey;
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        auto *warnings = j.window()->findChild<QLabel *>(u"chatWarnings"_s);
        QVERIFY(warnings);
        QVERIFY(!warnings->isVisible());
        const QString text = u"The workspace agent is outdated; some tools may fail."_s;
        if (Journey::isLegacy()) {
            // Pre-2.37 servers send no warnings: the chat never carries them, so no banner.
            QJsonObject answer;
            QVERIFY(j.sim().postControl(u"chats/"_s + a.toString() + u"/warnings"_s,
                {{u"warnings"_s, QJsonArray{text}}}, &answer));
            QVERIFY(!answer.contains(u"warnings"_s));
            QVERIFY(!j.serverChat(a).contains(u"warnings"_s));
            // The watch event of the warnings comes before those of a turn started after it:
            // once the app has seen the turn run and finish, it has handled the warnings event.
            QVERIFY(j.sim().postControl(u"chats/"_s + a.toString() + u"/turn"_s));
            ChatListModel *chats = j.app()->chatListModel();
            QTRY_VERIFY_WITH_TIMEOUT(
                chats->chat(a) && chats->chat(a)->status == ChatStatus::Running, 10'000);
            QTRY_VERIFY_WITH_TIMEOUT(chats->chat(a)->status == ChatStatus::Waiting, 20'000);
            QVERIFY(chats->chat(a)->warnings.isEmpty());
            QVERIFY(!warnings->isVisible());
            QVERIFY(!j.paints(text));
            return;
        }
        QVERIFY(j.sim().postControl(
            u"chats/"_s + a.toString() + u"/warnings"_s, {{u"warnings"_s, QJsonArray{text}}}));
        QTRY_VERIFY_WITH_TIMEOUT(warnings->isVisible(), 10'000);
        QVERIFY(warnings->text().contains(text));
        QVERIFY(warnings->height() > 0);
        j.screenshot(u"chat-warnings"_s);
        QVERIFY(j.sim().postControl(
            u"chats/"_s + a.toString() + u"/warnings"_s, {{u"warnings"_s, QJsonArray{}}}));
        QTRY_VERIFY_WITH_TIMEOUT(!warnings->isVisible(), 10'000);
    }
};

QTEST_MAIN(TestJourneyToday)
#include "TestJourneyToday.moc"
