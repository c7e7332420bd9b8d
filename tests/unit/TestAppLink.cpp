#include "platform/AppLink.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestAppLink : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void TestAppLink::parse_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("chatId");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("deployment");

    QTest::newRow("scheme") << u"agentdesk://chat/abc-123"_s << u"abc-123"_s << QString()
                            << QString();
    QTest::newRow("scheme, trailing slash")
        << u"agentdesk://chat/abc-123/"_s << u"abc-123"_s << QString() << QString();
    QTest::newRow("scheme, prompt") << u"agentdesk://chat/c1?prompt=Fix%20the%20tests%21"_s
                                    << u"c1"_s << u"Fix the tests!"_s << QString();
    QTest::newRow("scheme, plus stays plus")
        << u"agentdesk://chat/c1?prompt=a+b"_s << u"c1"_s << u"a+b"_s << QString();
    QTest::newRow("scheme, no authority")
        << u"agentdesk:chat/c1"_s << u"c1"_s << QString() << QString();
    QTest::newRow("deployment") << u"https://coder.example.com/agents/0f7e-11"_s << u"0f7e-11"_s
                                << QString() << u"https://coder.example.com"_s;
    QTest::newRow("deployment, port and base path, prompt")
        << u"https://example.com:8443/coder/agents/x9?prompt=%C3%BCber"_s << u"x9"_s
        << u"\u00fcber"_s << u"https://example.com:8443/coder"_s;
    QTest::newRow("deployment, other page")
        << u"https://coder.example.com/workspaces/x"_s << QString() << QString() << QString();
    QTest::newRow("scheme, other resource")
        << u"agentdesk://settings/x"_s << QString() << QString() << QString();
    QTest::newRow("scheme, id with slash")
        << u"agentdesk://chat/a/b"_s << QString() << QString() << QString();
    QTest::newRow("id with dots only")
        << u"agentdesk://chat/.."_s << QString() << QString() << QString();
    QTest::newRow("ftp") << u"ftp://host/agents/x"_s << QString() << QString() << QString();
    QTest::newRow("plain word") << u"--demo"_s << QString() << QString() << QString();
    QTest::newRow("file path") << u"/tmp/agents/x"_s << QString() << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString() << QString();
}

void TestAppLink::parse()
{
    QFETCH(QString, argument);
    QFETCH(QString, chatId);
    QFETCH(QString, prompt);
    QFETCH(QString, deployment);

    const AppLink link = AppLink::parse(argument);
    QCOMPARE(link.chatId, chatId);
    QCOMPARE(link.isValid(), !chatId.isEmpty());
    QCOMPARE(link.prompt, prompt);
    QCOMPARE(link.deployment.toString(), deployment);
}

QTEST_GUILESS_MAIN(TestAppLink)
#include "TestAppLink.moc"
