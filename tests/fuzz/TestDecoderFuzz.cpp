// The deterministic stand-in for the libFuzzer target, built with any compiler: seeded random
// mutations of every recorded frame, fed to the decoders and the assembler (FuzzTarget).

#include "FuzzTarget.h"
#include "support/FixtureFiles.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <random>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 maxExecutions = 200'000;
constexpr qint64 maxMilliseconds = 60'000;

class Mutator
{
public:
    Mutator(QList<QByteArray> seeds, quint32 seed)
        : m_seeds(std::move(seeds))
        , m_random(seed)
    {
    }

    QByteArray next()
    {
        QByteArray input = pick();
        const int rounds = 1 + int(below(3));
        for (int i = 0; i < rounds; ++i)
            input = mutate(std::move(input));
        return input;
    }

private:
    quint32 below(quint32 n) { return n == 0 ? 0 : quint32(m_random() % n); }
    QByteArray pick() { return m_seeds.at(qsizetype(below(quint32(m_seeds.size())))); }

    QByteArray mutate(QByteArray input)
    {
        switch (below(10)) {
        case 0: // byte flips
            for (int i = 0, n = 1 + int(below(8)); i < n && !input.isEmpty(); ++i)
                input[qsizetype(below(quint32(input.size())))] ^= char(1 << below(8));
            return input;
        case 1: // truncation
            return input.left(qsizetype(below(quint32(input.size()) + 1)));
        case 2: { // splicing two frames
            const QByteArray other = pick();
            return input.left(qsizetype(below(quint32(input.size()) + 1)))
                + other.mid(qsizetype(below(quint32(other.size()) + 1)));
        }
        case 3: // wrong types in the JSON tree
            return retype(input);
        case 4: { // a huge string
            const qsizetype at = qsizetype(below(quint32(input.size()) + 1));
            return input.left(at) + QByteArray(1 << (10 + below(10)), 'x') + input.mid(at);
        }
        case 5: { // invalid UTF-8
            static const char *bad[] = {
                "\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"};
            const qsizetype at = qsizetype(below(quint32(input.size()) + 1));
            return input.left(at) + QByteArray(bad[below(5)]) + input.mid(at);
        }
        case 6: { // deep nesting
            const qsizetype depth = below(2) ? 100'000 : qsizetype(1 + below(2000));
            const char open = below(2) ? '[' : '{';
            QByteArray deep(depth, open);
            if (below(2))
                deep += QByteArray(depth, open == '[' ? ']' : '}');
            return deep;
        }
        case 7:
            return randomJson(0).toJson(QJsonDocument::Compact);
        case 8: { // a random event of a known type inside a frame
            QJsonObject event = randomObject(1);
            static const char *types[] = {"message_part", "message", "status", "error", "retry",
                "queue_update", "action_required", "preview_reset", "history_reset", "ping",
                "data"};
            event.insert(u"type"_s, QString::fromLatin1(types[below(11)]));
            if (below(2))
                event.insert(u"chat_id"_s, u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s);
            return QJsonDocument(QJsonArray{event}).toJson(QJsonDocument::Compact);
        }
        default: // random bytes
        {
            QByteArray bytes(qsizetype(below(256)), '\0');
            for (char &c : bytes)
                c = char(below(256));
            return bytes;
        }
        }
    }

    QJsonValue randomValue(int depth)
    {
        switch (below(depth > 4 ? 5 : 7)) {
        case 0:
            return QJsonValue();
        case 1:
            return bool(below(2));
        case 2:
            return double(qint64(m_random()) - qint64(1) * 0x7fffffff) * (below(2) ? 1 : 1e12);
        case 3:
            return u"s%1"_s.arg(m_random());
        case 4:
            return u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s;
        case 5:
            return randomObject(depth + 1);
        default: {
            QJsonArray array;
            for (int i = 0, n = int(below(4)); i < n; ++i)
                array.append(randomValue(depth + 1));
            return array;
        }
        }
    }

    QJsonObject randomObject(int depth)
    {
        static const char *keys[] = {"type", "chat_id", "message_part", "part", "message", "id",
            "role", "content", "text", "status", "error", "retry", "seq", "history_version",
            "generation_attempt", "tool_call_id", "args", "args_delta", "result", "result_delta",
            "result_reset", "queued_messages", "action_required", "tool_calls", "kind", "chat",
            "url", "data"};
        QJsonObject object;
        for (int i = 0, n = int(below(6)); i < n; ++i)
            object.insert(QString::fromLatin1(keys[below(28)]), randomValue(depth + 1));
        return object;
    }

    QJsonDocument randomJson(int depth)
    {
        if (below(2))
            return QJsonDocument(randomObject(depth));
        QJsonArray array;
        for (int i = 0, n = int(below(5)); i < n; ++i)
            array.append(randomValue(depth + 1));
        return QJsonDocument(array);
    }

    QJsonValue retypeValue(const QJsonValue &value, int depth)
    {
        if (below(6) == 0)
            return randomValue(depth + 3);
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                it.value() = retypeValue(it.value(), depth + 1);
            return object;
        }
        if (value.isArray()) {
            QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                array.replace(i, retypeValue(array.at(i), depth + 1));
            return array;
        }
        return value;
    }

    QByteArray retype(const QByteArray &input)
    {
        const QJsonDocument document = QJsonDocument::fromJson(input);
        if (document.isNull())
            return input;
        const QJsonValue root =
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        const QJsonValue changed = retypeValue(root, 0);
        return changed.isArray() ? QJsonDocument(changed.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(changed.toObject()).toJson(QJsonDocument::Compact);
    }

    QList<QByteArray> m_seeds;
    std::mt19937 m_random;
};

} // namespace

class TestDecoderFuzz : public QObject
{
    Q_OBJECT

private slots:
    void mutatedFrames_neverCrash();
};

void TestDecoderFuzz::mutatedFrames_neverCrash()
{
    QList<QByteArray> seeds;
    for (const QString &name : FixtureFiles::names({u"*.jsonl"_s}))
        seeds += FixtureFiles::lines(name);
    QVERIFY(!seeds.isEmpty());
    Fuzz::quietLogging();

    // The seeds themselves first: they must go through cleanly.
    for (const QByteArray &seed : seeds)
        Fuzz::runOneInput(seed);

    Mutator mutator(seeds, 20260602);
    QElapsedTimer clock;
    clock.start();
    qint64 executions = 0;
    while (executions < maxExecutions && clock.elapsed() < maxMilliseconds) {
        Fuzz::runOneInput(mutator.next());
        ++executions;
    }
    qInfo("fuzz: executions %lld in %lld ms", executions, clock.elapsed());
    QVERIFY(executions > 1000);
}

QTEST_GUILESS_MAIN(TestDecoderFuzz)
#include "TestDecoderFuzz.moc"
