#include "core/api/AttachmentUploads.h"

#include "core/api/ApiClient.h"
#include "core/api/AttachmentUploader.h"

namespace AgentDesk {

AttachmentUploads::AttachmentUploads(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

AttachmentUploads::~AttachmentUploads() = default;

AttachmentUploader *AttachmentUploads::start(const OrganizationId &organizationId,
    const QByteArray &bytes, const QString &mimeType, const QString &fileName)
{
    if (!m_api)
        return nullptr;
    auto *job = new AttachmentUploader(this);
    job->start(m_api, organizationId, bytes, mimeType, fileName);
    return job;
}

void AttachmentUploads::release(AttachmentUploader *job)
{
    if (!job)
        return;
    job->cancel();
    job->deleteLater();
}

} // namespace AgentDesk
