#pragma once

#include "core/api/ApiTypes.h"

#include <QObject>
#include <QPointer>

namespace AgentDesk {

class ApiClient;
class GitStreamClient;

//! The live git clients of one signed-in session (design.md c.1, §9.8): the Session owns this
//! object and this object owns every GitStreamClient, bound to the session's API client. The
//! diff panel opens one for the chat it shows and closes it when hidden or switched.
class GitStreams final : public QObject
{
    Q_OBJECT

public:
    explicit GitStreams(ApiClient *api, QObject *parent = nullptr);
    ~GitStreams() override;

    //! A new, not yet started client of \a chat's git stream, owned by this object. Null when
    //! the API client is gone.
    GitStreamClient *open(const ChatId &chat);
    //! Stops \a client and deletes it later; null is ignored.
    void close(GitStreamClient *client);

signals:
    //! A client was made for \a chat.
    void opened(const AgentDesk::ChatId &chat);

private:
    QPointer<ApiClient> m_api;
};

} // namespace AgentDesk
