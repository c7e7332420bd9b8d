#include "core/live/ReconnectPolicy.h"

#include <QTest>

using namespace AgentDesk;
using namespace std::chrono_literals;

class TestReconnectPolicy : public QObject
{
    Q_OBJECT

private slots:
    void next_withoutJitter_doublesUpToTheCap_data();
    void next_withoutJitter_doublesUpToTheCap();
    void next_withJitter_staysWithinThirtyPercentAndTheCap();
    void next_withExtremeRandom_hitsTheJitterBounds();
    void reset_afterConnect_startsAgainFromInitial();
    void zeroDelay_alwaysZero();
    void brokenRandomSource_fallsBackToTheMiddle();
};

void TestReconnectPolicy::next_withoutJitter_doublesUpToTheCap_data()
{
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("stream") << qint64(10'000)
                            << QList<qint64>{1000, 2000, 4000, 8000, 10'000, 10'000, 10'000};
    QTest::newRow("watch") << qint64(30'000)
                           << QList<qint64>{1000, 2000, 4000, 8000, 16'000, 30'000, 30'000};
}

void TestReconnectPolicy::next_withoutJitter_doublesUpToTheCap()
{
    QFETCH(qint64, cap);
    QFETCH(QList<qint64>, expected);
    ReconnectPolicy policy(1000ms, std::chrono::milliseconds(cap), 2.0, 0.0);
    for (const qint64 delay : expected)
        QCOMPARE(policy.next().count(), delay);
    QCOMPARE(policy.attempts(), expected.size());
}

void TestReconnectPolicy::next_withJitter_staysWithinThirtyPercentAndTheCap()
{
    // A deterministic "random" sequence covering the whole [0, 1) range.
    int step = 0;
    ReconnectPolicy policy = ReconnectPolicy::forStream();
    policy.setRandomSource([&step] { return double((step++ * 37) % 100) / 100.0; });
    for (int round = 0; round < 200; ++round) {
        const int attempt = policy.attempts();
        const double base = std::min(10'000.0, 1000.0 * std::pow(2.0, attempt));
        const qint64 delay = policy.next().count();
        QVERIFY2(delay >= qint64(base * 0.7) - 1, qPrintable(QString::number(delay)));
        QVERIFY2(delay <= qint64(base * 1.3) + 1, qPrintable(QString::number(delay)));
        QVERIFY(delay <= 10'000);
        if (round % 9 == 8)
            policy.reset();
    }
}

void TestReconnectPolicy::next_withExtremeRandom_hitsTheJitterBounds()
{
    ReconnectPolicy low = ReconnectPolicy::forWatch();
    low.setRandomSource([] { return 0.0; });
    QCOMPARE(low.next().count(), 700); // 1000 - 30 %
    QCOMPARE(low.next().count(), 1400);

    ReconnectPolicy high = ReconnectPolicy::forWatch();
    high.setRandomSource([] { return 0.999999; });
    QCOMPARE(high.next().count(), 1300); // 1000 + 30 %
    for (int i = 0; i < 10; ++i)
        high.next();
    QCOMPARE(high.next().count(), 30'000); // +30 % would exceed the cap: clamped
}

void TestReconnectPolicy::reset_afterConnect_startsAgainFromInitial()
{
    ReconnectPolicy policy(1000ms, 10'000ms, 2.0, 0.0);
    policy.next();
    policy.next();
    QCOMPARE(policy.next().count(), 4000);
    policy.reset();
    QCOMPARE(policy.attempts(), 0);
    QCOMPARE(policy.next().count(), 1000);
}

void TestReconnectPolicy::zeroDelay_alwaysZero()
{
    ReconnectPolicy policy = ReconnectPolicy::zeroDelay();
    for (int i = 0; i < 100; ++i)
        QCOMPARE(policy.next().count(), 0);
}

void TestReconnectPolicy::brokenRandomSource_fallsBackToTheMiddle()
{
    ReconnectPolicy policy(1000ms, 10'000ms);
    policy.setRandomSource([] { return std::nan(""); });
    QCOMPARE(policy.next().count(), 1000);
    policy.setRandomSource([] { return 7.0; });
    QCOMPARE(policy.next().count(), 2000);
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "TestReconnectPolicy.moc"
