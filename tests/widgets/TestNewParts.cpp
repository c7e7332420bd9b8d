// §20.11: each part type and field the newest servers added, rendered by PartRenderer the way a
// row of the conversation shows it, checked by the document's text. Types the client does not
// model are shown generically ("Unsupported part: <type>"), never dropped.

#include "core/api/ApiJson.h"
#include "widgets/conversation/PartRenderer.h"

#include <QApplication>
#include <QTest>
#include <QTextDocument>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

MessagePart partFrom(const QJsonObject &object)
{
    return ApiJson::messagePartFromJson(object).value_or(MessagePart());
}

QString rendered(MessageRole role, const QList<MessagePart> &parts,
    const MessageListModel::ToolResults &results = {})
{
    MessageRenderInput input;
    input.role = role;
    input.parts = parts;
    input.toolResults = results;
    QTextDocument document;
    PartRenderer().render(document, input);
    return document.toPlainText();
}

} // namespace

class TestNewParts : public QObject
{
    Q_OBJECT

private slots:
    void part_rendersItsText_data()
    {
        QTest::addColumn<QJsonObject>("part");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("absent");
        QTest::newRow("context-file")
            << QJsonObject{{u"type"_s, u"context-file"_s},
                   {u"context_file_path"_s, u"/home/coder/repo/AGENTS.md"_s}}
            << u"Context file: /home/coder/repo/AGENTS.md"_s << u"truncated"_s;
        QTest::newRow("context-file truncated")
            << QJsonObject{{u"type"_s, u"context-file"_s},
                   {u"context_file_path"_s, u"/home/coder/repo/AGENTS.md"_s},
                   {u"context_file_truncated"_s, true}}
            << u"Context file: /home/coder/repo/AGENTS.md (truncated)"_s << QString();
        QTest::newRow("skill") << QJsonObject{{u"type"_s, u"skill"_s},
            {u"skill_name"_s, u"csv-export"_s}}
                               << u"Skill: csv-export"_s << u"\u2014"_s;
        QTest::newRow("skill with description")
            << QJsonObject{{u"type"_s, u"skill"_s}, {u"skill_name"_s, u"csv-export"_s},
                   {u"skill_description"_s, u"Export tables as CSV.\nSecond line."_s}}
            << u"Skill: csv-export \u2014 Export tables as CSV."_s << u"Second line"_s;
        QTest::newRow("hook-notice") << QJsonObject{{u"type"_s, u"hook-notice"_s},
            {u"text"_s, u"pre-commit hook: formatted 2 files"_s}}
                                     << u"Hook: pre-commit hook: formatted 2 files"_s << QString();
        QTest::newRow("provider-executed tool call") << QJsonObject{{u"type"_s, u"tool-call"_s},
            {u"tool_call_id"_s, u"c1"_s}, {u"tool_name"_s, u"web_search"_s},
            {u"args"_s, QJsonObject{{u"query"_s, u"RFC 4180"_s}}}, {u"provider_executed"_s, true}}
                                                     << u"web_search  (run by the provider)"_s
                                                     << QString();
        QTest::newRow("workspace tool call (not by the provider)")
            << QJsonObject{{u"type"_s, u"tool-call"_s}, {u"tool_call_id"_s, u"c2"_s},
                   {u"tool_name"_s, u"read_file"_s},
                   {u"args"_s, QJsonObject{{u"path"_s, u"src/a.ts"_s}}}}
            << u"read_file"_s << u"run by the provider"_s;
        QTest::newRow("execute with parsed_commands")
            << QJsonObject{{u"type"_s, u"tool-call"_s}, {u"tool_call_id"_s, u"c3"_s},
                   {u"tool_name"_s, u"execute"_s},
                   {u"args"_s, QJsonObject{{u"command"_s, u"npm test -- csv"_s}}},
                   {u"parsed_commands"_s, QJsonArray{QJsonArray{u"npm"_s, u"test"_s}}}}
            << u"npm test -- csv  (ran: npm)"_s << QString();
        QTest::newRow("workspace-file-reference (not modelled: generic)")
            << QJsonObject{{u"type"_s, u"workspace-file-reference"_s},
                   {u"workspace_file_path"_s, u"/home/coder/repo/a.ts"_s}}
            << u"Unsupported part: workspace-file-reference"_s << QString();
        QTest::newRow("unknown type") << QJsonObject{{u"type"_s, u"future-part"_s}, {u"x"_s, 1}}
                                      << u"Unsupported part: future-part"_s << QString();
    }

    void part_rendersItsText()
    {
        QFETCH(QJsonObject, part);
        QFETCH(QString, expected);
        QFETCH(QString, absent);
        const QString text = rendered(MessageRole::Assistant, {partFrom(part)});
        QVERIFY2(text.contains(expected), qPrintable(text));
        if (!absent.isEmpty())
            QVERIFY2(!text.contains(absent), qPrintable(text));
    }

    //! A streamed tool result (result_delta) shows its text in the expanded card while the
    //! call runs; a result_reset part carries no text of its own.
    void streamedResult_showsItsDelta()
    {
        const MessagePart call =
            partFrom({{u"type"_s, u"tool-call"_s}, {u"tool_call_id"_s, u"adv"_s},
                {u"tool_name"_s, u"advisor"_s}, {u"args"_s, QJsonObject{}}});
        const MessagePart delta =
            partFrom({{u"type"_s, u"tool-result"_s}, {u"tool_call_id"_s, u"adv"_s},
                {u"tool_name"_s, u"advisor"_s}, {u"result_delta"_s, u"Use a streaming writer."_s}});
        QCOMPARE(delta.detail().resultDelta, u"Use a streaming writer."_s);
        const MessagePart reset = partFrom({{u"type"_s, u"tool-result"_s},
            {u"tool_call_id"_s, u"adv"_s}, {u"result_reset"_s, true}});
        QVERIFY(reset.detail().resultReset);
        QVERIFY(reset.detail().resultDelta.isEmpty());
        MessageRenderInput input;
        input.role = MessageRole::Assistant;
        input.parts = {call};
        input.toolResults.insert(u"adv"_s, delta);
        input.expandedParts = {0};
        QTextDocument document;
        PartRenderer().render(document, input);
        QVERIFY2(document.toPlainText().contains(u"Use a streaming writer."_s),
            qPrintable(document.toPlainText()));
    }

    //! Hook notices, context files and skills of a user message show with the user's text.
    void userMessage_withServerInsertedParts()
    {
        const QString text = rendered(MessageRole::User,
            {partFrom(
                 {{u"type"_s, u"context-file"_s}, {u"context_file_path"_s, u"/repo/AGENTS.md"_s}}),
                partFrom({{u"type"_s, u"skill"_s}, {u"skill_name"_s, u"csv-export"_s}}),
                partFrom({{u"type"_s, u"text"_s}, {u"text"_s, u"Add the export."_s}})});
        QVERIFY2(text.contains(u"Context file: /repo/AGENTS.md"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Skill: csv-export"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Add the export."_s), qPrintable(text));
    }
};

QTEST_MAIN(TestNewParts)
#include "TestNewParts.moc"
