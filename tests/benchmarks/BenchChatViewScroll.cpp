// Benchmark (label "benchmark"): a 10,000-message chat in MessageListModel + ChatView at
// 1000x800 offscreen. Prints "name: value unit" lines and asserts nothing (design.md c.12).

#include "BenchReport.h"
#include "models/MessageListModel.h"
#include "support/ResidentMemory.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/MessageLayoutCache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QScrollBar>
#include <QTest>

#include <algorithm>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int messageCount = 10'000;
constexpr int pageSize = 50;
constexpr BenchReport print{2};

ChatMessage makeMessage(qint64 id)
{
    ChatMessage m;
    m.id = MessageId{id};
    m.createdAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(id * 30);
    MessagePart text;
    text.kind = MessagePart::Kind::Text;
    text.typeRaw = u"text"_s;
    if (id % 2) {
        m.role = MessageRole::User;
        text.text = u"Question %1: why does the build fail on CI but not locally?"_s.arg(id);
        m.parts << text;
        return m;
    }
    m.role = MessageRole::Assistant;
    switch (id % 6) {
    case 0:
        text.text =
            u"Here is what I found in **step %1**:\n\n```go\nfunc main() {\n\tfmt.Println(%1)\n}\n"
            u"```\n\n- first point\n- second point"_s.arg(id);
        break;
    case 2:
        text.text =
            QString(u"A longer explanation with `inline code` and *emphasis*. "_s).repeated(8);
        break;
    default:
        text.text = u"Short answer %1."_s.arg(id);
        break;
    }
    m.parts << text;
    if (id % 10 == 4) {
        MessagePart call;
        call.kind = MessagePart::Kind::ToolCall;
        call.typeRaw = u"tool-call"_s;
        call.editDetail().toolCallId = u"call_%1"_s.arg(id);
        call.editDetail().toolName = u"execute"_s;
        call.editDetail().args = QJsonObject{{u"command"_s, u"go test ./..."_s}};
        m.parts << call;
    }
    return m;
}

QList<ChatMessage> range(qint64 first, qint64 last)
{
    QList<ChatMessage> out;
    for (qint64 id = first; id <= last; ++id)
        out << makeMessage(id);
    return out;
}

} // namespace

class BenchChatViewScroll : public QObject
{
    Q_OBJECT

private slots:
    void firstFrame_fullModel()
    {
        const qint64 rssStart = Testing::residentKiB();
        MessageListModel model;
        model.upsertMany(range(1, messageCount));
        const qint64 rssModel = Testing::residentKiB();

        ChatView view;
        view.resize(1000, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QElapsedTimer clock;
        clock.start();
        view.setModel(&model);
        view.viewport()->repaint(); // runs the posted (first batch of the) layout, then paints
        const double firstFrame = clock.nsecsElapsed() / 1e6;
        // The batched layout finishes from timers; wait until the view rests at the real bottom.
        QScrollBar *bar = view.verticalScrollBar();
        const QModelIndex last = model.index(model.rowCount() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() == bar->maximum()
                && view.viewport()->rect().intersects(view.visualRect(last)),
            120'000);
        const double settled = clock.nsecsElapsed() / 1e6;
        const qint64 rssView = Testing::residentKiB();

        print("chatview_10k_first_frame", firstFrame, "ms");
        print("chatview_10k_layout_settled_at_bottom", settled, "ms");
        print("chatview_10k_rss_start", rssStart / 1024.0, "MiB");
        print("chatview_10k_rss_after_model", rssModel / 1024.0, "MiB");
        print("chatview_10k_rss_after_view", rssView / 1024.0, "MiB");
        print("chatview_10k_cached_documents",
            view.messageDelegate()->layoutCache().documentCount(), "documents");
    }

    void scrollToTop_prependingPages()
    {
        const qint64 rssStart = Testing::residentKiB();
        MessageListModel model;
        qint64 oldest = messageCount - pageSize + 1;
        model.upsertMany(range(oldest, messageCount));
        ChatView view;
        view.resize(1000, 800);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QList<double> prependTimes;
        connect(&view, &ChatView::loadOlderRequested, &view, [&] {
            if (oldest <= 1)
                return;
            const qint64 first = std::max<qint64>(1, oldest - pageSize);
            QElapsedTimer t;
            t.start();
            model.prependPage(range(first, oldest - 1));
            prependTimes.push_back(t.nsecsElapsed() / 1e6);
            oldest = first;
            view.olderLoadFinished();
        });
        QScrollBar *bar = view.verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());

        QList<double> frames;
        QList<double> layouts;
        QElapsedTimer total;
        total.start();
        int steps = 0;
        while ((oldest > 1 || bar->value() > 0) && steps < 20'000) {
            bar->setValue(bar->value() - view.viewport()->height() / 2);
            QElapsedTimer layout;
            layout.start();
            QCoreApplication::processEvents(); // delayed layout and batches of a prepend
            layouts.push_back(layout.nsecsElapsed() / 1e6);
            QElapsedTimer frame;
            frame.start();
            view.viewport()->repaint();
            frames.push_back(frame.nsecsElapsed() / 1e6);
            ++steps;
        }
        const double seconds = total.nsecsElapsed() / 1e9;
        print("chatview_scroll_steps", steps, "frames");
        print("chatview_scroll_rows_loaded", model.rowCount(), "rows");
        print("chatview_scroll_total", seconds, "s");
        print("chatview_scroll_paint_p50", percentile(frames, 0.50), "ms");
        print("chatview_scroll_paint_p95", percentile(frames, 0.95), "ms");
        print("chatview_scroll_paint_max", percentile(frames, 1.0), "ms");
        print("chatview_scroll_events_p50", percentile(layouts, 0.50), "ms");
        print("chatview_scroll_events_p95", percentile(layouts, 0.95), "ms");
        print("chatview_scroll_events_max", percentile(layouts, 1.0), "ms");
        print("chatview_prepend_page_p50", percentile(prependTimes, 0.50), "ms");
        print("chatview_prepend_page_max", percentile(prependTimes, 1.0), "ms");
        print("chatview_scroll_cached_documents",
            view.messageDelegate()->layoutCache().documentCount(), "documents");
        print("chatview_scroll_rss_before", rssStart / 1024.0, "MiB");
        print("chatview_scroll_rss_after", Testing::residentKiB() / 1024.0, "MiB");
    }
};

QTEST_MAIN(BenchChatViewScroll)
#include "BenchChatViewScroll.moc"
