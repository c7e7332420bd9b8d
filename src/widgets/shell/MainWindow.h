#pragma once

#include "core/api/ApiTypes.h"
#include "core/live/WebSocketChannel.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QToolButton;

namespace AgentDesk {

namespace Ui {
class MainWindow;
}

class ApiClient;
class AttachmentUploads;
class GitStreams;
class AppSettings;
class ChatDirectory;
class ChatListFilterModel;
class ChatListModel;
class ChatListView;
class CommandPalette;
class ConversationHost;
class ConversationWidget;
class DiffPanel;
class DraftStore;
class FileCache;
class GitStreamClient;
class Icons;
class ModelConfigModel;
class NewChatDialog;
class Session;
class SettingsDialog;
struct ApiError;

//! The main window (objectName mainWindow): chat list | conversation | side panel. Every
//! command is a QAction (objectName action<Name>) in a menu, with a shortcut, and in the
//! command palette. Selecting a chat opens it: the window creates that chat's session and
//! hands it to the conversation, so only the visible chat has an open /stream (§14.10).
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    //! What the window works with; none of it is owned. Application wires it from the
    //! signed-in Session (api, directory, files and git streams are the Session's).
    struct Dependencies
    {
        Session *session = nullptr; //!< Opens the chat sessions; null = no chat opens.
        Icons *icons = nullptr;
        AppSettings *settings = nullptr;
        DraftStore *drafts = nullptr;
        ApiClient *api = nullptr;
        ChatDirectory *directory = nullptr;
        ChatListModel *chats = nullptr;
        ChatListFilterModel *filter = nullptr;
        ModelConfigModel *modelConfigs = nullptr;
        FileCache *files = nullptr; //!< Thumbnails of file parts; may be null.
        //! The Session's upload jobs for the composer's attachments; may be null.
        AttachmentUploads *uploads = nullptr;
        //! The Session's live git clients for the diff panel; may be null.
        GitStreams *gitStreams = nullptr;
    };

    explicit MainWindow(const Dependencies &dependencies, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setOrganizationId(const OrganizationId &organizationId);
    //! Shown in the list's footer ("signed in as …").
    void setAccountText(const QString &text);
    //! Whether closing the window may hide it to the tray (the tray exists).
    void setTrayAvailable(bool available) { m_trayAvailable = available; }

    //! Opens a chat (selects it in the list; switches to the archived view when needed).
    //! Opens the chat (switching views if it is archived). Before the list has loaded, the chat
    //! opens once it has; a chat the deployment does not have is said so in the status bar.
    //! `prompt` pre-fills the composer, never sends.
    void openChat(const ChatId &id, const QString &prompt = {});
    //! The chat shown in the conversation; null when none.
    ChatId visibleChatId() const { return m_openChatId; }
    //! The visible chat when this window is active and not minimised, else null: the chat
    //! the user is looking at right now (notifications skip it).
    ChatId focusedChatId() const;
    //! Opens the new-chat dialog (also actionNewChat).
    void showNewChatDialog();
    NewChatDialog *newChatDialog() const { return m_newChatDialog; }
    CommandPalette *commandPalette() const { return m_palette; }
    ChatListView *chatListView() const { return m_list; }
    //! The embedded conversation (objectName conversationWidget).
    ConversationWidget *conversationWidget() const;
    DiffPanel *diffPanel() const { return m_diffPanel; }
    //! Every command of the window, in menu order.
    QList<QAction *> commandActions() const { return m_commands; }
    //! Saves geometry, window state and splitter sizes to AppSettings.
    void saveLayout();
    //! Shows, raises and activates the window (tray, notifications).
    void bringToFront();
    //! Re-reads every action's icon (after the palette changed and Icons were recoloured).
    void refreshIcons();
    //! Opens the settings dialog (also actionSettings); raises it when already open.
    void showSettings();
    SettingsDialog *settingsDialog() const;

signals:
    void signOutRequested();
    void quitRequested();
    void stopChatRequested(const AgentDesk::ChatId &id);
    //! The settings dialog saved; the app applies what only it can (theme, font).
    void settingsChanged();
    void switchDeploymentRequested(const QUrl &deployment);
    void addDeploymentRequested();
    void forgetDeploymentRequested(const QUrl &deployment);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void setUpListPane();
    //! The conversation pane replaces the form's placeholder in the splitter.
    void setUpConversation();
    //! The diff panel goes into the side panel, which stays hidden until it is asked for.
    void setUpSidePanel();
    void setUpSplitter();
    //! Geometry, dock and splitter state and the chat to reopen, from AppSettings.
    void restoreSavedState();
    void connectChatList();
    void connectDirectory();
    //! Plan mode, the plan actions and the current chat's state follow the conversation.
    void connectConversation();
    QAction *addCommand(const QString &objectName, const QString &text,
        const QKeySequence &shortcut, void (MainWindow::*handler)());

    bool showChat(const ChatId &id);
    void handleChatActivated(const ChatId &id);
    void handleConnectionStateChanged(ConnectionState state);
    void handleDirectoryError(const ApiError &error);
    void handleListLoaded();
    void handleChatsChanged(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void updateDiffPanel(bool chatSwitched);
    void updateChatActions();

    void newChat();
    void focusSearch();
    void nextChat();
    void previousChat();
    void interrupt();
    void togglePin();
    void movePinUp();
    void movePinDown();
    void toggleArchive();
    void share();
    void probeSharing();
    void toggleRead();
    void rename();
    void regenerateTitle();
    void editLabels();
    void openInBrowser();
    void toggleArchivedView();
    void toggleSidePanel();
    void focusComposer();
    void reload();
    void applySettings(SettingsDialog *dialog);
    void signOut();
    void quit();
    void showCommandPalette();
    // §20.4, §20.6 (steering the agent)
    void togglePlanMode();
    void compactChat();
    void clearChatContext();
    void implementPlan();
    void fetchSpend();
    void updateAccountLabel();

    //! Opens a `Dialog` filled from the chat `id`; on OK, `apply` changes the chat through the
    //! directory. Nothing when the chat is not listed.
    template<typename Dialog, typename Fill, typename Apply>
    void editChatIn(const ChatId &id, Fill fill, Apply apply);
    void renameChat(const ChatId &id);
    void editLabelsOf(const ChatId &id);
    using DirectoryCall = void (ChatDirectory::*)(const ChatId &);
    //! Calls `ifOn` or `ifOff` of the directory for the chat `id`; false without a directory.
    bool switchChat(const ChatId &id, bool on, DirectoryCall ifOn, DirectoryCall ifOff);
    void setArchived(const ChatId &id, bool archived);
    void setPinned(const ChatId &id, bool pinned);
    void setRead(const ChatId &id, bool read);
    const Chat *currentChat() const;

    Dependencies m_deps;
    std::unique_ptr<Ui::MainWindow> m_ui; //!< ui/MainWindow.ui, the window's frame
    OrganizationId m_organizationId;
    bool m_trayAvailable = false;
    bool m_quitting = false;
    bool m_sharingProbed = false;
    bool m_sharingDisabled = false; //!< The deployment answered 403 to sharing (§20.3.3).

    QSplitter *m_splitter = nullptr;
    ChatListView *m_list = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_archivedToggle = nullptr;
    QLabel *m_connectionIcon = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_account = nullptr;
    ConversationHost *m_conversation = nullptr;
    QWidget *m_sidePanel = nullptr;
    DiffPanel *m_diffPanel = nullptr;
    std::optional<DiffStatus> m_shownDiffStatus; //!< What the panel last got, to skip no-ops.
    CommandPalette *m_palette = nullptr;
    NewChatDialog *m_newChatDialog = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;

    ChatId m_openChatId;
    ChatId m_restoreChatId; //!< The last chat of the previous run, opened once the list loads.
    std::optional<std::pair<ChatId, QString>> m_pendingLink; //!< Opened once the list loads.

    QString m_accountText;
    QString m_spendText;
    bool m_spendFetched = false;
    QList<QAction *> m_commands;
    QHash<QString, QAction *> m_actions;
};

} // namespace AgentDesk
