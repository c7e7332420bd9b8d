#include "core/api/DisplayText.h"

#include <QStringView>

using namespace Qt::StringLiterals;

namespace AgentDesk {

bool isBidiControl(char32_t codePoint) noexcept
{
    return (codePoint >= 0x202A && codePoint <= 0x202E) // LRE RLE PDF LRO RLO
        || (codePoint >= 0x2066 && codePoint <= 0x2069) // LRI RLI FSI PDI
        || codePoint == 0x200E || codePoint == 0x200F   // LRM RLM
        || codePoint == 0x061C;                         // ALM
}

QString safeDisplayText(const QString &text)
{
    const auto needsWork = [](QChar c) {
        const char16_t unit = c.unicode();
        return unit < 0x20 || (unit >= 0x7f && unit < 0xa0) || isBidiControl(unit);
    };
    if (std::none_of(text.cbegin(), text.cend(), needsWork))
        return text;

    QString shown;
    shown.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (isBidiControl(unit))
            shown += u"\u27E8U+%1\u27E9"_s.arg(uint(unit), 4, 16, QChar(u'0')).toUpper();
        else if (unit == u'\n' || unit == u'\r' || unit == u'\t')
            shown += u' ';
        else if (unit < 0x20 || (unit >= 0x7f && unit < 0xa0))
            shown += QChar(QChar::ReplacementCharacter);
        else
            shown += c;
    }
    return shown;
}

} // namespace AgentDesk
