#pragma once

// The sample files of tests/data/files (images made once with ImageMagick, text kinds, an
// archive). Header-only: the including test's target defines AGENTDESK_FILE_DATA_DIR.

#include <QByteArray>
#include <QFile>
#include <QString>

#ifndef AGENTDESK_FILE_DATA_DIR
#error "define AGENTDESK_FILE_DATA_DIR for the test that includes support/DataFiles.h"
#endif

namespace AgentDesk::Testing {

inline QString dataFilePath(const QString &name)
{
    return QStringLiteral(AGENTDESK_FILE_DATA_DIR) + u'/' + name;
}

//! The whole file; empty when it cannot be read.
inline QByteArray readDataFile(const QString &name)
{
    QFile file(dataFilePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! tiny.png's real header, then \a padding up to \a size bytes: a PNG by its content.
inline QByteArray pngOfSize(qint64 size, char padding = '\0')
{
    QByteArray bytes = readDataFile(QStringLiteral("tiny.png"));
    bytes.resize(size, padding);
    return bytes;
}

} // namespace AgentDesk::Testing
