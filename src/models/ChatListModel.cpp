#include "models/ChatListModel.h"

#include "core/api/ApiJson.h"
#include "models/ChatQuery.h"
#include "models/RoleNames.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

int additions(const Chat &chat)
{
    return chat.diffStatus ? chat.diffStatus->additions : 0;
}
int deletions(const Chat &chat)
{
    return chat.diffStatus ? chat.diffStatus->deletions : 0;
}
int changedFiles(const Chat &chat)
{
    return chat.diffStatus ? chat.diffStatus->changedFiles : 0;
}
QString prUrl(const Chat &chat)
{
    return chat.diffStatus ? chat.diffStatus->url : QString();
}
int prNumber(const Chat &chat)
{
    return chat.diffStatus ? chat.diffStatus->prNumber : 0;
}
QString errorMessage(const Chat &chat)
{
    return chat.lastError ? chat.lastError->message : QString();
}

Chat withoutChildren(Chat chat)
{
    chat.children.clear();
    return chat;
}

//! The roles whose value differs between two versions of one chat (children ignored). Empty
//! when nothing a client can see changed; otherwise it always ends with ChatRole, RevisionRole.
QList<int> changedRoles(const Chat &a, const Chat &b)
{
    using R = ChatListModel::Role;
    QList<int> roles;
    const auto check = [&roles](bool differs, std::initializer_list<int> affected) {
        if (differs)
            roles.append(affected);
    };
    check(a.title != b.title, {Qt::DisplayRole, R::TitleRole});
    check(a.status != b.status, {R::StatusRole});
    check(a.statusRaw != b.statusRaw, {R::StatusTextRole});
    check(isActive(a.status) != isActive(b.status), {R::IsActiveRole});
    check(needsAttention(a.status) != needsAttention(b.status), {R::NeedsAttentionRole});
    check(a.lastTurnSummary != b.lastTurnSummary, {R::LastTurnSummaryRole});
    check(errorMessage(a) != errorMessage(b), {R::ErrorMessageRole});
    check(a.hasUnread != b.hasUnread, {R::HasUnreadRole});
    check(a.updatedAt != b.updatedAt, {R::UpdatedAtRole});
    check(a.createdAt != b.createdAt, {R::CreatedAtRole});
    check(a.pinOrder != b.pinOrder, {R::PinOrderRole});
    check(a.isPinned() != b.isPinned(), {R::IsPinnedRole});
    check(a.archived != b.archived, {R::ArchivedRole});
    check(additions(a) != additions(b), {R::DiffAdditionsRole});
    check(deletions(a) != deletions(b), {R::DiffDeletionsRole});
    check(changedFiles(a) != changedFiles(b), {R::DiffChangedFilesRole});
    check(ChatQuery::prStatusOf(a) != ChatQuery::prStatusOf(b), {R::PrStateRole});
    check(prUrl(a) != prUrl(b), {R::PrUrlRole});
    check(prNumber(a) != prNumber(b), {R::PrNumberRole});
    check(a.labels != b.labels, {R::LabelsRole});
    check(a.parentChatId != b.parentChatId, {R::ParentChatIdRole});
    check(a.mode != b.mode, {R::ModeRole});
    check(a.planMode != b.planMode, {R::PlanModeRole});
    // Members without a role of their own (owner, workspace, warnings, …) still reach the
    // delegate through ChatRole. The JSON form compares them all without a hand-kept list.
    if (!roles.isEmpty()
        || ApiJson::toJson(withoutChildren(a)) != ApiJson::toJson(withoutChildren(b))) {
        roles.append({R::ChatRole, R::RevisionRole});
    }
    return roles;
}

} // namespace

ChatListModel::ChatListModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

ChatListModel::~ChatListModel() = default;

QModelIndex ChatListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_roots.size()) ? createIndex(row, 0, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.row() >= int(m_roots.size()))
        return {}; // children have no children
    RootNode *node = m_roots[size_t(parent.row())].get();
    return row < int(node->children.size()) ? createIndex(row, 0, node) : QModelIndex();
}

QModelIndex ChatListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const auto *node = static_cast<const RootNode *>(child.internalPointer());
    const auto it = m_rowById.constFind(node->entry.chat.id);
    return it == m_rowById.cend() ? QModelIndex() : createIndex(*it, 0, nullptr);
}

int ChatListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0 || parent.internalPointer() || parent.row() >= int(m_roots.size()))
        return 0;
    return int(m_roots[size_t(parent.row())]->children.size());
}

int ChatListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

const ChatListModel::Entry *ChatListModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.column() != 0)
        return nullptr;
    if (!index.internalPointer()) {
        return index.row() < int(m_roots.size()) ? &m_roots[size_t(index.row())]->entry : nullptr;
    }
    const auto *node = static_cast<const RootNode *>(index.internalPointer());
    return index.row() < int(node->children.size()) ? &node->children[size_t(index.row())]
                                                    : nullptr;
}

Chat ChatListModel::fullChat(const QModelIndex &index) const
{
    const Entry *entry = entryAt(index);
    if (!entry)
        return {};
    Chat chat = entry->chat;
    if (!index.internalPointer()) {
        const RootNode &node = *m_roots[size_t(index.row())];
        chat.children.reserve(qsizetype(node.children.size()));
        for (const Entry &child : node.children)
            chat.children.append(child.chat);
    }
    return chat;
}

QVariant ChatListModel::data(const QModelIndex &index, int role) const
{
    const Entry *entry = entryAt(index);
    if (!entry)
        return {};
    const Chat &chat = entry->chat;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return chat.title;
    case ChatIdRole:
        return QVariant::fromValue(chat.id);
    case StatusRole:
        return QVariant::fromValue(chat.status);
    case StatusTextRole:
        return chat.statusRaw;
    case IsActiveRole:
        return isActive(chat.status);
    case NeedsAttentionRole:
        return needsAttention(chat.status);
    case LastTurnSummaryRole:
        return chat.lastTurnSummary;
    case ErrorMessageRole:
        return errorMessage(chat);
    case HasUnreadRole:
        return chat.hasUnread;
    case UpdatedAtRole:
        return chat.updatedAt;
    case CreatedAtRole:
        return chat.createdAt;
    case PinOrderRole:
        return chat.pinOrder;
    case IsPinnedRole:
        return chat.isPinned();
    case ArchivedRole:
        return chat.archived;
    case DiffAdditionsRole:
        return additions(chat);
    case DiffDeletionsRole:
        return deletions(chat);
    case DiffChangedFilesRole:
        return changedFiles(chat);
    case PrStateRole:
        return ChatQuery::prStatusOf(chat);
    case PrUrlRole:
        return prUrl(chat);
    case PrNumberRole:
        return prNumber(chat);
    case LabelsRole:
        return QVariant::fromValue(chat.labels);
    case IsRootRole:
        return !index.internalPointer();
    case ParentChatIdRole:
        return QVariant::fromValue(chat.parentChatId);
    case ChildCountRole:
        return rowCount(index);
    case ModeRole:
        return chat.mode;
    case PlanModeRole:
        return chat.planMode;
    case RevisionRole:
        return entry->revision;
    case ChatRole:
        return QVariant::fromValue(fullChat(index));
    case SharedWithMeRole:
        return isSharedWithMe(chat);
    case OwnerNameRole:
        return chat.ownerName.isEmpty() ? chat.ownerUsername : chat.ownerName;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatListModel::roleNames() const
{
    return roleNamesFromEnum(staticMetaObject, QAbstractItemModel::roleNames());
}

// --- Lookup ------------------------------------------------------------------------------------

ChatListModel::RootNode *ChatListModel::nodeOf(const ChatId &rootId) const
{
    const auto it = m_rowById.constFind(rootId);
    return it == m_rowById.cend() ? nullptr : m_roots[size_t(*it)].get();
}

ChatListModel::Entry *ChatListModel::entryOf(const ChatId &id)
{
    if (RootNode *node = nodeOf(id))
        return &node->entry;
    const auto parentIt = m_parentOfChild.constFind(id);
    if (parentIt == m_parentOfChild.cend())
        return nullptr;
    RootNode *node = nodeOf(*parentIt);
    if (!node)
        return nullptr;
    const auto rowIt = node->childRowById.constFind(id);
    return rowIt == node->childRowById.cend() ? nullptr : &node->children[size_t(*rowIt)];
}

const Chat *ChatListModel::chat(const ChatId &id) const
{
    const Entry *entry = const_cast<ChatListModel *>(this)->entryOf(id);
    return entry ? &entry->chat : nullptr;
}

QModelIndex ChatListModel::indexOf(const ChatId &id) const
{
    if (const auto it = m_rowById.constFind(id); it != m_rowById.cend())
        return createIndex(*it, 0, nullptr);
    const auto parentIt = m_parentOfChild.constFind(id);
    if (parentIt == m_parentOfChild.cend())
        return {};
    RootNode *node = nodeOf(*parentIt);
    if (!node)
        return {};
    const auto rowIt = node->childRowById.constFind(id);
    return rowIt == node->childRowById.cend() ? QModelIndex() : createIndex(*rowIt, 0, node);
}

QList<ChatId> ChatListModel::childIds(const ChatId &rootId) const
{
    QList<ChatId> ids;
    if (const RootNode *node = nodeOf(rootId)) {
        for (const Entry &child : node->children)
            ids.append(child.chat.id);
    }
    return ids;
}

int ChatListModel::chatCount() const
{
    return int(m_rowById.size() + m_parentOfChild.size());
}

// --- Structure ---------------------------------------------------------------------------------

void ChatListModel::upsert(const Chat &chat)
{
    if (chat.id.isNull())
        return; // server input: a chat without id cannot be placed
    if (chat.isRoot()) {
        upsertRoot(chat, false);
        return;
    }
    if (RootNode *node = nodeOf(chat.parentChatId)) {
        if (const auto it = m_rowById.constFind(chat.id); it != m_rowById.cend())
            removeRootRow(*it); // was listed as a root before its parent was known
        upsertChild(*node, chat);
        return;
    }
    // The parent is not known (yet), e.g. it is archived and the archived view is not loaded.
    // A known placement of this id is stale now.
    if (m_rowById.contains(chat.id) || m_parentOfChild.contains(chat.id))
        remove(chat.id);
    QList<Chat> &waiting = m_orphans[chat.parentChatId];
    const auto it = std::find_if(
        waiting.begin(), waiting.end(), [&chat](const Chat &known) { return known.id == chat.id; });
    if (it != waiting.end())
        *it = chat;
    else
        waiting.append(chat);
}

void ChatListModel::upsertRoot(const Chat &chat, bool childrenAuthoritative)
{
    if (m_parentOfChild.contains(chat.id))
        remove(chat.id); // a child became a root: move it
    RootNode *node = nodeOf(chat.id);
    if (!node) {
        insertRoot(chat);
        return;
    }
    const QModelIndex rootIndex = indexOf(chat.id);
    updateEntry(node->entry, rootIndex, withoutChildren(chat));
    for (Chat child : chat.children) {
        if (child.parentChatId.isNull())
            child.parentChatId = chat.id;
        if (child.parentChatId == chat.id && child.id != chat.id)
            upsertChild(*node, child);
    }
    if (!childrenAuthoritative)
        return;
    QSet<ChatId> listed;
    for (const Chat &child : chat.children)
        listed.insert(child.id);
    for (int row = int(node->children.size()) - 1; row >= 0; --row) {
        if (!listed.contains(node->children[size_t(row)].chat.id))
            removeChildRow(*node, row);
    }
}

void ChatListModel::insertRoot(const Chat &chat)
{
    auto node = std::make_unique<RootNode>();
    node->entry.chat = withoutChildren(chat);
    QList<Chat> children = chat.children;
    children.append(m_orphans.take(chat.id));
    for (Chat &child : children) {
        if (child.id.isNull() || child.id == chat.id)
            continue;
        child.parentChatId = chat.id;
        child.children.clear(); // depth is at most 1
        if (const auto it = node->childRowById.constFind(child.id);
            it != node->childRowById.cend()) {
            node->children[size_t(*it)].chat = child; // a later copy wins
            continue;
        }
        if (m_parentOfChild.contains(child.id) || m_rowById.contains(child.id))
            remove(child.id); // it moved from another root, or was a root before
        node->childRowById.insert(child.id, int(node->children.size()));
        node->children.push_back(Entry{child, 0});
    }

    const int row = int(m_roots.size());
    beginInsertRows({}, row, row);
    for (const Entry &child : node->children)
        m_parentOfChild.insert(child.chat.id, chat.id);
    m_rowById.insert(chat.id, row);
    m_roots.push_back(std::move(node));
    endInsertRows();
}

void ChatListModel::upsertChild(RootNode &node, const Chat &chat)
{
    Chat child = withoutChildren(chat);
    child.parentChatId = node.entry.chat.id;
    const QModelIndex rootIndex = indexOf(node.entry.chat.id);
    if (const auto it = node.childRowById.constFind(child.id); it != node.childRowById.cend()) {
        updateEntry(node.children[size_t(*it)], index(*it, 0, rootIndex), child);
        return;
    }
    if (m_parentOfChild.contains(child.id))
        remove(child.id); // moved between roots
    const int row = int(node.children.size());
    beginInsertRows(rootIndex, row, row);
    node.children.push_back(Entry{child, 0});
    node.childRowById.insert(child.id, row);
    m_parentOfChild.insert(child.id, node.entry.chat.id);
    endInsertRows();
    ++node.entry.revision;
    emit dataChanged(rootIndex, rootIndex, {ChildCountRole, ChatRole, RevisionRole});
}

void ChatListModel::updateEntry(Entry &entry, const QModelIndex &index, const Chat &chat)
{
    const QList<int> roles = changedRoles(entry.chat, chat);
    if (roles.isEmpty())
        return;
    const ChatStatus previous = entry.chat.status;
    entry.chat = chat;
    ++entry.revision;
    emit dataChanged(index, index, roles);
    if (previous != chat.status)
        emit statusChanged(chat.id, previous, chat.status);
}

void ChatListModel::remove(const ChatId &id)
{
    if (const auto it = m_rowById.constFind(id); it != m_rowById.cend()) {
        removeRootRow(*it);
        return;
    }
    if (const auto parentIt = m_parentOfChild.constFind(id); parentIt != m_parentOfChild.cend()) {
        RootNode *node = nodeOf(*parentIt);
        if (node) {
            removeChildRow(*node, node->childRowById.value(id));
            return;
        }
        m_parentOfChild.erase(parentIt);
    }
    for (auto it = m_orphans.begin(); it != m_orphans.end();) {
        it->removeIf([&id](const Chat &chat) { return chat.id == id; });
        it = it->isEmpty() ? m_orphans.erase(it) : std::next(it);
    }
}

void ChatListModel::removeRootRow(int row)
{
    beginRemoveRows({}, row, row);
    const RootNode &node = *m_roots[size_t(row)];
    for (const Entry &child : node.children)
        m_parentOfChild.remove(child.chat.id);
    m_rowById.remove(node.entry.chat.id);
    m_roots.erase(m_roots.begin() + row);
    reindexFrom(row);
    endRemoveRows();
}

void ChatListModel::removeChildRow(RootNode &node, int row)
{
    const QModelIndex rootIndex = indexOf(node.entry.chat.id);
    beginRemoveRows(rootIndex, row, row);
    const ChatId childId = node.children[size_t(row)].chat.id;
    node.childRowById.remove(childId);
    m_parentOfChild.remove(childId);
    node.children.erase(node.children.begin() + row);
    reindexChildrenFrom(node, row);
    endRemoveRows();
    ++node.entry.revision;
    emit dataChanged(rootIndex, rootIndex, {ChildCountRole, ChatRole, RevisionRole});
}

void ChatListModel::reindexFrom(int firstRow)
{
    for (int row = firstRow; row < int(m_roots.size()); ++row)
        m_rowById.insert(m_roots[size_t(row)]->entry.chat.id, row);
}

void ChatListModel::reindexChildrenFrom(RootNode &node, int firstRow)
{
    for (int row = firstRow; row < int(node.children.size()); ++row)
        node.childRowById.insert(node.children[size_t(row)].chat.id, row);
}

void ChatListModel::replaceAll(const QList<Chat> &roots)
{
    QSet<ChatId> listed;
    for (const Chat &root : roots)
        listed.insert(root.id);
    for (int row = int(m_roots.size()) - 1; row >= 0; --row) {
        if (!listed.contains(m_roots[size_t(row)]->entry.chat.id))
            removeRootRow(row);
    }
    m_orphans.clear();
    for (const Chat &root : roots) {
        if (!root.id.isNull())
            upsertRoot(root, true);
    }
}

void ChatListModel::clear()
{
    beginResetModel();
    m_roots.clear();
    m_rowById.clear();
    m_parentOfChild.clear();
    m_orphans.clear();
    endResetModel();
}

void ChatListModel::setCurrentUserId(const UserId &id)
{
    if (id == m_currentUserId)
        return;
    m_currentUserId = id;
    if (!m_roots.empty())
        emit dataChanged(index(0, 0), index(int(m_roots.size()) - 1, 0), {SharedWithMeRole});
}

bool ChatListModel::isSharedWithMe(const Chat &chat) const
{
    return !m_currentUserId.isNull() && !chat.ownerId.isNull() && chat.ownerId != m_currentUserId;
}

// --- Optimistic helpers --------------------------------------------------------------------------

QList<Chat> ChatListModel::setPinOrder(const ChatId &id, int pinOrder)
{
    RootNode *target = nodeOf(id);
    // §7.5: negative values, archived chats and children are refused by the server.
    if (!target || pinOrder < 0 || target->entry.chat.archived)
        return {};
    const int current = target->entry.chat.pinOrder;
    int pinnedCount = 0;
    for (const auto &node : m_roots)
        pinnedCount += node->entry.chat.isPinned() ? 1 : 0;

    // The new pin_order of every root, computed the way the server does it.
    const auto newOrder = [&](const Chat &chat) -> int {
        const int order = chat.pinOrder;
        if (chat.id == id) {
            if (pinOrder == 0)
                return 0;
            if (current == 0)
                return pinnedCount + 1;
            return std::clamp(pinOrder, 1, pinnedCount);
        }
        if (order == 0)
            return 0;
        if (pinOrder == 0)
            return current > 0 && order > current ? order - 1 : order;
        if (current == 0)
            return order;
        const int moveTo = std::clamp(pinOrder, 1, pinnedCount);
        if (moveTo < current && order >= moveTo && order < current)
            return order + 1;
        if (moveTo > current && order > current && order <= moveTo)
            return order - 1;
        return order;
    };

    QList<Chat> previous;
    for (int row = 0; row < int(m_roots.size()); ++row) {
        Entry &entry = m_roots[size_t(row)]->entry;
        const int order = newOrder(entry.chat);
        if (order == entry.chat.pinOrder)
            continue;
        previous.append(entry.chat);
        Chat changed = entry.chat;
        changed.pinOrder = order;
        updateEntry(entry, createIndex(row, 0, nullptr), changed);
    }
    return previous;
}

QList<Chat> ChatListModel::setArchived(const ChatId &id, bool archived)
{
    RootNode *target = nodeOf(id);
    if (!target || target->entry.chat.archived == archived)
        return {};
    QList<Chat> previous;
    if (archived && target->entry.chat.isPinned())
        previous = setPinOrder(id, 0); // the server drops the pin of an archived chat

    if (previous.isEmpty() || previous.first().id != id)
        previous.prepend(target->entry.chat);
    Chat changed = target->entry.chat;
    changed.archived = archived;
    updateEntry(target->entry, indexOf(id), changed);
    for (int row = 0; row < int(target->children.size()); ++row) {
        Entry &child = target->children[size_t(row)];
        if (child.chat.archived == archived)
            continue;
        previous.append(child.chat);
        Chat changedChild = child.chat;
        changedChild.archived = archived;
        updateEntry(child, createIndex(row, 0, target), changedChild);
    }
    return previous;
}

std::optional<Chat> ChatListModel::editChat(
    const ChatId &id, const std::function<void(Chat &)> &edit)
{
    Entry *entry = entryOf(id);
    if (!entry)
        return std::nullopt;
    const Chat before = entry->chat;
    Chat changed = before;
    edit(changed);
    updateEntry(*entry, indexOf(id), changed);
    return before;
}

std::optional<Chat> ChatListModel::setTitle(const ChatId &id, const QString &title)
{
    return editChat(id, [&](Chat &chat) { chat.title = title; });
}

std::optional<Chat> ChatListModel::setHasUnread(const ChatId &id, bool hasUnread)
{
    return editChat(id, [&](Chat &chat) { chat.hasUnread = hasUnread; });
}

std::optional<Chat> ChatListModel::setLabels(const ChatId &id, const QMap<QString, QString> &labels)
{
    return editChat(id, [&](Chat &chat) { chat.labels = labels; });
}

std::optional<Chat> ChatListModel::setPlanMode(const ChatId &id, bool planMode)
{
    return editChat(id, [&](Chat &chat) { chat.planMode = planMode; });
}

void ChatListModel::restore(const QList<Chat> &previous)
{
    for (const Chat &chat : previous)
        upsert(chat);
}

} // namespace AgentDesk
