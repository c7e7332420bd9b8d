#include "app/ScreenshotRunner.h"

#include "core/Logging.h"
#include "core/storage/AppSettings.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/dialogs/ConnectDialog.h"
#include "widgets/dialogs/NewChatDialog.h"
#include "widgets/dialogs/SettingsDialog.h"
#include "widgets/shell/Appearance.h"
#include "widgets/shell/CommandPalette.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/TrayNotifier.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QScreen>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ScreenshotRunner::ScreenshotRunner(
    const QString &directory, const Subjects &subjects, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_subjects(subjects)
    , m_window(subjects.window)
    , m_tray(subjects.tray)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1500);
    connect(m_timer, &QTimer::timeout, this, &ScreenshotRunner::handleStep);
}

void ScreenshotRunner::start()
{
    QDir().mkpath(m_directory);
    if (m_window && m_tray)
        m_stages = stages();
    m_timer->start();
}

bool ScreenshotRunner::grab(QWidget *widget, const QString &name) const
{
    if (!widget)
        return false;
    const QString path = QDir(m_directory).filePath(name);
    const bool saved = widget->grab().save(path);
    qCInfo(lcUi) << "screenshot" << path << (saved ? "saved" : "FAILED");
    return saved;
}

void ScreenshotRunner::openBusiestChat()
{
    // The chat most likely to be at work, so the picture shows a live turn.
    ChatListModel *chats = m_subjects.chats;
    QModelIndex pick;
    for (int row = 0; row < chats->rowCount() && !pick.isValid(); ++row) {
        const QModelIndex index = chats->index(row, 0);
        if (index.data(ChatListModel::IsActiveRole).toBool())
            pick = index;
    }
    for (int row = 0; row < chats->rowCount() && !pick.isValid(); ++row) {
        // else the chat with sub-agents: the list then shows the nesting too
        if (chats->rowCount(chats->index(row, 0)) > 0)
            pick = chats->index(row, 0);
    }
    if (!pick.isValid() && chats->rowCount() > 0)
        pick = chats->index(0, 0);
    if (pick.isValid())
        m_window->openChat(pick.data(ChatListModel::ChatIdRole).value<ChatId>());
}

QList<ScreenshotRunner::Stage> ScreenshotRunner::stages()
{
    MainWindow *window = m_window;
    const auto mainWindow = [window] {
        return static_cast<QWidget *>(window);
    };
    return {
        {[this] {
            openBusiestChat();
        }},
        {[this, window] {
             // Start a turn so the picture shows streaming, as a user would by sending.
             if (ChatSession *session = window->conversationWidget()->session())
                 session->send({InputPart::fromText(
                     tr("Please also add a short note about the export to the README."))});
         },
            mainWindow, u"main-window.png"_s},
        {[window] { window->showNewChatDialog(); }, [window] { return window->newChatDialog(); },
            u"new-chat-dialog.png"_s},
        {[window] {
             if (window->newChatDialog())
                 window->newChatDialog()->reject();
             if (auto *palette = window->findChild<QAction *>(u"actionCommandPalette"_s))
                 palette->trigger();
         },
            [window] { return window->commandPalette(); }, u"command-palette.png"_s},
        {[this, window] {
             window->commandPalette()->reject();
             m_tray->rebuildMenu();
             QMenu *menu = m_tray->trayMenu();
             const QRect screen = window->screen()->availableGeometry();
             menu->popup(
                 screen.topLeft() + QPoint(screen.width() - menu->sizeHint().width() - 8, 8));
         },
            [this] { return m_tray->trayMenu(); }, u"tray-menu.png"_s},
        {[this, window] {
             m_tray->trayMenu()->hide();
             auto *dialog = new ConnectDialog(
                 m_subjects.signInApi, nullptr, m_subjects.sessionStore, nullptr, window);
             dialog->setObjectName(u"screenshotConnectDialog"_s);
             dialog->setAttribute(Qt::WA_DeleteOnClose);
             dialog->setDeploymentUrl(QUrl(u"https://coder.example.com"_s));
             dialog->open();
         },
            [window] { return window->findChild<ConnectDialog *>(u"screenshotConnectDialog"_s); },
            u"sign-in-dialog.png"_s},
        {[window] {
             if (auto *dialog = window->findChild<ConnectDialog *>(u"screenshotConnectDialog"_s))
                 dialog->reject();
             window->showSettings();
         },
            [window] { return window->settingsDialog(); }, u"settings-general.png"_s},
        {[window] {
             if (window->settingsDialog())
                 window->settingsDialog()->showPage(2);
         },
            [window] { return window->settingsDialog(); }, u"settings-deployments.png"_s},
        {[this, window] {
             if (window->settingsDialog())
                 window->settingsDialog()->reject();
             // The demo's settings are throw-away, so the dark theme can be shown for real.
             m_subjects.settings->setTheme(AppSettings::Theme::Dark);
             m_subjects.appearance->apply();
         },
            mainWindow, u"main-window-dark.png"_s},
    };
}

void ScreenshotRunner::handleStep()
{
    if (!m_window || !m_tray) {
        m_timer->stop();
        emit finished();
        return;
    }
    if (m_grabNext) {
        const Stage &stage = m_stages.at(m_stage++);
        grab(stage.subject(), stage.fileName);
        m_grabNext = false;
        return;
    }
    if (m_stage < m_stages.size()) {
        const Stage &stage = m_stages.at(m_stage);
        stage.prepare();
        if (stage.subject)
            m_grabNext = true;
        else
            ++m_stage;
        return;
    }
    QFile done(QDir(m_directory).filePath(u"done"_s));
    if (done.open(QIODevice::WriteOnly))
        done.write("done\n");
    m_timer->stop();
    emit finished();
}

} // namespace AgentDesk
