#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/live/ReconnectPolicy.h"
#include "core/live/WebSocketChannel.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace AgentDesk {

class ApiClient;
class ChatListModel;
class ChatWatchClient;

//! Keeps a ChatListModel equal to the server: the chat list plus the /watch feed (§11.3).
//! On every (re)connect of the watch it re-lists every page while buffering the watch events
//! that arrive meanwhile, then applies them on top. A periodic reconcile re-lists too, and
//! ChatListModel::replaceAll turns both into the differences only. Commands (pin, archive,
//! rename, …) change the model at once and roll back with errorOccurred when the server refuses.
class ChatDirectory final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultReconcileInterval{120'000};
    static constexpr int defaultPageSize = 100;
    //! Pages after the first are this many times larger: the first page paints the first
    //! screen quickly, the rest arrive in few round trips (2,000 chats: 5 requests, not 21).
    static constexpr int laterPageFactor = 5;
    //! §20.3.6: chats shared with the user get no watch events; they are re-listed this often.
    static constexpr std::chrono::milliseconds defaultSharedPollInterval{30'000};

    //! None of the pointers is owned; all must outlive this object (app wires them).
    ChatDirectory(
        ApiClient *api, ChatWatchClient *watch, ChatListModel *model, QObject *parent = nullptr);
    ~ChatDirectory() override;

    //! Starts the watch; every connected() re-lists. Also starts the reconcile timer.
    void start();
    void stop();
    //! Re-lists now (coalesced with a listing in flight).
    void refresh();
    void setReconcileInterval(std::chrono::milliseconds interval);
    //! Chats in the first GET {P} page (later pages are laterPageFactor times larger); 0 asks
    //! for the server's default page without paging.
    void setPageSize(int pageSize);

    ConnectionState connectionState() const;
    bool isListLoaded() const { return m_listLoaded; }
    //! Why the last listing failed; empty when the list is as fresh as the watch keeps it. A
    //! failed listing is retried with back-off until one succeeds.
    QString listError() const { return m_listError; }
    //! Back-off of the listing retries (tests make it short).
    void setListRetryPolicy(const ReconnectPolicy &policy);
    bool isListing() const { return m_listing; }

    //! The signed-in user. On a server with sharing (§20.3, the v2 prefix) the list then also
    //! asks for the chats shared with them (source:created_by_me,shared_with_me, §20.3.5) and
    //! polls source:shared_with_me, since no watch event reports them (§20.3.6).
    void setCurrentUser(const UserId &id);
    bool listsSharedChats() const;
    void setSharedPollInterval(std::chrono::milliseconds interval);
    //! Re-lists only the chats shared with the user (the poll; also callable at once).
    void refreshShared();

    // Commands. Each applies optimistically; a refusal rolls back and emits errorOccurred.
    void pin(const ChatId &id);
    void unpin(const ChatId &id);
    //! Moves a pinned chat to the 1-based position (clamped like the server does).
    void movePin(const ChatId &id, int position);
    void archive(const ChatId &id);
    void unarchive(const ChatId &id);
    void rename(const ChatId &id, const QString &title);
    void setLabels(const ChatId &id, const QMap<QString, QString> &labels);
    //! §20.4.1: PATCH plan_mode ("plan" or "" to leave), shown at once; a refusal restores the
    //! chat and says why through planModeFailed().
    void setPlanMode(const ChatId &id, bool planMode);
    //! Asks the server for a generated title (propose, or legacy regenerate) and saves it.
    void regenerateTitle(const ChatId &id);
    //! Whether archived chats are listed too (the "Archived" view was opened). Re-lists.
    void setArchivedViewLoaded(bool loaded);
    bool isArchivedViewLoaded() const { return m_archivedViewLoaded; }
    //! There is no server API for read state: these override has_unread locally until the
    //! server's own value for the chat changes.
    void markRead(const ChatId &id);
    //! A mark the user set: it stays (also while the chat is open) until the chat is opened
    //! again or marked read, and across restarts through unreadMarksChanged().
    void markUnread(const ChatId &id);
    bool isMarkedUnread(const ChatId &id) const { return m_markedUnread.contains(id); }
    //! The marks saved last time (before the list loads).
    void setUnreadMarks(const QStringList &chatIds);

signals:
    void connectionStateChanged(AgentDesk::ConnectionState state);
    void errorOccurred(const AgentDesk::ApiError &error);
    //! setPlanMode() was refused; the chat shows its previous plan mode again.
    void planModeFailed(const AgentDesk::ChatId &id, const AgentDesk::ApiError &error);
    void chatStatusChanged(
        const AgentDesk::ChatId &id, AgentDesk::ChatStatus previous, AgentDesk::ChatStatus current);
    //! A full re-list was applied to the model.
    void listLoaded();
    //! listError() changed (a listing failed, or one succeeded after failures).
    void listErrorChanged(const QString &error);
    //! The user's unread marks changed: save them.
    void unreadMarksChanged(const QStringList &chatIds);

private:
    struct UnreadOverride
    {
        bool value = false;
        bool serverValue = false; //!< The server's has_unread when the override was made.
    };

    void handleWatchConnected();
    void handleWatchEvent(const WatchEvent &event);
    void handleWatchStateChanged(ConnectionState state);
    void applyWatchEvent(const WatchEvent &event);
    void fetchNextPage(quint64 generation);
    void finishListing(quint64 generation, const std::optional<ApiError> &error);
    //! The roots listed so far, each once, with the local read overrides applied.
    QList<Chat> listedRoots();
    Chat withOverrides(Chat chat);
    //! Fields a watch payload left out keep the values the model holds.
    Chat mergedWithKnown(Chat chat) const;
    void setUnreadOverride(const ChatId &id, bool value);
    //! Sends a PATCH; on refusal puts `previous` back and reports.
    void sendUpdate(const ChatId &id, const UpdateChatRequest &request, QList<Chat> previous);
    void commandFinished();
    void fetchSharedPage(quint64 generation, int offset, QList<Chat> listed);
    void applySharedList(const QList<Chat> &shared);
    //! The list query with the §20.3.5 source term when shared chats are listed.
    QString withSource(const QString &query) const;

    ApiClient *m_api;
    ChatWatchClient *m_watch;
    ChatListModel *m_model;
    QTimer m_reconcileTimer;
    QTimer m_listRetryTimer;
    QTimer m_sharedPollTimer;
    quint64 m_sharedGeneration = 0;
    bool m_sharedListing = false;
    ReconnectPolicy m_listRetryPolicy{std::chrono::seconds(2), std::chrono::seconds(60)};
    QString m_listError;
    int m_pageSize = defaultPageSize;

    bool m_started = false;
    bool m_listLoaded = false;
    bool m_listing = false;
    bool m_listAgain = false; //!< Another re-list was asked for while one ran.
    quint64 m_generation = 0; //!< Bumped per listing; stale page answers are dropped.
    QStringList m_pendingQueries;
    int m_offset = 0;
    QList<Chat> m_listed;
    QList<WatchEvent> m_buffered;
    bool m_archivedViewLoaded = false;
    int m_commandsInFlight = 0;
    QHash<ChatId, UnreadOverride> m_unreadOverrides;
    QSet<ChatId> m_markedUnread;
    void publishUnreadMarks();
};

} // namespace AgentDesk
