#pragma once

// The server generation (protocol §20.1) a simulator-backed test plays: $AGENTDESK_TEST_GENERATION,
// which ctest sets for the NAME_v237 and NAME_newest registrations of agentdesk_add_generations
// (tests/CMakeLists.txt); the plain NAME plays legacy, as these tests always did.

#include <QString>
#include <QtGlobal>

namespace AgentDesk::Testing {

inline QString testGeneration()
{
    const QString generation = qEnvironmentVariable("AGENTDESK_TEST_GENERATION");
    return generation.isEmpty() ? QStringLiteral("legacy") : generation;
}

//! The chats route prefix a generation serves (§20.1.1).
inline QString chatsPrefixOf(const QString &generation)
{
    return generation == QLatin1String("legacy") ? QStringLiteral("/api/experimental/chats")
                                                 : QStringLiteral("/api/v2/chats");
}

inline QString testChatsPrefix()
{
    return chatsPrefixOf(testGeneration());
}

} // namespace AgentDesk::Testing
