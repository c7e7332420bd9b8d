#include "core/live/PartialJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

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

bool endsScalar(char c)
{
    return isSpace(c) || c == ',' || c == ']' || c == '}' || c == ':';
}

//! One open container while scanning. `expectKey` is true in an object between `{`/`,` and
//! the key's closing quote: a string there is a key, not a value.
struct Frame
{
    char closer;
    bool expectKey;
};

//! One pass over a JSON text that may be cut off anywhere, remembering what close() needs: the
//! containers still open, the last "safe cut" (a position after which the text, cut there and
//! given the closers of the containers open at that point, is valid JSON: right after `{` or
//! `[`, and right after a complete value), and whether the text ends inside a string or a
//! number or literal.
class CutScanner
{
public:
    explicit CutScanner(const QByteArray &text)
        : m_text(text)
    {
        for (qsizetype i = 0; i < text.size(); ++i)
            step(text.at(i), i);
    }

    //! The text closed as parse() tries it, or empty when nothing sensible remains.
    QByteArray closed() const
    {
        if (m_inString && !m_stringIsKey)
            return withValueStringClosed();
        if (m_inScalar) {
            // A number or literal cut at the end may already be whole ("12"); the caller tries
            // this first and falls back to the safe cut through close() on the safe prefix.
            QByteArray candidate = m_text + closers(m_open.size());
            if (parseComplete(candidate))
                return candidate;
        }
        if (!m_haveSafeCut)
            return {};
        return m_text.left(m_safeCut) + closers(m_safeDepth);
    }

private:
    void step(char c, qsizetype i)
    {
        if (m_inString) {
            stepInString(c, i);
            return;
        }
        if (m_inScalar) {
            if (!endsScalar(c))
                return;
            m_inScalar = false;
            markSafe(i);
        }
        stepStructure(c, i);
    }

    void stepInString(char c, qsizetype i)
    {
        if (m_hexLeft > 0) {
            if (isHex(c))
                --m_hexLeft;
            else
                m_hexLeft = 0; // invalid escape: let the parser reject it
            if (m_hexLeft == 0)
                m_escapeAt = -1;
        } else if (m_escapeAt >= 0) {
            if (c == 'u')
                m_hexLeft = 4;
            else
                m_escapeAt = -1;
        } else if (c == '\\') {
            m_escapeAt = i;
        } else if (c == '"') {
            m_inString = false;
            if (!m_stringIsKey)
                markSafe(i + 1);
        }
    }

    //! Outside strings and scalars: brackets, quotes, `:` and `,` move the state.
    void stepStructure(char c, qsizetype i)
    {
        switch (c) {
        case '{':
        case '[':
            m_open.push_back({c == '{' ? '}' : ']', c == '{'});
            markSafe(i + 1);
            break;
        case '}':
        case ']':
            if (!m_open.empty())
                m_open.pop_back();
            markSafe(i + 1);
            break;
        case '"':
            m_inString = true;
            m_stringIsKey = inObject() && m_open.back().expectKey;
            m_escapeAt = -1;
            m_hexLeft = 0;
            break;
        case ':':
            if (!m_open.empty())
                m_open.back().expectKey = false;
            break;
        case ',':
            if (inObject())
                m_open.back().expectKey = true;
            break;
        default:
            if (!isSpace(c))
                m_inScalar = true;
            break;
        }
    }

    bool inObject() const { return !m_open.empty() && m_open.back().closer == '}'; }

    void markSafe(qsizetype pos)
    {
        m_safeCut = pos;
        m_safeDepth = m_open.size();
        m_haveSafeCut = true;
    }

    //! The closers of the \a depth outermost open containers, innermost first.
    QByteArray closers(size_t depth) const
    {
        QByteArray out;
        for (size_t k = depth; k > 0; --k)
            out.append(m_open[k - 1].closer);
        return out;
    }

    //! The open value string closed in place, without a half-written escape.
    QByteArray withValueStringClosed() const
    {
        QByteArray out = m_text;
        if (m_escapeAt >= 0)
            out.truncate(m_escapeAt);
        out.append('"');
        out.append(closers(m_open.size()));
        return out;
    }

    const QByteArray &m_text;
    std::vector<Frame> m_open; //!< the open containers, innermost last
    qsizetype m_safeCut = 0;
    size_t m_safeDepth = 0;
    bool m_haveSafeCut = false;

    bool m_inString = false;
    bool m_stringIsKey = false;
    qsizetype m_escapeAt = -1; //!< start of an unfinished escape inside the string
    int m_hexLeft = 0;
    bool m_inScalar = false; //!< inside a number or a literal (true, false, null)
};

} // namespace

QByteArray close(const QByteArray &text)
{
    return CutScanner(text).closed();
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
