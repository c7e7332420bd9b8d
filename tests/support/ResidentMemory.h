#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace AgentDesk::Testing {

//! This process's resident memory (VmRSS from /proc/self/status) in KiB; -1 where unknown.
//! Benchmarks report memory growth with it.
inline qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace AgentDesk::Testing
