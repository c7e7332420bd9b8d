#pragma once

#include "widgets/conversation/PartRenderer.h"

#include <QCache>
#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

class QModelIndex;

namespace AgentDesk {

//! One laid-out MessageDocument per row, bounded (design.md c.7, c.16 example 4). A document is
//! rebuilt only when the row's revision, its expanded parts or the palette/font change, and
//! re-laid out only when the width changes. Rows are keyed by message id, or by the nonce of a
//! pending echo, or as the streaming preview.
//!
//! Heights are remembered separately from the documents (a few bytes per row, for every row the
//! view has measured): QListView asks sizeHint() for *all* rows on every relayout (a prepend, a
//! resize), and re-parsing thousands of evicted documents each time would defeat the bound. The
//! heights carry the same stamp as the documents, so sizeHint and painting still agree.
class MessageLayoutCache final
{
public:
    //! Rendered documents are kept for rows near the viewport only (a tall screen of short rows
    //! and as many again); heights are memoised for all rows apart. A short row's document costs
    //! ~25 KB: 400 held ~6 MB more for a scrolled 10,000-message chat without making scrolling
    //! faster, and 120 still ~2 MB more than 48 (BenchAppStartup, heaptrack). At least a tall
    //! screen of short rows (~40), or painting one frame would evict what it just rendered.
    static constexpr int defaultMaxDocuments = 48;

    explicit MessageLayoutCache(int maxDocuments = defaultMaxDocuments);

    PartRenderer &renderer() { return m_renderer; }

    //! The row's laid-out document at `textWidth`. Valid until the next call (it may be evicted).
    MessageDocument &document(const QModelIndex &index, int textWidth);
    //! The row's height at `textWidth`, from the height memo when it is current.
    int height(const QModelIndex &index, int textWidth);
    //! Renders the row into a separate document (the selectable editor uses this).
    void renderInto(QTextDocument &document, const QModelIndex &index) const;

    bool isExpanded(const QString &key, int partIndex) const;
    void setExpanded(const QString &key, int partIndex, bool expanded);

    //! Forgets one row's document and height (a thumbnail it shows arrived).
    void invalidate(const QString &key) { ++m_expandVersions[key]; }
    //! Forgets every document and height (palette, font or chat changed).
    void clear();
    //! Forgets everything about one row (it left the model): document, height, expanded parts.
    void remove(const QString &key);
    //! Rows with a remembered height (tests).
    int heightCount() const { return int(m_messageHeights.size() + m_otherHeights.size()); }
    int documentCount() const { return int(m_documents.size()); }
    //! Revisions of the streaming row applied by replacing only the blocks that changed (tests).
    int tailPatchCount() const { return m_tailPatches; }
    int maxDocuments() const { return int(m_documents.maxCost()); }

    //! "m<id>" for committed rows, "n<nonce>" for echoes, "preview" for the streaming row.
    static QString keyOf(const QModelIndex &index);

private:
    struct Stamp
    {
        int revision = -1;
        int expandVersion = 0;
        int generation = 0;
        friend bool operator==(const Stamp &, const Stamp &) = default;
    };
    struct Layout
    {
        std::unique_ptr<MessageDocument> document = std::make_unique<MessageDocument>();
        Stamp stamp;
        int textWidth = -1;
    };
    struct Height
    {
        Stamp stamp;
        int textWidth = -1;
        int height = 0;
    };

    Stamp stampOf(const QString &key, const QModelIndex &index) const;
    //! The row's remembered height, or null.
    const Height *findHeight(const QString &key) const;
    Height &heightSlot(const QString &key);
    enum class Update { KeptLayout, NewLayout };
    //! A new revision of the streaming row: rendered apart, then only the blocks from the first
    //! one that differs are replaced in `document`, so its layout keeps every block above
    //! (a growing answer is re-laid out from its tail, not from its first line). When nothing
    //! can be kept, the fresh rendering replaces the document (NewLayout: lay it out again).
    Update updateStreaming(
        std::unique_ptr<MessageDocument> &document, const MessageRenderInput &input) const;
    MessageRenderInput inputOf(const QString &key, const QModelIndex &index) const;

    PartRenderer m_renderer;
    QCache<QString, Layout> m_documents;
    //! Committed rows' heights by message id: a number per row, not its "m<id>" key string
    //! (~60 bytes less a row, for every row of a long chat, #15). Other rows' by key.
    QHash<qint64, Height> m_messageHeights;
    QHash<QString, Height> m_otherHeights;
    QHash<QString, QSet<int>> m_expanded;
    QHash<QString, int> m_expandVersions;
    int m_generation = 0;
    mutable int m_tailPatches = 0;
};

} // namespace AgentDesk
