// BenchDiffView: a 50,000-line diff over several hundred files. Prints "name: value unit"
// lines and asserts nothing (design.md c.12): parse time (sync and via QtConcurrent), parse +
// first paint of the DiffPanel, paint cost per page at the top and at the bottom (flat when
// cost does not grow with length), and VmRSS growth.

#include "BenchReport.h"
#include "core/diff/DiffParser.h"
#include "models/DiffModel.h"
#include "support/ResidentMemory.h"
#include "widgets/diff/DiffPanel.h"
#include "widgets/diff/DiffView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr BenchReport report{2};

//! About \a lines hunk lines over files of 125 lines each, in several languages.
QString makeDiff(int lines)
{
    static const char *const exts[] = {"cpp", "go", "py", "ts", "rs", "json", "sh", "md"};
    QString text;
    text.reserve(qsizetype(lines) * 48);
    int made = 0;
    for (int f = 0; made < lines; ++f) {
        const QString path =
            u"src/module%1/file%2.%3"_s.arg(f / 20).arg(f).arg(QLatin1StringView(exts[f % 8]));
        text += u"diff --git a/%1 b/%1\nindex 1111111..2222222 100644\n--- a/%1\n+++ b/%1\n"_s.arg(
            path);
        for (int h = 0; h < 5; ++h) {
            text += u"@@ -%1,20 +%1,20 @@ function section%2()\n"_s.arg(h * 40 + 1).arg(h);
            for (int i = 0; i < 20; ++i) {
                if (i % 6 == 3) {
                    text += u"-    const value%1 = compute(\"old\", %1); // before\n"
                            u"+    const value%1 = compute(\"new\", %1 + 1); // after\n"_s.arg(i);
                    made += 2;
                } else {
                    text += u"     return helper(%1, \"context line\"); // unchanged\n"_s.arg(i);
                    ++made;
                }
            }
        }
    }
    return text;
}

//! Paint cost of one page, averaged over \a pages page steps from the current position.
double msPerPage(QListView *view, int pages, int direction)
{
    QScrollBar *bar = view->verticalScrollBar();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < pages; ++i) {
        bar->setValue(bar->value() + direction * bar->pageStep());
        view->viewport()->repaint();
    }
    return double(timer.nsecsElapsed()) / 1e6 / pages;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const qint64 rssStart = Testing::residentKiB();
    const QString text = makeDiff(50'000);

    QElapsedTimer timer;
    timer.start();
    const qint64 rssBeforeParse = Testing::residentKiB();
    const ParsedDiff parsed = DiffParser::parse(text);
    report("diff_parse_sync", double(timer.nsecsElapsed()) / 1e6, "ms");
    const qint64 rssParsed = Testing::residentKiB() - rssBeforeParse;
    report("parameter_diff_files", parsed.files.size(), "files");
    report("parameter_diff_lines", parsed.lineCount, "lines");
    report("parameter_diff_size", double(text.size()) * 2 / 1024, "KiB");

    timer.restart();
    QFutureWatcher<ParsedDiff> watcher;
    QSignalSpy parsedSpy(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(DiffParser::parseAsync(text));
    if (!parsedSpy.wait(30'000))
        std::printf("diff_parse_async_timeout: 1 flag\n");
    report("diff_parse_async", double(timer.nsecsElapsed()) / 1e6, "ms");

    {
        DiffModel model;
        const qint64 rssBeforeModel = Testing::residentKiB();
        timer.restart();
        model.setDiff(parsed);
        report("diff_model_set", double(timer.nsecsElapsed()) / 1e6, "ms");
        report("diff_model_rows", model.rowCount(), "rows");
        // Memory per row of parsed lines plus model rows (a QString per row would add ≥ 80 B).
        const qint64 rssModel = Testing::residentKiB() - rssBeforeModel;
        report("diff_parse_and_model_bytes_per_row",
            double(rssParsed + rssModel) * 1024 / double(qMax(1, model.rowCount())), "B/row");
    }

    DiffPanel panel(nullptr);
    panel.resize(1200, 800);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::printf("diff_window_not_exposed: 1 flag\n");
    DiffView *view = panel.diffView();
    QListView *lines = view->lineView();
    const qint64 rssBeforeShow = Testing::residentKiB();

    // Parse (off-thread, as the panel does it) + model + first paint of the visible page.
    QSignalSpy shown(view, &DiffView::diffShown);
    timer.restart();
    view->setDiffText(text);
    if (!shown.wait(30'000))
        std::printf("diff_show_timeout: 1 flag\n");
    lines->viewport()->repaint();
    report("diff_parse_and_first_paint", double(timer.nsecsElapsed()) / 1e6, "ms");
    report("diff_rss_growth_show", double(Testing::residentKiB() - rssBeforeShow), "KiB");

    // 50 pages down from the top, then 50 up from the bottom.
    auto reportPagePaints = [lines](const QString &suffix) {
        lines->scrollToTop();
        lines->viewport()->repaint();
        report(u"diff_page_paint_top"_s + suffix, msPerPage(lines, 50, 1), "ms/page");
        lines->scrollToBottom();
        lines->viewport()->repaint();
        report(u"diff_page_paint_bottom"_s + suffix, msPerPage(lines, 50, -1), "ms/page");
    };
    reportPagePaints({});
    view->setMode(DiffView::Mode::SideBySide);
    reportPagePaints(u"_side_by_side"_s);

    timer.restart();
    for (int i = 0; i < 200; ++i)
        view->nextHunk();
    report("diff_next_hunk", double(timer.nsecsElapsed()) / 1e6 / 200, "ms/step");

    report("diff_rss_growth_total", double(Testing::residentKiB() - rssStart), "KiB");
    return 0;
}
