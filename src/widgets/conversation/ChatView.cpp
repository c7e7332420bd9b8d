#include "widgets/conversation/ChatView.h"

#include "models/MessageListModel.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/conversation/ThumbnailProvider.h"
#include "widgets/shell/Icons.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTextBrowser>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int followSlack = 4;   // px: "at the bottom" despite rounding
constexpr int buttonMargin = 12; // px between the "new messages" button and the viewport edge

} // namespace

ChatView::ChatView(const Icons *icons, QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
    , m_newMessagesButton(new QToolButton(this))
    , m_copyTextAction(new QAction(tr("Copy Text"), this))
    , m_copyMarkdownAction(new QAction(tr("Copy as Markdown"), this))
    , m_editAction(new QAction(tr("Edit…"), this))
{
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollMode(ScrollPerPixel);
    setUniformItemSizes(false);
    setResizeMode(Adjust);
    setLayoutMode(Batched);
    setBatchSize(100);
    setSelectionMode(NoSelection);
    setEditTriggers(NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A scrollbar that comes and goes changes the width, and with it every row's height.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    verticalScrollBar()->setSingleStep(24);
    setItemDelegate(m_delegate);

    connect(m_delegate, &MessageDelegate::retrySendRequested, this, &ChatView::retrySendRequested);
    connect(m_delegate, &MessageDelegate::fileImageActivated, this, &ChatView::fileImageActivated);
    connect(
        m_delegate, &MessageDelegate::inlineImageActivated, this, &ChatView::inlineImageActivated);
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(defaultSettleInterval);
    connect(&m_settleTimer, &QTimer::timeout, this, &ChatView::handleSettleTimeout);
    connect(
        verticalScrollBar(), &QScrollBar::valueChanged, this, &ChatView::handleScrollValueChanged);
    connect(
        verticalScrollBar(), &QScrollBar::rangeChanged, this, &ChatView::handleScrollRangeChanged);

    m_newMessagesButton->setObjectName(u"newMessagesButton"_s);
    m_newMessagesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_newMessagesButton->setCursor(Qt::PointingHandCursor);
    m_newMessagesButton->hide();
    connect(m_newMessagesButton, &QToolButton::clicked, this, &ChatView::scrollToBottomAndFollow);

    m_copyTextAction->setObjectName(u"copyTextAction"_s);
    m_copyTextAction->setShortcut(QKeySequence::Copy);
    if (icons)
        icons->apply(m_copyTextAction, IconId::Copy);
    m_copyMarkdownAction->setObjectName(u"copyMarkdownAction"_s);
    m_editAction->setObjectName(u"editMessageAction"_s);
    if (icons)
        icons->apply(m_editAction, IconId::Edit);
    connect(m_copyTextAction, &QAction::triggered, this, &ChatView::handleCopyText);
    connect(m_copyMarkdownAction, &QAction::triggered, this, &ChatView::handleCopyMarkdown);
    connect(m_editAction, &QAction::triggered, this, &ChatView::handleEdit);
}

ChatView::~ChatView() = default;

void ChatView::setThumbnailProvider(ThumbnailProvider *thumbnails)
{
    if (m_thumbnails)
        disconnect(m_thumbnails, nullptr, this, nullptr);
    m_thumbnails = thumbnails;
    m_delegate->layoutCache().renderer().setThumbnails(thumbnails);
    m_delegate->layoutCache().clear();
    if (thumbnails) {
        connect(
            thumbnails, &ThumbnailProvider::thumbnailReady, this, &ChatView::handleThumbnailReady);
    }
    scheduleDelayedItemsLayout();
}

void ChatView::handleThumbnailReady(const FileId &id)
{
    QAbstractItemModel *rows = model();
    if (!rows)
        return;
    // Rows are few compared with the bytes of an image; a scan is cheaper than an index that
    // must follow every upsert.
    for (int row = 0; row < rows->rowCount(); ++row) {
        const QModelIndex index = rows->index(row, 0);
        const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
        const bool shows = std::any_of(parts.begin(), parts.end(),
            [&id](const MessagePart &part) { return part.detail().fileId == id; });
        if (shows)
            m_delegate->refreshRow(index);
    }
}

void ChatView::setModel(QAbstractItemModel *newModel)
{
    // Only our own connections go: QAbstractItemView connected the model to this view too, and
    // QListView::setModel() with the model it already has returns early without reconnecting.
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    QListView::setModel(newModel);
    if (newModel) {
        m_modelConnections = {
            connect(newModel, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &ChatView::handleRowsAboutToBeInserted),
            connect(newModel, &QAbstractItemModel::modelReset, this, &ChatView::handleModelReset),
        };
    }
    handleModelReset();
    // The same model with other rows (another chat) must be laid out anew.
    scheduleDelayedItemsLayout();
}

void ChatView::handleModelReset()
{
    m_delegate->layoutCache().clear();
    m_editorIndex = QPersistentModelIndex();
    m_following = true;
    m_olderRequested = false;
    m_olderLoaded = false;
    m_settleTimer.stop();
    m_canLoadOlder = true;
    m_pendingScrollValue = -1;
    setNewCount(0);
}

void ChatView::handleRowsAboutToBeInserted(const QModelIndex &parent, int start, int)
{
    if (parent.isValid() || start != 0 || model()->rowCount() == 0)
        return;
    m_prepending = true;
    m_prependScrollValue = verticalScrollBar()->value();
}

void ChatView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    if (parent.isValid())
        return;
    if (m_prepending) {
        m_prepending = false;
        m_olderRequested = false;
        m_olderLoaded = true;
        updateSettleTimer();
        if (m_following)
            return;
        // Keep the message that was on screen where it was (Telegram's item + shift anchor):
        // everything below the new rows moved down by exactly their heights.
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        int added = 0;
        for (int row = start; row <= end; ++row)
            added += m_delegate->sizeHint(option, model()->index(row, 0)).height() + spacing();
        m_pendingScrollValue = m_prependScrollValue + added;
        if (verticalScrollBar()->maximum() >= m_pendingScrollValue)
            handleScrollRangeChanged(
                verticalScrollBar()->minimum(), verticalScrollBar()->maximum());
        return;
    }
    if (!m_following && end == model()->rowCount() - 1)
        setNewCount(m_newCount + (end - start + 1));
}

void ChatView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    if (!parent.isValid() && m_editorIndex.isValid() && m_editorIndex.row() >= start
        && m_editorIndex.row() <= end)
        closeTextEditor();
    if (!parent.isValid()) {
        // Their documents and heights go with them (a trimmed history is thousands of rows).
        for (int row = start; row <= end; ++row)
            m_delegate->layoutCache().remove(MessageLayoutCache::keyOf(model()->index(row, 0)));
    }
    QListView::rowsAboutToBeRemoved(parent, start, end);
}

void ChatView::handleScrollValueChanged(int value)
{
    if (m_adjusting)
        return;
    m_pendingScrollValue = -1; // the user (or a clamp) moved: stop steering
    const bool wasFollowing =
        std::exchange(m_following, value >= verticalScrollBar()->maximum() - followSlack);
    if (m_following)
        setNewCount(0);
    if (m_following != wasFollowing)
        updateSettleTimer();
    maybeRequestOlder();
}

void ChatView::handleScrollRangeChanged(int, int maximum)
{
    QScrollBar *bar = verticalScrollBar();
    m_adjusting = true;
    if (m_pendingScrollValue >= 0) {
        bar->setValue(std::min(m_pendingScrollValue, maximum));
        if (maximum >= m_pendingScrollValue)
            m_pendingScrollValue = -1;
    } else if (m_following) {
        bar->setValue(maximum);
    }
    m_adjusting = false;
    if (maximum == 0)
        maybeRequestOlder(); // the history does not fill the screen yet
}

void ChatView::maybeRequestOlder()
{
    if (!model() || model()->rowCount() == 0 || m_olderRequested || !m_canLoadOlder)
        return;
    if (verticalScrollBar()->value() > viewport()->height() / 2)
        return;
    m_olderRequested = true;
    Q_EMIT loadOlderRequested();
}

void ChatView::setSettleInterval(std::chrono::milliseconds interval)
{
    m_settleTimer.setInterval(interval);
}

void ChatView::updateSettleTimer()
{
    if (m_following && m_olderLoaded)
        m_settleTimer.start();
    else
        m_settleTimer.stop();
}

void ChatView::handleSettleTimeout()
{
    if (!m_following || !m_olderLoaded)
        return;
    m_olderLoaded = false;
    Q_EMIT settledAtBottom();
}

void ChatView::olderLoadFinished()
{
    m_olderRequested = false;
}

void ChatView::setCanLoadOlder(bool canLoad)
{
    m_canLoadOlder = canLoad;
}

void ChatView::scrollToBottomAndFollow()
{
    m_following = true;
    m_pendingScrollValue = -1;
    setNewCount(0);
    m_adjusting = true;
    scrollToBottom();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_adjusting = false;
    updateSettleTimer();
}

void ChatView::setNewCount(int count)
{
    if (count == m_newCount && m_newMessagesButton->isVisible() == (count > 0))
        return;
    m_newCount = count;
    m_newMessagesButton->setText(u"↓ "_s + tr("%n new message(s)", nullptr, count));
    m_newMessagesButton->setVisible(count > 0);
    placeNewMessagesButton();
    Q_EMIT newMessageCountChanged(count);
}

void ChatView::placeNewMessagesButton()
{
    m_newMessagesButton->adjustSize();
    const QRect area = viewport()->geometry();
    const QSize size = m_newMessagesButton->sizeHint();
    m_newMessagesButton->setGeometry(area.right() - size.width() - buttonMargin,
        area.bottom() - size.height() - buttonMargin, size.width(), size.height());
    m_newMessagesButton->raise();
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    // QListView lays its rows out again only when the height (its flow direction) changed, but
    // rows wrap text: at a new width every row has a new height, and stale positions leave the
    // bottom of a tall row out of the scroll range.
    if (event->size().width() != event->oldSize().width())
        scheduleDelayedItemsLayout();
    placeNewMessagesButton();
}

void ChatView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_delegate->refreshStyle();
        scheduleDelayedItemsLayout();
    }
}

void ChatView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyMessage(currentIndex(), false);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_End && event->modifiers() == Qt::ControlModifier) {
        scrollToBottomAndFollow();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_editorIndex.isValid()) {
        closeTextEditor();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void ChatView::mousePressEvent(QMouseEvent *event)
{
    QListView::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (!index.isValid()) {
        closeTextEditor();
        return;
    }
    setCurrentIndex(index);
    if (m_delegate->anchorAt(index, pos).isEmpty())
        openTextEditor(index);
}

void ChatView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    const bool overAnchor = !m_delegate->anchorAt(indexAt(pos), pos).isEmpty();
    if (overAnchor)
        viewport()->setCursor(Qt::PointingHandCursor);
    else
        viewport()->unsetCursor();
}

void ChatView::openTextEditor(const QModelIndex &index)
{
    if (!index.isValid() || m_editorIndex == index)
        return;
    if (QWidget *form = indexWidget(index); form && form->property("inlineForm").toBool())
        return; // the row's answer form takes the clicks and keys (§20.4.2)
    closeTextEditor();
    openPersistentEditor(index);
    m_editorIndex = index;
    if (QWidget *editor = indexWidget(index))
        editor->setFocus(Qt::MouseFocusReason);
}

void ChatView::closeTextEditor()
{
    if (!m_editorIndex.isValid()) {
        m_editorIndex = QPersistentModelIndex();
        return;
    }
    const QModelIndex index = m_editorIndex;
    m_editorIndex = QPersistentModelIndex();
    closePersistentEditor(index);
    viewport()->update();
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    updateActions();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyTextAction);
    menu->addAction(m_copyMarkdownAction);
    if (m_editAction->isEnabled()) {
        menu->addSeparator();
        menu->addAction(m_editAction);
    }
    menu->popup(event->globalPos());
}

void ChatView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QListView::currentChanged(current, previous);
    updateActions();
}

void ChatView::updateActions()
{
    const QModelIndex index = currentIndex();
    const bool isUser =
        index.data(MessageListModel::RoleRole).value<MessageRole>() == MessageRole::User;
    const bool committed = index.data(MessageListModel::MessageIdRole).value<MessageId>().isValid();
    m_editAction->setEnabled(!m_readOnly && isUser && committed);
}

void ChatView::setReadOnly(bool readOnly, const QString &authorName)
{
    m_readOnly = readOnly;
    updateActions();
    // The user messages of someone else's chat are theirs, not "You".
    m_delegate->layoutCache().renderer().setUserName(readOnly ? authorName : QString());
    m_delegate->layoutCache().clear();
    scheduleDelayedItemsLayout();
    viewport()->update();
}

void ChatView::copyMessage(const QModelIndex &index, bool asMarkdown) const
{
    if (!index.isValid())
        return;
    const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
    QString text = asMarkdown ? PartRenderer::markdownText(parts) : PartRenderer::plainText(parts);
    if (text.isEmpty())
        text = index.data(MessageListModel::TextRole).toString();
    QGuiApplication::clipboard()->setText(text);
}

void ChatView::handleCopyText()
{
    copyMessage(currentIndex(), false);
}

void ChatView::handleCopyMarkdown()
{
    copyMessage(currentIndex(), true);
}

void ChatView::handleEdit()
{
    updateActions();
    if (!m_editAction->isEnabled())
        return;
    const QModelIndex index = currentIndex();
    const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
    Q_EMIT editRequested(index.data(MessageListModel::MessageIdRole).value<MessageId>(),
        PartRenderer::markdownText(parts));
}

} // namespace AgentDesk
