#include "widgets/conversation/ContextGauge.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPalette>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int barWidth = 64;
constexpr int barHeight = 8;

} // namespace

int ContextGauge::defaultThreshold(qint64 contextLimit)
{
    return contextLimit >= 500'000 ? 30 : 70;
}

ContextGauge::Reading ContextGauge::compute(const std::optional<MessageUsage> &usage,
    qint64 fallbackLimit, std::optional<int> thresholdPercent)
{
    Reading reading;
    if (!usage)
        return reading;
    qint64 used = 0;
    for (const std::optional<qint64> &count : {usage->inputTokens, usage->outputTokens,
             usage->cacheReadTokens, usage->cacheCreationTokens, usage->reasoningTokens}) {
        if (count && *count > 0)
            used += *count;
    }
    const qint64 limit =
        usage->contextLimit && *usage->contextLimit > 0 ? *usage->contextLimit : fallbackLimit;
    reading.used = used;
    if (limit <= 0)
        return reading; // nothing to measure against: no gauge
    reading.limit = limit;
    reading.percent = int(std::clamp<qint64>(used * 100 / limit, 0, 100));
    reading.threshold = thresholdPercent && *thresholdPercent >= 0 && *thresholdPercent <= 100
        ? *thresholdPercent
        : defaultThreshold(limit);
    // Compared in tokens so that 69.9 % does not round into red.
    const qint64 redAt = limit * reading.threshold / 100;
    const qint64 amberAt = redAt * 3 / 4;
    reading.level = used >= redAt ? Level::Red : used >= amberAt ? Level::Amber : Level::Normal;
    return reading;
}

QColor ContextGauge::colorOf(Level level, const QPalette &palette)
{
    switch (level) {
    case Level::Red:
        return QColor(0xd3, 0x2f, 0x2f);
    case Level::Amber:
        return QColor(0xf5, 0xa6, 0x23);
    case Level::Normal:
        return QColor(0x2e, 0x7d, 0x32);
    case Level::Unknown:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

ContextGauge::ContextGauge(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"contextGauge"_s);
    setAccessibleName(tr("Context used"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    hide();
}

ContextGauge::Reading ContextGauge::computeFor(const std::optional<MessageUsage> &usage,
    const ModelConfig *model, std::optional<int> userThreshold)
{
    if (!model)
        return compute(usage, 0, userThreshold);
    // The web resolves the user's override before the model's own threshold (§20.6.4).
    return compute(
        usage, model->contextLimit, userThreshold ? userThreshold : model->compressionThreshold);
}

void ContextGauge::setUsage(const std::optional<MessageUsage> &usage, const ModelConfig *model,
    std::optional<int> userThreshold)
{
    m_usage = usage;
    setReading(computeFor(usage, model, userThreshold));
}

void ContextGauge::setReading(const Reading &reading)
{
    m_reading = reading;
    setVisible(reading.level != Level::Unknown);
    setCursor(reading.level == Level::Red && m_compactAvailable ? Qt::PointingHandCursor
                                                                : Qt::ArrowCursor);
    updateToolTip();
    updateGeometry();
    update();
}

void ContextGauge::setCompactAvailable(bool available)
{
    m_compactAvailable = available;
    setReading(m_reading);
}

void ContextGauge::updateToolTip()
{
    if (m_reading.level == Level::Unknown) {
        setToolTip({});
        return;
    }
    const QLocale locale;
    QStringList lines;
    lines << tr("Context: %1 of %2 tokens (%3 %)")
                 .arg(locale.toString(m_reading.used), locale.toString(m_reading.limit))
                 .arg(m_reading.percent);
    if (m_usage) {
        auto add = [&](const QString &label, const std::optional<qint64> &count) {
            if (count)
                lines << u"  "_s + label.arg(locale.toString(*count));
        };
        add(tr("Input: %1"), m_usage->inputTokens);
        add(tr("Output: %1"), m_usage->outputTokens);
        add(tr("Cache read: %1"), m_usage->cacheReadTokens);
        add(tr("Cache write: %1"), m_usage->cacheCreationTokens);
        add(tr("Reasoning: %1"), m_usage->reasoningTokens);
    }
    lines << tr("Coder compacts automatically at %1 %.").arg(m_reading.threshold);
    if (m_reading.level == Level::Red && m_compactAvailable)
        lines << tr("Click to compact the conversation now.");
    setToolTip(lines.join(u'\n'));
}

QSize ContextGauge::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {barWidth + 6 + metrics.horizontalAdvance(u"100 %"_s), metrics.height()};
}

QRect ContextGauge::barRect() const
{
    return {0, (height() - barHeight) / 2, barWidth, barHeight};
}

QRect ContextGauge::fillRect() const
{
    const QRect bar = barRect().adjusted(1, 1, -1, -1);
    const int width =
        std::max(m_reading.percent > 0 ? 2 : 0, bar.width() * m_reading.percent / 100);
    return {bar.left(), bar.top(), width, bar.height()};
}

void ContextGauge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect bar = barRect();
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    painter.fillRect(fillRect(), colorOf(m_reading.level, palette()));
    painter.setPen(m_reading.level == Level::Red ? colorOf(Level::Red, palette())
                                                 : palette().color(QPalette::PlaceholderText));
    const QRect text(bar.right() + 6, 0, width() - bar.right() - 6, height());
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
        tr("%1 %", "context gauge percent").arg(m_reading.percent));
}

void ContextGauge::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_reading.level == Level::Red && m_compactAvailable) {
        emit compactRequested();
        return;
    }
    QWidget::mousePressEvent(event);
}

} // namespace AgentDesk
