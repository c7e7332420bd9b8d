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
#include <QHash>
#include <QRegularExpression>

#include <cstdio>
#include <iterator>
#include <limits>
#include <optional>

#ifdef Q_OS_LINUX
#include <csignal>

#include <sys/prctl.h>
#endif

using namespace AgentDeskSim;

namespace {

//! The command-line options, in the order --help lists them.
enum class Opt {
    Port,
    Token,
    Seed,
    Scenario,
    Delta,
    Ping,
    Chats,
    Messages,
    Demo,
    Generation,
    Admin,
    NoSharing,
    Capacity,
    ActionTimeout,
    DieWithParent,
    DropStream,
    DropRandom,
    DropWatch,
    Delay,
    FailRoute,
    Duplicate,
    Unknown,
};

struct OptionSpec
{
    Opt id;
    const char *name;
    const char *help;
    const char *valueName = nullptr; // none: a flag
    const char *defaultValue = nullptr;
    int min = 0; // a whole number in min..max when max > 0
    int max = 0;
};

constexpr int unbounded = std::numeric_limits<int>::max();

constexpr OptionSpec optionSpecs[] = {
    {Opt::Port, "port", "TCP port (0 = ephemeral).", "N", "0", 0, 65535},
    {Opt::Token, "token",
        "Accepted session token (default: $AGENTDESK_SIM_TOKEN, else a demo token).", "T"},
    {Opt::Seed, "seed", "Random seed.", "N", "1", 0, unbounded},
    {Opt::Scenario, "scenario", "Scenario JSON file for the default turn.", "FILE"},
    {Opt::Delta, "delta-interval-ms", "Pace between streamed deltas (0 = fastest).", "N", "40", 0,
        60000},
    {Opt::Ping, "ping-interval-ms", "WebSocket ping interval.", "N", "15000", 0, 3600000},
    {Opt::Chats, "chats", "Seed N extra chats.", "N", "0", 0, 1000000},
    {Opt::Messages, "messages", "Messages in the first seeded chat.", "M", "0", 0, 10000000},
    {Opt::Demo, "demo", "Seed demo data modelled on the fixtures."},
    {Opt::Generation, "generation",
        "Server generation: legacy (experimental routes only), v237 (both prefixes), newest "
        "(/api/v2 only).",
        "G", "newest"},
    {Opt::Admin, "admin", "The signed-in user is a deployment admin (v237/newest)."},
    {Opt::NoSharing, "disable-chat-sharing",
        "Chat sharing is disabled for the deployment (v237/newest)."},
    {Opt::Capacity, "capacity-limit",
        "Concurrently running top-level chats (0 = unlimited; v237/newest).", "N", "0", 0, 100000},
    {Opt::ActionTimeout, "requires-action-timeout-ms",
        "Deadline for client tool results (default 300000).", "N", "300000", 1, 24 * 3600 * 1000},
    {Opt::DieWithParent, "die-with-parent", "Exit when the parent process dies (Linux)."},
    {Opt::DropStream, "drop-stream-after-frames", "Fault: abort /stream after N frames.", "N", "0",
        0, 1 << 30},
    {Opt::DropRandom, "drop-random", "Fault: drop at a random frame 1..N."},
    {Opt::DropWatch, "drop-watch-after-frames", "Fault: abort /watch after N frames.", "N", "0", 0,
        1 << 30},
    {Opt::Delay, "delay-ms", "Fault: delay every REST answer.", "N", "0", 0, 600000},
    {Opt::FailRoute, "fail-route", "Fault: REGEX=STATUS.", "SPEC"},
    {Opt::Duplicate, "duplicate-frames", "Fault: send every Nth frame twice.", "N", "0", 0,
        1 << 30},
    {Opt::Unknown, "unknown-events", "Fault: unknown events, parts and fields."},
};

constexpr bool specsFollowOpt()
{
    for (std::size_t i = 0; i < std::size(optionSpecs); ++i) {
        if (std::size_t(optionSpecs[i].id) != i)
            return false;
    }
    return true;
}
static_assert(specsFollowOpt(), "optionSpecs must list the options in Opt's order");

//! The parsed command line; a number outside its range ends the process with status 2.
class Arguments
{
public:
    explicit Arguments(const QCoreApplication &app)
    {
        m_parser.setApplicationDescription(QStringLiteral("Coder Agents simulator for AgentDesk"));
        m_parser.addHelpOption();
        m_parser.addVersionOption();
        for (const OptionSpec &spec : optionSpecs) {
            QCommandLineOption option(QString::fromLatin1(spec.name), QString::fromUtf8(spec.help),
                QString::fromLatin1(spec.valueName), QString::fromLatin1(spec.defaultValue));
            m_options.append(option);
        }
        m_parser.addOptions(m_options);
        m_parser.process(app);
    }

    bool isSet(Opt id) const { return m_parser.isSet(m_options.at(int(id))); }
    QString value(Opt id) const { return m_parser.value(m_options.at(int(id))); }
    int number(Opt id) const
    {
        const OptionSpec &spec = optionSpecs[int(id)];
        bool ok = false;
        const int value = this->value(id).toInt(&ok);
        if (!ok || value < spec.min || value > spec.max) {
            std::fprintf(stderr, "agentdesk-sim: invalid value for --%s\n", spec.name);
            std::exit(2);
        }
        return value;
    }

private:
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options;
};

bool readGeneration(const QString &name, SimGeneration *generation)
{
    static const QHash<QString, SimGeneration> generations{
        {QStringLiteral("legacy"), SimGeneration::Legacy},
        {QStringLiteral("v237"), SimGeneration::V237},
        {QStringLiteral("newest"), SimGeneration::Newest}};
    const auto it = generations.constFind(name);
    if (it == generations.cend()) {
        std::fprintf(stderr, "agentdesk-sim: --generation must be legacy, v237 or newest\n");
        return false;
    }
    *generation = *it;
    return true;
}

bool readFaults(const Arguments &args, SimFaults *faults)
{
    faults->dropStreamAfterFrames = args.number(Opt::DropStream);
    faults->dropStreamRandom = args.isSet(Opt::DropRandom);
    faults->dropWatchAfterFrames = args.number(Opt::DropWatch);
    faults->dropWatchRandom = args.isSet(Opt::DropRandom);
    faults->delayMs = args.number(Opt::Delay);
    faults->duplicateFrames = args.number(Opt::Duplicate);
    faults->unknownEvents = args.isSet(Opt::Unknown);
    if (!args.isSet(Opt::FailRoute))
        return true;
    const QString spec = args.value(Opt::FailRoute);
    const qsizetype eq = spec.lastIndexOf(QLatin1Char('='));
    QString message;
    const QJsonObject fail{{QStringLiteral("pattern"), eq < 0 ? spec : spec.left(eq)},
        {QStringLiteral("status"), eq < 0 ? 503 : spec.mid(eq + 1).toInt()}};
    if (!faults->apply({{QStringLiteral("fail_route"), fail}}, &message)) {
        std::fprintf(stderr, "agentdesk-sim: --fail-route: %s\n", qPrintable(message));
        return false;
    }
    return true;
}

//! The simulator's configuration from the command line; nullopt after an error was printed.
std::optional<SimOptions> readOptions(const Arguments &args)
{
    SimOptions options;
    options.port = quint16(args.number(Opt::Port));
    // --token wins; otherwise AGENTDESK_SIM_TOKEN, so the token need not appear in `ps` output.
    if (args.isSet(Opt::Token))
        options.token = args.value(Opt::Token);
    else if (const QString fromEnvironment = qEnvironmentVariable("AGENTDESK_SIM_TOKEN");
             !fromEnvironment.isEmpty())
        options.token = fromEnvironment;
    options.seed = quint32(args.number(Opt::Seed));
    options.scenarioFile = args.value(Opt::Scenario);
    options.deltaIntervalMs = args.number(Opt::Delta);
    options.pingIntervalMs = args.number(Opt::Ping);
    options.extraChats = args.number(Opt::Chats);
    options.messages = args.number(Opt::Messages);
    if (options.messages > 0 && options.extraChats == 0)
        options.extraChats = 1;
    options.demo = args.isSet(Opt::Demo);
    if (!readGeneration(args.value(Opt::Generation), &options.generation))
        return std::nullopt;
    options.admin = args.isSet(Opt::Admin);
    options.sharingDisabled = args.isSet(Opt::NoSharing);
    options.capacityLimit = args.number(Opt::Capacity);
    options.requiresActionTimeoutMs = args.number(Opt::ActionTimeout);
    if (!readFaults(args, &options.faults))
        return std::nullopt;
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("agentdesk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    const Arguments args(app);
    const std::optional<SimOptions> options = readOptions(args);
    if (!options)
        return 2;

#ifdef Q_OS_LINUX
    if (args.isSet(Opt::DieWithParent))
        prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif

    SimServer server(*options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "agentdesk-sim: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("listening on 127.0.0.1:%u\n", unsigned(server.port()));
    std::fflush(stdout);
    qCInfo(lcSim) << "ready; generation" << args.value(Opt::Generation) << "demo" << options->demo
                  << "seed" << options->seed;
    return app.exec();
}
