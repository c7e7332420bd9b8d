#include "platform/Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString Autostart::entryPath()
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QDir(config).filePath(u"autostart/"_s + QLatin1StringView(fileName));
}

bool Autostart::isEnabled()
{
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
            return false;
    }
    return true;
}

QString Autostart::launcherPath()
{
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    if (!appImage.isEmpty() && QFileInfo(appImage).isExecutable())
        return appImage;
    return QCoreApplication::applicationFilePath();
}

QString Autostart::quoteExecArgument(const QString &argument)
{
    // Desktop Entry Specification, "The Exec key": reserved characters force quoting, and
    // inside quotes ", `, $ and \ are escaped with a backslash.
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument)
        needsQuotes = needsQuotes || reserved.contains(c);
    if (!needsQuotes)
        return QString(argument).replace(u'%', u"%%"_s);
    QString quoted = u"\""_s;
    for (const QChar c : argument) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted += u'"';
    // A literal % must be doubled in any Exec argument, quoted or not.
    return quoted.replace(u'%', u"%%"_s);
}

QString Autostart::entryText(const QString &executable)
{
    const QString exec = quoteExecArgument(executable);
    return u"[Desktop Entry]\n"
           "Type=Application\n"
           "Name=AgentDesk\n"
           "Comment=Desktop client for Coder Agents\n"
           "Icon=io.github.agentdesk.AgentDesk\n"
           "Exec="_s
        + exec
        + u" --background\n"
          "Terminal=false\n"
          "X-GNOME-Autostart-enabled=true\n"_s;
}

bool Autostart::setEnabled(bool enabled, const QString &executable, QString *error)
{
    const QString path = entryPath();
    if (!enabled) {
        if (!QFile::exists(path) || QFile::remove(path))
            return true;
        if (error)
            *error = QFile(path).errorString();
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(entryText(executable).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace AgentDesk
