#pragma once

#include "core/api/ApiTypes.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace AgentDesk {

//! The server's chat search grammar (coder-chats-protocol.md §7.1), parsed on the client so the
//! chat list can filter what it already holds without a round trip. Unlike the server, which
//! answers 400 to bare words and malformed terms, this parser never rejects input: whatever it
//! does not understand becomes free text matched against title and summaries.
struct ChatQuery
{
    std::optional<bool> archived;  //!< archived:true|false; nullopt = the view decides
    std::optional<bool> hasUnread; //!< has_unread:true|false
    QStringList titleTerms;        //!< title:…, each a case-insensitive title substring
    QStringList prStatuses;        //!< pr_status:a,b (OR): draft, open, merged, closed
    std::optional<int> prNumber;   //!< pr:N
    QString repo;                  //!< repo:owner/name, substring of the PR URL
    QString prTitle;               //!< pr_title:…
    QString diffUrl;               //!< diff_url:"https://…", exact, case-insensitive
    QMap<QString, QString> labels; //!< label:key:value, label:"key:value" (AND-ed)
    //! Bare words, quoted phrases, search:… and every term that did not parse (AND-ed);
    //! matched against title, last turn summary and summary.
    QStringList textTerms;
    //! Terms the server would refuse, as typed; the view may hint at them. Informational only.
    QStringList invalidTerms;

    //! Never fails: unbalanced quotes close at the end, unknown keys and bad values become text.
    static ChatQuery parse(QStringView text);

    bool isEmpty() const noexcept;
    //! Everything except `archived` matches (the caller applies the archive view).
    bool matches(const Chat &chat) const;
    //! The value of the `pr_status` key for a chat: draft, open, merged, closed, or empty.
    static QString prStatusOf(const Chat &chat);
};

} // namespace AgentDesk
