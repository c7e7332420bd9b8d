#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace AgentDeskSim {

//! One parsed HTTP/1.1 request (head plus the whole body).
struct HttpRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QString path; // percent-decoded path, no query
    QByteArray rawQuery;
    QList<QPair<QString, QString>> query;  // decoded; '+' is a space like Go's url.ParseQuery
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    quint16 peerPort = 0;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    bool hasQuery(const QString &key) const
    {
        for (const auto &item : query) {
            if (item.first == key)
                return true;
        }
        return false;
    }
    QString queryValue(const QString &key) const
    {
        for (const auto &item : query) {
            if (item.first == key)
                return item.second;
        }
        return {};
    }
    QStringList queryValues(const QString &key) const
    {
        QStringList values;
        for (const auto &item : query) {
            if (item.first == key)
                values.append(item.second);
        }
        return values;
    }
};

//! One HTTP response; errors always carry Coder's `{message, detail?, validations?}` body.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeAfter = false;

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
    }

    static HttpResponse json(int status, const QJsonDocument &doc)
    {
        HttpResponse r;
        r.status = status;
        r.addHeader("Content-Type", "application/json");
        r.body = doc.toJson(QJsonDocument::Compact);
        r.body.append('\n');
        return r;
    }
    static HttpResponse json(int status, const QJsonObject &object)
    {
        return json(status, QJsonDocument(object));
    }
    static HttpResponse json(int status, const QJsonArray &array)
    {
        return json(status, QJsonDocument(array));
    }
    static HttpResponse error(int status, const QString &message, const QString &detail = {},
        const QJsonArray &validations = {})
    {
        QJsonObject o{{QStringLiteral("message"), message}};
        if (!detail.isEmpty())
            o.insert(QStringLiteral("detail"), detail);
        if (!validations.isEmpty())
            o.insert(QStringLiteral("validations"), validations);
        return json(status, o);
    }
    static QJsonObject validation(const QString &field, const QString &detail)
    {
        return {{QStringLiteral("field"), field}, {QStringLiteral("detail"), detail}};
    }
    static HttpResponse noContent()
    {
        HttpResponse r;
        r.status = 204;
        return r;
    }
};

//! What a WebSocket upgrade request was routed to.
struct WsRoute
{
    enum class Kind { Watch, Stream, Git };
    Kind kind = Kind::Watch;
    QString chatId;
    qint64 afterId = 0;
    bool hasAfterId = false;
};

//! Answer of the upgrade check: either an error response or an accepted route.
struct UpgradeDecision
{
    bool accepted = false;
    WsRoute route;
    HttpResponse error;
};

} // namespace AgentDeskSim
