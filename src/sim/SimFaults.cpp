#include "SimFaults.h"

namespace AgentDeskSim {

QJsonObject SimFaults::toJson() const
{
    QJsonObject failRoute;
    if (!failRoutePattern.isEmpty()) {
        failRoute = {{QStringLiteral("pattern"), failRoutePattern},
            {QStringLiteral("status"), failRouteStatus}, {QStringLiteral("count"), failRouteCount},
            {QStringLiteral("after"), failRouteAfter}};
        if (!failRouteMethod.isEmpty())
            failRoute.insert(QStringLiteral("method"), failRouteMethod);
    }
    return {
        {QStringLiteral("drop_stream_after_frames"), dropStreamAfterFrames},
        {QStringLiteral("drop_stream_random"), dropStreamRandom},
        {QStringLiteral("drop_watch_after_frames"), dropWatchAfterFrames},
        {QStringLiteral("drop_watch_random"), dropWatchRandom},
        {QStringLiteral("drop_mid_frame"), dropMidFrame},
        {QStringLiteral("delay_ms"), delayMs},
        {QStringLiteral("fail_route"), failRoutePattern.isEmpty() ? QJsonValue() : failRoute},
        {QStringLiteral("duplicate_frames"), duplicateFrames},
        {QStringLiteral("unknown_events"), unknownEvents},
        {QStringLiteral("legacy_child_status"), legacyChildStatus},
        {QStringLiteral("edit_replaces_message"), editReplacesMessage},
        {QStringLiteral("edit_without_history_reset"), editWithoutHistoryReset},
        {QStringLiteral("no_organizations"), noOrganizations},
        {QStringLiteral("two_organizations"), twoOrganizations},
    };
}

bool SimFaults::apply(const QJsonObject &object, QString *error)
{
    SimFaults next = object.value(QStringLiteral("reset")).toBool() ? SimFaults() : *this;
    auto intField = [&](const char *key, int &target) {
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isUndefined() || v.isObject()) // objects are the {"random": N} flavour below
            return true;
        if (!v.isDouble() || v.toDouble() < 0) {
            *error = QStringLiteral("%1 must be a non-negative number.").arg(QLatin1String(key));
            return false;
        }
        target = v.toInt();
        return true;
    };
    auto boolField = [&](const char *key, bool &target) {
        const QJsonValue v = object.value(QLatin1String(key));
        if (!v.isUndefined())
            target = v.toBool();
    };
    if (!intField("drop_stream_after_frames", next.dropStreamAfterFrames)
        || !intField("drop_watch_after_frames", next.dropWatchAfterFrames)
        || !intField("delay_ms", next.delayMs)
        || !intField("duplicate_frames", next.duplicateFrames))
        return false;
    boolField("drop_stream_random", next.dropStreamRandom);
    boolField("drop_watch_random", next.dropWatchRandom);
    boolField("drop_mid_frame", next.dropMidFrame);
    boolField("unknown_events", next.unknownEvents);
    boolField("legacy_child_status", next.legacyChildStatus);
    boolField("edit_replaces_message", next.editReplacesMessage);
    boolField("edit_without_history_reset", next.editWithoutHistoryReset);
    boolField("no_organizations", next.noOrganizations);
    boolField("two_organizations", next.twoOrganizations);
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
