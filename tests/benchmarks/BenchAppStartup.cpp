// Start-up figures of the whole app against agentdesk-sim: start to a painted list of 2,000
// chats, click to the first painted screen of a 10,000-message chat, and the resident memory
// of the process with both. Prints "name: value unit"; asserts nothing (design.md c.12).

#include "app/Application.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "support/ResidentMemory.h"
#include "support/SimulatorProcess.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/shell/MainWindow.h"

#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>
#include <functional>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

//! Counts paint events of a widget, so "painted" means a frame really went out.
class PaintProbe final : public QObject
{
public:
    //! `rows` gives the row count the view shows; paints with rows > 0 are counted apart.
    PaintProbe(QWidget *widget, std::function<int()> rows)
        : m_rows(std::move(rows))
    {
        widget->installEventFilter(this);
    }
    int paints = 0;
    int paintsWithRows = 0;
    //! Clock reading at the first paint that showed rows (-1 until then); taken inside the
    //! event filter, so the polling of the test macros does not skew it.
    qint64 firstPaintWithRowsMs = -1;
    //! Likewise for the first paint with at least `fullRows` rows (-1 until then).
    int fullRows = 0;
    qint64 firstPaintWithAllRowsMs = -1;
    const QElapsedTimer *clock = nullptr;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            const int rows = m_rows();
            if (rows > 0) {
                ++paintsWithRows;
                if (firstPaintWithRowsMs < 0 && clock)
                    firstPaintWithRowsMs = clock->elapsed();
                if (fullRows > 0 && rows >= fullRows && firstPaintWithAllRowsMs < 0 && clock)
                    firstPaintWithAllRowsMs = clock->elapsed();
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<int()> m_rows;
};

void report(const char *name, double value, const char *unit)
{
    std::printf("%s: %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

class BenchAppStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void startup_listAndOpen()
    {
        SimulatorProcess sim({u"--demo"_s, u"--chats"_s, u"2000"_s, u"--messages"_s, u"10000"_s});
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
        PaintProbe listPaints(list->viewport(), [list] { return list->model()->rowCount(); });
        listPaints.clock = &clock;
        listPaints.fullRows = 2000;
        // Timestamps come from the paint filter itself, so the polling here cannot skew them
        // (nor miss a paint that happened between two polls).
        QTRY_VERIFY_WITH_TIMEOUT(listPaints.firstPaintWithAllRowsMs >= 0, 60'000);
        const qint64 listMs = listPaints.firstPaintWithAllRowsMs;
        // The first screen of the list (pinned, then newest) is painted after the first page;
        // the remaining pages of the 2,000 arrive behind it.
        report("start_to_first_painted_list_screen", double(listPaints.firstPaintWithRowsMs), "ms");
        report("start_to_painted_list_2000_chats", double(listMs), "ms");
        report("chats_listed", double(app.chatListModel()->rowCount()), "chats");

        ChatId seeded;
        for (int row = 0; row < app.chatListModel()->rowCount(); ++row) {
            const QModelIndex index = app.chatListModel()->index(row, 0);
            if (index.data(ChatListModel::TitleRole).toString() == u"Seeded history")
                seeded = index.data(ChatListModel::ChatIdRole).value<ChatId>();
        }
        QVERIFY(!seeded.isNull());
        auto *chatView = window->conversationWidget()->findChild<QListView *>(u"chatView"_s);
        QVERIFY(chatView);
        PaintProbe chatPaints(chatView->viewport(),
            [chatView] { return chatView->model() ? chatView->model()->rowCount() : 0; });
        chatPaints.clock = &clock;
        clock.restart();
        window->openChat(seeded);
        QTRY_VERIFY_WITH_TIMEOUT(chatPaints.firstPaintWithRowsMs >= 0, 30'000);
        report(
            "click_to_painted_chat_10000_messages", double(chatPaints.firstPaintWithRowsMs), "ms");
        report("messages_shown_after_open", double(chatView->model()->rowCount()), "rows");

        report("resident_memory_2000_chats_and_chat_open", double(Testing::residentKiB()) / 1024.0,
            "MiB");
    }
};

QTEST_MAIN(BenchAppStartup)
#include "BenchAppStartup.moc"
