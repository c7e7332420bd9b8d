#include "FixtureFiles.h"

#include <QDir>
#include <QFile>

namespace AgentDesk::Testing {

QString FixtureFiles::directory()
{
    return qEnvironmentVariable("AGENTDESK_FIXTURES");
}

QStringList FixtureFiles::names(const QStringList &nameFilters)
{
    const QString path = directory();
    if (path.isEmpty())
        return {};
    const QStringList filters = nameFilters.isEmpty()
        ? QStringList{QStringLiteral("*.json"), QStringLiteral("*.jsonl")}
        : nameFilters;
    return QDir(path).entryList(filters, QDir::Files | QDir::Readable, QDir::Name);
}

QByteArray FixtureFiles::read(const QString &name)
{
    QFile file(QDir(directory()).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<QByteArray> FixtureFiles::lines(const QString &name)
{
    QList<QByteArray> result;
    const QList<QByteArray> all = read(name).split('\n');
    for (const QByteArray &line : all) {
        if (!line.trimmed().isEmpty())
            result.append(line);
    }
    return result;
}

} // namespace AgentDesk::Testing
