#pragma once

// What a refused ApiClient call answered, in one comparable value, so a test states the
// expected refusal in one QCOMPARE: `QCOMPARE(refusal(result), (std::pair{409, u"Busy."_s}))`.

#include "core/api/ApiResult.h"

#include <QString>

#include <utility>

namespace AgentDesk::Testing {

//! The HTTP status of a refused call; 0 when it succeeded.
template<typename T>
int refusedStatus(const ApiResult<T> &result)
{
    return result.ok() ? 0 : result.error().httpStatus;
}

//! The HTTP status and Coder's message of a refused call; {0, ""} when it succeeded.
template<typename T>
std::pair<int, QString> refusal(const ApiResult<T> &result)
{
    return result.ok() ? std::pair<int, QString>()
                       : std::pair{result.error().httpStatus, result.error().message};
}

} // namespace AgentDesk::Testing
