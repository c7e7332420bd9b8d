#pragma once

#include "core/api/ApiTypes.h"

#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QAction;
class QToolButton;

namespace AgentDesk {

class Icons;
class MessageDelegate;
class ThumbnailProvider;

//! The message timeline (design.md c.7): a QListView over MessageListModel painted by
//! MessageDelegate, with no widget per message. It follows the bottom while the user is there,
//! offers "↓ N new messages" when they are not, asks for older history near the top and keeps
//! the viewport on the same message when that history is prepended. Clicking a message opens a
//! read-only text browser on that row only, so its text can be selected and copied.
class ChatView final : public QListView
{
    Q_OBJECT

public:
    //! How long the user stays at the bottom before settledAtBottom() (injectable for tests).
    static constexpr std::chrono::milliseconds defaultSettleInterval{30'000};

    explicit ChatView(const Icons *icons = nullptr, QWidget *parent = nullptr);
    ~ChatView() override;

    void setModel(QAbstractItemModel *model) override;
    MessageDelegate *messageDelegate() const { return m_delegate; }
    //! Thumbnails for file parts; not owned, may be null (chips only).
    void setThumbnailProvider(ThumbnailProvider *thumbnails);

    //! Whether the view follows new content (the user is at the bottom).
    bool isFollowing() const { return m_following; }
    //! Rows that arrived below while the user was scrolled up.
    int newMessageCount() const { return m_newCount; }
    //! Scrolls to the end and follows again (the "↓ N new" button does this).
    void scrollToBottomAndFollow();
    //! Re-arms loadOlderRequested() after a page arrived or failed.
    void olderLoadFinished();
    //! No more history to ask for (false stops loadOlderRequested()).
    void setCanLoadOlder(bool canLoad);
    void setSettleInterval(std::chrono::milliseconds interval);

    //! Copies a row's text: plain text, or the Markdown source.
    void copyMessage(const QModelIndex &index, bool asMarkdown) const;
    //! Opens the selectable text browser on `index` (closing the previous one).
    void openTextEditor(const QModelIndex &index);
    void closeTextEditor();
    QModelIndex textEditorIndex() const { return m_editorIndex; }

    QAction *copyTextAction() const { return m_copyTextAction; }
    QAction *copyMarkdownAction() const { return m_copyMarkdownAction; }
    QAction *editAction() const { return m_editAction; }
    //! A chat the user may only read (§20.3.4): no "Edit" on messages.
    //! `authorName` heads the user messages instead of "You".
    void setReadOnly(bool readOnly, const QString &authorName = {});
    bool isReadOnly() const { return m_readOnly; }

Q_SIGNALS:
    //! The user scrolled near the top: fetch an older page (ChatSession::loadOlder).
    void loadOlderRequested();
    //! The user came back to the bottom after older history was loaded (or after scrolling
    //! away) and stayed there for the settle interval: the history far above may go
    //! (ChatSession::trimHistory); scrolling up fetches it again. Once per return.
    void settledAtBottom();
    //! "Edit" on one of the user's own messages.
    void editRequested(AgentDesk::MessageId id, const QString &text);
    //! "Retry" on a pending echo whose send failed.
    void retrySendRequested(const QString &nonce);
    void newMessageCountChanged(int count);
    void fileImageActivated(const AgentDesk::FileId &id, const QString &name);
    void inlineImageActivated(const QByteArray &bytes, const QString &name);

protected:
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void handleRowsAboutToBeInserted(const QModelIndex &parent, int start, int end);
    void handleModelReset();
    void handleThumbnailReady(const FileId &id);
    void handleScrollValueChanged(int value);
    void handleScrollRangeChanged(int minimum, int maximum);
    void handleSettleTimeout();
    //! Starts the settle timer when the view follows and something above could go.
    void updateSettleTimer();
    void handleCopyText();
    void handleCopyMarkdown();
    void handleEdit();
    void maybeRequestOlder();
    void setNewCount(int count);
    void placeNewMessagesButton();
    void updateActions();

    MessageDelegate *m_delegate;
    QPointer<ThumbnailProvider> m_thumbnails;
    QToolButton *m_newMessagesButton;
    QAction *m_copyTextAction;
    QAction *m_copyMarkdownAction;
    QAction *m_editAction;
    bool m_readOnly = false;
    QPersistentModelIndex m_editorIndex;
    QList<QMetaObject::Connection> m_modelConnections;
    bool m_following = true;
    bool m_adjusting = false;  //!< Our own scrollbar moves must not change m_following.
    bool m_prepending = false; //!< Rows are being inserted at the top.
    int m_prependScrollValue = 0;
    int m_pendingScrollValue = -1; //!< Where a prepend wants the scrollbar once the range allows.
    QTimer m_settleTimer;
    bool m_olderLoaded = false; //!< Older pages arrived since the last settledAtBottom().
    bool m_olderRequested = false;
    bool m_canLoadOlder = true;
    int m_newCount = 0;
};

} // namespace AgentDesk
