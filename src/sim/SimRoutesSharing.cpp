#include "SimOptions.h"
#include "SimRoutes.h"
#include "SimRoutesCommon.h"
#include "SimSocketHub.h"
#include "SimState.h"

// Sharing: a chat's ACL and the users it can be shared with.

namespace AgentDeskSim {

using namespace routes;

HttpResponse SimRoutes::getAcl(SimChat *chat)
{
    if (m_options->sharingDisabled)
        return HttpResponse::error(
            403, QStringLiteral("Chat sharing is disabled for this deployment."));
    if (!chat->parentId.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Chat ACLs can only be set on root chats."),
            QStringLiteral("Target the root chat (id: %1) instead.").arg(chat->rootId));
    QJsonArray users;
    for (auto it = chat->aclUsers.begin(); it != chat->aclUsers.end(); ++it) {
        QJsonObject user = m_state->user(it.key());
        if (user.isEmpty())
            continue;
        user.insert(QStringLiteral("role"), it.value().toString());
        users.append(user);
    }
    QJsonArray groups;
    for (const QJsonValue &g : m_state->groups()) {
        QJsonObject group = g.toObject();
        const QString id = group.value(QStringLiteral("id")).toString();
        if (!chat->aclGroups.contains(id))
            continue;
        group.remove(QStringLiteral("members"));
        group.insert(QStringLiteral("role"), chat->aclGroups.value(id).toString());
        groups.append(group);
    }
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("users"), users}, {QStringLiteral("groups"), groups}});
}

HttpResponse SimRoutes::patchAcl(const HttpRequest &request, SimChat *chat, bool asOwner)
{
    if (m_options->sharingDisabled && !asOwner)
        return HttpResponse::error(
            403, QStringLiteral("Chat sharing is disabled for this deployment."));
    // Sharing needs the `share` action on the chat: in practice only its owner has it.
    if (!asOwner && m_state->access(*chat) != SimAccess::Owner)
        return HttpResponse::error(403, QStringLiteral("Forbidden."));
    if (!chat->parentId.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Chat ACLs can only be set on root chats."),
            QStringLiteral("Target the root chat (id: %1) instead.").arg(chat->rootId));
    QJsonObject body;
    HttpResponse error;
    if (!parseJsonObject(request.body, &body, &error))
        return error;
    const QJsonValue userRoles = body.value(QStringLiteral("user_roles"));
    const QJsonValue groupRoles = body.value(QStringLiteral("group_roles"));
    QJsonArray validations;
    auto check = [&](const QJsonValue &roles, const char *field, bool users) {
        if (roles.isUndefined() || roles.isNull())
            return;
        if (!roles.isObject()) {
            validations.append(HttpResponse::validation(
                QLatin1String(field), QStringLiteral("must be an object")));
            return;
        }
        const QJsonObject map = roles.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString role = it.value().toString();
            if (!it.value().isString() || (role != QLatin1String("read") && !role.isEmpty()))
                validations.append(HttpResponse::validation(QLatin1String(field),
                    QStringLiteral("role \"%1\" is not a valid chat role").arg(role)));
            const bool known = users ? !m_state->user(it.key()).isEmpty()
                                     : it.key().toLower() == QLatin1String(SimState::devsGroupId);
            if (!known)
                validations.append(HttpResponse::validation(QLatin1String(field),
                    QStringLiteral("%1 \"%2\" does not exist")
                        .arg(users ? QStringLiteral("user") : QStringLiteral("group"), it.key())));
        }
    };
    if (!asOwner && userRoles.toObject().contains(chat->ownerId))
        return HttpResponse::error(
            400, QStringLiteral("Cannot change your own chat sharing role."));
    check(userRoles, "user_roles", true);
    check(groupRoles, "group_roles", false);
    if (!validations.isEmpty())
        return HttpResponse::error(
            400, QStringLiteral("Invalid request to update chat ACL."), {}, validations);
    auto apply = [](QJsonObject &acl, const QJsonObject &changes) {
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().toString().isEmpty())
                acl.remove(it.key().toLower());
            else
                acl.insert(it.key().toLower(), it.value().toString());
        }
    };
    const QString id = chat->id;
    const bool couldSee = m_state->access(*chat) != SimAccess::None;
    apply(chat->aclUsers, userRoles.toObject());
    apply(chat->aclGroups, groupRoles.toObject());
    // The owner's list learns the new `shared` flag; viewers get no watch events (§20.3.6).
    m_state->publishWatch(QStringLiteral("status_change"), id);
    if (couldSee && m_state->access(*m_state->chat(id)) == SimAccess::None) {
        // Revoking access closes the viewer's open streams of the family.
        QStringList family{id};
        family += m_state->chat(id)->childIds;
        m_hub->closeStreams(family, 4403, QStringLiteral("chat access revoked"));
    }
    return HttpResponse::noContent();
}

HttpResponse SimRoutes::users(const HttpRequest &request)
{
    // GET /api/v2/users?q=… (for a share dialog): {users, count}.
    const QString q = request.queryValue(QStringLiteral("q")).trimmed();
    QJsonArray list;
    for (const QJsonValue &u : m_state->users()) {
        QJsonObject user = u.toObject();
        if (!q.isEmpty()
            && !user.value(QStringLiteral("username")).toString().contains(q, Qt::CaseInsensitive)
            && !user.value(QStringLiteral("name")).toString().contains(q, Qt::CaseInsensitive))
            continue;
        user.insert(QStringLiteral("email"),
            user.value(QStringLiteral("username")).toString() + QStringLiteral("@example.com"));
        user.insert(QStringLiteral("status"), QStringLiteral("active"));
        user.insert(QStringLiteral("organization_ids"), QJsonArray{QLatin1String(SimState::orgId)});
        list.append(user);
    }
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("users"), list}, {QStringLiteral("count"), list.size()}});
}

} // namespace AgentDeskSim
