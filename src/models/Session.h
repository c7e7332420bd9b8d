#pragma once

#include "core/api/ApiTypes.h"
#include "models/SignInFlow.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace AgentDesk {

class ApiClient;
class AttachmentUploads;
class ChatDirectory;
class ChatListModel;
class ChatSession;
class ChatWatchClient;
class FileCache;
class GitStreams;
class MessageListModel;
class ModelConfigModel;
class QueueModel;
struct ApiError;

//! Everything that lives while signed in to one deployment, owned as one (design.md c.1):
//! the API client holding the token, the chat watch and the directory over it, the file cache,
//! the session of the open chat, the attachment uploads and the git streams of the diff panel. Application creates it
//! on sign-in and ends it with end() + deleteLater() on sign-out, a 401 or a switch of
//! deployment, so nothing signed-in outlives it. Widgets receive what they need from it and
//! create no network clients of their own.
//!
//! The models it feeds (chat list, model catalog) belong to the caller: views keep them across
//! sign-ins; end() clears them.
class Session final : public QObject
{
    Q_OBJECT

public:
    struct Models
    {
        ChatListModel *chats = nullptr;
        ModelConfigModel *modelConfigs = nullptr;
    };

    //! Signs \a connection's token into a new API client on \a network (not owned). The token
    //! is kept by the client only. \a fileCacheDirectory empty = no on-disk cache.
    Session(QNetworkAccessManager *network, const ConnectionResult &connection,
        const Models &models, const QString &fileCacheDirectory, QObject *parent = nullptr);
    ~Session() override;

    //! Lists the chats and starts the watch (the model catalog loads from the constructor on).
    void start();
    //! Stops every client and clears the token and the models; the caller deletes the session
    //! (deleteLater(): the call may come from inside one of its clients' signals).
    void end();
    bool isEnded() const noexcept { return m_ended; }

    ApiClient *api() const { return m_api; }
    ChatDirectory *directory() const { return m_directory; }
    ChatWatchClient *watch() const { return m_watch; }
    FileCache *files() const { return m_files; }
    //! The connection it was made from, without the token.
    const ConnectionResult &connection() const noexcept { return m_connection; }

    //! Opens a session for chat \a id over the caller's models; the Session owns it (only one
    //! chat is open at a time, §14.10: the caller closes the previous one first).
    ChatSession *openChat(const ChatId &id, MessageListModel *messages, QueueModel *queue);
    //! Closes the chat's stream (marks it read, §14.10) and deletes its session.
    void closeChat(ChatSession *session);
    //! The upload jobs of the composer's attachments (owned here, not by the widgets).
    AttachmentUploads *uploads() const { return m_uploads; }
    //! The live git clients of the diff panel (owned here, not by the widgets).
    GitStreams *gitStreams() const { return m_gitStreams; }

signals:
    //! The deployment refused the token (REST 401 or a socket upgrade's 401).
    void rejected(const ApiError &error);

private:
    void handleWatchRejected(int status);
    void loadModels();

    ConnectionResult m_connection;
    Models m_models;
    ApiClient *m_api;
    FileCache *m_files;
    ChatWatchClient *m_watch;
    ChatDirectory *m_directory;
    AttachmentUploads *m_uploads;
    GitStreams *m_gitStreams;
    bool m_ended = false;
};

} // namespace AgentDesk
