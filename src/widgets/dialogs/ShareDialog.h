#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiResult.h"
#include "core/api/ApiTypes.h"

#include <QDialog>
#include <QTimer>

#include <memory>

namespace AgentDesk {

namespace Ui {
class ShareDialog;
}

class ApiClient;

//! The owner's share dialog (objectName shareDialog; layout ui/ShareDialog.ui), as the web's
//! "Chat sharing" popover (§20.3.7): who has access (groups first, then users; the owner is not
//! listed), a user search with a role ("Read", the only one), Add and Remove. It reads
//! GET {chat}/acl and changes it with sparse PATCHes (§20.3.3); errors are shown inline.
class ShareDialog final : public QDialog
{
    Q_OBJECT

public:
    //! `api` is not owned. `me` is the signed-in user (hidden from lists and search).
    ShareDialog(ApiClient *api, const Chat &chat, const UserId &me, QWidget *parent = nullptr);
    ~ShareDialog() override;

    //! Reads the ACL (also after every change).
    void reload();
    const ChatAcl &acl() const { return m_acl; }
    //! The lines of the access list, as shown.
    QStringList accessLines() const;
    //! The users the last search found (not yet on the ACL), as shown.
    QStringList resultLines() const;
    QString statusText() const;
    //! Searches now (typing searches after a short pause).
    void search(const QString &text);
    //! Adds the user selected in the results with the selected role.
    void addSelected();
    //! Removes the entry selected in the access list.
    void removeSelected();
    bool isBusy() const { return m_busy; }

signals:
    //! The server said sharing is disabled for this deployment (403): hide the Share action.
    void sharingDisabled();
    //! The ACL was read (after open or a change).
    void aclLoaded();

private:
    void handleAclLoaded(const ApiResult<ChatAcl> &result);
    void showUsers(const QList<User> &users);
    void apply(const ChatAclUpdate &update, const QString &doneText);
    void showError(const ApiError &error);
    void showStatus(const QString &text, bool error);
    void updateButtons();

    std::unique_ptr<Ui::ShareDialog> m_ui;
    ApiClient *m_api;
    Chat m_chat;
    UserId m_me;
    ChatAcl m_acl;
    QList<User> m_found;
    QTimer m_searchDelay;
    bool m_busy = false;
    quint64 m_searchGeneration = 0;
};

} // namespace AgentDesk
