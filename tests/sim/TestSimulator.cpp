// Placeholder replaced below.
#include <QTest>
class TestSimulator : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { }
};
QTEST_GUILESS_MAIN(TestSimulator)
#include "TestSimulator.moc"
