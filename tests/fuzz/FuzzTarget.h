#pragma once

#include <QByteArray>

namespace AgentDesk::Fuzz {

//! Feeds one input through everything that reads server frames: both frame decoders, a
//! MessageAssembler (one per call and one that lives across calls), and the partial JSON
//! parser. Must never crash, hang or assert, whatever the bytes.
void runOneInput(const QByteArray &data);

//! Silences the decoders' warnings (every malformed frame logs one).
void quietLogging();

} // namespace AgentDesk::Fuzz
