#pragma once

#include <QColor>
#include <QHash>
#include <QIcon>

#include <optional>

class QAbstractButton;
class QAction;
class QObject;

namespace AgentDesk {

enum class ChatStatus;

//! The icons AgentDesk uses, by meaning.
enum class IconId {
    NewChat,
    Send,
    Stop,
    Pin,
    Archive,
    Search,
    Settings,
    Attach,
    StatusRunning,
    StatusWaiting,
    StatusError,
    StatusAction,
    StatusPending,
    StatusInterrupting,
    Reconnecting,
    Offline,
    Tool,
    Reasoning,
    File,
    Copy,
    Edit,
    Notification,
    Diff,
    Queue,
    Close,
    App,
};

//! The glyph of a chat's status (chat list, conversation header); none for an unknown status.
std::optional<IconId> statusIcon(ChatStatus status);

//! Maps icon ids to the desktop theme's icon where one with that meaning exists, else to the
//! bundled monochrome SVG recoloured to the palette's text colour (so dark themes work).
//! Constructed by the composition root and passed down; not a singleton.
class Icons final
{
public:
    explicit Icons(const QColor &foreground = QColor(0x23, 0x26, 0x29));

    QIcon icon(IconId id) const;
    //! The bundled icon in a given colour (status glyphs painted by delegates).
    QIcon tinted(IconId id, const QColor &color) const;
    void setForeground(const QColor &foreground);

    //! The property apply() sets: the IconId an action or button shows.
    static constexpr char idProperty[] = "agentdeskIconId";

    //! Sets the icon and remembers its meaning on the object, so refresh() can recolour it.
    void apply(QAction *action, IconId id) const;
    void apply(QAbstractButton *button, IconId id) const;
    //! Re-reads the icon of \a root and every action and button under it that apply() set
    //! (after the theme changed and setForeground() took the new text colour).
    void refresh(QObject *root) const;

    //! The resource path of the bundled SVG for `id`.
    static QString resourcePath(IconId id);

private:
    QColor m_foreground;
    mutable QHash<quint64, QIcon> m_cache;
};

} // namespace AgentDesk
