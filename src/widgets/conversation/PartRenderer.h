#pragma once

#include "core/api/ApiTypes.h"
#include "models/MessageListModel.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>
#include <QSet>
#include <QTextDocument>
#include <QUrl>

#include <optional>

class QModelIndex;
class QTextCharFormat;
class QTextCursor;
class QTextFrame;

namespace AgentDesk {

//! A document that never loads anything from outside: images and other resources come only from
//! what PartRenderer added with addResource(). Markdown from a model may name http images; a
//! desktop client must not fetch them behind the user's back (tracking pixels, leaks).
class MessageDocument final : public QTextDocument
{
    Q_OBJECT

public:
    explicit MessageDocument(QObject *parent = nullptr);

    //! How often layout asked for a resource that was not bundled (and got nothing).
    int blockedResourceRequests() const { return m_blocked; }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    int m_blocked = 0;
};

//! Everything PartRenderer needs to know about one row, copied out of the model's roles.
struct MessageRenderInput
{
    MessageRole role = MessageRole::Unknown;
    QList<MessagePart> parts;
    MessageListModel::ToolResults toolResults;
    MessageListModel::ToolStates toolStates;
    std::optional<MessageUsage> usage;
    QDateTime createdAt;
    bool streaming = false;
    bool pending = false;
    QString sendError;
    bool stopped = false;       //!< The user stopped the turn this answer belongs to.
    bool continuesTurn = false; //!< A later step of the turn above: no "Agent · time" header.
    bool continued = false;     //!< The turn goes on below: its footer comes with the last step.
    QSet<int> expandedParts; //!< Part indices the user expanded (reasoning, tool cards, unknown).

    static MessageRenderInput fromIndex(const QModelIndex &index);
};

//! What the cards of §20.4 and §20.6 need to know beyond their row: whether a question was
//! answered (the next user message) or is open now, and the text of a proposed plan (a chat
//! file fetched by id). SteerController implements it; null renders plain cards.
class SteerSource
{
public:
    virtual ~SteerSource() = default;
    //! The user message that answered the ask_user_question call, or empty.
    virtual QString submittedAnswer(const QString &toolCallId) const = 0;
    //! The form for this call is open under its card now.
    virtual bool isQuestionActive(const QString &toolCallId) const = 0;
    //! The plan's Markdown once fetched; nullopt while loading (a fetch starts), empty string
    //! when it could not be loaded.
    virtual std::optional<QString> planText(const FileId &fileId) const = 0;
};

//! Turns a message's parts into the blocks of one QTextDocument (design.md c.7): Markdown text,
//! collapsed reasoning, tool cards, file chips, sources, references, usage footer. The document
//! is width-independent, so a resize only needs setTextWidth(). Interactive spots are anchors
//! with an `agentdesk:` href that the delegate hit-tests (see toggleHref, retryHref).
class ThumbnailProvider;

class PartRenderer final
{
    Q_DECLARE_TR_FUNCTIONS(AgentDesk::PartRenderer)

public:
    //! Caps on what one text part may put into a row, so that laying a row out stays cheap
    //! whatever arrives (issue 11: a 50 MB part froze the window). What is left out stays one
    //! click away: "Show all (50 MB)" opens the whole text in a PlainTextViewer.
    static constexpr int maxMarkdownChars = 24000; //!< Several screenfuls.
    static constexpr int maxMarkdownLines = 300;   //!< 300 code lines import in ~10 ms.
    //! Qt's Markdown import is quadratic in the soft breaks of one paragraph (120 lines: 14 ms,
    //! 400: 90 ms), so a longer run of lines is split into paragraphs of this many.
    static constexpr int maxParagraphLines = 40;
    static constexpr int maxLineChars = 2000; //!< Longer lines are cut with "…".
    static constexpr int maxTableRows = 50;   //!< Body rows per Markdown table (~10 ms).
    //! Input looked at when clipping: rows dropped past a table cap are counted up to here.
    static constexpr qsizetype maxScanChars = 2 * 1000 * 1000;
    //! Texts up to this size are converted to plain text for copying; larger ones are copied
    //! as they are (parsing them would freeze the window).
    static constexpr qsizetype maxPlainTextChars = 1000 * 1000;

    struct ClippedText
    {
        QString text;
        bool clipped = false; //!< Something of the input was left out or cut.
    };
    //! The beginning of `markdown` within the caps above, with tables cut to maxTableRows and a
    //! line saying how many rows were left out, and runs of more than maxParagraphLines lines
    //! split by a blank line; `markdown` itself when none of this applies.
    static ClippedText clipMarkdown(const QString &markdown);
    //! The same for plain text (reasoning): a cut at maxMarkdownChars characters.
    static ClippedText clipPlain(const QString &text);

    PartRenderer();

    //! Colours come from the palette (dark themes work); call again when it changes.
    void setPalette(const QPalette &palette);
    void setFont(const QFont &font);
    const QPalette &palette() const { return m_palette; }

    //! Replaces `document`'s content with the rendering of `input`.
    void render(QTextDocument &document, const MessageRenderInput &input) const;

    static QString toggleHref(int partIndex);
    //! The part index of a toggle anchor, or nullopt for any other href.
    static std::optional<int> toggledPart(const QString &href);
    static QString retryHref();
    //! The href of a shortened part's "Show all" link, and back to its part index.
    static QString showAllHref(int partIndex);
    static std::optional<int> showAllPart(const QString &href);
    //! The href of a file part's thumbnail, and back.
    static QString fileImageHref(const FileId &id);
    static std::optional<FileId> fileImageOf(const QString &href);
    //! The href of an inline (base64 `data`) image, and back to its part index.
    static QString inlineImageHref(int partIndex);
    static std::optional<int> inlineImageOf(const QString &href);
    //! §20.4.3 plan cards: "Copy plan" and "Implement" links, and back to the part index.
    static QString copyPlanHref(int partIndex);
    static std::optional<int> copyPlanPart(const QString &href);
    static QString implementPlanHref(int partIndex);
    static std::optional<int> implementPlanPart(const QString &href);
    //! §20.4.2 and §20.6: the tools drawn as cards of their own, and the context boundaries.
    static bool isQuestionTool(const QString &toolName);
    static bool isPlanTool(const QString &toolName);
    static bool isBoundaryTool(const QString &toolName);
    //! The plan file of a propose_plan result ({"file_id"}); null when absent.
    static FileId planFileOf(const MessagePart &result);
    void setSteer(const SteerSource *steer) { m_steer = steer; }
    //! Where file parts with a file_id get their thumbnails; null shows chips only.
    void setThumbnails(ThumbnailProvider *thumbnails) { m_thumbnails = thumbnails; }
    //! Who wrote the user messages, shown in their header; empty = "You" (a chat shared with
    //! the user shows its owner's name, §20.3).
    void setUserName(const QString &name) { m_userName = name; }
    //! Markdown of the text parts as the user would copy it.
    static QString markdownText(const QList<MessagePart> &parts);
    //! The text parts rendered to plain text (Markdown syntax removed).
    static QString plainText(const QList<MessagePart> &parts);
    //! One line saying what a tool call does, e.g. "go test ./... (ran: go)".
    static QString toolSummary(const MessagePart &call);
    //! Markdown images become links: nothing is ever fetched, the alt text stays readable.
    static QString neutralizeImages(const QString &markdown);

private:
    struct Colors
    {
        QColor text;
        QColor dim;
        QColor faint;
        QColor codeBackground;
        QColor cardBackground;
        QColor cardBorder;
        QColor userBackground;
        QColor error;
        QColor success;
        QColor running;
        QColor link;
    };

    //! The number after `prefix` in `href`, or nullopt when `href` is not such a link.
    static std::optional<int> partIndexAfter(const QString &href, QStringView prefix);
    //! How a tool call's state shows in its card's title: glyph, word and colour.
    struct ToolStateLook
    {
        QString glyph;
        QString text;
        QColor color;
    };

    //! The part at `index`, but not sources (render() draws them as one list); false when the
    //! part shows nothing (an empty text, a result folded into its call's card).
    bool renderPart(QTextCursor &cursor, QTextDocument &document, const MessageRenderInput &in,
        int index) const;
    //! A tool result that is shown in the card of its call in the same row.
    static bool isFoldedIntoCall(const MessagePart &result, const MessageRenderInput &in);
    QTextFrame *insertUserBubble(QTextCursor &cursor) const;
    //! "Working…" while nothing is visible yet, then the live cursor of a streaming row.
    void renderStreamingTail(QTextCursor &cursor, bool streaming, bool anyVisible) const;
    //! The row's font in `color`, and an underlined link to `href`.
    QTextCharFormat plainFormat(const QColor &color) const;
    QTextCharFormat linkFormat(const QString &href) const;
    void renderHeader(QTextCursor &cursor, const MessageRenderInput &input) const;
    void renderMarkdown(QTextCursor &cursor, const QString &markdown) const;
    //! Gives Markdown tables collapsed hairline borders; only after the edit block ends.
    void styleTables(QTextDocument &document) const;
    void renderReasoning(QTextCursor &cursor, const MessagePart &part, int index,
        const MessageRenderInput &in) const;
    void renderToolCall(QTextCursor &cursor, const MessagePart &part, int index,
        const MessageRenderInput &in) const;
    ToolStateLook toolStateLook(MessageListModel::ToolCallState state) const;
    void renderToolCallTitle(QTextCursor &cursor, const MessagePart &part, int index,
        const ToolStateLook &look, bool expanded) const;
    void renderToolCallDetails(QTextCursor &cursor, const MessagePart &part,
        const MessagePart &result, MessageListModel::ToolCallState state) const;
    //! A result's text: its "output" (with the exit code) or its JSON, else what streamed.
    static QString toolOutput(const MessagePart &result);
    void renderOrphanResult(QTextCursor &cursor, const MessagePart &part) const;
    // PartRendererSteer.cpp
    void renderQuestionCard(
        QTextCursor &cursor, const MessagePart &part, const MessageRenderInput &in) const;
    void renderPlanCard(QTextCursor &cursor, const MessagePart &part, int index,
        const MessageRenderInput &in) const;
    void renderBoundary(
        QTextCursor &cursor, const MessagePart &part, const MessageRenderInput &in) const;
    QTextFrame *insertCard(QTextCursor &cursor, int padding = 8) const;
    void renderSources(QTextCursor &cursor, const QList<MessagePart> &sources) const;
    void renderFile(
        QTextCursor &cursor, QTextDocument &document, const MessagePart &part, int index) const;
    void renderFileReference(QTextCursor &cursor, const MessagePart &part) const;
    void renderChip(QTextCursor &cursor, const QString &text) const;
    void renderUnknown(QTextCursor &cursor, const MessagePart &part, int index,
        const MessageRenderInput &in) const;
    void renderFooter(QTextCursor &cursor, const MessageRenderInput &input) const;
    void insertCodeBlock(QTextCursor &cursor, const QString &code, const QColor &color) const;
    void newBlock(QTextCursor &cursor, int topMargin = 4) const;
    //! "Only the beginning is shown. Show all (50 MB)" under a shortened part.
    void renderShowAll(QTextCursor &cursor, int index, qsizetype chars, bool streaming) const;

    void insertThumbnail(QTextCursor &cursor, QTextDocument &document, const QImage &image,
        const QString &href) const;

    QPalette m_palette;
    QFont m_font;
    Colors m_colors;
    ThumbnailProvider *m_thumbnails = nullptr;
    QString m_userName;
    const SteerSource *m_steer = nullptr;
};

} // namespace AgentDesk
