#include "platform/AppLink.h"

#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// Chat ids are UUIDs on a real deployment and short slugs in the simulator; accept only what
// can appear in a path segment without escaping, so a link cannot smuggle in a path.
bool isAppLinkChatId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"_s);
    return pattern.match(id).hasMatch();
}

QString appLinkPrompt(const QUrl &url)
{
    const QUrlQuery query(url);
    return query.queryItemValue(u"prompt"_s, QUrl::FullyDecoded);
}

} // namespace

AppLink AppLink::parse(const QUrl &url)
{
    AppLink link;
    if (!url.isValid())
        return link;
    const QString scheme = url.scheme().toLower();
    QStringList segments = url.path(QUrl::FullyDecoded).split(u'/', Qt::SkipEmptyParts);
    if (scheme == "agentdesk"_L1) {
        // agentdesk://chat/<id>: "chat" is the host; agentdesk:chat/<id> has it in the path.
        if (!url.host().isEmpty())
            segments.prepend(url.host());
        if (segments.size() != 2 || segments.at(0).toLower() != "chat"_L1)
            return link;
    } else if (scheme == "https"_L1 || scheme == "http"_L1) {
        // https://<deployment>[/<base>]/agents/<id>; the deployment may live under a path.
        if (url.host().isEmpty() || segments.size() < 2
            || segments.at(segments.size() - 2) != "agents"_L1)
            return link;
        QUrl deployment;
        deployment.setScheme(scheme);
        deployment.setHost(url.host());
        deployment.setPort(url.port());
        const QStringList base = segments.mid(0, segments.size() - 2);
        if (!base.isEmpty())
            deployment.setPath(u"/"_s + base.join(u'/'));
        link.deployment = deployment;
    } else {
        return link;
    }
    if (!isAppLinkChatId(segments.constLast())) {
        link.deployment = {};
        return link;
    }
    link.chatId = segments.constLast();
    link.prompt = appLinkPrompt(url);
    return link;
}

AppLink AppLink::parse(const QString &argument)
{
    if (!argument.contains(u"://"_s) && !argument.startsWith(u"agentdesk:"_s, Qt::CaseInsensitive))
        return {};
    return parse(QUrl(argument, QUrl::StrictMode));
}

} // namespace AgentDesk
