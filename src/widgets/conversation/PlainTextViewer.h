#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace AgentDesk {

//! A non-modal window showing one long text as plain text: what "Show all (50 MB)" under a
//! shortened message part opens. objectName plainTextViewer.
//!
//! The text is loaded into a QPlainTextEdit (whose layout is lazy, unlike QTextDocument's)
//! a few chunks per event-loop turn, so even tens of megabytes never block the GUI thread for
//! long; a stretch of text with no line break for `maxRunChars` gets a break there, since
//! one enormous line is what no text layout handles well. "Copy All" copies the original text.
//! Closed with WA_DeleteOnClose, it empties the editor the same way before it deletes itself:
//! destroying a document of millions of characters at once stalls as well.
class PlainTextViewer final : public QWidget
{
    Q_OBJECT

public:
    //! Characters inserted per chunk; chunks end at a line break where there is one.
    static constexpr int chunkChars = 64 * 1024;
    //! Longest stretch without a line break the editor is given.
    static constexpr int maxRunChars = chunkChars;
    //! GUI-thread time spent loading per event-loop turn.
    static constexpr int loadBudgetMs = 8;

    explicit PlainTextViewer(QWidget *parent = nullptr);

    //! Replaces the content and starts loading it; `title` names the window.
    void setText(const QString &title, const QString &text);
    QString text() const { return m_text; }
    //! Whether all of text() is in the editor.
    bool isLoaded() const { return m_loaded >= m_text.size(); }
    //! Whether some line had to be broken (the editor then differs from text()).
    bool brokeLongLines() const { return m_brokeLines; }
    QPlainTextEdit *editor() const { return m_edit; }

    void copyAll() const;

Q_SIGNALS:
    //! The whole text is in the editor.
    void loaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void handleLoadStep();
    void handleUnloadStep();
    void updateStatus();

    QPlainTextEdit *m_edit;
    QLabel *m_status;
    QTimer m_loader;
    QString m_text;
    qsizetype m_loaded = 0;
    bool m_brokeLines = false;
};

} // namespace AgentDesk
