#pragma once

// Internal to the ApiClient*.cpp files: how a raw answer becomes a typed callback's value.

#include "core/api/ApiClient.h"
#include "core/api/ApiJson.h"

#include <optional>

namespace AgentDesk::ApiDecode {

//! Wraps a typed callback: transport errors pass through, 2xx bodies are parsed as JSON and
//! decoded; a body that is not JSON or not the expected shape becomes a Decode error.
template<typename T, typename Decoder>
auto decodeWith(ApiCallback<T> done, Decoder decode, const QString &what)
{
    return [done = std::move(done), decode, what](const auto &raw) {
        if (!raw.ok()) {
            done(raw.error());
            return;
        }
        QString errorText;
        const std::optional<QJsonValue> document =
            ApiJson::parseDocument(raw.value().body, &errorText);
        if (!document) {
            // Not JSON at all: the server's answer is broken, not this version of the app.
            done(ApiError::malformed(what, errorText));
            return;
        }
        std::optional<T> value = decode(*document);
        if (!value) {
            done(ApiError::decodeFailure(what));
            return;
        }
        done(std::move(*value));
    };
}

} // namespace AgentDesk::ApiDecode
