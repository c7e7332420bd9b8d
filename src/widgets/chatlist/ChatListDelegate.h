#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>

namespace AgentDesk {

class Icons;
enum class ChatStatus;

//! Paints one chat of the chat list (design.md c.7): a status glyph, the title, the last turn's
//! summary or the error, an unread dot, a relative time, diff stats, a PR chip and a pin mark.
//! The first root row of each section (Pinned, Needs you, the rest) also carries the section's
//! heading above it, so sections need no extra model rows. Reads semantic roles only; all
//! colours, icons and fonts are decided here.
class ChatListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    //! The list's sections, in display order.
    enum class Section { Pinned, NeedsYou, Chats, SharedWithYou, Archived, None };

    explicit ChatListDelegate(Icons *icons, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! The section a row belongs to; children belong to none (they follow their root).
    static Section sectionOf(const QModelIndex &index);
    //! True for the first root row of its section: the row paints the heading.
    static bool startsSection(const QModelIndex &index);
    static QString sectionTitle(Section section);
    //! "now", "3 min", "5 h", "2 d", then a short date; through QLocale and tr() plurals.
    static QString relativeTime(const QDateTime &when, const QDateTime &now);

    //! Fixes "now" for relative times (tests, screenshots); invalid = the clock.
    void setNow(const QDateTime &now) { m_now = now; }

private:
    struct RowPaint;

    int lineHeight(const QStyleOptionViewItem &option) const;
    //! The section's heading, `height` high at the top of `opt.rect`; returns its bottom.
    int paintSectionHeader(QPainter *painter, const QStyleOptionViewItem &opt,
        const QModelIndex &index, int height) const;
    //! The pieces of a row; those on the right take a right edge and return the next one.
    int paintFirstLineMarks(const RowPaint &row, bool root) const;
    void paintTitle(const RowPaint &row, bool root, int right) const;
    int paintPrChip(const RowPaint &row, int right) const;
    int paintDiffStats(const RowPaint &row, int right) const;
    int paintLabels(const RowPaint &row, int right) const;
    void paintSubtitle(const RowPaint &row, ChatStatus status, int right) const;
    int headerHeight(const QStyleOptionViewItem &option) const;

    Icons *m_icons;
    QDateTime m_now;
};

} // namespace AgentDesk
