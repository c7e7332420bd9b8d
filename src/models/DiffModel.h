#pragma once

#include "core/diff/DiffParser.h"

#include <QAbstractListModel>
#include <QList>
#include <QPair>

#include <vector>

namespace AgentDesk {

//! A parsed diff as flat rows: per file a header row, per hunk a header row, then its lines
//! (design.md c.7). Qt Core only: the delegate turns kinds into colours.
//!
//! Memory: a row is 16 bytes (kind + three indices); text is never copied per row, it stays
//! in ParsedDiff::text and is sliced in data(). setDiff() is the only reset.
class DiffModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class RowKind : quint8 { FileHeader, HunkHeader, Context, Add, Remove, NoNewline };
    Q_ENUM(RowKind)

    enum Role {
        KindRole = Qt::UserRole + 1, //!< RowKind
        OldLineRole,                 //!< int, 0 = not on the old side
        NewLineRole,                 //!< int, 0 = not on the new side
        TextRole,                    //!< QString: line text; path for files; "@@ … @@ section"
        IntraLineRangesRole,         //!< QList<QPair<int,int>> (start, length) in TextRole
        FileIndexRole,               //!< int
        HunkIndexRole,               //!< int, -1 on file rows
        LanguageRole,                //!< DiffLanguage as int
        FileStatusRole,              //!< DiffFileStatus as int
        PathRole,                    //!< QString: display path of the row's file
        OldPathRole,                 //!< QString
        AdditionsRole,               //!< int (file rows: the file's; hunk rows: the hunk's)
        DeletionsRole,               //!< int
        BinaryRole,                  //!< bool
        SimilarityRole,              //!< int, -1 when unknown
        OldModeRole,                 //!< QString
        NewModeRole,                 //!< QString
        CarriageReturnRole,          //!< bool: the line ended in CRLF
        SectionRole,                 //!< QString: hunk rows, the text after the second @@
    };
    Q_ENUM(Role)

    explicit DiffModel(QObject *parent = nullptr);

    //! Replaces everything (a reset): the one structural change this model has.
    void setDiff(ParsedDiff diff);
    const ParsedDiff &diff() const noexcept { return m_diff; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // --- Navigation ------------------------------------------------------------------------
    int fileCount() const { return int(m_diff.files.size()); }
    //! The header row of file \a file; -1 when out of range.
    int fileRow(int file) const;
    //! Header rows of every hunk, in order.
    const std::vector<int> &hunkRows() const noexcept { return m_hunkRows; }
    //! The file a row belongs to; -1 when out of range.
    int fileIndexAt(int row) const;
    RowKind kindAt(int row) const;
    //! The next/previous file header or hunk header strictly after/before \a row; -1 if none.
    int nextFileRow(int row) const;
    int previousFileRow(int row) const;
    int nextHunkRow(int row) const;
    int previousHunkRow(int row) const;

    //! Direct access for delegates that paint many rows (avoids QVariant round trips).
    const DiffLine *lineAt(int row) const;
    QStringView textAt(int row) const;

private:
    struct Row
    {
        qint32 file = 0;
        qint32 hunk = -1;
        qint32 line = -1;
        RowKind kind = RowKind::FileHeader;
    };

    QString hunkHeaderText(const DiffHunk &hunk) const;

    ParsedDiff m_diff;
    std::vector<Row> m_rows;
    std::vector<int> m_fileRows;
    std::vector<int> m_hunkRows;
    std::vector<DiffLanguage> m_languages;
};

} // namespace AgentDesk
