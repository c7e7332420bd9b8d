#include "widgets/composer/McpPicker.h"

#include "core/api/ApiClient.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

McpPicker::McpPicker(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(u"mcpPicker"_s);
    setToolTip(tr("MCP servers the agent may use"));
    setAutoRaise(true);
    hide(); // until the list is known
    m_poll.setInterval(pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (++m_polls > maxPolls) {
            m_poll.stop();
            m_connecting = {};
            if (m_status)
                m_status->setText(tr("The sign-in did not finish. Try Connect again."));
            return;
        }
        refresh();
    });
    connect(this, &QToolButton::clicked, this, &McpPicker::showList);
}

McpPicker::~McpPicker()
{
    delete m_popup;
}

void McpPicker::setApi(ApiClient *api, const OrganizationId &organizationId)
{
    if (api == m_api && organizationId == m_organizationId)
        return;
    m_api = api;
    m_organizationId = organizationId;
    m_loaded = false;
    m_servers.clear();
    m_chatIds.clear();
    m_selected.clear();
    m_userChanged = false;
    updateText();
    refresh();
}

void McpPicker::setOrganization(const OrganizationId &organizationId)
{
    setApi(m_api, organizationId);
}

void McpPicker::refresh()
{
    if (!m_api || m_organizationId.isNull()) {
        hide();
        return;
    }
    if (m_api->chatsPrefix() != ApiClient::v2ChatsPrefix()) {
        // Servers before 2.37 have no MCP routes (§20.1.1): ask nothing that would 404. The
        // prefix may not be known yet; look again once it is.
        hide();
        if (!m_api->isPrefixLocked())
            connect(
                m_api, &ApiClient::prefixDetected, this, &McpPicker::refresh, Qt::UniqueConnection);
        return;
    }
    m_api->mcpServers(m_organizationId, this, [this](const ApiResult<QList<McpServer>> &result) {
        if (!result.ok()) {
            // 404 on servers without the MCP routes: no picker, nothing sent.
            if (!m_loaded)
                hide();
            return;
        }
        handleServers(result.value());
    });
}

void McpPicker::setChat(const ChatId &chatId)
{
    if (chatId == m_chatId)
        return;
    m_chatId = chatId;
    m_chatIds.clear();
    m_userChanged = false;
    if (m_loaded) {
        m_selected = defaultSelection();
        updateText();
    }
    if (chatId.isNull() || !m_api || m_api->chatsPrefix() != ApiClient::v2ChatsPrefix())
        return;
    m_api->getChat(chatId, this, [this, chatId](const ApiResult<Chat> &result) {
        if (chatId != m_chatId || !result.ok())
            return;
        Q_EMIT chatFetched(result.value());
        if (m_userChanged)
            return;
        m_chatIds = result.value().mcpServerIds;
        if (m_loaded) {
            m_selected = defaultSelection();
            updateText();
            if (m_popup && m_popup->isVisible())
                rebuildList();
        }
    });
}

QSet<QUuid> McpPicker::defaultSelection() const
{
    QSet<QUuid> selected;
    for (const McpServer &server : m_servers) {
        const bool chosen = m_chatIds.isEmpty()
            ? server.availability == u"force_on"_s || server.availability == u"default_on"_s
            : m_chatIds.contains(server.id);
        if (server.availability == u"force_on"_s || (chosen && !server.needsSignIn()))
            selected.insert(server.id);
    }
    return selected;
}

void McpPicker::handleServers(const QList<McpServer> &servers)
{
    QList<McpServer> usable;
    for (const McpServer &server : servers) {
        if (server.enabled)
            usable.append(server);
    }
    m_loaded = true;
    m_servers = usable;
    if (!m_userChanged)
        m_selected = defaultSelection();
    QSet<QUuid> known;
    for (const McpServer &server : std::as_const(m_servers)) {
        known.insert(server.id);
        if (server.availability == u"force_on"_s)
            m_selected.insert(server.id);
        if (server.needsSignIn())
            m_selected.remove(server.id);
        if (server.id == m_connecting && server.authConnected) {
            // Connected in the browser: stop waiting and use it (as the web does).
            m_connecting = {};
            m_poll.stop();
            m_selected.insert(server.id);
            m_userChanged = true;
            Q_EMIT selectionChanged();
        }
    }
    m_selected.intersect(known);
    setVisible(!m_servers.isEmpty());
    updateText();
    if (m_popup && m_popup->isVisible())
        rebuildList();
}

std::optional<QList<QUuid>> McpPicker::selectedIds(bool onlyIfChanged) const
{
    if (!m_loaded || m_servers.isEmpty() || (onlyIfChanged && !m_userChanged))
        return std::nullopt;
    QList<QUuid> ids;
    for (const McpServer &server : m_servers) { // server order: stable requests
        if (m_selected.contains(server.id))
            ids.append(server.id);
    }
    return ids;
}

QString McpPicker::availabilityText(const QString &availability)
{
    if (availability == u"force_on"_s)
        return tr("Always on");
    if (availability == u"default_on"_s)
        return tr("On by default");
    return tr("Optional");
}

void McpPicker::updateText()
{
    setText(tr("MCP · %1").arg(m_selected.size()));
}

void McpPicker::showList()
{
    if (!m_popup) {
        m_popup = new QFrame(this, Qt::Popup);
        m_popup->setObjectName(u"mcpPickerPopup"_s);
        m_popup->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(m_popup);
        layout->setContentsMargins(8, 8, 8, 8);
        auto *title = new QLabel(tr("<b>MCP servers</b>"), m_popup);
        layout->addWidget(title);
        m_rows = new QVBoxLayout;
        layout->addLayout(m_rows);
        m_status = new QLabel(m_popup);
        m_status->setObjectName(u"mcpPickerStatus"_s);
        m_status->setWordWrap(true);
        m_status->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(m_status);
    }
    rebuildList();
    m_popup->adjustSize();
    const QSize size = m_popup->sizeHint().expandedTo(QSize(380, 0));
    const QPoint origin = mapToGlobal(QPoint(0, 0));
    QPoint at(origin.x(), origin.y() - size.height());
    if (at.y() < 0)
        at.setY(origin.y() + height());
    m_popup->setGeometry(QRect(at, size));
    m_popup->show();
    refresh();
}

void McpPicker::rebuildList()
{
    if (!m_rows)
        return;
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QLayout *row = item->layout()) {
            while (QLayoutItem *child = row->takeAt(0)) {
                // Later: this may run from one of these buttons' clicked().
                if (QWidget *widget = child->widget()) {
                    widget->hide();
                    widget->deleteLater();
                }
                delete child;
            }
        }
        delete item;
    }
    for (const McpServer &server : std::as_const(m_servers)) {
        auto *row = new QHBoxLayout;
        auto *check = new QCheckBox(server.displayName, m_popup);
        check->setObjectName(u"mcpServer_"_s + server.slug);
        check->setChecked(m_selected.contains(server.id));
        check->setEnabled(server.availability != u"force_on"_s && !server.needsSignIn());
        check->setToolTip(server.description);
        const QUuid id = server.id;
        connect(check, &QCheckBox::toggled, this, [this, id](bool on) {
            if (on)
                m_selected.insert(id);
            else
                m_selected.remove(id);
            m_userChanged = true;
            updateText();
            Q_EMIT selectionChanged();
        });
        row->addWidget(check, 1);
        auto *label = new QLabel(
            server.needsSignIn() ? tr("Sign-in needed") : availabilityText(server.availability),
            m_popup);
        label->setForegroundRole(QPalette::PlaceholderText);
        row->addWidget(label);
        if (server.authType == u"oauth2"_s) {
            auto *button =
                new QPushButton(server.authConnected ? tr("Disconnect") : tr("Connect"), m_popup);
            button->setObjectName(
                (server.authConnected ? u"mcpDisconnect_"_s : u"mcpConnect_"_s) + server.slug);
            button->setEnabled(m_connecting.isNull() || m_connecting != server.id);
            connect(button, &QPushButton::clicked, this, [this, server] {
                if (server.authConnected)
                    disconnectServer(server);
                else
                    connectServer(server);
            });
            row->addWidget(button);
        }
        m_rows->addLayout(row);
    }
    if (m_servers.isEmpty())
        m_status->setText(tr("No MCP servers are available."));
    else if (m_connecting.isNull())
        m_status->clear();
}

void McpPicker::connectServer(const McpServer &server)
{
    if (!m_api)
        return;
    // §20.9: the connect page in the user's browser, where they are signed in to Coder; then
    // re-fetch until the server says it is connected.
    const QUrl url = m_api->mcpConnectUrl(m_organizationId, server.id);
    m_connecting = server.id;
    m_polls = 0;
    m_poll.start();
    if (!QDesktopServices::openUrl(url)) {
        m_status->setText(tr("Open this address in your browser to connect %1: %2")
                              .arg(server.displayName, url.toString()));
        m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    } else {
        m_status->setText(
            tr("Finish signing in to %1 in your browser. Waiting…").arg(server.displayName));
    }
    rebuildList();
}

void McpPicker::disconnectServer(const McpServer &server)
{
    if (!m_api)
        return;
    const QString name = server.displayName;
    m_api->disconnectMcpServer(
        server.id, this, [this, name](const ApiResult<McpDisconnectResult> &result) {
            if (!result.ok()) {
                if (m_status)
                    m_status->setText(tr("Could not disconnect %1: %2")
                                          .arg(name, result.error().toDisplayString()));
                return;
            }
            if (m_status && !result.value().revocationError.isEmpty())
                m_status->setText(tr("Disconnected %1; the provider did not revoke the token: %2")
                                      .arg(name, result.value().revocationError));
            refresh();
        });
}

} // namespace AgentDesk
