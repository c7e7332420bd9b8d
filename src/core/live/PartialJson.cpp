#include "core/live/PartialJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <string>
#include <vector>

namespace AgentDesk::PartialJson {

std::optional<QJsonValue> parseComplete(const QByteArray &text)
{
    // Wrapping in an array lets QJsonDocument accept scalars at the top level; a text like
    // "1, 2" would then parse as two elements and is rejected as not one value.
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text).append(']');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    const QJsonArray array = document.array();
    if (array.size() != 1)
        return std::nullopt;
    return array.first();
}

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

//! One open container while scanning. `expectKey` is true in an object between `{`/`,` and
//! the key's closing quote: a string there is a key, not a value.
struct Frame
{
    char closer;
    bool expectKey;
};

} // namespace

QByteArray close(const QByteArray &text)
{
    // The scan remembers the last "safe cut": a position after which the text, cut there and
    // given the closers of the containers open at that point, is valid JSON. That is right
    // after `{` or `[`, and right after a complete value. At the end a value string that is
    // still open can be closed in place instead.
    std::string stack;          // closers of the open containers, innermost last
    std::vector<bool> keyState; // parallel to stack: expecting a key (objects only)
    qsizetype safeCut = 0;
    size_t safeDepth = 0;
    bool haveSafeCut = false;

    bool inString = false;
    bool stringIsKey = false;
    qsizetype escapeAt = -1; // start of an unfinished escape inside the string
    int hexLeft = 0;
    bool inScalar = false; // inside a number or a literal (true, false, null)

    auto markSafe = [&](qsizetype pos) {
        safeCut = pos;
        safeDepth = stack.size();
        haveSafeCut = true;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = text.at(i);
        if (inString) {
            if (hexLeft > 0) {
                if (isHex(c))
                    --hexLeft;
                else
                    hexLeft = 0; // invalid escape: let the parser reject it
                if (hexLeft == 0)
                    escapeAt = -1;
            } else if (escapeAt >= 0) {
                if (c == 'u')
                    hexLeft = 4;
                else
                    escapeAt = -1;
            } else if (c == '\\') {
                escapeAt = i;
            } else if (c == '"') {
                inString = false;
                if (!stringIsKey)
                    markSafe(i + 1);
            }
            continue;
        }
        if (inScalar) {
            if (isSpace(c) || c == ',' || c == ']' || c == '}' || c == ':') {
                inScalar = false;
                markSafe(i);
            } else {
                continue;
            }
        }
        switch (c) {
        case '{':
            stack.push_back('}');
            keyState.push_back(true);
            markSafe(i + 1);
            break;
        case '[':
            stack.push_back(']');
            keyState.push_back(false);
            markSafe(i + 1);
            break;
        case '}':
        case ']':
            if (!stack.empty()) {
                stack.pop_back();
                keyState.pop_back();
            }
            markSafe(i + 1);
            break;
        case '"':
            inString = true;
            stringIsKey = !stack.empty() && stack.back() == '}' && keyState.back();
            escapeAt = -1;
            hexLeft = 0;
            break;
        case ':':
            if (!keyState.empty())
                keyState.back() = false;
            break;
        case ',':
            if (!stack.empty() && stack.back() == '}')
                keyState.back() = true;
            break;
        default:
            if (!isSpace(c))
                inScalar = true;
            break;
        }
    }

    auto closers = [&](size_t depth) {
        QByteArray out;
        for (size_t k = depth; k > 0; --k)
            out.append(stack[k - 1]);
        return out;
    };

    if (inString && !stringIsKey) {
        // Close the open value string in place, without a half-written escape.
        QByteArray out = text;
        if (escapeAt >= 0)
            out.truncate(escapeAt);
        out.append('"');
        out.append(closers(stack.size()));
        return out;
    }
    if (inScalar) {
        // A number or literal cut at the end may already be whole ("12"); the caller tries
        // this first and falls back to the safe cut through close() on the safe prefix.
        QByteArray candidate = text + closers(stack.size());
        if (parseComplete(candidate))
            return candidate;
    }
    if (!haveSafeCut)
        return {};
    return text.left(safeCut) + closers(safeDepth);
}

std::optional<QJsonValue> parse(const QByteArray &text)
{
    if (auto complete = parseComplete(text))
        return complete;
    const QByteArray closed = close(text);
    if (closed.isEmpty())
        return std::nullopt;
    return parseComplete(closed);
}

} // namespace AgentDesk::PartialJson
