#include "models/ChatDirectory.h"

#include "core/api/ApiClient.h"
#include "core/live/ChatWatchClient.h"
#include "models/ChatListModel.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int maxTitleLength = 200; // §7.4, in characters

//! §7.6: "already archived" / "not archived" mean the server is where the user wanted it.
bool isArchiveNoOp(const ApiError &error)
{
    return error.isHttpStatus(400)
        && (error.message.contains(u"already archived"_s, Qt::CaseInsensitive)
            || error.message.contains(u"not archived"_s, Qt::CaseInsensitive));
}

//! What restore() needs to undo an optimistic edit: the chat as it was, if it was listed.
QList<Chat> undoList(const std::optional<Chat> &before)
{
    return before ? QList<Chat>{*before} : QList<Chat>{};
}

} // namespace

ChatDirectory::ChatDirectory(
    ApiClient *api, ChatWatchClient *watch, ChatListModel *model, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_watch(watch)
    , m_model(model)
{
    m_reconcileTimer.setInterval(defaultReconcileInterval);
    connect(&m_reconcileTimer, &QTimer::timeout, this, &ChatDirectory::refresh);
    m_listRetryTimer.setSingleShot(true);
    connect(&m_listRetryTimer, &QTimer::timeout, this, &ChatDirectory::refresh);
    m_sharedPollTimer.setInterval(defaultSharedPollInterval);
    connect(&m_sharedPollTimer, &QTimer::timeout, this, &ChatDirectory::refreshShared);
    connect(m_watch, &ChatWatchClient::connected, this, &ChatDirectory::handleWatchConnected);
    connect(m_watch, &ChatWatchClient::eventReceived, this, &ChatDirectory::handleWatchEvent);
    connect(m_watch, &ChatWatchClient::stateChanged, this, &ChatDirectory::handleWatchStateChanged);
    connect(m_model, &ChatListModel::statusChanged, this, &ChatDirectory::chatStatusChanged);
}

ChatDirectory::~ChatDirectory() = default;

void ChatDirectory::start()
{
    if (m_started)
        return;
    m_started = true;
    m_watch->start();
    m_reconcileTimer.start();
    if (listsSharedChats())
        m_sharedPollTimer.start();
}

void ChatDirectory::stop()
{
    m_started = false;
    m_reconcileTimer.stop();
    m_listRetryTimer.stop();
    m_sharedPollTimer.stop();
    ++m_sharedGeneration;
    m_sharedListing = false;
    m_watch->stop();
    ++m_generation; // answers of a listing in flight are dropped
    m_listing = false;
    m_listAgain = false;
    m_buffered.clear();
}

void ChatDirectory::setReconcileInterval(std::chrono::milliseconds interval)
{
    m_reconcileTimer.setInterval(interval);
}

void ChatDirectory::setListRetryPolicy(const ReconnectPolicy &policy)
{
    m_listRetryPolicy = policy;
}

void ChatDirectory::setPageSize(int pageSize)
{
    m_pageSize = std::max(0, pageSize);
}

ConnectionState ChatDirectory::connectionState() const
{
    return m_watch->state();
}

// --- Listing -----------------------------------------------------------------------------------

void ChatDirectory::handleWatchConnected()
{
    // No snapshot and no replay on /watch: whatever happened while it was down is only in a
    // fresh list (§11.3).
    refresh();
}

void ChatDirectory::handleWatchStateChanged(ConnectionState state)
{
    emit connectionStateChanged(state);
    // Without a live feed the list would stay empty until the next reconcile: list once.
    if (state == ConnectionState::Offline && !m_listLoaded)
        refresh();
}

void ChatDirectory::refresh()
{
    if (m_listing) {
        m_listAgain = true;
        return;
    }
    m_listing = true;
    m_listAgain = false;
    m_listed.clear(); // m_buffered stays: events of an abandoned listing still apply
    m_offset = 0;
    m_pendingQueries = {withSource(QString())};
    if (m_archivedViewLoaded)
        m_pendingQueries.append(withSource(u"archived:true"_s));
    fetchNextPage(++m_generation);
}

void ChatDirectory::fetchNextPage(quint64 generation)
{
    ListChatsQuery query;
    query.q = m_pendingQueries.first();
    const int limit = m_offset == 0 ? m_pageSize : m_pageSize * laterPageFactor;
    query.limit = limit;
    query.offset = m_offset;
    m_api->listChats(query, this, [this, generation, limit](const ApiResult<QList<Chat>> &result) {
        if (generation != m_generation)
            return;
        if (!result.ok()) {
            finishListing(generation, result.error());
            return;
        }
        const QList<Chat> &page = result.value();
        m_listed.append(page);
        // First load: show the first page at once (pinned, then the newest chats: the first
        // screen), so the list paints after one round trip. The rest lands as one diff at the
        // end; diffing after every page would cost more than it shows.
        if (!m_listLoaded && m_commandsInFlight == 0 && m_offset == 0
            && m_pendingQueries.first() == withSource(QString()))
            m_model->replaceAll(listedRoots());
        if (limit > 0 && page.size() >= limit) {
            m_offset += int(page.size());
        } else {
            m_pendingQueries.removeFirst();
            m_offset = 0;
        }
        if (m_pendingQueries.isEmpty())
            finishListing(generation, std::nullopt);
        else
            fetchNextPage(generation);
    });
}

void ChatDirectory::finishListing(quint64 generation, const std::optional<ApiError> &error)
{
    Q_UNUSED(generation)
    m_listing = false;
    const QList<WatchEvent> buffered = std::exchange(m_buffered, {});
    if (error) {
        emit errorOccurred(*error);
        // The list is stale (a chat may be gone on the server): try again until it is not.
        const QString text = error->toDisplayString();
        if (text != m_listError) {
            m_listError = text;
            emit listErrorChanged(m_listError);
        }
        if (m_started && error->kind != ApiError::Kind::Cancelled)
            m_listRetryTimer.start(m_listRetryPolicy.next());
    } else if (m_commandsInFlight > 0) {
        // The list may predate a command the server has not answered yet; applying it would
        // undo the optimistic change for a moment. List again once the commands are done.
        m_listAgain = true;
    } else {
        m_model->replaceAll(listedRoots());
        m_listLoaded = true;
        m_listRetryPolicy.reset();
        m_listRetryTimer.stop();
        if (!m_listError.isEmpty()) {
            m_listError.clear();
            emit listErrorChanged(m_listError);
        }
    }
    m_listed.clear();
    // Events that arrived during the GET are newer than (or as new as) the list.
    for (const WatchEvent &event : buffered)
        applyWatchEvent(event);
    if (!error && m_listLoaded && m_commandsInFlight == 0)
        emit listLoaded();
    if (m_listAgain && m_commandsInFlight == 0)
        refresh();
}

QList<Chat> ChatDirectory::listedRoots()
{
    // Offset paging can show a chat twice when the list shifts between pages.
    QList<Chat> roots;
    QSet<ChatId> seen;
    for (const Chat &chat : m_listed) {
        if (seen.contains(chat.id))
            continue;
        seen.insert(chat.id);
        roots.append(withOverrides(chat));
    }
    return roots;
}

// --- Watch -------------------------------------------------------------------------------------

void ChatDirectory::handleWatchEvent(const WatchEvent &event)
{
    if (m_listing) {
        m_buffered.append(event);
        return;
    }
    applyWatchEvent(event);
}

void ChatDirectory::applyWatchEvent(const WatchEvent &event)
{
    if (!event.hasChat || event.chat.id.isNull())
        return; // §6.12: an event without a chat carries nothing to apply
    if (event.kind == WatchEvent::Kind::Deleted && event.chat.archived) {
        // §20.2: archiving sends `deleted` for every member of the family with archived: true.
        // It moves to the archived view; it is not gone.
        if (m_model->chat(event.chat.id)) {
            m_model->setArchived(event.chat.id, true);
            m_model->upsert(withOverrides(mergedWithKnown(event.chat)));
        } else if (event.chat.isRoot()) {
            m_model->upsert(withOverrides(event.chat));
        }
        return;
    }
    if (event.kind == WatchEvent::Kind::Deleted) {
        m_model->remove(event.chat.id);
        m_unreadOverrides.remove(event.chat.id);
        return;
    }
    // Whatever the kind, the payload is the current chat: upsert it (§11.3), keeping what it
    // leaves out (real servers send status_change without diff_status or files).
    m_model->upsert(withOverrides(mergedWithKnown(event.chat)));
}

Chat ChatDirectory::mergedWithKnown(Chat chat) const
{
    const Chat *known = m_model->chat(chat.id);
    if (!known)
        return chat;
    if (!chat.hasDiffStatusField)
        chat.diffStatus = known->diffStatus;
    if (!chat.hasLabelsField)
        chat.labels = known->labels;
    if (!chat.hasFilesField)
        chat.files = known->files;
    chat.hasDiffStatusField = chat.hasLabelsField = chat.hasFilesField = true;
    // §20.5: lists and watch events carry only the context's flags; the resources a single GET
    // or a refresh brought stay.
    if (chat.context && !chat.context->hasResources && known->context
        && known->context->hasResources) {
        chat.context->hasResources = true;
        chat.context->resources = known->context->resources;
    }
    return chat;
}

// --- Shared chats (§20.3.5, §20.3.6) -------------------------------------------------------------

void ChatDirectory::setCurrentUser(const UserId &id)
{
    m_model->setCurrentUserId(id);
    if (m_started && listsSharedChats())
        m_sharedPollTimer.start();
}

bool ChatDirectory::listsSharedChats() const
{
    return !m_model->currentUserId().isNull() && m_api->hasSharingRoutes();
}

void ChatDirectory::setSharedPollInterval(std::chrono::milliseconds interval)
{
    m_sharedPollTimer.setInterval(interval);
}

QString ChatDirectory::withSource(const QString &query) const
{
    if (!listsSharedChats())
        return query;
    const QString source = u"source:created_by_me,shared_with_me"_s;
    return query.isEmpty() ? source : query + u' ' + source;
}

void ChatDirectory::refreshShared()
{
    // A full listing brings the shared chats too; a poll during one has nothing to add.
    if (!listsSharedChats() || m_listing || m_sharedListing || !m_listLoaded)
        return;
    m_sharedListing = true;
    fetchSharedPage(++m_sharedGeneration, 0, {});
}

void ChatDirectory::fetchSharedPage(quint64 generation, int offset, QList<Chat> listed)
{
    ListChatsQuery query;
    query.q = u"source:shared_with_me"_s;
    const int limit = m_pageSize > 0 ? m_pageSize * laterPageFactor : 0;
    query.limit = limit;
    query.offset = offset;
    m_api->listChats(query, this,
        [this, generation, offset, limit, listed](const ApiResult<QList<Chat>> &result) mutable {
            if (generation != m_sharedGeneration)
                return;
            if (!result.ok()) {
                m_sharedListing = false; // the next tick tries again; the list stays as it is
                return;
            }
            listed.append(result.value());
            if (limit > 0 && result.value().size() >= limit) {
                fetchSharedPage(generation, offset + int(result.value().size()), listed);
                return;
            }
            m_sharedListing = false;
            // A full listing or a command started meanwhile: its answer is the fresher one.
            if (m_listing || m_commandsInFlight > 0)
                return;
            applySharedList(listed);
        });
}

void ChatDirectory::applySharedList(const QList<Chat> &shared)
{
    QSet<ChatId> listed;
    for (const Chat &chat : shared) {
        if (!chat.isRoot() || !m_model->isSharedWithMe(chat))
            continue;
        listed.insert(chat.id);
        m_model->upsert(withOverrides(mergedWithKnown(chat)));
    }
    // Shared roots (not archived: the poll lists the normal view) no longer listed were
    // unshared or deleted by their owner.
    QList<ChatId> gone;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Chat *chat =
            m_model->chat(m_model->index(row, 0).data(ChatListModel::ChatIdRole).value<ChatId>());
        if (chat && !chat->archived && m_model->isSharedWithMe(*chat) && !listed.contains(chat->id))
            gone.append(chat->id);
    }
    for (const ChatId &id : gone)
        m_model->remove(id);
}

// --- Read state ----------------------------------------------------------------------------------

Chat ChatDirectory::withOverrides(Chat chat)
{
    if (m_markedUnread.contains(chat.id)) {
        chat.hasUnread = true;
        for (Chat &child : chat.children)
            child = withOverrides(child);
        return chat;
    }
    if (const auto it = m_unreadOverrides.find(chat.id); it != m_unreadOverrides.end()) {
        if (chat.hasUnread == it->serverValue)
            chat.hasUnread = it->value;
        else
            m_unreadOverrides.erase(it); // the server moved on: its value counts again
    }
    for (Chat &child : chat.children)
        child = withOverrides(child);
    return chat;
}

void ChatDirectory::setUnreadOverride(const ChatId &id, bool value)
{
    const Chat *chat = m_model->chat(id);
    if (!chat)
        return;
    const auto it = m_unreadOverrides.constFind(id);
    const bool serverValue = it != m_unreadOverrides.cend() ? it->serverValue : chat->hasUnread;
    if (value == serverValue)
        m_unreadOverrides.remove(id);
    else
        m_unreadOverrides.insert(id, UnreadOverride{value, serverValue});
    m_model->setHasUnread(id, value);
}

void ChatDirectory::markRead(const ChatId &id)
{
    if (m_markedUnread.remove(id))
        publishUnreadMarks();
    setUnreadOverride(id, false);
}

void ChatDirectory::markUnread(const ChatId &id)
{
    if (!m_markedUnread.contains(id)) {
        m_markedUnread.insert(id);
        publishUnreadMarks();
    }
    setUnreadOverride(id, true);
}

void ChatDirectory::setUnreadMarks(const QStringList &chatIds)
{
    m_markedUnread.clear();
    for (const QString &text : chatIds) {
        if (const ChatId id = ChatId::fromString(text); !id.isNull())
            m_markedUnread.insert(id);
    }
}

void ChatDirectory::publishUnreadMarks()
{
    QStringList ids;
    for (const ChatId &id : std::as_const(m_markedUnread))
        ids.append(id.toString());
    ids.sort();
    emit unreadMarksChanged(ids);
}

// --- Commands ------------------------------------------------------------------------------------

void ChatDirectory::sendUpdate(
    const ChatId &id, const UpdateChatRequest &request, QList<Chat> previous)
{
    ++m_commandsInFlight;
    const bool archiving = request.archived.has_value();
    m_api->updateChat(id, request, this,
        [this, archiving, previous = std::move(previous)](const ApiResult<NoContent> &result) {
            if (!result.ok() && !(archiving && isArchiveNoOp(result.error()))) {
                m_model->restore(previous);
                emit errorOccurred(result.error());
            }
            commandFinished();
        });
}

void ChatDirectory::commandFinished()
{
    --m_commandsInFlight;
    if (m_commandsInFlight == 0 && m_listAgain && !m_listing)
        refresh();
}

void ChatDirectory::pin(const ChatId &id)
{
    const Chat *chat = m_model->chat(id);
    if (chat && chat->isPinned())
        return; // pin_order > 0 on a pinned chat would move it to that position
    UpdateChatRequest request;
    request.pinOrder = 1; // any positive value pins at the end (§7.5)
    sendUpdate(id, request, m_model->setPinOrder(id, 1));
}

void ChatDirectory::unpin(const ChatId &id)
{
    UpdateChatRequest request;
    request.pinOrder = 0;
    sendUpdate(id, request, m_model->setPinOrder(id, 0));
}

void ChatDirectory::movePin(const ChatId &id, int position)
{
    const Chat *chat = m_model->chat(id);
    if (position < 1 || (chat && !chat->isPinned())) {
        // Sent to the server, this would pin (at the end) rather than move: refuse here.
        emit errorOccurred(
            ApiError::validationFailure(tr("Only a pinned chat can be moved among the pins.")));
        return;
    }
    UpdateChatRequest request;
    request.pinOrder = position;
    sendUpdate(id, request, m_model->setPinOrder(id, position));
}

void ChatDirectory::archive(const ChatId &id)
{
    UpdateChatRequest request;
    request.archived = true;
    sendUpdate(id, request, m_model->setArchived(id, true));
}

void ChatDirectory::unarchive(const ChatId &id)
{
    UpdateChatRequest request;
    request.archived = false;
    sendUpdate(id, request, m_model->setArchived(id, false));
}

void ChatDirectory::rename(const ChatId &id, const QString &title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > maxTitleLength) {
        emit errorOccurred(ApiError::validationFailure(
            tr("A title needs 1 to %1 characters.").arg(maxTitleLength)));
        return;
    }
    QList<Chat> previous = undoList(m_model->setTitle(id, trimmed));
    UpdateChatRequest request;
    request.title = trimmed;
    sendUpdate(id, request, previous);
}

void ChatDirectory::setLabels(const ChatId &id, const QMap<QString, QString> &labels)
{
    QList<Chat> previous = undoList(m_model->setLabels(id, labels));
    UpdateChatRequest request;
    request.labels = labels;
    sendUpdate(id, request, previous);
}

void ChatDirectory::setPlanMode(const ChatId &id, bool planMode)
{
    QList<Chat> previous = undoList(m_model->setPlanMode(id, planMode));
    UpdateChatRequest request;
    request.planMode = planMode;
    ++m_commandsInFlight;
    m_api->updateChat(id, request, this,
        [this, id, previous = std::move(previous)](const ApiResult<NoContent> &result) {
            if (!result.ok()) {
                m_model->restore(previous);
                emit planModeFailed(id, result.error());
            }
            commandFinished();
        });
}

void ChatDirectory::regenerateTitle(const ChatId &id)
{
    ++m_commandsInFlight;
    m_api->proposeTitle(id, this, [this, id](const ApiResult<ProposedTitle> &result) {
        if (!result.ok()) {
            emit errorOccurred(result.error());
        } else if (const QString title = result.value().title.trimmed(); title.isEmpty()) {
            // nothing proposed
        } else if (result.value().saved) {
            m_model->setTitle(id, title); // a seed-era regenerate saved it already
        } else {
            rename(id, title); // newest servers only propose; saving is a PATCH
        }
        commandFinished();
    });
}

void ChatDirectory::setArchivedViewLoaded(bool loaded)
{
    if (m_archivedViewLoaded == loaded)
        return;
    m_archivedViewLoaded = loaded;
    if (m_listing)
        ++m_generation; // the listing in flight asks for the wrong set: start over
    m_listing = false;
    refresh();
}

} // namespace AgentDesk
