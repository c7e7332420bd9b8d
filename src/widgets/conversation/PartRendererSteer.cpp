// PartRenderer's cards for steering the agent: ask_user_question (§20.4.2), propose_plan
// (§20.4.3) and the context boundaries chat_summarized / chat_cleared (§20.6).

#include "core/api/DisplayText.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/conversation/QuestionForm.h"

#include <QJsonObject>
#include <QTextCursor>
#include <QTextFrame>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString PartRenderer::copyPlanHref(int partIndex)
{
    return u"agentdesk:copy-plan/"_s + QString::number(partIndex);
}

std::optional<int> PartRenderer::copyPlanPart(const QString &href)
{
    return partIndexAfter(href, u"agentdesk:copy-plan/");
}

QString PartRenderer::implementPlanHref(int partIndex)
{
    return u"agentdesk:implement-plan/"_s + QString::number(partIndex);
}

std::optional<int> PartRenderer::implementPlanPart(const QString &href)
{
    return partIndexAfter(href, u"agentdesk:implement-plan/");
}

bool PartRenderer::isQuestionTool(const QString &toolName)
{
    return toolName == u"ask_user_question";
}

bool PartRenderer::isPlanTool(const QString &toolName)
{
    return toolName == u"propose_plan";
}

bool PartRenderer::isBoundaryTool(const QString &toolName)
{
    return toolName == u"chat_summarized" || toolName == u"chat_cleared";
}

FileId PartRenderer::planFileOf(const MessagePart &result)
{
    return FileId::fromString(result.detail().result.toObject().value(u"file_id").toString());
}

QTextFrame *PartRenderer::insertCard(QTextCursor &cursor, int padding) const
{
    QTextFrameFormat card;
    card.setBackground(m_colors.cardBackground);
    card.setBorder(1);
    card.setBorderBrush(m_colors.cardBorder);
    card.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    card.setPadding(padding);
    card.setTopMargin(4);
    card.setBottomMargin(2);
    return cursor.insertFrame(card);
}

void PartRenderer::renderQuestionCard(
    QTextCursor &cursor, const MessagePart &part, const MessageRenderInput &in) const
{
    const QList<QuestionForm::Question> questions =
        QuestionForm::parseQuestions(part.detail().args);
    QTextFrame *frame = insertCard(cursor);
    QTextCharFormat title;
    title.setFont(m_font);
    title.setFontWeight(QFont::DemiBold);
    title.setForeground(m_colors.running);
    cursor.insertText(u"? "_s, title);
    title.setForeground(m_colors.text);
    cursor.insertText(questions.size() > 1
            ? tr("The agent asks %n questions", nullptr, int(questions.size()))
            : tr("The agent asks"),
        title);
    const QTextCharFormat text = plainFormat(m_colors.text);
    QTextCharFormat bold = text;
    bold.setFontWeight(QFont::DemiBold);
    QTextCharFormat dim = text;
    dim.setForeground(m_colors.dim);
    for (int q = 0; q < questions.size(); ++q) {
        const QuestionForm::Question &question = questions.at(q);
        newBlock(cursor, 6);
        if (questions.size() > 1)
            cursor.insertText(u"%1. "_s.arg(q + 1), bold);
        if (!question.header.isEmpty())
            cursor.insertText(question.header + u": "_s, bold);
        cursor.insertText(question.question, text);
        for (const QuestionForm::Option &option : question.options) {
            newBlock(cursor, 1);
            cursor.insertText(u"   • "_s + option.label, dim);
            if (!option.description.isEmpty())
                cursor.insertText(u" — "_s + option.description, dim);
        }
    }
    const QString answer = m_steer ? m_steer->submittedAnswer(part.detail().toolCallId) : QString();
    newBlock(cursor, 8);
    if (!answer.isEmpty()) {
        QTextCharFormat label = bold;
        label.setForeground(m_colors.success);
        cursor.insertText(tr("Submitted answer"), label);
        // One line per answer (several questions); each line made safe on its own.
        for (const QString &line : answer.split(u'\n')) {
            newBlock(cursor, 1);
            cursor.insertText(safeDisplayText(line), text);
        }
    } else if (m_steer && m_steer->isQuestionActive(part.detail().toolCallId)) {
        cursor.insertText(tr("Answer below: arrows or 1–9 choose, Enter goes on."), dim);
    } else if (!in.toolResults.contains(part.detail().toolCallId)) {
        cursor.insertText(tr("Waiting for the question…"), dim);
    } else {
        cursor.insertText(tr("Not answered."), dim);
    }
    cursor = frame->parentFrame()->lastCursorPosition();
}

void PartRenderer::renderPlanCard(
    QTextCursor &cursor, const MessagePart &part, int index, const MessageRenderInput &in) const
{
    const MessagePart result = in.toolResults.value(part.detail().toolCallId);
    QTextFrame *frame = insertCard(cursor);
    QTextCharFormat title;
    title.setFont(m_font);
    title.setFontWeight(QFont::DemiBold);
    title.setForeground(m_colors.text);
    cursor.insertText(tr("Proposed plan"), title);
    const QString path = part.detail().args.toObject().value(u"path").toString();
    const QTextCharFormat dim = plainFormat(m_colors.dim);
    if (!path.isEmpty())
        cursor.insertText(u"  "_s + safeDisplayText(path), dim);

    // The web takes the Markdown inline when the result has it, else fetches the file.
    std::optional<QString> markdown;
    const QJsonObject object = result.detail().result.toObject();
    if (object.value(u"content").isString())
        markdown = object.value(u"content").toString();
    else if (const FileId file = planFileOf(result); !file.isNull() && m_steer)
        markdown = m_steer->planText(file);
    newBlock(cursor, 6);
    if (!in.toolResults.contains(part.detail().toolCallId)) {
        cursor.insertText(tr("Writing the plan…"), dim);
    } else if (!markdown) {
        cursor.insertText(tr("Loading the plan…"), dim);
    } else if (markdown->trimmed().isEmpty()) {
        cursor.insertText(tr("The plan could not be loaded."), dim);
    } else {
        renderMarkdown(cursor, clipMarkdown(*markdown).text);
    }
    if (markdown && !markdown->trimmed().isEmpty()) {
        newBlock(cursor, 8);
        QTextCharFormat link;
        link.setFont(m_font);
        link.setForeground(m_colors.link);
        link.setAnchor(true);
        link.setAnchorHref(copyPlanHref(index));
        cursor.insertText(tr("Copy plan"), link);
        cursor.insertText(u"    "_s, dim);
        link.setAnchorHref(implementPlanHref(index));
        link.setFontWeight(QFont::DemiBold);
        cursor.insertText(tr("Implement"), link);
    }
    cursor = frame->parentFrame()->lastCursorPosition();
}

void PartRenderer::renderBoundary(
    QTextCursor &cursor, const MessagePart &part, const MessageRenderInput &in) const
{
    const bool cleared = part.detail().toolName == u"chat_cleared";
    const bool done = in.toolResults.contains(part.detail().toolCallId);
    QTextBlockFormat block;
    block.setTopMargin(6);
    block.setBottomMargin(6);
    block.setAlignment(Qt::AlignHCenter);
    if (cursor.block().length() <= 1 && cursor.atBlockStart())
        cursor.setBlockFormat(block);
    else
        cursor.insertBlock(block);
    const QTextCharFormat format = plainFormat(m_colors.dim);
    const QString rule = u"────────"_s;
    QString text;
    if (cleared)
        text = tr("Context cleared: the agent no longer sees the messages above");
    else if (done)
        text = tr("Context compacted: the agent sees a summary of the messages above");
    else
        text = tr("Compacting the context…");
    cursor.insertText(rule + u"  "_s + text + u"  "_s + rule, format);
}

} // namespace AgentDesk
