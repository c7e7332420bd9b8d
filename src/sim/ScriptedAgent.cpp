#include "ScriptedAgent.h"

#include "SimKeys.h"
#include "SimLogging.h"
#include "SimOptions.h"
#include "SimState.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace AgentDeskSim {

namespace {

constexpr int maxOpsPerSlice = 64; // bounded batches so sockets flush even at full speed

// A 1x1 PNG used for agent-produced file parts.

QJsonArray parsedCommands(const QString &command)
{
    QJsonArray result;
    static const QRegularExpression separators(QStringLiteral("&&|\\|\\||;|\\|"));
    for (const QString &simple : command.split(separators, Qt::SkipEmptyParts)) {
        const QStringList words = simple.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        QJsonArray entry{words.first().section(QLatin1Char('/'), -1)};
        for (qsizetype i = 1; i < words.size(); ++i) {
            if (!words.at(i).startsWith(QLatin1Char('-'))) {
                QString arg = words.at(i);
                if (arg.size() > 1
                    && (arg.startsWith(QLatin1Char('"')) || arg.startsWith(QLatin1Char('\''))))
                    arg = arg.mid(1, arg.size() - 2);
                entry.append(arg);
                break;
            }
        }
        result.append(entry);
    }
    return result;
}

QString userText(const QJsonArray &content)
{
    QString text;
    for (const QJsonValue &part : content) {
        if (part.toObject().value(kType).toString() == kText)
            text += part.toObject().value(kText).toString();
    }
    return text;
}

//! An agent-produced PNG, stored as chat file \a fileId.
QJsonObject imageFilePart(const QString &name, const QString &fileId)
{
    return {{kType, QStringLiteral("file")},
        {QStringLiteral("media_type"), QStringLiteral("image/png")}, {QStringLiteral("name"), name},
        {QStringLiteral("file_id"), fileId}};
}

} // namespace

ScriptedAgent::ScriptedAgent(SimState *state, const SimOptions *options, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_options(options)
{
    const QDir dir(QStringLiteral(":/agentdesk-sim/scenarios"));
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        const QJsonArray steps =
            doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("steps")).toArray();
        m_scenarios.insert(info.completeBaseName(), steps);
    }
    if (!m_scenarios.contains(QStringLiteral("default")))
        qCWarning(lcSim) << "built-in scenarios missing";
}

bool ScriptedAgent::loadScenarioFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonArray steps =
        doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("steps")).toArray();
    if (doc.isNull() || steps.isEmpty()) {
        *error = QStringLiteral("%1: not a scenario (%2)").arg(path, parseError.errorString());
        return false;
    }
    m_scenarios.insert(QFileInfo(path).completeBaseName(), steps);
    m_scenarios.insert(QStringLiteral("default"), steps);
    return true;
}

QStringList ScriptedAgent::chunks(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\s*\\S+\\s*"));
    QStringList tokens;
    auto it = word.globalMatch(text);
    qsizetype consumed = 0;
    while (it.hasNext()) {
        const auto match = it.next();
        tokens.append(match.captured());
        consumed = match.capturedEnd();
    }
    if (consumed < text.size() && !tokens.isEmpty())
        tokens.last() += text.mid(consumed);
    else if (tokens.isEmpty() && !text.isEmpty())
        tokens.append(text);
    QStringList result;
    for (qsizetype i = 0; i < tokens.size();) {
        const int take = 2 + int(m_state->random().bounded(3));
        QString chunk;
        for (int k = 0; k < take && i < tokens.size(); ++k, ++i)
            chunk += tokens.at(i);
        result.append(chunk);
    }
    return result;
}

QString ScriptedAgent::toolCallId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id = QStringLiteral("toolu_01");
    for (int i = 0; i < 22; ++i)
        id += QLatin1Char(alphabet[m_state->random().bounded(int(sizeof(alphabet) - 1))]);
    return id;
}

QJsonObject ScriptedAgent::usage(int outputChars)
{
    const int input = 8000 + int(m_state->random().bounded(12000));
    const int output = qMax(12, outputChars / 4);
    return {{QStringLiteral("input_tokens"), input}, {QStringLiteral("output_tokens"), output},
        {QStringLiteral("total_tokens"), input + output},
        {QStringLiteral("cache_read_tokens"), input - 400},
        {QStringLiteral("context_limit"), 200000}};
}

void ScriptedAgent::compileToolCall(QList<Op> &ops, const QString &name, const QJsonValue &args,
    const QString &callId, const QJsonObject &extra)
{
    const QString raw = QString::fromUtf8(QJsonDocument(
        args.isObject() ? QJsonDocument(args.toObject()) : QJsonDocument(args.toArray()))
                                              .toJson(QJsonDocument::Compact));
    const int pieces = 3 + int(m_state->random().bounded(3));
    const qsizetype size = qMax<qsizetype>(1, raw.size() / pieces + 1);
    for (qsizetype at = 0; at < raw.size(); at += size) {
        ops.append(partOp(QStringLiteral("assistant"),
            QJsonObject{{kType, QStringLiteral("tool-call")},
                {QStringLiteral("tool_call_id"), callId}, {QStringLiteral("tool_name"), name},
                {QStringLiteral("args_delta"), raw.mid(at, size)}}));
    }
    QJsonObject final{{kType, QStringLiteral("tool-call")},
        {QStringLiteral("tool_call_id"), callId}, {QStringLiteral("tool_name"), name},
        {QStringLiteral("args"), args}, {QStringLiteral("created_at"), QStringLiteral("$now")}};
    if (name == QLatin1String("execute"))
        final.insert(QStringLiteral("parsed_commands"),
            parsedCommands(args.toObject().value(QStringLiteral("command")).toString()));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        final.insert(it.key(), it.value());
    ops.append(partOp(QStringLiteral("assistant"), final));
}

void ScriptedAgent::compileToolResult(QList<Op> &ops, const QString &name, const QString &callId,
    const QJsonValue &result, bool isError, bool stream, const QJsonObject &file,
    const QJsonObject &extra, bool resultReset)
{
    QJsonObject base{{kType, QStringLiteral("tool-result")},
        {QStringLiteral("tool_call_id"), callId}, {QStringLiteral("tool_name"), name}};
    if (stream) {
        const QString raw =
            QString::fromUtf8(QJsonDocument(result.toObject()).toJson(QJsonDocument::Compact));
        const qsizetype size = qMax<qsizetype>(1, raw.size() / 3 + 1);
        if (resultReset) {
            // §20.11: a false start that the client must discard (result_reset), then the
            // real streamed result.
            QJsonObject draft = base;
            draft.insert(QStringLiteral("result_delta"), QStringLiteral("{\"draft\":"));
            ops.append(partOp(QStringLiteral("tool"), draft));
            QJsonObject reset = base;
            reset.insert(QStringLiteral("result_reset"), true);
            ops.append(partOp(QStringLiteral("tool"), reset));
        }
        for (qsizetype at = 0; at < raw.size(); at += size) {
            QJsonObject delta = base;
            delta.insert(QStringLiteral("result_delta"), raw.mid(at, size));
            ops.append(partOp(QStringLiteral("tool"), delta));
        }
    }
    QJsonObject final = base;
    final.insert(QStringLiteral("result"), result);
    if (isError)
        final.insert(QStringLiteral("is_error"), true);
    if (!file.isEmpty())
        final.insert(QStringLiteral("is_media"), true);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        final.insert(it.key(), it.value());
    final.insert(QStringLiteral("created_at"), QStringLiteral("$now"));
    ops.append(partOp(QStringLiteral("tool"), final));
    if (!file.isEmpty()) {
        // A tool that produced a file (a screenshot): the tool message carries a file part next
        // to the tool-result; the bytes are a stored chat file served by GET {P}/files/{id}.
        const QString fileId = m_state->newUuid();
        const QString fileName =
            file.value(QStringLiteral("name")).toString(QStringLiteral("screenshot.png"));
        ops.append({OpKind::StoreFile,
            {{QStringLiteral("id"), fileId}, {QStringLiteral("name"), fileName},
                {QStringLiteral("asset"), QStringLiteral("tool-screenshot.png")}},
            0});
        ops.append(partOp(QStringLiteral("tool"), imageFilePart(fileName, fileId)));
    }
    ops.append({OpKind::CommitTool, {}, 0});
}

int ScriptedAgent::pace() const
{
    return m_options->deltaIntervalMs;
}

ScriptedAgent::Op ScriptedAgent::partOp(const QString &role, const QJsonObject &part) const
{
    return {OpKind::Part, {{QStringLiteral("role"), role}, {QStringLiteral("part"), part}}, pace()};
}

//! Compiles one scenario step into the ops of a turn: one function per step kind.
struct ScriptedAgent::StepCompiler
{
    ScriptedAgent &agent;
    QList<Op> &ops;

    void textParts(const QString &type, const QString &text)
    {
        bool first = true;
        for (const QString &chunk : agent.chunks(text)) {
            QJsonObject part{{kType, type}, {kText, chunk}};
            if (first && type == QLatin1String("reasoning"))
                part.insert(QStringLiteral("created_at"), QStringLiteral("$now"));
            first = false;
            ops.append(agent.partOp(QStringLiteral("assistant"), part));
        }
    }

    void reasoning(const QJsonObject &step)
    {
        textParts(QStringLiteral("reasoning"), step.value(QStringLiteral("reasoning")).toString());
    }

    void text(const QJsonObject &step) { textParts(kText, step.value(kText).toString()); }

    void hookNotice(const QJsonObject &step)
    {
        // §20.11 (v237/newest): a lifecycle-hook notice in the assistant output.
        if (agent.m_state->modern())
            ops.append(agent.partOp(QStringLiteral("assistant"),
                QJsonObject{{kType, QStringLiteral("hook-notice")},
                    {kText, step.value(QStringLiteral("hook_notice"))}}));
    }

    void tool(const QJsonObject &step)
    {
        const QString name = step.value(QStringLiteral("tool")).toString();
        const bool modern = agent.m_state->modern();
        // §20.4: server tools the seed-era server did not have.
        if (!modern
            && (name == QLatin1String("ask_user_question")
                || name == QLatin1String("propose_plan")))
            return;
        const QString id = agent.toolCallId();
        // §20.11 fields, only where the server generation has them.
        QJsonObject callExtra;
        QJsonObject resultExtra;
        const bool providerExecuted =
            modern && step.value(QStringLiteral("provider_executed")).toBool();
        if (providerExecuted) {
            callExtra.insert(QStringLiteral("provider_executed"), true);
            resultExtra.insert(QStringLiteral("provider_executed"), true);
        }
        if (modern && step.value(QStringLiteral("hook_rewritten")).toBool())
            callExtra.insert(QStringLiteral("hook_rewritten"), true);
        if (const QString mcp = step.value(QStringLiteral("mcp_server_config_id")).toString();
            modern && !mcp.isEmpty()) {
            callExtra.insert(QStringLiteral("mcp_server_config_id"), mcp);
            resultExtra.insert(QStringLiteral("mcp_server_config_id"), mcp);
        }
        agent.compileToolCall(ops, name, step.value(QStringLiteral("args")), id, callExtra);
        if (providerExecuted) {
            // Run by the provider: call and result stay in the same assistant step.
            QJsonObject result{{kType, QStringLiteral("tool-result")},
                {QStringLiteral("tool_call_id"), id}, {QStringLiteral("tool_name"), name},
                {QStringLiteral("result"), step.value(QStringLiteral("result"))},
                {QStringLiteral("created_at"), QStringLiteral("$now")}};
            for (auto it = resultExtra.begin(); it != resultExtra.end(); ++it)
                result.insert(it.key(), it.value());
            ops.append(agent.partOp(QStringLiteral("assistant"), result));
            return;
        }
        ops.append({OpKind::CommitAssistant, {}, agent.pace()});
        ops.append({OpKind::Wait, {}, agent.pace() * 4});
        const bool stream = step.contains(QStringLiteral("stream_result"))
            ? step.value(QStringLiteral("stream_result")).toBool()
            : agent.m_state->random().bounded(3) == 0;
        agent.compileToolResult(ops, name, id, step.value(QStringLiteral("result")),
            step.value(QStringLiteral("is_error")).toBool(), stream,
            step.value(QStringLiteral("file")).toObject(), resultExtra,
            modern && step.value(QStringLiteral("result_reset")).toBool());
    }

    void editFile(const QJsonObject &step)
    {
        const QJsonObject edit = step.value(QStringLiteral("edit_file")).toObject();
        const QString path =
            edit.value(QStringLiteral("path")).toString(QStringLiteral("src/sim.ts"));
        const int add = edit.value(QStringLiteral("add_lines")).toInt(5);
        const int remove = edit.value(QStringLiteral("remove_lines")).toInt(0);
        const QString id = agent.toolCallId();
        agent.compileToolCall(ops, QStringLiteral("edit_files"),
            QJsonObject{{QStringLiteral("path"), path},
                {QStringLiteral("edits"),
                    QJsonArray{QJsonObject{{QStringLiteral("add_lines"), add},
                        {QStringLiteral("remove_lines"), remove}}}}},
            id);
        ops.append({OpKind::CommitAssistant, {}, agent.pace()});
        ops.append({OpKind::Diff,
            {{QStringLiteral("path"), path}, {QStringLiteral("add"), add},
                {QStringLiteral("remove"), remove}},
            agent.pace() * 2});
        agent.compileToolResult(ops, QStringLiteral("edit_files"), id,
            QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("path"), path},
                {QStringLiteral("lines_added"), add}, {QStringLiteral("lines_removed"), remove}},
            false, false);
    }

    void subagent(const QJsonObject &step)
    {
        const QJsonObject sub = step.value(QStringLiteral("subagent")).toObject();
        const QString title =
            sub.value(QStringLiteral("title")).toString(QStringLiteral("Sub-agent"));
        const QString prompt = sub.value(QStringLiteral("prompt")).toString(title);
        const QString childId = agent.m_state->newUuid();
        const QString id = agent.toolCallId();
        agent.compileToolCall(ops, QStringLiteral("spawn_agent"),
            QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("prompt"), prompt}}, id);
        ops.append({OpKind::CommitAssistant, {}, agent.pace()});
        ops.append({OpKind::SpawnChild,
            {{QStringLiteral("id"), childId}, {QStringLiteral("title"), title},
                {QStringLiteral("prompt"), prompt},
                {QStringLiteral("mode"), sub.value(QStringLiteral("mode")).toString()}},
            agent.pace()});
        agent.compileToolResult(ops, QStringLiteral("spawn_agent"), id,
            QJsonObject{{QStringLiteral("chat_id"), childId}, {QStringLiteral("title"), title},
                {QStringLiteral("status"), QStringLiteral("running")}},
            false, false);
    }

    void retry(const QJsonObject &step)
    {
        const QJsonObject retry = step.value(QStringLiteral("retry")).toObject();
        textParts(kText,
            retry.value(QStringLiteral("partial")).toString(QStringLiteral("Let me look at")));
        const int delay = retry.value(QStringLiteral("delay_ms")).toInt(500);
        ops.append({OpKind::Retry, retry, agent.pace()});
        ops.append({OpKind::NewAttempt, {}, agent.pace() == 0 ? 0 : delay});
    }

    void error(const QJsonObject &step)
    {
        ops.append({OpKind::CommitAssistant, {}, agent.pace()});
        ops.append({OpKind::Error, step.value(QStringLiteral("error")).toObject(), agent.pace()});
    }

    void askUser(const QJsonObject &step)
    {
        // One or more client-side (dynamic) tool calls in one assistant step (§14.6).
        const QJsonObject ask = step.value(QStringLiteral("ask_user")).toObject();
        QJsonArray specs = ask.value(QStringLiteral("calls")).toArray();
        if (specs.isEmpty())
            specs.append(ask);
        QJsonArray calls;
        for (const QJsonValue &specValue : std::as_const(specs)) {
            const QJsonObject spec = specValue.toObject();
            const QString name =
                spec.value(QStringLiteral("tool_name")).toString(QStringLiteral("ask_user"));
            const QJsonValue args = spec.contains(QStringLiteral("args"))
                ? spec.value(QStringLiteral("args"))
                : QJsonValue(QJsonObject{{QStringLiteral("question"),
                    spec.value(QStringLiteral("question"))
                        .toString(QStringLiteral("Which option should I use?"))}});
            const QString id = agent.toolCallId();
            agent.compileToolCall(ops, name, args, id);
            calls.append(QJsonObject{{QStringLiteral("tool_call_id"), id},
                {QStringLiteral("tool_name"), name}, {QStringLiteral("args"), args}});
        }
        ops.append({OpKind::AskUser, {{QStringLiteral("calls"), calls}}, agent.pace()});
    }

    void plan(const QJsonObject &step)
    {
        // §20.4.3: propose_plan; the plan is stored as a chat file the client fetches by the
        // result's file_id.
        if (!agent.m_state->modern())
            return;
        const QJsonObject plan = step.value(QStringLiteral("plan")).toObject();
        const QString path = plan.value(QStringLiteral("path"))
                                 .toString(QStringLiteral("/home/coder/.coder/plan/PLAN.md"));
        const QString fileId = agent.m_state->newUuid();
        const QString id = agent.toolCallId();
        agent.compileToolCall(
            ops, QStringLiteral("propose_plan"), QJsonObject{{QStringLiteral("path"), path}}, id);
        ops.append({OpKind::CommitAssistant, {}, agent.pace()});
        ops.append({OpKind::StoreFile,
            {{QStringLiteral("id"), fileId}, {QStringLiteral("name"), QStringLiteral("PLAN.md")},
                {QStringLiteral("media_type"), QStringLiteral("text/markdown")},
                {QStringLiteral("content"), plan.value(QStringLiteral("markdown"))}},
            0});
        agent.compileToolResult(ops, QStringLiteral("propose_plan"), id,
            QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("path"), path},
                {QStringLiteral("kind"), QStringLiteral("plan")},
                {QStringLiteral("file_id"), fileId},
                {QStringLiteral("media_type"), QStringLiteral("text/markdown")}},
            false, false);
    }

    void usage(const QJsonObject &step)
    {
        // The next committed step reports these usage figures (fills the context).
        ops.append({OpKind::SetUsage, step.value(QStringLiteral("usage")).toObject(), 0});
    }

    void file(const QJsonObject &step)
    {
        const QJsonObject file = step.value(QStringLiteral("file")).toObject();
        const QString fileId = agent.m_state->newUuid();
        const QString name =
            file.value(QStringLiteral("name")).toString(QStringLiteral("screenshot.png"));
        ops.append({OpKind::StoreFile,
            {{QStringLiteral("id"), fileId}, {QStringLiteral("name"), name}}, agent.pace()});
        ops.append(agent.partOp(QStringLiteral("assistant"), imageFilePart(name, fileId)));
    }

    void source(const QJsonObject &step)
    {
        QJsonObject source = step.value(QStringLiteral("source")).toObject();
        source.insert(kType, QStringLiteral("source"));
        ops.append(agent.partOp(QStringLiteral("assistant"), source));
    }
};

QList<ScriptedAgent::Op> ScriptedAgent::compile(const QString &chatId, const QJsonArray &steps)
{
    // A step is compiled by the first of these whose key it has (a step has one in practice).
    static const QList<QPair<QString, void (StepCompiler::*)(const QJsonObject &)>> compilers{
        {QStringLiteral("reasoning"), &StepCompiler::reasoning},
        {kText, &StepCompiler::text},
        {QStringLiteral("hook_notice"), &StepCompiler::hookNotice},
        {QStringLiteral("tool"), &StepCompiler::tool},
        {QStringLiteral("edit_file"), &StepCompiler::editFile},
        {QStringLiteral("subagent"), &StepCompiler::subagent},
        {QStringLiteral("retry"), &StepCompiler::retry},
        {QStringLiteral("error"), &StepCompiler::error},
        {QStringLiteral("ask_user"), &StepCompiler::askUser},
        {QStringLiteral("plan"), &StepCompiler::plan},
        {QStringLiteral("usage"), &StepCompiler::usage},
        {QStringLiteral("file"), &StepCompiler::file},
        {QStringLiteral("source"), &StepCompiler::source},
    };
    QList<Op> ops;
    StepCompiler compiler{*this, ops};
    ops.append({OpKind::Wait, {}, pace() * 2});
    for (const QJsonValue &value : steps) {
        const QJsonObject stepObject = value.toObject();
        const auto kind = std::find_if(compilers.cbegin(), compilers.cend(),
            [&stepObject](const auto &entry) { return stepObject.contains(entry.first); });
        if (kind == compilers.cend())
            continue;
        const int repeat = qBound(1, stepObject.value(QStringLiteral("repeat")).toInt(1), 100000);
        for (int r = 0; r < repeat; ++r)
            (compiler.*kind->second)(stepObject);
    }
    ops.append({OpKind::CommitAssistant, {}, pace()});
    ops.append({OpKind::Finish, {}, pace()});
    Q_UNUSED(chatId);
    return ops;
}

QJsonArray ScriptedAgent::scenarioFor(const QString &chatId, const QString &requested)
{
    QString name = requested;
    const SimChat *chat = m_state->chat(chatId);
    if (name.isEmpty() && chat) {
        for (auto it = chat->messages.crbegin(); it != chat->messages.crend(); ++it) {
            if (it->role != QLatin1String("user"))
                continue;
            static const QRegularExpression command(
                QStringLiteral("^\\s*/scenario\\s+([A-Za-z0-9_.-]+)"));
            const auto match = command.match(userText(it->content));
            if (match.hasMatch())
                name = match.captured(1);
            break;
        }
    }
    if (!m_scenarios.contains(name))
        name = QStringLiteral("default");
    return m_scenarios.value(name);
}

void ScriptedAgent::startTurn(const QString &chatId, const QString &scenario)
{
    SimChat *chat = m_state->chat(chatId);
    if (!chat)
        return;
    m_turns.remove(chatId);
    Turn turn;
    turn.generation = ++m_nextGeneration;
    turn.ops = compile(chatId, scenarioFor(chatId, scenario));
    chat->previewEvents.clear();
    chat->pendingRetry = {};
    chat->lastError = {};
    const int limit = m_options->capacityLimit;
    turn.held =
        m_state->modern() && limit > 0 && chat->parentId.isEmpty() && runningRoots() >= limit;
    chat->queuedForCapacity = turn.held;
    m_turns.insert(chatId, turn);
    // Legacy state machines showed `pending` first; newest lands in `running` straight away.
    m_state->setStatus(chatId, QStringLiteral("pending"));
    m_state->setStatus(chatId, QStringLiteral("running"));
    if (!turn.held)
        schedule(chatId, 0);
}

int ScriptedAgent::runningRoots() const
{
    int running = 0;
    for (auto it = m_turns.cbegin(); it != m_turns.cend(); ++it) {
        const SimChat *chat = m_state->chat(it.key());
        running += chat && chat->parentId.isEmpty() && !it->held ? 1 : 0;
    }
    return running;
}

void ScriptedAgent::releaseCapacity()
{
    const int limit = m_options->capacityLimit;
    while (true) {
        if (limit > 0 && runningRoots() >= limit)
            return;
        QString next;
        int oldest = 0;
        for (auto it = m_turns.cbegin(); it != m_turns.cend(); ++it) {
            if (it->held && (next.isEmpty() || it->generation < oldest)) {
                next = it.key();
                oldest = it->generation;
            }
        }
        if (next.isEmpty())
            return;
        m_turns[next].held = false;
        if (SimChat *chat = m_state->chat(next))
            chat->queuedForCapacity = false;
        schedule(next, 0);
    }
}

void ScriptedAgent::schedule(const QString &chatId, int delayMs)
{
    const auto it = m_turns.constFind(chatId);
    if (it == m_turns.cend())
        return;
    const int generation = it->generation;
    QTimer::singleShot(
        qMax(0, delayMs), this, [this, chatId, generation] { step(chatId, generation); });
}

void ScriptedAgent::step(const QString &chatId, int generation)
{
    for (int budget = 0; budget < maxOpsPerSlice; ++budget) {
        auto it = m_turns.find(chatId);
        if (it == m_turns.end() || it->generation != generation || it->waitingForTools
            || it->interrupting || it->held)
            return;
        if (it->index >= it->ops.size()) {
            finishTurn(chatId, false);
            return;
        }
        const Op op = it->ops.at(it->index);
        if (op.delayMs > 0 && !it->delayDone) {
            it->delayDone = true;
            schedule(chatId, op.delayMs);
            return;
        }
        it->delayDone = false;
        ++it->index;
        if (!execute(chatId, *it, op))
            return;
    }
    schedule(chatId, 0);
}

void ScriptedAgent::accumulate(Turn &turn, const QString &role, const QJsonObject &part)
{
    const QString type = part.value(kType).toString();
    if (role == QLatin1String("tool")) {
        if (part.contains(QStringLiteral("result")) || type == QLatin1String("file"))
            turn.toolParts.append(part);
        return;
    }
    if (type == kText || type == QLatin1String("reasoning")) {
        if (!turn.stepParts.isEmpty()) {
            QJsonObject last = turn.stepParts.last().toObject();
            if (last.value(kType).toString() == type) {
                last.insert(kText, last.value(kText).toString() + part.value(kText).toString());
                if (type == QLatin1String("reasoning"))
                    last.insert(QStringLiteral("completed_at"),
                        SimState::timestamp(QDateTime::currentDateTimeUtc()));
                turn.stepParts.replace(turn.stepParts.size() - 1, last);
                if (type == kText)
                    turn.lastText = last.value(kText).toString();
                return;
            }
        }
        turn.stepParts.append(part);
        if (type == kText)
            turn.lastText = part.value(kText).toString();
    } else if (type == QLatin1String("tool-call")) {
        if (part.contains(QStringLiteral("args")))
            turn.stepParts.append(part);
    } else if (type == QLatin1String("file") || type == QLatin1String("source")
        || type == QLatin1String("hook-notice")) {
        turn.stepParts.append(part);
    } else if (type == QLatin1String("tool-result") && part.contains(QStringLiteral("result"))) {
        turn.stepParts.append(part); // provider-executed: stored with the assistant step
    }
}

void ScriptedAgent::commitAssistant(const QString &chatId, Turn &turn)
{
    if (turn.stepParts.isEmpty())
        return;
    int chars = 0;
    for (const QJsonValue &p : std::as_const(turn.stepParts))
        chars += int(p.toObject().value(kText).toString().size()) + 40;
    QJsonObject u = usage(chars);
    if (!turn.usageOverride.isEmpty()) {
        u = std::exchange(turn.usageOverride, QJsonObject());
        if (!u.contains(QStringLiteral("context_limit")))
            u.insert(QStringLiteral("context_limit"), 200000);
    }
    if (SimChat *chat = m_state->chat(chatId)) {
        // Priced like $3 / $15 per million input / output tokens.
        chat->costMicros += u.value(QStringLiteral("input_tokens")).toInt() * 3
            + u.value(QStringLiteral("output_tokens")).toInt() * 15;
        ++chat->requestCount;
    }
    const QJsonArray parts = turn.stepParts;
    turn.stepParts = {};
    m_state->clearPreview(chatId);
    m_state->appendMessage(chatId, QStringLiteral("assistant"), parts, u);
}

bool ScriptedAgent::execute(const QString &chatId, Turn &turn, const Op &op)
{
    SimChat *chat = m_state->chat(chatId);
    if (!chat) {
        m_turns.remove(chatId);
        return false;
    }
    switch (op.kind) {
    case OpKind::Wait:
        return true;
    case OpKind::Part:
        publishPart(chatId, turn, op.data);
        return true;
    case OpKind::CommitAssistant:
        commitAssistant(chatId, turn);
        return true;
    case OpKind::SetUsage:
        turn.usageOverride = op.data;
        return true;
    case OpKind::CommitTool:
        commitTool(chatId, turn);
        return true;
    case OpKind::Retry:
        publishRetry(chat, op.data);
        return true;
    case OpKind::NewAttempt:
        turn.stepParts = {};
        m_state->beginNewAttempt(chatId);
        return true;
    case OpKind::Error:
        failTurn(chatId, op.data);
        return false;
    case OpKind::AskUser:
        askUser(chatId, turn, op.data);
        return false;
    case OpKind::SpawnChild:
        spawnChild(*chat, op.data);
        return true;
    case OpKind::Diff:
        m_state->addDiff(chatId, op.data.value(QStringLiteral("path")).toString(),
            op.data.value(QStringLiteral("add")).toInt(),
            op.data.value(QStringLiteral("remove")).toInt());
        return true;
    case OpKind::StoreFile:
        storeFile(*chat, op.data);
        return true;
    case OpKind::Finish:
        finishTurn(chatId, false);
        return false;
    }
    return true;
}

void ScriptedAgent::publishPart(const QString &chatId, Turn &turn, const QJsonObject &data)
{
    const QString role = data.value(QStringLiteral("role")).toString();
    QJsonObject part = data.value(QStringLiteral("part")).toObject();
    if (part.value(QStringLiteral("created_at")).toString() == QLatin1String("$now"))
        part.insert(
            QStringLiteral("created_at"), SimState::timestamp(QDateTime::currentDateTimeUtc()));
    if (m_options->faults.unknownEvents && m_state->random().bounded(6) == 0) {
        // A part type from the future: clients must skip it without losing the seq.
        m_state->publishPart(chatId, QStringLiteral("assistant"),
            {{kType, QStringLiteral("sim-future-part")}, {kText, QStringLiteral("ignore me")}});
    }
    m_state->publishPart(chatId, role, part);
    accumulate(turn, role, part);
}

void ScriptedAgent::commitTool(const QString &chatId, Turn &turn)
{
    if (turn.toolParts.isEmpty())
        return;
    const QJsonArray parts = turn.toolParts;
    turn.toolParts = {};
    m_state->clearPreview(chatId);
    m_state->appendMessage(chatId, QStringLiteral("tool"), parts);
}

void ScriptedAgent::publishRetry(SimChat *chat, const QJsonObject &data)
{
    const int attempt = chat->generationAttempt + 1;
    const int delay = data.value(QStringLiteral("delay_ms")).toInt(500);
    QJsonObject retry{{QStringLiteral("attempt"), attempt}, {QStringLiteral("delay_ms"), delay},
        {QStringLiteral("error"),
            data.value(QStringLiteral("message"))
                .toString(QStringLiteral("The model provider is overloaded. Retrying."))},
        {QStringLiteral("kind"),
            data.value(QStringLiteral("kind")).toString(QStringLiteral("overloaded"))},
        {QStringLiteral("provider"),
            data.value(QStringLiteral("provider")).toString(QStringLiteral("anthropic"))},
        {QStringLiteral("status_code"), data.value(QStringLiteral("status_code")).toInt(529)},
        {QStringLiteral("retrying_at"),
            SimState::timestamp(QDateTime::currentDateTimeUtc().addMSecs(delay))}};
    chat->pendingRetry = retry;
    m_state->publishStream(chat->id,
        {{kType, QStringLiteral("retry")}, {QStringLiteral("chat_id"), chat->id},
            {QStringLiteral("retry"), retry}});
}

void ScriptedAgent::failTurn(const QString &chatId, const QJsonObject &data)
{
    QJsonObject error{
        {QStringLiteral("message"),
            data.value(QStringLiteral("message"))
                .toString(QStringLiteral(
                    "The model provider is rate limiting requests. Try again shortly."))},
        {QStringLiteral("kind"),
            data.value(QStringLiteral("kind")).toString(QStringLiteral("rate_limit"))},
        {QStringLiteral("provider"),
            data.value(QStringLiteral("provider")).toString(QStringLiteral("anthropic"))},
        {QStringLiteral("retryable"), data.value(QStringLiteral("retryable")).toBool(true)},
        {QStringLiteral("status_code"), data.value(QStringLiteral("status_code")).toInt(429)}};
    if (data.contains(QStringLiteral("detail")))
        error.insert(QStringLiteral("detail"), data.value(QStringLiteral("detail")).toString());
    finishTurn(chatId, true);
    SimChat *chat = m_state->chat(chatId);
    if (!chat)
        return;
    // last_error first, so the status_change watch event already carries it.
    chat->lastError = error;
    m_state->setStatus(chatId, QStringLiteral("error"));
    m_state->publishStream(chatId,
        {{kType, QStringLiteral("error")}, {QStringLiteral("chat_id"), chatId},
            {QStringLiteral("error"), error}});
    promoteQueue(chatId);
}

void ScriptedAgent::askUser(const QString &chatId, Turn &turn, const QJsonObject &data)
{
    // The assistant step with the tool-call parts is committed first, so a client sees the
    // pending calls in history; then requires_action and action_required (args as a string).
    commitAssistant(chatId, turn);
    QJsonArray calls;
    for (const QJsonValue &value : data.value(QStringLiteral("calls")).toArray()) {
        const QJsonObject call = value.toObject();
        const QJsonValue args = call.value(QStringLiteral("args"));
        calls.append(QJsonObject{
            {QStringLiteral("tool_call_id"), call.value(QStringLiteral("tool_call_id"))},
            {QStringLiteral("tool_name"), call.value(QStringLiteral("tool_name"))},
            {QStringLiteral("args"),
                QString::fromUtf8((
                    args.isArray() ? QJsonDocument(args.toArray()) : QJsonDocument(args.toObject()))
                                      .toJson(QJsonDocument::Compact))}});
    }
    turn.waitingForTools = true;
    m_state->chat(chatId)->pendingToolCalls = calls;
    m_state->setStatus(chatId, QStringLiteral("requires_action"));
    m_state->chat(chatId)->pendingToolCalls = calls;
    m_state->publishStream(chatId,
        {{kType, QStringLiteral("action_required")}, {QStringLiteral("chat_id"), chatId},
            {QStringLiteral("action_required"),
                QJsonObject{{QStringLiteral("tool_calls"), calls}}}});
    m_state->publishWatch(QStringLiteral("action_required"), chatId, calls);
    // No results by the deadline: the server cancels the pending calls like an interrupt
    // (newest: synthetic cancellations, then running; seed era: waiting).
    const int generation = turn.generation;
    QTimer::singleShot(m_options->requiresActionTimeoutMs, this, [this, chatId, generation] {
        const auto it = m_turns.constFind(chatId);
        if (it != m_turns.cend() && it->generation == generation && it->waitingForTools)
            interrupt(chatId);
    });
}

void ScriptedAgent::spawnChild(const SimChat &parent, const QJsonObject &data)
{
    SimChat child;
    child.id = data.value(QStringLiteral("id")).toString();
    child.organizationId = parent.organizationId;
    child.ownerId = parent.ownerId;
    child.workspaceId = parent.workspaceId;
    child.buildId = parent.buildId;
    child.agentId = parent.agentId;
    child.parentId = parent.id;
    child.rootId = parent.id;
    child.modelConfigId = parent.modelConfigId;
    child.title = data.value(QStringLiteral("title")).toString();
    child.mode = data.value(QStringLiteral("mode")).toString();
    child.clientType = parent.clientType;
    child.titleGenerated = true;
    child.createdAt = QDateTime::currentDateTimeUtc();
    child.updatedAt = child.createdAt;
    child.archived = parent.archived;
    const QString parentId = parent.id; // insertChat may move the parent
    m_state->insertChat(child);
    const QString prompt = data.value(QStringLiteral("prompt")).toString();
    m_state->appendMessageQuiet(child.id, QStringLiteral("user"),
        {QJsonObject{{kType, kText}, {kText, prompt}}}, child.createdAt);
    m_state->publishWatch(QStringLiteral("created"), child.id);
    m_state->publishWatch(QStringLiteral("status_change"), parentId);
    // Deferred: starting a turn inserts into m_turns, which would invalidate the running turn.
    const QString childId = child.id;
    QTimer::singleShot(0, this, [this, childId] {
        startTurn(childId,
            hasScenario(QStringLiteral("subagent")) ? QStringLiteral("subagent") : QString());
    });
}

void ScriptedAgent::storeFile(const SimChat &chat, const QJsonObject &data)
{
    SimFile file;
    file.id = data.value(QStringLiteral("id")).toString();
    file.ownerId = chat.ownerId;
    file.organizationId = chat.organizationId;
    file.name = data.value(QStringLiteral("name")).toString();
    file.mimeType = data.value(QStringLiteral("media_type")).toString(QStringLiteral("image/png"));
    file.data = data.contains(QStringLiteral("content"))
        ? data.value(QStringLiteral("content")).toString().toUtf8()
        : QByteArray::fromBase64(tinyPngBase64);
    if (const QString asset = data.value(QStringLiteral("asset")).toString(); !asset.isEmpty()) {
        QFile bytes(QStringLiteral(":/agentdesk-sim/data/") + asset);
        if (bytes.open(QIODevice::ReadOnly))
            file.data = bytes.readAll();
    }
    file.createdAt = QDateTime::currentDateTimeUtc();
    m_state->insertFile(file);
}

void ScriptedAgent::finishTurn(const QString &chatId, bool failed)
{
    QString lastText;
    if (auto it = m_turns.find(chatId); it != m_turns.end()) {
        lastText = it->lastText;
        m_turns.erase(it);
    }
    QTimer::singleShot(0, this, &ScriptedAgent::releaseCapacity);
    SimChat *chat = m_state->chat(chatId);
    if (!chat)
        return;
    chat->previewEvents.clear();
    chat->pendingRetry = {};
    chat->queuedForCapacity = false;
    if (failed)
        return;
    QString summary = lastText.simplified();
    static const QRegularExpression markup(QStringLiteral("[`*_|]"));
    summary.remove(markup);
    if (summary.size() > 120)
        summary = summary.left(117) + QStringLiteral("...");
    if (summary.isEmpty())
        summary = QStringLiteral("Turn finished.");
    chat->lastTurnSummary = summary;
    m_state->publishWatch(QStringLiteral("summary_change"), chatId);
    if (m_state->modern()) {
        // Newest: a chat-level summary as well, announced by its own kind (§6.12, §20.12).
        int userMessages = 0;
        for (const SimMessage &m : std::as_const(chat->messages))
            userMessages += m.role == QLatin1String("user") ? 1 : 0;
        chat->summary = QStringLiteral("%1 prompt(s) so far; latest: %2")
                            .arg(userMessages)
                            .arg(summary.left(80));
        m_state->publishWatch(QStringLiteral("chat_summary_change"), chatId);
    }
    if (!chat->titleGenerated) {
        chat->titleGenerated = true;
        QString base;
        for (const SimMessage &m : std::as_const(chat->messages)) {
            if (m.role == QLatin1String("user")) {
                base = userText(m.content);
                break;
            }
        }
        QStringList words = base.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 6);
        QString title = words.join(QLatin1Char(' '));
        static const QRegularExpression trailing(QStringLiteral("[.?!:,;]+$"));
        title.remove(trailing);
        if (!title.isEmpty())
            title[0] = title.at(0).toUpper();
        chat->title =
            title.isEmpty() ? QStringLiteral("New chat") : title + QStringLiteral(" (agent)");
        m_state->publishWatch(QStringLiteral("title_change"), chatId);
    }
    chat->hasUnread = true;
    m_state->setStatus(chatId, QStringLiteral("waiting"));
    promoteQueue(chatId);
}

void ScriptedAgent::promoteQueue(const QString &chatId)
{
    SimChat *chat = m_state->chat(chatId);
    if (!chat || chat->queue.isEmpty() || SimState::isActive(chat->status)
        || chat->status == QLatin1String("requires_action") || m_turns.contains(chatId))
        return;
    const SimQueuedMessage next = chat->queue.takeFirst();
    m_state->publishQueue(chatId);
    m_state->appendMessage(
        chatId, QStringLiteral("user"), next.content, {}, m_state->modern() ? next.id : 0);
    startTurn(chatId);
}

void ScriptedAgent::interrupt(const QString &chatId)
{
    auto it = m_turns.find(chatId);
    SimChat *chat = m_state->chat(chatId);
    if (!chat)
        return;
    if (it == m_turns.end()) {
        m_state->setStatus(chatId, QStringLiteral("waiting"));
        promoteQueue(chatId);
        return;
    }
    if (it->waitingForTools) {
        // Cancel the pending client tool calls: store error results, then stop.
        QJsonArray parts;
        for (const QJsonValue &call : std::as_const(chat->pendingToolCalls)) {
            const QJsonObject c = call.toObject();
            parts.append(QJsonObject{{kType, QStringLiteral("tool-result")},
                {QStringLiteral("tool_call_id"), c.value(QStringLiteral("tool_call_id"))},
                {QStringLiteral("tool_name"), c.value(QStringLiteral("tool_name"))},
                {QStringLiteral("result"),
                    QJsonObject{
                        {QStringLiteral("error"), QStringLiteral("Tool call was cancelled.")}}},
                {QStringLiteral("is_error"), true}});
        }
        if (m_state->modern()) {
            // §20.4.4: synthetic cancellation results, then *running*: the model continues,
            // seeing the cancellations (A0 → R0, A1 → R1); queued messages follow the turn.
            it->waitingForTools = false;
            m_state->setStatus(chatId, QStringLiteral("running"));
            if (!parts.isEmpty())
                m_state->appendMessage(chatId, QStringLiteral("tool"), parts);
            schedule(chatId, m_options->deltaIntervalMs);
            return;
        }
        m_turns.erase(it);
        m_state->setStatus(chatId, QStringLiteral("running"));
        if (!parts.isEmpty())
            m_state->appendMessage(chatId, QStringLiteral("tool"), parts);
        chat = m_state->chat(chatId);
        chat->previewEvents.clear();
        m_state->setStatus(chatId, QStringLiteral("waiting"));
        promoteQueue(chatId);
        return;
    }
    if (it->held) {
        // Waiting for capacity: an interrupt finishes at once and lands in waiting (§20.12).
        m_turns.erase(it);
        chat->queuedForCapacity = false;
        m_state->setStatus(chatId, QStringLiteral("waiting"));
        promoteQueue(chatId);
        return;
    }
    if (it->interrupting)
        return;
    it->interrupting = true;
    const int generation = it->generation;
    m_state->setStatus(chatId, QStringLiteral("interrupting"));
    QTimer::singleShot(m_options->deltaIntervalMs * 3, this,
        [this, chatId, generation] { finishInterrupt(chatId, generation); });
}

void ScriptedAgent::finishInterrupt(const QString &chatId, int generation)
{
    auto it = m_turns.find(chatId);
    if (it == m_turns.end() || it->generation != generation)
        return;
    // Persist whatever partial output exists, like the worker does when it winds down.
    commitAssistant(chatId, *it);
    it = m_turns.find(chatId);
    if (it != m_turns.end() && !it->toolParts.isEmpty()) {
        const QJsonArray parts = it->toolParts;
        it->toolParts = {};
        m_state->appendMessage(chatId, QStringLiteral("tool"), parts);
    }
    m_turns.remove(chatId);
    QTimer::singleShot(0, this, &ScriptedAgent::releaseCapacity);
    if (SimChat *chat = m_state->chat(chatId)) {
        chat->previewEvents.clear();
        chat->pendingRetry = {};
    }
    m_state->setStatus(chatId, QStringLiteral("waiting"));
    promoteQueue(chatId);
}

void ScriptedAgent::cancel(const QString &chatId)
{
    m_turns.remove(chatId);
    QTimer::singleShot(0, this, &ScriptedAgent::releaseCapacity);
    if (SimChat *chat = m_state->chat(chatId))
        chat->queuedForCapacity = false;
    if (SimChat *chat = m_state->chat(chatId)) {
        chat->previewEvents.clear();
        chat->pendingRetry = {};
        chat->pendingToolCalls = {};
    }
}

QString ScriptedAgent::submitToolResults(const QString &chatId, const QJsonArray &results)
{
    SimChat *chat = m_state->chat(chatId);
    if (!chat || chat->status != QLatin1String("requires_action"))
        return QStringLiteral("409");
    QHash<QString, QString> pending;
    for (const QJsonValue &call : std::as_const(chat->pendingToolCalls))
        pending.insert(call.toObject().value(QStringLiteral("tool_call_id")).toString(),
            call.toObject().value(QStringLiteral("tool_name")).toString());
    QJsonArray parts;
    QSet<QString> answered;
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        const QString id = r.value(QStringLiteral("tool_call_id")).toString();
        if (id.isEmpty())
            return QStringLiteral("Every result needs a tool_call_id.");
        if (!pending.contains(id))
            return QStringLiteral("Tool call \"%1\" is not pending.").arg(id);
        if (answered.contains(id))
            return QStringLiteral("Duplicate result for tool call \"%1\".").arg(id);
        answered.insert(id);
        QJsonObject part{{kType, QStringLiteral("tool-result")},
            {QStringLiteral("tool_call_id"), id}, {QStringLiteral("tool_name"), pending.value(id)},
            {QStringLiteral("result"), r.value(QStringLiteral("output"))},
            {QStringLiteral("created_at"), SimState::timestamp(QDateTime::currentDateTimeUtc())}};
        if (r.value(QStringLiteral("is_error")).toBool())
            part.insert(QStringLiteral("is_error"), true);
        parts.append(part);
    }
    if (answered.size() != pending.size()) {
        QStringList missing;
        for (const QJsonValue &call : std::as_const(chat->pendingToolCalls)) {
            const QString id = call.toObject().value(QStringLiteral("tool_call_id")).toString();
            if (!answered.contains(id))
                missing.append(id);
        }
        return QStringLiteral("Missing results for pending tool calls: %1.")
            .arg(missing.join(QStringLiteral(", ")));
    }
    m_state->setStatus(chatId, QStringLiteral("running"));
    m_state->appendMessage(chatId, QStringLiteral("tool"), parts);
    auto it = m_turns.find(chatId);
    if (it == m_turns.end()) {
        finishTurn(chatId, false);
        return {};
    }
    it->waitingForTools = false;
    schedule(chatId, m_options->deltaIntervalMs);
    return {};
}

} // namespace AgentDeskSim
