#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace AgentDesk {

//! The answer form of an `ask_user_question` card (§20.4.2, objectName questionForm), shown
//! inline under the card while the question is open. One radio group per question with the
//! first option chosen, plus "Other" with a text field; several questions are a wizard with
//! Back and Next. Keyboard only works: Up/Down move the choice, digits 1–9 pick an option (the
//! digit after the last option picks Other), Enter goes to the next question or submits,
//! Alt+Left goes back.
class QuestionForm final : public QWidget
{
    Q_OBJECT

public:
    struct Option
    {
        QString label;
        QString description;
    };
    struct Question
    {
        QString header;
        QString question;
        QList<Option> options;
    };

    //! The questions of a tool call's `args` ({"questions":[…]}); empty when malformed.
    static QList<Question> parseQuestions(const QJsonValue &args);
    //! The text sent as the user's message, as the web UI builds it: one question → its answer;
    //! several → one line per question, "<n>. <header>: <answer>". An answer is the option's
    //! label or "Other: <text>".
    static QString answerText(const QList<Question> &questions, const QStringList &answers);

    explicit QuestionForm(const QList<Question> &questions, QWidget *parent = nullptr);

    int currentQuestion() const { return m_current; }
    int questionCount() const { return int(m_questions.size()); }
    //! The answers chosen so far (one per question; the current one as now chosen).
    QStringList answers() const;
    //! Moves the choice on the current question: option index, or the option count for Other.
    void choose(int choice);
    int choice() const;
    void next();
    void back();

    QSize sizeHint() const override;

signals:
    //! The user submitted; `text` is what to send (answerText()).
    void submitted(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void showQuestion(int index);
    void storeCurrent();
    QString currentAnswer() const;
    bool handleKey(QKeyEvent *event);
    void updateButtons();

    QList<Question> m_questions;
    QList<int> m_choices;     //!< Per question: option index, or options.size() for Other.
    QStringList m_otherTexts; //!< Per question.
    int m_current = 0;
    QLabel *m_progress;
    QLabel *m_header;
    QLabel *m_question;
    QWidget *m_optionsBox;
    QVBoxLayout *m_optionsLayout;
    QButtonGroup *m_group;
    QList<QRadioButton *> m_radios;
    QLineEdit *m_other;
    QPushButton *m_back;
    QPushButton *m_next;
};

} // namespace AgentDesk
