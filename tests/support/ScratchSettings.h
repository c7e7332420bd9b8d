#pragma once

// Settings in a fresh temporary folder (with room beside them for drafts and the like), so a
// widget test never reads or writes the user's own. Made in a test's init(), reset in cleanup().
// Header-only over AppSettings (agentdesk_core).

#include "core/storage/AppSettings.h"

#include <QString>
#include <QTemporaryDir>

namespace AgentDesk::Testing {

struct ScratchSettings
{
    //! The settings are the file `fileName` in the fresh folder.
    explicit ScratchSettings(const QString &fileName = QStringLiteral("settings.ini"))
        : settings(dir.filePath(fileName))
    {
    }

    QTemporaryDir dir; //!< Declared first: made before the settings, removed after them.
    AppSettings settings;
};

} // namespace AgentDesk::Testing
