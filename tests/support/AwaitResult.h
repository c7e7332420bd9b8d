#pragma once

// Runs one asynchronous ApiClient call with a fresh context object and waits (bounded) for its
// callback: `awaitResult<User>([&](QObject *c, auto done) { api.currentUser(c, done); })`.

#include "core/api/ApiResult.h"

#include <QObject>
#include <QTest>

#include <optional>

namespace AgentDesk::Testing {

//! The callback's result, or nothing when it did not come within \a timeoutMs.
template<typename T, typename Start>
std::optional<ApiResult<T>> awaitResult(Start start, int timeoutMs = 15'000)
{
    QObject context;
    std::optional<ApiResult<T>> result;
    start(&context, [&](const ApiResult<T> &r) { result = r; });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    return result;
}

} // namespace AgentDesk::Testing
