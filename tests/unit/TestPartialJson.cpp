#include "core/live/PartialJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AgentDesk;

namespace {

QByteArray compact(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPartialJson : public QObject
{
    Q_OBJECT

private slots:
    void parse_fragment_givesBestEffortValue_data();
    void parse_fragment_givesBestEffortValue();
    void parse_everyPrefixOfARealArgument_neverFailsAfterTheFirstBrace();
    void parse_deepNesting_doesNotCrash();
};

void TestPartialJson::parse_fragment_givesBestEffortValue_data()
{
    // expected is the value wrapped in an array, compact; empty = nullopt.
    QTest::addColumn<QByteArray>("fragment");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("complete object") << QByteArray(R"({"a":1})") << QByteArray(R"([{"a":1}])");
    QTest::newRow("complete scalar") << QByteArray("42") << QByteArray("[42]");
    QTest::newRow("complete string") << QByteArray(R"("x")") << QByteArray(R"(["x"])");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("open brace") << QByteArray("{") << QByteArray("[{}]");
    QTest::newRow("open string value")
        << QByteArray(R"({"path": "src/li)") << QByteArray(R"([{"path":"src/li"}])");
    QTest::newRow("dangling key") << QByteArray(R"({"a": 1, "pa)") << QByteArray(R"([{"a":1}])");
    QTest::newRow("dangling closed key")
        << QByteArray(R"({"a": 1, "path")") << QByteArray(R"([{"a":1}])");
    QTest::newRow("dangling colon")
        << QByteArray(R"({"a": 1, "path":)") << QByteArray(R"([{"a":1}])");
    QTest::newRow("dangling comma") << QByteArray(R"({"a": 1,)") << QByteArray(R"([{"a":1}])");
    QTest::newRow("nested") << QByteArray(R"({"a": {"b": [1, 2, {"c": "d)")
                            << QByteArray(R"([{"a":{"b":[1,2,{"c":"d"}]}}])");
    QTest::newRow("cut number kept") << QByteArray("[1, 23") << QByteArray("[[1,23]]");
    QTest::newRow("cut literal dropped") << QByteArray(R"({"a": tr)") << QByteArray("[{}]");
    // Qt reads "2." as 2; either answer is a fine preview.
    QTest::newRow("cut fraction") << QByteArray("[1, 2.") << QByteArray("[[1,2]]");
    QTest::newRow("half escape") << QByteArray(R"({"a": "x\)") << QByteArray(R"([{"a":"x"}])");
    QTest::newRow("half unicode escape")
        << QByteArray(R"({"a": "x\u00)") << QByteArray(R"([{"a":"x"}])");
    QTest::newRow("escaped quote inside")
        << QByteArray(R"({"a": "say \"hi)") << QByteArray(R"([{"a":"say \"hi"}])");
    QTest::newRow("brace inside string")
        << QByteArray(R"({"a": "{[")") << QByteArray(R"([{"a":"{["}])");
    QTest::newRow("open top-level string") << QByteArray(R"("abc)") << QByteArray(R"(["abc"])");
    QTest::newRow("garbage") << QByteArray("}}}") << QByteArray();
}

void TestPartialJson::parse_fragment_givesBestEffortValue()
{
    QFETCH(QByteArray, fragment);
    QFETCH(QByteArray, expected);
    const std::optional<QJsonValue> value = PartialJson::parse(fragment);
    if (expected.isEmpty()) {
        QVERIFY2(!value, compact(value.value_or(QJsonValue())).constData());
        return;
    }
    QVERIFY2(value, PartialJson::close(fragment).constData());
    QCOMPARE(compact(*value), expected);
}

void TestPartialJson::parse_everyPrefixOfARealArgument_neverFailsAfterTheFirstBrace()
{
    const QByteArray full = R"({"path": "src/lib/csv.ts", "content": "export function toCsv(rows: )"
                            R"(string[][]): string {\n  return rows.map(r => r.join(\",\")).join()"
                            R"(\"\\n\");\n}\n", "mode": 420, "flags": [true, false, null]})";
    QVERIFY(PartialJson::parseComplete(full));
    for (qsizetype cut = 1; cut <= full.size(); ++cut) {
        const std::optional<QJsonValue> value = PartialJson::parse(full.left(cut));
        QVERIFY2(value && value->isObject(), full.left(cut).constData());
    }
    QCOMPARE(PartialJson::parse(full)->toObject().value(u"mode").toInt(), 420);
}

void TestPartialJson::parse_deepNesting_doesNotCrash()
{
    const QByteArray deep(100'000, '[');
    const std::optional<QJsonValue> value = PartialJson::parse(deep);
    Q_UNUSED(value); // any answer is fine, as long as there is one
    QVERIFY(!PartialJson::parseComplete(QByteArray("1, 2")));
}

QTEST_GUILESS_MAIN(TestPartialJson)
#include "TestPartialJson.moc"
