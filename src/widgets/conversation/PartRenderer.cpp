#include "widgets/conversation/PartRenderer.h"

#include "core/live/MessageAssembler.h"
#include "widgets/conversation/ThumbnailProvider.h"
#include "widgets/shell/PaletteColors.h"

#include <QFontDatabase>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QModelIndex>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFragment>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int maxBodyChars = 8000; // longer tool output is cut; the row must stay cheap to lay out
constexpr int userBubbleIndent = 48;

QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(a.redF() * k + b.redF() * amountOfB,
        a.greenF() * k + b.greenF() * amountOfB, a.blueF() * k + b.blueF() * amountOfB);
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (value.isUndefined() || value.isNull())
        return {};
    return value.toVariant().toString();
}

QString firstLine(const QString &text, int maxChars = 100)
{
    // Views, not copies: a tool's arguments can be megabytes long.
    const QStringView all = QStringView(text).trimmed();
    const qsizetype newline = all.indexOf(u'\n');
    const QStringView first = (newline < 0 ? all : all.first(newline)).trimmed();
    if (first.size() > maxChars)
        return first.first(maxChars - 1).toString() + u'…';
    return newline < 0 ? first.toString() : first.toString() + u" …"_s;
}

bool isFenceLine(QStringView line)
{
    line = line.trimmed();
    return line.startsWith(u"```") || line.startsWith(u"~~~");
}

//! A line that starts a list item, a heading or a quote: not a soft break of a paragraph.
bool startsBlock(QStringView line)
{
    line = line.trimmed();
    if (line.startsWith(u'#') || line.startsWith(u'>'))
        return true;
    if (line.startsWith(u"- ") || line.startsWith(u"* ") || line.startsWith(u"+ "))
        return true;
    qsizetype digits = 0;
    while (digits < line.size() && digits < 10 && line.at(digits).isDigit())
        ++digits;
    return digits > 0 && digits + 1 < line.size()
        && (line.at(digits) == u'.' || line.at(digits) == u')') && line.at(digits + 1) == u' ';
}

//! The row under a GitHub table's header: pipes, dashes, colons and blanks only.
bool isTableDelimiterRow(QStringView line)
{
    line = line.trimmed();
    if (!line.contains(u'-') || !line.contains(u'|'))
        return false;
    return std::all_of(line.cbegin(), line.cend(),
        [](QChar c) { return c == u'|' || c == u'-' || c == u':' || c == u' ' || c == u'\t'; });
}

QFont monospaceFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace

// ---------------------------------------------------------------------------------------------

MessageDocument::MessageDocument(QObject *parent)
    : QTextDocument(parent)
{
}

QVariant MessageDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    Q_UNUSED(name)
    // Bundled resources were added with addResource() and never reach this function. Anything
    // else (http images, file:// paths from model output) is refused, never fetched.
    ++m_blocked;
    return {};
}

MessageRenderInput MessageRenderInput::fromIndex(const QModelIndex &index)
{
    MessageRenderInput in;
    in.role = index.data(MessageListModel::RoleRole).value<MessageRole>();
    in.parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
    in.toolResults =
        index.data(MessageListModel::ToolResultsRole).value<MessageListModel::ToolResults>();
    in.toolStates =
        index.data(MessageListModel::ToolStatesRole).value<MessageListModel::ToolStates>();
    const QVariant usage = index.data(MessageListModel::UsageRole);
    if (usage.isValid())
        in.usage = usage.value<MessageUsage>();
    in.createdAt = index.data(MessageListModel::CreatedAtRole).toDateTime();
    in.streaming = index.data(MessageListModel::StreamingRole).toBool();
    in.pending = index.data(MessageListModel::PendingRole).toBool();
    in.sendError = index.data(MessageListModel::SendErrorRole).toString();
    in.stopped = index.data(MessageListModel::StoppedRole).toBool();
    in.continuesTurn = index.data(MessageListModel::ContinuesTurnRole).toBool();
    in.continued = index.data(MessageListModel::ContinuedRole).toBool();
    return in;
}

// ---------------------------------------------------------------------------------------------

PartRenderer::PartRenderer()
{
    setPalette(QPalette());
}

void PartRenderer::setPalette(const QPalette &palette)
{
    m_palette = palette;
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const bool dark = isDarkPalette(palette);
    m_colors.text = text;
    m_colors.dim = blend(text, base, 0.40);
    m_colors.faint = blend(text, base, 0.55);
    m_colors.codeBackground = blend(base, text, dark ? 0.10 : 0.06);
    m_colors.cardBackground = blend(base, text, dark ? 0.06 : 0.03);
    m_colors.cardBorder = blend(base, text, 0.20);
    m_colors.userBackground = blend(base, palette.color(QPalette::Highlight), dark ? 0.25 : 0.12);
    m_colors.error = dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e);
    m_colors.success = dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1e, 0x7d, 0x32);
    m_colors.running = palette.color(QPalette::Link);
    m_colors.link = palette.color(QPalette::Link);
}

void PartRenderer::setFont(const QFont &font)
{
    m_font = font;
}

QString PartRenderer::toggleHref(int partIndex)
{
    return u"agentdesk:toggle/"_s + QString::number(partIndex);
}

std::optional<int> PartRenderer::partIndexAfter(const QString &href, QStringView prefix)
{
    if (!href.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const int part = href.mid(prefix.size()).toInt(&ok);
    return ok ? std::optional<int>(part) : std::nullopt;
}

std::optional<int> PartRenderer::toggledPart(const QString &href)
{
    return partIndexAfter(href, u"agentdesk:toggle/");
}

QString PartRenderer::retryHref()
{
    return u"agentdesk:retry"_s;
}

QString PartRenderer::showAllHref(int partIndex)
{
    return u"agentdesk:show-all/"_s + QString::number(partIndex);
}

std::optional<int> PartRenderer::showAllPart(const QString &href)
{
    const std::optional<int> part = partIndexAfter(href, u"agentdesk:show-all/");
    return part && *part >= 0 ? part : std::nullopt;
}

PartRenderer::ClippedText PartRenderer::clipMarkdown(const QString &markdown)
{
    if (markdown.size() <= maxLineChars && !markdown.contains(u'|')
        && markdown.count(u'\n') <= maxParagraphLines)
        return {markdown, false}; // the common short message: nothing to cap
    const QStringView all(markdown);
    const qsizetype scanEnd = std::min<qsizetype>(markdown.size(), maxScanChars);
    QString out;
    out.reserve(std::min<qsizetype>(markdown.size(), maxMarkdownChars + 200));
    bool clipped = false;
    bool inFence = false;
    bool inTable = false;
    bool previousHasPipe = false;
    int tableRows = 0;
    qsizetype droppedRows = 0;
    int lines = 0;
    int paragraphLines = 0; // lines of the current run of soft-broken lines
    bool split = false;
    qsizetype pos = 0;
    const auto noteDroppedRows = [&](bool counted) {
        if (droppedRows == 0)
            return;
        // A paragraph of its own after the table; it starts with "…", never with Markdown.
        out += u'\n';
        out += counted ? tr("… %n more row(s) not shown", nullptr,
                   int(std::min<qsizetype>(droppedRows, maxScanChars)))
                       : tr("… more rows not shown");
        out += u"\n\n"_s;
        droppedRows = 0;
    };
    while (pos < markdown.size()) {
        if (pos >= scanEnd) {
            clipped = true;
            break;
        }
        // The next line, looking no further than the scan limit.
        const QStringView window = all.sliced(pos, scanEnd - pos);
        const qsizetype newline = window.indexOf(u'\n');
        const QStringView line = newline < 0 ? window : window.first(newline);
        const qsizetype next = pos + line.size() + 1;

        if (inTable) {
            if (line.trimmed().isEmpty()) {
                inTable = false;
                noteDroppedRows(true);
            } else if (++tableRows > maxTableRows) {
                ++droppedRows;
                clipped = true;
                pos = next;
                continue;
            }
        } else if (!inFence && previousHasPipe && isTableDelimiterRow(line)) {
            inTable = true;
            tableRows = 0;
        }
        if (!inTable && isFenceLine(line))
            inFence = !inFence;
        previousHasPipe = !inTable && !inFence && line.contains(u'|');
        // Qt's Markdown import is quadratic in the soft breaks of one paragraph: a long run of
        // lines gets a blank line now and then (a log shows as a few paragraphs, all of it).
        bool splitHere = false;
        if (inFence || inTable || isFenceLine(line) || line.trimmed().isEmpty())
            paragraphLines = 0;
        else if (startsBlock(line))
            paragraphLines = 1;
        else if (++paragraphLines > maxParagraphLines)
            splitHere = true;

        const bool cut = line.size() > maxLineChars;
        const qsizetype emitted = cut ? maxLineChars + 1 : line.size();
        if (lines >= maxMarkdownLines || out.size() + emitted > maxMarkdownChars) {
            clipped = true;
            break;
        }
        if (splitHere) {
            out += u'\n';
            paragraphLines = 1;
            split = true;
        }
        if (cut) {
            out += line.first(maxLineChars);
            out += u'…';
            clipped = true;
        } else {
            out += line;
        }
        if (newline >= 0)
            out += u'\n';
        ++lines;
        pos = next;
    }
    if (inTable)
        noteDroppedRows(pos >= markdown.size());
    if (!clipped && !split)
        return {markdown, false};
    return {out, clipped};
}

PartRenderer::ClippedText PartRenderer::clipPlain(const QString &text)
{
    if (text.size() <= maxMarkdownChars)
        return {text, false};
    return {text.left(maxMarkdownChars) + u'…', true};
}

QString PartRenderer::markdownText(const QList<MessagePart> &parts)
{
    QStringList texts;
    for (const MessagePart &part : parts) {
        if (part.kind == MessagePart::Kind::Text && !part.text.isEmpty())
            texts << part.text;
    }
    return texts.join(u"\n\n"_s);
}

QString PartRenderer::plainText(const QList<MessagePart> &parts)
{
    const QString markdown = markdownText(parts);
    if (markdown.size() > maxPlainTextChars)
        return markdown.trimmed(); // parsing megabytes of Markdown would freeze the window
    QTextDocument document;
    document.setMarkdown(neutralizeImages(markdown),
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    return document.toPlainText().trimmed();
}

QString PartRenderer::neutralizeImages(const QString &markdown)
{
    static const QRegularExpression image(
        uR"(!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\))"_s);
    if (!markdown.contains(u"!["))
        return markdown;
    QString result;
    qsizetype last = 0;
    auto it = image.globalMatch(markdown);
    while (it.hasNext()) {
        const auto match = it.next();
        result += markdown.mid(last, match.capturedStart() - last);
        const QString alt = match.captured(1).trimmed();
        const QString label = alt.isEmpty() ? tr("Image") : tr("Image: %1").arg(alt);
        result += u'[' + label + u"]("_s + match.captured(2) + u')';
        last = match.capturedEnd();
    }
    result += markdown.mid(last);
    return result;
}

QString PartRenderer::toolSummary(const MessagePart &call)
{
    QString command;
    if (call.detail().args.isObject()) {
        const QJsonObject args = call.detail().args.toObject();
        static const char *const keys[] = {"command", "path", "file_path", "query", "url",
            "pattern", "name", "title", "prompt", "message"};
        for (const char *key : keys) {
            const QJsonValue value = args.value(QLatin1StringView(key));
            if (value.isString() && !value.toString().trimmed().isEmpty()) {
                command = firstLine(value.toString());
                break;
            }
        }
        if (command.isEmpty() && !args.isEmpty())
            command = firstLine(
                QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)), 80);
    } else if (call.detail().args.isString()) {
        command = firstLine(call.detail().args.toString());
    } else if (!call.detail().argsDelta.isEmpty()) {
        command = firstLine(call.detail().argsDelta, 80);
    }
    QStringList programs;
    for (const QStringList &parsed : call.detail().parsedCommands) {
        if (!parsed.isEmpty() && !programs.contains(parsed.first()))
            programs << parsed.first();
    }
    if (programs.isEmpty())
        return command;
    const QString ran = tr("ran: %1").arg(programs.join(u", "_s));
    return command.isEmpty() ? ran : command + u"  ("_s + ran + u')';
}

// ---------------------------------------------------------------------------------------------

QTextCharFormat PartRenderer::plainFormat(const QColor &color) const
{
    QTextCharFormat format;
    format.setFont(m_font);
    format.setForeground(color);
    return format;
}

QTextCharFormat PartRenderer::linkFormat(const QString &href) const
{
    QTextCharFormat link = plainFormat(m_colors.link);
    link.setAnchor(true);
    link.setAnchorHref(href);
    link.setFontUnderline(true);
    return link;
}

void PartRenderer::newBlock(QTextCursor &cursor, int topMargin) const
{
    QTextBlockFormat format;
    format.setTopMargin(topMargin);
    if (cursor.block().length() <= 1 && cursor.atBlockStart()) {
        cursor.setBlockFormat(format);
    } else {
        cursor.insertBlock(format);
    }
    QTextCharFormat charFormat;
    charFormat.setFont(m_font);
    cursor.setBlockCharFormat(charFormat);
    cursor.setCharFormat(charFormat);
}

void PartRenderer::render(QTextDocument &document, const MessageRenderInput &in) const
{
    document.clear();
    document.setDocumentMargin(0);
    document.setDefaultFont(m_font);
    document.setUndoRedoEnabled(false);

    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    QTextFrame *bubble = in.role == MessageRole::User ? insertUserBubble(cursor) : nullptr;
    // One turn's steps (text, tool calls, more text) read as one answer under one header.
    // A context boundary (§20.6) is a divider, not an answer: no "Agent" header over it.
    const bool boundaryOnly = !in.parts.isEmpty()
        && std::all_of(in.parts.cbegin(), in.parts.cend(),
            [](const MessagePart &part) { return isBoundaryTool(part.detail().toolName); });
    if (!in.continuesTurn && !boundaryOnly)
        renderHeader(cursor, in);

    QList<MessagePart> sources;
    for (const MessagePart &part : in.parts) {
        if (part.kind == MessagePart::Kind::Source)
            sources << part;
    }
    bool sourcesDone = false;
    bool anyVisible = false;
    for (int i = 0; i < in.parts.size(); ++i) {
        const MessagePart &part = in.parts.at(i);
        if (part.kind == MessagePart::Kind::Source) {
            if (!sourcesDone)
                renderSources(cursor, sources);
            sourcesDone = true;
        } else if (!renderPart(cursor, document, in, i)) {
            continue;
        }
        anyVisible = true;
    }
    renderStreamingTail(cursor, in.streaming, anyVisible);
    renderFooter(cursor, in);
    if (bubble)
        cursor = bubble->parentFrame()->lastCursorPosition();
    cursor.endEditBlock();
    styleTables(document);
}

QTextFrame *PartRenderer::insertUserBubble(QTextCursor &cursor) const
{
    QTextFrameFormat bubbleFormat;
    bubbleFormat.setBackground(m_colors.userBackground);
    bubbleFormat.setPadding(8);
    bubbleFormat.setLeftMargin(userBubbleIndent);
    bubbleFormat.setBorder(0);
    return cursor.insertFrame(bubbleFormat);
}

bool PartRenderer::renderPart(
    QTextCursor &cursor, QTextDocument &document, const MessageRenderInput &in, int index) const
{
    const MessagePart &part = in.parts.at(index);
    switch (part.kind) {
    case MessagePart::Kind::Text: {
        if (part.text.isEmpty())
            return false;
        const ClippedText clip = clipMarkdown(part.text);
        newBlock(cursor);
        renderMarkdown(cursor, clip.text);
        if (clip.clipped)
            renderShowAll(cursor, index, part.text.size(), in.streaming);
        break;
    }
    case MessagePart::Kind::Reasoning:
        renderReasoning(cursor, part, index, in);
        break;
    case MessagePart::Kind::ToolCall:
        if (isQuestionTool(part.detail().toolName))
            renderQuestionCard(cursor, part, in);
        else if (isPlanTool(part.detail().toolName))
            renderPlanCard(cursor, part, index, in);
        else if (isBoundaryTool(part.detail().toolName))
            renderBoundary(cursor, part, in);
        else
            renderToolCall(cursor, part, index, in);
        break;
    case MessagePart::Kind::ToolResult:
        // Results normally arrive folded into ToolResultsRole next to their call; a result
        // whose call lives in no row is still shown rather than dropped.
        if (isFoldedIntoCall(part, in))
            return false;
        renderOrphanResult(cursor, part);
        break;
    case MessagePart::Kind::Source:
        break; // all sources are rendered together, by render()
    case MessagePart::Kind::File:
        renderFile(cursor, document, part, index);
        break;
    case MessagePart::Kind::FileReference:
        renderFileReference(cursor, part);
        break;
    case MessagePart::Kind::ContextFile:
        renderChip(cursor,
            part.detail().contextFileTruncated
                ? tr("Context file: %1 (truncated)").arg(part.detail().contextFilePath)
                : tr("Context file: %1").arg(part.detail().contextFilePath));
        break;
    case MessagePart::Kind::Skill:
        renderChip(cursor,
            part.detail().skillDescription.isEmpty()
                ? tr("Skill: %1").arg(part.detail().skillName)
                : tr("Skill: %1 — %2")
                      .arg(part.detail().skillName, firstLine(part.detail().skillDescription)));
        break;
    case MessagePart::Kind::HookNotice: {
        newBlock(cursor);
        QTextCharFormat format = cursor.charFormat();
        format.setForeground(m_colors.dim);
        format.setFontItalic(true);
        cursor.insertText(tr("Hook: %1").arg(clipPlain(part.text).text), format);
        break;
    }
    case MessagePart::Kind::Unknown:
        renderUnknown(cursor, part, index, in);
        break;
    }
    return true;
}

bool PartRenderer::isFoldedIntoCall(const MessagePart &result, const MessageRenderInput &in)
{
    if (!in.toolResults.contains(result.detail().toolCallId))
        return false;
    return std::any_of(in.parts.cbegin(), in.parts.cend(), [&](const MessagePart &other) {
        return other.kind == MessagePart::Kind::ToolCall
            && other.detail().toolCallId == result.detail().toolCallId;
    });
}

void PartRenderer::renderStreamingTail(QTextCursor &cursor, bool streaming, bool anyVisible) const
{
    if (!streaming)
        return;
    if (!anyVisible) {
        newBlock(cursor);
        QTextCharFormat format = cursor.charFormat();
        format.setForeground(m_colors.dim);
        cursor.insertText(tr("Working…"), format);
    }
    // A live cursor at the end of the streamed text, like a terminal's.
    cursor.insertText(u" ▍"_s, plainFormat(m_colors.running));
}

void PartRenderer::renderHeader(QTextCursor &cursor, const MessageRenderInput &in) const
{
    QString who;
    switch (in.role) {
    case MessageRole::User:
        who = m_userName.isEmpty() ? tr("You") : m_userName;
        break;
    case MessageRole::Assistant:
        who = tr("Agent");
        break;
    case MessageRole::System:
        who = tr("System");
        break;
    case MessageRole::Tool:
        who = tr("Tool");
        break;
    case MessageRole::Unknown:
        who = in.streaming ? tr("Agent") : tr("Message");
        break;
    }
    newBlock(cursor, 0);
    QTextCharFormat format = cursor.charFormat();
    format.setFontWeight(QFont::DemiBold);
    format.setForeground(m_colors.dim);
    cursor.insertText(who, format);
    if (in.createdAt.isValid()) {
        format.setFontWeight(QFont::Normal);
        format.setForeground(m_colors.faint);
        cursor.insertText(
            u"  "_s + QLocale().toString(in.createdAt.toLocalTime().time(), QLocale::ShortFormat),
            format);
    }
}

void PartRenderer::renderMarkdown(QTextCursor &cursor, const QString &markdown) const
{
    const int firstBlock = cursor.blockNumber();
    // Raw HTML is shown as text (like Coder's web UI), and images become links: nothing is loaded.
    cursor.insertMarkdown(neutralizeImages(markdown),
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    const int lastBlock = cursor.blockNumber();
    QTextDocument *document = cursor.document();
    for (int number = firstBlock; number <= lastBlock; ++number) {
        const QTextBlock block = document->findBlockByNumber(number);
        // The importer colours links from the application palette of the moment; use ours so
        // links stay readable in dark themes.
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isAnchor())
                continue;
            QTextCursor link(document);
            link.setPosition(fragment.position());
            link.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            QTextCharFormat color;
            color.setForeground(m_colors.link);
            link.mergeCharFormat(color);
        }
        QTextBlockFormat format = block.blockFormat();
        const bool code = format.hasProperty(QTextFormat::BlockCodeFence)
            || format.hasProperty(QTextFormat::BlockCodeLanguage)
            || (block.charFormat().fontFixedPitch() && format.nonBreakableLines());
        if (!code)
            continue;
        format.setBackground(m_colors.codeBackground);
        format.setNonBreakableLines(false); // long lines wrap instead of being clipped by the row
        QTextCursor(block).setBlockFormat(format);
    }
}

void PartRenderer::styleTables(QTextDocument &document) const
{
    // Tables from the Markdown importer get hairline, collapsed borders and some air in the
    // cells. This runs after the edit block: inside one, new frames are not yet in the tree.
    QList<QTextTable *> tables;
    QList<QTextFrame *> pending{document.rootFrame()};
    while (!pending.isEmpty()) {
        QTextFrame *frame = pending.takeLast();
        pending.append(frame->childFrames());
        if (auto *table = qobject_cast<QTextTable *>(frame))
            tables.append(table);
    }
    for (QTextTable *table : std::as_const(tables)) {
        QTextTableFormat format = table->format();
        format.setCellPadding(4);
        format.setCellSpacing(0);
        format.setBorder(1);
        format.setBorderBrush(m_colors.cardBorder);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderCollapse(true);
        table->setFormat(format);
        // Inserting a fragment can leave an empty paragraph at the top of the first cell.
        for (int column = 0; column < table->columns(); ++column) {
            const QTextTableCell cell = table->cellAt(0, column);
            QTextCursor start = cell.firstCursorPosition();
            if (start.block().length() == 1 && start.block() != cell.lastCursorPosition().block())
                start.deleteChar();
        }
    }
}

void PartRenderer::renderReasoning(
    QTextCursor &cursor, const MessagePart &part, int index, const MessageRenderInput &in) const
{
    const bool expanded = in.expandedParts.contains(index);
    QString label;
    if (part.detail().createdAt.isValid() && part.detail().completedAt.isValid()) {
        const int seconds = std::max<qint64>(1,
            std::llround(
                double(part.detail().createdAt.msecsTo(part.detail().completedAt)) / 1000.0));
        label = tr("Thought for %n second(s)", nullptr, seconds);
    } else if (in.streaming && !part.detail().completedAt.isValid()) {
        label = tr("Thinking…");
    } else if (!part.detail().title.isEmpty()) {
        label = part.detail().title;
    } else {
        label = tr("Reasoning");
    }
    newBlock(cursor);
    QTextCharFormat format = cursor.charFormat();
    format.setForeground(m_colors.dim);
    format.setAnchor(true);
    format.setAnchorHref(toggleHref(index));
    cursor.insertText((expanded ? u"▾ "_s : u"▸ "_s) + label, format);
    if (!expanded || QStringView(part.text).trimmed().isEmpty())
        return;
    QTextBlockFormat blockFormat;
    blockFormat.setLeftMargin(14);
    blockFormat.setTopMargin(2);
    cursor.insertBlock(blockFormat);
    const ClippedText clip = clipPlain(part.text);
    cursor.insertText(clip.text.trimmed(), plainFormat(m_colors.dim));
    if (clip.clipped)
        renderShowAll(cursor, index, part.text.size(), in.streaming);
}

void PartRenderer::renderShowAll(
    QTextCursor &cursor, int index, qsizetype chars, bool streaming) const
{
    newBlock(cursor, 6);
    QTextCharFormat note = plainFormat(m_colors.dim);
    note.setFontItalic(true);
    cursor.insertText(tr("Shortened for display.") + u"  "_s, note);
    const QTextCharFormat link = linkFormat(showAllHref(index));
    // Characters as bytes: exact for ASCII, and counting UTF-8 would walk the whole text.
    const QString size = QLocale().formattedDataSize(
        chars, chars >= 10 * 1000 * 1000 ? 0 : 1, QLocale::DataSizeSIFormat);
    // A streamed block past MessageAssembler's cap is previewed by its beginning only.
    const bool beginning = streaming && chars >= MessageAssembler::maxPreviewTextChars;
    cursor.insertText(
        beginning ? tr("Show the beginning (%1)").arg(size) : tr("Show all (%1)").arg(size), link);
}

PartRenderer::ToolStateLook PartRenderer::toolStateLook(MessageListModel::ToolCallState state) const
{
    using State = MessageListModel::ToolCallState;
    switch (state) {
    case State::Running:
        return {u"●"_s, tr("running"), m_colors.running};
    case State::Done:
        return {u"✓"_s, tr("done"), m_colors.success};
    case State::Failed:
        return {u"✗"_s, tr("failed"), m_colors.error};
    case State::Interrupted:
        return {u"■"_s, tr("interrupted"), m_colors.dim};
    case State::AwaitingInput:
        return {u"?"_s, tr("waiting for your answer"), m_colors.running};
    }
    return {};
}

void PartRenderer::renderToolCall(
    QTextCursor &cursor, const MessagePart &part, int index, const MessageRenderInput &in) const
{
    using State = MessageListModel::ToolCallState;
    const bool expanded = in.expandedParts.contains(index);
    const State state = in.toolStates.value(part.detail().toolCallId,
        in.toolResults.contains(part.detail().toolCallId) ? State::Done : State::Running);

    QTextFrame *frame = insertCard(cursor, 6);
    renderToolCallTitle(cursor, part, index, toolStateLook(state), expanded);
    if (expanded)
        renderToolCallDetails(cursor, part, in.toolResults.value(part.detail().toolCallId), state);
    cursor = frame->parentFrame()->lastCursorPosition();
}

void PartRenderer::renderToolCallTitle(QTextCursor &cursor, const MessagePart &part, int index,
    const ToolStateLook &look, bool expanded) const
{
    // The whole title line is one toggle anchor; its pieces differ in colour, weight and font.
    QTextCharFormat anchor;
    anchor.setFont(m_font);
    anchor.setAnchor(true);
    anchor.setAnchorHref(toggleHref(index));
    const auto insert = [&](const QString &text, const QColor &color,
                            QFont::Weight weight = QFont::Normal, bool monospace = false) {
        QTextCharFormat format = anchor;
        if (monospace)
            format.setFont(monospaceFont());
        if (weight != QFont::Normal)
            format.setFontWeight(weight);
        if (color.isValid())
            format.setForeground(color);
        cursor.insertText(text, format);
    };
    insert(look.glyph + u' ', look.color);
    insert(part.detail().toolName.isEmpty() ? tr("tool") : part.detail().toolName, QColor(),
        QFont::DemiBold);
    // §20.11: the model's provider ran it (web search, computer use), not the workspace.
    if (part.detail().providerExecuted)
        insert(u"  "_s + tr("(run by the provider)"), m_colors.dim);
    const QString summary = toolSummary(part);
    if (!summary.isEmpty())
        insert(u"  "_s + summary, m_colors.dim, QFont::Normal, true);
    insert(u"  "_s + (expanded ? u"▾ "_s : u"▸ "_s) + look.text, look.color);
}

QString PartRenderer::toolOutput(const MessagePart &result)
{
    QString output = jsonText(result.detail().result);
    if (result.detail().result.isObject()) {
        const QJsonObject object = result.detail().result.toObject();
        if (object.value(u"output"_s).isString()) {
            output = object.value(u"output"_s).toString();
            if (object.contains(u"exit_code"_s))
                output += u'\n'
                    + tr("[exit code %1]").arg(object.value(u"exit_code"_s).toVariant().toString());
        }
    }
    if (output.isEmpty() && !result.detail().resultDelta.isEmpty())
        output = result.detail().resultDelta;
    return output;
}

void PartRenderer::renderToolCallDetails(QTextCursor &cursor, const MessagePart &part,
    const MessagePart &result, MessageListModel::ToolCallState state) const
{
    using State = MessageListModel::ToolCallState;
    const QString args = jsonText(part.detail().args).isEmpty() ? part.detail().argsDelta
                                                                : jsonText(part.detail().args);
    QTextCharFormat label = plainFormat(m_colors.dim);
    label.setFontWeight(QFont::DemiBold);
    if (!args.isEmpty()) {
        newBlock(cursor, 6);
        cursor.insertText(tr("Arguments"), label);
        insertCodeBlock(cursor, args, m_colors.text);
    }
    const QString output = toolOutput(result);
    newBlock(cursor, 6);
    if (!output.isEmpty()) {
        cursor.insertText(state == State::Failed ? tr("Error") : tr("Result"), label);
        insertCodeBlock(cursor, output, state == State::Failed ? m_colors.error : m_colors.text);
        return;
    }
    cursor.insertText(state == State::Interrupted ? tr("Stopped before a result.")
            : state == State::Running             ? tr("Waiting for the result…")
            : state == State::AwaitingInput
            ? tr("The agent waits for your answer below the conversation.")
            : tr("No output."),
        plainFormat(m_colors.dim));
}

void PartRenderer::renderOrphanResult(QTextCursor &cursor, const MessagePart &part) const
{
    newBlock(cursor);
    QTextCharFormat format = cursor.charFormat();
    format.setForeground(part.detail().isError ? m_colors.error : m_colors.dim);
    cursor.insertText(
        tr("Result of %1")
            .arg(part.detail().toolName.isEmpty() ? tr("tool") : part.detail().toolName),
        format);
    const QString output = jsonText(part.detail().result);
    if (!output.isEmpty())
        insertCodeBlock(cursor, output, part.detail().isError ? m_colors.error : m_colors.text);
}

void PartRenderer::renderSources(QTextCursor &cursor, const QList<MessagePart> &sources) const
{
    newBlock(cursor, 6);
    QTextCharFormat label = cursor.charFormat();
    label.setFontWeight(QFont::DemiBold);
    label.setForeground(m_colors.dim);
    cursor.insertText(tr("Sources"), label);
    QStringList seen;
    for (const MessagePart &source : sources) {
        if (source.detail().url.isEmpty() || seen.contains(source.detail().url))
            continue;
        seen << source.detail().url;
        newBlock(cursor, 1);
        const QTextCharFormat link = linkFormat(source.detail().url);
        const QString host = QUrl(source.detail().url).host();
        cursor.insertText(u"• "_s
                + (source.detail().title.isEmpty() ? source.detail().url : source.detail().title),
            link);
        if (!source.detail().title.isEmpty() && !host.isEmpty())
            cursor.insertText(u"  "_s + host, plainFormat(m_colors.faint));
    }
}

void PartRenderer::renderFile(
    QTextCursor &cursor, QTextDocument &document, const MessagePart &part, int index) const
{
    newBlock(cursor);
    const bool image = part.detail().mediaType.startsWith(u"image/"_s);
    if (image && !part.detail().data.isEmpty()) {
        QImage decoded;
        if (decoded.loadFromData(part.detail().data)) {
            insertThumbnail(cursor, document,
                decoded.scaled(ThumbnailProvider::thumbnailSize.boundedTo(decoded.size()),
                    Qt::KeepAspectRatio, Qt::SmoothTransformation),
                inlineImageHref(index));
        }
    } else if (image && !part.detail().fileId.isNull() && m_thumbnails) {
        // Never blocks: a null image now, thumbnailReady() later re-renders this row.
        const QImage thumbnail = m_thumbnails->thumbnail(part.detail().fileId);
        if (!thumbnail.isNull())
            insertThumbnail(cursor, document, thumbnail, fileImageHref(part.detail().fileId));
    }
    QStringList bits;
    bits << (part.detail().name.isEmpty() ? tr("Attachment") : part.detail().name);
    if (!part.detail().mediaType.isEmpty())
        bits << part.detail().mediaType;
    if (!part.detail().data.isEmpty())
        bits << QLocale().formattedDataSize(part.detail().data.size());
    QTextCharFormat chip;
    chip.setFont(m_font);
    chip.setBackground(m_colors.codeBackground);
    chip.setForeground(m_colors.text);
    cursor.insertText(u" ▤ "_s + bits.join(u" · "_s) + u' ', chip);
}

void PartRenderer::insertThumbnail(
    QTextCursor &cursor, QTextDocument &document, const QImage &image, const QString &href) const
{
    const QUrl name(u"agentdesk-image:"_s + href);
    document.addResource(QTextDocument::ImageResource, name, image);
    QTextImageFormat format;
    format.setName(name.toString());
    format.setWidth(image.width());
    format.setHeight(image.height());
    format.setAnchor(true);
    format.setAnchorHref(href);
    format.setToolTip(tr("Open the image"));
    cursor.insertImage(format);
    newBlock(cursor, 2);
}

QString PartRenderer::fileImageHref(const FileId &id)
{
    return u"agentdesk:image/"_s + id.toString();
}

std::optional<FileId> PartRenderer::fileImageOf(const QString &href)
{
    static const QString prefix = u"agentdesk:image/"_s;
    if (!href.startsWith(prefix))
        return std::nullopt;
    const FileId id = FileId::fromString(href.mid(prefix.size()));
    if (id.isNull())
        return std::nullopt;
    return id;
}

QString PartRenderer::inlineImageHref(int partIndex)
{
    return u"agentdesk:inline-image/"_s + QString::number(partIndex);
}

std::optional<int> PartRenderer::inlineImageOf(const QString &href)
{
    return partIndexAfter(href, u"agentdesk:inline-image/");
}

void PartRenderer::renderFileReference(QTextCursor &cursor, const MessagePart &part) const
{
    QTextFrameFormat quote;
    quote.setBorder(1);
    quote.setBorderBrush(m_colors.cardBorder);
    quote.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    quote.setPadding(4);
    quote.setTopMargin(4);
    QTextFrame *frame = cursor.insertFrame(quote);
    QTextCharFormat caption;
    caption.setFont(monospaceFont());
    caption.setForeground(m_colors.dim);
    const QString range = part.detail().startLine == part.detail().endLine
        ? QString::number(part.detail().startLine)
        : QString::number(part.detail().startLine) + u'-' + QString::number(part.detail().endLine);
    cursor.insertText(part.detail().fileName + u':' + range, caption);
    insertCodeBlock(cursor, part.detail().content, m_colors.text);
    cursor = frame->parentFrame()->lastCursorPosition();
}

void PartRenderer::renderChip(QTextCursor &cursor, const QString &text) const
{
    newBlock(cursor, 2);
    QTextCharFormat chip;
    QFont small = m_font;
    small.setPointSizeF(std::max(6.0, m_font.pointSizeF() * 0.9));
    chip.setFont(small);
    chip.setBackground(m_colors.codeBackground);
    chip.setForeground(m_colors.dim);
    cursor.insertText(u' ' + text + u' ', chip);
}

void PartRenderer::renderUnknown(
    QTextCursor &cursor, const MessagePart &part, int index, const MessageRenderInput &in) const
{
    const bool expanded = in.expandedParts.contains(index);
    newBlock(cursor);
    QTextCharFormat format = cursor.charFormat();
    format.setForeground(m_colors.faint);
    format.setAnchor(true);
    format.setAnchorHref(toggleHref(index));
    const QString type = part.typeRaw.isEmpty() ? tr("(no type)") : part.typeRaw;
    cursor.insertText(
        (expanded ? u"▾ "_s : u"▸ "_s) + tr("Unsupported part: %1").arg(type), format);
    if (expanded)
        insertCodeBlock(cursor,
            QString::fromUtf8(QJsonDocument(part.raw).toJson(QJsonDocument::Indented)).trimmed(),
            m_colors.dim);
}

void PartRenderer::renderFooter(QTextCursor &cursor, const MessageRenderInput &in) const
{
    QTextCharFormat faint;
    QFont small = m_font;
    small.setPointSizeF(std::max(6.0, m_font.pointSizeF() * 0.85));
    faint.setFont(small);
    faint.setForeground(m_colors.faint);
    if (in.role == MessageRole::Assistant && in.usage && !in.continued) {
        const QLocale locale;
        QStringList bits;
        if (in.usage->inputTokens)
            bits << tr("%1 in").arg(locale.toString(*in.usage->inputTokens));
        if (in.usage->outputTokens)
            bits << tr("%1 out").arg(locale.toString(*in.usage->outputTokens));
        if (in.usage->totalTokens)
            bits << tr("%1 total").arg(locale.toString(*in.usage->totalTokens));
        if (!bits.isEmpty()) {
            newBlock(cursor, 4);
            cursor.insertText(tr("Tokens: %1").arg(bits.join(u" · "_s)), faint);
        }
    }
    if (in.stopped) {
        newBlock(cursor, 4);
        QTextCharFormat stopped = faint;
        stopped.setForeground(m_colors.dim);
        cursor.insertText(u"■ "_s + tr("Stopped by you"), stopped);
    }
    if (!in.pending)
        return;
    newBlock(cursor, 4);
    if (in.sendError.isEmpty()) {
        cursor.insertText(tr("Sending…"), faint);
        return;
    }
    cursor.insertText(tr("Not sent: %1").arg(in.sendError) + u"  "_s, plainFormat(m_colors.error));
    cursor.insertText(tr("Retry"), linkFormat(retryHref()));
}

void PartRenderer::insertCodeBlock(
    QTextCursor &cursor, const QString &code, const QColor &color) const
{
    QString text = code;
    if (text.size() > maxBodyChars) {
        const int rest = int(text.size()) - maxBodyChars;
        text = text.left(maxBodyChars) + u"\n… "_s + tr("(%n more character(s))", nullptr, rest);
    }
    QTextBlockFormat block;
    block.setBackground(m_colors.codeBackground);
    block.setTopMargin(2);
    block.setLeftMargin(0);
    cursor.insertBlock(block);
    QTextCharFormat format;
    format.setFont(monospaceFont());
    format.setForeground(color);
    cursor.insertText(text, format);
}

} // namespace AgentDesk
