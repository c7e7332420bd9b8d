// Offscreen tests of MessageDelegate, MessageLayoutCache and PartRenderer inside a ChatView.

#include "ChatViewTestCase.h"
#include "ConversationTestData.h"
#include "PaintChecks.h"
#include "RowDocument.h"
#include "models/MessageListModel.h"
#include "support/WidgetArtifacts.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/MessageLayoutCache.h"
#include "widgets/conversation/PartRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextFragment>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

//! Viewport position of the first character of the anchor `href` in `index`'s row.
QPoint anchorPoint(ChatView &view, const QModelIndex &index, const QString &href)
{
    return findAnchor(view, index, href).second;
}

QString rowText(ChatView &view, const QModelIndex &index)
{
    MessageDelegate *delegate = view.messageDelegate();
    return delegate->layoutCache().document(index, delegate->textWidth()).toPlainText();
}

} // namespace

class TestMessageDelegate : public ChatViewTestCase
{
    Q_OBJECT

public:
    TestMessageDelegate()
        : ChatViewTestCase({1000, 800})
    {
    }

private slots:
    //! The streaming row is re-laid out from its tail: each revision replaces only the blocks
    //! that changed, and the result is the document a full render gives (same HTML, same size)
    //! through headings, lists, code fences, a table and a tool card appearing mid-stream.
    void streamingRow_eachRevision_patchesTheTail_likeAFullRender()
    {
        m_model->setChatActive(true);
        ChatMessage preview = assistantText(0, u"Looking."_s);
        preview.id = MessageId{};
        m_model->setPreview(preview);
        QTRY_COMPARE(m_model->rowCount(), 1);
        const QModelIndex index = m_model->index(0);
        MessageLayoutCache &cache = m_view->messageDelegate()->layoutCache();
        const int width = m_view->messageDelegate()->textWidth();
        cache.document(index, width);
        const int patchesBefore = cache.tailPatchCount();

        const QStringList pieces{u"\n\n## Plan\n\nFirst I read the test."_s,
            u" Then the logs, which say the session expired."_s, u"\n\n- one\n- two"_s,
            u"\n- three, still the same list"_s, u"\n\n1. first\n2. second"_s,
            u"\n\n```go\nfunc TestLogin(t *testing.T) {"_s, u"\n\tclock := fake()\n}\n```"_s,
            u"\n\n| a | b |\n|---|---|\n| 1 | 2 |"_s, u"\n| 3 | 4 |"_s,
            u"\n\nAfter the table, a **bold** word and `code`."_s, u" More words."_s};
        int steps = 0;
        const auto check = [&] {
            ++steps;
            m_model->setPreview(preview);
            MessageDocument &patched = cache.document(index, width);
            MessageDocument fresh;
            cache.renderInto(fresh, index);
            fresh.setTextWidth(width);
            QCOMPARE(patched.toHtml(), fresh.toHtml());
            QCOMPARE(patched.size(), fresh.size());
        };
        for (const QString &piece : pieces) {
            preview.parts.first().text += piece;
            check();
            if (QTest::currentTestFailed())
                return;
        }
        // A tool card (a frame) joins, then text after it grows.
        preview.parts << toolCall(u"call_9"_s, u"execute"_s, QJsonObject{{u"command"_s, u"ls"_s}});
        check();
        preview.parts << textPart(u"Done"_s);
        check();
        preview.parts.last().text += u" with it."_s;
        check();
        if (QTest::currentTestFailed())
            return;
        // Most revisions kept the blocks above (a few render whole: the first block changed).
        QVERIFY2(cache.tailPatchCount() - patchesBefore >= steps - 3,
            qPrintable(u"%1 of %2 revisions patched"_s.arg(cache.tailPatchCount() - patchesBefore)
                           .arg(steps)));
    }

    void streamingText_growsRowHeight()
    {
        m_model->setChatActive(true);
        ChatMessage preview = assistantText(0, u"One line."_s);
        preview.id = MessageId{};
        m_model->setPreview(preview);
        QTRY_VERIFY(m_view->visualRect(m_model->index(0)).height() > 0);
        const int before = m_view->visualRect(m_model->index(0)).height();

        preview.parts.first().text = QString(u"Much longer streamed text. "_s).repeated(80);
        m_model->setPreview(preview);
        QTRY_VERIFY(m_view->visualRect(m_model->index(0)).height() > before);
        QVERIFY(rowText(*m_view, m_model->index(0)).contains(u"▍"_s)); // live cursor
        QVERIFY(saveArtifact(m_view.get(), u"TestMessageDelegate-streaming.png"_s));
    }

    void sizeHint_equalsPaintedHeight()
    {
        for (const ChatMessage &m : richConversation())
            m_model->upsert(m);
        QTRY_COMPARE(m_model->rowCount(), 3);
        MessageDelegate *delegate = m_view->messageDelegate();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row);
            QStyleOptionViewItem option;
            const QSize hint = delegate->sizeHint(option, index);
            const QTextDocument &document =
                delegate->layoutCache().document(index, delegate->textWidth());
            QCOMPARE(hint.height(),
                int(std::ceil(document.size().height())) + 2 * MessageDelegate::verticalMargin);
            QTRY_COMPARE(m_view->visualRect(index).height(), hint.height());
        }
    }

    void cache_isBounded_with2000Messages()
    {
        QList<ChatMessage> messages;
        for (int i = 1; i <= 2000; ++i)
            messages << (i % 2 ? userText(i, u"Question %1"_s.arg(i))
                               : assistantText(i, u"Answer **%1** with `code`."_s.arg(i)));
        m_model->upsertMany(messages);
        QTRY_VERIFY(m_view->isFollowing());
        QScrollBar *bar = m_view->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 10000);
        for (int value = bar->maximum(); value > 0; value -= bar->maximum() / 20) {
            bar->setValue(value);
            m_view->grab();
        }
        MessageLayoutCache &cache = m_view->messageDelegate()->layoutCache();
        QVERIFY(cache.documentCount() > 0);
        QCOMPARE_LE(cache.documentCount(), cache.maxDocuments());
        QCOMPARE(cache.maxDocuments(), MessageLayoutCache::defaultMaxDocuments);
        // #15: a rendered document costs ~25 KB, so only a few screenfuls of them are kept; but
        // at least a screenful, or painting one frame would evict what it just rendered.
        int visibleRows = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_view->visualRect(m_model->index(row)).intersects(m_view->viewport()->rect()))
                ++visibleRows;
        }
        QCOMPARE_GE(cache.maxDocuments(), visibleRows);
        QCOMPARE_LE(cache.maxDocuments(), 4 * visibleRows);
    }

    void reasoning_collapsedByDefault_expandsOnClick()
    {
        for (const ChatMessage &m : richConversation())
            m_model->upsert(m);
        const QModelIndex index = m_model->index(1);
        QTRY_VERIFY(m_view->visualRect(index).height() > 0);
        QVERIFY(rowText(*m_view, index).contains(u"Thought for 4 second"_s));
        QVERIFY(!rowText(*m_view, index).contains(u"look at the flaky login test first"_s));
        const int before = m_view->visualRect(index).height();

        const QPoint point = anchorPoint(*m_view, index, PartRenderer::toggleHref(0));
        QVERIFY(!point.isNull());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, point);
        QVERIFY(m_view->messageDelegate()->isExpanded(index, 0));
        QVERIFY(rowText(*m_view, index).contains(u"look at the flaky login test first"_s));
        QTRY_VERIFY(m_view->visualRect(index).height() > before);
        QVERIFY(!m_view->textEditorIndex().isValid()); // an anchor click opens no editor

        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
            anchorPoint(*m_view, index, PartRenderer::toggleHref(0)));
        QVERIFY(!m_view->messageDelegate()->isExpanded(index, 0));
    }

    void toolCard_showsStateAndResult()
    {
        m_model->setChatActive(true);
        for (const ChatMessage &m : richConversation())
            m_model->upsert(m);
        const QModelIndex first = m_model->index(1);
        QString text = rowText(*m_view, first);
        QVERIFY2(text.contains(u"execute"_s), qPrintable(text));
        QVERIFY(text.contains(u"go test ./auth/... -run TestLogin -count=20"_s));
        QVERIFY(text.contains(u"ran: go"_s));
        QVERIFY(text.contains(u"done"_s));
        QVERIFY(text.contains(u"failed"_s));
        QVERIFY(!text.contains(u"session expired"_s)); // collapsed

        m_view->messageDelegate()->setExpanded(first, 2, true);
        text = rowText(*m_view, first);
        QVERIFY(text.contains(u"session expired"_s));
        QVERIFY(text.contains(u"[exit code 1]"_s));

        const QModelIndex second = m_model->index(2);
        QVERIFY(rowText(*m_view, second).contains(u"running"_s));
        m_model->setChatActive(false);
        QTRY_VERIFY(rowText(*m_view, second).contains(u"interrupted"_s));
    }

    void unknownPart_isShownGenerically()
    {
        for (const ChatMessage &m : richConversation())
            m_model->upsert(m);
        const QModelIndex index = m_model->index(2);
        QVERIFY(rowText(*m_view, index).contains(u"Unsupported part: future-widget"_s));
        QVERIFY(!rowText(*m_view, index).contains(u"future-data"_s));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
            anchorPoint(*m_view, index, PartRenderer::toggleHref(2)));
        QVERIFY(rowText(*m_view, index).contains(u"future-data"_s)); // the raw JSON
    }

    void remoteImage_isNeverFetched()
    {
        m_model->upsert(assistantText(1,
            u"Look: ![logo](https://example.com/logo.png) and <img src=\"http://x.test/a.png\">"_s));
        const QModelIndex index = m_model->index(0);
        QTRY_VERIFY(m_view->visualRect(index).height() > 0);
        m_view->grab();
        MessageDelegate *delegate = m_view->messageDelegate();
        MessageDocument &document = delegate->layoutCache().document(index, delegate->textWidth());
        QCOMPARE(document.blockedResourceRequests(), 0);
        bool hasImage = false;
        bool hasLink = false;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                hasImage = hasImage || it.fragment().charFormat().isImageFormat();
                hasLink = hasLink
                    || it.fragment().charFormat().anchorHref() == u"https://example.com/logo.png"_s;
            }
        }
        QVERIFY(!hasImage);
        QVERIFY(hasLink);
        QVERIFY(document.toPlainText().contains(u"Image: logo"_s));
        QVERIFY(document.toPlainText().contains(u"<img"_s)); // raw HTML shown as text
        // Even a document asked directly refuses to load a remote resource.
        QVERIFY(
            !document.resource(QTextDocument::ImageResource, QUrl(u"https://example.com/x.png"_s))
                 .isValid());
        QCOMPARE(document.blockedResourceRequests(), 1);
    }

    void linkClick_emitsLinkActivated()
    {
        m_model->upsert(assistantText(1, u"See [the docs](https://coder.com/docs) please."_s));
        const QModelIndex index = m_model->index(0);
        QTRY_VERIFY(m_view->visualRect(index).height() > 0);
        QSignalSpy spy(m_view->messageDelegate(), &MessageDelegate::linkActivated);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
            anchorPoint(*m_view, index, u"https://coder.com/docs"_s));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toUrl(), QUrl(u"https://coder.com/docs"_s));
    }

    void inlineImage_rendersAsClickableThumbnail()
    {
        QImage picture(400, 300, QImage::Format_RGB32);
        picture.fill(QColor(0x2d, 0x7d, 0xd2));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(picture.save(&buffer, "PNG"));
        ChatMessage message = assistantText(1, u"Here is the chart:"_s);
        MessagePart file;
        file.kind = MessagePart::Kind::File;
        file.typeRaw = u"file"_s;
        file.editDetail().mediaType = u"image/png"_s;
        file.editDetail().name = u"chart.png"_s;
        file.editDetail().data = png;
        message.parts << file;
        m_model->upsert(message);
        const QModelIndex index = m_model->index(0);
        QTRY_VERIFY(m_view->visualRect(index).height() > 160); // the thumbnail is in the row

        MessageDelegate *delegate = m_view->messageDelegate();
        MessageDocument &document = delegate->layoutCache().document(index, delegate->textWidth());
        const QString href = PartRenderer::inlineImageHref(1);
        bool found = false;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                found = found || (format.isImageFormat() && format.anchorHref() == href);
            }
        }
        QVERIFY(found);
        QCOMPARE(PartRenderer::inlineImageOf(href), std::optional<int>(1));
        QSignalSpy spy(delegate, &MessageDelegate::inlineImageActivated);
        delegate->activateAnchor(index, href);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).toByteArray(), png);
        QCOMPARE(spy.first().at(1).toString(), u"chart.png"_s);
    }

    void pendingEcho_failed_showsErrorAndRetry()
    {
        const QString nonce = m_model->addPendingEcho({InputPart::fromText(u"hello"_s)});
        const QModelIndex index = m_model->index(0);
        QTRY_VERIFY(m_view->visualRect(index).height() > 0);
        QVERIFY(rowText(*m_view, index).contains(u"Sending…"_s));
        m_model->failPendingEcho(nonce, u"Internal error (500)"_s);
        QTRY_VERIFY(rowText(*m_view, index).contains(u"Not sent: Internal error (500)"_s));
        QSignalSpy spy(m_view.get(), &ChatView::retrySendRequested);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
            anchorPoint(*m_view, index, PartRenderer::retryHref()));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toString(), nonce);
    }

    //! The screenshots (artifacts) are checked too: the rows are painted on the palette's base
    //! colour, in the palette's text colour, light and dark, and the rendered rows say what the
    //! messages say.
    void richConversation_paintsRowsInThePalettesColours_lightAndDark()
    {
        m_model->setChatActive(true);
        for (const ChatMessage &m : richConversation())
            m_model->upsert(m);
        m_view->messageDelegate()->setExpanded(m_model->index(1), 2, true);
        const QString nonce =
            m_model->addPendingEcho({InputPart::fromText(u"Also run the linter."_s)});
        m_model->failPendingEcho(nonce, u"The server is unavailable (503)."_s);
        m_view->scrollToBottomAndFollow();
        QTRY_VERIFY(m_view->isFollowing());
        QVERIFY(rowText(*m_view, m_model->index(0)).contains(u"The login test is flaky"_s));
        QVERIFY(rowText(*m_view, m_model->index(1)).contains(u"go test ./auth/..."_s));
        const QModelIndex failed = m_model->index(m_model->rowOfPendingEcho(nonce));
        QVERIFY(rowText(*m_view, failed).contains(u"Not sent: The server is unavailable (503)."_s));

        const auto checkPainted = [&](const QImage &image, const QColor &base, const QColor &text,
                                      const QString &name) {
            QVERIFY(image.save(artifactPath(name)));
            QVERIFY2(distinctColors(image) > 40, qPrintable(name)); // not blank
            // The background where no row paints is the palette's base.
            QVERIFY2(nearColor(dominantColor(image), base),
                qPrintable(u"%1: background %2, base %3"_s.arg(
                    name, dominantColor(image).name(), base.name())));
            // Every visible row has ink, and glyphs in the text colour somewhere.
            const QRect viewport = m_view->viewport()->rect();
            for (int row = 0; row < m_model->rowCount(); ++row) {
                const QRect rect = m_view->visualRect(m_model->index(row)).intersected(viewport);
                if (rect.height() < 20)
                    continue;
                QVERIFY2(inkShare(image, rect, base) > 0.005,
                    qPrintable(u"%1: row %2 looks empty"_s.arg(name).arg(row)));
            }
            QVERIFY2(hasColor(image, image.rect(), text, 40), qPrintable(name));
        };
        const auto viewportImage = [&] {
            return m_view->viewport()->grab().toImage();
        };

        const QPalette light = m_view->palette();
        m_view->scrollToTop();
        checkPainted(viewportImage(), light.color(QPalette::Base), light.color(QPalette::Text),
            u"TestMessageDelegate-rich.png"_s);
        m_view->scrollToBottomAndFollow();
        checkPainted(viewportImage(), light.color(QPalette::Base), light.color(QPalette::Text),
            u"TestMessageDelegate-rich-bottom.png"_s);

        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x20));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
        m_view->setPalette(dark);
        m_view->scrollToTop();
        checkPainted(viewportImage(), dark.color(QPalette::Base), dark.color(QPalette::Text),
            u"TestMessageDelegate-rich-dark.png"_s);
    }
};

QTEST_MAIN(TestMessageDelegate)
#include "TestMessageDelegate.moc"
