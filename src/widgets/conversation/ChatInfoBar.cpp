#include "widgets/conversation/ChatInfoBar.h"

#include "core/api/ApiClient.h"
#include "core/api/DisplayText.h"
#include "ui_ChatInfoBar.h"
#include "widgets/conversation/ContextPopover.h"
#include "widgets/shell/ErrorBanner.h"

#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ChatInfoBar::ChatInfoBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChatInfoBar>())
{
    // ui/ChatInfoBar.ui: "Shared by", the capacity callout and the dirty-context banner, all
    // hidden until a chat needs them. The Context button and its popover live elsewhere
    // (ConversationWidget places the button in the header).
    m_ui->setupUi(this);
    for (QLabel *label : {m_ui->sharedByLabel, m_ui->capacityCallout})
        label->setContentsMargins(12, 4, 12, 4);
    m_ui->sharedByLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->contextDirtyBanner->setClosable(false);
    m_contextButton = new QToolButton(this);
    m_contextButton->setObjectName(u"contextButton"_s);
    m_contextButton->setText(tr("Context"));
    m_contextButton->setToolTip(tr("Instruction files, skills and MCP servers the agent uses"));
    m_contextButton->setAutoRaise(true);
    m_contextButton->hide();
    m_popover = new ContextPopover(this);
    m_popover->hide();

    m_pollTimer.setInterval(defaultPollInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &ChatInfoBar::fetchDetail);
    connect(m_ui->contextDirtyBanner, &ErrorBanner::actionTriggered, this,
        &ChatInfoBar::refreshContext);
    connect(m_contextButton, &QToolButton::clicked, this, &ChatInfoBar::showContextPopover);
}

ChatInfoBar::~ChatInfoBar() = default;

ErrorBanner *ChatInfoBar::contextBanner() const
{
    return m_ui->contextDirtyBanner;
}

QLabel *ChatInfoBar::sharedByLabel() const
{
    return m_ui->sharedByLabel;
}

QLabel *ChatInfoBar::capacityLabel() const
{
    return m_ui->capacityCallout;
}

void ChatInfoBar::setApi(ApiClient *api)
{
    m_api = api;
}

void ChatInfoBar::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollTimer.setInterval(interval);
}

void ChatInfoBar::setChat(const Chat &chat, bool readOnly)
{
    const bool switched = chat.id != m_chat.id;
    m_chat = chat;
    m_readOnly = readOnly;
    if (switched) {
        m_detail.reset();
        m_refreshError.reset();
        m_refreshing = false;
        m_fetching = false;
        m_pollTimer.stop();
        m_popover->hide();
        // The single GET is the only place the resources and queued_for_capacity are (§20.5,
        // §20.12); servers without §20 (legacy) have neither.
        if (!chat.id.isNull() && m_api && m_api->hasSharingRoutes())
            fetchDetail();
    }
    updatePolling();
    updateView();
}

std::optional<ChatContext> ChatInfoBar::context() const
{
    std::optional<ChatContext> context = m_chat.context;
    if (m_detail && m_detail->context) {
        if (!context)
            return m_detail->context;
        if (!context->hasResources) {
            context->hasResources = m_detail->context->hasResources;
            context->resources = m_detail->context->resources;
        }
    }
    return context;
}

void ChatInfoBar::fetchDetail()
{
    if (!m_api || m_chat.id.isNull() || m_fetching)
        return;
    m_fetching = true;
    const ChatId id = m_chat.id;
    m_api->getChat(id, this, [this, id](const ApiResult<Chat> &result) {
        if (id != m_chat.id)
            return;
        m_fetching = false;
        if (!result.ok())
            return; // the list's flags stay; the next poll asks again
        m_detail = result.value();
        updatePolling();
        updateView();
        if (m_popover->isVisible())
            m_popover->setContext(context(), false);
    });
}

void ChatInfoBar::refreshContext()
{
    if (!m_api || m_chat.id.isNull() || m_refreshing)
        return;
    m_refreshing = true;
    m_refreshError.reset();
    updateView();
    const ChatId id = m_chat.id;
    // §20.5: PUT re-pins the chat to the agent's latest snapshot and answers the chat.
    m_api->refreshChatContext(id, this, [this, id](const ApiResult<Chat> &result) {
        if (id != m_chat.id)
            return;
        m_refreshing = false;
        if (!result.ok()) {
            m_refreshError = result.error();
            updateView();
            return;
        }
        m_detail = result.value();
        if (m_chat.context && result.value().context)
            m_chat.context = result.value().context;
        updateView();
        if (m_popover->isVisible())
            m_popover->setContext(context(), false);
        emit chatRefreshed(result.value());
    });
}

void ChatInfoBar::showContextPopover()
{
    const bool loading = m_fetching;
    if (!loading && (!m_detail || !m_detail->context || !m_detail->context->hasResources))
        fetchDetail();
    m_popover->setContext(context(), m_fetching);
    m_popover->popUpBelow(m_contextButton);
}

void ChatInfoBar::updatePolling()
{
    // §20.12: the web polls GET {chat} every 5 s while the chat runs and is not archived.
    const bool poll = m_api && m_api->hasSharingRoutes() && !m_chat.id.isNull()
        && isActive(m_chat.status) && !m_chat.archived;
    if (poll && !m_pollTimer.isActive())
        m_pollTimer.start();
    else if (!poll)
        m_pollTimer.stop();
}

void ChatInfoBar::updateView()
{
    const bool has = !m_chat.id.isNull();
    const QString owner =
        safeDisplayText(m_chat.ownerName.isEmpty() ? m_chat.ownerUsername : m_chat.ownerName);
    m_ui->sharedByLabel->setText(owner.isEmpty() ? tr("Shared with you \u00b7 read only")
                                                 : tr("Shared by %1 \u00b7 read only").arg(owner));
    m_ui->sharedByLabel->setVisible(has && m_readOnly);

    const bool queued = has && m_detail && m_detail->queuedForCapacity && isActive(m_chat.status);
    m_ui->capacityCallout->setText(
        tr("\u23f3 Waiting for capacity: the deployment runs as many agents as it "
           "allows. This chat starts when one finishes."));
    m_ui->capacityCallout->setVisible(queued);

    // Viewers may not refresh (404, §20.3.4): the banner is the owner's.
    const std::optional<ChatContext> shown = context();
    const bool dirty = has && !m_readOnly && shown && shown->dirty;
    if (m_refreshError && has) {
        m_ui->contextDirtyBanner->showMessage(ErrorBanner::Kind::Error,
            tr("The workspace context could not be refreshed: %1")
                .arg(m_refreshError->toDisplayString()),
            {}, tr("Refresh"));
    } else if (dirty) {
        const QString text = m_refreshing ? tr("The workspace context changed. Refreshing\u2026")
                                          : tr("The workspace context changed");
        if (m_ui->contextDirtyBanner->isHidden() || m_ui->contextDirtyBanner->text() != text
            || m_ui->contextDirtyBanner->actionText().isEmpty() != m_refreshing)
            m_ui->contextDirtyBanner->showMessage(ErrorBanner::Kind::Warning, text,
                tr("Instruction files, skills or MCP servers in the workspace differ from what "
                   "this chat uses. Refresh to use the new ones."),
                m_refreshing ? QString() : tr("Refresh"));
    } else if (!m_ui->contextDirtyBanner->isHidden()) {
        m_ui->contextDirtyBanner->dismiss();
    }
    m_contextButton->setVisible(has && shown.has_value());
    if (shown) {
        const int count = int(shown->resources.size());
        m_contextButton->setText(
            shown->hasResources && count > 0 ? tr("Context (%1)").arg(count) : tr("Context"));
    }
}

} // namespace AgentDesk
