#include "widgets/diff/DiffView.h"

#include "models/DiffModel.h"
#include "models/DiffSideBySideModel.h"
#include "widgets/diff/DiffLineDelegate.h"

#include <QAction>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int fileIndexRole = Qt::UserRole + 1;
constexpr int statusRole = Qt::UserRole + 2;
constexpr int additionsRole = Qt::UserRole + 3;
constexpr int deletionsRole = Qt::UserRole + 4;

//! A letter and a colour per file status, as git's short status shows it.
std::pair<QChar, QColor> statusGlyph(DiffFileStatus status)
{
    switch (status) {
    case DiffFileStatus::Added:
        return {u'A', QColor(0x1a, 0x7f, 0x37)};
    case DiffFileStatus::Deleted:
        return {u'D', QColor(0xcf, 0x22, 0x2e)};
    case DiffFileStatus::Renamed:
        return {u'R', QColor(0x09, 0x69, 0xda)};
    case DiffFileStatus::Copied:
        return {u'C', QColor(0x09, 0x69, 0xda)};
    case DiffFileStatus::Binary:
        return {u'B', QColor(0x6e, 0x77, 0x81)};
    case DiffFileStatus::Modified:
        break;
    }
    return {u'M', QColor(0x9a, 0x67, 0x00)};
}

//! File list rows: status glyph, file name with its folder dimmed, +/− counts on the right.
class FileListDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(200, option.fontMetrics.height() + 8);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        background.icon = {};
        option.widget->style()->drawControl(
            QStyle::CE_ItemViewItem, &background, painter, option.widget);

        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &palette = option.palette;
        const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        const QFontMetrics metrics = option.fontMetrics;
        const QRect rect = option.rect.adjusted(4, 0, -4, 0);

        const auto [letter, color] = statusGlyph(DiffFileStatus(index.data(statusRole).toInt()));
        const int box = metrics.height();
        const QRect glyph(rect.left(), rect.center().y() - box / 2, box, box);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(glyph, 3, 3);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(Qt::white);
        painter->drawText(glyph, Qt::AlignCenter, QString(letter));
        painter->setFont(option.font);

        const QString plus = u"+%1"_s.arg(index.data(additionsRole).toInt());
        const QString minus = u"−%1"_s.arg(index.data(deletionsRole).toInt());
        const int countsWidth = metrics.horizontalAdvance(plus + u' ' + minus);
        int x = rect.right() - countsWidth;
        QColor dim = text;
        dim.setAlphaF(0.45f);
        const bool noAdditions = index.data(additionsRole).toInt() == 0;
        const bool noDeletions = index.data(deletionsRole).toInt() == 0;
        painter->setPen(
            selected || noAdditions ? (selected ? text : dim) : QColor(0x1a, 0x7f, 0x37));
        painter->drawText(QRect(x, rect.top(), countsWidth, rect.height()),
            Qt::AlignLeft | Qt::AlignVCenter, plus);
        x += metrics.horizontalAdvance(plus + u' ');
        painter->setPen(
            selected || noDeletions ? (selected ? text : dim) : QColor(0xcf, 0x22, 0x2e));
        painter->drawText(QRect(x, rect.top(), countsWidth, rect.height()),
            Qt::AlignLeft | Qt::AlignVCenter, minus);

        const QString path = index.data(Qt::DisplayRole).toString();
        const qsizetype slash = path.lastIndexOf(u'/');
        const QString name = path.mid(slash + 1);
        const QString folder = slash >= 0 ? path.left(slash + 1) : QString();
        const int left = glyph.right() + 6;
        const int room = rect.right() - countsWidth - 8 - left;
        painter->setPen(text);
        const QString shownName = metrics.elidedText(name, Qt::ElideMiddle, room);
        painter->drawText(QRect(left, rect.top(), room, rect.height()),
            Qt::AlignLeft | Qt::AlignVCenter, shownName);
        const int used = metrics.horizontalAdvance(shownName) + 6;
        if (!folder.isEmpty() && room - used > metrics.horizontalAdvance(u"…/"_s)) {
            painter->setPen(dim);
            painter->drawText(QRect(left + used, rect.top(), room - used, rect.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                metrics.elidedText(folder, Qt::ElideLeft, room - used));
        }
        painter->restore();
    }
};

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiffModel(this))
    , m_pairs(new DiffSideBySideModel(this))
    , m_delegate(new DiffLineDelegate(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_files(new QListWidget(m_splitter))
    , m_lines(new QListView(m_splitter))
    , m_modeToggle(new QToolButton(this))
    , m_summary(new QLabel(this))
{
    m_pairs->setSourceModel(m_model);

    m_files->setObjectName(u"diffFileList"_s);
    m_files->setItemDelegate(new FileListDelegate(m_files));
    m_files->setUniformItemSizes(true);
    m_files->setAccessibleName(tr("Changed files"));

    m_lines->setObjectName(u"diffView"_s);
    m_lines->setModel(m_model);
    m_lines->setItemDelegate(m_delegate);
    // Fixed-height rows: layout and scrolling cost a screenful, whatever the diff's length.
    m_lines->setUniformItemSizes(true);
    m_lines->setLayoutMode(QListView::SinglePass);
    m_lines->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_lines->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_lines->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lines->setAccessibleName(tr("Diff"));
    m_lines->setFont(m_delegate->font());

    m_splitter->addWidget(m_files);
    m_splitter->addWidget(m_lines);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({220, 600});
    m_splitter->setChildrenCollapsible(false);

    m_modeToggle->setObjectName(u"diffModeToggle"_s);
    m_modeToggle->setCheckable(true);
    m_modeToggle->setText(tr("Side by side"));
    m_modeToggle->setToolTip(tr("Show old and new side by side"));
    m_modeToggle->setAutoRaise(true);
    connect(m_modeToggle, &QToolButton::toggled, this,
        [this](bool on) { setMode(on ? Mode::SideBySide : Mode::Unified); });

    m_summary->setObjectName(u"diffSummaryLabel"_s);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_modeToggle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    auto addShortcut = [this](const QString &name, const QString &key, void (DiffView::*slot)()) {
        auto *action = new QAction(name, this);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addShortcut(tr("Next file"), u"]"_s, &DiffView::nextFile);
    addShortcut(tr("Previous file"), u"["_s, &DiffView::previousFile);
    addShortcut(tr("Next hunk"), u"n"_s, &DiffView::nextHunk);
    addShortcut(tr("Previous hunk"), u"p"_s, &DiffView::previousHunk);

    connect(m_files, &QListWidget::currentRowChanged, this, &DiffView::handleFileActivated);
    connect(
        m_lines->verticalScrollBar(), &QScrollBar::valueChanged, this, &DiffView::handleScrolled);
    connect(m_lines->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DiffView::handleCurrentRowChanged);
    rebuildFileList();
}

DiffView::~DiffView() = default;

void DiffView::setDiff(ParsedDiff diff)
{
    ++m_generation; // a parse still running must not overwrite this
    m_parsing = false;
    m_model->setDiff(std::move(diff));
    m_shownFile = -1;
    rebuildFileList();
    if (m_model->rowCount() > 0) {
        m_lines->setCurrentIndex(m_lines->model()->index(0, 0));
        m_lines->scrollToTop();
    }
    emit diffShown();
}

void DiffView::setDiffText(const QString &text)
{
    if (!DiffParser::isLarge(text)) {
        setDiff(DiffParser::parse(text));
        return;
    }
    const quint64 generation = ++m_generation;
    m_parsing = true;
    m_summary->setText(tr("Reading the diff…"));
    auto *watcher = new QFutureWatcher<ParsedDiff>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // superseded by a newer diff
        setDiff(watcher->result());
    });
    watcher->setFuture(DiffParser::parseAsync(text));
}

void DiffView::clear()
{
    setDiff(ParsedDiff());
}

void DiffView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    const int source = currentSourceRow() >= 0 ? currentSourceRow() : topSourceRow();
    m_mode = mode;
    m_delegate->setMode(mode == Mode::SideBySide ? DiffLineDelegate::Mode::SideBySide
                                                 : DiffLineDelegate::Mode::Unified);
    QItemSelectionModel *old = m_lines->selectionModel();
    m_lines->setModel(mode == Mode::SideBySide ? static_cast<QAbstractItemModel *>(m_pairs)
                                               : static_cast<QAbstractItemModel *>(m_model));
    delete old; // QAbstractItemView::setModel leaves the old selection model to us
    connect(m_lines->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DiffView::handleCurrentRowChanged);
    {
        const QSignalBlocker blocker(m_modeToggle);
        m_modeToggle->setChecked(mode == Mode::SideBySide);
    }
    if (source >= 0)
        goToSourceRow(source);
    emit modeChanged(mode);
}

int DiffView::viewRowForSourceRow(int sourceRow) const
{
    return m_mode == Mode::SideBySide ? m_pairs->rowForSourceRow(sourceRow) : sourceRow;
}

int DiffView::currentSourceRow() const
{
    const QModelIndex current = m_lines->currentIndex();
    if (!current.isValid())
        return -1;
    return m_mode == Mode::SideBySide ? m_pairs->sourceRowForRow(current.row()) : current.row();
}

int DiffView::topSourceRow() const
{
    const QModelIndex top = m_lines->indexAt(QPoint(4, 2));
    if (!top.isValid())
        return m_model->rowCount() > 0 ? 0 : -1;
    return m_mode == Mode::SideBySide ? m_pairs->sourceRowForRow(top.row()) : top.row();
}

int DiffView::currentFile() const
{
    return m_model->fileIndexAt(currentSourceRow());
}

void DiffView::goToSourceRow(int sourceRow)
{
    const int row = viewRowForSourceRow(sourceRow);
    if (row < 0)
        return;
    const QModelIndex index = m_lines->model()->index(row, 0);
    m_lines->setCurrentIndex(index);
    m_lines->scrollTo(index, QAbstractItemView::PositionAtTop);
}

void DiffView::nextFile()
{
    const int target = m_model->nextFileRow(currentSourceRow());
    if (target >= 0)
        goToSourceRow(target);
}

void DiffView::previousFile()
{
    // From inside a file, "previous" first goes to that file's own header.
    const int row = currentSourceRow();
    const int target = m_model->previousFileRow(row);
    if (target >= 0)
        goToSourceRow(target);
}

void DiffView::nextHunk()
{
    const int target = m_model->nextHunkRow(currentSourceRow());
    if (target >= 0)
        goToSourceRow(target);
}

void DiffView::previousHunk()
{
    const int target = m_model->previousHunkRow(currentSourceRow());
    if (target >= 0)
        goToSourceRow(target);
}

void DiffView::rebuildFileList()
{
    const QSignalBlocker blocker(m_files);
    m_files->clear();
    const ParsedDiff &diff = m_model->diff();
    for (int i = 0; i < int(diff.files.size()); ++i) {
        const DiffFile &file = diff.files.at(i);
        auto *item = new QListWidgetItem(file.displayPath(), m_files);
        item->setData(fileIndexRole, i);
        item->setData(statusRole, int(file.status));
        item->setData(additionsRole, file.additions);
        item->setData(deletionsRole, file.deletions);
        item->setToolTip(file.oldPath.isEmpty() || file.oldPath == file.newPath
                ? file.displayPath()
                : tr("%1 (was %2)").arg(file.displayPath(), file.oldPath));
    }
    if (diff.files.isEmpty()) {
        m_summary->setText(tr("No changes"));
    } else {
        //: e.g. "3 files changed, +120 −4"
        m_summary->setText(tr("%n file(s) changed", nullptr, int(diff.files.size()))
            + u", +%1 −%2"_s.arg(diff.additions).arg(diff.deletions));
        m_files->setCurrentRow(0);
        m_shownFile = 0;
    }
}

void DiffView::handleFileActivated(int file)
{
    if (file < 0 || file == m_model->fileIndexAt(currentSourceRow()))
        return;
    m_shownFile = file; // before moving, so the scroll tracking does not announce it again
    goToSourceRow(m_model->fileRow(file));
    emit currentFileChanged(file);
}

void DiffView::syncFileList(int file)
{
    if (file < 0 || file == m_shownFile)
        return;
    m_shownFile = file;
    {
        const QSignalBlocker blocker(m_files);
        m_files->setCurrentRow(file);
        m_files->scrollToItem(m_files->item(file));
    }
    emit currentFileChanged(file);
}

void DiffView::handleScrolled()
{
    // Active-file tracking: the file at the top of the viewport is the one the list shows.
    syncFileList(m_model->fileIndexAt(topSourceRow()));
}

void DiffView::handleCurrentRowChanged()
{
    syncFileList(m_model->fileIndexAt(currentSourceRow()));
}

} // namespace AgentDesk
