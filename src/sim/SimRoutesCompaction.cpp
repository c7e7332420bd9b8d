// §20.6.3: the user's automatic compaction thresholds per model config.

#include "SimRoutes.h"
#include "SimState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AgentDeskSim {

HttpResponse SimRoutes::compactionThresholds(const HttpRequest &request, const QStringList &rest)
{
    if (rest.isEmpty()) {
        if (request.method != "GET")
            return HttpResponse::error(405, QStringLiteral("Method not allowed."));
        QJsonArray thresholds;
        for (auto it = m_steer.compactionThresholds.cbegin();
             it != m_steer.compactionThresholds.cend(); ++it) {
            thresholds.append(QJsonObject{{QStringLiteral("model_config_id"), it.key()},
                {QStringLiteral("threshold_percent"), it.value()}});
        }
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("thresholds"), thresholds}});
    }
    if (rest.size() != 1)
        return HttpResponse::error(404, QStringLiteral("Route not found."));
    const QString model = rest.at(0);
    bool known = false;
    for (const QJsonValue &value :
        m_state->modelsResponse().value(QStringLiteral("models")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toString() == model)
            known = true;
    }
    if (!known)
        return HttpResponse::error(404, QStringLiteral("Resource not found."));
    if (request.method == "DELETE") {
        m_steer.compactionThresholds.remove(model);
        return HttpResponse::noContent();
    }
    if (request.method != "PUT")
        return HttpResponse::error(405, QStringLiteral("Method not allowed."));
    const QJsonValue percent =
        QJsonDocument::fromJson(request.body).object().value(QStringLiteral("threshold_percent"));
    if (!percent.isDouble() || percent.toDouble() < 0 || percent.toDouble() > 100)
        return HttpResponse::error(400, QStringLiteral("threshold_percent is out of range."));
    m_steer.compactionThresholds.insert(model, percent.toInt());
    return HttpResponse::json(200,
        QJsonObject{{QStringLiteral("model_config_id"), model},
            {QStringLiteral("threshold_percent"), percent.toInt()}});
}

} // namespace AgentDeskSim
