// libFuzzer target (asan preset, clang): a whole stream connection, frame by frame, through the
// path the app runs: ApiJson::decodeStreamFrame -> MessageAssembler -> MessageListModel (published
// the way ChatSession publishes), then every role of every row read back. One line of the input
// is one frame; a line starting with '\x01' opens a new connection (beginConnection, §13.8).

#include "core/api/ApiJson.h"
#include "core/live/MessageAssembler.h"
#include "models/MessageListModel.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

void publish(const MessageAssembler &assembler, const MessageAssembler::Changes &changes,
    MessageListModel &model)
{
    if (!changes.removed.isEmpty())
        model.removeIds(changes.removed);
    if (!changes.upserted.isEmpty()) {
        QList<ChatMessage> upserts;
        for (const MessageId id : changes.upserted) {
            if (auto message = assembler.message(id))
                upserts.append(std::move(*message));
        }
        model.upsertMany(upserts);
    }
    if (changes.previewChanged || !changes.upserted.isEmpty())
        model.setPreview(assembler.preview());
    if (changes.actionsChanged) {
        QSet<QString> awaiting;
        for (const ActionRequiredCall &call : assembler.pendingActions())
            awaiting.insert(call.toolCallId);
        model.setAwaitingCalls(awaiting);
    }
    if (changes.statusChanged)
        model.setChatActive(
            assembler.status() == ChatStatus::Running || assembler.status() == ChatStatus::Pending);
}

void readEverything(const MessageListModel &model)
{
    const QList<int> roles = model.roleNames().keys();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        for (const int role : roles)
            (void)model.data(index, role);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(u"agentdesk.*=false"_s);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ChatId chat = ChatId::fromString(u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s);
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    MessageAssembler assembler(chat);
    MessageListModel model;
    publish(assembler, assembler.beginConnection(), model);
    for (const QByteArray &line : input.split('\n')) {
        if (line.startsWith('\x01'))
            publish(assembler, assembler.beginConnection(), model);
        const QList<StreamEvent> events = ApiJson::decodeStreamFrame(line);
        publish(assembler, assembler.applyBatch(events), model);
        (void)assembler.lastCommittedId();
    }
    readEverything(model);
    return 0;
}
