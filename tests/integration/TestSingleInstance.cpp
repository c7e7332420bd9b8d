#include "platform/SingleInstance.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void secondInstance_handsItsArgumentsToTheFirst();
    void defaultKey_isStable();
};

void TestSingleInstance::secondInstance_handsItsArgumentsToTheFirst()
{
    const QString key = u"agentdesk-test-"_s + QUuid::createUuid().toString(QUuid::Id128);

    SingleInstance first(key);
    QSignalSpy firstPrimary(&first, &SingleInstance::becamePrimary);
    QSignalSpy received(&first, &SingleInstance::argumentsReceived);
    first.start({u"agentdesk"_s});
    QVERIFY(firstPrimary.wait(5000));
    QVERIFY(first.isPrimary());

    SingleInstance second(key);
    QSignalSpy handedOver(&second, &SingleInstance::handedOver);
    QSignalSpy secondPrimary(&second, &SingleInstance::becamePrimary);
    const QStringList arguments{u"agentdesk"_s, u"agentdesk://chat/c1?prompt=hi%20there"_s};
    second.start(arguments);
    QVERIFY(handedOver.wait(5000));
    QCOMPARE(secondPrimary.count(), 0);
    QVERIFY(!second.isPrimary());

    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
    QCOMPARE(received.at(0).at(0).toStringList(), arguments);
}

void TestSingleInstance::defaultKey_isStable()
{
    QCOMPARE(SingleInstance::defaultKey(), SingleInstance::defaultKey());
    QVERIFY(SingleInstance::defaultKey().startsWith(u"agentdesk-"_s));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
