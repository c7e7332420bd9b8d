// Offscreen tests of ChatView: following the bottom, "N new messages", paging with a stable
// anchor, the selectable text editor, copy and the context actions.

#include "ChatViewTestCase.h"
#include "ConversationTestData.h"
#include "models/MessageListModel.h"
#include "support/WidgetArtifacts.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QList<ChatMessage> conversation(qint64 firstId, qint64 lastId)
{
    QList<ChatMessage> out;
    for (qint64 id = firstId; id <= lastId; ++id) {
        if (id % 2)
            out << userText(id, u"Question number %1?"_s.arg(id));
        else
            out << assistantText(id,
                u"Answer %1. "_s.arg(id)
                    + QString(u"Some more words here. "_s).repeated(int(id % 7) * 4));
    }
    return out;
}

} // namespace

class TestChatView : public ChatViewTestCase
{
    Q_OBJECT

public:
    TestChatView()
        : ChatViewTestCase({800, 600})
    {
    }

private slots:
    void atBottom_rowsInsertedAndGrowing_staysAtBottom()
    {
        QScrollBar *bar = loadAtBottom(1, 40);
        QVERIFY(bar);
        QVERIFY(m_view->isFollowing());

        m_model->upsert(userText(41, u"Another question"_s));
        QTRY_COMPARE(m_model->rowCount(), 41);
        QTRY_COMPARE(bar->value(), bar->maximum());

        m_model->setChatActive(true);
        ChatMessage preview = assistantText(0, u"Streaming"_s);
        preview.id = MessageId{};
        m_model->setPreview(preview);
        QTRY_COMPARE(bar->value(), bar->maximum());
        const int maximum = bar->maximum();
        for (int i = 1; i <= 5; ++i) {
            preview.parts.first().text += QString(u" more streamed text"_s).repeated(30);
            m_model->setPreview(preview);
        }
        QTRY_VERIFY(bar->maximum() > maximum);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QCOMPARE(m_view->newMessageCount(), 0);
        auto *button = m_view->findChild<QToolButton *>(u"newMessagesButton"_s);
        QVERIFY(button);
        QVERIFY(!button->isVisible());
    }

    void scrolledUp_newRows_doNotMoveAndShowButton()
    {
        QScrollBar *bar = loadAtBottom(1, 40);
        QVERIFY(bar);
        bar->setValue(bar->maximum() / 2);
        QVERIFY(!m_view->isFollowing());
        const int value = bar->value();

        m_model->upsertMany(conversation(41, 43));
        QTRY_COMPARE(m_model->rowCount(), 43);
        QTRY_VERIFY(bar->maximum() > value * 2);
        QCOMPARE(bar->value(), value);
        QCOMPARE(m_view->newMessageCount(), 3);
        auto *button = m_view->findChild<QToolButton *>(u"newMessagesButton"_s);
        QVERIFY(button->isVisible());
        QVERIFY2(button->text().contains(u"3 new message"_s), qPrintable(button->text()));
        QVERIFY(saveArtifact(m_view.get(), u"TestChatView-new-messages.png"_s));

        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(m_view->isFollowing());
        QVERIFY(!button->isVisible());
    }

    void nearTop_requestsOlderOnce()
    {
        QScrollBar *bar = loadAtBottom(101, 160);
        QVERIFY(bar);
        QSignalSpy spy(m_view.get(), &ChatView::loadOlderRequested);
        bar->setValue(bar->maximum() / 2);
        QCOMPARE(spy.count(), 0);
        bar->setValue(10);
        QCOMPARE(spy.count(), 1);
        bar->setValue(0);
        QCOMPARE(spy.count(), 1); // until the page arrives
        m_view->olderLoadFinished();
        bar->setValue(5);
        QCOMPARE(spy.count(), 2);
    }

    void prependPage_keepsAnchorMessageAndOffset()
    {
        QScrollBar *bar = loadAtBottom(101, 160);
        QVERIFY(bar);
        bar->setValue(120); // near the top, where paging happens
        QVERIFY(!m_view->isFollowing());

        const QModelIndex first = m_view->indexAt(QPoint(20, 1));
        QVERIFY(first.isValid());
        const auto anchorId = first.data(MessageListModel::MessageIdRole).value<MessageId>();
        const int anchorTop = m_view->visualRect(first).top();

        m_model->prependPage(conversation(51, 100));
        QCOMPARE(m_model->rowCount(), 110);
        const QModelIndex moved = m_model->index(m_model->rowOf(anchorId));
        QTRY_COMPARE(m_view->visualRect(moved).top(), anchorTop);
        QTRY_COMPARE(
            m_view->indexAt(QPoint(20, 1)).data(MessageListModel::MessageIdRole).value<MessageId>(),
            anchorId);
        QVERIFY(!m_view->isFollowing());
        QCOMPARE(m_view->newMessageCount(), 0);
    }

    void backAtBottomAfterPaging_settlesOnce_andTrimmedRowsLeaveTheCache()
    {
        m_view->setSettleInterval(std::chrono::milliseconds(50));
        QSignalSpy settled(m_view.get(), &ChatView::settledAtBottom);
        QScrollBar *bar = loadAtBottom(101, 160);
        QVERIFY(bar);
        bar->setValue(0);
        QVERIFY(!m_view->isFollowing());
        m_model->prependPage(conversation(1, 100));
        m_view->olderLoadFinished();
        QTRY_VERIFY(m_view->messageDelegate()->layoutCache().heightCount() >= 160);

        // Older history in, the user reads up there, then comes back.
        bar->setValue(bar->maximum() / 2);
        QVERIFY(!m_view->isFollowing());
        // Back at the bottom: one settledAtBottom, however long the user stays.
        m_view->scrollToBottomAndFollow();
        QVERIFY(settled.wait(5000));
        QCOMPARE(settled.count(), 1);

        // The history above goes (as ChatSession::trimHistory does): its heights and documents
        // leave the layout cache; the view stays at the bottom.
        QList<MessageId> gone;
        for (qint64 id = 1; id <= 140; ++id)
            gone << MessageId{id};
        m_model->removeIds(gone);
        QCOMPARE(m_model->rowCount(), 20);
        QVERIFY2(m_view->messageDelegate()->layoutCache().heightCount() <= 20,
            qPrintable(QString::number(m_view->messageDelegate()->layoutCache().heightCount())));
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(m_view->isFollowing());
        QCOMPARE(settled.count(), 1);
    }

    void click_opensSelectableEditorOnThatRowOnly()
    {
        m_model->upsertMany(conversation(1, 4));
        const QModelIndex row0 = m_model->index(0);
        const QModelIndex row1 = m_model->index(1);
        QTRY_VERIFY(m_view->visualRect(row1).height() > 0);
        const QPoint inRow0 = m_view->visualRect(row0).topLeft() + QPoint(300, 12);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, inRow0);
        auto *browser = qobject_cast<QTextBrowser *>(m_view->indexWidget(row0));
        QVERIFY(browser);
        QVERIFY(browser->isReadOnly());
        QVERIFY(browser->toPlainText().contains(u"Question number 1?"_s));
        QVERIFY(!m_view->indexWidget(row1));

        browser->selectAll();
        QTest::keyClick(browser, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(QGuiApplication::clipboard()->text().contains(u"Question number 1?"_s));

        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
            m_view->visualRect(row1).topLeft() + QPoint(30, 12));
        QTRY_VERIFY(!m_view->indexWidget(row0));
        QVERIFY(qobject_cast<QTextBrowser *>(m_view->indexWidget(row1)));
    }

    void copy_putsMessageTextOnClipboard()
    {
        m_model->upsert(userText(1, u"Hello"_s));
        m_model->upsert(assistantText(2, u"Use **bold** and `code`."_s));
        QTRY_COMPARE(m_model->rowCount(), 2);
        m_view->setCurrentIndex(m_model->index(1));
        m_view->setFocus();
        QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Use bold and code."_s);
        m_view->copyMarkdownAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Use **bold** and `code`."_s);
    }

    void editAction_onUserMessage_emitsEditRequested()
    {
        m_model->upsert(userText(1, u"Fix the *login* test"_s));
        m_model->upsert(assistantText(2, u"Done."_s));
        QTRY_COMPARE(m_model->rowCount(), 2);
        QSignalSpy spy(m_view.get(), &ChatView::editRequested);
        m_view->setCurrentIndex(m_model->index(1));
        m_view->editAction()->trigger();
        QCOMPARE(spy.count(), 0); // not on the agent's messages
        m_view->setCurrentIndex(m_model->index(0));
        m_view->editAction()->trigger();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).value<MessageId>(), MessageId{1});
        QCOMPARE(spy.first().at(1).toString(), u"Fix the *login* test"_s);
    }

private:
    //! Loads messages `first` to `last` and waits until the view can scroll and rests at the
    //! bottom; its scroll bar, null if it did not come to rest there.
    QScrollBar *loadAtBottom(qint64 first, qint64 last)
    {
        m_model->upsertMany(conversation(first, last));
        QScrollBar *bar = m_view->verticalScrollBar();
        const bool atBottom =
            QTest::qWaitFor([bar] { return bar->maximum() > 0 && bar->value() == bar->maximum(); });
        return atBottom ? bar : nullptr;
    }
};

QTEST_MAIN(TestChatView)
#include "TestChatView.moc"
