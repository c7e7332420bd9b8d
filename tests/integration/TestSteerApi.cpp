// The ApiClient calls for steering the agent (§20.6, §20.7) against agentdesk-sim: compact and
// clear with their refusals (409, 400 archived, 404 on the legacy server), the whole-tree chat
// cost and the user's AI spend (404 where the server has no AI Gateway).

#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "core/live/ChatWatchClient.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "support/AwaitResult.h"
#include "support/DemoIds.h"
#include "support/GenerationRows.h"
#include "support/Refusal.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const ChatId apiChatId = Demo::apiChat; // in error

} // namespace

class TestSteerApi : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { m_live.reset(); }

    void compact_thenAgain_409NothingToCompact()
    {
        QVERIFY(start(u"newest"_s));
        const auto first = awaitAnswer<Chat>(
            [&](QObject *c, auto done) { m_api->compactChat(Demo::pinnedChat, c, done); });
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first.value().status, ChatStatus::Running);
        // While it summarizes: busy.
        const auto busy = awaitAnswer<Chat>(
            [&](QObject *c, auto done) { m_api->compactChat(Demo::pinnedChat, c, done); });
        QCOMPARE(
            refusal(busy), (std::pair{409, u"Cannot compact the chat in its current state."_s}));
        // Once waiting again, nothing was said since the boundary.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto chat = awaitAnswer<Chat>(
                    [&](QObject *c, auto done) { m_api->getChat(Demo::pinnedChat, c, done); });
                return chat.ok() && chat.value().status == ChatStatus::Waiting;
            },
            15'000));
        const auto again = awaitAnswer<Chat>(
            [&](QObject *c, auto done) { m_api->compactChat(Demo::pinnedChat, c, done); });
        QCOMPARE(refusal(again), (std::pair{409, u"Nothing to compact."_s}));
    }

    void clear_fromError_waitsAndRefusesArchived()
    {
        QVERIFY(start(u"v237"_s));
        const auto cleared =
            awaitAnswer<Chat>([&](QObject *c, auto done) { m_api->clearChat(apiChatId, c, done); });
        QVERIFY2(cleared.ok(), qPrintable(cleared.ok() ? QString() : cleared.error().message));
        QCOMPARE(cleared.value().status, ChatStatus::Waiting);
        const auto again =
            awaitAnswer<Chat>([&](QObject *c, auto done) { m_api->clearChat(apiChatId, c, done); });
        QCOMPARE(refusal(again), (std::pair{409, u"Nothing to clear."_s}));
        const auto archived = awaitAnswer<Chat>(
            [&](QObject *c, auto done) { m_api->clearChat(Demo::archivedChat, c, done); });
        QCOMPARE(refusal(archived), (std::pair{400, u"Cannot clear an archived chat."_s}));
    }

    void compactAndClear_legacy_404()
    {
        QVERIFY(start(u"legacy"_s));
        for (bool clear : {false, true}) {
            const auto result = awaitAnswer<Chat>([&](QObject *c, auto done) {
                if (clear)
                    m_api->clearChat(Demo::pinnedChat, c, done);
                else
                    m_api->compactChat(Demo::pinnedChat, c, done);
            });
            QCOMPARE(refusedStatus(result), 404);
        }
    }

    void cost_coversTheTree_andSpendIsReported()
    {
        QVERIFY(start(u"newest"_s));
        const auto cost = awaitAnswer<CostSummary>(
            [&](QObject *c, auto done) { m_api->chatCost(Demo::pinnedChat, c, done); });
        QVERIFY(cost.ok());
        QCOMPARE(cost.value().chatId, Demo::pinnedChat);
        // §20.7: a sub-agent answers with its tree's total, the same as its root.
        const ChatId root = Demo::mainChat;
        const ChatId child = Demo::exploreChat;
        const auto rootCost = awaitAnswer<CostSummary>(
            [&](QObject *c, auto done) { m_api->chatCost(root, c, done); });
        const auto childCost = awaitAnswer<CostSummary>(
            [&](QObject *c, auto done) { m_api->chatCost(child, c, done); });
        QVERIFY(rootCost.ok() && childCost.ok());
        QCOMPARE(childCost.value().totalCostMicros, rootCost.value().totalCostMicros);
        QCOMPARE(childCost.value().requestCount, rootCost.value().requestCount);
        const auto spend =
            awaitAnswer<UserSpend>([&](QObject *c, auto done) { m_api->userSpend(c, done); });
        QVERIFY(spend.ok());
        QVERIFY(spend.value().currentSpendMicros > 0);
        QCOMPARE(spend.value().spendLimitMicros, std::optional<qint64>(50'000'000));
        QCOMPARE(spend.value().limitSource, u"group"_s);
        QVERIFY(spend.value().periodStart.isValid() && spend.value().periodEnd.isValid());
    }

    void spend_legacy_404()
    {
        QVERIFY(start(u"legacy"_s));
        const auto spend =
            awaitAnswer<UserSpend>([&](QObject *c, auto done) { m_api->userSpend(c, done); });
        QCOMPARE(refusedStatus(spend), 404);
    }

    //! §20.4.1: the plan-mode toggle PATCHes the chat and shows at once; a refusal puts the
    //! previous state back and reports Coder's message.
    void planMode_optimistic_restoredOnError()
    {
        QVERIFY(start(u"newest"_s));
        ChatWatchClient watch(m_api->watchUrl(), socketRequestsOf(m_api));
        ChatListModel model;
        ChatDirectory directory(m_api, &watch, &model);
        QSignalSpy loaded(&directory, &ChatDirectory::listLoaded);
        QSignalSpy failed(&directory, &ChatDirectory::planModeFailed);
        directory.start();
        QVERIFY(loaded.wait(10'000));
        QVERIFY(!model.chat(Demo::pinnedChat)->planMode);

        directory.setPlanMode(Demo::pinnedChat, true);
        QVERIFY(model.chat(Demo::pinnedChat)->planMode); // at once
        QVERIFY(model.index(model.indexOf(Demo::pinnedChat).row(), 0)
                    .data(ChatListModel::PlanModeRole)
                    .toBool());
        QTRY_COMPARE_WITH_TIMEOUT(serverPlanMode(Demo::pinnedChat), u"plan"_s, 10'000);
        QCOMPARE(failed.count(), 0);

        QVERIFY(m_live->sim.setFaults(QJsonObject{{u"fail_route"_s,
            QJsonObject{{u"pattern"_s, u"/chats/[0-9a-f-]+$"_s}, {u"status"_s, 500},
                {u"method"_s, u"PATCH"_s}, {u"count"_s, 1}}}}));
        directory.setPlanMode(Demo::pinnedChat, false);
        QVERIFY(!model.chat(Demo::pinnedChat)->planMode);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.first().at(0).value<ChatId>(), Demo::pinnedChat);
        QCOMPARE(failed.first().at(1).value<ApiError>().message, u"Simulated failure."_s);
        QVERIFY(model.chat(Demo::pinnedChat)->planMode); // restored
        QCOMPARE(serverPlanMode(Demo::pinnedChat), u"plan"_s);
    }

    void spendDecoder_shapes()
    {
        auto decode = [](const char *json) {
            return ApiJson::userSpendFromJson(QJsonDocument::fromJson(json).object());
        };
        const auto nested = decode(R"({"current_spend_micros":1500000,
            "effective_budget":{"spend_limit_micros":2000000,"limit_source":"user_override"}})");
        QVERIFY(nested);
        QCOMPARE(nested->currentSpendMicros, 1'500'000);
        QCOMPARE(nested->spendLimitMicros, std::optional<qint64>(2'000'000));
        QCOMPARE(nested->limitSource, u"user_override"_s);
        const auto unlimited = decode(R"({"current_spend_micros":7,"effective_budget":null})");
        QVERIFY(unlimited && !unlimited->spendLimitMicros);
        const auto flat =
            decode(R"({"current_spend_micros":7,"spend_limit_micros":9,"limit_source":"group"})");
        QVERIFY(flat && flat->spendLimitMicros == 9);
        QVERIFY(!decode(R"({"current_spend_micros":"lots"})"));
        QVERIFY(!decode(R"({"current_spend_micros":-5})"));
        QVERIFY(!ApiJson::userSpendFromJson(QJsonValue(u"nope"_s)));
    }

private:
    QString serverPlanMode(const ChatId &id)
    {
        QByteArray body;
        m_live->sim.request("GET", u"/api/v2/chats/"_s + id.toString(), {}, &body);
        return QJsonDocument::fromJson(body).object().value(u"plan_mode"_s).toString();
    }

    bool start(const QString &generation)
    {
        m_live = simulatorApiFor(generation, {u"--delta-interval-ms"_s, u"5"_s});
        m_live->chatsPrefix.clear(); // the client's default; detectPrefix finds the real one
        if (!m_live->start())
            return false;
        m_api = m_live->api.get();
        const auto prefix =
            awaitAnswer<QString>([&](QObject *c, auto done) { m_api->detectPrefix(c, done); });
        return prefix.ok();
    }

    std::unique_ptr<SimulatorApi> m_live;
    ApiClient *m_api = nullptr; // m_live's client
};

QTEST_GUILESS_MAIN(TestSteerApi)
#include "TestSteerApi.moc"
