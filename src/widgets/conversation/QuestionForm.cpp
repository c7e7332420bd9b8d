#include "widgets/conversation/QuestionForm.h"

#include "core/api/DisplayText.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int maxQuestions = 20; //!< More than any agent asks; keeps a hostile payload small.
constexpr int maxOptions = 8;    //!< Coder allows 2–4.

} // namespace

QList<QuestionForm::Question> QuestionForm::parseQuestions(const QJsonValue &args)
{
    QList<Question> questions;
    const QJsonArray list = args.toObject().value(u"questions").toArray();
    for (const QJsonValue &value : list) {
        if (questions.size() >= maxQuestions)
            break;
        const QJsonObject object = value.toObject();
        Question question;
        question.header = safeDisplayText(object.value(u"header").toString()).trimmed();
        question.question = safeDisplayText(object.value(u"question").toString()).trimmed();
        for (const QJsonValue &optionValue : object.value(u"options").toArray()) {
            if (question.options.size() >= maxOptions)
                break;
            const QJsonObject option = optionValue.toObject();
            const QString label = safeDisplayText(option.value(u"label").toString()).trimmed();
            if (!label.isEmpty())
                question.options.append(
                    {label, safeDisplayText(option.value(u"description").toString()).trimmed()});
        }
        if (!question.question.isEmpty() || !question.options.isEmpty())
            questions.append(question);
    }
    return questions;
}

QString QuestionForm::answerText(const QList<Question> &questions, const QStringList &answers)
{
    if (questions.size() == 1)
        return answers.value(0);
    QStringList lines;
    for (int i = 0; i < questions.size(); ++i)
        lines << u"%1. %2: %3"_s.arg(i + 1).arg(questions.at(i).header, answers.value(i));
    return lines.join(u'\n');
}

QuestionForm::QuestionForm(const QList<Question> &questions, QWidget *parent)
    : QWidget(parent)
    , m_questions(questions)
    , m_progress(new QLabel(this))
    , m_header(new QLabel(this))
    , m_question(new QLabel(this))
    , m_optionsBox(new QWidget(this))
    , m_optionsLayout(new QVBoxLayout(m_optionsBox))
    , m_group(new QButtonGroup(this))
    , m_other(new QLineEdit(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(this))
{
    setObjectName(u"questionForm"_s);
    setProperty("inlineForm", true); // MessageDelegate places it under its card
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    setAccessibleName(tr("Answer the agent's question"));
    m_progress->setObjectName(u"questionProgress"_s);
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_header->setObjectName(u"questionHeader"_s);
    QFont bold = m_header->font();
    bold.setWeight(QFont::DemiBold);
    m_header->setFont(bold);
    m_header->setTextFormat(Qt::PlainText);
    m_question->setObjectName(u"questionText"_s);
    m_question->setTextFormat(Qt::PlainText);
    m_question->setWordWrap(true);
    m_optionsLayout->setContentsMargins(0, 0, 0, 0);
    m_optionsLayout->setSpacing(2);
    m_other->setObjectName(u"questionOtherText"_s);
    m_other->setPlaceholderText(tr("Your answer"));
    m_back->setObjectName(u"questionBack"_s);
    m_next->setObjectName(u"questionNext"_s);
    m_next->setDefault(true);
    m_group->setExclusive(true);

    for (int i = 0; i < m_questions.size(); ++i) {
        m_choices.append(0); // the first option is chosen, as in the web UI
        m_otherTexts.append(QString());
    }

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_question);
    layout->addWidget(m_optionsBox);
    layout->addWidget(m_other);
    layout->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, &QuestionForm::back);
    connect(m_next, &QPushButton::clicked, this, &QuestionForm::next);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) { choose(id); });
    connect(m_other, &QLineEdit::textEdited, this, [this] {
        if (choice() != int(m_questions.value(m_current).options.size()))
            choose(int(m_questions.value(m_current).options.size()));
    });
    connect(m_other, &QLineEdit::textChanged, this, &QuestionForm::updateButtons);
    m_other->installEventFilter(this);
    showQuestion(0);
}

QSize QuestionForm::sizeHint() const
{
    return layout() ? layout()->sizeHint() : QWidget::sizeHint();
}

int QuestionForm::choice() const
{
    return m_choices.value(m_current);
}

void QuestionForm::choose(int choice)
{
    if (m_current >= m_questions.size())
        return;
    const int count = int(m_questions.at(m_current).options.size());
    choice = std::clamp(choice, 0, count);
    m_choices[m_current] = choice;
    if (QAbstractButton *radio = m_group->button(choice))
        radio->setChecked(true);
    m_other->setEnabled(choice == count);
    if (choice == count)
        m_other->setFocus(Qt::OtherFocusReason);
    else if (m_other->hasFocus())
        setFocus(Qt::OtherFocusReason);
    updateButtons();
}

QString QuestionForm::currentAnswer() const
{
    return answers().value(m_current);
}

QStringList QuestionForm::answers() const
{
    QStringList result;
    for (int i = 0; i < m_questions.size(); ++i) {
        const QList<Option> &options = m_questions.at(i).options;
        const int chosen = m_choices.value(i);
        const QString other = (i == m_current ? m_other->text() : m_otherTexts.value(i)).trimmed();
        if (chosen < options.size())
            result << options.at(chosen).label;
        else
            result << u"Other: "_s + other; // the wire text, as the web UI sends it
    }
    return result;
}

void QuestionForm::storeCurrent()
{
    if (m_current < m_otherTexts.size())
        m_otherTexts[m_current] = m_other->text();
}

void QuestionForm::showQuestion(int index)
{
    if (m_questions.isEmpty())
        return;
    m_current = std::clamp(index, 0, int(m_questions.size()) - 1);
    const Question &question = m_questions.at(m_current);
    m_progress->setText(m_questions.size() > 1
            ? tr("Question %1 of %2").arg(m_current + 1).arg(m_questions.size())
            : QString());
    m_header->setText(question.header);
    m_header->setVisible(!question.header.isEmpty());
    m_question->setText(question.question);
    qDeleteAll(m_radios);
    m_radios.clear();
    for (int i = 0; i <= question.options.size(); ++i) {
        const bool other = i == question.options.size();
        QString text = other ? tr("Other") : question.options.at(i).label;
        if (!other && !question.options.at(i).description.isEmpty())
            text += u" — "_s + question.options.at(i).description;
        auto *radio = new QRadioButton(u"&%1  %2"_s.arg(i + 1).arg(text), m_optionsBox);
        radio->setObjectName(u"questionOption%1"_s.arg(i));
        radio->setFocusPolicy(Qt::NoFocus); // the form takes the keys; one focus stop
        m_group->addButton(radio, i);
        m_optionsLayout->addWidget(radio);
        radio->show();
        m_radios.append(radio);
    }
    m_other->setText(m_otherTexts.value(m_current));
    choose(m_choices.value(m_current));
    if (!m_other->hasFocus())
        setFocus(Qt::OtherFocusReason);
    updateButtons();
    updateGeometry();
}

void QuestionForm::updateButtons()
{
    const bool last = m_current >= m_questions.size() - 1;
    m_back->setVisible(m_questions.size() > 1);
    m_back->setEnabled(m_current > 0);
    m_next->setText(last ? tr("Submit") : tr("Next"));
    const bool otherEmpty = choice() == int(m_questions.value(m_current).options.size())
        && m_other->text().trimmed().isEmpty();
    m_next->setEnabled(!otherEmpty);
}

void QuestionForm::next()
{
    if (m_questions.isEmpty() || !m_next->isEnabled())
        return;
    storeCurrent();
    if (m_current < m_questions.size() - 1) {
        showQuestion(m_current + 1);
        return;
    }
    emit submitted(answerText(m_questions, answers()));
}

void QuestionForm::back()
{
    if (m_current == 0)
        return;
    storeCurrent();
    showQuestion(m_current - 1);
}

bool QuestionForm::handleKey(QKeyEvent *event)
{
    const int count = int(m_questions.value(m_current).options.size());
    const bool inOther = m_other->hasFocus();
    switch (event->key()) {
    case Qt::Key_Up:
        choose(std::max(0, choice() - 1));
        return true;
    case Qt::Key_Down:
        choose(std::min(count, choice() + 1));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        next();
        return true;
    case Qt::Key_Left:
        if (event->modifiers() & Qt::AltModifier) {
            back();
            return true;
        }
        return false;
    default:
        break;
    }
    if (!inOther && event->modifiers() == Qt::NoModifier && event->key() >= Qt::Key_1
        && event->key() <= Qt::Key_9) {
        const int picked = event->key() - Qt::Key_1;
        if (picked <= count)
            choose(picked);
        return true;
    }
    return false;
}

bool QuestionForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_other && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (handleKey(key))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void QuestionForm::keyPressEvent(QKeyEvent *event)
{
    if (!handleKey(event))
        QWidget::keyPressEvent(event);
}

void QuestionForm::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    if (choice() == int(m_questions.value(m_current).options.size()))
        m_other->setFocus(Qt::OtherFocusReason);
}

} // namespace AgentDesk
