#pragma once

#include <QByteArray>
#include <QHash>

struct QMetaObject;

namespace AgentDesk {

//! The roleNames() of a list model whose roles are its Q_ENUM `Role`: each `SomethingRole` is
//! named "something" (ChatIdRole → "chatId"), next to Qt's own names in \a base. The enum is the
//! one list of a model's roles; data() answers them, views and QML find them by these names.
QHash<int, QByteArray> roleNamesFromEnum(
    const QMetaObject &metaObject, QHash<int, QByteArray> base);

} // namespace AgentDesk
