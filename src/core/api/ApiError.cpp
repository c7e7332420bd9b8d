#include "core/api/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString fallbackForStatus(int status)
{
    switch (status) {
    case 400:
        return ApiError::tr("The server rejected the request as invalid.");
    case 401:
        return ApiError::tr("You are signed out or your session has expired. Sign in again.");
    case 403:
        return ApiError::tr("You are not allowed to do this.");
    case 404:
        return ApiError::tr("Not found, or you do not have access.");
    case 409:
        return ApiError::tr("The chat is not in a state that allows this right now.");
    case 413:
        return ApiError::tr("The request is too large.");
    case 429:
        return ApiError::tr("Too many requests. Try again shortly.");
    case 502:
    case 503:
    case 504:
        return ApiError::tr("The Coder deployment is unavailable right now (status %1).")
            .arg(status);
    default:
        break;
    }
    if (status >= 500)
        return ApiError::tr("The Coder deployment had an internal error (status %1).").arg(status);
    return ApiError::tr("The server answered with status %1.").arg(status);
}

QString messageForNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return ApiError::tr("The Coder deployment refused the connection.");
    case QNetworkReply::HostNotFoundError:
        return ApiError::tr("The Coder deployment's host name could not be found.");
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::tr("A secure connection to the Coder deployment could not be made.");
    case QNetworkReply::RemoteHostClosedError:
        return ApiError::tr("The Coder deployment closed the connection unexpectedly.");
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolInvalidOperationError:
        return ApiError::tr("The Coder deployment sent a malformed answer.");
    default:
        return ApiError::tr("Could not reach the Coder deployment.");
    }
}

// Coder answers {"message", "detail", "validations", "kind"}; proxies may answer HTML or
// nothing. Whatever is there is taken, nothing is required.
void readCoderBody(ApiError &error, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return;
    const QJsonObject object = document.object();
    error.message = object.value(u"message").toString().trimmed();
    error.detail = object.value(u"detail").toString();
    error.serverKind = object.value(u"kind").toString();
    const QJsonArray validations = object.value(u"validations").toArray();
    for (const QJsonValue &entry : validations) {
        const QJsonObject item = entry.toObject();
        if (item.isEmpty())
            continue;
        error.validations.append(
            {item.value(u"field").toString(), item.value(u"detail").toString()});
    }
}

ApiError errorOf(
    ApiError::Kind kind, const QString &message, const QString &detail = {}, int httpStatus = 0)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.message = message;
    error.detail = detail;
    return error;
}

} // namespace

ApiError ApiError::fromHttpStatus(int status, const QByteArray &body)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = status;
    readCoderBody(error, body);
    if (status == 400 && !error.validations.isEmpty())
        error.kind = Kind::Validation;
    if (error.message.isEmpty())
        error.message = fallbackForStatus(status);
    return error;
}

ApiError ApiError::fromReply(const QNetworkReply &reply, const QByteArray &body)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400)
        return fromHttpStatus(status, body);

    if (reply.error() == QNetworkReply::OperationCanceledError) {
        // ApiClient tells cancellation and transfer timeout apart before it gets here; a bare
        // reply can only say that it was cancelled.
        ApiError error = cancelled();
        error.httpStatus = status;
        return error;
    }
    return errorOf(
        Kind::Network, messageForNetworkError(reply.error()), reply.errorString(), status);
}

ApiError ApiError::decodeFailure(const QString &what, const QString &detail)
{
    //: %1 names what was expected, e.g. "chat list"
    const QString message = tr("The server sent a %1 this version of AgentDesk cannot read.");
    return errorOf(Kind::Decode, message.arg(what), detail, 200);
}

ApiError ApiError::validationFailure(const QString &message, const QString &detail)
{
    return errorOf(Kind::Validation, message, detail);
}

ApiError ApiError::cancelled()
{
    return errorOf(Kind::Cancelled, tr("The request was cancelled."));
}

ApiError ApiError::timeout(const QString &detail)
{
    return errorOf(Kind::Timeout, tr("The Coder deployment did not answer in time."), detail);
}

ApiError ApiError::redirectRefused(const QUrl &from, const QUrl &target)
{
    const QString shown =
        target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const bool downgrade = from.scheme() == u"https" && target.scheme() == u"http";
    const QString message = downgrade
        //: %1 is the redirect target, e.g. http://coder.example.com/api/v2/users/me
        ? tr("The Coder deployment redirected the request to an unencrypted address, %1. "
             "AgentDesk did not follow it, so your session token was not sent there.")
              .arg(shown)
        //: %1 is the redirect target, e.g. https://other.example.net/api/v2/users/me
        : tr("The Coder deployment redirected the request to another address, %1. AgentDesk "
             "did not follow it, so your session token was not sent there.")
              .arg(shown);
    return errorOf(Kind::Refused, message);
}

ApiError ApiError::truncated(qint64 received, qint64 declared)
{
    const QString message = declared > 0
        ? tr("The Coder deployment's answer broke off after %1 of %2 bytes.")
              .arg(received)
              .arg(declared)
        : tr("The Coder deployment's answer broke off after %1 bytes.").arg(received);
    return errorOf(Kind::Network, message);
}

ApiError ApiError::malformed(const QString &what, const QString &detail)
{
    //: %1 names what was expected, e.g. "chat list"
    const QString message = tr("The server sent a malformed %1: it is not valid JSON.");
    return errorOf(Kind::Decode, message.arg(what), detail, 200);
}

bool ApiError::isTransient() const noexcept
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return httpStatus == 429 || httpStatus >= 500;
    case Kind::Decode:
    case Kind::Validation:
    case Kind::Cancelled:
    case Kind::Refused:
        return false;
    }
    return false;
}

QString ApiError::toDisplayString() const
{
    if (detail.isEmpty())
        return message;
    return u"%1 (%2)"_s.arg(message, detail);
}

} // namespace AgentDesk
