#pragma once

// What the server accepts for a chat in a given state, so the UI offers only that.

#include "core/api/ApiTypes.h"

namespace AgentDesk {

//! §20.2: archiving a running, interrupting or requires_action chat is refused with 409 (so is
//! a seed-era pending one); waiting and error chats, and unknown states, may be archived.
constexpr bool archiveRefused(ChatStatus status) noexcept
{
    return isActive(status) || status == ChatStatus::RequiresAction;
}

} // namespace AgentDesk
