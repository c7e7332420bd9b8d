#pragma once

#include <QImage>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace AgentDesk {

//! A non-modal window for one image (a screenshot part, an attachment): zoom in and out,
//! fit to window, 100 %, save as and copy. objectName imageViewer.
//!
//! Keys: Ctrl++ / Ctrl+- zoom, Ctrl+0 fit, Ctrl+1 actual size, Ctrl+S save as, Ctrl+C copy.
class ImageViewer final : public QWidget
{
    Q_OBJECT

public:
    explicit ImageViewer(QWidget *parent = nullptr);

    void setImage(const QImage &image, const QString &name = {});
    //! Decodes \a bytes (PNG, JPEG, GIF, WebP…); false when they are not an image.
    bool setImageData(const QByteArray &bytes, const QString &name = {});
    QImage image() const { return m_image; }

    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();
    //! 1.0 = 100 %.
    qreal zoom() const noexcept { return m_zoom; }
    bool isFitting() const noexcept { return m_fit; }

    //! Writes the image; the format follows the suffix (PNG when there is none).
    bool saveTo(const QString &path) const;
    //! Asks for a path (non-modal dialog) and saves there.
    void saveAs();
    void copyToClipboard() const;

signals:
    void zoomChanged(qreal zoom);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyZoom(qreal zoom);
    qreal fitZoom() const;

    QImage m_image;
    QString m_name;
    QScrollArea *m_scroll;
    QLabel *m_canvas;
    QLabel *m_zoomLabel;
    qreal m_zoom = 1.0;
    bool m_fit = true;
};

} // namespace AgentDesk
