// Sharing and workspace context (coder-chats-protocol.md §20.3, §20.5): the ACL, the users a
// share dialog searches, and Chat.context. Tolerant like the rest of ApiJson: unknown members
// are ignored, a malformed entry of a list is skipped, nothing asserts on server input.

#include "core/api/ApiJson.h"
#include "core/api/ApiJsonFields.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace AgentDesk::ApiJson {

using namespace Fields;

namespace {

const FieldTable<ChatContextResource> resourceFields{
    .strings = {{u"source", &ChatContextResource::source, Emit::Always},
        {u"kind", &ChatContextResource::kind, Emit::Always},
        {u"status", &ChatContextResource::status, Emit::Always},
        {u"error", &ChatContextResource::error}, {u"skill_name", &ChatContextResource::skillName},
        {u"skill_description", &ChatContextResource::skillDescription}},
    .int64s = {{u"size_bytes", &ChatContextResource::sizeBytes, Emit::IfKnown}},
};

const FieldTable<ChatAclEntry> aclUserFields{
    .strings = {{u"username", &ChatAclEntry::name}, {u"name", &ChatAclEntry::displayName},
        {u"role", &ChatAclEntry::role}},
};

const FieldTable<ChatAclEntry> aclGroupFields{
    .strings = {{u"name", &ChatAclEntry::name}, {u"display_name", &ChatAclEntry::displayName},
        {u"role", &ChatAclEntry::role}},
    .ints = {{u"total_member_count", &ChatAclEntry::memberCount}},
};

std::optional<ChatContextResource> resourceFromJson(const QJsonValue &value)
{
    return decodeObject<ChatContextResource>(
        value, [](const QJsonObject &object, ChatContextResource &resource) {
            readFields(object, resource, resourceFields);
            const QJsonArray tools = object.value(u"tools").toArray();
            for (const QJsonValue &tool : tools) {
                const QString name = string(tool.toObject(), u"name");
                if (!name.isEmpty())
                    resource.toolNames.append(name);
            }
            return !resource.source.isEmpty() || !resource.kind.isEmpty();
        });
}

QList<ChatAclEntry> aclEntriesFromJson(
    const QJsonValue &value, const FieldTable<ChatAclEntry> &table)
{
    QList<ChatAclEntry> entries;
    for (const QJsonValue &entry : value.toArray()) {
        const auto decoded = decodeObject<ChatAclEntry>(
            entry, [&table](const QJsonObject &object, ChatAclEntry &into) {
                readFields(object, into, table);
                return readId(object, u"id", into.id);
            });
        if (decoded)
            entries.append(*decoded);
    }
    return entries;
}

QJsonObject rolesToJson(const QMap<QUuid, QString> &roles)
{
    QJsonObject object;
    for (auto it = roles.constBegin(); it != roles.constEnd(); ++it)
        object.insert(it.key().toString(QUuid::WithoutBraces), it.value());
    return object;
}

} // namespace

std::optional<ChatContext> chatContextFromJson(const QJsonValue &value)
{
    return decodeObject<ChatContext>(value, [](const QJsonObject &object, ChatContext &context) {
        context.dirty = boolean(object, u"dirty");
        context.dirtySince = timestampFromJson(object.value(u"dirty_since"));
        context.error = string(object, u"error");
        const QJsonValue resources = object.value(u"resources");
        context.hasResources = resources.isArray();
        for (const QJsonValue &entry : resources.toArray()) {
            if (auto resource = resourceFromJson(entry))
                context.resources.append(*resource);
        }
        return true;
    });
}

std::optional<ChatAcl> chatAclFromJson(const QJsonValue &value)
{
    return decodeObject<ChatAcl>(value, [](const QJsonObject &object, ChatAcl &acl) {
        acl.users = aclEntriesFromJson(object.value(u"users"), aclUserFields);
        acl.groups = aclEntriesFromJson(object.value(u"groups"), aclGroupFields);
        return true;
    });
}

std::optional<QList<User>> usersFromJson(const QJsonValue &value)
{
    const std::optional<QJsonArray> array = wrappedArray(value, u"users");
    if (!array)
        return std::nullopt;
    return decodeArray<User>(*array, userFromJson, "users");
}

QJsonObject toJson(const ChatContext &context)
{
    QJsonObject object{{u"dirty"_s, context.dirty}};
    if (context.dirtySince.isValid())
        object.insert(u"dirty_since", timestampToJson(context.dirtySince));
    if (!context.error.isEmpty())
        object.insert(u"error", context.error);
    if (context.hasResources) {
        QJsonArray resources;
        for (const ChatContextResource &resource : context.resources) {
            QJsonObject entry;
            writeFields(entry, resource, resourceFields);
            if (!resource.toolNames.isEmpty()) {
                QJsonArray tools;
                for (const QString &name : resource.toolNames)
                    tools.append(QJsonObject{{u"name"_s, name}});
                entry.insert(u"tools", tools);
            }
            resources.append(entry);
        }
        object.insert(u"resources", resources);
    }
    return object;
}

QJsonObject toJson(const ChatAclUpdate &update)
{
    QJsonObject object;
    if (!update.userRoles.isEmpty())
        object.insert(u"user_roles", rolesToJson(update.userRoles));
    if (!update.groupRoles.isEmpty())
        object.insert(u"group_roles", rolesToJson(update.groupRoles));
    return object;
}

} // namespace AgentDesk::ApiJson
