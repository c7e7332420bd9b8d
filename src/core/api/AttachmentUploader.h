#pragma once

#include "core/api/ApiResult.h"
#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QNetworkReply;

namespace AgentDesk {

class ApiClient;

//! What validation found out about a file, by content (never by name).
struct AttachmentCheck
{
    QString name;     //!< The file name to upload under (no directories).
    QString mimeType; //!< Detected from the content; what to send as Content-Type.
    qint64 sizeBytes = 0;
    bool isImage = false;

    bool operator==(const AttachmentCheck &) const = default;
};

//! Which file types the deployment accepts (§9.1).
enum class AcceptedFileTypes {
    ImagesOnly, //!< Seed-era builds: PNG, JPEG, GIF, WebP.
    Newest,     //!< Images plus text, Markdown, CSV, JSON and PDF.
};

//! Checks an attachment before any byte is sent, then uploads it with progress (design.md c.7).
//!
//! validate() is static and pure: type by content (magic bytes, then QMimeDatabase on the
//! bytes), size ≤ 10 MiB, with translated refusals of kind ApiError::Kind::Validation.
//!
//! An instance is one upload job: start() posts the bytes as given (callers validate first;
//! tests use that to reach the server's own 400 and 413), progress() reports bytes sent,
//! and exactly one of finished() or failed() follows, unless cancel() was called: after
//! cancel() the job emits nothing until retry().
class AttachmentUploader final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 maxUploadBytes = 10 * 1024 * 1024;

    enum class State { Idle, Uploading, Finished, Failed, Cancelled };
    Q_ENUM(State)

    static QStringList acceptedMimeTypes(AcceptedFileTypes types = AcceptedFileTypes::Newest);

    //! Reads \a path (only when its size is within the limit) and validates the bytes.
    static ApiResult<AttachmentCheck> validate(
        const QString &path, const QStringList &accepted = acceptedMimeTypes());
    static ApiResult<AttachmentCheck> validate(const QByteArray &bytes, const QString &name,
        const QStringList &accepted = acceptedMimeTypes());
    //! The facts without a verdict: lets a caller offer to shrink an image that is too large.
    static AttachmentCheck inspect(const QByteArray &bytes, const QString &name);
    //! The MIME type of \a bytes by content; \a name only refines text (Markdown, CSV, JSON).
    static QString detectMimeType(const QByteArray &bytes, const QString &name = {});

    explicit AttachmentUploader(QObject *parent = nullptr);
    ~AttachmentUploader() override;

    //! Posts \a bytes to {P}/files. \a api must outlive the job or be destroyed with it.
    void start(ApiClient *api, const OrganizationId &organizationId, const QByteArray &bytes,
        const QString &mimeType, const QString &fileName);
    //! Aborts a running upload; nothing is emitted afterwards.
    void cancel();
    //! Starts the last upload again (after failed() or cancel()).
    void retry();

    State state() const noexcept { return m_state; }
    FileId fileId() const { return m_fileId; }
    ApiError lastError() const { return m_lastError; }
    qint64 bytesSent() const noexcept { return m_sent; }
    qint64 bytesTotal() const { return m_bytes.size(); }
    QString fileName() const { return m_fileName; }
    QString mimeType() const { return m_mimeType; }

signals:
    //! Bytes sent so far; never decreases within an attempt, ends at \a total.
    void progress(qint64 sent, qint64 total);
    void finished(const AgentDesk::FileId &fileId);
    void failed(const AgentDesk::ApiError &error);

private:
    void send();
    void handleProgress(quint64 attempt, qint64 sent, qint64 total);
    void handleResult(quint64 attempt, const ApiResult<FileId> &result);

    QPointer<ApiClient> m_api;
    OrganizationId m_organizationId;
    QByteArray m_bytes;
    QString m_mimeType;
    QString m_fileName;
    QPointer<QNetworkReply> m_reply;
    State m_state = State::Idle;
    FileId m_fileId;
    ApiError m_lastError;
    qint64 m_sent = 0;
    //! Bumped by every start and cancel, so callbacks of an older attempt are ignored.
    quint64 m_attempt = 0;
};

//! Translated texts of validation (a QObject-free context for tr()).
struct AttachmentText
{
    Q_DECLARE_TR_FUNCTIONS(AgentDesk::AttachmentUploader)
};

} // namespace AgentDesk
