// ChatListModel: the chat tree under a live QAbstractItemModelTester, fed from the protocol
// fixtures (chats-list.json, watch-session.jsonl) and hand-made chats.

#include "core/api/ApiJson.h"
#include "models/ChatListModel.h"
#include "support/DemoIds.h"
#include "support/FixtureModels.h"
#include "support/ProbedModelTest.h"

#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

Chat makeChat(int n, int pinOrder = 0)
{
    Chat chat;
    chat.id = ChatId(QUuid(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'))));
    chat.rootChatId = chat.id;
    chat.title = u"Chat %1"_s.arg(n);
    chat.status = ChatStatus::Waiting;
    chat.statusRaw = u"waiting"_s;
    chat.pinOrder = pinOrder;
    chat.updatedAt = QDateTime(QDate(2026, 6, 1), QTime(10, n), QTimeZone::utc());
    chat.createdAt = chat.updatedAt;
    return chat;
}

Chat childOf(const Chat &root, int n)
{
    Chat child = makeChat(n);
    child.parentChatId = root.id;
    child.rootChatId = root.id;
    return child;
}

} // namespace

class TestChatListModel : public ProbedModelTest<ChatListModel>
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_list = fixtureChats(u"chats-list.json"_s);
        QCOMPARE(m_list.size(), 3);
    }

    void fixture_replaceAll_nestsChildrenUnderTheirRoot()
    {
        m_model->replaceAll(m_list);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->chatCount(), 5);
        const QModelIndex main = m_model->indexOf(Demo::mainChat);
        QVERIFY(main.isValid());
        QCOMPARE(m_model->rowCount(main), 2);
        QCOMPARE(main.data(ChatListModel::ChildCountRole).toInt(), 2);
        QCOMPARE(main.data(ChatListModel::IsRootRole).toBool(), true);
        QCOMPARE(main.data(ChatListModel::StatusRole).value<ChatStatus>(), ChatStatus::Running);
        QCOMPARE(main.data(ChatListModel::StatusRole).toInt(), int(ChatStatus::Running));
        QCOMPARE(main.data(ChatListModel::IsActiveRole).toBool(), true);
        QCOMPARE(main.data(ChatListModel::DiffAdditionsRole).toInt(), 32);
        QCOMPARE(main.data(ChatListModel::PrNumberRole).toInt(), 482);
        QCOMPARE(main.data(ChatListModel::PrStateRole).toString(), u"open"_s);
        QCOMPARE(main.data(ChatListModel::ChatRole).value<Chat>().children.size(), 2);

        const QModelIndex explore = m_model->indexOf(Demo::exploreChat);
        QVERIFY(explore.isValid());
        QCOMPARE(explore.parent(), main);
        QCOMPARE(explore.data(ChatListModel::ParentChatIdRole).value<ChatId>(), Demo::mainChat);
        QCOMPARE(explore.data(ChatListModel::IsRootRole).toBool(), false);
        QCOMPARE(explore.data(ChatListModel::ModeRole).toString(), u"explore"_s);

        const QModelIndex pinned = m_model->indexOf(Demo::pinnedChat);
        QCOMPARE(pinned.data(ChatListModel::PinOrderRole).toInt(), 1);
        QCOMPARE(pinned.data(ChatListModel::IsPinnedRole).toBool(), true);
        QCOMPARE(pinned.data(ChatListModel::PrStateRole).toString(), u"draft"_s);
        const auto labels = pinned.data(ChatListModel::LabelsRole).value<QMap<QString, QString>>();
        QCOMPARE(labels.value(u"kind"_s), u"flake"_s);

        const QModelIndex api = m_model->indexOf(Demo::apiChat);
        QCOMPARE(api.data(ChatListModel::NeedsAttentionRole).toBool(), true);
        QCOMPARE(api.data(ChatListModel::HasUnreadRole).toBool(), true);
        QVERIFY(!api.data(ChatListModel::ErrorMessageRole).toString().isEmpty());
        QVERIFY(m_model->roleNames().contains(ChatListModel::RevisionRole));
    }

    void upsert_rootWithEmptyChildren_keepsKnownChildren()
    {
        m_model->replaceAll(m_list);
        Chat main = *m_model->chat(Demo::mainChat);
        QVERIFY(main.children.isEmpty()); // the stored copy; the tree holds the children
        main.title = u"Renamed"_s;
        m_probe->clear();
        m_model->upsert(main);
        QCOMPARE(m_model->rowCount(m_model->indexOf(Demo::mainChat)), 2);
        QCOMPARE(m_probe->removed.size(), 0);
        QCOMPARE(m_probe->changed.size(), 1);
        QVERIFY(m_probe->changedRoles(0).contains(ChatListModel::TitleRole));
    }

    void upsert_child_goesUnderItsParent()
    {
        const Chat root = makeChat(1);
        m_model->upsert(root);
        m_probe->clear();
        m_model->upsert(childOf(root, 2));
        QCOMPARE(m_model->rowCount(), 1);
        const QModelIndex rootIndex = m_model->indexOf(root.id);
        QCOMPARE(m_model->rowCount(rootIndex), 1);
        QCOMPARE(m_probe->inserted.size(), 1);
        QCOMPARE(m_probe->inserted.at(0).at(0).value<QModelIndex>(), rootIndex);
        // The root's child count changed: named, with the revision.
        QCOMPARE(m_probe->changed.size(), 1);
        QVERIFY(m_probe->changedRoles(0).contains(ChatListModel::ChildCountRole));
        QVERIFY(m_probe->changedRoles(0).contains(ChatListModel::RevisionRole));
    }

    void upsert_childBeforeItsRoot_isAdoptedWhenTheRootArrives()
    {
        const Chat root = makeChat(1);
        m_model->upsert(childOf(root, 2));
        QCOMPARE(m_model->rowCount(), 0);
        m_model->upsert(root);
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->rowCount(m_model->indexOf(root.id)), 1);
        QCOMPARE(m_model->indexOf(childOf(root, 2).id).parent(), m_model->indexOf(root.id));
    }

    void upsert_sameContent_emitsNothing()
    {
        m_model->replaceAll(m_list);
        m_probe->clear();
        for (const Chat &chat : std::as_const(m_list))
            m_model->upsert(chat);
        QCOMPARE(m_probe->changed.size(), 0);
        QCOMPARE(m_probe->structureChanges(), 0);
    }

    void replaceAll_emitsOnlyTheDifferences_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<QList<int>>("rolesOfChanges"); // one role that each change must name

        QTest::newRow("identical") << 0 << 0 << 0 << QList<int>{};
        QTest::newRow("title") << 1 << 0 << 0 << QList<int>{ChatListModel::TitleRole};
        QTest::newRow("status") << 2 << 0 << 0 << QList<int>{ChatListModel::StatusRole};
        QTest::newRow("root gone") << 3 << 0 << 1 << QList<int>{};
        QTest::newRow("root new") << 4 << 1 << 0 << QList<int>{};
        QTest::newRow("child gone") << 5 << 0 << 1 << QList<int>{ChatListModel::ChildCountRole};
    }

    void replaceAll_emitsOnlyTheDifferences()
    {
        QFETCH(int, change);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(QList<int>, rolesOfChanges);

        m_model->replaceAll(m_list);
        QList<Chat> next = m_list;
        switch (change) {
        case 1:
            next[2].title = u"New title"_s;
            break;
        case 2:
            next[1].status = ChatStatus::Waiting;
            next[1].statusRaw = u"waiting"_s;
            break;
        case 3:
            next.removeAt(0);
            break;
        case 4:
            next.append(makeChat(9));
            break;
        case 5:
            next[1].children.removeLast();
            break;
        default:
            break;
        }
        m_probe->clear();
        m_model->replaceAll(next);
        QCOMPARE(m_probe->inserted.size(), inserted);
        QCOMPARE(m_probe->removed.size(), removed);
        QCOMPARE(m_probe->resets.size(), 0);
        QCOMPARE(m_probe->changed.size(), rolesOfChanges.size());
        for (int i = 0; i < rolesOfChanges.size(); ++i) {
            const QList<int> roles = m_probe->changedRoles(i);
            QVERIFY(roles.contains(rolesOfChanges[i]));
            QVERIFY(roles.contains(ChatListModel::RevisionRole));
            QVERIFY(!roles.contains(ChatListModel::PinOrderRole)); // exact, not "everything"
        }
    }

    void watchSession_everyLineApplies()
    {
        // The session starts before the list of 10:06: apply it to an empty model.
        QSignalSpy statusSpy(m_model.get(), &ChatListModel::statusChanged);
        int events = 0;
        for (const QByteArray &line : FixtureFiles::lines(u"watch-session.jsonl"_s)) {
            for (const WatchEvent &event : ApiJson::decodeWatchFrame(line)) {
                QVERIFY(event.hasChat);
                if (event.kind == WatchEvent::Kind::Deleted)
                    m_model->remove(event.chat.id);
                else
                    m_model->upsert(event.chat);
                ++events;
            }
        }
        QCOMPARE(events, 9);
        QCOMPARE(m_model->rowCount(), 2); // the API chat and the main chat
        const QModelIndex main = m_model->indexOf(Demo::mainChat);
        QCOMPARE(m_model->rowCount(main), 2);
        QCOMPARE(m_model->indexOf(Demo::exploreChat).parent(), main);
        QCOMPARE(m_model->chat(Demo::apiChat)->title, u"Explain the billing cron job"_s);
        QCOMPARE(m_model->chat(Demo::apiChat)->status, ChatStatus::Error);
        QCOMPARE(m_model->chat(Demo::apiChat)->hasUnread, true);
        QCOMPARE(m_model->chat(Demo::exploreChat)->status, ChatStatus::Waiting);
        QVERIFY(!m_model->chat(Demo::exploreChat)->lastTurnSummary.isEmpty());
        QCOMPARE(m_model->indexOf(Demo::mainChat).data(ChatListModel::PrNumberRole).toInt(), 482);
        // running → error for the API chat, running → waiting for the explorer.
        QCOMPARE(statusSpy.size(), 2);
        QCOMPARE(statusSpy.at(0).at(0).value<ChatId>(), Demo::apiChat);
        QCOMPARE(statusSpy.at(0).at(1).value<ChatStatus>(), ChatStatus::Running);
        QCOMPARE(statusSpy.at(0).at(2).value<ChatStatus>(), ChatStatus::Error);
    }

    void remove_rootTakesItsChildren()
    {
        m_model->replaceAll(m_list);
        m_model->remove(Demo::mainChat);
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(!m_model->chat(Demo::exploreChat));
        QVERIFY(!m_model->indexOf(Demo::testsChat).isValid());
        m_model->remove(Demo::pinnedChat);
        m_model->remove(Demo::pinnedChat); // unknown now: ignored
        QCOMPARE(m_model->rowCount(), 1);
    }

    void setPinOrder_followsServerSemantics_data()
    {
        QTest::addColumn<QList<int>>("before"); // pin_order of chats 1..n
        QTest::addColumn<int>("chat");          // 1-based chat number
        QTest::addColumn<int>("pinOrder");
        QTest::addColumn<QList<int>>("after");

        QTest::newRow("pin unpinned goes to the end")
            << QList<int>{1, 2, 0, 0} << 3 << 1 << QList<int>{1, 2, 3, 0};
        QTest::newRow("pin value is ignored")
            << QList<int>{1, 2, 0} << 3 << 99 << QList<int>{1, 2, 3};
        QTest::newRow("first pin") << QList<int>{0, 0} << 2 << 1 << QList<int>{0, 1};
        QTest::newRow("move up") << QList<int>{1, 2, 3, 4} << 4 << 2 << QList<int>{1, 3, 4, 2};
        QTest::newRow("move down") << QList<int>{1, 2, 3, 4} << 1 << 3 << QList<int>{3, 1, 2, 4};
        QTest::newRow("clamp high") << QList<int>{1, 2, 3} << 1 << 10 << QList<int>{3, 1, 2};
        QTest::newRow("same place") << QList<int>{1, 2, 3} << 2 << 2 << QList<int>{1, 2, 3};
        QTest::newRow("unpin compacts")
            << QList<int>{1, 2, 3, 0} << 1 << 0 << QList<int>{0, 1, 2, 0};
        QTest::newRow("unpin last") << QList<int>{1, 2, 3} << 3 << 0 << QList<int>{1, 2, 0};
        QTest::newRow("unpin unpinned") << QList<int>{1, 0} << 2 << 0 << QList<int>{1, 0};
        QTest::newRow("negative refused") << QList<int>{1, 2} << 1 << -1 << QList<int>{1, 2};
    }

    void setPinOrder_followsServerSemantics()
    {
        QFETCH(QList<int>, before);
        QFETCH(int, chat);
        QFETCH(int, pinOrder);
        QFETCH(QList<int>, after);

        QList<Chat> roots;
        for (int i = 0; i < before.size(); ++i)
            roots.append(makeChat(i + 1, before[i]));
        m_model->replaceAll(roots);
        m_probe->clear();
        const QList<Chat> previous = m_model->setPinOrder(roots[chat - 1].id, pinOrder);

        QList<int> actual;
        for (const Chat &root : std::as_const(roots))
            actual.append(m_model->chat(root.id)->pinOrder);
        QCOMPARE(actual, after);
        QCOMPARE(m_probe->structureChanges(), 0);
        int changedChats = 0;
        for (int i = 0; i < before.size(); ++i)
            changedChats += before[i] != after[i] ? 1 : 0;
        QCOMPARE(previous.size(), changedChats);
        QCOMPARE(m_probe->changed.size(), changedChats);

        // Rollback puts every chat back.
        m_model->restore(previous);
        QList<int> restored;
        for (const Chat &root : std::as_const(roots))
            restored.append(m_model->chat(root.id)->pinOrder);
        QCOMPARE(restored, before);
    }

    void setPinOrder_childOrArchived_isRefusedLocally()
    {
        Chat root = makeChat(1);
        Chat archived = makeChat(2);
        archived.archived = true;
        m_model->replaceAll({root, archived});
        m_model->upsert(childOf(root, 3));
        QVERIFY(m_model->setPinOrder(childOf(root, 3).id, 1).isEmpty());
        QVERIFY(m_model->setPinOrder(archived.id, 1).isEmpty());
        QCOMPARE(m_model->chat(archived.id)->pinOrder, 0);
    }

    void setArchived_pinnedRoot_unpinsCompactsAndCascades()
    {
        Chat first = makeChat(1, 1);
        Chat second = makeChat(2, 2);
        Chat third = makeChat(3, 3);
        first.children = {childOf(first, 4)};
        m_model->replaceAll({first, second, third});
        const QList<Chat> previous = m_model->setArchived(first.id, true);
        QCOMPARE(m_model->chat(first.id)->archived, true);
        QCOMPARE(m_model->chat(first.id)->pinOrder, 0);
        QCOMPARE(m_model->chat(second.id)->pinOrder, 1);
        QCOMPARE(m_model->chat(third.id)->pinOrder, 2);
        QCOMPARE(m_model->chat(childOf(first, 4).id)->archived, true);

        m_model->restore(previous);
        QCOMPARE(m_model->chat(first.id)->archived, false);
        QCOMPARE(m_model->chat(first.id)->pinOrder, 1);
        QCOMPARE(m_model->chat(second.id)->pinOrder, 2);
        QCOMPARE(m_model->chat(childOf(first, 4).id)->archived, false);
    }

    void setTitleAndUnread_returnPreviousForRollback()
    {
        m_model->replaceAll(m_list);
        m_probe->clear();
        const std::optional<Chat> before = m_model->setTitle(Demo::apiChat, u"Local title"_s);
        QVERIFY(before);
        QCOMPARE(before->title, u"Explain the billing cron job"_s);
        QCOMPARE(m_probe->changed.size(), 1);
        QVERIFY(m_probe->changedRoles(0).contains(ChatListModel::TitleRole));
        QVERIFY(!m_probe->changedRoles(0).contains(ChatListModel::HasUnreadRole));

        const std::optional<Chat> unread = m_model->setHasUnread(Demo::apiChat, false);
        QCOMPARE(unread->hasUnread, true);
        QCOMPARE(
            m_model->indexOf(Demo::apiChat).data(ChatListModel::HasUnreadRole).toBool(), false);
        m_model->restore({*unread});
        QCOMPARE(m_model->chat(Demo::apiChat)->hasUnread, true);
        QVERIFY(!m_model->setTitle(ChatId::createUuid(), u"x"_s));
    }

    void upsert_rootThatWasAChild_moves()
    {
        const Chat root = makeChat(1);
        m_model->upsert(root);
        m_model->upsert(childOf(root, 2));
        Chat promoted = childOf(root, 2);
        promoted.parentChatId = {};
        m_model->upsert(promoted);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->rowCount(m_model->indexOf(root.id)), 0);
    }

    void clear_isTheOnlyReset()
    {
        m_model->replaceAll(m_list);
        QCOMPARE(m_probe->resets.size(), 0);
        m_model->clear();
        QCOMPARE(m_probe->resets.size(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->chatCount(), 0);
    }

private:
    QList<Chat> m_list;
};

QTEST_GUILESS_MAIN(TestChatListModel)
#include "TestChatListModel.moc"
