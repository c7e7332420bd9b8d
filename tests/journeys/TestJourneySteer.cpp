// Journeys of steering the agent (issue 14, protocol §20.4, §20.6, §20.7), once per server
// generation: answering a two-question ask_user_question form by keyboard only, implementing a
// proposed plan (plan mode left in the same request, the agent runs), compacting when the
// context gauge is red, and the cost and spend figures. On the legacy generation the server has
// none of these tools and routes: the journeys check that nothing of them is offered.

#include "Journey.h"
#include "models/ChatListModel.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ContextGauge.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/QuestionForm.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTest>
#include <QTextDocument>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QString shotName(const QString &name)
{
    const QString generation = Journey::generationUnderTest();
    return generation.isEmpty() ? name : name + u'-' + generation;
}

//! The newest user message's text on the server.
QString lastUserText(Journey &j, const ChatId &chat)
{
    const QJsonArray messages = j.serverMessages(chat);
    for (const QJsonValue &value : messages) { // newest first
        const QJsonObject message = value.toObject();
        if (message.value("role"_L1).toString() == u"user"_s)
            return serverMessageText(message);
    }
    return {};
}

//! The gauge's fill colour as the window paints it (a pixel in the middle of its filled part).
QColor paintedGaugeColor(Journey &j)
{
    ContextGauge *gauge = j.conversation()->contextGauge();
    if (!gauge->isVisible())
        return {};
    const QImage image = j.window()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const QRect fill = gauge->fillRect();
    const QPoint center = gauge->mapTo(j.window(), fill.center());
    return image.pixelColor(QPoint(int(center.x() * ratio), int(center.y() * ratio)));
}

int countRequests(Journey &j, const QString &pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = expression.globalMatch(QString::fromUtf8(j.sim().standardError())); it.hasNext();
         it.next())
        ++count;
    return count;
}

} // namespace

class TestJourneySteer : public JourneyTestCase
{
    Q_OBJECT

public:
    TestJourneySteer()
        : JourneyTestCase({.simulatorArguments = Journey::fastDemo(5), .logRequests = true})
    {
    }

private slots:

    //! §20.4.2: the agent asks two questions; the form opens under the card with the first
    //! options chosen and takes the keys: Down picks the second option, Enter goes on, 4 picks
    //! "Other" (three options), typing fills it, Enter submits. The server gets the web UI's
    //! text as a new user message and the card then shows the submitted answer.
    void question_twoQuestions_answeredByKeyboardOnly()
    {
        Journey &j = *m_journey;
        const ChatId a = j.chatIdByTitle(Journey::chatA);
        QVERIFY(j.openChat(a));
        QVERIFY(j.sim().postControl(
            u"chats/"_s + a.toString() + u"/turn"_s, {{u"scenario"_s, u"question"_s}}));
        if (Journey::isLegacy()) {
            // The seed-era server has no ask_user_question: the turn ends with its text only.
            QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"two decisions"_s), 10'000);
            QTRY_VERIFY_WITH_TIMEOUT(j.status(a) == ChatStatus::Waiting, 10'000);
            QVERIFY(!j.window()->findChild<QuestionForm *>(u"questionForm"_s));
            QVERIFY(!j.paints(u"The agent asks"_s));
            return;
        }
        QuestionForm *form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (form = j.window()->findChild<QuestionForm *>(u"questionForm"_s)) && form->isVisible(),
            10'000);
        QTRY_VERIFY(j.paints(u"Which packages should change?"_s));
        QCOMPARE(form->questionCount(), 2);
        QCOMPARE(form->choice(), 0); // the first option is chosen
        QTRY_VERIFY(form->hasFocus() || form->isAncestorOf(QApplication::focusWidget()));
        // The form lies inside the viewport, under its card, painted.
        const QRect formRect(form->mapTo(j.window(), QPoint(0, 0)), form->size());
        QVERIFY(j.window()->rect().contains(formRect.center()));

        j.press(QKeySequence(Qt::Key_Down));
        QCOMPARE(form->choice(), 1);
        j.press(QKeySequence(Qt::Key_Return));
        QCOMPARE(form->currentQuestion(), 1);
        j.press(QKeySequence(Qt::Key_4)); // three options: 4 is Other
        QCOMPARE(form->choice(), 3);
        QTRY_VERIFY(QApplication::focusWidget()
            && QApplication::focusWidget()->objectName() == u"questionOtherText"_s);
        QTest::keyClicks(QApplication::focusWidget(), u"Property tests"_s);
        j.screenshot(shotName(u"question-form-mid-answer"_s));
        j.press(QKeySequence(Qt::Key_Return));

        const QString expected = u"1. Scope: API + UI\n2. Tests: Other: Property tests"_s;
        QTRY_COMPARE_WITH_TIMEOUT(lastUserText(j, a), expected, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!j.window()->findChild<QuestionForm *>(u"questionForm"_s)
                || !j.window()->findChild<QuestionForm *>(u"questionForm"_s)->isVisible(),
            10'000);
        // The card now shows the submitted answer (scrolled into view: the answer's turn runs).
        QModelIndex card;
        QAbstractItemModel *model = j.chatView()->model();
        for (int row = 0; row < model->rowCount() && !card.isValid(); ++row) {
            QTextDocument document;
            j.chatView()->messageDelegate()->layoutCache().renderInto(
                document, model->index(row, 0));
            if (document.toPlainText().contains(u"The agent asks"_s))
                card = model->index(row, 0);
        }
        QVERIFY(card.isValid());
        j.chatView()->scrollTo(card, QAbstractItemView::PositionAtTop);
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"Submitted answer"_s), 10'000);
        QVERIFY(j.paints(u"2. Tests: Other: Property tests"_s));
        j.screenshot(shotName(u"question-answered"_s));
    }

    //! §20.4.1 and §20.4.3: plan mode switched on by keyboard PATCHes the chat; the agent's
    //! proposed plan is fetched by file id and rendered; Implement sends "Implement the plan."
    //! with plan_mode "" (no separate PATCH), plan mode is off and the agent runs.
    void plan_implement_leavesPlanModeInTheSameRequest()
    {
        Journey &j = *m_journey;
        const ChatId b = j.chatIdByTitle(Journey::chatB);
        QVERIFY(j.openChat(b));
        QAction *planMode = j.action(u"actionTogglePlanMode"_s);
        QAction *implement = j.action(u"actionImplementPlan"_s);
        QVERIFY(planMode && implement);
        QTRY_VERIFY(planMode->isEnabled());
        j.press(QKeySequence(u"Ctrl+Alt+P"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            j.serverChat(b).value("plan_mode"_L1).toString(), u"plan"_s, 10'000);
        auto *badge = j.window()->findChild<QLabel *>(u"planModeBadge"_s);
        QVERIFY(badge);
        QTRY_VERIFY(badge->isVisible());
        QVERIFY(j.composer()->isPlanMode());
        QTRY_VERIFY(j.app()->chatListModel()->chat(b)->planMode);

        QVERIFY(j.sim().postControl(
            u"chats/"_s + b.toString() + u"/turn"_s, {{u"scenario"_s, u"plan"_s}}));
        if (Journey::isLegacy()) {
            QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"press Implement"_s), 10'000);
            QVERIFY(!j.paints(u"Proposed plan"_s));
            QVERIFY(!implement->isEnabled());
            j.press(QKeySequence(u"Ctrl+Alt+P"_s)); // leave plan mode again
            QTRY_VERIFY_WITH_TIMEOUT(
                j.serverChat(b).value("plan_mode"_L1).toString().isEmpty(), 10'000);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"Plan: CSV export"_s), 10'000);
        QVERIFY(j.paints(u"RFC 4180"_s));
        QTRY_VERIFY_WITH_TIMEOUT(j.status(b) == ChatStatus::Waiting, 10'000);
        QTRY_VERIFY(implement->isEnabled());
        auto *status = j.window()->findChild<QLabel *>(u"statusLabel"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"Idle"_s, 10'000);
        j.screenshot(shotName(u"proposed-plan"_s));

        const QString patches = u"^agentdesk\\.sim: \"PATCH\" \"[^\"]*"_s + b.toString();
        const int patchesBefore = countRequests(j, patches);
        QVERIFY(patchesBefore >= 1); // the toggle's PATCH is in the log: the pattern matches
        j.press(QKeySequence(u"Ctrl+Alt+I"_s));
        QTRY_COMPARE_WITH_TIMEOUT(lastUserText(j, b), u"Implement the plan."_s, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            j.serverChat(b).value("plan_mode"_L1).toString().isEmpty(), 10'000);
        QCOMPARE(countRequests(j, patches), patchesBefore); // left in the send itself
        QTRY_VERIFY(!badge->isVisible());
        QVERIFY(!j.composer()->isPlanMode());
        // The agent runs the plan: a new answer arrives after the message.
        QTRY_VERIFY_WITH_TIMEOUT(
            j.serverMessages(b).first().toObject().value("role"_L1).toString() != u"user"_s,
            15'000);

        // §20.6.2: Clear Context asks first; confirmed, the model forgets and a divider says so.
        QTRY_VERIFY_WITH_TIMEOUT(j.status(b) == ChatStatus::Waiting, 30'000);
        QAction *clear = j.action(u"actionClearContext"_s);
        QTRY_VERIFY(clear->isVisible() && clear->isEnabled());
        j.press(QKeySequence(u"Ctrl+Shift+K"_s));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = j.window()->findChild<QMessageBox *>(u"clearContextDialog"_s))
            && box->isVisible());
        QCOMPARE(countRequests(j, u"/clear\" 200"_s), 0); // nothing before the confirmation
        QAbstractButton *confirm = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                confirm = button;
        }
        QVERIFY(confirm);
        confirm->click();
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"Context cleared"_s), 10'000);
    }

    //! §20.6.4: the gauge in the header follows the latest usage: green, amber at 60 %, red at
    //! 91 % (colours read from the painted window); red offers Compact: a click compacts, the
    //! divider is painted and the gauge drops. A second /compact typed in the composer is
    //! refused with 409, explained.
    void compact_whenGaugeIsRed()
    {
        Journey &j = *m_journey;
        const ChatId c = j.chatIdByTitle(Journey::chatC);
        QVERIFY(j.openChat(c));
        ContextGauge *gauge = j.conversation()->contextGauge();
        const QPalette palette = gauge->palette();
        auto turn = [&](const QString &scenario) {
            const int before = int(j.serverMessages(c).size());
            QVERIFY(j.sim().postControl(
                u"chats/"_s + c.toString() + u"/turn"_s, {{u"scenario"_s, scenario}}));
            QTRY_VERIFY_WITH_TIMEOUT(
                int(j.serverMessages(c).size()) > before && j.status(c) == ChatStatus::Waiting,
                15'000);
        };
        turn(u"quick"_s);
        QTRY_COMPARE_WITH_TIMEOUT(gauge->level(), ContextGauge::Level::Normal, 10'000);
        QTRY_COMPARE(
            paintedGaugeColor(j), ContextGauge::colorOf(ContextGauge::Level::Normal, palette));
        j.screenshot(shotName(u"gauge-green"_s));
        turn(u"half_context"_s);
        QTRY_COMPARE_WITH_TIMEOUT(gauge->level(), ContextGauge::Level::Amber, 10'000);
        QTRY_COMPARE(
            paintedGaugeColor(j), ContextGauge::colorOf(ContextGauge::Level::Amber, palette));
        QVERIFY(gauge->toolTip().contains(u"120,000"_s) || gauge->toolTip().contains(u"120000"_s));
        j.screenshot(shotName(u"gauge-amber"_s));
        turn(u"fill_context"_s);
        QTRY_COMPARE_WITH_TIMEOUT(gauge->level(), ContextGauge::Level::Red, 10'000);
        QTRY_COMPARE(
            paintedGaugeColor(j), ContextGauge::colorOf(ContextGauge::Level::Red, palette));
        j.screenshot(shotName(u"gauge-red"_s));

        QAction *compact = j.action(u"actionCompact"_s);
        QVERIFY(compact);
        if (Journey::isLegacy()) {
            // No compact route: nothing offers it, and a click on the red gauge sends nothing.
            QVERIFY(!compact->isVisible());
            QVERIFY(!j.action(u"actionClearContext"_s)->isVisible());
            QVERIFY(!j.window()->findChild<QWidget *>(u"compactButton"_s)->isVisible());
            QTest::mouseClick(gauge, Qt::LeftButton, {}, gauge->fillRect().center());
            QTest::qWait(200);
            QCOMPARE(countRequests(j, u"/compact\""_s), 0);
            QVERIFY(!j.window()
                         ->findChild<QLabel *>(u"accountLabel"_s)
                         ->text()
                         .contains(u"AI spend"_s));
            return;
        }
        QVERIFY(compact->isVisible() && compact->isEnabled());
        QVERIFY(gauge->toolTip().contains(u"compact"_s));
        QTRY_VERIFY(j.window()->findChild<QWidget *>(u"compactButton"_s)->isVisible());
        QTest::mouseClick(gauge, Qt::LeftButton, {}, gauge->fillRect().center());
        QTRY_VERIFY_WITH_TIMEOUT(j.paints(u"Context compacted"_s), 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(gauge->level(), ContextGauge::Level::Normal, 10'000);
        QVERIFY(!j.window()->findChild<QWidget *>(u"compactButton"_s)->isVisible());
        j.screenshot(shotName(u"compacted"_s));

        // Nothing said since: /compact typed in the composer is a command, refused (409).
        j.send(u"/compact"_s);
        auto *banner = j.window()->findChild<QWidget *>(u"apiErrorBanner"_s);
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10'000);
        QString bannerText;
        for (QLabel *label : banner->findChildren<QLabel *>())
            bannerText += label->text() + u'\n';
        QVERIFY2(bannerText.contains(u"Nothing to compact"_s), qPrintable(bannerText));
        QVERIFY(lastUserText(j, c) != u"/compact"_s); // no message was sent
        QVERIFY(j.composer()->text().isEmpty());

        // §20.7: the chat's cost and the user's spend, as the server reports them.
        QTRY_VERIFY(j.conversation()->costLabel()->isVisible());
        QVERIFY(j.conversation()->costLabel()->text().contains(u'$'));
        QTRY_VERIFY(
            j.window()->findChild<QLabel *>(u"accountLabel"_s)->text().contains(u"AI spend"_s));
    }
};

QTEST_MAIN(TestJourneySteer)
#include "TestJourneySteer.moc"
