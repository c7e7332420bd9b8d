#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QNetworkReply;
class QUrl;

namespace AgentDesk {

//! Why a REST call failed, in words a user can read. `message` is always set: Coder's own
//! `message` when the server sent one, else a translated fallback. `detail` holds Coder's
//! `detail` or the transport error text; it never contains the session token (the token is
//! never part of a URL, so Qt's error strings cannot carry it).
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(AgentDesk::ApiError)

public:
    enum class Kind {
        Network,    //!< No HTTP answer: refused, DNS, TLS, connection reset.
        Http,       //!< The server answered with a status >= 400.
        Decode,     //!< A 2xx answer whose body could not be understood.
        Validation, //!< Input rejected: 400 with `validations`, or a client-side check.
        Cancelled,  //!< The caller aborted the request (for example an upload).
        Timeout,    //!< No data moved within the transfer timeout.
        Refused,    //!< The client refused the answer: a redirect to another origin.
    };

    //! One entry of Coder's `validations` array.
    struct FieldError
    {
        QString field;
        QString detail;
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; //!< 0 when there was no HTTP answer.
    QString message;
    QString detail;
    QList<FieldError> validations;
    QString serverKind; //!< The body's `kind`, e.g. hook_denied, hook_dispatch_failed.

    //! From a finished reply and its already-read body.
    static ApiError fromReply(const QNetworkReply &reply, const QByteArray &body);
    //! From a status and an error body without a reply (tests, WebSocket handshakes).
    static ApiError fromHttpStatus(int status, const QByteArray &body);
    //! A 2xx body that did not decode; `what` names the thing, e.g. tr("chat list").
    static ApiError decodeFailure(const QString &what, const QString &detail = {});
    //! A request the client refused to send, e.g. a missing organization.
    static ApiError validationFailure(const QString &message, const QString &detail = {});
    static ApiError cancelled();
    static ApiError timeout(const QString &detail = {});
    //! A redirect away from the deployment's origin (another host or port, or https → http)
    //! that was not followed, so the session token never went there. Names the target.
    static ApiError redirectRefused(const QUrl &from, const QUrl &target);
    //! A 2xx answer that ended before its declared length, or stalled mid-body.
    static ApiError truncated(qint64 received, qint64 declared);
    //! A 2xx answer that is not well-formed (garbled chunks, a body that is not JSON).
    static ApiError malformed(const QString &what, const QString &detail = {});

    bool isHttpStatus(int status) const noexcept
    {
        return kind != Kind::Network && httpStatus == status;
    }
    //! Worth offering "Retry": transport trouble, timeouts, 429 and 5xx.
    bool isTransient() const noexcept;
    //! One line for a banner: message, then detail in parentheses when there is one.
    QString toDisplayString() const;
};

} // namespace AgentDesk
