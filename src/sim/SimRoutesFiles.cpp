#include "SimRoutes.h"
#include "SimRoutesCommon.h"
#include "SimState.h"

#include <QJsonDocument>
#include <QRegularExpression>

// Chat file uploads and downloads.

namespace AgentDeskSim {

using namespace routes;

namespace {

// Sniffs the real type of an upload; text kinds are refined by the declared type later.
QString sniff(const QByteArray &data)
{
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (data.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (data.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    const QByteArray head = data.left(8192);
    if (head.contains('\0'))
        return QStringLiteral("application/octet-stream");
    QJsonParseError parseError;
    QJsonDocument::fromJson(data, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return QStringLiteral("application/json");
    return QStringLiteral("text/plain");
}

} // namespace

HttpResponse SimRoutes::uploadFile(const HttpRequest &request)
{
    const QString org = request.queryValue(QStringLiteral("organization"));
    if (!SimState::isUuid(org))
        return badQuery(
            QStringLiteral("organization"), QStringLiteral("must be a valid organization UUID"));
    if (org.toLower() != QLatin1String(SimState::orgId))
        return HttpResponse::error(
            403, QStringLiteral("You are not a member of this organization."));
    if (request.body.size() > maxUploadBytes)
        return HttpResponse::error(413, QStringLiteral("File too large."),
            QStringLiteral("Files must be at most 10 MiB."));
    static const QRegularExpression filenameRe(
        QStringLiteral("filename\\*?=\\s*(?:UTF-8''([^;]+)|\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QString filename;
    const QString disposition = QString::fromUtf8(request.header("content-disposition"));
    auto matches = filenameRe.globalMatch(disposition);
    while (matches.hasNext()) {
        const auto match = matches.next();
        if (!match.captured(1).isEmpty()) {
            filename =
                QString::fromUtf8(QByteArray::fromPercentEncoding(match.captured(1).toUtf8()));
            break; // filename* wins
        }
        if (!match.captured(2).isEmpty()) {
            // RFC 6266 quoted-string: a backslash escapes the next character.
            static const QRegularExpression escaped(QStringLiteral("\\\\(.)"));
            filename = match.captured(2);
            filename.replace(escaped, QStringLiteral("\\1"));
        } else {
            filename = match.captured(3);
        }
    }
    filename = filename.trimmed();
    if (filename.isEmpty())
        return HttpResponse::error(400, QStringLiteral("Filename is required."),
            QStringLiteral("Send Content-Disposition: attachment; filename=\"name.ext\"."));
    if (request.body.isEmpty())
        return HttpResponse::error(400, QStringLiteral("File is empty."));
    static const QStringList allowed{QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"), QStringLiteral("image/webp"), QStringLiteral("text/plain"),
        QStringLiteral("text/markdown"), QStringLiteral("text/csv"),
        QStringLiteral("application/json"), QStringLiteral("application/pdf")};
    static const QStringList textual{QStringLiteral("text/plain"), QStringLiteral("text/markdown"),
        QStringLiteral("text/csv"), QStringLiteral("application/json")};
    QString declared = QString::fromUtf8(request.header("content-type"))
                           .section(QLatin1Char(';'), 0, 0)
                           .trimmed()
                           .toLower();
    const QString detected = sniff(request.body);
    QString stored;
    if (declared.isEmpty() || declared == QLatin1String("application/octet-stream")) {
        stored = detected;
    } else {
        if (!allowed.contains(declared))
            return HttpResponse::error(400, QStringLiteral("Unsupported file type."),
                QStringLiteral("%1 is not an allowed chat file type.").arg(declared));
        const bool compatible = declared == detected
            || (textual.contains(declared) && textual.contains(detected)
                && (declared != QLatin1String("application/json")
                    || detected == QLatin1String("application/json")));
        if (!compatible)
            return HttpResponse::error(400,
                QStringLiteral("File content does not match the declared content type."),
                QStringLiteral("declared %1, detected %2").arg(declared, detected));
        stored = declared;
    }
    if (!allowed.contains(stored))
        return HttpResponse::error(400, QStringLiteral("Unsupported file type."),
            QStringLiteral("%1 is not an allowed chat file type.").arg(stored));
    SimFile file;
    file.id = m_state->newUuid();
    file.ownerId = QLatin1String(SimState::userId);
    file.organizationId = org.toLower();
    file.name = filename;
    file.mimeType = stored;
    file.data = request.body;
    file.createdAt = QDateTime::currentDateTimeUtc();
    const QString id = m_state->insertFile(file).id;
    return HttpResponse::json(201, QJsonObject{{QStringLiteral("id"), id}});
}

HttpResponse SimRoutes::getFile(const QString &id)
{
    if (!SimState::isUuid(id))
        return HttpResponse::error(400, QStringLiteral("Invalid UUID \"%1\".").arg(id));
    const SimFile *file = m_state->file(id);
    if (!file)
        return resourceNotFound();
    HttpResponse r;
    r.status = 200;
    r.body = file->data;
    const bool inlined = file->mimeType.startsWith(QLatin1String("image/"))
        || file->mimeType == QLatin1String("application/pdf");
    // RFC 6266: an ASCII fallback in filename, the exact name in filename* when they differ.
    QByteArray asciiName;
    for (const QChar c : file->name)
        asciiName += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\')
            ? char(c.unicode())
            : '_';
    QByteArray disposition =
        QByteArray(inlined ? "inline" : "attachment") + "; filename=\"" + asciiName + "\"";
    if (QString::fromLatin1(asciiName) != file->name)
        disposition += "; filename*=UTF-8''" + file->name.toUtf8().toPercentEncoding();
    r.addHeader("Content-Type", file->mimeType.toUtf8());
    r.addHeader("Content-Disposition", disposition);
    r.addHeader("Cache-Control", "private, max-age=31536000, immutable");
    return r;
}

} // namespace AgentDeskSim
