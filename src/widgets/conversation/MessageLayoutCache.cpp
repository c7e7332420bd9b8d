#include "widgets/conversation/MessageLayoutCache.h"

#include "models/MessageListModel.h"

#include <QAbstractTextDocumentLayout>
#include <QModelIndex>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextFrame>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

//! A block of the root frame outside any list: one that can be kept while later blocks change
//! (a list or a frame, e.g. a tool card or a table, is rebuilt whole).
bool isPlainBlock(const QTextBlock &block)
{
    return !block.textList() && QTextCursor(block).currentFrame() == block.document()->rootFrame();
}

bool sameBlock(const QTextBlock &a, const QTextBlock &b)
{
    if (a.length() != b.length() || a.text() != b.text() || a.blockFormat() != b.blockFormat()
        || a.charFormat() != b.charFormat())
        return false;
    QTextBlock::iterator left = a.begin();
    QTextBlock::iterator right = b.begin();
    for (; !left.atEnd() && !right.atEnd(); ++left, ++right) {
        const QTextFragment x = left.fragment();
        const QTextFragment y = right.fragment();
        if (x.length() != y.length() || x.charFormat() != y.charFormat() || x.text() != y.text())
            return false;
    }
    return left.atEnd() && right.atEnd();
}

} // namespace

MessageLayoutCache::MessageLayoutCache(int maxDocuments)
    : m_documents(maxDocuments)
{
}

QString MessageLayoutCache::keyOf(const QModelIndex &index)
{
    const auto id = index.data(MessageListModel::MessageIdRole).value<MessageId>();
    if (id.isValid())
        return u"m"_s + QString::number(id.value);
    const QString nonce = index.data(MessageListModel::PendingNonceRole).toString();
    if (!nonce.isEmpty())
        return u"n"_s + nonce;
    return u"preview"_s;
}

namespace {

//! The message id in a committed row's key ("m<id>"); nullopt for other keys.
std::optional<qint64> messageIdOfKey(const QString &key)
{
    if (!key.startsWith(u'm'))
        return std::nullopt;
    bool ok = false;
    const qint64 id = QStringView(key).mid(1).toLongLong(&ok);
    return ok ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

const MessageLayoutCache::Height *MessageLayoutCache::findHeight(const QString &key) const
{
    if (const auto id = messageIdOfKey(key)) {
        const auto it = m_messageHeights.constFind(*id);
        return it == m_messageHeights.cend() ? nullptr : &*it;
    }
    const auto it = m_otherHeights.constFind(key);
    return it == m_otherHeights.cend() ? nullptr : &*it;
}

MessageLayoutCache::Height &MessageLayoutCache::heightSlot(const QString &key)
{
    if (const auto id = messageIdOfKey(key))
        return m_messageHeights[*id];
    return m_otherHeights[key];
}

MessageLayoutCache::Stamp MessageLayoutCache::stampOf(
    const QString &key, const QModelIndex &index) const
{
    return {index.data(MessageListModel::RevisionRole).toInt(), m_expandVersions.value(key),
        m_generation};
}

MessageRenderInput MessageLayoutCache::inputOf(const QString &key, const QModelIndex &index) const
{
    MessageRenderInput input = MessageRenderInput::fromIndex(index);
    input.expandedParts = m_expanded.value(key);
    return input;
}

MessageDocument &MessageLayoutCache::document(const QModelIndex &index, int textWidth)
{
    const QString key = keyOf(index);
    const Stamp stamp = stampOf(key, index);
    Layout *layout = m_documents.object(key);
    if (!layout) {
        layout = new Layout;
        m_documents.insert(key, layout); // the cache owns it and may evict it later
    }
    if (layout->stamp != stamp) {
        const MessageRenderInput input = inputOf(key, index);
        // The streaming row changes ~30 times a second and mostly grows at its end: keep the
        // layout of what did not change (same look as a full render, see TestMessageDelegate).
        const bool streamingRevision = input.streaming && layout->stamp.revision >= 0
            && layout->stamp.expandVersion == stamp.expandVersion
            && layout->stamp.generation == stamp.generation && layout->textWidth == textWidth;
        if (!streamingRevision) {
            m_renderer.render(*layout->document, input);
            layout->textWidth = -1;
        } else if (updateStreaming(layout->document, input) == Update::NewLayout) {
            layout->textWidth = -1;
        }
        layout->stamp = stamp;
    }
    if (layout->textWidth != textWidth) {
        layout->document->setTextWidth(textWidth);
        layout->textWidth = textWidth;
    }
    Height &memo = heightSlot(key);
    memo.stamp = stamp;
    memo.textWidth = textWidth;
    memo.height = int(std::ceil(layout->document->size().height()));
    return *layout->document;
}

MessageLayoutCache::Update MessageLayoutCache::updateStreaming(
    std::unique_ptr<MessageDocument> &document, const MessageRenderInput &input) const
{
    // File parts bring images as document resources, which a fragment does not carry.
    for (const MessagePart &part : input.parts) {
        if (part.kind == MessagePart::Kind::File) {
            m_renderer.render(*document, input);
            return Update::NewLayout;
        }
    }
    auto fresh = std::make_unique<MessageDocument>();
    m_renderer.render(*fresh, input);
    QTextBlock kept = document->begin();
    QTextBlock same = fresh->begin();
    QTextBlock lastKept;
    const bool sameDocument = document->defaultFont() == fresh->defaultFont()
        && document->documentMargin() == fresh->documentMargin()
        && document->rootFrame()->frameFormat() == fresh->rootFrame()->frameFormat();
    while (sameDocument && kept.isValid() && same.isValid() && isPlainBlock(kept)
        && isPlainBlock(same) && sameBlock(kept, same)) {
        lastKept = kept;
        kept = kept.next();
        same = same.next();
    }
    if (sameDocument && !kept.isValid() && !same.isValid())
        return Update::KeptLayout; // nothing visible changed
    if (!lastKept.isValid() || !same.isValid()) {
        // The first block changed, or blocks went: the fresh rendering is the new document.
        document.swap(fresh);
        return Update::NewLayout;
    }
    // From the end of the last kept block (its paragraph separator on) to the end: the
    // separator comes along, so the kept block keeps its format and the new ones get theirs.
    QTextCursor cut(document.get());
    cut.setPosition(lastKept.position() + lastKept.length() - 1);
    cut.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    QTextCursor tail(fresh.get());
    tail.setPosition(same.position() - 1);
    tail.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cut.beginEditBlock();
    cut.removeSelectedText();
    cut.insertFragment(tail.selection());
    cut.endEditBlock();
    ++m_tailPatches;
    return Update::KeptLayout;
}

int MessageLayoutCache::height(const QModelIndex &index, int textWidth)
{
    const QString key = keyOf(index);
    if (const Height *known = findHeight(key);
        known && known->textWidth == textWidth && known->stamp == stampOf(key, index))
        return known->height;
    document(index, textWidth);
    return heightSlot(key).height;
}

void MessageLayoutCache::renderInto(QTextDocument &document, const QModelIndex &index) const
{
    m_renderer.render(document, inputOf(keyOf(index), index));
}

bool MessageLayoutCache::isExpanded(const QString &key, int partIndex) const
{
    return m_expanded.value(key).contains(partIndex);
}

void MessageLayoutCache::setExpanded(const QString &key, int partIndex, bool expanded)
{
    QSet<int> &parts = m_expanded[key];
    if (parts.contains(partIndex) == expanded)
        return;
    if (expanded)
        parts.insert(partIndex);
    else
        parts.remove(partIndex);
    ++m_expandVersions[key];
}

void MessageLayoutCache::clear()
{
    m_documents.clear();
    m_messageHeights.clear();
    m_messageHeights.squeeze();
    m_otherHeights.clear();
    m_otherHeights.squeeze();
    ++m_generation;
}

void MessageLayoutCache::remove(const QString &key)
{
    m_documents.remove(key);
    if (const auto id = messageIdOfKey(key))
        m_messageHeights.remove(*id);
    else
        m_otherHeights.remove(key);
    m_expanded.remove(key);
    m_expandVersions.remove(key); // nothing is left that an old stamp could match
}

} // namespace AgentDesk
