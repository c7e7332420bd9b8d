#pragma once

#include <QString>
#include <QUrl>

namespace AgentDesk {

//! A link that opens a chat: `agentdesk://chat/<id>` or `https://<deployment>/agents/<id>`,
//! each with an optional `?prompt=` that pre-fills the composer (never sends). Pure parsing,
//! no I/O; the desktop file registers the agentdesk scheme, a second launch hands links over.
struct AppLink
{
    QString chatId;  //!< Empty when the link is not a chat link.
    QString prompt;  //!< Text for the composer; empty when none was given.
    QUrl deployment; //!< Scheme, host and port of an https link; empty for agentdesk://.

    bool isValid() const { return !chatId.isEmpty(); }

    //! Parses \a url; returns an invalid AppLink for anything else.
    static AppLink parse(const QUrl &url);
    //! Parses a command-line argument; plain words and file paths are not links.
    static AppLink parse(const QString &argument);
};

} // namespace AgentDesk
