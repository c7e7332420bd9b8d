// Hostile content (issue 11, item 2): a 50 MB text part and a ~1 MB Markdown table arrive in a
// MessageListModel shown by the real ChatView + MessageDelegate. A 1 ms probe timer records the
// longest time the GUI thread went without running it, and a WebSocket server on loopback (in
// its own thread, like a real server) pings the client and drops it when pongs stop coming.
// The work must come in bounded steps: a row renders a bounded first part (whatever the size of
// the part), the viewer loads and unloads the whole text in chunks that the event loop runs
// between (probe ticks see it half loaded), the socket stays up (the server's pings are answered
// in time), the first screenful is painted, and "Show all" opens the whole text in a plain-text
// viewer. The worst stalls are printed (qInfo), not asserted: speed is for tests/benchmarks.

#include "ConversationTestData.h"
#include "PaintChecks.h"
#include "RowDocument.h"
#include "core/live/MessageAssembler.h"
#include "models/MessageListModel.h"
#include "support/WidgetArtifacts.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/MessageLayoutCache.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/conversation/PlainTextViewer.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextFragment>
#include <QTextFrame>
#include <QTextTable>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <atomic>
#include <functional>
#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

//! A rendered row holds at most this much of a huge part: its clipped beginning, a header and
//! the "Show all" link.
constexpr int maxRowChars = PartRenderer::maxMarkdownChars + 1000;

//! A 1 ms timer on the GUI thread; the worst gap between its ticks is the worst stall (printed).
//! `onTick` runs at each tick: a test counts there what the event loop saw between work steps.
class StallProbe
{
public:
    std::function<void()> onTick;

    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_worstNs = 0;
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    double worstMs() const { return double(m_worstNs) / 1e6; }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_worstNs = std::max(m_worstNs, now - m_lastNs);
        m_lastNs = now;
        if (onTick)
            onTick();
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_worstNs = 0;
};

//! A WebSocket server in its own thread that pings its one client every 50 ms and, like a real
//! server, drops it when no pong came for `dropAfterMs`.
class PingServer : public QObject
{
public:
    static constexpr int pingIntervalMs = 50;
    static constexpr int dropAfterMs = 1000;

    std::atomic<int> pongs = 0;
    std::atomic<int> drops = 0;
    std::atomic<qint64> worstPongGapMs = 0;

    quint16 listen()
    {
        m_server = new QWebSocketServer(u"ping"_s, QWebSocketServer::NonSecureMode, this);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        connect(m_server, &QWebSocketServer::newConnection, this, [this] {
            m_socket = m_server->nextPendingConnection();
            m_lastPong = m_clock.elapsed();
            connect(m_socket, &QWebSocket::pong, this, [this] {
                const qint64 now = m_clock.elapsed();
                worstPongGapMs = std::max<qint64>(worstPongGapMs, now - m_lastPong);
                m_lastPong = now;
                ++pongs;
            });
        });
        m_clock.start();
        m_timer = new QTimer(this);
        m_timer->setInterval(pingIntervalMs);
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
                return;
            if (m_clock.elapsed() - m_lastPong > dropAfterMs) {
                ++drops;
                m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"missed pings"_s);
                return;
            }
            m_socket->ping();
        });
        m_timer->start();
        return m_server->serverPort();
    }
    void resetGap() { m_lastPong = m_clock.elapsed(), worstPongGapMs = 0; }

private:
    QWebSocketServer *m_server = nullptr;
    QWebSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_lastPong = 0;
};

qsizetype hugeTextChars()
{
    bool ok = false;
    const int mb = qEnvironmentVariableIntValue("AGENTDESK_HUGE_MB", &ok);
    return qsizetype(ok && mb > 0 ? mb : 50) * 1000 * 1000;
}

//! Log-like lines of 100 characters (99 + newline), `chars` characters in all.
QString hugeText(qsizetype chars)
{
    QString text;
    text.reserve(chars);
    const QString filler =
        u" The quick brown fox jumps over the lazy dog; lorem ipsum dolor sit amet, 01234567"_s;
    for (qsizetype line = 1; text.size() + 100 <= chars; ++line) {
        text += u"line %1"_s.arg(line, 9, 10, QChar(u'0'));
        text += filler.left(99 - 14);
        text += u'\n';
    }
    text += QString(chars - text.size(), u'x');
    return text;
}

//! A GitHub table of `rows` rows, about 85 characters each.
QString hugeTable(int rows)
{
    QString text = u"Here is the table you asked for:\n\n| Row | Name | Value | Note |\n"
                   u"|---:|---|---:|---|\n"_s;
    text.reserve(qsizetype(rows) * 90);
    for (int row = 1; row <= rows; ++row)
        text += u"| %1 | item-%1 | %2 | row %1 of a rather big table, with some text |\n"_s.arg(row)
                    .arg(qint64(row) * 7919 % 100000);
    text += u"\nThat was all of it."_s;
    return text;
}

int inkedPixels(const QImage &image, const QRect &rect, QRgb background)
{
    int inked = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (image.pixel(x, y) != background)
                ++inked;
        }
    }
    return inked;
}

QList<QTextTable *> tablesOf(QTextDocument &document)
{
    QList<QTextTable *> tables;
    QList<QTextFrame *> pending{document.rootFrame()};
    while (!pending.isEmpty()) {
        QTextFrame *frame = pending.takeLast();
        pending.append(frame->childFrames());
        if (auto *table = qobject_cast<QTextTable *>(frame))
            tables.append(table);
    }
    return tables;
}

} // namespace

class TestHugeContent : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_serverThread.start();
        m_server = new PingServer;
        m_server->moveToThread(&m_serverThread);
        quint16 port = 0;
        QMetaObject::invokeMethod(
            m_server, [&] { port = m_server->listen(); }, Qt::BlockingQueuedConnection);
        QVERIFY(port != 0);
        m_client = std::make_unique<QWebSocket>();
        m_client->open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(port)));
        QTRY_COMPARE(m_client->state(), QAbstractSocket::ConnectedState);
        QTRY_VERIFY(m_server->pongs > 2); // the client answers pings
    }
    void cleanupTestCase()
    {
        m_client.reset();
        QMetaObject::invokeMethod(m_server, &QObject::deleteLater);
        m_serverThread.quit();
        m_serverThread.wait();
    }

    void init()
    {
        m_model = std::make_unique<MessageListModel>();
        m_view = std::make_unique<ChatView>();
        m_view->setModel(m_model.get());
        m_view->messageDelegate()->setOpenLinksExternally(false);
        m_view->resize(900, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_model->upsert(userText(1, u"Please print the whole log."_s));
        QTRY_VERIFY(m_view->visualRect(m_model->index(0)).height() > 0);
    }
    void cleanup()
    {
        m_view.reset();
        m_model.reset();
        QCOMPARE(m_client->state(), QAbstractSocket::ConnectedState);
    }

    void clipMarkdown_leavesOrdinaryTextAlone_andCapsTheRest()
    {
        const QString ordinary = u"Some **bold** text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\n"
                                 u"| not | a | table |\n```\n"_s;
        QCOMPARE(PartRenderer::clipMarkdown(ordinary).text, ordinary);
        QVERIFY(!PartRenderer::clipMarkdown(ordinary).clipped);

        const auto longLine = PartRenderer::clipMarkdown(QString(50000, u'a'));
        QVERIFY(longLine.clipped);
        QCOMPARE(longLine.text, QString(PartRenderer::maxLineChars, u'a') + u'…');

        const auto table = PartRenderer::clipMarkdown(hugeTable(1000));
        QVERIFY(table.clipped);
        QVERIFY(table.text.contains(u"| 50 | item-50 |"_s));
        QVERIFY(!table.text.contains(u"| 51 | item-51 |"_s));
        QVERIFY2(table.text.contains(u"950 more row"_s), qPrintable(table.text.right(200)));
        QVERIFY(table.text.endsWith(u"That was all of it."_s)); // text after the table stays

        const auto lines = PartRenderer::clipMarkdown(hugeText(1000 * 1000));
        QVERIFY(lines.clipped);
        QCOMPARE_GT(lines.text.count(u"line "_s), 200);
        QVERIFY(lines.text.size() <= PartRenderer::maxMarkdownChars);
        QVERIFY(lines.text.startsWith(u"line 000000001 "_s));
        const auto shortLines = PartRenderer::clipMarkdown(QString(u"x\n"_s).repeated(10000));
        QVERIFY(shortLines.clipped);
        QCOMPARE(shortLines.text.count(u'x'), PartRenderer::maxMarkdownLines);

        // A long run of lines is split into paragraphs; nothing is left out, nothing to show.
        const QString log = hugeText(100 * 100);
        const auto paragraphs = PartRenderer::clipMarkdown(log);
        QVERIFY(!paragraphs.clipped);
        QCOMPARE(paragraphs.text.count(u"\n\n"_s), 100 / PartRenderer::maxParagraphLines);
        QCOMPARE(QString(paragraphs.text).replace(u"\n\n"_s, u"\n"_s), log);
        // Even a short message can hold a thousand line breaks.
        const auto breaks = PartRenderer::clipMarkdown(QString(u"x\n"_s).repeated(1000));
        QVERIFY(breaks.clipped);
        QCOMPARE(breaks.text.count(u'x'), PartRenderer::maxMarkdownLines);
        QCOMPARE(breaks.text.count(u"\n\n"_s),
            (PartRenderer::maxMarkdownLines - 1) / PartRenderer::maxParagraphLines);
        // Lists, code and quotes of ordinary length stay as they are.
        const QString list = u"Steps:\n"_s + QString(u"- step\n"_s).repeated(100);
        QCOMPARE(PartRenderer::clipMarkdown(list).text, list);
        const QString code = u"```\n"_s + hugeText(200 * 100) + u"```\n"_s;
        QCOMPARE(PartRenderer::clipMarkdown(code).text, code);
    }

    void hugeTextPart_staysResponsive_showsFirstScreen_andShowAll()
    {
        const QString text = hugeText(hugeTextChars());
        const int pongsBefore = m_server->pongs;
        m_server->resetGap();

        StallProbe probe;
        probe.start();
        QTimer::singleShot(0, m_model.get(), [&] { m_model->upsert(assistantText(2, text)); });
        QTRY_COMPARE(m_model->rowCount(), 2);
        const QModelIndex index = m_model->index(1);
        QTRY_VERIFY(m_view->visualRect(index).height() > 0);
        QTRY_VERIFY(m_view->isFollowing());
        QVERIFY(waitForPaint(m_view->viewport(), 60'000)); // the frame that shows it
        probe.stop();
        qInfo("worst GUI stall while a %lld MB text part arrived and rendered: %.1f ms",
            qlonglong(text.size() / 1000000), probe.worstMs());
        qInfo("worst gap between pongs seen by the server: %lld ms",
            qlonglong(m_server->worstPongGapMs.load()));
        // Not 50 MB laid out in one step: the row holds a bounded beginning.
        QCOMPARE_LE(rowDocument(*m_view, index).characterCount(), maxRowChars);
        QCOMPARE(m_server->drops.load(), 0);
        QCOMPARE(m_client->state(), QAbstractSocket::ConnectedState);
        // The client still answers pings: the next pong after the work arrives (a definite event).
        QTRY_VERIFY_WITH_TIMEOUT(m_server->pongs > pongsBefore, 10'000);

        // The first screenful is painted: the row's text starts with the part's beginning.
        const QString shown = rowDocument(*m_view, index).toPlainText();
        QVERIFY2(shown.contains(text.left(30)), qPrintable(shown.left(200)));
        m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
        const QImage pixels = m_view->viewport()->grab().toImage();
        QVERIFY(pixels.save(artifactPath(u"TestHugeContent-text.png"_s)));
        const QRgb background = pixels.pixel(pixels.width() - 2, pixels.height() - 2);
        const QRect row = m_view->visualRect(index).intersected(m_view->viewport()->rect());
        QVERIFY(row.height() > 100);
        QCOMPARE_GT(inkedPixels(pixels, row, background), 2000);

        // "Show all (50 MB)" opens a plain-text viewer that ends up holding the whole text.
        m_view->scrollToBottomAndFollow();
        const QString href = PartRenderer::showAllHref(0);
        QTRY_VERIFY(m_view->viewport()->rect().contains(findAnchor(*m_view, index, href).second));
        const auto [label, point] = findAnchor(*m_view, index, href);
        QVERIFY2(label.startsWith(u"Show all ("_s), qPrintable(label));
        QVERIFY2(label.contains(u"%1 MB"_s.arg(text.size() / 1000000)), qPrintable(label));
        QVERIFY(m_view->findChildren<PlainTextViewer *>().isEmpty());

        QElapsedTimer loading;
        loading.start();
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, point);
        const auto viewers = m_view->findChildren<PlainTextViewer *>();
        QCOMPARE(viewers.size(), 1);
        PlainTextViewer *viewer = viewers.first();
        // The text goes in chunk by chunk, events running in between: the probe's ticks find
        // it partly loaded (a load in one step would be done before the first tick).
        int halfLoadedTicks = 0;
        probe.onTick = [&] {
            if (!viewer->isLoaded())
                ++halfLoadedTicks;
        };
        probe.start();
        QTRY_VERIFY(viewer->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), 120000);
        probe.stop();
        probe.onTick = nullptr;
        qInfo("worst GUI stall while the viewer loaded %lld MB (in %lld ms): %.1f ms; %d probe "
              "ticks ran while it was partly loaded",
            qlonglong(text.size() / 1000000), qlonglong(loading.elapsed()), probe.worstMs(),
            halfLoadedTicks);
        QCOMPARE_GT(halfLoadedTicks, 0);
        QCOMPARE(m_server->drops.load(), 0);

        auto *edit = viewer->findChild<QPlainTextEdit *>();
        QVERIFY(edit);
        QCOMPARE(edit->document()->characterCount(), text.size() + 1);
        QTextDocument *document = edit->document();
        QCOMPARE(document->firstBlock().text(), text.section(u'\n', 0, 0));
        QCOMPARE(document->blockCount(), text.count(u'\n') + 1);
        const QStringList tail = text.sliced(text.size() - 1000).split(u'\n');
        QCOMPARE(document->findBlockByNumber(document->blockCount() - 2).text(),
            tail.at(tail.size() - 2));
        QVERIFY(!viewer->brokeLongLines());
        QCOMPARE(viewer->text().size(), text.size());
        QVERIFY(viewer->grab().save(artifactPath(u"TestHugeContent-viewer.png"_s)));
        // Closing empties the editor chunk by chunk before deleting it: ticks find it hidden
        // with part of the text left.
        QPointer<PlainTextViewer> closing = viewer;
        int halfEmptiedTicks = 0;
        probe.onTick = [&] {
            if (closing && closing->isHidden()) {
                const int left = closing->editor()->document()->characterCount();
                if (left > 1 && left < text.size() + 1)
                    ++halfEmptiedTicks;
            }
        };
        probe.start();
        viewer->close(); // deletes it
        QTRY_VERIFY_WITH_TIMEOUT(m_view->findChildren<PlainTextViewer *>().isEmpty(), 120000);
        QVERIFY(waitForPaint(m_view->viewport(), 60'000));
        probe.stop();
        probe.onTick = nullptr;
        qInfo("worst GUI stall while the viewer closed: %.1f ms; %d probe ticks ran while it was "
              "partly emptied",
            probe.worstMs(), halfEmptiedTicks);
        QCOMPARE_GT(halfEmptiedTicks, 0);

        // A window resize lays the row out again at another width.
        probe.start();
        m_view->resize(760, 700);
        QTRY_COMPARE(m_view->messageDelegate()->textWidth(),
            m_view->viewport()->width() - 2 * MessageDelegate::horizontalMargin);
        QVERIFY(waitForPaint(m_view->viewport(), 60'000)); // the frame at the new width
        probe.stop();
        qInfo("worst GUI stall while the window was resized: %.1f ms", probe.worstMs());
        QCOMPARE_LE(rowDocument(*m_view, index).characterCount(), maxRowChars);
        // At the new width the rows are taller, and the end of the tall row can still be reached.
        m_view->scrollToBottomAndFollow();
        QTRY_VERIFY(m_view->viewport()->rect().contains(findAnchor(*m_view, index, href).second));
        QStyleOptionViewItem option;
        QCOMPARE(m_view->verticalScrollBar()->maximum(),
            m_view->messageDelegate()->sizeHint(option, m_model->index(0)).height()
                + m_view->messageDelegate()->sizeHint(option, index).height()
                - m_view->viewport()->height());
    }

    void hugeReasoning_expanded_isCapped_andShowAllOpensIt()
    {
        const QString thoughts = hugeText(5 * 1000 * 1000);
        m_model->upsert(message(2, MessageRole::Assistant,
            {reasoningPart(thoughts, 12), textPart(u"Done thinking."_s)}));
        QTRY_COMPARE(m_model->rowCount(), 2);
        const QModelIndex index = m_model->index(1);
        StallProbe probe;
        probe.start();
        m_view->messageDelegate()->setExpanded(index, 0, true);
        QTRY_VERIFY(rowDocument(*m_view, index).toPlainText().contains(thoughts.left(40)));
        QVERIFY(waitForPaint(m_view->viewport(), 60'000));
        probe.stop();
        qInfo("worst GUI stall while 5 MB of reasoning expanded: %.1f ms", probe.worstMs());
        QCOMPARE_LT(
            rowDocument(*m_view, index).characterCount(), PartRenderer::maxMarkdownChars + 1000);
        QVERIFY(!findAnchor(*m_view, index, PartRenderer::showAllHref(0)).first.isEmpty());

        PlainTextViewer *viewer = m_view->messageDelegate()->openFullText(index, 0);
        QVERIFY(viewer);
        QCOMPARE(viewer->text(), thoughts);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), 60000);
        viewer->close();
        QTRY_VERIFY_WITH_TIMEOUT(m_view->findChildren<PlainTextViewer *>().isEmpty(), 60000);
        QVERIFY(!m_view->messageDelegate()->openFullText(index, 7)); // no such part
    }

    void plainTextViewer_breaksOneEnormousLine()
    {
        const QString line(3 * PlainTextViewer::maxRunChars + 10, u'a');
        PlainTextViewer viewer;
        viewer.setText(u"One line"_s, line);
        QTRY_VERIFY(viewer.isLoaded());
        QVERIFY(viewer.brokeLongLines());
        QCOMPARE(viewer.editor()->document()->blockCount(), 4);
        QCOMPARE(
            viewer.editor()->document()->firstBlock().text().size(), PlainTextViewer::maxRunChars);
        QCOMPARE(viewer.text(), line); // what "Copy All" copies
    }

    void hugeTable_isCapped_andStaysResponsive()
    {
        constexpr int rows = 12000;
        const QString text = hugeTable(rows);
        QVERIFY(text.size() > 900000);
        m_server->resetGap();

        StallProbe probe;
        probe.start();
        QTimer::singleShot(0, m_model.get(), [&] { m_model->upsert(assistantText(2, text)); });
        QTRY_COMPARE(m_model->rowCount(), 2);
        const QModelIndex index = m_model->index(1);
        QTRY_VERIFY(m_view->visualRect(index).height() > 0);
        m_view->resize(760, 700);
        QTRY_COMPARE(m_view->messageDelegate()->textWidth(),
            m_view->viewport()->width() - 2 * MessageDelegate::horizontalMargin);
        QVERIFY(waitForPaint(m_view->viewport(), 60'000)); // the frame at the new width
        probe.stop();
        qInfo("worst GUI stall while a %lld kB Markdown table (%d rows) arrived and rendered: "
              "%.1f ms",
            qlonglong(text.size() / 1000), rows, probe.worstMs());
        QCOMPARE(m_server->drops.load(), 0);

        QTextDocument &document = rowDocument(*m_view, index);
        const QList<QTextTable *> tables = tablesOf(document);
        QCOMPARE(tables.size(), 1);
        QCOMPARE_GT(tables.first()->rows(), 10);
        QCOMPARE_LE(tables.first()->rows(), PartRenderer::maxTableRows + 1); // + the header
        QCOMPARE(tables.first()->cellAt(1, 1).firstCursorPosition().block().text(), u"item-1"_s);
        const QString shown = document.toPlainText();
        QVERIFY2(shown.contains(u"more row"_s), qPrintable(shown.right(300)));
        QVERIFY(!findAnchor(*m_view, index, PartRenderer::showAllHref(0)).first.isEmpty());

        m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
        const QImage pixels = m_view->viewport()->grab().toImage();
        QVERIFY(pixels.save(artifactPath(u"TestHugeContent-table.png"_s)));
        const QRgb background = pixels.pixel(pixels.width() - 2, pixels.height() - 2);
        QCOMPARE_GT(
            inkedPixels(pixels, m_view->visualRect(index).intersected(m_view->viewport()->rect()),
                background),
            2000);
    }

    void hugeStreamedText_keepsTheSocketUp_andTheRowBounded()
    {
        // 50 MB streamed as 5,000 deltas of 10 kB, 100 deltas per socket frame, published to the
        // model at most every 33 ms as ChatSession does.
        const qsizetype total = std::min<qsizetype>(hugeTextChars(), 50 * 1000 * 1000);
        const QString text = hugeText(total);
        constexpr qsizetype deltaChars = 10000;
        constexpr int deltasPerFrame = 100;

        MessageAssembler assembler(ChatId::createUuid());
        StreamEvent running;
        running.type = StreamEvent::Type::Status;
        running.status = ChatStatus::Running;
        assembler.apply(running);
        m_model->setChatActive(true);

        qsizetype sent = 0;
        const auto nextBatch = [&] {
            QList<StreamEvent> batch;
            for (int i = 0; i < deltasPerFrame && sent < text.size(); ++i) {
                StreamEvent event;
                event.type = StreamEvent::Type::MessagePart;
                event.part = textPart(text.mid(sent, deltaChars));
                sent += deltaChars;
                batch << event;
            }
            return batch;
        };
        StreamRun run;
        QVERIFY(streamThroughAssembler(assembler, nextBatch, false, run));
        QVERIFY(m_model->hasPreview());
        qInfo("streaming %lld MB as %lld deltas took %lld ms; worst GUI stall %.1f ms",
            qlonglong(text.size() / 1000000), qlonglong(text.size() / deltaChars),
            qlonglong(run.elapsedMs), run.worstStallMs);
        QCOMPARE(m_server->drops.load(), 0);

        const auto preview = assembler.preview();
        QVERIFY(preview);
        QCOMPARE(preview->parts.size(), 1);
        // Past the cap the preview holds the beginning; the committed message brings the rest.
        QCOMPARE(preview->parts.first().text,
            text.left(std::min(text.size(), MessageAssembler::maxPreviewTextChars)));
        const QModelIndex index = m_model->index(m_model->rowCount() - 1);
        QVERIFY(index.data(MessageListModel::StreamingRole).toBool());
        QVERIFY(rowDocument(*m_view, index).toPlainText().contains(text.left(30)));
        QCOMPARE_LE(rowDocument(*m_view, index).characterCount(), maxRowChars);
    }

    void hugeStreamedToolResult_keepsTheSocketUp_andTheRowBounded()
    {
        // A tool's output of 10 MB streamed as 1,000 deltas of 10 kB: partial JSON that was
        // parsed again in full after every delta.
        const QString output = hugeText(std::min<qsizetype>(hugeTextChars(), 10 * 1000 * 1000));
        const QByteArray json = "{\"output\":\"" + output.toUtf8().replace('\n', "\\n") + "\"}";
        constexpr qsizetype deltaBytes = 10000;
        constexpr int deltasPerFrame = 20;

        MessageAssembler assembler(ChatId::createUuid());
        StreamEvent running;
        running.type = StreamEvent::Type::Status;
        running.status = ChatStatus::Running;
        assembler.apply(running);
        StreamEvent call;
        call.type = StreamEvent::Type::MessagePart;
        call.part = toolCall(u"call_big"_s, u"execute"_s, {{u"command"_s, u"cat big.log"_s}});
        assembler.apply(call);
        m_model->setChatActive(true);

        qsizetype sent = 0;
        const auto nextBatch = [&] {
            QList<StreamEvent> batch;
            for (int i = 0; i < deltasPerFrame && sent < json.size(); ++i) {
                StreamEvent event;
                event.type = StreamEvent::Type::MessagePart;
                event.part.kind = MessagePart::Kind::ToolResult;
                event.part.typeRaw = u"tool-result"_s;
                event.part.editDetail().toolCallId = u"call_big"_s;
                event.part.editDetail().toolName = u"execute"_s;
                event.part.editDetail().resultDelta = QString::fromUtf8(json.mid(sent, deltaBytes));
                sent += deltaBytes;
                batch << event;
            }
            return batch;
        };
        StreamRun run;
        QVERIFY(streamThroughAssembler(assembler, nextBatch, true, run));
        qInfo("streaming a %lld MB tool result as %lld deltas took %lld ms; worst GUI stall "
              "%.1f ms",
            qlonglong(json.size() / 1000000), qlonglong(json.size() / deltaBytes),
            qlonglong(run.elapsedMs), run.worstStallMs);
        QCOMPARE(m_server->drops.load(), 0);

        const auto preview = assembler.preview();
        QVERIFY(preview);
        QCOMPARE(preview->parts.size(), 2);
        QCOMPARE(preview->parts.at(1).detail().resultDelta.toUtf8(),
            json.left(MessageAssembler::maxPreviewTextChars));
        const QModelIndex index = m_model->index(m_model->rowCount() - 1);
        QVERIFY(rowDocument(*m_view, index).toPlainText().contains(u"cat big.log"_s));
        QCOMPARE_LE(rowDocument(*m_view, index).characterCount(), maxRowChars);
    }

private:
    struct StreamRun
    {
        qint64 elapsedMs = 0;
        double worstStallMs = 0;
    };

    //! Streams into `assembler` as a socket would: every 2 ms the next batch from `nextBatch`
    //! (empty once the stream is over) is applied, and every 33 ms the preview is published to
    //! the model when it changed, as ChatSession does (`dirty`: publish at the first tick even
    //! without a change). True once the last preview is published and painted; `run` gets the
    //! time it took and the worst stall the probe saw.
    bool streamThroughAssembler(MessageAssembler &assembler,
        const std::function<QList<StreamEvent>()> &nextBatch, bool dirty, StreamRun &run)
    {
        bool over = false;
        QTimer frames;
        frames.setInterval(2);
        QObject::connect(&frames, &QTimer::timeout, [&] {
            const QList<StreamEvent> batch = nextBatch();
            if (batch.isEmpty()) {
                over = true;
                frames.stop();
                return;
            }
            dirty = !assembler.applyBatch(batch).isEmpty() || dirty;
        });
        QTimer publish;
        publish.setInterval(33);
        QObject::connect(&publish, &QTimer::timeout, [&] {
            if (dirty)
                m_model->setPreview(assembler.preview());
            dirty = false;
        });

        StallProbe probe;
        QElapsedTimer clock;
        clock.start();
        probe.start();
        frames.start();
        publish.start();
        const bool published = QTest::qWaitFor([&] { return over && !dirty; }, 120'000)
            && waitForPaint(m_view->viewport(), 60'000);
        probe.stop();
        run = {clock.elapsed(), probe.worstMs()};
        return published;
    }

    QThread m_serverThread;
    PingServer *m_server = nullptr;
    std::unique_ptr<QWebSocket> m_client;
    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<ChatView> m_view;
};

QTEST_MAIN(TestHugeContent)
#include "TestHugeContent.moc"
