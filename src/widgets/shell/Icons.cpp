#include "widgets/shell/Icons.h"

#include "core/api/ApiTypes.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

#include <iterator>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

struct IconInfo
{
    QStringView bundled;   //!< resources/icons/<name>.svg
    QStringView themeName; //!< freedesktop icon naming spec; empty = always bundled
};

//! By IconId, in the enum's order.
constexpr IconInfo iconTable[] = {
    {u"new-chat", u"document-new"},       // NewChat
    {u"send", u"mail-send"},              // Send
    {u"stop", u"process-stop"},           // Stop
    {u"pin", {}},                         // Pin
    {u"archive", {}},                     // Archive
    {u"search", u"edit-find"},            // Search
    {u"settings", u"preferences-system"}, // Settings
    {u"attach", u"mail-attachment"},      // Attach
    {u"status-running", {}},              // StatusRunning
    {u"status-waiting", {}},              // StatusWaiting
    {u"status-error", {}},                // StatusError
    {u"status-action", {}},               // StatusAction
    {u"status-pending", {}},              // StatusPending
    {u"status-interrupting", {}},         // StatusInterrupting
    {u"reconnecting", {}},                // Reconnecting
    {u"offline", {}},                     // Offline
    {u"tool", {}},                        // Tool
    {u"reasoning", {}},                   // Reasoning
    {u"file", {}},                        // File
    {u"copy", u"edit-copy"},              // Copy
    {u"edit", u"document-edit"},          // Edit
    {u"notification", {}},                // Notification
    {u"diff", {}},                        // Diff
    {u"queue", {}},                       // Queue
    {u"close", u"window-close"},          // Close
    {u"", {}},                            // App (its own resource path)
};
static_assert(std::size(iconTable) == size_t(IconId::App) + 1, "one row per IconId");

IconInfo info(IconId id)
{
    const auto row = size_t(id);
    return row < std::size(iconTable) ? iconTable[row] : IconInfo{u"file", {}};
}

QIcon renderTinted(const QString &path, const QColor &color)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // The bundled SVGs are drawn in one placeholder colour; swap it for the wanted one.
    QByteArray svg = file.readAll();
    svg.replace("#232629", color.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

std::optional<IconId> statusIcon(ChatStatus status)
{
    switch (status) {
    case ChatStatus::Running:
        return IconId::StatusRunning;
    case ChatStatus::Pending:
        return IconId::StatusPending;
    case ChatStatus::Interrupting:
        return IconId::StatusInterrupting;
    case ChatStatus::RequiresAction:
        return IconId::StatusAction;
    case ChatStatus::Error:
        return IconId::StatusError;
    case ChatStatus::Waiting:
    case ChatStatus::Completed:
    case ChatStatus::Paused:
        return IconId::StatusWaiting;
    case ChatStatus::Unknown:
        break;
    }
    return std::nullopt;
}

Icons::Icons(const QColor &foreground)
    : m_foreground(foreground)
{
}

QString Icons::resourcePath(IconId id)
{
    if (id == IconId::App)
        return u":/app/io.github.agentdesk.AgentDesk.svg"_s;
    return u":/icons/"_s + info(id).bundled.toString() + u".svg"_s;
}

QIcon Icons::icon(IconId id) const
{
    if (id == IconId::App)
        return QIcon(resourcePath(id));
    const IconInfo i = info(id);
    if (!i.themeName.isEmpty() && QIcon::hasThemeIcon(i.themeName.toString()))
        return QIcon::fromTheme(i.themeName.toString());
    return tinted(id, m_foreground);
}

QIcon Icons::tinted(IconId id, const QColor &color) const
{
    const quint64 key = (quint64(id) << 32) | color.rgba();
    if (const auto it = m_cache.constFind(key); it != m_cache.cend())
        return *it;
    const QIcon icon = renderTinted(resourcePath(id), color);
    m_cache.insert(key, icon);
    return icon;
}

void Icons::setForeground(const QColor &foreground)
{
    m_foreground = foreground;
}

void Icons::apply(QAction *action, IconId id) const
{
    action->setProperty(idProperty, int(id));
    action->setIcon(icon(id));
}

void Icons::apply(QAbstractButton *button, IconId id) const
{
    button->setProperty(idProperty, int(id));
    button->setIcon(icon(id));
}

void Icons::refresh(QObject *root) const
{
    auto idOf = [](const QObject *object) {
        return object->property(idProperty);
    };
    QList<QAction *> actions = root->findChildren<QAction *>();
    QList<QAbstractButton *> buttons = root->findChildren<QAbstractButton *>();
    if (auto *action = qobject_cast<QAction *>(root))
        actions.append(action);
    for (QAction *action : std::as_const(actions)) {
        if (const QVariant id = idOf(action); id.isValid())
            action->setIcon(icon(IconId(id.toInt())));
    }
    for (QAbstractButton *button : std::as_const(buttons)) {
        if (const QVariant id = idOf(button); id.isValid())
            button->setIcon(icon(IconId(id.toInt())));
    }
}

} // namespace AgentDesk
