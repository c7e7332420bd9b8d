#pragma once

#include <QStringView>

#include <cstddef>

namespace AgentDesk {

//! One row of a table from a value on the wire (a PR state, a reasoning effort) to the text
//! shown for it. The text is marked with QT_TR_NOOP or QT_TRANSLATE_NOOP; the caller translates.
struct TextRow
{
    QStringView key;
    const char *text;
};

//! The untranslated text for `key`, or null when the table has no row for it.
template<std::size_t N>
const char *textFor(const TextRow (&table)[N], QStringView key)
{
    for (const TextRow &row : table) {
        if (row.key == key)
            return row.text;
    }
    return nullptr;
}

} // namespace AgentDesk
