// Sharing and workspace context (coder-chats-protocol.md §20.3, §20.5): the ACL, the users a
// share dialog searches, and Chat.context. Tolerant like the rest of ApiJson: unknown members
// are ignored, a malformed entry of a list is skipped, nothing asserts on server input.

#include "core/api/ApiJson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace AgentDesk::ApiJson {

namespace {

QString text(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

QUuid uuidOf(const QJsonObject &object, QStringView key)
{
    return QUuid::fromString(text(object, key));
}

std::optional<ChatContextResource> resourceFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    ChatContextResource resource;
    resource.source = text(object, u"source");
    resource.kind = text(object, u"kind");
    if (resource.source.isEmpty() && resource.kind.isEmpty())
        return std::nullopt;
    resource.sizeBytes = int64FromJson(object.value(u"size_bytes")).value_or(-1);
    resource.status = text(object, u"status");
    resource.error = text(object, u"error");
    resource.skillName = text(object, u"skill_name");
    resource.skillDescription = text(object, u"skill_description");
    const QJsonArray tools = object.value(u"tools").toArray();
    for (const QJsonValue &tool : tools) {
        const QString name = tool.isObject() ? text(tool.toObject(), u"name") : QString();
        if (!name.isEmpty())
            resource.toolNames.append(name);
    }
    return resource;
}

std::optional<ChatAclEntry> aclEntryFromJson(const QJsonValue &value, bool group)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    ChatAclEntry entry;
    entry.id = uuidOf(object, u"id");
    if (entry.id.isNull())
        return std::nullopt;
    if (group) {
        entry.name = text(object, u"name");
        entry.displayName = text(object, u"display_name");
        entry.memberCount = int(int64FromJson(object.value(u"total_member_count")).value_or(0));
    } else {
        entry.name = text(object, u"username");
        entry.displayName = text(object, u"name");
    }
    entry.role = text(object, u"role");
    return entry;
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
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    ChatContext context;
    context.dirty = object.value(u"dirty").toBool(false);
    context.dirtySince = timestampFromJson(object.value(u"dirty_since"));
    context.error = text(object, u"error");
    const QJsonValue resources = object.value(u"resources");
    context.hasResources = resources.isArray();
    for (const QJsonValue &entry : resources.toArray()) {
        if (auto resource = resourceFromJson(entry))
            context.resources.append(*resource);
    }
    return context;
}

std::optional<ChatAcl> chatAclFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    ChatAcl acl;
    for (const QJsonValue &entry : object.value(u"users").toArray()) {
        if (auto user = aclEntryFromJson(entry, false))
            acl.users.append(*user);
    }
    for (const QJsonValue &entry : object.value(u"groups").toArray()) {
        if (auto group = aclEntryFromJson(entry, true))
            acl.groups.append(*group);
    }
    return acl;
}

std::optional<QList<User>> usersFromJson(const QJsonValue &value)
{
    QJsonArray array;
    if (value.isArray())
        array = value.toArray();
    else if (value.isObject() && value.toObject().value(u"users").isArray())
        array = value.toObject().value(u"users").toArray();
    else
        return std::nullopt;
    QList<User> users;
    for (const QJsonValue &entry : array) {
        if (auto user = userFromJson(entry))
            users.append(*user);
    }
    return users;
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
            QJsonObject entry{{u"source"_s, resource.source}, {u"kind"_s, resource.kind},
                {u"status"_s, resource.status}};
            if (resource.sizeBytes >= 0)
                entry.insert(u"size_bytes", resource.sizeBytes);
            if (!resource.error.isEmpty())
                entry.insert(u"error", resource.error);
            if (!resource.skillName.isEmpty())
                entry.insert(u"skill_name", resource.skillName);
            if (!resource.skillDescription.isEmpty())
                entry.insert(u"skill_description", resource.skillDescription);
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
