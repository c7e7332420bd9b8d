#pragma once

#include "core/api/ApiTypes.h"
#include "widgets/dialogs/ConnectDialog.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTranslator;

namespace AgentDesk {

class ApiClient;
class AppSettings;
class Appearance;
class ChatDirectory;
class ChatListFilterModel;
class ChatListModel;
class DemoSimulator;
class DesktopNotifications;
class DraftStore;
class Icons;
class InMemorySecretStore;
class MainWindow;
class ModelConfigModel;
class SecretStore;
class Session;
class TrayNotifier;

//! The composition root (design.md c.1 rule 7, c.3): the one place that creates the network
//! manager, the clients, stores, models, windows and the tray, and connects them. Nothing else
//! in AgentDesk is a singleton. Owns everything it creates. What lives while signed in is one
//! Session (models/Session.h), made on sign-in and deleted as one on sign-out, a 401 or a
//! switch of deployment; the window and the tray are made with it and deleted before it.
//!
//! Start-up: URL from the settings + token from the keychain → connect silently; anything
//! missing or refused → ConnectDialog. --demo starts agentdesk-sim on a free loopback port and
//! signs in to it with an in-memory token, never touching the keychain or the user's settings.
class Application final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool demo = false;
        //! Extra simulator arguments in demo mode (benchmarks: --chats 2000, --messages …).
        QStringList simulatorArguments;
        //! Sign in to this deployment with this token, in memory (tests, benchmarks).
        QUrl deploymentUrl;
        QByteArray token;
        //! Non-empty: grab the main window and named screens into it, then quit.
        QString screenshotDirectory;
        int quitAfterMs = 0;
        //! Settings and drafts in a throw-away directory (demo, tests).
        bool isolatedStorage = false;
        //! Settings and drafts in this directory (tests that restart the app); wins over
        //! isolatedStorage.
        QString storageDirectory;
        //! Start in the tray without opening the window (the autostart entry's --background);
        //! ignored when no tray is shown.
        bool startInBackground = false;
        //! Print one "startup: ..." line once the chat list is complete and painted
        //! (--report-startup, tools/bench-startup.sh).
        bool reportStartup = false;
    };

    explicit Application(const Options &options, QObject *parent = nullptr);
    ~Application() override;

    //! Installs translators, creates the long-lived objects and begins (asynchronously).
    void start();

    //! Arguments from the command line or a later launch (SingleInstance): raises the window
    //! and opens agentdesk://chat/<id> and https://<deployment>/agents/<id> links, pre-filling
    //! the composer from ?prompt= (never sending). Kept until the window exists.
    void handleArguments(const QStringList &arguments);

    MainWindow *mainWindow() const;
    ChatListModel *chatListModel() const;
    ChatDirectory *chatDirectory() const;
    //! The signed-in Session's client, or the sign-in probe's while signed out.
    ApiClient *apiClient() const;
    //! Null while signed out.
    Session *session() const;
    AppSettings *settings() const;
    DraftStore *drafts() const;
    TrayNotifier *trayNotifier() const;
    ConnectDialog *connectDialog() const;
    Appearance *appearance() const;

signals:
    //! Signed in: the main window exists and the list is loading.
    void signedIn();
    //! The first full chat list reached the model and the window painted it.
    void listShown();
    void fatalError(const QString &message);

private:
    void openPendingLinks();
    void installTranslators();
    void startSimulator();
    QString fileCacheDirectory() const;
    void connectSilently(const QUrl &url, const QByteArray &token, bool sessionOnly);
    void showConnectDialog(const QString &error = {}, std::optional<QUrl> url = std::nullopt);
    void switchDeployment(const QUrl &url);
    void addDeployment();
    void forgetDeployment(const QUrl &url);
    SecretStore *tokenStore() const;
    void startSession(const ConnectionResult &result);
    // The pieces of startSession, in the order it calls them.
    void createSession(const ConnectionResult &result);
    void createMainWindow(const ConnectionResult &result);
    void createNotifiers();
    void connectTrayRequests();
    void announceFirstListing();
    void showSession();
    void stopSession();
    void signOut();
    void handleSessionRejected(const ApiError &error);
    void quit();
    void startScreenshots();

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_storageDir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Appearance> m_appearance;
    std::unique_ptr<Icons> m_icons;
    std::unique_ptr<QNetworkAccessManager> m_network;
    //! Signs in (SignInFlow, ConnectDialog); the signed-in client is the Session's.
    std::unique_ptr<ApiClient> m_signInApi;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<ChatListModel> m_chats;
    std::unique_ptr<ChatListFilterModel> m_filter;
    std::unique_ptr<ModelConfigModel> m_modelConfigs;
    std::unique_ptr<SecretStore> m_keychain; //!< null in demo mode
    std::unique_ptr<InMemorySecretStore> m_sessionStore;
    QList<QTranslator *> m_translators;

    // Per sign-in.
    QPointer<Session> m_session; //!< Null while signed out (also while its deletion is queued).
    QPointer<MainWindow> m_mainWindow;
    QStringList m_pendingArguments; //!< Links that arrived before the window.
    QPointer<TrayNotifier> m_tray;
    QPointer<DesktopNotifications> m_notifications;
    QPointer<ConnectDialog> m_connectDialog;
    //! The silent sign-in running now, if any.
    QPointer<SignInFlow> m_signInFlow;
    bool m_sessionEnding = false; //!< A 401's teardown is queued.
    //! Where to go back to when switching to or adding a deployment is cancelled.
    QUrl m_fallbackDeployment;

    QPointer<DemoSimulator> m_simulator;
};

} // namespace AgentDesk
