#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>

namespace AgentDesk {

//! Interactive screen capture through xdg-desktop-portal (org.freedesktop.portal.Screenshot),
//! which works on Wayland and X11 alike and lets the user pick a region or window.
//!
//! Never blocks: probe() asks the portal for its version asynchronously and reports through
//! availabilityChanged(); capture() calls Screenshot(parent_window, {handle_token,
//! interactive}) and waits for the Request object's Response signal, then emits captured()
//! with a local file path, or failed() with a translated reason. When no session bus or no
//! portal answers, the feature is unavailable and unavailableReason() says why, so the UI can
//! disable its button with that explanation as the tooltip.
class ScreenshotPortal final : public QObject
{
    Q_OBJECT

public:
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    explicit ScreenshotPortal(QObject *parent = nullptr);
    ~ScreenshotPortal() override;

    //! Starts the asynchronous probe (again); availabilityChanged() follows.
    void probe();
    Availability availability() const noexcept { return m_availability; }
    bool isAvailable() const noexcept { return m_availability == Availability::Available; }
    QString unavailableReason() const { return m_reason; }

    //! Starts an interactive capture. \a parentWindow is the portal's window identifier
    //! ("x11:<hex xid>" or "wayland:<handle>"), empty when unknown. False when a capture is
    //! already running or the portal is unavailable.
    bool capture(const QString &parentWindow = {});
    bool isCapturing() const noexcept { return !m_requestPath.isEmpty(); }

signals:
    void availabilityChanged(bool available, const QString &reason);
    //! The screenshot is saved at \a path (the portal's uri, as a local file).
    void captured(const QString &path);
    //! The user closed the picker without taking a screenshot.
    void cancelled();
    void failed(const QString &reason);

private Q_SLOTS:
    // QtDBus delivers signals only to slots named in a string: the one non-pointer connect.
    void handleResponse(uint response, const QVariantMap &results);

private:
    void setAvailability(Availability availability, const QString &reason);
    void listenTo(const QString &requestPath);
    void stopListening();

    Availability m_availability = Availability::Unknown;
    QString m_reason;
    QString m_requestPath;
    quint32 m_tokenCounter = 0;
};

} // namespace AgentDesk
