#include "widgets/diff/DiffLineDelegate.h"

#include "models/DiffModel.h"
#include "models/DiffSideBySideModel.h"
#include "widgets/shell/PaletteColors.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QPainter>
#include <QSet>

#include <array>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

using RowKind = DiffModel::RowKind;
using TokenKind = DiffLineDelegate::Token::Kind;

constexpr int tabWidth = 4;
constexpr int cellPadding = 4;

} // namespace

//! Colours derived from the palette, so light and dark themes both read well.
struct DiffLineDelegate::Colors
{
    QColor base, text, dim, addBack, addStrong, removeBack, removeStrong, hunkBack, fileBack;
    //! By Token::Kind: keyword, string, comment, number.
    std::array<QColor, 4> tokens;

    explicit Colors(const QPalette &palette)
    {
        const bool dark = isDarkPalette(palette);
        base = palette.color(QPalette::Base);
        text = palette.color(QPalette::Text);
        dim = mixColors(text, base, 0.45);
        const QColor green(46, 160, 67);
        const QColor red(218, 54, 51);
        addBack = mixColors(base, green, dark ? 0.22 : 0.13);
        addStrong = mixColors(base, green, dark ? 0.45 : 0.32);
        removeBack = mixColors(base, red, dark ? 0.22 : 0.12);
        removeStrong = mixColors(base, red, dark ? 0.45 : 0.30);
        hunkBack = mixColors(base, palette.color(QPalette::Highlight), dark ? 0.20 : 0.09);
        fileBack = mixColors(base, palette.color(QPalette::Button), 0.85);
        tokens = {dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf),
            dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x0a, 0x30, 0x69),
            dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81),
            dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae)};
    }

    QColor forToken(TokenKind kind) const { return tokens.at(size_t(kind)); }
};

namespace {

const QSet<QStringView> &keywords(DiffLanguage language)
{
    static const QSet<QStringView> cpp{u"auto", u"bool", u"break", u"case", u"catch", u"char",
        u"class", u"const", u"constexpr", u"continue", u"default", u"delete", u"do", u"double",
        u"else", u"enum", u"explicit", u"false", u"final", u"float", u"for", u"friend", u"if",
        u"inline", u"int", u"long", u"namespace", u"new", u"noexcept", u"nullptr", u"override",
        u"private", u"protected", u"public", u"return", u"short", u"signed", u"sizeof", u"static",
        u"struct", u"switch", u"template", u"this", u"throw", u"true", u"try", u"typedef",
        u"typename", u"union", u"unsigned", u"using", u"virtual", u"void", u"volatile", u"while",
        u"#include", u"#pragma", u"#define", u"#if", u"#ifdef", u"#ifndef", u"#endif", u"#else"};
    static const QSet<QStringView> go{u"break", u"case", u"chan", u"const", u"continue", u"default",
        u"defer", u"else", u"fallthrough", u"for", u"func", u"go", u"goto", u"if", u"import",
        u"interface", u"map", u"package", u"range", u"return", u"select", u"struct", u"switch",
        u"type", u"var", u"nil", u"true", u"false", u"error", u"string", u"int", u"bool", u"byte"};
    static const QSet<QStringView> python{u"and", u"as", u"assert", u"async", u"await", u"break",
        u"class", u"continue", u"def", u"del", u"elif", u"else", u"except", u"finally", u"for",
        u"from", u"global", u"if", u"import", u"in", u"is", u"lambda", u"None", u"nonlocal", u"not",
        u"or", u"pass", u"raise", u"return", u"True", u"False", u"try", u"while", u"with", u"yield",
        u"self"};
    static const QSet<QStringView> js{u"async", u"await", u"break", u"case", u"catch", u"class",
        u"const", u"continue", u"default", u"delete", u"do", u"else", u"export", u"extends",
        u"false", u"finally", u"for", u"from", u"function", u"if", u"import", u"in", u"instanceof",
        u"interface", u"let", u"new", u"null", u"of", u"return", u"static", u"super", u"switch",
        u"this", u"throw", u"true", u"try", u"type", u"typeof", u"undefined", u"var", u"void",
        u"while", u"yield", u"string", u"number", u"boolean"};
    static const QSet<QStringView> rust{u"as", u"async", u"await", u"break", u"const", u"continue",
        u"crate", u"else", u"enum", u"extern", u"false", u"fn", u"for", u"if", u"impl", u"in",
        u"let", u"loop", u"match", u"mod", u"move", u"mut", u"pub", u"ref", u"return", u"self",
        u"Self", u"static", u"struct", u"super", u"trait", u"true", u"type", u"unsafe", u"use",
        u"where", u"while", u"Some", u"None", u"Ok", u"Err"};
    static const QSet<QStringView> json{u"true", u"false", u"null"};
    static const QSet<QStringView> shell{u"if", u"then", u"else", u"elif", u"fi", u"for", u"while",
        u"do", u"done", u"case", u"esac", u"in", u"function", u"return", u"exit", u"export",
        u"local", u"set", u"echo", u"cd", u"readonly", u"shift"};
    static const QSet<QStringView> none;
    switch (language) {
    case DiffLanguage::Cpp:
        return cpp;
    case DiffLanguage::Go:
        return go;
    case DiffLanguage::Python:
        return python;
    case DiffLanguage::JavaScript:
        return js;
    case DiffLanguage::Rust:
        return rust;
    case DiffLanguage::Json:
        return json;
    case DiffLanguage::Shell:
        return shell;
    case DiffLanguage::None:
        break;
    }
    return none;
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

std::vector<DiffLineDelegate::Token> DiffLineDelegate::highlight(
    QStringView line, DiffLanguage language)
{
    std::vector<Token> tokens;
    if (language == DiffLanguage::None)
        return tokens;
    const bool hashComments = language == DiffLanguage::Python || language == DiffLanguage::Shell;
    const bool slashComments = !hashComments && language != DiffLanguage::Json;
    const bool backticks = language == DiffLanguage::JavaScript || language == DiffLanguage::Go
        || language == DiffLanguage::Shell;
    const bool singleQuotes = language != DiffLanguage::Rust && language != DiffLanguage::Json;
    const QSet<QStringView> &words = keywords(language);
    const qsizetype n = line.size();

    // A continuation line of a block comment: no multi-line state, so guess from its shape.
    const QStringView trimmed = line.trimmed();
    if (slashComments
        && (trimmed.startsWith(u"* ") || trimmed == u"*" || trimmed.startsWith(u"*/"))) {
        qsizetype start = 0;
        while (start < n && line.at(start).isSpace())
            ++start;
        tokens.push_back({int(start), int(n - start), TokenKind::Comment});
        return tokens;
    }

    qsizetype i = 0;
    while (i < n) {
        const QChar c = line.at(i);
        if ((slashComments && c == u'/' && i + 1 < n && line.at(i + 1) == u'/')
            || (hashComments && c == u'#'
                && (language == DiffLanguage::Python || i == 0 || line.at(i - 1).isSpace()))) {
            tokens.push_back({int(i), int(n - i), TokenKind::Comment});
            break;
        }
        if (slashComments && c == u'/' && i + 1 < n && line.at(i + 1) == u'*') {
            const qsizetype end = line.indexOf(u"*/", i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            tokens.push_back({int(i), int(stop - i), TokenKind::Comment});
            i = stop;
            continue;
        }
        if (c == u'"' || (singleQuotes && c == u'\'') || (backticks && c == u'`')) {
            qsizetype j = i + 1;
            while (j < n && line.at(j) != c) {
                if (line.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const qsizetype stop = std::min(n, j + 1);
            tokens.push_back({int(i), int(stop - i), TokenKind::String});
            i = stop;
            continue;
        }
        if (c.isDigit() && (i == 0 || !isIdentifierPart(line.at(i - 1)))) {
            qsizetype j = i + 1;
            while (j < n
                && (line.at(j).isLetterOrNumber() || line.at(j) == u'.' || line.at(j) == u'_'))
                ++j;
            tokens.push_back({int(i), int(j - i), TokenKind::Number});
            i = j;
            continue;
        }
        if (isIdentifierStart(c) || (c == u'#' && language == DiffLanguage::Cpp)) {
            qsizetype j = i + 1;
            while (j < n && isIdentifierPart(line.at(j)))
                ++j;
            if (words.contains(line.mid(i, j - i)))
                tokens.push_back({int(i), int(j - i), TokenKind::Keyword});
            i = j;
            continue;
        }
        ++i;
    }
    return tokens;
}

//! What one side of a row shows.
struct DiffLineDelegate::Cell
{
    bool empty = true;
    RowKind kind = RowKind::Context;
    int oldLine = 0;
    int newLine = 0;
    QString text;
    QList<QPair<int, int>> ranges;
    DiffLanguage language = DiffLanguage::None;

    static Cell from(const QModelIndex &index)
    {
        Cell cell;
        if (!index.isValid())
            return cell;
        cell.empty = false;
        cell.kind = index.data(DiffModel::KindRole).value<RowKind>();
        cell.oldLine = index.data(DiffModel::OldLineRole).toInt();
        cell.newLine = index.data(DiffModel::NewLineRole).toInt();
        cell.text = index.data(DiffModel::TextRole).toString();
        cell.ranges = index.data(DiffModel::IntraLineRangesRole).value<QList<QPair<int, int>>>();
        cell.language = DiffLanguage(index.data(DiffModel::LanguageRole).toInt());
        return cell;
    }
};

//! A line with its tabs expanded, cut at `maxColumns`; columnOf[i] is the column of character
//! i (and of the end, at i = text.size()).
struct DiffLineDelegate::ExpandedLine
{
    QString shown;
    std::vector<int> columnOf;
};

DiffLineDelegate::ExpandedLine DiffLineDelegate::expandTabs(const QString &text, int maxColumns)
{
    ExpandedLine line;
    line.shown.reserve(std::min<qsizetype>(text.size(), maxColumns));
    line.columnOf.assign(size_t(text.size()) + 1, 0);
    int column = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        line.columnOf[size_t(i)] = column;
        if (column >= maxColumns)
            continue;
        if (text.at(i) == u'\t') {
            const int spaces = tabWidth - column % tabWidth;
            line.shown.append(QString(spaces, u' '));
            column += spaces;
        } else {
            line.shown.append(text.at(i));
            ++column;
        }
    }
    line.columnOf[size_t(text.size())] = column;
    if (line.shown.size() > maxColumns)
        line.shown.truncate(maxColumns);
    return line;
}

DiffLineDelegate::DiffLineDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void DiffLineDelegate::setMode(Mode mode)
{
    m_mode = mode;
}

void DiffLineDelegate::setFont(const QFont &font)
{
    m_font = font;
    const QFontMetrics metrics(m_font);
    m_rowHeight = metrics.height() + 2;
    m_charWidth = std::max(1.0, QFontMetricsF(m_font).horizontalAdvance(u'M'));
}

QSize DiffLineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // One height for every row: the view's uniform item sizes then make layout O(1).
    return QSize(option.rect.width() > 0 ? option.rect.width() : 400, m_rowHeight);
}

void DiffLineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const RowKind kind = index.data(DiffModel::KindRole).value<RowKind>();
    painter->save();
    painter->setFont(m_font);
    if (kind == RowKind::FileHeader || kind == RowKind::HunkHeader) {
        paintHeader(painter, option, index);
        painter->restore();
        return;
    }
    if (m_mode == Mode::Unified) {
        paintCell(painter, option, option.rect, Cell::from(index), false);
    } else {
        const auto *pairs = qobject_cast<const DiffSideBySideModel *>(index.model());
        const DiffModel *source = pairs ? pairs->sourceModel() : nullptr;
        const int left = index.data(DiffSideBySideModel::LeftSourceRowRole).toInt();
        const int right = index.data(DiffSideBySideModel::RightSourceRowRole).toInt();
        QRect leftRect = option.rect;
        leftRect.setWidth(option.rect.width() / 2);
        QRect rightRect = option.rect;
        rightRect.setLeft(leftRect.right() + 1);
        Cell leftCell = source && left >= 0 ? Cell::from(source->index(left)) : Cell();
        Cell rightCell = source && right >= 0 ? Cell::from(source->index(right)) : Cell();
        // Context and markers show the old number on the left, the new one on the right.
        leftCell.newLine = 0;
        rightCell.oldLine = 0;
        paintCell(painter, option, leftRect, leftCell, true);
        paintCell(painter, option, rightRect, rightCell, true);
        painter->setPen(mixColors(
            option.palette.color(QPalette::Text), option.palette.color(QPalette::Base), 0.8));
        painter->drawLine(rightRect.topLeft(), rightRect.bottomLeft());
    }
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(option.palette.color(QPalette::Highlight));
        painter->drawRect(option.rect.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

void DiffLineDelegate::paintHeader(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Colors colors(option.palette);
    const RowKind kind = index.data(DiffModel::KindRole).value<RowKind>();
    const QRect rect = option.rect;
    const QFontMetrics metrics(m_font);
    const int baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent();
    if (kind == RowKind::HunkHeader) {
        painter->fillRect(rect, colors.hunkBack);
        painter->setPen(colors.dim);
        const QString text = index.data(DiffModel::TextRole).toString();
        painter->drawText(QPoint(rect.left() + cellPadding, baseline),
            metrics.elidedText(text, Qt::ElideRight, rect.width() - 2 * cellPadding));
        return;
    }
    painter->fillRect(rect, colors.fileBack);
    painter->setPen(colors.dim);
    painter->drawLine(rect.topLeft(), rect.topRight());

    const auto status = DiffFileStatus(index.data(DiffModel::FileStatusRole).toInt());
    const QString path = index.data(DiffModel::PathRole).toString();
    const QString oldPath = index.data(DiffModel::OldPathRole).toString();
    const int additions = index.data(DiffModel::AdditionsRole).toInt();
    const int deletions = index.data(DiffModel::DeletionsRole).toInt();
    QStringList notes;
    switch (status) {
    case DiffFileStatus::Added:
        notes << tr("new file");
        break;
    case DiffFileStatus::Deleted:
        notes << tr("deleted");
        break;
    case DiffFileStatus::Renamed:
    case DiffFileStatus::Copied: {
        const int similarity = index.data(DiffModel::SimilarityRole).toInt();
        const QString from = status == DiffFileStatus::Renamed ? tr("renamed from %1").arg(oldPath)
                                                               : tr("copied from %1").arg(oldPath);
        notes << (similarity >= 0 ? tr("%1, %2% similar").arg(from).arg(similarity) : from);
        break;
    }
    case DiffFileStatus::Modified:
    case DiffFileStatus::Binary:
        break;
    }
    if (index.data(DiffModel::BinaryRole).toBool())
        notes << tr("binary file, not shown");
    const QString oldMode = index.data(DiffModel::OldModeRole).toString();
    const QString newMode = index.data(DiffModel::NewModeRole).toString();
    if (!oldMode.isEmpty() && !newMode.isEmpty() && oldMode != newMode)
        notes << tr("mode %1 → %2").arg(oldMode, newMode);

    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int x = rect.left() + cellPadding;
    const QString counts = u"+%1 −%2"_s.arg(additions).arg(deletions);
    const int countsWidth = metrics.horizontalAdvance(counts) + cellPadding;
    painter->setFont(bold);
    painter->setPen(colors.text);
    const int pathRoom = std::max(0, rect.width() - countsWidth - 3 * cellPadding);
    const QString shownPath = boldMetrics.elidedText(path, Qt::ElideLeft, pathRoom);
    painter->drawText(QPoint(x, baseline), shownPath);
    x += boldMetrics.horizontalAdvance(shownPath) + 2 * cellPadding;
    painter->setFont(m_font);
    if (!notes.isEmpty()) {
        painter->setPen(colors.dim);
        const int room = rect.right() - countsWidth - x;
        if (room > 0) {
            painter->drawText(QPoint(x, baseline),
                metrics.elidedText(u"("_s + notes.join(u"; "_s) + u")"_s, Qt::ElideRight, room));
        }
    }
    // Counts right-aligned: green additions, red deletions.
    int cx = rect.right() - countsWidth;
    const QString plus = u"+%1"_s.arg(additions);
    painter->setPen(
        isDarkPalette(option.palette) ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37));
    painter->drawText(QPoint(cx, baseline), plus);
    cx += metrics.horizontalAdvance(plus + u' ');
    painter->setPen(
        isDarkPalette(option.palette) ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e));
    painter->drawText(QPoint(cx, baseline), u"−%1"_s.arg(deletions));
}

void DiffLineDelegate::paintCell(QPainter *painter, const QStyleOptionViewItem &option,
    const QRect &rect, const Cell &cell, bool singleGutter) const
{
    const Colors colors(option.palette);
    const QFontMetrics metrics(m_font);
    const int baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent();
    const int digits = 5;
    const int gutter = qRound(digits * m_charWidth) + cellPadding;
    const int gutters = singleGutter ? gutter : 2 * gutter;

    QColor back = colors.base;
    QColor strong;
    QChar marker = u' ';
    if (cell.empty) {
        back = mixColors(colors.base, colors.dim, 0.12);
    } else if (cell.kind == RowKind::Add) {
        back = colors.addBack;
        strong = colors.addStrong;
        marker = u'+';
    } else if (cell.kind == RowKind::Remove) {
        back = colors.removeBack;
        strong = colors.removeStrong;
        marker = u'-';
    }
    painter->fillRect(rect, back);
    if (cell.empty)
        return;

    painter->setPen(colors.dim);
    paintLineNumbers(painter, rect, cell, gutter, singleGutter);
    const int markerX = rect.left() + gutters;
    const int textX = markerX + qRound(2 * m_charWidth);

    if (cell.kind == RowKind::NoNewline) {
        QFont italic = m_font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(colors.dim);
        painter->drawText(QPoint(textX, baseline), tr("No newline at end of file"));
        painter->setFont(m_font);
        return;
    }
    painter->setPen(colors.dim);
    painter->drawText(QPoint(markerX, baseline), QString(marker));

    // Expand tabs; the font is fixed-pitch, so a column is m_charWidth wide.
    const int maxColumns = std::max(0, int((rect.right() - textX) / m_charWidth) + 1);
    const ExpandedLine line = expandTabs(cell.text, maxColumns);
    const QRect textClip(textX, rect.top(), rect.right() - textX + 1, rect.height());
    painter->setClipRect(textClip);
    if (strong.isValid())
        paintChangedRanges(painter, textClip, cell, line.columnOf, strong);
    paintHighlighted(painter, QPointF(textX, baseline), cell, line, colors);
    painter->setClipping(false);
}

void DiffLineDelegate::paintLineNumbers(
    QPainter *painter, const QRect &rect, const Cell &cell, int gutter, bool singleGutter) const
{
    // Gutters: old and new line numbers (one of them in side-by-side cells).
    auto number = [](int n) {
        return n > 0 ? QString::number(n) : QString();
    };
    QRect numberRect(rect.left(), rect.top(), gutter - cellPadding, rect.height());
    if (singleGutter) {
        painter->drawText(numberRect, Qt::AlignRight | Qt::AlignVCenter,
            number(cell.oldLine > 0 ? cell.oldLine : cell.newLine));
        return;
    }
    painter->drawText(numberRect, Qt::AlignRight | Qt::AlignVCenter, number(cell.oldLine));
    numberRect.translate(gutter, 0);
    painter->drawText(numberRect, Qt::AlignRight | Qt::AlignVCenter, number(cell.newLine));
}

void DiffLineDelegate::paintChangedRanges(QPainter *painter, const QRect &textRect,
    const Cell &cell, const std::vector<int> &columnOf, const QColor &strong) const
{
    for (const auto &[start, length] : cell.ranges) {
        if (start < 0 || length <= 0 || start + length > cell.text.size())
            continue;
        const int x0 = textRect.left() + qRound(columnOf[size_t(start)] * m_charWidth);
        const int x1 = textRect.left() + qRound(columnOf[size_t(start + length)] * m_charWidth);
        painter->fillRect(QRect(x0, textRect.top() + 1, x1 - x0, textRect.height() - 2), strong);
    }
}

void DiffLineDelegate::paintHighlighted(QPainter *painter, QPointF origin, const Cell &cell,
    const ExpandedLine &line, const Colors &colors) const
{
    // Colour per displayed column, then draw runs of one colour.
    const QString &shown = line.shown;
    std::vector<qint8> kinds(size_t(shown.size()), -1);
    for (const Token &token : highlight(cell.text, cell.language)) {
        const int from = line.columnOf[size_t(std::min<qsizetype>(token.start, cell.text.size()))];
        const int to = line.columnOf[size_t(
            std::min<qsizetype>(token.start + token.length, cell.text.size()))];
        for (int c = from; c < to && c < int(kinds.size()); ++c)
            kinds[size_t(c)] = qint8(token.kind);
    }
    int runStart = 0;
    while (runStart < int(shown.size())) {
        int runEnd = runStart + 1;
        while (runEnd < int(shown.size()) && kinds[size_t(runEnd)] == kinds[size_t(runStart)])
            ++runEnd;
        const qint8 k = kinds[size_t(runStart)];
        painter->setPen(k < 0 ? colors.text : colors.forToken(TokenKind(k)));
        painter->drawText(QPointF(origin.x() + runStart * m_charWidth, origin.y()),
            shown.mid(runStart, runEnd - runStart));
        runStart = runEnd;
    }
}

} // namespace AgentDesk
