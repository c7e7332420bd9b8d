#include "core/live/ReconnectPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace AgentDesk {

using namespace std::chrono_literals;

ReconnectPolicy::ReconnectPolicy()
    : ReconnectPolicy(1000ms, 10'000ms)
{
}

ReconnectPolicy::ReconnectPolicy(
    std::chrono::milliseconds initial, std::chrono::milliseconds cap, double factor, double jitter)
    : m_initial(std::max(initial, 0ms))
    , m_cap(std::max(cap, 0ms))
    , m_factor(std::max(factor, 1.0))
    , m_jitter(std::clamp(jitter, 0.0, 1.0))
{
}

ReconnectPolicy ReconnectPolicy::forStream()
{
    return ReconnectPolicy(1000ms, 10'000ms);
}

ReconnectPolicy ReconnectPolicy::forWatch()
{
    return ReconnectPolicy(1000ms, 30'000ms);
}

ReconnectPolicy ReconnectPolicy::zeroDelay()
{
    return ReconnectPolicy(0ms, 0ms, 1.0, 0.0);
}

void ReconnectPolicy::setRandomSource(RandomSource source)
{
    m_random = std::move(source);
}

std::chrono::milliseconds ReconnectPolicy::next()
{
    // Computed in double so that a long outage cannot overflow the exponent.
    const double capMs = double(m_cap.count());
    const double base =
        std::min(capMs, double(m_initial.count()) * std::pow(m_factor, double(m_attempt)));
    if (m_attempt < 1'000'000)
        ++m_attempt;
    double r = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    if (!(r >= 0.0 && r < 1.0)) // also catches NaN from a broken source
        r = 0.5;
    // Jitter moves the capped delay by up to ±jitter; the result stays within the cap so that
    // "capped at 10 s" holds for every single delay.
    const double jittered = base * (1.0 + m_jitter * (2.0 * r - 1.0));
    return std::chrono::milliseconds(qint64(std::llround(std::clamp(jittered, 0.0, capMs))));
}

} // namespace AgentDesk
