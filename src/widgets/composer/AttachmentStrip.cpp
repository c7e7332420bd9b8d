#include "widgets/composer/AttachmentStrip.h"

#include "core/Logging.h"
#include "core/api/AttachmentUploader.h"
#include "core/api/AttachmentUploads.h"
#include "core/api/DisplayText.h"
#include "widgets/composer/ImageShrinker.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr QSize thumbnailSize(112, 64);
constexpr int cardWidth = 128;

//! Worker side: keeps a pasted image on disk so a draft can bring it back after a restart.
void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        file.commit();
}

//! At most \a limit bytes of \a path (enough to tell "too large" without reading it all).
QByteArray readFile(const QString &path, qint64 limit = AttachmentUploader::maxUploadBytes + 1)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(limit) : QByteArray();
}

//! Images larger than this are not offered for shrinking (decoding would need too much memory).
constexpr qint64 maxShrinkInputBytes = 128LL * 1024 * 1024;

} // namespace

struct AttachmentStrip::Item
{
    QString name;
    QString localPath;
    QString mimeType;
    QByteArray bytes;
    FileId fileId;
    ItemState state = ItemState::Waiting;
    ApiError error;
    QPointer<AttachmentUploader> upload; //!< Owned by AttachmentUploads.
    QFrame *card = nullptr;
    QLabel *thumb = nullptr;
    QLabel *title = nullptr;
    QLabel *status = nullptr;
    QProgressBar *bar = nullptr;
    QToolButton *cancel = nullptr;
    QToolButton *retry = nullptr;
    QToolButton *remove = nullptr;
};

AttachmentStrip::AttachmentStrip(AttachmentUploads *uploads, QWidget *parent)
    : QWidget(parent)
    , m_uploads(uploads)
    , m_accepted(AttachmentUploader::acceptedMimeTypes())
    , m_cards(new QHBoxLayout)
    , m_message(new QLabel(this))
    , m_shrink(new QPushButton(this))
{
    setObjectName(u"attachmentStrip"_s);
    setAcceptDrops(true);
    m_message->setObjectName(u"attachmentMessageLabel"_s);
    m_message->setWordWrap(true);
    m_message->hide();
    QPalette warning = m_message->palette();
    warning.setColor(QPalette::WindowText, QColor(0xcf, 0x22, 0x2e));
    m_message->setPalette(warning);
    m_shrink->setObjectName(u"attachmentShrinkButton"_s);
    m_shrink->setText(tr("Shrink and attach"));
    m_shrink->hide();
    connect(m_shrink, &QPushButton::clicked, this, &AttachmentStrip::handleShrink);

    m_cards->setContentsMargins(0, 0, 0, 0);
    m_cards->setSpacing(6);
    m_cards->addStretch(1);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_shrink);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(m_cards);
    layout->addLayout(messageRow);
}

AttachmentStrip::~AttachmentStrip()
{
    // The jobs are the Session's: give back what the cards started.
    for (const auto &item : m_items) {
        if (m_uploads)
            m_uploads->release(item->upload);
    }
}

void AttachmentStrip::setOrganization(const OrganizationId &organizationId)
{
    m_organizationId = organizationId;
    for (const auto &item : m_items) {
        if (item->state == ItemState::Waiting)
            startUpload(item.get());
    }
}

void AttachmentStrip::setAcceptedTypes(const QStringList &mimeTypes)
{
    m_accepted = mimeTypes;
}

bool AttachmentStrip::addFile(const QString &path)
{
    const ApiResult<AttachmentCheck> check = AttachmentUploader::validate(path, m_accepted);
    if (!check.ok()) {
        const QFileInfo info(path);
        const bool bigImage = info.size() > AttachmentUploader::maxUploadBytes
            && info.size() <= maxShrinkInputBytes
            && AttachmentUploader::inspect(readFile(path, 64), info.fileName()).isImage;
        if (bigImage) {
            m_shrinkBytes = readFile(path, maxShrinkInputBytes);
            m_shrinkName = info.fileName();
        }
        showMessage(check.error().message, bigImage);
        return false;
    }
    return addChecked(readFile(path), check.value().name, path, check.value().mimeType);
}

bool AttachmentStrip::addImage(const QImage &image, const QString &name)
{
    if (image.isNull()) {
        showMessage(tr("The clipboard image could not be read."));
        return false;
    }
    const QString fileName = name.isEmpty()
        ? tr("pasted-image-%1.png").arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s))
        : name;
    return addBytes(ImageShrinker::toPng(image), fileName);
}

bool AttachmentStrip::addBytes(const QByteArray &bytes, const QString &name)
{
    const ApiResult<AttachmentCheck> check = AttachmentUploader::validate(bytes, name, m_accepted);
    if (!check.ok()) {
        const bool bigImage = bytes.size() > AttachmentUploader::maxUploadBytes
            && AttachmentUploader::inspect(bytes.left(64), name).isImage;
        if (bigImage) {
            m_shrinkBytes = bytes;
            m_shrinkName = name;
        }
        showMessage(check.error().message, bigImage);
        return false;
    }
    return addChecked(
        bytes, check.value().name, savePasted(bytes, check.value().name), check.value().mimeType);
}

bool AttachmentStrip::canTake(const QMimeData *mime)
{
    if (!mime)
        return false;
    if (mime->hasImage())
        return true;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
}

bool AttachmentStrip::addMimeData(const QMimeData *mime)
{
    if (!mime)
        return false;
    bool took = false;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        took = true;
        addFile(url.toLocalFile());
    }
    if (took)
        return true;
    if (mime->hasImage()) {
        addImage(qvariant_cast<QImage>(mime->imageData()));
        return true;
    }
    return false;
}

void AttachmentStrip::openFilePicker()
{
    auto *dialog = new QFileDialog(this, tr("Attach files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setMimeTypeFilters(QStringList(m_accepted) << u"application/octet-stream"_s);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &file : files)
            addFile(file);
    });
    dialog->open();
}

bool AttachmentStrip::addChecked(
    const QByteArray &bytes, const QString &name, const QString &localPath, const QString &mimeType)
{
    showMessage({});
    auto owned = std::make_unique<Item>();
    Item *item = owned.get();
    item->name = name;
    item->localPath = localPath;
    item->mimeType = mimeType;
    item->bytes = bytes;

    item->card = new QFrame(this);
    item->card->setObjectName(u"attachmentCard"_s);
    item->card->setFrameShape(QFrame::StyledPanel);
    item->card->setFixedWidth(cardWidth);
    item->thumb = new QLabel(item->card);
    item->thumb->setObjectName(u"attachmentThumbnail"_s);
    item->thumb->setFixedSize(thumbnailSize);
    item->thumb->setAlignment(Qt::AlignCenter);
    item->thumb->setCursor(Qt::PointingHandCursor);
    item->thumb->installEventFilter(this);
    item->title = new QLabel(item->card);
    const QString shownName = safeDisplayText(name); // a name may carry bidi overrides
    item->title->setToolTip(shownName);
    item->title->setText(
        item->title->fontMetrics().elidedText(shownName, Qt::ElideMiddle, cardWidth - 12));
    item->status = new QLabel(item->card);
    item->status->setObjectName(u"attachmentStatusLabel"_s);
    item->bar = new QProgressBar(item->card);
    item->bar->setObjectName(u"attachmentProgress"_s);
    item->bar->setMaximumHeight(6);
    item->bar->setTextVisible(false);
    item->bar->setRange(0, 1000);
    item->cancel = new QToolButton(item->card);
    item->cancel->setObjectName(u"attachmentCancelButton"_s);
    item->cancel->setText(tr("Cancel"));
    item->cancel->setToolTip(tr("Stop uploading %1").arg(shownName));
    item->retry = new QToolButton(item->card);
    item->retry->setObjectName(u"attachmentRetryButton"_s);
    item->retry->setText(tr("Retry"));
    item->remove = new QToolButton(item->card);
    item->remove->setObjectName(u"attachmentRemoveButton"_s);
    item->remove->setText(u"×"_s);
    item->remove->setToolTip(tr("Remove %1").arg(shownName));
    item->remove->setAutoRaise(true);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(item->thumb, 1);
    top->addWidget(item->remove, 0, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(item->status, 1);
    buttons->addWidget(item->cancel);
    buttons->addWidget(item->retry);
    auto *layout = new QVBoxLayout(item->card);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(item->title);
    layout->addWidget(item->bar);
    layout->addLayout(buttons);

    connect(item->cancel, &QToolButton::clicked, this, [this, item] { cancelAt(indexOf(item)); });
    connect(item->retry, &QToolButton::clicked, this, [this, item] { retryAt(indexOf(item)); });
    connect(item->remove, &QToolButton::clicked, this, [this, item] { removeAt(indexOf(item)); });

    // Thumbnail decoded off the GUI thread; a file icon until then (and for non-images).
    item->thumb->setPixmap(style()->standardIcon(QStyle::SP_FileIcon).pixmap(32, 32));
    if (mimeType.startsWith(u"image/") && !bytes.isEmpty()) {
        auto *watcher = new QFutureWatcher<QImage>(item->thumb);
        QLabel *thumb = item->thumb;
        connect(watcher, &QFutureWatcherBase::finished, thumb, [watcher, thumb] {
            const QImage image = watcher->result();
            if (!image.isNull())
                thumb->setPixmap(QPixmap::fromImage(image));
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run(ImageShrinker::thumbnail, bytes, thumbnailSize));
    }

    m_cards->insertWidget(m_cards->count() - 1, item->card);
    m_items.push_back(std::move(owned));
    startUpload(item);
    emit changed();
    return true;
}

void AttachmentStrip::startUpload(Item *item)
{
    if (m_organizationId.isNull() || !m_uploads || !m_uploads->isAvailable()) {
        item->state = ItemState::Waiting;
        updateCard(item);
        return;
    }
    if (!item->upload) {
        item->state = ItemState::Uploading;
        updateCard(item);
        item->upload = m_uploads->start(m_organizationId, item->bytes, item->mimeType, item->name);
        if (!item->upload)
            return;
        connect(item->upload, &AttachmentUploader::progress, item->card,
            [item](qint64 sent, qint64 total) {
                item->bar->setValue(total > 0 ? int(sent * 1000 / total) : 0);
            });
        connect(item->upload, &AttachmentUploader::finished, this,
            [this, item](const FileId &id) { handleUploadFinished(item, id); });
        connect(item->upload, &AttachmentUploader::failed, this,
            [this, item](const ApiError &error) { handleUploadFailed(item, error); });
        return;
    }
    item->state = ItemState::Uploading;
    updateCard(item);
    item->upload->retry();
}

void AttachmentStrip::handleUploadFinished(Item *item, const FileId &id)
{
    item->fileId = id;
    item->state = ItemState::Uploaded;
    updateCard(item);
    emit changed();
    if (canSend())
        emit uploadsFinished();
}

void AttachmentStrip::handleUploadFailed(Item *item, const ApiError &error)
{
    item->error = error;
    item->state = ItemState::Failed;
    updateCard(item);
    showMessage(tr("%1 could not be uploaded: %2")
                    .arg(safeDisplayText(item->name), error.toDisplayString()));
    emit changed();
}

void AttachmentStrip::updateCard(Item *item)
{
    const ItemState state = item->state;
    item->bar->setVisible(state == ItemState::Uploading || state == ItemState::Waiting);
    if (state == ItemState::Uploaded)
        item->bar->setValue(1000);
    else if (state != ItemState::Uploading)
        item->bar->setValue(0);
    item->cancel->setVisible(state == ItemState::Uploading);
    item->retry->setVisible(state == ItemState::Failed || state == ItemState::Cancelled);
    QString status;
    switch (state) {
    case ItemState::Waiting:
        status = tr("Waiting");
        break;
    case ItemState::Uploading:
        status = tr("Uploading");
        break;
    case ItemState::Uploaded:
        status = QLocale().formattedDataSize(item->bytes.size(), 1);
        break;
    case ItemState::Failed:
        status = tr("Failed");
        break;
    case ItemState::Cancelled:
        status = tr("Cancelled");
        break;
    }
    item->status->setText(status);
    item->status->setToolTip(
        state == ItemState::Failed ? item->error.toDisplayString() : QString());
    item->card->setStyleSheet(state == ItemState::Failed
            ? u"QFrame#attachmentCard { border: 1px solid #cf222e; }"_s
            : QString());
}

void AttachmentStrip::showMessage(const QString &text, bool offerShrink)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_shrink->setVisible(offerShrink);
    if (!offerShrink) {
        m_shrinkBytes.clear();
        m_shrinkName.clear();
    }
}

void AttachmentStrip::handleShrink()
{
    if (m_shrinkBytes.isEmpty())
        return;
    const QByteArray bytes = m_shrinkBytes;
    const QString name = m_shrinkName;
    m_shrink->setEnabled(false);
    m_message->setText(tr("Shrinking %1…").arg(name));
    auto *watcher = new QFutureWatcher<std::optional<ShrunkImage>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        m_shrink->setEnabled(true);
        const std::optional<ShrunkImage> shrunk = watcher->result();
        if (!shrunk) {
            showMessage(tr("%1 could not be made small enough to attach.").arg(name));
            return;
        }
        const QString base = QFileInfo(name).completeBaseName();
        addBytes(shrunk->bytes, base + u'.' + shrunk->suffix);
    });
    watcher->setFuture(QtConcurrent::run(
        ImageShrinker::shrinkToFit, bytes, qint64(AttachmentUploader::maxUploadBytes)));
}

int AttachmentStrip::indexOf(const Item *item) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].get() == item)
            return int(i);
    }
    return -1;
}

AttachmentStrip::ItemState AttachmentStrip::stateAt(int index) const
{
    return index >= 0 && index < count() ? m_items[size_t(index)]->state : ItemState::Failed;
}

QString AttachmentStrip::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void AttachmentStrip::removeAt(int index)
{
    if (index < 0 || index >= count())
        return;
    std::unique_ptr<Item> item = std::move(m_items[size_t(index)]);
    m_items.erase(m_items.begin() + index);
    if (m_uploads)
        m_uploads->release(item->upload); // the Session's job: cancelled and deleted
    delete item->card;
    emit changed();
    if (!m_items.empty() && canSend())
        emit uploadsFinished();
}

void AttachmentStrip::cancelAt(int index)
{
    if (index < 0 || index >= count())
        return;
    Item *item = m_items[size_t(index)].get();
    if (item->state != ItemState::Uploading || !item->upload)
        return;
    item->upload->cancel();
    item->state = ItemState::Cancelled;
    updateCard(item);
    emit changed();
}

void AttachmentStrip::retryAt(int index)
{
    if (index < 0 || index >= count())
        return;
    Item *item = m_items[size_t(index)].get();
    if (item->state != ItemState::Failed && item->state != ItemState::Cancelled)
        return;
    showMessage({});
    startUpload(item);
    emit changed();
}

void AttachmentStrip::clear()
{
    while (!m_items.empty())
        removeAt(count() - 1);
    showMessage({});
}

QList<FileId> AttachmentStrip::attachments() const
{
    QList<FileId> ids;
    for (const auto &item : m_items) {
        if (item->state == ItemState::Uploaded)
            ids.append(item->fileId);
    }
    return ids;
}

bool AttachmentStrip::canSend() const
{
    return std::all_of(m_items.begin(), m_items.end(),
        [](const auto &item) { return item->state == ItemState::Uploaded; });
}

QList<DraftAttachment> AttachmentStrip::draftAttachments() const
{
    QList<DraftAttachment> drafts;
    for (const auto &item : m_items) {
        DraftAttachment draft;
        draft.localPath = item->localPath;
        draft.fileId = item->fileId.isNull() ? QString() : item->fileId.toString();
        draft.name = item->name;
        draft.mimeType = item->mimeType;
        draft.sizeBytes = item->bytes.size();
        drafts.append(draft);
    }
    return drafts;
}

void AttachmentStrip::restoreDraftAttachments(const QList<DraftAttachment> &attachments)
{
    clear();
    for (const DraftAttachment &draft : attachments) {
        const FileId id = FileId::fromString(draft.fileId);
        if (id.isNull()) {
            if (!draft.localPath.isEmpty())
                addFile(draft.localPath);
            continue;
        }
        // Already on the server: no upload, just the card (thumbnail from the local copy).
        const QByteArray bytes =
            QFileInfo::exists(draft.localPath) ? readFile(draft.localPath) : QByteArray();
        const OrganizationId organization = m_organizationId;
        m_organizationId = {}; // park it: addChecked must not upload again
        addChecked(bytes, draft.name, draft.localPath, draft.mimeType);
        m_organizationId = organization;
        Item *item = m_items.back().get();
        item->fileId = id;
        item->state = ItemState::Uploaded;
        updateCard(item);
    }
    emit changed();
}

QString AttachmentStrip::savePasted(const QByteArray &bytes, const QString &name) const
{
    const QString directory =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/attachments"_s;
    const QString path = directory + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces)
        + u'-' + QFileInfo(name).fileName();
    // Fire and forget on the pool: the draft only needs the path; the bytes are in memory.
    auto future = QtConcurrent::run(writeFile, path, bytes);
    Q_UNUSED(future)
    return path;
}

void AttachmentStrip::dragEnterEvent(QDragEnterEvent *event)
{
    if (canTake(event->mimeData()))
        event->acceptProposedAction();
}

void AttachmentStrip::dragMoveEvent(QDragMoveEvent *event)
{
    if (canTake(event->mimeData()))
        event->acceptProposedAction();
}

void AttachmentStrip::dropEvent(QDropEvent *event)
{
    if (addMimeData(event->mimeData()))
        event->acceptProposedAction();
}

bool AttachmentStrip::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        for (const auto &item : m_items) {
            if (item->thumb == watched && !item->bytes.isEmpty()) {
                emit previewRequested(item->bytes, item->name);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace AgentDesk
