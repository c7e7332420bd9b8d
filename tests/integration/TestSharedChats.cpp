// Shared chats and workspace context against agentdesk-sim (protocol §20.3, §20.5): ChatDirectory
// lists the chats shared with the user (source:, §20.3.5) and keeps them fresh by polling,
// since no watch event reports them (§20.3.6); ApiClient's ACL, users and context calls; the
// answers a viewer (404) and an admin (403, Coder's owner-only texts) get. Each case runs on the
// generations that have sharing; legacy has none and lists nothing shared.

#include "core/api/ApiClient.h"
#include "support/AwaitResult.h"
#include "support/DemoIds.h"
#include "support/LiveDirectory.h"
#include "support/Refusal.h"

#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QUuid bob = QUuid::fromString(u"6a1f0b9c-8d7e-4f4a-9b3c-2d1e0f9a8b7c"_s);

} // namespace

class TestSharedChats : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<ApiError>();
    }
    void cleanup() { tearDown(); }

    //! §20.3.5: the list asks with source:created_by_me,shared_with_me; bob's two chats shared
    //! with alice (one directly, one through a group) are listed and marked, his private one
    //! is not.
    void list_includesTheChatsSharedWithMe_data() { addGenerations(); }
    void list_includesTheChatsSharedWithMe()
    {
        QFETCH(QString, generation);
        setUp(generation);
        startAndWaitForList();
        QVERIFY(m_live->directory->listsSharedChats());
        QCOMPARE(sharedTitles(),
            (QStringList{u"Investigate the flaky deploy pipeline"_s,
                u"Migrate the billing cron to Temporal"_s}));
        QVERIFY(!m_live->model.isSharedWithMe(*m_live->model.chat(Demo::pinnedChat)));
        for (const QString &title : sharedTitles()) {
            const Chat *chat = chatTitled(title);
            QCOMPARE(
                m_live->model.data(m_live->model.indexOf(chat->id), ChatListModel::OwnerNameRole),
                QVariant(u"Bob Okafor"_s));
        }
        QVERIFY(m_live->sim().standardError().isEmpty()
            || !m_live->sim().standardError().contains("source:shared_with_me 400"));
    }

    //! A pre-2.37 server has no sharing: the list asks without source: and nothing is shared.
    void legacy_listsNoSharedChats()
    {
        setUp(u"legacy"_s);
        startAndWaitForList();
        QVERIFY(!m_live->directory->listsSharedChats());
        QVERIFY(sharedTitles().isEmpty());
        QVERIFY(!m_live->api().hasSharingRoutes());
    }

    //! §20.3.6: no watch event tells alice that bob un-shared or shared a chat; the poll of
    //! source:shared_with_me removes and adds it.
    void poll_followsSharingChangesWithoutWatchEvents_data() { addGenerations(); }
    void poll_followsSharingChangesWithoutWatchEvents()
    {
        QFETCH(QString, generation);
        setUp(generation);
        startAndWaitForList();
        const Chat *migrate = chatTitled(u"Migrate the billing cron to Temporal"_s);
        QVERIFY(migrate);
        const ChatId migrateId = migrate->id;
        const QJsonObject unshare{{u"user_roles"_s, QJsonObject{{Demo::alice.toString(), u""_s}}}};
        QVERIFY(m_live->sim().postControl(u"chats/"_s + migrateId.toString() + u"/acl"_s, unshare));
        m_live->directory->setSharedPollInterval(50ms);
        QTRY_VERIFY_WITH_TIMEOUT(!m_live->model.chat(migrateId), 10'000);
        const QJsonObject share{
            {u"user_roles"_s, QJsonObject{{Demo::alice.toString(), u"read"_s}}}};
        QVERIFY(m_live->sim().postControl(u"chats/"_s + migrateId.toString() + u"/acl"_s, share));
        QTRY_VERIFY_WITH_TIMEOUT(m_live->model.chat(migrateId), 10'000);
        QVERIFY(m_live->model.isSharedWithMe(*m_live->model.chat(migrateId)));
        // The own chats were never touched by the poll.
        QVERIFY(m_live->model.chat(Demo::pinnedChat));
    }

    //! §20.3.2, §20.3.3: the ACL round trip through ApiClient; own id and unknown user refused
    //! with Coder's texts.
    void acl_getAndPatch_data() { addGenerations(); }
    void acl_getAndPatch()
    {
        QFETCH(QString, generation);
        setUp(generation);
        auto acl = [this] {
            return awaitAnswer<ChatAcl>([this](QObject *context, ApiCallback<ChatAcl> done) {
                m_live->api().chatAcl(Demo::pinnedChat, context, std::move(done));
            });
        };
        auto patch = [this](const ChatAclUpdate &update) {
            return awaitAnswer<NoContent>(
                [this, update](QObject *context, ApiCallback<NoContent> done) {
                    m_live->api().updateChatAcl(Demo::pinnedChat, update, context, std::move(done));
                });
        };
        ApiResult<ChatAcl> before = acl();
        QVERIFY(before.ok());
        QCOMPARE(before.value().users.size(), 1);
        QCOMPARE(before.value().users.first().name, u"carol"_s);
        ChatAclUpdate add;
        add.userRoles.insert(bob, u"read"_s);
        QVERIFY(patch(add).ok());
        QCOMPARE(acl().value().users.size(), 2);
        ChatAclUpdate remove;
        remove.userRoles.insert(bob, QString());
        QVERIFY(patch(remove).ok());
        QCOMPARE(acl().value().users.size(), 1);
        ChatAclUpdate own;
        own.userRoles.insert(Demo::alice.value, u"read"_s);
        const ApiResult<NoContent> refused = patch(own);
        QCOMPARE(refusedStatus(refused), 400);
        QVERIFY2(
            refused.error().toDisplayString().contains(u"Cannot change your own chat sharing"_s),
            qPrintable(refused.error().toDisplayString()));

        const auto users =
            awaitAnswer<QList<User>>([this](QObject *context, ApiCallback<QList<User>> done) {
                m_live->api().searchUsers(u"car"_s, context, std::move(done));
            });
        QVERIFY(users.ok());
        QCOMPARE(users.value().size(), 1);
        QCOMPARE(users.value().first().username, u"carol"_s);
    }

    //! §20.3.3: a deployment without sharing answers 403 with its text.
    void acl_sharingDisabled_is403WithCodersText()
    {
        setUp(u"newest"_s, {u"--disable-chat-sharing"_s});
        const auto result =
            awaitAnswer<ChatAcl>([this](QObject *context, ApiCallback<ChatAcl> done) {
                m_live->api().chatAcl(Demo::pinnedChat, context, std::move(done));
            });
        QCOMPARE(refusedStatus(result), 403);
        QVERIFY2(result.error().toDisplayString().contains(
                     u"Chat sharing is disabled for this deployment."_s),
            qPrintable(result.error().toDisplayString()));
    }

    //! §20.3.4: a viewer's writes answer 404; an admin's owner-only writes 403 with Coder's text
    //! (what the conversation shows when one slips through).
    void writes_viewer404_admin403_data()
    {
        QTest::addColumn<bool>("admin");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        QTest::newRow("viewer") << false << 404 << QString();
        QTest::newRow("admin") << true << 403 << u"Only the chat owner may send messages."_s;
    }
    void writes_viewer404_admin403()
    {
        QFETCH(bool, admin);
        QFETCH(int, status);
        QFETCH(QString, text);
        setUp(u"newest"_s, admin ? QStringList{u"--admin"_s} : QStringList{});
        startAndWaitForList();
        const Chat *migrate = chatTitled(u"Migrate the billing cron to Temporal"_s);
        QVERIFY(migrate);
        const ChatId id = migrate->id;
        SendMessageRequest request;
        request.content = {InputPart::fromText(u"hello"_s)};
        const auto sent = awaitAnswer<SendMessageResult>(
            [this, id, request](QObject *context, ApiCallback<SendMessageResult> done) {
                m_live->api().sendMessage(id, request, context, std::move(done));
            });
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().httpStatus, status);
        if (!text.isEmpty())
            QVERIFY2(sent.error().toDisplayString().contains(text),
                qPrintable(sent.error().toDisplayString()));
        const auto refreshed =
            awaitAnswer<Chat>([this, id](QObject *context, ApiCallback<Chat> done) {
                m_live->api().refreshChatContext(id, context, std::move(done));
            });
        // PUT context needs only the update right: an admin may, a viewer gets 404.
        QCOMPARE(refreshed.ok(), admin);
        if (!admin)
            QCOMPARE(refreshed.error().httpStatus, 404);
    }

    //! §20.5: PUT {chat}/context answers the chat with its resources and clean flags; the list
    //! keeps the resources when a later flags-only payload arrives.
    void context_refreshAnswersTheChatWithResources_data() { addGenerations(); }
    void context_refreshAnswersTheChatWithResources()
    {
        QFETCH(QString, generation);
        setUp(generation);
        startAndWaitForList();
        const Chat *listed = m_live->model.chat(Demo::mainChat);
        QVERIFY(listed && listed->context);
        QVERIFY(listed->context->dirty);
        QVERIFY(!listed->context->hasResources); // lists carry the flags only
        const auto refreshed = awaitAnswer<Chat>([this](QObject *context, ApiCallback<Chat> done) {
            m_live->api().refreshChatContext(Demo::mainChat, context, std::move(done));
        });
        QVERIFY(refreshed.ok());
        QVERIFY(refreshed.value().context);
        QVERIFY(!refreshed.value().context->dirty);
        QVERIFY(refreshed.value().context->hasResources);
        QCOMPARE_GE(refreshed.value().context->resources.size(), 5);
        m_live->model.upsert(refreshed.value());
        // The agent drifts again: the watch's context_dirty (flags only) keeps the resources.
        QVERIFY(m_live->sim().postControl(
            u"chats/"_s + Demo::mainChat.toString() + u"/context-dirty"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_live->model.chat(Demo::mainChat)->context->dirty, 10'000);
        QVERIFY(m_live->model.chat(Demo::mainChat)->context->hasResources);
    }

private:
    static void addGenerations() { addGenerationRows({u"v237"_s, u"newest"_s}); }

    void setUp(const QString &generation, const QStringList &extra = {})
    {
        m_live =
            std::make_unique<LiveDirectory>(generation, QStringList{u"--seed"_s, u"5"_s} + extra);
        QVERIFY2(m_live->start(), qPrintable(m_live->sim().errorString()));
        m_live->directory->setCurrentUser(Demo::alice);
    }

    void tearDown() { m_live.reset(); }

    void startAndWaitForList() { QVERIFY(m_live->startAndWaitForList()); }

    QStringList sharedTitles() const
    {
        QStringList titles;
        for (int row = 0; row < m_live->model.rowCount(); ++row) {
            const Chat *chat = m_live->model.chat(
                m_live->model.index(row, 0).data(ChatListModel::ChatIdRole).value<ChatId>());
            if (chat && m_live->model.isSharedWithMe(*chat))
                titles << chat->title;
        }
        titles.sort();
        return titles;
    }

    const Chat *chatTitled(const QString &title) const
    {
        for (int row = 0; row < m_live->model.rowCount(); ++row) {
            const Chat *chat = m_live->model.chat(
                m_live->model.index(row, 0).data(ChatListModel::ChatIdRole).value<ChatId>());
            if (chat && chat->title == title)
                return chat;
        }
        return nullptr;
    }

    std::unique_ptr<LiveDirectory> m_live;
};

QTEST_GUILESS_MAIN(TestSharedChats)
#include "TestSharedChats.moc"
