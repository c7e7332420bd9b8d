#pragma once

// Data-driven QTest rows over the server generations the simulator plays (protocol §20.1), and
// the simulator + signed-in client for one such row. Header-only over SimulatorApi.

#include "support/SimulatorApi.h"
#include "support/TestGeneration.h"

#include <QTest>

#include <memory>

namespace AgentDesk::Testing {

//! Every generation the simulator plays, oldest first.
inline QStringList allGenerations()
{
    return {QStringLiteral("legacy"), QStringLiteral("v237"), QStringLiteral("newest")};
}

//! One data row per generation in \a generations, in the column "generation".
inline void addGenerationRows(const QStringList &generations = allGenerations())
{
    QTest::addColumn<QString>("generation");
    for (const QString &generation : generations)
        QTest::newRow(qPrintable(generation)) << generation;
}

//! The simulator's demo in \a generation (with \a extraArguments) and a client on that
//! generation's route prefix; not started yet.
inline std::unique_ptr<SimulatorApi> simulatorApiFor(
    const QString &generation, const QStringList &extraArguments = {})
{
    auto live =
        std::make_unique<SimulatorApi>(SimulatorApi::demoArguments(generation) + extraArguments);
    live->chatsPrefix = chatsPrefixOf(generation);
    return live;
}

} // namespace AgentDesk::Testing
