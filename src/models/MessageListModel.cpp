#include "models/MessageListModel.h"

#include "core/live/MessageAssembler.h"
#include "models/MessageParts.h"

#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// `raw` doubles the memory of every part (a second copy of its text). The model keeps it only
// where a view needs it: parts of unknown kinds, which are rendered generically from it. The
// parts are only touched when one holds a copy: a non-const pass would detach the list from the
// one ChatSession's assembler holds, and every message would be stored twice. The rules are the
// assembler's (MessageAssembler::compacted, holdsRawCopy).
//!
//! `message` itself when it holds no wire copy, so the row shares it with its other holders.
SharedChatMessage compacted(const SharedChatMessage &message)
{
    if (std::none_of(
            message->parts.cbegin(), message->parts.cend(), MessageAssembler::holdsRawCopy))
        return message;
    return std::make_shared<const ChatMessage>(MessageAssembler::compacted(*message));
}

//! Calls `visit` with the id of every tool call in `message`, in order.
template<typename Visit>
void forEachToolCall(const ChatMessage &message, Visit visit)
{
    for (const MessagePart &part : message.parts) {
        if (part.kind == MessagePart::Kind::ToolCall)
            visit(part.detail().toolCallId);
    }
}

QList<SharedChatMessage> sharedAll(const QList<ChatMessage> &messages)
{
    QList<SharedChatMessage> shared;
    shared.reserve(messages.size());
    for (const ChatMessage &message : messages)
        shared.append(std::make_shared<const ChatMessage>(message));
    return shared;
}

bool sameUsage(const OptionalUsage &a, const OptionalUsage &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return a->inputTokens == b->inputTokens && a->outputTokens == b->outputTokens
        && a->totalTokens == b->totalTokens && a->reasoningTokens == b->reasoningTokens
        && a->cacheCreationTokens == b->cacheCreationTokens
        && a->cacheReadTokens == b->cacheReadTokens && a->contextLimit == b->contextLimit;
}

bool hasToolCalls(const ChatMessage &message)
{
    return std::any_of(message.parts.cbegin(), message.parts.cend(),
        [](const MessagePart &part) { return part.kind == MessagePart::Kind::ToolCall; });
}

//! The roles that differ between two versions of one message; empty when nothing changed.
QList<int> changedRoles(const ChatMessage &a, const ChatMessage &b)
{
    using R = MessageListModel::Role;
    QList<int> roles;
    if (a.id != b.id)
        roles.append(R::MessageIdRole);
    if (a.role != b.role)
        roles.append(R::RoleRole);
    if (a.createdAt != b.createdAt)
        roles.append(R::CreatedAtRole);
    if (!sameParts(a.parts, b.parts)) {
        roles.append(R::PartsRole);
        if (!sameJoinedText(a.parts, b.parts))
            roles.append({Qt::DisplayRole, R::TextRole});
        if (hasToolCalls(a) || hasToolCalls(b))
            roles.append({R::ToolResultsRole, R::ToolStatesRole});
    }
    if (!sameUsage(a.usage, b.usage))
        roles.append(R::UsageRole);
    if (a.modelConfigId != b.modelConfigId)
        roles.append(R::ModelConfigIdRole);
    return roles;
}

MessagePart partFromInput(const InputPart &input)
{
    MessagePart part;
    switch (input.kind) {
    case InputPart::Kind::Text:
        part.kind = MessagePart::Kind::Text;
        part.typeRaw = u"text"_s;
        part.text = input.text;
        break;
    case InputPart::Kind::File:
        part.kind = MessagePart::Kind::File;
        part.typeRaw = u"file"_s;
        part.editDetail().fileId = input.fileId;
        break;
    case InputPart::Kind::FileReference:
        part.kind = MessagePart::Kind::FileReference;
        part.typeRaw = u"file-reference"_s;
        part.editDetail().fileName = input.fileName;
        part.editDetail().startLine = input.startLine;
        part.editDetail().endLine = input.endLine;
        part.editDetail().content = input.content;
        break;
    }
    return part;
}

bool idLess(const SharedChatMessage &a, const SharedChatMessage &b)
{
    return a->id < b->id;
}

//! Sorted by id, one message per id (the last copy given wins), invalid ids dropped.
QList<SharedChatMessage> sortedUnique(const QList<SharedChatMessage> &messages)
{
    QList<SharedChatMessage> sorted;
    sorted.reserve(messages.size());
    for (const SharedChatMessage &message : messages) {
        if (message && message->id.isValid())
            sorted.append(message);
    }
    std::stable_sort(sorted.begin(), sorted.end(), idLess);
    QList<SharedChatMessage> unique;
    unique.reserve(sorted.size());
    for (const SharedChatMessage &message : sorted) {
        if (!unique.isEmpty() && unique.constLast()->id == message->id)
            unique.last() = message;
        else
            unique.append(message);
    }
    return unique;
}

} // namespace

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

MessageListModel::~MessageListModel() = default;

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[size_t(index.row())];
    const ChatMessage &message = *entry.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return joinedText(message.parts);
    case MessageIdRole:
        return QVariant::fromValue(message.id);
    case RoleRole:
        return QVariant::fromValue(message.role);
    case CreatedAtRole:
        return message.createdAt;
    case PartsRole:
        return QVariant::fromValue(partsWithToolFiles(message));
    case StoppedRole:
        return m_stopped.contains(message.id);
    case ContinuesTurnRole:
        return entry.continuesTurn;
    case ContinuedRole:
        return entry.continued;
    case ToolResultsRole:
        return QVariant::fromValue(resultsOf(message));
    case ToolStatesRole:
        return QVariant::fromValue(statesOf(message));
    case RevisionRole:
        return entry.revision;
    case StreamingRole:
        return entry.kind == Kind::Preview;
    case PendingRole:
        return entry.kind == Kind::Pending;
    case PendingNonceRole:
        return entry.echo ? entry.echo->nonce : QString();
    case SendErrorRole:
        return entry.echo ? entry.echo->sendError : QString();
    case UsageRole:
        return message.usage ? QVariant::fromValue(*message.usage) : QVariant();
    case ModelConfigIdRole:
        return QVariant::fromValue(message.modelConfigId);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {MessageIdRole, "messageId"},
        {RoleRole, "role"},
        {CreatedAtRole, "createdAt"},
        {PartsRole, "parts"},
        {TextRole, "text"},
        {ToolResultsRole, "toolResults"},
        {ToolStatesRole, "toolStates"},
        {RevisionRole, "revision"},
        {StreamingRole, "streaming"},
        {PendingRole, "pending"},
        {PendingNonceRole, "pendingNonce"},
        {SendErrorRole, "sendError"},
        {UsageRole, "usage"},
        {ModelConfigIdRole, "modelConfigId"},
        {StoppedRole, "stopped"},
        {ContinuesTurnRole, "continuesTurn"},
        {ContinuedRole, "continued"},
    });
    return names;
}

// --- Tool results ------------------------------------------------------------------------------

const MessagePart *MessageListModel::resultFor(const QString &callId) const
{
    if (const auto it = m_results.constFind(callId); it != m_results.cend())
        return &*it;
    if (const auto it = m_previewResults.constFind(callId); it != m_previewResults.cend())
        return &*it;
    return nullptr;
}

MessageListModel::ToolResults MessageListModel::resultsOf(const ChatMessage &message) const
{
    ToolResults results;
    forEachToolCall(message, [&](const QString &callId) {
        if (const MessagePart *result = resultFor(callId))
            results.insert(callId, *result);
    });
    return results;
}

MessageListModel::ToolStates MessageListModel::statesOf(const ChatMessage &message) const
{
    ToolStates states;
    forEachToolCall(message, [&](const QString &callId) {
        ToolCallState state = m_awaitingCalls.contains(callId) ? ToolCallState::AwaitingInput
            : m_chatActive                                     ? ToolCallState::Running
                                                               : ToolCallState::Interrupted;
        if (const MessagePart *result = resultFor(callId))
            state = result->detail().isError ? ToolCallState::Failed : ToolCallState::Done;
        states.insert(callId, state);
    });
    return states;
}

void MessageListModel::trackCalls(const ChatMessage &message)
{
    forEachToolCall(message, [&](const QString &callId) {
        if (!callId.isEmpty())
            m_callOwner.insert(callId, message.id);
    });
}

void MessageListModel::untrackCalls(const ChatMessage &message)
{
    forEachToolCall(message, [&](const QString &callId) {
        if (const auto it = m_callOwner.constFind(callId);
            it != m_callOwner.cend() && *it == message.id)
            m_callOwner.erase(it);
    });
}

void MessageListModel::notifyCalls(const QSet<QString> &callIds, const QList<int> &roles)
{
    QSet<int> rows;
    for (const QString &callId : callIds) {
        if (const auto owner = m_callOwner.constFind(callId); owner != m_callOwner.cend()) {
            if (const int row = rowOf(*owner); row >= 0)
                rows.insert(row);
        }
        if (m_hasPreview && m_previewCalls.contains(callId))
            rows.insert(int(m_entries.size()) - 1);
    }
    QList<int> sortedRows(rows.cbegin(), rows.cend());
    std::sort(sortedRows.begin(), sortedRows.end());
    for (const int row : sortedRows) {
        ++m_entries[size_t(row)].revision;
        const QModelIndex changed = index(row);
        emit dataChanged(changed, changed, roles);
    }
}

void MessageListModel::applyToolMessage(const ChatMessage &message)
{
    if (const int row = rowOf(message.id); row >= 0)
        removeRowRange(row, row); // it had a row under another role before

    QSet<QString> changed;
    QStringList callIds;
    // Files a tool produced (a screenshot, a report) travel in its tool message after the
    // result; they are shown with the call that made them.
    QHash<QString, QList<MessagePart>> files;
    QString lastCall;
    for (const MessagePart &part : message.parts) {
        if (part.kind == MessagePart::Kind::File && !lastCall.isEmpty()) {
            files[lastCall].append(part);
            continue;
        }
        if (part.kind != MessagePart::Kind::ToolResult || part.detail().toolCallId.isEmpty())
            continue;
        lastCall = part.detail().toolCallId;
        callIds.append(part.detail().toolCallId);
        const auto known = m_results.constFind(part.detail().toolCallId);
        if (known != m_results.cend() && samePart(*known, part))
            continue;
        m_results.insert(part.detail().toolCallId, MessageAssembler::compacted(part));
        changed.insert(part.detail().toolCallId);
    }
    const QStringList before = m_toolMessages.value(message.id);
    for (const QString &callId : before) {
        if (!callIds.contains(callId)) {
            m_results.remove(callId);
            changed.insert(callId);
        }
        if (m_resultFiles.remove(callId))
            changed.insert(callId);
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        m_resultFiles.insert(it.key(), it.value());
        changed.insert(it.key());
    }
    m_toolMessages.insert(message.id, callIds);
    notifyCalls(changed, {PartsRole, ToolResultsRole, ToolStatesRole, RevisionRole});
}

QList<MessagePart> MessageListModel::partsWithToolFiles(const ChatMessage &message) const
{
    if (m_resultFiles.isEmpty())
        return message.parts;
    QList<MessagePart> parts;
    for (const MessagePart &part : message.parts) {
        parts.append(part);
        if (part.kind == MessagePart::Kind::ToolCall)
            parts.append(m_resultFiles.value(part.detail().toolCallId));
    }
    return parts;
}

void MessageListModel::setAwaitingCalls(const QSet<QString> &callIds)
{
    if (callIds == m_awaitingCalls)
        return;
    const QSet<QString> changed = (callIds - m_awaitingCalls) + (m_awaitingCalls - callIds);
    m_awaitingCalls = callIds;
    notifyCalls(changed, {ToolStatesRole, RevisionRole});
}

void MessageListModel::markStopped(MessageId id)
{
    if (!id.isValid() || m_stopped.contains(id))
        return;
    m_stopped.insert(id);
    if (const int row = rowOf(id); row >= 0) {
        ++m_entries[size_t(row)].revision;
        emit dataChanged(index(row), index(row), {StoppedRole, RevisionRole});
    }
}

void MessageListModel::removeToolMessage(MessageId id)
{
    const QStringList callIds = m_toolMessages.take(id);
    QSet<QString> changed;
    for (const QString &callId : callIds) {
        const bool hadResult = m_results.remove(callId);
        const bool hadFiles = m_resultFiles.remove(callId);
        if (hadResult || hadFiles)
            changed.insert(callId);
    }
    notifyCalls(changed, {PartsRole, ToolResultsRole, ToolStatesRole, RevisionRole});
}

// --- Structure ---------------------------------------------------------------------------------

int MessageListModel::committedCount() const
{
    return int(m_entries.size()) - m_pendingCount - (m_hasPreview ? 1 : 0);
}

int MessageListModel::committedInsertRow(MessageId id) const
{
    const auto end = m_entries.cbegin() + committedCount();
    // New messages nearly always belong at the end: check that before searching.
    if (m_entries.cbegin() == end || (end - 1)->message->id < id)
        return committedCount();
    const auto pos = std::upper_bound(m_entries.cbegin(), end, id,
        [](MessageId value, const Entry &entry) { return value < entry.message->id; });
    return int(pos - m_entries.cbegin());
}

void MessageListModel::reindexFrom(int firstRow)
{
    reindexRange(firstRow, committedCount());
}

void MessageListModel::reindexRange(int firstRow, int endRow)
{
    for (int row = firstRow; row < endRow; ++row)
        m_rowById.insert(m_entries[size_t(row)].message->id, row - m_rowShift);
}

void MessageListModel::insertCommitted(int row, std::vector<Entry> &&entries)
{
    if (entries.empty())
        return;
    beginInsertRows({}, row, row + int(entries.size()) - 1);
    const int count = int(entries.size());
    // Grow by an eighth, not the vector's doubling: a fully paged 10,000-message history would
    // otherwise hold up to as many unused rows again (#15). Still geometric, so appends stay
    // amortised constant.
    const size_t needed = m_entries.size() + entries.size();
    if (m_entries.capacity() < needed)
        m_entries.reserve(needed + needed / 8);
    m_entries.insert(m_entries.begin() + row, std::make_move_iterator(entries.begin()),
        std::make_move_iterator(entries.end()));
    if (row == 0) {
        // Older pages land above everything: shift all stored rows at once instead of
        // rewriting the whole index (paging 10k messages would be quadratic otherwise).
        m_rowShift += count;
        reindexRange(0, count);
    } else {
        reindexFrom(row);
    }
    for (int r = row; r < row + count; ++r)
        trackCalls(*m_entries[size_t(r)].message);
    endInsertRows();
    touchNeighbours(row, row + count - 1);

    // Results that arrived before their calls are shown now; the rows are new, so nothing to
    // notify for them. Nothing else changes.
}

void MessageListModel::replaceAt(int row, const SharedChatMessage &message)
{
    Entry &entry = m_entries[size_t(row)];
    QList<int> roles = changedRoles(*entry.message, *message);
    if (roles.isEmpty())
        return;
    if (entry.kind == Kind::Committed)
        untrackCalls(*entry.message);
    entry.message = compacted(message);
    if (entry.kind == Kind::Committed)
        trackCalls(*entry.message);
    ++entry.revision;
    roles.append(RevisionRole);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, roles);
}

void MessageListModel::removeRowRange(int first, int last)
{
    beginRemoveRows({}, first, last);
    int pendingRemoved = 0;
    for (int row = first; row <= last; ++row) {
        const Entry &entry = m_entries[size_t(row)];
        if (entry.kind == Kind::Committed) {
            untrackCalls(*entry.message);
            m_rowById.remove(entry.message->id);
        } else if (entry.kind == Kind::Pending) {
            ++pendingRemoved;
        } else {
            m_hasPreview = false;
            m_previewCalls.clear();
        }
    }
    m_entries.erase(m_entries.begin() + first, m_entries.begin() + last + 1);
    if (m_entries.capacity() > 2 * m_entries.size() + 256) {
        // A trimmed history: give the rows' memory back, not only their contents'.
        m_entries.shrink_to_fit();
        m_rowById.squeeze();
    }
    m_pendingCount -= pendingRemoved;
    reindexFrom(first);
    endRemoveRows();
    touchNeighbours(first, first - 1);
}

bool MessageListModel::isAgentRow(int row) const
{
    if (row < 0 || row >= int(m_entries.size()))
        return false;
    const Entry &entry = m_entries[size_t(row)];
    return entry.kind == Kind::Preview
        || (entry.kind == Kind::Committed && entry.message->role == MessageRole::Assistant);
}

bool MessageListModel::refreshTurnFlags(int row)
{
    if (row < 0 || row >= int(m_entries.size()))
        return false;
    Entry &entry = m_entries[size_t(row)];
    const bool agent = isAgentRow(row);
    const bool continuesTurn = agent && isAgentRow(row - 1);
    const bool continued = agent && isAgentRow(row + 1);
    if (continuesTurn == entry.continuesTurn && continued == entry.continued)
        return false;
    entry.continuesTurn = continuesTurn;
    entry.continued = continued;
    return true;
}

void MessageListModel::touchNeighbours(int first, int last)
{
    for (int row = first; row <= last; ++row)
        refreshTurnFlags(row);
    for (const int row : {first - 1, std::max(first, last + 1)}) {
        if (!refreshTurnFlags(row))
            continue;
        ++m_entries[size_t(row)].revision;
        emit dataChanged(index(row), index(row), {ContinuesTurnRole, ContinuedRole, RevisionRole});
    }
}

void MessageListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_rowById.clear();
    m_rowShift = 0;
    m_pendingCount = 0;
    m_hasPreview = false;
    m_results.clear();
    m_toolMessages.clear();
    m_callOwner.clear();
    m_previewResults.clear();
    m_previewCalls.clear();
    m_resultFiles.clear();
    m_awaitingCalls.clear();
    m_stopped.clear();
    m_entries.shrink_to_fit();
    m_rowById.squeeze();
    endResetModel();
}

void MessageListModel::upsert(const ChatMessage &message)
{
    upsert(std::make_shared<const ChatMessage>(message));
}

void MessageListModel::upsert(const SharedChatMessage &message)
{
    if (!message || !message->id.isValid())
        return; // server input without an id cannot be placed; the stream's preview covers it
    if (message->role == MessageRole::Tool) {
        applyToolMessage(*message);
        return;
    }
    if (m_toolMessages.contains(message->id))
        removeToolMessage(message->id);
    if (const int row = rowOf(message->id); row >= 0) {
        replaceAt(row, message);
        return;
    }
    std::vector<Entry> entries;
    entries.push_back(Entry{compacted(message), {}});
    insertCommitted(committedInsertRow(message->id), std::move(entries));
}

void MessageListModel::upsertMany(const QList<ChatMessage> &messages)
{
    upsertMany(sharedAll(messages));
}

void MessageListModel::upsertMany(const QList<SharedChatMessage> &messages)
{
    const QList<SharedChatMessage> sorted = sortedUnique(messages);
    const int committed = committedCount();
    const std::optional<MessageId> last = committed > 0
        ? std::optional<MessageId>(m_entries[size_t(committed - 1)].message->id)
        : std::nullopt;
    std::vector<Entry> tail;
    for (const SharedChatMessage &message : sorted) {
        if (message->role == MessageRole::Tool) {
            applyToolMessage(*message);
        } else if (!last || *last < message->id) {
            // Sorted, so everything from here on is newer than every row: one insert.
            if (m_toolMessages.contains(message->id))
                removeToolMessage(message->id);
            tail.push_back(Entry{compacted(message), {}});
        } else {
            upsert(message);
        }
    }
    insertCommitted(committedCount(), std::move(tail));
}

void MessageListModel::prependPage(const QList<ChatMessage> &olderMessages)
{
    prependPage(sharedAll(olderMessages));
}

void MessageListModel::prependPage(const QList<SharedChatMessage> &olderMessages)
{
    const QList<SharedChatMessage> sorted = sortedUnique(olderMessages);
    const std::optional<MessageId> first = committedCount() > 0
        ? std::optional<MessageId>(m_entries.front().message->id)
        : std::nullopt;
    std::vector<Entry> head;
    QList<SharedChatMessage> interleaved;
    for (const SharedChatMessage &message : sorted) {
        if (message->role == MessageRole::Tool) {
            if (!m_toolMessages.contains(message->id))
                applyToolMessage(*message);
        } else if (m_rowById.contains(message->id)) {
            continue; // a page may overlap what the stream already sent; the stream is newer
        } else if (!first || message->id < *first) {
            head.push_back(Entry{compacted(message), {}});
        } else {
            interleaved.append(message);
        }
    }
    insertCommitted(0, std::move(head));
    for (const SharedChatMessage &message : std::as_const(interleaved))
        upsert(message);
}

void MessageListModel::removeIds(const QList<MessageId> &ids)
{
    QList<int> rows;
    for (const MessageId id : ids) {
        if (m_toolMessages.contains(id))
            removeToolMessage(id);
        else if (const int row = rowOf(id); row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // From the bottom up, one remove per contiguous run, so earlier rows keep their numbers.
    int i = int(rows.size()) - 1;
    while (i >= 0) {
        int j = i;
        while (j > 0 && rows[j - 1] == rows[j] - 1)
            --j;
        removeRowRange(rows[j], rows[i]);
        i = j - 1;
    }
}

void MessageListModel::removeAfter(MessageId id)
{
    QList<MessageId> newerTools;
    for (auto it = m_toolMessages.upperBound(id); it != m_toolMessages.end(); ++it)
        newerTools.append(it.key());
    for (const MessageId toolId : std::as_const(newerTools))
        removeToolMessage(toolId);
    const int first = committedInsertRow(id);
    const int committed = committedCount();
    if (first < committed)
        removeRowRange(first, committed - 1);
}

void MessageListModel::setPreview(const std::optional<ChatMessage> &preview)
{
    QHash<QString, MessagePart> results;
    if (preview) {
        for (const MessagePart &part : preview->parts) {
            if (part.kind == MessagePart::Kind::ToolResult && !part.detail().toolCallId.isEmpty())
                results.insert(part.detail().toolCallId, MessageAssembler::compacted(part));
        }
    }
    // A preview of a tool message has no row of its own: its results show on their calls.
    const bool wantsRow = preview && preview->role != MessageRole::Tool;
    if (!wantsRow && m_hasPreview) {
        removeRowRange(int(m_entries.size()) - 1, int(m_entries.size()) - 1);
    } else if (wantsRow && !m_hasPreview) {
        const int row = int(m_entries.size());
        beginInsertRows({}, row, row);
        m_entries.push_back(
            Entry{std::make_shared<const ChatMessage>(MessageAssembler::compacted(*preview)), {}, 0,
                Kind::Preview});
        m_hasPreview = true;
        endInsertRows();
        touchNeighbours(row, row);
    } else if (wantsRow) {
        replaceAt(int(m_entries.size()) - 1, std::make_shared<const ChatMessage>(*preview));
    }
    m_previewCalls.clear();
    if (m_hasPreview) {
        for (const MessagePart &part : m_entries.back().message->parts) {
            if (part.kind == MessagePart::Kind::ToolCall)
                m_previewCalls.insert(part.detail().toolCallId);
        }
    }

    QSet<QString> changed;
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        const auto known = m_previewResults.constFind(it.key());
        if (known == m_previewResults.cend() || !samePart(*known, *it))
            changed.insert(it.key());
    }
    for (auto it = m_previewResults.cbegin(); it != m_previewResults.cend(); ++it) {
        if (!results.contains(it.key()))
            changed.insert(it.key());
    }
    m_previewResults = std::move(results);
    // A committed result wins over a streamed one, so only calls without one change.
    for (auto it = changed.begin(); it != changed.end();) {
        if (m_results.contains(*it))
            it = changed.erase(it);
        else
            ++it;
    }
    notifyCalls(changed, {ToolResultsRole, ToolStatesRole, RevisionRole});
}

QString MessageListModel::addPendingEcho(const QList<InputPart> &content)
{
    ChatMessage message;
    message.role = MessageRole::User;
    message.roleRaw = u"user"_s;
    message.createdAt = QDateTime::currentDateTimeUtc();
    for (const InputPart &input : content)
        message.parts.append(partFromInput(input));
    const QString nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Entry entry{std::make_shared<const ChatMessage>(std::move(message)),
        std::make_unique<Echo>(Echo{nonce, {}}), 0, Kind::Pending};

    const int row = committedCount() + m_pendingCount;
    beginInsertRows({}, row, row);
    m_entries.insert(m_entries.begin() + row, std::move(entry));
    ++m_pendingCount;
    endInsertRows();
    touchNeighbours(row, row);
    return nonce;
}

int MessageListModel::rowOfPendingEcho(const QString &nonce) const
{
    const int first = committedCount();
    for (int row = first; row < first + m_pendingCount; ++row) {
        if (m_entries[size_t(row)].echo && m_entries[size_t(row)].echo->nonce == nonce)
            return row;
    }
    return -1;
}

void MessageListModel::resolvePendingEcho(const QString &nonce, const ChatMessage &real)
{
    const int row = rowOfPendingEcho(nonce);
    if (row < 0) {
        upsert(real);
        return;
    }
    if (!real.id.isValid() || real.role == MessageRole::Tool || m_rowById.contains(real.id)) {
        // The stream delivered this message first (or the answer cannot be placed): the echo
        // has done its job.
        removeRowRange(row, row);
        upsert(real);
        return;
    }

    const int target = committedInsertRow(real.id);
    const bool moving = target != row;
    if (moving) {
        // Another message was committed after the send: the echo belongs above it.
        beginMoveRows({}, row, row, {}, target);
        Entry moved = std::move(m_entries[size_t(row)]);
        m_entries.erase(m_entries.begin() + row);
        m_entries.insert(m_entries.begin() + target, std::move(moved));
    }
    Entry &entry = m_entries[size_t(target)];
    QList<int> roles = changedRoles(*entry.message, real);
    roles.append({PendingRole, PendingNonceRole, RevisionRole});
    if (entry.echo && !entry.echo->sendError.isEmpty())
        roles.append(SendErrorRole);
    entry.kind = Kind::Committed;
    entry.echo.reset();
    entry.message = std::make_shared<const ChatMessage>(MessageAssembler::compacted(real));
    ++entry.revision;
    --m_pendingCount;
    reindexFrom(target);
    trackCalls(*entry.message);
    if (moving)
        endMoveRows();
    const QModelIndex changed = index(target);
    emit dataChanged(changed, changed, roles);
}

void MessageListModel::failPendingEcho(const QString &nonce, const QString &errorText)
{
    const int row = rowOfPendingEcho(nonce);
    if (row < 0)
        return;
    Entry &entry = m_entries[size_t(row)];
    if (!entry.echo || entry.echo->sendError == errorText)
        return;
    entry.echo->sendError = errorText;
    ++entry.revision;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {SendErrorRole, RevisionRole});
}

void MessageListModel::removePendingEcho(const QString &nonce)
{
    const int row = rowOfPendingEcho(nonce);
    if (row >= 0)
        removeRowRange(row, row);
}

void MessageListModel::setChatActive(bool active)
{
    if (m_chatActive == active)
        return;
    m_chatActive = active;
    // Only calls without a result change state (running ↔ interrupted).
    QSet<QString> unanswered;
    for (auto it = m_callOwner.cbegin(); it != m_callOwner.cend(); ++it) {
        if (!resultFor(it.key()))
            unanswered.insert(it.key());
    }
    for (const QString &callId : std::as_const(m_previewCalls)) {
        if (!resultFor(callId))
            unanswered.insert(callId);
    }
    notifyCalls(unanswered, {ToolStatesRole, RevisionRole});
}

// --- Queries -----------------------------------------------------------------------------------

std::optional<MessageId> MessageListModel::oldestId() const
{
    std::optional<MessageId> oldest;
    if (committedCount() > 0)
        oldest = m_entries.front().message->id;
    if (!m_toolMessages.isEmpty() && (!oldest || m_toolMessages.firstKey() < *oldest))
        oldest = m_toolMessages.firstKey();
    return oldest;
}

std::optional<MessageId> MessageListModel::newestId() const
{
    std::optional<MessageId> newest;
    if (const int committed = committedCount(); committed > 0)
        newest = m_entries[size_t(committed - 1)].message->id;
    if (!m_toolMessages.isEmpty() && (!newest || *newest < m_toolMessages.lastKey()))
        newest = m_toolMessages.lastKey();
    return newest;
}

bool MessageListModel::contains(MessageId id) const
{
    return m_rowById.contains(id) || m_toolMessages.contains(id);
}

int MessageListModel::rowOf(MessageId id) const
{
    const auto it = m_rowById.constFind(id);
    return it == m_rowById.cend() ? -1 : *it + m_rowShift;
}

} // namespace AgentDesk
