#pragma once

#include "core/live/LiveClient.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace AgentDesk {

//! One repository in a /stream/git "changes" message (§9.8).
struct GitRepositoryChange
{
    QString repoRoot;
    QString branch;
    QString remoteOrigin;
    QString unifiedDiff;  //!< The workspace's uncommitted changes, `diff --git` format.
    bool removed = false; //!< The repository disappeared from the workspace.
};

//! A "changes" message: the state of every repository the workspace agent watches.
struct GitChanges
{
    QDateTime scannedAt;
    QList<GitRepositoryChange> repositories;
    QString message; //!< An error or info string the agent attached, if any.
};

//! The live git state of a chat's workspace, `{P}/{chat}/stream/git` (§9.8). Read-only: it
//! sends nothing, and renders each "changes" message. Meant to run only while the diff panel is
//! visible. A 400 before the upgrade ("Chat has no workspace to watch.") is final: it goes
//! Offline instead of retrying.
class GitStreamClient final : public LiveClient
{
    Q_OBJECT

public:
    GitStreamClient(QUrl url, RequestFactory factory, QObject *parent = nullptr);

    void start();

    //! Decodes one frame; nullopt for anything that is not a well-formed "changes" message
    //! (unknown types are ignored, never fatal).
    static std::optional<GitChanges> decode(const QByteArray &frame);

Q_SIGNALS:
    //! The server refused the upgrade (400: no workspace or agent, 404: no such stream).
    void upgradeRejected(int httpStatus);
    void changesReceived(const AgentDesk::GitChanges &changes);

private:
    void handleFrame(const QString &frame) override;

    QUrl m_url;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::GitChanges)
