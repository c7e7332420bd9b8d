#pragma once

#include "core/api/ApiAccountTypes.h"
#include "core/api/ApiTypes.h"

#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QToolButton>

#include <optional>

class QFrame;
class QLabel;
class QVBoxLayout;

namespace AgentDesk {

class ApiClient;

//! The MCP server picker (§20.9) of the composer and the new-chat dialog: a button ("MCP · 2")
//! that opens a list of the servers the user may use, each with a check box and its
//! availability ("Always on", "On by default", "Optional"). A server that needs the user's
//! OAuth sign-in shows Connect, which opens the server's connect page in the browser and
//! re-fetches the list until the server reports `auth_connected`, then selects it; a connected
//! one shows Disconnect. Hidden when the server has no MCP routes (older servers) or none is
//! configured.
class McpPicker final : public QToolButton
{
    Q_OBJECT

public:
    static constexpr int pollIntervalMs = 2000;
    static constexpr int maxPolls = 150; //!< five minutes of waiting for the browser

    explicit McpPicker(QWidget *parent = nullptr);
    ~McpPicker() override;

    void setApi(ApiClient *api, const OrganizationId &organizationId);
    void setOrganization(const OrganizationId &organizationId);
    //! The composer's chat (null for none): its `mcp_server_ids`, when it has any, are the
    //! selection shown until the user changes it (§20.9 "Default selection").
    void setChat(const ChatId &chatId);
    //! Re-fetches the list.
    void refresh();
    //! The ids to send as `mcp_server_ids`, or nullopt when there is nothing to send (no list
    //! yet, or \a onlyIfChanged and the user left the default alone).
    std::optional<QList<QUuid>> selectedIds(bool onlyIfChanged = false) const;
    QList<McpServer> servers() const { return m_servers; }
    //! Shows the list (also what a click does).
    void showList();
    QFrame *listPopup() const { return m_popup; }
    //! The server whose sign-in is awaited, null when none.
    QUuid connecting() const { return m_connecting; }

Q_SIGNALS:
    void selectionChanged();
    //! setChat() fetched the chat (its stored choices: MCP servers, model, effort).
    void chatFetched(const AgentDesk::Chat &chat);

private:
    void handleServers(const QList<McpServer> &servers);
    QSet<QUuid> defaultSelection() const;
    void rebuildList();
    void connectServer(const McpServer &server);
    void disconnectServer(const McpServer &server);
    void updateText();
    static QString availabilityText(const QString &availability);

    QPointer<ApiClient> m_api;
    OrganizationId m_organizationId;
    QList<McpServer> m_servers;
    QSet<QUuid> m_selected;
    bool m_loaded = false;
    bool m_userChanged = false;
    QPointer<QFrame> m_popup;
    QVBoxLayout *m_rows = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_poll;
    int m_polls = 0;
    QUuid m_connecting;
    ChatId m_chatId;
    QList<QUuid> m_chatIds; //!< the chat's stored set (empty: none or not known)
};

} // namespace AgentDesk
