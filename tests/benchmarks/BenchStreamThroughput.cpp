// Stream ingestion: socket → ChatStreamClient → MessageAssembler → MessageListModel, through
// ChatSession. Prints "name: value unit" lines and asserts nothing (design.md c.12).
//
// Method for "busy": the client (ChatSession and everything under it) runs on the main thread;
// the replay server runs on its own QThread and the simulator in its own process. The main
// thread's CPU time (CLOCK_THREAD_CPUTIME_ID) over a window, divided by the window's wall-clock
// time, is the fraction of the GUI thread our handlers (socket reads, frame decoding, assembly,
// coalesced model publishing) used at that offered load; the rest is idle event-loop time
// that a GUI would have for painting and input.

#include "core/api/ApiClient.h"
#include "core/live/ChatStreamClient.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/QueueModel.h"
#include "support/SimulatorProcess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <ctime>
#include <functional>
#include <limits>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString chatText = u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s;

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

//! Runs a real event loop until `done` holds. QTRY_* and qWaitFor alternate processEvents() with
//! 10 ms sleeps, which would starve the 33 ms publish timer and cap the throughput measured.
bool runUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(2);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

void report(const char *name, double value, const char *unit)
{
    // printf, not qInfo: the lines must look exactly like "name: value unit".
    printf("%s: %.1f %s\n", name, value, unit);
    fflush(stdout);
}

//! Pre-built stream events of endless turns: 2,000 text deltas per step, then the committed
//! assistant message, as a newest server sends them.
class EventSource
{
public:
    QJsonObject next()
    {
        if (m_inStep == stepLength) {
            m_inStep = 0;
            ++m_step;
            ++m_messageId;
            const QJsonObject message{{u"id"_s, m_messageId}, {u"chat_id"_s, chatText},
                {u"role"_s, u"assistant"_s}, {u"created_at"_s, u"2026-06-02T09:00:00Z"_s},
                {u"content"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, m_text}}}}};
            m_text.clear();
            return {{u"type"_s, u"message"_s}, {u"chat_id"_s, chatText}, {u"message"_s, message}};
        }
        ++m_inStep;
        const QString delta = u"word%1 "_s.arg(m_inStep % 97);
        m_text += delta;
        ++deltas;
        return {{u"type"_s, u"message_part"_s}, {u"chat_id"_s, chatText},
            {u"message_part"_s,
                QJsonObject{{u"role"_s, u"assistant"_s},
                    {u"part"_s, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, delta}}},
                    {u"history_version"_s, 1}, {u"generation_attempt"_s, m_step},
                    {u"seq"_s, m_inStep}}}};
    }
    qint64 deltas = 0;

private:
    static constexpr int stepLength = 2000;
    int m_inStep = 0;
    int m_step = 0;
    qint64 m_messageId = 1000;
    QString m_text;
};

//! Serves one stream connection at a fixed rate (or as fast as possible) from its own thread.
//! The frames are serialized before the clock starts, so the server costs little more than the
//! socket writes and the offered load is what the client really gets.
class ReplayServer : public QObject
{
public:
    ReplayServer(double deltasPerSecond, int eventsPerFrame, qint64 totalDeltas)
        : m_rate(deltasPerSecond)
    {
        EventSource source;
        while (source.deltas < totalDeltas) {
            QJsonArray events;
            while (events.size() < eventsPerFrame && source.deltas < totalDeltas)
                events.append(source.next());
            m_frames.append({source.deltas, frameOf(events)});
        }
    }

    void start()
    {
        m_server = new QWebSocketServer(u"replay"_s, QWebSocketServer::NonSecureMode, this);
        m_server->listen(QHostAddress::LocalHost, 0);
        port = m_server->serverPort();
        connect(m_server, &QWebSocketServer::newConnection, this, [this] {
            m_socket = m_server->nextPendingConnection();
            m_socket->sendTextMessage(
                frameOf({QJsonObject{{u"type"_s, u"status"_s}, {u"chat_id"_s, chatText},
                    {u"status"_s, QJsonObject{{u"status"_s, u"running"_s}}}}}));
            m_clock.start();
            auto *timer = new QTimer(this);
            timer->setTimerType(Qt::PreciseTimer);
            connect(timer, &QTimer::timeout, this, [this, timer] { pump(timer); });
            timer->start(m_rate > 0 ? 1 : 0);
        });
    }
    quint16 port = 0;

private:
    static QString frameOf(const QJsonArray &events)
    {
        return QString::fromUtf8(QJsonDocument(events).toJson(QJsonDocument::Compact));
    }

    void pump(QTimer *timer)
    {
        // Deltas that should have gone out by now; as fast as possible = 2,000 frames a tick.
        const qint64 due = m_rate > 0 ? qint64(double(m_clock.elapsed()) * m_rate / 1000.0)
                                      : std::numeric_limits<qint64>::max();
        int sent = 0;
        while (m_next < m_frames.size() && m_frames.at(m_next).first <= due
            && (m_rate > 0 || sent < 2000)) {
            m_socket->sendTextMessage(m_frames.at(m_next).second);
            ++m_next;
            ++sent;
        }
        if (m_next >= m_frames.size())
            timer->stop();
    }

    double m_rate;
    QList<QPair<qint64, QString>> m_frames; //!< (deltas sent once this frame is out, frame)
    qsizetype m_next = 0;
    QWebSocketServer *m_server = nullptr;
    QWebSocket *m_socket = nullptr;
    QElapsedTimer m_clock;
};

struct Measurement
{
    double deltasPerSecond = 0;
    double busyPercent = 0;
    double publishesPerSecond = 0;
    double framesPerSecond = 0;
};

} // namespace

class BenchStreamThroughput : public QObject
{
    Q_OBJECT

private slots:
    void simulator_longTurns();
    void replay_data();
    void replay();

private:
    Measurement replayAt(double rate, int eventsPerFrame, qint64 totalDeltas);
};

void BenchStreamThroughput::simulator_longTurns()
{
    SimulatorProcess sim({u"--demo"_s, u"--generation"_s, u"legacy"_s, u"--seed"_s, u"5"_s,
        u"--delta-interval-ms"_s, u"0"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QNetworkAccessManager network;
    ApiClient api(&network);
    api.setDeploymentUrl(sim.baseUrl());
    api.setSessionToken(sim.token());
    MessageListModel messages;
    QueueModel queue;
    ChatSession session(&api, ChatId::fromString(chatText), &messages, &queue);
    qint64 deltas = 0;
    connect(session.streamClient(), &ChatStreamClient::eventsReceived, this,
        [&deltas](const QList<StreamEvent> &events) {
            for (const StreamEvent &event : events)
                deltas += event.type == StreamEvent::Type::MessagePart ? 1 : 0;
        });
    QSignalSpy loaded(&session, &ChatSession::historyLoaded);
    session.open();
    QVERIFY(loaded.wait(10'000));
    QTRY_COMPARE(session.status(), ChatStatus::Waiting);

    const qint64 deltasBefore = deltas;
    const int publishesBefore = session.publishCount();
    QElapsedTimer clock;
    clock.start();
    const double cpuBefore = threadCpuMs();
    int turns = 0;
    while (clock.elapsed() < 8000 && turns < 20) {
        session.send({InputPart::fromText(u"/scenario long bench"_s)});
        runUntil([&] { return session.status() == ChatStatus::Running; }, 10'000);
        runUntil([&] { return session.status() == ChatStatus::Waiting; }, 60'000);
        ++turns;
    }
    const double wallMs = double(clock.elapsed());
    const double cpuMs = threadCpuMs() - cpuBefore;
    report("stream_sim_deltas_per_second", double(deltas - deltasBefore) * 1000.0 / wallMs,
        "deltas/s");
    report("stream_sim_deltas_total", double(deltas - deltasBefore), "deltas");
    report("stream_sim_main_thread_busy", 100.0 * cpuMs / wallMs, "%");
    report("stream_sim_publishes_per_second",
        double(session.publishCount() - publishesBefore) * 1000.0 / wallMs, "publishes/s");
    session.close();
}

Measurement BenchStreamThroughput::replayAt(double rate, int eventsPerFrame, qint64 totalDeltas)
{
    QThread serverThread;
    ReplayServer server(rate, eventsPerFrame, totalDeltas);
    server.moveToThread(&serverThread);
    serverThread.start();
    QMetaObject::invokeMethod(
        &server, [&server] { server.start(); }, Qt::BlockingQueuedConnection);

    QNetworkAccessManager network;
    ApiClient api(&network);
    // No REST here: the history GET fails against the WebSocket-only server, and ChatSession
    // opens the stream anyway (its snapshot would bring the history).
    api.setDeploymentUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(server.port)));
    MessageListModel messages;
    QueueModel queue;
    ChatSession session(&api, ChatId::fromString(chatText), &messages, &queue);
    qint64 deltas = 0;
    qint64 frames = 0;
    QElapsedTimer clock;
    double cpuStart = 0;
    connect(session.streamClient(), &ChatStreamClient::eventsReceived, this,
        [&](const QList<StreamEvent> &events) {
            if (!clock.isValid()) {
                clock.start();
                cpuStart = threadCpuMs();
            }
            ++frames;
            for (const StreamEvent &event : events)
                deltas += event.type == StreamEvent::Type::MessagePart ? 1 : 0;
        });
    QList<qint64> publishTimes;
    if (qEnvironmentVariableIsSet("BENCH_TRACE")) // prints when the model was published
        connect(&session, &ChatSession::published, this,
            [&] { publishTimes.append(clock.isValid() ? clock.elapsed() : -1); });
    session.open();
    if (!runUntil([&] { return deltas >= totalDeltas; }, 120'000))
        qWarning("replay did not finish: %lld of %lld deltas", deltas, totalDeltas);
    Measurement m;
    const double wallMs = std::max(1.0, double(clock.elapsed()));
    m.deltasPerSecond = double(deltas) * 1000.0 / wallMs;
    m.busyPercent = 100.0 * (threadCpuMs() - cpuStart) / wallMs;
    m.publishesPerSecond = double(session.publishCount()) * 1000.0 / wallMs;
    m.framesPerSecond = double(frames) * 1000.0 / wallMs;
    if (!publishTimes.isEmpty())
        qInfo() << "publish times" << publishTimes.mid(0, 40);
    session.close();
    serverThread.quit();
    serverThread.wait();
    return m;
}

void BenchStreamThroughput::replay_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("perFrame");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("name");
    QTest::newRow("max, batched") << 0.0 << 64 << qint64(200'000) << u"replay_max_batched"_s;
    QTest::newRow("max, frame per delta")
        << 0.0 << 1 << qint64(100'000) << u"replay_max_frame_per_delta"_s;
    QTest::newRow("20k/s, batched") << 20'000.0 << 20 << qint64(100'000) << u"replay_20k_batched"_s;
    QTest::newRow("20k/s, frame per delta")
        << 20'000.0 << 1 << qint64(100'000) << u"replay_20k_frame_per_delta"_s;
}

void BenchStreamThroughput::replay()
{
    QFETCH(double, rate);
    QFETCH(int, perFrame);
    QFETCH(qint64, total);
    QFETCH(QString, name);
    const Measurement m = replayAt(rate, perFrame, total);
    report(qPrintable(u"stream_%1_deltas_per_second"_s.arg(name)), m.deltasPerSecond, "deltas/s");
    report(qPrintable(u"stream_%1_main_thread_busy"_s.arg(name)), m.busyPercent, "%");
    report(qPrintable(u"stream_%1_publishes_per_second"_s.arg(name)), m.publishesPerSecond,
        "publishes/s");
    report(qPrintable(u"stream_%1_frames_per_second"_s.arg(name)), m.framesPerSecond, "frames/s");
}

QTEST_GUILESS_MAIN(BenchStreamThroughput)
#include "BenchStreamThroughput.moc"
