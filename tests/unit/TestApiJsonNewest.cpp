// The newest server's payloads (protocol §20) decoded from tests/fixtures/newest: one data row
// per file (and per line of the *.jsonl files), each checked for the §20 members it carries,
// then re-encoded to a fixpoint where the client encodes the type.

#include "core/api/ApiJson.h"
#include "support/DemoIds.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace AgentDesk;
namespace Demo = AgentDesk::Testing::Demo;
using namespace Qt::StringLiterals;

namespace {

QString fixtureDirectory()
{
    return qEnvironmentVariable("AGENTDESK_NEWEST_FIXTURES");
}

QByteArray readFixture(const QString &name)
{
    QFile file(QDir(fixtureDirectory()).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonValue parse(const QByteArray &bytes)
{
    return ApiJson::parseDocument(bytes).value_or(QJsonValue());
}

} // namespace

class TestApiJsonNewest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!fixtureDirectory().isEmpty(), "AGENTDESK_NEWEST_FIXTURES is not set");
        QVERIFY(QDir(fixtureDirectory()).exists());
    }

    void everyFixture_decodes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        const QStringList names =
            QDir(fixtureDirectory())
                .entryList({u"*.json"_s, u"*.jsonl"_s}, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 7);
        for (const QString &name : names) {
            const QByteArray bytes = readFixture(name);
            if (!name.endsWith(u".jsonl")) {
                QTest::addRow("%s", qPrintable(name)) << name << bytes;
                continue;
            }
            int line = 0;
            for (const QByteArray &frame : bytes.split('\n')) {
                ++line;
                if (!frame.trimmed().isEmpty())
                    QTest::addRow("%s:%d", qPrintable(name), line) << name << frame;
            }
        }
    }

    void everyFixture_decodes()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        const QJsonValue document = parse(bytes);
        QVERIFY2(!document.isUndefined() && !document.isNull(), "fixture is not JSON");

        if (file == u"chat-single.json") {
            const auto chat = ApiJson::chatFromJson(document);
            QVERIFY(chat);
            QCOMPARE(chat->ownerId, Demo::alice);
            QCOMPARE(chat->ownerName, u"Alice Nguyen"_s);
            QVERIFY(chat->queuedForCapacity);
            QCOMPARE(chat->warnings.size(), 1);
            QVERIFY(chat->context);
            QVERIFY(chat->context->dirty);
            QVERIFY(chat->context->dirtySince.isValid());
            QVERIFY(chat->context->hasResources);
            QCOMPARE(chat->context->resources.size(), 5);
            const ChatContextResource &skill = chat->context->resources.at(1);
            QCOMPARE(skill.kind, u"skill"_s);
            QCOMPARE(skill.skillName, u"csv-export"_s);
            const ChatContextResource &mcp = chat->context->resources.at(2);
            QCOMPARE(mcp.toolNames, (QStringList{u"search_issues"_s, u"create_pull_request"_s}));
            const ChatContextResource &oversize = chat->context->resources.at(3);
            QCOMPARE(oversize.status, u"oversize"_s);
            QCOMPARE(oversize.sizeBytes, 71680);
            QCOMPARE(oversize.error, u"file exceeds 64 KiB"_s);
        } else if (file == u"chats-list-shared.json") {
            const auto chats = ApiJson::chatListFromJson(document);
            QVERIFY(chats);
            QCOMPARE(chats->size(), 2);
            for (const Chat &chat : *chats) {
                QCOMPARE(chat.ownerId, Demo::bob);
                QVERIFY(chat.shared);
                QVERIFY(chat.context);
                QVERIFY(!chat.context->hasResources); // lists carry the flags only (§20.5)
            }
            QVERIFY(!chats->at(0).context->dirty);
            QVERIFY(chats->at(1).context->dirty);
        } else if (file == u"chat-acl.json") {
            const auto acl = ApiJson::chatAclFromJson(document);
            QVERIFY(acl);
            QCOMPARE(acl->users.size(), 2);
            QCOMPARE(acl->users.at(0).name, u"carol"_s);
            QCOMPARE(acl->users.at(0).displayName, u"Carol Diaz"_s);
            QCOMPARE(acl->users.at(0).role, u"read"_s);
            QCOMPARE(acl->users.at(1).role, QString()); // unknown stored rights (§20.3.2)
            QCOMPARE(acl->groups.size(), 1);
            QCOMPARE(acl->groups.at(0).displayName, u"Devs"_s);
            QCOMPARE(acl->groups.at(0).memberCount, 4);
        } else if (file == u"users.json") {
            const auto users = ApiJson::usersFromJson(document);
            QVERIFY(users);
            QCOMPARE(users->size(), 3);
            QCOMPARE(users->at(1).id, Demo::bob);
            QCOMPARE(users->at(1).name, u"Bob Okafor"_s);
        } else if (file == u"chat-messages-newparts.json") {
            const auto page = ApiJson::messagesPageFromJson(document);
            QVERIFY(page);
            QCOMPARE(page->messages.size(), 2);
            const QList<MessagePart> &assistant = page->messages.at(0).parts;
            QCOMPARE(assistant.at(0).kind, MessagePart::Kind::HookNotice);
            QCOMPARE(assistant.at(0).text, u"pre-commit hook: formatted 2 files"_s);
            QVERIFY(assistant.at(1).detail().providerExecuted);
            QVERIFY(assistant.at(2).detail().providerExecuted);
            QCOMPARE(assistant.at(3).detail().parsedCommands,
                (QList<QStringList>{{u"npm"_s, u"test"_s}}));
            const QList<MessagePart> &user = page->messages.at(1).parts;
            QCOMPARE(user.at(0).kind, MessagePart::Kind::ContextFile);
            QCOMPARE(user.at(0).detail().contextFilePath, u"/home/coder/reports/AGENTS.md"_s);
            QCOMPARE(user.at(1).kind, MessagePart::Kind::Skill);
            QCOMPARE(user.at(1).detail().skillName, u"csv-export"_s);
            // Types the client does not model are kept with their raw JSON (§20.11).
            QCOMPARE(user.at(4).kind, MessagePart::Kind::Unknown);
            QCOMPARE(user.at(4).typeRaw, u"future-part"_s);
        } else if (file == u"watch-newest.jsonl") {
            const QList<WatchEvent> events = ApiJson::decodeWatchFrame(bytes);
            QCOMPARE(events.size(), 1);
            const WatchEvent &event = events.first();
            QVERIFY(event.hasChat);
            switch (event.kind) {
            case WatchEvent::Kind::Deleted:
                QVERIFY(event.chat.archived); // an archive, not a deletion (§20.2)
                break;
            case WatchEvent::Kind::Created:
                QVERIFY(!event.chat.archived);
                break;
            case WatchEvent::Kind::ContextDirty:
                QVERIFY(event.chat.context && event.chat.context->dirty);
                QVERIFY(!event.chat.context->hasResources);
                break;
            case WatchEvent::Kind::ChatSummaryChange:
                QCOMPARE(event.chat.summary, u"CSV export done; PR open."_s);
                break;
            default:
                QFAIL(qPrintable(u"unexpected kind "_s + event.kindRaw));
            }
        } else if (file == u"stream-newparts.jsonl") {
            const QList<StreamEvent> events = ApiJson::decodeStreamFrame(bytes);
            QCOMPARE(events.size(), document.toArray().size());
            for (const StreamEvent &event : events) {
                QCOMPARE(event.type, StreamEvent::Type::MessagePart);
                QCOMPARE(event.part.kind, MessagePart::Kind::ToolResult);
                QVERIFY(
                    event.part.detail().resultReset || !event.part.detail().resultDelta.isEmpty());
            }
        } else {
            QFAIL(qPrintable(u"a fixture without checks: "_s + file));
        }
    }

    //! Chat.context survives decode → encode → decode, flags and resources alike.
    void context_reencodesToAFixpoint()
    {
        const auto first = ApiJson::chatFromJson(parse(readFixture(u"chat-single.json"_s)));
        QVERIFY(first && first->context);
        const QJsonObject encoded = ApiJson::toJson(*first);
        const auto second = ApiJson::chatFromJson(encoded);
        QVERIFY(second && second->context);
        QCOMPARE(*second->context, *first->context);
        QCOMPARE(ApiJson::toJson(*second), encoded);
        // A chat without context encodes none (absent until first pinned, §20.5).
        Chat plain = *first;
        plain.context.reset();
        QVERIFY(!ApiJson::toJson(plain).contains(u"context"));
    }

    //! §20.3.3: the PATCH body is sparse; "" removes.
    void aclUpdate_encodesSparseRoles()
    {
        ChatAclUpdate update;
        update.userRoles.insert(
            QUuid::fromString(u"6a1f0b9c-8d7e-4f4a-9b3c-2d1e0f9a8b7c"_s), u"read"_s);
        QCOMPARE(ApiJson::toJson(update),
            (QJsonObject{{u"user_roles"_s,
                QJsonObject{{u"6a1f0b9c-8d7e-4f4a-9b3c-2d1e0f9a8b7c"_s, u"read"_s}}}}));
        update.userRoles.clear();
        update.groupRoles.insert(
            QUuid::fromString(u"d3e5f7a9-1b2c-4d3e-8f4a-5b6c7d8e9f0a"_s), QString());
        QCOMPARE(ApiJson::toJson(update),
            (QJsonObject{{u"group_roles"_s,
                QJsonObject{{u"d3e5f7a9-1b2c-4d3e-8f4a-5b6c7d8e9f0a"_s, u""_s}}}}));
    }

    //! Hostile shapes: nothing crashes, the malformed entries are skipped.
    void malformed_isTolerated()
    {
        QVERIFY(!ApiJson::chatContextFromJson(QJsonValue(u"dirty"_s)));
        QVERIFY(!ApiJson::chatAclFromJson(QJsonValue(3)));
        QVERIFY(!ApiJson::usersFromJson(QJsonValue(u"x"_s)));
        const auto acl = ApiJson::chatAclFromJson(
            QJsonObject{{u"users"_s, QJsonArray{3, QJsonObject{{u"id"_s, u"not a uuid"_s}}}},
                {u"groups"_s, u"nope"_s}});
        QVERIFY(acl);
        QVERIFY(acl->users.isEmpty());
        QVERIFY(acl->groups.isEmpty());
        const auto context = ApiJson::chatContextFromJson(QJsonObject{{u"dirty"_s, u"yes"_s},
            {u"resources"_s,
                QJsonArray{QJsonValue(),
                    QJsonObject{
                        {u"kind"_s, u"skill"_s}, {u"size_bytes"_s, u"big"_s}, {u"tools"_s, 7}}}}});
        QVERIFY(context);
        QVERIFY(!context->dirty);
        QCOMPARE(context->resources.size(), 1);
        QCOMPARE(context->resources.at(0).sizeBytes, -1);
    }
};

QTEST_GUILESS_MAIN(TestApiJsonNewest)
#include "TestApiJsonNewest.moc"
