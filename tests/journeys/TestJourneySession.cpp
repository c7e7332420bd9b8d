// Journeys across a session's life: a token revoked mid-session (the socket, then REST) with a
// draft kept and signing in again; killing and restarting with drafts and the selected chat
// restored; a link given at start before the list has loaded; attaching an image and sending
// it. The real window against a real agentdesk-sim, driven by input, checked by what it paints.

#include "Journey.h"
#include "core/api/ApiClient.h"
#include "core/live/ChatWatchClient.h"
#include "core/storage/DraftStore.h"
#include "core/storage/FileCache.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/Session.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/dialogs/ConnectDialog.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestJourneySession : public JourneyTestCase
{
    Q_OBJECT

public:
    TestJourneySession()
        : JourneyTestCase({.startAppForEachTest = false})
    {
    }

private slots:

    //! Defect 10: a 401 on the watch socket left the app "Offline" with no word why.
    void tokenRevoked_midSession_saysSo_keepsTheDraft_signsInAgain()
    {
        Journey &j = *m_journey;
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        j.type(u"a thought I must not lose"_s);
        const QByteArray fresh = "AgntDeskSm-fresh0token00000000000";
        QVERIFY(j.sim().revokeToken(fresh));
        // The sockets close; their reconnect is refused with 401: the session has ended.
        ConnectDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = j.app()->connectDialog()) && dialog->isVisible(), 15'000);
        auto *error = dialog->findChild<QLabel *>(u"errorLabel"_s);
        QVERIFY(error);
        QTRY_VERIFY(error->text().contains(u"session"_s, Qt::CaseInsensitive));
        QVERIFY(error->text().contains(u"draft"_s, Qt::CaseInsensitive));
        QTest::qWait(100);
        dialog->grab().save(j.screenshot(u"session-expired"_s));
        // The draft is on disk.
        QCOMPARE(onDisk(j, a), u"a thought I must not lose"_s);
        // Sign in again with the new token: the chat and its draft come back.
        auto *token = dialog->findChild<QLineEdit *>(u"tokenLineEdit"_s);
        QVERIFY(token);
        token->clear();
        QTest::keyClicks(token, QString::fromLatin1(fresh));
        QTest::mouseClick(dialog->findChild<QAbstractButton *>(u"connectButton"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(j.window() && j.window()->isVisible(),
            qPrintable(dialog->findChild<QLabel *>(u"errorLabel"_s)->text() + u" | "_s
                + dialog->findChild<QLabel *>(u"statusLabel"_s)->text()),
            15'000);
        QTRY_VERIFY_WITH_TIMEOUT(j.app()->chatDirectory()->isListLoaded(), 15'000);
        QTRY_COMPARE(j.window()->visibleChatId(), a);
        QTRY_COMPARE(j.editor()->toPlainText(), u"a thought I must not lose"_s);
        j.editor()->clear();
        QVERIFY(j.sim().revokeToken(j.sim().token())); // back to the token the others use
    }

    //! Signing out and a 401 end the Session as one: the API client, the watch, the directory,
    //! the file cache and the open chat's session are all deleted once the event loop runs;
    //! the draft typed is kept on disk and comes back after signing in again.
    void signOutAndRejection_deleteTheSessionAndItsClients_keepTheDraft()
    {
        Journey &j = *m_journey;
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        const ChatId a = j.chatIdByTitle(Journey::chatA);

        struct Tracked
        {
            QPointer<Session> session;
            QPointer<ApiClient> api;
            QPointer<ChatWatchClient> watch;
            QPointer<ChatDirectory> directory;
            QPointer<FileCache> files;
            QPointer<ChatSession> chat;
            bool allGone() const
            {
                return !session && !api && !watch && !directory && !files && !chat;
            }
        };
        const auto track = [&j] {
            Session *session = j.app()->session();
            return Tracked{session, session ? session->api() : nullptr,
                session ? session->watch() : nullptr, session ? session->directory() : nullptr,
                session ? session->files() : nullptr, j.conversation()->session()};
        };

        // 1. Sign out.
        QVERIFY(j.openChat(a));
        j.type(u"kept across signing out"_s);
        Tracked before = track();
        QVERIFY(before.session && before.api && before.watch && before.directory && before.files
            && before.chat);
        QCOMPARE(before.chat->parent(), before.session.data()); // the Session owns the chat's
        QVERIFY(j.action(u"actionSignOut"_s));
        j.action(u"actionSignOut"_s)->trigger();
        ConnectDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = j.app()->connectDialog()) && dialog->isVisible(), 15'000);
        QCOMPARE(j.app()->session(), nullptr);
        QTRY_VERIFY(before.allGone());
        QCOMPARE(onDisk(j, a), u"kept across signing out"_s);

        // Sign in again: a new Session, and the draft is back.
        auto *token = dialog->findChild<QLineEdit *>(u"tokenLineEdit"_s);
        QVERIFY(token);
        token->clear();
        QTest::keyClicks(token, QString::fromLatin1(j.sim().token()));
        QTest::mouseClick(dialog->findChild<QAbstractButton *>(u"connectButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(j.window() && j.window()->isVisible(), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(j.app()->chatDirectory()->isListLoaded(), 15'000);
        QTRY_COMPARE(j.window()->visibleChatId(), a);
        QTRY_COMPARE(j.editor()->toPlainText(), u"kept across signing out"_s);

        // 2. A 401 (the token revoked): the same end.
        Tracked second = track();
        QVERIFY(second.session && second.session != before.session && second.chat);
        const QByteArray fresh = "AgntDeskSm-other0token00000000000";
        QVERIFY(j.sim().revokeToken(fresh));
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = j.app()->connectDialog()) && dialog->isVisible(), 15'000);
        QCOMPARE(j.app()->session(), nullptr);
        QTRY_VERIFY(second.allGone());
        QCOMPARE(onDisk(j, a), u"kept across signing out"_s);
        QVERIFY(j.sim().revokeToken(j.sim().token())); // back to the token the others use
        DraftStore drafts(j.app()->drafts()->directory());
        drafts.clear(a.toString());
        drafts.flush();
    }

    //! A 401 from REST (the watch still up) ends the session the same way.
    void tokenRevoked_restRefused_saysSo()
    {
        Journey &j = *m_journey;
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        QVERIFY(j.sim().setFaults({{u"fail_route"_s,
            QJsonObject{{u"pattern"_s, u"/messages$"_s}, {u"status"_s, 401}, {u"count"_s, 1}}}}));
        QVERIFY(j.clickChat(Journey::chatB));
        ConnectDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = j.app()->connectDialog()) && dialog->isVisible(), 15'000);
        QVERIFY(dialog->findChild<QLabel *>(u"errorLabel"_s)
                    ->text()
                    .contains(u"session"_s, Qt::CaseInsensitive));
        QVERIFY(j.sim().setFaults({{u"reset"_s, true}}));
    }

    //! Kill (no quit path) and restart: the draft typed and the chat open come back.
    void killAndRestart_restoresDraftAndSelectedChat()
    {
        Journey &j = *m_journey;
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        const ChatId b = j.chatIdByTitle(Journey::chatB);
        QVERIFY(j.openChat(b));
        j.type(u"half-written, never sent"_s);
        // What a kill keeps is what reached the disk: the draft is saved while typing.
        QTRY_COMPARE_WITH_TIMEOUT(onDisk(j, b), u"half-written, never sent"_s, 3'000);
        j.dropApp();
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        QTRY_COMPARE(j.window()->visibleChatId(), b);
        QTRY_COMPARE(j.editor()->toPlainText(), u"half-written, never sent"_s);
        JOURNEY_TRY_MATCHES_SERVER(j, b, 5'000);
        j.editor()->clear();
    }

    //! Defect 13: a link given at start was dropped when it came before the list.
    void linkAtStart_opensTheChatOnceTheListIsThere()
    {
        Journey &j = *m_journey;
        // The chat to open: found on the server, not in an app that has not started yet.
        QString target;
        QByteArray body;
        QVERIFY(j.sim().request("GET", j.chatsPrefix() + u"?limit=50"_s, {}, &body) == 200);
        for (const QJsonValue &chat : QJsonDocument::fromJson(body).array()) {
            if (chat.toObject().value("title"_L1).toString() == Journey::chatB)
                target = chat.toObject().value("id"_L1).toString();
        }
        QVERIFY(!target.isEmpty());
        QVERIFY2(j.startApp({u"agentdesk://chat/"_s + target}), qPrintable(j.errorString()));
        QTRY_COMPARE(j.window()->visibleChatId().toString(), target);
        JOURNEY_TRY_MATCHES_SERVER(j, ChatId::fromString(target), 5'000);
        j.dropApp();
        // A chat that does not exist is said so, not silently dropped.
        const QString unknown = u"00000000-0000-4000-8000-000000000042"_s;
        QVERIFY2(j.startApp({u"agentdesk://chat/"_s + unknown}), qPrintable(j.errorString()));
        QTRY_VERIFY(j.window()->statusBar()->currentMessage().contains(
            u"not found"_s, Qt::CaseInsensitive));
    }

    void attachImage_byPaste_andSend()
    {
        Journey &j = *m_journey;
        QVERIFY2(j.startApp(), qPrintable(j.errorString()));
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(200, 40, 40));
        QApplication::clipboard()->setImage(image);
        j.type(u"/scenario quick see the red box"_s);
        j.press(QKeySequence::Paste);
        auto *strip = j.window()->findChild<QWidget *>(u"attachmentStrip"_s);
        QVERIFY(strip);
        QTRY_VERIFY(strip->isVisible());
        auto *send = j.window()->findChild<QAbstractButton *>(u"sendButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(send->isEnabled(), 10'000); // uploaded
        j.screenshot(u"attachment-before-send"_s);
        j.press(QKeySequence(Qt::Key_Return));
        // The user's row shows the image; the server's message has a file part.
        auto fileRow = [&j] {
            for (const PaintedMessage &row : j.paintedConversation()) {
                for (const MessagePart &part : row.parts) {
                    if (part.kind == MessagePart::Kind::File && row.inked
                        && row.text.contains(u"red box"_s))
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(fileRow(), 10'000);
        // The row above may be the optimistic one, painted before the server answered the send.
        auto serverHasFile = [&j, &a] {
            bool found = false;
            for (const QJsonValue &message : j.serverMessages(a)) {
                for (const QJsonValue &part : message.toObject().value("content"_L1).toArray())
                    found |= part.toObject().value("type"_L1).toString() == "file"_L1;
            }
            return found;
        };
        QTRY_VERIFY_WITH_TIMEOUT(serverHasFile(), 10'000);
        j.screenshot(u"attachment-sent"_s);
    }

private:
    //! The draft of `chat` as a fresh store reads it from disk.
    static QString onDisk(Journey &j, const ChatId &chat)
    {
        DraftStore fresh(j.app()->drafts()->directory());
        return fresh.draft(chat.toString()).text;
    }
};

QTEST_MAIN(TestJourneySession)
#include "TestJourneySession.moc"
