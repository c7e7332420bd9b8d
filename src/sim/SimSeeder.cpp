#include "SimSeeder.h"

#include "SimKeys.h"
#include "SimState.h"

#include <QFile>
#include <QJsonDocument>

#include <utility>

namespace AgentDeskSim {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime::currentDateTimeUtc();
}

//! The text fields of a demo chat, read as they are.
constexpr std::pair<const char *, QString SimChat::*> chatTextFields[] = {
    {"id", &SimChat::id},
    {"organization_id", &SimChat::organizationId},
    {"owner_id", &SimChat::ownerId},
    {"workspace_id", &SimChat::workspaceId},
    {"build_id", &SimChat::buildId},
    {"agent_id", &SimChat::agentId},
    {"parent_chat_id", &SimChat::parentId},
    {"root_chat_id", &SimChat::rootId},
    {"last_model_config_id", &SimChat::modelConfigId},
    {"last_reasoning_effort", &SimChat::reasoningEffort},
    {"title", &SimChat::title},
    {"status", &SimChat::status},
    {"mode", &SimChat::mode},
    {"last_turn_summary", &SimChat::lastTurnSummary},
};

} // namespace

bool SimSeeder::seedDemo(SimState *state, QString *error)
{
    QFile file(QStringLiteral(":/agentdesk-sim/data/demo.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("built-in demo.json missing");
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject messages = root.value(QStringLiteral("messages")).toObject();
    const QJsonObject diffs = root.value(QStringLiteral("diffs")).toObject();
    // Parents first so children can register with them.
    QList<QJsonObject> ordered;
    for (const QJsonValue &v : root.value(QStringLiteral("chats")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("parent_chat_id")).toString().isEmpty())
            ordered.prepend(o);
        else
            ordered.append(o);
    }
    for (const QJsonObject &o : std::as_const(ordered)) {
        SimChat chat;
        for (const auto &[key, member] : chatTextFields)
            chat.*member = o.value(QLatin1String(key)).toString();
        chat.clientType = o.value(QStringLiteral("client_type")).toString(QStringLiteral("api"));
        chat.lastError = o.value(QStringLiteral("last_error")).toObject();
        chat.createdAt = parseTime(o.value(QStringLiteral("created_at")));
        chat.updatedAt = parseTime(o.value(QStringLiteral("updated_at")));
        chat.archived = o.value(QStringLiteral("archived")).toBool();
        chat.pinOrder = o.value(QStringLiteral("pin_order")).toInt();
        chat.labels = o.value(QStringLiteral("labels")).toObject();
        chat.hasUnread = o.value(QStringLiteral("has_unread")).toBool();
        chat.titleGenerated = true;
        chat.prStatus = o.value(QStringLiteral("diff_status")).toObject();
        chat.pullRequestUrl = chat.prStatus.value(QStringLiteral("url")).toString();
        chat.branch = chat.prStatus.value(QStringLiteral("head_branch")).toString();
        const QJsonObject diff = diffs.value(chat.id).toObject();
        chat.baseDiff = diff.value(QStringLiteral("diff")).toString();
        chat.remoteOrigin = diff.value(QStringLiteral("remote_origin")).toString();
        if (chat.remoteOrigin.isEmpty() && !chat.pullRequestUrl.isEmpty())
            chat.remoteOrigin =
                chat.pullRequestUrl.section(QLatin1Char('/'), 0, 4) + QStringLiteral(".git");
        for (const QJsonValue &mv : messages.value(chat.id).toArray()) {
            const QJsonObject m = mv.toObject();
            SimMessage message;
            message.id = m.value(QStringLiteral("id")).toInteger();
            message.chatId = chat.id;
            message.createdBy = m.value(QStringLiteral("created_by")).toString();
            message.modelConfigId = m.value(QStringLiteral("model_config_id")).toString();
            message.createdAt = parseTime(m.value(QStringLiteral("created_at")));
            message.role = m.value(QStringLiteral("role")).toString();
            message.content = m.value(QStringLiteral("content")).toArray();
            message.usage = m.value(QStringLiteral("usage")).toObject();
            for (const QJsonValue &part : std::as_const(message.content)) {
                const QString fileId = part.toObject().value(QStringLiteral("file_id")).toString();
                if (!fileId.isEmpty() && !chat.fileIds.contains(fileId))
                    chat.fileIds.append(fileId);
            }
            chat.messages.append(message);
        }
        chat.historyVersion = 3;
        state->insertChat(chat);
    }
    SimFile screenshot;
    screenshot.id = QStringLiteral("9bcf6c80-5dae-4f70-8b3c-1e8d7a6f5c4b");
    screenshot.ownerId = QLatin1String(SimState::userId);
    screenshot.organizationId = QLatin1String(SimState::orgId);
    screenshot.name = QStringLiteral("reports-page.png");
    screenshot.mimeType = QStringLiteral("image/png");
    screenshot.data = QByteArray::fromBase64(tinyPngBase64);
    screenshot.createdAt =
        QDateTime::fromString(QStringLiteral("2026-06-02T08:59:40Z"), Qt::ISODate);
    state->insertFile(screenshot);
    if (state->modern())
        seedModern(state);
    return true;
}

void SimSeeder::seedModern(SimState *state)
{
    // §20.5: chats bound to a workspace have pinned context; one of them has drifted.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const SimChat &c : state->chats()) {
        if (!c.workspaceId.isEmpty())
            state->chat(c.id)->hasContext = true;
    }
    if (SimChat *csv = state->chat(QStringLiteral("3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"))) {
        csv->contextDirty = true;
        csv->contextDirtySince = now.addSecs(-600);
        csv->summary = QStringLiteral("CSV export for the reports page: helper, tests, button.");
    }
    // §20.3: alice shares her pinned chat with carol; bob shares two chats with alice (one
    // directly, one through the "devs" group) and keeps one private (only an admin sees it).
    if (SimChat *flaky = state->chat(QStringLiteral("6e9c3f5d-2a7b-4c4d-9e0f-8b5a4d3c2f1e")))
        flaky->aclUsers.insert(QLatin1String(SimState::carolId), QStringLiteral("read"));
    struct Foreign
    {
        const char *id;
        const char *title;
        const char *prompt;
        const char *answer;
        bool directShare;
        bool groupShare;
    };
    const Foreign foreign[] = {
        {"9d4e2f1a-3b5c-4d6e-8f7a-1b2c3d4e5f60", "Migrate the billing cron to Temporal",
            "Move the nightly billing cron job to a Temporal workflow.",
            "I moved the job into `workflows/billing.go` and added a retry policy.", true, false},
        {"ae5f3a2b-4c6d-4e7f-9a8b-2c3d4e5f6a71", "Investigate the flaky deploy pipeline",
            "Why does the deploy pipeline fail every few runs?",
            "The cache step races with the build step; pinning the cache key fixes it.", false,
            true},
        {"bf6a4b3c-5d7e-4f8a-8b9c-3d4e5f6a7b82", "Spike: new pricing page",
            "Sketch a new pricing page with three tiers.",
            "Here is a first layout with Free, Team and Enterprise columns.", false, false},
    };
    int minutes = 90;
    for (const Foreign &f : foreign) {
        SimChat chat;
        chat.id = QLatin1String(f.id);
        chat.organizationId = QLatin1String(SimState::orgId);
        chat.ownerId = QLatin1String(SimState::bobId);
        chat.modelConfigId = QLatin1String(SimState::defaultModelId);
        chat.title = QLatin1String(f.title);
        chat.clientType = QStringLiteral("ui");
        chat.titleGenerated = true;
        chat.createdAt = now.addSecs(-60 * (minutes + 30));
        chat.updatedAt = now.addSecs(-60 * minutes);
        minutes += 45;
        chat.lastTurnSummary = QLatin1String(f.answer);
        if (f.directShare)
            chat.aclUsers.insert(QLatin1String(SimState::userId), QStringLiteral("read"));
        if (f.groupShare)
            chat.aclGroups.insert(QLatin1String(SimState::devsGroupId), QStringLiteral("read"));
        const QString id = state->insertChat(chat).id;
        SimMessage question = state->appendMessageQuiet(id, QStringLiteral("user"),
            {QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), QLatin1String(f.prompt)}}},
            chat.createdAt);
        state->chat(id)->messages.last().createdBy = QLatin1String(SimState::bobId);
        Q_UNUSED(question);
        state->appendMessageQuiet(id, QStringLiteral("assistant"),
            {QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), QLatin1String(f.answer)}}},
            chat.createdAt.addSecs(40));
    }
}

void SimSeeder::seedScale(SimState *state, int chats, int messages)
{
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-30);
    QString historyChat;
    for (int i = 0; i < chats; ++i) {
        SimChat chat;
        chat.id = state->newUuid();
        chat.organizationId = QLatin1String(SimState::orgId);
        chat.ownerId = QLatin1String(SimState::userId);
        chat.modelConfigId = QLatin1String(SimState::defaultModelId);
        chat.workspaceId = QLatin1String(SimState::defaultWorkspaceId);
        chat.title =
            i == 0 ? QStringLiteral("Seeded history") : QStringLiteral("Seeded chat #%1").arg(i);
        chat.clientType = QStringLiteral("ui");
        chat.titleGenerated = true;
        chat.createdAt = base.addSecs(i * 60);
        chat.updatedAt = chat.createdAt.addSecs(30);
        chat.labels = QJsonObject{{QStringLiteral("batch"), QStringLiteral("seed-%1").arg(i % 10)}};
        chat.lastTurnSummary = QStringLiteral("Seeded summary %1.").arg(i);
        const QString id = state->insertChat(chat).id;
        if (i == 0)
            historyChat = id;
    }
    if (historyChat.isEmpty() || messages <= 0)
        return;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-qint64(messages) * 10);
    for (int i = 0; i < messages; ++i) {
        const bool user = i % 2 == 0;
        const QString text = user
            ? QStringLiteral("Question %1: how does module %2 handle retries?")
                  .arg(i / 2 + 1)
                  .arg(i % 17)
            : QStringLiteral("Answer %1: module %2 retries **three times** with back-off.\n\n- "
                             "step one\n- step two\n\n`retry(%3)`")
                  .arg(i / 2 + 1)
                  .arg(i % 17)
                  .arg(i);
        state->appendMessageQuiet(historyChat,
            user ? QStringLiteral("user") : QStringLiteral("assistant"),
            {QJsonObject{
                {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}},
            start.addSecs(qint64(i) * 10));
    }
}

} // namespace AgentDeskSim
