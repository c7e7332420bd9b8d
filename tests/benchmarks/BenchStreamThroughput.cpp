// Streaming with the view attached: socket -> ChatStreamClient -> MessageAssembler -> ChatSession
// -> MessageListModel -> ChatView + MessageDelegate, in a QApplication (offscreen), the streaming
// message on screen. Prints "name: value unit" lines and asserts nothing (design.md c.12).
//
// A replay server on its own thread offers text deltas at a fixed rate (each 1 ms tick sends the
// deltas due by then in one frame). Every delta carries the server's send time ("@<µs>"). Per
// offered load the benchmark prints:
//  - achieved deltas/s: deltas the client decoded and assembled per second of the window;
//  - event-loop stall p50/p99/max: how late a 1 ms precise probe timer on the GUI thread fired
//    (interval - 1 ms), i.e. how long input and painting would have waited;
//  - delta-to-pixels latency p50/p95: at each paint of the viewport that covers the streaming row,
//    the newest timestamp in the text that paint shows, against the clock once the window's
//    frame (UpdateRequest) has been painted;
//  - capacity: the highest offered load whose stall p99 stays <= 16 ms (one frame at 60 Hz).

#include "BenchReport.h"
#include "core/api/ApiClient.h"
#include "core/live/ChatStreamClient.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/QueueModel.h"
#include "widgets/conversation/ChatView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPaintEvent>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <chrono>
#include <functional>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr BenchReport report{1};

const QString chatText = u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s;
constexpr int measureSeconds = 5;      //!< Parameter: how long each load is offered.
constexpr int deltasPerMessage = 2000; //!< Parameter: a step's deltas before it is committed.
//! Parameter: a paragraph break after this many deltas, as a model's answer has them; the
//! streaming row is then many blocks (one line of 2,000 deltas would be cut to maxLineChars).
constexpr int deltasPerParagraph = 40;
constexpr double stallBudgetMs = 16.0; //!< Parameter: one frame at 60 Hz.

qint64 nowMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

//! Offers deltas at a fixed rate over one WebSocket connection, from its own thread. Frames are
//! written by hand (no QJsonDocument) so the server thread stays cheap at 50k deltas/s.
class ReplayServer : public QObject
{
public:
    explicit ReplayServer(double deltasPerSecond)
        : m_rate(deltasPerSecond)
    {
    }

    void start()
    {
        m_server = new QWebSocketServer(u"replay"_s, QWebSocketServer::NonSecureMode, this);
        m_server->listen(QHostAddress::LocalHost, 0);
        port = m_server->serverPort();
        connect(m_server, &QWebSocketServer::newConnection, this, [this] {
            m_socket = m_server->nextPendingConnection();
            m_socket->sendTextMessage(
                u"[{\"type\":\"status\",\"chat_id\":\"%1\",\"status\":{\"status\":\"running\"}}]"_s
                    .arg(chatText));
            m_clock.start();
            m_timer = new QTimer(this);
            m_timer->setTimerType(Qt::PreciseTimer);
            connect(m_timer, &QTimer::timeout, this, &ReplayServer::pump);
            m_timer->start(1);
        });
    }
    void stop()
    {
        if (m_timer)
            m_timer->stop();
    }
    quint16 port = 0;

private:
    void pump()
    {
        const auto due = qint64(double(m_clock.elapsed()) * m_rate / 1000.0);
        QString frame;
        while (m_sent < due) {
            frame += frame.isEmpty() ? u"["_s : u","_s;
            if (m_inMessage == deltasPerMessage) {
                frame += commit();
                continue;
            }
            ++m_inMessage;
            ++m_sent;
            QString delta = u"w%1@%2 "_s.arg(m_inMessage % 97).arg(nowMicros());
            if (m_inMessage % deltasPerParagraph == 0)
                delta += u"\\n\\n"_s; // JSON-escaped: the text gets a blank line
            m_text += delta;
            frame += u"{\"type\":\"message_part\",\"chat_id\":\"%1\",\"message_part\":{\"role\":"
                     u"\"assistant\",\"part\":{\"type\":\"text\",\"text\":\"%2\"},"
                     u"\"history_version\":1,\"generation_attempt\":%3,\"seq\":%4}}"_s.arg(chatText,
                         delta, QString::number(m_messageId), QString::number(m_inMessage));
        }
        if (!frame.isEmpty())
            m_socket->sendTextMessage(frame + u"]"_s);
    }

    QString commit()
    {
        const QString event =
            u"{\"type\":\"message\",\"chat_id\":\"%1\",\"message\":{\"id\":%2,\"chat_id\":\"%1\","
            u"\"role\":\"assistant\",\"created_at\":\"2026-06-02T09:00:00Z\",\"content\":"
            u"[{\"type\":\"text\",\"text\":\"%3\"}]}}"_s.arg(
                chatText, QString::number(m_messageId), m_text);
        ++m_messageId;
        m_inMessage = 0;
        m_text.clear();
        return event;
    }

    double m_rate;
    QWebSocketServer *m_server = nullptr;
    QWebSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    int m_inMessage = 0;
    qint64 m_messageId = 1000;
    QString m_text;
};

//! Reads back what the viewport paints: at a viewport paint that covers the streaming row, the
//! newest "@<µs>" in that row's text; once the window's frame is done (the UpdateRequest that
//! contained the paint returns), the latency of that delta is recorded.
class PixelProbe final : public QObject
{
public:
    PixelProbe(ChatView *view, MessageListModel *model)
        : m_view(view)
        , m_model(model)
    {
        view->viewport()->installEventFilter(this);
        view->window()->installEventFilter(this);
    }
    QList<double> latenciesMs;
    bool recording = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_view->viewport() && event->type() == QEvent::Paint && recording) {
            const int row = m_model->rowCount() - 1;
            if (row >= 0 && m_model->hasPreview()) {
                const QModelIndex index = m_model->index(row);
                const auto *paint = static_cast<QPaintEvent *>(event);
                if (paint->region().intersects(m_view->visualRect(index))) {
                    const QString text = index.data(MessageListModel::TextRole).toString();
                    const qsizetype at = text.lastIndexOf(u'@');
                    const qsizetype end = text.indexOf(u' ', at);
                    if (at >= 0 && end > at)
                        m_shown = text.mid(at + 1, end - at - 1).toLongLong();
                }
            }
        } else if (watched == m_view->window() && event->type() == QEvent::UpdateRequest) {
            // Paint the frame now (the painting is the window's own event handler), then read
            // the clock: the latency includes the paint that put the text on screen.
            const bool handled = watched->event(event);
            if (m_shown > 0) {
                latenciesMs.append(double(nowMicros() - m_shown) / 1000.0);
                m_shown = 0;
            }
            return handled;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    ChatView *m_view;
    MessageListModel *m_model;
    qint64 m_shown = 0;
};

struct Figures
{
    double achieved = 0;
    double stallP50 = 0;
    double stallP99 = 0;
    double stallMax = 0;
    double latencyP50 = 0;
    double latencyP95 = 0;
    qsizetype paints = 0;
};

} // namespace

class BenchStreamThroughput : public QObject
{
    Q_OBJECT

private slots:
    void withView();

private:
    Figures offer(double rate);
};

Figures BenchStreamThroughput::offer(double rate)
{
    QThread serverThread;
    ReplayServer server(rate);
    server.moveToThread(&serverThread);
    serverThread.start();
    QMetaObject::invokeMethod(
        &server, [&server] { server.start(); }, Qt::BlockingQueuedConnection);

    QNetworkAccessManager network;
    ApiClient api(&network);
    // No REST here: the history GET fails against the WebSocket-only server, and ChatSession
    // opens the stream anyway.
    api.setDeploymentUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(server.port)));
    MessageListModel messages;
    QueueModel queue;
    ChatView view;
    view.setModel(&messages);
    view.resize(900, 700);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        qWarning("the chat view was not exposed");
    PixelProbe pixels(&view, &messages);

    ChatSession session(&api, ChatId::fromString(chatText), &messages, &queue);
    qint64 deltas = 0;
    QElapsedTimer window;
    connect(session.streamClient(), &ChatStreamClient::eventsReceived, this,
        [&](const QList<StreamEvent> &events) {
            for (const StreamEvent &event : events)
                deltas += event.type == StreamEvent::Type::MessagePart ? 1 : 0;
        });

    QList<double> stalls;
    QElapsedTimer probeClock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    qint64 lastProbe = -1;
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        if (lastProbe >= 0 && window.isValid())
            stalls.append(std::max(0.0, double(now - lastProbe) / 1e6 - 1.0));
        lastProbe = now;
    });

    QEventLoop loop;
    qint64 deltasAtStart = 0;
    // The measured window starts one second in (connection set up, first message on screen).
    QTimer::singleShot(1000, &loop, [&] {
        deltasAtStart = deltas;
        window.start();
        pixels.recording = true;
    });
    QTimer::singleShot(1000 + measureSeconds * 1000, &loop, &QEventLoop::quit);
    probeClock.start();
    probe.start(1);
    session.open();
    loop.exec();
    probe.stop();
    pixels.recording = false;

    Figures f;
    f.achieved =
        double(deltas - deltasAtStart) * 1000.0 / double(std::max<qint64>(1, window.elapsed()));
    f.stallP50 = percentile(stalls, 0.50);
    f.stallP99 = percentile(stalls, 0.99);
    f.stallMax = stalls.isEmpty() ? -1 : *std::max_element(stalls.cbegin(), stalls.cend());
    f.latencyP50 = percentile(pixels.latenciesMs, 0.50);
    f.latencyP95 = percentile(pixels.latenciesMs, 0.95);
    f.paints = pixels.latenciesMs.size();

    QMetaObject::invokeMethod(
        &server, [&server] { server.stop(); }, Qt::BlockingQueuedConnection);
    session.close();
    serverThread.quit();
    serverThread.wait();
    return f;
}

void BenchStreamThroughput::withView()
{
    report(u"stream_view_parameter_seconds_per_load"_s, measureSeconds, "s");
    report(u"stream_view_parameter_deltas_per_message"_s, deltasPerMessage, "deltas");
    report(u"stream_view_parameter_deltas_per_paragraph"_s, deltasPerParagraph, "deltas");
    report(u"stream_view_parameter_publish_interval"_s,
        double(ChatSession::defaultPublishInterval.count()), "ms");
    double capacity = 0;
    for (const int rate : {5000, 20000, 50000}) {
        const Figures f = offer(rate);
        const QString name = u"stream_view_%1k"_s.arg(rate / 1000);
        report(name + u"_achieved"_s, f.achieved, "deltas/s");
        report(name + u"_stall_p50"_s, f.stallP50, "ms");
        report(name + u"_stall_p99"_s, f.stallP99, "ms");
        report(name + u"_stall_max"_s, f.stallMax, "ms");
        report(name + u"_delta_to_pixels_p50"_s, f.latencyP50, "ms");
        report(name + u"_delta_to_pixels_p95"_s, f.latencyP95, "ms");
        report(name + u"_frames_with_stream"_s, double(f.paints), "frames");
        if (f.stallP99 >= 0 && f.stallP99 <= stallBudgetMs)
            capacity = std::max(capacity, double(rate));
    }
    report(u"stream_view_capacity_stall_p99_within_16ms"_s, capacity, "deltas/s offered");
}

QTEST_MAIN(BenchStreamThroughput)
#include "BenchStreamThroughput.moc"
