#include "ScriptedAgent.h"
#include "SimKeys.h"
#include "SimRoutes.h"
#include "SimRoutesCommon.h"
#include "SimState.h"

#include <QSet>
#include <QUrl>

#include <algorithm>

// Chats: list, create, update, archive, titles, models, context, diff and prompts.

namespace AgentDeskSim {

using namespace routes;

namespace {

//! The filters of a chat list's q= (Coder's search grammar: key:value terms, §20.3.5).
struct ChatSearch
{
    bool archived = false;
    std::optional<bool> hasUnread;
    QStringList titles, prTitles, repos, searches, diffUrls;
    QSet<QString> prStatuses;
    QList<qint64> prNumbers;
    bool wantOwn = true; // without a source: term, only the caller's own chats (§20.3.5)
    bool wantShared = false;
};

//! Splits q into space-separated terms; values may be double-quoted.
QStringList searchTerms(const QString &q, QJsonArray *validations)
{
    QStringList terms;
    QString current;
    bool quoted = false;
    for (const QChar c : q) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            current += c;
        } else if (c.isSpace() && !quoted) {
            if (!current.isEmpty())
                terms.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        terms.append(current);
    if (quoted)
        validations->append(
            HttpResponse::validation(QStringLiteral("q"), QStringLiteral("unterminated quote")));
    return terms;
}

//! Adds one key:value term to \a search, or its validation error to \a validations.
void addSearchTerm(const QString &term, ChatSearch *search, QJsonArray *validations)
{
    int colons = 0;
    bool inQuote = false;
    for (const QChar c : term) {
        if (c == QLatin1Char('"'))
            inQuote = !inQuote;
        else if (c == QLatin1Char(':') && !inQuote)
            ++colons;
    }
    const qsizetype colon = term.indexOf(QLatin1Char(':'));
    if (colons == 0 || colon <= 0) {
        validations->append(HttpResponse::validation(QStringLiteral("q"),
            QStringLiteral("unsupported search term \"%1\": use key:value, e.g. title:%1")
                .arg(term)));
        return;
    }
    if (colons > 1) {
        validations->append(HttpResponse::validation(QStringLiteral("q"),
            QStringLiteral("can only contain 1 ':' unless the value is quoted: \"%1\"").arg(term)));
        return;
    }
    const QString key = term.left(colon).toLower();
    QString value = term.mid(colon + 1);
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        value = value.mid(1, value.size() - 2);
    auto boolValue = [&](bool *target) {
        if (value == QLatin1String("true"))
            *target = true;
        else if (value == QLatin1String("false"))
            *target = false;
        else
            validations->append(HttpResponse::validation(
                key, QStringLiteral("\"%1\" is not a valid boolean").arg(value)));
    };
    if (key == QLatin1String("title")) {
        search->titles.append(value);
    } else if (key == QLatin1String("archived")) {
        boolValue(&search->archived);
    } else if (key == QLatin1String("has_unread")) {
        bool b = false;
        boolValue(&b);
        search->hasUnread = b;
    } else if (key == QLatin1String("pr_status")) {
        for (const QString &v : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            static const QStringList allowed{QStringLiteral("draft"), QStringLiteral("open"),
                QStringLiteral("merged"), QStringLiteral("closed")};
            if (!allowed.contains(v.toLower()))
                validations->append(HttpResponse::validation(
                    key, QStringLiteral("\"%1\" is not a valid value").arg(v)));
            search->prStatuses.insert(v.toLower());
        }
    } else if (key == QLatin1String("pr")) {
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok || n <= 0)
            validations->append(HttpResponse::validation(
                key, QStringLiteral("\"%1\" is not a positive integer").arg(value)));
        search->prNumbers.append(n);
    } else if (key == QLatin1String("repo")) {
        search->repos.append(value);
    } else if (key == QLatin1String("pr_title")) {
        search->prTitles.append(value);
    } else if (key == QLatin1String("diff_url")) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            validations->append(HttpResponse::validation(
                key, QStringLiteral("\"%1\" is not a valid http(s) URL").arg(value)));
        search->diffUrls.append(value);
    } else if (key == QLatin1String("source")) {
        const QStringList values = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &v : values) {
            if (v != QLatin1String("created_by_me") && v != QLatin1String("shared_with_me"))
                validations->append(HttpResponse::validation(
                    key, QStringLiteral("\"%1\" is not a valid value").arg(v)));
        }
        search->wantOwn = values.contains(QStringLiteral("created_by_me"));
        search->wantShared = values.contains(QStringLiteral("shared_with_me"));
    } else if (key == QLatin1String("search")) {
        search->searches.append(value);
    } else {
        validations->append(HttpResponse::validation(
            key, QStringLiteral("\"%1\" is not a valid query param").arg(key)));
    }
}

ChatSearch parseChatSearch(const QString &q, QJsonArray *validations)
{
    ChatSearch search;
    for (const QString &term : searchTerms(q, validations))
        addSearchTerm(term, &search, validations);
    if (!search.searches.isEmpty()
        && (!search.titles.isEmpty() || !search.prTitles.isEmpty() || !search.prNumbers.isEmpty()))
        validations->append(HttpResponse::validation(QStringLiteral("search"),
            QStringLiteral("search cannot be combined with title, pr_title or pr")));
    return search;
}

bool containsAll(const QString &hay, const QStringList &needles)
{
    return std::all_of(needles.begin(), needles.end(),
        [&](const QString &n) { return hay.contains(n, Qt::CaseInsensitive); });
}

//! Whether root chat \a c passes the q= filters.
bool matchesSearch(const SimChat *c, const ChatSearch &search, const SimState &state)
{
    if (c->archived != search.archived)
        return false;
    const bool own = c->ownerId == QLatin1String(SimState::userId);
    if (!((search.wantOwn && own) || (search.wantShared && !own && state.isSharedWith(*c))))
        return false;
    if (search.hasUnread && c->hasUnread != *search.hasUnread)
        return false;
    if (!containsAll(c->title, search.titles))
        return false;
    const QJsonObject ds = c->prStatus;
    if (!search.prStatuses.isEmpty()) {
        QString st = ds.value(QStringLiteral("pull_request_state")).toString();
        if (st == QLatin1String("open") && ds.value(QStringLiteral("pull_request_draft")).toBool())
            st = QStringLiteral("draft");
        if (!search.prStatuses.contains(st))
            return false;
    }
    if (!search.prNumbers.isEmpty()
        && !search.prNumbers.contains(ds.value(QStringLiteral("pr_number")).toInteger()))
        return false;
    if (!search.prTitles.isEmpty()
        && !containsAll(ds.value(QStringLiteral("pull_request_title")).toString(), search.prTitles))
        return false;
    if (!search.repos.isEmpty()
        && !containsAll(
            c->remoteOrigin + QLatin1Char(' ') + ds.value(QStringLiteral("url")).toString(),
            search.repos))
        return false;
    if (!search.diffUrls.isEmpty()
        && !std::all_of(search.diffUrls.begin(), search.diffUrls.end(), [&](const QString &u) {
               return ds.value(QStringLiteral("url")).toString().compare(u, Qt::CaseInsensitive)
                   == 0;
           }))
        return false;
    if (!search.searches.isEmpty()) {
        QString hay = c->title;
        for (const SimMessage &msg : c->messages)
            hay += QLatin1Char('\n') + messageText(msg.content);
        if (!containsAll(hay, search.searches))
            return false;
    }
    return true;
}

} // namespace

HttpResponse SimRoutes::listChats(const HttpRequest &request)
{
    QJsonArray validations;
    const ChatSearch search =
        parseChatSearch(request.queryValue(QStringLiteral("q")), &validations);
    if (!validations.isEmpty())
        return HttpResponse::error(
            400, QStringLiteral("Invalid chat search query."), {}, validations);

    QList<QPair<QString, QString>> labels;
    for (const QString &label : request.queryValues(QStringLiteral("label"))) {
        const qsizetype colon = label.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            return HttpResponse::error(400, QStringLiteral("Invalid label filter."), {},
                {HttpResponse::validation(QStringLiteral("label"),
                    QStringLiteral("\"%1\" must be key:value").arg(label))});
        }
        labels.append({label.left(colon), label.mid(colon + 1)});
    }
    qint64 limit = 0, offset = 0;
    bool present = false;
    if (!parseInt(request, QStringLiteral("limit"), &limit, &present) || limit < 0)
        return badQuery(QStringLiteral("limit"), QStringLiteral("must be a non-negative integer"));
    if (!parseInt(request, QStringLiteral("offset"), &offset, &present) || offset < 0)
        return badQuery(QStringLiteral("offset"), QStringLiteral("must be a non-negative integer"));
    const QString afterId = request.queryValue(QStringLiteral("after_id"));
    if (!afterId.isEmpty() && !SimState::isUuid(afterId))
        return badQuery(QStringLiteral("after_id"), QStringLiteral("must be a valid UUID"));

    QJsonArray result;
    bool afterSeen = afterId.isEmpty();
    qint64 skipped = 0;
    for (const SimChat *c : m_state->sortedRoots()) {
        if (!matchesSearch(c, search, *m_state))
            continue;
        if (!std::all_of(labels.begin(), labels.end(), [&](const QPair<QString, QString> &l) {
                return c->labels.value(l.first).toString() == l.second;
            }))
            continue;
        if (!afterSeen) {
            afterSeen = c->id == afterId.toLower();
            continue;
        }
        if (skipped < offset) {
            ++skipped;
            continue;
        }
        QJsonObject json = m_state->chatJson(*c, false);
        result.append(json);
        if (limit > 0 && result.size() >= limit)
            break;
    }
    return HttpResponse::json(200, result);
}

namespace {

std::optional<HttpResponse> refuseOrganization(const QString &org)
{
    if (org.isEmpty() || org == QLatin1String("00000000-0000-0000-0000-000000000000"))
        return HttpResponse::error(400, QStringLiteral("organization_id is required."));
    if (!SimState::isUuid(org))
        return HttpResponse::error(400, QStringLiteral("Invalid UUID \"%1\".").arg(org));
    if (org.toLower() != QLatin1String(SimState::orgId))
        return HttpResponse::error(
            403, QStringLiteral("You are not a member of this organization."));
    return std::nullopt;
}

//! §7.2: at most 250 tools, with unique, non-empty names.
std::optional<HttpResponse> refuseDynamicTools(const QJsonValue &dynamicTools)
{
    if (dynamicTools.isUndefined() || dynamicTools.isNull())
        return std::nullopt;
    QSet<QString> names;
    const QJsonArray tools = dynamicTools.toArray();
    if (!dynamicTools.isArray() || tools.size() > 250)
        return HttpResponse::error(400, QStringLiteral("Invalid unsafe_dynamic_tools."),
            QStringLiteral("must be an array of at most 250 tools"));
    for (const QJsonValue &tool : tools) {
        const QString name = tool.toObject().value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty() || names.contains(name))
            return HttpResponse::error(400, QStringLiteral("Invalid unsafe_dynamic_tools."),
                name.isEmpty() ? QStringLiteral("every tool needs a name")
                               : QStringLiteral("duplicate tool name \"%1\"").arg(name));
        names.insert(name);
    }
    return std::nullopt;
}

//! Labels: an object of short keys to short strings.
std::optional<HttpResponse> refuseLabels(const QJsonValue &labels)
{
    if (labels.isUndefined() || labels.isNull())
        return std::nullopt;
    if (!labels.isObject())
        return HttpResponse::error(
            400, QStringLiteral("Invalid labels."), QStringLiteral("labels must be an object"));
    // One object: begin() and end() of two temporaries would never meet.
    const QJsonObject labelObject = labels.toObject();
    for (auto it = labelObject.begin(); it != labelObject.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > 64 || !it.value().isString()
            || it.value().toString().size() > 256)
            return HttpResponse::error(400, QStringLiteral("Invalid labels."), {},
                {HttpResponse::validation(QStringLiteral("labels"),
                    QStringLiteral("invalid label \"%1\"").arg(it.key()))});
    }
    return std::nullopt;
}

//! The title of a new chat: its first message, shortened.
QString titleFor(const QJsonArray &parts)
{
    QString text = messageText(parts).simplified();
    if (text.size() > 100)
        text = text.left(97) + QStringLiteral("...");
    return text.isEmpty() ? QStringLiteral("New chat") : text;
}

//! The server-inserted context-file and skill parts of a first user message (§6.7, §20.11).
void appendWorkspaceContext(QJsonArray *parts)
{
    parts->append(QJsonObject{{kType, QStringLiteral("context-file")},
        {QStringLiteral("context_file_path"), QStringLiteral("/home/coder/reports/AGENTS.md")},
        {QStringLiteral("context_file_truncated"), false},
        {QStringLiteral("context_file_agent_id"),
            QStringLiteral("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b")}});
    parts->append(QJsonObject{{kType, QStringLiteral("skill")},
        {QStringLiteral("skill_name"), QStringLiteral("csv-export")},
        {QStringLiteral("skill_description"),
            QStringLiteral("Export tables as RFC 4180 CSV with a header row.")}});
}

} // namespace

std::optional<HttpResponse> SimRoutes::readChatSettings(const QJsonObject &body, SimChat *chat)
{
    chat->modelConfigId = QLatin1String(SimState::defaultModelId);
    if (body.contains(QStringLiteral("model_config_id"))) {
        const QString model = body.value(QStringLiteral("model_config_id")).toString();
        if (const QString problem = modelProblem(model); !problem.isEmpty())
            return HttpResponse::error(400, problem);
        if (!m_state->isModel(model))
            return HttpResponse::error(400, QStringLiteral("Invalid model config ID."),
                QStringLiteral("model config %1 does not exist").arg(model));
        chat->modelConfigId = model.toLower();
    }
    static const QStringList efforts{QStringLiteral("none"), QStringLiteral("minimal"),
        QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
        QStringLiteral("xhigh"), QStringLiteral("max")};
    if (m_state->modern() && body.contains(QStringLiteral("reasoning_effort"))
        && !efforts.contains(body.value(QStringLiteral("reasoning_effort")).toString()))
        return HttpResponse::error(400, QStringLiteral("Invalid reasoning_effort."), {},
            {HttpResponse::validation(QStringLiteral("reasoning_effort"),
                QStringLiteral("must be one of %1").arg(efforts.join(QStringLiteral(", "))))});
    if (auto refusal = refuseDynamicTools(body.value(QStringLiteral("unsafe_dynamic_tools"))))
        return refusal;
    const QString workspace = body.value(QStringLiteral("workspace_id")).toString();
    if (!workspace.isEmpty() && !m_state->isWorkspace(workspace))
        return HttpResponse::error(
            400, QStringLiteral("Workspace not found or you do not have access to this resource."));
    // Without a workspace the agent would provision one; the sim binds the default at once.
    chat->workspaceId =
        workspace.isEmpty() ? QLatin1String(SimState::defaultWorkspaceId) : workspace.toLower();
    chat->planMode = body.value(QStringLiteral("plan_mode")).toString();
    if (!chat->planMode.isEmpty() && chat->planMode != QLatin1String("plan"))
        return HttpResponse::error(
            400, QStringLiteral("Invalid plan_mode."), QStringLiteral("must be \"plan\" or empty"));
    chat->clientType = body.value(QStringLiteral("client_type")).toString(QStringLiteral("api"));
    if (chat->clientType != QLatin1String("api") && chat->clientType != QLatin1String("ui"))
        return HttpResponse::error(400, QStringLiteral("Invalid client_type."),
            QStringLiteral("must be \"ui\" or \"api\""));
    const QJsonValue labels = body.value(QStringLiteral("labels"));
    if (auto refusal = refuseLabels(labels))
        return refusal;
    if (labels.isObject())
        chat->labels = labels.toObject();
    chat->reasoningEffort = body.value(QStringLiteral("reasoning_effort")).toString();
    return std::nullopt;
}

HttpResponse SimRoutes::createChat(const HttpRequest &request)
{
    if (request.body.size() > maxCreateBody)
        return HttpResponse::error(413, QStringLiteral("Request entity too large."),
            QStringLiteral("The request body must be at most 256 KiB."));
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const QString org = body.value(QStringLiteral("organization_id")).toString();
    if (std::optional<HttpResponse> refusal = refuseOrganization(org))
        return *refusal;
    QJsonArray parts;
    if (!convertContent(body.value(QStringLiteral("content")), &parts, &error))
        return error;
    SimChat chat;
    chat.id = m_state->newUuid();
    chat.organizationId = org.toLower();
    chat.ownerId = QLatin1String(SimState::userId);
    if (std::optional<HttpResponse> refusal = readChatSettings(body, &chat))
        return *refusal;
    chat.title = titleFor(parts);
    chat.createdAt = QDateTime::currentDateTimeUtc();
    chat.updatedAt = chat.createdAt;
    if (m_state->modern()) {
        // The workspace context is pinned at once; the first turn's user message carries it.
        chat.hasContext = true;
        appendWorkspaceContext(&parts);
    }
    const QString id = m_state->insertChat(chat).id;
    m_state->appendMessage(id, QStringLiteral("user"), parts);
    m_state->publishWatch(QStringLiteral("created"), id);
    m_agent->startTurn(id);
    return HttpResponse::json(201, m_state->chatJson(*m_state->chat(id), true));
}

HttpResponse SimRoutes::setArchived(SimChat *chat, bool archived)
{
    const bool modern = m_state->modern();
    if (!chat->parentId.isEmpty())
        return HttpResponse::error(
            400, QStringLiteral("Chat archive state can only be changed on the root chat."));
    if (chat->archived == archived)
        return HttpResponse::error(400,
            archived     ? QStringLiteral("Chat is already archived.")
                : modern ? QStringLiteral("Chat is already not archived.")
                         : QStringLiteral("Chat is not archived."));
    QStringList family{chat->id};
    family += chat->childIds;
    if (archived) {
        for (const QString &id : std::as_const(family)) {
            const SimChat *c = m_state->chat(id);
            if (!c)
                continue;
            if (modern
                && (SimState::isActive(c->status)
                    || c->status == QLatin1String("requires_action"))) {
                // §20.2: only waiting and error chats can be archived.
                return HttpResponse::error(409,
                    QStringLiteral("Cannot archive an active chat. Interrupt or wait for the chat "
                                   "to finish first."),
                    QStringLiteral("invalid chat state transition: cannot archive a chat in "
                                   "status \"%1\"")
                        .arg(c->status));
            }
            if (!modern && SimState::isActive(c->status))
                return HttpResponse::error(
                    409, QStringLiteral("Cannot archive an active chat. Interrupt it first."));
        }
    }
    const QString rootId = chat->id;
    QStringList changed;
    if (archived)
        m_state->unpin(rootId, &changed);
    for (const QString &id : std::as_const(family)) {
        if (SimChat *c = m_state->chat(id)) {
            c->archived = archived;
            m_state->touch(id);
        }
    }
    // Newest: one `deleted` (archive, archived:true) or `created` (unarchive) per family
    // member (§20.2); the seed era announced it as status_change.
    const QString kind = !modern ? QStringLiteral("status_change")
        : archived               ? QStringLiteral("deleted")
                                 : QStringLiteral("created");
    for (const QString &id : std::as_const(family))
        m_state->publishWatch(kind, id);
    for (const QString &id : std::as_const(changed)) {
        if (!family.contains(id))
            m_state->publishWatch(QStringLiteral("status_change"), id);
    }
    return HttpResponse::noContent();
}

namespace {

const QString noWorkspace = QStringLiteral("00000000-0000-0000-0000-000000000000");

std::optional<HttpResponse> refuseTitle(const QString &title)
{
    if (title.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Title cannot be empty."), {},
            {HttpResponse::validation(
                QStringLiteral("title"), QStringLiteral("must not be empty"))});
    if (title.toUcs4().size() > 200)
        return HttpResponse::error(400, QStringLiteral("Title is too long."), {},
            {HttpResponse::validation(
                QStringLiteral("title"), QStringLiteral("must be at most 200 characters"))});
    return std::nullopt;
}

std::optional<HttpResponse> refusePinOrder(
    const QJsonValue &pin, bool archived, const SimChat &chat)
{
    if (pin.isUndefined())
        return std::nullopt;
    if (!pin.isDouble() || pin.toDouble() != double(pin.toInteger()))
        return HttpResponse::error(400, QStringLiteral("pin_order must be an integer."));
    if (pin.toInteger() < 0)
        return HttpResponse::error(
            400, QStringLiteral("pin_order must be greater than or equal to 0."));
    if (pin.toInteger() > 0 && archived)
        return HttpResponse::error(400, QStringLiteral("Cannot pin an archived chat."));
    if (pin.toInteger() > 0 && !chat.parentId.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Cannot pin a sub-agent chat."));
    return std::nullopt;
}

} // namespace

std::optional<HttpResponse> SimRoutes::refuseChatUpdate(
    const QJsonObject &body, const SimChat &chat) const
{
    if (body.contains(QStringLiteral("title"))) {
        if (auto refusal = refuseTitle(body.value(QStringLiteral("title")).toString().trimmed()))
            return refusal;
    }
    if (body.contains(QStringLiteral("labels")) && !body.value(QStringLiteral("labels")).isObject())
        return HttpResponse::error(
            400, QStringLiteral("Invalid labels."), QStringLiteral("labels must be an object"));
    if (body.contains(QStringLiteral("plan_mode"))) {
        const QString plan = body.value(QStringLiteral("plan_mode")).toString();
        if (!plan.isEmpty() && plan != QLatin1String("plan"))
            return HttpResponse::error(400, QStringLiteral("Invalid plan_mode."),
                QStringLiteral("must be \"plan\" or empty"));
    }
    if (body.contains(QStringLiteral("workspace_id"))) {
        const QString workspace = body.value(QStringLiteral("workspace_id")).toString().toLower();
        if (workspace != noWorkspace && !m_state->isWorkspace(workspace))
            return HttpResponse::error(400,
                QStringLiteral("Workspace not found or you do not have access to this resource."));
    }
    const bool archivedWillBe = body.contains(QStringLiteral("archived"))
        ? body.value(QStringLiteral("archived")).toBool()
        : chat.archived;
    return refusePinOrder(body.value(QStringLiteral("pin_order")), archivedWillBe, chat);
}

HttpResponse SimRoutes::updateChat(const HttpRequest &request, SimChat *chat)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    // Validate everything first so a failing field leaves the chat untouched.
    if (std::optional<HttpResponse> refusal = refuseChatUpdate(body, *chat))
        return *refusal;
    const QString id = chat->id;
    if (body.contains(QStringLiteral("archived"))) {
        const HttpResponse r = setArchived(chat, body.value(QStringLiteral("archived")).toBool());
        if (r.status != 204)
            return r;
    }
    return applyChatUpdate(body, m_state->chat(id));
}

HttpResponse SimRoutes::applyChatUpdate(const QJsonObject &body, SimChat *chat)
{
    const QString id = chat->id;
    QStringList changed;
    bool statusChange = false;
    if (body.contains(QStringLiteral("labels"))) {
        chat->labels = body.value(QStringLiteral("labels")).toObject();
        statusChange = true;
    }
    if (body.contains(QStringLiteral("plan_mode"))) {
        chat->planMode = body.value(QStringLiteral("plan_mode")).toString();
        statusChange = true;
    }
    if (body.contains(QStringLiteral("workspace_id"))) {
        const QString workspace = body.value(QStringLiteral("workspace_id")).toString().toLower();
        chat->workspaceId = workspace == noWorkspace ? QString() : workspace;
        statusChange = true;
    }
    if (const QJsonValue pin = body.value(QStringLiteral("pin_order")); !pin.isUndefined()) {
        const QString message =
            m_state->setPinOrder(id, int(qMin<qint64>(pin.toInteger(), 1 << 30)), &changed);
        if (!message.isEmpty())
            return HttpResponse::error(400, message);
    }
    if (const QString title = body.value(QStringLiteral("title")).toString().trimmed();
        !title.isEmpty()) {
        chat->title = title;
        chat->titleGenerated = true; // a user title wins and blocks generation
        if (!m_state->modern())
            m_state->touch(id); // newest: title writes leave updated_at alone (§20.12)
        m_state->publishWatch(QStringLiteral("title_change"), id);
    }
    if (statusChange) {
        m_state->touch(id);
        if (!changed.contains(id))
            changed.append(id);
    }
    changed.removeDuplicates();
    for (const QString &c : std::as_const(changed))
        m_state->publishWatch(QStringLiteral("status_change"), c);
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::diff(SimChat *chat)
{
    QJsonObject o{{QStringLiteral("chat_id"), chat->id}};
    const QString text = m_state->diffText(*chat);
    if (!text.isEmpty() || !chat->branch.isEmpty()) {
        o.insert(QStringLiteral("provider"), QStringLiteral("github"));
        o.insert(QStringLiteral("remote_origin"), chat->remoteOrigin);
        o.insert(QStringLiteral("branch"), chat->branch);
        if (!chat->pullRequestUrl.isEmpty())
            o.insert(QStringLiteral("pull_request_url"), chat->pullRequestUrl);
        o.insert(QStringLiteral("diff"), text);
    }
    return HttpResponse::json(200, o);
}

HttpResponse SimRoutes::prompts(const HttpRequest &request, SimChat *chat)
{
    qint64 limit = 0;
    bool present = false;
    if (!parseInt(request, QStringLiteral("limit"), &limit, &present) || limit < 0 || limit > 2000)
        return badQuery(QStringLiteral("limit"), QStringLiteral("must be between 0 and 2000"));
    if (limit == 0)
        limit = 500;
    QJsonArray list;
    for (auto it = chat->messages.crbegin(); it != chat->messages.crend() && list.size() < limit;
         ++it) {
        if (it->role == QLatin1String("user"))
            list.append(
                QJsonObject{{QStringLiteral("id"), it->id}, {kText, messageText(it->content)}});
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("prompts"), list}});
}

QString SimRoutes::generatedTitle(const SimChat &chat) const
{
    for (const SimMessage &m : chat.messages) {
        if (m.role != QLatin1String("user"))
            continue;
        const QStringList words = messageText(m.content)
                                      .simplified()
                                      .split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                      .mid(0, 5);
        QString title = words.join(QLatin1Char(' '));
        if (!title.isEmpty()) {
            title[0] = title.at(0).toUpper();
            return title + QStringLiteral(" (proposed)");
        }
    }
    return QStringLiteral("Untitled chat");
}

QString SimRoutes::modelProblem(const QString &modelId) const
{
    if (!m_state->modern())
        return {};
    const QJsonObject catalog = steerModelsResponse();
    for (const QJsonValue &m : catalog.value(QStringLiteral("models")).toArray()) {
        const QJsonObject model = m.toObject();
        if (model.value(QStringLiteral("id")).toString() != modelId.toLower())
            continue;
        if (!model.value(QStringLiteral("enabled")).toBool())
            break;
        for (const QJsonValue &p : catalog.value(QStringLiteral("providers")).toArray()) {
            const QJsonObject provider = p.toObject();
            if (provider.value(QStringLiteral("id"))
                != model.value(QStringLiteral("ai_provider_id")))
                continue;
            if (!provider.value(QStringLiteral("enabled")).toBool())
                return QStringLiteral(
                    "Invalid model_config_id: provider is not enabled for this model.");
            if (!provider.value(QStringLiteral("available")).toBool())
                return QStringLiteral(
                    "Invalid model_config_id: provider credentials unavailable for this model.");
        }
        return {};
    }
    return QStringLiteral("Invalid model_config_id: model config not found or disabled.");
}

HttpResponse SimRoutes::refreshContext(SimChat *chat)
{
    // PUT {chat}/context (§20.5): re-pin to the agent's latest snapshot, clear dirty.
    chat->hasContext = true;
    chat->contextDirty = false;
    chat->contextDirtySince = {};
    ++chat->contextRevision;
    return HttpResponse::json(200, m_state->chatJson(*chat, true));
}

} // namespace AgentDeskSim
