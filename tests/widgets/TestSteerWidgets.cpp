// The widgets of steering the agent (§20.4, §20.6), offscreen: the context gauge's formula and
// levels, the question form (parsing, the web UI's answer text, keyboard only) and the cards
// PartRenderer draws for questions, plans and context boundaries.

#include "core/api/ApiJson.h"
#include "widgets/conversation/ContextGauge.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/conversation/QuestionForm.h"

#include <QApplication>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

const char *twoQuestions = R"({"questions":[
  {"header":"Scope","question":"Which packages?","options":[{"label":"API only","description":"d"},{"label":"API + UI","description":"d"}]},
  {"header":"Tests","question":"How to test?","options":[{"label":"Unit","description":""},{"label":"Integration","description":""},{"label":"Both","description":""}]}]})";

class FakeSteer final : public SteerSource
{
public:
    QString answer;
    bool active = false;
    std::optional<QString> plan;
    QString submittedAnswer(const QString &) const override { return answer; }
    bool isQuestionActive(const QString &) const override { return active; }
    std::optional<QString> planText(const FileId &) const override { return plan; }
};

MessagePart toolCall(const QString &name, const QJsonValue &args)
{
    MessagePart part;
    part.kind = MessagePart::Kind::ToolCall;
    part.editDetail().toolName = name;
    part.editDetail().toolCallId = u"call-1"_s;
    part.editDetail().args = args;
    return part;
}

QString render(PartRenderer &renderer, const MessageRenderInput &input)
{
    QTextDocument document;
    renderer.render(document, input);
    return document.toPlainText();
}

} // namespace

class TestSteerWidgets : public QObject
{
    Q_OBJECT

private slots:
    void gauge_sumsThePresentCountsAgainstTheLimit()
    {
        MessageUsage usage;
        usage.inputTokens = 100'000;
        usage.outputTokens = 2'000;
        usage.cacheReadTokens = 30'000;
        usage.reasoningTokens = 1'000;
        usage.contextLimit = 200'000;
        const auto reading = ContextGauge::compute(usage);
        QCOMPARE(reading.used, 133'000);
        QCOMPARE(reading.limit, 200'000);
        QCOMPARE(reading.percent, 66);
        QCOMPARE(reading.threshold, 70);
        QCOMPARE(reading.level, ContextGauge::Level::Amber);
    }

    void gauge_levels_data()
    {
        QTest::addColumn<qint64>("used");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<int>("level");
        // Threshold 70 % of 200,000 = 140,000 (red); amber from 105,000.
        QTest::newRow("empty") << qint64(0) << qint64(200'000) << int(ContextGauge::Level::Normal);
        QTest::newRow("below amber")
            << qint64(104'999) << qint64(200'000) << int(ContextGauge::Level::Normal);
        QTest::newRow("amber") << qint64(105'000) << qint64(200'000)
                               << int(ContextGauge::Level::Amber);
        QTest::newRow("just below red")
            << qint64(139'999) << qint64(200'000) << int(ContextGauge::Level::Amber);
        QTest::newRow("red") << qint64(140'000) << qint64(200'000) << int(ContextGauge::Level::Red);
        QTest::newRow("over") << qint64(250'000) << qint64(200'000)
                              << int(ContextGauge::Level::Red);
        // 1M window: threshold 30 % = 300,000; amber from 225,000.
        QTest::newRow("big window amber")
            << qint64(230'000) << qint64(1'000'000) << int(ContextGauge::Level::Amber);
        QTest::newRow("big window red")
            << qint64(300'000) << qint64(1'000'000) << int(ContextGauge::Level::Red);
    }
    void gauge_levels()
    {
        QFETCH(qint64, used);
        QFETCH(qint64, limit);
        QFETCH(int, level);
        MessageUsage usage;
        usage.inputTokens = used;
        usage.contextLimit = limit;
        QCOMPARE(int(ContextGauge::compute(usage).level), level);
    }

    void gauge_unknownWithoutUsageOrLimit_fallsBackToTheModel()
    {
        QCOMPARE(ContextGauge::compute(std::nullopt).level, ContextGauge::Level::Unknown);
        MessageUsage usage;
        usage.inputTokens = 50;
        QCOMPARE(ContextGauge::compute(usage).level, ContextGauge::Level::Unknown);
        const auto fallback = ContextGauge::compute(usage, 100);
        QCOMPARE(fallback.limit, 100);
        QCOMPARE(fallback.percent, 50);
        QCOMPARE(ContextGauge::compute(usage, 100, 40).level, ContextGauge::Level::Red);
    }

    void gauge_takesTheModelsThresholdAndLimit()
    {
        // §20.6.3: the model's compression_threshold and context_limit, as the server sends them.
        const auto response = ApiJson::modelsFromJson(json(R"({"models":[
          {"id":"a1b2c3d4-0003-4e5f-aa9b-0c1d2e3f4a5d","ai_provider_id":"b7c8d9e0-1111-4a2b-8c3d-4e5f6a7b8c9d",
           "model":"opus","context_limit":200000,"compression_threshold":90},
          {"id":"a1b2c3d4-0004-4e5f-aa9b-0c1d2e3f4a5d","ai_provider_id":"b7c8d9e0-1111-4a2b-8c3d-4e5f6a7b8c9d",
           "model":"odd","context_limit":1000000,"compression_threshold":250}],
          "providers":[{"id":"b7c8d9e0-1111-4a2b-8c3d-4e5f6a7b8c9d","type":"anthropic"}]})"));
        QVERIFY(response);
        QCOMPARE(response->models.size(), 2);
        const ModelConfig &model = response->models.at(0);
        QCOMPARE(model.contextLimit, 200'000);
        QCOMPARE(model.compressionThreshold, std::optional<int>(90));
        QCOMPARE(response->models.at(1).compressionThreshold, std::nullopt); // out of range

        // The usage carries no limit: the model's; 150,000 of 200,000 is red at the default
        // 70 % but amber below the model's 90 % (amber from three quarters of it, 67.5 %).
        MessageUsage usage;
        usage.inputTokens = 150'000;
        QCOMPARE(ContextGauge::computeFor(usage, nullptr).level, ContextGauge::Level::Unknown);
        const auto reading = ContextGauge::computeFor(usage, &model);
        QCOMPARE(reading.limit, 200'000);
        QCOMPARE(reading.threshold, 90);
        QCOMPARE(reading.level, ContextGauge::Level::Amber);
        // The user's override comes before the model's threshold.
        const auto overridden = ContextGauge::computeFor(usage, &model, 60);
        QCOMPARE(overridden.threshold, 60);
        QCOMPARE(overridden.level, ContextGauge::Level::Red);
        // Without a threshold from the server: the default for the limit.
        QCOMPARE(ContextGauge::computeFor(usage, &response->models.at(1)).threshold, 30);

        const auto thresholds = ApiJson::compactionThresholdsFromJson(json(R"({"thresholds":[
          {"model_config_id":"a1b2c3d4-0003-4e5f-aa9b-0c1d2e3f4a5d","threshold_percent":60},
          {"model_config_id":"a1b2c3d4-0004-4e5f-aa9b-0c1d2e3f4a5d","threshold_percent":-3},
          {"threshold_percent":50}]})"));
        QVERIFY(thresholds);
        QCOMPARE(thresholds->size(), 1);
        QCOMPARE(thresholds->value(model.id.value), 60);
        QVERIFY(!ApiJson::compactionThresholdsFromJson(json(R"({"thresholds":7})")));

        ContextGauge gauge;
        gauge.setUsage(usage, &model);
        QCOMPARE(gauge.level(), ContextGauge::Level::Amber);
        QVERIFY(gauge.toolTip().contains(u"90"_s));
    }

    void gauge_widget_offersCompactOnlyWhenRedAndAvailable()
    {
        ContextGauge gauge;
        QSignalSpy compact(&gauge, &ContextGauge::compactRequested);
        MessageUsage usage;
        usage.inputTokens = 190'000;
        usage.contextLimit = 200'000;
        gauge.setUsage(usage);
        gauge.resize(gauge.sizeHint());
        QVERIFY(!gauge.isHidden());
        QVERIFY(gauge.toolTip().contains(u"190"_s));
        QTest::mouseClick(&gauge, Qt::LeftButton, {}, gauge.fillRect().center());
        QCOMPARE(compact.count(), 0); // not available (legacy server)
        gauge.setCompactAvailable(true);
        QTest::mouseClick(&gauge, Qt::LeftButton, {}, gauge.fillRect().center());
        QCOMPARE(compact.count(), 1);
        const QImage image = gauge.grab().toImage();
        QCOMPARE(image.pixelColor(gauge.fillRect().center()),
            ContextGauge::colorOf(ContextGauge::Level::Red, gauge.palette()));
    }

    void question_parse_andAnswerText()
    {
        const auto questions = QuestionForm::parseQuestions(json(twoQuestions));
        QCOMPARE(questions.size(), 2);
        QCOMPARE(questions.at(1).options.size(), 3);
        QCOMPARE(QuestionForm::answerText(questions, {u"API + UI"_s, u"Other: fuzzing"_s}),
            u"1. Scope: API + UI\n2. Tests: Other: fuzzing"_s);
        QCOMPARE(QuestionForm::answerText({questions.first()}, {u"API only"_s}), u"API only"_s);
        QVERIFY(QuestionForm::parseQuestions(json(R"({"questions":"no"})")).isEmpty());
        QVERIFY(QuestionForm::parseQuestions(QJsonValue(42)).isEmpty());
    }

    void question_keyboardOnly_submitsTheWebText()
    {
        QuestionForm form(QuestionForm::parseQuestions(json(twoQuestions)));
        QSignalSpy submitted(&form, &QuestionForm::submitted);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        form.activateWindow();
        form.setFocus();
        QCOMPARE(form.choice(), 0);
        QTest::keyClick(&form, Qt::Key_Down);
        QTest::keyClick(&form, Qt::Key_Down); // stays on Other at most
        QCOMPARE(form.choice(), 2);
        QTest::keyClick(&form, Qt::Key_Up);
        QCOMPARE(form.choice(), 1);
        QTest::keyClick(&form, Qt::Key_Return);
        QCOMPARE(form.currentQuestion(), 1);
        QTest::keyClick(&form, Qt::Key_3);
        QCOMPARE(form.choice(), 2);
        QTest::keyClick(&form, Qt::Key_Left, Qt::AltModifier); // back keeps the first answer
        QCOMPARE(form.currentQuestion(), 0);
        QCOMPARE(form.choice(), 1);
        QTest::keyClick(&form, Qt::Key_Return);
        QCOMPARE(form.choice(), 2);        // the second answer was kept too
        QTest::keyClick(&form, Qt::Key_4); // Other: the text field takes the typing
        auto *other = form.findChild<QLineEdit *>(u"questionOtherText"_s);
        QVERIFY(other && other->isEnabled());
        auto *next = form.findChild<QPushButton *>(u"questionNext"_s);
        QVERIFY(!next->isEnabled());          // "Other" needs text
        QTest::keyClicks(other, u"fuzz 1"_s); // digits are text here
        QVERIFY(next->isEnabled());
        QTest::keyClick(other, Qt::Key_Return);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(
            submitted.first().first().toString(), u"1. Scope: API + UI\n2. Tests: Other: fuzz 1"_s);
    }

    void cards_question_plan_boundary()
    {
        PartRenderer renderer;
        FakeSteer steer;
        renderer.setSteer(&steer);
        MessageRenderInput input;
        input.role = MessageRole::Assistant;
        input.parts = {toolCall(u"ask_user_question"_s, json(twoQuestions))};
        MessagePart result;
        result.kind = MessagePart::Kind::ToolResult;
        result.editDetail().toolCallId = u"call-1"_s;
        input.toolResults.insert(u"call-1"_s, result);
        steer.active = true;
        QVERIFY(render(renderer, input).contains(u"Answer below"_s));
        steer.active = false;
        steer.answer = u"1. Scope: API only\n2. Tests: Unit"_s;
        const QString answered = render(renderer, input);
        QVERIFY(answered.contains(u"Submitted answer"_s));
        QVERIFY(answered.contains(u"1. Scope: API only\n2. Tests: Unit"_s)); // one line each

        input.parts = {toolCall(u"propose_plan"_s, json(R"({"path":"/p/PLAN.md"})"))};
        result.editDetail().result =
            json(R"({"ok":true,"kind":"plan","file_id":"1b2c3d4e-0000-4000-8000-000000000001"})");
        input.toolResults.insert(u"call-1"_s, result);
        QVERIFY(render(renderer, input).contains(u"Loading the plan"_s));
        steer.plan = u"# The plan\n\n1. Do it"_s;
        const QString plan = render(renderer, input);
        QVERIFY(plan.contains(u"The plan"_s));
        QVERIFY(plan.contains(u"Implement"_s));
        QVERIFY(!plan.contains(u"# The plan"_s)); // rendered, not shown as source

        input.parts = {toolCall(u"chat_cleared"_s, json("{}"))};
        const QString cleared = render(renderer, input);
        QVERIFY(cleared.contains(u"Context cleared"_s));
        QVERIFY(!cleared.contains(u"Agent"_s)); // a divider, no answer header
    }
};

QTEST_MAIN(TestSteerWidgets)
#include "TestSteerWidgets.moc"
