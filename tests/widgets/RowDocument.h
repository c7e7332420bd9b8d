#pragma once

// What a ChatView row shows, read back from the delegate's layout cache: the row's rendered
// document and where an anchor of it is painted. Header-only, for the widget tests.

#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/MessageLayoutCache.h"

#include <QAbstractTextDocumentLayout>
#include <QModelIndex>
#include <QPoint>
#include <QString>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

#include <utility>

namespace AgentDesk::Testing {

//! The document the delegate paints for `index` at the view's text width.
inline QTextDocument &rowDocument(ChatView &view, const QModelIndex &index)
{
    MessageDelegate *delegate = view.messageDelegate();
    return delegate->layoutCache().document(index, delegate->textWidth());
}

//! The fragment text of the anchor `href` in `index`'s row and the viewport position of its first
//! character; an empty text and a null point when the row has no such anchor.
inline std::pair<QString, QPoint> findAnchor(
    ChatView &view, const QModelIndex &index, const QString &href)
{
    QTextDocument &document = rowDocument(view, index);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            const QRectF blockRect = document.documentLayout()->blockBoundingRect(block);
            const QTextLine line =
                block.layout()->lineForTextPosition(fragment.position() - block.position());
            const qreal x = line.cursorToX(fragment.position() - block.position() + 1);
            const QPoint inDocument(
                int(blockRect.left() + x), int(blockRect.top() + line.y() + line.height() / 2));
            return {fragment.text(),
                view.visualRect(index).topLeft()
                    + QPoint(MessageDelegate::horizontalMargin, MessageDelegate::verticalMargin)
                    + inDocument};
        }
    }
    return {};
}

} // namespace AgentDesk::Testing
