#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace AgentDesk::Testing {

//! The protocol fixtures (shared/fixtures) of $AGENTDESK_FIXTURES, set by ctest for every test.
class FixtureFiles final
{
public:
    //! The fixtures directory; empty when the variable is not set.
    static QString directory();
    //! File names (not paths) matching \a nameFilters, sorted. Default: *.json and *.jsonl.
    static QStringList names(const QStringList &nameFilters = {});
    //! The whole file; empty when it cannot be read.
    static QByteArray read(const QString &name);
    //! The non-empty lines of a *.jsonl file: one WebSocket frame each.
    static QList<QByteArray> lines(const QString &name);
};

} // namespace AgentDesk::Testing
