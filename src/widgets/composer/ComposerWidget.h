#pragma once

#include "core/api/ApiTypes.h"
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDragEnterEvent;
class QDropEvent;
class QMimeData;
class QLabel;
class QToolButton;
class QPushButton;

namespace AgentDesk {

namespace Ui {
class ComposerWidget;
}

class ApiClient;
class AttachmentUploads;
class AttachmentStrip;
class DraftStore;
class ScreenshotPortal;
class Icons;
class MessageEdit;
class ModelConfigModel;
class ComposerModelProxy;
class ModelPicker;
class EffortPicker;
class McpPicker;
class SkillMenu;

//! Where the user writes (design.md c.7): MessageEdit, Send, Stop while the agent runs, the model
//! picker, the plan-mode toggle and a hint line. Drafts go to DraftStore on every edit (it
//! debounces) under the key set with setDraftKey. A send clears the field at once but the
//! stored draft only when the caller reports success (sendSucceeded); a failed send puts the
//! text back and says why (sendFailed). Text is never lost.
class ComposerWidget final : public QWidget
{
    Q_OBJECT

public:
    //! `settings` and `drafts` may be null (no persistence); none is owned.
    ComposerWidget(
        const Icons *icons, AppSettings *settings, DraftStore *drafts, QWidget *parent = nullptr);
    ~ComposerWidget() override;

    //! Switches to another chat's draft (a chat id, or DraftStore::newChatKey()); empty = none.
    void setDraftKey(const QString &key);
    QString draftKey() const { return m_draftKey; }

    QString text() const;
    void setText(const QString &text);
    MessageEdit *editor() const;
    void focusEditor();

    //! While the agent runs: Stop is shown and sends are queued (the hint says so).
    void setChatActive(bool active);
    bool isChatActive() const { return m_active; }
    void setSendKey(AppSettings::SendKey key);

    void setModelConfigs(ModelConfigModel *models);
    //! The picked model; nullopt when nothing selectable is picked.
    std::optional<ModelConfigId> selectedModelConfigId() const;
    void setSelectedModelConfigId(const ModelConfigId &id);
    //! §20.8: the picked reasoning effort; empty when the model offers none.
    QString reasoningEffort() const;
    //! §20.9: the MCP servers to send, nullopt to leave the chat's set alone.
    std::optional<QList<QUuid>> mcpServerIds() const;
    McpPicker *mcpPicker() const;
    SkillMenu *skillMenu() const { return m_skills; }
    EffortPicker *effortPicker() const;
    bool isPlanMode() const;
    void setPlanMode(bool on);

    //! The caller's send succeeded: the stored draft for `key` is cleared.
    void sendSucceeded(const QString &key);
    //! The send failed: `text` comes back into the field (kept before anything typed since) and
    //! `reason` is shown under it until the next edit.
    void sendFailed(const QString &key, const QString &text, const QString &reason);
    //! Shows a reason under the field without touching the text.
    void showError(const QString &reason);
    QString errorText() const;

    //! Attachment hook: the content parts of attachments (AttachmentStrip arrives in a later
    //! issue). Returns nothing yet; sends already carry whatever it returns.
    //! Enables attachments: paste, drop, the Attach and screenshot buttons. The composer
    //! creates no network objects: uploads are jobs of `uploads` (the Session's), the skill
    //! and MCP pickers read through `api`. Call once.
    void setUploader(
        ApiClient *api, AttachmentUploads *uploads, const OrganizationId &organizationId);
    void setOrganization(const OrganizationId &organizationId);
    AttachmentStrip *attachmentStrip() const { return m_strip; }
    //! One file part per uploaded attachment.
    QList<InputPart> attachmentParts() const;
    //! Opens the screenshot portal; the captured file becomes an attachment.
    void captureScreenshot();

Q_SIGNALS:
    //! The user sent `content` (text first, then attachment parts). The field is already empty.
    void sendRequested(const QList<AgentDesk::InputPart> &content);
    //! Send now and interrupt the running turn instead of queueing (Ctrl+Shift+Enter).
    void sendAndInterruptRequested(const QList<AgentDesk::InputPart> &content);
    //! Stop was pressed while the agent runs.
    void interruptRequested();
    //! Up in an empty field with nothing to recall.
    void recallRequested();
    //! The user clicked the plan-mode toggle (not emitted by setPlanMode()).
    void planModeToggled(bool on);
    void modelConfigChanged(const AgentDesk::ModelConfigId &id);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void handleSend();
    void handleSendAndInterrupt();
    //! Takes the text and attachments out of the field; empty when there is nothing to send.
    QList<InputPart> takeContent();
    void handleAttachmentsChanged();
    void updateStripVisibility();
    bool takeMimeData(const QMimeData *mime);
    void handleScreenshotAvailability(bool available, const QString &reason);
    void loadDraftAttachments();
    void handleTextChanged();
    void handleModelsChanged();
    void handleModelPicked(int row);
    void updateState();
    //! Icons and the palette-dependent looks the form cannot hold.
    void styleControls();
    void connectControls();
    //! Ctrl+Shift+M and Ctrl+Shift+E open the model and effort lists; the tooltips name them.
    void createShortcuts();

    std::unique_ptr<Ui::ComposerWidget> m_ui;
    const Icons *m_icons;
    AppSettings *m_settings;
    DraftStore *m_drafts;
    SkillMenu *m_skills = nullptr;
    AttachmentStrip *m_strip = nullptr;
    ScreenshotPortal *m_portal = nullptr;
    QHash<QString, QList<DraftAttachment>> m_sentAttachments; //!< Per draft key, until success.
    ModelConfigModel *m_models = nullptr;
    ComposerModelProxy *m_proxy = nullptr;
    QString m_draftKey;
    bool m_active = false;
    bool m_loadingDraft = false; //!< Programmatic text changes must not rewrite the draft.
    bool m_userPickedModel = false;
};

} // namespace AgentDesk
