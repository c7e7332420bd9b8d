#pragma once

#include "core/diff/DiffParser.h"

#include <QStyledItemDelegate>

#include <vector>

namespace AgentDesk {

class DiffModel;

//! Paints DiffModel rows (or DiffSideBySideModel pairs): monospace, one fixed height for
//! every row so the view can use uniform item sizes, +/− backgrounds derived from the
//! palette, intra-line highlights, old/new line-number gutters and per-line syntax colours.
//! Stateless apart from font metrics, so painting costs the same at row 10 and row 100,000.
class DiffLineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum class Mode { Unified, SideBySide };

    //! One coloured stretch of a line, in characters of the line's text.
    struct Token
    {
        enum class Kind : quint8 { Keyword, String, Comment, Number };
        int start = 0;
        int length = 0;
        Kind kind = Kind::Keyword;
    };

    explicit DiffLineDelegate(QObject *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const noexcept { return m_mode; }
    //! The font for code; the row height follows it.
    void setFont(const QFont &font);
    QFont font() const { return m_font; }
    int rowHeight() const noexcept { return m_rowHeight; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! Keywords, strings, comments and numbers of one line; no state across lines.
    static std::vector<Token> highlight(QStringView line, DiffLanguage language);

private:
    struct Cell;
    struct Colors;
    struct ExpandedLine;
    void paintHeader(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintCell(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
        const Cell &cell, bool singleGutter) const;
    static ExpandedLine expandTabs(const QString &text, int maxColumns);
    //! The old and new line numbers, or one of them when `singleGutter`.
    void paintLineNumbers(QPainter *painter, const QRect &rect, const Cell &cell, int gutter,
        bool singleGutter) const;
    //! The strong background under the changed characters of an added or removed line.
    void paintChangedRanges(QPainter *painter, const QRect &textRect, const Cell &cell,
        const std::vector<int> &columnOf, const QColor &strong) const;
    //! The text from `origin` (left end of the baseline) in runs of one syntax colour.
    void paintHighlighted(QPainter *painter, QPointF origin, const Cell &cell,
        const ExpandedLine &line, const Colors &colors) const;

    Mode m_mode = Mode::Unified;
    QFont m_font;
    int m_rowHeight = 16;
    qreal m_charWidth = 8; //!< Fractional: rounding it drifts long lines.
};

} // namespace AgentDesk
