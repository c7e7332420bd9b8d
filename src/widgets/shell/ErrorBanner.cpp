#include "widgets/shell/ErrorBanner.h"

#include "ui_ErrorBanner.h"
#include "widgets/shell/PaletteColors.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <cmath>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::ErrorBanner>())
{
    // ui/ErrorBanner.ui: icon, text (plain: server text is never interpreted as markup),
    // Details, the action and Close in a row; the detail text under it.
    m_ui->setupUi(this);
    m_ui->errorBannerDetail->hide();
    m_ui->errorBannerClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    connect(m_ui->errorBannerDetailButton, &QToolButton::toggled, this,
        &ErrorBanner::setDetailExpanded);
    connect(m_ui->errorBannerAction, &QPushButton::clicked, this, &ErrorBanner::actionTriggered);
    connect(m_ui->errorBannerClose, &QToolButton::clicked, this, [this] {
        dismiss();
        Q_EMIT closed();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ErrorBanner::handleTick);
    hide();
}

ErrorBanner::~ErrorBanner() = default;

void ErrorBanner::showMessage(
    Kind kind, const QString &message, const QString &detail, const QString &actionText)
{
    m_tick.stop();
    m_countdownText = nullptr;
    m_kind = kind;
    m_ui->errorBannerText->setText(message);
    m_detailText = detail.trimmed() == message.trimmed() ? QString() : detail;
    m_ui->errorBannerDetail->setText(m_detailText);
    m_ui->errorBannerDetailButton->setVisible(!m_detailText.isEmpty());
    setDetailExpanded(false);
    m_ui->errorBannerAction->setText(actionText);
    m_ui->errorBannerAction->setVisible(!actionText.isEmpty());
    applyStyle();
    show();
}

void ErrorBanner::showCountdown(Kind kind, const QDateTime &deadline, CountdownText text,
    const QString &detail, const QString &actionText)
{
    showMessage(kind, {}, detail, actionText);
    m_deadline = deadline;
    m_countdownText = std::move(text);
    handleTick();
    m_tick.start();
}

void ErrorBanner::handleTick()
{
    if (!m_countdownText)
        return;
    const qint64 msLeft = QDateTime::currentDateTimeUtc().msecsTo(m_deadline);
    const int secondsLeft = int(std::max<qint64>(0, (msLeft + 999) / 1000));
    m_ui->errorBannerText->setText(m_countdownText(secondsLeft));
    if (secondsLeft == 0)
        m_tick.stop();
}

void ErrorBanner::dismiss()
{
    m_tick.stop();
    m_countdownText = nullptr;
    hide();
}

void ErrorBanner::setClosable(bool closable)
{
    m_ui->errorBannerClose->setVisible(closable);
}

QString ErrorBanner::text() const
{
    return m_ui->errorBannerText->text();
}

QString ErrorBanner::actionText() const
{
    return m_ui->errorBannerAction->isVisibleTo(this) ? m_ui->errorBannerAction->text() : QString();
}

bool ErrorBanner::isDetailExpanded() const
{
    return m_ui->errorBannerDetail->isVisibleTo(this);
}

void ErrorBanner::setDetailExpanded(bool expanded)
{
    expanded = expanded && !m_detailText.isEmpty();
    m_ui->errorBannerDetail->setVisible(expanded);
    if (m_ui->errorBannerDetailButton->isChecked() != expanded)
        m_ui->errorBannerDetailButton->setChecked(expanded);
    m_ui->errorBannerDetailButton->setText(expanded ? tr("Hide details") : tr("Details"));
}

void ErrorBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_styling)
        applyStyle();
}

void ErrorBanner::applyStyle()
{
    // Tint from the parent's palette so the bar follows light and dark themes.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const bool dark = base.color(QPalette::Window).lightness() < 128;
    QColor accent;
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    switch (m_kind) {
    case Kind::Info:
        accent = base.color(QPalette::Highlight);
        break;
    case Kind::Warning:
        accent = QColor(0xe0, 0x9b, 0x18);
        pixmap = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        accent = QColor(0xd9, 0x3b, 0x30);
        pixmap = QStyle::SP_MessageBoxCritical;
        break;
    }
    QPalette palette = base;
    palette.setColor(
        QPalette::Window, mixColors(base.color(QPalette::Window), accent, dark ? 0.30 : 0.16));
    m_styling = true;
    setPalette(palette);
    m_styling = false;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->errorBannerIcon->setPixmap(style()->standardIcon(pixmap).pixmap(size, size));
    setProperty("bannerKind", int(m_kind));
}

} // namespace AgentDesk
