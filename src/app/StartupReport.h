#pragma once

#include <QObject>

class QAbstractItemView;

namespace AgentDesk {

class ChatDirectory;

//! `agentdesk --report-startup` (tools/bench-startup.sh): prints one line on stdout once the
//! chat list is complete and painted, with milliseconds since the process started (the kernel's
//! start time of this process, /proc/self/stat, 10 ms ticks):
//!   startup: first_list_paint_ms=N all_rows_loaded_ms=N all_rows_painted_ms=N rows=N
//! first_list_paint: the first paint of the list that shows chats; all_rows_loaded: the
//! directory applied its full listing; all_rows_painted: the first list paint after that.
class StartupReport final : public QObject
{
    Q_OBJECT

public:
    StartupReport(QAbstractItemView *list, ChatDirectory *directory, QObject *parent = nullptr);

    //! Milliseconds since this process started, or -1 where /proc is missing.
    static qint64 msSinceProcessStart();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void handleListLoaded();

    QAbstractItemView *m_list;
    qint64 m_firstPaintMs = -1;
    qint64 m_loadedMs = -1;
    bool m_done = false;
};

} // namespace AgentDesk
