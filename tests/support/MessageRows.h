#pragma once

// Checks on the rows of a MessageListModel that several session-level tests make.
// Header-only: the tests that use it link agentdesk_models.

#include "models/MessageListModel.h"

namespace AgentDesk::Testing {

//! True when no message with an id in (after, upTo] is in \a model: what an edit of message
//! \a after must leave once it lands (the later messages of the old history are gone).
inline bool holdsNoneAfter(const MessageListModel &model, MessageId after, MessageId upTo)
{
    for (qint64 id = after.value + 1; id <= upTo.value; ++id) {
        if (model.contains(MessageId{id}))
            return false;
    }
    return true;
}

} // namespace AgentDesk::Testing
