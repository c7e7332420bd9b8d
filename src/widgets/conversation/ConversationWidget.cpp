#include "widgets/conversation/ConversationWidget.h"

#include "core/api/ApiClient.h"
#include "core/api/DisplayText.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/ModelConfigModel.h"
#include "models/QueueModel.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/composer/QueuePanel.h"
#include "widgets/composer/SkillMenu.h"
#include "widgets/conversation/ActionRequiredPanel.h"
#include "widgets/conversation/ChatInfoBar.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ContextGauge.h"
#include "widgets/conversation/ImageViewer.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/QuestionForm.h"
#include "widgets/conversation/SteerController.h"
#include "widgets/conversation/ThumbnailProvider.h"
#include "widgets/shell/ErrorBanner.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/ModelChanges.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString textOf(const QList<InputPart> &content)
{
    QStringList texts;
    for (const InputPart &part : content) {
        if (part.kind == InputPart::Kind::Text)
            texts << part.text;
    }
    return texts.join(u"\n\n"_s);
}

} // namespace

ConversationWidget::ConversationWidget(
    Icons *icons, AppSettings *settings, DraftStore *drafts, QWidget *parent)
    : QWidget(parent)
    , m_icons(icons)
    , m_settings(settings)
    , m_drafts(drafts)
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_title(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_statusIcon(new QLabel(this))
    , m_statusText(new QLabel(this))
    , m_connectionText(new QLabel(this))
    , m_chatView(new ChatView(icons, this))
    , m_connectionBanner(new ErrorBanner(this))
    , m_turnBanner(new ErrorBanner(this))
    , m_retryBanner(new ErrorBanner(this))
    , m_apiBanner(new ErrorBanner(this))
    , m_confirmBanner(new ErrorBanner(this))
    , m_queuePanel(new QueuePanel(icons, this))
    , m_actionPanel(new ActionRequiredPanel(this))
    , m_composer(new ComposerWidget(icons, settings, drafts, this))
    , m_infoBar(new ChatInfoBar(this))
    , m_steer(new SteerController(m_chatView, this))
    , m_gauge(new ContextGauge(this))
    , m_planBadge(new QLabel(this))
    , m_costLabel(new QLabel(this))
    , m_compactButton(new QToolButton(this))
{
    setObjectName(u"conversationWidget"_s);
    m_chatView->setObjectName(u"chatView"_s);
    m_connectionBanner->setObjectName(u"connectionBanner"_s);
    m_turnBanner->setObjectName(u"turnErrorBanner"_s);
    m_retryBanner->setObjectName(u"retryBanner"_s);
    m_apiBanner->setObjectName(u"apiErrorBanner"_s);
    m_confirmBanner->setObjectName(u"confirmBanner"_s);
    m_emptyState->setObjectName(u"emptyStateLabel"_s);
    m_emptyState->setText(tr("Select a chat or start a new one (Ctrl+N)"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->setWordWrap(true);
    m_warnings->setObjectName(u"chatWarnings"_s);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setWordWrap(true);
    m_warnings->setContentsMargins(12, 4, 12, 4);
    m_warnings->setToolTip(tr("Warnings from Coder about this chat; the chat still works."));
    m_warnings->hide();

    auto *header = createHeader();
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addWidget(header);
    pageLayout->addWidget(m_warnings);
    pageLayout->addWidget(m_infoBar);
    pageLayout->addWidget(m_connectionBanner);
    pageLayout->addWidget(m_chatView, 1);
    pageLayout->addWidget(m_retryBanner);
    pageLayout->addWidget(m_turnBanner);
    pageLayout->addWidget(m_apiBanner);
    pageLayout->addWidget(m_confirmBanner);
    pageLayout->addWidget(m_actionPanel);
    pageLayout->addWidget(m_queuePanel);
    pageLayout->addWidget(m_composer);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connectChildren();

    setSession(nullptr, nullptr, nullptr, {});
}

ConversationWidget::~ConversationWidget() = default;

QWidget *ConversationWidget::createHeader()
{
    m_title->setObjectName(u"conversationTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    // A long title gives way to the header's markers instead of widening the window.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setMinimumWidth(80);
    m_statusText->setObjectName(u"statusLabel"_s);
    m_statusText->setForegroundRole(QPalette::PlaceholderText);
    m_connectionText->setObjectName(u"connectionLabel"_s);
    m_connectionText->setForegroundRole(QPalette::PlaceholderText);

    auto *header = new QWidget(this);
    header->setObjectName(u"conversationHeader"_s);
    auto *headerLayout = new QHBoxLayout(header);
    m_headerLayout = headerLayout;
    headerLayout->setContentsMargins(12, 8, 12, 8);
    headerLayout->addWidget(m_title, 1);
    headerLayout->addWidget(m_infoBar->contextButton());
    // §20.4.1: the chat is in plan mode.
    m_planBadge->setObjectName(u"planModeBadge"_s);
    //: Header marker of a chat in plan mode
    m_planBadge->setText(tr("Plan mode"));
    m_planBadge->setToolTip(
        tr("The agent plans and proposes; it changes nothing until you implement the plan."));
    m_planBadge->setStyleSheet(
        u"QLabel { color: #6a4cc4; border: 1px solid #6a4cc4; border-radius: 4px; "
        "padding: 0 4px; }"_s);
    m_planBadge->hide();
    headerLayout->addWidget(m_planBadge);
    headerLayout->addSpacing(8);
    // §20.7: the chat's cost (the whole tree), where the server reports it.
    m_costLabel->setObjectName(u"chatCostLabel"_s);
    m_costLabel->setForegroundRole(QPalette::PlaceholderText);
    m_costLabel->hide();
    headerLayout->addWidget(m_costLabel);
    headerLayout->addSpacing(8);
    headerLayout->addWidget(m_gauge);
    // §20.6.4: a full context offers a compaction right there.
    m_compactButton->setObjectName(u"compactButton"_s);
    m_compactButton->setText(tr("Compact"));
    m_compactButton->setToolTip(tr("Summarize the conversation so far to free the context"));
    m_compactButton->setAutoRaise(true);
    m_compactButton->hide();
    headerLayout->addWidget(m_compactButton);
    headerLayout->addSpacing(8);
    headerLayout->addWidget(m_connectionText);
    headerLayout->addSpacing(12);
    headerLayout->addWidget(m_statusIcon);
    headerLayout->addWidget(m_statusText);

    return header;
}

void ConversationWidget::connectChildren()
{
    connect(
        m_composer, &ComposerWidget::sendRequested, this, [this](const QList<InputPart> &content) {
            handleSendRequested(content, BusyBehavior::Queue);
        });
    connect(m_composer, &ComposerWidget::sendAndInterruptRequested, this,
        [this](const QList<InputPart> &content) {
            handleSendRequested(content, BusyBehavior::Interrupt);
        });
    connect(m_composer, &ComposerWidget::interruptRequested, this, &ConversationWidget::interrupt);
    connect(m_composer, &ComposerWidget::recallRequested, this,
        &ConversationWidget::handleRecallRequested);
    connect(m_chatView, &ChatView::loadOlderRequested, this,
        &ConversationWidget::handleLoadOlderRequested);
    // Back at the bottom for a while: the history far above goes (scrolling up re-fetches it).
    connect(m_chatView, &ChatView::settledAtBottom, this, [this] {
        if (m_session && m_session->trimHistory() > 0)
            m_chatView->setCanLoadOlder(m_session->canLoadOlder());
    });
    connect(m_chatView, &ChatView::editRequested, this, &ConversationWidget::beginEdit);
    connect(m_chatView, &ChatView::retrySendRequested, this, &ConversationWidget::handleRetrySend);
    connect(m_chatView, &ChatView::fileImageActivated, this,
        &ConversationWidget::handleFileImageActivated);
    connect(m_chatView, &ChatView::inlineImageActivated, this, &ConversationWidget::showImage);
    connect(m_queuePanel, &QueuePanel::promoteRequested, this, [this](QueuedMessageId id) {
        if (m_session)
            m_session->promoteQueued(id);
    });
    connect(m_queuePanel, &QueuePanel::removeRequested, this, [this](QueuedMessageId id) {
        if (m_session)
            m_session->deleteQueued(id);
    });
    connect(m_actionPanel, &ActionRequiredPanel::submitRequested, this,
        [this](const QList<ToolResult> &results) {
            if (m_session)
                m_session->submitToolResults(results);
        });
    connect(m_confirmBanner, &ErrorBanner::actionTriggered, this,
        &ConversationWidget::handleConfirmAction);
    connect(m_confirmBanner, &ErrorBanner::closed, this, [this] {
        if (m_confirm == Confirm::Edit)
            cancelEdit();
        m_confirm = Confirm::None;
    });
    connect(m_composer, &ComposerWidget::planModeToggled, this, [this](bool on) {
        m_planBadge->setVisible(on);
        emit planModeChangeRequested(on);
    });
    connect(m_steer, &SteerController::usageChanged, this, &ConversationWidget::updateGauge);
    connect(m_compactButton, &QToolButton::clicked, this, &ConversationWidget::compact);
    connect(m_steer, &SteerController::answerSubmitted, this, [this](const QString &text) {
        if (!m_session)
            return;
        // §20.4.2: a new user message of its own; the composer's text stays where it is.
        m_session->send({InputPart::fromText(text)}, BusyBehavior::Queue, sendOptions());
        m_composer->focusEditor();
    });
    connect(
        m_steer, &SteerController::implementRequested, this, &ConversationWidget::implementPlan);
    connect(m_gauge, &ContextGauge::compactRequested, this, &ConversationWidget::compact);
    connect(m_connectionBanner, &ErrorBanner::actionTriggered, this, [this] {
        if (m_session)
            m_session->open(); // "Retry" after giving up: history and stream start over
    });

    connect(m_infoBar, &ChatInfoBar::chatRefreshed, this, &ConversationWidget::chatRefreshed);
}

ChatSession *ConversationWidget::session() const
{
    return m_session;
}

void ConversationWidget::setSession(
    ChatSession *session, MessageListModel *messages, QueueModel *queue, const QString &title)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_messages = messages;
    m_draftKeyByNonce.clear();
    m_editingId.reset();
    m_confirm = Confirm::None;
    for (ErrorBanner *banner :
        {m_connectionBanner, m_turnBanner, m_retryBanner, m_apiBanner, m_confirmBanner})
        banner->dismiss();
    m_composer->showError({});

    m_actionPanel->setCalls({});
    m_chatView->setModel(session ? messages : nullptr);
    m_steer->setModel(session ? messages : nullptr);
    m_gauge->setUsage(std::nullopt);
    m_compactButton->hide();
    m_costLabel->hide();
    m_queuePanel->setModel(session ? queue : nullptr);
    m_composer->setDraftKey(session ? session->chatId().toString() : QString());
    m_stack->setCurrentIndex(session ? 1 : 0);
    m_title->setText(safeDisplayText(title));
    if (!session) {
        m_status = ChatStatus::Unknown;
        m_connection = ConnectionState::Idle;
        m_composer->setChatActive(false);
        updateHeader();
        return;
    }

    connect(session, &ChatSession::statusChanged, this, &ConversationWidget::handleStatusChanged);
    connect(session, &ChatSession::connectionStateChanged, this,
        &ConversationWidget::handleConnectionStateChanged);
    connect(session, &ChatSession::errorOccurred, this, &ConversationWidget::handleError);
    connect(session, &ChatSession::turnErrorChanged, this, &ConversationWidget::handleTurnError);
    connect(session, &ChatSession::retryScheduled, this, &ConversationWidget::handleRetryScheduled);
    connect(session, &ChatSession::retryCleared, this, &ConversationWidget::handleRetryCleared);
    connect(session, &ChatSession::messageSent, this, &ConversationWidget::handleMessageSent);
    connect(session, &ChatSession::sendFailed, this, &ConversationWidget::handleSendFailed);
    connect(session, &ChatSession::historyLoaded, this, &ConversationWidget::handleHistoryLoaded);
    connect(session, &ChatSession::olderLoaded, this, &ConversationWidget::handleOlderLoaded);
    connect(session, &ChatSession::pendingActionsChanged, m_actionPanel,
        &ActionRequiredPanel::setCalls);
    m_actionPanel->setCalls(session->assembler().pendingActions());
    connect(session, &ChatSession::contextCommandFailed, this,
        &ConversationWidget::handleContextCommandFailed);
    updateGauge();
    fetchThresholds();
    fetchCost();
    handleStatusChanged(session->status());
    handleConnectionStateChanged(session->connectionState());
}

void ConversationWidget::setTitle(const QString &title)
{
    m_title->setText(safeDisplayText(title));
}

void ConversationWidget::setWarnings(const QStringList &warnings)
{
    QStringList lines;
    for (const QString &warning : warnings) {
        const QString line = safeDisplayText(warning).trimmed();
        if (!line.isEmpty())
            lines << u"\u26a0 "_s + line;
    }
    m_warnings->setText(lines.join(u'\n'));
    m_warnings->setVisible(!lines.isEmpty());
}

void ConversationWidget::setChatInfo(const Chat &chat, bool readOnly)
{
    m_infoBar->setChat(chat, readOnly);
    if (chat.lastModelConfigId != m_chatModelId) {
        m_chatModelId = chat.lastModelConfigId;
        updateGauge();
    }
    // The owner's name heads the user messages of a chat the user only reads.
    const QString owner = !readOnly ? QString()
        : chat.ownerName.isEmpty()  ? chat.ownerUsername
                                    : chat.ownerName;
    if (readOnly == m_readOnly && owner == m_readOnlyOwner)
        return;
    m_readOnly = readOnly;
    m_readOnlyOwner = owner;
    // §20.3.4: every write of a viewer answers 404; the web disables the composer.
    if (readOnly && m_editingId)
        cancelEdit();
    m_composer->setVisible(!readOnly);
    // The queue and pending tool calls stay readable; their controls are the owner's.
    m_queuePanel->setEnabled(!readOnly);
    m_actionPanel->setEnabled(!readOnly);
    m_chatView->setReadOnly(readOnly, safeDisplayText(owner));
}

void ConversationWidget::setShareAction(QAction *action)
{
    if (m_shareButton || !action)
        return;
    m_shareButton = new QToolButton(this);
    m_shareButton->setObjectName(u"shareButton"_s);
    m_shareButton->setAutoRaise(true);
    m_shareButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_headerLayout->insertWidget(2, m_shareButton);
    connect(m_shareButton, &QToolButton::clicked, action, &QAction::trigger);
    // Where sharing is offered, the button shows for the chats the user may share. (Not a
    // default action: QToolButton would follow only the action's visibility.)
    auto sync = [this, action] {
        m_shareButton->setText(action->text().remove(u'&'));
        m_shareButton->setToolTip(action->toolTip());
        m_shareButton->setVisible(action->isVisible() && action->isEnabled());
    };
    connect(action, &QAction::changed, m_shareButton, sync);
    sync();
}

void ConversationWidget::setModelConfigs(ModelConfigModel *models)
{
    m_composer->setModelConfigs(models);
    if (m_models)
        disconnect(m_models, nullptr, this, nullptr);
    m_models = models;
    if (models) {
        onModelChanges(models,
            ModelChange::Reset | ModelChange::RowsInserted | ModelChange::DataChanged, this,
            &ConversationWidget::updateGauge);
    }
    updateGauge();
}

void ConversationWidget::setUploader(
    ApiClient *api, AttachmentUploads *uploads, const OrganizationId &organizationId)
{
    m_api = api;
    m_composer->setUploader(api, uploads, organizationId);
    m_infoBar->setApi(api);
}

void ConversationWidget::setOrganization(const OrganizationId &organizationId)
{
    m_composer->setOrganization(organizationId);
}

void ConversationWidget::setFileCache(FileCache *files)
{
    delete m_thumbnails;
    m_thumbnails = files ? new ThumbnailProvider(files, this) : nullptr;
    m_steer->setFileCache(files);
    m_chatView->setThumbnailProvider(m_thumbnails);
}

void ConversationWidget::handleFileImageActivated(const FileId &id, const QString &name)
{
    if (!m_thumbnails)
        return;
    m_thumbnails->fetchOriginal(id, this, [this, name](const ApiResult<QByteArray> &result) {
        if (result.ok())
            showImage(result.value(), name);
        else
            handleError(result.error());
    });
}

ImageViewer *ConversationWidget::imageViewer() const
{
    return m_viewer;
}

void ConversationWidget::showImage(const QByteArray &bytes, const QString &name)
{
    if (!m_viewer) {
        m_viewer = new ImageViewer(this);
        m_viewer->setObjectName(u"imageViewer"_s);
        m_viewer->setWindowFlag(Qt::Window);
        m_viewer->setAttribute(Qt::WA_DeleteOnClose);
        m_viewer->resize(800, 600);
    }
    if (!m_viewer->setImageData(bytes, name)) {
        handleError(ApiError::decodeFailure(tr("image")));
        return;
    }
    m_viewer->setWindowTitle(name.isEmpty() ? tr("Image") : name);
    m_viewer->show();
    m_viewer->raise();
    m_viewer->activateWindow();
}

void ConversationWidget::focusComposer()
{
    m_composer->focusEditor();
}

void ConversationWidget::interrupt()
{
    // Stop stops at once, as in the web UI; what the agent wrote so far is kept and the
    // answer is marked "Stopped by you".
    if (!m_session || !isActive(m_session->status()))
        return;
    m_session->interrupt();
}

void ConversationWidget::handleConfirmAction()
{
    const Confirm confirm = m_confirm;
    m_confirm = Confirm::None;
    m_confirmBanner->dismiss();
    if (confirm == Confirm::Edit)
        cancelEdit();
}

void ConversationWidget::beginEdit(MessageId id, const QString &text)
{
    if (!m_session || !id.isValid() || m_readOnly)
        return;
    if (!m_editingId) {
        m_draftBeforeEdit = m_composer->text();
        m_effortBeforeEdit = m_composer->reasoningEffort();
    }
    m_editingId = id;
    m_confirm = Confirm::Edit;
    m_composer->setText(text);
    m_composer->focusEditor();
    m_confirmBanner->showMessage(ErrorBanner::Kind::Warning,
        tr("Editing an earlier message. Sending replaces it and everything after it."), {},
        tr("Cancel Editing"));
}

void ConversationWidget::cancelEdit()
{
    if (!m_editingId)
        return;
    m_editingId.reset();
    m_composer->setText(m_draftBeforeEdit);
    m_draftBeforeEdit.clear();
    if (m_confirm == Confirm::Edit) {
        m_confirm = Confirm::None;
        m_confirmBanner->dismiss();
    }
}

void ConversationWidget::handleRecallRequested()
{
    if (!m_messages)
        return;
    // Up in an empty composer with nothing sent this run: edit the last own message (web UI).
    for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_messages->index(row);
        const auto id = index.data(MessageListModel::MessageIdRole).value<MessageId>();
        if (id.isValid()
            && index.data(MessageListModel::RoleRole).value<MessageRole>() == MessageRole::User) {
            beginEdit(id, index.data(MessageListModel::TextRole).toString());
            return;
        }
    }
}

void ConversationWidget::handleSendRequested(
    const QList<InputPart> &content, BusyBehavior busyBehavior)
{
    if (!m_session) {
        m_composer->sendFailed(m_composer->draftKey(), textOf(content), tr("No chat is open."));
        return;
    }
    m_apiBanner->dismiss();
    if (!m_editingId && interceptCommand(content))
        return;
    if (m_editingId) {
        const MessageId id = *m_editingId;
        m_editingId.reset();
        m_confirm = Confirm::None;
        m_confirmBanner->dismiss();
        // §20.8: the web sends the effort on an edit only when the user changed it.
        const QString effort = m_composer->reasoningEffort();
        m_session->editMessage(id, content, effort != m_effortBeforeEdit ? effort : QString());
        m_composer->setText(m_draftBeforeEdit);
        m_draftBeforeEdit.clear();
        return;
    }
    // Queue is what Coder's web UI does while a turn runs (§14.4); idle chats just send.
    // Ctrl+Shift+Enter interrupts the turn instead and runs this message next.
    const QString nonce = m_session->send(content, busyBehavior, sendOptions());
    m_draftKeyByNonce.insert(nonce, m_composer->draftKey());
}

SendOptions ConversationWidget::sendOptions() const
{
    SendOptions options;
    options.modelConfigId = m_composer->selectedModelConfigId();
    options.planMode = m_composer->isPlanMode();
    options.reasoningEffort = m_composer->reasoningEffort();
    options.mcpServerIds = m_composer->mcpServerIds();
    return options;
}

void ConversationWidget::handleMessageSent(const QString &nonce, bool)
{
    m_composer->sendSucceeded(m_draftKeyByNonce.take(nonce));
}

void ConversationWidget::handleSendFailed(
    const QString &nonce, const ApiError &error, const QList<InputPart> &content)
{
    const QString key = m_draftKeyByNonce.take(nonce);
    m_composer->sendFailed(
        key.isEmpty() ? m_composer->draftKey() : key, textOf(content), error.toDisplayString());
    m_apiBanner->showMessage(
        ErrorBanner::Kind::Error, tr("Not sent: %1").arg(error.message), error.detail);
}

void ConversationWidget::handleRetrySend(const QString &nonce)
{
    if (!m_session || !m_messages)
        return;
    const int row = m_messages->rowOfPendingEcho(nonce);
    if (row < 0)
        return;
    const auto parts =
        m_messages->index(row).data(MessageListModel::PartsRole).value<QList<MessagePart>>();
    QList<InputPart> content;
    for (const MessagePart &part : parts) {
        if (part.kind == MessagePart::Kind::Text)
            content << InputPart::fromText(part.text);
        else if (part.kind == MessagePart::Kind::File && !part.detail().fileId.isNull())
            content << InputPart::fromFile(part.detail().fileId);
        else if (part.kind == MessagePart::Kind::FileReference)
            content << InputPart::fromFileReference(part.detail().fileName, part.detail().startLine,
                part.detail().endLine, part.detail().content);
    }
    if (content.isEmpty())
        return;
    // The failed send already put its text back into the composer; retrying from the row takes
    // it out again so it is not sent twice.
    if (m_composer->text().trimmed() == textOf(content).trimmed())
        m_composer->setText({});
    m_messages->removePendingEcho(nonce);
    m_apiBanner->dismiss();
    m_composer->showError({});
    const QString newNonce = m_session->send(content, BusyBehavior::Queue, sendOptions());
    m_draftKeyByNonce.insert(newNonce, m_composer->draftKey());
}

void ConversationWidget::handleStatusChanged(ChatStatus status)
{
    const bool wasActive = isActive(m_status);
    m_status = status;
    m_steer->setChatIdle(!isActive(status) && status != ChatStatus::RequiresAction);
    if (wasActive && !isActive(status))
        fetchCost(); // the turn has been billed
    m_composer->setChatActive(isActive(status));
    updateHeader();
}

void ConversationWidget::handleConnectionStateChanged(ConnectionState state)
{
    m_connection = state;
    switch (state) {
    case ConnectionState::Reconnecting:
        m_connectionBanner->showMessage(
            ErrorBanner::Kind::Info, tr("Connection lost. Reconnecting…"));
        m_connectionBanner->setClosable(false);
        break;
    case ConnectionState::Offline:
        m_connectionBanner->showMessage(
            ErrorBanner::Kind::Warning, tr("Offline: live updates stopped."), {}, tr("Retry"));
        m_connectionBanner->setClosable(true);
        break;
    case ConnectionState::Idle:
    case ConnectionState::Connecting:
    case ConnectionState::Live:
        m_connectionBanner->dismiss();
        break;
    }
    updateHeader();
}

void ConversationWidget::handleError(const ApiError &error)
{
    m_actionPanel->setBusy(false); // a refused result keeps its text for another try
    m_apiBanner->showMessage(ErrorBanner::Kind::Error, error.message, error.detail);
}

void ConversationWidget::handleTurnError(const std::optional<ChatError> &error)
{
    if (!error) {
        m_turnBanner->dismiss();
        return;
    }
    QString message = error->message;
    if (message.isEmpty())
        message = errorKindText(error->kind);
    QStringList detail;
    if (!error->detail.isEmpty())
        detail << error->detail;
    if (!error->provider.isEmpty())
        detail << tr("Provider: %1").arg(error->provider);
    if (error->statusCode > 0)
        detail << tr("Status: %1").arg(error->statusCode);
    if (!error->kindRaw.isEmpty())
        detail << tr("Kind: %1").arg(error->kindRaw);
    m_turnBanner->setClosable(true);
    m_turnBanner->showMessage(ErrorBanner::Kind::Error, message, detail.join(u'\n'));
}

void ConversationWidget::handleRetryScheduled(const StreamRetry &retry)
{
    const QString reason = !retry.error.isEmpty() ? retry.error : errorKindText(retry.kind);
    const QDateTime deadline = retry.retryingAt.isValid()
        ? retry.retryingAt
        : QDateTime::currentDateTimeUtc().addMSecs(retry.delayMs);
    const int attempt = retry.attempt;
    m_retryBanner->setClosable(false);
    m_retryBanner->showCountdown(
        ErrorBanner::Kind::Warning, deadline,
        [reason, attempt](int secondsLeft) {
            if (secondsLeft <= 0)
                return tr("%1 — retrying now (attempt %2)").arg(reason).arg(attempt);
            return tr("%1 — retrying in %n s (attempt %2)", nullptr, secondsLeft)
                .arg(reason)
                .arg(attempt);
        },
        retry.provider.isEmpty() ? QString() : tr("Provider: %1").arg(retry.provider));
}

void ConversationWidget::handleRetryCleared()
{
    m_retryBanner->dismiss();
}

void ConversationWidget::handleHistoryLoaded()
{
    m_chatView->setCanLoadOlder(m_session && m_session->canLoadOlder());
    m_chatView->olderLoadFinished();
    m_chatView->scrollToBottomAndFollow();
}

void ConversationWidget::handleOlderLoaded()
{
    m_chatView->setCanLoadOlder(m_session && m_session->canLoadOlder());
    m_chatView->olderLoadFinished();
}

void ConversationWidget::handleLoadOlderRequested()
{
    if (m_session && m_session->canLoadOlder())
        m_session->loadOlder();
    else
        m_chatView->olderLoadFinished(); // nothing to load now; ask again on the next scroll
}

void ConversationWidget::updateHeader()
{
    m_statusText->setText(statusText(m_status));
    const std::optional<IconId> glyph = statusIcon(m_status);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    if (glyph && m_icons)
        m_statusIcon->setPixmap(m_icons->icon(*glyph).pixmap(size, size));
    else
        m_statusIcon->clear();

    QString connection;
    switch (m_connection) {
    case ConnectionState::Connecting:
        connection = tr("Connecting…");
        break;
    case ConnectionState::Reconnecting:
        connection = tr("Reconnecting…");
        break;
    case ConnectionState::Offline:
        connection = tr("Offline");
        break;
    case ConnectionState::Idle:
    case ConnectionState::Live:
        break;
    }
    m_connectionText->setText(connection);
    m_connectionText->setVisible(!connection.isEmpty());
}

QString ConversationWidget::statusText(ChatStatus status)
{
    switch (status) {
    case ChatStatus::Waiting:
        return tr("Idle");
    case ChatStatus::Pending:
        return tr("Starting…");
    case ChatStatus::Running:
        return tr("Working…");
    case ChatStatus::Interrupting:
        return tr("Stopping…");
    case ChatStatus::RequiresAction:
        return tr("Needs your input");
    case ChatStatus::Error:
        return tr("Error");
    case ChatStatus::Paused:
        return tr("Paused");
    case ChatStatus::Completed:
        return tr("Completed");
    case ChatStatus::Unknown:
        break;
    }
    return {};
}

QString ConversationWidget::errorKindText(ChatErrorKind kind)
{
    switch (kind) {
    case ChatErrorKind::Overloaded:
        return tr("Provider overloaded");
    case ChatErrorKind::RateLimit:
        return tr("Rate limited by the provider");
    case ChatErrorKind::Timeout:
    case ChatErrorKind::StartupTimeout:
    case ChatErrorKind::StreamSilenceTimeout:
        return tr("The provider timed out");
    case ChatErrorKind::Auth:
        return tr("The provider rejected the credentials");
    case ChatErrorKind::Config:
        return tr("The model is misconfigured");
    case ChatErrorKind::UsageLimit:
        return tr("Usage limit reached");
    case ChatErrorKind::MissingKey:
        return tr("No API key for this provider");
    case ChatErrorKind::ProviderDisabled:
        return tr("The provider is disabled");
    case ChatErrorKind::ContentFilter:
        return tr("Blocked by the provider's content filter");
    case ChatErrorKind::HookDispatchFailed:
    case ChatErrorKind::HookDenied:
        return tr("Stopped by a hook");
    case ChatErrorKind::Unknown:
    case ChatErrorKind::Generic:
        break;
    }
    return tr("The agent ran into an error");
}

// --- Steering the agent (§20.4, §20.6, §20.7) ---------------------------------------------------

void ConversationWidget::setPlanMode(bool on)
{
    m_composer->setPlanMode(on);
    m_planBadge->setVisible(on && m_session);
}

bool ConversationWidget::isPlanMode() const
{
    return m_composer->isPlanMode();
}

void ConversationWidget::showPlanModeError(const ApiError &error)
{
    m_apiBanner->showMessage(ErrorBanner::Kind::Error,
        tr("Plan mode could not be changed: %1").arg(error.message), error.detail);
}

void ConversationWidget::updateGauge()
{
    m_gauge->setCompactAvailable(canCompact());
    // §20.6.4: the chat's model gives the threshold and the limit the usage may lack; before
    // the chat has one, the model picked in the composer.
    const ModelConfig *model = nullptr;
    if (m_models) {
        const std::optional<ModelConfigId> selected = m_composer->selectedModelConfigId();
        const QModelIndex index = m_models->indexOf(
            !m_chatModelId.isNull() ? m_chatModelId : selected.value_or(ModelConfigId()));
        if (index.isValid())
            model = m_models->modelConfig(index.row());
    }
    const auto userThreshold = model && m_userThresholds.contains(model->id.value)
        ? std::optional<int>(m_userThresholds.value(model->id.value))
        : std::nullopt;
    m_gauge->setUsage(m_session ? m_steer->latestUsage() : std::nullopt, model, userThreshold);
    m_compactButton->setVisible(
        m_session && canCompact() && m_gauge->level() == ContextGauge::Level::Red);
}

void ConversationWidget::fetchThresholds()
{
    // §20.6.3: the user's own thresholds exist where compaction does (v2 chats routes).
    if (!canCompact())
        return;
    m_api->userCompactionThresholds(this, [this](const ApiResult<QMap<QUuid, int>> &result) {
        // Without them (an error, an older build) the model's threshold applies.
        m_userThresholds = result.ok() ? result.value() : QMap<QUuid, int>();
        updateGauge();
    });
}

bool ConversationWidget::canCompact() const
{
    // §20.1.1: compact and clear exist where the v2 chats routes do (2.37 and newer).
    return m_api && m_api->chatsPrefix().startsWith(u"/api/v2"_s);
}

bool ConversationWidget::hasPlan() const
{
    return m_session && m_steer->hasPlan();
}

void ConversationWidget::compact()
{
    if (!m_session)
        return;
    m_apiBanner->dismiss();
    m_session->compact();
}

void ConversationWidget::requestClear()
{
    if (!m_session)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear Context"),
        tr("Clear the agent's context?"), QMessageBox::Cancel, this);
    box->setObjectName(u"clearContextDialog"_s);
    box->setInformativeText(tr("The conversation stays in the transcript, but the agent no "
                               "longer sees it in later turns."));
    QPushButton *clear = box->addButton(tr("Clear Context"), QMessageBox::DestructiveRole);
    box->setDefaultButton(clear);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<ChatSession> session = m_session;
    connect(
        box, &QMessageBox::buttonClicked, this, [this, session, clear](QAbstractButton *button) {
            if (button == clear && session && session == m_session) {
                m_apiBanner->dismiss();
                session->clearContext();
            }
        });
    box->open(); // window-modal, no nested event loop
}

void ConversationWidget::implementPlan()
{
    if (!m_session)
        return;
    // §20.4.3: the web sends this text with plan_mode "" (leaving plan mode in the same request).
    SendOptions options = sendOptions();
    options.planMode = false;
    setPlanMode(false);
    m_session->send({InputPart::fromText(u"Implement the plan."_s)}, BusyBehavior::Queue, options);
}

bool ConversationWidget::interceptCommand(const QList<InputPart> &content)
{
    // §20.6.2: only a message that is exactly `/compact` or `/clear`, text only, is a command.
    if (content.size() != 1 || content.first().kind != InputPart::Kind::Text)
        return false;
    const QString text = content.first().text.trimmed();
    if (text != u"/compact"_s && text != u"/clear"_s)
        return false;
    // A skill of that name takes precedence: the text goes out as a message (the agent loads it).
    if (m_composer->skillMenu()->hasSkill(text.mid(1)))
        return false;
    m_composer->sendSucceeded(m_composer->draftKey()); // the command is done with the draft
    if (text == u"/compact"_s)
        compact();
    else
        requestClear();
    return true;
}

void ConversationWidget::handleContextCommandFailed(bool clear, const ApiError &error)
{
    QString explanation;
    if (error.httpStatus == 409) {
        explanation = clear
            ? tr("Clearing works while the agent is idle with nothing queued, and only when "
                 "something was said since the last compaction or clear.")
            : tr("Compacting works while the agent is idle or stopped with an error, and only "
                 "when something was said since the last compaction or clear.");
    } else if (error.httpStatus == 404 && !canCompact()) {
        explanation = tr("This Coder server cannot compact or clear chats (Coder 2.37 or newer "
                         "can).");
    }
    QStringList detail;
    if (!explanation.isEmpty())
        detail << explanation;
    if (!error.detail.isEmpty())
        detail << error.detail;
    m_apiBanner->showMessage(ErrorBanner::Kind::Error,
        (clear ? tr("Could not clear the context: %1") : tr("Could not compact: %1"))
            .arg(error.message),
        detail.join(u'\n'));
}

QString ConversationWidget::formatDollars(qint64 micros, int decimals)
{
    //: An amount in US dollars; %1 is the number
    return tr("$%1").arg(QLocale().toString(double(micros) / 1e6, 'f', decimals));
}

void ConversationWidget::fetchCost()
{
    if (!m_api || !m_session)
        return;
    const ChatId chat = m_session->chatId();
    m_api->chatCost(chat, this, [this, chat](const ApiResult<CostSummary> &result) {
        if (!m_session || m_session->chatId() != chat)
            return;
        if (!result.ok()) {
            m_costLabel->hide(); // nothing where the server reports nothing
            return;
        }
        const CostSummary &cost = result.value();
        const QString dollars = formatDollars(cost.totalCostMicros,
            cost.totalCostMicros > 0 && cost.totalCostMicros < 10'000 ? 4 : 2);
        m_costLabel->setText(dollars);
        QString tip = tr("Cost of this chat and its sub-agents: %1 over %n request(s)", nullptr,
            int(cost.requestCount))
                          .arg(formatDollars(cost.totalCostMicros, 4));
        if (cost.unpricedRequestCount > 0)
            tip += u'\n'
                + tr("%n request(s) had no price and are not counted.", nullptr,
                    int(cost.unpricedRequestCount));
        m_costLabel->setToolTip(tip);
        m_costLabel->show();
    });
}

} // namespace AgentDesk
