#pragma once

// What every benchmark prints: "name: value unit" lines, flushed at once so a run that times out
// still shows what it measured, and the percentiles of its samples. Header-only.

#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace AgentDesk::Testing {

//! Prints measurements with a benchmark's own number of decimals.
struct BenchReport
{
    int decimals = 2;

    void operator()(const char *name, double value, const char *unit) const
    {
        std::printf("%s: %.*f %s\n", name, decimals, value, unit);
        std::fflush(stdout);
    }
    void operator()(const QString &name, double value, const char *unit) const
    {
        (*this)(qPrintable(name), value, unit);
    }
};

//! The sample at `fraction` (0 to 1) of the way from the smallest to the largest, to the nearest
//! rank; -1 when there are no samples.
inline double percentile(QList<double> samples, double fraction)
{
    if (samples.isEmpty())
        return -1;
    std::sort(samples.begin(), samples.end());
    const auto at = qsizetype(fraction * double(samples.size() - 1) + 0.5);
    return samples.at(std::clamp<qsizetype>(at, 0, samples.size() - 1));
}

} // namespace AgentDesk::Testing
