#pragma once

// Internal to the ApiJson*.cpp files: how one member of a server object is read (wrong types read
// as absent) and written back, and the field tables that name each plain member of an entity once
// for its decoder and its encoder. Not part of the ApiJson interface.

#include "core/Logging.h"
#include "core/api/ApiJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

namespace AgentDesk::ApiJson::Fields {

// --- Member accessors: wrong types read as absent ------------------------------------------

inline QString string(const QJsonObject &object, QStringView key)
{
    return object.value(key).toString();
}

inline bool boolean(const QJsonObject &object, QStringView key, bool fallback = false)
{
    const QJsonValue value = object.value(key);
    return value.isBool() ? value.toBool() : fallback;
}

inline std::optional<qint64> optionalInt64(const QJsonObject &object, QStringView key)
{
    return int64FromJson(object.value(key));
}

inline qint64 int64(const QJsonObject &object, QStringView key, qint64 fallback = 0)
{
    return int64FromJson(object.value(key)).value_or(fallback);
}

//! An int, or \a fallback when absent, not a whole number or outside int's range.
inline int int32(const QJsonObject &object, QStringView key, int fallback = 0)
{
    const std::optional<qint64> value = int64FromJson(object.value(key));
    if (!value || *value < std::numeric_limits<int>::min()
        || *value > std::numeric_limits<int>::max())
        return fallback;
    return int(*value);
}

template<typename Id>
Id uuidId(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return Id();
    return Id::fromString(value.toString());
}

inline QUuid uuid(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? QUuid::fromString(value.toString()) : QUuid();
}

//! Reads the id at \a key into \a id; false when it is absent or not a UUID (the entity is then
//! not one to keep).
template<typename Id>
bool readId(const QJsonObject &object, QStringView key, Id &id)
{
    if constexpr (std::is_same_v<Id, QUuid>)
        id = uuid(object, key);
    else
        id = uuidId<Id>(object, key);
    return !id.isNull();
}

inline QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        if (entry.isString())
            list.append(entry.toString());
    }
    return list;
}

inline QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isString())
            map.insert(it.key(), it.value().toString());
    }
    return map;
}

//! The list of a `{<key>: [...], count}` answer, or a bare array; nullopt for anything else.
inline std::optional<QJsonArray> wrappedArray(const QJsonValue &value, QStringView key)
{
    const QJsonValue array = value.isObject() ? value.toObject().value(key) : value;
    if (!array.isArray())
        return std::nullopt;
    return array.toArray();
}

//! Decodes one object: nullopt when \a value is not an object, or when read(object, into)
//! returns false (a required member is missing). \a into starts default-constructed.
template<typename T, typename Read>
std::optional<T> decodeObject(const QJsonValue &value, Read read)
{
    if (!value.isObject())
        return std::nullopt;
    T into;
    if (!read(value.toObject(), into))
        return std::nullopt;
    return into;
}

//! Decodes every element with decode(); those it rejects are left out and counted in \a skipped.
template<typename T, typename Decoder>
QList<T> decodeEach(const QJsonArray &array, Decoder decode, qsizetype &skipped)
{
    QList<T> list;
    list.reserve(array.size());
    for (const QJsonValue &entry : array) {
        if (std::optional<T> item = decode(entry))
            list.append(std::move(*item));
        else
            ++skipped;
    }
    return list;
}

//! Decodes every element with decode(); elements it rejects are skipped and counted, and one
//! warning names how many (one per array, so a hostile array cannot flood the log).
template<typename T, typename Decoder>
QList<T> decodeArray(const QJsonValue &value, Decoder decode, const char *what)
{
    const QJsonArray array = value.toArray();
    qsizetype skipped = 0;
    QList<T> list = decodeEach<T>(array, decode, skipped);
    if (skipped > 0)
        qCWarning(lcApi) << "skipped" << skipped << "malformed" << what << "of" << array.size();
    return list;
}

inline void insertIfNotEmpty(QJsonObject &object, QStringView key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

template<typename Id>
void insertIfNotNull(QJsonObject &object, QStringView key, const Id &id)
{
    if (!id.isNull())
        object.insert(key, id.toString());
}

inline void insertIfValid(QJsonObject &object, QStringView key, const QDateTime &dateTime)
{
    if (dateTime.isValid())
        object.insert(key, timestampToJson(dateTime));
}

// --- Field tables: one list of (key, member, how it is written back) serves the decoder and
// the encoder of an entity, so a field is named once. Fields that need more than a plain read
// (ids, enums, nested objects, clamped or derived values) stay written out in both.

//! How an encoder writes a field in the server's shape.
enum class Emit {
    Always,  //!< the server always sends the key, empty or not
    IfSet,   //!< only when non-empty, true or non-zero
    IfKnown, //!< numbers only: when not negative (-1 is "the server did not say")
};

template<typename S, typename Member>
struct Field
{
    QStringView key;
    Member S::*member;
    Emit when = Emit::IfSet;
};

template<typename S>
using StringField = Field<S, QString>;
template<typename S>
using BoolField = Field<S, bool>;
template<typename S>
using IntField = Field<S, int>;
template<typename S>
using Int64Field = Field<S, qint64>;
//! Written when valid.
template<typename S>
using TimeField = Field<S, QDateTime>;
//! Written when present.
template<typename S>
using OptionalInt64Field = Field<S, std::optional<qint64>>;

template<typename S>
struct FieldTable
{
    QList<StringField<S>> strings = {};
    QList<BoolField<S>> booleans = {};
    QList<IntField<S>> ints = {};
    QList<Int64Field<S>> int64s = {};
    QList<TimeField<S>> times = {};
    QList<OptionalInt64Field<S>> optionalInt64s = {};
};

//! Reads every field of \a table. A member that is absent or of the wrong type reads as empty,
//! invalid or absent; booleans and numbers then keep the value \a into has (its default).
template<typename S>
void readFields(const QJsonObject &object, S &into, const FieldTable<S> &table)
{
    for (const StringField<S> &field : table.strings)
        into.*field.member = string(object, field.key);
    for (const BoolField<S> &field : table.booleans)
        into.*field.member = boolean(object, field.key, into.*field.member);
    for (const IntField<S> &field : table.ints)
        into.*field.member = int32(object, field.key, into.*field.member);
    for (const Int64Field<S> &field : table.int64s)
        into.*field.member = int64(object, field.key, into.*field.member);
    for (const TimeField<S> &field : table.times)
        into.*field.member = timestampFromJson(object.value(field.key));
    for (const OptionalInt64Field<S> &field : table.optionalInt64s)
        into.*field.member = optionalInt64(object, field.key);
}

//! An entity with no more than plain fields (and no required one), or nullopt for a non-object.
template<typename S>
std::optional<S> decodeFields(const QJsonValue &value, const FieldTable<S> &table)
{
    return decodeObject<S>(value, [&table](const QJsonObject &object, S &into) {
        readFields(object, into, table);
        return true;
    });
}

template<typename Number>
bool shouldEmitNumber(Emit when, Number value)
{
    switch (when) {
    case Emit::Always:
        return true;
    case Emit::IfSet:
        return value != 0;
    case Emit::IfKnown:
        return value >= 0;
    }
    return true;
}

template<typename S>
void writeFields(QJsonObject &object, const S &from, const FieldTable<S> &table)
{
    for (const StringField<S> &field : table.strings) {
        const QString &value = from.*field.member;
        if (field.when == Emit::Always || !value.isEmpty())
            object.insert(field.key, value);
    }
    for (const BoolField<S> &field : table.booleans) {
        if (field.when == Emit::Always || from.*field.member)
            object.insert(field.key, from.*field.member);
    }
    for (const IntField<S> &field : table.ints) {
        if (shouldEmitNumber(field.when, from.*field.member))
            object.insert(field.key, from.*field.member);
    }
    for (const Int64Field<S> &field : table.int64s) {
        if (shouldEmitNumber(field.when, from.*field.member))
            object.insert(field.key, from.*field.member);
    }
    for (const TimeField<S> &field : table.times)
        insertIfValid(object, field.key, from.*field.member);
    for (const OptionalInt64Field<S> &field : table.optionalInt64s) {
        if (const std::optional<qint64> &value = from.*field.member)
            object.insert(field.key, *value);
    }
}

} // namespace AgentDesk::ApiJson::Fields
