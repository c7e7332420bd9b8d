#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/live/WebSocketChannel.h"

#include <QHash>
#include <QMap>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QToolButton;
class QHBoxLayout;
class QStackedWidget;

namespace AgentDesk {

class ActionRequiredPanel;
class ChatInfoBar;
class ContextGauge;
class FileCache;
class SteerController;
class ApiClient;
class AttachmentUploads;
class AppSettings;
class FileCache;
class ImageViewer;
class ThumbnailProvider;
class ChatSession;
struct SendOptions;
class ChatView;
class ComposerWidget;
class DraftStore;
class ErrorBanner;
class Icons;
class MessageListModel;
class ModelConfigModel;
class QueuePanel;
class QueueModel;

//! The conversation pane MainWindow embeds (objectName conversationWidget): a header with the
//! chat's title, status and connection, the ChatView, banners for turn errors, retries,
//! connection trouble, failed calls and confirmations, the QueuePanel and the ComposerWidget.
//! It wires them to one ChatSession; the session and models belong to the caller.
class ConversationWidget final : public QWidget
{
    Q_OBJECT

public:
    //! None of the pointers is owned; `settings` and `drafts` may be null.
    ConversationWidget(
        Icons *icons, AppSettings *settings, DraftStore *drafts, QWidget *parent = nullptr);
    ~ConversationWidget() override;

    //! Shows a chat; `session` null shows the empty state. The session must stay alive until
    //! the next setSession call (it is watched with a QPointer regardless).
    void setSession(
        ChatSession *session, MessageListModel *messages, QueueModel *queue, const QString &title);
    ChatSession *session() const;
    void setTitle(const QString &title);
    //! §20.12: the chat's `warnings` (not errors), shown under the header; empty hides them.
    void setWarnings(const QStringList &warnings);
    //! The open chat as the list holds it (§20.3, §20.5, §20.12): `readOnly` when another user
    //! owns it (shared with this one): no composer, no edit, no queue or tool-result controls,
    //! and "Shared by <owner>". Also the dirty-context banner, capacity and the Context button.
    void setChatInfo(const Chat &chat, bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    ChatInfoBar *infoBar() const { return m_infoBar; }
    //! Puts a button for `action` (the window's Share) in the header; it follows the action's
    //! visibility and enabled state.
    void setShareAction(QAction *action);
    void setModelConfigs(ModelConfigModel *models);
    //! Attachments in the composer upload as jobs of `uploads` into `organizationId`; the
    //! pickers and the info bar read through `api` (neither owned).
    void setUploader(
        ApiClient *api, AttachmentUploads *uploads, const OrganizationId &organizationId);
    void setOrganization(const OrganizationId &organizationId);
    //! File parts show thumbnails fetched through `files` (not owned; null = chips only).
    void setFileCache(FileCache *files);
    ThumbnailProvider *thumbnails() const { return m_thumbnails; }
    //! The last image opened from the timeline (null before the first).
    ImageViewer *imageViewer() const;
    //! Opens `bytes` in the image viewer window.
    void showImage(const QByteArray &bytes, const QString &name);
    void focusComposer();
    //! Stops the running turn at once (Ctrl+., the Stop button).
    void interrupt();
    //! Loads a user message into the composer to be edited; sending then replaces it and
    //! everything after it (a warning bar says so, with "Cancel").
    void beginEdit(MessageId id, const QString &text);
    void cancelEdit();
    bool isEditing() const { return m_editingId.has_value(); }

    ChatView *chatView() const { return m_chatView; }
    ComposerWidget *composer() const { return m_composer; }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    ActionRequiredPanel *actionPanel() const { return m_actionPanel; }

    // --- Steering the agent (§20.4, §20.6, §20.7) ---------------------------------------------
    //! Mirrors the chat's plan mode in the composer's toggle and the header's marker.
    void setPlanMode(bool on);
    bool isPlanMode() const;
    //! The PATCH of the plan mode was refused: says so with Coder's message.
    void showPlanModeError(const ApiError &error);
    //! Whether the server has compact and clear (v2 prefix); without, they are hidden.
    bool canCompact() const;
    //! §20.6.1: compacts the open chat now.
    void compact();
    //! §20.6.2: asks for confirmation (clearContextDialog), then clears the model's context.
    void requestClear();
    //! §20.4.3: sends "Implement the plan." and leaves plan mode in the same request.
    void implementPlan();
    bool hasPlan() const;
    //! Handles a composer send that is a command (`/compact`, `/clear`); true when it was one.
    bool interceptCommand(const QList<InputPart> &content);
    ContextGauge *contextGauge() const { return m_gauge; }
    //! "$1.23" for an amount in micros (millionths of a US dollar, §20.7).
    static QString formatDollars(qint64 micros, int decimals = 2);
    SteerController *steer() const { return m_steer; }
    QLabel *costLabel() const { return m_costLabel; }

signals:
    //! The server answered with the whole chat (a context refresh): the list should hold it.
    void chatRefreshed(const AgentDesk::Chat &chat);
    //! The user switched plan mode (toggle or command); the caller PATCHes the chat.
    void planModeChangeRequested(bool on);

private:
    //! The header row: title, plan badge, cost, context gauge, compaction, status.
    QWidget *createHeader();
    //! Wires the composer, the view, the panels and the banners to this widget.
    void connectChildren();
    void handleContextCommandFailed(bool clear, const ApiError &error);
    void fetchCost();
    void fetchThresholds();
    void updateGauge();
    //! The model and plan mode the composer shows, sent with every message.
    SendOptions sendOptions() const;
    void handleSendRequested(const QList<InputPart> &content, BusyBehavior busyBehavior);
    void handleFileImageActivated(const FileId &id, const QString &name);
    void handleStatusChanged(ChatStatus status);
    void handleConnectionStateChanged(ConnectionState state);
    void handleError(const ApiError &error);
    void handleTurnError(const std::optional<ChatError> &error);
    void handleRetryScheduled(const StreamRetry &retry);
    void handleRetryCleared();
    void handleMessageSent(const QString &nonce, bool queued);
    void handleSendFailed(
        const QString &nonce, const ApiError &error, const QList<InputPart> &content);
    void handleHistoryLoaded();
    void handleOlderLoaded();
    void handleLoadOlderRequested();
    void handleRetrySend(const QString &nonce);
    void handleRecallRequested();
    void handleConfirmAction();
    void updateHeader();
    static QString statusText(ChatStatus status);
    static QString errorKindText(ChatErrorKind kind);

    Icons *m_icons;
    AppSettings *m_settings;
    DraftStore *m_drafts;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QLabel *m_title;
    QLabel *m_warnings;
    QLabel *m_statusIcon;
    QLabel *m_statusText;
    QLabel *m_connectionText;
    ChatView *m_chatView;
    ErrorBanner *m_connectionBanner;
    ErrorBanner *m_turnBanner;  //!< The turn's error (§13.7).
    ErrorBanner *m_retryBanner; //!< A retry in progress; never hides the error banner.
    ErrorBanner *m_apiBanner;
    ErrorBanner *m_confirmBanner;
    QueuePanel *m_queuePanel;
    ActionRequiredPanel *m_actionPanel;
    ComposerWidget *m_composer;
    ChatInfoBar *m_infoBar;
    QToolButton *m_shareButton = nullptr;
    QHBoxLayout *m_headerLayout = nullptr;
    bool m_readOnly = false;
    QString m_readOnlyOwner;
    ThumbnailProvider *m_thumbnails = nullptr;
    SteerController *m_steer;
    ContextGauge *m_gauge;
    QLabel *m_planBadge;
    QLabel *m_costLabel;
    QToolButton *m_compactButton;
    ApiClient *m_api = nullptr;
    QPointer<ImageViewer> m_viewer;
    QPointer<ModelConfigModel> m_models;
    QMap<QUuid, int> m_userThresholds; //!< §20.6.3: the user's overrides per model config
    ModelConfigId m_chatModelId; //!< chat.last_model_config_id: the gauge's threshold (§20.6.4)

    QPointer<ChatSession> m_session;
    QPointer<MessageListModel> m_messages;
    QHash<QString, QString> m_draftKeyByNonce; //!< In-flight sends → the draft they came from.
    std::optional<MessageId> m_editingId;
    QString m_draftBeforeEdit;
    QString m_effortBeforeEdit; //!< the effort picker's value when the edit began (§20.8)
    enum class Confirm { None, Edit };
    Confirm m_confirm = Confirm::None;
    ChatStatus m_status = ChatStatus::Unknown;
    ConnectionState m_connection = ConnectionState::Idle;
};

} // namespace AgentDesk
