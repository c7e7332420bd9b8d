#pragma once

#include "core/api/ApiAccountTypes.h"
#include "core/api/ApiResult.h"
#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QNetworkRequest>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace AgentDesk {

//! REST façade over the Coder Chats API (coder-chats-protocol.md §2–§9).
//!
//! Every call takes a context object and a callback (design.md c.8): the callback runs on the
//! context's thread, exactly once, and only while the context lives. When the context is
//! destroyed first, the request is aborted and the callback never runs.
//!
//! The session token is applied in one place only (makeRequest), as the Coder-Session-Token
//! header, for REST and for WebSocket upgrades alike. It is never put in a URL, a log line or
//! debug output.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultTransferTimeout{30'000};
    //! Route prefixes of §2.1.
    static QString v2ChatsPrefix();
    static QString experimentalChatsPrefix();

    //! \a network is not owned; it must outlive this client.
    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ApiClient() override;

    //! The deployment's base URL, e.g. https://coder.example.com.
    void setDeploymentUrl(const QUrl &url);
    QUrl deploymentUrl() const;
    void setSessionToken(const QByteArray &token);
    bool hasSessionToken() const;
    //! Applied to every request: a reply that moves no data for this long fails with Timeout.
    void setTransferTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds transferTimeout() const;

    //! The chats route prefix in use (a path). Until detectPrefix() succeeds or a prefix is set,
    //! this is the experimental one, which every server with Agents has.
    QString chatsPrefix() const;
    //! Locks the prefix without probing (tests, or a value remembered from the last session).
    void setChatsPrefix(const QString &prefix);
    bool isPrefixLocked() const;
    //! §2.2: probes GET /api/v2/chats?limit=1, on 404 GET /api/experimental/chats?limit=1, and
    //! locks the first prefix that answers 2xx. Other answers (401, 403, 5xx, network) are
    //! reported without switching. Delivers the locked prefix.
    void detectPrefix(QObject *context, ApiCallback<QString> done);

    // --- For the live-data layer: WebSocket URLs (ws/wss) and the upgrade request ----------
    QUrl streamUrl(const ChatId &chatId, std::optional<MessageId> afterId = std::nullopt) const;
    QUrl watchUrl() const;
    QUrl gitStreamUrl(const ChatId &chatId) const;
    //! A request for QWebSocket::open() that carries the token the same way REST does.
    QNetworkRequest makeWebSocketRequest(const QUrl &url) const;
    //! "AgentDesk/<version>", sent on every request and upgrade.
    static QByteArray userAgent();

    // --- Deployment -------------------------------------------------------------------------
    void buildInfo(QObject *context, ApiCallback<BuildInfo> done);
    void currentUser(QObject *context, ApiCallback<User> done);
    void organizations(QObject *context, ApiCallback<QList<Organization>> done);
    //! The caller's workspaces (q=owner:me).
    void workspaces(QObject *context, ApiCallback<QList<Workspace>> done);

    // --- Chats (§7) -------------------------------------------------------------------------
    void listChats(const ListChatsQuery &query, QObject *context, ApiCallback<QList<Chat>> done);
    void getChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done);
    void createChat(const CreateChatRequest &request, QObject *context, ApiCallback<Chat> done);
    //! PATCH; the server answers 204 and announces the change on /watch.
    void updateChat(const ChatId &chatId, const UpdateChatRequest &request, QObject *context,
        ApiCallback<NoContent> done);
    void archiveChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done);
    void unarchiveChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done);
    //! Pins at the end of the pinned chats.
    void pinChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done);
    void unpinChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done);
    //! Moves a pinned chat to the 1-based \a position (clamped by the server).
    void reorderPinnedChat(
        const ChatId &chatId, int position, QObject *context, ApiCallback<NoContent> done);

    // --- Messages, queue, turn control (§8) -------------------------------------------------
    //! \a limit 1–200; 0 = server default (50).
    void listMessages(const ChatId &chatId, std::optional<MessageId> beforeId,
        std::optional<MessageId> afterId, int limit, QObject *context,
        ApiCallback<MessagesPage> done);
    void sendMessage(const ChatId &chatId, const SendMessageRequest &request, QObject *context,
        ApiCallback<SendMessageResult> done);
    void editMessage(const ChatId &chatId, MessageId messageId, const EditMessageRequest &request,
        QObject *context, ApiCallback<EditMessageResult> done);
    void deleteQueuedMessage(const ChatId &chatId, QueuedMessageId queuedId, QObject *context,
        ApiCallback<NoContent> done);
    //! 202 (newest, result without message) or 200 with the promoted message (older).
    void promoteQueuedMessage(const ChatId &chatId, QueuedMessageId queuedId, QObject *context,
        ApiCallback<PromoteResult> done);
    void interruptChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done);
    void submitToolResults(const ChatId &chatId, const QList<ToolResult> &results, QObject *context,
        ApiCallback<NoContent> done);
    //! POST title/propose (suggestion, not saved); on 404 falls back to the legacy
    //! title/regenerate, which saves the title and answers with the chat. Delivers the title.
    //! title/propose; on a server without it (404) title/regenerate, and from then on only
    //! that (no request that is known to 404 is sent twice).
    void proposeTitle(const ChatId &chatId, QObject *context, ApiCallback<ProposedTitle> done);

    // --- Files, models, diff, prompts, cost (§9) --------------------------------------------
    //! §9.4, both shapes. On the v2 prefix the org-scoped route is used (\a organizationId is
    //! needed there); the seed-era shape is joined with /model-configs.
    void models(const OrganizationId &organizationId, QObject *context,
        ApiCallback<QList<ModelConfig>> done);
    //! POST {P}/files: raw bytes, Content-Type \a mimeType, RFC 6266 Content-Disposition.
    //! Returns the reply for progress (uploadProgress) and cancellation (abort(), delivered as
    //! ApiError::Kind::Cancelled). The reply deletes itself after finishing: keep a QPointer.
    QNetworkReply *uploadFile(const OrganizationId &organizationId, const QByteArray &bytes,
        const QString &mimeType, const QString &fileName, QObject *context,
        ApiCallback<FileId> done);
    //! GET {P}/files/{id}. Returns the reply for downloadProgress and abort(), as uploadFile.
    QNetworkReply *downloadFile(
        const FileId &fileId, QObject *context, ApiCallback<FileDownload> done);
    void chatDiff(const ChatId &chatId, QObject *context, ApiCallback<ChatDiff> done);
    //! \a limit 0 = server default (500).
    void prompts(
        const ChatId &chatId, int limit, QObject *context, ApiCallback<QList<PromptEntry>> done);
    void chatCost(const ChatId &chatId, QObject *context, ApiCallback<CostSummary> done);

    // --- Sharing and workspace context (§20.3, §20.5; not on legacy servers) ---------------
    //! GET {P}/{chat}/acl.
    void chatAcl(const ChatId &chatId, QObject *context, ApiCallback<ChatAcl> done);
    //! PATCH {P}/{chat}/acl (owner only; sparse, "" removes).
    void updateChatAcl(const ChatId &chatId, const ChatAclUpdate &update, QObject *context,
        ApiCallback<NoContent> done);
    //! PUT {P}/{chat}/context: re-pins the latest snapshot; answers the chat with resources.
    void refreshChatContext(const ChatId &chatId, QObject *context, ApiCallback<Chat> done);
    //! GET /api/v2/users?q=: users to share with (at most 25).
    void searchUsers(const QString &text, QObject *context, ApiCallback<QList<User>> done);
    //! Whether the server has the sharing and context routes: the v2 prefix is in use (§20.1).
    bool hasSharingRoutes() const { return m_chatsPrefix == v2ChatsPrefix(); }
    //! §20.7: the signed-in user's AI spend this period (AI Gateway; 404 on servers without it).
    void userSpend(QObject *context, ApiCallback<UserSpend> done);

    // --- Steering (§20.6) ---------------------------------------------------------------------
    //! POST {P}/{chat}/compact: 200 Chat (running); 409 when busy or nothing to compact.
    void compactChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done);
    //! POST {P}/{chat}/clear: 200 Chat (waiting); the transcript stays, the model forgets it.
    void clearChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done);
    // --- Personal provider keys (§20.8; /api/v2/users/me/ai-provider-keys) --------------------
    //! \a provider is ProviderKeyConfig::providerName. The key is sent once and never kept.
    void providerKeys(QObject *context, ApiCallback<QList<ProviderKeyConfig>> done);
    void setProviderKey(const QString &provider, const QString &apiKey, QObject *context,
        ApiCallback<ProviderKeyConfig> done);
    void deleteProviderKey(const QString &provider, QObject *context, ApiCallback<NoContent> done);
    void startDeviceGrant(
        const QString &provider, QObject *context, ApiCallback<ProviderGrant> done);
    void pollDeviceGrant(const QString &provider, const QString &grantId, QObject *context,
        ApiCallback<ProviderGrant> done);
    void cancelDeviceGrant(const QString &provider, const QString &grantId, QObject *context,
        ApiCallback<NoContent> done);
    void startBrowserGrant(
        const QString &provider, QObject *context, ApiCallback<ProviderGrant> done);
    //! \a input: the pasted callback URL, "code#state", a query or a bare code.
    void exchangeBrowserGrant(const QString &provider, const QString &grantId, const QString &input,
        QObject *context, ApiCallback<ProviderGrant> done);
    void cancelBrowserGrant(const QString &provider, const QString &grantId, QObject *context,
        ApiCallback<NoContent> done);

    // --- MCP servers (§20.9) ----------------------------------------------------------------
    void mcpServers(
        const OrganizationId &organizationId, QObject *context, ApiCallback<QList<McpServer>> done);
    //! The page a browser opens to connect \a serverId (carries no token: the browser's own
    //! Coder session is used).
    QUrl mcpConnectUrl(const OrganizationId &organizationId, const QUuid &serverId) const;
    void disconnectMcpServer(
        const QUuid &serverId, QObject *context, ApiCallback<McpDisconnectResult> done);

    // --- Personal skills and instructions (§20.10) -----------------------------------------
    void userSkills(QObject *context, ApiCallback<QList<UserSkill>> done);
    void userSkill(const QString &name, QObject *context, ApiCallback<UserSkill> done);
    //! \a content is the whole SKILL.md (front matter with name and description, then a body).
    void createUserSkill(const QString &content, QObject *context, ApiCallback<UserSkill> done);
    void updateUserSkill(
        const QString &name, const QString &content, QObject *context, ApiCallback<UserSkill> done);
    void deleteUserSkill(const QString &name, QObject *context, ApiCallback<NoContent> done);
    //! The workspace skills of \a chatId: its context resources of kind "skill" (single GET).
    void workspaceSkills(
        const ChatId &chatId, QObject *context, ApiCallback<QList<UserSkill>> done);
    void userPrompt(QObject *context, ApiCallback<QString> done);
    //! §20.6.3: GET {P}/config/user-compaction-thresholds: model config id -> percent.
    void userCompactionThresholds(QObject *context, ApiCallback<QMap<QUuid, int>> done);
    void setUserPrompt(const QString &prompt, QObject *context, ApiCallback<QString> done);

    //! True when \a to has the origin of \a from (scheme, host and port): the only redirects
    //! followed, so the token never reaches another host and never travels https → http.
    static bool isSameOrigin(const QUrl &from, const QUrl &to);

    //! The RFC 6266 Content-Disposition value used for uploads (exposed for tests).
    static QByteArray contentDisposition(const QString &fileName);

signals:
    //! detectPrefix() locked a prefix.
    void prefixDetected(const QString &prefix);
    //! Any call was answered 401: the token is missing, invalid or expired.
    void sessionRejected(const AgentDesk::ApiError &error);

private:
    struct RawReply
    {
        int httpStatus = 0;
        QByteArray body;
        QByteArray contentType;
        QByteArray contentDisposition;
    };
    using RawCallback = std::function<void(const ApiResult<RawReply> &)>;

    //! The only function that touches the token.
    QNetworkRequest makeRequest(const QUrl &url) const;
    QUrl apiUrl(const QString &path, const QString &query = {}) const;
    QUrl chatsUrl(const QString &subPath, const QString &query = {}) const;
    QUrl webSocketUrl(const QString &subPath, const QString &query = {}) const;

    QNetworkReply *send(const QByteArray &method, const QNetworkRequest &request,
        const QByteArray &body, QObject *context, RawCallback done);
    QNetworkReply *sendJson(const QByteArray &method, const QUrl &url, const QJsonObject &body,
        QObject *context, RawCallback done);
    void handleFinished(QNetworkReply *reply, const QByteArray &method, qint64 elapsedMs,
        qint64 idleMs, const QUrl &refusedRedirect, const RawCallback &done);
    void probePrefix(const QString &prefix, QObject *context, ApiCallback<QString> done);
    void fetchModelsFrom(const QUrl &url, QObject *context, ApiCallback<QList<ModelConfig>> done);

    QNetworkAccessManager *m_network;
    QUrl m_deploymentUrl;
    QByteArray m_sessionToken;
    std::chrono::milliseconds m_transferTimeout = defaultTransferTimeout;
    QString m_chatsPrefix;
    bool m_titleProposeMissing = false; //!< title/propose answered 404 here.
    bool m_prefixLocked = false;
};

} // namespace AgentDesk
