#pragma once

// A made-up screenshot for the attachment tests: what a user pastes or drops into the composer.

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QSize>
#include <QString>

namespace AgentDesk::Testing {

//! A blue image of `size` with a yellow disc and the word "screenshot" on it.
inline QImage sampleScreenshot(const QSize &size = QSize(320, 200))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0x2d, 0x6c, 0xdf));
    QPainter painter(&image);
    painter.setBrush(QColor(0xf0, 0xb4, 0x29));
    painter.drawEllipse(image.rect().adjusted(40, 30, -40, -30));
    painter.setPen(Qt::white);
    painter.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("screenshot"));
    return image;
}

} // namespace AgentDesk::Testing
