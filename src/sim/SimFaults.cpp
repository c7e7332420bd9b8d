#include "SimFaults.h"

namespace AgentDeskSim {

namespace {

// The plain number and flag faults, by their JSON names: toJson() and apply() walk these.
struct NumberFault
{
    const char *key;
    int SimFaults::*member;
};
struct FlagFault
{
    const char *key;
    bool SimFaults::*member;
};

constexpr NumberFault numberFaults[] = {
    {"drop_stream_after_frames", &SimFaults::dropStreamAfterFrames},
    {"drop_watch_after_frames", &SimFaults::dropWatchAfterFrames},
    {"delay_ms", &SimFaults::delayMs},
    {"duplicate_frames", &SimFaults::duplicateFrames},
};

constexpr FlagFault flagFaults[] = {
    {"drop_stream_random", &SimFaults::dropStreamRandom},
    {"drop_watch_random", &SimFaults::dropWatchRandom},
    {"drop_mid_frame", &SimFaults::dropMidFrame},
    {"unknown_events", &SimFaults::unknownEvents},
    {"legacy_child_status", &SimFaults::legacyChildStatus},
    {"edit_replaces_message", &SimFaults::editReplacesMessage},
    {"edit_without_history_reset", &SimFaults::editWithoutHistoryReset},
    {"no_organizations", &SimFaults::noOrganizations},
    {"two_organizations", &SimFaults::twoOrganizations},
};

} // namespace

QJsonObject SimFaults::toJson() const
{
    QJsonObject json;
    for (const NumberFault &fault : numberFaults)
        json.insert(QLatin1String(fault.key), this->*fault.member);
    for (const FlagFault &fault : flagFaults)
        json.insert(QLatin1String(fault.key), this->*fault.member);
    if (failRoutePattern.isEmpty()) {
        json.insert(QStringLiteral("fail_route"), QJsonValue());
        return json;
    }
    QJsonObject failRoute{{QStringLiteral("pattern"), failRoutePattern},
        {QStringLiteral("status"), failRouteStatus}, {QStringLiteral("count"), failRouteCount},
        {QStringLiteral("after"), failRouteAfter}};
    if (!failRouteMethod.isEmpty())
        failRoute.insert(QStringLiteral("method"), failRouteMethod);
    json.insert(QStringLiteral("fail_route"), failRoute);
    return json;
}

bool SimFaults::apply(const QJsonObject &object, QString *error)
{
    SimFaults next = object.value(QStringLiteral("reset")).toBool() ? SimFaults() : *this;
    for (const NumberFault &fault : numberFaults) {
        const QJsonValue v = object.value(QLatin1String(fault.key));
        if (v.isUndefined() || v.isObject()) // objects are the {"random": N} flavour below
            continue;
        if (!v.isDouble() || v.toDouble() < 0) {
            *error =
                QStringLiteral("%1 must be a non-negative number.").arg(QLatin1String(fault.key));
            return false;
        }
        next.*fault.member = v.toInt();
    }
    for (const FlagFault &fault : flagFaults) {
        const QJsonValue v = object.value(QLatin1String(fault.key));
        if (!v.isUndefined())
            next.*fault.member = v.toBool();
    }
    // "random" may also be given as a string flavour: {"drop_stream_after_frames": {"random": 8}}.
    const QJsonValue drop = object.value(QStringLiteral("drop_stream_after_frames"));
    if (drop.isObject()) {
        next.dropStreamAfterFrames = drop.toObject().value(QStringLiteral("random")).toInt();
        next.dropStreamRandom = true;
    }
    const QJsonValue fail = object.value(QStringLiteral("fail_route"));
    if (fail.isNull()) {
        next.failRoutePattern.clear();
    } else if (fail.isObject()) {
        const QJsonObject f = fail.toObject();
        next.failRoutePattern = f.value(QStringLiteral("pattern")).toString();
        next.failRouteStatus = f.value(QStringLiteral("status")).toInt(503);
        next.failRouteMethod = f.value(QStringLiteral("method")).toString().toUpper();
        next.failRouteCount = f.value(QStringLiteral("count")).toInt(-1);
        next.failRouteAfter = f.value(QStringLiteral("after")).toInt(0);
        if (next.failRouteAfter < 0) {
            *error = QStringLiteral("fail_route.after must be a non-negative number.");
            return false;
        }
        if (next.failRouteStatus < 400 || next.failRouteStatus > 599) {
            *error = QStringLiteral("fail_route.status must be 400..599.");
            return false;
        }
    } else if (!fail.isUndefined()) {
        *error = QStringLiteral("fail_route must be an object or null.");
        return false;
    }
    next.m_failRouteRegex = QRegularExpression(next.failRoutePattern);
    if (!next.failRoutePattern.isEmpty() && !next.m_failRouteRegex.isValid()) {
        *error = QStringLiteral("fail_route.pattern is not a valid regular expression.");
        return false;
    }
    *this = next;
    return true;
}

bool SimFaults::takeRouteFailure(const QByteArray &method, const QString &path)
{
    if (failRoutePattern.isEmpty() || failRouteCount == 0)
        return false;
    if (!failRouteMethod.isEmpty() && failRouteMethod != QString::fromLatin1(method))
        return false;
    if (!m_failRouteRegex.match(path).hasMatch())
        return false;
    if (failRouteAfter > 0) { // let the first N matching requests through
        --failRouteAfter;
        return false;
    }
    if (failRouteCount > 0)
        --failRouteCount;
    return true;
}

} // namespace AgentDeskSim
