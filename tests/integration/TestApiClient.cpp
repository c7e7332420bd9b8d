// ApiClient against agentdesk-sim running as a real process on loopback: every endpoint, prefix
// detection both ways, Coder error bodies, timeouts, cancellation and the dying-caller guard.

#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"
#include "support/DemoIds.h"
#include "support/Refusal.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr int callTimeoutMs = 15'000;

// A 1×1 PNG, enough for the simulator's content sniffing.
QByteArray tinyPng()
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                                  "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

//! Runs one ApiClient call with a fresh context and waits (bounded) for its single callback.
template<typename T, typename Start>
ApiResult<T> await(Start start, int timeoutMs = callTimeoutMs)
{
    QObject context;
    std::optional<ApiResult<T>> result;
    int deliveries = 0;
    start(&context, [&](const ApiResult<T> &r) {
        ++deliveries;
        result = r;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return ApiError::validationFailure(u"the test gave up waiting for the callback"_s);
    // Exactly once: let anything queued run, then check nothing else arrived.
    QCoreApplication::processEvents();
    if (deliveries != 1)
        return ApiError::validationFailure(u"callback ran %1 times"_s.arg(deliveries));
    return *result;
}

QString describe(const ApiError &error)
{
    return u"kind %1, status %2: %3 / %4"_s.arg(int(error.kind))
        .arg(error.httpStatus)
        .arg(error.message, error.detail);
}

template<typename T>
QString describe(const ApiResult<T> &result)
{
    return result.ok() ? u"ok"_s : describe(result.error());
}

// Evaluates the call once; QVERIFY2 builds its message even on success.
#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto &verifiedResult = (expression);                                                 \
        QVERIFY2(verifiedResult.ok(), qPrintable(describe(verifiedResult)));                       \
    } while (false)

//! A loopback server that answers every request with one canned HTTP response: the bodies a
//! proxy in front of Coder may send (HTML, empty), which the simulator never does.
class CannedServer
{
public:
    explicit CannedServer(QByteArray response)
        : m_response(std::move(response))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }

private:
    QByteArray m_response;
    QTcpServer m_server;
};

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // Prefix detection (§2.2)
    void detectPrefix_v2Server_locksV2();
    void detectPrefix_experimentalOnlyServer_fallsBack();
    void detectPrefix_wrongToken_reportsCodersMessage();
    void detectPrefix_5xxOnV2_isReportedWithoutSwitching();

    // URLs for the live-data layer
    void webSocketUrls_useWsSchemeAndNoToken_data();
    void webSocketUrls_useWsSchemeAndNoToken();

    // Deployment
    void buildInfo_returnsVersion();
    void currentUser_andOrganizations_andWorkspaces_decode();

    // Chats
    void listChats_default_pinnedFirstWithoutArchived();
    void listChats_query_filtersArchivedAndLabels_data();
    void listChats_query_filtersArchivedAndLabels();
    void listChats_badQuery_surfacesValidations();
    void getChat_known_hasChildrenAndDiffStatus();
    void getChat_unknown_surfaces404MessageAndDetail();
    void createChat_thenGet_roundTrips();
    void updateChat_rename_isApplied();
    void updateChat_emptyTitle_is400();
    void archive_unarchive_toggleAndRejectRepeat();
    void pin_reorder_unpin_keepOrderDense();

    // Messages, queue, turn control
    void listMessages_cursors_orderAndPage();
    void sendMessage_idleThenBusy_queuesThenDeleteAndPromote();
    void editMessage_userMessage_deletesLaterOnes();
    void interrupt_runningAndIdle();
    void submitToolResults_requiresAction_isAccepted();
    void proposeTitle_newest_andLegacyFallback();

    // Files, models, diff, prompts, cost
    void models_comeFromTheGenerationsCatalog_data();
    void models_comeFromTheGenerationsCatalog();
    void upload_thenDownload_returnsSameBytesAndName_data();
    void upload_thenDownload_returnsSameBytesAndName();
    void upload_tooLarge_is413();
    void upload_wrongType_is400();
    void upload_abort_deliversCancelled();
    void diff_prompts_cost_decode();

    // Failure paths
    void serverError_withCoderBody_isSurfaced();
    void transferTimeout_slowServer_deliversTimeout();
    void contextDestroyed_beforeReply_callbackNeverRuns();
    void nonJsonBody_on200_isDecodeError();
    void htmlBody_on502_getsFallbackMessage();
    void unreachableServer_isNetworkError();

private:
    //! Starts a simulator with the demo data and points a fresh client at it.
    bool startSimulator(const QStringList &extra = {});
    Chat fetchChat(const ChatId &id);

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_api;
};

void TestApiClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_api = std::make_unique<ApiClient>(m_network.get());
}

void TestApiClient::cleanup()
{
    m_api.reset();
    m_network.reset();
    m_sim.reset();
}

bool TestApiClient::startSimulator(const QStringList &extra)
{
    // Without a generation these tests play the one under test ($AGENTDESK_TEST_GENERATION,
    // legacy by default), talking to its chats prefix as the client does after detectPrefix().
    const bool given = extra.contains(u"--generation"_s);
    QStringList arguments{u"--demo"_s, u"--delta-interval-ms"_s, u"20"_s};
    if (!given)
        arguments << u"--generation"_s << testGeneration();
    m_sim = std::make_unique<SimulatorProcess>(arguments + extra);
    if (!m_sim->start()) {
        qWarning().noquote() << m_sim->errorString();
        return false;
    }
    m_api->setDeploymentUrl(m_sim->baseUrl());
    m_api->setSessionToken(m_sim->token());
    if (!given)
        m_api->setChatsPrefix(testChatsPrefix());
    return true;
}

Chat TestApiClient::fetchChat(const ChatId &id)
{
    const auto result = await<Chat>([&](QObject *c, auto done) { m_api->getChat(id, c, done); });
    return result.ok() ? result.value() : Chat{};
}

// --- Prefix detection ------------------------------------------------------------------------

void TestApiClient::detectPrefix_v2Server_locksV2()
{
    QVERIFY(startSimulator({u"--generation"_s, u"v237"_s}));
    QSignalSpy detected(m_api.get(), &ApiClient::prefixDetected);
    QVERIFY(!m_api->isPrefixLocked());
    const auto result =
        await<QString>([&](QObject *c, auto done) { m_api->detectPrefix(c, done); });
    VERIFY_OK(result);
    QCOMPARE(result.value(), u"/api/v2/chats"_s);
    QCOMPARE(m_api->chatsPrefix(), u"/api/v2/chats"_s);
    QVERIFY(m_api->isPrefixLocked());
    QCOMPARE(detected.size(), 1);
    // The locked prefix is used from now on.
    const auto chats =
        await<QList<Chat>>([&](QObject *c, auto done) { m_api->listChats({}, c, done); });
    VERIFY_OK(chats);
    QCOMPARE(m_api->streamUrl(Demo::mainChat).path(),
        u"/api/v2/chats/3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b/stream"_s);
}

void TestApiClient::detectPrefix_experimentalOnlyServer_fallsBack()
{
    // An experimental-only server is the legacy generation, whichever one the run plays.
    QVERIFY(startSimulator({u"--generation"_s, u"legacy"_s}));
    const auto result =
        await<QString>([&](QObject *c, auto done) { m_api->detectPrefix(c, done); });
    VERIFY_OK(result);
    QCOMPARE(result.value(), u"/api/experimental/chats"_s);
    QVERIFY(m_api->isPrefixLocked());
}

void TestApiClient::detectPrefix_wrongToken_reportsCodersMessage()
{
    QVERIFY(startSimulator({u"--generation"_s, u"v237"_s}));
    m_api->setSessionToken("AgntDeskXX-wrongwrongwrongwrongwr");
    QSignalSpy rejected(m_api.get(), &ApiClient::sessionRejected);
    const auto result =
        await<QString>([&](QObject *c, auto done) { m_api->detectPrefix(c, done); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Http);
    QCOMPARE(result.error().httpStatus, 401);
    QVERIFY2(result.error().message.startsWith(u"You are signed out"),
        qPrintable(result.error().message));
    QVERIFY(!result.error().detail.contains(u"wrongwrong"));
    QVERIFY(!m_api->isPrefixLocked());
    QCOMPARE(m_api->chatsPrefix(), u"/api/experimental/chats"_s);
    QCOMPARE(rejected.size(), 1);
}

void TestApiClient::detectPrefix_5xxOnV2_isReportedWithoutSwitching()
{
    QVERIFY(startSimulator({u"--generation"_s, u"v237"_s}));
    QVERIFY(m_sim->setFaults({{u"fail_route"_s,
        QJsonObject{{u"pattern"_s, u"^/api/v2/chats$"_s}, {u"status"_s, 503}}}}));
    const auto result =
        await<QString>([&](QObject *c, auto done) { m_api->detectPrefix(c, done); });
    QCOMPARE(refusedStatus(result), 503);
    QVERIFY(result.error().isTransient());
    QVERIFY(!m_api->isPrefixLocked());
    // Once the fault is gone, detection succeeds with v2.
    QVERIFY(m_sim->setFaults({{u"fail_route"_s, QJsonValue::Null}}));
    const auto retry = await<QString>([&](QObject *c, auto done) { m_api->detectPrefix(c, done); });
    VERIFY_OK(retry);
    QCOMPARE(retry.value(), u"/api/v2/chats"_s);
}

// --- URLs ------------------------------------------------------------------------------------

void TestApiClient::webSocketUrls_useWsSchemeAndNoToken_data()
{
    QTest::addColumn<QUrl>("deployment");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("pathPrefix");
    QTest::newRow("http") << QUrl(u"http://127.0.0.1:3000"_s) << u"ws"_s << QString();
    QTest::newRow("https") << QUrl(u"https://coder.example.com"_s) << u"wss"_s << QString();
    QTest::newRow("https with sub-path")
        << QUrl(u"https://example.com/coder/"_s) << u"wss"_s << u"/coder"_s;
}

void TestApiClient::webSocketUrls_useWsSchemeAndNoToken()
{
    QFETCH(QUrl, deployment);
    QFETCH(QString, scheme);
    QFETCH(QString, pathPrefix);
    m_api->setDeploymentUrl(deployment);
    m_api->setSessionToken("AgntDeskTs-0123456789abcdefghijkl");
    m_api->setChatsPrefix(u"/api/v2/chats"_s);

    const QUrl stream = m_api->streamUrl(Demo::mainChat, MessageId{12});
    QCOMPARE(stream.scheme(), scheme);
    QCOMPARE(
        stream.path(), pathPrefix + u"/api/v2/chats/3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b/stream"_s);
    QCOMPARE(stream.query(), u"after_id=12"_s);
    QVERIFY(!m_api->streamUrl(Demo::mainChat).hasQuery());
    QCOMPARE(m_api->watchUrl().path(), pathPrefix + u"/api/v2/chats/watch"_s);
    QCOMPARE(m_api->gitStreamUrl(Demo::mainChat).path(),
        pathPrefix + u"/api/v2/chats/3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b/stream/git"_s);
    for (const QUrl &url : {stream, m_api->watchUrl(), m_api->gitStreamUrl(Demo::mainChat)})
        QVERIFY(!url.toString().contains(u"0123456789abcdefghijkl"));

    const QNetworkRequest request = m_api->makeWebSocketRequest(stream);
    QCOMPARE(request.url(), stream);
    QCOMPARE(
        request.rawHeader("Coder-Session-Token"), QByteArray("AgntDeskTs-0123456789abcdefghijkl"));
}

// --- Deployment ------------------------------------------------------------------------------

void TestApiClient::buildInfo_returnsVersion()
{
    QVERIFY(startSimulator());
    const auto result = await<BuildInfo>([&](QObject *c, auto done) { m_api->buildInfo(c, done); });
    VERIFY_OK(result);
    QVERIFY(result.value().version.startsWith(u"v2."));
}

void TestApiClient::currentUser_andOrganizations_andWorkspaces_decode()
{
    QVERIFY(startSimulator());
    const auto user = await<User>([&](QObject *c, auto done) { m_api->currentUser(c, done); });
    VERIFY_OK(user);
    QCOMPARE(user.value().username, u"alice"_s);
    QCOMPARE(user.value().id, UserId::fromString(u"5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b"));

    const auto orgs =
        await<QList<Organization>>([&](QObject *c, auto done) { m_api->organizations(c, done); });
    VERIFY_OK(orgs);
    QCOMPARE(orgs.value().size(), 1);
    QCOMPARE(orgs.value().first().id, Demo::org);
    QVERIFY(orgs.value().first().isDefault);

    const auto workspaces =
        await<QList<Workspace>>([&](QObject *c, auto done) { m_api->workspaces(c, done); });
    VERIFY_OK(workspaces);
    // The simulator's three workspaces, in its order.
    QCOMPARE(workspaces.value().size(), 3);
    QStringList names;
    for (const Workspace &workspace : workspaces.value()) {
        QVERIFY(!workspace.id.isNull());
        names << workspace.name;
    }
    QCOMPARE(names, (QStringList{u"reports-dev"_s, u"webapp-dev"_s, u"billing-dev"_s}));
}

// --- Chats -----------------------------------------------------------------------------------

void TestApiClient::listChats_default_pinnedFirstWithoutArchived()
{
    QVERIFY(startSimulator());
    const auto result =
        await<QList<Chat>>([&](QObject *c, auto done) { m_api->listChats({}, c, done); });
    VERIFY_OK(result);
    const QList<Chat> &chats = result.value();
    // The demo's root chats that are not archived: the two sub-agents are children, the Go
    // upgrade is archived.
    QCOMPARE(chats.size(), 3);
    QCOMPARE(chats.first().id, Demo::pinnedChat);
    QCOMPARE(chats.first().pinOrder, 1);
    for (const Chat &chat : chats) {
        QVERIFY(!chat.archived);
        QVERIFY(chat.isRoot());
    }
    const auto main = std::find_if(
        chats.cbegin(), chats.cend(), [](const Chat &c) { return c.id == Demo::mainChat; });
    QVERIFY(main != chats.cend());
    QCOMPARE(main->children.size(), 2);
}

void TestApiClient::listChats_query_filtersArchivedAndLabels_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("labelKey");
    QTest::addColumn<QString>("labelValue");
    QTest::addColumn<QString>("expectedTitle");
    QTest::addColumn<int>("expectedCount");
    QTest::newRow("archived") << u"archived:true"_s << QString() << QString()
                              << u"Upgrade Go to 1.24"_s << 1;
    QTest::newRow("quoted title") << u"title:\"billing cron\""_s << QString() << QString()
                                  << u"Explain the billing cron job"_s << 1;
    QTest::newRow("label") << QString() << u"source"_s << u"ci"_s
                           << u"Explain the billing cron job"_s << 1;
    QTest::newRow("nothing") << u"title:\"no such chat + more\""_s << QString() << QString()
                             << QString() << 0;
}

void TestApiClient::listChats_query_filtersArchivedAndLabels()
{
    QFETCH(QString, q);
    QFETCH(QString, labelKey);
    QFETCH(QString, labelValue);
    QFETCH(QString, expectedTitle);
    QFETCH(int, expectedCount);
    QVERIFY(startSimulator());
    ListChatsQuery query;
    query.q = q;
    if (!labelKey.isEmpty())
        query.labels.insert(labelKey, labelValue);
    const auto result =
        await<QList<Chat>>([&](QObject *c, auto done) { m_api->listChats(query, c, done); });
    VERIFY_OK(result);
    QCOMPARE(result.value().size(), expectedCount);
    if (expectedCount > 0)
        QCOMPARE(result.value().first().title, expectedTitle);

    // Paging: limit and offset reach the server.
    query = {};
    query.limit = 1;
    query.offset = 1;
    const auto page =
        await<QList<Chat>>([&](QObject *c, auto done) { m_api->listChats(query, c, done); });
    VERIFY_OK(page);
    QCOMPARE(page.value().size(), 1);
    QVERIFY(page.value().first().id != Demo::pinnedChat);
}

void TestApiClient::listChats_badQuery_surfacesValidations()
{
    QVERIFY(startSimulator());
    ListChatsQuery query;
    query.q = u"just some words"_s; // bare words are rejected
    const auto result =
        await<QList<Chat>>([&](QObject *c, auto done) { m_api->listChats(query, c, done); });
    QCOMPARE(refusedStatus(result), 400);
    QCOMPARE(result.error().kind, ApiError::Kind::Validation);
    QCOMPARE(result.error().message, u"Invalid chat search query."_s);
    QVERIFY(!result.error().validations.isEmpty());
    QCOMPARE(result.error().validations.first().field, u"q"_s);
}

void TestApiClient::getChat_known_hasChildrenAndDiffStatus()
{
    QVERIFY(startSimulator());
    const Chat chat = fetchChat(Demo::mainChat);
    QCOMPARE(chat.id, Demo::mainChat);
    QCOMPARE(chat.title, u"Add CSV export to the reports page"_s);
    QCOMPARE(chat.children.size(), 2);
    QCOMPARE(chat.children.first().parentChatId, Demo::mainChat);
    QVERIFY(chat.diffStatus);
    QCOMPARE(chat.organizationId, Demo::org);
}

void TestApiClient::getChat_unknown_surfaces404MessageAndDetail()
{
    QVERIFY(startSimulator());
    const auto result = await<Chat>([&](QObject *c, auto done) {
        m_api->getChat(ChatId::fromString(u"00000000-0000-4000-8000-000000000001"), c, done);
    });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Http);
    QCOMPARE(result.error().httpStatus, 404);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(!result.error().message.startsWith(u"The server answered")); // Coder's own words
    QVERIFY(!result.error().isTransient());
}

void TestApiClient::createChat_thenGet_roundTrips()
{
    QVERIFY(startSimulator());
    CreateChatRequest request;
    request.organizationId = Demo::org;
    request.content = {InputPart::fromText(u"Write a haiku about CSV files."_s)};
    // No labels here: agentdesk-sim refuses labels on create (noted in the report).
    const auto created =
        await<Chat>([&](QObject *c, auto done) { m_api->createChat(request, c, done); });
    VERIFY_OK(created);
    QVERIFY(!created.value().id.isNull());
    QVERIFY(!created.value().title.isEmpty());
    QCOMPARE(created.value().clientType, u"ui"_s);
    QCOMPARE(fetchChat(created.value().id).id, created.value().id);

    // Missing organization: the server's message comes through.
    CreateChatRequest invalid;
    invalid.content = request.content;
    const auto rejected =
        await<Chat>([&](QObject *c, auto done) { m_api->createChat(invalid, c, done); });
    QCOMPARE(refusedStatus(rejected), 400);
    QVERIFY(rejected.error().message.contains(u"organization_id"));
}

void TestApiClient::updateChat_rename_isApplied()
{
    QVERIFY(startSimulator());
    UpdateChatRequest request;
    request.title = u"CSV export (renamed)"_s;
    request.labels = QMap<QString, QString>{{u"team"_s, u"reports"_s}};
    const auto result = await<NoContent>(
        [&](QObject *c, auto done) { m_api->updateChat(Demo::mainChat, request, c, done); });
    VERIFY_OK(result);
    const Chat chat = fetchChat(Demo::mainChat);
    QCOMPARE(chat.title, u"CSV export (renamed)"_s);
    QCOMPARE(chat.labels, (QMap<QString, QString>{{u"team"_s, u"reports"_s}}));
}

void TestApiClient::updateChat_emptyTitle_is400()
{
    QVERIFY(startSimulator());
    UpdateChatRequest request;
    request.title = u"   "_s;
    const auto result = await<NoContent>(
        [&](QObject *c, auto done) { m_api->updateChat(Demo::mainChat, request, c, done); });
    QCOMPARE(refusedStatus(result), 400);
    QVERIFY(!result.error().message.isEmpty());
}

void TestApiClient::archive_unarchive_toggleAndRejectRepeat()
{
    QVERIFY(startSimulator());
    VERIFY_OK(await<NoContent>(
        [&](QObject *c, auto done) { m_api->archiveChat(Demo::pinnedChat, c, done); }));
    QVERIFY(fetchChat(Demo::pinnedChat).archived);
    const auto again = await<NoContent>(
        [&](QObject *c, auto done) { m_api->archiveChat(Demo::pinnedChat, c, done); });
    QCOMPARE(refusedStatus(again), 400);
    VERIFY_OK(await<NoContent>(
        [&](QObject *c, auto done) { m_api->unarchiveChat(Demo::pinnedChat, c, done); }));
    QVERIFY(!fetchChat(Demo::pinnedChat).archived);
}

void TestApiClient::pin_reorder_unpin_keepOrderDense()
{
    QVERIFY(startSimulator());
    VERIFY_OK(
        await<NoContent>([&](QObject *c, auto done) { m_api->pinChat(Demo::mainChat, c, done); }));
    QCOMPARE(fetchChat(Demo::mainChat).pinOrder, 2); // pinned at the end
    VERIFY_OK(await<NoContent>(
        [&](QObject *c, auto done) { m_api->reorderPinnedChat(Demo::mainChat, 1, c, done); }));
    QCOMPARE(fetchChat(Demo::mainChat).pinOrder, 1);
    QCOMPARE(fetchChat(Demo::pinnedChat).pinOrder, 2);
    VERIFY_OK(await<NoContent>(
        [&](QObject *c, auto done) { m_api->unpinChat(Demo::mainChat, c, done); }));
    QCOMPARE(fetchChat(Demo::mainChat).pinOrder, 0);
    QCOMPARE(fetchChat(Demo::pinnedChat).pinOrder, 1);

    const auto child = await<NoContent>([&](QObject *c, auto done) {
        m_api->pinChat(ChatId::fromString(u"4c7a1d3b-0e5f-4a2b-9c8d-6f3e2b1a0d9c"), c, done);
    });
    QCOMPARE(refusedStatus(child), 400);
    const auto invalid = await<NoContent>(
        [&](QObject *c, auto done) { m_api->reorderPinnedChat(Demo::mainChat, 0, c, done); });
    QCOMPARE(invalid.error().kind, ApiError::Kind::Validation);
}

// --- Messages --------------------------------------------------------------------------------

void TestApiClient::listMessages_cursors_orderAndPage()
{
    QVERIFY(startSimulator());
    const auto newest = await<MessagesPage>([&](QObject *c, auto done) {
        m_api->listMessages(Demo::mainChat, std::nullopt, std::nullopt, 4, c, done);
    });
    VERIFY_OK(newest);
    QCOMPARE(newest.value().messages.size(), 4);
    QCOMPARE(newest.value().messages.first().id, MessageId{20});
    QCOMPARE(newest.value().messages.last().id, MessageId{17});
    QVERIFY(newest.value().hasMore);

    const auto older = await<MessagesPage>([&](QObject *c, auto done) {
        m_api->listMessages(Demo::mainChat, MessageId{17}, std::nullopt, 50, c, done);
    });
    VERIFY_OK(older);
    QCOMPARE(older.value().messages.size(), 6); // 16 … 11, descending
    QCOMPARE(older.value().messages.first().id, MessageId{16});
    QCOMPARE(older.value().messages.last().id, MessageId{11});
    QVERIFY(!older.value().hasMore);

    const auto catchUp = await<MessagesPage>([&](QObject *c, auto done) {
        m_api->listMessages(Demo::mainChat, std::nullopt, MessageId{18}, 0, c, done);
    });
    VERIFY_OK(catchUp);
    QCOMPARE(catchUp.value().messages.size(), 2); // ascending
    QCOMPARE(catchUp.value().messages.first().id, MessageId{19});

    const auto tooMany = await<MessagesPage>([&](QObject *c, auto done) {
        m_api->listMessages(Demo::mainChat, std::nullopt, std::nullopt, 5000, c, done);
    });
    QCOMPARE(refusedStatus(tooMany), 400);
}

void TestApiClient::sendMessage_idleThenBusy_queuesThenDeleteAndPromote()
{
    QVERIFY(startSimulator());
    SendMessageRequest first;
    first.content = {InputPart::fromText(u"/scenario long Keep going for a while."_s)};
    const auto accepted = await<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::pinnedChat, first, c, done); });
    VERIFY_OK(accepted);
    QVERIFY(!accepted.value().queued);
    QVERIFY(accepted.value().message);
    QCOMPARE(accepted.value().message->role, MessageRole::User);
    QVERIFY(accepted.value().message->id.isValid());

    // The long turn is running now, so the next two messages queue.
    SendMessageRequest second;
    second.content = {InputPart::fromText(u"Also add a header row."_s)};
    const auto queued = await<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::pinnedChat, second, c, done); });
    VERIFY_OK(queued);
    QVERIFY(queued.value().queued);
    QVERIFY(queued.value().queuedMessage);
    const QueuedMessageId firstQueued = queued.value().queuedMessage->id;
    const auto queuedAgain = await<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::pinnedChat, second, c, done); });
    VERIFY_OK(queuedAgain);
    QVERIFY(queuedAgain.value().queued);

    VERIFY_OK(await<NoContent>([&](QObject *c, auto done) {
        m_api->deleteQueuedMessage(Demo::pinnedChat, firstQueued, c, done);
    }));
    const auto missing = await<NoContent>([&](QObject *c, auto done) {
        m_api->deleteQueuedMessage(Demo::pinnedChat, firstQueued, c, done);
    });
    QCOMPARE(refusedStatus(missing), 404);

    const auto promoted = await<PromoteResult>([&](QObject *c, auto done) {
        m_api->promoteQueuedMessage(
            Demo::pinnedChat, queuedAgain.value().queuedMessage->id, c, done);
    });
    VERIFY_OK(promoted);
    QVERIFY(!promoted.value().message); // 202: the message arrives on the stream

    // Empty content is refused with Coder's message.
    SendMessageRequest empty;
    empty.content = {InputPart::fromText(u"  "_s)};
    const auto refused = await<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::apiChat, empty, c, done); });
    QCOMPARE(refusedStatus(refused), 400);
    QVERIFY(refused.error().message.contains(u"cannot be empty"));
}

void TestApiClient::editMessage_userMessage_deletesLaterOnes()
{
    QVERIFY(startSimulator());
    EditMessageRequest request;
    request.content = {InputPart::fromText(u"Yes, but put it in src/util/csv.ts."_s)};
    const auto result = await<EditMessageResult>([&](QObject *c, auto done) {
        m_api->editMessage(Demo::mainChat, MessageId{15}, request, c, done);
    });
    VERIFY_OK(result);
    QCOMPARE(result.value().message.id, MessageId{15});
    QCOMPARE(result.value().message.parts.first().text, u"Yes, but put it in src/util/csv.ts."_s);
    QVERIFY(result.value().deletedMessageIds.contains(MessageId{16}));
    QVERIFY(result.value().deletedMessageIds.contains(MessageId{20}));

    const auto assistant = await<EditMessageResult>([&](QObject *c, auto done) {
        m_api->editMessage(Demo::pinnedChat, MessageId{2}, request, c, done);
    });
    QCOMPARE(refusedStatus(assistant), 400);
}

void TestApiClient::interrupt_runningAndIdle()
{
    QVERIFY(startSimulator());
    const auto idle = await<Chat>(
        [&](QObject *c, auto done) { m_api->interruptChat(Demo::pinnedChat, c, done); });
    QCOMPARE(refusal(idle), (std::pair{409, u"Chat is not in an interruptible state."_s}));

    SendMessageRequest request;
    request.content = {InputPart::fromText(u"/scenario long Take your time."_s)};
    VERIFY_OK(await<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::pinnedChat, request, c, done); }));
    const auto running = await<Chat>(
        [&](QObject *c, auto done) { m_api->interruptChat(Demo::pinnedChat, c, done); });
    VERIFY_OK(running);
    QCOMPARE(running.value().id, Demo::pinnedChat);
}

void TestApiClient::submitToolResults_requiresAction_isAccepted()
{
    QVERIFY(startSimulator());
    const QList<ToolResult> noCall{{u"toolu_none"_s, QJsonObject{{u"ok"_s, true}}, false}};
    const auto early = await<NoContent>([&](QObject *c, auto done) {
        m_api->submitToolResults(Demo::pinnedChat, noCall, c, done);
    });
    QCOMPARE(refusedStatus(early), 409);

    SendMessageRequest request;
    request.content = {InputPart::fromText(u"/scenario ask Open the report file."_s)};
    VERIFY_OK(await<SendMessageResult>(
        [&](QObject *c, auto done) { m_api->sendMessage(Demo::pinnedChat, request, c, done); }));
    QTRY_COMPARE_WITH_TIMEOUT(
        fetchChat(Demo::pinnedChat).status, ChatStatus::RequiresAction, 15000);

    // The pending call is the last tool-call part of the newest assistant message.
    const auto page = await<MessagesPage>([&](QObject *c, auto done) {
        m_api->listMessages(Demo::pinnedChat, std::nullopt, std::nullopt, 10, c, done);
    });
    VERIFY_OK(page);
    QString callId;
    for (const ChatMessage &message : page.value().messages) {
        for (const MessagePart &part : message.parts) {
            if (part.kind == MessagePart::Kind::ToolCall
                && part.detail().toolName == u"open_in_ide")
                callId = part.detail().toolCallId;
        }
        if (!callId.isEmpty())
            break;
    }
    QVERIFY(!callId.isEmpty());
    const QList<ToolResult> results{{callId, QJsonObject{{u"opened"_s, true}}, false}};
    VERIFY_OK(await<NoContent>([&](QObject *c, auto done) {
        m_api->submitToolResults(Demo::pinnedChat, results, c, done);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(
        fetchChat(Demo::pinnedChat).status != ChatStatus::RequiresAction, 15000);
}

void TestApiClient::proposeTitle_newest_andLegacyFallback()
{
    QVERIFY(startSimulator());
    const QString before = fetchChat(Demo::apiChat).title;
    const auto proposed = await<ProposedTitle>(
        [&](QObject *c, auto done) { m_api->proposeTitle(Demo::apiChat, c, done); });
    VERIFY_OK(proposed);
    QVERIFY(!proposed.value().title.isEmpty());
    QVERIFY(!proposed.value().saved);                 // the caller saves it with a PATCH
    QCOMPARE(fetchChat(Demo::apiChat).title, before); // a proposal is not saved
    if (testGeneration() != u"legacy"_s)
        return; // the regenerate fallback below exists only before 2.37 (removed, §20.1.2)

    // A seed-era server has no title/propose: the client regenerates instead, which saves.
    QVERIFY(m_sim->setFaults({{u"fail_route"_s,
        QJsonObject{{u"pattern"_s, u"/title/propose$"_s}, {u"status"_s, 404}, {u"count"_s, 1}}}}));
    const auto legacy = await<ProposedTitle>(
        [&](QObject *c, auto done) { m_api->proposeTitle(Demo::apiChat, c, done); });
    VERIFY_OK(legacy);
    QVERIFY(!legacy.value().title.isEmpty());
    QVERIFY(legacy.value().saved);
    QCOMPARE(fetchChat(Demo::apiChat).title, legacy.value().title); // regenerate saved it
    // The 404 is remembered: propose (which would now answer) is not asked again.
    const auto again = await<ProposedTitle>(
        [&](QObject *c, auto done) { m_api->proposeTitle(Demo::apiChat, c, done); });
    VERIFY_OK(again);
    QVERIFY(again.value().saved);
}

// --- Files, models, diff, prompts, cost ------------------------------------------------------

void TestApiClient::models_comeFromTheGenerationsCatalog_data()
{
    QTest::addColumn<QString>("generation");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("models");
    // legacy: the experimental catalog, models.json's three; the v2 servers: the organization
    // route only, with models.json's three and the personal-key one (§20.8).
    QTest::newRow("legacy") << u"legacy"_s << ApiClient::experimentalChatsPrefix() << 3;
    QTest::newRow("v237") << u"v237"_s << ApiClient::v2ChatsPrefix() << 4;
    QTest::newRow("newest") << u"newest"_s << ApiClient::v2ChatsPrefix() << 4;
}

void TestApiClient::models_comeFromTheGenerationsCatalog()
{
    QFETCH(QString, generation);
    QFETCH(QString, prefix);
    // The simulator logs every request it answers (path and status) at debug level.
    qputenv("QT_LOGGING_RULES", "agentdesk.sim.debug=true");
    const bool started = startSimulator({u"--generation"_s, generation});
    qunsetenv("QT_LOGGING_RULES");
    QVERIFY(started);
    const auto detected =
        await<QString>([&](QObject *c, auto done) { m_api->detectPrefix(c, done); });
    VERIFY_OK(detected);
    QCOMPARE(detected.value(), prefix);
    const auto models = await<QList<ModelConfig>>(
        [&](QObject *c, auto done) { m_api->models(Demo::org, c, done); });
    VERIFY_OK(models);
    QTEST(int(models.value().size()), "models");
    QVERIFY(!models.value().first().id.isNull());
    QVERIFY(std::any_of(models.value().cbegin(), models.value().cend(),
        [](const ModelConfig &m) { return m.isDefault; }));
    if (generation == u"legacy")
        return; // the rest is about servers without the experimental catalog

    // An organization without the org-scoped route: its 404 is reported, nothing else is tried
    // (the experimental catalog is gone on these servers, §20.1.2).
    QVERIFY(m_sim->setFaults(
        {{u"fail_route"_s, QJsonObject{{u"pattern"_s, u"/chats/models$"_s}, {u"status"_s, 404}}}}));
    const auto missing = await<QList<ModelConfig>>(
        [&](QObject *c, auto done) { m_api->models(Demo::org, c, done); });
    QCOMPARE(refusedStatus(missing), 404);
    const QByteArray log = m_sim->standardError();
    QVERIFY2(log.contains("/chats/models"), log.constData());
    QVERIFY2(!log.contains("/api/experimental"), log.constData());

    const auto noOrg = await<QList<ModelConfig>>(
        [&](QObject *c, auto done) { m_api->models(OrganizationId{}, c, done); });
    QCOMPARE(noOrg.error().kind, ApiError::Kind::Validation);
}

void TestApiClient::upload_thenDownload_returnsSameBytesAndName_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("png") << tinyPng() << u"image/png"_s << u"reports-page.png"_s;
    QTest::newRow("text, non-ascii name")
        << QByteArray("id,name\n1,Zoë\n") << u"text/csv"_s << u"Übersicht – März.csv"_s;
    QTest::newRow("quotes in name")
        << QByteArray("# Notes\n") << u"text/markdown"_s << u"my \"draft\".md"_s;
}

void TestApiClient::upload_thenDownload_returnsSameBytesAndName()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mimeType);
    QFETCH(QString, fileName);
    QVERIFY(startSimulator());
    QObject context;
    std::optional<ApiResult<FileId>> uploaded;
    QPointer<QNetworkReply> reply = m_api->uploadFile(Demo::org, bytes, mimeType, fileName,
        &context, [&](const ApiResult<FileId> &r) { uploaded = r; });
    QVERIFY(reply);
    QSignalSpy progress(reply.data(), &QNetworkReply::uploadProgress);
    QTRY_VERIFY_WITH_TIMEOUT(uploaded.has_value(), callTimeoutMs);
    VERIFY_OK(*uploaded);
    QVERIFY(!uploaded->value().isNull());
    // Progress reached every byte of the file (Qt ends with a 0/0 report once the reply is done).
    qint64 mostSent = 0;
    for (const QList<QVariant> &report : std::as_const(progress))
        mostSent = std::max(mostSent, report.at(0).toLongLong());
    QCOMPARE(mostSent, qint64(bytes.size()));

    QObject downloadContext;
    std::optional<ApiResult<FileDownload>> downloaded;
    m_api->downloadFile(uploaded->value(), &downloadContext,
        [&](const ApiResult<FileDownload> &r) { downloaded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(downloaded.has_value(), callTimeoutMs);
    VERIFY_OK(*downloaded);
    QCOMPARE(downloaded->value().data, bytes);
    QVERIFY(downloaded->value().mimeType.startsWith(mimeType));
    // Quotes, backslashes and non-ASCII travel in filename* both ways (RFC 6266): exact round trip.
    QCOMPARE(downloaded->value().fileName, fileName);
}

void TestApiClient::upload_tooLarge_is413()
{
    QVERIFY(startSimulator());
    QByteArray big = tinyPng();
    big.append(QByteArray(10 * 1024 * 1024 + 1, 'x'));
    const auto result = await<FileId>([&](QObject *c, auto done) {
        m_api->uploadFile(Demo::org, big, u"image/png"_s, u"big.png"_s, c, done);
    });
    QCOMPARE(refusal(result), (std::pair{413, u"File too large."_s}));
}

void TestApiClient::upload_wrongType_is400()
{
    QVERIFY(startSimulator());
    const auto mismatch = await<FileId>([&](QObject *c, auto done) {
        m_api->uploadFile(
            Demo::org, "plain text, not a picture", u"image/png"_s, u"fake.png"_s, c, done);
    });
    QCOMPARE(refusedStatus(mismatch), 400);
    QVERIFY(!mismatch.error().detail.isEmpty());

    const auto unsupported = await<FileId>([&](QObject *c, auto done) {
        m_api->uploadFile(
            Demo::org, "MZ\x90\x00", u"application/x-msdownload"_s, u"a.exe"_s, c, done);
    });
    QCOMPARE(refusal(unsupported), (std::pair{400, u"Unsupported file type."_s}));
}

void TestApiClient::upload_abort_deliversCancelled()
{
    QVERIFY(startSimulator());
    QVERIFY(m_sim->setFaults({{u"delay_ms"_s, 3000}}));
    QObject context;
    std::optional<ApiResult<FileId>> result;
    QPointer<QNetworkReply> reply = m_api->uploadFile(Demo::org, tinyPng(), u"image/png"_s,
        u"a.png"_s, &context, [&](const ApiResult<FileId> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply && reply->isRunning(), 5000);
    reply->abort();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Cancelled);
}

void TestApiClient::diff_prompts_cost_decode()
{
    QVERIFY(startSimulator());
    const auto diff =
        await<ChatDiff>([&](QObject *c, auto done) { m_api->chatDiff(Demo::mainChat, c, done); });
    VERIFY_OK(diff);
    QCOMPARE(diff.value().chatId, Demo::mainChat);
    QVERIFY(diff.value().diff.startsWith(u"diff --git"));

    const auto prompts = await<QList<PromptEntry>>(
        [&](QObject *c, auto done) { m_api->prompts(Demo::mainChat, 10, c, done); });
    VERIFY_OK(prompts);
    QCOMPARE(prompts.value().size(), 2); // messages 15 and 11, newest first
    QCOMPARE(prompts.value().first().id, MessageId{15});
    QVERIFY(!prompts.value().first().text.isEmpty());

    const auto cost = await<CostSummary>(
        [&](QObject *c, auto done) { m_api->chatCost(Demo::mainChat, c, done); });
    VERIFY_OK(cost);
    QCOMPARE(cost.value().chatId, Demo::mainChat);
    // The values the server sent, not merely "not negative".
    QByteArray costBody;
    QCOMPARE(m_sim->request("GET", testChatsPrefix() + u"/%1/cost"_s.arg(Demo::mainChat.toString()),
                 {}, &costBody),
        200);
    const QJsonObject costJson = QJsonDocument::fromJson(costBody).object();
    QCOMPARE(cost.value().totalCostMicros, costJson.value(u"total_cost_micros").toInteger(-1));
    QCOMPARE(cost.value().requestCount, costJson.value(u"request_count").toInteger(-1));
    QCOMPARE(
        cost.value().unpricedRequestCount, costJson.value(u"unpriced_request_count").toInteger(-1));
}

// --- Failure paths ---------------------------------------------------------------------------

void TestApiClient::serverError_withCoderBody_isSurfaced()
{
    QVERIFY(startSimulator());
    QVERIFY(m_sim->setFaults({{u"fail_route"_s,
        QJsonObject{{u"pattern"_s, u"/messages$"_s}, {u"status"_s, 503}, {u"count"_s, 1}}}}));
    const auto failed = await<MessagesPage>([&](QObject *c, auto done) {
        m_api->listMessages(Demo::mainChat, std::nullopt, std::nullopt, 10, c, done);
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, ApiError::Kind::Http);
    QCOMPARE(failed.error().httpStatus, 503);
    QCOMPARE(failed.error().message, u"Simulated failure."_s);
    QCOMPARE(failed.error().detail, u"fail_route fault injected by agentdesk-sim"_s);
    QVERIFY(failed.error().isTransient());
    // count: 1 — the retry goes through.
    VERIFY_OK(await<MessagesPage>([&](QObject *c, auto done) {
        m_api->listMessages(Demo::mainChat, std::nullopt, std::nullopt, 10, c, done);
    }));
}

void TestApiClient::transferTimeout_slowServer_deliversTimeout()
{
    QVERIFY(startSimulator());
    // A functional deadline, not a speed figure: the answer comes from our timeout long
    // before the server's (wide margins, so a loaded machine cannot flip it).
    QVERIFY(m_sim->setFaults({{u"delay_ms"_s, 6000}}));
    m_api->setTransferTimeout(300ms);
    QElapsedTimer timer;
    timer.start();
    const auto result =
        await<Chat>([&](QObject *c, auto done) { m_api->getChat(Demo::mainChat, c, done); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Timeout);
    QVERIFY(result.error().isTransient());
    QCOMPARE_LT(timer.elapsed(), 5000);
}

void TestApiClient::contextDestroyed_beforeReply_callbackNeverRuns()
{
    QVERIFY(startSimulator());
    QVERIFY(m_sim->setFaults({{u"delay_ms"_s, 300}}));
    int calls = 0;
    auto *context = new QObject;
    m_api->getChat(Demo::mainChat, context, [&calls](const ApiResult<Chat> &) { ++calls; });
    m_api->uploadFile(Demo::org, tinyPng(), u"image/png"_s, u"a.png"_s, context,
        [&calls](const ApiResult<FileId> &) { ++calls; });
    delete context; // aborts both replies; abort() emits finished() synchronously

    // A later call on a live context completes after the server's delay, so by then the
    // aborted ones would have been delivered if they were going to be.
    VERIFY_OK(await<Chat>([&](QObject *c, auto done) { m_api->getChat(Demo::mainChat, c, done); }));
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0);
}

void TestApiClient::nonJsonBody_on200_isDecodeError()
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 27\r\n"
                        "Connection: close\r\n\r\n<html><body>hi</body></html>");
    m_api->setDeploymentUrl(server.url());
    m_api->setSessionToken(SimulatorProcess::defaultToken());
    const auto chat =
        await<Chat>([&](QObject *c, auto done) { m_api->getChat(Demo::mainChat, c, done); });
    QVERIFY(!chat.ok());
    QCOMPARE(chat.error().kind, ApiError::Kind::Decode);
    QVERIFY(!chat.error().message.isEmpty());
    const auto list =
        await<QList<Chat>>([&](QObject *c, auto done) { m_api->listChats({}, c, done); });
    QCOMPARE(list.error().kind, ApiError::Kind::Decode);

    // A JSON body of the wrong shape is a decode error too.
    CannedServer wrongShape("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: 13\r\nConnection: close\r\n\r\n{\"chats\": 1}\n");
    m_api->setDeploymentUrl(wrongShape.url());
    const auto shaped =
        await<QList<Chat>>([&](QObject *c, auto done) { m_api->listChats({}, c, done); });
    QCOMPARE(shaped.error().kind, ApiError::Kind::Decode);
}

void TestApiClient::htmlBody_on502_getsFallbackMessage()
{
    CannedServer server("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
                        "Content-Length: 21\r\nConnection: close\r\n\r\n<h1>Bad gateway</h1>\n");
    m_api->setDeploymentUrl(server.url());
    const auto result =
        await<Chat>([&](QObject *c, auto done) { m_api->getChat(Demo::mainChat, c, done); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Http);
    QCOMPARE(result.error().httpStatus, 502);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(result.error().isTransient());
}

void TestApiClient::unreachableServer_isNetworkError()
{
    QTcpServer reserve; // a port nobody listens on once closed
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close();
    m_api->setDeploymentUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    const auto result = await<BuildInfo>([&](QObject *c, auto done) { m_api->buildInfo(c, done); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::Network);
    QCOMPARE(result.error().httpStatus, 0);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(!result.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
