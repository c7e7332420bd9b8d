#include "app/Application.h"

#include "app/StartupReport.h"
#include "core/Logging.h"
#include "core/api/ApiClient.h"
#include "core/live/ChatWatchClient.h"
#include "core/live/GitStreamClient.h"
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "core/storage/FileCache.h"
#include "core/storage/InMemorySecretStore.h"
#include "keychain/KeychainSecretStore.h"
#include "models/ChatDirectory.h"
#include "models/ChatListFilterModel.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "models/ModelConfigModel.h"
#include "platform/AppLink.h"
#include "platform/DesktopNotifications.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/dialogs/NewChatDialog.h"
#include "widgets/dialogs/SettingsDialog.h"
#include "widgets/shell/Appearance.h"
#include "widgets/shell/CommandPalette.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/QuestionNotifier.h"
#include "widgets/shell/TrayNotifier.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <utility>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

bool grabInto(QWidget *widget, const QString &directory, const QString &name)
{
    if (!widget)
        return false;
    const QString path = QDir(directory).filePath(name);
    const bool saved = widget->grab().save(path);
    qCInfo(lcUi) << "screenshot" << path << (saved ? "saved" : "FAILED");
    return saved;
}

} // namespace

Application::Application(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

Application::~Application()
{
    stopSession();
    delete m_connectDialog;
    if (m_simulator) {
        // The simulator also dies with us (--die-with-parent); this is the orderly way.
        m_simulator->disconnect(this); // its end is expected now, not an error to report
        m_simulator->kill();
        m_simulator->waitForFinished(2000); // reaped, so QProcess does not warn at exit
    }
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
    return m_directory;
}

ApiClient *Application::apiClient() const
{
    return m_api.get();
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

QString Application::simulatorPath()
{
    const QString fromEnvironment = qEnvironmentVariable("AGENTDESK_SIM");
    if (!fromEnvironment.isEmpty() && QFileInfo(fromEnvironment).isExecutable())
        return fromEnvironment;
    const QDir here(QCoreApplication::applicationDirPath());
    // Installed: <prefix>/bin/agentdesk finds <prefix>/libexec/agentdesk/agentdesk-sim.
    for (const QString &candidate :
        {here.filePath(u"agentdesk-sim"_s), here.filePath(u"../libexec/agentdesk/agentdesk-sim"_s),
            here.filePath(u"../sim/agentdesk-sim"_s), here.filePath(u"../src/sim/agentdesk-sim"_s),
            QStringLiteral(AGENTDESK_SIM_BUILD_PATH)}) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

QByteArray Application::randomToken()
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    auto *random = QRandomGenerator::system();
    auto part = [random](int length) {
        QByteArray text;
        for (int i = 0; i < length; ++i)
            text.append(alphabet[random->bounded(int(sizeof(alphabet) - 1))]);
        return text;
    };
    return part(10) + '-' + part(22);
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
    m_api = std::make_unique<ApiClient>(m_network.get());
    m_files = std::make_unique<FileCache>(m_api.get(),
        m_storageDir ? m_storageDir->filePath(u"files"_s)
            : m_options.storageDirectory.isEmpty()
            ? QString()
            : QDir(m_options.storageDirectory).filePath(u"files"_s));
    m_chats = std::make_unique<ChatListModel>();
    m_filter = std::make_unique<ChatListFilterModel>();
    m_filter->setSourceModel(m_chats.get());
    m_modelConfigs = std::make_unique<ModelConfigModel>();
    m_sessionStore = std::make_unique<InMemorySecretStore>();
    const bool inMemoryOnly = m_options.demo || !m_options.token.isEmpty();
    if (!inMemoryOnly)
        m_keychain = std::make_unique<KeychainSecretStore>();
    connect(m_api.get(), &ApiClient::sessionRejected, this, &Application::handleSessionRejected);

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
    const QString path = simulatorPath();
    if (path.isEmpty()) {
        emit fatalError(tr("agentdesk-sim was not found. Build it, or point AGENTDESK_SIM to it."));
        QTimer::singleShot(0, this, &Application::quit);
        return;
    }
    m_demoToken = randomToken();
    m_simulator = new QProcess(this);
    m_simulator->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(
        m_simulator, &QProcess::readyReadStandardOutput, this, &Application::handleSimulatorOutput);
    connect(m_simulator, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (!m_signedIn)
            emit fatalError(tr("agentdesk-sim could not start: %1")
                                .arg(m_simulator ? m_simulator->errorString() : QString()));
    });
    // The token goes through the environment, never the command line, where any local user
    // could read it (ps, /proc/PID/cmdline). The simulator reads AGENTDESK_SIM_TOKEN.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AGENTDESK_SIM_TOKEN"_s, QString::fromLatin1(m_demoToken));
    m_simulator->setProcessEnvironment(environment);
    QStringList arguments{u"--demo"_s, u"--port"_s, u"0"_s, u"--die-with-parent"_s};
    arguments += m_options.simulatorArguments;
    m_simulator->start(path, arguments);
}

void Application::handleSimulatorOutput()
{
    if (m_signedIn || !m_simulator)
        return;
    m_simulatorOutput += m_simulator->readAllStandardOutput();
    const qsizetype newline = m_simulatorOutput.indexOf('\n');
    if (newline < 0)
        return;
    const QByteArray line = m_simulatorOutput.left(newline).trimmed();
    static constexpr QByteArrayView prefix = "listening on ";
    if (!line.startsWith(prefix)) {
        emit fatalError(tr("agentdesk-sim answered unexpectedly: %1").arg(QString::fromUtf8(line)));
        return;
    }
    QUrl url(u"http://"_s + QString::fromLatin1(line.mid(prefix.size())));
    m_simulatorOutput.clear();
    disconnect(m_simulator, &QProcess::readyReadStandardOutput, this, nullptr);
    m_sessionStore->writeToken(url.toString(), QString::fromLatin1(m_demoToken),
        [this, url](const SecretResult &) { connectSilently(url, m_demoToken, true); });
}

void Application::connectSilently(const QUrl &url, const QByteArray &token, bool sessionOnly)
{
    // The same chain as the sign-in dialog (SignInFlow), without asking: a failure opens the
    // dialog with the reason.
    delete m_signInFlow; // drops an older attempt's answers
    auto *flow = new SignInFlow(m_api.get(), this);
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
            m_api.get(), m_keychain.get(), m_sessionStore.get(), m_settings.get());
        m_connectDialog->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(m_connectDialog, &ConnectDialog::connected, this, &Application::startSession);
        connect(m_connectDialog, &QDialog::rejected, this, [this] {
            if (m_signedIn)
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
    m_signedIn = true;
    m_session = result;
    m_fallbackDeployment.clear();
    m_settings->rememberDeployment(result.deploymentUrl);
    m_settings->sync();
    m_api->setDeploymentUrl(result.deploymentUrl);
    m_api->setSessionToken(result.token);
    m_api->setChatsPrefix(result.chatsPrefix);
    m_session.token.clear(); // ApiClient holds it from here on

    if (result.modelsLoaded) { // SignInFlow read the catalog
        m_modelConfigs->setModels(result.models);
    } else {
        m_api->models(
            result.organizationId, this, [this](const ApiResult<QList<ModelConfig>> &models) {
                if (models.ok())
                    m_modelConfigs->setModels(models.value());
                else
                    qCWarning(lcUi) << "models:" << models.error().toDisplayString();
            });
    }

    ApiClient *api = m_api.get();
    m_watch = new ChatWatchClient(
        api->watchUrl(), [api](const QUrl &url) { return api->makeWebSocketRequest(url); }, this);
    connect(m_watch, &ChatWatchClient::upgradeRejected, this, [this](int status) {
        if (status == 401)
            handleSessionRejected(ApiError::fromHttpStatus(401, {}));
    });
    m_directory = new ChatDirectory(api, m_watch, m_chats.get(), this);
    m_directory->setUnreadMarks(m_settings->unreadMarks());
    connect(m_directory, &ChatDirectory::unreadMarksChanged, this, [this](const QStringList &ids) {
        m_settings->setUnreadMarks(ids);
        m_settings->sync();
    });

    MainWindow::Dependencies deps;
    deps.icons = m_icons.get();
    deps.settings = m_settings.get();
    deps.drafts = m_drafts.get();
    deps.api = api;
    deps.directory = m_directory;
    deps.chats = m_chats.get();
    deps.filter = m_filter.get();
    deps.modelConfigs = m_modelConfigs.get();
    deps.files = m_files.get();
    deps.gitStreams = [api](const ChatId &chat, QObject *parent) {
        return new GitStreamClient(
            api->gitStreamUrl(chat),
            [api](const QUrl &url) { return api->makeWebSocketRequest(url); }, parent);
    };
    m_mainWindow = new MainWindow(deps);
    m_mainWindow->setAttribute(Qt::WA_DeleteOnClose, false);
    if (m_options.reportStartup)
        new StartupReport(m_mainWindow->chatListView(), m_directory, m_mainWindow);
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

    // Notifications: the desktop's server when there is one, else the tray balloon.
    if (!m_options.demo || m_options.screenshotDirectory.isEmpty())
        m_notifications = new DesktopNotifications(QApplication::applicationDisplayName(), this);
    m_tray =
        new TrayNotifier(m_icons.get(), m_settings.get(), m_chats.get(), m_notifications, this);
    QPointer<MainWindow> window = m_mainWindow;
    m_tray->setFocusedChatProvider(
        [window] { return window ? window->focusedChatId() : ChatId(); });
    connect(
        m_directory, &ChatDirectory::chatStatusChanged, m_tray, &TrayNotifier::handleStatusChanged);
    // §20.4.2: "Agent asks: …" for a question in a chat that is not on screen.
    auto *questions =
        new QuestionNotifier(m_api.get(), m_chats.get(), m_notifications, m_settings.get(), m_tray);
    questions->setFocusedChatProvider(
        [window] { return window ? window->focusedChatId() : ChatId(); });
    connect(m_directory, &ChatDirectory::chatStatusChanged, questions,
        &QuestionNotifier::handleStatusChanged);
    connect(m_tray, &TrayNotifier::openChatRequested, this, [this](const ChatId &id) {
        if (!m_mainWindow)
            return;
        m_mainWindow->bringToFront();
        m_mainWindow->openChat(id);
    });
    connect(m_tray, &TrayNotifier::stopChatRequested, this, [this](const ChatId &id) {
        m_api->interruptChat(id, this, [](const ApiResult<Chat> &) {});
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
    m_mainWindow->setTrayAvailable(m_tray->showTrayIcon());

    connect(
        m_directory, &ChatDirectory::listLoaded, this,
        [this] {
            // Emitted after the window has had a chance to paint the rows.
            QTimer::singleShot(0, this, [this] { emit listShown(); });
        },
        Qt::SingleShotConnection);
    if (!m_options.screenshotDirectory.isEmpty())
        connect(this, &Application::listShown, this, &Application::runScreenshots,
            Qt::SingleShotConnection);

    m_directory->start();
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
    m_signedIn = false;
    if (m_directory)
        m_directory->stop();
    if (m_mainWindow) {
        m_mainWindow->saveLayout();
        delete m_mainWindow;
    }
    delete m_tray;
    delete m_notifications;
    delete m_directory;
    delete m_watch;
    if (m_chats)
        m_chats->clear();
    if (m_modelConfigs)
        m_modelConfigs->clear();
}

SecretStore *Application::tokenStore() const
{
    return m_keychain ? static_cast<SecretStore *>(m_keychain.get()) : m_sessionStore.get();
}

void Application::switchDeployment(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return;
    if (m_signedIn && url == m_api->deploymentUrl())
        return;
    if (m_signedIn)
        m_fallbackDeployment = m_api->deploymentUrl();
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
    if (m_signedIn)
        m_fallbackDeployment = m_api->deploymentUrl();
    stopSession();
    showConnectDialog({}, QUrl());
}

void Application::forgetDeployment(const QUrl &url)
{
    m_settings->forgetDeployment(url);
    m_settings->sync();
    if (m_signedIn && url == m_api->deploymentUrl()) {
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
    const QString origin = m_api->deploymentUrl().toString();
    SecretStore *store = tokenStore();
    m_sessionStore->deleteToken(origin, [](const SecretResult &) {});
    store->deleteToken(origin, [this](const SecretResult &result) {
        const bool gone = result.ok() || result.status == SecretResult::Status::NotFound;
        m_api->setSessionToken({});
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
    if (!m_signedIn || m_sessionEnding)
        return;
    m_sessionEnding = true;
    QTimer::singleShot(0, this, [this, error] {
        m_sessionEnding = false;
        if (!m_signedIn)
            return;
        if (m_drafts)
            m_drafts->flush();
        qCInfo(lcUi) << "session ended:" << error.toDisplayString();
        const QString text =
            tr("Your session has ended: %1 no longer accepts your token (it expired or was "
               "revoked). Sign in again; your drafts are kept.")
                .arg(m_api->deploymentUrl().host());
        showConnectDialog(text, m_api->deploymentUrl()); // the same deployment, a new token
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

void Application::runScreenshots()
{
    const QString directory = m_options.screenshotDirectory;
    QDir().mkpath(directory);
    // A timed sequence so an outside observer (tools/screenshots.sh) can capture the real
    // screen at each stage: it waits for each file to appear.
    auto step = std::make_shared<int>(0);
    auto *timer = new QTimer(this);
    timer->setInterval(1500);
    connect(timer, &QTimer::timeout, this, [this, directory, step, timer] {
        MainWindow *window = m_mainWindow;
        if (!window) {
            timer->stop();
            quit();
            return;
        }
        switch ((*step)++) {
        case 0: {
            // Open the chat most likely to be at work, so the picture shows a live turn.
            QModelIndex pick;
            for (int row = 0; row < m_chats->rowCount() && !pick.isValid(); ++row) {
                const QModelIndex index = m_chats->index(row, 0);
                if (index.data(ChatListModel::IsActiveRole).toBool())
                    pick = index;
            }
            for (int row = 0; row < m_chats->rowCount() && !pick.isValid(); ++row) {
                // else the chat with sub-agents: the list then shows the nesting too
                if (m_chats->rowCount(m_chats->index(row, 0)) > 0)
                    pick = m_chats->index(row, 0);
            }
            if (!pick.isValid() && m_chats->rowCount() > 0)
                pick = m_chats->index(0, 0);
            if (pick.isValid())
                window->openChat(pick.data(ChatListModel::ChatIdRole).value<ChatId>());
            break;
        }
        case 1:
            // Start a turn so the picture shows streaming, as a user would by sending.
            if (ChatSession *session = window->conversationWidget()->session())
                session->send({InputPart::fromText(
                    tr("Please also add a short note about the export to the README."))});
            break;
        case 2:
            grabInto(window, directory, u"main-window.png"_s);
            break;
        case 3:
            window->showNewChatDialog();
            break;
        case 4:
            grabInto(window->newChatDialog(), directory, u"new-chat-dialog.png"_s);
            break;
        case 5:
            if (window->newChatDialog())
                window->newChatDialog()->reject();
            if (auto *palette = window->findChild<QAction *>(u"actionCommandPalette"_s))
                palette->trigger();
            break;
        case 6:
            grabInto(window->commandPalette(), directory, u"command-palette.png"_s);
            break;
        case 7: {
            window->commandPalette()->reject();
            m_tray->rebuildMenu();
            QMenu *menu = m_tray->trayMenu();
            const QRect screen = window->screen()->availableGeometry();
            menu->popup(
                screen.topLeft() + QPoint(screen.width() - menu->sizeHint().width() - 8, 8));
            break;
        }
        case 8:
            grabInto(m_tray->trayMenu(), directory, u"tray-menu.png"_s);
            break;
        case 9: {
            m_tray->trayMenu()->hide();
            auto *dialog =
                new ConnectDialog(m_api.get(), nullptr, m_sessionStore.get(), nullptr, window);
            dialog->setObjectName(u"screenshotConnectDialog"_s);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setDeploymentUrl(QUrl(u"https://coder.example.com"_s));
            dialog->open();
            break;
        }
        case 10:
            grabInto(window->findChild<ConnectDialog *>(u"screenshotConnectDialog"_s), directory,
                u"sign-in-dialog.png"_s);
            break;
        case 11:
            if (auto *dialog = window->findChild<ConnectDialog *>(u"screenshotConnectDialog"_s))
                dialog->reject();
            window->showSettings();
            break;
        case 12:
            grabInto(window->settingsDialog(), directory, u"settings-general.png"_s);
            break;
        case 13:
            if (window->settingsDialog())
                window->settingsDialog()->showPage(2);
            break;
        case 14:
            grabInto(window->settingsDialog(), directory, u"settings-deployments.png"_s);
            break;
        case 15:
            if (window->settingsDialog())
                window->settingsDialog()->reject();
            // The demo's settings are throw-away, so the dark theme can be shown for real.
            m_settings->setTheme(AppSettings::Theme::Dark);
            m_appearance->apply();
            break;
        case 16:
            grabInto(window, directory, u"main-window-dark.png"_s);
            break;
        default: {
            QFile done(QDir(directory).filePath(u"done"_s));
            if (done.open(QIODevice::WriteOnly))
                done.write("done\n");
            timer->stop();
            quit();
            break;
        }
        }
    });
    timer->start();
}

} // namespace AgentDesk
