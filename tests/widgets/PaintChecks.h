#pragma once

// Checks on grabbed pixels, so a test that saves a screenshot also says something about it:
// the image is not blank, the background is the palette's where nothing is drawn, and
// something (text, glyphs) was painted inside a given rectangle.

#include <QColor>
#include <QEvent>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QRect>
#include <QSet>
#include <QTest>
#include <QWidget>

#include <cstdlib>

namespace AgentDesk::Testing {

//! Whether two colours are the same within `tolerance` per channel (antialiasing, rounding).
inline bool nearColor(QColor a, QColor b, int tolerance = 8)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

//! Distinct colours in `rect` of `image` (the whole image when `rect` is null), counted up to
//! `cap`. A blank grab has one; a painted row of text has dozens (antialiased glyph edges).
inline int distinctColors(const QImage &image, QRect rect = {}, int cap = 256)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    rect = rect.isNull() ? rgb.rect() : rect.intersected(rgb.rect());
    QSet<QRgb> seen;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            seen.insert(rgb.pixel(x, y));
            if (seen.size() >= cap)
                return cap;
        }
    }
    return int(seen.size());
}

//! The share (0..1) of pixels in `rect` that differ from `background`: ink.
inline double inkShare(const QImage &image, QRect rect, QColor background, int tolerance = 24)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    rect = rect.intersected(rgb.rect());
    if (rect.isEmpty())
        return 0;
    qint64 ink = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            ink += nearColor(QColor(rgb.pixel(x, y)), background, tolerance) ? 0 : 1;
    }
    return double(ink) / double(qint64(rect.width()) * rect.height());
}

//! Whether some pixel of `rect` is within `tolerance` of `color`.
inline bool hasColor(const QImage &image, QRect rect, QColor color, int tolerance = 24)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    rect = rect.intersected(rgb.rect());
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (nearColor(QColor(rgb.pixel(x, y)), color, tolerance))
                return true;
        }
    }
    return false;
}

//! The colour of most pixels of `rect` (sampled every 4 px): the background there.
inline QColor dominantColor(const QImage &image, QRect rect = {})
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    rect = rect.isNull() ? rgb.rect() : rect.intersected(rgb.rect());
    QHash<QRgb, int> counts;
    for (int y = rect.top(); y <= rect.bottom(); y += 4) {
        for (int x = rect.left(); x <= rect.right(); x += 4)
            ++counts[rgb.pixel(x, y)];
    }
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return QColor(best);
}

//! Asks `widget` to repaint and waits until that paint has happened: the frame that shows what
//! just changed, where a test would otherwise sleep and hope it came.
inline bool waitForPaint(QWidget *widget, int timeoutMs = 10'000)
{
    class Filter final : public QObject
    {
    public:
        bool painted = false;

    protected:
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                painted = true;
            return QObject::eventFilter(watched, event);
        }
    } filter;
    widget->installEventFilter(&filter);
    widget->update();
    const bool painted = QTest::qWaitFor([&filter] { return filter.painted; }, timeoutMs);
    widget->removeEventFilter(&filter);
    return painted;
}

} // namespace AgentDesk::Testing
