#pragma once

// The ids of agentdesk-sim's demo fixture (src/sim/data/demo.json), named once for
// every test that talks to the simulator or builds rows like its chats. Header-only.

#include "core/api/ApiTypes.h"

namespace AgentDesk::Testing::Demo {

inline const OrganizationId org =
    OrganizationId::fromString(u"8d5c3f4e-2b1a-4c9d-9e7f-6a5b4c3d2e1f");
inline const UserId alice = UserId::fromString(u"5f0e9a8b-7c6d-4e3f-8a2b-1c0d9e8f7a6b");
inline const UserId bob = UserId::fromString(u"6a1f0b9c-8d7e-4f4a-9b3c-2d1e0f9a8b7c");
//! "Fix the CSV parser": the main chat, with a diff and a workspace.
inline const ChatId mainChat = ChatId::fromString(u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b");
//! The pinned chat (the flaky-test one).
inline const ChatId pinnedChat = ChatId::fromString(u"6e9c3f5d-2a7b-4c4d-9e0f-8b5a4d3c2f1e");
//! The main chat's sub-agent.
inline const ChatId exploreChat = ChatId::fromString(u"4c7a1d3b-0e5f-4a2b-9c8d-6f3e2b1a0d9c");
inline const ChatId testsChat = ChatId::fromString(u"5d8b2e4c-1f6a-4b3c-8d9e-7a4f3c2b1e0d");
inline const ChatId apiChat = ChatId::fromString(u"7fad4a6e-3b8c-4d5e-8f1a-9c6b5e4d3a2f");
inline const ChatId archivedChat = ChatId::fromString(u"8abe5b7f-4c9d-4e6f-9a2b-0d7c6f5e4b3a");

} // namespace AgentDesk::Testing::Demo
