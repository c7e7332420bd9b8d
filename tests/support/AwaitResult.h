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

//! awaitResult's answer, or a validation failure saying the test gave up waiting: for tests
//! that check ok() and error() of the answer straight away.
template<typename T, typename Start>
ApiResult<T> awaitAnswer(Start start, int timeoutMs = 15'000)
{
    std::optional<ApiResult<T>> result = awaitResult<T>(start, timeoutMs);
    return result ? *result
                  : ApiResult<T>(ApiError::validationFailure(
                      QStringLiteral("the test gave up waiting for the callback")));
}

} // namespace AgentDesk::Testing
