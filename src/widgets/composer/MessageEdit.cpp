#include "widgets/composer/MessageEdit.h"

#include "widgets/composer/AttachmentStrip.h"

#include <QAction>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int minimumLines = 2;
constexpr int maximumLines = 10;

} // namespace

MessageEdit::MessageEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"messageEdit"_s);
    setTabChangesFocus(true);
    setPlaceholderText(tr("Message the agent…"));
    connect(this, &QPlainTextEdit::textChanged, this, &MessageEdit::handleTextChanged);
}

bool MessageEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // The text control claims keys such as Ctrl+K (delete to the end of the line on X11)
        // before window shortcuts see them. A key the window uses for a command (Ctrl+K
        // search, Ctrl+N, …) goes to the command: window-wide shortcuts work from here too.
        auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        const QList<QAction *> actions = window() ? window()->actions() : QList<QAction *>();
        for (const QAction *action : actions) {
            if (action->isEnabled() && action->shortcuts().contains(pressed)
                && pressed[0].keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier)) {
                event->ignore();
                return true;
            }
        }
    }
    return QPlainTextEdit::event(event);
}

void MessageEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter) {
        const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
        if (mods == (Qt::ControlModifier | Qt::ShiftModifier)) {
            event->accept();
            Q_EMIT sendAndInterruptRequested();
            return;
        }
        const bool send = m_sendKey == AppSettings::SendKey::Enter ? mods == Qt::NoModifier
                                                                   : mods == Qt::ControlModifier;
        if (send) {
            event->accept();
            Q_EMIT sendRequested();
            return;
        }
        if (mods == Qt::ShiftModifier || mods == Qt::NoModifier) {
            // Shift+Enter (or plain Enter in Ctrl+Enter mode) is a line break, not a paragraph
            // separator QPlainTextEdit would insert for Shift+Enter.
            insertPlainText(u"\n"_s);
            event->accept();
            return;
        }
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier
        && toPlainText().isEmpty()) {
        event->accept();
        if (m_lastSent.isEmpty()) {
            Q_EMIT recallRequested();
            return;
        }
        setPlainText(m_lastSent);
        moveCursor(QTextCursor::End);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool MessageEdit::canInsertFromMimeData(const QMimeData *source) const
{
    if (m_attachmentSink && AttachmentStrip::canTake(source))
        return true;
    return QPlainTextEdit::canInsertFromMimeData(source);
}

void MessageEdit::insertFromMimeData(const QMimeData *source)
{
    // Images and local files become attachments; a refused one is not pasted as a path either.
    if (m_attachmentSink && AttachmentStrip::canTake(source)) {
        m_attachmentSink(source);
        return;
    }
    if (source->hasText())
        insertPlainText(source->text());
}

void MessageEdit::handleTextChanged()
{
    updateGeometry(); // grows with its content between minimumLines and maximumLines
}

QSize MessageEdit::sizeHint() const
{
    const int lineHeight = fontMetrics().lineSpacing();
    const int lines = std::clamp(document()->lineCount(), minimumLines, maximumLines);
    const int frame = 2 * frameWidth() + int(2 * document()->documentMargin())
        + contentsMargins().top() + contentsMargins().bottom();
    return {QPlainTextEdit::sizeHint().width(), lines * lineHeight + frame};
}

QSize MessageEdit::minimumSizeHint() const
{
    const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
    return {QPlainTextEdit::minimumSizeHint().width(),
        minimumLines * fontMetrics().lineSpacing() + frame};
}

} // namespace AgentDesk
