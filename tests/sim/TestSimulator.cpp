// Integration tests of agentdesk-sim: start the real binary on --port 0 and talk to it with raw
// QNetworkAccessManager / QWebSocket / QTcpSocket. They prove the server, not the client.

#include "support/SimulatorProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <functional>
#include <memory>

namespace {

const QByteArray token = "AgntDeskSm-demo0token000000000000";
const QString orgId = QStringLiteral("8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f");
const QString prefix = QStringLiteral("/api/experimental/chats");

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

//! One running agentdesk-sim process; the port comes from its first stdout line.
class Sim
{
public:
    //! Without a --generation in \a args the tests here play the legacy server (their paths
    //! are the experimental ones), unless useDefaultGeneration is set.
    bool start(const QStringList &args, const QProcessEnvironment &environment = {})
    {
        if (!environment.isEmpty())
            m_process.setProcessEnvironment(environment);
        m_process.setProgram(QString::fromLocal8Bit(qgetenv("AGENTDESK_SIM")));
        QStringList generation;
        if (!useDefaultGeneration && !args.contains(QStringLiteral("--generation")))
            generation = {QStringLiteral("--generation"), QStringLiteral("legacy")};
        m_process.setArguments(
            QStringList{QStringLiteral("--port"), QStringLiteral("0")} + generation + args);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        QSignalSpy ready(&m_process, &QProcess::readyReadStandardOutput);
        if (!m_process.waitForStarted(10000))
            return false;
        for (int i = 0; i < 50 && !m_process.canReadLine(); ++i)
            ready.wait(200);
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("listening on 127.0.0.1:"))
            return false;
        m_port = line.mid(int(qstrlen("listening on 127.0.0.1:"))).toUShort();
        return m_port != 0;
    }
    ~Sim()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }
    //! The chats prefix the helpers use with this simulator.
    QString chatsPrefix = QStringLiteral("/api/experimental/chats");
    QUrl url(const QString &pathAndQuery, const char *scheme = "http") const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                        .arg(QLatin1String(scheme))
                        .arg(m_port)
                        .arg(pathAndQuery));
    }

    bool useDefaultGeneration = false;

private:
    QProcess m_process;
    quint16 m_port = 0;
};

//! \a reply once it finished (or \a timeoutMs passed): status, body and lower-case headers.
Reply finished(QNetworkReply *reply, int timeoutMs)
{
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(timeoutMs);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return r;
}

QByteArray textBody(const QString &text)
{
    return QJsonDocument(
        QJsonObject{{QStringLiteral("content"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), text}}}}})
        .toJson();
}

//! The value at \a path below \a value: '/'-separated object keys and array indexes, as in
//! "content/0/text"; undefined where a step is missing.
QJsonValue jsonAt(const QJsonValue &value, QStringView path)
{
    QJsonValue result = value;
    for (const QStringView step : path.split(u'/')) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        result = isIndex ? result.toArray().at(index) : result.toObject().value(step);
    }
    return result;
}

//! The events whose string member \a key is \a value.
QList<QJsonObject> withMember(
    const QList<QJsonObject> &events, QStringView key, const QString &value)
{
    QList<QJsonObject> result;
    for (const QJsonObject &e : events) {
        if (e.value(key).toString() == value)
            result.append(e);
    }
    return result;
}

QList<QJsonObject> ofType(const QList<QJsonObject> &events, const QString &type)
{
    return withMember(events, u"type", type);
}

//! Whether any part of any of \a messages is an error (a cancelled or failed tool call).
bool hasErrorPart(const QJsonArray &messages)
{
    for (const QJsonValue &m : messages) {
        for (const QJsonValue &part : m.toObject().value(QStringLiteral("content")).toArray()) {
            if (part.toObject().value(QStringLiteral("is_error")).toBool())
                return true;
        }
    }
    return false;
}

QString prefixFor(const QString &generation)
{
    return generation == QLatin1String("legacy") ? QStringLiteral("/api/experimental/chats")
                                                 : QStringLiteral("/api/v2/chats");
}

const QString csvChat = QStringLiteral("3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b");
const QString flakyChat = QStringLiteral("6e9c3f5d-2a7b-4c4d-9e0f-8b5a4d3c2f1e");
const QString bobShared = QStringLiteral("9d4e2f1a-3b5c-4d6e-8f7a-1b2c3d4e5f60");
const QString bobGroupShared = QStringLiteral("ae5f3a2b-4c6d-4e7f-9a8b-2c3d4e5f6a71");
const QString bobPrivate = QStringLiteral("bf6a4b3c-5d7e-4f8a-8b9c-3d4e5f6a7b82");
const QString aliceId = QStringLiteral("5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b");
const QString bobId = QStringLiteral("6a1f0b9c-8d7e-4f4a-9b3c-2d1e0f9a8b7c");
const QString carolId = QStringLiteral("7b2a1c0d-9e8f-4a5b-8c4d-3e2f1a0b9c8d");

QStringList ids(const QJsonArray &chats)
{
    QStringList result;
    for (const QJsonValue &c : chats)
        result.append(c.toObject().value(QStringLiteral("id")).toString());
    return result;
}

//! Collects the events of one WebSocket of a simulator for the lifetime of the object: a watch
//! sends one event a frame, a stream an array of them.
struct SocketLog
{
    QWebSocket socket;
    QList<QJsonObject> events;
    bool closed = false;
    //! Opens \a url with the session token; true once connected.
    bool open(const QUrl &url)
    {
        QObject::connect(
            &socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &t) {
                const QJsonDocument frame = QJsonDocument::fromJson(t.toUtf8());
                if (!frame.isArray())
                    events.append(frame.object());
                for (const QJsonValue &v : frame.array())
                    events.append(v.toObject());
            });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { closed = true; });
        QNetworkRequest req(url);
        req.setRawHeader("Coder-Session-Token", token);
        socket.open(req);
        return QTest::qWaitFor(
            [&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000);
    }
    QList<QJsonObject> ofKind(const QString &kind) const
    {
        return withMember(events, u"kind", kind);
    }
};

QString statusOf(const QJsonObject &event)
{
    return event.value(QStringLiteral("status"))
        .toObject()
        .value(QStringLiteral("status"))
        .toString();
}

//! One data row per server generation, in the column "generation".
void addGenerationRows(const QStringList &generations = {QStringLiteral("legacy"),
                           QStringLiteral("v237"), QStringLiteral("newest")})
{
    QTest::addColumn<QString>("generation");
    for (const QString &generation : generations)
        QTest::newRow(qPrintable(generation)) << generation;
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void auth_missingOrWrongToken_returns401WithCoderBody();
    void auth_tokenFromCookieQueryOrHeader_isAccepted();
    void errors_unknownRouteAndBadJson_haveCoderBody();
    void list_query_validatesAndFilters();
    void create_streamsSnapshotAndWholeTurn_endingWaiting();
    void messages_paging_followsCursorRules();
    void pin_semantics_appendReorderUnpin();
    void upload_sniffsContent_andLimitsSize();
    void upgrade_badAfterIdOrUnknownChat_isHttpError();
    void dropFault_reconnectWithAfterId_resumesWithoutOldMessages();
    void ping_arrivesAtConfiguredInterval();
    void agent_defaultAskQueueInterruptEdit_followProtocol();
    void token_fromEnvironment_whenNoTokenOption();
    void faults_failRouteAfter_passesThenFailsThenRecovers();
    void toolFile_toolMessageCarriesFilePart_servedAsPng();
    void retry_thenTerminalError_thenRetryThenAnswer();
    void ask_dynamicTools_requiresActionValidatesThenContinues();
    void revokeToken_refusesRestAndHandshakes_closesSockets();
    void watch_statusChangeHasNoDiffStatus_demoHasPrBadge();
    void generation_routes_data();
    void generation_routes();
    void generation_archiveRulesAndWatchEvents_data();
    void generation_archiveRulesAndWatchEvents();
    void generation_sharedChats_viewerAndOwner_data();
    void generation_sharedChats_viewerAndOwner();
    void generation_adminAndDisabledSharing();
    void generation_contextTitleAndModels_data();
    void generation_contextTitleAndModels();
    void generation_newPartsSummaryAndQueue_data();
    void generation_newPartsSummaryAndQueue();
    void generation_capacityWarningsAndActionInterrupt();
    void requiresAction_deadline_cancelsPendingCalls_data();
    void control_deleteChat_publishesDeletedWithoutArchived();
    void generation_compactAndClear();
    void requiresAction_deadline_cancelsPendingCalls();

private:
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool auth = true,
        Sim *sim = nullptr);
    QString seededChatId(const QString &title);
    //! Creates a chat running \a scenario and waits until its first turn is over.
    QString createIdleChat(const QString &scenario = QStringLiteral("quick"), Sim *sim = nullptr);
    QString chatStatus(const QString &chatId, Sim *sim = nullptr);
    QJsonArray allMessages(const QString &chatId, Sim *sim = nullptr);
    //! Opens /stream and collects every event until \a done returns true.
    QList<QJsonObject> streamUntil(const QString &pathAndQuery,
        const std::function<bool(const QList<QJsonObject> &)> &done, int *frames = nullptr,
        bool *dropped = nullptr, const std::function<void()> &onOpen = {});

    std::unique_ptr<Sim> m_sim;
    QNetworkAccessManager m_nam;
};

void TestSimulator::initTestCase()
{
    QVERIFY2(
        !qEnvironmentVariableIsEmpty("AGENTDESK_SIM"), "AGENTDESK_SIM must point to agentdesk-sim");
    m_sim = std::make_unique<Sim>();
    QVERIFY(m_sim->start({QStringLiteral("--delta-interval-ms"), QStringLiteral("1"),
        QStringLiteral("--ping-interval-ms"), QStringLiteral("150"), QStringLiteral("--chats"),
        QStringLiteral("4"), QStringLiteral("--messages"), QStringLiteral("120"),
        QStringLiteral("--seed"), QStringLiteral("7")}));
}

Reply TestSimulator::request(const QByteArray &method, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, bool auth, Sim *sim)
{
    QNetworkRequest req((sim ? sim : m_sim.get())->url(path));
    if (auth)
        req.setRawHeader("Coder-Session-Token", token);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    return finished(m_nam.sendCustomRequest(req, method, body), 15000);
}

QString TestSimulator::createIdleChat(const QString &scenario, Sim *sim)
{
    QJsonObject body =
        QJsonDocument::fromJson(textBody(QStringLiteral("/scenario %1 set-up").arg(scenario)))
            .object();
    body.insert(QStringLiteral("organization_id"), orgId);
    const Reply created = request(
        "POST", sim ? sim->chatsPrefix : prefix, QJsonDocument(body).toJson(), {}, true, sim);
    const QString id = created.object().value(QStringLiteral("id")).toString();
    if (created.status != 201 || id.isEmpty())
        return {};
    if (!QTest::qWaitFor([&] { return chatStatus(id, sim) == QLatin1String("waiting"); }, 20000))
        return {};
    return id;
}

QString TestSimulator::chatStatus(const QString &chatId, Sim *sim)
{
    return request(
        "GET", (sim ? sim->chatsPrefix : prefix) + QLatin1Char('/') + chatId, {}, {}, true, sim)
        .object()
        .value(QStringLiteral("status"))
        .toString();
}

QJsonArray TestSimulator::allMessages(const QString &chatId, Sim *sim)
{
    return request("GET",
        (sim ? sim->chatsPrefix : prefix) + QLatin1Char('/') + chatId
            + QStringLiteral("/messages?after_id=0&limit=200"),
        {}, {}, true, sim)
        .object()
        .value(QStringLiteral("messages"))
        .toArray();
}

QString TestSimulator::seededChatId(const QString &title)
{
    const QString q = QStringLiteral("title:\"%1\"").arg(title);
    const Reply r = request(
        "GET", prefix + QStringLiteral("?q=") + QString::fromLatin1(QUrl::toPercentEncoding(q)));
    for (const QJsonValue &v : r.array()) {
        if (v.toObject().value(QStringLiteral("title")).toString() == title)
            return v.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

QList<QJsonObject> TestSimulator::streamUntil(const QString &pathAndQuery,
    const std::function<bool(const QList<QJsonObject> &)> &done, int *frames, bool *dropped,
    const std::function<void()> &onOpen)
{
    QList<QJsonObject> events;
    QWebSocket socket;
    int frameCount = 0;
    bool closed = false;
    connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
        ++frameCount;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (!doc.isArray())
            qWarning() << "non-array stream frame" << text.left(200);
        for (const QJsonValue &v : doc.array())
            events.append(v.toObject());
    });
    connect(&socket, &QWebSocket::disconnected, this, [&] { closed = true; });
    QNetworkRequest req(m_sim->url(pathAndQuery, "ws"));
    req.setRawHeader("Coder-Session-Token", token);
    socket.open(req);
    if (onOpen) {
        // Act only once the snapshot arrived, so everything after it is live.
        if (!QTest::qWaitFor([&] { return !events.isEmpty() || closed; }, 10000))
            qWarning() << "no snapshot before the action";
        onOpen();
    }
    if (!QTest::qWaitFor([&] { return done(events) || closed; }, 20000))
        qWarning() << "stream wait timed out with" << events.size() << "events";
    if (frames)
        *frames = frameCount;
    if (dropped)
        *dropped = closed;
    socket.close();
    return events;
}

void TestSimulator::auth_missingOrWrongToken_returns401WithCoderBody()
{
    Reply r = request("GET", prefix, {}, {}, false);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral(
            "You are signed out or your session has expired. Please sign in again to continue."));
    r = request(
        "GET", prefix, {}, {{"Coder-Session-Token", "AbCdEf1234-0123456789abcdefghijkl"}}, false);
    QCOMPARE(r.status, 401);
    r = request("GET", QStringLiteral("/api/v2/buildinfo"), {}, {}, false);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("version")).toString(), QStringLiteral("v2.37.1-sim"));
}

void TestSimulator::auth_tokenFromCookieQueryOrHeader_isAccepted()
{
    QCOMPARE(request("GET", prefix).status, 200);
    QCOMPARE(
        request("GET", prefix, {}, {{"Cookie", "other=1; coder_session_token=" + token}}, false)
            .status,
        200);
    QCOMPARE(request("GET",
                 prefix + QStringLiteral("?coder_session_token=") + QString::fromLatin1(token), {},
                 {}, false)
                 .status,
        200);
    const Reply me = request("GET", QStringLiteral("/api/v2/users/me"));
    QCOMPARE(me.object().value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
    const Reply orgs = request("GET", QStringLiteral("/api/v2/users/me/organizations"));
    QCOMPARE(orgs.array().first().toObject().value(QStringLiteral("id")).toString(), orgId);
}

void TestSimulator::errors_unknownRouteAndBadJson_haveCoderBody()
{
    Reply r = request("GET", QStringLiteral("/api/experimental/nope"));
    QCOMPARE(r.status, 404);
    QVERIFY(r.object().contains(QStringLiteral("message")));
    r = request("DELETE", prefix); // wrong method
    QCOMPARE(r.status, 404);
    QVERIFY(r.object().contains(QStringLiteral("message")));
    r = request("POST", prefix, "{not json");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Request body must be valid JSON."));
    r = request("POST", prefix,
        QJsonDocument(
            QJsonObject{{QStringLiteral("organization_id"), orgId},
                {QStringLiteral("content"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                        {QStringLiteral("text"), QStringLiteral("  ")}}}}})
            .toJson());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("content[0].text cannot be empty."));
    r = request("GET", prefix + QStringLiteral("/not-a-uuid"));
    QCOMPARE(r.status, 400);
}

void TestSimulator::list_query_validatesAndFilters()
{
    Reply r = request("GET", prefix + QStringLiteral("?q=bareword"));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Invalid chat search query."));
    QVERIFY(!r.object().value(QStringLiteral("validations")).toArray().isEmpty());
    QCOMPARE(request("GET", prefix + QStringLiteral("?q=pr_status:pending")).status, 400);
    r = request("GET", prefix + QStringLiteral("?q=title:a:b"));
    QCOMPARE(r.status, 400);
    QVERIFY(jsonAt(r.object(), u"validations/0/detail")
                .toString()
                .contains(QStringLiteral("can only contain 1")));
    QCOMPARE(request("GET", prefix + QStringLiteral("?q=search:x%20title:y")).status, 400);
    QCOMPARE(request("GET", prefix + QStringLiteral("?q=has_unread:maybe")).status, 400);
    QCOMPARE(request("GET", prefix + QStringLiteral("?q=title:%22open")).status, 400);
    QCOMPARE(request("GET", prefix + QStringLiteral("?label=nocolon")).status, 400);
    r = request("GET", prefix + QStringLiteral("?q=title:%22Seeded%20chat%20%231%22"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.array().size(), 1);
    QVERIFY(!r.array().first().toObject().contains(QStringLiteral("files")));
    r = request("GET", prefix + QStringLiteral("?label=batch:seed-2"));
    QCOMPARE(r.array().size(), 1);
    QCOMPARE(request("GET", prefix + QStringLiteral("?limit=2")).array().size(), 2);
    QCOMPARE(request("GET", prefix + QStringLiteral("?q=archived:true")).array().size(), 0);
}

void TestSimulator::generation_routes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QList<int>>("expected");
    // experimental list, v2 list, experimental /models, v2 /models, experimental
    // /model-configs, experimental /providers, org models, POST archive, title/regenerate
    QTest::newRow("legacy") << QStringList{QStringLiteral("--generation"), QStringLiteral("legacy")}
                            << QList<int>{200, 404, 200, 404, 400, 400, 200, 204, 200};
    QTest::newRow("v237") << QStringList{QStringLiteral("--generation"), QStringLiteral("v237")}
                          << QList<int>{200, 200, 404, 400, 404, 410, 200, 404, 404};
    QTest::newRow("newest") << QStringList{QStringLiteral("--generation"), QStringLiteral("newest")}
                            << QList<int>{404, 200, 404, 400, 404, 404, 200, 404, 404};
    QTest::newRow("newest (default)")
        << QStringList{} << QList<int>{404, 200, 404, 400, 404, 404, 200, 404, 404};
}

void TestSimulator::generation_routes()
{
    QFETCH(QStringList, args);
    QFETCH(QList<int>, expected);
    Sim sim;
    sim.useDefaultGeneration = args.isEmpty();
    QVERIFY(sim.start(args + QStringList{QStringLiteral("--demo")}));
    const QString exp = QStringLiteral("/api/experimental/chats");
    const QString v2 = QStringLiteral("/api/v2/chats");
    const bool promotedOnV2 = expected.at(0) == 404;
    const QString p = promotedOnV2 || expected.at(1) == 200 ? v2 : exp;
    QList<int> actual{request("GET", exp + QStringLiteral("?limit=1"), {}, {}, true, &sim).status,
        request("GET", v2 + QStringLiteral("?limit=1"), {}, {}, true, &sim).status,
        request("GET", exp + QStringLiteral("/models"), {}, {}, true, &sim).status,
        request("GET", v2 + QStringLiteral("/models"), {}, {}, true, &sim).status,
        request("GET", exp + QStringLiteral("/model-configs"), {}, {}, true, &sim).status,
        request("GET", exp + QStringLiteral("/providers"), {}, {}, true, &sim).status,
        request("GET",
            QStringLiteral("/api/v2/organizations/") + orgId + QStringLiteral("/chats/models"), {},
            {}, true, &sim)
            .status,
        request("POST",
            p + QLatin1Char('/') + QStringLiteral("7fad4a6e-3b8c-4d5e-8f1a-9c6b5e4d3a2f/archive"),
            {}, {}, true, &sim)
            .status,
        request("POST",
            p + QLatin1Char('/')
                + QStringLiteral("7fad4a6e-3b8c-4d5e-8f1a-9c6b5e4d3a2f/title/regenerate"),
            {}, {}, true, &sim)
            .status};
    QCOMPARE(actual, expected);
    if (expected.at(0) == 404) {
        // Newest: the experimental copies are gone with Coder's router text.
        QCOMPARE(request("GET", exp + QLatin1Char('/') + csvChat, {}, {}, true, &sim)
                     .object()
                     .value(QStringLiteral("message"))
                     .toString(),
            QStringLiteral("Route not found."));
    }
    // The pinned demo chat comes first on whichever prefix answers.
    const Reply list = request("GET", p + QStringLiteral("?limit=1"), {}, {}, true, &sim);
    QCOMPARE(list.array().first().toObject().value(QStringLiteral("pin_order")).toInt(), 1);
    QVERIFY(request("GET",
        QStringLiteral("/api/v2/organizations/") + orgId + QStringLiteral("/chats/models"), {}, {},
        true, &sim)
                .object()
                .value(QStringLiteral("models"))
                .isArray());
}

void TestSimulator::create_streamsSnapshotAndWholeTurn_endingWaiting()
{
    const QJsonObject body{{QStringLiteral("organization_id"), orgId},
        {QStringLiteral("content"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"),
                    QStringLiteral("/scenario quick list the source folders")}}}},
        {QStringLiteral("client_type"), QStringLiteral("ui")}};
    const Reply created = request("POST", prefix, QJsonDocument(body).toJson());
    QCOMPARE(created.status, 201);
    const QJsonObject chat = created.object();
    QCOMPARE(chat.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    const QString id = chat.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());

    const QString stream = prefix + QLatin1Char('/') + id + QStringLiteral("/stream");
    auto lastStatus = [](const QList<QJsonObject> &evs) {
        QString last;
        for (const QJsonObject &e : evs) {
            if (e.value(QStringLiteral("type")).toString() == QLatin1String("status"))
                last = e.value(QStringLiteral("status"))
                           .toObject()
                           .value(QStringLiteral("status"))
                           .toString();
        }
        return last;
    };
    // First turn (maybe already over when the socket opens): the snapshot starts with the user
    // message.
    const auto first = streamUntil(stream,
        [&](const QList<QJsonObject> &evs) { return lastStatus(evs) == QLatin1String("waiting"); });
    QVERIFY(!first.isEmpty());
    QCOMPARE(first.first().value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    QCOMPARE(jsonAt(first.first(), u"message/role").toString(), QStringLiteral("user"));

    // Second turn, watched live from its first event.
    const QJsonObject send{{QStringLiteral("content"),
        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QStringLiteral("/scenario quick once more")}}}}};
    int sendStatus = 0;
    const auto events = streamUntil(
        stream,
        [&](const QList<QJsonObject> &evs) {
            bool running = false;
            for (const QJsonObject &e : evs) {
                const QString st = e.value(QStringLiteral("status"))
                                       .toObject()
                                       .value(QStringLiteral("status"))
                                       .toString();
                running = running || st == QLatin1String("running");
                if (running && st == QLatin1String("waiting"))
                    return true;
            }
            return false;
        },
        nullptr, nullptr,
        [&] {
            sendStatus = request("POST", stream.chopped(7) + QStringLiteral("/messages"),
                QJsonDocument(send).toJson())
                             .status;
        });
    QCOMPARE(sendStatus, 200);
    QVERIFY(!events.isEmpty());
    // Snapshot: the user message first, then the status.
    QCOMPARE(events.first().value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    QCOMPARE(jsonAt(events.first(), u"message/role").toString(), QStringLiteral("user"));
    qint64 lastSeq = 0;
    qint64 episode = -1;
    int parts = 0, assistant = 0, tool = 0;
    bool sawArgsDelta = false;
    // Skip the snapshot (it ends with the status event); everything after it is live.
    qsizetype snapshotEnd = 0;
    while (snapshotEnd < events.size()
        && events.at(snapshotEnd).value(QStringLiteral("type")).toString()
            != QLatin1String("status"))
        ++snapshotEnd;
    for (const QJsonObject &e : events.mid(snapshotEnd + 1)) {
        QCOMPARE(e.value(QStringLiteral("chat_id")).toString(), id);
        const QString type = e.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("preview_reset"))
            lastSeq = 0;
        if (type == QLatin1String("message_part")) {
            const QJsonObject mp = e.value(QStringLiteral("message_part")).toObject();
            const qint64 ep = mp.value(QStringLiteral("history_version")).toInteger() * 1000
                + mp.value(QStringLiteral("generation_attempt")).toInteger();
            if (ep != episode) {
                episode = ep;
                lastSeq = mp.value(QStringLiteral("seq")).toInteger() - 1;
            }
            QCOMPARE(mp.value(QStringLiteral("seq")).toInteger(), lastSeq + 1);
            lastSeq = mp.value(QStringLiteral("seq")).toInteger();
            ++parts;
            if (mp.value(QStringLiteral("part")).toObject().contains(QStringLiteral("args_delta")))
                sawArgsDelta = true;
        }
        if (type == QLatin1String("message")) {
            const QString role = e.value(QStringLiteral("message"))
                                     .toObject()
                                     .value(QStringLiteral("role"))
                                     .toString();
            assistant += role == QLatin1String("assistant") ? 1 : 0;
            tool += role == QLatin1String("tool") ? 1 : 0;
        }
    }
    QVERIFY(parts > 5);
    QVERIFY(sawArgsDelta);
    QVERIFY(assistant >= 2);
    QCOMPARE(tool, 1);
    QCOMPARE(events.last().value(QStringLiteral("type")).toString(), QStringLiteral("status"));

    // After the turn: title generated, summary set, messages committed.
    const Reply after = request("GET", prefix + QLatin1Char('/') + id);
    QCOMPARE(after.object().value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
    QVERIFY(!after.object().value(QStringLiteral("last_turn_summary")).toString().isEmpty());
    const Reply msgs = request("GET", prefix + QLatin1Char('/') + id + QStringLiteral("/messages"));
    // Two turns: two user messages plus what each turn committed (the same for both).
    QCOMPARE(msgs.object().value(QStringLiteral("messages")).toArray().size(),
        2 * (1 + assistant + tool));
}

void TestSimulator::messages_paging_followsCursorRules()
{
    const QString id = seededChatId(QStringLiteral("Seeded history"));
    QVERIFY(!id.isEmpty());
    const QString base = prefix + QLatin1Char('/') + id + QStringLiteral("/messages");
    Reply r = request("GET", base);
    QCOMPARE(r.status, 200);
    QJsonArray page = r.object().value(QStringLiteral("messages")).toArray();
    QCOMPARE(page.size(), 50);
    QVERIFY(r.object().value(QStringLiteral("has_more")).toBool());
    QVERIFY(r.object().contains(QStringLiteral("queued_messages")));
    const qint64 newest = page.first().toObject().value(QStringLiteral("id")).toInteger();
    const qint64 oldestOnPage = page.last().toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY(newest > oldestOnPage); // descending
    r = request("GET", base + QStringLiteral("?before_id=%1&limit=200").arg(oldestOnPage));
    page = r.object().value(QStringLiteral("messages")).toArray();
    QCOMPARE(page.size(), 70);
    QVERIFY(!r.object().value(QStringLiteral("has_more")).toBool());
    QVERIFY(!r.object().contains(QStringLiteral("queued_messages")));
    const qint64 oldest = page.last().toObject().value(QStringLiteral("id")).toInteger();
    r = request("GET", base + QStringLiteral("?after_id=%1&limit=10").arg(oldest));
    page = r.object().value(QStringLiteral("messages")).toArray();
    QCOMPARE(page.size(), 10);
    QVERIFY(page.first().toObject().value(QStringLiteral("id")).toInteger()
        < page.last().toObject().value(QStringLiteral("id")).toInteger());
    QVERIFY(r.object().value(QStringLiteral("has_more")).toBool());
    QCOMPARE(request("GET", base + QStringLiteral("?limit=0")).status, 400);
    QCOMPARE(request("GET", base + QStringLiteral("?limit=201")).status, 400);
    QCOMPARE(request("GET", base + QStringLiteral("?after_id=50&before_id=40")).status, 400);
    QCOMPARE(request("GET", base + QStringLiteral("?before_id=abc")).status, 400);
}

void TestSimulator::pin_semantics_appendReorderUnpin()
{
    const QString a = seededChatId(QStringLiteral("Seeded chat #1"));
    const QString b = seededChatId(QStringLiteral("Seeded chat #2"));
    const QString c = seededChatId(QStringLiteral("Seeded chat #3"));
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    auto patch = [this](const QString &id, const QJsonObject &o) {
        return request("PATCH", prefix + QLatin1Char('/') + id, QJsonDocument(o).toJson()).status;
    };
    auto pinOf = [this](const QString &id) {
        return request("GET", prefix + QLatin1Char('/') + id)
            .object()
            .value(QStringLiteral("pin_order"))
            .toInt();
    };
    const QJsonObject pin1{{QStringLiteral("pin_order"), 1}};
    QCOMPARE(patch(a, pin1), 204);
    QCOMPARE(patch(b, pin1), 204); // pinning an unpinned chat goes to the end
    QCOMPARE(patch(c, QJsonObject{{QStringLiteral("pin_order"), 7}}), 204);
    QCOMPARE(pinOf(a), 1);
    QCOMPARE(pinOf(b), 2);
    QCOMPARE(pinOf(c), 3);
    QCOMPARE(patch(c, pin1), 204); // reorder: c to the top, others shift down
    QCOMPARE(pinOf(c), 1);
    QCOMPARE(pinOf(a), 2);
    QCOMPARE(pinOf(b), 3);
    QCOMPARE(patch(c, QJsonObject{{QStringLiteral("pin_order"), 99}}), 204); // clamped to N
    QCOMPARE(pinOf(c), 3);
    QCOMPARE(pinOf(a), 1);
    QCOMPARE(patch(a, QJsonObject{{QStringLiteral("pin_order"), 0}}), 204); // unpin compacts
    QCOMPARE(pinOf(a), 0);
    QCOMPARE(pinOf(b), 1);
    QCOMPARE(pinOf(c), 2);
    QCOMPARE(patch(a, QJsonObject{{QStringLiteral("pin_order"), -1}}), 400);
    // List order: pinned first by pin_order.
    const QJsonArray list = request("GET", prefix).array();
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("id")).toString(), b);
    QCOMPARE(list.at(1).toObject().value(QStringLiteral("id")).toString(), c);
    // Archived chats cannot be pinned; archiving unpins.
    QCOMPARE(patch(b, QJsonObject{{QStringLiteral("archived"), true}}), 204);
    QCOMPARE(pinOf(b), 0);
    QCOMPARE(pinOf(c), 1);
    QCOMPARE(patch(b, pin1), 400);
    QCOMPARE(patch(b, QJsonObject{{QStringLiteral("archived"), true}}), 400); // no-op
    QCOMPARE(patch(b, QJsonObject{{QStringLiteral("archived"), false}}), 204);
    QCOMPARE(patch(c, QJsonObject{{QStringLiteral("pin_order"), 0}}), 204);
}

void TestSimulator::upload_sniffsContent_andLimitsSize()
{
    const QString path = prefix + QStringLiteral("/files?organization=") + orgId;
    const QByteArray png =
        QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
                               "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    const QList<QPair<QByteArray, QByteArray>> pngHeaders{{"Content-Type", "image/png"},
        {"Content-Disposition", "attachment; filename=\"shot.png\""}};
    Reply r = request("POST", path, png, pngHeaders);
    QCOMPARE(r.status, 201);
    const QString fileId = r.object().value(QStringLiteral("id")).toString();
    QVERIFY(!fileId.isEmpty());
    r = request("GET", prefix + QStringLiteral("/files/") + fileId);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, png);
    QCOMPARE(r.headers.value("content-type"), QByteArray("image/png"));
    QVERIFY(r.headers.value("content-disposition").contains("shot.png"));

    r = request("POST", path, "just some text, not an image", pngHeaders);
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().contains(QStringLiteral("message")));
    r = request("POST", path, png, {{"Content-Type", "image/png"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Filename is required."));
    r = request("POST", path, "a,b\n1,2\n",
        {{"Content-Type", "text/csv"}, {"Content-Disposition", "attachment; filename=\"t.csv\""}});
    QCOMPARE(r.status, 201);
    QByteArray big(10 * 1024 * 1024 + 1, 'x');
    big.replace(0, 8, "\x89PNG\r\n\x1a\n");
    r = request("POST", path, big, pngHeaders);
    QCOMPARE(r.status, 413);
    QCOMPARE(
        r.object().value(QStringLiteral("message")).toString(), QStringLiteral("File too large."));
}

namespace {

//! Sends a raw upgrade request and returns everything the server writes within the wait.
QByteArray rawUpgrade(quint16 port, const QString &path, bool withToken, int waitMs,
    const std::function<bool(const QByteArray &)> &done, const QByteArray &sessionToken = token)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray req = "GET " + path.toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\n";
    if (withToken)
        req += "Coder-Session-Token: " + sessionToken + "\r\n";
    req += "\r\n";
    socket.write(req);
    QByteArray data;
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    QElapsedTimer timer;
    timer.start();
    while (!done(data) && timer.elapsed() < waitMs) {
        if (socket.bytesAvailable() == 0)
            readyRead.wait(100);
        data += socket.readAll();
    }
    return data;
}

} // namespace

void TestSimulator::upgrade_badAfterIdOrUnknownChat_isHttpError()
{
    const QString id = seededChatId(QStringLiteral("Seeded history"));
    auto headDone = [](const QByteArray &d) {
        return d.contains("\r\n\r\n{") && d.endsWith("\n");
    };
    QByteArray answer = rawUpgrade(m_sim->port(),
        prefix + QLatin1Char('/') + id + QStringLiteral("/stream?after_id=abc"), true, 5000,
        headDone);
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QVERIFY(answer.contains("\"message\""));
    answer = rawUpgrade(m_sim->port(),
        prefix + QStringLiteral("/3b6f0c2a-9d4e-4f1a-8b7c-000000000000/stream"), true, 5000,
        headDone);
    QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.constData());
    answer = rawUpgrade(m_sim->port(), prefix + QStringLiteral("/watch"), false, 5000, headDone);
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
}

void TestSimulator::dropFault_reconnectWithAfterId_resumesWithoutOldMessages()
{
    const QString id = seededChatId(QStringLiteral("Seeded history"));
    const QString stream = prefix + QLatin1Char('/') + id + QStringLiteral("/stream");
    Reply r =
        request("POST", QStringLiteral("/__sim/faults"), R"({"drop_stream_after_frames": 1})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("drop_stream_after_frames")).toInt(), 1);
    const qint64 dropsBefore = request("GET", QStringLiteral("/__sim/state"))
                                   .object()
                                   .value(QStringLiteral("drops_done"))
                                   .toInteger();
    bool dropped = false;
    const auto first = streamUntil(
        stream, [](const QList<QJsonObject> &) { return false; }, nullptr, &dropped);
    QVERIFY(dropped);
    QVERIFY(!first.isEmpty());
    QCOMPARE(first.first().value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    // Pretend the client only held the first 100 messages of the snapshot.
    QList<qint64> ids;
    for (const QJsonObject &e : first) {
        if (e.value(QStringLiteral("type")).toString() == QLatin1String("message"))
            ids.append(e.value(QStringLiteral("message"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toInteger());
    }
    QCOMPARE(ids.size(), 120);
    const qint64 lastId = ids.at(99);
    QVERIFY(lastId > 0);
    QVERIFY(request("GET", QStringLiteral("/__sim/state"))
                .object()
                .value(QStringLiteral("drops_done"))
                .toInteger()
        > dropsBefore);
    QCOMPARE(request("POST", QStringLiteral("/__sim/faults"), R"({"reset": true})").status, 200);

    // Resume: only messages after lastId, then status; nothing already held is re-sent.
    const auto resumed = streamUntil(
        stream + QStringLiteral("?after_id=%1").arg(lastId), [](const QList<QJsonObject> &evs) {
            return std::any_of(evs.begin(), evs.end(), [](const QJsonObject &e) {
                return e.value(QStringLiteral("type")).toString() == QLatin1String("status");
            });
        });
    QVERIFY(!resumed.isEmpty());
    for (const QJsonObject &e : resumed) {
        if (e.value(QStringLiteral("type")).toString() == QLatin1String("message"))
            QVERIFY(e.value(QStringLiteral("message"))
                        .toObject()
                        .value(QStringLiteral("id"))
                        .toInteger()
                > lastId);
    }
    QCOMPARE(resumed.last().value(QStringLiteral("type")).toString(), QStringLiteral("status"));
    const qsizetype resumedMessages =
        std::count_if(resumed.begin(), resumed.end(), [](const QJsonObject &e) {
            return e.value(QStringLiteral("type")).toString() == QLatin1String("message");
        });
    QCOMPARE(resumedMessages, qsizetype(20));
}

void TestSimulator::ping_arrivesAtConfiguredInterval()
{
    // Server frames are unmasked; 0x89 is a ping control frame. The watch feed is otherwise silent.
    const QByteArray data = rawUpgrade(
        m_sim->port(), prefix + QStringLiteral("/watch"), true, 10000, [](const QByteArray &d) {
            const qsizetype head = d.indexOf("\r\n\r\n");
            return head > 0 && d.indexOf(char(0x89), head + 4) > 0;
        });
    QVERIFY2(data.startsWith("HTTP/1.1 101"), data.left(200).constData());
    QVERIFY(data.indexOf(char(0x89), data.indexOf("\r\n\r\n") + 4) > 0);
}

void TestSimulator::agent_defaultAskQueueInterruptEdit_followProtocol()
{
    SocketLog watchLog;
    SocketLog streamLog;
    QList<QJsonObject> &watch = watchLog.events;
    QList<QJsonObject> &stream = streamLog.events;
    QVERIFY(watchLog.open(m_sim->url(prefix + QStringLiteral("/watch"), "ws")));
    QJsonObject create =
        QJsonDocument::fromJson(textBody(QStringLiteral("Add a CSV export"))).object();
    create.insert(QStringLiteral("organization_id"), orgId);
    const Reply created = request("POST", prefix, QJsonDocument(create).toJson());
    QCOMPARE(created.status, 201);
    const QString id = created.object().value(QStringLiteral("id")).toString();
    const QString chatPath = prefix + QLatin1Char('/') + id;
    QVERIFY(streamLog.open(m_sim->url(chatPath + QStringLiteral("/stream"), "ws")));
    auto count = [](const QList<QJsonObject> &evs, const char *key, const QString &value) {
        return withMember(evs, QString::fromLatin1(key), value).size();
    };
    auto statusIs = [&](const QString &st) {
        return request("GET", chatPath).object().value(QStringLiteral("status")).toString() == st;
    };
    // Default scenario: retry, sub-agent, diff growth, title and summary.
    QTRY_VERIFY_WITH_TIMEOUT(count(watch, "kind", QStringLiteral("summary_change")) >= 1
            && statusIs(QStringLiteral("waiting")),
        20000);
    QVERIFY(count(stream, "type", QStringLiteral("retry")) == 1);
    QVERIFY(count(stream, "type", QStringLiteral("preview_reset")) >= 1);
    QVERIFY(count(watch, "kind", QStringLiteral("title_change")) >= 1);
    QVERIFY(count(watch, "kind", QStringLiteral("diff_status_change")) >= 2);
    QVERIFY(std::any_of(watch.begin(), watch.end(), [&](const QJsonObject &e) {
        return e.value(QStringLiteral("kind")).toString() == QLatin1String("created")
            && e.value(QStringLiteral("chat"))
                   .toObject()
                   .value(QStringLiteral("parent_chat_id"))
                   .toString()
            == id;
    }));
    const QJsonObject chat = request("GET", chatPath).object();
    QCOMPARE(chat.value(QStringLiteral("children")).toArray().size(), 1);
    QVERIFY(chat.value(QStringLiteral("has_unread")).isBool());
    const QJsonObject diffStatus = chat.value(QStringLiteral("diff_status")).toObject();
    QCOMPARE(diffStatus.value(QStringLiteral("changed_files")).toInt(), 2);
    QCOMPARE(diffStatus.value(QStringLiteral("additions")).toInt(), 18);
    QCOMPARE(diffStatus.value(QStringLiteral("deletions")).toInt(), 1);
    QVERIFY(request("GET", chatPath + QStringLiteral("/diff"))
                .object()
                .value(QStringLiteral("diff"))
                .toString()
                .startsWith(QLatin1String("diff --git")));
    QCOMPARE(request("POST", chatPath + QStringLiteral("/interrupt")).status, 409);

    // Client tool: requires_action, then tool-results resume the turn.
    QCOMPARE(request("POST", chatPath + QStringLiteral("/messages"),
                 textBody(QStringLiteral("/scenario ask")))
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(count(stream, "type", QStringLiteral("action_required")) == 1, 10000);
    const QJsonObject action =
        *std::find_if(stream.begin(), stream.end(), [](const QJsonObject &e) {
            return e.value(QStringLiteral("type")).toString() == QLatin1String("action_required");
        });
    const QJsonObject call =
        jsonAt(action.value(QStringLiteral("action_required")), u"tool_calls/0").toObject();
    QVERIFY(call.value(QStringLiteral("args")).isString());
    QVERIFY(count(watch, "kind", QStringLiteral("action_required")) == 1);
    const QJsonObject results{{QStringLiteral("results"),
        QJsonArray{QJsonObject{
            {QStringLiteral("tool_call_id"), call.value(QStringLiteral("tool_call_id"))},
            {QStringLiteral("output"), QJsonObject{{QStringLiteral("ok"), true}}}}}}};
    QCOMPARE(
        request("POST", chatPath + QStringLiteral("/tool-results"), QJsonDocument(results).toJson())
            .status,
        204);
    QTRY_VERIFY_WITH_TIMEOUT(statusIs(QStringLiteral("waiting")), 10000);

    // Busy: queue, then interrupt; the queued message is promoted when the turn ends.
    QCOMPARE(request("POST", chatPath + QStringLiteral("/messages"),
                 textBody(QStringLiteral("/scenario long")))
                 .status,
        200);
    const Reply queued = request("POST", chatPath + QStringLiteral("/messages"),
        textBody(QStringLiteral("/scenario quick next")));
    QVERIFY(queued.object().value(QStringLiteral("queued")).toBool());
    QCOMPARE(request("GET", chatPath + QStringLiteral("/messages"))
                 .object()
                 .value(QStringLiteral("queued_messages"))
                 .toArray()
                 .size(),
        1);
    QCOMPARE(request("POST", chatPath + QStringLiteral("/interrupt")).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(count(stream, "type", QStringLiteral("queue_update")) >= 2
            && statusIs(QStringLiteral("waiting")),
        10000);
    QVERIFY(std::any_of(stream.begin(), stream.end(), [](const QJsonObject &e) {
        return e.value(QStringLiteral("status"))
                   .toObject()
                   .value(QStringLiteral("status"))
                   .toString()
            == QLatin1String("interrupting");
    }));

    // Edit the first prompt: later messages are soft-deleted and the stream resets history.
    const QJsonArray history =
        request("GET", chatPath + QStringLiteral("/messages?after_id=0&limit=200"))
            .object()
            .value(QStringLiteral("messages"))
            .toArray();
    const qint64 firstId = history.first().toObject().value(QStringLiteral("id")).toInteger();
    const Reply edited = request("PATCH", chatPath + QStringLiteral("/messages/%1").arg(firstId),
        textBody(QStringLiteral("/scenario quick edited")));
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.object().value(QStringLiteral("deleted_message_ids")).toArray().size(),
        history.size() - 1);
    QTRY_VERIFY_WITH_TIMEOUT(count(stream, "type", QStringLiteral("history_reset")) == 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(statusIs(QStringLiteral("waiting")), 10000);
    QCOMPARE(request("PATCH",
                 chatPath
                     + QStringLiteral("/messages/%1")
                           .arg(history.at(1).toObject().value(QStringLiteral("id")).toInteger()),
                 textBody(QStringLiteral("x")))
                 .status,
        404);
}

void TestSimulator::token_fromEnvironment_whenNoTokenOption()
{
    const QByteArray envToken = "AgntDeskEv-fromtheenvironment000000";
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("AGENTDESK_SIM_TOKEN"), QString::fromLatin1(envToken));
    Sim sim;
    QVERIFY(sim.start({}, environment));
    QCOMPARE(
        request("GET", prefix, {}, {{"Coder-Session-Token", envToken}}, false, &sim).status, 200);
    // The built-in demo token is not accepted any more.
    QCOMPARE(request("GET", prefix, {}, {}, true, &sim).status, 401);
    // --token still wins over the environment.
    Sim explicitToken;
    QVERIFY(
        explicitToken.start({QStringLiteral("--token"), QString::fromLatin1(token)}, environment));
    QCOMPARE(request("GET", prefix, {}, {}, true, &explicitToken).status, 200);
    QCOMPARE(request("GET", prefix, {}, {{"Coder-Session-Token", envToken}}, false, &explicitToken)
                 .status,
        401);
}

void TestSimulator::faults_failRouteAfter_passesThenFailsThenRecovers()
{
    const Reply set = request("POST", QStringLiteral("/__sim/faults"),
        R"({"fail_route": {"pattern": "^/api/experimental/chats$", "status": 503,
            "method": "GET", "after": 2, "count": 2}})");
    QCOMPARE(set.status, 200);
    QCOMPARE(jsonAt(set.object(), u"fail_route/after").toInt(), 2);
    QList<int> statuses;
    for (int i = 0; i < 5; ++i)
        statuses.append(request("GET", prefix).status);
    QCOMPARE(statuses, (QList<int>{200, 200, 503, 503, 200}));
    // Other routes never count towards "after".
    QCOMPARE(request("POST", QStringLiteral("/__sim/faults"), R"({"reset": true})").status, 200);
    QCOMPARE(request("POST", QStringLiteral("/__sim/faults"),
                 R"({"fail_route": {"pattern": "^/api/experimental/chats$", "after": -1}})")
                 .status,
        400);
}

void TestSimulator::toolFile_toolMessageCarriesFilePart_servedAsPng()
{
    const QString id = createIdleChat(QStringLiteral("toolfile"));
    QVERIFY(!id.isEmpty());
    const QJsonArray messages = allMessages(id);
    QJsonObject filePart;
    QJsonObject resultPart;
    for (const QJsonValue &m : messages) {
        const QJsonObject message = m.toObject();
        if (message.value(QStringLiteral("role")).toString() != QLatin1String("tool"))
            continue;
        for (const QJsonValue &p : message.value(QStringLiteral("content")).toArray()) {
            const QString type = p.toObject().value(QStringLiteral("type")).toString();
            if (type == QLatin1String("file"))
                filePart = p.toObject();
            else if (type == QLatin1String("tool-result")
                && p.toObject().value(QStringLiteral("tool_name")).toString()
                    == QLatin1String("screenshot"))
                resultPart = p.toObject();
        }
    }
    QVERIFY2(!filePart.isEmpty(), "no file part in a tool message");
    QCOMPARE(filePart.value(QStringLiteral("media_type")).toString(), QStringLiteral("image/png"));
    QCOMPARE(filePart.value(QStringLiteral("name")).toString(),
        QStringLiteral("reports-page-screenshot.png"));
    QVERIFY(!filePart.contains(QStringLiteral("data"))); // stripped when file_id is set (§6.8)
    QVERIFY(resultPart.value(QStringLiteral("is_media")).toBool());
    const QString fileId = filePart.value(QStringLiteral("file_id")).toString();
    const Reply file = request("GET", prefix + QStringLiteral("/files/") + fileId);
    QCOMPARE(file.status, 200);
    QCOMPARE(file.headers.value("content-type"), QByteArray("image/png"));
    QVERIFY(file.body.startsWith("\x89PNG\r\n\x1a\n"));
    // A real picture, not the 1x1 placeholder: IHDR says 160 x 100.
    QCOMPARE(file.body.mid(16, 8), QByteArray::fromHex("000000a000000064"));
    const QJsonArray files = request("GET", prefix + QLatin1Char('/') + id)
                                 .object()
                                 .value(QStringLiteral("files"))
                                 .toArray();
    QVERIFY(std::any_of(files.begin(), files.end(), [&](const QJsonValue &f) {
        return f.toObject().value(QStringLiteral("id")).toString() == fileId;
    }));
    // The default scenario has the same kind of tool step.
    QVERIFY(request("GET", QStringLiteral("/__sim/state"))
                .object()
                .value(QStringLiteral("scenarios"))
                .toArray()
                .contains(QStringLiteral("toolfile")));
}

void TestSimulator::retry_thenTerminalError_thenRetryThenAnswer()
{
    const QString id = createIdleChat();
    QVERIFY(!id.isEmpty());
    const QString chatPath = prefix + QLatin1Char('/') + id;
    // Streams the chat until \a done; \a text is sent once the snapshot arrived.
    const auto sendWhileStreaming =
        [&](const QString &text, const std::function<bool(const QList<QJsonObject> &)> &done) {
            return streamUntil(chatPath + QStringLiteral("/stream"), done, nullptr, nullptr, [&] {
                QCOMPARE(
                    request("POST", chatPath + QStringLiteral("/messages"), textBody(text)).status,
                    200);
            });
        };
    const auto failed = sendWhileStreaming(
        QStringLiteral("/scenario retry_error go"), [](const QList<QJsonObject> &evs) {
            return !ofType(evs, QStringLiteral("error")).isEmpty();
        });
    const auto retries = ofType(failed, QStringLiteral("retry"));
    QCOMPARE(retries.size(), 2);
    QCOMPARE(jsonAt(retries.at(0), u"retry/attempt").toInt(), 1);
    QCOMPARE(jsonAt(retries.at(1), u"retry/attempt").toInt(), 2);
    QVERIFY(retries.at(0)
                .value(QStringLiteral("retry"))
                .toObject()
                .contains(QStringLiteral("retrying_at")));
    QVERIFY(ofType(failed, QStringLiteral("preview_reset")).size() >= 2);
    // The terminal error: status error, then the ChatError (§6.3).
    QCOMPARE(statusOf(ofType(failed, QStringLiteral("status")).last()), QStringLiteral("error"));
    const QJsonObject error =
        ofType(failed, QStringLiteral("error")).last().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("overloaded"));
    QCOMPARE(error.value(QStringLiteral("message")).toString(),
        QStringLiteral("The model provider is overloaded. Please try again later."));
    QCOMPARE(error.value(QStringLiteral("provider")).toString(), QStringLiteral("anthropic"));
    QVERIFY(error.contains(QStringLiteral("detail")));
    QCOMPARE(error.value(QStringLiteral("status_code")).toInt(), 529);
    const QJsonObject chat = request("GET", chatPath).object();
    QCOMPARE(chat.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QCOMPARE(chat.value(QStringLiteral("last_error")).toObject().value(QStringLiteral("message")),
        error.value(QStringLiteral("message")));
    // Nothing of the failed attempts was committed as an assistant message.
    QCOMPARE(allMessages(id).last().toObject().value(QStringLiteral("role")).toString(),
        QStringLiteral("user"));

    // A retry followed by success: the answer streams in the new attempt, the turn ends waiting.
    const auto recovered = sendWhileStreaming(
        QStringLiteral("/scenario retry_ok again"), [](const QList<QJsonObject> &evs) {
            const auto statuses = ofType(evs, QStringLiteral("status"));
            return statuses.size() > 1 && statusOf(statuses.last()) == QLatin1String("waiting");
        });
    // The snapshot of an errored chat carries the error; the live turn (from "running") does not.
    qsizetype turnStart = 0;
    while (turnStart < recovered.size()
        && statusOf(recovered.at(turnStart)) != QLatin1String("running"))
        ++turnStart;
    QVERIFY(turnStart < recovered.size());
    const QList<QJsonObject> live = recovered.mid(turnStart);
    QCOMPARE(ofType(live, QStringLiteral("retry")).size(), 1);
    QVERIFY(ofType(live, QStringLiteral("error")).isEmpty());
    const auto parts = ofType(live, QStringLiteral("message_part"));
    QVERIFY(std::any_of(parts.begin(), parts.end(), [](const QJsonObject &e) {
        const QJsonObject mp = e.value(QStringLiteral("message_part")).toObject();
        return mp.value(QStringLiteral("generation_attempt")).toInt() >= 1
            && mp.value(QStringLiteral("seq")).toInt() == 1;
    }));
    QCOMPARE(chatStatus(id), QStringLiteral("waiting"));
    const QJsonObject answer = allMessages(id).last().toObject();
    QCOMPARE(answer.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
    QVERIFY(jsonAt(answer.value(QStringLiteral("content")), u"0/text")
                .toString()
                .startsWith(QLatin1String("Here is what I found")));
    QVERIFY(!request("GET", chatPath).object().contains(QStringLiteral("last_error")));
}

void TestSimulator::ask_dynamicTools_requiresActionValidatesThenContinues()
{
    const QString id = createIdleChat();
    QVERIFY(!id.isEmpty());
    const QString chatPath = prefix + QLatin1Char('/') + id;
    SocketLog streamLog;
    const QList<QJsonObject> &stream = streamLog.events;
    QVERIFY(streamLog.open(m_sim->url(chatPath + QStringLiteral("/stream"), "ws")));
    QTRY_VERIFY(!ofType(stream, QStringLiteral("status")).isEmpty());
    QCOMPARE(request("POST", chatPath + QStringLiteral("/messages"),
                 textBody(QStringLiteral("/scenario ask_two please")))
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(ofType(stream, QStringLiteral("action_required")).size() == 1, 10000);
    QCOMPARE(chatStatus(id), QStringLiteral("requires_action"));
    const QJsonArray calls = jsonAt(
        ofType(stream, QStringLiteral("action_required")).first(), u"action_required/tool_calls")
                                 .toArray();
    QCOMPARE(calls.size(), 2);
    QStringList ids;
    for (const QJsonValue &c : calls) {
        QVERIFY(c.toObject().value(QStringLiteral("args")).isString()); // a JSON string (§6.11)
        ids.append(c.toObject().value(QStringLiteral("tool_call_id")).toString());
    }
    // The pending calls are visible in history: the committed assistant message's tool-calls.
    const QJsonObject assistant = allMessages(id).last().toObject();
    QCOMPARE(assistant.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
    QStringList committed;
    for (const QJsonValue &p : assistant.value(QStringLiteral("content")).toArray()) {
        if (p.toObject().value(QStringLiteral("type")).toString() == QLatin1String("tool-call")) {
            committed.append(p.toObject().value(QStringLiteral("tool_call_id")).toString());
            QVERIFY(p.toObject().value(QStringLiteral("args")).isObject());
        }
    }
    QCOMPARE(committed, ids);
    // A reconnect sees the same pending calls in the snapshot.
    const auto snapshot =
        streamUntil(chatPath + QStringLiteral("/stream"), [](const QList<QJsonObject> &evs) {
            return !ofType(evs, QStringLiteral("action_required")).isEmpty();
        });
    QCOMPARE(jsonAt(ofType(snapshot, QStringLiteral("action_required")).first(),
                 u"action_required/tool_calls")
                 .toArray(),
        calls);

    auto post = [&](const QJsonArray &results) {
        return request("POST", chatPath + QStringLiteral("/tool-results"),
            QJsonDocument(QJsonObject{{QStringLiteral("results"), results}}).toJson());
    };
    auto result = [](const QString &callId) {
        return QJsonObject{{QStringLiteral("tool_call_id"), callId},
            {QStringLiteral("output"), QJsonObject{{QStringLiteral("ok"), true}}}};
    };
    auto isCoderError = [](const Reply &r, int status) {
        return r.status == status
            && !r.object().value(QStringLiteral("message")).toString().isEmpty()
            && !r.object().value(QStringLiteral("detail")).toString().isEmpty();
    };
    Reply r = post({result(QStringLiteral("toolu_01wrong")), result(ids.at(1))});
    QVERIFY2(isCoderError(r, 400), r.body.constData());
    QVERIFY(r.object().value(QStringLiteral("detail")).toString().contains(u"toolu_01wrong"));
    r = post({result(ids.at(0))});
    QVERIFY2(isCoderError(r, 400), r.body.constData());
    QVERIFY(r.object().value(QStringLiteral("detail")).toString().contains(ids.at(1)));
    r = post({result(ids.at(0)), result(ids.at(0))});
    QVERIFY2(isCoderError(r, 400), r.body.constData());
    r = post({});
    QVERIFY2(isCoderError(r, 400), r.body.constData());
    r = request("POST", chatPath + QStringLiteral("/tool-results"), "{nope");
    QCOMPARE(r.status, 400);
    QCOMPARE(chatStatus(id), QStringLiteral("requires_action")); // nothing applied
    QCOMPARE(post({result(ids.at(0)), result(ids.at(1))}).status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(id) == QLatin1String("waiting"), 10000);
    const QJsonArray messages = allMessages(id);
    QCOMPARE(messages.at(messages.size() - 2).toObject().value(QStringLiteral("role")).toString(),
        QStringLiteral("tool"));
    QCOMPARE(messages.at(messages.size() - 2)
                 .toObject()
                 .value(QStringLiteral("content"))
                 .toArray()
                 .size(),
        2);
    QVERIFY(jsonAt(messages.last(), u"content/0/text")
                .toString()
                .startsWith(QLatin1String("Both results arrived")));
    // Not waiting any more: 409 with Coder's text (§8.7).
    r = post({result(ids.at(0)), result(ids.at(1))});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Chat is not waiting for tool results."));
}

void TestSimulator::revokeToken_refusesRestAndHandshakes_closesSockets()
{
    AgentDesk::Testing::SimulatorProcess sim(
        {QStringLiteral("--demo"), QStringLiteral("--generation"), QStringLiteral("legacy")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QByteArray oldToken = sim.token();
    auto get = [&](const QString &path, const QByteArray &sessionToken) {
        QUrl url = sim.baseUrl();
        url.setPath(path);
        QNetworkRequest req(url);
        req.setRawHeader("Coder-Session-Token", sessionToken);
        return finished(m_nam.get(req), 10000);
    };
    QCOMPARE(get(prefix, oldToken).status, 200);
    QWebSocket watch;
    QWebSocket stream;
    bool watchClosed = false;
    bool streamClosed = false;
    connect(&watch, &QWebSocket::disconnected, this, [&] { watchClosed = true; });
    connect(&stream, &QWebSocket::disconnected, this, [&] { streamClosed = true; });
    auto open = [&](QWebSocket &socket, const QString &path) {
        QUrl url = sim.baseUrl();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(path);
        QNetworkRequest req(url);
        req.setRawHeader("Coder-Session-Token", oldToken);
        socket.open(req);
    };
    open(watch, prefix + QStringLiteral("/watch"));
    open(stream, prefix + QStringLiteral("/3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b/stream"));
    QTRY_VERIFY(watch.state() == QAbstractSocket::ConnectedState
        && stream.state() == QAbstractSocket::ConnectedState);

    QVERIFY(sim.revokeToken());
    QTRY_VERIFY(watchClosed && streamClosed);
    Reply r = get(prefix, oldToken);
    QCOMPARE(r.status, 401);
    QVERIFY(
        r.object().value(QStringLiteral("message")).toString().startsWith(u"You are signed out"));
    QCOMPARE(r.object().value(QStringLiteral("detail")).toString(),
        QStringLiteral("API key is invalid."));
    QCOMPARE(get(QStringLiteral("/api/v2/users/me"), oldToken).status, 401);
    auto headDone = [](const QByteArray &d) {
        return d.contains("\r\n\r\n{") && d.endsWith("\n");
    };
    QByteArray answer =
        rawUpgrade(sim.port(), prefix + QStringLiteral("/watch"), true, 5000, headDone, oldToken);
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
    QVERIFY(answer.contains("You are signed out"));
    // The test can still drive the simulator with the revoked token.
    QJsonObject capacity;
    QVERIFY(sim.postControl(QStringLiteral("capacity"), {{QStringLiteral("limit"), 3}}, &capacity));
    QCOMPARE(capacity.value(QStringLiteral("limit")).toInt(), 3);
    const auto state = sim.state();
    QVERIFY(state.has_value());
    QCOMPARE(state->value(QStringLiteral("sockets_open")).toInt(), 0);

    // Signing in again: a new token is installed; the old one stays refused.
    const QByteArray newToken = "AgntDeskNw-abcdefghijklmnopqrstuv";
    QVERIFY(sim.revokeToken(newToken));
    QCOMPARE(sim.token(), newToken);
    QCOMPARE(get(prefix, newToken).status, 200);
    QCOMPARE(get(prefix, oldToken).status, 401);
    answer = rawUpgrade(
        sim.port(), prefix + QStringLiteral("/watch"), true, 5000,
        [](const QByteArray &d) { return d.contains("\r\n\r\n"); }, newToken);
    QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
}

void TestSimulator::watch_statusChangeHasNoDiffStatus_demoHasPrBadge()
{
    Sim sim;
    QVERIFY(sim.start(
        {QStringLiteral("--demo"), QStringLiteral("--delta-interval-ms"), QStringLiteral("1")}));
    // The demo has an open PR with URL and line counts, so a PR badge can be shown.
    const QString prChat = QStringLiteral("3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b");
    const QJsonObject listed = [&] {
        for (const QJsonValue &v : request("GET", prefix, {}, {}, true, &sim).array()) {
            if (v.toObject().value(QStringLiteral("id")).toString() == prChat)
                return v.toObject();
        }
        return QJsonObject();
    }();
    const QJsonObject pr = listed.value(QStringLiteral("diff_status")).toObject();
    QCOMPARE(pr.value(QStringLiteral("pull_request_state")).toString(), QStringLiteral("open"));
    QVERIFY(pr.value(QStringLiteral("url")).toString().startsWith(u"https://github.com/"));
    QVERIFY(pr.value(QStringLiteral("additions")).toInt() > 0);
    QVERIFY(pr.value(QStringLiteral("deletions")).toInt() > 0);

    SocketLog watchLog;
    const QList<QJsonObject> &watch = watchLog.events;
    QVERIFY(watchLog.open(sim.url(prefix + QStringLiteral("/watch"), "ws")));
    const QString chatPath = prefix + QLatin1Char('/') + prChat;
    QCOMPARE(
        request("PATCH", chatPath, R"({"labels": {"team": "reports"}})", {}, true, &sim).status,
        204);
    QCOMPARE(request("POST", chatPath + QStringLiteral("/messages"),
                 textBody(QStringLiteral("/scenario default go on")), {}, true, &sim)
                 .status,
        200);
    // The labels change and the end of the turn are both status_change with "waiting".
    auto waitingEvents = [&] {
        return std::count_if(watch.begin(), watch.end(), [&](const QJsonObject &e) {
            const QJsonObject c = e.value(QStringLiteral("chat")).toObject();
            return e.value(QStringLiteral("kind")).toString() == QLatin1String("status_change")
                && c.value(QStringLiteral("id")).toString() == prChat
                && c.value(QStringLiteral("status")).toString() == QLatin1String("waiting");
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(waitingEvents() >= 2, 20000);
    int statusChanges = 0;
    int diffChanges = 0;
    for (const QJsonObject &e : std::as_const(watch)) {
        const QString kind = e.value(QStringLiteral("kind")).toString();
        const QJsonObject c = e.value(QStringLiteral("chat")).toObject();
        QVERIFY(!c.contains(QStringLiteral("files")));
        if (kind == QLatin1String("diff_status_change")) {
            ++diffChanges;
            QVERIFY(c.value(QStringLiteral("diff_status")).isObject());
        } else {
            // As a real server sends it: status_change (and the others) without diff_status.
            QVERIFY2(!c.contains(QStringLiteral("diff_status")), qPrintable(kind));
            statusChanges += kind == QLatin1String("status_change") ? 1 : 0;
        }
    }
    QVERIFY(statusChanges >= 3); // labels, running, waiting
    QVERIFY(diffChanges >= 1);
    // The PR is still there for a list or a single GET.
    QVERIFY(request("GET", chatPath, {}, {}, true, &sim)
                .object()
                .value(QStringLiteral("diff_status"))
                .toObject()
                .contains(QStringLiteral("url")));
}

void TestSimulator::generation_archiveRulesAndWatchEvents_data()
{
    addGenerationRows();
}

void TestSimulator::generation_archiveRulesAndWatchEvents()
{
    QFETCH(QString, generation);
    const bool modern = generation != QLatin1String("legacy");
    Sim sim;
    QVERIFY(sim.start({QStringLiteral("--demo"), QStringLiteral("--generation"), generation,
        QStringLiteral("--delta-interval-ms"), QStringLiteral("5")}));
    const QString p = prefixFor(generation);
    sim.chatsPrefix = p;
    SocketLog watch;
    QVERIFY(watch.open(sim.url(p + QStringLiteral("/watch"), "ws")));
    const QString chatPath = p + QLatin1Char('/') + csvChat; // a root with two children
    QCOMPARE(request("PATCH", chatPath, R"({"archived": true})", {}, true, &sim).status, 204);
    const QString archiveKind =
        modern ? QStringLiteral("deleted") : QStringLiteral("status_change");
    QTRY_VERIFY(watch.ofKind(archiveKind).size() >= 3);
    QStringList family;
    for (const QJsonObject &e : watch.ofKind(archiveKind)) {
        QVERIFY(
            e.value(QStringLiteral("chat")).toObject().value(QStringLiteral("archived")).toBool());
        family.append(
            e.value(QStringLiteral("chat")).toObject().value(QStringLiteral("id")).toString());
    }
    QVERIFY(family.contains(csvChat));
    QCOMPARE(family.size(), 3); // root and both children, one event each
    QCOMPARE(request("PATCH", chatPath, R"({"archived": true})", {}, true, &sim)
                 .object()
                 .value(QStringLiteral("message"))
                 .toString(),
        QStringLiteral("Chat is already archived."));
    watch.events.clear();
    QCOMPARE(request("PATCH", chatPath, R"({"archived": false})", {}, true, &sim).status, 204);
    const QString unarchiveKind =
        modern ? QStringLiteral("created") : QStringLiteral("status_change");
    QTRY_VERIFY(watch.ofKind(unarchiveKind).size() >= 3);
    for (const QJsonObject &e : watch.ofKind(unarchiveKind))
        QVERIFY(
            !e.value(QStringLiteral("chat")).toObject().value(QStringLiteral("archived")).toBool());
    const Reply noOp = request("PATCH", chatPath, R"({"archived": false})", {}, true, &sim);
    QCOMPARE(noOp.status, 400);
    QCOMPARE(noOp.object().value(QStringLiteral("message")).toString(),
        modern ? QStringLiteral("Chat is already not archived.")
               : QStringLiteral("Chat is not archived."));

    // A chat waiting for client tool results: newest refuses to archive it (409), the seed era
    // allowed it.
    QCOMPARE(request("POST", chatPath + QStringLiteral("/messages"),
                 textBody(QStringLiteral("/scenario ask")), {}, true, &sim)
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(request("GET", chatPath, {}, {}, true, &sim)
                                 .object()
                                 .value(QStringLiteral("status"))
                                 .toString()
            == QLatin1String("requires_action"),
        10000);
    const Reply busy = request("PATCH", chatPath, R"({"archived": true})", {}, true, &sim);
    if (modern) {
        QCOMPARE(busy.status, 409);
        QCOMPARE(busy.object().value(QStringLiteral("message")).toString(),
            QStringLiteral("Cannot archive an active chat. Interrupt or wait for the chat to "
                           "finish first."));
        QVERIFY(!busy.object().value(QStringLiteral("detail")).toString().isEmpty());
    } else {
        QCOMPARE(busy.status, 204);
    }
}

void TestSimulator::generation_sharedChats_viewerAndOwner_data()
{
    addGenerationRows({QStringLiteral("v237"), QStringLiteral("newest")});
}

void TestSimulator::generation_sharedChats_viewerAndOwner()
{
    QFETCH(QString, generation);
    Sim sim;
    QVERIFY(sim.start({QStringLiteral("--demo"), QStringLiteral("--generation"), generation}));
    const QString p = prefixFor(generation);
    auto list = [&](const QString &q) {
        return request("GET",
            p + QStringLiteral("?q=") + QString::fromLatin1(QUrl::toPercentEncoding(q)), {}, {},
            true, &sim)
            .array();
    };
    // Default list: only alice's own chats; source: selects the shared ones (§20.3.5).
    const QJsonArray own = list(QString());
    QVERIFY(!ids(own).contains(bobShared));
    for (const QJsonValue &c : own)
        QCOMPARE(c.toObject().value(QStringLiteral("owner_id")).toString(), aliceId);
    const QJsonArray shared = list(QStringLiteral("source:shared_with_me"));
    const QStringList sharedIds = ids(shared); // one list: begin() and end() must meet
    QCOMPARE(QSet<QString>(sharedIds.begin(), sharedIds.end()),
        (QSet<QString>{bobShared, bobGroupShared}));
    for (const QJsonValue &c : shared) {
        QCOMPARE(
            c.toObject().value(QStringLiteral("owner_username")).toString(), QStringLiteral("bob"));
        QVERIFY(c.toObject().value(QStringLiteral("shared")).toBool());
    }
    QCOMPARE(list(QStringLiteral("source:created_by_me,shared_with_me")).size(), own.size() + 2);
    const QJsonObject flaky = [&] {
        for (const QJsonValue &c : own) {
            if (c.toObject().value(QStringLiteral("id")).toString() == flakyChat)
                return c.toObject();
        }
        return QJsonObject();
    }();
    QVERIFY(flaky.value(QStringLiteral("shared")).toBool()); // alice shares it with carol

    // A viewer reads, but every write is 404 (§20.3.4).
    const QString bobPath = p + QLatin1Char('/') + bobShared;
    QCOMPARE(request("GET", bobPath, {}, {}, true, &sim).status, 200);
    QCOMPARE(request("GET", bobPath + QStringLiteral("/messages"), {}, {}, true, &sim)
                 .object()
                 .value(QStringLiteral("messages"))
                 .toArray()
                 .size(),
        2);
    QCOMPARE(request("POST", bobPath + QStringLiteral("/messages"), textBody(QStringLiteral("hi")),
                 {}, true, &sim)
                 .status,
        404);
    QCOMPARE(request("PATCH", bobPath, R"({"title": "mine now"})", {}, true, &sim).status, 404);
    QCOMPARE(
        request("POST", bobPath + QStringLiteral("/interrupt"), {}, {}, true, &sim).status, 404);
    QCOMPARE(request("POST", bobPath + QStringLiteral("/title/propose"), {}, {}, true, &sim).status,
        404);
    QCOMPARE(request("PUT", bobPath + QStringLiteral("/context"), {}, {}, true, &sim).status, 404);
    QCOMPARE(
        request("PATCH", bobPath + QStringLiteral("/acl"), R"({"user_roles": {}})", {}, true, &sim)
            .status,
        403);
    QCOMPARE(request("GET", p + QLatin1Char('/') + bobPrivate, {}, {}, true, &sim).status, 404);

    // The owner shares: GET / PATCH acl.
    const QString flakyPath = p + QLatin1Char('/') + flakyChat;
    Reply acl = request("GET", flakyPath + QStringLiteral("/acl"), {}, {}, true, &sim);
    QCOMPARE(acl.status, 200);
    QCOMPARE(acl.object().value(QStringLiteral("users")).toArray().size(), 1);
    QCOMPARE(jsonAt(acl.object(), u"users/0/username").toString(), QStringLiteral("carol"));
    QCOMPARE(jsonAt(acl.object(), u"users/0/role").toString(), QStringLiteral("read"));
    QCOMPARE(
        request("PATCH", flakyPath + QStringLiteral("/acl"),
            QStringLiteral(
                R"({"user_roles": {"%1": "read", "%2": ""}, "group_roles": {"8c3b2d1e-0f9a-4b6c-9d5e-4f3a2b1c0d9e": "read"}})")
                .arg(bobId, carolId)
                .toUtf8(),
            {}, true, &sim)
            .status,
        204);
    acl = request("GET", flakyPath + QStringLiteral("/acl"), {}, {}, true, &sim);
    QCOMPARE(ids(acl.object().value(QStringLiteral("users")).toArray()), QStringList{bobId});
    QCOMPARE(jsonAt(acl.object(), u"groups/0/name").toString(), QStringLiteral("devs"));
    Reply bad = request("PATCH", flakyPath + QStringLiteral("/acl"),
        QStringLiteral(R"({"user_roles": {"%1": ""}})").arg(aliceId).toUtf8(), {}, true, &sim);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Cannot change your own chat sharing role."));
    bad = request("PATCH", flakyPath + QStringLiteral("/acl"),
        R"({"user_roles": {"00000000-0000-4000-8000-000000000001": "admin"}})", {}, true, &sim);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Invalid request to update chat ACL."));
    QCOMPARE(bad.object().value(QStringLiteral("validations")).toArray().size(), 2);
    QCOMPARE(request("GET", p + QStringLiteral("/4c7a1d3b-0e5f-4a2b-9c8d-6f3e2b1a0d9c/acl"), {}, {},
                 true, &sim)
                 .status,
        400); // a child
    QCOMPARE(
        request("PATCH", flakyPath + QStringLiteral("/acl"),
            R"({"user_roles": {}, "group_roles": {"8c3b2d1e-0f9a-4b6c-9d5e-4f3a2b1c0d9e": ""}})",
            {}, true, &sim)
            .status,
        204);
    QCOMPARE(
        request("PATCH", flakyPath + QStringLiteral("/acl"),
            QStringLiteral(R"({"user_roles": {"%1": ""}})").arg(bobId).toUtf8(), {}, true, &sim)
            .status,
        204);
    QVERIFY(!request("GET", flakyPath, {}, {}, true, &sim)
                 .object()
                 .value(QStringLiteral("shared"))
                 .toBool());

    // The viewer's stream does not move bob's read cursor; when bob un-shares, it closes.
    SocketLog stream;
    QVERIFY(stream.open(sim.url(bobPath + QStringLiteral("/stream"), "ws")));
    QCOMPARE(
        request("POST", QStringLiteral("/__sim/chats/") + bobShared + QStringLiteral("/acl"),
            QStringLiteral(R"({"user_roles": {"%1": ""}})").arg(aliceId).toUtf8(), {}, true, &sim)
            .status,
        204);
    QTRY_VERIFY(stream.closed);
    QCOMPARE(int(stream.socket.closeCode()), 4403);
    QCOMPARE(request("GET", bobPath, {}, {}, true, &sim).status, 404);
}

void TestSimulator::generation_adminAndDisabledSharing()
{
    Sim admin;
    QVERIFY(admin.start({QStringLiteral("--demo"), QStringLiteral("--generation"),
        QStringLiteral("newest"), QStringLiteral("--admin")}));
    const QString p = prefixFor(QStringLiteral("newest"));
    const QString privatePath = p + QLatin1Char('/') + bobPrivate;
    QCOMPARE(request("GET", privatePath, {}, {}, true, &admin).status, 200);
    Reply r = request("POST", privatePath + QStringLiteral("/messages"),
        textBody(QStringLiteral("hi")), {}, true, &admin);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Only the chat owner may send messages."));
    r = request("POST", privatePath + QStringLiteral("/title/propose"), {}, {}, true, &admin);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Only the chat owner may propose a title."));
    r = request("POST", privatePath + QStringLiteral("/compact"), {}, {}, true, &admin);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Only the chat owner may compact the chat."));
    QCOMPARE(request("PATCH", privatePath, R"({"title": "Renamed by an admin"})", {}, true, &admin)
                 .status,
        204);
    QVERIFY(!request("GET", QStringLiteral("/api/v2/users/me"), {}, {}, true, &admin)
                 .object()
                 .value(QStringLiteral("roles"))
                 .toArray()
                 .isEmpty());
    QCOMPARE(request("GET", QStringLiteral("/api/v2/users?q=bo"), {}, {}, true, &admin)
                 .object()
                 .value(QStringLiteral("count"))
                 .toInt(),
        1);
    QCOMPARE(
        request("GET", QStringLiteral("/api/v2/organizations/") + orgId + QStringLiteral("/groups"),
            {}, {}, true, &admin)
            .array()
            .size(),
        1);
    QCOMPARE(request("GET",
                 QStringLiteral("/api/v2/organizations/") + orgId + QStringLiteral("/members"), {},
                 {}, true, &admin)
                 .array()
                 .size(),
        3);

    Sim noSharing;
    QVERIFY(noSharing.start({QStringLiteral("--demo"), QStringLiteral("--generation"),
        QStringLiteral("v237"), QStringLiteral("--disable-chat-sharing")}));
    r = request(
        "GET", p + QLatin1Char('/') + flakyChat + QStringLiteral("/acl"), {}, {}, true, &noSharing);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Chat sharing is disabled for this deployment."));
    // The seed era knows no sharing routes and no shared chats.
    Sim legacy;
    QVERIFY(legacy.start({QStringLiteral("--demo")}));
    QCOMPARE(request("GET", prefix + QLatin1Char('/') + flakyChat + QStringLiteral("/acl"), {}, {},
                 true, &legacy)
                 .status,
        404);
    QVERIFY(
        request("GET", prefix + QStringLiteral("?q=source:shared_with_me"), {}, {}, true, &legacy)
            .array()
            .isEmpty());
}

void TestSimulator::generation_contextTitleAndModels_data()
{
    addGenerationRows();
}

void TestSimulator::generation_contextTitleAndModels()
{
    QFETCH(QString, generation);
    const bool modern = generation != QLatin1String("legacy");
    Sim sim;
    QVERIFY(sim.start({QStringLiteral("--demo"), QStringLiteral("--generation"), generation}));
    const QString p = prefixFor(generation);
    const QString chatPath = p + QLatin1Char('/') + csvChat;
    SocketLog watch;
    QVERIFY(watch.open(sim.url(p + QStringLiteral("/watch"), "ws")));
    QJsonObject single = request("GET", chatPath, {}, {}, true, &sim).object();
    QCOMPARE(single.contains(QStringLiteral("context")), modern);
    // title/propose answers a title without saving it, on every generation.
    const Reply proposed =
        request("POST", chatPath + QStringLiteral("/title/propose"), {}, {}, true, &sim);
    QCOMPARE(proposed.status, 200);
    QVERIFY(!proposed.object().value(QStringLiteral("title")).toString().isEmpty());
    QCOMPARE(request("GET", chatPath, {}, {}, true, &sim).object().value(QStringLiteral("title")),
        single.value(QStringLiteral("title")));
    // A title write: the seed era bumps updated_at; newest leaves it (and the list order) alone
    // (§20.12).
    QCOMPARE(
        request("PATCH", chatPath, R"({"title": "CSV export, renamed"})", {}, true, &sim).status,
        204);
    QCOMPARE(
        request("GET", chatPath, {}, {}, true, &sim).object().value(QStringLiteral("updated_at"))
            == single.value(QStringLiteral("updated_at")),
        modern);
    if (!modern) {
        QCOMPARE(
            request("PUT", chatPath + QStringLiteral("/context"), {}, {}, true, &sim).status, 404);
        return;
    }
    // Context (§20.5): resources only on the single GET; the demo chat has drifted.
    const QJsonObject context = single.value(QStringLiteral("context")).toObject();
    QVERIFY(context.value(QStringLiteral("dirty")).toBool());
    QVERIFY(context.contains(QStringLiteral("dirty_since")));
    QVERIFY(context.value(QStringLiteral("resources")).toArray().size() >= 4);
    for (const QJsonValue &c : request("GET", p, {}, {}, true, &sim).array()) {
        if (c.toObject().value(QStringLiteral("id")).toString() == csvChat)
            QVERIFY(!c.toObject()
                         .value(QStringLiteral("context"))
                         .toObject()
                         .contains(QStringLiteral("resources")));
    }
    const Reply refreshed =
        request("PUT", chatPath + QStringLiteral("/context"), {}, {}, true, &sim);
    QCOMPARE(refreshed.status, 200);
    QVERIFY(!jsonAt(refreshed.object(), u"context/dirty").toBool());
    QVERIFY(jsonAt(refreshed.object(), u"context/resources").toArray().size()
        > context.value(QStringLiteral("resources")).toArray().size());
    QCOMPARE(request("POST",
                 QStringLiteral("/__sim/chats/") + csvChat + QStringLiteral("/context-dirty"), {},
                 {}, true, &sim)
                 .status,
        200);
    QTRY_VERIFY(!watch.ofKind(QStringLiteral("context_dirty")).isEmpty());
    const QJsonObject dirty =
        jsonAt(watch.ofKind(QStringLiteral("context_dirty")).first(), u"chat/context").toObject();
    QVERIFY(dirty.value(QStringLiteral("dirty")).toBool());
    QVERIFY(!dirty.contains(QStringLiteral("resources")));

    // Models (§20.8): reasoning-effort config, a model whose provider is unavailable.
    const QJsonObject models = request("GET",
        QStringLiteral("/api/v2/organizations/") + orgId + QStringLiteral("/chats/models"), {}, {},
        true, &sim)
                                   .object();
    const QJsonObject first = models.value(QStringLiteral("models")).toArray().first().toObject();
    QVERIFY(first.value(QStringLiteral("model_config"))
                .toObject()
                .value(QStringLiteral("reasoning_effort"))
                .toObject()
                .contains(QStringLiteral("max")));
    QVERIFY(!models.value(QStringLiteral("providers")).toArray().isEmpty());
    auto create = [&](const QString &model) {
        QJsonObject body =
            QJsonDocument::fromJson(textBody(QStringLiteral("/scenario quick hi"))).object();
        body.insert(QStringLiteral("organization_id"), orgId);
        body.insert(QStringLiteral("model_config_id"), model);
        return request("POST", p, QJsonDocument(body).toJson(), {}, true, &sim);
    };
    QCOMPARE(create(QStringLiteral("a1b2c3d4-0004-4e5f-ba9b-0c1d2e3f4a5e"))
                 .object()
                 .value(QStringLiteral("message"))
                 .toString(),
        QStringLiteral(
            "Invalid model_config_id: provider credentials unavailable for this model."));
    QCOMPARE(create(QStringLiteral("a1b2c3d4-0003-4e5f-aa9b-0c1d2e3f4a5d"))
                 .object()
                 .value(QStringLiteral("message"))
                 .toString(),
        QStringLiteral("Invalid model_config_id: model config not found or disabled."));
    QCOMPARE(create(QStringLiteral("a1b2c3d4-0002-4e5f-9a9b-0c1d2e3f4a5c")).status, 201);
}

void TestSimulator::generation_newPartsSummaryAndQueue_data()
{
    addGenerationRows({QStringLiteral("legacy"), QStringLiteral("newest")});
}

void TestSimulator::generation_newPartsSummaryAndQueue()
{
    QFETCH(QString, generation);
    const bool modern = generation != QLatin1String("legacy");
    Sim sim;
    QVERIFY(sim.start({QStringLiteral("--generation"), generation,
        QStringLiteral("--delta-interval-ms"), QStringLiteral("2")}));
    const QString p = prefixFor(generation);
    sim.chatsPrefix = p;
    SocketLog watch;
    QVERIFY(watch.open(sim.url(p + QStringLiteral("/watch"), "ws")));
    QJsonObject body =
        QJsonDocument::fromJson(textBody(QStringLiteral("/scenario newparts go"))).object();
    body.insert(QStringLiteral("organization_id"), orgId);
    const Reply created = request("POST", p, QJsonDocument(body).toJson(), {}, true, &sim);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value(QStringLiteral("id")).toString();
    const QString chatPath = p + QLatin1Char('/') + id;
    // Watch the whole turn on the stream.
    SocketLog streamLog;
    const QList<QJsonObject> &stream = streamLog.events;
    QVERIFY(streamLog.open(sim.url(chatPath + QStringLiteral("/stream"), "ws")));
    // Queue a second message while the first turn runs: it is promoted afterwards.
    QTRY_VERIFY(!stream.isEmpty());
    const Reply queued = request("POST", chatPath + QStringLiteral("/messages"),
        textBody(QStringLiteral("/scenario quick next")), {}, true, &sim);
    QVERIFY(queued.object().value(QStringLiteral("queued")).toBool());
    const qint64 queuedId = jsonAt(queued.object(), u"queued_message/id").toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(watch.ofKind(QStringLiteral("summary_change")).size() >= 2, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(id, &sim) == QLatin1String("waiting"), 10000);

    QStringList partTypes;
    QJsonObject providerCall, mcpCall;
    QJsonObject promoted;
    for (const QJsonValue &m : request(
             "GET", chatPath + QStringLiteral("/messages?after_id=0&limit=200"), {}, {}, true, &sim)
                                   .object()
                                   .value(QStringLiteral("messages"))
                                   .toArray()) {
        const QJsonObject message = m.toObject();
        if (message.contains(QStringLiteral("queued_message_id")))
            promoted = message;
        for (const QJsonValue &pv : message.value(QStringLiteral("content")).toArray()) {
            const QJsonObject part = pv.toObject();
            partTypes.append(message.value(QStringLiteral("role")).toString() + QLatin1Char(':')
                + part.value(QStringLiteral("type")).toString());
            if (part.value(QStringLiteral("tool_name")).toString() == QLatin1String("web_search")
                && part.value(QStringLiteral("type")).toString() == QLatin1String("tool-call"))
                providerCall = part;
            if (part.value(QStringLiteral("tool_name")).toString()
                    == QLatin1String("github__search_issues")
                && part.value(QStringLiteral("type")).toString() == QLatin1String("tool-call"))
                mcpCall = part;
        }
    }
    const auto parts = ofType(stream, QStringLiteral("message_part"));
    const bool sawReset = std::any_of(parts.begin(), parts.end(), [](const QJsonObject &e) {
        return jsonAt(e.value(QStringLiteral("message_part")), u"part/result_reset").toBool();
    });
    if (modern) {
        QVERIFY(partTypes.contains(QStringLiteral("user:context-file")));
        QVERIFY(partTypes.contains(QStringLiteral("user:skill")));
        QVERIFY(partTypes.contains(QStringLiteral("assistant:hook-notice")));
        QVERIFY(partTypes.contains(QStringLiteral("assistant:tool-result"))); // provider-executed
        QVERIFY(providerCall.value(QStringLiteral("provider_executed")).toBool());
        QVERIFY(mcpCall.value(QStringLiteral("hook_rewritten")).toBool());
        QVERIFY(mcpCall.contains(QStringLiteral("mcp_server_config_id")));
        QVERIFY(sawReset);
        QCOMPARE(promoted.value(QStringLiteral("queued_message_id")).toInteger(), queuedId);
        QVERIFY(!watch.ofKind(QStringLiteral("chat_summary_change")).isEmpty());
        QVERIFY(!request("GET", chatPath, {}, {}, true, &sim)
                     .object()
                     .value(QStringLiteral("summary"))
                     .toString()
                     .isEmpty());
    } else {
        QVERIFY(!partTypes.contains(QStringLiteral("user:context-file")));
        QVERIFY(!partTypes.contains(QStringLiteral("assistant:hook-notice")));
        QVERIFY(!partTypes.contains(QStringLiteral("assistant:tool-result")));
        QVERIFY(!providerCall.contains(QStringLiteral("provider_executed")));
        QVERIFY(!sawReset);
        QVERIFY(promoted.isEmpty());
        QVERIFY(watch.ofKind(QStringLiteral("chat_summary_change")).isEmpty());
        QVERIFY(!request("GET", chatPath, {}, {}, true, &sim)
                     .object()
                     .contains(QStringLiteral("summary")));
    }
}

void TestSimulator::generation_capacityWarningsAndActionInterrupt()
{
    Sim sim;
    QVERIFY(sim.start({QStringLiteral("--generation"), QStringLiteral("newest"),
        QStringLiteral("--capacity-limit"), QStringLiteral("1"),
        QStringLiteral("--delta-interval-ms"), QStringLiteral("2")}));
    const QString p = prefixFor(QStringLiteral("newest"));
    sim.chatsPrefix = p;
    auto create = [&](const QString &text) {
        QJsonObject body = QJsonDocument::fromJson(textBody(text)).object();
        body.insert(QStringLiteral("organization_id"), orgId);
        return request("POST", p, QJsonDocument(body).toJson(), {}, true, &sim)
            .object()
            .value(QStringLiteral("id"))
            .toString();
    };
    const QString busy = create(QStringLiteral("/scenario long soak"));
    const QString held = create(QStringLiteral("/scenario quick wait for a slot"));
    QJsonObject heldChat = request("GET", p + QLatin1Char('/') + held, {}, {}, true, &sim).object();
    QCOMPARE(heldChat.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QVERIFY(heldChat.value(QStringLiteral("queued_for_capacity")).toBool());
    for (const QJsonValue &c : request("GET", p, {}, {}, true, &sim).array())
        QVERIFY(
            !c.toObject().value(QStringLiteral("queued_for_capacity")).toBool()); // lists: false
    QCOMPARE(request("GET", p + QLatin1Char('/') + held + QStringLiteral("/messages"), {}, {}, true,
                 &sim)
                 .object()
                 .value(QStringLiteral("messages"))
                 .toArray()
                 .size(),
        1);
    // The busy chat stops: the held one gets the slot and runs to the end.
    QCOMPARE(request("POST", p + QLatin1Char('/') + busy + QStringLiteral("/interrupt"), {}, {},
                 true, &sim)
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(held, &sim) == QLatin1String("waiting"), 10000);
    QVERIFY(!request("GET", p + QLatin1Char('/') + held, {}, {}, true, &sim)
                 .object()
                 .value(QStringLiteral("queued_for_capacity"))
                 .toBool());
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(busy, &sim) == QLatin1String("waiting"), 10000);

    // Warnings on the chat and on the send response (§20.12).
    QCOMPARE(request("POST", QStringLiteral("/__sim/chats/") + held + QStringLiteral("/warnings"),
                 R"({"warnings": ["Workspace reports-dev stops in 2 hours."]})", {}, true, &sim)
                 .status,
        200);
    QCOMPARE(request("GET", p + QLatin1Char('/') + held, {}, {}, true, &sim)
                 .object()
                 .value(QStringLiteral("warnings"))
                 .toArray()
                 .size(),
        1);
    // Interrupting requires_action (§20.4.4): cancellations, then *running*; the turn goes on.
    const Reply sent = request("POST", p + QLatin1Char('/') + held + QStringLiteral("/messages"),
        textBody(QStringLiteral("/scenario ask now")), {}, true, &sim);
    QCOMPARE(sent.object().value(QStringLiteral("warnings")).toArray().first().toString(),
        QStringLiteral("Workspace reports-dev stops in 2 hours."));
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(held, &sim) == QLatin1String("requires_action"), 10000);
    const QJsonObject interrupted = request(
        "POST", p + QLatin1Char('/') + held + QStringLiteral("/interrupt"), {}, {}, true, &sim)
                                        .object();
    QCOMPARE(interrupted.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(held, &sim) == QLatin1String("waiting"), 10000);
    const QJsonArray messages = allMessages(held, &sim);
    QVERIFY(hasErrorPart(messages));
    // The model continued after the cancellation: the scenario's last text was committed.
    QVERIFY(jsonAt(messages.last(), u"content/0/text")
                .toString()
                .startsWith(u"Thanks, the editor result arrived"));
}

void TestSimulator::requiresAction_deadline_cancelsPendingCalls_data()
{
    QTest::addColumn<QString>("generation");
    QTest::addColumn<bool>("continues");
    QTest::newRow("legacy") << QStringLiteral("legacy") << false;
    QTest::newRow("newest") << QStringLiteral("newest") << true;
}

void TestSimulator::requiresAction_deadline_cancelsPendingCalls()
{
    QFETCH(QString, generation);
    QFETCH(bool, continues);
    Sim sim;
    QVERIFY(sim.start({QStringLiteral("--generation"), generation,
        QStringLiteral("--delta-interval-ms"), QStringLiteral("2"),
        QStringLiteral("--requires-action-timeout-ms"), QStringLiteral("300")}));
    sim.chatsPrefix = prefixFor(generation);
    const QString id = createIdleChat(QStringLiteral("ask"), &sim);
    QVERIFY(!id.isEmpty()); // the deadline ended requires_action without any results
    const QJsonArray messages = allMessages(id, &sim);
    QVERIFY(hasErrorPart(messages));
    // Newest: the model went on after the cancellation (§20.4.4); the seed era stopped.
    const QString last = jsonAt(messages.last(), u"content/0/text").toString();
    QCOMPARE(last.startsWith(u"Thanks, the editor result arrived"), continues);
}

void TestSimulator::control_deleteChat_publishesDeletedWithoutArchived()
{
    Sim sim;
    QVERIFY(sim.start(
        {QStringLiteral("--demo"), QStringLiteral("--generation"), QStringLiteral("newest")}));
    const QString p = prefixFor(QStringLiteral("newest"));
    SocketLog watch;
    QVERIFY(watch.open(sim.url(p + QStringLiteral("/watch"), "ws")));
    SocketLog stream;
    QVERIFY(stream.open(sim.url(p + QLatin1Char('/') + csvChat + QStringLiteral("/stream"), "ws")));
    QCOMPARE(request("POST", QStringLiteral("/__sim/chats/") + csvChat + QStringLiteral("/delete"),
                 {}, {}, true, &sim)
                 .status,
        204);
    QTRY_COMPARE(watch.ofKind(QStringLiteral("deleted")).size(), 3); // root and two children
    for (const QJsonObject &e : watch.ofKind(QStringLiteral("deleted")))
        QVERIFY(
            !e.value(QStringLiteral("chat")).toObject().value(QStringLiteral("archived")).toBool());
    QTRY_VERIFY(stream.closed);
    QCOMPARE(request("GET", p + QLatin1Char('/') + csvChat, {}, {}, true, &sim).status, 404);
    QVERIFY(!ids(request("GET", p, {}, {}, true, &sim).array()).contains(csvChat));
}

void TestSimulator::generation_compactAndClear()
{
    Sim sim;
    QVERIFY(sim.start({QStringLiteral("--generation"), QStringLiteral("newest"),
        QStringLiteral("--delta-interval-ms"), QStringLiteral("2")}));
    sim.chatsPrefix = prefixFor(QStringLiteral("newest"));
    const QString id = createIdleChat(QStringLiteral("quick"), &sim);
    QVERIFY(!id.isEmpty());
    const QString chatPath = sim.chatsPrefix + QLatin1Char('/') + id;
    auto toolNames = [&] {
        QStringList names;
        for (const QJsonValue &m : allMessages(id, &sim)) {
            for (const QJsonValue &p : m.toObject().value(QStringLiteral("content")).toArray())
                names.append(p.toObject().value(QStringLiteral("tool_name")).toString());
        }
        return names;
    };
    Reply r = request("POST", chatPath + QStringLiteral("/clear"), {}, {}, true, &sim);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
    QCOMPARE(toolNames().count(QStringLiteral("chat_cleared")), 2); // call and result
    r = request("POST", chatPath + QStringLiteral("/clear"), {}, {}, true, &sim);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Nothing to clear."));
    QCOMPARE(request("POST", chatPath + QStringLiteral("/messages"),
                 textBody(QStringLiteral("/scenario long more")), {}, true, &sim)
                 .status,
        200);
    r = request("POST", chatPath + QStringLiteral("/compact"), {}, {}, true, &sim);
    QCOMPARE(r.status, 409); // generating
    QCOMPARE(
        request("POST", chatPath + QStringLiteral("/interrupt"), {}, {}, true, &sim).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(id, &sim) == QLatin1String("waiting"), 10000);
    r = request("POST", chatPath + QStringLiteral("/compact"), {}, {}, true, &sim);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QTRY_VERIFY_WITH_TIMEOUT(chatStatus(id, &sim) == QLatin1String("waiting"), 10000);
    QCOMPARE(toolNames().count(QStringLiteral("chat_summarized")), 2);
    QCOMPARE(request("POST", chatPath + QStringLiteral("/compact"), {}, {}, true, &sim)
                 .object()
                 .value(QStringLiteral("message"))
                 .toString(),
        QStringLiteral("Nothing to compact."));
    // The seed era has neither route.
    Sim legacy;
    QVERIFY(legacy.start({}));
    QCOMPARE(request("POST",
                 prefix + QLatin1Char('/') + createIdleChat(QStringLiteral("quick"), &legacy)
                     + QStringLiteral("/clear"),
                 {}, {}, true, &legacy)
                 .status,
        404);
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "TestSimulator.moc"
