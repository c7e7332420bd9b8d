#include "models/ChatQuery.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

struct Term
{
    QString key; //!< Lower case; empty for a bare word or phrase.
    QString value;
    QString original; //!< As typed, for text fallback and invalidTerms.
};

//! Splits on unquoted white space. A double quote opens a quoted run that may contain spaces and
//! colons; an unbalanced quote runs to the end of the input.
QList<Term> tokenize(QStringView text)
{
    QList<Term> terms;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        QString key;
        QString value;
        bool sawColon = false;
        bool quoted = false;
        while (i < n && (quoted || !text[i].isSpace())) {
            const QChar c = text[i];
            if (c == u'"') {
                quoted = !quoted;
            } else if (c == u':' && !quoted && !sawColon) {
                sawColon = true;
            } else if (sawColon) {
                value += c;
            } else {
                key += c;
            }
            ++i;
        }
        Term term;
        term.original = text.mid(start, i - start).toString();
        if (sawColon && !key.isEmpty()) {
            term.key = key.toLower();
            term.value = value;
        } else {
            // Bare word or quoted phrase; "a:b" with an empty key stays text too.
            term.value = sawColon ? term.original : key;
            term.value.remove(u'"');
        }
        terms.append(term);
    }
    return terms;
}

std::optional<bool> parseBool(const QString &value)
{
    if (value.compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (value.compare(u"false"_s, Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

bool contains(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

} // namespace

ChatQuery ChatQuery::parse(QStringView text)
{
    ChatQuery query;
    const auto asText = [&query](const Term &term) {
        query.invalidTerms.append(term.original);
        QString fallback = term.original;
        fallback.remove(u'"');
        if (!fallback.trimmed().isEmpty())
            query.textTerms.append(fallback.trimmed());
    };

    for (const Term &term : tokenize(text)) {
        if (term.key.isEmpty()) {
            if (!term.value.isEmpty())
                query.textTerms.append(term.value);
            continue;
        }
        const QString &value = term.value;
        if (value.isEmpty()) {
            asText(term);
        } else if (term.key == u"title") {
            query.titleTerms.append(value);
        } else if (term.key == u"search") {
            query.textTerms.append(value);
        } else if (term.key == u"archived" || term.key == u"has_unread") {
            const std::optional<bool> flag = parseBool(value);
            if (!flag)
                asText(term);
            else if (term.key == u"archived")
                query.archived = flag;
            else
                query.hasUnread = flag;
        } else if (term.key == u"pr_status") {
            static const QStringList known{u"draft"_s, u"open"_s, u"merged"_s, u"closed"_s};
            const QStringList statuses = value.toLower().split(u',', Qt::SkipEmptyParts);
            bool allKnown = !statuses.isEmpty();
            for (const QString &status : statuses)
                allKnown = allKnown && known.contains(status);
            if (!allKnown) {
                asText(term);
                continue;
            }
            for (const QString &status : statuses) {
                if (!query.prStatuses.contains(status))
                    query.prStatuses.append(status);
            }
        } else if (term.key == u"pr") {
            bool ok = false;
            const int number = value.toInt(&ok);
            if (ok && number > 0)
                query.prNumber = number;
            else
                asText(term);
        } else if (term.key == u"repo") {
            query.repo = value;
        } else if (term.key == u"pr_title") {
            query.prTitle = value;
        } else if (term.key == u"diff_url") {
            if (value.startsWith(u"http://"_s, Qt::CaseInsensitive)
                || value.startsWith(u"https://"_s, Qt::CaseInsensitive))
                query.diffUrl = value;
            else
                asText(term);
        } else if (term.key == u"label") {
            // The server takes labels as label=key:value parameters; in a search box people
            // write label:key:value or label:"key:value". The tokenizer kept the second colon.
            const qsizetype colon = value.indexOf(u':');
            if (colon <= 0)
                asText(term);
            else
                query.labels.insert(value.left(colon), value.mid(colon + 1));
        } else if (term.key == u"source") {
            // Ownership scope: the local list only holds what the server listed. Accept it.
        } else {
            asText(term);
        }
    }
    return query;
}

bool ChatQuery::isEmpty() const noexcept
{
    return !archived && !hasUnread && titleTerms.isEmpty() && prStatuses.isEmpty() && !prNumber
        && repo.isEmpty() && prTitle.isEmpty() && diffUrl.isEmpty() && labels.isEmpty()
        && textTerms.isEmpty();
}

QString ChatQuery::prStatusOf(const Chat &chat)
{
    if (!chat.diffStatus)
        return {};
    const QString state = chat.diffStatus->pullRequestState.toLower();
    // The server reports drafts as open + draft; its pr_status filter calls them "draft".
    if (chat.diffStatus->pullRequestDraft && (state.isEmpty() || state == u"open"))
        return u"draft"_s;
    return state;
}

bool ChatQuery::matches(const Chat &chat) const
{
    if (hasUnread && chat.hasUnread != *hasUnread)
        return false;
    for (const QString &term : titleTerms) {
        if (!contains(chat.title, term))
            return false;
    }
    for (const QString &term : textTerms) {
        if (!contains(chat.title, term) && !contains(chat.lastTurnSummary, term)
            && !contains(chat.summary, term))
            return false;
    }
    if (!prStatuses.isEmpty() && !prStatuses.contains(prStatusOf(chat)))
        return false;
    const bool needsDiff = prNumber || !repo.isEmpty() || !prTitle.isEmpty() || !diffUrl.isEmpty();
    if (needsDiff) {
        if (!chat.diffStatus)
            return false;
        const DiffStatus &diff = *chat.diffStatus;
        if (prNumber && diff.prNumber != *prNumber)
            return false;
        if (!repo.isEmpty() && !contains(diff.url, repo))
            return false;
        if (!prTitle.isEmpty() && !contains(diff.pullRequestTitle, prTitle))
            return false;
        if (!diffUrl.isEmpty() && diff.url.compare(diffUrl, Qt::CaseInsensitive) != 0)
            return false;
    }
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const auto found = chat.labels.constFind(it.key());
        if (found == chat.labels.cend() || *found != it.value())
            return false;
    }
    return true;
}

} // namespace AgentDesk
