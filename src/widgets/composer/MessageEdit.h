#pragma once

#include "core/storage/AppSettings.h"

#include <QPlainTextEdit>

#include <functional>

namespace AgentDesk {

//! The composer's text field (Quaternion's KChatEdit idea): Enter sends and Shift+Enter breaks
//! the line, or Ctrl+Enter sends when the user chose that; Up in an empty field recalls the last
//! message sent. Plain text only: pasted rich text arrives as its text.
class MessageEdit final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MessageEdit(QWidget *parent = nullptr);

    void setSendKey(AppSettings::SendKey key) { m_sendKey = key; }
    AppSettings::SendKey sendKey() const { return m_sendKey; }
    //! What Up recalls in an empty field.
    void setLastSentText(const QString &text) { m_lastSent = text; }
    QString lastSentText() const { return m_lastSent; }

    //! Where pasted or dropped images and files go (the composer's AttachmentStrip); it answers
    //! whether it took them. Without a sink only the text of a paste is inserted.
    using AttachmentSink = std::function<bool(const QMimeData *)>;
    void setAttachmentSink(AttachmentSink sink) { m_attachmentSink = std::move(sink); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void sendRequested();
    //! Ctrl+Shift+Enter: send now, interrupting the agent's turn (busy_behavior interrupt).
    void sendAndInterruptRequested();
    //! Up in an empty field with nothing to recall (the conversation may offer editing).
    void recallRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void handleTextChanged();

    AppSettings::SendKey m_sendKey = AppSettings::SendKey::Enter;
    QString m_lastSent;
    AttachmentSink m_attachmentSink;
};

} // namespace AgentDesk
