#include "models/MessageParts.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

bool samePart(const MessagePart &a, const MessagePart &b)
{
    return a.kind == b.kind && a.typeRaw == b.typeRaw && a.text == b.text
        && a.detail().title == b.detail().title && a.detail().toolCallId == b.detail().toolCallId
        && a.detail().toolName == b.detail().toolName && a.detail().args == b.detail().args
        && a.detail().argsDelta == b.detail().argsDelta && a.detail().result == b.detail().result
        && a.detail().resultDelta == b.detail().resultDelta
        && a.detail().isError == b.detail().isError && a.detail().isMedia == b.detail().isMedia
        && a.detail().fileId == b.detail().fileId && a.detail().fileName == b.detail().fileName
        && a.detail().content == b.detail().content && a.detail().url == b.detail().url
        && a.detail().name == b.detail().name && a.detail().mediaType == b.detail().mediaType
        && a.detail().data == b.detail().data && a.detail().createdAt == b.detail().createdAt
        && a.detail().completedAt == b.detail().completedAt
        && a.detail().startLine == b.detail().startLine && a.detail().endLine == b.detail().endLine
        && a.detail().contextFilePath == b.detail().contextFilePath
        && a.detail().skillName == b.detail().skillName
        && a.detail().parsedCommands == b.detail().parsedCommands
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
