#include "widgets/conversation/ActionRequiredPanel.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

//! Arguments as indented JSON when they parse, else as sent.
QString prettyArguments(const QString &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return json;
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

ActionRequiredPanel::ActionRequiredPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_rows(new QVBoxLayout)
    , m_submit(new QPushButton(this))
{
    setObjectName(u"actionRequiredPanel"_s);
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(u"actionRequiredTitle"_s);
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_submit->setObjectName(u"submitToolResultsButton"_s);
    m_submit->setDefault(false);
    m_submit->setAutoDefault(false);
    connect(m_submit, &QPushButton::clicked, this, &ActionRequiredPanel::handleSubmit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("Results may be JSON; other text is sent as a string."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_submit);
    layout->addLayout(buttons);
    hide();
}

void ActionRequiredPanel::setCalls(const QList<ActionRequiredCall> &calls)
{
    const QList<ActionRequiredCall> previous = std::exchange(m_calls, calls);
    rebuild(previous);
    setVisible(!m_calls.isEmpty());
}

void ActionRequiredPanel::rebuild(const QList<ActionRequiredCall> &previous)
{
    // Keep what the user typed for calls that are still pending.
    QHash<QString, std::pair<QString, bool>> typed;
    for (const Row &row : std::as_const(m_rowWidgets))
        typed.insert(row.toolCallId, {row.output->toPlainText(), row.isError->isChecked()});
    Q_UNUSED(previous)
    m_rowWidgets.clear();
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        delete item;
    }
    m_title->setText(
        tr("The agent waits for the result of %n tool call(s)", nullptr, int(m_calls.size())));
    m_submit->setText(tr("Send Result(s)", nullptr, int(m_calls.size())));
    m_submit->setEnabled(!m_calls.isEmpty());
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const ActionRequiredCall &call : std::as_const(m_calls)) {
        auto *box = new QWidget(this);
        box->setObjectName(u"actionCall"_s);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 4, 0, 4);
        auto *name = new QLabel(box);
        name->setObjectName(u"actionToolName"_s);
        name->setTextFormat(Qt::PlainText);
        name->setText(tr("Tool: %1").arg(call.toolName));
        boxLayout->addWidget(name);
        auto *arguments = new QLabel(box);
        arguments->setObjectName(u"actionToolArguments"_s);
        arguments->setTextFormat(Qt::PlainText);
        arguments->setFont(fixed);
        arguments->setWordWrap(true);
        arguments->setTextInteractionFlags(Qt::TextSelectableByMouse);
        const QString pretty = prettyArguments(call.argsJson);
        arguments->setText(pretty.size() > 2000 ? pretty.left(2000) + u"…"_s : pretty);
        boxLayout->addWidget(arguments);
        auto *output = new QPlainTextEdit(box);
        output->setObjectName(u"toolOutputEdit"_s);
        output->setPlaceholderText(tr("Result of %1").arg(call.toolName));
        output->setTabChangesFocus(true);
        output->setFixedHeight(output->fontMetrics().lineSpacing() * 3 + 12);
        output->installEventFilter(this);
        auto *isError = new QCheckBox(tr("Report as an error"), box);
        isError->setObjectName(u"toolIsErrorCheck"_s);
        if (const auto known = typed.constFind(call.toolCallId); known != typed.cend()) {
            output->setPlainText(known->first);
            isError->setChecked(known->second);
        }
        boxLayout->addWidget(output);
        boxLayout->addWidget(isError);
        m_rows->addWidget(box);
        m_rowWidgets.append(Row{call.toolCallId, output, isError});
    }
}

QJsonValue ActionRequiredPanel::outputOf(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    // Any JSON value (also a bare number, string or literal) parses inside an array.
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(u"["_s.append(trimmed).append(u']').toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && document.array().size() == 1)
        return document.array().first();
    return text;
}

QList<ToolResult> ActionRequiredPanel::results() const
{
    QList<ToolResult> results;
    for (const Row &row : m_rowWidgets) {
        ToolResult result;
        result.toolCallId = row.toolCallId;
        result.output = outputOf(row.output->toPlainText());
        result.isError = row.isError->isChecked();
        results.append(result);
    }
    return results;
}

void ActionRequiredPanel::setBusy(bool busy)
{
    m_submit->setEnabled(!busy && !m_calls.isEmpty());
}

void ActionRequiredPanel::handleSubmit()
{
    if (m_calls.isEmpty())
        return;
    setBusy(true);
    Q_EMIT submitRequested(results());
}

bool ActionRequiredPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::ControlModifier) {
            handleSubmit();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace AgentDesk
