#pragma once

// A fresh, empty XDG_CONFIG_HOME for one test: a temporary directory the variable points to.
// The variable is not restored (the next test's init() sets its own). Header-only.

#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace AgentDesk::Testing {

class TemporaryConfigHome
{
public:
    //! XDG_CONFIG_HOME becomes \a subfolder of a new temporary directory (the directory itself
    //! when empty); the folder need not exist.
    explicit TemporaryConfigHome(const QString &subfolder = {})
    {
        qputenv("XDG_CONFIG_HOME",
            QFile::encodeName(subfolder.isEmpty() ? m_dir.path() : m_dir.filePath(subfolder)));
    }

    bool isValid() const { return m_dir.isValid(); }
    //! \a name inside the temporary directory.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

} // namespace AgentDesk::Testing
