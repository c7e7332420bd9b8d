#include "widgets/shell/TrayNotifier.h"

#include "core/storage/AppSettings.h"
#include "models/ChatListModel.h"
#include "platform/DesktopNotifications.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/ModelChanges.h"

#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString titleOf(const Chat &chat)
{
    return chat.title.isEmpty() ? TrayNotifier::tr("Untitled chat") : chat.title;
}

} // namespace

TrayNotifier::TrayNotifier(Icons *icons, AppSettings *settings, ChatListModel *chats,
    NotificationSink *sink, QObject *parent)
    : QObject(parent)
    , m_icons(icons)
    , m_settings(settings)
    , m_chats(chats)
    , m_sink(sink)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(u"trayMenu"_s);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayNotifier::rebuildMenu);
    if (m_sink)
        connect(m_sink, &NotificationSink::activated, this, &TrayNotifier::handleSinkActivated);

    // The tooltip counts unread chats; coalesce bursts of list updates into one count.
    m_toolTipTimer.setSingleShot(true);
    m_toolTipTimer.setInterval(200);
    connect(&m_toolTipTimer, &QTimer::timeout, this, &TrayNotifier::updateToolTip);
    if (m_chats)
        onModelChanges(m_chats, listChanges, this, &TrayNotifier::scheduleToolTipUpdate);
    updateToolTip();
}

TrayNotifier::~TrayNotifier()
{
    delete m_menu; // a QMenu cannot have a QObject parent that is not a widget
}

void TrayNotifier::setFocusedChatProvider(FocusedChatProvider provider)
{
    m_focusedChat = std::move(provider);
}

bool TrayNotifier::showTrayIcon()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setObjectName(u"trayIcon"_s);
        m_tray->setIcon(m_icons ? m_icons->icon(IconId::App) : QIcon());
        m_tray->setContextMenu(m_menu);
        m_tray->setToolTip(m_toolTip);
        connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    emit toggleWindowRequested();
            });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastBalloonChat.isNull())
                emit openChatRequested(m_lastBalloonChat);
        });
    }
    rebuildMenu();
    m_tray->show();
    return true;
}

bool TrayNotifier::isTrayVisible() const
{
    return m_tray && m_tray->isVisible();
}

void TrayNotifier::scheduleToolTipUpdate()
{
    if (!m_toolTipTimer.isActive())
        m_toolTipTimer.start();
}

void TrayNotifier::updateToolTip()
{
    int unread = 0;
    int attention = 0;
    if (m_chats) {
        for (int row = 0; row < m_chats->rowCount(); ++row) {
            const QModelIndex index = m_chats->index(row, 0);
            if (index.data(ChatListModel::ArchivedRole).toBool())
                continue;
            if (index.data(ChatListModel::HasUnreadRole).toBool())
                ++unread;
            if (index.data(ChatListModel::NeedsAttentionRole).toBool())
                ++attention;
        }
    }
    QString tip = tr("AgentDesk");
    if (unread > 0)
        tip += u'\n' + tr("%n unread chat(s)", nullptr, unread);
    if (attention > 0)
        tip += u'\n' + tr("%n chat(s) need you", nullptr, attention);
    m_toolTip = tip;
    if (m_tray)
        m_tray->setToolTip(tip);
}

void TrayNotifier::rebuildMenu()
{
    m_menu->clear();
    QList<Chat> attention;
    QList<Chat> running;
    if (m_chats) {
        for (int row = 0; row < m_chats->rowCount(); ++row) {
            const QModelIndex index = m_chats->index(row, 0);
            if (index.data(ChatListModel::ArchivedRole).toBool())
                continue;
            const ChatId id = index.data(ChatListModel::ChatIdRole).value<ChatId>();
            const Chat *chat = m_chats->chat(id);
            if (!chat)
                continue;
            if (needsAttention(chat->status))
                attention.append(*chat);
            else if (isActive(chat->status))
                running.append(*chat);
        }
    }
    const auto addChats = [this](const QString &heading, const QList<Chat> &chats, IconId icon) {
        if (chats.isEmpty())
            return;
        m_menu->addSection(heading);
        // A menu is a peek, not the list: the newest few are enough.
        constexpr int maxEntries = 8;
        for (int i = 0; i < chats.size() && i < maxEntries; ++i) {
            const ChatId id = chats.at(i).id;
            QAction *action = m_menu->addAction(
                titleOf(chats.at(i)), this, [this, id] { emit openChatRequested(id); });
            if (m_icons)
                action->setIcon(m_icons->icon(icon));
        }
    };
    addChats(tr("Needs you"), attention, IconId::StatusAction);
    addChats(tr("Working"), running, IconId::StatusRunning);
    if (!attention.isEmpty() || !running.isEmpty())
        m_menu->addSeparator();
    QAction *toggle =
        m_menu->addAction(tr("Show/Hide AgentDesk"), this, &TrayNotifier::toggleWindowRequested);
    toggle->setObjectName(u"trayToggleWindowAction"_s);
    QAction *quit = m_menu->addAction(tr("Quit"), this, &TrayNotifier::quitRequested);
    quit->setObjectName(u"trayQuitAction"_s);
}

void TrayNotifier::handleStatusChanged(const ChatId &id, ChatStatus previous, ChatStatus current)
{
    if (previous == current || !m_chats)
        return;
    const Chat *chat = m_chats->chat(id);
    // Sub-agents report to their root; only roots speak (as the web push does).
    if (!chat || !chat->isRoot())
        return;

    NotificationRequest request;
    request.chatId = id;
    request.summary = titleOf(*chat);
    request.playSound = !m_settings || m_settings->notificationSound();
    if (current == ChatStatus::Waiting && isActive(previous)) {
        if (m_settings && !m_settings->notifyOnFinished())
            return;
        request.kind = NotificationRequest::Kind::Finished;
        request.body =
            chat->lastTurnSummary.isEmpty() ? tr("The agent has finished.") : chat->lastTurnSummary;
    } else if (current == ChatStatus::Error) {
        if (m_settings && !m_settings->notifyOnError())
            return;
        request.kind = NotificationRequest::Kind::Failed;
        request.body = chat->lastError && !chat->lastError->message.isEmpty()
            ? chat->lastError->message
            : tr("The agent stopped with an error.");
    } else if (current == ChatStatus::RequiresAction) {
        if (m_settings && !m_settings->notifyOnNeedsInput())
            return;
        request.kind = NotificationRequest::Kind::NeedsInput;
        request.body = tr("The agent needs your input.");
        request.canStop = true;
    } else {
        return;
    }

    // The user is looking at this chat already: a notification would only be noise.
    if (m_focusedChat && m_focusedChat() == id)
        return;

    if (m_sink && m_sink->isAvailable()) {
        m_sink->show(request);
    } else if (m_tray && m_tray->isVisible()) {
        m_lastBalloonChat = id;
        m_tray->showMessage(request.summary, request.body,
            request.kind == NotificationRequest::Kind::Failed ? QSystemTrayIcon::Warning
                                                              : QSystemTrayIcon::Information);
    } else {
        return;
    }
    emit notified(request);
}

void TrayNotifier::handleSinkActivated(const ChatId &id, const QString &action)
{
    if (action == u"stop")
        emit stopChatRequested(id);
    else
        emit openChatRequested(id);
}

} // namespace AgentDesk
