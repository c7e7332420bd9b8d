#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>

namespace AgentDeskSim {

//! A device or browser sign-in grant for a personal provider key (§20.8), held in memory.
struct SimProviderGrant
{
    QString id;
    QString provider; //!< provider type (openai, …)
    bool browser = false;
    QString userCode; //!< device flow
    QString state;    //!< browser flow (the PKCE state the callback must carry)
    QString status = QStringLiteral("pending");
};

//! What the §20.8–§20.10 routes keep (models/keys, MCP servers, skills, user prompt), plus the
//! request log tests read through GET /__sim/requests.
struct SimSteerState
{
    QSet<QString> userKeyProviders; //!< provider types with a personal key
    QHash<QString, SimProviderGrant> grants;
    QSet<QString> mcpConnected; //!< MCP server ids the user connected (OAuth)
    QList<QJsonObject> skills;  //!< personal skills: id, name, description, content, times
    QString userPrompt;
    QMap<QString, int> compactionThresholds; //!< model config id -> percent (§20.6.3)
    QJsonArray requestLog; //!< {method, path, body}: every non-control request with a JSON body
    int grantCounter = 0;
};

} // namespace AgentDeskSim
