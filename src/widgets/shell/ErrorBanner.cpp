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
    m_icon = m_ui->errorBannerIcon;
    m_text = m_ui->errorBannerText;
    m_detail = m_ui->errorBannerDetail;
    m_detailButton = m_ui->errorBannerDetailButton;
    m_action = m_ui->errorBannerAction;
    m_close = m_ui->errorBannerClose;
    m_detail->hide();
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    connect(m_detailButton, &QToolButton::toggled, this, &ErrorBanner::setDetailExpanded);
    connect(m_action, &QPushButton::clicked, this, &ErrorBanner::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
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
    m_text->setText(message);
    m_detailText = detail.trimmed() == message.trimmed() ? QString() : detail;
    m_detail->setText(m_detailText);
    m_detailButton->setVisible(!m_detailText.isEmpty());
    setDetailExpanded(false);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
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
    m_text->setText(m_countdownText(secondsLeft));
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
    m_close->setVisible(closable);
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

QString ErrorBanner::actionText() const
{
    return m_action->isVisibleTo(this) ? m_action->text() : QString();
}

bool ErrorBanner::isDetailExpanded() const
{
    return m_detail->isVisibleTo(this);
}

void ErrorBanner::setDetailExpanded(bool expanded)
{
    expanded = expanded && !m_detailText.isEmpty();
    m_detail->setVisible(expanded);
    if (m_detailButton->isChecked() != expanded)
        m_detailButton->setChecked(expanded);
    m_detailButton->setText(expanded ? tr("Hide details") : tr("Details"));
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
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(size, size));
    setProperty("bannerKind", int(m_kind));
}

} // namespace AgentDesk
