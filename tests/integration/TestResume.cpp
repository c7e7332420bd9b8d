// Soak of resume-after-drop through the code users run (design.md c.16 example 3, issue 15).
//
// Stream: ChatSession -> MessageListModel -> ChatView + MessageDelegate (offscreen). The
// simulator cuts the TCP connection at a random byte of a random frame (drop_mid_frame: inside
// the WebSocket header or payload), the session reconnects with a zero-delay policy. The test
//  - counts deliveries of every committed message id per connection: none twice on one
//    connection, and none on two (with a right after_id the server never resends one);
//  - checks that every connection asked for after_id = the last id the consumer committed;
//  - at the end of every turn compares the model's rows and what the delegate paints for the
//    rows on screen with the server's history.
// Watch: ChatDirectory itself (the app's class) over drops mid-frame; after every turn the
// directory's row (status, title, diff and PR fields) equals the server's chat.
//
// The seed (simulator faults and content) is new on every run and printed; set
// AGENTDESK_SOAK_SEED to replay one. AGENTDESK_SOAK_DROPS sets the drops required (1000).

#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "core/live/ChatStreamClient.h"
#include "core/live/ChatWatchClient.h"
#include "core/live/WebSocketChannel.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/QueueModel.h"
#include "support/DemoIds.h"
#include "support/SimulatorApi.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/MessageLayoutCache.h"
#include "widgets/conversation/PartRenderer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>

#include <map>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString mainChat = Demo::mainChat.toString();
constexpr qint64 streamBudgetMs = 170'000;

//! Every committed message of the chat, from GET …/messages, all pages, newest first.
std::optional<QList<ChatMessage>> serverHistory(SimulatorProcess &sim, const QString &chat)
{
    QList<ChatMessage> all;
    std::optional<qint64> before;
    for (int page = 0; page < 1000; ++page) {
        QString path = testChatsPrefix() + u"/%1/messages?limit=200"_s.arg(chat);
        if (before)
            path += u"&before_id=%1"_s.arg(*before);
        QByteArray body;
        if (sim.request("GET", path, {}, &body) != 200)
            return std::nullopt;
        const auto document = ApiJson::parseDocument(body);
        const auto decoded = document ? ApiJson::messagesPageFromJson(*document) : std::nullopt;
        if (!decoded)
            return std::nullopt;
        for (const ChatMessage &m : decoded->messages) {
            all.append(m);
            if (!before || m.id.value < *before)
                before = m.id.value;
        }
        if (!decoded->hasMore || decoded->messages.isEmpty())
            return all;
    }
    return std::nullopt;
}

std::optional<Chat> serverChat(SimulatorProcess &sim, const QString &chat)
{
    QByteArray body;
    if (sim.request("GET", testChatsPrefix() + u"/%1"_s.arg(chat), {}, &body) != 200)
        return std::nullopt;
    return ApiJson::chatFromJson(QJsonDocument::fromJson(body).object());
}

QString statusOf(SimulatorProcess &sim, const QString &chat)
{
    const auto found = serverChat(sim, chat);
    return found ? found->statusRaw : QString();
}

quint32 soakSeed()
{
    bool ok = false;
    const quint32 fixed = qEnvironmentVariable("AGENTDESK_SOAK_SEED").toUInt(&ok);
    return ok ? fixed : QRandomGenerator::system()->generate() % 1'000'000'000;
}

int requiredDrops()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("AGENTDESK_SOAK_DROPS", &ok);
    return ok && n > 0 ? n : 1000;
}

} // namespace

class TestResume : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stream_dropsAtRandomBytes_consumerPaintsTheServersTranscript();
    void watch_dropsMidFrame_directoryAgreesAfterEveryTurn();

private:
    quint32 m_seed = 0;
};

void TestResume::initTestCase()
{
    qRegisterMetaType<ConnectionState>();
    m_seed = soakSeed();
    qInfo("resume: seed %u (AGENTDESK_SOAK_SEED=%u replays it)", m_seed, m_seed);
}

void TestResume::stream_dropsAtRandomBytes_consumerPaintsTheServersTranscript()
{
    // 1 ms between deltas: a long turn is ~2,000 small frames, so drops land mid-step and
    // every reconnect replays a half-streamed preview.
    SimulatorApi live(SimulatorApi::demoArguments()
        + QStringList{u"--seed"_s, QString::number(m_seed), u"--delta-interval-ms"_s, u"1"_s});
    QVERIFY2(live.start(), qPrintable(live.sim.errorString()));
    SimulatorProcess &sim = live.sim;
    ApiClient &api = *live.api;

    MessageListModel messages;
    QueueModel queue;
    ChatSession session(&api, Demo::mainChat, &messages, &queue);
    session.setReconnectPolicy(ReconnectPolicy::zeroDelay());
    ChatView view;
    view.setModel(&messages);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    ChatStreamClient *client = session.streamClient();
    int connection = 0;
    std::map<qint64, QHash<int, int>> deliveries; // message id -> connection -> count
    QStringList wrongAfterIds;
    connect(client, &ChatStreamClient::connectionOpened, this, [&] {
        ++connection;
        // What the request really carried, against what the consumer had committed.
        const QUrlQuery query(client->channel()->lastUrl());
        const QString sent = query.queryItemValue(u"after_id"_s);
        const auto committed = session.assembler().lastCommittedId();
        const QString expected = committed ? QString::number(committed->value) : QString();
        if (sent != expected)
            wrongAfterIds.append(u"connection %1: after_id '%2', last committed '%3'"_s.arg(
                QString::number(connection), sent, expected));
    });
    connect(client, &ChatStreamClient::eventsReceived, this, [&](const QList<StreamEvent> &events) {
        for (const StreamEvent &event : events) {
            if (event.type == StreamEvent::Type::Message)
                ++deliveries[event.message.id.value][connection];
        }
    });

    QVERIFY(sim.setFaults(QJsonObject{{u"drop_stream_after_frames"_s, 20},
        {u"drop_stream_random"_s, true}, {u"drop_mid_frame"_s, true}}));
    session.open();
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatStatus::Waiting, 20'000);

    const int required = requiredDrops();
    QElapsedTimer clock;
    clock.start();
    int turns = 0;
    qint64 drops = 0;
    qint64 midFrame = 0;
    int paintedRowsChecked = 0;
    while (drops < required && clock.elapsed() < streamBudgetMs) {
        session.send({InputPart::fromText(u"/scenario long soak turn %1"_s.arg(turns))});
        // The turn is over when the server says so and the model shows its last message.
        const auto pendingRows = [&messages] {
            int pending = 0;
            for (int row = 0; row < messages.rowCount(); ++row)
                pending += messages.index(row).data(MessageListModel::PendingRole).toBool() ? 1 : 0;
            return pending;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pendingRows() == 0 && session.status() == ChatStatus::Waiting
                && !messages.hasPreview() && statusOf(sim, mainChat) == u"waiting"_s,
            60'000);
        const auto history = serverHistory(sim, mainChat);
        QVERIFY(history && !history->isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(messages.newestId() == history->first().id, 10'000);
        ++turns;

        // Rows: one per non-tool message, in id order, with the server's text.
        QList<ChatMessage> shown;
        for (auto it = history->crbegin(); it != history->crend(); ++it) {
            if (it->role != MessageRole::Tool)
                shown.append(*it);
        }
        QCOMPARE(messages.rowCount(), int(shown.size()));
        for (int row = 0; row < shown.size(); ++row) {
            const QModelIndex index = messages.index(row);
            QCOMPARE(
                index.data(MessageListModel::MessageIdRole).value<MessageId>(), shown.at(row).id);
            QCOMPARE(index.data(MessageListModel::TextRole).toString(),
                PartRenderer::markdownText(shown.at(row).parts));
        }
        // What the delegate paints for the rows on screen: the server's text, rendered.
        view.viewport()->repaint();
        const int width = view.viewport()->width();
        for (int row = 0; row < messages.rowCount(); ++row) {
            const QModelIndex index = messages.index(row);
            if (!view.viewport()->rect().intersects(view.visualRect(index)))
                continue;
            const QString painted =
                view.messageDelegate()->layoutCache().document(index, width).toPlainText();
            const QString server = PartRenderer::plainText(shown.at(row).parts);
            QVERIFY2(painted.contains(server.left(200)),
                qPrintable(u"row %1 paints '%2', the server has '%3'"_s.arg(row).arg(
                    painted.left(120), server.left(120))));
            ++paintedRowsChecked;
        }

        const auto state = sim.state();
        QVERIFY(state);
        drops = qint64(state->value(u"drops_done"_s).toDouble());
        midFrame = qint64(state->value(u"drops_mid_frame"_s).toDouble());
    }
    sim.setFaults(QJsonObject{{u"reset"_s, true}});
    session.close();

    int deliveredOnce = 0;
    QStringList repeated;
    for (const auto &[id, perConnection] : deliveries) {
        int total = 0;
        for (auto it = perConnection.cbegin(); it != perConnection.cend(); ++it)
            total += it.value();
        if (total == 1)
            ++deliveredOnce;
        else
            repeated.append(
                u"%1 (%2 times on %3 connections)"_s.arg(id).arg(total).arg(perConnection.size()));
    }
    qInfo("resume: seed %u, drops %lld (%lld cut inside a frame), connections %d, turns %d, "
          "%lld ms",
        m_seed, drops, midFrame, connection, turns, clock.elapsed());
    qInfo("resume: message ids delivered once %d, more than once %lld; after_id checked on %d "
          "connections; painted rows checked %d",
        deliveredOnce, qlonglong(repeated.size()), connection, paintedRowsChecked);
    QVERIFY2(wrongAfterIds.isEmpty(), qPrintable(wrongAfterIds.mid(0, 10).join(u"; "_s)));
    QVERIFY2(repeated.isEmpty(), qPrintable(repeated.mid(0, 10).join(u", "_s)));
    QVERIFY2(drops >= required,
        qPrintable(u"only %1 drops in the time budget (seed %2)"_s.arg(drops).arg(m_seed)));
    QVERIFY(midFrame == drops);
    QVERIFY(connection - 1 >= drops);
    QVERIFY(paintedRowsChecked > 0);
}

void TestResume::watch_dropsMidFrame_directoryAgreesAfterEveryTurn()
{
    SimulatorApi live(SimulatorApi::demoArguments()
        + QStringList{u"--seed"_s, QString::number(m_seed + 1), u"--delta-interval-ms"_s, u"1"_s});
    QVERIFY2(live.start(), qPrintable(live.sim.errorString()));
    SimulatorProcess &sim = live.sim;
    ApiClient &api = *live.api;

    ChatWatchClient watch(api.watchUrl(), socketRequestsOf(&api));
    watch.channel()->setReconnectPolicy(ReconnectPolicy::zeroDelay());
    ChatListModel model;
    ChatDirectory directory(&api, &watch, &model);
    QVERIFY(sim.setFaults(QJsonObject{{u"drop_watch_after_frames"_s, 3},
        {u"drop_watch_random"_s, true}, {u"drop_mid_frame"_s, true}}));
    directory.start();
    const ChatId chat = Demo::mainChat;
    QTRY_VERIFY_WITH_TIMEOUT(model.indexOf(chat).isValid(), 20'000);

    auto rowAgrees = [&](const Chat &server, QString *why) {
        const QModelIndex row = model.indexOf(chat);
        const auto field = [&](int role) {
            return row.data(role);
        };
        const QString prState = server.diffStatus ? server.diffStatus->pullRequestState : QString();
        const int additions = server.diffStatus ? server.diffStatus->additions : 0;
        const int deletions = server.diffStatus ? server.diffStatus->deletions : 0;
        *why = u"status %1/%2 title '%3'/'%4' pr '%5'/'%6' +%7/+%8 -%9/-%10"_s
                   .arg(field(ChatListModel::StatusTextRole).toString(), server.statusRaw,
                       field(ChatListModel::TitleRole).toString(), server.title,
                       field(ChatListModel::PrStateRole).toString(), prState)
                   .arg(field(ChatListModel::DiffAdditionsRole).toInt())
                   .arg(additions)
                   .arg(field(ChatListModel::DiffDeletionsRole).toInt())
                   .arg(deletions);
        return row.isValid() && field(ChatListModel::StatusTextRole).toString() == server.statusRaw
            && field(ChatListModel::TitleRole).toString() == server.title
            && field(ChatListModel::PrStateRole).toString() == prState
            && field(ChatListModel::DiffAdditionsRole).toInt() == additions
            && field(ChatListModel::DiffDeletionsRole).toInt() == deletions;
    };

    const int turns = 8;
    for (int turn = 0; turn < turns; ++turn) {
        QByteArray body;
        const int code = sim.request("POST", testChatsPrefix() + u"/%1/messages"_s.arg(mainChat),
            turn % 2 ? R"({"content":[{"type":"text","text":"/scenario quick watch soak"}]})"
                     : R"({"content":[{"type":"text","text":"/scenario default watch soak"}]})",
            &body);
        QVERIFY2(code == 200 || code == 201, body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(sim, mainChat) == u"waiting"_s, 60'000);
        const auto server = serverChat(sim, mainChat);
        QVERIFY(server);
        // Right after the turn: the directory shows what the server has, by event or re-list.
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(rowAgrees(*server, &why),
            qPrintable(u"turn %1: %2 (seed %3)"_s.arg(turn).arg(why).arg(m_seed + 1)), 20'000);
    }
    const auto state = sim.state();
    QVERIFY(state);
    sim.setFaults(QJsonObject{{u"reset"_s, true}});
    directory.stop();
    qInfo("resume: watch seed %u, drops %d (%d cut inside a frame), connections %d, turns %d",
        m_seed + 1, state->value(u"drops_done"_s).toInt(),
        state->value(u"drops_mid_frame"_s).toInt(), watch.connectionCount(), turns);
    QVERIFY(state->value(u"drops_mid_frame"_s).toInt() > 0);
}

QTEST_MAIN(TestResume)
#include "TestResume.moc"
