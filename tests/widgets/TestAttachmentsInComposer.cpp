// Screenshots and files in, diffs and PR status out: the real window, composed by Application
// against the test's own agentdesk-sim --demo, driven by objectName as a user would drive it.

#include "AppUnderTest.h"
#include "PaintChecks.h"
#include "SampleImages.h"
#include "app/Application.h"
#include "core/storage/DraftStore.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/DiffModel.h"
#include "models/MessageListModel.h"
#include "support/SimulatorProcess.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/composer/AttachmentStrip.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/composer/MessageEdit.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/conversation/ImageViewer.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/MessageLayoutCache.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/conversation/ThumbnailProvider.h"
#include "widgets/diff/DiffPanel.h"
#include "widgets/diff/DiffView.h"
#include "widgets/shell/MainWindow.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextFragment>
#include <QToolButton>
#include <QUrl>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int uploadWaitMs = 15'000;

} // namespace

class TestAttachmentsInComposer : public AppUnderTestCase
{
    Q_OBJECT

private slots:
    void composer_hasAttachControls()
    {
        ComposerWidget *composer = conversation()->composer();
        auto *attach = composer->findChild<QToolButton *>(u"attachButton"_s);
        auto *screenshot = composer->findChild<QToolButton *>(u"screenshotButton"_s);
        QVERIFY(attach && attach->isVisibleTo(composer));
        QVERIFY(screenshot && screenshot->isVisibleTo(composer));
        auto *strip = composer->findChild<AttachmentStrip *>(u"attachmentStrip"_s);
        QVERIFY(strip);
        QVERIFY(!strip->isVisibleTo(composer)); // hidden while empty
        // Without an xdg-desktop-portal (offscreen CI) the button says why it is off.
        QTRY_VERIFY(screenshot->isEnabled() || !screenshot->toolTip().isEmpty());
    }

    void pasteImage_upload_send_showsThumbnail()
    {
        const ChatId id = chatNamed(u"Fix flaky login e2e test"_s);
        QVERIFY(!id.isNull());
        QVERIFY(showChat(id));
        const auto [composer, strip, edit, send] = composerParts();

        auto *mime = new QMimeData;
        mime->setImageData(sampleScreenshot());
        paste(edit, mime);
        QCOMPARE(strip->count(), 1);
        QVERIFY(strip->isVisibleTo(composer));
        QVERIFY(edit->toPlainText().isEmpty()); // the image is not pasted as text
        QTRY_VERIFY_WITH_TIMEOUT(strip->canSend(), uploadWaitMs);
        QCOMPARE(strip->attachments().size(), 1);
        const FileId fileId = strip->attachments().constFirst();
        QCOMPARE(composer->attachmentParts().size(), 1);
        QVERIFY(send->isEnabled());
        screenshot(u"composer-with-attachment.png"_s);

        QTest::keyClicks(edit, u"What does this screenshot show?"_s);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(!strip->isVisibleTo(composer));
        QCOMPARE(strip->count(), 0);

        // The server got a user message with a file part of that id.
        QTRY_VERIFY_WITH_TIMEOUT(serverHasFilePart(id, fileId), 10'000);

        // The timeline shows the file as a thumbnail, fetched through FileCache.
        ChatView *view = conversation()->chatView();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithFile(view, fileId).isValid(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!conversation()->thumbnails()->thumbnail(fileId).isNull(), 10'000);
        const QString href = PartRenderer::fileImageHref(fileId);
        QTRY_VERIFY(documentHasImage(view, rowWithFile(view, fileId), href));
        view->scrollTo(rowWithFile(view, fileId), QAbstractItemView::PositionAtCenter);
        QVERIFY(waitForPaint(view->viewport())); // the frame with the thumbnail in the middle
        screenshot(u"conversation-with-images.png"_s);

        // Clicking the thumbnail opens the viewer with the full image.
        view->messageDelegate()->activateAnchor(rowWithFile(view, fileId), href);
        QTRY_VERIFY(conversation()->imageViewer() && conversation()->imageViewer()->isVisible());
        QTRY_COMPARE(conversation()->imageViewer()->image().size(), sampleScreenshot().size());
        conversation()->imageViewer()->close();
    }

    void dropFile_onComposer_attaches()
    {
        const ChatId id = chatNamed(u"Explain the billing cron job"_s);
        QVERIFY(showChat(id));
        ComposerWidget *composer = conversation()->composer();
        AttachmentStrip *strip = composer->attachmentStrip();
        QMimeData mime;
        mime.setUrls(
            {QUrl::fromLocalFile(QStringLiteral(AGENTDESK_FILE_DATA_DIR) + u"/tiny.png"_s)});
        const QPointF at(composer->width() / 2.0, composer->height() - 10.0);
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(composer, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(composer, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(strip->count(), 1);
        QVERIFY(strip->isVisibleTo(composer));
        QTRY_VERIFY_WITH_TIMEOUT(strip->canSend(), uploadWaitMs);
        strip->clear();
        QVERIFY(!strip->isVisibleTo(composer));
    }

    void attachments_surviveDraftRoundTrip()
    {
        const ChatId first = chatNamed(u"Explain the billing cron job"_s);
        const ChatId second = chatNamed(u"Fix flaky login e2e test"_s);
        QVERIFY(showChat(first));
        ComposerWidget *composer = conversation()->composer();
        AttachmentStrip *strip = composer->attachmentStrip();
        QVERIFY(strip->addImage(sampleScreenshot(), u"draft.png"_s));
        QTRY_VERIFY_WITH_TIMEOUT(strip->canSend(), uploadWaitMs);
        const QList<FileId> ids = strip->attachments();
        QCOMPARE(ids.size(), 1);
        QTRY_COMPARE(storedDraft(first).attachments.size(), 1); // on disk, debounced

        QVERIFY(showChat(second));
        QCOMPARE(strip->count(), 0);
        QVERIFY(!strip->isVisibleTo(composer));

        QVERIFY(showChat(first));
        QCOMPARE(strip->count(), 1);
        QCOMPARE(strip->attachments(), ids);
        QVERIFY(strip->isVisibleTo(composer));
        strip->clear();
        QTRY_VERIFY(storedDraft(first).attachments.isEmpty());
    }

    void wrongType_showsRefusal_textStillSends()
    {
        const ChatId id = chatNamed(u"Fix flaky login e2e test"_s);
        QVERIFY(showChat(id));
        const auto [composer, strip, edit, send] = composerParts();

        auto *mime = new QMimeData;
        mime->setUrls(
            {QUrl::fromLocalFile(QStringLiteral(AGENTDESK_FILE_DATA_DIR) + u"/archive.bin"_s)});
        paste(edit, mime);
        QCOMPARE(strip->count(), 0);
        QVERIFY(!strip->messageText().isEmpty());
        QVERIFY(strip->isVisibleTo(composer)); // the refusal is shown
        QVERIFY(edit->toPlainText().isEmpty());
        QVERIFY(!send->isEnabled());
        QTest::keyClicks(edit, u"Plain text still goes."_s);
        QVERIFY(send->isEnabled());
        edit->clear();
    }

    void diffPanel_togglesWithShortcut_showsDemoDiff()
    {
        const ChatId id = chatNamed(u"Add CSV export to the reports page"_s);
        QVERIFY(showChat(id));
        auto *panel = window()->findChild<DiffPanel *>(u"diffPanel"_s);
        QVERIFY(panel);
        QVERIFY(!panel->isVisible());
        QCOMPARE(panel->chatId(), id);

        QAction *toggle = window()->findChild<QAction *>(u"actionToggleSidePanel"_s);
        QCOMPARE(toggle->shortcut(), QKeySequence(u"Ctrl+Shift+D"_s));
        window()->activateWindow();
        QTest::keyClick(window(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        if (!panel->isVisible())
            toggle->trigger(); // offscreen platforms may not route window shortcuts
        QTRY_VERIFY(panel->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(panel->diffView()->model()->rowCount() > 0, 10'000);
        QVERIFY(panel->gitStream()); // the live /stream/git client follows the open chat
        QVERIFY(waitForPaint(panel->diffView()->lineView()->viewport()));
        screenshot(u"main-window-diff-panel.png"_s);

        // A diff_status_change of the open chat reaches the panel.
        QSignalSpy refreshed(panel, &DiffPanel::refreshed);
        Chat chat = *m_app->chatListModel()->chat(id);
        QVERIFY(chat.diffStatus);
        chat.diffStatus->additions += 5;
        m_app->chatListModel()->upsert(chat);
        QTRY_VERIFY(refreshed.size() >= 1);

        toggle->trigger();
        QTRY_VERIFY(!panel->isVisible());
    }

private:
    //! The shown chat's composer and the parts of it a user touches.
    struct ComposerParts
    {
        ComposerWidget *composer = nullptr;
        AttachmentStrip *strip = nullptr;
        MessageEdit *edit = nullptr;
        QPushButton *send = nullptr;
    };
    ComposerParts composerParts() const
    {
        ComposerWidget *composer = conversation()->composer();
        return {composer, composer->attachmentStrip(),
            composer->findChild<MessageEdit *>(u"messageEdit"_s),
            composer->findChild<QPushButton *>(u"sendButton"_s)};
    }

    //! Puts `mime` on the clipboard and pastes it into `edit`, as Ctrl+V does.
    static void paste(MessageEdit *edit, QMimeData *mime)
    {
        QGuiApplication::clipboard()->setMimeData(mime);
        edit->setFocus();
        edit->paste();
    }

    Draft storedDraft(const ChatId &chat) const
    {
        DraftStore fresh(QDir(m_storage.path()).filePath(u"drafts"_s));
        return fresh.draft(chat.toString());
    }

    bool serverHasFilePart(const ChatId &chat, const FileId &file) const
    {
        QByteArray body;
        if (m_sim->request("GET", u"/api/v2/chats/%1/messages"_s.arg(chat.toString()), {}, &body)
            != 200)
            return false;
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonArray messages = document.isArray()
            ? document.array()
            : document.object().value(u"messages"_s).toArray();
        for (const QJsonValue &message : messages) {
            if (message[u"role"_s].toString() != u"user"_s)
                continue;
            for (const QJsonValue &part : message[u"content"_s].toArray()) {
                if (part[u"type"_s].toString() == u"file"_s
                    && part[u"file_id"_s].toString() == file.toString())
                    return true;
            }
        }
        return false;
    }

    static QModelIndex rowWithFile(ChatView *view, const FileId &file)
    {
        QAbstractItemModel *model = view->model();
        if (!model)
            return {};
        for (int row = model->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = model->index(row, 0);
            const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
            for (const MessagePart &part : parts) {
                if (part.detail().fileId == file)
                    return index;
            }
        }
        return {};
    }

    static bool documentHasImage(ChatView *view, const QModelIndex &index, const QString &href)
    {
        if (!index.isValid())
            return false;
        MessageDelegate *delegate = view->messageDelegate();
        QTextDocument &document = delegate->layoutCache().document(index, delegate->textWidth());
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (format.isImageFormat() && format.anchorHref() == href)
                    return true;
            }
        }
        return false;
    }
};

QTEST_MAIN(TestAttachmentsInComposer)
#include "TestAttachmentsInComposer.moc"
