#pragma once

#include "core/api/ApiTypes.h"

#include <QFrame>
#include <QList>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace AgentDesk {

//! The client (dynamic) tool calls a chat in `requires_action` waits for (§14.6, §20.4.4),
//! above the composer: per call the tool's name and arguments, a field for the result (JSON, or
//! plain text sent as a JSON string) and "Report as an error"; one button sends them all.
//! Hidden while nothing is pending. Keyboard: Ctrl+Enter in a result field sends.
class ActionRequiredPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit ActionRequiredPanel(QWidget *parent = nullptr);

    //! Shows `calls` (empty hides the panel). Text typed for a call that stays is kept.
    void setCalls(const QList<ActionRequiredCall> &calls);
    QList<ActionRequiredCall> calls() const { return m_calls; }
    //! The results as they would be sent now.
    QList<ToolResult> results() const;
    //! A result field's text as the JSON value it sends.
    static QJsonValue outputOf(const QString &text);
    //! The send finished: re-enables the button (on failure the fields keep their text).
    void setBusy(bool busy);

Q_SIGNALS:
    void submitRequested(const QList<AgentDesk::ToolResult> &results);

private:
    struct Row
    {
        QString toolCallId;
        QPlainTextEdit *output = nullptr;
        QCheckBox *isError = nullptr;
    };

    void rebuild(const QList<ActionRequiredCall> &previous);
    void handleSubmit();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QList<ActionRequiredCall> m_calls;
    QList<Row> m_rowWidgets;
    QLabel *m_title;
    QVBoxLayout *m_rows;
    QPushButton *m_submit;
};

} // namespace AgentDesk
