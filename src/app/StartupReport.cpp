#include "StartupReport.h"

#include "models/ChatDirectory.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QFile>

#include <cstdio>
#include <ctime>

#include <unistd.h>

namespace AgentDesk {

StartupReport::StartupReport(QAbstractItemView *list, ChatDirectory *directory, QObject *parent)
    : QObject(parent)
    , m_list(list)
{
    m_list->viewport()->installEventFilter(this);
    connect(directory, &ChatDirectory::listLoaded, this, &StartupReport::handleListLoaded);
}

qint64 StartupReport::msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 (starttime, clock ticks since boot) counts from after the ")" that ends the
    // command name, which may itself contain spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const qint64 startTicks = fields.at(19).toLongLong();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
    return nowMs - startTicks * 1000 / sysconf(_SC_CLK_TCK);
}

void StartupReport::handleListLoaded()
{
    if (m_loadedMs < 0)
        m_loadedMs = msSinceProcessStart();
    m_list->viewport()->update();
}

bool StartupReport::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_done && m_list->model()
        && m_list->model()->rowCount() > 0) {
        const qint64 now = msSinceProcessStart();
        if (m_firstPaintMs < 0)
            m_firstPaintMs = now;
        if (m_loadedMs >= 0) {
            m_done = true;
            std::printf("startup: first_list_paint_ms=%lld all_rows_loaded_ms=%lld "
                        "all_rows_painted_ms=%lld rows=%d\n",
                static_cast<long long>(m_firstPaintMs), static_cast<long long>(m_loadedMs),
                static_cast<long long>(now), m_list->model()->rowCount());
            std::fflush(stdout);
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace AgentDesk
