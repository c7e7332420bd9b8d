#include "FuzzTarget.h"

#include "core/api/ApiJson.h"
#include "core/live/MessageAssembler.h"
#include "core/live/PartialJson.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace AgentDesk::Fuzz {

void quietLogging()
{
    QLoggingCategory::setFilterRules(u"agentdesk.*=false"_s);
}

void runOneInput(const QByteArray &data)
{
    static const ChatId chat = ChatId::fromString(u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s);
    static MessageAssembler longLived(chat);
    static int calls = 0;
    if (++calls % 5000 == 0)
        longLived = MessageAssembler(chat); // bound the state that builds up

    const QList<StreamEvent> events = ApiJson::decodeStreamFrame(data);
    MessageAssembler fresh(chat);
    fresh.applyBatch(events);
    (void)fresh.preview();
    if (calls % 97 == 0)
        longLived.beginConnection();
    longLived.applyBatch(events);
    (void)longLived.preview();
    (void)longLived.lastCommittedId();

    const QList<WatchEvent> watchEvents = ApiJson::decodeWatchFrame(data);
    (void)watchEvents;
    if (data.size() < 64 * 1024)
        (void)PartialJson::parse(data);
}

} // namespace AgentDesk::Fuzz
