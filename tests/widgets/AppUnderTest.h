#pragma once

// The real app, composed by Application against a test's own agentdesk-sim and signed in with
// the simulator's token, its window shown and its chat list loaded. Shared by the widget tests
// that drive the whole window.

#include "app/Application.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "support/SimulatorProcess.h"
#include "support/WidgetArtifacts.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/shell/MainWindow.h"

#include <QObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace AgentDesk::Testing {

//! Starts `app` (settings and drafts in `storageDirectory`, so a restart finds them); on
//! failure the current test has failed and `app` may be partly started.
inline void startSignedInApp(
    std::unique_ptr<Application> &app, const SimulatorProcess &sim, const QString &storageDirectory)
{
    Application::Options options;
    options.deploymentUrl = sim.baseUrl();
    options.token = sim.token();
    options.storageDirectory = storageDirectory;
    app = std::make_unique<Application>(options);
    app->start();
    QTRY_VERIFY(app->mainWindow());
    MainWindow *window = app->mainWindow();
    window->resize(1280, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY(app->chatDirectory()->isListLoaded());
    QTRY_VERIFY(window->chatListView()->model()->rowCount() > 0);
}

//! The id of the top-level chat titled `title` in the app's list, or a null id.
inline ChatId chatIdByTitle(const Application &app, const QString &title)
{
    const ChatListModel *model = app.chatListModel();
    for (int row = 0; model && row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ChatListModel::TitleRole).toString() == title)
            return index.data(ChatListModel::ChatIdRole).value<ChatId>();
    }
    return {};
}

//! The fixture of the widget tests that drive the whole window: one agentdesk-sim --demo for
//! the executable (initTestCase), the app started signed in before each test function (init)
//! and destroyed after it (cleanup), its settings and drafts kept in one folder for the run.
class AppUnderTestCase : public QObject
{
    Q_OBJECT

protected:
    void startApp() { startSignedInApp(m_app, *m_sim, m_storage.path()); }

    MainWindow *window() const { return m_app->mainWindow(); }
    ChatListView *list() const { return window()->chatListView(); }
    ConversationWidget *conversation() const { return window()->conversationWidget(); }
    ChatId chatNamed(const QString &title) const { return chatIdByTitle(*m_app, title); }
    //! Opens `chat` in the window; false if the window did not come to show it.
    bool showChat(const ChatId &chat)
    {
        window()->openChat(chat);
        return QTest::qWaitFor([&] { return window()->visibleChatId() == chat; });
    }
    //! Saves a grab of `widget` (the window if null) as $AGENTDESK_ARTIFACTS/`name`.
    void screenshot(const QString &name, QWidget *widget = nullptr)
    {
        QVERIFY(saveArtifact(widget ? widget : window(), name));
    }

    std::unique_ptr<SimulatorProcess> m_sim;
    QTemporaryDir m_storage;
    std::unique_ptr<Application> m_app;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<SimulatorProcess>(QStringList{QStringLiteral("--demo")});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        QVERIFY(m_storage.isValid());
    }
    void init() { startApp(); }
    void cleanup() { m_app.reset(); }
};

} // namespace AgentDesk::Testing
