#include "core/api/ApiJson.h"
#include "core/live/MessageAssembler.h"
#include "support/DemoIds.h"
#include "support/FixtureFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString chatText = Demo::mainChat.toString();
const QString childText = u"9c1e7d2b-4a3f-4e8d-9b6c-1f2a3b4c5d6e"_s;
const QByteArray connectMarker = "CONNECT";

ChatId chatId()
{
    return Demo::mainChat;
}

// --- builders for events (rows read like the wire) -------------------------------------------

QJsonObject textP(const QString &text, const QString &type = u"text"_s)
{
    return {{u"type"_s, type}, {u"text"_s, text}};
}
QJsonObject reasoningP(const QString &text)
{
    return textP(text, u"reasoning"_s);
}
QJsonObject callDelta(const QString &id, const QString &delta)
{
    return {{u"type"_s, u"tool-call"_s}, {u"tool_call_id"_s, id}, {u"tool_name"_s, u"write_file"_s},
        {u"args_delta"_s, delta}};
}
QJsonObject callFinal(const QString &id, const QJsonValue &args)
{
    return {{u"type"_s, u"tool-call"_s}, {u"tool_call_id"_s, id}, {u"tool_name"_s, u"write_file"_s},
        {u"args"_s, args}};
}
QJsonObject resultP(const QString &id, const QJsonValue &result, bool isError = false)
{
    QJsonObject part{{u"type"_s, u"tool-result"_s}, {u"tool_call_id"_s, id},
        {u"tool_name"_s, u"write_file"_s}, {u"result"_s, result}};
    if (isError)
        part.insert(u"is_error"_s, true);
    return part;
}
QJsonObject resultDeltaP(const QString &id, const QString &delta, bool reset = false)
{
    QJsonObject part{
        {u"type"_s, u"tool-result"_s}, {u"tool_call_id"_s, id}, {u"tool_name"_s, u"write_file"_s}};
    if (!delta.isEmpty())
        part.insert(u"result_delta"_s, delta);
    if (reset)
        part.insert(u"result_reset"_s, true);
    return part;
}
QJsonObject sourceP(const QString &url)
{
    return {{u"type"_s, u"source"_s}, {u"url"_s, url}, {u"title"_s, u"T"_s}};
}

//! A message_part event; seq 0 = a seed-era part without episode fields.
QJsonObject part(const QJsonObject &p, qint64 seq = 0, qint64 ga = 0, qint64 hv = 1,
    const QString &chat = chatText)
{
    QJsonObject wrapper{
        {u"role"_s, p.value(u"type"_s).toString() == u"tool-result"_s ? u"tool"_s : u"assistant"_s},
        {u"part"_s, p}};
    if (seq > 0) {
        wrapper.insert(u"history_version"_s, hv);
        wrapper.insert(u"generation_attempt"_s, ga);
        wrapper.insert(u"seq"_s, seq);
    }
    return {{u"type"_s, u"message_part"_s}, {u"chat_id"_s, chat}, {u"message_part"_s, wrapper}};
}
QJsonObject message(qint64 id, const QString &role, const QJsonArray &content)
{
    return {{u"type"_s, u"message"_s}, {u"chat_id"_s, chatText},
        {u"message"_s,
            QJsonObject{{u"id"_s, id}, {u"chat_id"_s, chatText}, {u"role"_s, role},
                {u"created_at"_s, u"2026-06-02T09:00:00Z"_s}, {u"content"_s, content}}}};
}
QJsonObject userMessage(qint64 id, const QString &text = u"hi"_s)
{
    return message(id, u"user"_s, QJsonArray{textP(text)});
}
QJsonObject status(const QString &value, const QString &chat = chatText)
{
    return {{u"type"_s, u"status"_s}, {u"chat_id"_s, chat},
        {u"status"_s, QJsonObject{{u"status"_s, value}}}};
}
QJsonObject simple(const QString &type)
{
    return {{u"type"_s, type}, {u"chat_id"_s, chatText}};
}
QJsonObject retryEvent(int attempt)
{
    return {{u"type"_s, u"retry"_s}, {u"chat_id"_s, chatText},
        {u"retry"_s,
            QJsonObject{{u"attempt"_s, attempt}, {u"delay_ms"_s, 2000}, {u"error"_s, u"busy"_s}}}};
}
QJsonObject errorEvent(const QString &kind)
{
    return {{u"type"_s, u"error"_s}, {u"chat_id"_s, chatText},
        {u"error"_s, QJsonObject{{u"message"_s, u"failed"_s}, {u"kind"_s, kind}}}};
}
QJsonObject queueEvent(const QList<int> &ids)
{
    QJsonArray queued;
    for (int id : ids) {
        queued.append(QJsonObject{{u"id"_s, id}, {u"chat_id"_s, chatText},
            {u"created_at"_s, u"2026-06-02T09:00:00Z"_s},
            {u"content"_s, QJsonArray{textP(u"q"_s)}}});
    }
    return {
        {u"type"_s, u"queue_update"_s}, {u"chat_id"_s, chatText}, {u"queued_messages"_s, queued}};
}
QJsonObject actionEvent(const QStringList &ids)
{
    QJsonArray calls;
    for (const QString &id : ids) {
        calls.append(QJsonObject{{u"tool_call_id"_s, id}, {u"tool_name"_s, u"open_in_ide"_s},
            {u"args"_s, u"{\"path\":\"a\"}"_s}});
    }
    return {{u"type"_s, u"action_required"_s}, {u"chat_id"_s, chatText},
        {u"action_required"_s, QJsonObject{{u"tool_calls"_s, calls}}}};
}

QByteArray frame(std::initializer_list<QJsonObject> events)
{
    QJsonArray array;
    for (const QJsonObject &event : events)
        array.append(event);
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// --- describing the state --------------------------------------------------------------------

QString compactValue(const QJsonValue &value)
{
    if (value.isUndefined())
        return u"-"_s;
    if (value.isString())
        return u"'"_s + value.toString() + u"'"_s;
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString describePart(const MessagePart &p)
{
    switch (p.kind) {
    case MessagePart::Kind::Text:
        return u"text(%1)"_s.arg(p.text);
    case MessagePart::Kind::Reasoning:
        return p.detail().title.isEmpty() ? u"reasoning(%1)"_s.arg(p.text)
                                          : u"reasoning[%1](%2)"_s.arg(p.detail().title, p.text);
    case MessagePart::Kind::ToolCall:
        return u"call(%1,%2)"_s.arg(p.detail().toolCallId, compactValue(p.detail().args));
    case MessagePart::Kind::ToolResult:
        return u"result(%1,%2%3)"_s.arg(p.detail().toolCallId, compactValue(p.detail().result),
            p.detail().isError ? u",err"_s : QString());
    case MessagePart::Kind::Source:
        return u"source(%1)"_s.arg(p.detail().url);
    case MessagePart::Kind::File:
        return u"file(%1)"_s.arg(p.detail().name);
    default:
        return u"other(%1)"_s.arg(p.typeRaw);
    }
}

//! One line with everything a row can check.
QString describe(const MessageAssembler &assembler)
{
    QStringList committed;
    for (const auto &[id, m] : assembler.committed())
        committed.append(QString::number(id.value));
    QStringList preview;
    if (const auto p = assembler.preview()) {
        for (const MessagePart &part : p->parts)
            preview.append(describePart(part));
    }
    QStringList queue;
    for (const QueuedMessage &q : assembler.queue())
        queue.append(QString::number(q.id.value));
    QStringList actions;
    for (const ActionRequiredCall &call : assembler.pendingActions())
        actions.append(call.toolCallId);
    QStringList children;
    for (auto it = assembler.childStatuses().cbegin(); it != assembler.childStatuses().cend(); ++it)
        children.append(ApiJson::toString(it.value()));
    const auto error = assembler.lastError();
    const auto retry = assembler.retry();
    return u"committed=[%1] preview=[%2] status=%3 queue=[%4] error=%5 retry=%6 actions=[%7] "
           "children=[%8]"_s.arg(committed.join(u','), preview.join(u' '),
               ApiJson::toString(assembler.status()), queue.join(u','),
               error ? error->kindRaw : u"-"_s, retry ? QString::number(retry->attempt) : u"-"_s,
               actions.join(u','), children.join(u','));
}

// --- the golden dump -------------------------------------------------------------------------

QJsonObject dumpPart(const MessagePart &p)
{
    QJsonObject o{{u"type"_s, p.typeRaw}};
    auto put = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(u"text"_s, p.text);
    put(u"title"_s, p.detail().title);
    put(u"tool_call_id"_s, p.detail().toolCallId);
    put(u"tool_name"_s, p.detail().toolName);
    if (!p.detail().args.isUndefined())
        o.insert(u"args"_s, p.detail().args);
    if (!p.detail().result.isUndefined())
        o.insert(u"result"_s, p.detail().result);
    if (p.detail().isError)
        o.insert(u"is_error"_s, true);
    put(u"url"_s, p.detail().url);
    put(u"name"_s, p.detail().name);
    put(u"file_id"_s, p.detail().fileId.isNull() ? QString() : p.detail().fileId.toString());
    return o;
}

QJsonObject dumpMessage(const ChatMessage &m)
{
    QJsonArray parts;
    for (const MessagePart &p : m.parts)
        parts.append(dumpPart(p));
    QJsonObject o{{u"role"_s, m.roleRaw}, {u"parts"_s, parts}};
    if (m.id.isValid())
        o.insert(u"id"_s, m.id.value);
    return o;
}

QJsonObject dump(const MessageAssembler &assembler)
{
    QJsonArray committed;
    for (const auto &[id, m] : assembler.committed())
        committed.append(dumpMessage(*m));
    QJsonArray queue;
    for (const QueuedMessage &q : assembler.queue())
        queue.append(q.id.value);
    QJsonObject o{{u"committed"_s, committed}, {u"queue"_s, queue},
        {u"status"_s, ApiJson::toString(assembler.status())},
        {u"last_committed_id"_s, assembler.lastCommittedId().value_or(MessageId{}).value}};
    const auto preview = assembler.preview();
    o.insert(u"preview"_s, preview ? QJsonValue(dumpMessage(*preview)) : QJsonValue());
    const auto error = assembler.lastError();
    o.insert(u"error"_s,
        error ? QJsonValue(QJsonObject{{u"message"_s, error->message}, {u"kind"_s, error->kindRaw},
            {u"detail"_s, error->detail}})
              : QJsonValue());
    const auto retry = assembler.retry();
    o.insert(u"retry"_s, retry ? QJsonValue(retry->attempt) : QJsonValue());
    QJsonArray actions;
    for (const ActionRequiredCall &call : assembler.pendingActions())
        actions.append(call.toolCallId);
    o.insert(u"pending_actions"_s, actions);
    return o;
}

QString goldenDirectory()
{
    return QStringLiteral(AGENTDESK_GOLDEN_DIR);
}

//! The recorded frames transformed per variant; each element is one frame.
QList<QByteArray> variantFrames(const QList<QByteArray> &recorded, const QString &variant)
{
    QList<QByteArray> frames;
    if (variant == u"recorded"_s)
        return recorded;
    if (variant == u"duplicated"_s) {
        for (const QByteArray &f : recorded)
            frames << f << f;
        return frames;
    }
    QList<QJsonObject> events;
    for (const QByteArray &f : recorded) {
        const QJsonArray array = QJsonDocument::fromJson(f).array();
        for (const QJsonValue &v : array)
            events.append(v.toObject());
    }
    if (variant == u"seed-era"_s) {
        for (const QByteArray &f : recorded) {
            QJsonArray array = QJsonDocument::fromJson(f).array();
            for (qsizetype i = 0; i < array.size(); ++i) {
                QJsonObject e = array.at(i).toObject();
                QJsonObject w = e.value(u"message_part"_s).toObject();
                if (w.isEmpty())
                    continue;
                w.remove(u"history_version"_s);
                w.remove(u"generation_attempt"_s);
                w.remove(u"seq"_s);
                e.insert(u"message_part"_s, w);
                array.replace(i, e);
            }
            frames.append(QJsonDocument(array).toJson(QJsonDocument::Compact));
        }
        return frames;
    }
    if (variant == u"one-event-per-frame"_s) {
        for (const QJsonObject &e : events)
            frames.append(QJsonDocument(QJsonArray{e}).toJson(QJsonDocument::Compact));
        return frames;
    }
    if (variant == u"legacy-envelope"_s) {
        for (const QByteArray &f : recorded) {
            const QJsonObject envelope{
                {u"type"_s, u"data"_s}, {u"data"_s, QJsonDocument::fromJson(f).array()}};
            frames.append(QJsonDocument(envelope).toJson(QJsonDocument::Compact));
            frames.append(R"({"type":"ping"})");
        }
        return frames;
    }
    return recorded;
}

} // namespace

class TestMessageAssembler : public QObject
{
    Q_OBJECT

private slots:
    void compacted_dropsWireCopiesOfKnownParts_sharesWhatHasNone();
    void replay_recordedSession_matchesGolden_data();
    void replay_recordedSession_matchesGolden();
    void replay_recordedSession_matchesFixtureReadme();
    void rules_data();
    void rules();
    void actionRequired_reSentBySnapshot_reportedOnce();
    void changes_reportWhatChanged();
    void loadHistory_thenStream_upsertsWithoutDuplicates();
};

void TestMessageAssembler::replay_recordedSession_matchesGolden_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("variant");
    const QStringList names = FixtureFiles::names({u"*.jsonl"_s});
    QVERIFY(!names.isEmpty());
    for (const QString &name : names) {
        // Only /stream recordings: their frames are arrays of events with a `type`.
        const QList<QByteArray> lines = FixtureFiles::lines(name);
        if (lines.isEmpty() || !QJsonDocument::fromJson(lines.first()).isArray())
            continue;
        for (const char *variant :
            {"recorded", "duplicated", "seed-era", "one-event-per-frame", "legacy-envelope"}) {
            QTest::addRow("%s/%s", qPrintable(name), variant)
                << name << QString::fromLatin1(variant);
        }
    }
}

void TestMessageAssembler::replay_recordedSession_matchesGolden()
{
    QFETCH(QString, fixture);
    QFETCH(QString, variant);
    const QList<QByteArray> frames = variantFrames(FixtureFiles::lines(fixture), variant);
    QVERIFY(!frames.isEmpty());
    const QList<StreamEvent> first = ApiJson::decodeStreamFrame(frames.first());
    QVERIFY(!first.isEmpty());

    MessageAssembler assembler(first.first().chatId);
    assembler.beginConnection();
    for (const QByteArray &f : frames)
        assembler.applyBatch(ApiJson::decodeStreamFrame(f));
    const QJsonObject actual = dump(assembler);

    const QString goldenPath =
        QDir(goldenDirectory()).filePath(QFileInfo(fixture).completeBaseName() + u".json"_s);
    if (qEnvironmentVariableIsSet("AGENTDESK_UPDATE_GOLDEN") && variant == u"recorded"_s) {
        QFile out(goldenPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(actual).toJson(QJsonDocument::Indented));
        qInfo() << "golden written:" << goldenPath;
    }
    QFile in(goldenPath);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(goldenPath));
    const QJsonObject golden = QJsonDocument::fromJson(in.readAll()).object();
    if (actual != golden) {
        qWarning().noquote() << QJsonDocument(actual).toJson(QJsonDocument::Indented);
        QFAIL("assembled state differs from the golden file");
    }
}

void TestMessageAssembler::replay_recordedSession_matchesFixtureReadme()
{
    // fixtures/README.md: committed 13–21 in order, empty preview, empty queue, status error,
    // error kind auth.
    const QList<QByteArray> frames = FixtureFiles::lines(u"stream-session.jsonl"_s);
    MessageAssembler assembler(chatId());
    assembler.beginConnection();
    for (const QByteArray &f : frames)
        assembler.applyBatch(ApiJson::decodeStreamFrame(f));
    QList<qint64> ids;
    for (const auto &[id, m] : assembler.committed())
        ids.append(id.value);
    QCOMPARE(ids, (QList<qint64>{13, 14, 15, 16, 17, 18, 19, 20, 21}));
    QVERIFY(!assembler.preview());
    QVERIFY(assembler.queue().isEmpty());
    QCOMPARE(assembler.status(), ChatStatus::Error);
    QVERIFY(assembler.lastError());
    QCOMPARE(assembler.lastError()->kind, ChatErrorKind::Auth);
    QCOMPARE(assembler.lastCommittedId(), MessageId{21});
}

void TestMessageAssembler::rules_data()
{
    QTest::addColumn<QList<QByteArray>>("frames");
    QTest::addColumn<QString>("expected");
    const QByteArray running = frame({status(u"running"_s)});
    const QString idle = u"status=running queue=[] error=- retry=- actions=[] children=[]"_s;
    auto row = [&](const char *name, QList<QByteArray> frames, const QString &committed,
                   const QString &preview, const QString &tail = {}) {
        QTest::newRow(name) << frames
                            << u"committed=[%1] preview=[%2] %3"_s.arg(
                                   committed, preview, tail.isEmpty() ? idle : tail);
    };

    row("text deltas append verbatim",
        {running, frame({part(textP(u"Hel"_s), 1)}), frame({part(textP(u"lo, "_s), 2)}),
            frame({part(textP(u"world"_s), 3)})},
        {}, u"text(Hello, world)"_s);
    row("whitespace-only delta opens no block",
        {running,
            frame({part(reasoningP(u"think"_s), 1), part(textP(u"\n\n"_s), 2),
                part(textP(u"Para"_s), 3), part(textP(u"\n\n"_s), 4), part(textP(u"graph"_s), 5)})},
        {}, u"reasoning(think) text(Para\n\ngraph)"_s);
    row("reasoning, text, tool, text give four blocks",
        {running,
            frame({part(reasoningP(u"r"_s), 1), part(textP(u"a"_s), 2),
                part(callDelta(u"t1"_s, u"{}"_s), 3), part(textP(u"b"_s), 4)})},
        {}, u"reasoning(r) text(a) call(t1,{}) text(b)"_s);
    row("args deltas accumulate and parse partially",
        {running, frame({part(callDelta(u"t1"_s, u"{\"path\": \"src/a"_s), 1)}),
            frame({part(callDelta(u"t1"_s, u".ts\", \"mode\": 4"_s), 2)})},
        {}, u"call(t1,{\"mode\":4,\"path\":\"src/a.ts\"})"_s);
    row("final args replace the deltas",
        {running, frame({part(callDelta(u"t1"_s, u"{\"path\": \"wro"_s), 1)}),
            frame({part(callFinal(u"t1"_s, QJsonObject{{u"path"_s, u"right"_s}}), 2)})},
        {}, u"call(t1,{\"path\":\"right\"})"_s);
    row("args as a JSON string are parsed",
        {running, frame({part(callFinal(u"t1"_s, u"{\"x\": [1, 2]}"_s), 1)})}, {},
        u"call(t1,{\"x\":[1,2]})"_s);
    row("args as a plain string stay a string",
        {running, frame({part(callFinal(u"t1"_s, u"ls -la"_s), 1)})}, {}, u"call(t1,'ls -la')"_s);
    row("result-only block for a committed call, removed by the tool message",
        {running,
            frame({message(
                10, u"assistant"_s, QJsonArray{callFinal(u"t1"_s, QJsonObject{{u"p"_s, 1}})})}),
            frame({part(resultP(u"t1"_s, QJsonObject{{u"ok"_s, true}}), 1)})},
        u"10"_s, u"result(t1,{\"ok\":true})"_s);
    row("tool message removes the matching tool block",
        {running,
            frame({message(
                10, u"assistant"_s, QJsonArray{callFinal(u"t1"_s, QJsonObject{{u"p"_s, 1}})})}),
            frame({part(resultP(u"t1"_s, QJsonObject{{u"ok"_s, true}}), 1)}),
            frame({message(11, u"tool"_s, QJsonArray{resultP(u"t1"_s, QJsonObject{})})})},
        u"10,11"_s, {});
    row("result_delta appends, result_reset restarts",
        {running, frame({part(resultDeltaP(u"t1"_s, u"{\"out\": \"ab"_s), 1)}),
            frame({part(resultDeltaP(u"t1"_s, QString(), true), 2)}),
            frame({part(resultDeltaP(u"t1"_s, u"{\"out\": \"xy"_s), 3)})},
        {}, u"result(t1,{\"out\":\"xy\"})"_s);
    row("is_error marks the tool failed",
        {running, frame({part(callFinal(u"t1"_s, QJsonObject{}), 1)}),
            frame({part(resultP(u"t1"_s, u"boom"_s, true), 2)})},
        {}, u"call(t1,{}) result(t1,'boom',err)"_s);
    row("sources are deduplicated by url",
        {running,
            frame({part(sourceP(u"https://a"_s), 1), part(sourceP(u"https://b"_s), 2),
                part(sourceP(u"https://a"_s), 3), part(textP(u"x"_s), 4),
                part(sourceP(u"https://a"_s), 5)})},
        {}, u"source(https://a) source(https://b) text(x) source(https://a)"_s);
    row("newer episode resets the preview",
        {running, frame({part(textP(u"old"_s), 1, 0)}), frame({part(textP(u"new"_s), 1, 1)})}, {},
        u"text(new)"_s);
    row("newer history version resets the preview",
        {running, frame({part(textP(u"old"_s), 5, 3, 1)}), frame({part(textP(u"new"_s), 1, 0, 2)})},
        {}, u"text(new)"_s);
    row("older episode is dropped",
        {running, frame({part(textP(u"new"_s), 1, 1)}), frame({part(textP(u"old"_s), 2, 0)})}, {},
        u"text(new)"_s);
    row("duplicate seq is dropped",
        {running, frame({part(textP(u"a"_s), 1), part(textP(u"b"_s), 2)}),
            frame({part(textP(u"b"_s), 2), part(textP(u"a"_s), 1), part(textP(u"c"_s), 3)})},
        {}, u"text(abc)"_s);
    row("seed-era parts without seq apply in order",
        {running, frame({part(textP(u"a"_s)), part(textP(u"b"_s)), part(textP(u"b"_s))})}, {},
        u"text(abb)"_s);
    row("retry clears the preview and shows the banner",
        {running, frame({part(textP(u"half"_s), 1)}), frame({retryEvent(1)})}, {}, {},
        u"status=running queue=[] error=- retry=1 actions=[] children=[]"_s);
    row("running again clears the retry banner",
        {running, frame({retryEvent(1)}), frame({status(u"running"_s)})}, {}, {});
    row("preview_reset clears, the replay from seq 1 applies",
        {running, frame({part(textP(u"ab"_s), 1), part(textP(u"cd"_s), 2)}),
            frame({simple(u"preview_reset"_s), part(textP(u"ab"_s), 1)})},
        {}, u"text(ab)"_s);
    row("error clears the preview and sets the error",
        {running, frame({part(textP(u"half"_s), 1)}),
            frame({status(u"error"_s), errorEvent(u"auth"_s)})},
        {}, {}, u"status=error queue=[] error=auth retry=- actions=[] children=[]"_s);
    row("running clears the last error",
        {frame({status(u"error"_s), errorEvent(u"auth"_s)}), running}, {}, {});
    row("waiting clears the preview",
        {running, frame({part(textP(u"half"_s), 1)}), frame({status(u"waiting"_s)})}, {}, {},
        u"status=waiting queue=[] error=- retry=- actions=[] children=[]"_s);
    row("late parts after the turn ended are stale",
        {running, frame({status(u"waiting"_s)}), frame({part(textP(u"late"_s))})}, {}, {},
        u"status=waiting queue=[] error=- retry=- actions=[] children=[]"_s);
    row("interrupting keeps the preview",
        {running, frame({part(textP(u"partial"_s), 1)}), frame({status(u"interrupting"_s)})}, {},
        u"text(partial)"_s,
        u"status=interrupting queue=[] error=- retry=- actions=[] children=[]"_s);
    row("assistant message commits and clears the preview",
        {running, frame({part(textP(u"Hel"_s), 1), part(textP(u"lo"_s), 2)}),
            frame({message(7, u"assistant"_s, QJsonArray{textP(u"Hello"_s)}),
                part(textP(u"next"_s), 3)})},
        u"7"_s, u"text(next)"_s);
    row("history_reset drops the stale messages not re-sent",
        {running, frame({userMessage(1), userMessage(2), userMessage(3)}),
            frame({simple(u"history_reset"_s), userMessage(1), userMessage(3),
                status(u"running"_s)})},
        u"1,3"_s, {});
    row("history_reset pruned at the end of the batch",
        {running, frame({userMessage(1), userMessage(2)}),
            frame({simple(u"history_reset"_s), userMessage(2)})},
        u"2"_s, {});
    row("another chat's status only updates the child",
        {running, frame({status(u"waiting"_s, childText)}),
            frame({part(textP(u"child text"_s), 1, 0, 1, childText)}),
            frame({message(9, u"user"_s, QJsonArray{})})},
        u"9"_s, {}, u"status=running queue=[] error=- retry=- actions=[] children=[waiting]"_s);
    row("unknown event and part types are ignored",
        {running, frame({simple(u"future_event"_s)}),
            frame({part(QJsonObject{{u"type"_s, u"future-part"_s}}, 1), part(textP(u"ok"_s), 2)})},
        {}, u"text(ok)"_s);
    row("duplicate messages are harmless",
        {running, frame({userMessage(5)}), frame({userMessage(5)}), frame({userMessage(5)})},
        u"5"_s, {});
    row("beginConnection clears the preview before the replay",
        {running, frame({part(textP(u"par"_s), 1), part(textP(u"tial"_s), 2)}), connectMarker,
            frame({status(u"running"_s), simple(u"preview_reset"_s), part(textP(u"par"_s), 1),
                part(textP(u"tial"_s), 2), part(textP(u"!"_s), 3)})},
        {}, u"text(partial!)"_s);
    row("a reconnect snapshot may replay parts after its status",
        {frame({status(u"waiting"_s)}), connectMarker,
            frame({status(u"waiting"_s), part(textP(u"seed"_s))})},
        {}, u"text(seed)"_s, u"status=waiting queue=[] error=- retry=- actions=[] children=[]"_s);
    row("queue_update replaces the queue",
        {running, frame({queueEvent({4, 5})}), frame({queueEvent({5})})}, {}, {},
        u"status=running queue=[5] error=- retry=- actions=[] children=[]"_s);
    row("action_required lists calls once each",
        {frame({status(u"requires_action"_s), actionEvent({u"c1"_s, u"c2"_s, u"c1"_s})})}, {}, {},
        u"status=requires_action queue=[] error=- retry=- actions=[c1,c2] children=[]"_s);
    row("title-only reasoning names the block",
        {running,
            frame({part(QJsonObject{{u"type"_s, u"reasoning"_s}, {u"title"_s, u"Plan"_s}}, 1),
                part(reasoningP(u"step"_s), 2)})},
        {}, u"reasoning[Plan](step)"_s);
    row("provider-executed calls are skipped",
        {running,
            frame({part(QJsonObject{{u"type"_s, u"tool-call"_s}, {u"tool_call_id"_s, u"p"_s},
                            {u"tool_name"_s, u"web_search"_s}, {u"provider_executed"_s, true}},
                1)})},
        {}, {});
    row("file parts are appended",
        {running,
            frame({part(QJsonObject{{u"type"_s, u"file"_s}, {u"media_type"_s, u"image/png"_s},
                            {u"name"_s, u"shot.png"_s}},
                1)})},
        {}, u"file(shot.png)"_s);
}

void TestMessageAssembler::rules()
{
    QFETCH(QList<QByteArray>, frames);
    QFETCH(QString, expected);
    MessageAssembler assembler(chatId());
    for (const QByteArray &f : frames) {
        if (f == connectMarker)
            assembler.beginConnection();
        else
            assembler.applyBatch(ApiJson::decodeStreamFrame(f));
    }
    QCOMPARE(describe(assembler), expected);
}

void TestMessageAssembler::actionRequired_reSentBySnapshot_reportedOnce()
{
    MessageAssembler assembler(chatId());
    auto changes = assembler.applyBatch(
        ApiJson::decodeStreamFrame(frame({status(u"requires_action"_s), actionEvent({u"c1"_s})})));
    QCOMPARE(changes.newActions.size(), 1);
    assembler.beginConnection();
    changes = assembler.applyBatch(ApiJson::decodeStreamFrame(
        frame({status(u"requires_action"_s), actionEvent({u"c1"_s, u"c2"_s})})));
    QCOMPARE(changes.newActions.size(), 1);
    QCOMPARE(changes.newActions.first().toolCallId, u"c2"_s);
    QCOMPARE(assembler.pendingActions().size(), 2);
    changes = assembler.applyBatch(ApiJson::decodeStreamFrame(frame({status(u"running"_s)})));
    QVERIFY(changes.actionsChanged);
    QVERIFY(assembler.pendingActions().isEmpty());
}

void TestMessageAssembler::changes_reportWhatChanged()
{
    MessageAssembler assembler(chatId());
    auto changes = assembler.applyBatch(ApiJson::decodeStreamFrame(
        frame({status(u"running"_s), userMessage(3), part(textP(u"x"_s), 1)})));
    QVERIFY(changes.statusChanged);
    QCOMPARE(changes.upserted, QList<MessageId>{MessageId{3}});
    QVERIFY(changes.previewChanged);
    QVERIFY(!changes.queueChanged);

    changes = assembler.applyBatch(ApiJson::decodeStreamFrame(frame({part(textP(u"x"_s), 1)})));
    QVERIFY(changes.isEmpty()); // a duplicate part changes nothing

    changes = assembler.applyBatch(
        ApiJson::decodeStreamFrame(frame({simple(u"history_reset"_s), userMessage(4)})));
    QCOMPARE(changes.removed, QList<MessageId>{MessageId{3}});
    QCOMPARE(changes.upserted, QList<MessageId>{MessageId{4}});
    QVERIFY(changes.historyReset);
}

void TestMessageAssembler::loadHistory_thenStream_upsertsWithoutDuplicates()
{
    const QJsonArray page = QJsonDocument::fromJson(FixtureFiles::read(u"chat-messages.json"_s))
                                .object()
                                .value(u"messages"_s)
                                .toArray();
    QList<ChatMessage> messages;
    for (const QJsonValue &v : page) {
        if (auto m = ApiJson::chatMessageFromJson(v))
            messages.append(*m);
    }
    QVERIFY(!messages.isEmpty());
    MessageAssembler assembler(chatId());
    assembler.loadHistory(messages);
    const auto before = assembler.committed().size();
    QCOMPARE(assembler.lastCommittedId(), MessageId{14});
    assembler.beginConnection();
    for (const QByteArray &f : FixtureFiles::lines(u"stream-session.jsonl"_s))
        assembler.applyBatch(ApiJson::decodeStreamFrame(f));
    QCOMPARE(assembler.committed().size(), before + 7); // 15..21 are new; 13, 14 replaced
}

void TestMessageAssembler::compacted_dropsWireCopiesOfKnownParts_sharesWhatHasNone()
{
    ChatMessage message;
    message.id = MessageId{5};
    message.role = MessageRole::Assistant;
    MessagePart text;
    text.kind = MessagePart::Kind::Text;
    text.text = u"hi"_s;
    message.parts = {text};
    // Nothing to drop: the very same parts come back (no copy).
    QVERIFY(MessageAssembler::compacted(message).parts.isSharedWith(message.parts));

    text.raw = QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"hi"_s}};
    MessagePart unknown;
    unknown.kind = MessagePart::Kind::Unknown;
    unknown.raw = QJsonObject{{u"type"_s, u"beam"_s}};
    message.parts = {text, unknown};
    const ChatMessage compact = MessageAssembler::compacted(message);
    QVERIFY(compact.parts.at(0).raw.isEmpty());
    QCOMPARE(compact.parts.at(1).raw, unknown.raw);
    QCOMPARE(compact.parts.at(0).text, u"hi"_s);

    // Committed messages are held compacted.
    MessageAssembler assembler(Demo::mainChat);
    assembler.loadHistory({message});
    QVERIFY(assembler.message(MessageId{5})->parts.at(0).raw.isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageAssembler)
#include "TestMessageAssembler.moc"
