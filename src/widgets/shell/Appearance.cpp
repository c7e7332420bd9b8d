#include "widgets/shell/Appearance.h"

#include "core/storage/AppSettings.h"
#include "widgets/shell/PaletteColors.h"

#include <QApplication>
#include <QStyleHints>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

//! The colours of one of AgentDesk's palettes; makePalette() spreads them over the roles.
struct SchemeColors
{
    QColor window, text, disabledText, base, alternateBase, toolTip, placeholder, button;
    QColor light, midlight, mid, dark, shadow, highlight, disabledHighlight, link, linkVisited;
};

QPalette makePalette(const SchemeColors &c)
{
    QPalette palette;
    auto set = [&palette](QPalette::ColorRole role, const QColor &color,
                   const QColor &disabled = QColor()) {
        palette.setColor(QPalette::All, role, color);
        if (disabled.isValid())
            palette.setColor(QPalette::Disabled, role, disabled);
    };
    set(QPalette::Window, c.window);
    set(QPalette::WindowText, c.text, c.disabledText);
    set(QPalette::Base, c.base, c.window);
    set(QPalette::AlternateBase, c.alternateBase);
    set(QPalette::ToolTipBase, c.toolTip);
    set(QPalette::ToolTipText, c.text);
    set(QPalette::PlaceholderText, c.placeholder);
    set(QPalette::Text, c.text, c.disabledText);
    set(QPalette::Button, c.button);
    set(QPalette::ButtonText, c.text, c.disabledText);
    set(QPalette::BrightText, Qt::white);
    set(QPalette::Light, c.light);
    set(QPalette::Midlight, c.midlight);
    set(QPalette::Mid, c.mid);
    set(QPalette::Dark, c.dark);
    set(QPalette::Shadow, c.shadow);
    set(QPalette::Highlight, c.highlight, c.disabledHighlight);
    set(QPalette::HighlightedText, Qt::white);
    set(QPalette::Link, c.link);
    set(QPalette::LinkVisited, c.linkVisited);
    return palette;
}

} // namespace

Appearance::Appearance(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_platformPalette(QApplication::palette())
    , m_platformFont(QApplication::font())
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    auto fromHints = [] {
        switch (QGuiApplication::styleHints()->colorScheme()) {
        case Qt::ColorScheme::Dark:
            return ColorSchemePortal::Scheme::Dark;
        case Qt::ColorScheme::Light:
            return ColorSchemePortal::Scheme::Light;
        default:
            return ColorSchemePortal::Scheme::NoPreference;
        }
    };
    m_systemScheme = fromHints();
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this,
        [this, fromHints] { setSystemScheme(fromHints()); });
#else
    auto *portal = new ColorSchemePortal(this);
    connect(portal, &ColorSchemePortal::schemeChanged, this, &Appearance::setSystemScheme);
#endif
}

QPalette Appearance::lightPalette()
{
    return makePalette({.window = QColor(0xef, 0xf0, 0xf1),
        .text = QColor(0x23, 0x26, 0x29),
        .disabledText = QColor(0xa0, 0xa2, 0xa4),
        .base = Qt::white,
        .alternateBase = QColor(0xf7, 0xf7, 0xf8),
        .toolTip = QColor(0xf7, 0xf7, 0xf8),
        .placeholder = QColor(0x70, 0x74, 0x78),
        .button = QColor(0xf5, 0xf6, 0xf7),
        .light = Qt::white,
        .midlight = QColor(0xe0, 0xe1, 0xe2),
        .mid = QColor(0xb8, 0xba, 0xbc),
        .dark = QColor(0x8a, 0x8d, 0x90),
        .shadow = QColor(0x47, 0x4a, 0x4c),
        .highlight = QColor(0x2a, 0x6f, 0xd6),
        .disabledHighlight = QColor(0xc8, 0xcb, 0xce),
        .link = QColor(0x1d, 0x5f, 0xc4),
        .linkVisited = QColor(0x6a, 0x3d, 0xb0)});
}

QPalette Appearance::darkPalette()
{
    return makePalette({.window = QColor(0x2a, 0x2d, 0x31),
        .text = QColor(0xe6, 0xe8, 0xea),
        .disabledText = QColor(0x7c, 0x80, 0x85),
        .base = QColor(0x1e, 0x20, 0x23),
        .alternateBase = QColor(0x25, 0x28, 0x2b),
        .toolTip = QColor(0x31, 0x36, 0x3b),
        .placeholder = QColor(0x9a, 0x9e, 0xa3),
        .button = QColor(0x33, 0x37, 0x3c),
        .light = QColor(0x44, 0x48, 0x4e),
        .midlight = QColor(0x3a, 0x3e, 0x43),
        .mid = QColor(0x24, 0x27, 0x2a),
        .dark = QColor(0x18, 0x1a, 0x1c),
        .shadow = QColor(0x0e, 0x0f, 0x10),
        .highlight = QColor(0x3d, 0x7e, 0xe0),
        .disabledHighlight = QColor(0x45, 0x49, 0x4e),
        .link = QColor(0x7a, 0xb0, 0xff),
        .linkVisited = QColor(0xb8, 0x9c, 0xf0)});
}

void Appearance::setSystemScheme(ColorSchemePortal::Scheme scheme)
{
    if (scheme == m_systemScheme)
        return;
    m_systemScheme = scheme;
    if (!m_settings || m_settings->theme() == AppSettings::Theme::System)
        apply();
}

void Appearance::apply()
{
    const AppSettings::Theme theme = m_settings ? m_settings->theme() : AppSettings::Theme::System;
    QPalette palette;
    switch (theme) {
    case AppSettings::Theme::Light:
        palette = lightPalette();
        break;
    case AppSettings::Theme::Dark:
        palette = darkPalette();
        break;
    case AppSettings::Theme::System:
        switch (m_systemScheme) {
        case ColorSchemePortal::Scheme::Dark:
            palette = isDarkPalette(m_platformPalette) ? m_platformPalette : darkPalette();
            break;
        case ColorSchemePortal::Scheme::Light:
            palette = isDarkPalette(m_platformPalette) ? lightPalette() : m_platformPalette;
            break;
        case ColorSchemePortal::Scheme::NoPreference:
            palette = m_platformPalette;
            break;
        }
        break;
    }
    m_dark = isDarkPalette(palette);
    if (QApplication::palette() != palette)
        QApplication::setPalette(palette);

    QFont font = m_platformFont;
    const int size = m_settings ? m_settings->fontPointSize() : 0;
    if (size > 0)
        font.setPointSize(size);
    if (QApplication::font() != font)
        QApplication::setFont(font);
    emit applied(m_dark);
}

} // namespace AgentDesk
