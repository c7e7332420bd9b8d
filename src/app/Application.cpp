#include "app/Application.h"

#include "app/DemoSimulator.h"
#include "app/ScreenshotRunner.h"
#include "app/StartupReport.h"
#include "core/Logging.h"
#include "core/api/ApiClient.h"
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "core/storage/InMemorySecretStore.h"
#include "keychain/KeychainSecretStore.h"
#include "models/ChatDirectory.h"
#include "models/ChatListFilterModel.h"
#include "models/ChatListModel.h"
#include "models/ModelConfigModel.h"
#include "models/Session.h"
#include "platform/AppLink.h"
#include "platform/DesktopNotifications.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/shell/Appearance.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/QuestionNotifier.h"
#include "widgets/shell/TrayNotifier.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QTimer>
#include <QTranslator>

#include <utility>

using namespace Qt::StringLiterals;

namespace AgentDesk {

Application::Application(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

Application::~Application()
{
    QPointer<Session> session = m_session;
    stopSession();
    delete session; // no event loop runs any more to take its deleteLater()
    delete m_connectDialog;
    delete m_simulator;
    for (QTranslator *translator : std::as_const(m_translators))
        QCoreApplication::removeTranslator(translator);
}

MainWindow *Application::mainWindow() const
{
    return m_mainWindow;
}

ChatListModel *Application::chatListModel() const
{
    return m_chats.get();
}

ChatDirectory *Application::chatDirectory() const
{
    return m_session ? m_session->directory() : nullptr;
}

ApiClient *Application::apiClient() const
{
    return m_session ? m_session->api() : m_signInApi.get();
}

Session *Application::session() const
{
    return m_session;
}

AppSettings *Application::settings() const
{
    return m_settings.get();
}

DraftStore *Application::drafts() const
{
    return m_drafts.get();
}

TrayNotifier *Application::trayNotifier() const
{
    return m_tray;
}

ConnectDialog *Application::connectDialog() const
{
    return m_connectDialog;
}

Appearance *Application::appearance() const
{
    return m_appearance.get();
}

void Application::start()
{
    if (!m_options.storageDirectory.isEmpty()) {
        const QDir dir(m_options.storageDirectory);
        m_settings = std::make_unique<AppSettings>(dir.filePath(u"agentdesk.ini"_s));
        m_drafts = std::make_unique<DraftStore>(dir.filePath(u"drafts"_s));
    } else if (m_options.isolatedStorage || m_options.demo) {
        // Demo and test runs must not overwrite the user's deployment URL or drafts.
        m_storageDir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<AppSettings>(m_storageDir->filePath(u"agentdesk.ini"_s));
        m_drafts = std::make_unique<DraftStore>(m_storageDir->filePath(u"drafts"_s));
    } else {
        m_settings = std::make_unique<AppSettings>();
        m_drafts = std::make_unique<DraftStore>();
    }
    installTranslators();
    // Theme and font first, so every window and icon is made in the right colours.
    m_appearance = std::make_unique<Appearance>(m_settings.get());
    m_appearance->apply();
    m_icons = std::make_unique<Icons>(QApplication::palette().color(QPalette::WindowText));
    connect(m_appearance.get(), &Appearance::applied, this, [this] {
        m_icons->setForeground(QApplication::palette().color(QPalette::WindowText));
        if (m_mainWindow)
            m_mainWindow->refreshIcons();
        if (m_tray)
            m_tray->rebuildMenu();
    });
    m_network = std::make_unique<QNetworkAccessManager>();
    m_signInApi = std::make_unique<ApiClient>(m_network.get());
    m_chats = std::make_unique<ChatListModel>();
    m_filter = std::make_unique<ChatListFilterModel>();
    m_filter->setSourceModel(m_chats.get());
    m_modelConfigs = std::make_unique<ModelConfigModel>();
    m_sessionStore = std::make_unique<InMemorySecretStore>();
    const bool inMemoryOnly = m_options.demo || !m_options.token.isEmpty();
    if (!inMemoryOnly)
        m_keychain = std::make_unique<KeychainSecretStore>();

    if (m_options.quitAfterMs > 0)
        QTimer::singleShot(m_options.quitAfterMs, this, &Application::quit);

    if (m_options.demo) {
        startSimulator();
        return;
    }
    if (!m_options.token.isEmpty()) {
        // Kept in memory like any session-only token, so switching deployments can return.
        const QUrl url = m_options.deploymentUrl;
        m_sessionStore->writeToken(url.toString(), QString::fromLatin1(m_options.token),
            [this, url](const SecretResult &) { connectSilently(url, m_options.token, true); });
        return;
    }
    const QUrl url = m_settings->deploymentUrl();
    if (!url.isValid() || url.host().isEmpty()) {
        showConnectDialog();
        return;
    }
    m_keychain->readToken(url.toString(), [this, url](const SecretResult &result) {
        if (result.ok() && !result.value.isEmpty()) {
            connectSilently(url, result.value.toUtf8(), false);
        } else if (result.status == SecretResult::Status::NotFound) {
            showConnectDialog();
        } else {
            showConnectDialog(tr("The keychain could not be read: %1").arg(result.error));
        }
    });
}

void Application::installTranslators()
{
    // The language chosen in the settings wins; empty follows the system (LANGUAGE, LANG).
    const QString chosen = m_settings ? m_settings->language() : QString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    auto *own = new QTranslator(this);
    // English is a translation too: it holds the plural forms ("1 second", "2 seconds"). A
    // locale without its own file (C, POSIX, fr_FR …) gets the English one, never the sources.
    if (own->load(locale, u"agentdesk"_s, u"_"_s, u":/i18n"_s)
        || own->load(u"agentdesk_en"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(own);
        m_translators.append(own);
    } else {
        delete own;
    }
    auto *qt = new QTranslator(this);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_translators.append(qt);
    } else {
        delete qt;
    }
}

void Application::startSimulator()
{
    m_simulator = new DemoSimulator(m_options.simulatorArguments, this);
    connect(m_simulator, &DemoSimulator::failed, this, [this](const QString &message) {
        if (m_session)
            return;
        emit fatalError(message);
        QTimer::singleShot(0, this, &Application::quit);
    });
    connect(m_simulator, &DemoSimulator::listening, this,
        [this](const QUrl &url, const QByteArray &token) {
            m_sessionStore->writeToken(url.toString(), QString::fromLatin1(token),
                [this, url, token](const SecretResult &) { connectSilently(url, token, true); });
        });
    m_simulator->start();
}

QString Application::fileCacheDirectory() const
{
    if (m_storageDir)
        return m_storageDir->filePath(u"files"_s);
    if (!m_options.storageDirectory.isEmpty())
        return QDir(m_options.storageDirectory).filePath(u"files"_s);
    return {};
}

void Application::connectSilently(const QUrl &url, const QByteArray &token, bool sessionOnly)
{
    // The same chain as the sign-in dialog (SignInFlow), without asking: a failure opens the
    // dialog with the reason.
    delete m_signInFlow; // drops an older attempt's answers
    auto *flow = new SignInFlow(m_signInApi.get(), this);
    m_signInFlow = flow;
    connect(flow, &SignInFlow::succeeded, this,
        [this, flow, sessionOnly](const ConnectionResult &signedIn) {
            flow->deleteLater();
            ConnectionResult result = signedIn;
            result.sessionOnly = sessionOnly;
            startSession(result);
        });
    connect(
        flow, &SignInFlow::failed, this, [this, flow](SignInFlow::Step, const QString &message) {
            flow->deleteLater();
            showConnectDialog(message);
        });
    flow->start(url, token, m_settings->organizationId());
}

void Application::showConnectDialog(const QString &error, std::optional<QUrl> url)
{
    stopSession();
    if (!m_connectDialog) {
        m_connectDialog = new ConnectDialog(
            m_signInApi.get(), m_keychain.get(), m_sessionStore.get(), m_settings.get());
        m_connectDialog->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(m_connectDialog, &ConnectDialog::connected, this, &Application::startSession);
        connect(m_connectDialog, &QDialog::rejected, this, [this] {
            if (m_session)
                return;
            // Cancelled while switching or adding: back to where the user came from.
            const QUrl back = std::exchange(m_fallbackDeployment, {});
            if (back.isValid() && back != m_settings->deploymentUrl())
                switchDeployment(back);
            else
                quit();
        });
    }
    m_connectDialog->setDeploymentUrl(url ? *url : m_settings->deploymentUrl());
    m_connectDialog->showError(error);
    m_connectDialog->open();
}

void Application::startSession(const ConnectionResult &result)
{
    stopSession();
    m_fallbackDeployment.clear();
    createSession(result);
    createMainWindow(result);
    createNotifiers();
    announceFirstListing();
    showSession();
}

//! The signed-in Session for `result`, its chat directory fed from and saved to the settings.
void Application::createSession(const ConnectionResult &result)
{
    m_settings->rememberDeployment(result.deploymentUrl);
    m_settings->sync();
    // The sign-in probe's token is not needed any more: the Session's client holds it.
    m_signInApi->setSessionToken({});
    m_session = new Session(m_network.get(), result,
        {.chats = m_chats.get(), .modelConfigs = m_modelConfigs.get()}, fileCacheDirectory(), this);
    connect(m_session, &Session::rejected, this, &Application::handleSessionRejected);
    ChatDirectory *directory = m_session->directory();
    directory->setUnreadMarks(m_settings->unreadMarks());
    directory->setCurrentUser(result.user.id); // §20.3: shared chats are listed too
    connect(directory, &ChatDirectory::unreadMarksChanged, this, [this](const QStringList &ids) {
        m_settings->setUnreadMarks(ids);
        m_settings->sync();
    });
}

void Application::createMainWindow(const ConnectionResult &result)
{
    ChatDirectory *directory = m_session->directory();
    MainWindow::Dependencies deps;
    deps.icons = m_icons.get();
    deps.settings = m_settings.get();
    deps.drafts = m_drafts.get();
    deps.session = m_session;
    deps.api = m_session->api();
    deps.directory = directory;
    deps.chats = m_chats.get();
    deps.filter = m_filter.get();
    deps.modelConfigs = m_modelConfigs.get();
    deps.files = m_session->files();
    deps.uploads = m_session->uploads();
    deps.gitStreams = m_session->gitStreams();
    m_mainWindow = new MainWindow(deps);
    m_mainWindow->setAttribute(Qt::WA_DeleteOnClose, false);
    if (m_options.reportStartup)
        new StartupReport(m_mainWindow->chatListView(), directory, m_mainWindow);
    m_mainWindow->setOrganizationId(result.organizationId);
    const QString who = result.user.name.isEmpty() ? result.user.username : result.user.name;
    m_mainWindow->setAccountText(result.sessionOnly
            ? tr("%1 on %2 (this session only)").arg(who, result.deploymentUrl.host())
            : tr("%1 on %2").arg(who, result.deploymentUrl.host()));
    connect(m_mainWindow, &MainWindow::signOutRequested, this, &Application::signOut);
    connect(m_mainWindow, &MainWindow::quitRequested, this, &Application::quit);
    connect(m_mainWindow, &MainWindow::settingsChanged, m_appearance.get(), &Appearance::apply);
    connect(
        m_mainWindow, &MainWindow::switchDeploymentRequested, this, &Application::switchDeployment);
    connect(m_mainWindow, &MainWindow::addDeploymentRequested, this, &Application::addDeployment);
    connect(
        m_mainWindow, &MainWindow::forgetDeploymentRequested, this, &Application::forgetDeployment);
}

void Application::createNotifiers()
{
    ChatDirectory *directory = m_session->directory();
    // Notifications: the desktop's server when there is one, else the tray balloon.
    if (!m_options.demo || m_options.screenshotDirectory.isEmpty())
        m_notifications = new DesktopNotifications(QApplication::applicationDisplayName(), this);
    m_tray =
        new TrayNotifier(m_icons.get(), m_settings.get(), m_chats.get(), m_notifications, this);
    QPointer<MainWindow> window = m_mainWindow;
    m_tray->setFocusedChatProvider(
        [window] { return window ? window->focusedChatId() : ChatId(); });
    connect(
        directory, &ChatDirectory::chatStatusChanged, m_tray, &TrayNotifier::handleStatusChanged);
    // §20.4.2: "Agent asks: …" for a question in a chat that is not on screen.
    auto *questions = new QuestionNotifier(
        m_session->api(), m_chats.get(), m_notifications, m_settings.get(), m_tray);
    questions->setFocusedChatProvider(
        [window] { return window ? window->focusedChatId() : ChatId(); });
    connect(directory, &ChatDirectory::chatStatusChanged, questions,
        &QuestionNotifier::handleStatusChanged);
    connectTrayRequests();
    m_mainWindow->setTrayAvailable(m_tray->showTrayIcon());
}

//! The tray menu's and icon's requests: open or stop a chat, show or hide the window, quit.
void Application::connectTrayRequests()
{
    connect(m_tray, &TrayNotifier::openChatRequested, this, [this](const ChatId &id) {
        if (!m_mainWindow)
            return;
        m_mainWindow->bringToFront();
        m_mainWindow->openChat(id);
    });
    connect(m_tray, &TrayNotifier::stopChatRequested, this, [this](const ChatId &id) {
        if (m_session)
            m_session->api()->interruptChat(id, m_session, [](const ApiResult<Chat> &) {});
    });
    connect(m_tray, &TrayNotifier::toggleWindowRequested, this, [this] {
        if (!m_mainWindow)
            return;
        if (m_mainWindow->isVisible() && m_mainWindow->isActiveWindow())
            m_mainWindow->hide();
        else
            m_mainWindow->bringToFront();
    });
    connect(m_tray, &TrayNotifier::quitRequested, this, &Application::quit);
}

//! listShown once the first chat list is on screen (and the screenshots after it, if asked).
void Application::announceFirstListing()
{
    ChatDirectory *directory = m_session->directory();
    connect(
        directory, &ChatDirectory::listLoaded, this,
        [this] {
            // Emitted after the window has had a chance to paint the rows.
            QTimer::singleShot(0, this, [this] { emit listShown(); });
        },
        Qt::SingleShotConnection);
    if (!m_options.screenshotDirectory.isEmpty())
        connect(this, &Application::listShown, this, &Application::startScreenshots,
            Qt::SingleShotConnection);
}

void Application::showSession()
{
    m_session->start();
    // --background (start at login): wait in the tray; a link or the tray opens the window.
    const bool hidden =
        std::exchange(m_options.startInBackground, false) && m_tray->isTrayVisible();
    if (!hidden)
        m_mainWindow->show();
    emit signedIn();
    if (!hidden || !m_pendingArguments.isEmpty())
        openPendingLinks();
}

void Application::handleArguments(const QStringList &arguments)
{
    m_pendingArguments.append(arguments);
    openPendingLinks();
}

void Application::openPendingLinks()
{
    if (!m_mainWindow)
        return;
    const QStringList arguments = std::exchange(m_pendingArguments, {});
    for (const QString &argument : arguments) {
        if (argument == "--new-chat"_L1) {
            if (QAction *newChat = m_mainWindow->findChild<QAction *>(u"actionNewChat"_s))
                newChat->trigger();
            continue;
        }
        const AppLink link = AppLink::parse(argument);
        const ChatId id = ChatId::fromString(link.chatId);
        if (!link.isValid() || id.isNull())
            continue;
        m_mainWindow->openChat(id, link.prompt);
    }
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->activateWindow();
}

void Application::stopSession()
{
    // Everything signed-in ends as one: the window and the tray first (they show the session),
    // then the Session with every client it owns. Its deletion waits for the event loop, since
    // this may run inside one of its clients' signals.
    Session *session = m_session;
    m_session = nullptr;
    if (session)
        session->directory()->stop();
    if (m_mainWindow) {
        m_mainWindow->saveLayout();
        delete m_mainWindow;
    }
    delete m_tray;
    delete m_notifications;
    if (m_drafts)
        m_drafts->flush(); // what was typed is on disk before anything else can go wrong
    if (session) {
        session->disconnect(this);
        session->end();
        session->deleteLater();
    }
}

SecretStore *Application::tokenStore() const
{
    return m_keychain ? static_cast<SecretStore *>(m_keychain.get()) : m_sessionStore.get();
}

void Application::switchDeployment(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return;
    if (m_session && url == m_session->api()->deploymentUrl())
        return;
    if (m_session)
        m_fallbackDeployment = m_session->api()->deploymentUrl();
    // The old session ends first: its clients must not talk to the new deployment.
    stopSession();
    m_settings->setDeploymentUrl(url);
    m_settings->sync();
    tokenStore()->readToken(url.toString(), [this, url](const SecretResult &result) {
        if (result.ok() && !result.value.isEmpty())
            connectSilently(url, result.value.toUtf8(), !m_keychain);
        else if (result.status == SecretResult::Status::NotFound)
            showConnectDialog({}, url);
        else
            showConnectDialog(tr("The keychain could not be read: %1").arg(result.error), url);
    });
}

void Application::addDeployment()
{
    if (m_session)
        m_fallbackDeployment = m_session->api()->deploymentUrl();
    stopSession();
    showConnectDialog({}, QUrl());
}

void Application::forgetDeployment(const QUrl &url)
{
    m_settings->forgetDeployment(url);
    m_settings->sync();
    if (m_session && url == m_session->api()->deploymentUrl()) {
        signOut(); // removes the token and shows the connect dialog
        return;
    }
    m_sessionStore->deleteToken(url.toString(), [](const SecretResult &) {});
    tokenStore()->deleteToken(url.toString(), [url](const SecretResult &result) {
        if (!result.ok() && result.status != SecretResult::Status::NotFound)
            qCWarning(lcUi) << "forget" << url.host() << ":" << result.error;
    });
}

void Application::signOut()
{
    if (!m_session)
        return;
    const QString origin = m_session->api()->deploymentUrl().toString();
    SecretStore *store = tokenStore();
    m_sessionStore->deleteToken(origin, [](const SecretResult &) {});
    store->deleteToken(origin, [this](const SecretResult &result) {
        const bool gone = result.ok() || result.status == SecretResult::Status::NotFound;
        showConnectDialog(gone
                ? QString()
                : tr("The token could not be removed from the keychain: %1").arg(result.error));
    });
}

void Application::handleSessionRejected(const ApiError &error)
{
    // A 401 while signed in, from REST or a socket's upgrade: the token expired or was revoked.
    // Back to the dialog, keeping the URL and every draft; the dialog's own probes also end up
    // here and are ignored. The teardown waits for the event loop: this runs inside the reply
    // handler of the refused call, whose caller must not find its objects deleted under it.
    if (!m_session || m_sessionEnding)
        return;
    m_sessionEnding = true;
    QTimer::singleShot(0, this, [this, error] {
        m_sessionEnding = false;
        if (!m_session)
            return;
        if (m_drafts)
            m_drafts->flush();
        qCInfo(lcUi) << "session ended:" << error.toDisplayString();
        const QString text =
            tr("Your session has ended: %1 no longer accepts your token (it expired or was "
               "revoked). Sign in again; your drafts are kept.")
                .arg(m_session->api()->deploymentUrl().host());
        // the same deployment, a new token
        showConnectDialog(text, m_session->api()->deploymentUrl());
    });
}

void Application::quit()
{
    if (m_drafts)
        m_drafts->flush();
    if (m_mainWindow)
        m_mainWindow->saveLayout();
    QCoreApplication::quit();
}

void Application::startScreenshots()
{
    ScreenshotRunner::Subjects subjects;
    subjects.window = m_mainWindow;
    subjects.chats = m_chats.get();
    subjects.tray = m_tray;
    subjects.signInApi = m_signInApi.get();
    subjects.sessionStore = m_sessionStore.get();
    subjects.settings = m_settings.get();
    subjects.appearance = m_appearance.get();
    auto *runner = new ScreenshotRunner(m_options.screenshotDirectory, subjects, this);
    connect(runner, &ScreenshotRunner::finished, this, &Application::quit);
    runner->start();
}

} // namespace AgentDesk
