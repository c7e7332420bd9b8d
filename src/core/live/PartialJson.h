#pragma once

#include <QByteArray>
#include <QJsonValue>

#include <optional>

namespace AgentDesk::PartialJson {

//! A complete JSON text of any kind (object, array, string, number, literal), or nullopt.
//! QJsonDocument alone only accepts objects and arrays at the top level.
std::optional<QJsonValue> parseComplete(const QByteArray &text);

//! The best-effort value of a JSON text that may be cut off anywhere, as streamed tool
//! arguments are (coder-chats-protocol.md §13.6): a complete text parses as is; otherwise an
//! open string is closed, a dangling `,`, `"key"` or `"key":` and a cut number or literal are
//! dropped, and the open objects and arrays are closed. nullopt when nothing sensible remains.
std::optional<QJsonValue> parse(const QByteArray &text);

//! The closed text that parse() tries for an incomplete fragment (exposed for tests).
QByteArray close(const QByteArray &text);

} // namespace AgentDesk::PartialJson
