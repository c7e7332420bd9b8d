// The whole app in this process against agentdesk-sim (2,000 chats, one of 10,000 messages):
// the list, a real click on the long chat, scrolling its whole history in, and the memory at each
// stage. Prints "name: value unit"; asserts nothing (design.md c.12). Start-up from outside (the
// process's own start time) is tools/bench-startup.sh.
//
//  - app_start_call_to_*: from Application::start() in this process to list paints.
//  - click_to_first_screen_of_10000_chat: a QTest::mouseClick on the chat's row, then a
//    QEventLoop (no polling) until the first paint of the chat view that shows the newest
//    message at the bottom; the clock is read inside the paint filter.
//  - history_fully_loaded_10000: scroll up a screen at a time, each step waiting for its frame,
//    until the session has no older page; frame time = scroll step to its frame painted.
//  - memory_*: RSS and PSS (/proc/self/smaps_rollup) with 2,000 chats listed, the chat open,
//    fully scrolled, back at the bottom after a minute, and another (short) chat open; the
//    chat's JSON size (every page the server sends for it) to compare with. Beside them,
//    memory_*_malloc_in_use: malloc's bytes handed out (mallinfo2, glibc only), the live heap,
//    to tell it from freed memory malloc still keeps resident.
//  - AGENTDESK_BENCH_EXIT_AT=<stage> (for heaptrack) ends the run after that stage's reading.

#include "app/Application.h"
#include "core/api/ApiClient.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "support/ResidentMemory.h"
#include "support/SimulatorProcess.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/shell/MainWindow.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int chatCount = 2000;     //!< Parameter.
constexpr int messageCount = 10000; //!< Parameter.
constexpr int idleSeconds = 60;     //!< Parameter: time at the bottom before the last reading.

//! Calls `onPaint` after each paint of `widget` has been handled (the window's UpdateRequest
//! returns), so a clock read there includes the painting.
class PaintProbe final : public QObject
{
public:
    PaintProbe(QWidget *widget, std::function<void()> onPaint)
        : m_widget(widget)
        , m_onPaint(std::move(onPaint))
    {
        widget->installEventFilter(this);
        widget->window()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint) {
            m_painted = true;
        } else if (watched == m_widget->window() && event->type() == QEvent::UpdateRequest) {
            const bool handled = watched->event(event);
            if (std::exchange(m_painted, false))
                m_onPaint();
            return handled;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_widget;
    std::function<void()> m_onPaint;
    bool m_painted = false;
};

void report(const char *name, double value, const char *unit)
{
    std::printf("%s: %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

qint64 proportionalKiB()
{
    QFile rollup(u"/proc/self/smaps_rollup"_s);
    if (!rollup.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : rollup.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

//! RSS in KiB at each stage, for the figures derived at the end.
QHash<QString, qint64> g_rss;

void reportMemory(const char *stage)
{
    g_rss.insert(QString::fromLatin1(stage), residentKiB());
    report(qPrintable(u"memory_%1_rss"_s.arg(QLatin1StringView(stage))),
        double(residentKiB()) / 1024.0, "MiB");
    report(qPrintable(u"memory_%1_pss"_s.arg(QLatin1StringView(stage))),
        double(proportionalKiB()) / 1024.0, "MiB");
#if defined(__GLIBC__)
    // Beside RSS, not instead of it: the bytes malloc has handed out and not had back (small
    // blocks in use plus mmapped ones). RSS minus this is mostly free memory malloc still holds.
    const struct mallinfo2 heap = mallinfo2();
    report(qPrintable(u"memory_%1_malloc_in_use"_s.arg(QLatin1StringView(stage))),
        double(heap.uordblks + heap.hblkhd) / (1024.0 * 1024.0), "MiB");
#endif
}

//! For heaptrack: AGENTDESK_BENCH_EXIT_AT=<stage> ends the process right after that stage's
//! reading, so what is still allocated at exit is what the app holds at that stage (compare two
//! stages with heaptrack_print --diff).
void exitIfAsked(const char *stage)
{
    if (qEnvironmentVariable("AGENTDESK_BENCH_EXIT_AT") == QLatin1StringView(stage))
        std::exit(0);
}

//! A condition a callback sets; wait() runs a QEventLoop that the callback ends (no polling).
struct Waiter
{
    bool done = false;
    QEventLoop *loop = nullptr;
    void set()
    {
        done = true;
        if (loop)
            loop->quit();
    }
    bool wait(int timeoutMs)
    {
        if (done)
            return true;
        QEventLoop events;
        loop = &events;
        // A timer that goes with this wait: a QTimer::singleShot stays pending until it fires,
        // and thousands of frame waits left ~1 MB of them alive at the memory readings.
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &events, &QEventLoop::quit);
        timeout.start(timeoutMs);
        events.exec();
        loop = nullptr;
        return done;
    }
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5)));
}

//! The bytes of every page the server sends for the chat's history: the pages the app fetches
//! (its route prefix, its page size), each a 200 answer; -1 when a page fails (the figure would
//! otherwise be the size of an error page: it printed 0.0 MiB while the app used /api/v2).
qint64 chatJsonBytes(const QUrl &base, const QString &chatsPrefix, const QByteArray &token,
    const ChatId &chat, int pageSize)
{
    QNetworkAccessManager network;
    qint64 total = 0;
    std::optional<qint64> before;
    for (int page = 0; page < 100'000; ++page) {
        QUrl url =
            base.resolved(QUrl(u"%1/%2/messages?limit=%3%4"_s.arg(chatsPrefix, chat.toString(),
                QString::number(pageSize), before ? u"&before_id=%1"_s.arg(*before) : QString())));
        QNetworkRequest request(url);
        request.setRawHeader("Coder-Session-Token", token);
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status != 200) {
            std::printf("chat_json_size: GET %s answered %d\n",
                qPrintable(url.path(QUrl::FullyEncoded)), status);
            return -1;
        }
        total += body.size();
        const QJsonArray messages =
            QJsonDocument::fromJson(body).object().value(u"messages"_s).toArray();
        if (messages.isEmpty())
            break;
        qint64 oldest = std::numeric_limits<qint64>::max();
        for (const QJsonValue &m : messages)
            oldest = std::min(oldest, m.toObject().value(u"id"_s).toInteger());
        before = oldest;
    }
    return total;
}

} // namespace

class BenchAppStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void listOpenScrollAndMemory();
};

void BenchAppStartup::listOpenScrollAndMemory()
{
    report("parameter_chats", chatCount, "chats");
    report("parameter_messages_in_long_chat", messageCount, "messages");
    SimulatorProcess sim({u"--demo"_s, u"--chats"_s, QString::number(chatCount), u"--messages"_s,
        QString::number(messageCount)});
    QVERIFY2(sim.start(std::chrono::seconds(60)), qPrintable(sim.errorString()));

    Application::Options options;
    options.deploymentUrl = sim.baseUrl();
    options.token = sim.token();
    options.isolatedStorage = true;
    Application app(options);

    QElapsedTimer clock;
    clock.start();
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow(), 30'000);
    MainWindow *window = app.mainWindow();
    window->resize(1280, 800);
    ChatListView *list = window->chatListView();
    qint64 firstListMs = -1;
    qint64 fullListMs = -1;
    Waiter listDone;
    PaintProbe listPaints(list->viewport(), [&] {
        const int rows = app.chatListModel()->rowCount();
        if (rows > 0 && firstListMs < 0)
            firstListMs = clock.elapsed();
        if (rows >= chatCount && fullListMs < 0) {
            fullListMs = clock.elapsed();
            listDone.set();
        }
    });
    QVERIFY(listDone.wait(60'000));
    report("app_start_call_to_first_painted_list", double(firstListMs), "ms");
    report("app_start_call_to_painted_list_2000_chats", double(fullListMs), "ms");
    reportMemory("2000_chats_listed");
    exitIfAsked("2000_chats_listed");

    ChatId seeded;
    for (int row = 0; row < app.chatListModel()->rowCount(); ++row) {
        const QModelIndex index = app.chatListModel()->index(row, 0);
        if (index.data(ChatListModel::TitleRole).toString() == u"Seeded history")
            seeded = index.data(ChatListModel::ChatIdRole).value<ChatId>();
    }
    QVERIFY(!seeded.isNull());
    const QModelIndex row = list->indexOfChat(seeded);
    QVERIFY(row.isValid());
    list->scrollTo(row);
    QCoreApplication::processEvents();
    const QRect rowRect = list->visualRect(row);
    QVERIFY(list->viewport()->rect().contains(rowRect.center()));

    auto *chatView = window->conversationWidget()->findChild<ChatView *>(u"chatView"_s);
    QVERIFY(chatView);
    QScrollBar *bar = chatView->verticalScrollBar();
    qint64 openMs = -1;
    Waiter opened;
    PaintProbe chatPaints(chatView->viewport(), [&] {
        QAbstractItemModel *model = chatView->model();
        if (opened.done || !model || model->rowCount() == 0)
            return;
        const QModelIndex newest = model->index(model->rowCount() - 1, 0);
        if (bar->value() == bar->maximum()
            && chatView->viewport()->rect().intersects(chatView->visualRect(newest))) {
            openMs = clock.elapsed();
            opened.set();
        }
    });
    clock.restart();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rowRect.center());
    QVERIFY(opened.wait(30'000));
    report("click_to_first_screen_of_10000_chat", double(openMs), "ms");
    report("rows_after_open", double(chatView->model()->rowCount()), "rows");
    reportMemory("chat_open");

    // Scroll to the top until the session has no older page and the view is at the top.
    ChatSession *session = window->conversationWidget()->session();
    QVERIFY(session);
    bool noOlder = false;
    connect(session, &ChatSession::olderLoaded, this,
        [&] { noOlder = noOlder || !session->canLoadOlder(); });
    std::vector<double> frames;
    QElapsedTimer total;
    total.start();
    while (!(noOlder && bar->value() == 0) && total.elapsed() < 300'000) {
        Waiter painted;
        PaintProbe stepPaint(chatView->viewport(), [&] { painted.set(); });
        QElapsedTimer frame;
        frame.start();
        bar->setValue(bar->value() - chatView->viewport()->height());
        chatView->viewport()->update();
        if (painted.wait(5000))
            frames.push_back(double(frame.nsecsElapsed()) / 1e6);
    }
    report("history_fully_loaded_10000_total", double(total.elapsed()), "ms");
    report("history_fully_loaded_10000_rows", double(chatView->model()->rowCount()), "rows");
    report("history_fully_loaded_10000_frames", double(frames.size()), "frames");
    report("history_fully_loaded_10000_frame_p50", percentile(frames, 0.50), "ms");
    report("history_fully_loaded_10000_frame_p95", percentile(frames, 0.95), "ms");
    report("history_fully_loaded_10000_frame_max", percentile(frames, 1.0), "ms");
    reportMemory("fully_scrolled");
    exitIfAsked("fully_scrolled");
#if defined(__GLIBC__)
    // The same, once the allocator has handed back what is free: what the history itself holds,
    // apart from pages and documents already released but still in glibc's arenas.
    malloc_trim(0);
    reportMemory("fully_scrolled_trimmed");
#endif

    chatView->scrollToBottomAndFollow();
    Waiter idle;
    idle.wait(idleSeconds * 1000);
    reportMemory("back_at_bottom_after_60s");

    // Leaving the long chat for a short one: its history goes with it.
    ChatId shortChat;
    for (int r = 0; r < app.chatListModel()->rowCount() && shortChat.isNull(); ++r) {
        const QModelIndex index = app.chatListModel()->index(r, 0);
        if (index.data(ChatListModel::TitleRole).toString() == u"Seeded chat #1")
            shortChat = index.data(ChatListModel::ChatIdRole).value<ChatId>();
    }
    QVERIFY(!shortChat.isNull());
    window->openChat(shortChat);
    ChatSession *next = window->conversationWidget()->session();
    QVERIFY(next);
    Waiter switched;
    connect(next, &ChatSession::historyLoaded, this, [&] { switched.set(); });
    QVERIFY(switched.wait(30'000));
    reportMemory("another_chat_open");

    const qint64 json = chatJsonBytes(
        sim.baseUrl(), app.apiClient()->chatsPrefix(), sim.token(), seeded, ChatSession::pageSize);
    QVERIFY2(json > 0, "the chat's pages could not be fetched");
    report("chat_json_size", double(json) / (1024.0 * 1024.0), "MiB");
    // The target: a fully scrolled chat costs at most 2x its JSON on top of the idle app.
    const double history =
        double(g_rss.value(u"fully_scrolled"_s) - g_rss.value(u"2000_chats_listed"_s));
    report("memory_fully_scrolled_over_idle_per_json_byte", history * 1024.0 / double(json), "x");
#if defined(__GLIBC__)
    const double trimmed =
        double(g_rss.value(u"fully_scrolled_trimmed"_s) - g_rss.value(u"2000_chats_listed"_s));
    report("memory_fully_scrolled_trimmed_over_idle_per_json_byte", trimmed * 1024.0 / double(json),
        "x");
#endif
    const double kept =
        double(g_rss.value(u"back_at_bottom_after_60s"_s) - g_rss.value(u"2000_chats_listed"_s));
    report("memory_back_at_bottom_over_idle_per_json_byte", kept * 1024.0 / double(json), "x");
}

QTEST_MAIN(BenchAppStartup)
#include "BenchAppStartup.moc"
