// svg2png: renders an SVG into a square PNG of the given size. A build-time host tool for the
// hicolor icons (ImageMagick on Debian 12 cannot read SVG without extra delegates).
//   svg2png <in.svg> <out.png> <size>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(3).toInt(&sizeOk) : 0;
    if (!sizeOk || size <= 0) {
        std::fputs("usage: svg2png <in.svg> <out.png> <size>\n", stderr);
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "svg2png: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
        // Keep the aspect ratio and centre the drawing in the square.
        QSizeF drawn = renderer.defaultSize();
        if (drawn.isEmpty())
            drawn = QSizeF(size, size);
        drawn.scale(size, size, Qt::KeepAspectRatio);
        const QPointF origin((size - drawn.width()) / 2.0, (size - drawn.height()) / 2.0);
        renderer.render(&painter, QRectF(origin, drawn));
    }
    if (!image.save(args.at(2), "PNG")) {
        std::fprintf(stderr, "svg2png: cannot write %s\n", qPrintable(args.at(2)));
        return 1;
    }
    return 0;
}
