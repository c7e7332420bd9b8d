#include "widgets/chatlist/ChatListDelegate.h"

#include "core/api/ApiTypes.h"
#include "core/api/DisplayText.h"
#include "models/ChatListModel.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/TextTable.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int horizontalPadding = 8;
constexpr int verticalPadding = 5;
constexpr int glyphSize = 16;
constexpr int gap = 6;

//! The glyph and its colour for a status. Colours are fixed hues that read on light and dark
//! backgrounds; the neutral ones come from the palette.
struct StatusLook
{
    IconId icon;
    QColor color;
};

StatusLook statusLook(ChatStatus status, const QPalette &palette)
{
    const IconId icon = statusIcon(status).value_or(IconId::StatusWaiting);
    switch (status) {
    case ChatStatus::Running:
        return {icon, QColor(0x1e, 0x88, 0xe5)};
    case ChatStatus::Pending:
        return {icon, palette.color(QPalette::PlaceholderText)};
    case ChatStatus::Interrupting:
    case ChatStatus::RequiresAction:
        return {icon, QColor(0xef, 0x8a, 0x00)};
    case ChatStatus::Error:
        return {icon, QColor(0xd3, 0x2f, 0x2f)};
    case ChatStatus::Waiting:
    case ChatStatus::Completed:
    case ChatStatus::Paused:
    case ChatStatus::Unknown:
        break;
    }
    return {icon, QColor(0x43, 0xa0, 0x47)};
}

QColor prColor(const QString &state)
{
    if (state == u"open")
        return QColor(0x2e, 0x7d, 0x32);
    if (state == u"merged")
        return QColor(0x7b, 0x1f, 0xa2);
    if (state == u"closed")
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x75, 0x75, 0x75); // draft and unknown states
}

QString prText(const QString &state)
{
    static constexpr TextRow texts[] = {
        {u"open", QT_TRANSLATE_NOOP("AgentDesk::ChatListDelegate", "Open")},
        {u"merged", QT_TRANSLATE_NOOP("AgentDesk::ChatListDelegate", "Merged")},
        {u"closed", QT_TRANSLATE_NOOP("AgentDesk::ChatListDelegate", "Closed")},
        {u"draft", QT_TRANSLATE_NOOP("AgentDesk::ChatListDelegate", "Draft")},
    };
    const char *text = textFor(texts, state);
    return text ? ChatListDelegate::tr(text) : state;
}

} // namespace

ChatListDelegate::ChatListDelegate(Icons *icons, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_icons(icons)
{
}

ChatListDelegate::Section ChatListDelegate::sectionOf(const QModelIndex &index)
{
    if (!index.isValid() || index.parent().isValid())
        return Section::None;
    if (index.data(ChatListModel::ArchivedRole).toBool())
        return Section::Archived;
    // §20.3.5: chats other users shared with this one are listed apart, as the web does.
    if (index.data(ChatListModel::SharedWithMeRole).toBool())
        return Section::SharedWithYou;
    if (index.data(ChatListModel::IsPinnedRole).toBool())
        return Section::Pinned;
    if (index.data(ChatListModel::NeedsAttentionRole).toBool())
        return Section::NeedsYou;
    return Section::Chats;
}

bool ChatListDelegate::startsSection(const QModelIndex &index)
{
    if (!index.isValid() || index.parent().isValid())
        return false;
    if (index.row() == 0)
        return true;
    return sectionOf(index.siblingAtRow(index.row() - 1)) != sectionOf(index);
}

QString ChatListDelegate::sectionTitle(Section section)
{
    switch (section) {
    case Section::Pinned:
        return tr("Pinned");
    case Section::NeedsYou:
        //: Section of chats that wait for the user (a question or an error)
        return tr("Needs you");
    case Section::Chats:
        return tr("Chats");
    case Section::SharedWithYou:
        //: Section of chats other users shared with the signed-in user (read only)
        return tr("Shared with you");
    case Section::Archived:
        return tr("Archived");
    case Section::None:
        break;
    }
    return {};
}

QString ChatListDelegate::relativeTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = qMax<qint64>(0, when.secsTo(now));
    if (seconds < 60)
        //: Relative time of the last activity, under a minute ago
        return tr("now");
    const int minutes = int(seconds / 60);
    if (minutes < 60)
        //: Relative time in minutes, short form
        return tr("%n min", nullptr, minutes);
    const int hours = minutes / 60;
    if (hours < 24)
        //: Relative time in hours, short form
        return tr("%n h", nullptr, hours);
    const int days = hours / 24;
    if (days < 7)
        //: Relative time in days, short form
        return tr("%n d", nullptr, days);
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

int ChatListDelegate::lineHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height();
}

int ChatListDelegate::headerHeight(const QStyleOptionViewItem &option) const
{
    return lineHeight(option) + 2 * verticalPadding + 2;
}

QSize ChatListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool root = !index.parent().isValid();
    // Roots have two lines; sub-agents one, so a family reads as a unit.
    int height = 2 * verticalPadding + (root ? 2 * lineHeight(option) + 2 : lineHeight(option) + 2);
    if (startsSection(index))
        height += headerHeight(option);
    return {200, height};
}

//! What the pieces of one row's painting share: where its lines are and its colours.
struct ChatListDelegate::RowPaint
{
    QPainter *painter;
    const QStyleOptionViewItem &opt;
    const QModelIndex &index;
    QFont font;
    bool selected;
    QColor textColor;
    QColor dimColor;
    int line;     //!< the height of a line of text
    QRect line1;  //!< status glyph, title, marks on the right
    QRect line2;  //!< subtitle, labels, diff stats, PR chip (root rows only)
    QRect glyph;  //!< the status glyph
    int textLeft; //!< where the title and the subtitle start
};

namespace {

//! The font of the small chips (plan mode, PR state, labels).
QFont chipFont(const QFont &font)
{
    QFont chip = font;
    chip.setPointSizeF(font.pointSizeF() * 0.8);
    return chip;
}

//! A chip for `text`, right-aligned at `right` and centred on `line`.
QRect chipRect(const QFontMetrics &metrics, const QString &text, int right, const QRect &line)
{
    const int width = metrics.horizontalAdvance(text) + 10;
    return QRect(
        right - width, line.center().y() - metrics.height() / 2 - 1, width, metrics.height() + 2);
}

} // namespace

void ChatListDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();

    QRect rowRect = opt.rect;
    painter->save();
    if (startsSection(index))
        rowRect.setTop(paintSectionHeader(painter, opt, index, headerHeight(option)) + 1);

    // The style paints hover, selection and focus; we paint the content.
    opt.rect = rowRect;
    if (const QWidget *widget = opt.widget) {
        widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }

    const bool selected = opt.state & QStyle::State_Selected;
    const QColor textColor =
        opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dimColor = textColor;
    dimColor.setAlphaF(0.65f);
    const QRect content =
        rowRect.adjusted(horizontalPadding, verticalPadding, -horizontalPadding, -verticalPadding);
    const int line = lineHeight(option);
    const QRect line1(content.left(), content.top(), content.width(), line);
    const QRect line2(content.left(), content.top() + line + 2, content.width(), line);
    const QRect glyph(line1.left(), line1.center().y() - glyphSize / 2, glyphSize, glyphSize);
    const RowPaint row{painter, opt, index, opt.font, selected, textColor, dimColor, line, line1,
        line2, glyph, glyph.right() + gap};

    // Status glyph, centred on the first line.
    const auto status = index.data(ChatListModel::StatusRole).value<ChatStatus>();
    const StatusLook look = statusLook(status, opt.palette);
    if (m_icons) // on the selection colour a status hue would vanish; use the text colour
        m_icons->tinted(look.icon, selected ? textColor : look.color).paint(painter, glyph);

    const bool root = !index.parent().isValid();
    painter->setFont(row.font);
    const int titleRight = paintFirstLineMarks(row, root);
    paintTitle(row, root, titleRight);
    if (root) {
        painter->setFont(row.font);
        int right = paintPrChip(row, line2.right());
        right = paintDiffStats(row, right);
        right = paintLabels(row, right);
        paintSubtitle(row, status, right);
    }
    painter->restore();
}

int ChatListDelegate::paintSectionHeader(
    QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index, int height) const
{
    const QRect header(opt.rect.left(), opt.rect.top(), opt.rect.width(), height);
    QFont font = opt.font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    painter->setPen(opt.palette.color(QPalette::PlaceholderText));
    painter->drawText(header.adjusted(horizontalPadding, 0, -horizontalPadding, 0),
        Qt::AlignLeft | Qt::AlignBottom, sectionTitle(sectionOf(index)).toUpper());
    return header.bottom();
}

int ChatListDelegate::paintFirstLineMarks(const RowPaint &row, bool root) const
{
    // Right side of line 1: relative time, unread dot, pin mark, plan-mode chip.
    QPainter *painter = row.painter;
    int right = row.line1.right();
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const QString when =
        relativeTime(row.index.data(ChatListModel::UpdatedAtRole).toDateTime(), now);
    if (root && !when.isEmpty()) {
        const int width = row.opt.fontMetrics.horizontalAdvance(when);
        painter->setPen(row.dimColor);
        painter->drawText(QRect(right - width, row.line1.top(), width, row.line),
            Qt::AlignRight | Qt::AlignVCenter, when);
        right -= width + gap;
    }
    if (row.index.data(ChatListModel::HasUnreadRole).toBool()) {
        const int dot = 8;
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(row.selected ? row.textColor : QColor(0x1e, 0x88, 0xe5));
        painter->drawEllipse(QRect(right - dot, row.line1.center().y() - dot / 2, dot, dot));
        right -= dot + gap;
    }
    if (row.index.data(ChatListModel::IsPinnedRole).toBool() && m_icons) {
        const int size = 12;
        m_icons->tinted(IconId::Pin, row.dimColor)
            .paint(painter, QRect(right - size, row.line1.center().y() - size / 2, size, size));
        right -= size + gap;
    }
    if (row.index.data(ChatListModel::PlanModeRole).toBool()) {
        // §20.4.1: the chat is in plan mode (the agent plans, changes nothing).
        const QFont font = chipFont(row.font);
        //: Marker on a chat in plan mode (chat list)
        const QString text = tr("Plan");
        const QRect chip = chipRect(QFontMetrics(font), text, right, row.line1);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(row.selected ? row.textColor : QColor(0x6a, 0x4c, 0xc4));
        painter->setBrush(Qt::NoBrush);
        painter->setFont(font);
        painter->drawRoundedRect(chip.adjusted(0, 0, -1, -1), 4, 4);
        painter->drawText(chip, Qt::AlignCenter, text);
        painter->restore();
        right -= chip.width() + gap;
    }
    return right;
}

void ChatListDelegate::paintTitle(const RowPaint &row, bool root, int right) const
{
    QString title = safeDisplayText(row.index.data(ChatListModel::TitleRole).toString());
    if (title.isEmpty())
        title = tr("Untitled chat");
    if (!root) {
        const QString mode = row.index.data(ChatListModel::ModeRole).toString();
        if (!mode.isEmpty())
            title = tr("%1 (%2)").arg(title, mode);
    }
    QFont titleFont = row.font;
    titleFont.setBold(row.index.data(ChatListModel::HasUnreadRole).toBool()
        || row.index.data(ChatListModel::IsActiveRole).toBool());
    row.painter->setFont(titleFont);
    row.painter->setPen(row.textColor);
    const QRect titleRect(row.textLeft, row.line1.top(), right - row.textLeft, row.line);
    row.painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, titleRect.width()));
}

int ChatListDelegate::paintPrChip(const RowPaint &row, int right) const
{
    const QString prState = row.index.data(ChatListModel::PrStateRole).toString();
    if (prState.isEmpty())
        return right;
    QPainter *painter = row.painter;
    const QFont font = chipFont(row.font);
    const QString text = prText(prState);
    const QRect chip = chipRect(QFontMetrics(font), text, right, row.line2);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(prColor(prState));
    painter->drawRoundedRect(chip, 4, 4);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(chip, Qt::AlignCenter, text);
    painter->setFont(row.font);
    return right - chip.width() - gap;
}

int ChatListDelegate::paintDiffStats(const RowPaint &row, int right) const
{
    const int additions = row.index.data(ChatListModel::DiffAdditionsRole).toInt();
    const int deletions = row.index.data(ChatListModel::DiffDeletionsRole).toInt();
    if (additions <= 0 && deletions <= 0)
        return right;
    const QLocale locale;
    //: Diff statistics: lines removed, with a minus sign
    const QString minus = tr("\u2212%1").arg(locale.toString(deletions));
    const QString plus = tr("+%1").arg(locale.toString(additions));
    // Right to left: the deletions, then the additions, each in its colour.
    const auto paintStat = [&](const QString &text, const QColor &color, int spaceAfter) {
        const int width = row.opt.fontMetrics.horizontalAdvance(text);
        row.painter->setPen(row.selected ? row.textColor : color);
        row.painter->drawText(QRect(right - width, row.line2.top(), width, row.line),
            Qt::AlignRight | Qt::AlignVCenter, text);
        right -= width + spaceAfter;
    };
    paintStat(minus, QColor(0xc6, 0x28, 0x28), 4);
    paintStat(plus, QColor(0x2e, 0x7d, 0x32), gap);
    return right;
}

int ChatListDelegate::paintLabels(const RowPaint &row, int right) const
{
    // Labels, as small outlined chips left of the stats (at most two, shortened).
    const auto labels = row.index.data(ChatListModel::LabelsRole).value<QMap<QString, QString>>();
    if (labels.isEmpty())
        return right;
    QPainter *painter = row.painter;
    const QFont font = chipFont(row.font);
    const QFontMetrics metrics(font);
    painter->setFont(font);
    painter->setRenderHint(QPainter::Antialiasing);
    int shown = 0;
    for (auto it = labels.cbegin(); it != labels.cend() && shown < 2; ++it, ++shown) {
        const QString text = metrics.elidedText(
            safeDisplayText(it.value().isEmpty() ? it.key() : it.key() + u": "_s + it.value()),
            Qt::ElideRight, 110);
        const QRect chip = chipRect(metrics, text, right, row.line2);
        if (chip.left() < row.textLeft + 60)
            break; // keep room for the summary
        painter->setPen(row.dimColor);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(chip.adjusted(0, 0, -1, -1), 4, 4);
        painter->drawText(chip, Qt::AlignCenter, text);
        right -= chip.width() + 4;
    }
    painter->setFont(row.font);
    return right - (gap - 4);
}

void ChatListDelegate::paintSubtitle(const RowPaint &row, ChatStatus status, int right) const
{
    // Subtitle: the error wins over the summary (the web UI's priority).
    QString subtitle = row.index.data(ChatListModel::ErrorMessageRole).toString();
    QColor subtitleColor = row.selected ? row.textColor : QColor(0xd3, 0x2f, 0x2f);
    if (subtitle.isEmpty() || status != ChatStatus::Error) {
        subtitle = row.index.data(ChatListModel::LastTurnSummaryRole).toString();
        subtitleColor = row.dimColor;
    }
    if (subtitle.isEmpty() && status == ChatStatus::Running)
        subtitle = tr("Working\u2026");
    subtitle.replace(u'\n', u' ');
    const QRect subtitleRect(row.textLeft, row.line2.top(), right - row.textLeft, row.line);
    row.painter->setPen(subtitleColor);
    row.painter->drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
        row.opt.fontMetrics.elidedText(subtitle, Qt::ElideRight, subtitleRect.width()));
}

} // namespace AgentDesk
