#include "widgets/shell/ErrorBanner.h"

#include "widgets/shell/PaletteColors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_detailButton(new QToolButton(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"errorBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_text->setObjectName(u"errorBannerText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // server text is never interpreted as markup
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setObjectName(u"errorBannerDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->hide();
    m_detailButton->setObjectName(u"errorBannerDetailButton"_s);
    m_detailButton->setText(tr("Details"));
    m_detailButton->setCheckable(true);
    m_detailButton->setAutoRaise(true);
    m_action->setObjectName(u"errorBannerAction"_s);
    m_close->setObjectName(u"errorBannerClose"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close"));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_detailButton, 0, Qt::AlignTop);
    row->addWidget(m_action, 0, Qt::AlignTop);
    row->addWidget(m_close, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_detail);

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
