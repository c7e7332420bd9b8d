#pragma once

#include <QColor>
#include <QPalette>

namespace AgentDesk {

//! Whether the palette is a dark theme (its base, the background of text views, is dark).
inline bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

//! `a` blended towards `b`: 0 gives a, 1 gives b. For tints derived from the palette, so
//! highlights read well in light and dark themes alike.
inline QColor mixColors(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB),
        float(a.greenF() * k + b.greenF() * amountOfB),
        float(a.blueF() * k + b.blueF() * amountOfB));
}

} // namespace AgentDesk
