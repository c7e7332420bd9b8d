// Steering the agent (§20.7 cost and spend): the whole-tree chat cost and the user's AI spend.

#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimState.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>

namespace AgentDeskSim {

namespace {

//! What alice has spent before the simulator started (the month did not start today).
constexpr qint64 baseSpendMicros = 4'250'000;
//! The group budget the simulator's deployment gives everyone: $50 a month.
constexpr qint64 monthlyBudgetMicros = 50'000'000;

} // namespace

qint64 SimRoutes::treeCostMicros(const SimChat &chat, int *requests) const
{
    // §20.7: GET {chat}/cost covers the whole chat tree, also when asked about a sub-agent.
    const QString root = chat.rootId.isEmpty() ? chat.id : chat.rootId;
    qint64 total = 0;
    int count = 0;
    for (const SimChat &member : m_state->chats()) {
        if (member.id != root && member.rootId != root)
            continue;
        total += member.costMicros;
        count += member.requestCount;
    }
    if (requests)
        *requests = count;
    return total;
}

HttpResponse SimRoutes::userSpend(const QString &user)
{
    // GET /api/v2/users/{user|me}/ai/spend (AI Gateway entitlement; v237/newest only).
    if (!m_state->modern())
        return HttpResponse::error(404, QStringLiteral("Route not found."));
    if (user != QLatin1String("me") && user.toLower() != QLatin1String(SimState::userId))
        return HttpResponse::error(
            404, QStringLiteral("Resource not found or you do not have access to this resource"));
    qint64 spent = baseSpendMicros;
    for (const SimChat &chat : m_state->chats()) {
        if (chat.ownerId == QLatin1String(SimState::userId))
            spent += chat.costMicros;
    }
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QDate first(today.year(), today.month(), 1);
    const QDateTime start(first, QTime(0, 0), Qt::UTC);
    const QDateTime end(first.addMonths(1), QTime(0, 0), Qt::UTC);
    return HttpResponse::json(200,
        QJsonObject{{QStringLiteral("user_id"), QLatin1String(SimState::userId)},
            {QStringLiteral("current_spend_micros"), spent},
            {QStringLiteral("effective_budget"),
                QJsonObject{{QStringLiteral("spend_limit_micros"), monthlyBudgetMicros},
                    {QStringLiteral("limit_source"), QStringLiteral("group")}}},
            {QStringLiteral("effective_group_id"), QLatin1String(SimState::devsGroupId)},
            {QStringLiteral("period_start"), SimState::timestamp(start)},
            {QStringLiteral("period_end"), SimState::timestamp(end)}});
}

} // namespace AgentDeskSim
