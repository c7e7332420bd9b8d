#pragma once

// A ChatDirectory kept equal to agentdesk-sim: the simulator and a signed-in client on one
// generation, a watch client, the ChatListModel and the directory that fills it. The set-up of
// the directory-level integration tests. Header-only: they link agentdesk_models.

#include "core/live/ChatWatchClient.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "support/GenerationRows.h"

#include <QSignalSpy>

#include <memory>

namespace AgentDesk::Testing {

struct LiveDirectory
{
    //! The demo in \a generation with \a extraArguments; nothing runs before start().
    explicit LiveDirectory(const QString &generation, const QStringList &extraArguments = {})
        : server(simulatorApiFor(generation, extraArguments))
    {
    }

    //! Starts the simulator and makes the client, watch client and directory (not started);
    //! false (see sim().errorString()) if the simulator did not start.
    bool start()
    {
        if (!server->start())
            return false;
        ApiClient *client = server->api.get();
        watch = std::make_unique<ChatWatchClient>(client->watchUrl(), socketRequestsOf(client));
        directory = std::make_unique<ChatDirectory>(client, watch.get(), &model);
        return true;
    }

    //! Starts the directory; true once its first list arrived.
    bool startAndWaitForList()
    {
        QSignalSpy loaded(directory.get(), &ChatDirectory::listLoaded);
        directory->start();
        return loaded.wait(10000);
    }

    SimulatorProcess &sim() { return server->sim; }
    ApiClient &api() { return *server->api; }

    std::unique_ptr<SimulatorApi> server; // first made, last destroyed
    ChatListModel model;
    std::unique_ptr<ChatWatchClient> watch;
    std::unique_ptr<ChatDirectory> directory;
};

} // namespace AgentDesk::Testing
