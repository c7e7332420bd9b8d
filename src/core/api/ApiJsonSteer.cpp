// Decoders for steering the agent (§20.7 spend).

#include "core/api/ApiJson.h"
#include "core/api/ApiJsonFields.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk::ApiJson {

using namespace Fields;

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

const FieldTable<UserSpend> userSpendFields{
    .times = {{u"period_start", &UserSpend::periodStart}, {u"period_end", &UserSpend::periodEnd}},
};

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
    using Thresholds = QMap<QUuid, int>;
    return decodeObject<Thresholds>(value, [](const QJsonObject &object, Thresholds &thresholds) {
        const QJsonValue list = object.value(u"thresholds");
        for (const QJsonValue &entry : list.toArray()) {
            const QJsonObject threshold = entry.toObject();
            const QUuid id = uuid(threshold, u"model_config_id");
            const std::optional<int> percent =
                compressionThresholdFromJson(threshold.value(u"threshold_percent"));
            if (!id.isNull() && percent)
                thresholds.insert(id, *percent);
        }
        // Absent or null is no thresholds; any other non-list is not this answer.
        return list.isArray() || list.isNull() || list.isUndefined();
    });
}

std::optional<UserSpend> userSpendFromJson(const QJsonValue &value)
{
    return decodeObject<UserSpend>(value, [](const QJsonObject &object, UserSpend &spend) {
        const std::optional<qint64> current = micros(object, u"current_spend_micros");
        if (!current)
            return false;
        spend.currentSpendMicros = *current;
        // Newest: effective_budget {spend_limit_micros, limit_source} or null (no limit); older
        // handlers had the same two fields flat on the object.
        const QJsonValue budget = object.value(u"effective_budget");
        const QJsonObject limits = budget.isObject() ? budget.toObject() : object;
        if (!budget.isNull()) {
            spend.spendLimitMicros = micros(limits, u"spend_limit_micros");
            spend.limitSource = string(limits, u"limit_source");
        }
        readFields(object, spend, userSpendFields);
        return true;
    });
}

} // namespace AgentDesk::ApiJson
