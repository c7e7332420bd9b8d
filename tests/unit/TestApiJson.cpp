// Decoding and encoding of the wire types (core/ApiJson) against the protocol fixtures, the
// requests the client sends, and hostile input that must never crash.

#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "support/DemoIds.h"
#include "support/FixtureFiles.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AgentDesk::UpdateChatRequest)
Q_DECLARE_METATYPE(AgentDesk::SendMessageRequest)

namespace {

QJsonValue parse(const QByteArray &json)
{
    return ApiJson::parseDocument(json).value_or(QJsonValue());
}

QJsonObject parseObject(const QByteArray &json)
{
    return parse(json).toObject();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Removes the episode fields, as a seed-era server sends message_part events.
QByteArray stripEpisodeFields(const QByteArray &frame)
{
    QJsonArray events = parse(frame).toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        QJsonObject event = events[i].toObject();
        QJsonObject wrapper = event.value(u"message_part").toObject();
        if (wrapper.isEmpty())
            continue;
        wrapper.remove(u"history_version");
        wrapper.remove(u"generation_attempt");
        wrapper.remove(u"seq");
        event.insert(u"message_part", wrapper);
        events[i] = event;
    }
    return QJsonDocument(events).toJson(QJsonDocument::Compact);
}

// Silences the decoders' "skipped malformed …" warnings while hostile input is fed in bulk.
class QuietDecoders
{
public:
    QuietDecoders() { QLoggingCategory::setFilterRules(u"agentdesk.*.warning=false"_s); }
    ~QuietDecoders() { QLoggingCategory::setFilterRules(QString()); }
    QuietDecoders(const QuietDecoders &) = delete;
    QuietDecoders &operator=(const QuietDecoders &) = delete;
};

// Runs every decoder on one input; the only expectation is that none of them crashes.
void decodeWithEverything(const QByteArray &bytes)
{
    ApiJson::decodeStreamFrame(bytes);
    ApiJson::decodeWatchFrame(bytes);
    const std::optional<QJsonValue> value = ApiJson::parseDocument(bytes);
    if (!value)
        return;
    ApiJson::chatListFromJson(*value);
    ApiJson::chatFromJson(*value);
    ApiJson::messagesPageFromJson(*value);
    ApiJson::chatMessageFromJson(*value);
    ApiJson::messagePartFromJson(*value);
    ApiJson::sendMessageResultFromJson(*value);
    ApiJson::editMessageResultFromJson(*value);
    ApiJson::chatDiffFromJson(*value);
    ApiJson::promptsFromJson(*value);
    ApiJson::costSummaryFromJson(*value);
    ApiJson::organizationsFromJson(*value);
    ApiJson::userFromJson(*value);
    ApiJson::workspacesFromJson(*value);
    ApiJson::buildInfoFromJson(*value);
    ApiJson::uploadResponseFromJson(*value);
    ApiJson::titleFromJson(*value);
    ApiJson::modelConfigsFromJson(*value);
    if (const auto models = ApiJson::modelsFromJson(*value))
        ApiJson::joinLegacyModels(*models, {});
    ApiJson::streamEventFromJson(*value);
    ApiJson::watchEventFromJson(*value);
    ApiJson::chatErrorFromJson(*value);
    ApiError::fromHttpStatus(500, bytes);
    // Re-encoding what was decoded must be safe too.
    if (const auto chats = ApiJson::chatListFromJson(*value)) {
        for (const Chat &chat : *chats)
            ApiJson::toJson(chat);
    }
}

} // namespace

class TestApiJson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // Every fixture file and every line of the *.jsonl files.
    void fixture_decodes_withExpectedCounts_data();
    void fixture_decodes_withExpectedCounts();
    void fixture_reencodes_toAFixpoint_data();
    void fixture_reencodes_toAFixpoint();

    // Concrete values from the fixtures.
    void chatList_fixture_hasExpectedValues();
    void chatList_archivedFixture_hasExpectedValues();
    void messages_fixture_hasExpectedValues();
    void diff_fixture_hasExpectedValues();
    void models_newestShape_unifiesWithProviders();
    void models_legacyShape_joinsWithModelConfigs();
    void models_legacyShapeWithConfigIds_isUsableAsIs();
    void streamSession_replay_yieldsExpectedEvents();
    void streamSession_seedEraFrames_haveNoEpisode();
    void watchSession_frames_haveExpectedKinds();

    // Requests the client sends.
    void createChat_encodes_asDocumentedExample();
    void updateChat_encodes_onlyPresentFields_data();
    void updateChat_encodes_onlyPresentFields();
    void sendMessage_encodes_behaviourAndOptions_data();
    void sendMessage_encodes_behaviourAndOptions();
    void editMessage_andToolResults_encode();
    void contentDisposition_encodes_rfc6266_data();
    void contentDisposition_encodes_rfc6266();

    // Round trips of the entities.
    void messagePart_roundTrips_data();
    void messagePart_roundTrips();
    void chat_roundTrips_withAllFields();
    void chatMessage_roundTrips_withUsage();
    void textParts_areCompact();
    void encoders_emptyEntities_keepTheServerShape_data();
    void encoders_emptyEntities_keepTheServerShape();

    // Tolerance (§17).
    void unknownFields_areIgnored();
    void unknownPartType_isKeptWithRaw();
    void unknownStatus_isKeptRaw_andIdle();
    void unknownErrorKind_isTreatedAsGeneric();
    void lastError_asStringOrObjectOrNull_data();
    void lastError_asStringOrObjectOrNull();
    void args_asJsonStringOrValue_data();
    void args_asJsonStringOrValue();
    void nullAndAbsent_areEquivalent();
    void messageId_fromNumberOrString_data();
    void messageId_fromNumberOrString();
    void timestamp_variants_parse_data();
    void timestamp_variants_parse();
    void base64Data_decodesOrIsDropped();
    void wrongTypes_readAsAbsent_data();
    void wrongTypes_readAsAbsent();
    void arrayElementOfWrongType_isSkipped();
    void sendResult_bareOrWrapped_decode();
    void editResult_decodes();
    void streamFrame_allFramings_data();
    void streamFrame_allFramings();
    void watchFrame_variants_data();
    void watchFrame_variants();
    void apiError_coderBody_isSurfaced();
    void hostileInput_neverCrashes_data();
    void hostileInput_neverCrashes();
    void mutatedFixtures_neverCrash();
};

void TestApiJson::initTestCase()
{
    QVERIFY2(!FixtureFiles::directory().isEmpty(), "AGENTDESK_FIXTURES is not set");
    QVERIFY(FixtureFiles::names().size() >= 8);
}

// --- Every fixture ---------------------------------------------------------------------------

void TestApiJson::fixture_decodes_withExpectedCounts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes");
    for (const QString &name : FixtureFiles::names()) {
        if (name.endsWith(u".jsonl")) {
            const QList<QByteArray> lines = FixtureFiles::lines(name);
            for (qsizetype i = 0; i < lines.size(); ++i) {
                QTest::addRow("%s:%d", qPrintable(name), int(i + 1)) << name << lines.at(i);
            }
        } else {
            QTest::addRow("%s", qPrintable(name)) << name << FixtureFiles::read(name);
        }
    }
}

void TestApiJson::fixture_decodes_withExpectedCounts()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    const std::optional<QJsonValue> document = ApiJson::parseDocument(bytes);
    QVERIFY2(document, "fixture is not JSON");

    if (file.startsWith(u"chats-list")) {
        const auto chats = ApiJson::chatListFromJson(*document);
        QVERIFY(chats);
        QCOMPARE(chats->size(), document->toArray().size());
        for (const Chat &chat : *chats) {
            QVERIFY(!chat.id.isNull());
            QVERIFY(chat.status != ChatStatus::Unknown);
            QVERIFY(chat.createdAt.isValid());
            QVERIFY(chat.updatedAt.isValid());
        }
    } else if (file == u"chat-messages.json") {
        const auto page = ApiJson::messagesPageFromJson(*document);
        QVERIFY(page);
        QCOMPARE(page->messages.size(), document->toObject().value(u"messages").toArray().size());
        for (const ChatMessage &message : page->messages) {
            QVERIFY(message.role != MessageRole::Unknown);
            for (const MessagePart &part : message.parts)
                QVERIFY(part.kind != MessagePart::Kind::Unknown);
        }
    } else if (file == u"chat-diff.json") {
        QVERIFY(ApiJson::chatDiffFromJson(*document));
    } else if (file.startsWith(u"models")) {
        const auto models = ApiJson::modelsFromJson(*document);
        QVERIFY(models);
        QCOMPARE_GT(models->models.size(), 0);
    } else if (file.startsWith(u"stream")) {
        const QList<StreamEvent> events = ApiJson::decodeStreamFrame(bytes);
        QCOMPARE(events.size(), document->toArray().size());
        for (const StreamEvent &event : events) {
            QVERIFY2(event.type != StreamEvent::Type::Unknown, qPrintable(event.typeRaw));
            QCOMPARE(event.chatId, Demo::mainChat);
        }
    } else if (file.startsWith(u"watch")) {
        const QList<WatchEvent> events = ApiJson::decodeWatchFrame(bytes);
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().kind != WatchEvent::Kind::Unknown);
        QVERIFY(events.first().hasChat);
        QVERIFY(!events.first().chat.id.isNull());
    } else {
        // A fixture added later: at least every decoder must survive it.
        decodeWithEverything(bytes);
    }
}

void TestApiJson::fixture_reencodes_toAFixpoint_data()
{
    fixture_decodes_withExpectedCounts_data();
}

void TestApiJson::fixture_reencodes_toAFixpoint()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    const QJsonValue document = parse(bytes);

    // decode → encode → decode → encode must be stable: nothing is lost or invented on the way.
    // Also, the \a kept members (the ones the client models) come back verbatim and the
    // \a counted arrays with as many entries.
    const auto checkFixpoint = [](const auto &decode, const QJsonValue &value,
                                   const QStringList &kept, const QStringList &counted = {}) {
        const auto first = decode(value);
        QVERIFY(first);
        const QJsonObject encoded = ApiJson::toJson(*first);
        const auto second = decode(encoded);
        QVERIFY(second);
        QCOMPARE(compact(ApiJson::toJson(*second)), compact(encoded));
        for (const QString &key : kept)
            QCOMPARE(encoded.value(key), value.toObject().value(key));
        for (const QString &key : counted) {
            QCOMPARE(
                encoded.value(key).toArray().size(), value.toObject().value(key).toArray().size());
        }
    };
    const auto checkChat = [&](const QJsonValue &value) {
        checkFixpoint([](const QJsonValue &v) { return ApiJson::chatFromJson(v); }, value,
            {u"id"_s, u"title"_s, u"status"_s, u"pin_order"_s, u"archived"_s, u"labels"_s,
                u"has_unread"_s, u"client_type"_s, u"mcp_server_ids"_s, u"root_chat_id"_s},
            {u"children"_s});
    };
    // The fixtures carry no fields the client drops, so a message's parts come back unchanged.
    const auto checkMessage = [&](const QJsonValue &value) {
        checkFixpoint([](const QJsonValue &v) { return ApiJson::chatMessageFromJson(v); }, value,
            {u"content"_s, u"usage"_s, u"id"_s});
    };

    if (file.startsWith(u"chats-list")) {
        for (const QJsonValue &chat : document.toArray())
            checkChat(chat);
    } else if (file == u"chat-messages.json") {
        for (const QJsonValue &message : document.toObject().value(u"messages").toArray())
            checkMessage(message);
    } else if (file.startsWith(u"watch")) {
        checkChat(document.toObject().value(u"chat"));
    } else if (file.startsWith(u"stream")) {
        for (const QJsonValue &event : document.toArray()) {
            const QJsonObject object = event.toObject();
            if (object.contains(u"message"))
                checkMessage(object.value(u"message"));
            const QJsonObject wrapper = object.value(u"message_part").toObject();
            if (!wrapper.isEmpty()) {
                const auto part = ApiJson::messagePartFromJson(wrapper.value(u"part"));
                QVERIFY(part);
                QCOMPARE(QJsonValue(ApiJson::toJson(*part)), wrapper.value(u"part"));
            }
        }
    } else if (file == u"chat-diff.json") {
        // Not re-encoded by the client: every member it decodes must come back verbatim.
        const QJsonObject original = document.toObject();
        const auto diff = ApiJson::chatDiffFromJson(document);
        QVERIFY(diff);
        QCOMPARE(diff->chatId.toString(), original.value(u"chat_id").toString());
        QCOMPARE(diff->provider, original.value(u"provider").toString());
        QCOMPARE(diff->remoteOrigin, original.value(u"remote_origin").toString());
        QCOMPARE(diff->branch, original.value(u"branch").toString());
        QCOMPARE(diff->pullRequestUrl, original.value(u"pull_request_url").toString());
        QCOMPARE(diff->diff, original.value(u"diff").toString());
    } else if (file.startsWith(u"models")) {
        const auto response = ApiJson::modelsFromJson(document);
        QVERIFY(response);
        const QJsonObject original = document.toObject();
        if (response->legacyShape) {
            // providers[] with their models: every provider and every model, in order.
            const QJsonArray providers = original.value(u"providers").toArray();
            QCOMPARE(response->providers.size(), providers.size());
            qsizetype model = 0;
            for (qsizetype i = 0; i < providers.size(); ++i) {
                const QJsonObject p = providers.at(i).toObject();
                QCOMPARE(response->providers.at(i).provider, p.value(u"provider").toString());
                QCOMPARE(response->providers.at(i).available, p.value(u"available").toBool(true));
                QCOMPARE(response->providers.at(i).unavailableReason,
                    p.value(u"unavailable_reason").toString());
                for (const QJsonValue &m : p.value(u"models").toArray()) {
                    QVERIFY(model < response->models.size());
                    const ModelConfig &decoded = response->models.at(model++);
                    QCOMPARE(decoded.legacyId, m.toObject().value(u"id").toString());
                    QCOMPARE(decoded.model, m.toObject().value(u"model").toString());
                    QCOMPARE(decoded.displayName, m.toObject().value(u"display_name").toString());
                }
            }
            QCOMPARE(model, response->models.size());
        } else {
            const QJsonArray models = original.value(u"models").toArray();
            QCOMPARE(response->models.size(), models.size());
            for (qsizetype i = 0; i < models.size(); ++i) {
                const QJsonObject m = models.at(i).toObject();
                const ModelConfig &decoded = response->models.at(i);
                QCOMPARE(decoded.id.toString(), m.value(u"id").toString());
                QCOMPARE(decoded.model, m.value(u"model").toString());
                QCOMPARE(decoded.displayName, m.value(u"display_name").toString());
                QCOMPARE(decoded.enabled, m.value(u"enabled").toBool(true));
                QCOMPARE(decoded.isDefault, m.value(u"is_default").toBool());
                QCOMPARE(decoded.contextLimit, m.value(u"context_limit").toInteger());
            }
        }
    } else {
        QFAIL(qPrintable(u"no round-trip check for the fixture %1"_s.arg(file)));
    }
}

// --- Concrete fixture values -----------------------------------------------------------------

void TestApiJson::chatList_fixture_hasExpectedValues()
{
    const auto chats = ApiJson::chatListFromJson(parse(FixtureFiles::read(u"chats-list.json"_s)));
    QVERIFY(chats);
    QCOMPARE(chats->size(), 3);

    const Chat &pinned = chats->at(0);
    QCOMPARE(pinned.id, Demo::pinnedChat);
    QCOMPARE(pinned.title, u"Fix flaky login e2e test"_s);
    QCOMPARE(pinned.pinOrder, 1);
    QVERIFY(pinned.isPinned());
    QVERIFY(pinned.isRoot());
    QCOMPARE(pinned.status, ChatStatus::Waiting);
    QCOMPARE(pinned.labels.value(u"team"_s), u"web"_s);
    QCOMPARE(pinned.labels.value(u"kind"_s), u"flake"_s);
    QCOMPARE(pinned.ownerUsername, u"alice"_s);
    QCOMPARE(pinned.ownerName, u"Alice Nguyen"_s);
    QVERIFY(pinned.diffStatus);
    QCOMPARE(pinned.diffStatus->additions, 9);
    QCOMPARE(pinned.diffStatus->deletions, 4);
    QCOMPARE(pinned.diffStatus->prNumber, 1207);
    QVERIFY(pinned.diffStatus->pullRequestDraft);
    QCOMPARE(pinned.diffStatus->refreshedAt,
        QDateTime(QDate(2026, 6, 2), QTime(9, 58), QTimeZone::utc()));
    QCOMPARE(
        pinned.updatedAt, QDateTime(QDate(2026, 6, 1), QTime(16, 40, 55, 120), QTimeZone::utc()));
    QVERIFY(!pinned.lastError);

    const Chat &main = chats->at(1);
    QCOMPARE(main.id, Demo::mainChat);
    QCOMPARE(main.title, u"Add CSV export to the reports page"_s);
    QCOMPARE(main.status, ChatStatus::Running);
    QVERIFY(isActive(main.status));
    QCOMPARE(main.pinOrder, 0);
    QCOMPARE(main.children.size(), 2);
    QCOMPARE(main.mcpServerIds.size(), 1);
    QCOMPARE(main.workspaceId, WorkspaceId::fromString(u"0c9b8a7f-6e5d-4c3b-a2a1-9f8e7d6c5b4a"));
    QCOMPARE(
        main.lastModelConfigId, ModelConfigId::fromString(u"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b"));
    QCOMPARE(main.diffStatus->additions, 32);
    QCOMPARE(main.diffStatus->deletions, 1);
    QCOMPARE(main.diffStatus->changedFiles, 2);
    QCOMPARE(main.diffStatus->reviewerCount, 1);
    QCOMPARE(main.diffStatus->pullRequestState, u"open"_s);
    QCOMPARE(main.diffStatus->headBranch, u"agent/csv-export"_s);
    const Chat &explore = main.children.at(0);
    QCOMPARE(explore.title, u"Explore: find existing CSV utilities"_s);
    QCOMPARE(explore.mode, u"explore"_s);
    QCOMPARE(explore.parentChatId, Demo::mainChat);
    QCOMPARE(explore.rootChatId, Demo::mainChat);
    QVERIFY(!explore.isRoot());
    QCOMPARE(explore.status, ChatStatus::Waiting);
    QCOMPARE(main.children.at(1).status, ChatStatus::Running);
    QVERIFY(main.children.at(1).lastTurnSummary.isEmpty()); // null

    const Chat &api = chats->at(2);
    QCOMPARE(api.title, u"Explain the billing cron job"_s);
    QCOMPARE(api.status, ChatStatus::Error);
    QVERIFY(needsAttention(api.status));
    QVERIFY(api.hasUnread);
    QCOMPARE(api.clientType, u"api"_s);
    QCOMPARE(api.lastReasoningEffort, u"medium"_s);
    QVERIFY(api.workspaceId.isNull());
    QVERIFY(api.lastError);
    QCOMPARE(api.lastError->kind, ChatErrorKind::RateLimit);
    QCOMPARE(api.lastError->provider, u"openai"_s);
    QVERIFY(api.lastError->retryable);
    QCOMPARE(api.lastError->statusCode, 429);
    QVERIFY(api.lastError->detail.startsWith(u"429 Too Many Requests"));
    QVERIFY(api.diffStatus);
    QCOMPARE(api.diffStatus->additions, 0);
    QVERIFY(api.diffStatus->url.isEmpty());
}

void TestApiJson::chatList_archivedFixture_hasExpectedValues()
{
    const auto chats =
        ApiJson::chatListFromJson(parse(FixtureFiles::read(u"chats-list-archived.json"_s)));
    QVERIFY(chats);
    QCOMPARE(chats->size(), 1);
    QCOMPARE(chats->first().title, u"Upgrade Go to 1.24"_s);
    QVERIFY(chats->first().archived);
    QCOMPARE(chats->first().diffStatus->pullRequestState, u"merged"_s);
    QVERIFY(chats->first().diffStatus->approved);
    QCOMPARE(chats->first().diffStatus->reviewerCount, 2);
    QCOMPARE(chats->first().diffStatus->additions, 41);
    QCOMPARE(chats->first().diffStatus->deletions, 38);
}

void TestApiJson::messages_fixture_hasExpectedValues()
{
    const auto page =
        ApiJson::messagesPageFromJson(parse(FixtureFiles::read(u"chat-messages.json"_s)));
    QVERIFY(page);
    QCOMPARE(page->messages.size(), 4);
    QVERIFY(!page->hasMore);
    QVERIFY(page->queuedMessages.isEmpty());
    QList<qint64> ids;
    for (const ChatMessage &message : page->messages)
        ids.append(message.id.value);
    QCOMPARE(ids, (QList<qint64>{14, 13, 12, 11})); // newest first

    const ChatMessage &plan = page->messages.at(0);
    QCOMPARE(plan.role, MessageRole::Assistant);
    QCOMPARE(plan.chatId, Demo::mainChat);
    QVERIFY(plan.usage);
    QCOMPARE(plan.usage->inputTokens, 14655);
    QCOMPARE(plan.usage->outputTokens, 88);
    QCOMPARE(plan.usage->totalTokens, 14743);
    QCOMPARE(plan.usage->cacheReadTokens, 13890);
    QCOMPARE(plan.usage->contextLimit, 200000);
    QVERIFY(!plan.usage->reasoningTokens);
    QCOMPARE(plan.parts.size(), 1);
    QVERIFY(plan.parts.first().text.contains(u"**Export CSV**"));

    const ChatMessage &toolResult = page->messages.at(1);
    QCOMPARE(toolResult.role, MessageRole::Tool);
    QVERIFY(!toolResult.usage);
    const MessagePart &result = toolResult.parts.first();
    QCOMPARE(result.kind, MessagePart::Kind::ToolResult);
    QCOMPARE(result.detail().toolCallId, u"toolu_01H8kQ2mVtR7yXbN3cP5dLwE"_s);
    QCOMPARE(result.detail().result.toObject().value(u"exit_code").toInt(-1), 0);

    const ChatMessage &step = page->messages.at(2);
    QCOMPARE(step.usage->reasoningTokens, 41);
    QCOMPARE(step.usage->cacheCreationTokens, 13890);
    QCOMPARE(step.parts.size(), 3);
    QCOMPARE(step.parts.at(0).kind, MessagePart::Kind::Reasoning);
    QCOMPARE(step.parts.at(0).detail().completedAt,
        QDateTime(QDate(2026, 6, 2), QTime(9, 0, 4, 903), QTimeZone::utc()));
    QCOMPARE(step.parts.at(1).kind, MessagePart::Kind::Text);
    const MessagePart &call = step.parts.at(2);
    QCOMPARE(call.kind, MessagePart::Kind::ToolCall);
    QCOMPARE(call.detail().toolName, u"execute"_s);
    QCOMPARE(call.detail().args.toObject().value(u"command").toString(),
        u"rg -n \"csv|export\" src/pages/ReportsPage.tsx src/lib"_s);
    QCOMPARE(call.detail().parsedCommands, (QList<QStringList>{{u"rg"_s, u"csv|export"_s}}));

    const ChatMessage &prompt = page->messages.at(3);
    QCOMPARE(prompt.role, MessageRole::User);
    QCOMPARE(prompt.createdBy, UserId::fromString(u"5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b"));
    QCOMPARE(prompt.parts.size(), 2);
    const MessagePart &file = prompt.parts.at(1);
    QCOMPARE(file.kind, MessagePart::Kind::File);
    QCOMPARE(file.detail().mediaType, u"image/png"_s);
    QCOMPARE(file.detail().name, u"reports-page.png"_s);
    QCOMPARE(file.detail().fileId, FileId::fromString(u"9bcf6c80-5dae-4f70-8b3c-1e8d7a6f5c4b"));
    QVERIFY(file.detail().data.isEmpty());
}

void TestApiJson::diff_fixture_hasExpectedValues()
{
    const auto diff = ApiJson::chatDiffFromJson(parse(FixtureFiles::read(u"chat-diff.json"_s)));
    QVERIFY(diff);
    QCOMPARE(diff->chatId, Demo::mainChat);
    QCOMPARE(diff->provider, u"github"_s);
    QCOMPARE(diff->branch, u"agent/csv-export"_s);
    QCOMPARE(diff->remoteOrigin, u"https://github.com/acme/reports.git"_s);
    QCOMPARE(diff->pullRequestUrl, u"https://github.com/acme/reports/pull/482"_s);
    QVERIFY(diff->diff.startsWith(u"diff --git a/src/lib/csv.ts"));
    QCOMPARE(diff->diff.count(u"diff --git"), 2);
}

void TestApiJson::models_newestShape_unifiesWithProviders()
{
    const auto response = ApiJson::modelsFromJson(parse(FixtureFiles::read(u"models.json"_s)));
    QVERIFY(response);
    QVERIFY(!response->legacyShape);
    QCOMPARE(response->models.size(), 3);
    const ModelConfig &sonnet = response->models.at(0);
    QCOMPARE(sonnet.id, ModelConfigId::fromString(u"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b"));
    QCOMPARE(sonnet.provider, u"anthropic"_s);
    QCOMPARE(sonnet.providerDisplayName, u"Anthropic"_s);
    QCOMPARE(sonnet.model, u"claude-sonnet-4-5"_s);
    QCOMPARE(sonnet.displayName, u"Claude Sonnet 4.5"_s);
    QVERIFY(sonnet.isDefault);
    QVERIFY(sonnet.isSelectable());
    QCOMPARE(sonnet.contextLimit, 200000);
    QCOMPARE(sonnet.reasoningEfforts, (QStringList{u"none"_s, u"low"_s, u"medium"_s, u"high"_s}));
    QCOMPARE(response->models.at(1).provider, u"openai"_s);
    QCOMPARE(response->models.at(1).contextLimit, 400000);
    QVERIFY(!response->models.at(1).isDefault);
    QVERIFY(!response->models.at(2).enabled);
    QVERIFY(!response->models.at(2).isSelectable());
}

void TestApiJson::models_legacyShape_joinsWithModelConfigs()
{
    const auto catalog =
        ApiJson::modelsFromJson(parse(FixtureFiles::read(u"models-legacy.json"_s)));
    QVERIFY(catalog);
    QVERIFY(catalog->legacyShape);
    QCOMPARE(catalog->models.size(), 3);
    QCOMPARE(catalog->providers.size(), 3);
    QCOMPARE(catalog->models.first().legacyId, u"anthropic:claude-sonnet-4-5"_s);
    QVERIFY(catalog->models.first().id.isNull());
    QVERIFY(!catalog->models.first().isSelectable()); // no UUID to send
    QCOMPARE(catalog->providers.at(2).provider, u"google"_s);
    QVERIFY(!catalog->providers.at(2).available);
    QCOMPARE(catalog->providers.at(2).unavailableReason, u"user_api_key_required"_s);

    const auto configs = ApiJson::modelConfigsFromJson(parse(R"([
        {"id": "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b", "provider": "anthropic",
         "model": "claude-sonnet-4-5", "display_name": "Sonnet", "enabled": true,
         "is_default": true, "context_limit": 200000, "compression_threshold": 70},
        {"id": "a1b2c3d4-0009-4e5f-8a9b-0c1d2e3f4a5b", "provider": "google",
         "model": "gemini-2.5-pro", "display_name": "Gemini", "enabled": true},
        {"id": "not-a-uuid", "provider": "openai", "model": "gpt-5"},
        {"id": "a1b2c3d4-000a-4e5f-8a9b-0c1d2e3f4a5b", "provider": "mistral",
         "model": "large", "enabled": false}
    ])"));
    QVERIFY(configs);
    QCOMPARE(configs->size(), 3); // the one without a UUID is skipped
    const QList<ModelConfig> joined = ApiJson::joinLegacyModels(*catalog, *configs);
    QCOMPARE(joined.size(), 3);
    QCOMPARE(joined.at(0).legacyId, u"anthropic:claude-sonnet-4-5"_s);
    QVERIFY(joined.at(0).isSelectable());
    QVERIFY(joined.at(0).isDefault);
    QCOMPARE(joined.at(0).contextLimit, 200000);
    QVERIFY(!joined.at(1).available);
    QCOMPARE(joined.at(1).unavailableReason, u"user_api_key_required"_s);
    QVERIFY(!joined.at(2).isSelectable());

    // Without configs the catalog is all there is.
    QCOMPARE(ApiJson::joinLegacyModels(*catalog, {}).size(), 3);
}

//! Issue 10, defect 7: a catalog in the seed-era shape whose ids are already config UUIDs (and
//! no /model-configs beside it) left the picker empty. Its ids are the model_config_ids, and
//! the first usable model is the default.
void TestApiJson::models_legacyShapeWithConfigIds_isUsableAsIs()
{
    const auto catalog = ApiJson::modelsFromJson(parse(R"({"providers": [
        {"provider": "openai", "available": false, "unavailable_reason": "missing_api_key",
         "models": [{"id": "b1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b", "provider": "openai",
                     "model": "gpt-5", "display_name": "GPT-5"}]},
        {"provider": "anthropic", "available": true,
         "models": [{"id": "b1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b", "provider": "anthropic",
                     "model": "claude-sonnet-4-5", "display_name": "Claude Sonnet 4.5"},
                    {"id": "b1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a5b", "provider": "anthropic",
                     "model": "claude-opus-4", "display_name": "Claude Opus 4"}]}
    ]})"));
    QVERIFY(catalog);
    QVERIFY(catalog->legacyShape);
    QVERIFY(catalog->idsAreConfigIds);
    QCOMPARE(catalog->models.size(), 3);
    QCOMPARE(catalog->models.at(1).id.toString(), u"b1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b"_s);
    QVERIFY(!catalog->models.at(0).isSelectable()); // its provider has no key
    QVERIFY(catalog->models.at(1).isSelectable());
    QVERIFY(!catalog->models.at(0).isDefault);
    QVERIFY(catalog->models.at(1).isDefault); // the first usable one
    QVERIFY(!catalog->models.at(2).isDefault);
}

void TestApiJson::streamSession_replay_yieldsExpectedEvents()
{
    QList<StreamEvent> events;
    for (const QByteArray &frame : FixtureFiles::lines(u"stream-session.jsonl"_s))
        events += ApiJson::decodeStreamFrame(frame);
    QCOMPARE(events.size(), 38);

    QList<qint64> committed;
    int parts = 0;
    for (const StreamEvent &event : std::as_const(events)) {
        if (event.type == StreamEvent::Type::Message)
            committed.append(event.message.id.value);
        if (event.type == StreamEvent::Type::MessagePart) {
            ++parts;
            QVERIFY(event.seq);
            QVERIFY(event.historyVersion);
            QCOMPARE(*event.historyVersion, 3);
        }
    }
    QCOMPARE(committed, (QList<qint64>{13, 14, 15, 16, 17, 18, 19, 20, 21}));
    QCOMPARE(parts, 19);

    QCOMPARE(events.at(2).type, StreamEvent::Type::Status);
    QCOMPARE(events.at(2).status, ChatStatus::Waiting);

    const StreamEvent &firstPart = events.at(5);
    QCOMPARE(firstPart.type, StreamEvent::Type::MessagePart);
    QCOMPARE(firstPart.role, MessageRole::Assistant);
    QCOMPARE(firstPart.part.kind, MessagePart::Kind::Reasoning);
    QCOMPARE(firstPart.part.text, u"The user approved. I'll write"_s);
    QCOMPARE(*firstPart.seq, 1);
    QCOMPARE(*firstPart.generationAttempt, 0);

    const auto find = [&events](StreamEvent::Type type, int nth = 0) -> const StreamEvent * {
        for (const StreamEvent &event : events) {
            if (event.type == type && nth-- == 0)
                return &event;
        }
        return nullptr;
    };
    const StreamEvent *argsDelta = nullptr;
    for (const StreamEvent &event : std::as_const(events)) {
        if (!event.part.detail().argsDelta.isEmpty()) {
            argsDelta = &event;
            break;
        }
    }
    QVERIFY(argsDelta);
    QCOMPARE(argsDelta->part.detail().toolName, u"write_file"_s);
    QVERIFY(argsDelta->part.detail().argsDelta.startsWith(u"{\"path\": \"src/lib/csv.ts\""));
    QVERIFY(argsDelta->part.detail().args.isUndefined());

    const StreamEvent *queued = find(StreamEvent::Type::QueueUpdate);
    QVERIFY(queued);
    QCOMPARE(queued->queuedMessages.size(), 1);
    QCOMPARE(queued->queuedMessages.first().id, QueuedMessageId{4});
    QCOMPARE(queued->queuedMessages.first().parts.first().text,
        u"Also add a header row with the column names."_s);
    const StreamEvent *emptied = find(StreamEvent::Type::QueueUpdate, 1);
    QVERIFY(emptied);
    QVERIFY(emptied->queuedMessages.isEmpty());

    const StreamEvent *retry = find(StreamEvent::Type::Retry);
    QVERIFY(retry);
    QCOMPARE(retry->retry.attempt, 1);
    QCOMPARE(retry->retry.delayMs, 2000);
    QCOMPARE(retry->retry.kind, ChatErrorKind::Overloaded);
    QCOMPARE(retry->retry.statusCode, 529);
    QCOMPARE(retry->retry.provider, u"anthropic"_s);
    QCOMPARE(retry->retry.retryingAt,
        QDateTime(QDate(2026, 6, 2), QTime(9, 20, 31, 4), QTimeZone::utc()));
    QVERIFY(find(StreamEvent::Type::PreviewReset));

    const StreamEvent &last = events.last();
    QCOMPARE(last.type, StreamEvent::Type::Error);
    QCOMPARE(last.error.kind, ChatErrorKind::Auth);
    QVERIFY(!last.error.retryable);
    QCOMPARE(last.error.statusCode, 401);
    QCOMPARE(last.error.message, u"The model provider rejected the API key."_s);
    QCOMPARE(events.at(events.size() - 2).status, ChatStatus::Error);
}

void TestApiJson::streamSession_seedEraFrames_haveNoEpisode()
{
    for (const QByteArray &frame : FixtureFiles::lines(u"stream-session.jsonl"_s)) {
        const QList<StreamEvent> events = ApiJson::decodeStreamFrame(stripEpisodeFields(frame));
        QCOMPARE(events.size(), parse(frame).toArray().size());
        for (const StreamEvent &event : events) {
            QVERIFY(!event.seq);
            QVERIFY(!event.historyVersion);
            QVERIFY(!event.generationAttempt);
        }
    }
}

void TestApiJson::watchSession_frames_haveExpectedKinds()
{
    QList<WatchEvent::Kind> kinds;
    QList<WatchEvent> events;
    for (const QByteArray &frame : FixtureFiles::lines(u"watch-session.jsonl"_s))
        events += ApiJson::decodeWatchFrame(frame);
    for (const WatchEvent &event : std::as_const(events))
        kinds.append(event.kind);
    using K = WatchEvent::Kind;
    QCOMPARE(kinds,
        (QList<K>{K::Created, K::TitleChange, K::StatusChange, K::Created, K::Created,
            K::StatusChange, K::StatusChange, K::SummaryChange, K::DiffStatusChange}));
    QCOMPARE(events.at(1).chat.title, u"Explain the billing cron job"_s);
    QCOMPARE(events.at(3).chat.parentChatId, Demo::mainChat);
    QCOMPARE(events.at(5).chat.status, ChatStatus::Error);
    QVERIFY(events.at(5).chat.lastError);
    QVERIFY(events.at(8).chat.diffStatus);
}

// --- Requests --------------------------------------------------------------------------------

void TestApiJson::createChat_encodes_asDocumentedExample()
{
    CreateChatRequest request;
    request.organizationId = OrganizationId::fromString(u"8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f");
    request.workspaceId = WorkspaceId::fromString(u"0c9b8a7f-6e5d-4c3b-a2a1-9f8e7d6c5b4a");
    request.modelConfigId = ModelConfigId::fromString(u"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b");
    request.content = {InputPart::fromText(u"Add a CSV export button to the reports page."_s),
        InputPart::fromFile(FileId::fromString(u"9bcf6c80-5dae-4f70-8b3c-1e8d7a6f5c4b"))};
    request.labels.insert(u"team"_s, u"web"_s);
    // §7.2 example, verbatim.
    const QJsonObject expected = parseObject(R"({
      "organization_id": "8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f",
      "workspace_id": "0c9b8a7f-6e5d-4c3b-a2a1-9f8e7d6c5b4a",
      "model_config_id": "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b",
      "content": [
        { "type": "text", "text": "Add a CSV export button to the reports page." },
        { "type": "file", "file_id": "9bcf6c80-5dae-4f70-8b3c-1e8d7a6f5c4b" }
      ],
      "labels": { "team": "web" },
      "client_type": "ui"
    })");
    QCOMPARE(ApiJson::toJson(request), expected);

    // Plan mode, a system prompt and a file reference go in when set.
    request.planMode = true;
    request.systemPrompt = u"Be brief."_s;
    request.content.append(InputPart::fromFileReference(u"src/a.ts"_s, 3, 5, u"x"_s));
    const QJsonObject full = ApiJson::toJson(request);
    QCOMPARE(full.value(u"plan_mode").toString(), u"plan"_s);
    QCOMPARE(full.value(u"system_prompt").toString(), u"Be brief."_s);
    QCOMPARE(full.value(u"content").toArray().at(2).toObject(),
        parseObject(R"({"type":"file-reference","file_name":"src/a.ts","start_line":3,)"
                    R"("end_line":5,"content":"x"})"));
}

void TestApiJson::updateChat_encodes_onlyPresentFields_data()
{
    QTest::addColumn<UpdateChatRequest>("request");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << UpdateChatRequest{} << QByteArray("{}");
    UpdateChatRequest title;
    title.title = u"New title"_s;
    QTest::newRow("title") << title << QByteArray(R"({"title":"New title"})");
    UpdateChatRequest archive;
    archive.archived = true;
    QTest::newRow("archive") << archive << QByteArray(R"({"archived":true})");
    UpdateChatRequest unarchive;
    unarchive.archived = false;
    QTest::newRow("unarchive") << unarchive << QByteArray(R"({"archived":false})");
    UpdateChatRequest unpin;
    unpin.pinOrder = 0;
    QTest::newRow("unpin") << unpin << QByteArray(R"({"pin_order":0})");
    UpdateChatRequest reorder;
    reorder.pinOrder = 3;
    QTest::newRow("reorder") << reorder << QByteArray(R"({"pin_order":3})");
    UpdateChatRequest labels;
    labels.labels = QMap<QString, QString>{{u"team"_s, u"web"_s}};
    QTest::newRow("labels") << labels << QByteArray(R"({"labels":{"team":"web"}})");
    UpdateChatRequest clearLabels;
    clearLabels.labels = QMap<QString, QString>{};
    QTest::newRow("labels cleared") << clearLabels << QByteArray(R"({"labels":{}})");
    UpdateChatRequest unbind;
    unbind.workspaceId = WorkspaceId{};
    QTest::newRow("workspace unbound")
        << unbind << QByteArray(R"({"workspace_id":"00000000-0000-0000-0000-000000000000"})");
    UpdateChatRequest planOn;
    planOn.planMode = true;
    QTest::newRow("plan on") << planOn << QByteArray(R"({"plan_mode":"plan"})");
    UpdateChatRequest planOff;
    planOff.planMode = false;
    QTest::newRow("plan off") << planOff << QByteArray(R"({"plan_mode":""})");
}

void TestApiJson::updateChat_encodes_onlyPresentFields()
{
    QFETCH(UpdateChatRequest, request);
    QFETCH(QByteArray, expected);
    QCOMPARE(ApiJson::toJson(request), parseObject(expected));
    QCOMPARE(request.isEmpty(), expected == "{}");
}

void TestApiJson::sendMessage_encodes_behaviourAndOptions_data()
{
    QTest::addColumn<SendMessageRequest>("request");
    QTest::addColumn<QByteArray>("expected");

    SendMessageRequest plain;
    plain.content = {InputPart::fromText(u"Also add a header row."_s)};
    QTest::newRow("queue by default")
        << plain
        << QByteArray(R"({"content":[{"type":"text","text":"Also add a header row."}],)"
                      R"("busy_behavior":"queue"})");
    SendMessageRequest interrupt = plain;
    interrupt.busyBehavior = BusyBehavior::Interrupt;
    interrupt.modelConfigId = ModelConfigId::fromString(u"a1b2c3d4-0002-4e5f-9a9b-0c1d2e3f4a5c");
    interrupt.planMode = false;
    QTest::newRow("interrupt, model, plan off")
        << interrupt
        << QByteArray(R"({"content":[{"type":"text","text":"Also add a header row."}],)"
                      R"("busy_behavior":"interrupt",)"
                      R"("model_config_id":"a1b2c3d4-0002-4e5f-9a9b-0c1d2e3f4a5c",)"
                      R"("plan_mode":""})");
}

void TestApiJson::sendMessage_encodes_behaviourAndOptions()
{
    QFETCH(SendMessageRequest, request);
    QFETCH(QByteArray, expected);
    QCOMPARE(ApiJson::toJson(request), parseObject(expected));
}

void TestApiJson::editMessage_andToolResults_encode()
{
    EditMessageRequest edit;
    edit.content = {InputPart::fromText(u"Use tabs."_s)};
    QCOMPARE(
        ApiJson::toJson(edit), parseObject(R"({"content":[{"type":"text","text":"Use tabs."}]})"));

    const QList<ToolResult> results{
        {u"toolu_01XYZ"_s, parseObject(R"({"ok":true,"value":42})"), false},
        {u"call_2"_s, QJsonValue(u"boom"_s), true},
    };
    QCOMPARE(ApiJson::toJson(results),
        parseObject(
            R"({"results":[{"tool_call_id":"toolu_01XYZ","output":{"ok":true,"value":42},)"
            R"("is_error":false},{"tool_call_id":"call_2","output":"boom","is_error":true}]})"));
}

void TestApiJson::contentDisposition_encodes_rfc6266_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ascii") << u"reports-page.png"_s
                           << QByteArray(R"(attachment; filename="reports-page.png")");
    QTest::newRow("quotes and backslash")
        << u"a \"b\" c\\d.txt"_s
        << QByteArray(R"(attachment; filename="a _b_ c_d.txt"; )"
                      R"(filename*=UTF-8''a%20%22b%22%20c%5Cd.txt)");
    QTest::newRow("non-ascii") << u"Übersicht ✓.png"_s
                               << QByteArray(R"(attachment; filename="_bersicht _.png"; )"
                                             R"(filename*=UTF-8''%C3%9Cbersicht%20%E2%9C%93.png)");
    QTest::newRow("header injection stripped")
        << u"a\r\nX-Evil: 1.png"_s << QByteArray(R"(attachment; filename="aX-Evil: 1.png")");
    QTest::newRow("empty") << QString() << QByteArray(R"(attachment; filename="attachment")");
}

void TestApiJson::contentDisposition_encodes_rfc6266()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, expected);
    QCOMPARE(ApiClient::contentDisposition(fileName), expected);
}

// --- Round trips -----------------------------------------------------------------------------

void TestApiJson::messagePart_roundTrips_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("text") << QByteArray(R"({"type":"text","text":"Hello **world**"})");
    QTest::newRow("reasoning") << QByteArray(R"({"type":"reasoning","text":"think","title":"Plan",)"
                                             R"("created_at":"2026-06-02T09:00:02.150Z",)"
                                             R"("completed_at":"2026-06-02T09:00:04.903Z"})");
    QTest::newRow("tool-call") << QByteArray(
        R"({"type":"tool-call","tool_call_id":"t1","tool_name":"execute",)"
        R"("args":{"command":"ls -la"},"parsed_commands":[["ls"]],)"
        R"("provider_executed":true})");
    QTest::newRow("tool-call delta")
        << QByteArray(R"({"type":"tool-call","tool_call_id":"t1","tool_name":"x",)"
                      R"("args_delta":"{\"a\": 1"})");
    QTest::newRow("tool-result") << QByteArray(
        R"({"type":"tool-result","tool_call_id":"t1","tool_name":"execute",)"
        R"("result":[1,"two",{"three":3}],"is_error":true,"is_media":true})");
    QTest::newRow("tool-result delta")
        << QByteArray(R"({"type":"tool-result","tool_call_id":"t1","tool_name":"x",)"
                      R"("result_delta":"out","result_reset":true})");
    QTest::newRow("source") << QByteArray(R"({"type":"source","source_id":"s1",)"
                                          R"("url":"https://example.com","title":"Example"})");
    QTest::newRow("file inline") << QByteArray(
        R"({"type":"file","media_type":"image/png","name":"a.png",)"
        R"("data":"iVBORw0KGgo="})");
    QTest::newRow("file by id") << QByteArray(
        R"({"type":"file","media_type":"image/png",)"
        R"("file_id":"9bcf6c80-5dae-4f70-8b3c-1e8d7a6f5c4b"})");
    QTest::newRow("file-reference")
        << QByteArray(R"({"type":"file-reference","file_name":"a.ts","start_line":1,)"
                      R"("end_line":0,"content":"x"})");
    QTest::newRow("context-file") << QByteArray(
        R"({"type":"context-file","context_file_path":"AGENTS.md","context_file_truncated":true})");
    QTest::newRow("skill") << QByteArray(
        R"({"type":"skill","skill_name":"deploy","skill_description":"Ship it"})");
    QTest::newRow("hook-notice") << QByteArray(R"({"type":"hook-notice","text":"Denied"})");
    QTest::newRow("unknown") << QByteArray(R"({"type":"hologram","beam":{"x":[1,2]}})");
}

void TestApiJson::messagePart_roundTrips()
{
    QFETCH(QByteArray, json);
    const QJsonObject original = parseObject(json);
    const auto part = ApiJson::messagePartFromJson(original);
    QVERIFY(part);
    QCOMPARE(part->raw, original);
    QCOMPARE(ApiJson::toJson(*part), original);
}

void TestApiJson::chat_roundTrips_withAllFields()
{
    const QJsonObject original = parseObject(R"({
        "id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",
        "organization_id": "8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f",
        "owner_id": "5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b",
        "owner_username": "alice", "owner_name": "Alice",
        "workspace_id": "0c9b8a7f-6e5d-4c3b-a2a1-9f8e7d6c5b4a",
        "build_id": "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a",
        "agent_id": "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
        "root_chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",
        "last_model_config_id": "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b",
        "last_reasoning_effort": "high",
        "title": "T", "status": "requires_action", "mode": "orchestrator", "plan_mode": "plan",
        "last_error": {"message": "m", "detail": "d", "kind": "hook_denied", "provider": "p",
                       "retryable": false, "status_code": 403},
        "last_turn_summary": "lts", "summary": "s",
        "diff_status": {"chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "url": "u",
            "pull_request_state": "open", "pull_request_title": "pt", "pull_request_draft": true,
            "changes_requested": true, "additions": 1, "deletions": 2, "changed_files": 3,
            "author_login": "al", "author_avatar_url": "av", "base_branch": "main",
            "head_branch": "h", "pr_number": 7, "commits": 2, "approved": true,
            "reviewer_count": 4, "refreshed_at": "2026-06-02T10:04:12.000Z",
            "stale_at": "2026-06-02T10:09:12.000Z"},
        "created_at": "2026-06-02T09:00:00.412Z", "updated_at": "2026-06-02T10:05:30.511Z",
        "archived": true, "shared": true, "pin_order": 2,
        "mcp_server_ids": ["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"],
        "labels": {"a": "b"},
        "files": [{"id": "9bcf6c80-5dae-4f70-8b3c-1e8d7a6f5c4b",
                   "owner_id": "5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b",
                   "organization_id": "8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f",
                   "name": "a.png", "mime_type": "image/png", "size_bytes": 12,
                   "created_at": "2026-06-02T09:00:00.000Z"}],
        "has_unread": true, "client_type": "ui", "children": [],
        "warnings": ["w1"], "queued_for_capacity": true
    })");
    const auto chat = ApiJson::chatFromJson(original);
    QVERIFY(chat);
    QCOMPARE(chat->status, ChatStatus::RequiresAction);
    QVERIFY(chat->planMode);
    QCOMPARE(chat->lastError->kind, ChatErrorKind::HookDenied);
    QCOMPARE(chat->files.size(), 1);
    QCOMPARE(chat->files.first().sizeBytes, 12);
    QVERIFY(chat->queuedForCapacity);
    QCOMPARE(chat->warnings, QStringList{u"w1"_s});
    QCOMPARE(ApiJson::toJson(*chat), original);
}

void TestApiJson::encoders_emptyEntities_keepTheServerShape_data()
{
    // Which keys an encoder writes for an entity with nothing set: the fields the server always
    // sends are there (with empty values), the optional ones are left out.
    QTest::addColumn<QJsonObject>("encoded");
    QTest::addColumn<QStringList>("keys");
    MessagePart text;
    text.kind = MessagePart::Kind::Text;
    MessagePart reference;
    reference.kind = MessagePart::Kind::FileReference;
    QTest::newRow("chat")
        << ApiJson::toJson(Chat{})
        << QString(
               u"archived children has_unread id labels last_model_config_id mcp_server_ids organization_id owner_id pin_order shared status title"_s)
               .split(u' ');
    QTest::newRow("diff status")
        << ApiJson::toJson(DiffStatus{})
        << QString(
               u"additions changed_files changes_requested chat_id deletions pull_request_draft pull_request_title"_s)
               .split(u' ');
    QTest::newRow("chat error") << ApiJson::toJson(ChatError{})
                                << QString(u"message retryable"_s).split(u' ');
    QTest::newRow("file") << ApiJson::toJson(ChatFileMetadata{})
                          << QString(u"id mime_type name"_s).split(u' ');
    QTest::newRow("text part") << ApiJson::toJson(text) << QString(u"type"_s).split(u' ');
    QTest::newRow("file reference part")
        << ApiJson::toJson(reference) << QString(u"end_line start_line type"_s).split(u' ');
    QTest::newRow("usage") << ApiJson::toJson(MessageUsage{}) << QStringList{};
    QTest::newRow("message") << ApiJson::toJson(ChatMessage{})
                             << QString(u"chat_id content id role"_s).split(u' ');
    QTest::newRow("queued") << ApiJson::toJson(QueuedMessage{})
                            << QString(u"chat_id content id"_s).split(u' ');
}

void TestApiJson::encoders_emptyEntities_keepTheServerShape()
{
    QFETCH(QJsonObject, encoded);
    QFETCH(QStringList, keys);
    QCOMPARE(encoded.keys().join(u' '), keys.join(u' '));
}

void TestApiJson::chatMessage_roundTrips_withUsage()
{
    const QJsonObject original = parseObject(R"({"id": 9223372036854775807,
        "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",
        "created_by": "5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b",
        "model_config_id": "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b",
        "created_at": "2026-06-02T09:00:00.412Z", "role": "user",
        "content": [{"type": "text", "text": "hi"}],
        "usage": {"input_tokens": 1, "output_tokens": 2, "total_tokens": 3,
                  "reasoning_tokens": 4, "cache_creation_tokens": 5, "cache_read_tokens": 6,
                  "context_limit": 7}})");
    const auto message = ApiJson::chatMessageFromJson(original);
    QVERIFY(message);
    QCOMPARE(message->id.value, std::numeric_limits<qint64>::max());
    QCOMPARE(ApiJson::toJson(*message), original);

    const QJsonObject queued = parseObject(R"({"id": 4,
        "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",
        "model_config_id": "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b",
        "content": [{"type": "text", "text": "later"}],
        "created_at": "2026-06-02T09:20:20.530Z"})");
    const auto queuedMessage = ApiJson::queuedMessageFromJson(queued);
    QVERIFY(queuedMessage);
    QCOMPARE(ApiJson::toJson(*queuedMessage), queued);
}

// #15: a long chat holds one text part per message, so a text part must stay small: no detail
// of its own, and one shared copy of the "text" and "assistant" names, not one per message.
void TestApiJson::textParts_areCompact()
{
    QCOMPARE_LE(sizeof(MessagePart), size_t(80));
    const auto decode = [](const char *text) {
        return ApiJson::chatMessageFromJson(parseObject(QByteArray(R"({"id": 3,
            "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "role": "assistant",
            "content": [{"type": "text", "text": ")")
            + text + R"("}]})"));
    };
    const auto first = decode("one");
    const auto second = decode("two");
    QVERIFY(first && second);
    QCOMPARE(first->parts.size(), 1);
    const MessagePart &part = first->parts.at(0);
    QCOMPARE(part.kind, MessagePart::Kind::Text);
    QCOMPARE(part.text, u"one"_s);
    QVERIFY(!part.hasDetail());
    QCOMPARE(part.typeRaw, u"text"_s);
    QCOMPARE(part.typeRaw.constData(), second->parts.at(0).typeRaw.constData());
    QCOMPARE(first->roleRaw, u"assistant"_s);
    QCOMPARE(first->roleRaw.constData(), second->roleRaw.constData());

    // A tool call does get a detail; writing one part's detail leaves its copies alone.
    auto call = ApiJson::messagePartFromJson(parseObject(
        R"({"type": "tool-call", "tool_call_id": "c1", "tool_name": "execute", "args": {}})"));
    QVERIFY(call);
    QVERIFY(call->hasDetail());
    QCOMPARE(call->detail().toolName, u"execute"_s);
    MessagePart copy = *call;
    copy.editDetail().toolName = u"read_file"_s;
    QCOMPARE(call->detail().toolName, u"execute"_s);
    QVERIFY(!(copy == *call));
    copy.editDetail().toolName = u"execute"_s;
    QVERIFY(copy == *call);
    // An unknown type is kept as it came: its own string, not a shared name.
    const auto unknown = ApiJson::messagePartFromJson(parseObject(R"({"type": "hologram"})"));
    QVERIFY(unknown);
    QCOMPARE(unknown->typeRaw, u"hologram"_s);
    QVERIFY(!unknown->hasDetail());
}

// --- Tolerance -------------------------------------------------------------------------------

void TestApiJson::unknownFields_areIgnored()
{
    const auto chat = ApiJson::chatFromJson(parseObject(R"({"id":
        "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "title": "T", "status": "waiting",
        "context": {"dirty": true, "resources": [{"kind": "skill"}]},
        "last_injected_context": [{"type": "skill"}], "brand_new": {"x": [1, 2, 3]}})"));
    QVERIFY(chat);
    QCOMPARE(chat->title, u"T"_s);
    QCOMPARE(chat->status, ChatStatus::Waiting);
}

void TestApiJson::unknownPartType_isKeptWithRaw()
{
    const auto message = ApiJson::chatMessageFromJson(parseObject(R"({"id": 5, "role":
        "assistant", "content": [{"type": "text", "text": "a"},
        {"type": "hologram", "beam": 7}, {"type": "text", "text": "b"}]})"));
    QVERIFY(message);
    QCOMPARE(message->parts.size(), 3);
    const MessagePart &unknown = message->parts.at(1);
    QCOMPARE(unknown.kind, MessagePart::Kind::Unknown);
    QCOMPARE(unknown.typeRaw, u"hologram"_s);
    QCOMPARE(unknown.raw.value(u"beam").toInt(), 7);
    QCOMPARE(message->parts.at(2).text, u"b"_s);
}

void TestApiJson::unknownStatus_isKeptRaw_andIdle()
{
    const auto chat = ApiJson::chatFromJson(
        parseObject(R"({"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "status": "hibernating"})"));
    QVERIFY(chat);
    QCOMPARE(chat->status, ChatStatus::Unknown);
    QCOMPARE(chat->statusRaw, u"hibernating"_s);
    QVERIFY(!isActive(chat->status));
    QVERIFY(!needsAttention(chat->status));
    QCOMPARE(ApiJson::toJson(*chat).value(u"status").toString(), u"hibernating"_s);
    const auto role = ApiJson::chatMessageFromJson(parseObject(R"({"id": 1, "role": "critic"})"));
    QCOMPARE(role->role, MessageRole::Unknown);
    QCOMPARE(role->roleRaw, u"critic"_s);
}

void TestApiJson::unknownErrorKind_isTreatedAsGeneric()
{
    const auto error =
        ApiJson::chatErrorFromJson(parseObject(R"({"message": "m", "kind": "solar_flare"})"));
    QVERIFY(error);
    QCOMPARE(error->kind, ChatErrorKind::Unknown);
    QVERIFY(isGenericKind(error->kind));
    QCOMPARE(error->kindRaw, u"solar_flare"_s);
}

void TestApiJson::lastError_asStringOrObjectOrNull_data()
{
    QTest::addColumn<QByteArray>("lastError");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("message");
    QTest::newRow("object") << QByteArray(R"({"message": "boom", "retryable": true})") << true
                            << u"boom"_s;
    QTest::newRow("legacy string")
        << QByteArray(R"("provider exploded")") << true << u"provider exploded"_s;
    QTest::newRow("empty string") << QByteArray(R"("")") << false << QString();
    QTest::newRow("null") << QByteArray("null") << false << QString();
    QTest::newRow("number") << QByteArray("42") << false << QString();
}

void TestApiJson::lastError_asStringOrObjectOrNull()
{
    QFETCH(QByteArray, lastError);
    QFETCH(bool, present);
    QFETCH(QString, message);
    const auto chat = ApiJson::chatFromJson(parseObject(
        R"({"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "status": "error", "last_error": )"
        + lastError + "}"));
    QVERIFY(chat);
    QCOMPARE(bool(chat->lastError), present);
    if (present)
        QCOMPARE(chat->lastError->message, message);
}

void TestApiJson::args_asJsonStringOrValue_data()
{
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<QByteArray>("expected"); // as a one-element array, to compare any value
    QTest::newRow("object") << QByteArray(R"({"a": 1})") << QByteArray(R"([{"a": 1}])");
    QTest::newRow("json string") << QByteArray(R"("{\"a\": 1}")") << QByteArray(R"([{"a": 1}])");
    QTest::newRow("json array string") << QByteArray(R"(" [1, 2]")") << QByteArray("[[1, 2]]");
    QTest::newRow("plain string") << QByteArray(R"("ls -la")") << QByteArray(R"(["ls -la"])");
    QTest::newRow("broken json string")
        << QByteArray(R"("{\"a\": ")") << QByteArray(R"(["{\"a\": "])");
    QTest::newRow("number") << QByteArray("3") << QByteArray("[3]");
}

void TestApiJson::args_asJsonStringOrValue()
{
    QFETCH(QByteArray, args);
    QFETCH(QByteArray, expected);
    const auto part = ApiJson::messagePartFromJson(
        parseObject(R"({"type": "tool-call", "tool_call_id": "t", "args": )" + args
            + R"(, "result": )" + args + "}"));
    QVERIFY(part);
    QCOMPARE(part->detail().args, parse(expected).toArray().first());
    QCOMPARE(part->detail().result, parse(expected).toArray().first());
}

void TestApiJson::nullAndAbsent_areEquivalent()
{
    const QByteArray withNulls = R"({"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",
        "workspace_id": null, "parent_chat_id": null, "last_turn_summary": null, "summary": null,
        "diff_status": null, "last_error": null, "labels": null, "children": null,
        "mcp_server_ids": null, "files": null, "pin_order": null, "title": null,
        "created_at": null})";
    const QByteArray absent = R"({"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"})";
    const auto a = ApiJson::chatFromJson(parseObject(withNulls));
    const auto b = ApiJson::chatFromJson(parseObject(absent));
    QVERIFY(a && b);
    QCOMPARE(ApiJson::toJson(*a), ApiJson::toJson(*b));
    QVERIFY(a->workspaceId.isNull());
    QVERIFY(a->isRoot());
    QVERIFY(a->children.isEmpty());
    QVERIFY(!a->diffStatus);

    const auto part = ApiJson::messagePartFromJson(
        parseObject(R"({"type": "tool-call", "args": null, "file_id": null})"));
    QVERIFY(part->detail().args.isUndefined());
    QVERIFY(part->detail().fileId.isNull());
}

void TestApiJson::messageId_fromNumberOrString_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<qint64>("expected"); // 0 = rejected
    QTest::newRow("number") << QByteArray("14") << qint64(14);
    QTest::newRow("numeric string") << QByteArray(R"("14")") << qint64(14);
    QTest::newRow("beyond 2^53") << QByteArray("9007199254740993") << qint64(9007199254740993);
    QTest::newRow("beyond 2^53 as string")
        << QByteArray(R"("9007199254740993")") << qint64(9007199254740993);
    QTest::newRow("fraction") << QByteArray("14.5") << qint64(0);
    QTest::newRow("text") << QByteArray(R"("fourteen")") << qint64(0);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("negative") << QByteArray("-3") << qint64(0);
    QTest::newRow("too big") << QByteArray("1e30") << qint64(0);
    QTest::newRow("null") << QByteArray("null") << qint64(0);
    QTest::newRow("object") << QByteArray("{}") << qint64(0);
}

void TestApiJson::messageId_fromNumberOrString()
{
    QFETCH(QByteArray, id);
    QFETCH(qint64, expected);
    const auto message =
        ApiJson::chatMessageFromJson(parseObject(R"({"role": "user", "id": )" + id + "}"));
    QCOMPARE(bool(message), expected != 0);
    if (message)
        QCOMPARE(message->id.value, expected);
}

void TestApiJson::timestamp_variants_parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime base(QDate(2026, 6, 2), QTime(9, 14, 3), QTimeZone::utc());
    QTest::newRow("no fraction") << u"2026-06-02T09:14:03Z"_s << base;
    QTest::newRow("millis") << u"2026-06-02T09:14:03.512Z"_s << base.addMSecs(512);
    QTest::newRow("micros") << u"2026-06-02T09:14:03.512847Z"_s << base.addMSecs(513);
    QTest::newRow("nanos") << u"2026-06-02T09:14:03.512847123Z"_s << base.addMSecs(513);
    QTest::newRow("offset") << u"2026-06-02T11:14:03+02:00"_s << base;
    QTest::newRow("fraction and offset") << u"2026-06-02T01:44:03.5-07:30"_s << base.addMSecs(500);
    QTest::newRow("garbage") << u"yesterday"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestApiJson::timestamp_variants_parse()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = ApiJson::timestampFromJson(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed, expected);
    QVERIFY(!ApiJson::timestampFromJson(QJsonValue(42)).isValid());
}

void TestApiJson::base64Data_decodesOrIsDropped()
{
    const auto good = ApiJson::messagePartFromJson(
        parseObject(R"({"type": "file", "media_type": "text/plain", "data": "aGVsbG8="})"));
    QCOMPARE(good->detail().data, QByteArray("hello"));
    const auto bad = ApiJson::messagePartFromJson(
        parseObject(R"({"type": "file", "media_type": "text/plain", "data": "!!not base64!!"})"));
    QVERIFY(bad);
    QVERIFY(bad->detail().data.isEmpty());
    const auto unicode = ApiJson::messagePartFromJson(
        parseObject(R"({"type": "file", "data": "\u00e9\u00e9\u00e9\u00e9"})"));
    QVERIFY(unicode);
}

void TestApiJson::wrongTypes_readAsAbsent_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("title number") << QByteArray(R"({"title": 42})");
    QTest::newRow("children string") << QByteArray(R"({"children": "none"})");
    QTest::newRow("children objects of junk") << QByteArray(R"({"children": [1, "x", null]})");
    QTest::newRow("labels array") << QByteArray(R"({"labels": ["a", "b"]})");
    QTest::newRow("label values not strings") << QByteArray(R"({"labels": {"a": 1, "b": {}}})");
    QTest::newRow("pin_order string") << QByteArray(R"({"pin_order": "first"})");
    QTest::newRow("pin_order negative") << QByteArray(R"({"pin_order": -4})");
    QTest::newRow("pin_order huge") << QByteArray(R"({"pin_order": 1e300})");
    QTest::newRow("archived string") << QByteArray(R"({"archived": "yes"})");
    QTest::newRow("diff_status string") << QByteArray(R"({"diff_status": "open"})");
    QTest::newRow("diff numbers strings")
        << QByteArray(R"({"diff_status": {"additions": "many", "deletions": [1]}})");
    QTest::newRow("workspace_id not uuid") << QByteArray(R"({"workspace_id": "my-workspace"})");
    QTest::newRow("created_at number") << QByteArray(R"({"created_at": 1717318443})");
    QTest::newRow("files object") << QByteArray(R"({"files": {"id": "x"}})");
}

void TestApiJson::wrongTypes_readAsAbsent()
{
    QFETCH(QByteArray, json);
    QJsonObject object = parseObject(json);
    object.insert(u"id", u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s);
    const auto chat = ApiJson::chatFromJson(object);
    QVERIFY(chat);
    QCOMPARE(chat->id, Demo::mainChat);
    QVERIFY(chat->title.isEmpty());
    QVERIFY(chat->children.isEmpty());
    QCOMPARE(chat->pinOrder, 0);
    QVERIFY(!chat->archived);
    QVERIFY(chat->workspaceId.isNull());
    QVERIFY(!chat->createdAt.isValid());
    QVERIFY(chat->files.isEmpty());
    if (chat->diffStatus)
        QCOMPARE(chat->diffStatus->additions, 0);

    // Whole-response decoders refuse the wrong top-level shape instead of guessing.
    QVERIFY(!ApiJson::chatListFromJson(object));
    QVERIFY(!ApiJson::messagesPageFromJson(parseObject(R"({"messages": "none"})")));
    QVERIFY(!ApiJson::chatFromJson(QJsonArray{object}));
    QVERIFY(!ApiJson::chatFromJson(parseObject(R"({"id": 7})")));
}

void TestApiJson::arrayElementOfWrongType_isSkipped()
{
    const auto chats = ApiJson::chatListFromJson(parse(R"([
        {"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "title": "one"},
        42, "chat", null, [], {"title": "no id"},
        {"id": "6e9c3f5d-2a7b-4c4d-9e0f-8b5a4d3c2f1e", "title": "two"}])"));
    QVERIFY(chats);
    QCOMPARE(chats->size(), 2);
    QCOMPARE(chats->at(1).title, u"two"_s);

    const auto page = ApiJson::messagesPageFromJson(parse(R"({"messages": [
        {"id": 2, "role": "user", "content": [{"type": "text", "text": "ok"}, 5, "x"]},
        {"id": "bad", "role": "user"}, true], "queued_messages": [{"id": 1}, {}], "has_more": 1})"));
    QVERIFY(page);
    QCOMPARE(page->messages.size(), 1);
    QCOMPARE(page->messages.first().parts.size(), 1);
    QCOMPARE(page->queuedMessages.size(), 1);
    QVERIFY(!page->hasMore); // 1 is not a bool

    const QList<StreamEvent> events = ApiJson::decodeStreamFrame(R"([
        {"type": "status", "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",
         "status": {"status": "running"}},
        "junk", 3, {"type": "message", "message": {"id": "x"}},
        {"type": "message_part", "message_part": {"part": "not an object"}},
        {"type": "preview_reset", "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"}])");
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).status, ChatStatus::Running);
    QCOMPARE(events.at(1).type, StreamEvent::Type::PreviewReset);
}

void TestApiJson::sendResult_bareOrWrapped_decode()
{
    const auto immediate = ApiJson::sendMessageResultFromJson(parse(R"({"queued": false,
        "message": {"id": 15, "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "role": "user",
        "created_at": "2026-06-02T09:20:00Z", "content": [{"type": "text", "text": "x"}]},
        "warnings": ["slow"]})"));
    QVERIFY(immediate);
    QVERIFY(!immediate->queued);
    QCOMPARE(immediate->message->id, MessageId{15});
    QCOMPARE(immediate->warnings, QStringList{u"slow"_s});

    const auto queued = ApiJson::sendMessageResultFromJson(parse(R"({"queued": true,
        "queued_message": {"id": 4, "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",
        "created_at": "2026-06-02T09:21:10Z", "content": [{"type": "text", "text": "y"}]}})"));
    QVERIFY(queued);
    QVERIFY(queued->queued);
    QVERIFY(!queued->message);
    QCOMPARE(queued->queuedMessage->id, QueuedMessageId{4});

    const auto bare = ApiJson::sendMessageResultFromJson(
        parse(R"({"id": 15, "role": "user", "content": [{"type": "text", "text": "x"}]})"));
    QVERIFY(bare);
    QVERIFY(!bare->queued);
    QCOMPARE(bare->message->id, MessageId{15});

    QVERIFY(!ApiJson::sendMessageResultFromJson(parse(R"({"unrelated": 1})")));
}

void TestApiJson::editResult_decodes()
{
    const auto result = ApiJson::editMessageResultFromJson(parse(R"({
        "message": {"id": 11, "role": "user", "content": [{"type": "text", "text": "new"}]},
        "deleted_message_ids": [12, "13", 14, "x", -1], "warnings": ["w"]})"));
    QVERIFY(result);
    QCOMPARE(result->message.id, MessageId{11});
    QCOMPARE(
        result->deletedMessageIds, (QList<MessageId>{MessageId{12}, MessageId{13}, MessageId{14}}));
    QVERIFY(!ApiJson::editMessageResultFromJson(parse(R"({"message": "no"})")));
}

void TestApiJson::streamFrame_allFramings_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QStringList>("types"); // typeRaw of each decoded event
    const QByteArray status =
        R"({"type": "status", "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "status": {"status": "waiting"}})";
    QTest::newRow("array") << "[" + status + "," + status + "]\n"
                           << QStringList{u"status"_s, u"status"_s};
    QTest::newRow("empty array") << QByteArray("[]") << QStringList{};
    QTest::newRow("bare object") << status << QStringList{u"status"_s};
    QTest::newRow("legacy ping") << QByteArray(R"({"type": "ping"})") << QStringList{};
    QTest::newRow("legacy data single")
        << R"({"type": "data", "data": )" + status + "}" << QStringList{u"status"_s};
    QTest::newRow("legacy data array") << R"({"type": "data", "data": [)" + status + "," + status
            + "]}" << QStringList{u"status"_s, u"status"_s};
    QTest::newRow("legacy error") << QByteArray(
        R"({"type": "error", "data": {"message": "Chat not found.", "detail": "d"}})")
                                  << QStringList{u"error"_s};
    QTest::newRow("data event with chat_id is not an envelope") << QByteArray(
        R"({"type": "data", "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "data": 1})")
                                                                << QStringList{u"data"_s};
    QTest::newRow("unknown event type kept") << QByteArray(
        R"([{"type": "teleport", "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "x": 1}])")
                                             << QStringList{u"teleport"_s};
    QTest::newRow("malformed json") << QByteArray(R"([{"type": "status",)") << QStringList{};
    QTest::newRow("scalar") << QByteArray("42") << QStringList{};
    QTest::newRow("empty") << QByteArray() << QStringList{};
    QTest::newRow("action_required") << QByteArray(
        R"([{"type": "action_required", "chat_id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b",)"
        R"( "action_required": {"tool_calls": [{"tool_call_id": "c1", "tool_name": "pick",)"
        R"( "args": "{\"a\":1}"}, {"tool_call_id": "c2", "tool_name": "obj", "args": {"b": 2}}]}}])")
                                     << QStringList{u"action_required"_s};
}

void TestApiJson::streamFrame_allFramings()
{
    QFETCH(QByteArray, frame);
    QFETCH(QStringList, types);
    const QList<StreamEvent> events = ApiJson::decodeStreamFrame(frame);
    QStringList decoded;
    for (const StreamEvent &event : events)
        decoded.append(event.typeRaw);
    QCOMPARE(decoded, types);
    for (const StreamEvent &event : events) {
        QVERIFY(!event.raw.isEmpty());
        if (event.typeRaw == u"teleport" || event.typeRaw == u"data")
            QCOMPARE(event.type, StreamEvent::Type::Unknown);
        if (event.type == StreamEvent::Type::EnvelopeError) {
            QCOMPARE(event.error.message, u"Chat not found."_s);
            QCOMPARE(event.error.detail, u"d"_s);
        }
        if (event.type == StreamEvent::Type::ActionRequired) {
            QCOMPARE(event.actionRequired.size(), 2);
            QCOMPARE(event.actionRequired.at(0).argsJson, u"{\"a\":1}"_s);
            QCOMPARE(event.actionRequired.at(1).argsJson, u"{\"b\":2}"_s);
        }
    }
}

void TestApiJson::watchFrame_variants_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("hasChat");
    const QByteArray chat =
        R"({"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "status": "running"})";
    QTest::newRow("bare") << R"({"kind": "status_change", "chat": )" + chat + "}" << 1 << true;
    QTest::newRow("legacy envelope")
        << R"({"type": "data", "data": {"kind": "created", "chat": )" + chat + "}}" << 1 << true;
    QTest::newRow("legacy ping") << QByteArray(R"({"type": "ping"})") << 0 << false;
    QTest::newRow("unknown kind with chat")
        << R"({"kind": "chat_teleported", "chat": )" + chat + "}" << 1 << true;
    QTest::newRow("unknown kind without chat")
        << QByteArray(R"({"kind": "server_hello"})") << 1 << false;
    QTest::newRow("known kind without chat") << QByteArray(R"({"kind": "deleted"})") << 0 << false;
    QTest::newRow("deleted with id only") << QByteArray(
        R"({"kind": "deleted", "chat": {"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"}})")
                                          << 1 << true;
    QTest::newRow("action_required") << R"({"kind": "action_required", "chat": )" + chat
            + R"(, "tool_calls": [{"tool_call_id": "c1", "tool_name": "t", "args": "{}"}]})"
                                     << 1 << true;
    QTest::newRow("garbage") << QByteArray("not json") << 0 << false;
}

void TestApiJson::watchFrame_variants()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, count);
    QFETCH(bool, hasChat);
    const QList<WatchEvent> events = ApiJson::decodeWatchFrame(frame);
    QCOMPARE(events.size(), count);
    if (count > 0) {
        QCOMPARE(events.first().hasChat, hasChat);
        if (hasChat)
            QCOMPARE(events.first().chat.id, Demo::mainChat);
        if (events.first().kind == WatchEvent::Kind::ActionRequired)
            QCOMPARE(events.first().toolCalls.size(), 1);
    }
}

void TestApiJson::apiError_coderBody_isSurfaced()
{
    const ApiError validation = ApiError::fromHttpStatus(400,
        R"({"message": "Invalid chat search query.", "validations": [)"
        R"({"field": "pr_status", "detail": "\"pending\" is not a valid value"}]})");
    QCOMPARE(validation.kind, ApiError::Kind::Validation);
    QCOMPARE(validation.message, u"Invalid chat search query."_s);
    QCOMPARE(validation.validations.size(), 1);
    QCOMPARE(validation.validations.first().field, u"pr_status"_s);

    const ApiError hook =
        ApiError::fromHttpStatus(403, R"({"message": "Denied by policy.", "kind": "hook_denied"})");
    QCOMPARE(hook.kind, ApiError::Kind::Http);
    QCOMPARE(hook.serverKind, u"hook_denied"_s);
    QVERIFY(!hook.isTransient());

    const ApiError html = ApiError::fromHttpStatus(502, "<html><body>Bad gateway</body></html>");
    QCOMPARE(html.kind, ApiError::Kind::Http);
    QCOMPARE(html.httpStatus, 502);
    QVERIFY(!html.message.isEmpty());
    QVERIFY(html.isTransient());
    QVERIFY(html.toDisplayString().contains(html.message));
}

void TestApiJson::hostileInput_neverCrashes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \n\t ");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("truncated") << QByteArray(R"({"id": "3b6f0c2a-9d4e)");
    QTest::newRow("deep arrays") << QByteArray(100'000, '[');
    QTest::newRow("deep arrays closed") << QByteArray(5000, '[') + QByteArray(5000, ']');
    QByteArray deepObjects;
    for (int i = 0; i < 50'000; ++i)
        deepObjects += R"({"children":[)";
    QTest::newRow("deep objects") << deepObjects;
    QByteArray deepChildren = R"({"id": "3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b", "children": [)";
    QByteArray closing = "]}";
    for (int i = 0; i < 300; ++i) {
        deepChildren += R"({"id": "6e9c3f5d-2a7b-4c4d-9e0f-8b5a4d3c2f1e", "children": [)";
        closing += "]}";
    }
    QTest::newRow("chat nested 300 deep") << deepChildren + closing;
    QTest::newRow("invalid utf-8")
        << QByteArray("[{\"type\": \"status\", \"x\": \"\xff\xfe\xc3\x28\"}]");
    QTest::newRow("invalid utf-8 in key") << QByteArray("{\"\xc3\x28\": 1, \"id\": 5}");
    QTest::newRow("lone surrogate escape") << QByteArray(
        R"({"id": 5, "role": "user", "content": [{"type": "text", "text": "\ud800"}]})");
    QTest::newRow("nul bytes") << QByteArray("[{\"type\":\0\"status\"}]", 21);
    QTest::newRow("huge string")
        << QByteArray(R"({"id": 5, "role": "assistant", "content": [{"type": "text", "text": ")")
            + QByteArray(20 * 1024 * 1024, 'x') + QByteArray(R"("}]})");
    QByteArray manyEvents = "[";
    for (int i = 0; i < 20'000; ++i)
        manyEvents += R"({"type":"preview_reset"},7,)";
    manyEvents += "1]";
    QTest::newRow("many elements") << manyEvents;
    QTest::newRow("huge numbers") << QByteArray(
        R"({"id": 1e400, "pin_order": -1e400, "status_code": 1e19, "seq": -0})");
    QTest::newRow("binary") << QByteArray::fromHex("00ff10203040506070ffeeddccbbaa99");
}

void TestApiJson::hostileInput_neverCrashes()
{
    QFETCH(QByteArray, bytes);
    const QuietDecoders quiet;
    decodeWithEverything(bytes);
    // Wrapping the input as a string member must be just as harmless.
    decodeWithEverything(R"({"id": 1, "role": "user", "content": [{"type": "tool-call", "args": )"
        + QJsonDocument(QJsonArray{QString::fromUtf8(bytes.left(4096))})
              .toJson(QJsonDocument::Compact)
              .mid(1)
              .chopped(1)
        + "}]}");
}

void TestApiJson::mutatedFixtures_neverCrash()
{
    // A small deterministic fuzzer: truncations and byte flips of every fixture.
    const QuietDecoders quiet;
    QRandomGenerator random(20260602);
    for (const QString &name : FixtureFiles::names()) {
        const QByteArray original = FixtureFiles::read(name);
        for (int round = 0; round < 60; ++round) {
            QByteArray mutated = original;
            if (round % 3 == 0) {
                mutated.truncate(random.bounded(qMax(1, int(original.size()))));
            } else {
                const int flips = 1 + random.bounded(8);
                for (int i = 0; i < flips && !mutated.isEmpty(); ++i)
                    mutated[random.bounded(int(mutated.size()))] = char(random.bounded(256));
            }
            decodeWithEverything(mutated);
            for (const QByteArray &line : mutated.split('\n'))
                decodeWithEverything(line);
        }
    }
}

QTEST_GUILESS_MAIN(TestApiJson)
#include "TestApiJson.moc"
