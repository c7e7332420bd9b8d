// DiffView and DiffPanel offscreen: file and hunk keyboard navigation, the mode toggle, the
// file list following the scroll position, a refresh against agentdesk-sim, and a screenshot
// of the panel with the fixture diff ($AGENTDESK_ARTIFACTS/diff-panel.png).

#include "PaintChecks.h"
#include "core/api/ApiClient.h"
#include "core/live/GitStreamClient.h"
#include "core/live/GitStreams.h"
#include "models/DiffModel.h"
#include "support/DemoIds.h"
#include "support/FixtureFiles.h"
#include "support/SimulatorApi.h"
#include "support/WidgetArtifacts.h"
#include "widgets/diff/DiffLineDelegate.h"
#include "widgets/diff/DiffPanel.h"
#include "widgets/diff/DiffView.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QString fixtureDiffText()
{
    return QJsonDocument::fromJson(FixtureFiles::read(u"chat-diff.json"_s))
        .object()
        .value(u"diff"_s)
        .toString();
}

//! Shows `view` at `size` with the fixture diff; false if its window was not exposed.
bool showFixtureDiff(DiffView &view, QSize size)
{
    view.resize(size);
    view.setDiffText(fixtureDiffText());
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

DiffStatus fixtureStatus()
{
    DiffStatus status;
    status.chatId = Demo::mainChat;
    status.url = u"https://github.com/acme/reports/pull/482"_s;
    status.pullRequestState = u"open"_s;
    status.pullRequestTitle = u"Add CSV export to the reports page"_s;
    status.additions = 32;
    status.deletions = 1;
    status.changedFiles = 2;
    status.baseBranch = u"main"_s;
    status.headBranch = u"agent/csv-export"_s;
    status.prNumber = 482;
    status.approved = true;
    status.reviewerCount = 1;
    status.refreshedAt = QDateTime::currentDateTimeUtc().addSecs(-4 * 60);
    return status;
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT

private slots:
    void keyboard_filesAndHunks();
    void fileList_click_scrollsToFile();
    void modeToggle_switchesToSideBySide_keepsPosition();
    void largeDiff_parsesAsync_thenShows();
    void highlight_keywordsStringsComments();
    void panel_header_showsPrState();
    void panel_refresh_againstSimulator();
    void panel_gitStream_whileVisible_refreshesOnChanges();
    void panel_screenshot_paintsTheDiff();
};

void TestDiffView::keyboard_filesAndHunks()
{
    DiffView view;
    QVERIFY(showFixtureDiff(view, {800, 400}));
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QListView *lines = view.findChild<QListView *>(u"diffView"_s);
    QVERIFY(lines);
    QVERIFY(lines->uniformItemSizes());
    lines->setFocus();
    QCOMPARE(view.currentFile(), 0);
    QCOMPARE(view.currentSourceRow(), 0);

    const std::vector<int> hunks = view.model()->hunkRows();
    QTest::keyClick(lines, Qt::Key_N);
    QCOMPARE(view.currentSourceRow(), hunks[0]);
    QTest::keyClick(lines, Qt::Key_N);
    QCOMPARE(view.currentSourceRow(), hunks[1]);
    QCOMPARE(view.currentFile(), 1);
    QTest::keyClick(lines, Qt::Key_P);
    QCOMPARE(view.currentSourceRow(), hunks[0]);

    QTest::keyClick(lines, Qt::Key_BracketRight);
    QCOMPARE(view.currentSourceRow(), view.model()->fileRow(1));
    QCOMPARE(view.fileList()->currentRow(), 1);
    QTest::keyClick(lines, Qt::Key_BracketRight); // no file after the last: stays
    QCOMPARE(view.currentSourceRow(), view.model()->fileRow(1));
    QTest::keyClick(lines, Qt::Key_BracketLeft);
    QCOMPARE(view.currentSourceRow(), 0);
    QCOMPARE(view.fileList()->currentRow(), 0);
}

void TestDiffView::fileList_click_scrollsToFile()
{
    DiffView view;
    QVERIFY(showFixtureDiff(view, {800, 300}));
    QListWidget *files = view.findChild<QListWidget *>(u"diffFileList"_s);
    QCOMPARE(files->count(), 2);
    QSignalSpy changed(&view, &DiffView::currentFileChanged);
    files->setCurrentRow(1);
    QCOMPARE(view.currentFile(), 1);
    QCOMPARE(view.currentSourceRow(), view.model()->fileRow(1));
    QCOMPARE(changed.size(), 1);
}

void TestDiffView::modeToggle_switchesToSideBySide_keepsPosition()
{
    DiffView view;
    QVERIFY(showFixtureDiff(view, {900, 400}));
    QToolButton *toggle = view.findChild<QToolButton *>(u"diffModeToggle"_s);
    QListView *lines = view.findChild<QListView *>(u"diffView"_s);
    view.nextFile();
    const int row = view.currentSourceRow();
    QSignalSpy modes(&view, &DiffView::modeChanged);
    const int unifiedRows = lines->model()->rowCount();
    toggle->click();
    QCOMPARE(view.mode(), DiffView::Mode::SideBySide);
    QCOMPARE(modes.size(), 1);
    QVERIFY(lines->model() != view.model());
    QVERIFY(lines->model()->rowCount() < unifiedRows); // the -/+ pair shares a row
    QCOMPARE(view.currentSourceRow(), row);
    view.nextHunk(); // navigation works in this mode too
    QCOMPARE(view.currentSourceRow(), view.model()->nextHunkRow(row));
    QVERIFY(saveArtifact(&view, u"diff-view-side-by-side.png"_s));
    toggle->click();
    QCOMPARE(view.mode(), DiffView::Mode::Unified);
    QCOMPARE(lines->model(), view.model());
}

void TestDiffView::largeDiff_parsesAsync_thenShows()
{
    QString text;
    for (int f = 0; f < 40; ++f) {
        text += u"diff --git a/f%1.py b/f%1.py\n--- a/f%1.py\n+++ b/f%1.py\n@@ -1,150 +1,150 @@\n"_s
                    .arg(f);
        for (int i = 0; i < 150; ++i)
            text += u" line %1\n"_s.arg(i);
    }
    DiffView view;
    QSignalSpy shown(&view, &DiffView::diffShown);
    view.setDiffText(text);
    QVERIFY(view.isParsing());
    QCOMPARE(shown.size(), 0);
    QVERIFY(shown.wait(10'000));
    QCOMPARE(view.model()->fileCount(), 40);
    // A newer small diff wins over a large one still being parsed.
    view.setDiffText(text);
    view.setDiffText(fixtureDiffText());
    QCOMPARE(view.model()->fileCount(), 2);
    QTest::qWait(200); // let the stale parse finish: it must not replace the newer diff
    QCOMPARE(view.model()->fileCount(), 2);
}

void TestDiffView::highlight_keywordsStringsComments()
{
    using Kind = DiffLineDelegate::Token::Kind;
    const auto tokens = DiffLineDelegate::highlight(u"  return \"x\"; // done", DiffLanguage::Cpp);
    QCOMPARE(tokens.size(), size_t(3));
    QCOMPARE(tokens[0].kind, Kind::Keyword);
    QCOMPARE(tokens[1].kind, Kind::String);
    QCOMPARE(tokens[1].start, 9);
    QCOMPARE(tokens[2].kind, Kind::Comment);
    QCOMPARE(DiffLineDelegate::highlight(u"def f(): # hi", DiffLanguage::Python).back().kind,
        Kind::Comment);
    QCOMPARE(DiffLineDelegate::highlight(u"{\"a\": true, \"n\": 12}", DiffLanguage::Json).size(),
        size_t(4));
    QVERIFY(DiffLineDelegate::highlight(u"return", DiffLanguage::None).empty());
}

void TestDiffView::panel_header_showsPrState()
{
    DiffPanel panel(nullptr);
    QCOMPARE(panel.objectName(), u"diffPanel"_s);
    DiffStatus status = fixtureStatus();
    panel.setChat(Demo::mainChat, status);
    auto label = [&](const char *name) {
        return panel.findChild<QLabel *>(QString::fromLatin1(name))->text();
    };
    QCOMPARE(label("diffStateLabel"), u"Open"_s);
    QVERIFY(label("diffTitleLabel").contains(u"#482"));
    QVERIFY(label("diffTitleLabel").contains(u"Add CSV export"));
    QVERIFY(label("diffBranchLabel").startsWith(u"agent/csv-export → main"));
    QCOMPARE(label("diffReviewLabel"), u"Approved"_s);
    QCOMPARE(label("diffCheckedLabel"), u"checked 4 min ago"_s);

    status.pullRequestDraft = true;
    status.approved = false;
    status.changesRequested = true;
    panel.setDiffStatus(status);
    QCOMPARE(label("diffStateLabel"), u"Draft"_s);
    QCOMPARE(label("diffReviewLabel"), u"Changes requested"_s);
    status.pullRequestState = u"merged"_s;
    panel.setDiffStatus(status);
    QCOMPARE(label("diffStateLabel"), u"Merged"_s);
    status.pullRequestState = u"closed"_s;
    panel.setDiffStatus(status);
    QCOMPARE(label("diffStateLabel"), u"Closed"_s);
    // Another chat's status is ignored.
    DiffStatus other = status;
    other.chatId = ChatId::createUuid();
    other.pullRequestState = u"open"_s;
    other.pullRequestDraft = false;
    panel.setDiffStatus(other);
    QCOMPARE(label("diffStateLabel"), u"Closed"_s);
    panel.setLastChecked(QDateTime::currentDateTimeUtc());
    QCOMPARE(label("diffCheckedLabel"), u"checked just now"_s);
}

void TestDiffView::panel_refresh_againstSimulator()
{
    SimulatorApi server;
    QVERIFY2(server.start(), qPrintable(server.sim.errorString()));
    DiffPanel panel(server.api.get());
    QSignalSpy refreshed(&panel, &DiffPanel::refreshed);
    QSignalSpy failed(&panel, &DiffPanel::loadFailed);
    panel.setChat(Demo::mainChat, std::nullopt);
    // Hidden, it asks nothing (issue 10: /diff was fetched twice per open); shown, once.
    QVERIFY(panel.fetchedChatId().isNull());
    panel.resize(600, 400);
    panel.show();
    QCOMPARE(panel.fetchedChatId(), Demo::mainChat);
    QVERIFY(refreshed.wait(15'000));
    QCOMPARE(failed.size(), 0);
    QVERIFY(panel.diffView()->model()->fileCount() > 0);
    QVERIFY(panel.findChild<QLabel *>(u"diffCheckedLabel"_s)->text().startsWith(u"checked"));

    // Switching chats drops the previous chat's answer still in flight.
    panel.refresh();
    panel.setChat(ChatId(), std::nullopt);
    QTest::qWait(300);
    QCOMPARE(panel.diffView()->model()->fileCount(), 0);
}

void TestDiffView::panel_gitStream_whileVisible_refreshesOnChanges()
{
    SimulatorApi server;
    QVERIFY2(server.start(), qPrintable(server.sim.errorString()));
    DiffPanel panel(server.api.get());
    GitStreams streams(server.api.get());
    int made = 0;
    connect(&streams, &GitStreams::opened, this, [&made] { ++made; });
    panel.setGitStreams(&streams);
    QSignalSpy refreshed(&panel, &DiffPanel::refreshed);
    panel.setChat(Demo::mainChat, std::nullopt);
    QCOMPARE(made, 0); // hidden: no live socket
    QVERIFY(!panel.gitStream());

    panel.resize(600, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(made, 1);
    QVERIFY(panel.gitStream());
    // The first refresh comes from showing it; the workspace's "changes" on connect brings another.
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 15'000);
    QTRY_COMPARE(panel.gitStream()->state(), ConnectionState::Live);

    panel.hide();
    QTRY_VERIFY(!panel.gitStream());
    panel.show();
    QTRY_VERIFY(panel.gitStream());
    QCOMPARE(made, 2);
    // The client is the session's, not the widget's; a gone panel leaves none running.
    QPointer<GitStreamClient> live = panel.gitStream();
    QCOMPARE(live->parent(), &streams);
    panel.setGitStreams(nullptr);
    QVERIFY(!panel.gitStream());
    QTRY_VERIFY(!live);
}

void TestDiffView::panel_screenshot_paintsTheDiff()
{
    DiffPanel panel(nullptr);
    panel.resize(960, 620);
    panel.setChat(Demo::mainChat, fixtureStatus());
    panel.diffView()->setDiffText(fixtureDiffText());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.diffView()->nextFile();
    panel.diffView()->nextHunk();
    QVERIFY(saveArtifact(&panel, u"diff-panel.png"_s));
    // The screenshot is checked too: the panel is not blank, and the diff's lines are painted
    // in the view (ink over the view's background in its upper and lower half).
    const QImage image = panel.grab().toImage();
    QVERIFY(distinctColors(image) > 40);
    QListView *lines = panel.diffView()->lineView();
    QVERIFY(lines);
    const QImage view = lines->viewport()->grab().toImage();
    const QColor background = dominantColor(view);
    const QRect upper(0, 0, view.width(), view.height() / 2);
    const QRect lower(0, view.height() / 2, view.width(), view.height() / 2);
    QVERIFY2(inkShare(view, upper, background) > 0.01, "the diff's upper half is empty");
    QVERIFY2(inkShare(view, lower, background) > 0.01, "the diff's lower half is empty");
    QVERIFY(distinctColors(view) > 20);
}

QTEST_MAIN(TestDiffView)
#include "TestDiffView.moc"
