#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace AgentDeskSim {

class SimState;
struct SimChat;
struct SimOptions;

//! Runs scripted agent turns: streams parts at a pace, commits messages, tools, retries, errors.
class ScriptedAgent final : public QObject
{
    Q_OBJECT

public:
    ScriptedAgent(SimState *state, const SimOptions *options, QObject *parent = nullptr);

    //! Loads a scenario file; it replaces the built-in "default" scenario.
    bool loadScenarioFile(const QString &path, QString *error);
    QStringList scenarioNames() const { return m_scenarios.keys(); }
    bool hasScenario(const QString &name) const { return m_scenarios.contains(name); }

    //! Starts a turn for the chat's latest user message (or none); \a scenario overrides the pick.
    void startTurn(const QString &chatId, const QString &scenario = {});
    bool hasTurn(const QString &chatId) const { return m_turns.contains(chatId); }
    //! Stop button: running → interrupting → partial message → waiting (then the queue moves on).
    void interrupt(const QString &chatId);
    //! Drops a turn without committing anything (history rewrite by an edit).
    void cancel(const QString &chatId);
    //! Answers requires_action; returns an error message or an empty string.
    QString submitToolResults(const QString &chatId, const QJsonArray &results);
    //! Starts held turns while slots are free (v237/newest capacity limit, §20.12).
    void releaseCapacity();
    //! Starts the next queued message if the chat is idle.
    void promoteQueue(const QString &chatId);

private:
    enum class OpKind {
        Part,
        CommitAssistant,
        CommitTool,
        Wait,
        Retry,
        NewAttempt,
        Error,
        AskUser,
        SpawnChild,
        Diff,
        StoreFile,
        SetUsage,
        Finish
    };
    struct Op
    {
        OpKind kind;
        QJsonObject data;
        int delayMs = 0;
    };
    struct Turn
    {
        int generation = 0;
        QList<Op> ops;
        int index = 0;
        bool delayDone = false;
        bool waitingForTools = false;
        bool interrupting = false;
        bool held = false; // waiting for a free agent slot (queued_for_capacity, §20.12)
        QJsonArray stepParts;
        QJsonArray toolParts;
        QString lastText;
        QJsonObject usageOverride; // a "usage" step: the next committed step reports it
    };

    struct StepCompiler;

    //! The pace between streamed deltas (--delta-interval-ms).
    int pace() const;
    //! Streams \a part with \a role after one pace.
    Op partOp(const QString &role, const QJsonObject &part) const;
    //! Turns a scenario's steps into the ops of one turn (StepCompiler has one function a kind).
    QList<Op> compile(const QString &chatId, const QJsonArray &steps);
    void compileToolCall(QList<Op> &ops, const QString &name, const QJsonValue &args,
        const QString &callId, const QJsonObject &extra = {});
    void compileToolResult(QList<Op> &ops, const QString &name, const QString &callId,
        const QJsonValue &result, bool isError, bool stream, const QJsonObject &file = {},
        const QJsonObject &extra = {}, bool resultReset = false);
    QStringList chunks(const QString &text);
    QString toolCallId();
    QJsonObject usage(int outputChars);
    void schedule(const QString &chatId, int delayMs);
    void step(const QString &chatId, int generation);
    //! Executes one op; returns false when the turn stopped or paused.
    bool execute(const QString &chatId, Turn &turn, const Op &op);
    void publishPart(const QString &chatId, Turn &turn, const QJsonObject &data);
    void commitTool(const QString &chatId, Turn &turn);
    void publishRetry(SimChat *chat, const QJsonObject &data);
    //! An "error" step: the turn ends, the chat shows the error, the queue moves on.
    void failTurn(const QString &chatId, const QJsonObject &data);
    //! Client-side tool calls: requires_action until results come or the deadline passes.
    void askUser(const QString &chatId, Turn &turn, const QJsonObject &data);
    void spawnChild(const SimChat &parent, const QJsonObject &data);
    void storeFile(const SimChat &chat, const QJsonObject &data);
    void accumulate(Turn &turn, const QString &role, const QJsonObject &part);
    void commitAssistant(const QString &chatId, Turn &turn);
    void finishTurn(const QString &chatId, bool failed);
    void finishInterrupt(const QString &chatId, int generation);
    int runningRoots() const;
    QJsonArray scenarioFor(const QString &chatId, const QString &requested);

    SimState *m_state;
    const SimOptions *m_options;
    QHash<QString, QJsonArray> m_scenarios;
    QHash<QString, Turn> m_turns;
    int m_nextGeneration = 0;
};

} // namespace AgentDeskSim
