#pragma once

#include <QString>

namespace AgentDeskSim {

class SimState;

//! Fills a SimState with demo data (modelled on the protocol fixtures) or scale data.
class SimSeeder final
{
public:
    static bool seedDemo(SimState *state, QString *error);
    //! Adds \a chats extra chats; one of them ("Seeded history") gets \a messages messages.
    static void seedScale(SimState *state, int chats, int messages);
    //! v237/newest additions to the demo: context, shared chats of other users (§20.3, §20.5).
    static void seedModern(SimState *state);
};

} // namespace AgentDeskSim
