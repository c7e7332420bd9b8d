#include "models/RoleNames.h"

#include <QMetaEnum>
#include <QMetaObject>

#include <cctype>

namespace AgentDesk {

QHash<int, QByteArray> roleNamesFromEnum(const QMetaObject &metaObject, QHash<int, QByteArray> base)
{
    const int enumerator = metaObject.indexOfEnumerator("Role");
    if (enumerator < 0)
        return base;
    const QMetaEnum roles = metaObject.enumerator(enumerator);
    for (int i = 0; i < roles.keyCount(); ++i) {
        QByteArray name(roles.key(i));
        if (!name.endsWith("Role") || name.size() == 4)
            continue;
        name.chop(4);
        name[0] = char(std::tolower(static_cast<unsigned char>(name.at(0))));
        base.insert(roles.value(i), name);
    }
    return base;
}

} // namespace AgentDesk
