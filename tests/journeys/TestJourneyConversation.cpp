// Journeys through one conversation: opening chats in turn, sending and watching a turn stream,
// queueing, stopping, editing, retries and errors, answering the agent, tool files. The real
// window against a real agentdesk-sim, driven by clicks and keys, checked by what it paints.

#include "Journey.h"
#include "models/ChatListModel.h"
#include "models/MessageListModel.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/conversation/ImageViewer.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestJourneyConversation : public JourneyTestCase
{
    Q_OBJECT

public:
    TestJourneyConversation()
        : JourneyTestCase({})
    {
    }

private slots:

    //! Defect 1: the view went deaf to its model after the second switch.
    void openThreeChats_inTurn_eachPaintsItsOwnTranscript()
    {
        Journey &j = *m_journey;
        const ChatId a = j.chatIdByTitle(Journey::chatA), b = j.chatIdByTitle(Journey::chatB),
                     c = j.chatIdByTitle(Journey::chatC);
        QVERIFY(!a.isNull() && !b.isNull() && !c.isNull());
        // B works while the user reads the others.
        QCOMPARE(j.serverRequest("POST", u"/__sim/chats/"_s + b.toString() + u"/turn"_s,
                     {{u"scenario"_s, u"long"_s}}),
            202);
        int shot = 0;
        for (const ChatId &id : {a, b, c, a, b}) {
            QVERIFY(j.openChat(id));
            JOURNEY_TRY_MATCHES_SERVER(j, id, 20'000);
            j.screenshot(u"open-chats-%1"_s.arg(++shot));
        }
        // Back on B: its streamed answer is painted and keeps growing without a resize.
        auto streamingText = [&j] {
            for (const PaintedMessage &row : j.paintedConversation()) {
                if (row.streaming && row.inked)
                    return row.text;
            }
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!streamingText().isEmpty(), 10'000);
        const QString first = streamingText();
        QTRY_VERIFY_WITH_TIMEOUT(streamingText().size() > first.size(), 10'000);
        j.screenshot(u"open-chats-streaming"_s);
    }

    //! Type, send with Enter, watch the answer stream in and end; the composer is empty after.
    void send_turnStreamsToTheEnd()
    {
        Journey &j = *m_journey;
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        j.send(u"/scenario quick Is src tidy?"_s);
        QTRY_VERIFY(j.paints(u"Is src tidy?"_s));
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"All good"_s), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(!j.isWorking(a), 15'000);
        JOURNEY_TRY_MATCHES_SERVER(j, a, 5'000);
        QVERIFY(j.editor()->toPlainText().isEmpty());
    }

    //! Defect 2: the edited message stayed on screen beside its replacement when the server
    //! stores the edit under a new id.
    void editEarlierMessage_replacesItAndEverythingAfter()
    {
        Journey &j = *m_journey;
        // As the server the defect was found on: the edit gets a new id, and the surviving
        // history comes back without a history_reset.
        QVERIFY(j.sim().setFaults(
            {{u"edit_replaces_message"_s, true}, {u"edit_without_history_reset"_s, true}}));
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        QString original; // the newest own message: Up recalls that one
        for (const QJsonValue &message : j.serverMessages(a)) {
            if (original.isEmpty() && message.toObject().value("role"_L1).toString() == "user"_L1)
                original = serverMessageText(message.toObject()); // newest first
        }
        QVERIFY(!original.isEmpty());
        QTRY_VERIFY(j.paints(original));
        // Up in the empty composer edits the last own message, as in the web UI.
        j.type({});
        j.press(QKeySequence(Qt::Key_Up));
        QTRY_COMPARE(j.editor()->toPlainText(), original);
        j.press(QKeySequence::SelectAll);
        QTest::keyClicks(j.editor(), u"/scenario quick Edited: run it ten times"_s);
        j.press(QKeySequence(Qt::Key_Return));
        QTRY_VERIFY(j.paints(u"Edited: run it ten times"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!j.isWorking(a), 15'000);
        JOURNEY_TRY_MATCHES_SERVER(j, a, 5'000);
        QVERIFY2(!j.paints(original), "the original message is still painted");
        j.screenshot(u"edited-message"_s);
        QVERIFY(j.sim().setFaults({{u"reset"_s, true}}));
    }

    //! Defect 3: a fatal error after a retry showed no banner.
    void retryThenFatalError_showsTheErrorBanner()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(Journey::chatC);
        QVERIFY(j.openChat(c));
        j.send(u"/scenario retry_error try the cron again"_s);
        auto *retry = j.window()->findChild<QWidget *>(u"retryBanner"_s);
        auto *error = j.window()->findChild<QWidget *>(u"turnErrorBanner"_s);
        QVERIFY(retry && error);
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(j.status(c) == ChatStatus::Error, 20'000);
        QTRY_VERIFY(error->isVisible());
        QVERIFY(!retry->isVisible());
        auto *text = error->findChild<QLabel *>(u"errorBannerText"_s);
        QVERIFY(text && !text->text().isEmpty());
        j.screenshot(u"retry-then-error"_s);
    }

    //! After a retry the real answer streams and the retry banner goes away.
    void retryThenAnswer_retryBannerLeaves()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(Journey::chatC);
        QVERIFY(j.openChat(c));
        auto *retry = j.window()->findChild<QWidget *>(u"retryBanner"_s);
        QVERIFY(retry);
        // The banner may come and go between two polls on a loaded machine: count its Show events.
        struct ShowCounter : QObject
        {
            int shown = 0;
            bool eventFilter(QObject *, QEvent *event) override
            {
                shown += event->type() == QEvent::Show;
                return false;
            }
        } counter;
        retry->installEventFilter(&counter);
        j.send(u"/scenario retry_ok and once more"_s);
        QTRY_VERIFY_WITH_TIMEOUT(counter.shown > 0, 10'000);
        auto answerStreams = [&j] {
            const QList<PaintedMessage> rows = j.paintedConversation();
            return std::any_of(rows.cbegin(), rows.cend(),
                [](const PaintedMessage &row) { return row.streaming && !row.text.isEmpty(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(answerStreams() || !j.isWorking(c), 20'000);
        QTRY_VERIFY(!retry->isVisible());
        retry->removeEventFilter(&counter);
    }

    //! Defect 4: a requires_action chat could not be answered.
    void requiresAction_answerTheTool_chatRunsOn()
    {
        Journey &j = *m_journey;
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        j.send(u"/scenario ask open the report in my editor"_s);
        QTRY_VERIFY_WITH_TIMEOUT(j.status(a) == ChatStatus::RequiresAction, 15'000);
        auto *panel = j.window()->findChild<QWidget *>(u"actionRequiredPanel"_s);
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        auto *name = panel->findChild<QLabel *>(u"actionToolName"_s);
        QVERIFY(name && name->text().contains(u"open_in_ide"_s));
        // The pending call is painted as waiting for the user, not as stopped.
        QTRY_VERIFY(j.paints(u"I need to open the file"_s));
        bool interrupted = false, pendingCall = false;
        for (int row = 0; row < j.chatView()->model()->rowCount(); ++row) {
            const auto states = j.chatView()
                                    ->model()
                                    ->index(row, 0)
                                    .data(MessageListModel::ToolStatesRole)
                                    .value<MessageListModel::ToolStates>();
            for (auto state : states) {
                pendingCall |= state != MessageListModel::ToolCallState::Done;
                interrupted |= state == MessageListModel::ToolCallState::Interrupted;
            }
        }
        QVERIFY(pendingCall);
        QVERIFY2(!interrupted, "the call the agent waits for is drawn as interrupted");
        j.screenshot(u"requires-action-form"_s);
        auto *output = panel->findChild<QPlainTextEdit *>(u"toolOutputEdit"_s);
        QVERIFY(output);
        QTest::mouseClick(output->viewport(), Qt::LeftButton);
        QTest::keyClicks(output, u"{\"opened\": true}"_s);
        QVERIFY(j.clickButton(u"submitToolResultsButton"_s));
        QTRY_VERIFY(!panel->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"the editor result arrived"_s), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !j.isWorking(a) && j.status(a) != ChatStatus::RequiresAction, 15'000);
        bool answered = false;
        for (const QJsonValue &message : j.serverMessages(a)) {
            const QJsonObject object = message.toObject();
            if (object.value("role"_L1).toString() != "tool"_L1)
                continue;
            for (const QJsonValue &part : object.value("content"_L1).toArray())
                answered |= part.toObject().value("tool_name"_L1).toString() == "open_in_ide"_L1
                    && part.toObject().value("result"_L1).toObject().value("opened"_L1).toBool();
        }
        QVERIFY2(answered, "the server has no tool result with the user's answer");
    }

    //! Defect 5: file parts produced by tools were never shown.
    void toolTurn_withFilePart_showsTheFile()
    {
        Journey &j = *m_journey;
        const ChatId b = j.chatIdByTitle(Journey::chatB);
        QVERIFY(j.openChat(b));
        j.send(u"/scenario toolfile take a screenshot of the report"_s);
        // The server's tool message carries a file part; the row that holds the call shows it.
        auto toolFile = [&j, &b] {
            for (const QJsonValue &message : j.serverMessages(b)) {
                const QJsonObject object = message.toObject();
                if (object.value("role"_L1).toString() != "tool"_L1)
                    continue;
                for (const QJsonValue &part : object.value("content"_L1).toArray()) {
                    if (part.toObject().value("type"_L1).toString() == "file"_L1)
                        return part.toObject().value("file_id"_L1).toString();
                }
            }
            return QString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            !toolFile().isEmpty(), "the simulator's tool message has no file part", 20'000);
        const QString fileId = toolFile();
        QTRY_VERIFY_WITH_TIMEOUT(!j.isWorking(b), 20'000);
        // The list learns "not working" from the watch socket, the conversation gets the tool
        // message from the stream socket: two connections, so either may arrive first.
        auto shown = [&j, &fileId] {
            bool found = false;
            for (const PaintedMessage &row : j.paintedConversation()) {
                for (const MessagePart &part : row.parts)
                    found |= part.kind == MessagePart::Kind::File
                        && part.detail().fileId.toString() == fileId && row.inked;
            }
            return found;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(shown(), "no painted row shows the tool's file", 10'000);
        j.screenshot(u"tool-file-part"_s);

        // A click on its thumbnail opens it; Save As writes it to disk (the download).
        const QString href = PartRenderer::fileImageHref(FileId::fromString(fileId));
        QPoint spot;
        QModelIndex spotIndex;
        auto findThumbnail = [&] {
            for (const PaintedMessage &row : j.paintedConversation()) {
                const QModelIndex index = j.chatView()->model()->index(row.row, 0);
                for (int y = row.rect.top(); y < row.rect.bottom(); y += 6) {
                    for (int x = row.rect.left(); x < row.rect.right(); x += 6) {
                        if (j.chatView()->messageDelegate()->anchorAt(index, {x, y}) == href) {
                            spot = {x, y};
                            spotIndex = index;
                            return true;
                        }
                    }
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(findThumbnail(), 10'000);
        QTest::mouseClick(j.chatView()->viewport(), Qt::LeftButton, Qt::NoModifier, spot);
        ImageViewer *viewer = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (viewer = j.conversation()->imageViewer()) && viewer->isVisible(), 10'000);
        QTRY_VERIFY(!viewer->image().isNull());
        viewer->findChild<QAction *>(u"saveAsAction"_s)->trigger();
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = viewer->findChild<QFileDialog *>()) && dialog->isVisible());
        QTemporaryDir downloads;
        const QString target = downloads.filePath(u"tool-screenshot.png"_s);
        dialog->selectFile(target);
        static_cast<QDialog *>(dialog)->accept(); // QDialog::accept is public
        QTRY_VERIFY(QFileInfo::exists(target));
        QCOMPARE(QImage(target).size(), viewer->image().size());
        viewer->close();
    }

    //! Defect 14: Stop interrupts at once; the stopped answer says so. Queue two, remove one,
    //! promote one.
    void queueTwo_removeOne_promoteOne_thenStop()
    {
        Journey &j = *m_journey;
        const ChatId b = j.chatIdByTitle(Journey::chatB);
        QVERIFY(j.openChat(b));
        j.send(u"/scenario long write the whole export"_s);
        QTRY_VERIFY_WITH_TIMEOUT(j.isWorking(b), 10'000);
        QTest::keyClicks(j.editor(), u"/scenario long first queued"_s);
        j.press(QKeySequence(Qt::Key_Return));
        QTest::keyClicks(j.editor(), u"/scenario long second queued"_s);
        j.press(QKeySequence(Qt::Key_Return));
        auto *queue = j.window()->findChild<QWidget *>(u"queuePanel"_s);
        QTRY_VERIFY(queue->isVisible());
        auto items = [queue] {
            return queue->findChildren<QWidget *>(u"queueItem"_s);
        };
        QTRY_COMPARE(items().size(), 2);
        QTest::mouseClick(
            items().at(0)->findChild<QAbstractButton *>(u"removeButton"_s), Qt::LeftButton);
        QTRY_COMPARE(items().size(), 1);
        QTest::mouseClick(
            items().at(0)->findChild<QAbstractButton *>(u"promoteButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"second queued"_s), 15'000);
        QTRY_VERIFY(!queue->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(j.isWorking(b), 10'000);
        // The user sees the agent write its answer to the promoted message, then stops it.
        auto agentWrites = [&j] {
            const QList<PaintedMessage> rows = j.paintedConversation();
            return !rows.isEmpty() && rows.last().role != MessageRole::User && !rows.last().pending
                && rows.last().inked;
        };
        QTRY_VERIFY_WITH_TIMEOUT(agentWrites(), 15'000);
        QTest::qWait(200); // a moment of its answer, as a person would watch
        // One press stops the agent, no confirmation.
        j.press(QKeySequence(Qt::CTRL | Qt::Key_Period));
        QTRY_VERIFY_WITH_TIMEOUT(!j.isWorking(b), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"Stopped by you"_s), 10'000);
        JOURNEY_TRY_MATCHES_SERVER(j, b, 5'000);
        QVERIFY(!j.paints(u"first queued"_s));
    }

    //! Defect 14: Ctrl+Shift+Enter sends now and interrupts the running turn.
    void sendAndInterrupt_replacesTheRunningTurn()
    {
        Journey &j = *m_journey;
        const ChatId b = j.chatIdByTitle(Journey::chatB);
        QVERIFY(j.openChat(b));
        j.send(u"/scenario long the long one"_s);
        QTRY_VERIFY_WITH_TIMEOUT(j.isWorking(b), 10'000);
        QTest::keyClicks(j.editor(), u"/scenario quick never mind, just this"_s);
        j.press(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
        auto *queue = j.window()->findChild<QWidget *>(u"queuePanel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"never mind, just this"_s), 10'000);
        QVERIFY(!queue->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"All good"_s), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(!j.isWorking(b), 20'000);
        JOURNEY_TRY_MATCHES_SERVER(j, b, 5'000);
    }
};

QTEST_MAIN(TestJourneyConversation)
#include "TestJourneyConversation.moc"
