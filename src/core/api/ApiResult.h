#pragma once

#include "core/api/ApiError.h"

#include <functional>
#include <utility>
#include <variant>

namespace AgentDesk {

//! The value of an endpoint without a response body (204, 202).
struct NoContent
{};

//! Either the value of a call or the ApiError that prevented it. Never both, never neither.
template<typename T>
class ApiResult
{
public:
    ApiResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    ApiResult(ApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    //! Only valid when ok(); programmer error otherwise.
    const T &value() const & { return *std::get_if<0>(&m_data); }
    T &value() & { return *std::get_if<0>(&m_data); }
    T &&value() && { return std::move(*std::get_if<0>(&m_data)); }
    //! The error; an empty ApiError when ok(), so a careless caller reads nothing, not garbage.
    const ApiError &error() const &
    {
        if (const ApiError *error = std::get_if<1>(&m_data))
            return *error;
        static const ApiError none;
        return none;
    }

    const T *operator->() const { return std::get_if<0>(&m_data); }

private:
    std::variant<T, ApiError> m_data;
};

//! Completion callback of an ApiClient call. Runs on the caller's thread, only while the context
//! object passed with it is alive, exactly once.
template<typename T>
using ApiCallback = std::function<void(const ApiResult<T> &)>;

} // namespace AgentDesk
