#pragma once

#include <QString>

namespace AgentDeskSim {

// JSON keys and data that several simulator files share: one definition each, so the files can
// also be compiled together (unity build) without clashing.
inline const QString kType = QStringLiteral("type");
inline const QString kText = QStringLiteral("text");
inline const QString kChatId = QStringLiteral("chat_id");

//! A 1×1 PNG, for file parts the agent produces and for seeded screenshots.
inline constexpr char tinyPngBase64[] =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
    "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

} // namespace AgentDeskSim
