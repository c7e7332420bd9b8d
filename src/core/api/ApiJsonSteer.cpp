// Decoders for steering the agent (§20.7 spend).

#include "core/api/ApiJson.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk::ApiJson {

namespace {

std::optional<qint64> micros(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // Money in micros fits easily; anything negative or absurd is not a figure to show.
    if (!(number >= 0 && number < 9.0e15))
        return std::nullopt;
    return qint64(number);
}

QDateTime time(const QJsonObject &object, QStringView key)
{
    return QDateTime::fromString(object.value(key).toString(), Qt::ISODateWithMs);
}

} // namespace

std::optional<int> compressionThresholdFromJson(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double percent = value.toDouble();
    // The server keeps it within 0–100; anything else is not a threshold to draw.
    if (!(percent >= 0 && percent <= 100))
        return std::nullopt;
    return int(percent);
}

std::optional<QMap<QUuid, int>> compactionThresholdsFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonValue list = value.toObject().value(u"thresholds");
    if (!list.isArray() && !list.isNull() && !list.isUndefined())
        return std::nullopt;
    QMap<QUuid, int> thresholds;
    for (const QJsonValue &entry : list.toArray()) {
        const QJsonObject object = entry.toObject();
        const QUuid id(object.value(u"model_config_id").toString());
        const std::optional<int> percent =
            compressionThresholdFromJson(object.value(u"threshold_percent"));
        if (!id.isNull() && percent)
            thresholds.insert(id, *percent);
    }
    return thresholds;
}

std::optional<UserSpend> userSpendFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const std::optional<qint64> current = micros(object, u"current_spend_micros");
    if (!current)
        return std::nullopt;
    UserSpend spend;
    spend.currentSpendMicros = *current;
    // Newest: effective_budget {spend_limit_micros, limit_source} or null (no limit); older
    // handlers had the same two fields flat on the object.
    const QJsonValue budget = object.value(u"effective_budget");
    const QJsonObject limits = budget.isObject() ? budget.toObject() : object;
    if (!budget.isNull()) {
        spend.spendLimitMicros = micros(limits, u"spend_limit_micros");
        spend.limitSource = limits.value(u"limit_source").toString();
    }
    spend.periodStart = time(object, u"period_start");
    spend.periodEnd = time(object, u"period_end");
    return spend;
}

} // namespace AgentDesk::ApiJson
