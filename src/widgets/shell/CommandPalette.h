#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class QAction;
class QLineEdit;
class QTreeWidget;

namespace AgentDesk {

//! Every command of the window in one searchable list (objectName commandPalette), in the
//! manner of the Codex app's command menu and VS Code: type a few letters in any order of
//! words, Enter runs the highlighted action. Lists the actions it is given; disabled ones are
//! shown but cannot run.
class CommandPalette final : public QDialog
{
    Q_OBJECT

public:
    explicit CommandPalette(QWidget *parent = nullptr);

    void setActions(const QList<QAction *> &actions);
    //! Clears the filter, refreshes the list and shows the palette (non-modal, open()).
    void popup();

    //! Fuzzy score of `text` for `query`: -1 = no match; higher is better. Every query
    //! character must appear in order; runs and word starts score more.
    static int fuzzyScore(const QString &query, const QString &text);
    //! The action texts in displayed order (tests).
    QStringList visibleCommands() const;

private:
    void refilter();
    void triggerCurrent();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QLineEdit *m_search;
    QTreeWidget *m_list;
    QList<QPointer<QAction>> m_actions;
};

} // namespace AgentDesk
