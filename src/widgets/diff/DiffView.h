#pragma once

#include "core/diff/DiffParser.h"

#include <QWidget>

class QAction;
class QListView;
class QListWidget;
class QSplitter;
class QToolButton;
class QLabel;

namespace AgentDesk {

class DiffModel;
class DiffSideBySideModel;
class DiffLineDelegate;

//! A file list (status glyph, path, +/− counts) next to a QListView of diff rows painted by
//! DiffLineDelegate (design.md c.7). Unified or side-by-side; both views share one DiffModel.
//!
//! Keyboard, while focus is inside the view: `]` / `[` next / previous file, `n` / `p` next /
//! previous hunk. (Alt+Up/Down is MainWindow's "next/previous chat", so it is not reused.)
//! objectNames: diffView (the rows), diffFileList, diffModeToggle.
class DiffView final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Unified, SideBySide };
    Q_ENUM(Mode)

    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    //! Shows a parsed diff at once.
    void setDiff(ParsedDiff diff);
    //! Parses \a text, off the GUI thread when it is large (DiffParser::isLarge), and shows it
    //! when done; a newer call wins over a parse still running. diffShown() follows.
    void setDiffText(const QString &text);
    void clear();

    void setMode(Mode mode);
    Mode mode() const noexcept { return m_mode; }

    void nextFile();
    void previousFile();
    void nextHunk();
    void previousHunk();
    //! The file the current row belongs to; -1 when empty.
    int currentFile() const;
    //! The current row in DiffModel terms; -1 when none.
    int currentSourceRow() const;

    DiffModel *model() const { return m_model; }
    QListView *lineView() const { return m_lines; }
    QListWidget *fileList() const { return m_files; }
    bool isParsing() const noexcept { return m_parsing; }

signals:
    //! A diff is in the model and the view (after setDiff, or when an async parse finished).
    void diffShown();
    void modeChanged(AgentDesk::DiffView::Mode mode);
    void currentFileChanged(int file);

private:
    void rebuildFileList();
    void goToSourceRow(int sourceRow);
    int viewRowForSourceRow(int sourceRow) const;
    int topSourceRow() const;
    void handleFileActivated(int file);
    void handleScrolled();
    void handleCurrentRowChanged();
    void syncFileList(int file);

    DiffModel *m_model;
    DiffSideBySideModel *m_pairs;
    DiffLineDelegate *m_delegate;
    QSplitter *m_splitter;
    QListWidget *m_files;
    QListView *m_lines;
    QToolButton *m_modeToggle;
    QLabel *m_summary;
    Mode m_mode = Mode::Unified;
    int m_shownFile = -1;
    quint64 m_generation = 0;
    bool m_parsing = false;
};

} // namespace AgentDesk
