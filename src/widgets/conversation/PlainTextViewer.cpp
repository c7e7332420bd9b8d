#include "widgets/conversation/PlainTextViewer.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

PlainTextViewer::PlainTextViewer(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_edit(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"plainTextViewer"_s);
    m_edit->setObjectName(u"plainTextViewerEdit"_s);
    m_edit->setReadOnly(true);
    m_edit->setUndoRedoEnabled(false); // an undo stack would hold a second copy of the text
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setObjectName(u"plainTextViewerStatus"_s);

    auto *copy = new QPushButton(tr("Copy All"), this);
    copy->setObjectName(u"plainTextViewerCopyAll"_s);
    connect(copy, &QPushButton::clicked, this, &PlainTextViewer::copyAll);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(u"plainTextViewerClose"_s);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    auto *escape = new QShortcut(QKeySequence::Cancel, this);
    connect(escape, &QShortcut::activated, this, &QWidget::close);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 8);
    bar->addWidget(m_status, 1);
    bar->addWidget(copy);
    bar->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_edit, 1);
    layout->addLayout(bar);
    resize(900, 700);

    m_loader.setInterval(0);
    connect(&m_loader, &QTimer::timeout, this, &PlainTextViewer::handleLoadStep);
}

void PlainTextViewer::setText(const QString &title, const QString &text)
{
    setWindowTitle(title);
    m_loader.stop();
    m_edit->clear();
    m_text = text;
    m_loaded = 0;
    m_brokeLines = false;
    handleLoadStep(); // the first screenful at once, the rest a few chunks per event-loop turn
    if (!isLoaded())
        m_loader.start();
}

void PlainTextViewer::handleLoadStep()
{
    QElapsedTimer clock;
    clock.start();
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    while (m_loaded < m_text.size()) {
        const qsizetype rest = m_text.size() - m_loaded;
        qsizetype length = std::min<qsizetype>(rest, chunkChars);
        bool breakLine = false;
        if (length < rest) {
            const qsizetype newline =
                QStringView(m_text).sliced(m_loaded, length).lastIndexOf(u'\n');
            if (newline >= 0)
                length = newline + 1;
            else
                breakLine = length >= maxRunChars; // one enormous line: give it breaks
        }
        cursor.insertText(m_text.sliced(m_loaded, length));
        if (breakLine) {
            cursor.insertBlock();
            m_brokeLines = true;
        }
        m_loaded += length;
        if (clock.elapsed() >= loadBudgetMs)
            break;
    }
    updateStatus();
    if (isLoaded()) {
        m_loader.stop();
        Q_EMIT loaded();
    }
}

void PlainTextViewer::closeEvent(QCloseEvent *event)
{
    m_loader.stop();
    QWidget::closeEvent(event);
    if (!testAttribute(Qt::WA_DeleteOnClose) || m_edit->document()->characterCount() <= chunkChars)
        return;
    // Hidden now; deleted once the editor is empty (QWidget::close checks the attribute after
    // this event).
    setAttribute(Qt::WA_DeleteOnClose, false);
    disconnect(&m_loader, nullptr, this, nullptr);
    connect(&m_loader, &QTimer::timeout, this, &PlainTextViewer::handleUnloadStep);
    m_loader.start();
}

void PlainTextViewer::handleUnloadStep()
{
    QElapsedTimer clock;
    clock.start();
    QTextDocument *document = m_edit->document();
    while (document->characterCount() > chunkChars) {
        QTextCursor cursor(document);
        cursor.movePosition(QTextCursor::End);
        cursor.setPosition(cursor.position() - chunkChars, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        if (clock.elapsed() >= loadBudgetMs)
            return;
    }
    m_loader.stop();
    deleteLater();
}

void PlainTextViewer::updateStatus()
{
    const QLocale locale;
    const QString size = locale.formattedDataSize(m_text.size(), 1, QLocale::DataSizeSIFormat);
    if (!isLoaded()) {
        const int percent = int(m_loaded * 100 / std::max<qsizetype>(1, m_text.size()));
        m_status->setText(tr("Loading %1… %2 %").arg(size).arg(percent));
        return;
    }
    QString status = tr("%n line(s)", nullptr, m_edit->document()->blockCount()) + u" · "_s + size;
    if (m_brokeLines)
        status += u" · "_s + tr("very long lines are broken for display");
    m_status->setText(status);
}

void PlainTextViewer::copyAll() const
{
    QGuiApplication::clipboard()->setText(m_text);
}

} // namespace AgentDesk
