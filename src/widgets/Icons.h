#pragma once

#include <QColor>
#include <QHash>
#include <QIcon>

namespace AgentDesk {

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

    //! The resource path of the bundled SVG for `id`.
    static QString resourcePath(IconId id);

private:
    QColor m_foreground;
    mutable QHash<quint64, QIcon> m_cache;
};

} // namespace AgentDesk
