// QueueModel: the stream's full queue list becomes inserts, removes, moves and named changes.

#include "models/QueueModel.h"
#include "support/ProbedModelTest.h"

#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QueuedMessage queued(qint64 id, const QString &text = {})
{
    QueuedMessage message;
    message.id = QueuedMessageId{id};
    MessagePart part;
    part.kind = MessagePart::Kind::Text;
    part.text = text.isEmpty() ? u"Message %1"_s.arg(id) : text;
    message.parts = {part};
    message.createdAt = QDateTime(QDate(2026, 6, 2), QTime(9, 20), QTimeZone::utc()).addSecs(id);
    return message;
}

QList<QueuedMessage> queue(const QList<qint64> &ids)
{
    QList<QueuedMessage> messages;
    for (qint64 id : ids)
        messages.append(queued(id));
    return messages;
}

} // namespace

class TestQueueModel : public ProbedModelTest<QueueModel>
{
    Q_OBJECT

private slots:
    void replaceAll_diffsById_data()
    {
        QTest::addColumn<QList<qint64>>("before");
        QTest::addColumn<QList<qint64>>("after");
        QTest::addColumn<int>("inserts");
        QTest::addColumn<int>("removes");
        QTest::addColumn<int>("moves");

        QTest::newRow("first") << QList<qint64>{} << QList<qint64>{4} << 1 << 0 << 0;
        QTest::newRow("same") << QList<qint64>{4, 5} << QList<qint64>{4, 5} << 0 << 0 << 0;
        QTest::newRow("head promoted")
            << QList<qint64>{4, 5, 6} << QList<qint64>{5, 6} << 0 << 1 << 0;
        QTest::newRow("appended") << QList<qint64>{4} << QList<qint64>{4, 7} << 1 << 0 << 0;
        QTest::newRow("emptied") << QList<qint64>{4, 5} << QList<qint64>{} << 0 << 2 << 0;
        QTest::newRow("reordered")
            << QList<qint64>{4, 5, 6} << QList<qint64>{6, 4, 5} << 0 << 0 << 1;
        QTest::newRow("mixed") << QList<qint64>{4, 5, 6} << QList<qint64>{6, 8, 4} << 1 << 1 << 1;
        QTest::newRow("duplicate ids") << QList<qint64>{} << QList<qint64>{4, 4, 5} << 2 << 0 << 0;
    }

    void replaceAll_diffsById()
    {
        QFETCH(QList<qint64>, before);
        QFETCH(QList<qint64>, after);
        QFETCH(int, inserts);
        QFETCH(int, removes);
        QFETCH(int, moves);

        m_model->replaceAll(queue(before));
        m_probe->clear();
        m_model->replaceAll(queue(after));
        QList<qint64> expected;
        for (qint64 id : after) {
            if (!expected.contains(id))
                expected.append(id);
        }
        QCOMPARE(ids(), expected);
        QCOMPARE(m_probe->inserted.size(), inserts);
        QCOMPARE(m_probe->removed.size(), removes);
        QCOMPARE(m_probe->moved.size(), moves);
        QCOMPARE(m_probe->changed.size(), 0);
        QCOMPARE(m_probe->resets.size(), 0);
    }

    void replaceAll_editedText_namesTheRoles()
    {
        m_model->replaceAll({queued(4, u"Old"_s)});
        m_probe->clear();
        m_model->replaceAll({queued(4, u"New"_s)});
        QCOMPARE(m_probe->changed.size(), 1);
        const QList<int> roles = m_probe->changedRoles(0);
        QVERIFY(roles.contains(QueueModel::TextRole));
        QVERIFY(roles.contains(QueueModel::PartsRole));
        QVERIFY(!roles.contains(QueueModel::CreatedAtRole));
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(QueueModel::TextRole).toString(), u"New"_s);
        QCOMPARE(index.data(QueueModel::QueuedIdRole).value<QueuedMessageId>().value, 4);
        QCOMPARE(index.data(QueueModel::CreatedAtRole).toDateTime(), queued(4).createdAt);
        QCOMPARE(index.data(QueueModel::PartsRole).value<QList<MessagePart>>().size(), 1);
        QVERIFY(m_model->roleNames().contains(QueueModel::QueuedIdRole));
        QCOMPARE(m_model->rowOf(QueuedMessageId{4}), 0);
    }

private:
    QList<qint64> ids() const { return rowIds<QueuedMessageId>(QueueModel::QueuedIdRole); }
};

QTEST_GUILESS_MAIN(TestQueueModel)
#include "TestQueueModel.moc"
