// agentdesk-sim: a faithful Coder Agents ("Chats API") simulator on one loopback port.
//
// Usage: agentdesk-sim [--port N] [--token T] [--seed N] [--scenario FILE.json]
//                      [--delta-interval-ms N] [--ping-interval-ms N] [--chats N --messages M]
//                      [--demo] [--generation legacy|v237|newest] [--admin]
//                      [--disable-chat-sharing] [--capacity-limit N]
//                      [--requires-action-timeout-ms N] [--die-with-parent]
//                      [fault options]
//
// The first stdout line is exactly "listening on 127.0.0.1:PORT" (flushed at once).
//
// Fault options (also settable at runtime, see below):
//   --drop-stream-after-frames N   abort each /stream socket after N frames
//   --drop-random                  ... at a random frame 1..N instead (re-armed per connection)
//   --drop-watch-after-frames N    abort each /watch socket after N frames
//   --delay-ms N                   delay every REST answer by N ms
//   --fail-route REGEX=STATUS      answer requests whose path matches REGEX with STATUS
//                                  (runtime: "after":N lets N matching requests pass first)
//                                  (Coder error body "Simulated failure.")
//   --duplicate-frames N           send every Nth WebSocket frame twice
//   --unknown-events               add unknown event types, part types and extra fields
//
// Test-only control endpoints (authenticated like the API):
//   GET  /__sim/state              chat_count, message_count, messages_per_chat, sockets_open,
//                                  stream/watch/git_sockets_open, drops_done, frames_sent, faults
//   GET  /__sim/faults             the active fault set
//   POST /__sim/faults             JSON merge: {"drop_stream_after_frames":N,
//   "drop_stream_random":b,
//                                  "drop_watch_after_frames":N, "drop_watch_random":b,
//                                  "delay_ms":N,
//                                  "fail_route":{"pattern":re,"status":503,"method":"GET","count":-1}|null,
//                                  "duplicate_frames":N, "unknown_events":b, "reset":true};
//                                  returns the active set
//   POST /__sim/chats/{id}/turn    start a scripted turn without a user message
//                                  (optional body {"scenario":"name"}); 202 Chat
//   POST /__sim/revoke-token       revoke the session token (optional {"token":"new"})
//   POST /__sim/chats/{id}/context-dirty | warnings | acl, POST /__sim/capacity
//                                  (see README.md)
//
// A user message starting with "/scenario NAME" picks the scripted scenario for that turn.

#include "SimLogging.h"
#include "SimServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <csignal>

#include <sys/prctl.h>
#endif

using namespace AgentDeskSim;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("agentdesk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Coder Agents simulator for AgentDesk"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port({QStringLiteral("port")},
        QStringLiteral("TCP port (0 = ephemeral)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption token({QStringLiteral("token")},
        QStringLiteral(
            "Accepted session token (default: $AGENTDESK_SIM_TOKEN, else a demo token)."),
        QStringLiteral("T"));
    const QCommandLineOption seed({QStringLiteral("seed")}, QStringLiteral("Random seed."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption scenario({QStringLiteral("scenario")},
        QStringLiteral("Scenario JSON file for the default turn."), QStringLiteral("FILE"));
    const QCommandLineOption delta({QStringLiteral("delta-interval-ms")},
        QStringLiteral("Pace between streamed deltas (0 = fastest)."), QStringLiteral("N"),
        QStringLiteral("40"));
    const QCommandLineOption ping({QStringLiteral("ping-interval-ms")},
        QStringLiteral("WebSocket ping interval."), QStringLiteral("N"), QStringLiteral("15000"));
    const QCommandLineOption chats({QStringLiteral("chats")}, QStringLiteral("Seed N extra chats."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption messages({QStringLiteral("messages")},
        QStringLiteral("Messages in the first seeded chat."), QStringLiteral("M"),
        QStringLiteral("0"));
    const QCommandLineOption demo(
        {QStringLiteral("demo")}, QStringLiteral("Seed demo data modelled on the fixtures."));
    const QCommandLineOption generation({QStringLiteral("generation")},
        QStringLiteral("Server generation: legacy (experimental routes only), v237 (both "
                       "prefixes), newest (/api/v2 only)."),
        QStringLiteral("G"), QStringLiteral("newest"));
    const QCommandLineOption admin({QStringLiteral("admin")},
        QStringLiteral("The signed-in user is a deployment admin (v237/newest)."));
    const QCommandLineOption noSharing({QStringLiteral("disable-chat-sharing")},
        QStringLiteral("Chat sharing is disabled for the deployment (v237/newest)."));
    const QCommandLineOption actionTimeout({QStringLiteral("requires-action-timeout-ms")},
        QStringLiteral("Deadline for client tool results (default 300000)."), QStringLiteral("N"),
        QStringLiteral("300000"));
    const QCommandLineOption capacity({QStringLiteral("capacity-limit")},
        QStringLiteral("Concurrently running top-level chats (0 = unlimited; v237/newest)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption dieWithParent({QStringLiteral("die-with-parent")},
        QStringLiteral("Exit when the parent process dies (Linux)."));
    const QCommandLineOption dropStream({QStringLiteral("drop-stream-after-frames")},
        QStringLiteral("Fault: abort /stream after N frames."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption dropRandom(
        {QStringLiteral("drop-random")}, QStringLiteral("Fault: drop at a random frame 1..N."));
    const QCommandLineOption dropWatch({QStringLiteral("drop-watch-after-frames")},
        QStringLiteral("Fault: abort /watch after N frames."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption delay({QStringLiteral("delay-ms")},
        QStringLiteral("Fault: delay every REST answer."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption failRoute({QStringLiteral("fail-route")},
        QStringLiteral("Fault: REGEX=STATUS."), QStringLiteral("SPEC"));
    const QCommandLineOption duplicate({QStringLiteral("duplicate-frames")},
        QStringLiteral("Fault: send every Nth frame twice."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption unknown({QStringLiteral("unknown-events")},
        QStringLiteral("Fault: unknown events, parts and fields."));
    parser.addOptions({port, token, seed, scenario, delta, ping, chats, messages, demo, generation,
        admin, noSharing, capacity, actionTimeout, dieWithParent, dropStream, dropRandom, dropWatch,
        delay, failRoute, duplicate, unknown});
    parser.process(app);

    auto number = [&parser](const QCommandLineOption &option, int min, int max) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > max) {
            std::fprintf(stderr, "agentdesk-sim: invalid value for --%s\n",
                qPrintable(option.names().first()));
            std::exit(2);
        }
        return value;
    };

    SimOptions options;
    options.port = quint16(number(port, 0, 65535));
    // --token wins; otherwise AGENTDESK_SIM_TOKEN, so the token need not appear in `ps` output.
    if (parser.isSet(token))
        options.token = parser.value(token);
    else if (const QString fromEnvironment = qEnvironmentVariable("AGENTDESK_SIM_TOKEN");
             !fromEnvironment.isEmpty())
        options.token = fromEnvironment;
    options.seed = quint32(number(seed, 0, std::numeric_limits<int>::max()));
    options.scenarioFile = parser.value(scenario);
    options.deltaIntervalMs = number(delta, 0, 60000);
    options.pingIntervalMs = number(ping, 0, 3600000);
    options.extraChats = number(chats, 0, 1000000);
    options.messages = number(messages, 0, 10000000);
    if (options.messages > 0 && options.extraChats == 0)
        options.extraChats = 1;
    options.demo = parser.isSet(demo);
    const QString generationName = parser.value(generation);
    if (generationName == QLatin1String("legacy")) {
        options.generation = SimGeneration::Legacy;
    } else if (generationName == QLatin1String("v237")) {
        options.generation = SimGeneration::V237;
    } else if (generationName == QLatin1String("newest")) {
        options.generation = SimGeneration::Newest;
    } else {
        std::fprintf(stderr, "agentdesk-sim: --generation must be legacy, v237 or newest\n");
        return 2;
    }
    options.admin = parser.isSet(admin);
    options.sharingDisabled = parser.isSet(noSharing);
    options.capacityLimit = number(capacity, 0, 100000);
    options.requiresActionTimeoutMs = number(actionTimeout, 1, 24 * 3600 * 1000);
    SimFaults &faults = options.faults;
    faults.dropStreamAfterFrames = number(dropStream, 0, 1 << 30);
    faults.dropStreamRandom = parser.isSet(dropRandom);
    faults.dropWatchAfterFrames = number(dropWatch, 0, 1 << 30);
    faults.dropWatchRandom = parser.isSet(dropRandom);
    faults.delayMs = number(delay, 0, 600000);
    faults.duplicateFrames = number(duplicate, 0, 1 << 30);
    faults.unknownEvents = parser.isSet(unknown);
    if (parser.isSet(failRoute)) {
        const QString spec = parser.value(failRoute);
        const qsizetype eq = spec.lastIndexOf(QLatin1Char('='));
        QString message;
        const QJsonObject fail{{QStringLiteral("pattern"), eq < 0 ? spec : spec.left(eq)},
            {QStringLiteral("status"), eq < 0 ? 503 : spec.mid(eq + 1).toInt()}};
        if (!faults.apply({{QStringLiteral("fail_route"), fail}}, &message)) {
            std::fprintf(stderr, "agentdesk-sim: --fail-route: %s\n", qPrintable(message));
            return 2;
        }
    }

#ifdef Q_OS_LINUX
    if (parser.isSet(dieWithParent))
        prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif

    SimServer server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "agentdesk-sim: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("listening on 127.0.0.1:%u\n", unsigned(server.port()));
    std::fflush(stdout);
    qCInfo(lcSim) << "ready; generation" << generationName << "demo" << options.demo << "seed"
                  << options.seed;
    return app.exec();
}
