#include "widgets/conversation/ImageViewer.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr qreal zoomStep = 1.25;
constexpr qreal minZoom = 0.05;
constexpr qreal maxZoom = 16.0;

} // namespace

ImageViewer::ImageViewer(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_scroll(new QScrollArea(this))
    , m_canvas(new QLabel)
    , m_zoomLabel(new QLabel(this))
{
    setObjectName(u"imageViewer"_s);
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_canvas->setObjectName(u"imageViewerCanvas"_s);
    m_canvas->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_canvas);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_zoomLabel->setObjectName(u"imageViewerZoomLabel"_s);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(u"1600 %"_s));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 4);
    auto addCommand = [this, bar](const QString &text, const QKeySequence &key, auto slot,
                          const QString &objectName) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setObjectName(objectName);
        connect(action, &QAction::triggered, this, slot);
        QWidget::addAction(action);
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        bar->addWidget(button);
        return action;
    };
    addCommand(tr("Zoom out"), QKeySequence::ZoomOut, &ImageViewer::zoomOut, u"zoomOutAction"_s);
    addCommand(tr("Zoom in"), QKeySequence::ZoomIn, &ImageViewer::zoomIn, u"zoomInAction"_s);
    addCommand(
        tr("Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), &ImageViewer::fitToWindow, u"fitAction"_s);
    addCommand(tr("100%"), QKeySequence(Qt::CTRL | Qt::Key_1), &ImageViewer::actualSize,
        u"actualSizeAction"_s);
    bar->addWidget(m_zoomLabel);
    bar->addStretch(1);
    addCommand(tr("Copy"), QKeySequence::Copy, &ImageViewer::copyToClipboard, u"copyAction"_s);
    addCommand(tr("Save As…"), QKeySequence::Save, &ImageViewer::saveAs, u"saveAsAction"_s);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    resize(800, 600);
}

void ImageViewer::setImage(const QImage &image, const QString &name)
{
    m_image = image;
    m_name = name;
    setWindowTitle(name.isEmpty() ? tr("Image") : name);
    m_fit = true;
    applyZoom(fitZoom());
}

bool ImageViewer::setImageData(const QByteArray &bytes, const QString &name)
{
    QImage image;
    if (!image.loadFromData(bytes))
        return false;
    setImage(image, name);
    return true;
}

qreal ImageViewer::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const QSize room = m_scroll->viewport()->size() - QSize(4, 4);
    const qreal zoom =
        std::min(qreal(room.width()) / m_image.width(), qreal(room.height()) / m_image.height());
    return std::clamp(std::min(zoom, 1.0), minZoom, maxZoom); // never blow small images up
}

void ImageViewer::applyZoom(qreal zoom)
{
    m_zoom = std::clamp(zoom, minZoom, maxZoom);
    if (m_image.isNull()) {
        m_canvas->clear();
    } else {
        const QSize size = (QSizeF(m_image.size()) * m_zoom).toSize().expandedTo(QSize(1, 1));
        m_canvas->setPixmap(QPixmap::fromImage(m_image.scaled(size, Qt::KeepAspectRatio,
            m_zoom < 1.0 ? Qt::SmoothTransformation : Qt::FastTransformation)));
        m_canvas->resize(size);
    }
    m_zoomLabel->setText(tr("%1%").arg(qRound(m_zoom * 100)));
    emit zoomChanged(m_zoom);
}

void ImageViewer::zoomIn()
{
    m_fit = false;
    applyZoom(m_zoom * zoomStep);
}

void ImageViewer::zoomOut()
{
    m_fit = false;
    applyZoom(m_zoom / zoomStep);
}

void ImageViewer::fitToWindow()
{
    m_fit = true;
    applyZoom(fitZoom());
}

void ImageViewer::actualSize()
{
    m_fit = false;
    applyZoom(1.0);
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit)
        applyZoom(fitZoom());
}

bool ImageViewer::saveTo(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QByteArray format = suffix.isEmpty() ? QByteArray("png") : suffix.toLatin1();
    return !m_image.isNull() && m_image.save(path, format.constData());
}

void ImageViewer::saveAs()
{
    if (m_image.isNull())
        return;
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name = m_name.isEmpty() ? tr("image.png") : m_name;
    auto *dialog = new QFileDialog(this, tr("Save Image"), directory + u'/' + name);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setMimeTypeFilters({u"image/png"_s, u"image/jpeg"_s, u"image/webp"_s});
    connect(
        dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { saveTo(path); });
    dialog->open();
}

void ImageViewer::copyToClipboard() const
{
    if (!m_image.isNull())
        QGuiApplication::clipboard()->setImage(m_image);
}

} // namespace AgentDesk
