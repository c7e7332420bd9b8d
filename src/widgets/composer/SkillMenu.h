#pragma once

#include "core/api/ApiAccountTypes.h"
#include "core/api/ApiTypes.h"

#include <QListWidget>
#include <QPointer>

class QPlainTextEdit;

namespace AgentDesk {

class ApiClient;

//! The "/" menu (§20.10): typing "/" at the start of the composer lists the built-in commands
//! (/compact, /clear; a skill of the same name replaces one) and the user's personal and workspace skills, filtered as the user types.
//! Up/Down move, Enter or Tab inserts the trigger text (`/<name>`, or `/personal/<name>` and
//! `/workspace/<name>` for a name both sources have) followed by a space as the web does, Esc
//! closes. It floats over the window just above the editor and never takes the focus: the
//! editor keeps it and the menu reads the editor's keys through an event filter.
class SkillMenu final : public QListWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        QString trigger; //!< what Enter inserts, e.g. "/compact" or "/personal/deploy"
        QString description;
        QString source; //!< builtin, personal, workspace
    };

    //! Watches \a editor; floats in \a editor's window.
    explicit SkillMenu(QPlainTextEdit *editor);

    //! Enables the menu on a server with the §20.10 routes (null disables it).
    void setApi(ApiClient *api);
    //! The open chat (its workspace skills come from the chat's context), null for none.
    void setChat(const ChatId &chatId);
    //! The entries, built from the sources as §20.10 "Merging and aliases" says.
    static QList<Entry> mergeEntries(
        const QList<UserSkill> &personal, const QList<UserSkill> &workspace, bool builtIns);
    QList<Entry> entries() const { return m_entries; }
    //! Whether a personal or workspace skill of that name was listed (§20.6.2: such a skill
    //! takes precedence over the built-in `/compact` and `/clear`).
    bool hasSkill(const QString &name) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void handleEditorChanged();
    void rebuild();
    void place();
    void insertCurrent();
    //! The "/…" token at the start of the editor under the cursor, or a null string.
    QString currentToken() const;

    QPlainTextEdit *m_editor;
    QPointer<ApiClient> m_api;
    ChatId m_chatId;
    QList<UserSkill> m_personal;
    QList<UserSkill> m_workspace;
    QList<Entry> m_entries;
    QString m_dismissed; //!< the token Esc closed the menu on (stays closed until it changes)
    bool m_builtIns = false;
};

} // namespace AgentDesk
