#include "widgets/shell/CommandPalette.h"

#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int actionIndexRole = Qt::UserRole + 1;

//! The menu text without accelerator ampersands and trailing ellipses.
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(u'&');
    if (text.endsWith(u"\u2026"_s))
        text.chop(1);
    return text;
}

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"commandPalette"_s);
    setWindowTitle(tr("Command Palette"));
    setModal(false);
    m_search->setObjectName(u"commandPaletteSearch"_s);
    m_search->setPlaceholderText(tr("Type a command"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(u"commandPaletteList"_s);
    // Two columns, command and shortcut, so shortcuts line up like in a menu.
    m_list->setColumnCount(2);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setIconSize(QSize(16, 16));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(520, 380);

    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_search, &QLineEdit::returnPressed, this, &CommandPalette::triggerCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &CommandPalette::triggerCurrent);
    m_search->installEventFilter(this);
}

void CommandPalette::setActions(const QList<QAction *> &actions)
{
    m_actions.clear();
    for (QAction *action : actions)
        m_actions.append(action);
    refilter();
}

void CommandPalette::popup()
{
    m_search->clear();
    refilter();
    open();
    m_search->setFocus();
}

int CommandPalette::fuzzyScore(const QString &query, const QString &text)
{
    if (query.isEmpty())
        return 0;
    int score = 0;
    int position = 0;
    int previousMatch = -2;
    for (const QChar c : query) {
        if (c.isSpace())
            continue;
        const int found = text.indexOf(c, position, Qt::CaseInsensitive);
        if (found < 0)
            return -1;
        score += 1;
        if (found == previousMatch + 1)
            score += 3; // consecutive characters
        if (found == 0 || text.at(found - 1).isSpace())
            score += 5; // start of a word
        previousMatch = found;
        position = found + 1;
    }
    return score * 100 - text.size(); // shorter commands win ties
}

void CommandPalette::refilter()
{
    struct Candidate
    {
        int score;
        int index;
        QString text;
    };
    const QString query = m_search->text().trimmed();
    QList<Candidate> candidates;
    for (int i = 0; i < m_actions.size(); ++i) {
        const QAction *action = m_actions.at(i);
        if (!action || !action->isVisible())
            continue;
        const QString text = plainText(action);
        const int score = fuzzyScore(query, text);
        if (score >= 0)
            candidates.append({score, i, text});
    }
    if (!query.isEmpty()) {
        std::stable_sort(candidates.begin(), candidates.end(),
            [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    }

    m_list->clear();
    for (const Candidate &candidate : std::as_const(candidates)) {
        const QAction *action = m_actions.at(candidate.index);
        auto *item = new QTreeWidgetItem(m_list);
        item->setIcon(0, action->icon());
        item->setText(0, candidate.text);
        item->setText(1, action->shortcut().toString(QKeySequence::NativeText));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setForeground(1, palette().brush(QPalette::PlaceholderText));
        item->setData(0, actionIndexRole, candidate.index);
        if (!action->isEnabled())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        if (m_list->topLevelItem(row)->flags() & Qt::ItemIsEnabled) {
            m_list->setCurrentItem(m_list->topLevelItem(row));
            break;
        }
    }
}

QStringList CommandPalette::visibleCommands() const
{
    QStringList texts;
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        const QAction *action =
            m_actions.value(m_list->topLevelItem(row)->data(0, actionIndexRole).toInt());
        if (action)
            texts.append(plainText(action));
    }
    return texts;
}

void CommandPalette::triggerCurrent()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    QPointer<QAction> action = m_actions.value(item->data(0, actionIndexRole).toInt());
    // Close first: the action may open a dialog of its own, which should get the focus.
    accept();
    if (action)
        action->trigger();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Arrow keys in the search field move through the list, so hands stay on the keyboard.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown
            || key->key() == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace AgentDesk
