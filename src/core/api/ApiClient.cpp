#include "core/api/ApiClient.h"

#include "core/Logging.h"
#include "core/api/ApiDecode.h"
#include "core/api/ApiJson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

//! Builds an encoded query string. Values are percent-encoded completely (including '+', which
//! Go would read as a space), so search terms with quotes, colons and pluses arrive intact.
class QueryBuilder
{
public:
    QueryBuilder &add(QStringView key, const QString &value)
    {
        if (!m_query.isEmpty())
            m_query += u'&';
        m_query += key;
        m_query += u'=';
        m_query += QString::fromLatin1(QUrl::toPercentEncoding(value));
        return *this;
    }
    QString toString() const { return m_query; }

private:
    QString m_query;
};

//! Times one request: the total for the log line, and the time since data last moved, which
//! tells a transfer timeout apart from a caller's abort() (Qt reports both as
//! OperationCanceledError).
struct RequestClock
{
    QElapsedTimer total;
    QElapsedTimer idle;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    //! A redirect to another origin that was refused (never followed).
    QUrl refusedRedirect;

    // Only real progress counts: Qt also emits progress signals with unchanged counts, for
    // example while aborting.
    void progressed(qint64 sent, qint64 received)
    {
        if (sent > bytesSent || received > bytesReceived)
            idle.restart();
        bytesSent = qMax(bytesSent, sent);
        bytesReceived = qMax(bytesReceived, received);
    }
};

QString idPath(const ChatId &chatId, QStringView rest = {})
{
    QString path = u"/"_s + chatId.toString();
    path += rest;
    return path;
}

// The file name from a Content-Disposition header, preferring RFC 5987 filename*.
QString fileNameFromDisposition(const QByteArray &header)
{
    const QList<QByteArray> params = header.split(';');
    QString plain;
    for (const QByteArray &param : params) {
        const QByteArray trimmed = param.trimmed();
        if (trimmed.startsWith("filename*=")) {
            QByteArray value = trimmed.mid(10);
            const qsizetype quote = value.indexOf("''");
            if (quote >= 0)
                value = value.mid(quote + 2);
            return QString::fromUtf8(QByteArray::fromPercentEncoding(value));
        }
        if (trimmed.startsWith("filename=")) {
            QByteArray value = trimmed.mid(9);
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2).replace("\\\"", "\"");
            plain = QString::fromUtf8(value);
        }
    }
    return plain;
}

} // namespace

QString ApiClient::v2ChatsPrefix()
{
    return u"/api/v2/chats"_s;
}

QString ApiClient::experimentalChatsPrefix()
{
    return u"/api/experimental/chats"_s;
}

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_chatsPrefix(experimentalChatsPrefix())
{
}

ApiClient::~ApiClient() = default;

void ApiClient::setDeploymentUrl(const QUrl &url)
{
    m_deploymentUrl = url;
    // Another deployment may be another version: probe again.
    m_prefixLocked = false;
    m_chatsPrefix = experimentalChatsPrefix();
}

QUrl ApiClient::deploymentUrl() const
{
    return m_deploymentUrl;
}

void ApiClient::setSessionToken(const QByteArray &token)
{
    m_sessionToken = token;
}

bool ApiClient::hasSessionToken() const
{
    return !m_sessionToken.isEmpty();
}

void ApiClient::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = timeout;
}

std::chrono::milliseconds ApiClient::transferTimeout() const
{
    return m_transferTimeout;
}

QString ApiClient::chatsPrefix() const
{
    return m_chatsPrefix;
}

void ApiClient::setChatsPrefix(const QString &prefix)
{
    m_chatsPrefix = prefix;
    m_prefixLocked = true;
}

bool ApiClient::isPrefixLocked() const
{
    return m_prefixLocked;
}

// --- Requests --------------------------------------------------------------------------------

QNetworkRequest ApiClient::makeRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    // The only place the token is used: a header, never a URL, a log line or a setting.
    if (!m_sessionToken.isEmpty())
        request.setRawHeader("Coder-Session-Token", m_sessionToken);
    // Qt copies raw headers onto every redirect it follows, to any host: send() follows only
    // same-origin redirects (isSameOrigin), so the token never leaves the deployment. QWebSocket
    // follows no redirect at all (WebSocketChannel reports them).
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    // Servers and proxies log who calls; Qt's default ("Mozilla/5.0") says nothing.
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    request.setTransferTimeout(m_transferTimeout);
#else
    request.setTransferTimeout(int(m_transferTimeout.count()));
#endif
    return request;
}

QByteArray ApiClient::userAgent()
{
    const QString version = QCoreApplication::applicationVersion();
    return "AgentDesk/"
        + (version.isEmpty() ? QByteArrayLiteral(AGENTDESK_CORE_VERSION) : version.toUtf8());
}

QNetworkRequest ApiClient::makeWebSocketRequest(const QUrl &url) const
{
    return makeRequest(url);
}

QUrl ApiClient::apiUrl(const QString &path, const QString &query) const
{
    QUrl url = m_deploymentUrl;
    // Keep a deployment served under a sub-path (https://host/coder) working.
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query.isEmpty() ? QString() : query, QUrl::StrictMode);
    url.setFragment({});
    return url;
}

QUrl ApiClient::chatsUrl(const QString &subPath, const QString &query) const
{
    return apiUrl(m_chatsPrefix + subPath, query);
}

QUrl ApiClient::webSocketUrl(const QString &subPath, const QString &query) const
{
    QUrl url = chatsUrl(subPath, query);
    url.setScheme(url.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    return url;
}

QUrl ApiClient::streamUrl(const ChatId &chatId, std::optional<MessageId> afterId) const
{
    QueryBuilder query;
    if (afterId && afterId->isValid())
        query.add(u"after_id", QString::number(afterId->value));
    return webSocketUrl(idPath(chatId, u"/stream"), query.toString());
}

QUrl ApiClient::watchUrl() const
{
    return webSocketUrl(u"/watch"_s);
}

QUrl ApiClient::gitStreamUrl(const ChatId &chatId) const
{
    return webSocketUrl(idPath(chatId, u"/stream/git"));
}

QNetworkReply *ApiClient::send(const QByteArray &method, const QNetworkRequest &request,
    const QByteArray &body, QObject *context, RawCallback done)
{
    if (!context)
        context = this;
    QNetworkReply *reply = nullptr;
    if (method == "GET")
        reply = m_network->get(request);
    else if (method == "POST")
        reply = m_network->post(request, body);
    else if (method == "DELETE")
        reply = m_network->deleteResource(request);
    else
        reply = m_network->sendCustomRequest(request, method, body); // PATCH: QNAM has no patch()

    auto clock = std::make_shared<RequestClock>();
    clock->total.start();
    clock->idle.start();
    connect(reply, &QNetworkReply::uploadProgress, reply,
        [clock](qint64 sent, qint64) { clock->progressed(sent, clock->bytesReceived); });
    connect(reply, &QNetworkReply::downloadProgress, reply,
        [clock](qint64 received, qint64) { clock->progressed(clock->bytesSent, received); });
    // Qt throttles downloadProgress and may deliver a stalled transfer's last step only when it
    // ends; readyRead is not throttled (the body is read only at the end, so all of it is
    // still available).
    connect(reply, &QNetworkReply::readyRead, reply,
        [clock, reply] { clock->progressed(clock->bytesSent, reply->bytesAvailable()); });
    // UserVerifiedRedirectPolicy (makeRequest): a redirect waits here for a verdict.
    connect(reply, &QNetworkReply::redirected, reply,
        [reply, clock, origin = request.url()](const QUrl &target) {
            const QUrl resolved = reply->url().resolved(target);
            if (isSameOrigin(origin, resolved)) {
                emit reply->redirectAllowed();
                return;
            }
            clock->refusedRedirect = resolved;
            reply->abort();
        });

    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    const QPointer<ApiClient> self(this);
    const auto delivery = connect(reply, &QNetworkReply::finished, context,
        [self, reply, method, clock, done = std::move(done)] {
            const qint64 elapsedMs = clock->total.elapsed();
            const qint64 idleMs = clock->idle.elapsed();
            if (self) {
                self->handleFinished(
                    reply, method, elapsedMs, idleMs, clock->refusedRedirect, done);
                return;
            }
            // The client went away while the caller stayed: still answer, without signals.
            if (clock->refusedRedirect.isValid()) {
                done(ApiError::redirectRefused(reply->request().url(), clock->refusedRedirect));
                return;
            }
            done(ApiError::fromReply(*reply, reply->isOpen() ? reply->readAll() : QByteArray()));
        });
    // abort() emits finished() at once, and a dying context is still connected while it emits
    // destroyed(): cut the delivery first so no callback reaches a half-destroyed caller.
    connect(context, &QObject::destroyed, reply, [reply, delivery] {
        QObject::disconnect(delivery);
        reply->abort();
    });
    return reply;
}

QNetworkReply *ApiClient::sendJson(const QByteArray &method, const QUrl &url,
    const QJsonObject &body, QObject *context, RawCallback done)
{
    QNetworkRequest request = makeRequest(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray bytes = body.isEmpty() && method == "POST"
        ? QByteArray()
        : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return send(method, request, bytes, context, std::move(done));
}

void ApiClient::handleFinished(QNetworkReply *reply, const QByteArray &method, qint64 elapsedMs,
    qint64 idleMs, const QUrl &refusedRedirect, const RawCallback &done)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply is closed; reading it would only print a warning.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QString path = reply->url().path(); // never the query, never headers

    if (refusedRedirect.isValid()) {
        // Logged by origin only: a redirect URL may carry anything in its query.
        qCWarning(lcApi).noquote()
            << QString::fromLatin1(method) << path << "redirected to another origin; not followed:"
            << refusedRedirect
                   .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                       | QUrl::RemoveFragment)
                   .toString();
        done(ApiError::redirectRefused(reply->request().url(), refusedRedirect));
        return;
    }

    // Only a complete answer is a success: a 2xx that broke off or stalled mid-body is not.
    if (reply->error() == QNetworkReply::NoError) {
        qCDebug(lcApi).noquote() << QString::fromLatin1(method) << path << status << elapsedMs
                                 << "ms";
        RawReply raw;
        raw.httpStatus = status;
        raw.body = body;
        raw.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        raw.contentDisposition = reply->rawHeader("Content-Disposition");
        done(std::move(raw));
        return;
    }

    ApiError error;
    const bool success = status >= 200 && status < 300;
    if (reply->error() == QNetworkReply::OperationCanceledError && (status == 0 || success)) {
        // Qt reports a transfer timeout as a cancellation. A timeout fires only after the
        // transfer has been idle for the whole interval; an abort() usually comes sooner.
        const qint64 timeoutMs = qint64(m_transferTimeout.count());
        error = idleMs >= timeoutMs * 9 / 10
            ? ApiError::timeout(tr("No data for %1 ms.").arg(idleMs))
            : ApiError::cancelled();
    } else if (success && reply->error() == QNetworkReply::RemoteHostClosedError) {
        // The headers promised more than arrived before the connection closed.
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        error = ApiError::truncated(body.size(), declared);
        error.httpStatus = status;
    } else {
        error = ApiError::fromReply(*reply, body);
    }

    if (error.kind == ApiError::Kind::Http && status >= 500)
        qCWarning(lcApi).noquote()
            << QString::fromLatin1(method) << path << status << elapsedMs << "ms";
    else if (error.kind == ApiError::Kind::Http || error.kind == ApiError::Kind::Validation)
        qCInfo(lcApi).noquote() << QString::fromLatin1(method) << path << status << elapsedMs
                                << "ms";
    else
        qCWarning(lcApi).noquote() << QString::fromLatin1(method) << path << "failed after"
                                   << elapsedMs << "ms:" << reply->error();

    if (status == 401)
        emit sessionRejected(error);
    done(error);
}

namespace {

using ApiDecode::decodeWith;

template<typename Raw>
auto noContent(ApiCallback<NoContent> done)
{
    return [done = std::move(done)](const ApiResult<Raw> &raw) {
        if (raw.ok())
            done(NoContent{});
        else
            done(raw.error());
    };
}

} // namespace

// --- Prefix detection (§2.2) -----------------------------------------------------------------

void ApiClient::detectPrefix(QObject *context, ApiCallback<QString> done)
{
    probePrefix(v2ChatsPrefix(), context, std::move(done));
}

void ApiClient::probePrefix(const QString &prefix, QObject *context, ApiCallback<QString> done)
{
    const QUrl url = apiUrl(prefix, QueryBuilder().add(u"limit", u"1"_s).toString());
    const QPointer<ApiClient> self(this);
    send("GET", makeRequest(url), {}, context,
        [self, prefix, context, done = std::move(done)](const ApiResult<RawReply> &raw) {
            if (!self) {
                done(ApiError::cancelled());
                return;
            }
            if (raw.ok()) {
                self->m_chatsPrefix = prefix;
                self->m_prefixLocked = true;
                emit self->prefixDetected(prefix);
                done(prefix);
                return;
            }
            if (raw.error().isHttpStatus(404) && prefix == v2ChatsPrefix()) {
                self->probePrefix(experimentalChatsPrefix(), context, done);
                return;
            }
            done(raw.error());
        });
}

// --- Deployment ------------------------------------------------------------------------------

void ApiClient::buildInfo(QObject *context, ApiCallback<BuildInfo> done)
{
    send("GET", makeRequest(apiUrl(u"/api/v2/buildinfo"_s)), {}, context,
        decodeWith(std::move(done), ApiJson::buildInfoFromJson, tr("build information")));
}

void ApiClient::currentUser(QObject *context, ApiCallback<User> done)
{
    send("GET", makeRequest(apiUrl(u"/api/v2/users/me"_s)), {}, context,
        decodeWith(std::move(done), ApiJson::userFromJson, tr("user")));
}

void ApiClient::organizations(QObject *context, ApiCallback<QList<Organization>> done)
{
    send("GET", makeRequest(apiUrl(u"/api/v2/users/me/organizations"_s)), {}, context,
        decodeWith(std::move(done), ApiJson::organizationsFromJson, tr("organization list")));
}

void ApiClient::workspaces(QObject *context, ApiCallback<QList<Workspace>> done)
{
    const QString query = QueryBuilder().add(u"q", u"owner:me"_s).toString();
    send("GET", makeRequest(apiUrl(u"/api/v2/workspaces"_s, query)), {}, context,
        decodeWith(std::move(done), ApiJson::workspacesFromJson, tr("workspace list")));
}

// --- Chats -----------------------------------------------------------------------------------

void ApiClient::listChats(
    const ListChatsQuery &query, QObject *context, ApiCallback<QList<Chat>> done)
{
    QueryBuilder builder;
    if (!query.q.isEmpty())
        builder.add(u"q", query.q);
    for (auto it = query.labels.constBegin(); it != query.labels.constEnd(); ++it)
        builder.add(u"label", it.key() + u':' + it.value());
    if (query.limit > 0)
        builder.add(u"limit", QString::number(query.limit));
    if (query.offset > 0)
        builder.add(u"offset", QString::number(query.offset));
    if (!query.afterId.isNull())
        builder.add(u"after_id", query.afterId.toString());
    send("GET", makeRequest(chatsUrl({}, builder.toString())), {}, context,
        decodeWith(std::move(done), ApiJson::chatListFromJson, tr("chat list")));
}

void ApiClient::getChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done)
{
    send("GET", makeRequest(chatsUrl(idPath(chatId))), {}, context,
        decodeWith(std::move(done), ApiJson::chatFromJson, tr("chat")));
}

void ApiClient::createChat(
    const CreateChatRequest &request, QObject *context, ApiCallback<Chat> done)
{
    sendJson("POST", chatsUrl({}), ApiJson::toJson(request), context,
        decodeWith(std::move(done), ApiJson::chatFromJson, tr("chat")));
}

void ApiClient::updateChat(const ChatId &chatId, const UpdateChatRequest &request, QObject *context,
    ApiCallback<NoContent> done)
{
    sendJson("PATCH", chatsUrl(idPath(chatId)), ApiJson::toJson(request), context,
        noContent<RawReply>(std::move(done)));
}

void ApiClient::archiveChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done)
{
    UpdateChatRequest request;
    request.archived = true;
    updateChat(chatId, request, context, std::move(done));
}

void ApiClient::unarchiveChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done)
{
    UpdateChatRequest request;
    request.archived = false;
    updateChat(chatId, request, context, std::move(done));
}

void ApiClient::pinChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done)
{
    // Any positive value pins an unpinned chat at the end (§7.5).
    UpdateChatRequest request;
    request.pinOrder = 1;
    updateChat(chatId, request, context, std::move(done));
}

void ApiClient::unpinChat(const ChatId &chatId, QObject *context, ApiCallback<NoContent> done)
{
    UpdateChatRequest request;
    request.pinOrder = 0;
    updateChat(chatId, request, context, std::move(done));
}

void ApiClient::reorderPinnedChat(
    const ChatId &chatId, int position, QObject *context, ApiCallback<NoContent> done)
{
    if (position < 1) {
        done(ApiError::validationFailure(tr("A pinned position starts at 1.")));
        return;
    }
    UpdateChatRequest request;
    request.pinOrder = position;
    updateChat(chatId, request, context, std::move(done));
}

// --- Messages, queue, turn control -----------------------------------------------------------

void ApiClient::listMessages(const ChatId &chatId, std::optional<MessageId> beforeId,
    std::optional<MessageId> afterId, int limit, QObject *context, ApiCallback<MessagesPage> done)
{
    QueryBuilder query;
    if (beforeId)
        query.add(u"before_id", QString::number(beforeId->value));
    if (afterId)
        query.add(u"after_id", QString::number(afterId->value));
    if (limit > 0)
        query.add(u"limit", QString::number(limit));
    send("GET", makeRequest(chatsUrl(idPath(chatId, u"/messages"), query.toString())), {}, context,
        decodeWith(std::move(done), ApiJson::messagesPageFromJson, tr("message list")));
}

void ApiClient::sendMessage(const ChatId &chatId, const SendMessageRequest &request,
    QObject *context, ApiCallback<SendMessageResult> done)
{
    sendJson("POST", chatsUrl(idPath(chatId, u"/messages")), ApiJson::toJson(request), context,
        decodeWith(std::move(done), ApiJson::sendMessageResultFromJson, tr("message")));
}

void ApiClient::editMessage(const ChatId &chatId, MessageId messageId,
    const EditMessageRequest &request, QObject *context, ApiCallback<EditMessageResult> done)
{
    const QString path = idPath(chatId, u"/messages/") + QString::number(messageId.value);
    sendJson("PATCH", chatsUrl(path), ApiJson::toJson(request), context,
        decodeWith(std::move(done), ApiJson::editMessageResultFromJson, tr("edited message")));
}

void ApiClient::deleteQueuedMessage(
    const ChatId &chatId, QueuedMessageId queuedId, QObject *context, ApiCallback<NoContent> done)
{
    const QString path = idPath(chatId, u"/queue/") + QString::number(queuedId.value);
    send("DELETE", makeRequest(chatsUrl(path)), {}, context, noContent<RawReply>(std::move(done)));
}

void ApiClient::promoteQueuedMessage(const ChatId &chatId, QueuedMessageId queuedId,
    QObject *context, ApiCallback<PromoteResult> done)
{
    const QString path =
        idPath(chatId, u"/queue/") + QString::number(queuedId.value) + u"/promote"_s;
    sendJson("POST", chatsUrl(path), {}, context,
        [done = std::move(done)](const ApiResult<RawReply> &raw) {
            if (!raw.ok()) {
                done(raw.error());
                return;
            }
            // 202 {"message": "…accepted."} (newest) or 200 with the promoted message (older).
            PromoteResult result;
            if (raw.value().httpStatus == 200) {
                if (const auto document = ApiJson::parseDocument(raw.value().body))
                    result.message = ApiJson::chatMessageFromJson(*document);
            }
            done(result);
        });
}

void ApiClient::interruptChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done)
{
    sendJson("POST", chatsUrl(idPath(chatId, u"/interrupt")), {}, context,
        decodeWith(std::move(done), ApiJson::chatFromJson, tr("chat")));
}

void ApiClient::submitToolResults(const ChatId &chatId, const QList<ToolResult> &results,
    QObject *context, ApiCallback<NoContent> done)
{
    sendJson("POST", chatsUrl(idPath(chatId, u"/tool-results")), ApiJson::toJson(results), context,
        noContent<RawReply>(std::move(done)));
}

void ApiClient::proposeTitle(
    const ChatId &chatId, QObject *context, ApiCallback<ProposedTitle> done)
{
    const QPointer<ApiClient> self(this);
    // Seed-era servers: regenerate saves the title and answers with the chat.
    auto regenerate = [self, chatId, context](ApiCallback<ProposedTitle> answer) {
        self->sendJson("POST", self->chatsUrl(idPath(chatId, u"/title/regenerate")), {}, context,
            decodeWith(
                answer,
                [](const QJsonValue &value) -> std::optional<ProposedTitle> {
                    if (auto chat = ApiJson::chatFromJson(value))
                        return ProposedTitle{chat->title, true};
                    if (auto title = ApiJson::titleFromJson(value))
                        return ProposedTitle{*title, true};
                    return std::nullopt;
                },
                tr("title")));
    };
    if (m_titleProposeMissing) {
        regenerate(std::move(done));
        return;
    }
    sendJson("POST", chatsUrl(idPath(chatId, u"/title/propose")), {}, context,
        [self, regenerate, done = std::move(done)](const ApiResult<RawReply> &raw) {
            if (raw.ok() || !raw.error().isHttpStatus(404)) {
                decodeWith(
                    done,
                    [](const QJsonValue &value) -> std::optional<ProposedTitle> {
                        if (auto title = ApiJson::titleFromJson(value))
                            return ProposedTitle{*title, false};
                        return std::nullopt;
                    },
                    tr("title"))(raw);
                return;
            }
            if (!self) {
                done(ApiError::cancelled());
                return;
            }
            self->m_titleProposeMissing = true;
            regenerate(done);
        });
}

// --- Files, models, diff, prompts, cost ------------------------------------------------------

void ApiClient::models(
    const OrganizationId &organizationId, QObject *context, ApiCallback<QList<ModelConfig>> done)
{
    if (m_chatsPrefix == v2ChatsPrefix()) {
        // v2 deliberately does not mount /chats/models (§2.1): use the org-scoped route.
        if (organizationId.isNull()) {
            done(ApiError::validationFailure(tr("An organization is needed to list models.")));
            return;
        }
        fetchModelsFrom(
            apiUrl(u"/api/v2/organizations/%1/chats/models"_s.arg(organizationId.toString())),
            context, std::move(done));
        return;
    }
    fetchModelsFrom(chatsUrl(u"/models"_s), context, std::move(done));
}

void ApiClient::fetchModelsFrom(
    const QUrl &url, QObject *context, ApiCallback<QList<ModelConfig>> done)
{
    const QPointer<ApiClient> self(this);
    send("GET", makeRequest(url), {}, context,
        [self, context, done = std::move(done)](const ApiResult<RawReply> &raw) {
            if (!raw.ok()) {
                // No experimental fallback: every server with /api/v2/chats answers the
                // org-scoped route, and its experimental /chats/models is gone (§20.1.2).
                done(raw.error());
                return;
            }
            QString errorText;
            const auto document = ApiJson::parseDocument(raw.value().body, &errorText);
            const auto response = document ? ApiJson::modelsFromJson(*document)
                                           : std::optional<ApiJson::ModelsResponse>();
            if (!response) {
                done(document ? ApiError::decodeFailure(tr("model list"))
                              : ApiError::malformed(tr("model list"), errorText));
                return;
            }
            if (!response->legacyShape || response->idsAreConfigIds) {
                done(response->models);
                return;
            }
            if (!self) {
                done(ApiError::cancelled());
                return;
            }
            // Seed era: the catalog's ids are "provider:model" strings; the UUIDs to send as
            // model_config_id come from /model-configs, joined on (provider, model).
            const QUrl configsUrl = self->apiUrl(experimentalChatsPrefix() + u"/model-configs"_s);
            self->send("GET", self->makeRequest(configsUrl), {}, context,
                [catalog = *response, done](const ApiResult<RawReply> &configsRaw) {
                    QList<ModelConfig> configs;
                    if (configsRaw.ok()) {
                        if (const auto configsDocument =
                                ApiJson::parseDocument(configsRaw.value().body)) {
                            configs =
                                ApiJson::modelConfigsFromJson(*configsDocument).value_or(configs);
                        }
                    } else {
                        qCInfo(lcApi) << "model configs unavailable; offering the catalog only";
                    }
                    done(ApiJson::joinLegacyModels(catalog, configs));
                });
        });
}

bool ApiClient::isSameOrigin(const QUrl &from, const QUrl &to)
{
    // RFC 6454: scheme, host and port. QUrl lower-cases scheme and host; a missing port is
    // the scheme's default. ws/wss default like http/https.
    auto defaultPort = [](const QString &scheme) {
        return scheme == u"https" || scheme == u"wss" ? 443 : 80;
    };
    if (!from.isValid() || !to.isValid() || to.isRelative() || from.host().isEmpty())
        return false;
    return from.scheme() == to.scheme() && from.host() == to.host()
        && from.port(defaultPort(from.scheme())) == to.port(defaultPort(to.scheme()));
}

QByteArray ApiClient::contentDisposition(const QString &fileName)
{
    QString name;
    name.reserve(fileName.size());
    for (const QChar c : fileName) {
        // Control characters (CR, LF) would break the header; they never belong in a name.
        if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
            name.append(c);
    }
    if (name.isEmpty())
        name = u"attachment"_s;

    // The quoted fallback holds plain ASCII only: some parsers read quote escapes (\\")
    // literally, so names with quotes, backslashes or non-ASCII characters travel exactly in
    // filename* (RFC 5987), which servers prefer when both are present.
    QByteArray fallback;
    bool exact = true;
    for (const QChar c : std::as_const(name)) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80 || unit == u'"' || unit == u'\\') {
            exact = false;
            fallback += '_';
        } else {
            fallback += char(unit);
        }
    }
    QByteArray header = "attachment; filename=\"" + fallback + '"';
    if (!exact)
        header += "; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
    return header;
}

QNetworkReply *ApiClient::uploadFile(const OrganizationId &organizationId, const QByteArray &bytes,
    const QString &mimeType, const QString &fileName, QObject *context, ApiCallback<FileId> done)
{
    const QString query = QueryBuilder().add(u"organization", organizationId.toString()).toString();
    QNetworkRequest request = makeRequest(chatsUrl(u"/files"_s, query));
    request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType.toLatin1());
    request.setRawHeader("Content-Disposition", contentDisposition(fileName));
    qCDebug(lcUpload) << "uploading" << bytes.size() << "bytes of" << mimeType;
    return send("POST", request, bytes, context,
        decodeWith(std::move(done), ApiJson::uploadResponseFromJson, tr("upload answer")));
}

QNetworkReply *ApiClient::downloadFile(
    const FileId &fileId, QObject *context, ApiCallback<FileDownload> done)
{
    QNetworkRequest request = makeRequest(chatsUrl(u"/files/"_s + fileId.toString()));
    request.setRawHeader("Accept", "*/*");
    return send(
        "GET", request, {}, context, [done = std::move(done)](const ApiResult<RawReply> &raw) {
            if (!raw.ok()) {
                done(raw.error());
                return;
            }
            FileDownload file;
            file.data = raw.value().body;
            file.mimeType = QString::fromLatin1(raw.value().contentType);
            file.fileName = fileNameFromDisposition(raw.value().contentDisposition);
            done(file);
        });
}

void ApiClient::chatDiff(const ChatId &chatId, QObject *context, ApiCallback<ChatDiff> done)
{
    send("GET", makeRequest(chatsUrl(idPath(chatId, u"/diff"))), {}, context,
        decodeWith(std::move(done), ApiJson::chatDiffFromJson, tr("diff")));
}

void ApiClient::prompts(
    const ChatId &chatId, int limit, QObject *context, ApiCallback<QList<PromptEntry>> done)
{
    QueryBuilder query;
    if (limit > 0)
        query.add(u"limit", QString::number(limit));
    send("GET", makeRequest(chatsUrl(idPath(chatId, u"/prompts"), query.toString())), {}, context,
        decodeWith(std::move(done), ApiJson::promptsFromJson, tr("prompt list")));
}

void ApiClient::userSpend(QObject *context, ApiCallback<UserSpend> done)
{
    send("GET", makeRequest(apiUrl(u"/api/v2/users/me/ai/spend"_s)), {}, context,
        decodeWith(std::move(done), ApiJson::userSpendFromJson, tr("AI spend")));
}

void ApiClient::compactChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done)
{
    sendJson("POST", chatsUrl(idPath(chatId, u"/compact")), {}, context,
        decodeWith(std::move(done), ApiJson::chatFromJson, tr("chat")));
}

void ApiClient::clearChat(const ChatId &chatId, QObject *context, ApiCallback<Chat> done)
{
    sendJson("POST", chatsUrl(idPath(chatId, u"/clear")), {}, context,
        decodeWith(std::move(done), ApiJson::chatFromJson, tr("chat")));
}

void ApiClient::chatCost(const ChatId &chatId, QObject *context, ApiCallback<CostSummary> done)
{
    send("GET", makeRequest(chatsUrl(idPath(chatId, u"/cost"))), {}, context,
        decodeWith(std::move(done), ApiJson::costSummaryFromJson, tr("cost summary")));
}

// --- Sharing and workspace context (§20.3, §20.5) ---------------------------------------------

void ApiClient::chatAcl(const ChatId &chatId, QObject *context, ApiCallback<ChatAcl> done)
{
    send("GET", makeRequest(chatsUrl(idPath(chatId, u"/acl"))), {}, context,
        decodeWith(std::move(done), ApiJson::chatAclFromJson, tr("sharing list")));
}

void ApiClient::updateChatAcl(const ChatId &chatId, const ChatAclUpdate &update, QObject *context,
    ApiCallback<NoContent> done)
{
    sendJson("PATCH", chatsUrl(idPath(chatId, u"/acl")), ApiJson::toJson(update), context,
        noContent<RawReply>(std::move(done)));
}

void ApiClient::refreshChatContext(const ChatId &chatId, QObject *context, ApiCallback<Chat> done)
{
    send("PUT", makeRequest(chatsUrl(idPath(chatId, u"/context"))), {}, context,
        decodeWith(std::move(done), ApiJson::chatFromJson, tr("chat")));
}

void ApiClient::searchUsers(const QString &text, QObject *context, ApiCallback<QList<User>> done)
{
    QueryBuilder builder;
    if (!text.trimmed().isEmpty())
        builder.add(u"q", text.trimmed());
    builder.add(u"limit", u"25"_s);
    send("GET", makeRequest(apiUrl(u"/api/v2/users"_s, builder.toString())), {}, context,
        decodeWith(std::move(done), ApiJson::usersFromJson, tr("user list")));
}

} // namespace AgentDesk
