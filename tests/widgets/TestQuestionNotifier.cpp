// "Agent asks: …" notifications (§20.4.2) against agentdesk-sim: a chat not on screen that stops
// with an open ask_user_question is notified with the question; a chat on screen, or a question
// already answered, is not; with one question the options are actions, and picking one sends
// that option as the answer.

#include "FakeNotificationSink.h"
#include "core/api/ApiClient.h"
#include "models/ChatListModel.h"
#include "support/SignedInApi.h"
#include "support/SimulatorProcess.h"
#include "widgets/shell/QuestionNotifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const ChatId chatA = ChatId::fromString(u"6e9c3f5d-2a7b-4c4d-9e0f-8b5a4d3c2f1e");

} // namespace

class TestQuestionNotifier : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_sim = std::make_unique<SimulatorProcess>(QStringList{
            u"--demo"_s, u"--delta-interval-ms"_s, u"0"_s, u"--generation"_s, u"newest"_s});
        QVERIFY(m_sim->start());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_api = signedInApi(m_network.get(), m_sim->baseUrl(), m_sim->token());
        bool detected = false;
        QObject context;
        m_api->detectPrefix(&context, [&](const ApiResult<QString> &) { detected = true; });
        QTRY_VERIFY(detected);
    }
    void cleanup()
    {
        m_api.reset();
        m_network.reset();
        m_sim.reset();
    }

    void question_inAnotherChat_isNotifiedWithTheQuestion()
    {
        playQuestion();
        FakeNotificationSink sink;
        ChatListModel chats;
        QuestionNotifier notifier(m_api.get(), &chats, &sink, nullptr);
        notifier.setFocusedChatProvider([] { return ChatId(); });
        notifier.handleStatusChanged(chatA, ChatStatus::Running, ChatStatus::Waiting);
        QTRY_COMPARE(sink.shown.size(), 1);
        QCOMPARE(sink.shown.first().kind, NotificationRequest::Kind::NeedsInput);
        QCOMPARE(
            sink.shown.first().body, u"Agent asks: Which packages should change? (and 1 more)"_s);
        QVERIFY(sink.shown.first().answers.isEmpty()); // two questions: answered in the app
    }

    void question_onScreen_orAnswered_isNotNotified()
    {
        playQuestion();
        FakeNotificationSink sink;
        QuestionNotifier notifier(m_api.get(), nullptr, &sink, nullptr);
        QSignalSpy notified(&notifier, &QuestionNotifier::notified);
        notifier.setFocusedChatProvider([] { return chatA; });
        notifier.handleStatusChanged(chatA, ChatStatus::Running, ChatStatus::Waiting);
        QTest::qWait(300); // a fetch would have been answered by now
        QCOMPARE(sink.shown.size(), 0);
        // Answered: the user message after the question closes it.
        notifier.setFocusedChatProvider([] { return ChatId(); });
        const QByteArray send = QJsonDocument(QJsonObject{{u"content"_s,
                                                  QJsonArray{QJsonObject{{u"type"_s, u"text"_s},
                                                      {u"text"_s, u"/scenario quick"_s}}}}})
                                    .toJson();
        QVERIFY(m_sim->request("POST", m_prefix + u"/messages"_s, send, nullptr) / 100 == 2);
        QTRY_VERIFY_WITH_TIMEOUT(status() == u"waiting"_s, 10'000);
        notifier.handleStatusChanged(chatA, ChatStatus::Running, ChatStatus::Waiting);
        QTest::qWait(300);
        QCOMPARE(sink.shown.size(), 0);
        QCOMPARE(notified.count(), 0);
    }

    void singleQuestion_optionAction_sendsTheLabel()
    {
        playQuestion(u"question_one"_s);
        FakeNotificationSink sink;
        QuestionNotifier notifier(m_api.get(), nullptr, &sink, nullptr);
        QSignalSpy answered(&notifier, &QuestionNotifier::answered);
        notifier.handleStatusChanged(chatA, ChatStatus::Running, ChatStatus::Waiting);
        QTRY_COMPARE(sink.shown.size(), 1);
        QCOMPARE(sink.shown.first().body, u"Agent asks: Which packages should change?"_s);
        QCOMPARE(sink.shown.first().answers, (QStringList{u"API only"_s, u"API + UI"_s}));
        sink.click(chatA, u"answer:1"_s);
        QTRY_COMPARE(answered.count(), 1);
        QByteArray body;
        m_sim->request("GET", m_prefix + u"/messages?limit=200"_s, {}, &body);
        QString newestUser;
        for (const QJsonValue &value :
            QJsonDocument::fromJson(body).object().value(u"messages"_s).toArray()) {
            const QJsonObject message = value.toObject();
            if (message.value(u"role"_s).toString() == u"user"_s && newestUser.isEmpty())
                newestUser = message.value(u"content"_s)
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(u"text"_s)
                                 .toString();
        }
        QCOMPARE(newestUser, u"API + UI"_s);
        sink.click(chatA, u"answer:0"_s); // once only
        QTest::qWait(200);
        QCOMPARE(answered.count(), 1);
    }

private:
    void playQuestion(const QString &scenario = u"question"_s)
    {
        m_prefix = u"/api/v2/chats/"_s + chatA.toString();
        QVERIFY(m_sim->postControl(
            u"chats/"_s + chatA.toString() + u"/turn"_s, {{u"scenario"_s, scenario}}));
        QTRY_VERIFY_WITH_TIMEOUT(status() == u"waiting"_s && questionCommitted(), 10'000);
    }
    QString status()
    {
        QByteArray body;
        m_sim->request("GET", m_prefix, {}, &body);
        return QJsonDocument::fromJson(body).object().value(u"status"_s).toString();
    }
    bool questionCommitted()
    {
        QByteArray body;
        m_sim->request("GET", m_prefix + u"/messages"_s, {}, &body);
        return body.contains("ask_user_question") && body.contains("tool-result");
    }

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_api;
    QString m_prefix;
};

QTEST_MAIN(TestQuestionNotifier)
#include "TestQuestionNotifier.moc"
