#pragma once

#include <QDateTime>
#include <QFrame>
#include <QTimer>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QToolButton;

namespace AgentDesk {

namespace Ui {
class ErrorBanner;
}

//! An inline message bar in the manner of KMessageWidget (design.md c.9): a message, an
//! expandable detail, an optional action button ("Retry" by default) and a close button. It
//! can count down to a deadline ("retrying in 4 s"), re-rendering its text every second.
//! No modal boxes for transient failures: this bar is where they go.
class ErrorBanner final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };
    Q_ENUM(Kind)

    //! Text for a countdown, given the whole seconds left (never negative).
    using CountdownText = std::function<QString(int secondsLeft)>;

    explicit ErrorBanner(QWidget *parent = nullptr);
    ~ErrorBanner() override;

    //! Shows the bar. An empty `actionText` hides the action button.
    void showMessage(Kind kind, const QString &message, const QString &detail = {},
        const QString &actionText = {});
    //! Shows a bar whose text counts down to `deadline` (updated every second).
    void showCountdown(Kind kind, const QDateTime &deadline, CountdownText text,
        const QString &detail = {}, const QString &actionText = {});
    //! Hides the bar and stops any countdown.
    void dismiss();
    void setClosable(bool closable);

    Kind kind() const { return m_kind; }
    QString text() const;
    QString detail() const { return m_detailText; }
    bool isDetailExpanded() const;
    void setDetailExpanded(bool expanded);
    QString actionText() const;

Q_SIGNALS:
    //! The action button was pressed ("Retry", "Stop", …).
    void actionTriggered();
    //! The user closed the bar.
    void closed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleTick();
    void applyStyle();

    std::unique_ptr<Ui::ErrorBanner> m_ui;
    QTimer m_tick;
    QDateTime m_deadline;
    CountdownText m_countdownText;
    QString m_detailText;
    Kind m_kind = Kind::Info;
    bool m_styling = false;
};

} // namespace AgentDesk
