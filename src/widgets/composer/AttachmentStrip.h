#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/storage/DraftStore.h"

#include <QImage>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QHBoxLayout;
class QLabel;
class QMimeData;
class QPushButton;

namespace AgentDesk {

class AttachmentUploads;
class AttachmentUploader;
class AttachmentUploads;

//! The composer's pending attachments (design.md c.7 "Uploads", product.md §1.3): a row of
//! cards with a thumbnail, a progress bar, Cancel, Retry and Remove. Every file is validated
//! by content and size before a byte is sent; refusals are shown inline (objectName
//! attachmentMessageLabel), with "Shrink and attach" for images over 10 MiB.
//!
//! Hook-up for ComposerWidget: embed it above the editor; forward paste (canInsertFromMimeData
//! / insertFromMimeData) and drops to addMimeData(); a "+" menu entry calls openFilePicker();
//! on send, use attachments() as file parts and call clear(); keep drafts with
//! draftAttachments() / restoreDraftAttachments(); enable Send while canSend(). The strip
//! accepts drops itself too. objectName attachmentStrip.
class AttachmentStrip final : public QWidget
{
    Q_OBJECT

public:
    enum class ItemState { Waiting, Uploading, Uploaded, Failed, Cancelled };
    Q_ENUM(ItemState)

    //! \a api is not owned and must outlive the strip.
    explicit AttachmentStrip(AttachmentUploads *uploads, QWidget *parent = nullptr);
    ~AttachmentStrip() override;

    //! Uploads go to this organization; items added before it is known wait for it.
    void setOrganization(const OrganizationId &organizationId);
    //! The deployment's accepted MIME types (AttachmentUploader::acceptedMimeTypes()).
    void setAcceptedTypes(const QStringList &mimeTypes);

    //! Validates and uploads a local file. False (with the reason shown) when refused.
    bool addFile(const QString &path);
    //! A pasted or captured image, uploaded as PNG.
    bool addImage(const QImage &image, const QString &name = {});
    //! Bytes under a name (no local file).
    bool addBytes(const QByteArray &bytes, const QString &name);
    //! Takes local file URLs or an image from \a mime (paste, drop). Returns whether it took
    //! anything; text alone is left to the editor.
    bool addMimeData(const QMimeData *mime);
    //! True when \a mime holds something addMimeData() would take.
    static bool canTake(const QMimeData *mime);
    //! A non-modal file picker (QFileDialog::open).
    void openFilePicker();

    //! Ids of the uploaded files, in the order they were added.
    QList<FileId> attachments() const;
    //! Everything added is uploaded (and nothing failed or is still uploading).
    bool canSend() const;
    bool isEmpty() const { return m_items.empty(); }
    int count() const { return int(m_items.size()); }
    ItemState stateAt(int index) const;
    QString messageText() const;

    void removeAt(int index);
    void cancelAt(int index);
    void retryAt(int index);
    void clear();

    //! For DraftStore: local paths (pasted images are saved under AppDataLocation/attachments)
    //! and the file ids of what is uploaded.
    QList<DraftAttachment> draftAttachments() const;
    //! Puts back a draft's attachments: uploaded ones by id, others are validated and uploaded.
    void restoreDraftAttachments(const QList<DraftAttachment> &attachments);

signals:
    //! Items were added or removed, or one changed state.
    void changed();
    //! Every item is uploaded (canSend() became true).
    void uploadsFinished();
    //! The user clicked a thumbnail: show it large (ImageViewer).
    void previewRequested(const QByteArray &bytes, const QString &name);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Item;

    bool addChecked(const QByteArray &bytes, const QString &name, const QString &localPath,
        const QString &mimeType);
    void startUpload(Item *item);
    void updateCard(Item *item);
    void showMessage(const QString &text, bool offerShrink = false);
    void handleShrink();
    void handleUploadFinished(Item *item, const FileId &id);
    void handleUploadFailed(Item *item, const ApiError &error);
    int indexOf(const Item *item) const;
    QString savePasted(const QByteArray &bytes, const QString &name) const;

    QPointer<AttachmentUploads> m_uploads;
    OrganizationId m_organizationId;
    QStringList m_accepted;
    std::vector<std::unique_ptr<Item>> m_items;
    QHBoxLayout *m_cards;
    QLabel *m_message;
    QPushButton *m_shrink;
    QByteArray m_shrinkBytes;
    QString m_shrinkName;
};

} // namespace AgentDesk
