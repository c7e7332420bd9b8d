#pragma once

// Helpers shared by the SimRoutes*.cpp files (one file per resource). Private to the simulator.

#include "HttpMessage.h"
#include "SimKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace AgentDeskSim::routes {

inline const QString kMessage = QStringLiteral("message");
inline constexpr qint64 maxCreateBody = 256 * 1024;
inline constexpr qint64 maxUploadBytes = 10 * 1024 * 1024;
//! The second organization of the two_organizations fault (not the default; the org-scoped models route does not know it).
inline constexpr const char *secondOrgId = "3e1f5a7c-9b2d-4c6e-8f0a-1b3d5f7a9c2e";

inline HttpResponse notFound()
{
    return HttpResponse::error(404, QStringLiteral("Route not found."));
}

inline HttpResponse resourceNotFound()
{
    return HttpResponse::error(
        404, QStringLiteral("Resource not found or you do not have access to this resource"));
}

//! A plain GET on a WebSocket route (watch, stream).
inline HttpResponse upgradeRequired()
{
    return HttpResponse::error(400, QStringLiteral("This endpoint requires a WebSocket upgrade."));
}

inline HttpResponse badQuery(const QString &field, const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("Query parameters have invalid values."), {},
        {HttpResponse::validation(field, detail)});
}

inline bool parseJsonObject(const QByteArray &body, QJsonObject *out, HttpResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = HttpResponse::error(400, QStringLiteral("Request body must be valid JSON."),
            parseError.error != QJsonParseError::NoError
                ? parseError.errorString()
                : QStringLiteral("expected a JSON object"));
        return false;
    }
    *out = doc.object();
    return true;
}

//! Strict int64 query parsing: absent → default, otherwise digits only.
inline bool parseInt(const HttpRequest &request, const QString &key, qint64 *value, bool *present)
{
    *present = request.hasQuery(key);
    if (!*present)
        return true;
    bool ok = false;
    *value = request.queryValue(key).toLongLong(&ok);
    return ok;
}

inline QString messageText(const QJsonArray &content)
{
    QStringList texts;
    for (const QJsonValue &p : content) {
        if (p.toObject().value(kType).toString() == kText)
            texts.append(p.toObject().value(kText).toString());
    }
    return texts.join(QLatin1Char(' '));
}

} // namespace AgentDeskSim::routes
