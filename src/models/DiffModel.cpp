#include "models/DiffModel.h"

#include "models/RoleNames.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

DiffModel::RowKind rowKindFor(DiffLineKind kind)
{
    switch (kind) {
    case DiffLineKind::Add:
        return DiffModel::RowKind::Add;
    case DiffLineKind::Remove:
        return DiffModel::RowKind::Remove;
    case DiffLineKind::NoNewline:
        return DiffModel::RowKind::NoNewline;
    case DiffLineKind::Context:
        break;
    }
    return DiffModel::RowKind::Context;
}

//! First entry of sorted \a rows strictly greater than \a row; -1 if none.
int after(const std::vector<int> &rows, int row)
{
    const auto it = std::upper_bound(rows.begin(), rows.end(), row);
    return it == rows.end() ? -1 : *it;
}

//! Last entry of sorted \a rows strictly less than \a row; -1 if none.
int before(const std::vector<int> &rows, int row)
{
    const auto it = std::lower_bound(rows.begin(), rows.end(), row);
    return it == rows.begin() ? -1 : *(it - 1);
}

} // namespace

DiffModel::DiffModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void DiffModel::setDiff(ParsedDiff diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    m_rows.clear();
    m_fileRows.clear();
    m_hunkRows.clear();
    m_languages.clear();
    size_t rows = 0;
    for (const DiffFile &file : std::as_const(m_diff.files))
        rows += 1 + size_t(file.hunks.size());
    rows += size_t(m_diff.lineCount);
    m_rows.reserve(rows);
    m_fileRows.reserve(size_t(m_diff.files.size()));
    m_languages.reserve(size_t(m_diff.files.size()));
    for (qint32 f = 0; f < qint32(m_diff.files.size()); ++f) {
        const DiffFile &file = m_diff.files.at(f);
        m_languages.push_back(DiffParser::languageForPath(file.displayPath()));
        m_fileRows.push_back(int(m_rows.size()));
        m_rows.push_back(Row{f, -1, -1, RowKind::FileHeader});
        for (qint32 h = 0; h < qint32(file.hunks.size()); ++h) {
            m_hunkRows.push_back(int(m_rows.size()));
            m_rows.push_back(Row{f, h, -1, RowKind::HunkHeader});
            const QList<DiffLine> &lines = file.hunks.at(h).lines;
            for (qint32 l = 0; l < qint32(lines.size()); ++l)
                m_rows.push_back(Row{f, h, l, rowKindFor(lines.at(l).kind)});
        }
    }
    endResetModel();
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

const DiffLine *DiffModel::lineAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || m_rows[size_t(row)].line < 0)
        return nullptr;
    const Row &r = m_rows[size_t(row)];
    return &m_diff.files.at(r.file).hunks.at(r.hunk).lines.at(r.line);
}

QStringView DiffModel::textAt(int row) const
{
    const DiffLine *line = lineAt(row);
    return line ? m_diff.lineText(*line) : QStringView();
}

QString DiffModel::hunkHeaderText(const DiffHunk &hunk) const
{
    QString text = u"@@ -%1,%2 +%3,%4 @@"_s.arg(hunk.oldStart)
                       .arg(hunk.oldCount)
                       .arg(hunk.newStart)
                       .arg(hunk.newCount);
    if (!hunk.section.isEmpty())
        text += u' ' + hunk.section;
    return text;
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const DiffFile &file = m_diff.files.at(row.file);
    const DiffHunk *hunk = row.hunk >= 0 ? &file.hunks.at(row.hunk) : nullptr;
    const DiffLine *line = hunk && row.line >= 0 ? &hunk->lines.at(row.line) : nullptr;

    switch (role) {
    case KindRole:
        return QVariant::fromValue(row.kind);
    case Qt::DisplayRole:
    case TextRole:
        if (line)
            return m_diff.lineText(*line).toString();
        if (hunk)
            return hunkHeaderText(*hunk);
        return file.displayPath();
    case OldLineRole:
        return line ? line->oldLine : 0;
    case NewLineRole:
        return line ? line->newLine : 0;
    case IntraLineRangesRole: {
        QList<QPair<int, int>> ranges;
        if (line && line->changeStart >= 0)
            ranges.append({line->changeStart, line->changeLength});
        return QVariant::fromValue(ranges);
    }
    case FileIndexRole:
        return int(row.file);
    case HunkIndexRole:
        return int(row.hunk);
    case LanguageRole:
        return int(m_languages[size_t(row.file)]);
    case FileStatusRole:
        return int(file.status);
    case PathRole:
        return file.displayPath();
    case OldPathRole:
        return file.oldPath;
    case AdditionsRole:
    case DeletionsRole: {
        if (!hunk)
            return role == AdditionsRole ? file.additions : file.deletions;
        const DiffLineKind wanted =
            role == AdditionsRole ? DiffLineKind::Add : DiffLineKind::Remove;
        return int(std::count_if(hunk->lines.cbegin(), hunk->lines.cend(),
            [wanted](const DiffLine &l) { return l.kind == wanted; }));
    }
    case BinaryRole:
        return file.isBinary;
    case SimilarityRole:
        return file.renameSimilarity;
    case OldModeRole:
        return file.oldMode;
    case NewModeRole:
        return file.newMode;
    case CarriageReturnRole:
        return line && line->hadCarriageReturn;
    case SectionRole:
        return hunk ? hunk->section : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> DiffModel::roleNames() const
{
    return roleNamesFromEnum(staticMetaObject, QAbstractListModel::roleNames());
}

int DiffModel::fileRow(int file) const
{
    return file >= 0 && file < int(m_fileRows.size()) ? m_fileRows[size_t(file)] : -1;
}

int DiffModel::fileIndexAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? int(m_rows[size_t(row)].file) : -1;
}

DiffModel::RowKind DiffModel::kindAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].kind : RowKind::Context;
}

int DiffModel::nextFileRow(int row) const
{
    return after(m_fileRows, row);
}

int DiffModel::previousFileRow(int row) const
{
    return before(m_fileRows, row);
}

int DiffModel::nextHunkRow(int row) const
{
    return after(m_hunkRows, row);
}

int DiffModel::previousHunkRow(int row) const
{
    return before(m_hunkRows, row);
}

} // namespace AgentDesk
