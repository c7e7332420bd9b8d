// The chat list: every status painted, sections, nested sub-agents, relative times, and the
// keyboard way to reorder pins.

#include "PaintChecks.h"
#include "models/ChatListFilterModel.h"
#include "models/ChatListModel.h"
#include "support/NumberedChat.h"
#include "support/WidgetArtifacts.h"
#include "widgets/chatlist/ChatListDelegate.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/shell/Icons.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime now = QDateTime(QDate(2026, 5, 4), QTime(12, 0), Qt::UTC);

Chat makeChat(int n, const QString &title, ChatStatus status, int minutesAgo)
{
    Chat chat = numberedChat(u"00000000"_s, n, title, status, now.addSecs(-60 * minutesAgo));
    chat.createdAt = chat.updatedAt.addSecs(-3600);
    return chat;
}

} // namespace

class TestChatListView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_model = std::make_unique<ChatListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_filter = std::make_unique<ChatListFilterModel>();
        m_filter->setSourceModel(m_model.get());
        m_icons = std::make_unique<Icons>();
        m_view = std::make_unique<ChatListView>(m_icons.get());
        m_view->chatDelegate()->setNow(now);
        m_view->setChatModel(m_filter.get());
        m_view->resize(380, 720);

        Chat pinnedA = makeChat(1, u"Fix the flaky login test"_s, ChatStatus::Waiting, 3);
        pinnedA.pinOrder = 1;
        pinnedA.lastTurnSummary = u"Stabilised the retry loop in auth_test.go"_s;
        pinnedA.diffStatus = DiffStatus{};
        pinnedA.diffStatus->additions = 42;
        pinnedA.diffStatus->deletions = 7;
        pinnedA.diffStatus->pullRequestState = u"open"_s;
        pinnedA.diffStatus->prNumber = 12;
        Chat pinnedB = makeChat(2, u"Upgrade the Go toolchain"_s, ChatStatus::Running, 1);
        pinnedB.pinOrder = 2;
        Chat error = makeChat(3, u"Deploy preview environment"_s, ChatStatus::Error, 30);
        error.lastError = ChatError{u"The provider is overloaded."_s, {}, ChatErrorKind::Overloaded,
            u"overloaded"_s, {}, true, 529};
        Chat action = makeChat(4, u"Choose a database"_s, ChatStatus::RequiresAction, 90);
        action.hasUnread = true;
        Chat running = makeChat(5, u"Refactor the billing module"_s, ChatStatus::Running, 0);
        running.lastTurnSummary = u"Splitting invoices.go into three files"_s;
        Chat child = makeChat(6, u"Explore the billing tests"_s, ChatStatus::Running, 0);
        child.parentChatId = running.id;
        child.rootChatId = running.id;
        child.mode = u"explore"_s;
        running.children = {child};
        Chat pending = makeChat(7, u"Write release notes"_s, ChatStatus::Pending, 60 * 5);
        Chat interrupting =
            makeChat(8, u"Rename the CLI flags"_s, ChatStatus::Interrupting, 60 * 30);
        Chat old = makeChat(9, u"Audit dependencies"_s, ChatStatus::Waiting, 60 * 24 * 12);
        old.diffStatus = DiffStatus{};
        old.diffStatus->pullRequestState = u"merged"_s;
        old.diffStatus->prNumber = 9;
        old.diffStatus->additions = 3;
        old.diffStatus->deletions = 120;
        Chat archived = makeChat(10, u"Archived chat"_s, ChatStatus::Waiting, 60);
        archived.archived = true;
        m_model->replaceAll(
            {pinnedA, pinnedB, error, action, running, pending, interrupting, old, archived});
        m_pinnedA = pinnedA.id;
        m_pinnedB = pinnedB.id;
        m_running = running.id;
        m_child = child.id;
    }

    void cleanup()
    {
        m_view.reset();
        m_filter.reset();
        m_tester.reset();
        m_model.reset();
    }

    void sections_groupPinnedThenNeedsYouThenTheRest()
    {
        QAbstractItemModel *model = m_view->model();
        QStringList order;
        QList<ChatListDelegate::Section> sections;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            order << index.data(ChatListModel::TitleRole).toString();
            sections << ChatListDelegate::sectionOf(index);
        }
        QCOMPARE(model->rowCount(), 8); // the archived chat is not in the normal view
        QCOMPARE(order.at(0), u"Fix the flaky login test"_s);
        QCOMPARE(order.at(1), u"Upgrade the Go toolchain"_s);
        QCOMPARE(sections.at(2), ChatListDelegate::Section::NeedsYou);
        QCOMPARE(sections.at(3), ChatListDelegate::Section::NeedsYou);
        QVERIFY(std::is_sorted(
            sections.cbegin(), sections.cend(), [](auto a, auto b) { return int(a) < int(b); }));
        // Headings: exactly at the first row of each section, and they make that row taller.
        QVERIFY(ChatListDelegate::startsSection(model->index(0, 0)));
        QVERIFY(!ChatListDelegate::startsSection(model->index(1, 0)));
        QVERIFY(ChatListDelegate::startsSection(model->index(2, 0)));
        QVERIFY(ChatListDelegate::startsSection(model->index(4, 0)));
        QStyleOptionViewItem option;
        option.initFrom(m_view.get());
        QCOMPARE_GT(m_view->chatDelegate()->sizeHint(option, model->index(0, 0)).height(),
            m_view->chatDelegate()->sizeHint(option, model->index(1, 0)).height());
    }

    void children_areNestedUnderTheirRootAndExpanded()
    {
        const QModelIndex root = m_view->indexOfChat(m_running);
        QVERIFY(root.isValid());
        QCOMPARE(m_view->model()->rowCount(root), 1);
        const QModelIndex child = m_view->model()->index(0, 0, root);
        QCOMPARE(child.data(ChatListModel::ChatIdRole).value<ChatId>(), m_child);
        QVERIFY(m_view->isExpanded(root));
        QCOMPARE(ChatListDelegate::sectionOf(child), ChatListDelegate::Section::None);
    }

    void archivedView_showsOnlyArchived()
    {
        m_filter->setShowArchived(true);
        QCOMPARE(m_view->model()->rowCount(), 1);
        QCOMPARE(ChatListDelegate::sectionOf(m_view->model()->index(0, 0)),
            ChatListDelegate::Section::Archived);
    }

    void relativeTime_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << qint64(20) << u"now"_s;
        QTest::newRow("one minute") << qint64(60) << u"1 min"_s;
        QTest::newRow("minutes") << qint64(3 * 60 + 10) << u"3 min"_s;
        QTest::newRow("hours") << qint64(5 * 3600) << u"5 h"_s;
        QTest::newRow("days") << qint64(2 * 86400 + 5) << u"2 d"_s;
        QTest::newRow("future clamps") << qint64(-100) << u"now"_s;
    }

    void relativeTime()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, expected);
        QCOMPARE(ChatListDelegate::relativeTime(now.addSecs(-secondsAgo), now), expected);
    }

    void relativeTime_olderThanAWeek_isADate()
    {
        const QDateTime then = now.addDays(-30);
        QCOMPARE(ChatListDelegate::relativeTime(then, now),
            QLocale().toString(then.toLocalTime().date(), QLocale::ShortFormat));
    }

    void keyboardReorder_ctrlShiftUp_requestsMovePin()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QSignalSpy moves(m_view.get(), &ChatListView::movePinRequested);
        QVERIFY(m_view->selectChat(m_pinnedB));
        m_view->setFocus();
        QTest::keyClick(m_view.get(), Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(moves.count(), 1);
        QCOMPARE(moves.at(0).at(0).value<ChatId>(), m_pinnedB);
        QCOMPARE(moves.at(0).at(1).toInt(), 1);

        // The first pin cannot move up, and an unpinned chat cannot move at all.
        QVERIFY(m_view->selectChat(m_pinnedA));
        QTest::keyClick(m_view.get(), Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(moves.count(), 1);
        QVERIFY(m_view->selectChat(m_running));
        QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(moves.count(), 1);

        // And applied to the model the proxies reorder at once.
        m_model->setPinOrder(m_pinnedB, 1);
        QCOMPARE(m_view->model()->index(0, 0).data(ChatListModel::ChatIdRole).value<ChatId>(),
            m_pinnedB);
    }

    void nextPrevious_walkInVisualOrder()
    {
        QSignalSpy activated(m_view.get(), &ChatListView::chatActivated);
        QVERIFY(m_view->selectNext());
        QCOMPARE(m_view->currentChatId(), m_pinnedA);
        QVERIFY(m_view->selectNext());
        QCOMPARE(m_view->currentChatId(), m_pinnedB);
        QVERIFY(m_view->selectPrevious());
        QCOMPARE(m_view->currentChatId(), m_pinnedA);
        QVERIFY(!m_view->selectPrevious());
        QCOMPARE(activated.count(), 3);
    }

    void paint_everyStatus_drawsEachRowOnTheBase()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(m_view->selectChat(m_running));
        const QImage image = m_view->viewport()->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(artifactPath(u"TestChatListView.png"_s)));
        QVERIFY(distinctColors(image) > 20); // not blank
        const QColor base = m_view->viewport()->palette().color(QPalette::Base);
        const QColor text = m_view->viewport()->palette().color(QPalette::Text);
        // Every visible row, selected or not, has something painted in it: its title at least,
        // and glyphs in the text colour somewhere in the list.
        int rowsChecked = 0;
        for (int row = 0; row < m_view->model()->rowCount(); ++row) {
            const QModelIndex index = m_view->model()->index(row, 0);
            const QRect rect = m_view->visualRect(index).intersected(image.rect());
            if (rect.height() < 20)
                continue;
            const QColor background =
                m_view->selectionModel()->isSelected(index) ? dominantColor(image, rect) : base;
            QVERIFY2(inkShare(image, rect, background) > 0.01,
                qPrintable(u"row %1 (%2) looks empty"_s.arg(row).arg(
                    index.data(Qt::DisplayRole).toString())));
            ++rowsChecked;
        }
        QCOMPARE_GE(rowsChecked, 3);
        QVERIFY(hasColor(image, image.rect(), text, 40));
    }

private:
    std::unique_ptr<ChatListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<ChatListFilterModel> m_filter;
    std::unique_ptr<Icons> m_icons;
    std::unique_ptr<ChatListView> m_view;
    ChatId m_pinnedA;
    ChatId m_pinnedB;
    ChatId m_running;
    ChatId m_child;
};

QTEST_MAIN(TestChatListView)
#include "TestChatListView.moc"
