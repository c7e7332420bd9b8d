#include "ChatSession.h"

#include "core/Logging.h"
#include "core/api/ApiClient.h"
#include "core/live/ChatStreamClient.h"
#include "models/MessageListModel.h"
#include "models/QueueModel.h"

#include <QElapsedTimer>

#include <algorithm>
#include <iterator>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace AgentDesk {

namespace {

//! glibc keeps freed small blocks in its arenas: after a big release (a long history let go)
//! RSS would not fall without this. Elsewhere the allocator decides.
void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

//! Thousands of messages say "user", "assistant" and "text": each message and part decoded
//! from a page holds its own copy of those words (~64 bytes a message). One static copy each.
QList<ChatMessage> withSharedNames(QList<ChatMessage> messages)
{
    using namespace Qt::StringLiterals;
    static const QString names[] = {u"user"_s, u"assistant"_s, u"tool"_s, u"system"_s, u"text"_s,
        u"reasoning"_s, u"tool-call"_s, u"tool-result"_s, u"file"_s, u"source"_s};
    const auto share = [](QString &value) {
        for (const QString &name : names) {
            if (value == name) {
                value = name;
                return;
            }
        }
    };
    for (ChatMessage &message : messages) {
        share(message.roleRaw);
        for (MessagePart &part : message.parts)
            share(part.typeRaw);
    }
    return messages;
}

//! The messages as `assembler` holds them, to give the model the same copies.
QList<SharedChatMessage> heldBy(
    const MessageAssembler &assembler, const QList<ChatMessage> &messages)
{
    QList<SharedChatMessage> held;
    held.reserve(messages.size());
    for (const ChatMessage &message : messages) {
        if (SharedChatMessage shared = assembler.sharedMessage(message.id))
            held.append(std::move(shared));
    }
    return held;
}

} // namespace

ChatSession::ChatSession(ApiClient *api, ChatId chatId, MessageListModel *messages,
    QueueModel *queue, RequestFactory factory, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_chatId(std::move(chatId))
    , m_messages(messages)
    , m_queue(queue)
    , m_assembler(m_chatId)
{
    if (!factory)
        factory = [api](const QUrl &url) {
            return api->makeWebSocketRequest(url);
        };
    m_stream = new ChatStreamClient(m_api->streamUrl(m_chatId), std::move(factory), this);
    connect(
        m_stream, &ChatStreamClient::connectionOpened, this, &ChatSession::handleConnectionOpened);
    connect(m_stream, &ChatStreamClient::eventsReceived, this, &ChatSession::handleEvents);
    connect(m_stream, &ChatStreamClient::stateChanged, this, &ChatSession::connectionStateChanged);

    // Hundreds of deltas a second become at most ~30 model updates (design.md c.6).
    m_publishTimer.setSingleShot(true);
    m_publishTimer.setInterval(defaultPublishInterval);
    connect(&m_publishTimer, &QTimer::timeout, this, &ChatSession::publish);
}

ChatSession::~ChatSession() = default;

ConnectionState ChatSession::connectionState() const noexcept
{
    return m_stream->state();
}

void ChatSession::setReconnectPolicy(const ReconnectPolicy &policy)
{
    m_stream->channel()->setReconnectPolicy(policy);
}

void ChatSession::setSilenceTimeout(std::chrono::milliseconds timeout)
{
    m_stream->channel()->setSilenceTimeout(timeout);
}

void ChatSession::setPublishInterval(std::chrono::milliseconds interval)
{
    m_publishTimer.setInterval(interval);
}

void ChatSession::open()
{
    m_stream->stop();
    m_publishTimer.stop();
    m_pending = {};
    m_assembler = MessageAssembler(m_chatId);
    m_messages->clear(); // the one reset: another chat is shown
    m_queue->replaceAll({});
    m_hasOlder = false;
    const int generation = ++m_openGeneration;
    m_api->listMessages(m_chatId, std::nullopt, std::nullopt, pageSize, this,
        [this, generation](const ApiResult<MessagesPage> &result) {
            if (generation != m_openGeneration)
                return; // open() again meanwhile
            if (result.ok()) {
                const MessagesPage &page = result.value();
                // One compacted copy, shared by the assembler and the model.
                const QList<ChatMessage> messages =
                    withSharedNames(MessageAssembler::compacted(page.messages));
                collect(m_assembler.loadHistory(messages));
                m_hasOlder = page.hasMore;
                m_messages->upsertMany(heldBy(m_assembler, messages));
                m_queue->replaceAll(page.queuedMessages);
                m_pending.upserted.clear(); // already in the model
            } else {
                // The stream's snapshot still brings the whole history (no after_id).
                emit errorOccurred(result.error());
            }
            emit historyLoaded();
            m_stream->setAfterId(m_assembler.lastCommittedId());
            m_stream->start();
        });
}

void ChatSession::close()
{
    // Leaving the chat: what has not been published yet is dropped, never written into models
    // that may already show another chat.
    m_stream->stop();
    m_publishTimer.stop();
    m_pending = {};
    ++m_openGeneration; // a history page still in flight must not land either
    m_loadingOlder = false;
    m_hasOlder = false;
    m_assembler = MessageAssembler(m_chatId);
    m_messages->clear();
    m_queue->replaceAll({});
    returnFreedMemory();
}

int ChatSession::trimHistory(int keep)
{
    const auto &committed = m_assembler.committed();
    if (m_loadingOlder || keep < 1 || int(committed.size()) <= keep)
        return 0;
    QList<MessageId> gone;
    gone.reserve(qsizetype(committed.size()) - keep);
    const auto firstKept = std::prev(committed.cend(), keep);
    for (auto it = committed.cbegin(); it != firstKept; ++it)
        gone.append(it->first);
    collect(m_assembler.removeMessages(gone));
    publish();
    m_hasOlder = true; // the server still has them
    returnFreedMemory();
    return int(gone.size());
}

void ChatSession::loadOlder()
{
    if (!canLoadOlder())
        return;
    const std::optional<MessageId> oldest = m_messages->oldestId();
    if (!oldest)
        return;
    m_loadingOlder = true;
    const int generation = m_openGeneration;
    m_api->listMessages(m_chatId, oldest, std::nullopt, pageSize, this,
        [this, generation](const ApiResult<MessagesPage> &result) {
            if (generation != m_openGeneration)
                return;
            m_loadingOlder = false;
            if (!result.ok()) {
                emit errorOccurred(result.error());
                return;
            }
            const MessagesPage &page = result.value();
            const QList<ChatMessage> messages =
                withSharedNames(MessageAssembler::compacted(page.messages));
            m_assembler.loadHistory(messages);
            m_hasOlder = page.hasMore;
            m_messages->prependPage(heldBy(m_assembler, messages));
            emit olderLoaded(int(page.messages.size()));
        });
}

QString ChatSession::send(
    const QList<InputPart> &content, BusyBehavior busyBehavior, const SendOptions &options)
{
    const QString nonce = m_messages->addPendingEcho(content);
    SendMessageRequest request;
    request.content = content;
    request.busyBehavior = busyBehavior;
    request.modelConfigId = options.modelConfigId;
    request.planMode = options.planMode;
    request.reasoningEffort = options.reasoningEffort;
    request.mcpServerIds = options.mcpServerIds;
    m_api->sendMessage(m_chatId, request, this,
        [this, nonce, content](const ApiResult<SendMessageResult> &result) {
            if (!result.ok()) {
                // The row says so, and the composer gets the text back (design.md c.6).
                m_messages->failPendingEcho(nonce, result.error().toDisplayString());
                emit sendFailed(nonce, result.error(), content);
                return;
            }
            const SendMessageResult &sent = result.value();
            if (sent.queued || !sent.message) {
                m_messages->removePendingEcho(nonce);
                if (sent.queuedMessage) {
                    // Show it in the queue now; the stream's queue_update replaces the list.
                    QList<QueuedMessage> queue = m_assembler.queue();
                    const bool known = std::any_of(queue.cbegin(), queue.cend(),
                        [&](const QueuedMessage &q) { return q.id == sent.queuedMessage->id; });
                    if (!known)
                        queue.append(*sent.queuedMessage);
                    m_queue->replaceAll(queue);
                }
                emit messageSent(nonce, true);
                return;
            }
            collect(m_assembler.loadHistory(QList<ChatMessage>{*sent.message} + sent.messages));
            m_pending.upserted.removeAll(sent.message->id); // the echo becomes it
            m_messages->resolvePendingEcho(nonce, *sent.message);
            m_stream->noteCommitted(sent.message->id);
            schedulePublish();
            emit messageSent(nonce, false);
        });
    return nonce;
}

void ChatSession::interrupt()
{
    // What the turn wrote so far is kept (§8.5); the answer that ends now is marked stopped.
    m_stopRequested = true;
    m_api->interruptChat(m_chatId, this, [this](const ApiResult<Chat> &result) {
        if (!result.ok() && !result.error().isHttpStatus(409)) { // 409: nothing to stop
            m_stopRequested = false;
            emit errorOccurred(result.error());
        }
    });
}

void ChatSession::markStoppedAnswer()
{
    // The answer the stop ended: the newest agent message of the turn, that is, after the last
    // message of the user. The turn may have committed it before the stop (between two steps)
    // or while winding down after it.
    m_stopRequested = false;
    for (auto it = m_assembler.committed().crbegin(); it != m_assembler.committed().crend(); ++it) {
        if (it->second->role == MessageRole::User)
            return;
        if (it->second->role == MessageRole::Assistant) {
            m_messages->markStopped(it->first);
            return;
        }
    }
}

void ChatSession::editMessage(
    MessageId messageId, const QList<InputPart> &content, const QString &reasoningEffort)
{
    EditMessageRequest request;
    request.content = content;
    request.reasoningEffort = reasoningEffort;
    m_api->editMessage(m_chatId, messageId, request, this,
        [this, messageId](const ApiResult<EditMessageResult> &result) {
            if (!result.ok()) {
                emit errorOccurred(result.error());
                return;
            }
            const EditMessageResult &edited = result.value();
            // §14.7: drop deleted_message_ids, and anything above the edited message. Servers
            // that store the edit under a new id deleted the original too.
            const bool replaced = edited.message.id != messageId;
            QList<MessageId> gone = edited.deletedMessageIds;
            for (const auto &entry : m_assembler.committed()) {
                const bool stale =
                    entry.first > messageId || (replaced && entry.first == messageId);
                if (stale && entry.first != edited.message.id && !gone.contains(entry.first))
                    gone.append(entry.first);
            }
            gone.removeAll(edited.message.id);
            collect(m_assembler.removeMessages(gone));
            collect(m_assembler.loadHistory(QList<ChatMessage>{edited.message} + edited.messages));
            publish(); // removals first, so the view never shows both histories
        });
}

void ChatSession::deleteQueued(QueuedMessageId id)
{
    m_api->deleteQueuedMessage(m_chatId, id, this, [this](const ApiResult<NoContent> &result) {
        if (!result.ok())
            emit errorOccurred(result.error());
    });
}

void ChatSession::promoteQueued(QueuedMessageId id)
{
    m_api->promoteQueuedMessage(m_chatId, id, this, [this](const ApiResult<PromoteResult> &result) {
        if (!result.ok()) {
            emit errorOccurred(result.error());
            return;
        }
        if (result.value().message) {
            collect(m_assembler.loadHistory({*result.value().message}));
            schedulePublish();
        }
    });
}

void ChatSession::submitToolResults(const QList<ToolResult> &results)
{
    m_api->submitToolResults(m_chatId, results, this, [this](const ApiResult<NoContent> &result) {
        if (!result.ok())
            emit errorOccurred(result.error());
    });
}

void ChatSession::handleConnectionOpened()
{
    // Before the snapshot's first frame: drop the half-streamed preview it is about to replay.
    collect(m_assembler.beginConnection());
    schedulePublish();
}

void ChatSession::handleEvents(const QList<StreamEvent> &events)
{
    const MessageAssembler::Changes changes = m_assembler.applyBatch(events);
    if (!changes.newActions.isEmpty())
        emit actionRequired(changes.newActions); // not coalesced: someone has to act
    collect(changes);
    schedulePublish();
}

void ChatSession::collect(const MessageAssembler::Changes &changes)
{
    m_pending.merge(changes);
    m_pending.newActions.clear();
}

void ChatSession::schedulePublish()
{
    if (!m_pending.isEmpty() && !m_publishTimer.isActive())
        m_publishTimer.start();
}

void ChatSession::publish()
{
    m_publishTimer.stop();
    const MessageAssembler::Changes changes = std::exchange(m_pending, {});
    if (changes.isEmpty())
        return;
    QElapsedTimer clock;
    clock.start();

    if (!changes.removed.isEmpty())
        m_messages->removeIds(changes.removed);
    if (!changes.upserted.isEmpty()) {
        QList<SharedChatMessage> upserts;
        upserts.reserve(changes.upserted.size());
        for (const MessageId id : changes.upserted) {
            if (SharedChatMessage message = m_assembler.sharedMessage(id))
                upserts.append(std::move(message));
        }
        m_messages->upsertMany(upserts);
    }
    if (changes.previewChanged || !changes.upserted.isEmpty())
        m_messages->setPreview(m_assembler.preview());
    if (changes.queueChanged)
        m_queue->replaceAll(m_assembler.queue());
    if (changes.actionsChanged) {
        QSet<QString> awaiting;
        for (const ActionRequiredCall &call : m_assembler.pendingActions())
            awaiting.insert(call.toolCallId);
        m_messages->setAwaitingCalls(awaiting);
        emit pendingActionsChanged(m_assembler.pendingActions());
    }
    if (changes.statusChanged) {
        m_messages->setChatActive(isActive(m_assembler.status()));
        if (m_stopRequested && !isActive(m_assembler.status()))
            markStoppedAnswer();
        emit statusChanged(m_assembler.status());
    }
    for (const ChatId &child : changes.childStatusesChanged)
        emit childStatusChanged(child, m_assembler.childStatuses().value(child));
    if (changes.errorChanged)
        emit turnErrorChanged(m_assembler.lastError());
    if (changes.retryChanged) {
        if (const auto retry = m_assembler.retry())
            emit retryScheduled(*retry);
        else
            emit retryCleared();
    }
    ++m_publishCount;
    // A slow-path log in the libQuotient manner (design.md c.9).
    if (clock.elapsed() > 16)
        qCDebug(lcStream) << "model publish took" << clock.elapsed() << "ms";
    emit published();
}

void ChatSession::compact()
{
    m_api->compactChat(m_chatId, this, [this](const ApiResult<Chat> &result) {
        if (!result.ok())
            emit contextCommandFailed(false, result.error());
    });
}

void ChatSession::clearContext()
{
    m_api->clearChat(m_chatId, this, [this](const ApiResult<Chat> &result) {
        if (!result.ok())
            emit contextCommandFailed(true, result.error());
    });
}

} // namespace AgentDesk
