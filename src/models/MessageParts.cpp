#include "models/MessageParts.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

bool samePart(const MessagePart &a, const MessagePart &b)
{
    return a.kind == b.kind && a.typeRaw == b.typeRaw && a.text == b.text && a.title == b.title
        && a.toolCallId == b.toolCallId && a.toolName == b.toolName && a.args == b.args
        && a.argsDelta == b.argsDelta && a.result == b.result && a.resultDelta == b.resultDelta
        && a.isError == b.isError && a.isMedia == b.isMedia && a.fileId == b.fileId
        && a.fileName == b.fileName && a.content == b.content && a.url == b.url && a.name == b.name
        && a.mediaType == b.mediaType && a.data == b.data && a.createdAt == b.createdAt
        && a.completedAt == b.completedAt && a.startLine == b.startLine && a.endLine == b.endLine
        && a.contextFilePath == b.contextFilePath && a.skillName == b.skillName
        && a.parsedCommands == b.parsedCommands
        && (a.kind != MessagePart::Kind::Unknown || a.raw == b.raw);
}

QString joinedText(const QList<MessagePart> &parts)
{
    QStringList texts;
    for (const MessagePart &part : parts) {
        if (part.kind == MessagePart::Kind::Text && !part.text.isEmpty())
            texts.append(part.text);
    }
    return texts.join(u"\n\n"_s);
}

bool sameJoinedText(const QList<MessagePart> &a, const QList<MessagePart> &b)
{
    const auto isText = [](const MessagePart &part) {
        return part.kind == MessagePart::Kind::Text && !part.text.isEmpty();
    };
    auto left = std::find_if(a.cbegin(), a.cend(), isText);
    auto right = std::find_if(b.cbegin(), b.cend(), isText);
    while (left != a.cend() && right != b.cend()) {
        if (left->text != right->text) // different sizes compare in O(1)
            return false;
        left = std::find_if(std::next(left), a.cend(), isText);
        right = std::find_if(std::next(right), b.cend(), isText);
    }
    return left == a.cend() && right == b.cend();
}

bool sameParts(const QList<MessagePart> &a, const QList<MessagePart> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), samePart);
}

} // namespace AgentDesk
