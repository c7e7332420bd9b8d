#pragma once

#include "widgets/conversation/MessageLayoutCache.h"

#include <QHash>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QUrl>

class QAbstractItemView;
class QTextBrowser;

namespace AgentDesk {

class PlainTextViewer;

//! Paints message rows from MessageLayoutCache (design.md c.16 example 4) and handles clicks on
//! the rows' anchors: expand/collapse of reasoning, tool cards and unknown parts, "Retry" of a
//! failed send, "Show all" of a shortened part, and links (opened outside only for http and https). Its editor is a read-only
//! QTextBrowser showing the same rendering, which ChatView opens on the clicked row so its
//! text can be selected and copied.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int horizontalMargin = 14;
    static constexpr int verticalMargin = 6;

    //! `view` provides the width; the delegate does not take ownership of it.
    explicit MessageDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(
        QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

    MessageLayoutCache &layoutCache() { return m_layouts; }
    //! The width documents are laid out at: the viewport's, minus the margins.
    int textWidth() const;
    //! The anchor href under `viewportPos` in `index`'s row, or empty.
    QString anchorAt(const QModelIndex &index, const QPoint &viewportPos) const;
    //! Acts on an anchor as a click would: toggles a part, retries, or opens a link.
    void activateAnchor(const QModelIndex &index, const QString &href);
    bool isExpanded(const QModelIndex &index, int partIndex) const;
    void setExpanded(const QModelIndex &index, int partIndex, bool expanded);
    //! Opens the whole text of a shortened part in a PlainTextViewer window of the view (the
    //! "Show all" link does this); null when the row has no such part.
    PlainTextViewer *openFullText(const QModelIndex &index, int partIndex);
    //! Tests turn this off so a link click only emits linkActivated.
    void setOpenLinksExternally(bool open) { m_openLinksExternally = open; }
    //! Re-renders one row (its thumbnail arrived); its height may change.
    void refreshRow(const QModelIndex &index);
    //! Space kept under a row's document for an inline form (§20.4.2), by layout key; 0 = none.
    //! A view index widget with the property "inlineForm" is placed there.
    void setReservedHeight(const QString &key, int height);
    int reservedHeight(const QString &key) const { return m_reserved.value(key); }
    //! Picks up the view's palette and font; forgets every layout.
    void refreshStyle();

Q_SIGNALS:
    void retrySendRequested(const QString &nonce);
    void linkActivated(const QUrl &url);
    //! A thumbnail of an uploaded file was clicked.
    void fileImageActivated(const AgentDesk::FileId &id, const QString &name);
    //! An inline (base64) image was clicked.
    void inlineImageActivated(const QByteArray &bytes, const QString &name);
    //! "Copy plan" / "Implement" on a proposed plan's card (§20.4.3).
    void planCopyRequested(const QModelIndex &index, int partIndex);
    void planImplementRequested(const QModelIndex &index, int partIndex);
    //! A part was expanded or collapsed; the row's height may have changed.
    void expansionChanged(const QModelIndex &index);

private:
    QRect documentRect(const QRect &rowRect) const;

    QAbstractItemView *m_view;
    mutable MessageLayoutCache m_layouts;
    bool m_openLinksExternally = true;
    QHash<QString, int> m_reserved;
};

} // namespace AgentDesk
