#include "widgets/conversation/MessageDelegate.h"

#include "models/MessageListModel.h"
#include "widgets/conversation/PlainTextViewer.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QMouseEvent>
#include <QPainter>
#include <QPersistentModelIndex>
#include <QScrollBar>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

namespace AgentDesk {

MessageDelegate::MessageDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    refreshStyle();
}

void MessageDelegate::refreshStyle()
{
    if (m_view) {
        m_layouts.renderer().setPalette(m_view->palette());
        m_layouts.renderer().setFont(m_view->font());
    }
    m_layouts.clear();
}

int MessageDelegate::textWidth() const
{
    const int viewport = m_view ? m_view->viewport()->width() : 480;
    return std::max(120, viewport - 2 * horizontalMargin);
}

QRect MessageDelegate::documentRect(const QRect &rowRect) const
{
    return {rowRect.left() + horizontalMargin, rowRect.top() + verticalMargin, textWidth(),
        std::max(0, rowRect.height() - 2 * verticalMargin)};
}

void MessageDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The row's selectable editor draws the same document; painting it twice would double it.
    if (QWidget *editor = m_view ? m_view->indexWidget(index) : nullptr;
        editor && !editor->property("inlineForm").toBool())
        return;
    MessageDocument &document = m_layouts.document(index, textWidth());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    const QRect rect = documentRect(option.rect);

    painter->save();
    if (index.data(MessageListModel::PendingRole).toBool()
        && index.data(MessageListModel::SendErrorRole).toString().isEmpty())
        painter->setOpacity(0.6); // not confirmed yet: dimmed until the server has it
    painter->translate(rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), rect.size()));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    // Same cache as paint(): height and pixels can never disagree.
    const int width = textWidth();
    const int reserved =
        m_reserved.isEmpty() ? 0 : m_reserved.value(MessageLayoutCache::keyOf(index));
    return {width + 2 * horizontalMargin,
        m_layouts.height(index, width) + 2 * verticalMargin + reserved};
}

QString MessageDelegate::anchorAt(const QModelIndex &index, const QPoint &viewportPos) const
{
    if (!m_view || !index.isValid())
        return {};
    const QRect rect = documentRect(m_view->visualRect(index));
    if (!rect.contains(viewportPos))
        return {};
    MessageDocument &document = m_layouts.document(index, textWidth());
    return document.documentLayout()->anchorAt(QPointF(viewportPos - rect.topLeft()));
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QString href = anchorAt(index, mouse->position().toPoint());
            if (!href.isEmpty()) {
                activateAnchor(index, href);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

void MessageDelegate::activateAnchor(const QModelIndex &index, const QString &href)
{
    if (const auto part = PartRenderer::toggledPart(href)) {
        setExpanded(index, *part, !isExpanded(index, *part));
        return;
    }
    if (const auto file = PartRenderer::fileImageOf(href)) {
        const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
        QString name;
        for (const MessagePart &part : parts) {
            if (part.detail().fileId == *file)
                name = part.detail().name;
        }
        Q_EMIT fileImageActivated(*file, name);
        return;
    }
    if (const auto part = PartRenderer::inlineImageOf(href)) {
        const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
        if (*part >= 0 && *part < parts.size())
            Q_EMIT inlineImageActivated(
                parts.at(*part).detail().data, parts.at(*part).detail().name);
        return;
    }
    if (const auto part = PartRenderer::showAllPart(href)) {
        openFullText(index, *part);
        return;
    }
    if (const auto part = PartRenderer::copyPlanPart(href)) {
        Q_EMIT planCopyRequested(index, *part);
        return;
    }
    if (const auto part = PartRenderer::implementPlanPart(href)) {
        Q_EMIT planImplementRequested(index, *part);
        return;
    }
    if (href == PartRenderer::retryHref()) {
        const QString nonce = index.data(MessageListModel::PendingNonceRole).toString();
        if (!nonce.isEmpty())
            Q_EMIT retrySendRequested(nonce);
        return;
    }
    const QUrl url(href);
    Q_EMIT linkActivated(url);
    // Only web links leave the app: a model may write file:// or custom-scheme links.
    const QString scheme = url.scheme().toLower();
    if (m_openLinksExternally && (scheme == u"http"_s || scheme == u"https"_s))
        QDesktopServices::openUrl(url);
}

PlainTextViewer *MessageDelegate::openFullText(const QModelIndex &index, int partIndex)
{
    const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
    if (partIndex < 0 || partIndex >= parts.size() || parts.at(partIndex).text.isEmpty())
        return nullptr;
    const MessagePart &part = parts.at(partIndex);
    auto *viewer = new PlainTextViewer(m_view);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setText(
        part.kind == MessagePart::Kind::Reasoning ? tr("Reasoning") : tr("Message text"),
        part.text);
    viewer->show();
    return viewer;
}

void MessageDelegate::refreshRow(const QModelIndex &index)
{
    m_layouts.invalidate(MessageLayoutCache::keyOf(index));
    if (m_view) {
        if (QWidget *editor = m_view->indexWidget(index))
            setEditorData(editor, index);
    }
    Q_EMIT sizeHintChanged(index);
}

bool MessageDelegate::isExpanded(const QModelIndex &index, int partIndex) const
{
    return m_layouts.isExpanded(MessageLayoutCache::keyOf(index), partIndex);
}

void MessageDelegate::setExpanded(const QModelIndex &index, int partIndex, bool expanded)
{
    if (isExpanded(index, partIndex) == expanded)
        return;
    m_layouts.setExpanded(MessageLayoutCache::keyOf(index), partIndex, expanded);
    if (m_view) {
        if (QWidget *editor = m_view->indexWidget(index))
            setEditorData(editor, index);
    }
    Q_EMIT sizeHintChanged(index);
    Q_EMIT expansionChanged(index);
}

QWidget *MessageDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    auto *browser = new QTextBrowser(parent);
    browser->setObjectName(u"messageTextBrowser"_s);
    browser->setFrameShape(QFrame::NoFrame);
    browser->setReadOnly(true);
    browser->setOpenLinks(false);
    browser->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    browser->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    browser->setTextInteractionFlags(Qt::TextBrowserInteraction);
    browser->setContextMenuPolicy(Qt::NoContextMenu); // the view's menu (copy, edit) applies
    QPalette palette = browser->palette();
    palette.setColor(QPalette::Base, Qt::transparent);
    browser->setPalette(palette);
    browser->viewport()->setAutoFillBackground(false);
    browser->setDocument(new MessageDocument(browser));
    auto *self = const_cast<MessageDelegate *>(this);
    connect(browser, &QTextBrowser::anchorClicked, self,
        [self, row = QPersistentModelIndex(index)](const QUrl &url) {
            if (row.isValid())
                self->activateAnchor(row, url.toString());
        });
    return browser;
}

void MessageDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *browser = qobject_cast<QTextBrowser *>(editor)) {
        const int scroll = browser->verticalScrollBar()->value();
        m_layouts.renderInto(*browser->document(), index);
        browser->verticalScrollBar()->setValue(scroll);
    }
}

void MessageDelegate::setModelData(QWidget *, QAbstractItemModel *, const QModelIndex &) const
{
    // Read-only: the editor exists for selecting and copying text.
}

void MessageDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (editor->property("inlineForm").toBool()) {
        // An answer form sits in the space reserved under the row's document.
        const int reserved = m_reserved.value(MessageLayoutCache::keyOf(index));
        editor->setGeometry(option.rect.left() + horizontalMargin,
            option.rect.bottom() - verticalMargin - reserved + 1, textWidth(), reserved);
        return;
    }
    editor->setGeometry(documentRect(option.rect));
}

void MessageDelegate::setReservedHeight(const QString &key, int height)
{
    if (height <= 0)
        m_reserved.remove(key);
    else
        m_reserved.insert(key, height);
}

} // namespace AgentDesk
