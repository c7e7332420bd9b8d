#pragma once

// Shared builders for the conversation widget tests: messages with every kind of part.

#include "core/api/ApiTypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace AgentDesk::Testing {

using namespace Qt::StringLiterals;

//! An empty part of `kind`, with the type name the server sends for it.
inline MessagePart typedPart(MessagePart::Kind kind, const QString &typeRaw)
{
    MessagePart part;
    part.kind = kind;
    part.typeRaw = typeRaw;
    return part;
}

inline MessagePart textPart(const QString &text)
{
    MessagePart part = typedPart(MessagePart::Kind::Text, u"text"_s);
    part.text = text;
    return part;
}

inline MessagePart reasoningPart(const QString &text, int seconds)
{
    MessagePart part = typedPart(MessagePart::Kind::Reasoning, u"reasoning"_s);
    part.text = text;
    part.editDetail().createdAt = QDateTime(QDate(2025, 5, 1), QTime(10, 0, 0), Qt::UTC);
    part.editDetail().completedAt = part.detail().createdAt.addSecs(seconds);
    return part;
}

//! A part of a tool call: its call (`kind` ToolCall) or its result (ToolResult).
inline MessagePart toolPart(
    MessagePart::Kind kind, const QString &typeRaw, const QString &id, const QString &name)
{
    MessagePart part = typedPart(kind, typeRaw);
    part.editDetail().toolCallId = id;
    part.editDetail().toolName = name;
    return part;
}

inline MessagePart toolCall(const QString &id, const QString &name, const QJsonObject &args)
{
    MessagePart part = toolPart(MessagePart::Kind::ToolCall, u"tool-call"_s, id, name);
    part.editDetail().args = args;
    return part;
}

inline MessagePart toolResult(
    const QString &id, const QString &name, const QJsonValue &result, bool isError = false)
{
    MessagePart part = toolPart(MessagePart::Kind::ToolResult, u"tool-result"_s, id, name);
    part.editDetail().result = result;
    part.editDetail().isError = isError;
    return part;
}

inline MessagePart unknownPart(const QString &type)
{
    MessagePart part = typedPart(MessagePart::Kind::Unknown, type);
    part.raw = QJsonObject{{u"type"_s, type}, {u"payload"_s, u"future-data"_s}};
    return part;
}

inline MessagePart filePart(const QString &name, const QString &mediaType)
{
    MessagePart part = typedPart(MessagePart::Kind::File, u"file"_s);
    part.editDetail().name = name;
    part.editDetail().mediaType = mediaType;
    part.editDetail().fileId = FileId::createUuid();
    return part;
}

inline ChatMessage message(qint64 id, MessageRole role, const QList<MessagePart> &parts)
{
    ChatMessage m;
    m.id = MessageId{id};
    m.role = role;
    m.roleRaw = role == MessageRole::User ? u"user"_s
        : role == MessageRole::Tool       ? u"tool"_s
                                          : u"assistant"_s;
    m.createdAt = QDateTime(QDate(2025, 5, 1), QTime(10, 0, 0), Qt::UTC).addSecs(id * 7);
    m.parts = parts;
    return m;
}

inline ChatMessage userText(qint64 id, const QString &text)
{
    return message(id, MessageRole::User, {textPart(text)});
}

inline ChatMessage assistantText(qint64 id, const QString &text)
{
    return message(id, MessageRole::Assistant, {textPart(text)});
}

//! A conversation with every kind of row: user text with a file, reasoning, markdown with a code
//! block and a table, tool calls done / failed / running, an unknown part, usage.
inline QList<ChatMessage> richConversation()
{
    QList<ChatMessage> out;
    ChatMessage user = userText(
        1, u"The login test is flaky on CI. Can you find out why and fix it? Logs attached."_s);
    user.parts << filePart(u"ci-log.txt"_s, u"text/plain"_s);
    out << user;

    ChatMessage a1 = message(2, MessageRole::Assistant,
        {reasoningPart(u"The user wants me to look at the flaky login test first."_s, 4),
            textPart(u"I'll look at the test and the CI logs first."_s),
            toolCall(u"call_1"_s, u"execute"_s,
                QJsonObject{{u"command"_s, u"go test ./auth/... -run TestLogin -count=20"_s}}),
            toolCall(
                u"call_2"_s, u"read_file"_s, QJsonObject{{u"path"_s, u"auth/login_test.go"_s}})});
    a1.parts[2].editDetail().parsedCommands = {{u"go"_s, u"test"_s}};
    out << a1;
    out << message(3, MessageRole::Tool,
        {toolResult(u"call_1"_s, u"execute"_s,
             QJsonObject{{u"output"_s,
                             u"--- FAIL: TestLogin (0.31s)\n    login_test.go:42: "
                             u"session expired"_s},
                 {u"exit_code"_s, 1}}),
            toolResult(u"call_2"_s, u"read_file"_s,
                u"package auth\n\nfunc TestLogin(t *testing.T) {}"_s, true)});

    ChatMessage a2 = message(4, MessageRole::Assistant,
        {textPart(u"The test uses a **fixed clock** that expires the session. Here is the fix:\n\n"
                  u"```go\nclock := fakeclock.New(time.Now())\nsess := NewSession(clock)\n```\n\n"
                  u"| Run | Before | After |\n|---|---|---|\n| local | 3/20 fail | 0/20 |\n"
                  u"| CI | 7/20 fail | 0/20 |\n\n- keeps *other* tests unchanged\n"
                  u"- no sleeps\n\n![diagram](http://example.com/diagram.png)"_s),
            toolCall(
                u"call_3"_s, u"write_file"_s, QJsonObject{{u"path"_s, u"auth/login_test.go"_s}}),
            unknownPart(u"future-widget"_s)});
    MessageUsage usage;
    usage.inputTokens = 12034;
    usage.outputTokens = 812;
    usage.totalTokens = 12846;
    a2.usage = usage;
    out << a2;
    return out;
}

} // namespace AgentDesk::Testing
