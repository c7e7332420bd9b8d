#pragma once

#include "core/api/ApiTypes.h"

#include <QColor>
#include <QWidget>

#include <optional>

namespace AgentDesk {

//! The context gauge of the conversation header (§20.6.4, objectName contextGauge): how full the
//! model's context is after the latest turn, computed as Coder's web UI does, coloured as it
//! fills towards the automatic compaction threshold (§20.6.3), with the token breakdown in its
//! tooltip. Clicking it while red asks for a compaction.
class ContextGauge final : public QWidget
{
    Q_OBJECT

public:
    enum class Level { Unknown, Normal, Amber, Red };
    Q_ENUM(Level)

    struct Reading
    {
        qint64 used = 0;   //!< Tokens in the context.
        qint64 limit = 0;  //!< The model's context window; 0 = unknown.
        int percent = 0;   //!< used / limit, 0–100 (capped).
        int threshold = 0; //!< The compaction threshold in percent of the limit.
        Level level = Level::Unknown;
    };

    //! §20.6.3: the model's default threshold: 70 % of the limit, 30 % from 500,000 tokens up.
    static int defaultThreshold(qint64 contextLimit);
    //! §20.6.4: used = the sum of the token counts present (input, output, cache read, cache
    //! creation, reasoning); limit = usage.context_limit, else `fallbackLimit` (the model's).
    //! Red from the threshold on (the server would compact), amber from three quarters of it.
    //! `thresholdPercent` (0–100) replaces the default threshold for the limit.
    static Reading compute(const std::optional<MessageUsage> &usage, qint64 fallbackLimit = 0,
        std::optional<int> thresholdPercent = std::nullopt);
    //! §20.6.3/§20.6.4 for the chat's model (may be null): its `context_limit` when the usage
    //! carries none, and the user's override for it, else its `compression_threshold`, else the
    //! default.
    static Reading computeFor(const std::optional<MessageUsage> &usage, const ModelConfig *model,
        std::optional<int> userThreshold = std::nullopt);
    //! The fill colour of a level (also what the journeys look for in the painted header).
    static QColor colorOf(Level level, const QPalette &palette);

    explicit ContextGauge(QWidget *parent = nullptr);

    //! Computes the reading from `usage` and keeps it for the tooltip's breakdown.
    //! `model` and `userThreshold` as computeFor takes them.
    void setUsage(const std::optional<MessageUsage> &usage, const ModelConfig *model = nullptr,
        std::optional<int> userThreshold = std::nullopt);
    void setReading(const Reading &reading);
    Reading reading() const { return m_reading; }
    Level level() const { return m_reading.level; }
    //! Whether a compaction may be offered (the server has the endpoint).
    void setCompactAvailable(bool available);
    //! Where the filled part is drawn, in widget coordinates (tests sample its pixels).
    QRect fillRect() const;

    QSize sizeHint() const override;

signals:
    void compactRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRect barRect() const;
    void updateToolTip();

    Reading m_reading;
    std::optional<MessageUsage> m_usage;
    bool m_compactAvailable = false;
};

} // namespace AgentDesk
