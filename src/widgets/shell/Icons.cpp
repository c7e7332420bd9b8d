#include "widgets/shell/Icons.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

struct IconInfo
{
    QStringView bundled;   //!< resources/icons/<name>.svg
    QStringView themeName; //!< freedesktop icon naming spec; empty = always bundled
};

IconInfo info(IconId id)
{
    switch (id) {
    case IconId::NewChat:
        return {u"new-chat", u"document-new"};
    case IconId::Send:
        return {u"send", u"mail-send"};
    case IconId::Stop:
        return {u"stop", u"process-stop"};
    case IconId::Pin:
        return {u"pin", {}};
    case IconId::Archive:
        return {u"archive", {}};
    case IconId::Search:
        return {u"search", u"edit-find"};
    case IconId::Settings:
        return {u"settings", u"preferences-system"};
    case IconId::Attach:
        return {u"attach", u"mail-attachment"};
    case IconId::StatusRunning:
        return {u"status-running", {}};
    case IconId::StatusWaiting:
        return {u"status-waiting", {}};
    case IconId::StatusError:
        return {u"status-error", {}};
    case IconId::StatusAction:
        return {u"status-action", {}};
    case IconId::StatusPending:
        return {u"status-pending", {}};
    case IconId::StatusInterrupting:
        return {u"status-interrupting", {}};
    case IconId::Reconnecting:
        return {u"reconnecting", {}};
    case IconId::Offline:
        return {u"offline", {}};
    case IconId::Tool:
        return {u"tool", {}};
    case IconId::Reasoning:
        return {u"reasoning", {}};
    case IconId::File:
        return {u"file", {}};
    case IconId::Copy:
        return {u"copy", u"edit-copy"};
    case IconId::Edit:
        return {u"edit", u"document-edit"};
    case IconId::Notification:
        return {u"notification", {}};
    case IconId::Diff:
        return {u"diff", {}};
    case IconId::Queue:
        return {u"queue", {}};
    case IconId::Close:
        return {u"close", u"window-close"};
    case IconId::App:
        return {u"", {}};
    }
    return {u"file", {}};
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
