#pragma once

// The journey harness (tests/journeys): the real composed application (Application, the same
// composition root main() uses) against a real agentdesk-sim process on loopback, its window
// shown, driven only through input (clicks at a row's visual rect, key sequences, typed text,
// shortcuts) and read back as painted: the rows the viewport shows, found with indexAt() over
// the viewport, each checked for pixels in a fresh grab, compared with the server's own truth
// (GET {chat}/messages on the simulator).

#include "app/Application.h"
#include "core/api/ApiTypes.h"
#include "support/SimulatorProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QKeySequence>
#include <QObject>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QAbstractItemView;
class QAction;
class QDialog;
class QPlainTextEdit;
class QWidget;

namespace AgentDesk {
class ChatListView;
class ChatView;
class ComposerWidget;
class ConversationWidget;
class MainWindow;
} // namespace AgentDesk

namespace AgentDesk::Testing {

//! One row of the conversation as the viewport shows it.
struct PaintedMessage
{
    int row = -1;
    QRect rect; //!< In viewport coordinates, clipped to the viewport.
    MessageId id;
    MessageRole role = MessageRole::Unknown;
    QString text;             //!< The message's text parts (Markdown), as the model holds them.
    QString rendered;         //!< The row's document as the delegate renders it, as plain text.
    QList<MessagePart> parts; //!< All its parts, as the model holds them.
    bool streaming = false;
    bool pending = false;
    bool inked = false; //!< The row's rect in a fresh grab has pixels besides the background.
};

//! One row of the chat list as the viewport shows it.
struct PaintedChat
{
    ChatId id;
    QString title;
    QRect rect;
    bool inked = false;
};

class Journey final
{
public:
    //! The server generation the journeys run against: $AGENTDESK_JOURNEY_GENERATION (legacy,
    //! v237 or newest; ctest runs each journey once per generation), empty for the simulator's
    //! default.
    static QString generationUnderTest();
    //! Whether the generation under test is the seed-era server (`legacy`).
    static bool isLegacy() { return generationUnderTest() == QLatin1String("legacy"); }
    //! `simulatorArguments` plus `--generation` from generationUnderTest() unless they name one.
    static QStringList withGeneration(QStringList simulatorArguments);

    //! Titles of the demo data's chats the journeys drive.
    static inline const QString chatA = QStringLiteral("Fix flaky login e2e test");
    static inline const QString chatB = QStringLiteral("Add CSV export to the reports page");
    static inline const QString chatC = QStringLiteral("Explain the billing cron job");
    //! The demo data with fast streaming (deltas every `deltaIntervalMs`): what most journeys
    //! play.
    static QStringList fastDemo(int deltaIntervalMs = 10)
    {
        return {QStringLiteral("--demo"), QStringLiteral("--delta-interval-ms"),
            QString::number(deltaIntervalMs)};
    }

    //! `simulatorArguments` go to agentdesk-sim (default: the demo data), with the generation
    //! under test added (withGeneration()).
    explicit Journey(const QStringList &simulatorArguments = {QStringLiteral("--demo")});
    ~Journey();
    Journey(const Journey &) = delete;
    Journey &operator=(const Journey &) = delete;

    //! Starts the simulator once; false with the reason in errorString().
    bool startSimulator();
    //! Starts (or restarts, keeping settings and drafts) the signed-in app; its window is
    //! shown at 1280×800 and the list has loaded. False if any step timed out.
    bool startApp(const QStringList &arguments = {});
    //! Ends the app the way Quit does (drafts flushed, last chat remembered).
    void quitApp();
    //! Ends the app without its quit path (what survives is what was already on disk).
    void dropApp();
    QString errorString() const { return m_error; }

    SimulatorProcess &sim() { return *m_sim; }
    Application *app() const { return m_app.get(); }
    MainWindow *window() const;
    ChatListView *list() const;
    ConversationWidget *conversation() const;
    ChatView *chatView() const;
    ComposerWidget *composer() const;
    QPlainTextEdit *editor() const;
    QString storagePath() const { return m_storage.path(); }

    // ---- input -------------------------------------------------------------------------------
    //! The list row of the chat titled `title` (scrolled into view first); null if not shown.
    ChatId chatIdByTitle(const QString &title) const;
    //! Clicks the chat's row in the list at its visual rect; false if it is not in the list.
    bool clickChat(const QString &title);
    bool clickChat(const ChatId &id);
    //! Clicks the chat's row and waits until the window shows that chat; false if it did not.
    bool openChat(const ChatId &id);
    //! openChat() on the chat titled `title`: its id, null if it is not listed or did not open.
    ChatId openChatTitled(const QString &title);
    //! Focuses the composer with a click and types `text` key by key.
    void type(const QString &text);
    //! type() then Enter: what a user does to send (or queue) a message.
    void send(const QString &text);
    //! Presses Ctrl+N and waits until the new-chat dialog shows; null if it did not.
    QDialog *openNewChatDialog();
    //! Presses a key sequence on the widget that has focus (the window if none).
    void press(const QKeySequence &keys);
    //! Clicks a visible widget found by objectName; false if not found or hidden.
    bool clickButton(const QString &objectName);
    QAction *action(const QString &objectName) const;

    //! Whether the chat list says the agent works on `chat` (isActive() of its status).
    bool isWorking(const ChatId &chat) const;
    //! The chat's status as the chat list holds it (Unknown if it is not listed).
    ChatStatus status(const ChatId &chat) const;

    // ---- what is painted ---------------------------------------------------------------------
    QList<PaintedMessage> paintedConversation() const;
    QList<PaintedChat> paintedChatList() const;
    //! The painted conversation's texts, top to bottom.
    QStringList paintedTexts() const;
    //! Whether any painted row's text contains `needle`.
    bool paints(const QString &needle) const;
    //! Empty when the conversation as painted matches the server's transcript of `chat`: every
    //! painted committed row is a message of that chat with the same text, in order, no row
    //! twice, every row inked, and (when the view follows the bottom) the newest server message
    //! with text is painted. Otherwise says what differs.
    QString compareWithServer(const ChatId &chat) const;

    // ---- the server's truth -------------------------------------------------------------------
    QJsonArray serverMessages(const ChatId &chat);
    QJsonObject serverChat(const ChatId &chat);
    //! A blocking JSON request to the simulator (set-up and truth only, never the app's path).
    int serverRequest(const QByteArray &method, const QString &path, const QJsonObject &body = {},
        QJsonObject *answer = nullptr);
    //! The chats route prefix the simulator serves (/api/v2/chats or /api/experimental/chats).
    QString chatsPrefix();

    //! Saves a grab of the window into $AGENTDESK_ARTIFACTS/journeys/<name>.png.
    QString screenshot(const QString &name) const;
    //! Saves a grab of `widget` there, with `popup` (a separate top-level) painted where it
    //! shows on screen; returns the file's path.
    static QString screenshotOf(QWidget *widget, const QString &name, QWidget *popup = nullptr);

private:
    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<Application> m_app;
    QTemporaryDir m_storage;
    QString m_error;
    QString m_prefix;
};

//! Joined plain text of a server message's text parts (what a row shows for it).
QString serverMessageText(const QJsonObject &message);

//! The fixture of every journey executable: one simulator for all its test functions
//! (initTestCase), a freshly started signed-in app for each (init) and dropped after it (cleanup).
//! Test functions reach the harness through `m_journey`.
class JourneyTestCase : public QObject
{
    Q_OBJECT

public:
    struct Setup
    {
        //! What agentdesk-sim plays (withGeneration() adds the generation under test).
        QStringList simulatorArguments = Journey::fastDemo();
        //! The simulator logs every request it answers, with its status, at debug level.
        bool logRequests = false;
        //! false: each test function starts the app itself (with its own arguments).
        bool startAppForEachTest = true;
        //! Resets the simulator's faults after each test function.
        bool resetFaultsAfterEachTest = false;
    };

protected:
    explicit JourneyTestCase(Setup setup);
    //! Called by init() once the app has started, for the executable's own per-test set-up.
    virtual void appStarted() {}

    std::unique_ptr<Journey> m_journey;

private slots:
    void initTestCase();
    void init();
    void cleanup();

private:
    Setup m_setup;
};

} // namespace AgentDesk::Testing

//! Waits (up to `timeout` ms) until the painted conversation of `chat` matches the server's
//! transcript (Journey::compareWithServer()); fails the test with the difference otherwise.
#define JOURNEY_TRY_MATCHES_SERVER(journey, chat, timeout)                                         \
    do {                                                                                           \
        QString journeyDifference;                                                                 \
        QTRY_VERIFY2_WITH_TIMEOUT(                                                                 \
            (journeyDifference = (journey).compareWithServer(chat)).isEmpty(),                     \
            qPrintable(journeyDifference), timeout);                                               \
    } while (false)
