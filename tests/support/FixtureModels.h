#pragma once

// Protocol fixtures decoded by ApiJson into the client's types: the rows model tests start from.
// Header-only over FixtureFiles (agentdesk_testsupport); the tests that use it link agentdesk_core.

#include "core/api/ApiJson.h"
#include "support/FixtureFiles.h"

namespace AgentDesk::Testing {

//! The chats of a list fixture (chats-list.json, ...); empty when it does not decode.
inline QList<Chat> fixtureChats(const QString &name)
{
    const auto document = ApiJson::parseDocument(FixtureFiles::read(name));
    return document ? ApiJson::chatListFromJson(*document).value_or(QList<Chat>{}) : QList<Chat>{};
}

//! The models of a model-list fixture (either shape of §9.4); empty when it does not decode.
inline QList<ModelConfig> fixtureModels(const QString &name)
{
    const auto document = ApiJson::parseDocument(FixtureFiles::read(name));
    const auto response = document ? ApiJson::modelsFromJson(*document) : std::nullopt;
    return response ? response->models : QList<ModelConfig>{};
}

} // namespace AgentDesk::Testing
