#include "widgets/conversation/MessageLayoutCache.h"

#include "models/MessageListModel.h"

#include <QAbstractTextDocumentLayout>
#include <QModelIndex>

#include <cmath>

using namespace Qt::StringLiterals;

namespace AgentDesk {

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
        m_renderer.render(layout->document, inputOf(key, index));
        layout->stamp = stamp;
        layout->textWidth = -1;
    }
    if (layout->textWidth != textWidth) {
        layout->document.setTextWidth(textWidth);
        layout->textWidth = textWidth;
    }
    Height &memo = m_heights[key];
    memo.stamp = stamp;
    memo.textWidth = textWidth;
    memo.height = int(std::ceil(layout->document.size().height()));
    return layout->document;
}

int MessageLayoutCache::height(const QModelIndex &index, int textWidth)
{
    const QString key = keyOf(index);
    const auto it = m_heights.constFind(key);
    if (it != m_heights.constEnd() && it->textWidth == textWidth
        && it->stamp == stampOf(key, index))
        return it->height;
    document(index, textWidth);
    return m_heights.value(key).height;
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
    m_heights.clear();
    m_heights.squeeze();
    ++m_generation;
}

void MessageLayoutCache::remove(const QString &key)
{
    m_documents.remove(key);
    m_heights.remove(key);
    m_expanded.remove(key);
    m_expandVersions.remove(key); // nothing is left that an old stamp could match
}

} // namespace AgentDesk
