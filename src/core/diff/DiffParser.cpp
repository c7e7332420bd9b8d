#include "core/diff/DiffParser.h"

#include <QFileInfo>
#include <QtConcurrentRun>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

//! One input line: [start, start + length) of the text, without the '\n' and the '\r'.
struct LineSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    bool carriageReturn = false;
};

std::vector<LineSpan> splitLines(const QString &text)
{
    std::vector<LineSpan> lines;
    lines.reserve(size_t(text.count(u'\n')) + 1);
    qsizetype start = 0;
    const qsizetype size = text.size();
    while (start < size) {
        qsizetype end = text.indexOf(u'\n', start);
        const bool last = end < 0;
        if (last)
            end = size;
        LineSpan line{start, end - start, false};
        if (line.length > 0 && text.at(end - 1) == u'\r') {
            line.carriageReturn = true;
            --line.length;
        }
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

//! Reads a non-negative decimal at \a pos; advances it. False when there is no digit or the
//! number does not fit an int.
bool readNumber(QStringView s, qsizetype &pos, int &out)
{
    qint64 value = 0;
    const qsizetype begin = pos;
    while (pos < s.size() && s.at(pos).isDigit() && s.at(pos).unicode() < 128) {
        value = value * 10 + (s.at(pos).unicode() - u'0');
        if (value > 100'000'000)
            return false;
        ++pos;
    }
    out = int(value);
    return pos > begin;
}

//! "-a[,b]" or "+c[,d]" at \a pos. A missing count means 1 (git omits ",1").
bool readRange(QStringView s, qsizetype &pos, QChar sign, int &start, int &count)
{
    if (pos >= s.size() || s.at(pos) != sign)
        return false;
    ++pos;
    if (!readNumber(s, pos, start))
        return false;
    count = 1;
    if (pos < s.size() && s.at(pos) == u',') {
        ++pos;
        if (!readNumber(s, pos, count))
            return false;
    }
    return true;
}

bool parseHunkHeader(QStringView line, DiffHunk &hunk)
{
    if (!line.startsWith(u"@@ "))
        return false;
    qsizetype pos = 3;
    if (!readRange(line, pos, u'-', hunk.oldStart, hunk.oldCount))
        return false;
    if (pos >= line.size() || line.at(pos) != u' ')
        return false;
    ++pos;
    if (!readRange(line, pos, u'+', hunk.newStart, hunk.newCount))
        return false;
    if (!line.mid(pos).startsWith(u" @@"))
        return false;
    hunk.section = line.mid(pos + 3).trimmed().toString();
    return true;
}

//! Decodes a C-quoted git path starting at \a pos (on the opening quote). Advances past the
//! closing quote; an unterminated quote takes the rest of the line.
QString readQuoted(QStringView s, qsizetype &pos)
{
    QByteArray bytes;
    ++pos; // opening quote
    while (pos < s.size()) {
        const QChar c = s.at(pos);
        if (c == u'"') {
            ++pos;
            break;
        }
        if (c != u'\\' || pos + 1 >= s.size()) {
            bytes += QString(c).toUtf8();
            ++pos;
            continue;
        }
        const QChar e = s.at(pos + 1);
        pos += 2;
        switch (e.unicode()) {
        case u'n':
            bytes += '\n';
            break;
        case u't':
            bytes += '\t';
            break;
        case u'r':
            bytes += '\r';
            break;
        case u'a':
            bytes += '\a';
            break;
        case u'b':
            bytes += '\b';
            break;
        case u'f':
            bytes += '\f';
            break;
        case u'v':
            bytes += '\v';
            break;
        case u'\\':
            bytes += '\\';
            break;
        case u'"':
            bytes += '"';
            break;
        default:
            if (e >= u'0' && e <= u'7') {
                // Git writes every non-ASCII byte as three octal digits.
                int value = e.unicode() - u'0';
                for (int i = 0; i < 2 && pos < s.size() && s.at(pos) >= u'0' && s.at(pos) <= u'7';
                     ++i, ++pos) {
                    value = value * 8 + (s.at(pos).unicode() - u'0');
                }
                bytes += char(value & 0xff);
            } else {
                bytes += QString(e).toUtf8();
            }
        }
    }
    return QString::fromUtf8(bytes);
}

QString stripGitPrefix(const QString &path)
{
    if (path.size() > 2 && (path.startsWith(u"a/") || path.startsWith(u"b/")))
        return path.mid(2);
    return path;
}

//! The two paths of "diff --git A B" (prefixes kept).
std::pair<QString, QString> splitGitHeaderPaths(QStringView rest)
{
    if (rest.startsWith(u'"')) {
        qsizetype pos = 0;
        QString first = readQuoted(rest, pos);
        while (pos < rest.size() && rest.at(pos) == u' ')
            ++pos;
        QString second;
        if (pos < rest.size() && rest.at(pos) == u'"')
            second = readQuoted(rest, pos);
        else
            second = rest.mid(pos).toString();
        return {first, second};
    }
    const qsizetype quoted = rest.indexOf(u" \"");
    if (quoted > 0) {
        qsizetype pos = quoted + 1;
        return {rest.left(quoted).toString(), readQuoted(rest, pos)};
    }
    // "a/P b/P": with spaces in P the only safe split is the one where both halves agree.
    if ((rest.size() - 1) % 2 == 0) {
        const qsizetype mid = (rest.size() - 1) / 2;
        if (rest.at(mid) == u' ' && rest.left(mid).mid(2) == rest.mid(mid + 1).mid(2))
            return {rest.left(mid).toString(), rest.mid(mid + 1).toString()};
    }
    qsizetype split = rest.indexOf(u" b/");
    if (split < 0)
        split = rest.indexOf(u' ');
    if (split < 0)
        return {rest.toString(), rest.toString()};
    return {rest.left(split).toString(), rest.mid(split + 1).toString()};
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

//! Sets the intra-line change ranges of one removed line and the added line it pairs with.
void markChange(const QString &text, DiffLine &removed, DiffLine &added)
{
    const QStringView a = QStringView(text).mid(removed.textOffset, removed.textLength);
    const QStringView b = QStringView(text).mid(added.textOffset, added.textLength);
    const qsizetype shorter = std::min(a.size(), b.size());
    qsizetype prefix = 0;
    while (prefix < shorter && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    // Whole words read better than "1" → "12" highlighting half a number.
    auto wordAt = [](QStringView s, qsizetype i) {
        return i >= 0 && i < s.size() && isWordChar(s.at(i));
    };
    while (prefix > 0 && wordAt(a, prefix - 1) && (wordAt(a, prefix) || wordAt(b, prefix)))
        --prefix;
    while (suffix > 0 && wordAt(a, a.size() - suffix)
        && (wordAt(a, a.size() - suffix - 1) || wordAt(b, b.size() - suffix - 1))) {
        --suffix;
    }
    // When almost nothing is shared, the line background already says everything.
    if ((prefix + suffix) * 5 < shorter || prefix + suffix == 0)
        return;
    const qsizetype aLength = a.size() - prefix - suffix;
    const qsizetype bLength = b.size() - prefix - suffix;
    if (aLength > 0) {
        removed.changeStart = int(prefix);
        removed.changeLength = int(aLength);
    }
    if (bLength > 0) {
        added.changeStart = int(prefix);
        added.changeLength = int(bLength);
    }
}

//! Pairs runs of removed lines with the added lines that follow them, in order.
void computeIntraLine(const QString &text, DiffHunk &hunk)
{
    QList<DiffLine> &lines = hunk.lines;
    qsizetype i = 0;
    const qsizetype n = lines.size();
    while (i < n) {
        if (lines.at(i).kind != DiffLineKind::Remove) {
            ++i;
            continue;
        }
        std::vector<qsizetype> removes;
        while (i < n
            && (lines.at(i).kind == DiffLineKind::Remove
                || lines.at(i).kind == DiffLineKind::NoNewline)) {
            if (lines.at(i).kind == DiffLineKind::Remove)
                removes.push_back(i);
            ++i;
        }
        size_t paired = 0;
        while (i < n
            && (lines.at(i).kind == DiffLineKind::Add
                || lines.at(i).kind == DiffLineKind::NoNewline)) {
            if (lines.at(i).kind == DiffLineKind::Add && paired < removes.size())
                markChange(text, lines[removes[paired++]], lines[i]);
            ++i;
        }
    }
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_lines(splitLines(text))
    {
        m_diff.text = text;
    }

    ParsedDiff run()
    {
        for (m_index = 0; m_index < m_lines.size(); ++m_index)
            handleLine();
        finishFile();
        return std::move(m_diff);
    }

private:
    QStringView lineAt(size_t i) const
    {
        const LineSpan &span = m_lines[i];
        return QStringView(m_diff.text).mid(span.start, span.length);
    }

    bool inHunkBody() const { return m_hunk && (m_remainingOld > 0 || m_remainingNew > 0); }

    void handleLine()
    {
        const QStringView line = lineAt(m_index);
        if (inHunkBody() && handleHunkLine(line))
            return;
        m_hunk = nullptr;
        if (line.startsWith(u'\\') && m_lastHunk && m_lastHunkLineKind) {
            // The marker may follow the last line of a hunk, after the counts are used up.
            appendMarker(*m_lastHunk, line);
            return;
        }
        m_lastHunk = nullptr;
        if (line.startsWith(u"diff --git ")) {
            startFile();
            const auto [a, b] = splitGitHeaderPaths(line.mid(11));
            m_file->oldPath = stripGitPrefix(a);
            m_file->newPath = stripGitPrefix(b);
            m_inBinaryPatch = false;
            return;
        }
        if (m_inBinaryPatch)
            return; // base85 payload of "GIT binary patch"
        if (line.startsWith(u"@@ ") && m_file) {
            DiffHunk hunk;
            if (!parseHunkHeader(line, hunk)) {
                ++m_diff.skippedLines;
                return;
            }
            m_file->hunks.append(std::move(hunk));
            m_hunk = &m_file->hunks.last();
            m_remainingOld = m_hunk->oldCount;
            m_remainingNew = m_hunk->newCount;
            m_oldLine = m_hunk->oldStart;
            m_newLine = m_hunk->newStart;
            m_lastHunkLineKind = false;
            return;
        }
        // A plain unified diff (no "diff --git") starts with "--- " directly followed by "+++ ".
        if (line.startsWith(u"--- ") && m_index + 1 < m_lines.size()
            && lineAt(m_index + 1).startsWith(u"+++ ")
            && (!m_file || !m_file->hunks.isEmpty() || m_sawFileLines)) {
            startFile();
        }
        if (m_file && handleHeaderLine(line))
            return;
        if (!line.trimmed().isEmpty())
            ++m_diff.skippedLines;
    }

    //! False when the line does not belong to the hunk (truncated hunk): the caller then
    //! treats it as a header line.
    bool handleHunkLine(QStringView line)
    {
        const QChar marker = line.isEmpty() ? u' ' : line.at(0);
        if (marker == u'\\') {
            appendMarker(*m_hunk, line);
            return true;
        }
        DiffLine entry;
        if (marker == u' ')
            entry.kind = DiffLineKind::Context;
        else if (marker == u'-')
            entry.kind = DiffLineKind::Remove;
        else if (marker == u'+')
            entry.kind = DiffLineKind::Add;
        else
            return false;
        // A context line counts on both sides, a removed line on the old, an added on the new.
        const bool onOld = entry.kind != DiffLineKind::Add;
        const bool onNew = entry.kind != DiffLineKind::Remove;
        if ((onOld && m_remainingOld <= 0) || (onNew && m_remainingNew <= 0))
            return false;
        if (onOld) {
            entry.oldLine = m_oldLine++;
            --m_remainingOld;
        }
        if (onNew) {
            entry.newLine = m_newLine++;
            --m_remainingNew;
        }
        if (!onNew)
            ++m_file->deletions;
        if (!onOld)
            ++m_file->additions;
        const LineSpan &span = m_lines[m_index];
        entry.hadCarriageReturn = span.carriageReturn;
        entry.textOffset = line.isEmpty() ? span.start : span.start + 1;
        entry.textLength = int(std::max<qsizetype>(0, span.length - 1));
        m_hunk->lines.append(entry);
        m_lastHunk = m_hunk;
        m_lastHunkLineKind = true;
        m_sawFileLines = true;
        return true;
    }

    void appendMarker(DiffHunk &hunk, QStringView line)
    {
        DiffLine marker;
        marker.kind = DiffLineKind::NoNewline;
        const LineSpan &span = m_lines[m_index];
        marker.hadCarriageReturn = span.carriageReturn;
        // Text without the backslash and its space: "No newline at end of file".
        const qsizetype skip = line.startsWith(u"\\ ") ? 2 : 1;
        marker.textOffset = span.start + skip;
        marker.textLength = int(std::max<qsizetype>(0, span.length - skip));
        const DiffLineKind before =
            hunk.lines.isEmpty() ? DiffLineKind::Context : hunk.lines.last().kind;
        if (before == DiffLineKind::Remove || before == DiffLineKind::Context)
            m_file->oldMissingNewline = true;
        if (before == DiffLineKind::Add || before == DiffLineKind::Context)
            m_file->newMissingNewline = true;
        hunk.lines.append(marker);
        m_lastHunkLineKind = false; // one marker per line
    }

    //! "rename from/to" and "copy from/to": one side's path, given without a/ or b/.
    bool handleRenameOrCopy(QStringView line)
    {
        struct PathHeader
        {
            QStringView prefix;
            bool Parser::*flag;
            QString DiffFile::*path;
        };
        static constexpr PathHeader headers[] = {
            {u"rename from ", &Parser::m_renamed, &DiffFile::oldPath},
            {u"rename to ", &Parser::m_renamed, &DiffFile::newPath},
            {u"copy from ", &Parser::m_copied, &DiffFile::oldPath},
            {u"copy to ", &Parser::m_copied, &DiffFile::newPath},
        };
        for (const PathHeader &header : headers) {
            if (line.startsWith(header.prefix)) {
                this->*header.flag = true;
                m_file->*header.path =
                    DiffParser::decodePath(line.mid(header.prefix.size()), false);
                return true;
            }
        }
        return false;
    }

    bool handleHeaderLine(QStringView line)
    {
        auto value = [&](QStringView key) {
            return line.mid(key.size()).trimmed();
        };
        if (handleRenameOrCopy(line))
            return true;
        if (line.startsWith(u"old mode ")) {
            m_file->oldMode = value(u"old mode ").toString();
        } else if (line.startsWith(u"new mode ")) {
            m_file->newMode = value(u"new mode ").toString();
        } else if (line.startsWith(u"deleted file mode ")) {
            m_deleted = true;
            m_file->oldMode = value(u"deleted file mode ").toString();
        } else if (line.startsWith(u"new file mode ")) {
            m_added = true;
            m_file->newMode = value(u"new file mode ").toString();
        } else if (line.startsWith(u"similarity index ")) {
            QStringView number = value(u"similarity index ");
            if (number.endsWith(u'%'))
                number.chop(1);
            bool ok = false;
            const int similarity = number.toInt(&ok);
            if (ok && similarity >= 0 && similarity <= 100)
                m_file->renameSimilarity = similarity;
        } else if (line.startsWith(u"dissimilarity index ")) {
            // Only meaningful for rewrites; nothing to show.
        } else if (line.startsWith(u"index ")) {
            // "index abc..def 100644": the mode is the same on both sides.
            const QStringView rest = value(u"index ");
            const qsizetype space = rest.indexOf(u' ');
            if (space > 0 && m_file->oldMode.isEmpty() && m_file->newMode.isEmpty()) {
                m_file->oldMode = rest.mid(space + 1).toString();
                m_file->newMode = m_file->oldMode;
            }
        } else if (line.startsWith(u"Binary files ") && line.endsWith(u" differ")) {
            m_file->isBinary = true;
            const QStringView paths = line.mid(13).chopped(7);
            const qsizetype and_ = paths.indexOf(u" and ");
            if (and_ > 0) {
                if (paths.left(and_) == u"/dev/null")
                    m_added = true;
                if (paths.mid(and_ + 5) == u"/dev/null")
                    m_deleted = true;
            }
        } else if (line == u"GIT binary patch") {
            m_file->isBinary = true;
            m_inBinaryPatch = true;
        } else if (line.startsWith(u"--- ") || line.startsWith(u"+++ ")) {
            // "--- a/path" names the old side, "+++ b/path" the new; /dev/null: added, deleted.
            const bool oldSide = line.startsWith(u"--- ");
            const QString path = DiffParser::decodePath(line.mid(4));
            if (path.isEmpty())
                (oldSide ? m_added : m_deleted) = true;
            else if (!m_renamed && !m_copied)
                (oldSide ? m_file->oldPath : m_file->newPath) = path;
        } else {
            return false;
        }
        return true;
    }

    void startFile()
    {
        finishFile();
        m_diff.files.append(DiffFile{});
        m_file = &m_diff.files.last();
        m_hunk = nullptr;
        m_lastHunk = nullptr;
        m_added = m_deleted = m_renamed = m_copied = false;
        m_sawFileLines = false;
    }

    void finishFile()
    {
        if (!m_file)
            return;
        if (m_renamed)
            m_file->status = DiffFileStatus::Renamed;
        else if (m_copied)
            m_file->status = DiffFileStatus::Copied;
        else if (m_added)
            m_file->status = DiffFileStatus::Added;
        else if (m_deleted)
            m_file->status = DiffFileStatus::Deleted;
        else if (m_file->isBinary)
            m_file->status = DiffFileStatus::Binary;
        if (m_file->status == DiffFileStatus::Added)
            m_file->oldPath.clear();
        if (m_file->status == DiffFileStatus::Deleted)
            m_file->newPath.clear();
        for (DiffHunk &hunk : m_file->hunks) {
            computeIntraLine(m_diff.text, hunk);
            m_diff.lineCount += int(hunk.lines.size());
        }
        m_diff.additions += m_file->additions;
        m_diff.deletions += m_file->deletions;
        // Drop a "file" made only of noise (a stray "--- x" pair without anything else).
        if (m_file->oldPath.isEmpty() && m_file->newPath.isEmpty() && m_file->hunks.isEmpty())
            m_diff.files.removeLast();
        m_file = nullptr;
        m_hunk = nullptr;
        m_lastHunk = nullptr;
    }

    std::vector<LineSpan> m_lines;
    size_t m_index = 0;
    ParsedDiff m_diff;
    // Pointers into m_diff.files: stable, because a file is only appended after the previous
    // one is finished and no pointer is kept across files.
    DiffFile *m_file = nullptr;
    DiffHunk *m_hunk = nullptr;
    DiffHunk *m_lastHunk = nullptr;
    bool m_lastHunkLineKind = false;
    int m_remainingOld = 0;
    int m_remainingNew = 0;
    int m_oldLine = 0;
    int m_newLine = 0;
    bool m_added = false;
    bool m_deleted = false;
    bool m_renamed = false;
    bool m_copied = false;
    bool m_inBinaryPatch = false;
    bool m_sawFileLines = false;
};

} // namespace

ParsedDiff DiffParser::parse(const QString &text)
{
    return Parser(text).run();
}

QFuture<ParsedDiff> DiffParser::parseAsync(const QString &text)
{
    return QtConcurrent::run([text] { return DiffParser::parse(text); });
}

bool DiffParser::isLarge(const QString &text)
{
    return text.count(u'\n') > asyncThresholdLines;
}

QString DiffParser::decodePath(QStringView raw, bool stripPrefix)
{
    raw = raw.trimmed();
    QString path;
    if (raw.startsWith(u'"')) {
        qsizetype pos = 0;
        path = readQuoted(raw, pos);
    } else {
        // Git ends a name that contains a space with a tab; plain diffs put a date there.
        const qsizetype tab = raw.indexOf(u'\t');
        path = (tab >= 0 ? raw.left(tab) : raw).toString();
    }
    if (path == u"/dev/null")
        return {};
    return stripPrefix ? stripGitPrefix(path) : path;
}

DiffLanguage DiffParser::languageForPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString name = path.mid(slash + 1).toLower();
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString ext = dot >= 0 ? name.mid(dot + 1) : QString();
    static const struct
    {
        QStringView ext;
        DiffLanguage language;
    } table[] = {
        {u"c", DiffLanguage::Cpp},
        {u"h", DiffLanguage::Cpp},
        {u"cc", DiffLanguage::Cpp},
        {u"cpp", DiffLanguage::Cpp},
        {u"cxx", DiffLanguage::Cpp},
        {u"hh", DiffLanguage::Cpp},
        {u"hpp", DiffLanguage::Cpp},
        {u"hxx", DiffLanguage::Cpp},
        {u"go", DiffLanguage::Go},
        {u"py", DiffLanguage::Python},
        {u"pyi", DiffLanguage::Python},
        {u"js", DiffLanguage::JavaScript},
        {u"mjs", DiffLanguage::JavaScript},
        {u"cjs", DiffLanguage::JavaScript},
        {u"jsx", DiffLanguage::JavaScript},
        {u"ts", DiffLanguage::JavaScript},
        {u"tsx", DiffLanguage::JavaScript},
        {u"mts", DiffLanguage::JavaScript},
        {u"rs", DiffLanguage::Rust},
        {u"json", DiffLanguage::Json},
        {u"jsonc", DiffLanguage::Json},
        {u"sh", DiffLanguage::Shell},
        {u"bash", DiffLanguage::Shell},
        {u"zsh", DiffLanguage::Shell},
    };
    for (const auto &entry : table) {
        if (entry.ext == ext)
            return entry.language;
    }
    if (name == u"makefile" || name == u"dockerfile" || name == u".bashrc" || name == u".profile")
        return DiffLanguage::Shell;
    return DiffLanguage::None;
}

} // namespace AgentDesk
