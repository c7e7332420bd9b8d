#pragma once

#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

namespace AgentDeskSim {

//! Active fault injection settings, set from the command line or POST /__sim/faults.
class SimFaults final
{
public:
    int dropStreamAfterFrames = 0; // 0 = off
    bool dropStreamRandom = false; // drop at a random frame 1..N, re-armed per connection
    int dropWatchAfterFrames = 0;
    bool dropWatchRandom = false;
    //! A drop cuts the frame it falls on at a random byte offset (WebSocket header included)
    //! instead of after it: the client reads a partial frame, then the TCP connection ends.
    bool dropMidFrame = false;
    int delayMs = 0;
    QString failRoutePattern;
    int failRouteStatus = 503;
    QString failRouteMethod; // empty = any
    int failRouteCount = -1; // remaining failures; -1 = unlimited
    int failRouteAfter = 0;  // matching requests still let through before failures start
    int duplicateFrames = 0; // every Nth frame is sent twice; 0 = off
    bool unknownEvents = false;
    //! Seed-era behaviour (protocol §12.7): a sub-agent's status events are also sent on its
    //! parent's stream, with the child's chat_id.
    bool legacyChildStatus = false;
    //! An edit soft-deletes the edited message too and stores the new text under a new id, as
    //! some Coder-compatible servers do (the response's `message` then has another id).
    bool editReplacesMessage = false;
    //! Seed era (§8.3): an edit re-sends the surviving history without a history_reset first,
    //! and its answer names no deleted_message_ids.
    bool editWithoutHistoryReset = false;
    //! The signed-in user belongs to no organization (users/me/organizations answers []).
    bool noOrganizations = false;
    //! The user also belongs to a second, non-default organization ("Globex"; its org-scoped models route answers 404).
    bool twoOrganizations = false;

    QJsonObject toJson() const;
    //! Merges the keys present in \a object; `{"reset": true}` clears everything first.
    bool apply(const QJsonObject &object, QString *error);
    //! Consumes one failure if the route fault matches.
    bool takeRouteFailure(const QByteArray &method, const QString &path);

private:
    QRegularExpression m_failRouteRegex;
};

} // namespace AgentDeskSim
