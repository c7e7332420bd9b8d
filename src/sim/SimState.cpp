#include "SimState.h"

#include "SimKeys.h"
#include "SimLogging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace AgentDeskSim {

namespace {

QJsonObject workspace(const char *id, const char *name, const char *status)
{
    return {{QStringLiteral("id"), QLatin1String(id)},
        {QStringLiteral("name"), QLatin1String(name)},
        {QStringLiteral("owner_name"), QStringLiteral("alice")},
        {QStringLiteral("organization_id"), QLatin1String(SimState::orgId)},
        {QStringLiteral("template_name"), QStringLiteral("docker")},
        {QStringLiteral("latest_build"),
            QJsonObject{{QStringLiteral("status"), QLatin1String(status)},
                {QStringLiteral("transition"), QStringLiteral("start")}}}};
}

} // namespace

SimState::SimState(quint32 seed, SimOptions *options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_faults(&options->faults)
    , m_random(seed)
{
    QFile models(QStringLiteral(":/agentdesk-sim/data/models.json"));
    if (models.open(QIODevice::ReadOnly))
        m_models = QJsonDocument::fromJson(models.readAll()).object();
    else
        qCWarning(lcSim) << "built-in models.json missing";
}

QJsonArray SimState::users() const
{
    auto minimal = [](const char *id, const char *username, const char *name) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
            {QStringLiteral("username"), QLatin1String(username)},
            {QStringLiteral("name"), QLatin1String(name)},
            {QStringLiteral("avatar_url"), QString()}};
    };
    return {minimal(userId, "alice", "Alice Nguyen"), minimal(bobId, "bob", "Bob Okafor"),
        minimal(carolId, "carol", "Carol Diaz")};
}

QJsonObject SimState::user(const QString &id) const
{
    for (const QJsonValue &u : users()) {
        if (u.toObject().value(QStringLiteral("id")).toString() == id.toLower())
            return u.toObject();
    }
    return {};
}

QJsonArray SimState::groups() const
{
    return {QJsonObject{{QStringLiteral("id"), QLatin1String(devsGroupId)},
        {QStringLiteral("name"), QStringLiteral("devs")},
        {QStringLiteral("display_name"), QStringLiteral("Developers")},
        {QStringLiteral("organization_id"), QLatin1String(orgId)},
        {QStringLiteral("avatar_url"), QString()}, {QStringLiteral("quota_allowance"), 0},
        {QStringLiteral("source"), QStringLiteral("user")},
        {QStringLiteral("members"),
            QJsonArray{user(QLatin1String(userId)), user(QLatin1String(bobId))}},
        {QStringLiteral("total_member_count"), 2}}};
}

SimAccess SimState::access(const SimChat &chat) const
{
    if (chat.ownerId == QLatin1String(userId))
        return SimAccess::Owner;
    if (m_options->admin)
        return SimAccess::Admin;
    return isSharedWith(chat) ? SimAccess::Viewer : SimAccess::None;
}

bool SimState::isSharedWith(const SimChat &chat) const
{
    const auto rootIt = m_chats.constFind(chat.rootId.isEmpty() ? chat.id : chat.rootId);
    const SimChat &root = rootIt == m_chats.cend() ? chat : *rootIt;
    return root.aclUsers.value(QLatin1String(userId)).toString() == QLatin1String("read")
        || root.aclGroups.value(QLatin1String(devsGroupId)).toString()
        == QLatin1String("read"); // alice is in "devs"
}

bool SimState::isShared(const SimChat &chat) const
{
    const auto root = m_chats.constFind(chat.rootId.isEmpty() ? chat.id : chat.rootId);
    const SimChat &r = root == m_chats.cend() ? chat : *root;
    return !r.aclUsers.isEmpty() || !r.aclGroups.isEmpty();
}

QJsonObject SimState::contextJson(const SimChat &chat, bool withResources) const
{
    QJsonObject context{{QStringLiteral("dirty"), chat.contextDirty}};
    if (chat.contextDirty && chat.contextDirtySince.isValid())
        context.insert(QStringLiteral("dirty_since"), timestamp(chat.contextDirtySince));
    if (!withResources)
        return context;
    auto resource = [](const QString &source, const char *kind, qint64 size, const char *status) {
        return QJsonObject{{QStringLiteral("source"), source},
            {QStringLiteral("kind"), QLatin1String(kind)}, {QStringLiteral("size_bytes"), size},
            {QStringLiteral("status"), QLatin1String(status)}};
    };
    QJsonObject skill = resource(
        QStringLiteral("/home/coder/reports/.agents/skills/csv-export"), "skill", 1180, "ok");
    skill.insert(QStringLiteral("skill_name"), QStringLiteral("csv-export"));
    skill.insert(QStringLiteral("skill_description"),
        QStringLiteral("Export tables as RFC 4180 CSV with a header row."));
    QJsonObject mcp = resource(QStringLiteral("github"), "mcp_server", 0, "ok");
    mcp.insert(QStringLiteral("tools"),
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("search_issues")},
                       {QStringLiteral("description"), QStringLiteral("Search GitHub issues.")}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("create_pull_request")}}});
    QJsonObject oversize = resource(QStringLiteral("/home/coder/reports/docs/AGENTS.md"),
        "instruction_file", 70 * 1024, "oversize");
    oversize.insert(QStringLiteral("error"), QStringLiteral("file exceeds 64 KiB"));
    QJsonArray resources{resource(QStringLiteral("/home/coder/reports/AGENTS.md"),
                             "instruction_file", 2048 + chat.contextRevision * 120, "ok"),
        skill, mcp, oversize,
        resource(QStringLiteral("/home/coder/reports/.mcp.json"), "mcp_config", 412, "ok")};
    if (chat.contextRevision > 0) {
        QJsonObject added = resource(
            QStringLiteral("/home/coder/reports/.agents/skills/release-notes"), "skill", 940, "ok");
        added.insert(QStringLiteral("skill_name"), QStringLiteral("release-notes"));
        resources.append(added);
    }
    context.insert(QStringLiteral("resources"), resources);
    return context;
}

QString SimState::newUuid()
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 16; ++i)
        bytes[i] = char(m_random.bounded(256));
    bytes[6] = char((bytes.at(6) & 0x0f) | 0x40);
    bytes[8] = char((bytes.at(8) & 0x3f) | 0x80);
    const QByteArray hex = bytes.toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-'
        + hex.mid(16, 4) + '-' + hex.mid(20));
}

QString SimState::timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool SimState::isUuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(text).hasMatch();
}

bool SimState::isActive(const QString &status)
{
    return status == QLatin1String("running") || status == QLatin1String("interrupting")
        || status == QLatin1String("pending");
}

SimChat *SimState::chat(const QString &id)
{
    const auto it = m_chats.find(id.toLower());
    return it == m_chats.end() ? nullptr : &it.value();
}

SimChat &SimState::insertChat(SimChat chat)
{
    if (chat.rootId.isEmpty())
        chat.rootId = chat.parentId.isEmpty() ? chat.id : chat.parentId;
    const QString id = chat.id;
    for (const SimMessage &m : std::as_const(chat.messages))
        setLastMessageId(m.id);
    auto it = m_chats.insert(id, std::move(chat));
    if (!it->parentId.isEmpty()) {
        if (SimChat *parent = this->chat(it->parentId)) {
            if (!parent->childIds.contains(id))
                parent->childIds.append(id);
        }
    }
    return it.value();
}

void SimState::removeChat(const QString &id)
{
    const auto it = m_chats.find(id.toLower());
    if (it == m_chats.end())
        return;
    if (SimChat *parent = chat(it->parentId))
        parent->childIds.removeAll(it->id);
    m_chats.erase(it);
}

SimFile *SimState::file(const QString &id)
{
    const auto it = m_files.find(id.toLower());
    return it == m_files.end() ? nullptr : &it.value();
}

SimFile &SimState::insertFile(SimFile file)
{
    const QString id = file.id;
    return m_files.insert(id, std::move(file)).value();
}

QJsonArray SimState::workspaces() const
{
    return {workspace(defaultWorkspaceId, "reports-dev", "running"),
        workspace("0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a", "webapp-dev", "running"),
        workspace("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "billing-dev", "stopped")};
}

bool SimState::isWorkspace(const QString &id) const
{
    const QJsonArray list = workspaces();
    return std::any_of(list.begin(), list.end(), [&](const QJsonValue &w) {
        return w.toObject().value(QStringLiteral("id")).toString() == id.toLower();
    });
}

bool SimState::isModel(const QString &id) const
{
    const QJsonArray models = modelsResponse().value(QStringLiteral("models")).toArray();
    return std::any_of(models.begin(), models.end(), [&](const QJsonValue &m) {
        return m.toObject().value(QStringLiteral("id")).toString() == id.toLower();
    });
}

QJsonObject SimState::modelsResponse() const
{
    if (!modern())
        return m_models;
    // §20.8: model_config.reasoning_effort {default, max}, and a model whose provider needs a
    // personal key (not selectable: provider unavailable).
    QJsonObject response = m_models;
    QJsonArray models;
    for (const QJsonValue &value : m_models.value(QStringLiteral("models")).toArray()) {
        QJsonObject model = value.toObject();
        const QJsonArray efforts = model.value(QStringLiteral("reasoning_efforts")).toArray();
        if (!efforts.isEmpty()) {
            QJsonObject config = model.value(QStringLiteral("model_config")).toObject();
            config.insert(QStringLiteral("reasoning_effort"),
                QJsonObject{
                    {QStringLiteral("default"),
                        efforts.contains(QStringLiteral("medium")) ? QStringLiteral("medium")
                                                                   : efforts.first().toString()},
                    {QStringLiteral("max"), efforts.last().toString()}});
            model.insert(QStringLiteral("model_config"), config);
        }
        models.append(model);
    }
    models.append(QJsonObject{
        {QStringLiteral("id"), QStringLiteral("a1b2c3d4-0004-4e5f-ba9b-0c1d2e3f4a5e")},
        {QStringLiteral("organization_id"), QLatin1String(orgId)},
        {QStringLiteral("ai_provider_id"), QStringLiteral("b7c8d9e0-3333-4a2b-ac3d-4e5f6a7b8c9f")},
        {QStringLiteral("model"), QStringLiteral("gemini-2.5-pro")},
        {QStringLiteral("display_name"), QStringLiteral("Gemini 2.5 Pro")},
        {QStringLiteral("enabled"), true}, {QStringLiteral("is_default"), false},
        {QStringLiteral("context_limit"), 1000000}, {QStringLiteral("compression_threshold"), 30},
        {QStringLiteral("reasoning_efforts"),
            QJsonArray{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")}},
        {QStringLiteral("created_at"), QStringLiteral("2026-05-20T08:00:00Z")},
        {QStringLiteral("updated_at"), QStringLiteral("2026-05-20T08:00:00Z")}});
    response.insert(QStringLiteral("models"), models);
    return response;
}

QString SimState::diffText(const SimChat &chat) const
{
    QString text = chat.baseDiff;
    for (const SimDiffFile &f : chat.diffFiles) {
        const QByteArray hash =
            QCryptographicHash::hash(f.path.toUtf8(), QCryptographicHash::Sha1).toHex().left(7);
        text += QStringLiteral("diff --git a/%1 b/%1\n").arg(f.path);
        if (f.isNew) {
            text +=
                QStringLiteral("new file mode 100644\nindex 0000000..%1\n--- /dev/null\n+++ b/%2\n")
                    .arg(QString::fromLatin1(hash), f.path);
            text += QStringLiteral("@@ -0,0 +1,%1 @@\n").arg(f.added.size());
        } else {
            text += QStringLiteral("index 1f2e3d4..%1 100644\n--- a/%2\n+++ b/%2\n")
                        .arg(QString::fromLatin1(hash), f.path);
            text +=
                QStringLiteral("@@ -1,%1 +1,%2 @@\n").arg(f.removed + 1).arg(f.added.size() + 1);
            text += QStringLiteral(" // %1\n").arg(f.path);
            for (int i = 0; i < f.removed; ++i)
                text += QStringLiteral("-legacy line %1\n").arg(i + 1);
        }
        for (const QString &line : f.added)
            text += QLatin1Char('+') + line + QLatin1Char('\n');
    }
    return text;
}

QJsonObject SimState::diffStatusJson(const SimChat &chat) const
{
    const QString text = diffText(chat);
    if (text.isEmpty() && chat.prStatus.isEmpty())
        return {};
    int additions = 0;
    int deletions = 0;
    int files = 0;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("diff --git")))
            ++files;
        else if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---")))
            continue;
        else if (line.startsWith(QLatin1Char('+')))
            ++additions;
        else if (line.startsWith(QLatin1Char('-')))
            ++deletions;
    }
    QJsonObject status = chat.prStatus;
    status.insert(kChatId, chat.id);
    if (!status.contains(QStringLiteral("pull_request_title")))
        status.insert(QStringLiteral("pull_request_title"), QString());
    if (!status.contains(QStringLiteral("pull_request_draft")))
        status.insert(QStringLiteral("pull_request_draft"), false);
    if (!status.contains(QStringLiteral("changes_requested")))
        status.insert(QStringLiteral("changes_requested"), false);
    if (!chat.branch.isEmpty() && !status.contains(QStringLiteral("head_branch")))
        status.insert(QStringLiteral("head_branch"), chat.branch);
    if (!text.isEmpty() || !status.contains(QStringLiteral("additions"))) {
        status.insert(QStringLiteral("additions"), additions);
        status.insert(QStringLiteral("deletions"), deletions);
        status.insert(QStringLiteral("changed_files"), files);
    }
    status.insert(QStringLiteral("refreshed_at"), timestamp(chat.updatedAt));
    return status;
}

QJsonObject SimState::errorJson(const SimChat &chat) const
{
    QJsonObject error = chat.lastError;
    if (!error.contains(QStringLiteral("message")))
        error.insert(
            QStringLiteral("message"), QStringLiteral("The chat request failed unexpectedly."));
    if (!error.contains(QStringLiteral("kind")))
        error.insert(QStringLiteral("kind"), QStringLiteral("generic"));
    if (!error.contains(QStringLiteral("retryable")))
        error.insert(QStringLiteral("retryable"), false);
    return error;
}

QJsonObject SimState::chatJson(const SimChat &chat, bool detail, bool archivedChildren) const
{
    const bool withFiles = detail;
    const QJsonObject owner = user(chat.ownerId);
    QJsonObject o{
        {QStringLiteral("id"), chat.id},
        {QStringLiteral("organization_id"), chat.organizationId},
        {QStringLiteral("owner_id"), chat.ownerId},
        {QStringLiteral("owner_username"),
            owner.value(QStringLiteral("username")).toString(QStringLiteral("alice"))},
        {QStringLiteral("owner_name"),
            owner.value(QStringLiteral("name")).toString(QStringLiteral("Alice Nguyen"))},
        {QStringLiteral("root_chat_id"), chat.rootId},
        {QStringLiteral("last_model_config_id"), chat.modelConfigId},
        {QStringLiteral("title"), chat.title},
        {QStringLiteral("status"), chat.status},
        {QStringLiteral("last_turn_summary"),
            chat.lastTurnSummary.isEmpty() ? QJsonValue() : QJsonValue(chat.lastTurnSummary)},
        {QStringLiteral("created_at"), timestamp(chat.createdAt)},
        {QStringLiteral("updated_at"), timestamp(chat.updatedAt)},
        {QStringLiteral("archived"), chat.archived},
        {QStringLiteral("shared"), isShared(chat)},
        {QStringLiteral("pin_order"), chat.pinOrder},
        {QStringLiteral("mcp_server_ids"), chat.mcpServerIds},
        {QStringLiteral("labels"), chat.labels},
        {QStringLiteral("has_unread"), chat.hasUnread},
        {QStringLiteral("client_type"), chat.clientType},
    };
    // Fields the server leaves out when they are empty.
    static constexpr std::pair<const char *, QString SimChat::*> optionalFields[] = {
        {"workspace_id", &SimChat::workspaceId},
        {"build_id", &SimChat::buildId},
        {"agent_id", &SimChat::agentId},
        {"parent_chat_id", &SimChat::parentId},
        {"last_reasoning_effort", &SimChat::reasoningEffort},
        {"mode", &SimChat::mode},
        {"plan_mode", &SimChat::planMode},
    };
    for (const auto &[key, member] : optionalFields) {
        if (!(chat.*member).isEmpty())
            o.insert(QLatin1String(key), chat.*member);
    }
    if (chat.status == QLatin1String("error"))
        o.insert(QStringLiteral("last_error"), errorJson(chat));
    const QJsonObject diffStatus = diffStatusJson(chat);
    if (!diffStatus.isEmpty())
        o.insert(QStringLiteral("diff_status"), diffStatus);
    QJsonArray children;
    for (const QString &childId : chat.childIds) {
        const auto it = m_chats.constFind(childId);
        if (it == m_chats.cend() || it->archived != (archivedChildren || chat.archived))
            continue;
        children.append(chatJson(*it, false));
    }
    o.insert(QStringLiteral("children"), children);
    if (withFiles) {
        QJsonArray files;
        for (const QString &fileId : chat.fileIds) {
            const auto it = m_files.constFind(fileId);
            if (it == m_files.cend())
                continue;
            files.append(QJsonObject{{QStringLiteral("id"), it->id},
                {QStringLiteral("owner_id"), it->ownerId},
                {QStringLiteral("organization_id"), it->organizationId},
                {QStringLiteral("name"), it->name}, {QStringLiteral("mime_type"), it->mimeType},
                {QStringLiteral("size_bytes"), qint64(it->data.size())},
                {QStringLiteral("created_at"), timestamp(it->createdAt)}});
        }
        o.insert(QStringLiteral("files"), files);
    }
    if (modern()) {
        o.insert(QStringLiteral("summary"),
            chat.summary.isEmpty() ? QJsonValue() : QJsonValue(chat.summary));
        if (chat.hasContext)
            o.insert(QStringLiteral("context"), contextJson(chat, detail));
        // Only the single GET knows; lists report false (§20.12).
        o.insert(QStringLiteral("queued_for_capacity"), detail && chat.queuedForCapacity);
        if (!chat.warnings.isEmpty())
            o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(chat.warnings));
    }
    if (m_faults->unknownEvents)
        o.insert(QStringLiteral("x_sim_future_field"),
            QJsonObject{{QStringLiteral("nested"), true}, {QStringLiteral("level"), 3}});
    return o;
}

QJsonObject SimState::messageJson(const SimMessage &message) const
{
    QJsonObject o{{QStringLiteral("id"), message.id}, {kChatId, message.chatId},
        {QStringLiteral("created_at"), timestamp(message.createdAt)},
        {QStringLiteral("role"), message.role}, {QStringLiteral("content"), message.content}};
    if (!message.createdBy.isEmpty())
        o.insert(QStringLiteral("created_by"), message.createdBy);
    if (!message.modelConfigId.isEmpty())
        o.insert(QStringLiteral("model_config_id"), message.modelConfigId);
    if (!message.usage.isEmpty())
        o.insert(QStringLiteral("usage"), message.usage);
    if (message.queuedMessageId > 0)
        o.insert(QStringLiteral("queued_message_id"), message.queuedMessageId);
    if (m_faults->unknownEvents)
        o.insert(QStringLiteral("x_sim_revision"), 1);
    return o;
}

QJsonObject SimState::queuedJson(const SimQueuedMessage &message) const
{
    QJsonObject o{{QStringLiteral("id"), message.id}, {kChatId, message.chatId},
        {QStringLiteral("content"), message.content},
        {QStringLiteral("created_at"), timestamp(message.createdAt)}};
    if (!message.modelConfigId.isEmpty())
        o.insert(QStringLiteral("model_config_id"), message.modelConfigId);
    return o;
}

QJsonArray SimState::queueJson(const SimChat &chat) const
{
    QJsonArray queue;
    for (const SimQueuedMessage &q : chat.queue)
        queue.append(queuedJson(q));
    return queue;
}

QList<const SimChat *> SimState::sortedRoots() const
{
    QList<const SimChat *> roots;
    roots.reserve(m_chats.size());
    for (const SimChat &c : m_chats) {
        if (c.parentId.isEmpty())
            roots.append(&c);
    }
    std::sort(roots.begin(), roots.end(), [](const SimChat *a, const SimChat *b) {
        const bool pa = a->pinOrder > 0;
        const bool pb = b->pinOrder > 0;
        if (pa != pb)
            return pa;
        if (pa && a->pinOrder != b->pinOrder)
            return a->pinOrder < b->pinOrder;
        if (a->updatedAt != b->updatedAt)
            return a->updatedAt > b->updatedAt;
        return a->id < b->id;
    });
    return roots;
}

qint64 SimState::messageCount() const
{
    qint64 count = 0;
    for (const SimChat &c : m_chats)
        count += c.messages.size();
    return count;
}

SimMessage SimState::appendMessageQuiet(const QString &chatId, const QString &role,
    const QJsonArray &content, const QDateTime &createdAt)
{
    SimChat *c = chat(chatId);
    SimMessage m;
    m.id = ++m_lastMessageId;
    m.chatId = chatId;
    m.role = role;
    m.content = content;
    m.createdAt = createdAt;
    if (role == QLatin1String("user"))
        m.createdBy = QLatin1String(userId);
    if (role == QLatin1String("user") || role == QLatin1String("assistant"))
        m.modelConfigId = c ? c->modelConfigId : QString();
    if (c)
        c->messages.append(m);
    return m;
}

SimMessage &SimState::appendMessage(const QString &chatId, const QString &role,
    const QJsonArray &content, const QJsonObject &usage, qint64 queuedMessageId)
{
    SimChat *c = chat(chatId);
    Q_ASSERT(c);
    SimMessage m = appendMessageQuiet(chatId, role, content, QDateTime::currentDateTimeUtc());
    SimMessage &stored = c->messages.last();
    stored.usage = usage;
    stored.queuedMessageId = queuedMessageId;
    for (const QJsonValue &part : content) {
        const QString fileId = part.toObject().value(QStringLiteral("file_id")).toString();
        if (!fileId.isEmpty() && !c->fileIds.contains(fileId))
            c->fileIds.append(fileId);
    }
    touch(chatId);
    publishStream(chatId,
        {{kType, QStringLiteral("message")}, {kChatId, chatId},
            {QStringLiteral("message"), messageJson(stored)}});
    return stored;
}

void SimState::setStatus(const QString &chatId, const QString &status)
{
    SimChat *c = chat(chatId);
    if (!c || c->status == status)
        return;
    c->status = status;
    if (status != QLatin1String("error"))
        c->lastError = {};
    if (status != QLatin1String("requires_action"))
        c->pendingToolCalls = {};
    touch(chatId);
    const QJsonObject event{{kType, QStringLiteral("status")}, {kChatId, chatId},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("status"), status}}}};
    publishStream(chatId, event);
    if (m_faults && m_faults->legacyChildStatus && !c->parentId.isEmpty())
        publishStream(c->parentId, event); // older builds: the child's status on the parent's
    publishWatch(QStringLiteral("status_change"), chatId);
}

void SimState::publishPart(const QString &chatId, const QString &role, const QJsonObject &part)
{
    SimChat *c = chat(chatId);
    if (!c)
        return;
    const QJsonObject event{{kType, QStringLiteral("message_part")}, {kChatId, chatId},
        {QStringLiteral("message_part"),
            QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("part"), part},
                {QStringLiteral("history_version"), c->historyVersion},
                {QStringLiteral("generation_attempt"), c->generationAttempt},
                {QStringLiteral("seq"), ++c->seq}}}};
    c->previewEvents.append(event);
    publishStream(chatId, event);
}

void SimState::clearPreview(const QString &chatId)
{
    if (SimChat *c = chat(chatId))
        c->previewEvents.clear();
}

void SimState::beginNewAttempt(const QString &chatId)
{
    SimChat *c = chat(chatId);
    if (!c)
        return;
    ++c->generationAttempt;
    c->seq = 0;
    c->previewEvents.clear();
    c->pendingRetry = {};
    publishStream(chatId, {{kType, QStringLiteral("preview_reset")}, {kChatId, chatId}});
}

void SimState::publishQueue(const QString &chatId)
{
    SimChat *c = chat(chatId);
    if (!c)
        return;
    c->queueEverChanged = true;
    publishStream(chatId,
        {{kType, QStringLiteral("queue_update")}, {kChatId, chatId},
            {QStringLiteral("queued_messages"), queueJson(*c)}});
}

void SimState::publishStream(const QString &chatId, const QJsonObject &event)
{
    emit streamEventPublished(chatId, event);
}

void SimState::publishWatch(const QString &kind, const QString &chatId, const QJsonArray &toolCalls)
{
    const SimChat *c = chat(chatId);
    if (!c || c->ownerId != QLatin1String(userId))
        return; // chatd publishes to the owner's channel only (§20.3.6)
    // As chatd's chatWatchEventSDKChat builds it: no `files`, and the cached PR state
    // (`diff_status`) only on diff_status_change; a client must not read "absent" as "no PR".
    QJsonObject chat = chatJson(*c, false);
    if (kind != QLatin1String("diff_status_change"))
        chat.remove(QStringLiteral("diff_status"));
    QJsonObject event{{QStringLiteral("kind"), kind}, {QStringLiteral("chat"), chat}};
    if (!toolCalls.isEmpty())
        event.insert(QStringLiteral("tool_calls"), toolCalls);
    emit watchEventPublished(event);
}

void SimState::touch(const QString &chatId)
{
    SimChat *c = chat(chatId);
    if (!c)
        return;
    // Keep updated_at strictly increasing so list order is stable under fast benchmarks.
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (c->updatedAt.isValid() && now <= c->updatedAt)
        now = c->updatedAt.addMSecs(1);
    c->updatedAt = now;
}

void SimState::addDiff(const QString &chatId, const QString &path, int addLines, int removeLines)
{
    SimChat *c = chat(chatId);
    if (!c)
        return;
    auto it = std::find_if(c->diffFiles.begin(), c->diffFiles.end(),
        [&](const SimDiffFile &f) { return f.path == path; });
    if (it == c->diffFiles.end()) {
        SimDiffFile file;
        file.path = path;
        file.isNew = removeLines <= 0;
        c->diffFiles.append(file);
        it = std::prev(c->diffFiles.end());
    }
    it->removed += qMax(0, removeLines);
    for (int i = 0; i < addLines; ++i) {
        it->added.append(QStringLiteral("export const step%1 = %2; // added by the agent")
                             .arg(it->added.size() + 1)
                             .arg(m_random.bounded(1000)));
    }
    if (c->branch.isEmpty())
        c->branch = QStringLiteral("agent/sim-") + c->id.left(8);
    if (c->remoteOrigin.isEmpty())
        c->remoteOrigin = QStringLiteral("https://github.com/acme/reports.git");
    touch(chatId);
    publishWatch(QStringLiteral("diff_status_change"), chatId);
    emit diffChanged(chatId);
}

void SimState::unpin(const QString &chatId, QStringList *changed)
{
    SimChat *target = chat(chatId);
    if (!target || target->pinOrder == 0)
        return;
    const int old = target->pinOrder;
    target->pinOrder = 0;
    changed->append(chatId);
    for (SimChat &c : m_chats) {
        if (c.pinOrder > old) {
            --c.pinOrder;
            changed->append(c.id);
        }
    }
}

QString SimState::setPinOrder(const QString &chatId, int order, QStringList *changed)
{
    SimChat *target = chat(chatId);
    if (!target)
        return QStringLiteral("Chat not found.");
    if (order < 0)
        return QStringLiteral("pin_order must be greater than or equal to 0.");
    if (order == 0) {
        unpin(chatId, changed);
        return {};
    }
    if (target->archived)
        return QStringLiteral("Cannot pin an archived chat.");
    if (!target->parentId.isEmpty())
        return QStringLiteral("Cannot pin a sub-agent chat.");
    int pinned = 0;
    for (const SimChat &c : std::as_const(m_chats))
        pinned += c.pinOrder > 0 ? 1 : 0;
    if (target->pinOrder == 0) {
        target->pinOrder = pinned + 1; // a new pin always goes to the end
        changed->append(chatId);
        return {};
    }
    const int from = target->pinOrder;
    const int to = qBound(1, order, pinned);
    if (from == to)
        return {};
    for (SimChat &c : m_chats) {
        if (c.id == chatId || c.pinOrder == 0)
            continue;
        if (from < to && c.pinOrder > from && c.pinOrder <= to) {
            --c.pinOrder;
            changed->append(c.id);
        } else if (to < from && c.pinOrder >= to && c.pinOrder < from) {
            ++c.pinOrder;
            changed->append(c.id);
        }
    }
    target->pinOrder = to;
    changed->append(chatId);
    return {};
}

} // namespace AgentDeskSim
