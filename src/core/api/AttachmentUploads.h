#pragma once

#include "core/api/ApiTypes.h"

#include <QObject>
#include <QPointer>

namespace AgentDesk {

class ApiClient;
class AttachmentUploader;

//! The upload jobs of one signed-in session (design.md c.1): the Session owns this object, and
//! this object owns every AttachmentUploader, so widgets create no network objects and no job
//! outlives the session's API client. A widget starts a job here and gives it back with
//! release() when its card goes.
class AttachmentUploads final : public QObject
{
    Q_OBJECT

public:
    explicit AttachmentUploads(ApiClient *api, QObject *parent = nullptr);
    ~AttachmentUploads() override;

    //! A new job posting \a bytes to the organization's files, already started; owned by this
    //! object. Null when the API client is gone.
    AttachmentUploader *start(const OrganizationId &organizationId, const QByteArray &bytes,
        const QString &mimeType, const QString &fileName);
    //! Cancels \a job and deletes it later; null is ignored.
    void release(AttachmentUploader *job);

    bool isAvailable() const { return !m_api.isNull(); }

private:
    QPointer<ApiClient> m_api;
};

} // namespace AgentDesk
