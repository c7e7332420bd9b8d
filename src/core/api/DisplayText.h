#pragma once

#include <QString>

namespace AgentDesk {

//! Text from the server or the file system (chat titles, file names) made safe to show on one
//! line. Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are
//! replaced by a visible marker such as "⟨U+202E⟩", so "invoice\u202Etxt.exe" cannot read as
//! "invoiceexe.txt"; line breaks and tabs become spaces and other control characters U+FFFD.
//! Text without such characters comes back unchanged. For display only: never for names that
//! are sent back (an upload keeps its real name).
QString safeDisplayText(const QString &text);

//! True for the bidirectional control characters safeDisplayText() makes visible.
bool isBidiControl(char32_t codePoint) noexcept;

} // namespace AgentDesk
