#pragma once

#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

namespace AgentDesk {

//! What one line of a hunk is.
enum class DiffLineKind : quint8 {
    Context,
    Add,
    Remove,
    NoNewline, //!< "\ No newline at end of file", about the line before it.
};

//! What happened to a file. A binary file that was only modified is Binary; a binary file that
//! was added, deleted, renamed or copied keeps that status and has DiffFile::isBinary set.
enum class DiffFileStatus : quint8 {
    Modified,
    Added,
    Deleted,
    Renamed,
    Copied,
    Binary,
};

//! The language of a file, from its extension, for per-line syntax colouring.
enum class DiffLanguage : quint8 {
    None,
    Cpp,
    Go,
    Python,
    JavaScript, //!< Also TypeScript, JSX and TSX.
    Rust,
    Json,
    Shell,
};

//! One line of a hunk. The text is not copied out of the diff: it is a range of
//! ParsedDiff::text, read with ParsedDiff::lineText(). That keeps a 50,000-line diff at one
//! string plus 32 bytes a line.
struct DiffLine
{
    qsizetype textOffset = 0; //!< Into ParsedDiff::text, after the +/-/space marker.
    int textLength = 0;
    int oldLine = 0; //!< 1-based; 0 when the line is not on the old side.
    int newLine = 0; //!< 1-based; 0 when the line is not on the new side.
    //! Intra-line change [start, start + length) in this line's text, for a remove paired with
    //! an add; -1 when there is none (unpaired, or the whole line differs).
    int changeStart = -1;
    int changeLength = 0;
    DiffLineKind kind = DiffLineKind::Context;
    bool hadCarriageReturn = false; //!< The line ended in CRLF; the \r is not part of the text.
};

//! One "@@ -a,b +c,d @@ section" block.
struct DiffHunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QString section; //!< The text after the second "@@" (often the enclosing function).
    QList<DiffLine> lines;
};

//! One file of a `diff --git` text.
struct DiffFile
{
    QString oldPath; //!< Without the a/ prefix; empty for an added file.
    QString newPath; //!< Without the b/ prefix; empty for a deleted file.
    DiffFileStatus status = DiffFileStatus::Modified;
    bool isBinary = false;
    int renameSimilarity = -1; //!< "similarity index N%", -1 when absent.
    QString oldMode;           //!< e.g. 100644, when the header names it.
    QString newMode;
    int additions = 0;
    int deletions = 0;
    bool oldMissingNewline = false; //!< The old side ends without a newline.
    bool newMissingNewline = false;
    QList<DiffHunk> hunks;

    //! The path to show: the new one, or the old one for a deleted file.
    QString displayPath() const { return newPath.isEmpty() ? oldPath : newPath; }
    bool isModeChangeOnly() const
    {
        return hunks.isEmpty() && !isBinary && !oldMode.isEmpty() && !newMode.isEmpty()
            && oldMode != newMode;
    }
};

//! A whole parsed diff. Cheap to copy (implicitly shared members).
struct ParsedDiff
{
    QString text; //!< The diff as given; DiffLine offsets point into it.
    QList<DiffFile> files;
    int additions = 0;
    int deletions = 0;
    int lineCount = 0;    //!< Hunk lines over all files (context, +, −, markers).
    int skippedLines = 0; //!< Input lines that could not be placed (garbage, stray text).

    QStringView lineText(const DiffLine &line) const
    {
        return QStringView(text).mid(line.textOffset, line.textLength);
    }
    bool isEmpty() const noexcept { return files.isEmpty(); }
};

//! Turns unified `diff --git` text into DiffFile → DiffHunk → DiffLine (design.md c.7).
//!
//! Pure data, no QObject. Tolerant: garbage, truncated hunks and unknown header lines are
//! skipped and counted, never asserted on. Intra-line change ranges are computed for runs of
//! removed lines followed by added lines (paired in order; common prefix and suffix).
class DiffParser final
{
public:
    //! Above this many lines, callers should use parseAsync (a few ms per thousand lines).
    static constexpr int asyncThresholdLines = 4000;

    //! Parses on the calling thread.
    static ParsedDiff parse(const QString &text);
    //! Parses on the global thread pool. Use QFuture::then(context, …) or a QFutureWatcher
    //! parented to the requester to receive the result on the GUI thread.
    static QFuture<ParsedDiff> parseAsync(const QString &text);
    //! True when \a text has more than asyncThresholdLines lines.
    static bool isLarge(const QString &text);

    //! Decodes a git path as written in a header: C-quoted ("a/x\tb") or plain; strips the
    //! a/ or b/ prefix when \a stripPrefix. "/dev/null" gives an empty string.
    static QString decodePath(QStringView raw, bool stripPrefix = true);
    static DiffLanguage languageForPath(const QString &path);
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::ParsedDiff)
