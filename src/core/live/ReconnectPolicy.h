#pragma once

#include <chrono>
#include <functional>

namespace AgentDesk {

//! Exponential back-off with jitter for the WebSocket reconnects (coder-chats-protocol.md §10.2):
//! 1 s, 2 s, 4 s, … capped (10 s for /stream, 30 s for /watch), each delay moved by a random
//! ±30 % so that many clients dropped by one server restart do not come back in lock-step.
//! A value type; the attempt counter is reset once a connection opens.
class ReconnectPolicy
{
public:
    //! Returns a number in [0, 1). Injected by tests to make the jitter deterministic.
    using RandomSource = std::function<double()>;

    //! The /stream defaults: 1 s × 2 up to 10 s, ±30 %.
    ReconnectPolicy();
    ReconnectPolicy(std::chrono::milliseconds initial, std::chrono::milliseconds cap,
        double factor = 2.0, double jitter = 0.3);

    //! The back-off of the per-chat stream (cap 10 s).
    static ReconnectPolicy forStream();
    //! The back-off of the per-user watch feed (cap 30 s).
    static ReconnectPolicy forWatch();
    //! Reconnects at once, for tests (timers are injected to zero, design.md c.8).
    static ReconnectPolicy zeroDelay();

    void setRandomSource(RandomSource source);

    //! The delay before the next attempt; advances the attempt counter.
    std::chrono::milliseconds next();
    //! A connection opened: the next failure starts again from the initial delay.
    void reset() noexcept { m_attempt = 0; }
    //! Attempts since the last reset.
    int attempts() const noexcept { return m_attempt; }

    std::chrono::milliseconds initial() const noexcept { return m_initial; }
    std::chrono::milliseconds cap() const noexcept { return m_cap; }
    double factor() const noexcept { return m_factor; }
    double jitter() const noexcept { return m_jitter; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_cap;
    double m_factor;
    double m_jitter;
    int m_attempt = 0;
    RandomSource m_random;
};

} // namespace AgentDesk
