#pragma once

// Writing a file a test then hands to the code under test (an image, a script). Header-only.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace AgentDesk::Testing {

//! Makes (or empties) the file at `path` and writes `bytes` into it; false unless all of them
//! were written.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

} // namespace AgentDesk::Testing
