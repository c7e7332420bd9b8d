// MessageListModel under a live QAbstractItemModelTester: paging, upsert order, batch appends,
// the streaming preview, pending echoes, tool-result folding and tool states (§13.5).

#include "models/MessageListModel.h"
#include "support/ProbedModelTest.h"

#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

MessagePart textPart(const QString &text)
{
    MessagePart part;
    part.kind = MessagePart::Kind::Text;
    part.typeRaw = u"text"_s;
    part.text = text;
    return part;
}

ChatMessage textMessage(qint64 id, const QString &text, MessageRole role = MessageRole::Assistant)
{
    ChatMessage message;
    message.id = MessageId{id};
    message.role = role;
    message.createdAt = QDateTime(QDate(2026, 6, 2), QTime(9, 0), QTimeZone::utc()).addSecs(id);
    message.parts = {textPart(text)};
    return message;
}

//! A part of the "execute" tool exchange: a call (with its args) or its result.
MessagePart toolPart(MessagePart::Kind kind, const QString &callId)
{
    MessagePart part;
    part.kind = kind;
    const bool call = kind == MessagePart::Kind::ToolCall;
    part.typeRaw = call ? u"tool-call"_s : u"tool-result"_s;
    part.editDetail().toolCallId = callId;
    part.editDetail().toolName = u"execute"_s;
    if (call)
        part.editDetail().args = QJsonObject{{u"command"_s, u"ls"_s}};
    else
        part.editDetail().result = QJsonObject{{u"output"_s, u"ok"_s}};
    return part;
}

ChatMessage toolCallMessage(qint64 id, const QStringList &callIds)
{
    ChatMessage message = textMessage(id, u"Let me look."_s);
    for (const QString &callId : callIds)
        message.parts.append(toolPart(MessagePart::Kind::ToolCall, callId));
    return message;
}

MessagePart resultPart(const QString &callId, bool isError = false)
{
    MessagePart result = toolPart(MessagePart::Kind::ToolResult, callId);
    result.editDetail().isError = isError;
    return result;
}

ChatMessage toolResultMessage(qint64 id, const QString &callId, bool isError = false)
{
    ChatMessage message;
    message.id = MessageId{id};
    message.role = MessageRole::Tool;
    message.parts = {resultPart(callId, isError)};
    return message;
}

} // namespace

class TestMessageListModel : public ProbedModelTest<MessageListModel>
{
    Q_OBJECT

private slots:
    void upsert_compactedMessage_isStoredWithoutACopy()
    {
        // ChatSession hands the assembler and the model one compacted page; the model must not
        // copy its parts (a non-const pass over them did, storing every message twice).
        const ChatMessage message = textMessage(7, u"Hello"_s);
        m_model->upsertMany({message});
        m_model->prependPage({textMessage(3, u"Older"_s)});
        const auto parts = m_model->index(1).data(MessageListModel::PartsRole);
        QVERIFY(parts.value<QList<MessagePart>>().isSharedWith(message.parts));

        // A part of a known kind that still holds its wire object loses it (and only then is
        // the list copied); an unknown kind keeps it, it is rendered from it.
        ChatMessage raw = textMessage(9, u"Raw"_s);
        raw.parts[0].raw = QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Raw"_s}};
        MessagePart unknown;
        unknown.kind = MessagePart::Kind::Unknown;
        unknown.raw = QJsonObject{{u"type"_s, u"beam"_s}};
        raw.parts.append(unknown);
        m_model->upsert(raw);
        const auto stored =
            m_model->index(2).data(MessageListModel::PartsRole).value<QList<MessagePart>>();
        QVERIFY(stored.at(0).raw.isEmpty());
        QCOMPARE(stored.at(1).raw, unknown.raw);
    }

    void sharedMessages_areHeldNotCopied()
    {
        // #15: ChatSession gives the model the messages its assembler holds; a row keeps that
        // very message (one copy of a long history), and the message itself stays small.
        QCOMPARE_LE(sizeof(ChatMessage), size_t(144));
        const auto newest = std::make_shared<const ChatMessage>(textMessage(7, u"Hello"_s));
        const auto older = std::make_shared<const ChatMessage>(textMessage(3, u"Older"_s));
        m_model->upsertMany(QList<SharedChatMessage>{newest});
        m_model->prependPage(QList<SharedChatMessage>{older});
        QCOMPARE(ids(), (QList<qint64>{3, 7}));
        QCOMPARE(newest.use_count(), 2);
        QCOMPARE(older.use_count(), 2);
        // A revision replaces the held message; the old one is let go.
        auto revised = textMessage(7, u"Hello again"_s);
        m_model->upsert(revised);
        QCOMPARE(newest.use_count(), 1);
        QCOMPARE(m_model->index(1).data(MessageListModel::TextRole).toString(), u"Hello again"_s);

        // One that still carries wire copies is held compacted, so not shared.
        ChatMessage raw = textMessage(9, u"Raw"_s);
        raw.parts[0].raw = QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Raw"_s}};
        const auto wire = std::make_shared<const ChatMessage>(raw);
        m_model->upsert(wire);
        QCOMPARE(wire.use_count(), 1);
        QVERIFY(m_model->index(2)
                    .data(MessageListModel::PartsRole)
                    .value<QList<MessagePart>>()
                    .at(0)
                    .raw.isEmpty());
    }

    void prependPage_overlap_skipsKnownIds_data()
    {
        QTest::addColumn<QList<qint64>>("live");
        QTest::addColumn<QList<qint64>>("page");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::addColumn<int>("inserts");

        QTest::newRow("disjoint") << QList<qint64>{5, 6} << QList<qint64>{3, 4}
                                  << QList<qint64>{3, 4, 5, 6} << 1;
        QTest::newRow("overlap") << QList<qint64>{5, 6} << QList<qint64>{4, 5}
                                 << QList<qint64>{4, 5, 6} << 1;
        QTest::newRow("all known") << QList<qint64>{5} << QList<qint64>{5} << QList<qint64>{5} << 0;
        QTest::newRow("server order (newest first)")
            << QList<qint64>{9} << QList<qint64>{8, 7, 6} << QList<qint64>{6, 7, 8, 9} << 1;
        QTest::newRow("into empty")
            << QList<qint64>{} << QList<qint64>{2, 1} << QList<qint64>{1, 2} << 1;
        QTest::newRow("gap filled")
            << QList<qint64>{3, 6} << QList<qint64>{2, 4, 5} << QList<qint64>{2, 3, 4, 5, 6} << 3;
    }

    void prependPage_overlap_skipsKnownIds()
    {
        QFETCH(QList<qint64>, live);
        QFETCH(QList<qint64>, page);
        QFETCH(QList<qint64>, expected);
        QFETCH(int, inserts);

        for (qint64 id : live)
            m_model->upsert(textMessage(id, QString::number(id)));
        QList<ChatMessage> older;
        for (qint64 id : page)
            older << textMessage(id, QString::number(id));
        m_probe->clear();
        m_model->prependPage(older);
        QCOMPARE(ids(), expected);
        QCOMPARE(m_probe->inserted.size(), inserts);
        QCOMPARE(contentChanges(), 0); // only the turn grouping of the old first row may change
    }

    void upsert_keepsIdOrder_data()
    {
        QTest::addColumn<QList<qint64>>("arrival");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("in order") << QList<qint64>{1, 2, 3} << QList<qint64>{1, 2, 3};
        QTest::newRow("late arrival") << QList<qint64>{5, 3, 7, 4} << QList<qint64>{3, 4, 5, 7};
        QTest::newRow("duplicates") << QList<qint64>{2, 1, 2, 1} << QList<qint64>{1, 2};
    }

    void upsert_keepsIdOrder()
    {
        QFETCH(QList<qint64>, arrival);
        QFETCH(QList<qint64>, expected);
        for (qint64 id : arrival)
            m_model->upsert(textMessage(id, QString::number(id)));
        QCOMPARE(ids(), expected);
    }

    void upsert_changedContent_namesRolesAndBumpsRevision()
    {
        m_model->upsert(textMessage(1, u"Hel"_s));
        const int revision = m_model->index(0).data(MessageListModel::RevisionRole).toInt();
        m_probe->clear();
        m_model->upsert(textMessage(1, u"Hello"_s));
        QCOMPARE(m_probe->structureChanges(), 0);
        QCOMPARE(m_probe->changed.size(), 1);
        const QList<int> roles = m_probe->changedRoles(0);
        QVERIFY(roles.contains(MessageListModel::TextRole));
        QVERIFY(roles.contains(MessageListModel::PartsRole));
        QVERIFY(roles.contains(MessageListModel::RevisionRole));
        QVERIFY(!roles.contains(MessageListModel::MessageIdRole));
        QVERIFY(!roles.contains(MessageListModel::PendingRole));
        QCOMPARE(m_model->index(0).data(MessageListModel::RevisionRole).toInt(), revision + 1);
        QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(), u"Hello"_s);

        // The same content again changes nothing.
        m_probe->clear();
        m_model->upsert(textMessage(1, u"Hello"_s));
        QCOMPARE(m_probe->changed.size(), 0);
        QCOMPARE(m_model->index(0).data(MessageListModel::RevisionRole).toInt(), revision + 1);
    }

    void upsertMany_appends_inOneInsert()
    {
        m_model->upsertMany({textMessage(1, u"a"_s), textMessage(2, u"b"_s)});
        m_probe->clear();
        m_model->upsertMany({textMessage(5, u"e"_s), textMessage(3, u"c"_s),
            textMessage(2, u"b2"_s), textMessage(4, u"d"_s), toolResultMessage(6, u"x"_s)});
        QCOMPARE(ids(), (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(m_probe->inserted.size(), 1);
        QCOMPARE(m_probe->inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(m_probe->inserted.at(0).at(2).toInt(), 4);
        QCOMPARE(contentChanges(), 1); // message 2 changed text
        QCOMPARE(m_model->newestId(), MessageId{6});
    }

    //! One turn's steps share one header: an agent row after an agent row continues it.
    void turnGrouping_followsInsertsAndRemovals()
    {
        m_model->upsertMany({textMessage(1, u"q"_s, MessageRole::User), textMessage(2, u"a"_s),
            textMessage(3, u"b"_s), textMessage(4, u"q2"_s, MessageRole::User),
            textMessage(5, u"c"_s)});
        auto flags = [this] {
            QList<std::pair<bool, bool>> result;
            for (int row = 0; row < m_model->rowCount(); ++row)
                result.append(
                    {m_model->index(row).data(MessageListModel::ContinuesTurnRole).toBool(),
                        m_model->index(row).data(MessageListModel::ContinuedRole).toBool()});
            return result;
        };
        using F = QList<std::pair<bool, bool>>;
        QCOMPARE(flags(),
            (F{{false, false}, {false, true}, {true, false}, {false, false}, {false, false}}));
        // A streaming step after message 5 continues its turn: 5 re-renders without footer.
        m_probe->clear();
        ChatMessage preview = textMessage(0, u"more"_s);
        m_model->setPreview(preview);
        QCOMPARE(flags().at(4), (std::pair{false, true}));
        QCOMPARE(flags().at(5), (std::pair{true, false}));
        QCOMPARE(m_probe->changed.size(), 1);
        QVERIFY(m_probe->changedRoles(0).contains(MessageListModel::RevisionRole));
        // Removing message 3 ends message 2's turn there.
        m_model->removeIds({MessageId{3}});
        QCOMPARE(flags().at(1), (std::pair{false, false}));
    }

    void preview_updates_withoutRowChurn()
    {
        m_model->upsert(textMessage(1, u"Question"_s, MessageRole::User));
        ChatMessage preview = textMessage(0, u"Hel"_s);
        preview.id = {};
        m_probe->clear();
        m_model->setPreview(preview);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_probe->inserted.size(), 1);
        QVERIFY(m_model->index(1).data(MessageListModel::StreamingRole).toBool());
        QVERIFY(!m_model->index(0).data(MessageListModel::StreamingRole).toBool());

        for (const QString &text : {u"Hello"_s, u"Hello, wor"_s, u"Hello, world"_s}) {
            preview.parts = {textPart(text)};
            m_model->setPreview(preview);
        }
        QCOMPARE(m_probe->inserted.size(), 1);
        QCOMPARE(m_probe->removed.size(), 0);
        QCOMPARE(m_probe->changed.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(m_probe->changedRoles(i).contains(MessageListModel::TextRole));
            QVERIFY(m_probe->changedRoles(i).contains(MessageListModel::RevisionRole));
            QVERIFY(!m_probe->changedRoles(i).contains(MessageListModel::StreamingRole));
        }
        QCOMPARE(m_model->index(1).data(MessageListModel::TextRole).toString(), u"Hello, world"_s);

        // Committed messages go above the preview.
        m_model->upsert(textMessage(2, u"Hello, world"_s));
        QCOMPARE(m_model->rowCount(), 3);
        QVERIFY(m_model->index(2).data(MessageListModel::StreamingRole).toBool());
        m_model->setPreview(std::nullopt);
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(!m_model->hasPreview());
    }

    void pendingEcho_resolvesInPlace()
    {
        m_model->upsert(textMessage(1, u"Hi"_s));
        const QString nonce = m_model->addPendingEcho({InputPart::fromText(u"Go ahead"_s)});
        QCOMPARE(m_model->rowCount(), 2);
        const QModelIndex echo = m_model->index(1);
        QVERIFY(echo.data(MessageListModel::PendingRole).toBool());
        QCOMPARE(echo.data(MessageListModel::PendingNonceRole).toString(), nonce);
        QCOMPARE(echo.data(MessageListModel::TextRole).toString(), u"Go ahead"_s);
        QCOMPARE(echo.data(MessageListModel::RoleRole).value<MessageRole>(), MessageRole::User);

        m_probe->clear();
        m_model->resolvePendingEcho(nonce, textMessage(2, u"Go ahead"_s, MessageRole::User));
        QCOMPARE(m_probe->structureChanges(), 0);
        QCOMPARE(m_probe->changed.size(), 1);
        QVERIFY(m_probe->changedRoles(0).contains(MessageListModel::PendingRole));
        QVERIFY(m_probe->changedRoles(0).contains(MessageListModel::MessageIdRole));
        QVERIFY(!m_model->index(1).data(MessageListModel::PendingRole).toBool());
        QCOMPARE(ids(), (QList<qint64>{1, 2}));
        QCOMPARE(m_model->rowOf(MessageId{2}), 1);
    }

    void pendingEcho_resolvesWithMove()
    {
        const QString nonce = m_model->addPendingEcho({InputPart::fromText(u"First"_s)});
        // The stream committed a newer message before the send answered.
        m_model->upsert(textMessage(11, u"Reply"_s));
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(m_model->index(1).data(MessageListModel::PendingRole).toBool());

        m_probe->clear();
        m_model->resolvePendingEcho(nonce, textMessage(10, u"First"_s, MessageRole::User));
        QCOMPARE(m_probe->moved.size(), 1);
        QCOMPARE(m_probe->inserted.size(), 0);
        QCOMPARE(m_probe->removed.size(), 0);
        QCOMPARE(ids(), (QList<qint64>{10, 11}));
        QCOMPARE(m_model->rowOf(MessageId{11}), 1);
    }

    void pendingEcho_alreadyDeliveredByStream_isDropped()
    {
        const QString nonce = m_model->addPendingEcho({InputPart::fromText(u"Hi"_s)});
        m_model->upsert(textMessage(10, u"Hi"_s, MessageRole::User));
        QCOMPARE(m_model->rowCount(), 2);
        m_model->resolvePendingEcho(nonce, textMessage(10, u"Hi"_s, MessageRole::User));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(ids(), QList<qint64>{10});
    }

    void pendingEcho_failsThenIsRemoved()
    {
        const QString nonce = m_model->addPendingEcho({InputPart::fromText(u"Hi"_s)});
        m_probe->clear();
        m_model->failPendingEcho(nonce, u"Chat is archived."_s);
        QCOMPARE(m_probe->changed.size(), 1);
        QCOMPARE(m_probe->changedRoles(0),
            (QList<int>{MessageListModel::SendErrorRole, MessageListModel::RevisionRole}));
        QCOMPARE(m_model->index(0).data(MessageListModel::SendErrorRole).toString(),
            u"Chat is archived."_s);
        QVERIFY(m_model->index(0).data(MessageListModel::PendingRole).toBool());
        m_model->removePendingEcho(nonce);
        QCOMPARE(m_model->rowCount(), 0);
        m_model->removePendingEcho(nonce); // unknown: ignored
    }

    void pendingEcho_staysBelowCommittedAndAbovePreview()
    {
        ChatMessage preview = textMessage(0, u"Thinking"_s);
        preview.id = {};
        m_model->setPreview(preview);
        m_model->addPendingEcho({InputPart::fromText(u"Queued?"_s)});
        m_model->upsert(textMessage(3, u"Done"_s));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0).data(MessageListModel::MessageIdRole).value<MessageId>(),
            MessageId{3});
        QVERIFY(m_model->index(1).data(MessageListModel::PendingRole).toBool());
        QVERIFY(m_model->index(2).data(MessageListModel::StreamingRole).toBool());
    }

    void toolResults_foldIntoTheCallRow_data()
    {
        QTest::addColumn<bool>("resultFirst");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<int>("expectedState");
        QTest::newRow("result after call")
            << false << false << int(MessageListModel::ToolCallState::Done);
        QTest::newRow("result before call")
            << true << false << int(MessageListModel::ToolCallState::Done);
        QTest::newRow("error result")
            << false << true << int(MessageListModel::ToolCallState::Failed);
    }

    void toolResults_foldIntoTheCallRow()
    {
        QFETCH(bool, resultFirst);
        QFETCH(bool, isError);
        QFETCH(int, expectedState);

        if (resultFirst) {
            m_model->upsert(toolResultMessage(11, u"call-1"_s, isError));
            QCOMPARE(m_model->rowCount(), 0); // held until the call shows up
            m_model->upsert(toolCallMessage(10, {u"call-1"_s}));
        } else {
            m_model->upsert(toolCallMessage(10, {u"call-1"_s}));
            m_probe->clear();
            m_model->upsert(toolResultMessage(11, u"call-1"_s, isError));
            QCOMPARE(m_probe->structureChanges(), 0);
            QCOMPARE(m_probe->changed.size(), 1);
            QVERIFY(m_probe->changedRoles(0).contains(MessageListModel::ToolResultsRole));
            QVERIFY(m_probe->changedRoles(0).contains(MessageListModel::RevisionRole));
        }
        QCOMPARE(m_model->rowCount(), 1); // tool messages get no row
        const auto results = m_model->index(0)
                                 .data(MessageListModel::ToolResultsRole)
                                 .value<MessageListModel::ToolResults>();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.value(u"call-1"_s).detail().isError, isError);
        const auto states = m_model->index(0)
                                .data(MessageListModel::ToolStatesRole)
                                .value<MessageListModel::ToolStates>();
        QCOMPARE(int(states.value(u"call-1"_s)), expectedState);
        QCOMPARE(m_model->oldestId(), MessageId{10});
        QCOMPARE(m_model->newestId(), MessageId{11});
        QVERIFY(m_model->contains(MessageId{11}));
    }

    void toolResults_fromPreview_showOnTheCommittedCall()
    {
        m_model->upsert(toolCallMessage(10, {u"call-1"_s, u"call-2"_s}));
        ChatMessage streamingTool;
        streamingTool.role = MessageRole::Tool;
        streamingTool.parts = {resultPart(u"call-2"_s)};
        m_probe->clear();
        m_model->setPreview(streamingTool);
        QCOMPARE(m_model->rowCount(), 1); // a tool preview has no row of its own
        QCOMPARE(m_probe->changed.size(), 1);
        auto results = m_model->index(0)
                           .data(MessageListModel::ToolResultsRole)
                           .value<MessageListModel::ToolResults>();
        QVERIFY(results.contains(u"call-2"_s));
        QVERIFY(!results.contains(u"call-1"_s));
        m_model->setPreview(std::nullopt);
        results = m_model->index(0)
                      .data(MessageListModel::ToolResultsRole)
                      .value<MessageListModel::ToolResults>();
        QVERIFY(results.isEmpty());
    }

    void toolStates_unanswered_followChatActivity()
    {
        m_model->setChatActive(true);
        m_model->upsert(textMessage(9, u"Hi"_s, MessageRole::User));
        m_model->upsert(toolCallMessage(10, {u"call-1"_s}));
        auto state = [this] {
            return m_model->index(1)
                .data(MessageListModel::ToolStatesRole)
                .value<MessageListModel::ToolStates>()
                .value(u"call-1"_s);
        };
        QCOMPARE(state(), MessageListModel::ToolCallState::Running);
        m_probe->clear();
        m_model->setChatActive(false);
        QCOMPARE(state(), MessageListModel::ToolCallState::Interrupted);
        QCOMPARE(m_probe->changed.size(), 1); // only the row with an unanswered call
        QCOMPARE(m_probe->changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QVERIFY(m_probe->changedRoles(0).contains(MessageListModel::ToolStatesRole));
    }

    void removeAfter_dropsNewerHistory()
    {
        for (qint64 id = 1; id <= 5; ++id)
            m_model->upsert(textMessage(id, QString::number(id)));
        m_model->upsert(toolResultMessage(6, u"x"_s));
        m_probe->clear();
        m_model->removeAfter(MessageId{3});
        QCOMPARE(ids(), (QList<qint64>{1, 2, 3}));
        QCOMPARE(m_probe->removed.size(), 1);
        QCOMPARE(m_model->newestId(), MessageId{3});
    }

    void removeIds_removesContiguousRuns()
    {
        for (qint64 id = 1; id <= 6; ++id)
            m_model->upsert(textMessage(id, QString::number(id)));
        m_probe->clear();
        m_model->removeIds({MessageId{2}, MessageId{3}, MessageId{5}, MessageId{42}});
        QCOMPARE(ids(), (QList<qint64>{1, 4, 6}));
        QCOMPARE(m_probe->removed.size(), 2);
        QCOMPARE(m_model->rowOf(MessageId{6}), 2);
    }

    void clear_isTheOnlyReset()
    {
        m_model->upsert(textMessage(1, u"a"_s));
        m_model->addPendingEcho({InputPart::fromText(u"b"_s)});
        m_model->clear();
        QCOMPARE(m_probe->resets.size(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->oldestId());
        QVERIFY(m_model->roleNames().contains(MessageListModel::RevisionRole));
    }

private:
    //! dataChanged signals that change content, not just the turn grouping of a row.
    int contentChanges() const
    {
        const QList<int> turnRoles{MessageListModel::ContinuesTurnRole,
            MessageListModel::ContinuedRole, MessageListModel::RevisionRole};
        int count = 0;
        for (int i = 0; i < m_probe->changed.size(); ++i) {
            const QList<int> roles = m_probe->changedRoles(i);
            count += std::any_of(roles.cbegin(), roles.cend(),
                [&turnRoles](int role) { return !turnRoles.contains(role); });
        }
        return count;
    }

    QList<qint64> ids() const { return rowIds<MessageId>(MessageListModel::MessageIdRole); }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "TestMessageListModel.moc"
