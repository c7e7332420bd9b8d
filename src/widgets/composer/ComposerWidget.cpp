#include "widgets/composer/ComposerWidget.h"

#include "core/storage/DraftStore.h"
#include "models/ModelConfigModel.h"
#include "platform/ScreenshotPortal.h"
#include "ui_ComposerWidget.h"
#include "widgets/composer/AttachmentStrip.h"
#include "widgets/composer/McpPicker.h"
#include "widgets/composer/MessageEdit.h"
#include "widgets/composer/ModelPicker.h"
#include "widgets/composer/SkillMenu.h"
#include "widgets/conversation/ImageViewer.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/ModelChanges.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

//! Adds the "why can't I pick this" tooltip to ModelConfigModel rows. Words for users belong to
//! the widgets layer; the model only carries the server's reason code.
class ComposerModelProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ToolTipRole
            && !QIdentityProxyModel::data(index, ModelConfigModel::SelectableRole).toBool())
            return reasonText(
                QIdentityProxyModel::data(index, ModelConfigModel::UnavailableReasonRole)
                    .toString());
        if (role == Qt::ToolTipRole)
            return QIdentityProxyModel::data(index, ModelConfigModel::ProviderDisplayNameRole);
        return QIdentityProxyModel::data(index, role);
    }

    static QString reasonText(const QString &reason)
    {
        if (reason == u"missing_api_key"_s)
            return ComposerWidget::tr("No API key is configured for this provider.");
        if (reason == u"user_api_key_required"_s)
            return ComposerWidget::tr("This provider needs your own API key.");
        if (reason == u"fetch_failed"_s)
            return ComposerWidget::tr("The provider's models could not be fetched.");
        if (reason.isEmpty())
            return ComposerWidget::tr("This model is not available.");
        return ComposerWidget::tr("This model is not available (%1).").arg(reason);
    }
};

ComposerWidget::ComposerWidget(
    const Icons *icons, AppSettings *settings, DraftStore *drafts, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ComposerWidget>())
    , m_icons(icons)
    , m_settings(settings)
    , m_drafts(drafts)
    , m_proxy(new ComposerModelProxy(this))
{
    // ui/ComposerWidget.ui: the editor, the error line under it and the row of controls
    // (attach, capture, model, effort, MCP, plan mode, the hint, Stop and Send). The form sizes
    // the row so the window need not grow: the hint is a hint, not a control, and gives up its
    // room first (Ignored width, clipped, full text in the tooltip), then the effort and MCP
    // controls (minimum width 1); long model names do not set the window's minimum width
    // (the model picker's minimum contents length), since the diff panel needs room.
    m_ui->setupUi(this);
    m_skills = new SkillMenu(m_ui->messageEdit);
    m_ui->modelPicker->setModel(m_proxy);
    styleControls();
    if (m_settings)
        m_ui->messageEdit->setSendKey(m_settings->sendKey());
    connectControls();
    createShortcuts();
    updateState();
}

void ComposerWidget::styleControls()
{
    if (m_icons) {
        m_icons->apply(m_ui->sendButton, IconId::Send);
        m_icons->apply(m_ui->stopButton, IconId::Stop);
        m_icons->apply(m_ui->attachButton, IconId::Attach);
        m_ui->attachButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_ui->composerHint->setForegroundRole(QPalette::PlaceholderText);
    QPalette errorPalette = m_ui->composerError->palette();
    errorPalette.setColor(QPalette::WindowText,
        palette().color(QPalette::Base).lightness() < 128 ? QColor(0xf2, 0x8b, 0x82)
                                                          : QColor(0xb3, 0x26, 0x1e));
    m_ui->composerError->setPalette(errorPalette);
}

void ComposerWidget::connectControls()
{
    connect(m_ui->messageEdit, &MessageEdit::sendRequested, this, &ComposerWidget::handleSend);
    connect(m_ui->messageEdit, &MessageEdit::sendAndInterruptRequested, this,
        &ComposerWidget::handleSendAndInterrupt);
    connect(
        m_ui->messageEdit, &MessageEdit::recallRequested, this, &ComposerWidget::recallRequested);
    connect(
        m_ui->messageEdit, &QPlainTextEdit::textChanged, this, &ComposerWidget::handleTextChanged);
    connect(m_ui->sendButton, &QPushButton::clicked, this, &ComposerWidget::handleSend);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &ComposerWidget::interruptRequested);
    // Only the user's clicks: setPlanMode() mirrors the chat and must not PATCH it back.
    connect(m_ui->planModeToggle, &QToolButton::clicked, this, &ComposerWidget::planModeToggled);
    connect(m_ui->modelPicker, &QComboBox::activated, this, &ComposerWidget::handleModelPicked);
    connect(m_ui->mcpPicker, &McpPicker::chatFetched, this, [this](const Chat &chat) {
        // §20.8: the chat's last effort comes before the model's default.
        m_ui->reasoningEffortPicker->setChatEffort(chat.lastReasoningEffort);
        m_ui->reasoningEffortPicker->setModelConfig(
            m_models ? m_models->modelConfig(m_ui->modelPicker->currentIndex()) : nullptr);
    });
}

void ComposerWidget::createShortcuts()
{
    // Keyboard first: open the model and effort lists from anywhere in the composer.
    auto *modelKey = new QShortcut(QKeySequence(tr("Ctrl+Shift+M")), this);
    modelKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(modelKey, &QShortcut::activated, m_ui->modelPicker, [this] {
        if (m_ui->modelPicker->isVisible())
            m_ui->modelPicker->showPopup();
    });
    auto *effortKey = new QShortcut(QKeySequence(tr("Ctrl+Shift+E")), this);
    effortKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(effortKey, &QShortcut::activated, m_ui->reasoningEffortPicker, [this] {
        if (m_ui->reasoningEffortPicker->isVisible()) {
            m_ui->reasoningEffortPicker->setFocus(Qt::ShortcutFocusReason);
            m_ui->reasoningEffortPicker->showPopup();
        }
    });
    m_ui->modelPicker->setToolTip(
        tr("Model (%1)").arg(modelKey->key().toString(QKeySequence::NativeText)));
    m_ui->reasoningEffortPicker->setToolTip(
        tr("Reasoning effort (%1)").arg(effortKey->key().toString(QKeySequence::NativeText)));
}

ComposerWidget::~ComposerWidget() = default;

MessageEdit *ComposerWidget::editor() const
{
    return m_ui->messageEdit;
}

McpPicker *ComposerWidget::mcpPicker() const
{
    return m_ui->mcpPicker;
}

EffortPicker *ComposerWidget::effortPicker() const
{
    return m_ui->reasoningEffortPicker;
}

void ComposerWidget::setUploader(
    ApiClient *api, AttachmentUploads *uploads, const OrganizationId &organizationId)
{
    if (m_strip || !api || !uploads)
        return;
    m_strip = new AttachmentStrip(uploads, this);
    m_strip->setObjectName(u"attachmentStrip"_s);
    m_strip->setOrganization(organizationId);
    m_strip->hide();
    m_skills->setApi(api);
    m_ui->mcpPicker->setApi(api, organizationId);
    // Above the editor, as in the web UI.
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->insertWidget(0, m_strip);
    m_ui->messageEdit->setAttachmentSink(
        [this](const QMimeData *mime) { return takeMimeData(mime); });
    setAcceptDrops(true);
    connect(m_strip, &AttachmentStrip::changed, this, &ComposerWidget::handleAttachmentsChanged);
    connect(m_strip, &AttachmentStrip::uploadsFinished, this, &ComposerWidget::updateState);
    connect(m_strip, &AttachmentStrip::previewRequested, this,
        [this](const QByteArray &bytes, const QString &name) {
            auto *viewer = new ImageViewer(this);
            viewer->setWindowFlag(Qt::Window);
            viewer->setAttribute(Qt::WA_DeleteOnClose);
            viewer->setObjectName(u"attachmentPreview"_s);
            if (!viewer->setImageData(bytes, name)) {
                delete viewer;
                return;
            }
            viewer->resize(720, 540);
            viewer->show();
        });
    connect(m_ui->attachButton, &QToolButton::clicked, this, [this] {
        m_strip->openFilePicker();
        // A refused file adds no card and emits nothing; show the strip for its message.
        if (auto *dialog = m_strip->findChildren<QFileDialog *>().value(0))
            connect(dialog, &QFileDialog::filesSelected, this,
                &ComposerWidget::handleAttachmentsChanged, Qt::UniqueConnection);
    });
    m_ui->attachButton->show();

    m_portal = new ScreenshotPortal(this);
    connect(m_portal, &ScreenshotPortal::availabilityChanged, this,
        &ComposerWidget::handleScreenshotAvailability);
    connect(m_portal, &ScreenshotPortal::captured, m_strip, [this](const QString &path) {
        m_strip->addFile(path);
        handleAttachmentsChanged();
    });
    connect(m_portal, &ScreenshotPortal::failed, this, &ComposerWidget::showError);
    connect(
        m_ui->screenshotButton, &QToolButton::clicked, this, &ComposerWidget::captureScreenshot);
    m_ui->screenshotButton->setEnabled(false); // until the probe answers
    m_ui->screenshotButton->show();
    m_portal->probe();
    loadDraftAttachments();
}

void ComposerWidget::setOrganization(const OrganizationId &organizationId)
{
    if (m_strip)
        m_strip->setOrganization(organizationId);
    m_ui->mcpPicker->setOrganization(organizationId);
}

QList<InputPart> ComposerWidget::attachmentParts() const
{
    QList<InputPart> parts;
    if (!m_strip)
        return parts;
    const QList<FileId> ids = m_strip->attachments();
    for (const FileId &id : ids)
        parts << InputPart::fromFile(id);
    return parts;
}

void ComposerWidget::captureScreenshot()
{
    if (!m_portal || !m_portal->isAvailable())
        return;
    if (!m_portal->capture())
        showError(tr("The screenshot could not be started."));
}

void ComposerWidget::handleScreenshotAvailability(bool available, const QString &reason)
{
    m_ui->screenshotButton->setEnabled(available);
    m_ui->screenshotButton->setToolTip(available
            ? tr("Capture screen region")
            : tr("Screen capture is not available: %1").arg(reason));
}

void ComposerWidget::handleAttachmentsChanged()
{
    updateStripVisibility();
    updateState();
    if (m_loadingDraft || !m_drafts || m_draftKey.isEmpty())
        return;
    Draft draft = m_drafts->draft(m_draftKey);
    const QList<DraftAttachment> attachments = m_strip->draftAttachments();
    if (draft.attachments == attachments)
        return; // a refusal, or a progress step: nothing the draft keeps
    draft.attachments = attachments;
    draft.updatedAt = QDateTime::currentDateTimeUtc();
    m_drafts->setDraft(m_draftKey, draft); // DraftStore debounces the write
}

void ComposerWidget::updateStripVisibility()
{
    if (m_strip)
        m_strip->setVisible(!m_strip->isEmpty() || !m_strip->messageText().isEmpty());
}

void ComposerWidget::loadDraftAttachments()
{
    if (!m_strip)
        return;
    m_loadingDraft = true;
    const QList<DraftAttachment> attachments = m_drafts && !m_draftKey.isEmpty()
        ? m_drafts->draft(m_draftKey).attachments
        : QList<DraftAttachment>();
    if (attachments.isEmpty())
        m_strip->clear();
    else
        m_strip->restoreDraftAttachments(attachments);
    m_loadingDraft = false;
    updateStripVisibility();
    updateState();
}

void ComposerWidget::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_strip && AttachmentStrip::canTake(event->mimeData()))
        event->acceptProposedAction();
}

void ComposerWidget::dropEvent(QDropEvent *event)
{
    if (m_strip && AttachmentStrip::canTake(event->mimeData())) {
        takeMimeData(event->mimeData());
        event->acceptProposedAction();
    }
}

bool ComposerWidget::takeMimeData(const QMimeData *mime)
{
    if (!m_strip)
        return false;
    const bool took = m_strip->addMimeData(mime);
    handleAttachmentsChanged(); // also shows a refusal, which adds nothing
    return took;
}

void ComposerWidget::setDraftKey(const QString &key)
{
    if (key == m_draftKey)
        return;
    m_draftKey = key;
    m_loadingDraft = true;
    m_ui->messageEdit->setPlainText(
        m_drafts && !key.isEmpty() ? m_drafts->draft(key).text : QString());
    m_ui->messageEdit->moveCursor(QTextCursor::End);
    m_loadingDraft = false;
    m_ui->composerError->hide();
    m_skills->setChat(ChatId::fromString(key)); // null for the new-chat key
    m_ui->reasoningEffortPicker->setChatEffort({});
    m_ui->reasoningEffortPicker->setModelConfig(
        m_models ? m_models->modelConfig(m_ui->modelPicker->currentIndex()) : nullptr);
    m_ui->mcpPicker->setChat(ChatId::fromString(key)); // fetches the chat: chatFetched
    loadDraftAttachments();
    updateState();
}

QString ComposerWidget::text() const
{
    return m_ui->messageEdit->toPlainText();
}

void ComposerWidget::setText(const QString &text)
{
    m_ui->messageEdit->setPlainText(text);
    m_ui->messageEdit->moveCursor(QTextCursor::End);
}

void ComposerWidget::focusEditor()
{
    m_ui->messageEdit->setFocus(Qt::OtherFocusReason);
}

void ComposerWidget::setChatActive(bool active)
{
    m_active = active;
    updateState();
}

void ComposerWidget::setSendKey(AppSettings::SendKey key)
{
    m_ui->messageEdit->setSendKey(key);
    updateState();
}

void ComposerWidget::handleSend()
{
    const QList<InputPart> content = takeContent();
    if (!content.isEmpty())
        Q_EMIT sendRequested(content);
}

void ComposerWidget::handleSendAndInterrupt()
{
    const QList<InputPart> content = takeContent();
    if (!content.isEmpty())
        Q_EMIT sendAndInterruptRequested(content);
}

QList<InputPart> ComposerWidget::takeContent()
{
    if (m_strip && !m_strip->canSend())
        return {}; // uploads in flight
    const QString text = m_ui->messageEdit->toPlainText();
    QList<InputPart> content;
    if (!text.trimmed().isEmpty())
        content << InputPart::fromText(text);
    content << attachmentParts();
    if (content.isEmpty())
        return {};
    m_ui->messageEdit->setLastSentText(text);
    // The field empties now, as in every chat app; the stored draft stays until the caller
    // reports success, so a crash or a failed send cannot lose the text.
    m_loadingDraft = true;
    m_ui->messageEdit->clear();
    if (m_strip && !m_strip->isEmpty()) {
        // Like the text: gone from the field now, kept in the stored draft until success.
        m_sentAttachments.insert(m_draftKey, m_strip->draftAttachments());
        m_strip->clear();
    }
    m_loadingDraft = false;
    if (m_strip)
        m_strip->hide();
    m_ui->composerError->hide();
    updateState();
    return content;
}

void ComposerWidget::sendSucceeded(const QString &key)
{
    m_sentAttachments.remove(key);
    if (!m_drafts || key.isEmpty())
        return;
    if (key == m_draftKey && (!text().isEmpty() || (m_strip && !m_strip->isEmpty())))
        return; // the draft already holds what was typed since
    m_drafts->clear(key);
}

void ComposerWidget::sendFailed(
    const QString &key, const QString &failedText, const QString &reason)
{
    const QList<DraftAttachment> attachments = m_sentAttachments.take(key);
    if (key == m_draftKey) {
        const QString current = text();
        setText(current.isEmpty() ? failedText : failedText + u"\n\n"_s + current);
        if (m_strip && !attachments.isEmpty() && m_strip->isEmpty())
            m_strip->restoreDraftAttachments(attachments);
        showError(reason);
        return;
    }
    if (m_drafts && !key.isEmpty()) {
        Draft draft = m_drafts->draft(key);
        if (!draft.text.contains(failedText))
            draft.text = draft.text.isEmpty() ? failedText : failedText + u"\n\n"_s + draft.text;
        draft.updatedAt = QDateTime::currentDateTimeUtc();
        m_drafts->setDraft(key, draft);
    }
}

void ComposerWidget::showError(const QString &reason)
{
    m_ui->composerError->setText(reason);
    m_ui->composerError->setVisible(!reason.isEmpty());
}

QString ComposerWidget::errorText() const
{
    return m_ui->composerError->isVisibleTo(this) ? m_ui->composerError->text() : QString();
}

void ComposerWidget::handleTextChanged()
{
    updateState();
    if (m_loadingDraft)
        return;
    if (m_drafts && !m_draftKey.isEmpty()) {
        Draft draft = m_drafts->draft(m_draftKey);
        draft.text = text();
        if (m_strip) // what the field shows now, as for the text (a sent list is not kept twice)
            draft.attachments = m_strip->draftAttachments();
        draft.updatedAt = QDateTime::currentDateTimeUtc();
        m_drafts->setDraft(m_draftKey, draft); // DraftStore debounces the write
    }
}

void ComposerWidget::updateState()
{
    const bool uploading = m_strip && !m_strip->canSend();
    m_ui->sendButton->setEnabled(
        !uploading && (!text().trimmed().isEmpty() || !attachmentParts().isEmpty()));
    m_ui->sendButton->setToolTip(
        uploading ? tr("Waiting for attachments to upload") : tr("Send the message"));
    m_ui->stopButton->setVisible(m_active);
    if (m_active) {
        m_ui->composerHint->setText(tr("Agent is working — your message will be queued"));
    } else if (m_ui->messageEdit->sendKey() == AppSettings::SendKey::CtrlEnter) {
        m_ui->composerHint->setText(tr("Ctrl+Enter to send, Enter for a new line"));
    } else {
        m_ui->composerHint->setText(tr("Enter to send, Shift+Enter for a new line"));
    }
    m_ui->composerHint->setToolTip(m_ui->composerHint->text());
}

void ComposerWidget::setModelConfigs(ModelConfigModel *models)
{
    if (m_models)
        disconnect(m_models, nullptr, this, nullptr);
    m_models = models;
    m_userPickedModel = false;
    m_proxy->setSourceModel(models);
    if (models)
        onModelChanges(models, listChanges, this, &ComposerWidget::handleModelsChanged);
    handleModelsChanged();
}

void ComposerWidget::handleModelsChanged()
{
    m_ui->modelPicker->setVisible(m_models && m_models->rowCount() > 0);
    if (!m_models)
        return;
    const int current = m_ui->modelPicker->currentIndex();
    const bool currentUsable =
        current >= 0 && m_proxy->index(current, 0).data(ModelConfigModel::SelectableRole).toBool();
    if (!m_userPickedModel || !currentUsable)
        m_ui->modelPicker->setCurrentIndex(m_models->defaultRow());
    m_ui->reasoningEffortPicker->setModelConfig(
        m_models->modelConfig(m_ui->modelPicker->currentIndex()));
}

void ComposerWidget::handleModelPicked(int row)
{
    m_userPickedModel = true;
    m_ui->reasoningEffortPicker->setModelConfig(m_models ? m_models->modelConfig(row) : nullptr);
    if (const auto id = selectedModelConfigId())
        Q_EMIT modelConfigChanged(*id);
}

std::optional<ModelConfigId> ComposerWidget::selectedModelConfigId() const
{
    const int row = m_ui->modelPicker->currentIndex();
    if (!m_models || row < 0)
        return std::nullopt;
    const QModelIndex index = m_proxy->index(row, 0);
    if (!index.data(ModelConfigModel::SelectableRole).toBool())
        return std::nullopt;
    return index.data(ModelConfigModel::ModelConfigIdRole).value<ModelConfigId>();
}

void ComposerWidget::setSelectedModelConfigId(const ModelConfigId &id)
{
    if (!m_models || id.isNull())
        return;
    const QModelIndex index = m_models->indexOf(id);
    if (index.isValid() && index.data(ModelConfigModel::SelectableRole).toBool()) {
        m_ui->modelPicker->setCurrentIndex(index.row());
        m_userPickedModel = true;
        m_ui->reasoningEffortPicker->setModelConfig(m_models->modelConfig(index.row()));
    }
}

QString ComposerWidget::reasoningEffort() const
{
    return selectedModelConfigId() ? m_ui->reasoningEffortPicker->effort() : QString();
}

std::optional<QList<QUuid>> ComposerWidget::mcpServerIds() const
{
    // Only a change made here replaces the chat's set (§20.9: sending the field replaces it).
    return m_ui->mcpPicker->selectedIds(true);
}

bool ComposerWidget::isPlanMode() const
{
    return m_ui->planModeToggle->isChecked();
}

void ComposerWidget::setPlanMode(bool on)
{
    m_ui->planModeToggle->setChecked(on);
}

} // namespace AgentDesk
