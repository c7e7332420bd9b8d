#pragma once

#include "SimFaults.h"
#include "SimOptions.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>

namespace AgentDeskSim {

struct SimMessage
{
    qint64 id = 0;
    QString chatId;
    QString createdBy;
    QString modelConfigId;
    QDateTime createdAt;
    QString role;
    QJsonArray content;
    QJsonObject usage;
    qint64 queuedMessageId = 0; // v237/newest: set on a message promoted from the queue
};

struct SimQueuedMessage
{
    qint64 id = 0;
    QString chatId;
    QString modelConfigId;
    QJsonArray content;
    QDateTime createdAt;
};

struct SimFile
{
    QString id;
    QString ownerId;
    QString organizationId;
    QString name;
    QString mimeType;
    QByteArray data;
    QDateTime createdAt;
};

struct SimDiffFile
{
    QString path;
    bool isNew = true;
    int removed = 0;
    QStringList added;
};

struct SimChat
{
    QString id;
    QString organizationId;
    QString ownerId;
    QString workspaceId;
    QString buildId;
    QString agentId;
    QString parentId;
    QString rootId;
    QString modelConfigId;
    QString reasoningEffort;
    QString title;
    QString status = QStringLiteral("waiting");
    QString mode;
    QString planMode;
    QString clientType = QStringLiteral("api");
    QJsonObject lastError;
    QString lastTurnSummary;
    QJsonObject prStatus; // PR fields of diff_status (demo data); counts are derived
    QString baseDiff;
    QList<SimDiffFile> diffFiles;
    QString branch;
    QString remoteOrigin;
    QString pullRequestUrl;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool archived = false;
    int pinOrder = 0;
    QJsonObject labels;
    QJsonArray mcpServerIds;
    bool hasUnread = false;
    bool titleGenerated = false;
    QStringList fileIds;
    QStringList childIds;
    QList<SimMessage> messages; // ascending id; soft-deleted rows are removed
    QList<SimQueuedMessage> queue;
    bool queueEverChanged = false;
    qint64 historyVersion = 0;
    int generationAttempt = 0;
    qint64 seq = 0;
    QList<QJsonObject> previewEvents; // message_part events not yet covered by a commit
    QJsonObject pendingRetry;
    QJsonArray pendingToolCalls;
    qint64 rewriteFloor = 0; // smallest message id ever edited (history rewrite)
    qint64 costMicros = 0;
    int requestCount = 0;
    // v237/newest (§20): sharing, context, summary, capacity, warnings.
    QJsonObject aclUsers;  // user id → "read" (root chats only)
    QJsonObject aclGroups; // group id → "read"
    QString summary;       // chat-level summary (chat_summary_change)
    bool hasContext = false;
    bool contextDirty = false;
    QDateTime contextDirtySince;
    int contextRevision = 0; // bumped by a refresh; changes the resource list a little
    bool queuedForCapacity = false;
    QStringList warnings;
};

//! What the signed-in user (alice) may do with a chat (§20.3.4).
enum class SimAccess { None, Viewer, Admin, Owner };

//! All simulator data (chats, messages, queues, files, pins) and the events their changes publish.
class SimState final : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *userId = "5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b";
    static constexpr const char *orgId = "8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f";
    static constexpr const char *defaultModelId = "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b";
    static constexpr const char *defaultWorkspaceId = "0c9b8a7f-6e5d-4c3b-a2a1-9f8e7d6c5b4a";

    static constexpr const char *bobId = "6a1f0b9c-8d7e-4f4a-9b3c-2d1e0f9a8b7c";
    static constexpr const char *carolId = "7b2a1c0d-9e8f-4a5b-8c4d-3e2f1a0b9c8d";
    static constexpr const char *devsGroupId = "8c3b2d1e-0f9a-4b6c-9d5e-4f3a2b1c0d9e";

    SimState(quint32 seed, SimOptions *options, QObject *parent = nullptr);

    //! v237 or newest: the §20 behaviour (the legacy generation keeps the seed-era contract).
    bool modern() const { return m_options->generation != SimGeneration::Legacy; }
    const SimOptions &options() const { return *m_options; }
    //! Users of the deployment (alice is the signed-in one); MinimalUser-shaped objects.
    QJsonArray users() const;
    QJsonObject user(const QString &id) const;
    QJsonArray groups() const;
    SimAccess access(const SimChat &chat) const;
    //! True when the root's ACL names alice or her group (the `shared_with_me` source).
    bool isSharedWith(const SimChat &chat) const;
    //! True when the root of \a chat has any explicit ACL entry.
    bool isShared(const SimChat &chat) const;
    QJsonObject contextJson(const SimChat &chat, bool withResources) const;

    QRandomGenerator &random() { return m_random; }
    QString newUuid();
    static QString timestamp(const QDateTime &time);
    static bool isUuid(const QString &text);
    static bool isActive(const QString &status);

    SimChat *chat(const QString &id);
    const QHash<QString, SimChat> &chats() const { return m_chats; }
    SimChat &insertChat(SimChat chat);
    //! Removes a chat (no events); its parent forgets it.
    void removeChat(const QString &id);
    SimFile *file(const QString &id);
    SimFile &insertFile(SimFile file);
    QJsonArray workspaces() const;
    bool isWorkspace(const QString &id) const;
    bool isModel(const QString &id) const;
    QJsonObject modelsResponse() const;

    //! \a detail = the single-chat GET shape (files; v237/newest: context resources and
    //! queued_for_capacity).
    QJsonObject chatJson(const SimChat &chat, bool detail, bool archivedChildren = false) const;
    QJsonObject messageJson(const SimMessage &message) const;
    QJsonObject queuedJson(const SimQueuedMessage &message) const;
    QJsonArray queueJson(const SimChat &chat) const;
    QJsonObject diffStatusJson(const SimChat &chat) const;
    QString diffText(const SimChat &chat) const;
    QJsonObject errorJson(const SimChat &chat) const;
    //! Roots in list order: pinned by pin_order, then updated_at descending.
    QList<const SimChat *> sortedRoots() const;

    // Mutations that publish their events.
    SimMessage &appendMessage(const QString &chatId, const QString &role, const QJsonArray &content,
        const QJsonObject &usage = {}, qint64 queuedMessageId = 0);
    SimMessage appendMessageQuiet(const QString &chatId, const QString &role,
        const QJsonArray &content, const QDateTime &createdAt);
    void setStatus(const QString &chatId, const QString &status);
    void publishPart(const QString &chatId, const QString &role, const QJsonObject &part);
    void clearPreview(const QString &chatId);
    void beginNewAttempt(const QString &chatId); // retry: generation_attempt + 1, preview_reset
    void publishQueue(const QString &chatId);
    void publishStream(const QString &chatId, const QJsonObject &event);
    void publishWatch(const QString &kind, const QString &chatId, const QJsonArray &toolCalls = {});
    void touch(const QString &chatId);
    void addDiff(const QString &chatId, const QString &path, int addLines, int removeLines);

    // Pins (§7.5); return an error message or an empty string.
    QString setPinOrder(const QString &chatId, int order, QStringList *changed);
    void unpin(const QString &chatId, QStringList *changed);

    qint64 nextQueuedId() { return ++m_lastQueuedId; }
    qint64 lastMessageId() const { return m_lastMessageId; }
    void setLastMessageId(qint64 id) { m_lastMessageId = qMax(m_lastMessageId, id); }
    qint64 messageCount() const;

signals:
    void streamEventPublished(const QString &chatId, const QJsonObject &event);
    void watchEventPublished(const QJsonObject &event);
    void diffChanged(const QString &chatId);

private:
    SimOptions *m_options;
    SimFaults *m_faults;
    QRandomGenerator m_random;
    QHash<QString, SimChat> m_chats;
    QHash<QString, SimFile> m_files;
    qint64 m_lastMessageId = 100;
    qint64 m_lastQueuedId = 0;
    QJsonObject m_models;
};

} // namespace AgentDeskSim
