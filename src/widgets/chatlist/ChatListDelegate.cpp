#include "widgets/chatlist/ChatListDelegate.h"

#include "core/api/ApiTypes.h"
#include "core/api/DisplayText.h"
#include "models/ChatListModel.h"
#include "widgets/shell/Icons.h"

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
    switch (status) {
    case ChatStatus::Running:
        return {IconId::StatusRunning, QColor(0x1e, 0x88, 0xe5)};
    case ChatStatus::Pending:
        return {IconId::StatusPending, palette.color(QPalette::PlaceholderText)};
    case ChatStatus::Interrupting:
        return {IconId::StatusInterrupting, QColor(0xef, 0x8a, 0x00)};
    case ChatStatus::RequiresAction:
        return {IconId::StatusAction, QColor(0xef, 0x8a, 0x00)};
    case ChatStatus::Error:
        return {IconId::StatusError, QColor(0xd3, 0x2f, 0x2f)};
    case ChatStatus::Waiting:
    case ChatStatus::Completed:
    case ChatStatus::Paused:
    case ChatStatus::Unknown:
        break;
    }
    return {IconId::StatusWaiting, QColor(0x43, 0xa0, 0x47)};
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
    if (state == u"open")
        return ChatListDelegate::tr("Open");
    if (state == u"merged")
        return ChatListDelegate::tr("Merged");
    if (state == u"closed")
        return ChatListDelegate::tr("Closed");
    if (state == u"draft")
        return ChatListDelegate::tr("Draft");
    return state;
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

void ChatListDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();

    QRect rowRect = opt.rect;
    painter->save();

    if (startsSection(index)) {
        const QRect header(rowRect.left(), rowRect.top(), rowRect.width(), headerHeight(option));
        QFont font = opt.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter->setFont(font);
        painter->setPen(opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(header.adjusted(horizontalPadding, 0, -horizontalPadding, 0),
            Qt::AlignLeft | Qt::AlignBottom, sectionTitle(sectionOf(index)).toUpper());
        rowRect.setTop(header.bottom() + 1);
    }

    // The style paints hover, selection and focus; we paint the content.
    opt.rect = rowRect;
    if (const QWidget *widget = opt.widget) {
        widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &palette = opt.palette;
    const QColor textColor = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dimColor = textColor;
    dimColor.setAlphaF(0.65f);

    const bool root = !index.parent().isValid();
    const QRect content =
        rowRect.adjusted(horizontalPadding, verticalPadding, -horizontalPadding, -verticalPadding);
    const int line = lineHeight(option);
    const QRect line1(content.left(), content.top(), content.width(), line);
    const QRect line2(content.left(), content.top() + line + 2, content.width(), line);

    // Status glyph, centred on the first line.
    const auto status = index.data(ChatListModel::StatusRole).value<ChatStatus>();
    const StatusLook look = statusLook(status, palette);
    const QRect glyph(line1.left(), line1.center().y() - glyphSize / 2, glyphSize, glyphSize);
    if (m_icons) // on the selection colour a status hue would vanish; use the text colour
        m_icons->tinted(look.icon, selected ? textColor : look.color).paint(painter, glyph);

    QFont font = opt.font;
    const bool unread = index.data(ChatListModel::HasUnreadRole).toBool();

    // Right side of line 1: pin mark, unread dot, relative time.
    int right = line1.right();
    painter->setFont(font);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const QString when = relativeTime(index.data(ChatListModel::UpdatedAtRole).toDateTime(), now);
    if (root && !when.isEmpty()) {
        const int width = opt.fontMetrics.horizontalAdvance(when);
        painter->setPen(dimColor);
        painter->drawText(QRect(right - width, line1.top(), width, line),
            Qt::AlignRight | Qt::AlignVCenter, when);
        right -= width + gap;
    }
    if (unread) {
        const int dot = 8;
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? textColor : QColor(0x1e, 0x88, 0xe5));
        painter->drawEllipse(QRect(right - dot, line1.center().y() - dot / 2, dot, dot));
        right -= dot + gap;
    }
    if (index.data(ChatListModel::IsPinnedRole).toBool() && m_icons) {
        const int size = 12;
        m_icons->tinted(IconId::Pin, dimColor)
            .paint(painter, QRect(right - size, line1.center().y() - size / 2, size, size));
        right -= size + gap;
    }

    if (index.data(ChatListModel::PlanModeRole).toBool()) {
        // §20.4.1: the chat is in plan mode (the agent plans, changes nothing).
        QFont chipFont = font;
        chipFont.setPointSizeF(font.pointSizeF() * 0.8);
        const QFontMetrics chipMetrics(chipFont);
        //: Marker on a chat in plan mode (chat list)
        const QString text = tr("Plan");
        const int width = chipMetrics.horizontalAdvance(text) + 10;
        const QRect chip(right - width, line1.center().y() - chipMetrics.height() / 2 - 1, width,
            chipMetrics.height() + 2);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(selected ? textColor : QColor(0x6a, 0x4c, 0xc4));
        painter->setBrush(Qt::NoBrush);
        painter->setFont(chipFont);
        painter->drawRoundedRect(chip.adjusted(0, 0, -1, -1), 4, 4);
        painter->drawText(chip, Qt::AlignCenter, text);
        painter->restore();
        right -= width + gap;
    }

    // Title.
    QString title = safeDisplayText(index.data(ChatListModel::TitleRole).toString());
    if (title.isEmpty())
        title = tr("Untitled chat");
    if (!root) {
        const QString mode = index.data(ChatListModel::ModeRole).toString();
        if (!mode.isEmpty())
            title = tr("%1 (%2)").arg(title, mode);
    }
    QFont titleFont = font;
    titleFont.setBold(unread || index.data(ChatListModel::IsActiveRole).toBool());
    painter->setFont(titleFont);
    painter->setPen(textColor);
    const QRect titleRect(glyph.right() + gap, line1.top(), right - glyph.right() - gap, line);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, titleRect.width()));

    if (root) {
        // Right side of line 2: diff stats and the PR chip.
        painter->setFont(font);
        int right2 = line2.right();
        const QString prState = index.data(ChatListModel::PrStateRole).toString();
        if (!prState.isEmpty()) {
            QFont chipFont = font;
            chipFont.setPointSizeF(font.pointSizeF() * 0.8);
            const QFontMetrics chipMetrics(chipFont);
            const QString text = prText(prState);
            const int width = chipMetrics.horizontalAdvance(text) + 10;
            const QRect chip(right2 - width, line2.center().y() - chipMetrics.height() / 2 - 1,
                width, chipMetrics.height() + 2);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(prColor(prState));
            painter->drawRoundedRect(chip, 4, 4);
            painter->setFont(chipFont);
            painter->setPen(Qt::white);
            painter->drawText(chip, Qt::AlignCenter, text);
            painter->setFont(font);
            right2 -= width + gap;
        }
        const int additions = index.data(ChatListModel::DiffAdditionsRole).toInt();
        const int deletions = index.data(ChatListModel::DiffDeletionsRole).toInt();
        if (additions > 0 || deletions > 0) {
            const QLocale locale;
            //: Diff statistics: lines removed, with a minus sign
            const QString minus = tr("\u2212%1").arg(locale.toString(deletions));
            const QString plus = tr("+%1").arg(locale.toString(additions));
            const int minusWidth = opt.fontMetrics.horizontalAdvance(minus);
            const int plusWidth = opt.fontMetrics.horizontalAdvance(plus);
            painter->setPen(selected ? textColor : QColor(0xc6, 0x28, 0x28));
            painter->drawText(QRect(right2 - minusWidth, line2.top(), minusWidth, line),
                Qt::AlignRight | Qt::AlignVCenter, minus);
            right2 -= minusWidth + 4;
            painter->setPen(selected ? textColor : QColor(0x2e, 0x7d, 0x32));
            painter->drawText(QRect(right2 - plusWidth, line2.top(), plusWidth, line),
                Qt::AlignRight | Qt::AlignVCenter, plus);
            right2 -= plusWidth + gap;
        }

        // Labels, as small outlined chips left of the stats (at most two, shortened).
        const auto labels = index.data(ChatListModel::LabelsRole).value<QMap<QString, QString>>();
        if (!labels.isEmpty()) {
            QFont chipFont = font;
            chipFont.setPointSizeF(font.pointSizeF() * 0.8);
            const QFontMetrics chipMetrics(chipFont);
            painter->setFont(chipFont);
            painter->setRenderHint(QPainter::Antialiasing);
            int shown = 0;
            for (auto it = labels.cbegin(); it != labels.cend() && shown < 2; ++it, ++shown) {
                const QString text = chipMetrics.elidedText(
                    safeDisplayText(
                        it.value().isEmpty() ? it.key() : it.key() + u": "_s + it.value()),
                    Qt::ElideRight, 110);
                const int width = chipMetrics.horizontalAdvance(text) + 10;
                if (right2 - width < glyph.right() + gap + 60)
                    break; // keep room for the summary
                const QRect chip(right2 - width, line2.center().y() - chipMetrics.height() / 2 - 1,
                    width, chipMetrics.height() + 2);
                painter->setPen(dimColor);
                painter->setBrush(Qt::NoBrush);
                painter->drawRoundedRect(chip.adjusted(0, 0, -1, -1), 4, 4);
                painter->drawText(chip, Qt::AlignCenter, text);
                right2 -= width + 4;
            }
            painter->setFont(font);
            right2 -= gap - 4;
        }

        // Subtitle: the error wins over the summary (the web UI's priority).
        QString subtitle = index.data(ChatListModel::ErrorMessageRole).toString();
        QColor subtitleColor = selected ? textColor : QColor(0xd3, 0x2f, 0x2f);
        if (subtitle.isEmpty() || status != ChatStatus::Error) {
            subtitle = index.data(ChatListModel::LastTurnSummaryRole).toString();
            subtitleColor = dimColor;
        }
        if (subtitle.isEmpty() && status == ChatStatus::Running)
            subtitle = tr("Working\u2026");
        subtitle.replace(u'\n', u' ');
        const QRect subtitleRect(
            glyph.right() + gap, line2.top(), right2 - glyph.right() - gap, line);
        painter->setPen(subtitleColor);
        painter->drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
            opt.fontMetrics.elidedText(subtitle, Qt::ElideRight, subtitleRect.width()));
    }

    painter->restore();
}

} // namespace AgentDesk
