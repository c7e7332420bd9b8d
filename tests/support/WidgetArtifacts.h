#pragma once

// Where widget tests and journeys leave the screenshots a person looks at: $AGENTDESK_ARTIFACTS
// (CI uploads it), the system's temporary folder when it is not set. Header-only.

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QWidget>

namespace AgentDesk::Testing {

//! $AGENTDESK_ARTIFACTS/`name` (`name` may hold a sub-folder, which is made if missing).
inline QString artifactPath(const QString &name)
{
    const QString path =
        QDir(qEnvironmentVariable("AGENTDESK_ARTIFACTS", QDir::tempPath())).filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return path;
}

//! Saves a grab of `widget` as artifactPath(`name`); false if it could not be written.
inline bool saveArtifact(QWidget *widget, const QString &name)
{
    return widget->grab().save(artifactPath(name));
}

} // namespace AgentDesk::Testing
