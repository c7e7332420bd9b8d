#include "widgets/shell/MainWindow.h"

#include "core/api/ApiClient.h"
#include "core/api/ChatRules.h"
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "core/storage/FileCache.h"
#include "models/ChatDirectory.h"
#include "models/ChatListFilterModel.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/ModelConfigModel.h"
#include "models/QueueModel.h"
#include "platform/Autostart.h"
#include "ui_MainWindow.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/conversation/SteerController.h"
#include "widgets/dialogs/LabelsDialog.h"
#include "widgets/dialogs/NewChatDialog.h"
#include "widgets/dialogs/RenameDialog.h"
#include "widgets/dialogs/SettingsDialog.h"
#include "widgets/dialogs/ShareDialog.h"
#include "widgets/diff/DiffPanel.h"
#include "widgets/shell/CommandPalette.h"
#include "widgets/shell/ConversationHost.h"
#include "widgets/shell/Icons.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int sidePanelWidth = 420; //!< px the diff panel opens at when it had no width yet

} // namespace

MainWindow::MainWindow(const Dependencies &dependencies, QWidget *parent)
    : QMainWindow(parent)
    , m_deps(dependencies)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    // The frame (splitter, list pane, side panel, status bar) is ui/MainWindow.ui; the painted
    // views go into its placeholders here.
    m_ui->setupUi(this);
    if (m_deps.icons)
        setWindowIcon(m_deps.icons->icon(IconId::App));

    m_splitter = m_ui->mainSplitter;
    setUpListPane();
    setUpConversation();
    setUpSidePanel();
    setUpSplitter();

    m_palette = new CommandPalette(this);
    createActions();
    refreshIcons();
    createMenus();
    m_palette->setActions(m_commands);
    m_conversation->widget()->setShareAction(m_actions.value(u"actionShare"_s));

    restoreSavedState();
    connectChatList();
    connectDirectory();
    connectConversation();
    updateChatActions();
}

void MainWindow::setUpConversation()
{
    // Without a parent: a child of the splitter would be appended to it before the swap.
    m_conversation = new ConversationHost(m_deps, nullptr);
    delete m_splitter->replaceWidget(1, m_conversation);
    connect(m_conversation->widget(), &ConversationWidget::chatRefreshed, this,
        [this](const Chat &chat) {
            if (m_deps.chats)
                m_deps.chats->upsert(chat);
        });
}

void MainWindow::setUpSidePanel()
{
    m_sidePanel = m_ui->sidePanel;
    m_diffPanel = new DiffPanel(m_deps.api, m_sidePanel);
    m_diffPanel->setObjectName(u"diffPanel"_s);
    m_diffPanel->setGitStreams(m_deps.gitStreams);
    delete m_ui->sidePanelLayout->replaceWidget(m_ui->diffPanelPlaceholder, m_diffPanel);
    delete m_ui->diffPanelPlaceholder;
    m_sidePanel->hide();
}

void MainWindow::setUpSplitter()
{
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({320, 780, 300});
}

void MainWindow::restoreSavedState()
{
    if (!m_deps.settings)
        return;
    resize(1200, 760);
    restoreGeometry(m_deps.settings->windowGeometry());
    restoreState(m_deps.settings->windowState());
    m_splitter->restoreState(m_deps.settings->splitterState());
    m_sidePanel->hide(); // the diff panel opens on demand until it has content
    m_restoreChatId = ChatId::fromString(m_deps.settings->lastChatId());
}

void MainWindow::connectChatList()
{
    if (m_deps.filter)
        m_list->setChatModel(m_deps.filter);
    connect(m_list, &ChatListView::chatActivated, this, &MainWindow::handleChatActivated);
    connect(m_list, &ChatListView::pinRequested, this, &MainWindow::setPinned);
    connect(m_list, &ChatListView::movePinRequested, this, [this](const ChatId &id, int position) {
        if (m_deps.directory)
            m_deps.directory->movePin(id, position);
    });
    connect(m_list, &ChatListView::renameRequested, this, &MainWindow::renameChat);
    connect(m_list, &ChatListView::regenerateTitleRequested, this, [this](const ChatId &id) {
        if (m_deps.directory)
            m_deps.directory->regenerateTitle(id);
    });
    connect(m_list, &ChatListView::archiveRequested, this, &MainWindow::setArchived);
    connect(m_list, &ChatListView::markReadRequested, this, &MainWindow::setRead);
    connect(m_list, &ChatListView::labelsRequested, this, &MainWindow::editLabelsOf);
}

void MainWindow::connectDirectory()
{
    if (!m_deps.directory)
        return;
    connect(m_deps.directory, &ChatDirectory::connectionStateChanged, this,
        &MainWindow::handleConnectionStateChanged);
    connect(
        m_deps.directory, &ChatDirectory::errorOccurred, this, &MainWindow::handleDirectoryError);
    connect(m_deps.directory, &ChatDirectory::listLoaded, this, &MainWindow::handleListLoaded);
    connect(m_deps.directory, &ChatDirectory::listErrorChanged, this,
        [this] { handleConnectionStateChanged(m_deps.directory->connectionState()); });
    handleConnectionStateChanged(m_deps.directory->connectionState());
    connect(m_deps.directory, &ChatDirectory::planModeFailed, this,
        [this](const ChatId &id, const ApiError &error) {
            if (id == m_openChatId)
                conversationWidget()->showPlanModeError(error);
            else
                handleDirectoryError(error);
        });
}

void MainWindow::connectConversation()
{
    connect(
        conversationWidget(), &ConversationWidget::planModeChangeRequested, this, [this](bool on) {
            if (m_deps.directory && !m_openChatId.isNull())
                m_deps.directory->setPlanMode(m_openChatId, on);
        });
    // The plan actions follow what the transcript holds.
    connect(conversationWidget()->steer(), &SteerController::planChanged, this,
        &MainWindow::updateChatActions);
    connect(conversationWidget()->steer(), &SteerController::planCopied, this,
        [this] { statusBar()->showMessage(tr("Plan copied to the clipboard."), 5'000); });
    if (m_deps.chats) {
        // Pin, archive and read state of the current chat decide the actions' texts.
        connect(
            m_deps.chats, &QAbstractItemModel::dataChanged, this, &MainWindow::handleChatsChanged);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::handleChatsChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    updateChatActions();
    const Chat *chat = currentChat();
    if (!chat)
        return;
    const QModelIndex row = m_deps.chats->indexOf(chat->id);
    const bool diffRoles = roles.isEmpty() || roles.contains(ChatListModel::DiffAdditionsRole)
        || roles.contains(ChatListModel::DiffDeletionsRole)
        || roles.contains(ChatListModel::DiffChangedFilesRole)
        || roles.contains(ChatListModel::PrStateRole) || roles.contains(ChatListModel::PrUrlRole)
        || roles.contains(ChatListModel::ChatRole);
    if (row.isValid() && diffRoles && row.row() >= topLeft.row() && row.row() <= bottomRight.row())
        updateDiffPanel(false);
    m_conversation->setTitle(chat->title);
    m_conversation->widget()->setWarnings(chat->warnings);
    m_conversation->widget()->setChatInfo(*chat, m_deps.chats->isSharedWithMe(*chat));
    if (m_conversation->widget()->isPlanMode() != chat->planMode)
        m_conversation->widget()->setPlanMode(chat->planMode);
    // New output in the chat the user is reading is read already; a mark the user set stays.
    if (chat->hasUnread && m_deps.directory && !focusedChatId().isNull()
        && !m_deps.directory->isMarkedUnread(chat->id))
        m_deps.directory->markRead(chat->id);
}

void MainWindow::setUpListPane()
{
    m_search = m_ui->chatSearchField;
    m_archivedToggle = m_ui->archivedToggle;
    m_connectionIcon = m_ui->connectionIcon;
    m_connection = m_ui->connectionIndicator;
    m_account = m_ui->accountLabel;
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_deps.filter)
            m_deps.filter->setSearchText(text);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        // Enter in the search field opens the first match, as the web UI's search does.
        if (!m_list->currentIndex().isValid())
            m_list->selectNext();
        m_list->setFocus();
    });

    m_list = new ChatListView(m_deps.icons, m_ui->chatListPane);
    delete m_ui->chatListPaneLayout->replaceWidget(m_ui->chatListPlaceholder, m_list);
    delete m_ui->chatListPlaceholder;
}

QAction *MainWindow::addCommand(const QString &objectName, const QString &text,
    const QKeySequence &shortcut, void (MainWindow::*handler)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
    }
    connect(action, &QAction::triggered, this, handler);
    addAction(action); // shortcuts work even while the menu bar is hidden
    m_commands.append(action);
    m_actions.insert(objectName, action);
    return action;
}

void MainWindow::createActions()
{
    addCommand(
        u"actionNewChat"_s, tr("&New Chat\u2026"), QKeySequence(tr("Ctrl+N")), &MainWindow::newChat)
        ->setProperty(Icons::idProperty, int(IconId::NewChat));
    addCommand(u"actionSearch"_s, tr("&Search Chats"), QKeySequence(tr("Ctrl+K")),
        &MainWindow::focusSearch)
        ->setProperty(Icons::idProperty, int(IconId::Search));
    addCommand(
        u"actionNextChat"_s, tr("Ne&xt Chat"), QKeySequence(tr("Alt+Down")), &MainWindow::nextChat);
    addCommand(u"actionPreviousChat"_s, tr("Pre&vious Chat"), QKeySequence(tr("Alt+Up")),
        &MainWindow::previousChat);
    addCommand(u"actionFocusComposer"_s, tr("Go to &Composer"), QKeySequence(tr("Ctrl+L")),
        &MainWindow::focusComposer);
    addCommand(u"actionInterrupt"_s, tr("&Interrupt Agent"), QKeySequence(tr("Ctrl+.")),
        &MainWindow::interrupt)
        ->setProperty(Icons::idProperty, int(IconId::Stop));
    addCommand(u"actionTogglePin"_s, tr("&Pin"), QKeySequence(tr("Ctrl+D")), &MainWindow::togglePin)
        ->setProperty(Icons::idProperty, int(IconId::Pin));
    addCommand(u"actionMovePinUp"_s, tr("Move Pin &Up"), QKeySequence(tr("Ctrl+Shift+Up")),
        &MainWindow::movePinUp);
    addCommand(u"actionMovePinDown"_s, tr("Move Pin Do&wn"), QKeySequence(tr("Ctrl+Shift+Down")),
        &MainWindow::movePinDown);
    addCommand(
        u"actionRename"_s, tr("&Rename\u2026"), QKeySequence(Qt::Key_F2), &MainWindow::rename)
        ->setProperty(Icons::idProperty, int(IconId::Edit));
    addCommand(u"actionRegenerateTitle"_s, tr("Re&generate Title"),
        QKeySequence(tr("Ctrl+Shift+F2")), &MainWindow::regenerateTitle);
    addCommand(u"actionToggleRead"_s, tr("Mark as &Unread"), QKeySequence(tr("Ctrl+Shift+U")),
        &MainWindow::toggleRead);
    addCommand(u"actionEditLabels"_s, tr("&Labels\u2026"), QKeySequence(tr("Ctrl+Shift+L")),
        &MainWindow::editLabels);
    addCommand(
        u"actionShare"_s, tr("&Share…"), QKeySequence(tr("Ctrl+Shift+S")), &MainWindow::share);
    addCommand(u"actionArchive"_s, tr("&Archive"), QKeySequence(tr("Ctrl+Shift+A")),
        &MainWindow::toggleArchive)
        ->setProperty(Icons::idProperty, int(IconId::Archive));
    QAction *planMode = addCommand(u"actionTogglePlanMode"_s, tr("Plan &Mode"),
        QKeySequence(tr("Ctrl+Alt+P")), &MainWindow::togglePlanMode);
    planMode->setCheckable(true);
    addCommand(u"actionImplementPlan"_s, tr("&Implement Plan"), QKeySequence(tr("Ctrl+Alt+I")),
        &MainWindow::implementPlan);
    addCommand(u"actionCompact"_s, tr("Co&mpact Context"), QKeySequence(tr("Ctrl+Alt+K")),
        &MainWindow::compactChat);
    addCommand(u"actionClearContext"_s, tr("C&lear Context\u2026"),
        QKeySequence(tr("Ctrl+Shift+K")), &MainWindow::clearChatContext);
    addCommand(u"actionOpenInBrowser"_s, tr("Open in &Browser"), QKeySequence(tr("Ctrl+Shift+O")),
        &MainWindow::openInBrowser);
    QAction *archivedView = addCommand(u"actionShowArchived"_s, tr("Show &Archived Chats"),
        QKeySequence(tr("Ctrl+Shift+H")), &MainWindow::toggleArchivedView);
    archivedView->setCheckable(true);
    archivedView->setProperty(Icons::idProperty, int(IconId::Archive));
    m_archivedToggle->setDefaultAction(archivedView);
    QAction *side = addCommand(u"actionToggleSidePanel"_s, tr("&Diff Panel"),
        QKeySequence(tr("Ctrl+Shift+D")), &MainWindow::toggleSidePanel);
    side->setCheckable(true);
    side->setProperty(Icons::idProperty, int(IconId::Diff));
    addCommand(
        u"actionReload"_s, tr("Re&load Chats"), QKeySequence(Qt::Key_F5), &MainWindow::reload);
    addCommand(u"actionCommandPalette"_s, tr("&Command Palette\u2026"),
        QKeySequence(tr("Ctrl+Shift+P")), &MainWindow::showCommandPalette);
    addCommand(u"actionSettings"_s, tr("&Settings\u2026"), QKeySequence(tr("Ctrl+,")),
        &MainWindow::showSettings)
        ->setProperty(Icons::idProperty, int(IconId::Settings));
    addCommand(u"actionSignOut"_s, tr("Sign &Out"), QKeySequence(tr("Ctrl+Shift+Q")),
        &MainWindow::signOut);
    QAction *quitAction =
        addCommand(u"actionQuit"_s, tr("&Quit"), QKeySequence(tr("Ctrl+Q")), &MainWindow::quit);
    quitAction->setMenuRole(QAction::QuitRole);

    if (auto *newChatButton = findChild<QToolButton *>(u"newChatButton"_s))
        newChatButton->setDefaultAction(m_actions.value(u"actionNewChat"_s));
}

void MainWindow::createMenus()
{
    auto add = [this](QMenu *menu, const QString &name) {
        menu->addAction(m_actions.value(name));
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, u"actionNewChat"_s);
    file->addSeparator();
    add(file, u"actionSettings"_s);
    add(file, u"actionSignOut"_s);
    file->addSeparator();
    add(file, u"actionQuit"_s);

    QMenu *chat = menuBar()->addMenu(tr("&Chat"));
    for (const auto &name : {u"actionInterrupt"_s, u"actionRename"_s, u"actionRegenerateTitle"_s,
             u"actionEditLabels"_s})
        add(chat, name);
    chat->addSeparator();
    for (const auto &name : {u"actionTogglePlanMode"_s, u"actionImplementPlan"_s,
             u"actionCompact"_s, u"actionClearContext"_s})
        add(chat, name);
    chat->addSeparator();
    for (const auto &name : {u"actionTogglePin"_s, u"actionMovePinUp"_s, u"actionMovePinDown"_s})
        add(chat, name);
    chat->addSeparator();
    for (const auto &name :
        {u"actionToggleRead"_s, u"actionShare"_s, u"actionArchive"_s, u"actionOpenInBrowser"_s})
        add(chat, name);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (const auto &name : {u"actionSearch"_s, u"actionNextChat"_s, u"actionPreviousChat"_s,
             u"actionFocusComposer"_s, u"actionCommandPalette"_s})
        add(go, name);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (const auto &name :
        {u"actionShowArchived"_s, u"actionToggleSidePanel"_s, u"actionReload"_s})
        add(view, name);
}

void MainWindow::setOrganizationId(const OrganizationId &organizationId)
{
    m_organizationId = organizationId;
    m_conversation->widget()->setOrganization(organizationId);
    delete m_newChatDialog; // it captured the old organization
    m_newChatDialog = nullptr;
}

void MainWindow::setAccountText(const QString &text)
{
    m_accountText = text;
    updateAccountLabel();
}

void MainWindow::updateAccountLabel()
{
    m_account->setText(m_spendText.isEmpty() ? m_accountText : m_accountText + u'\n' + m_spendText);
}

void MainWindow::fetchSpend()
{
    // §20.7: the user's AI spend this month, only where the server reports it (AI Gateway).
    if (!m_deps.api || m_spendFetched)
        return;
    // Spend came with the AI Gateway (2.37 and newer): an older server is not asked (it would
    // answer 404).
    if (!m_deps.api->chatsPrefix().startsWith(u"/api/v2"_s))
        return;
    m_spendFetched = true;
    m_deps.api->userSpend(this, [this](const ApiResult<UserSpend> &result) {
        if (!result.ok()) {
            m_spendText.clear();
            updateAccountLabel();
            return;
        }
        const UserSpend &spend = result.value();
        const QLocale locale;
        const QString spent = ConversationWidget::formatDollars(spend.currentSpendMicros);
        m_spendText = spend.spendLimitMicros
            ? tr("AI spend: %1 of %2 this month")
                  .arg(spent, ConversationWidget::formatDollars(*spend.spendLimitMicros))
            : tr("AI spend: %1 this month").arg(spent);
        m_account->setToolTip(spend.periodEnd.isValid()
                ? tr("Resets on %1.")
                      .arg(locale.toString(
                          spend.periodEnd.toLocalTime().date(), QLocale::ShortFormat))
                : QString());
        m_account->setProperty("spendMicros", spend.currentSpendMicros);
        updateAccountLabel();
    });
}

void MainWindow::togglePlanMode()
{
    const Chat *chat = currentChat();
    if (!chat || !m_deps.directory)
        return;
    const bool on = !chat->planMode;
    conversationWidget()->setPlanMode(on);
    m_deps.directory->setPlanMode(chat->id, on);
}

void MainWindow::compactChat()
{
    conversationWidget()->compact();
}

void MainWindow::clearChatContext()
{
    conversationWidget()->requestClear();
}

void MainWindow::implementPlan()
{
    conversationWidget()->implementPlan();
}

ConversationWidget *MainWindow::conversationWidget() const
{
    return m_conversation->widget();
}

ChatId MainWindow::focusedChatId() const
{
    if (!isVisible() || isMinimized() || !isActiveWindow())
        return {};
    return m_openChatId;
}

const Chat *MainWindow::currentChat() const
{
    return m_deps.chats ? m_deps.chats->chat(m_openChatId) : nullptr;
}

void MainWindow::openChat(const ChatId &id, const QString &prompt)
{
    if (!showChat(id)) {
        if (m_deps.directory && !m_deps.directory->isListLoaded()) {
            // A link that came before the list (at start, from a notification): kept.
            m_pendingLink = {id, prompt};
            return;
        }
        statusBar()->showMessage(
            tr("Chat %1 was not found on this deployment.").arg(id.toString()), 15'000);
        return;
    }
    if (!prompt.isEmpty())
        conversationWidget()->composer()->setText(prompt); // pre-filled, never sent
}

bool MainWindow::showChat(const ChatId &id)
{
    if (m_list->selectChat(id))
        return true;
    // Not in the current view: maybe archived, or filtered out by the search.
    const Chat *chat = m_deps.chats ? m_deps.chats->chat(id) : nullptr;
    if (!chat)
        return false;
    m_search->clear();
    if (chat->archived != m_archivedToggle->isChecked())
        m_actions.value(u"actionShowArchived"_s)->trigger();
    return m_list->selectChat(id);
}

void MainWindow::handleChatActivated(const ChatId &id)
{
    if (id == m_openChatId)
        return;
    m_openChatId = id;
    const Chat *chat = currentChat();
    m_conversation->show(id, chat ? chat->title : QString());
    m_conversation->widget()->setWarnings(chat ? chat->warnings : QStringList());
    m_conversation->widget()->setChatInfo(
        chat ? *chat : Chat(), chat && m_deps.chats->isSharedWithMe(*chat));
    m_conversation->widget()->setPlanMode(chat && chat->planMode);
    updateDiffPanel(true);
    if (!id.isNull()) {
        if (m_deps.settings)
            m_deps.settings->setLastChatId(id.toString());
        if (m_deps.directory && chat && chat->hasUnread)
            m_deps.directory->markRead(id);
        m_restoreChatId = ChatId();
    }
    updateChatActions();
}

void MainWindow::probeSharing()
{
    // §20.3.3: a deployment may switch sharing off (403 on the ACL routes). Asked once, with
    // the ACL of one of the user's own root chats, so the Share action can hide beforehand.
    if (m_sharingProbed || !m_deps.api || !m_deps.api->hasSharingRoutes() || !m_deps.chats)
        return;
    for (int row = 0; row < m_deps.chats->rowCount(); ++row) {
        const Chat *chat = m_deps.chats->chat(
            m_deps.chats->index(row, 0).data(ChatListModel::ChatIdRole).value<ChatId>());
        if (!chat || m_deps.chats->isSharedWithMe(*chat) || m_deps.chats->currentUserId().isNull())
            continue;
        m_sharingProbed = true;
        m_deps.api->chatAcl(chat->id, this, [this](const ApiResult<ChatAcl> &result) {
            if (!result.ok() && result.error().isHttpStatus(403)) {
                m_sharingDisabled = true;
                updateChatActions();
            }
        });
        return;
    }
}

void MainWindow::handleListLoaded()
{
    probeSharing();
    fetchSpend();
    if (const auto link = std::exchange(m_pendingLink, std::nullopt)) {
        m_restoreChatId = ChatId(); // the link wins over the last chat of the previous run
        openChat(link->first, link->second);
    } else if (!m_restoreChatId.isNull() && m_openChatId.isNull()) {
        const ChatId id = std::exchange(m_restoreChatId, ChatId());
        m_list->selectChat(id);
    }
    updateChatActions();
}

void MainWindow::handleConnectionStateChanged(ConnectionState state)
{
    QString text;
    IconId icon = IconId::StatusWaiting;
    switch (state) {
    case ConnectionState::Idle:
        text = tr("Not connected");
        icon = IconId::Offline;
        break;
    case ConnectionState::Connecting:
        text = tr("Connecting\u2026");
        icon = IconId::Reconnecting;
        break;
    case ConnectionState::Live:
        //: The chat list receives live updates
        text = tr("Live");
        break;
    case ConnectionState::Reconnecting:
        text = tr("Reconnecting\u2026");
        icon = IconId::Reconnecting;
        break;
    case ConnectionState::Offline:
        text = tr("Offline");
        icon = IconId::Offline;
        break;
    }
    const QString listError = m_deps.directory ? m_deps.directory->listError() : QString();
    if (!listError.isEmpty() && state == ConnectionState::Live) {
        // Live events arrive, but the list itself could not be fetched: it may be stale.
        text = tr("Chat list out of date, retrying");
        icon = IconId::Reconnecting;
    }
    m_connection->setText(text);
    m_connection->setToolTip(listError.isEmpty()
            ? tr("Chat list updates: %1").arg(text)
            : tr("The chat list could not be loaded: %1").arg(listError));
    m_connection->setProperty("connectionState", int(state));
    if (m_deps.icons) {
        const int size = m_connection->fontMetrics().height();
        m_connectionIcon->setPixmap(m_deps.icons->icon(icon).pixmap(size, size));
    }
}

void MainWindow::handleDirectoryError(const ApiError &error)
{
    statusBar()->showMessage(error.toDisplayString(), 10'000);
}

void MainWindow::updateChatActions()
{
    const Chat *chat = currentChat();
    // §20.3.4: a chat shared with the user is read only; every change is the owner's.
    const bool has = chat != nullptr;
    const bool mine = has && !(m_deps.chats && m_deps.chats->isSharedWithMe(*chat));
    const bool root = mine && chat->isRoot();
    auto set = [this](const QString &name, bool enabled) {
        if (QAction *action = m_actions.value(name))
            action->setEnabled(enabled);
    };
    set(u"actionInterrupt"_s, mine && isActive(chat->status));
    set(u"actionRename"_s, mine);
    set(u"actionRegenerateTitle"_s, mine);
    set(u"actionEditLabels"_s, mine);
    set(u"actionToggleRead"_s, has);
    set(u"actionOpenInBrowser"_s, has);
    set(u"actionTogglePin"_s, root && !chat->archived);
    set(u"actionMovePinUp"_s, root && chat->isPinned());
    set(u"actionMovePinDown"_s, root && chat->isPinned());
    // §20.3.7: the owner shares root chats, on servers with sharing that have not disabled it.
    const bool sharing = m_deps.api && m_deps.api->hasSharingRoutes() && !m_sharingDisabled;
    m_actions.value(u"actionShare"_s)->setVisible(sharing);
    set(u"actionShare"_s, sharing && root && !chat->archived);
    // §20.2: a running, interrupting or requires_action chat is refused (409): say why.
    const bool refused = root && !chat->archived && archiveRefused(chat->status);
    set(u"actionArchive"_s, root && !refused);
    m_actions.value(u"actionTogglePin"_s)
        ->setText(has && chat->isPinned() ? tr("Un&pin") : tr("&Pin"));
    QAction *archive = m_actions.value(u"actionArchive"_s);
    archive->setText(has && chat->archived ? tr("Un&archive") : tr("&Archive"));
    const QString refusedReason = refused ? tr("Stop the agent first") : QString();
    archive->setToolTip(refused ? refusedReason : archive->text().remove(u'&'));
    archive->setStatusTip(refusedReason);
    m_actions.value(u"actionToggleRead"_s)
        ->setText(has && chat->hasUnread ? tr("Mark as &Read") : tr("Mark as &Unread"));

    // §20.4 and §20.6: steering the agent. Compact and clear exist on 2.37 and newer only.
    ConversationWidget *conversation = conversationWidget();
    const bool steerable = has && !chat->archived;
    QAction *planMode = m_actions.value(u"actionTogglePlanMode"_s);
    planMode->setEnabled(steerable && chat->mode != u"orchestrator"_s);
    planMode->setChecked(has && chat->planMode);
    set(u"actionImplementPlan"_s, steerable && conversation->hasPlan());
    const bool canCompact = conversation->canCompact();
    for (const auto &name : {u"actionCompact"_s, u"actionClearContext"_s}) {
        QAction *action = m_actions.value(name);
        action->setVisible(canCompact);
        action->setEnabled(canCompact && steerable && !isActive(chat->status));
    }
}

void MainWindow::newChat()
{
    showNewChatDialog();
}

void MainWindow::showNewChatDialog()
{
    if (!m_deps.api)
        return;
    if (!m_newChatDialog) {
        m_newChatDialog = new NewChatDialog(
            m_deps.api, m_deps.modelConfigs, m_deps.drafts, m_organizationId, this);
        connect(m_newChatDialog, &NewChatDialog::chatCreated, this, [this](const Chat &chat) {
            // The reply is the freshest copy; the watch's `created` event upserts the same id.
            if (m_deps.chats)
                m_deps.chats->upsert(chat);
            if (m_archivedToggle->isChecked())
                m_actions.value(u"actionShowArchived"_s)->trigger();
            m_search->clear();
            m_list->selectChat(chat.id);
            m_conversation->focusComposer();
        });
    }
    m_newChatDialog->start();
}

void MainWindow::focusSearch()
{
    bringToFront();
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MainWindow::nextChat()
{
    m_list->selectNext();
}

void MainWindow::previousChat()
{
    m_list->selectPrevious();
}

void MainWindow::interrupt()
{
    m_conversation->interrupt();
}

void MainWindow::togglePin()
{
    if (const Chat *chat = currentChat())
        setPinned(chat->id, !chat->isPinned());
}

bool MainWindow::switchChat(const ChatId &id, bool on, DirectoryCall ifOn, DirectoryCall ifOff)
{
    if (!m_deps.directory)
        return false;
    (m_deps.directory->*(on ? ifOn : ifOff))(id);
    return true;
}

void MainWindow::setPinned(const ChatId &id, bool pinned)
{
    if (!switchChat(id, pinned, &ChatDirectory::pin, &ChatDirectory::unpin))
        return;
    m_list->selectChat(id); // keep the chat current while it moves between sections
    updateChatActions();
}

void MainWindow::movePinUp()
{
    m_list->moveCurrentPin(-1);
}

void MainWindow::movePinDown()
{
    m_list->moveCurrentPin(1);
}

void MainWindow::toggleArchive()
{
    const Chat *chat = currentChat();
    if (!chat)
        return;
    if (!chat->archived && archiveRefused(chat->status)) {
        statusBar()->showMessage(tr("Stop the agent first"), 10'000);
        return;
    }
    setArchived(chat->id, !chat->archived);
}

void MainWindow::setArchived(const ChatId &id, bool archived)
{
    if (switchChat(id, archived, &ChatDirectory::archive, &ChatDirectory::unarchive))
        updateChatActions();
}

void MainWindow::toggleRead()
{
    if (const Chat *chat = currentChat())
        setRead(chat->id, chat->hasUnread);
}

void MainWindow::setRead(const ChatId &id, bool read)
{
    if (switchChat(id, read, &ChatDirectory::markRead, &ChatDirectory::markUnread))
        updateChatActions();
}

void MainWindow::share()
{
    const Chat *chat = currentChat();
    if (!chat || !m_deps.api || !m_deps.chats || m_deps.chats->isSharedWithMe(*chat))
        return;
    auto *dialog = new ShareDialog(m_deps.api, *chat, m_deps.chats->currentUserId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ShareDialog::sharingDisabled, this, [this] {
        m_sharingDisabled = true;
        updateChatActions();
    });
    dialog->reload();
    dialog->open();
}

void MainWindow::rename()
{
    if (!m_openChatId.isNull())
        renameChat(m_openChatId);
}

template<typename Dialog, typename Fill, typename Apply>
void MainWindow::editChatIn(const ChatId &id, Fill fill, Apply apply)
{
    const Chat *chat = m_deps.chats ? m_deps.chats->chat(id) : nullptr;
    if (!chat || !m_deps.directory)
        return;
    auto *dialog = new Dialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    fill(*dialog, *chat);
    connect(dialog, &QDialog::accepted, this,
        [this, id, dialog, apply] { apply(*m_deps.directory, id, *dialog); });
    dialog->open();
}

void MainWindow::renameChat(const ChatId &id)
{
    editChatIn<RenameDialog>(
        id, [](RenameDialog &dialog, const Chat &chat) { dialog.setTitle(chat.title); },
        [](ChatDirectory &directory, const ChatId &chat, const RenameDialog &dialog) {
            if (!dialog.title().isEmpty())
                directory.rename(chat, dialog.title());
        });
}

void MainWindow::regenerateTitle()
{
    if (!m_openChatId.isNull() && m_deps.directory)
        m_deps.directory->regenerateTitle(m_openChatId);
}

void MainWindow::editLabels()
{
    if (!m_openChatId.isNull())
        editLabelsOf(m_openChatId);
}

void MainWindow::editLabelsOf(const ChatId &id)
{
    editChatIn<LabelsDialog>(
        id, [](LabelsDialog &dialog, const Chat &chat) { dialog.setLabels(chat.labels); },
        [](ChatDirectory &directory, const ChatId &chat, const LabelsDialog &dialog) {
            directory.setLabels(chat, dialog.labels());
        });
}

void MainWindow::openInBrowser()
{
    if (m_openChatId.isNull() || !m_deps.api)
        return;
    QUrl url = m_deps.api->deploymentUrl();
    url.setPath(u"/agents/"_s + m_openChatId.toString());
    QDesktopServices::openUrl(url);
}

void MainWindow::toggleArchivedView()
{
    const bool archived = m_actions.value(u"actionShowArchived"_s)->isChecked();
    if (m_deps.directory && archived) {
        // Every visit lists the archived chats afresh: others may have archived some meanwhile.
        if (!m_deps.directory->isArchivedViewLoaded())
            m_deps.directory->setArchivedViewLoaded(true); // lists
        else
            m_deps.directory->refresh();
    }
    if (m_deps.filter)
        m_deps.filter->setShowArchived(archived);
}

void MainWindow::toggleSidePanel()
{
    const bool show = m_actions.value(u"actionToggleSidePanel"_s)->isChecked();
    m_sidePanel->setVisible(show);
    if (show) {
        // A hidden pane has no width of its own: the splitter would open it at its minimum
        // (about 70 px). Give it a readable width, taken from the conversation.
        QList<int> sizes = m_splitter->sizes();
        const int wanted = std::max(sidePanelWidth, m_sidePanel->minimumSizeHint().width());
        if (sizes.size() == 3 && sizes[2] < wanted) {
            const int take = std::min(wanted - sizes[2], std::max(0, sizes[1] - 360));
            sizes[1] -= take;
            sizes[2] += take;
            m_splitter->setSizes(sizes);
        }
    }
    // Showing the panel fetches the diff of a chat it has not fetched yet; a panel shown again
    // for the same chat is brought up to date here.
    if (show && !m_diffPanel->chatId().isNull() && m_diffPanel->fetchedChatId() == m_openChatId)
        m_diffPanel->refresh();
}

void MainWindow::updateDiffPanel(bool chatSwitched)
{
    const Chat *chat = currentChat();
    const std::optional<DiffStatus> status = chat ? chat->diffStatus : std::nullopt;
    if (chatSwitched) {
        m_shownDiffStatus = status;
        m_diffPanel->setChat(m_openChatId, status); // fetches the diff when shown, once
        return;
    }
    if (status == m_shownDiffStatus)
        return; // another role of the row changed (title, status, unread)
    m_shownDiffStatus = status;
    m_diffPanel->setDiffStatus(status);
    if (m_sidePanel->isVisible())
        m_diffPanel->refresh();
}

void MainWindow::focusComposer()
{
    m_conversation->focusComposer();
}

void MainWindow::reload()
{
    if (m_deps.directory)
        m_deps.directory->refresh();
}

void MainWindow::showSettings()
{
    AppSettings *settings = m_deps.settings;
    if (!settings)
        return;
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    SettingsDialog::Context context;
    context.currentDeployment = m_deps.api ? m_deps.api->deploymentUrl() : QUrl();
    context.trayAvailable = m_trayAvailable;
    context.api = m_deps.api;
    auto *dialog = new SettingsDialog(settings, context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    if (FileCache *files = m_deps.files) {
        auto show = [dialog](qint64 bytes) {
            dialog->setCacheUsage(bytes);
        };
        files->usage(dialog, show);
        connect(dialog, &SettingsDialog::clearCacheRequested, this,
            [files, dialog, show] { files->clear(dialog, show); });
    }
    connect(dialog, &SettingsDialog::saved, this, [this, dialog] { applySettings(dialog); });
    connect(dialog, &SettingsDialog::providerKeysChanged, this, [this] {
        // §20.8: after any key change the model list is reloaded.
        if (!m_deps.api || !m_deps.modelConfigs)
            return;
        m_deps.api->models(m_organizationId, this, [this](const ApiResult<QList<ModelConfig>> &r) {
            if (r.ok() && m_deps.modelConfigs)
                m_deps.modelConfigs->setModels(r.value());
        });
    });
    connect(dialog, &SettingsDialog::switchDeploymentRequested, this,
        &MainWindow::switchDeploymentRequested, Qt::QueuedConnection);
    connect(dialog, &SettingsDialog::addDeploymentRequested, this,
        &MainWindow::addDeploymentRequested, Qt::QueuedConnection);
    connect(dialog, &SettingsDialog::forgetDeploymentRequested, this,
        &MainWindow::forgetDeploymentRequested, Qt::QueuedConnection);
    dialog->open();
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

void MainWindow::applySettings(SettingsDialog *dialog)
{
    AppSettings *settings = m_deps.settings;
    if (ConversationWidget *conversation = conversationWidget())
        conversation->composer()->setSendKey(settings->sendKey());
    if (FileCache *files = m_deps.files) {
        files->setMaxBytes(qint64(settings->cacheSizeMegabytes()) * 1024 * 1024);
        files->trim(dialog, [dialog](qint64 bytes) { dialog->setCacheUsage(bytes); });
    }
    const bool wanted = settings->startAtLogin();
    if (wanted != Autostart::isEnabled()) {
        QString error;
        if (Autostart::setEnabled(wanted, Autostart::launcherPath(), &error)) {
            dialog->setAutostartError({});
        } else {
            dialog->setAutostartError(tr("Start at login could not be changed: %1").arg(error));
            settings->setStartAtLogin(Autostart::isEnabled());
        }
    }
    emit settingsChanged();
}

void MainWindow::refreshIcons()
{
    // Every action and button of the window carries the meaning of its icon; recolour all.
    if (!m_deps.icons)
        return;
    m_deps.icons->refresh(this);
    const QVariant state = m_connection ? m_connection->property("connectionState") : QVariant();
    if (state.isValid())
        handleConnectionStateChanged(ConnectionState(state.toInt()));
}

void MainWindow::signOut()
{
    emit signOutRequested();
}

void MainWindow::quit()
{
    m_quitting = true;
    saveLayout();
    emit quitRequested();
}

void MainWindow::showCommandPalette()
{
    m_palette->setActions(m_commands);
    m_palette->popup();
}

void MainWindow::saveLayout()
{
    if (!m_deps.settings)
        return;
    m_deps.settings->setWindowGeometry(saveGeometry());
    m_deps.settings->setWindowState(saveState());
    m_deps.settings->setSplitterState(m_splitter->saveState());
    m_deps.settings->sync();
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (!m_quitting && m_trayAvailable && m_deps.settings && m_deps.settings->closeToTray()) {
        // Agents keep working while the window is away; the tray and notifications report.
        hide();
        event->ignore();
        return;
    }
    event->accept();
    if (!m_quitting) {
        m_quitting = true;
        emit quitRequested();
    }
}

} // namespace AgentDesk
