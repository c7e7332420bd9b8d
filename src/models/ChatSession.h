#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/live/MessageAssembler.h"
#include "core/live/WebSocketChannel.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

namespace AgentDesk {

class ApiClient;
class ChatStreamClient;
class MessageListModel;
class QueueModel;

//! What the composer chose for a send besides the content: the model and plan mode switch the
//! chat for this and later turns (§8.2); absent members leave the chat as it is.
struct SendOptions
{
    std::optional<ModelConfigId> modelConfigId;
    std::optional<bool> planMode;
    QString reasoningEffort;                  //!< §20.8; empty = omit
    std::optional<QList<QUuid>> mcpServerIds; //!< §20.9; present = replaces the chat's set
};

//! One open chat (design.md c.16 example 3): the first page of history from REST, then the live
//! stream resumed after it, folded by a MessageAssembler and published to the caller's models
//! at most ~30 times a second. Also the chat's commands: send (with a local echo), interrupt,
//! edit, queue actions and client tool results.
class ChatSession final : public QObject
{
    Q_OBJECT

public:
    static constexpr int pageSize = 50;
    static constexpr std::chrono::milliseconds defaultPublishInterval{33};

    //! The models are owned by the caller and outlive the session. Without a factory the upgrade
    //! requests come from api->makeWebSocketRequest (the one place that applies the token).
    ChatSession(ApiClient *api, ChatId chatId, MessageListModel *messages, QueueModel *queue,
        RequestFactory factory = {}, QObject *parent = nullptr);
    ~ChatSession() override;

    ChatId chatId() const { return m_chatId; }
    //! Resets the models (the only reset: another chat is shown), loads the newest page and opens
    //! the stream after it.
    void open();
    //! Closes the stream (which marks the chat read on the server, §14.10) and lets go of the
    //! chat's history: the models are emptied and the freed memory goes back to the system.
    void close();

    bool canLoadOlder() const noexcept { return m_hasOlder && !m_loadingOlder; }
    //! Loads the page before the oldest message shown; olderLoaded() follows.
    void loadOlder();
    //! Keeps only the newest `keep` committed messages (tool messages count): the older ones
    //! leave the models and the assembler, and loadOlder() fetches them again when the user
    //! scrolls up. The view asks for this once the user has stayed at the bottom for a while.
    //! Not while an older page is in flight (it would land above a gap). Returns how many went.
    int trimHistory(int keep = 2 * pageSize);

    //! Sends a message; a pending echo shows it at once. Returns the echo's nonce.
    QString send(const QList<InputPart> &content, BusyBehavior busyBehavior = BusyBehavior::Queue,
        const SendOptions &options = {});
    void interrupt();
    //! Replaces a user message; everything after it goes (§14.7).
    //! §20.8: a non-empty `reasoningEffort` goes with the edit.
    void editMessage(
        MessageId messageId, const QList<InputPart> &content, const QString &reasoningEffort = {});
    void deleteQueued(QueuedMessageId id);
    void promoteQueued(QueuedMessageId id);
    void submitToolResults(const QList<ToolResult> &results);
    //! §20.6.1: summarize the conversation so far (the chat runs, then waits again).
    void compact();
    //! §20.6.2: the model forgets the conversation so far; the transcript stays.
    void clearContext();

    ChatStatus status() const noexcept { return m_assembler.status(); }
    ConnectionState connectionState() const noexcept;
    const MessageAssembler &assembler() const noexcept { return m_assembler; }
    ChatStreamClient *streamClient() const noexcept { return m_stream; }

    //! Timers are injectable (design.md c.8).
    void setReconnectPolicy(const ReconnectPolicy &policy);
    void setSilenceTimeout(std::chrono::milliseconds timeout);
    void setPublishInterval(std::chrono::milliseconds interval);
    //! Model publications so far (tests and benchmarks).
    int publishCount() const noexcept { return m_publishCount; }

signals:
    //! The first page of history is in the model (or failed; errorOccurred then says why).
    void historyLoaded();
    void olderLoaded(int count);
    void statusChanged(ChatStatus status);
    //! A sub-agent's status arrived on this (its parent's) stream, as older servers send it
    //! (§12.7); only the child's status, never its parts.
    void childStatusChanged(const AgentDesk::ChatId &child, AgentDesk::ChatStatus status);
    void connectionStateChanged(ConnectionState state);
    //! A REST call of this session failed.
    void errorOccurred(const ApiError &error);
    //! The turn's error banner (§13.7); nullopt when it goes away.
    void turnErrorChanged(const std::optional<ChatError> &error);
    void retryScheduled(const StreamRetry &retry);
    void retryCleared();
    //! Client tool calls to run now; each tool_call_id is reported once (§14.6).
    void actionRequired(const QList<ActionRequiredCall> &calls);
    //! The client tool calls the chat waits for now (empty once answered or cancelled).
    void pendingActionsChanged(const QList<ActionRequiredCall> &calls);
    //! POST messages succeeded: the echo became `message`, or the text was queued.
    void messageSent(const QString &nonce, bool queued);
    //! The send failed; `content` lets the composer restore the text.
    void sendFailed(const QString &nonce, const ApiError &error, const QList<InputPart> &content);
    //! compact() (clear false) or clearContext() was refused; `error` carries Coder's message.
    void contextCommandFailed(bool clear, const AgentDesk::ApiError &error);
    //! The models were just brought up to date (at most ~30 times a second while streaming).
    void published();

private:
    void handleConnectionOpened();
    void handleEvents(const QList<StreamEvent> &events);
    void collect(const MessageAssembler::Changes &changes);
    void schedulePublish();
    void publish();
    void applyCommitted(const QList<ChatMessage> &messages);
    void markStoppedAnswer();

    ApiClient *m_api;
    ChatId m_chatId;
    MessageListModel *m_messages;
    QueueModel *m_queue;
    ChatStreamClient *m_stream;
    MessageAssembler m_assembler;
    QTimer m_publishTimer;
    MessageAssembler::Changes m_pending;
    bool m_hasOlder = false;
    bool m_loadingOlder = false;
    int m_publishCount = 0;
    int m_openGeneration = 0;
    bool m_stopRequested = false;
};

} // namespace AgentDesk
