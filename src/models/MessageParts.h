#pragma once

#include "core/api/ApiTypes.h"

namespace AgentDesk {

//! The Markdown a message shows: its text parts, joined by blank lines.
QString joinedText(const QList<MessagePart> &parts);

//! Whether the text parts of the two lists are the same, which implies the same joinedText(),
//! without joining them: a text part can be tens of megabytes, and this runs on every streamed
//! update. (Texts split differently but joining to the same string count as different.)
bool sameJoinedText(const QList<MessagePart> &a, const QList<MessagePart> &b);

//! Whether two parts would look the same (see sameParts).
bool samePart(const MessagePart &a, const MessagePart &b);

//! Whether two part lists would look the same. `raw` is compared only for unknown kinds, the
//! only parts rendered from it (the models drop it for known kinds to save memory).
bool sameParts(const QList<MessagePart> &a, const QList<MessagePart> &b);

} // namespace AgentDesk
