#include "core/api/ApiClient.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/QueueModel.h"
#include "support/DemoIds.h"
#include "support/LiveSession.h"
#include "support/MessageRows.h"
#include "support/ModelProbe.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QList<InputPart> text(const QString &value)
{
    return {InputPart::fromText(value)};
}

} // namespace

class TestChatSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void open_loadsHistory_andStreamsATurnWithCoalescedUpdates();
    void send_whileIdle_echoBecomesTheRealMessage();
    void send_withModelAndPlanMode_switchesTheChat();
    void send_whileRunning_isQueued_thenPromoted();
    void interrupt_stopsTheTurn();
    void edit_removesLaterMessages();
    void send_failure_keepsTheText();
    void childStatus_onTheParentsStream_updatesOnlyTheChild();
    void trimHistory_keepsTheNewest_andScrollingUpFetchesTheRestAgain();
    void close_emptiesTheModels();

private:
    void openSession();

    std::unique_ptr<LiveSession> m_live;
    std::unique_ptr<ModelProbe> m_messagesProbe;
    std::unique_ptr<QAbstractItemModelTester> m_queueTester;
};

void TestChatSession::init()
{
    m_live = std::make_unique<LiveSession>(
        QStringList{u"--seed"_s, u"21"_s, u"--delta-interval-ms"_s, u"1"_s});
    QVERIFY2(m_live->start(), qPrintable(m_live->server.sim.errorString()));
    // The models' testers before any data, alive for the whole test (design.md c.6).
    m_messagesProbe = std::make_unique<ModelProbe>(&m_live->messages);
    m_queueTester = std::make_unique<QAbstractItemModelTester>(
        &m_live->queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestChatSession::cleanup()
{
    m_queueTester.reset();
    m_messagesProbe.reset();
    m_live.reset();
}

void TestChatSession::openSession()
{
    QSignalSpy loaded(m_live->session.get(), &ChatSession::historyLoaded);
    m_live->session->open();
    QVERIFY(loaded.wait(10'000));
    QTRY_COMPARE(m_live->session->connectionState(), ConnectionState::Live);
    QTRY_COMPARE(m_live->session->status(), ChatStatus::Waiting);
}

void TestChatSession::open_loadsHistory_andStreamsATurnWithCoalescedUpdates()
{
    openSession();
    QVERIFY(m_live->messages.rowCount() > 0);
    QCOMPARE(m_live->messages.newestId(), m_live->session->assembler().lastCommittedId());
    m_messagesProbe->clear(); // count from here: what the streamed turn tells the views
    const int publishesBefore = m_live->session->publishCount();
    QElapsedTimer clock;
    clock.start();
    m_live->session->send(text(u"/scenario long stream it"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Running, 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting, 60'000);
    QTRY_VERIFY(!m_live->messages.hasPreview());
    const double seconds = std::max(0.001, clock.elapsed() / 1000.0);
    const int publishes = m_live->session->publishCount() - publishesBefore;
    const int modelSignals = int(m_messagesProbe->inserted.size() + m_messagesProbe->removed.size()
        + m_messagesProbe->changed.size());
    qInfo("session: %d publishes and %d model signals in %.2f s (%.1f publishes/s)", publishes,
        modelSignals, seconds, publishes / seconds);
    QCOMPARE(m_messagesProbe->resets.size(), 0); // never a reset while streaming
    QVERIFY2(publishes / seconds <= 36.0, "publishing is not coalesced to ~30 per second");
    // Each publication touches a handful of rows, however many deltas it folds.
    QVERIFY(modelSignals <= publishes * 8 + 50);
    // The models follow the assembler within one publish interval.
    QTRY_COMPARE(m_live->messages.newestId(), m_live->session->assembler().lastCommittedId());
}

void TestChatSession::send_whileIdle_echoBecomesTheRealMessage()
{
    openSession();
    QSignalSpy sent(m_live->session.get(), &ChatSession::messageSent);
    const QString nonce = m_live->session->send(text(u"/scenario quick hello"_s));
    QVERIFY(m_live->messages.rowOfPendingEcho(nonce) >= 0); // shown at once
    QVERIFY(sent.wait(10'000));
    QCOMPARE(sent.first().at(1).toBool(), false);
    QCOMPARE(m_live->messages.rowOfPendingEcho(nonce), -1);
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting
            && m_live->messages.newestId() == m_live->session->assembler().lastCommittedId(),
        20'000);
}

void TestChatSession::childStatus_onTheParentsStream_updatesOnlyTheChild()
{
    // A seed-era server (§12.7) also sends the sub-agent's status events on the parent's stream.
    QVERIFY(m_live->server.sim.setFaults(QJsonObject{{u"legacy_child_status"_s, true}}));
    openSession();
    QSignalSpy children(m_live->session.get(), &ChatSession::childStatusChanged);
    QSignalSpy ownStatus(m_live->session.get(), &ChatSession::statusChanged);
    m_live->session->send(text(u"Add the CSV export, with tests"_s)); // the default turn spawns one
    QTRY_VERIFY_WITH_TIMEOUT(!children.isEmpty(), 30'000);
    const ChatId child = children.first().at(0).value<ChatId>();
    QVERIFY(!child.isNull());
    QVERIFY(child != Demo::mainChat);
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting
            && children.last().at(1).value<ChatStatus>() == ChatStatus::Waiting,
        30'000);
    // The child's statuses never became the parent's own, and none of its parts were merged.
    for (const QList<QVariant> &change : std::as_const(children))
        QCOMPARE(change.at(0).value<ChatId>(), child);
    const auto &committed = m_live->session->assembler().committed();
    QVERIFY(!committed.empty());
    for (const auto &[id, message] : committed)
        QVERIFY(message->chatId.isNull() || message->chatId == Demo::mainChat);
}

void TestChatSession::send_withModelAndPlanMode_switchesTheChat()
{
    openSession();
    const auto gpt5 = ModelConfigId::fromString(u"a1b2c3d4-0002-4e5f-9a9b-0c1d2e3f4a5c");
    SendOptions options;
    options.modelConfigId = gpt5;
    options.planMode = true;
    QSignalSpy sent(m_live->session.get(), &ChatSession::messageSent);
    m_live->session->send(text(u"/scenario quick plan it"_s), BusyBehavior::Queue, options);
    QVERIFY(sent.wait(10'000));

    std::optional<Chat> chat;
    m_live->server.api->getChat(Demo::mainChat, this, [&](const ApiResult<Chat> &r) {
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        chat = r.value();
    });
    QTRY_VERIFY(chat.has_value());
    QCOMPARE(chat->lastModelConfigId, gpt5);
    QVERIFY(chat->planMode);
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting, 20'000);
}

void TestChatSession::send_whileRunning_isQueued_thenPromoted()
{
    openSession();
    m_live->session->send(text(u"/scenario long first"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Running, 10'000);
    QSignalSpy sent(m_live->session.get(), &ChatSession::messageSent);
    const QString nonce = m_live->session->send(text(u"/scenario quick second"_s));
    QVERIFY(sent.wait(10'000));
    QCOMPARE(sent.first().at(1).toBool(), true); // queued
    QCOMPARE(m_live->messages.rowOfPendingEcho(nonce), -1);
    QTRY_COMPARE(m_live->queue.rowCount(), 1);
    QTRY_COMPARE(m_live->session->assembler().queue().size(), 1);
    m_live->session->promoteQueued(m_live->session->assembler().queue().first().id);
    QTRY_COMPARE_WITH_TIMEOUT(m_live->queue.rowCount(), 0, 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting, 60'000);
}

void TestChatSession::interrupt_stopsTheTurn()
{
    openSession();
    m_live->session->send(text(u"/scenario long to be stopped"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_live->messages.hasPreview(), 10'000);
    QSignalSpy errors(m_live->session.get(), &ChatSession::errorOccurred);
    m_live->session->interrupt();
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting, 20'000);
    QTRY_VERIFY(!m_live->messages.hasPreview());
    QCOMPARE(errors.size(), 0);
}

void TestChatSession::edit_removesLaterMessages()
{
    openSession();
    QSignalSpy sent(m_live->session.get(), &ChatSession::messageSent);
    m_live->session->send(text(u"/scenario quick one"_s));
    QVERIFY(sent.wait(10'000));
    // The turn is over once the answer is committed (the old "waiting" may still be current).
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting
            && !m_live->session->assembler().committed().empty()
            && m_live->session->assembler().committed().rbegin()->second->role
                == MessageRole::Assistant
            && m_live->messages.newestId() == m_live->session->assembler().lastCommittedId(),
        20'000);
    // The first user message of this turn is the one to edit.
    MessageId edited;
    for (const auto &[id, message] : m_live->session->assembler().committed()) {
        if (message->role == MessageRole::User)
            edited = id;
    }
    QVERIFY(edited.isValid());
    const MessageId newestBefore = *m_live->messages.newestId();
    QVERIFY(newestBefore > edited);
    QSignalSpy published(m_live->session.get(), &ChatSession::published);
    m_live->session->editMessage(edited, text(u"/scenario quick one, edited"_s));
    // Right after the edit lands, nothing between the edited message and the old end remains.
    QTRY_VERIFY_WITH_TIMEOUT(holdsNoneAfter(m_live->messages, edited, newestBefore), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session->status() == ChatStatus::Waiting
            && m_live->messages.newestId() == m_live->session->assembler().lastCommittedId(),
        20'000);
}

void TestChatSession::send_failure_keepsTheText()
{
    openSession();
    QVERIFY(m_live->server.sim.setFaults(QJsonObject{{u"fail_route"_s,
        QJsonObject{{u"pattern"_s, u"/messages$"_s}, {u"status"_s, 500}, {u"method"_s, u"POST"_s},
            {u"count"_s, 1}}}}));
    QSignalSpy failed(m_live->session.get(), &ChatSession::sendFailed);
    const QString nonce = m_live->session->send(text(u"please keep me"_s));
    QVERIFY(failed.wait(10'000));
    QCOMPARE(failed.first().at(0).toString(), nonce);
    const auto content = failed.first().at(2).value<QList<InputPart>>();
    QCOMPARE(content.size(), 1);
    QCOMPARE(content.first().text, u"please keep me"_s);
    QVERIFY(m_live->messages.rowOfPendingEcho(nonce) >= 0); // the row stays and says why
}

void TestChatSession::trimHistory_keepsTheNewest_andScrollingUpFetchesTheRestAgain()
{
    // A chat of 300 messages (the simulator's scale seeding), all of it paged in.
    SimulatorProcess sim({u"--chats"_s, u"1"_s, u"--messages"_s, u"300"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QNetworkAccessManager network;
    ApiClient api(&network);
    api.setDeploymentUrl(sim.baseUrl());
    api.setSessionToken(sim.token());
    bool detected = false;
    api.detectPrefix(this, [&](const ApiResult<QString> &result) { detected = result.ok(); });
    QTRY_VERIFY(detected);
    ChatId seeded;
    api.listChats({}, this, [&](const ApiResult<QList<Chat>> &result) {
        QVERIFY(result.ok());
        for (const Chat &chat : result.value()) {
            if (chat.title == u"Seeded history")
                seeded = chat.id;
        }
    });
    QTRY_VERIFY(!seeded.isNull());
    MessageListModel messages;
    QueueModel queue;
    QAbstractItemModelTester tester(
        &messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChatSession session(&api, seeded, &messages, &queue);
    QSignalSpy loaded(&session, &ChatSession::historyLoaded);
    session.open();
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(messages.rowCount(), ChatSession::pageSize);
    QSignalSpy older(&session, &ChatSession::olderLoaded);
    while (session.canLoadOlder()) {
        session.loadOlder();
        QVERIFY(older.wait(10'000));
    }
    QCOMPARE(messages.rowCount(), 300);
    // #15: the history is held once: every message the assembler holds is the one its row
    // holds (the first page and the older ones alike), not a copy.
    for (const auto &[id, message] : session.assembler().committed())
        QCOMPARE(message.use_count(), 2);
    QList<MessageId> all;
    for (int row = 0; row < messages.rowCount(); ++row)
        all << messages.index(row).data(MessageListModel::MessageIdRole).value<MessageId>();

    QCOMPARE(session.trimHistory(100), 200);
    QCOMPARE(messages.rowCount(), 100);
    QCOMPARE(messages.oldestId(), all.at(200));
    QCOMPARE(messages.newestId(), all.constLast());
    QCOMPARE(int(session.assembler().committed().size()), 100);
    QCOMPARE(session.assembler().committed().cbegin()->first, all.at(200));
    QVERIFY(session.canLoadOlder());
    QCOMPARE(session.trimHistory(100), 0); // nothing more to let go

    // Scrolling up fetches exactly what went, in the same rows.
    older.clear();
    while (session.canLoadOlder()) {
        session.loadOlder();
        QVERIFY(older.wait(10'000));
    }
    QList<MessageId> again;
    for (int row = 0; row < messages.rowCount(); ++row)
        again << messages.index(row).data(MessageListModel::MessageIdRole).value<MessageId>();
    QCOMPARE(again, all);
    QCOMPARE(int(session.assembler().committed().size()), 300);
}

void TestChatSession::close_emptiesTheModels()
{
    openSession();
    QVERIFY(m_live->messages.rowCount() > 0);
    QVERIFY(!m_live->session->assembler().committed().empty());
    m_live->session->close();
    QCOMPARE(m_live->messages.rowCount(), 0);
    QCOMPARE(m_live->queue.rowCount(), 0);
    QVERIFY(m_live->session->assembler().committed().empty());
    QVERIFY(!m_live->session->canLoadOlder());
}

QTEST_GUILESS_MAIN(TestChatSession)
#include "TestChatSession.moc"
