// SignInFlow against agentdesk-sim: the whole chain signs in for real (build info, user, route
// prefix, organizations, models), a wrong token and an account without organizations fail with
// a message, a newer attempt drops the older one, and the one organization rule.

#include "core/api/ApiClient.h"
#include "models/SignInFlow.h"
#include "support/SimulatorProcess.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

Organization organization(const char *id, const QString &name, bool isDefault = false)
{
    Organization result;
    result.id = OrganizationId::fromString(QString::fromLatin1(id));
    result.name = name;
    result.isDefault = isDefault;
    return result;
}

//! Every signal of one SignInFlow, recorded from before it starts.
struct FlowSpies
{
    explicit FlowSpies(SignInFlow *flow)
        : steps(flow, &SignInFlow::stepStarted)
        , succeeded(flow, &SignInFlow::succeeded)
        , failed(flow, &SignInFlow::failed)
        , asked(flow, &SignInFlow::organizationChoiceNeeded)
    {
    }

    QSignalSpy steps;
    QSignalSpy succeeded;
    QSignalSpy failed;
    QSignalSpy asked;
};

//! The simulator's demo, a client not signed in yet, the flow that signs it in and the flow's
//! spies.
struct FlowUnderTest
{
    FlowUnderTest()
        : sim({QStringLiteral("--demo")})
        , api(&network)
        , flow(&api)
        , spies(&flow)
    {
    }

    SimulatorProcess sim;
    QNetworkAccessManager network;
    ApiClient api;
    SignInFlow flow;
    FlowSpies spies;
};

} // namespace

class TestSignInFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionResult>();
        qRegisterMetaType<SignInFlow::Step>();
        qRegisterMetaType<QList<Organization>>();
    }

    void init()
    {
        m_under = std::make_unique<FlowUnderTest>();
        QVERIFY2(m_under->sim.start(), qPrintable(m_under->sim.errorString()));
    }

    void cleanup() { m_under.reset(); }

    void start_signsInThroughEveryStep()
    {
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        m_under->flow.start(m_under->sim.baseUrl(), m_under->sim.token(), QString(),
            SignInFlow::OrganizationChoice::AskWhenSeveral);
        QVERIFY(m_under->flow.isRunning());
        QVERIFY(succeeded.wait());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(asked.count(), 0); // one organization: taken without asking

        QList<SignInFlow::Step> order;
        for (const QList<QVariant> &step : std::as_const(steps))
            order.append(step.first().value<SignInFlow::Step>());
        const QList<SignInFlow::Step> expected{SignInFlow::Step::BuildInfo, SignInFlow::Step::User,
            SignInFlow::Step::Prefix, SignInFlow::Step::Organizations, SignInFlow::Step::Models};
        QCOMPARE(order, expected);

        const auto result = succeeded.first().first().value<ConnectionResult>();
        QCOMPARE(result.deploymentUrl, m_under->sim.baseUrl());
        QCOMPARE(result.token, m_under->sim.token());
        QCOMPARE(result.user.username, u"alice"_s);
        QVERIFY(!result.organizationId.isNull());
        QCOMPARE(result.organizationName, u"Acme Inc."_s);
        QVERIFY(!result.chatsPrefix.isEmpty());
        QCOMPARE(m_under->api.chatsPrefix(), result.chatsPrefix);
        QVERIFY(result.modelsLoaded);
        QVERIFY(!result.models.isEmpty());
        QVERIFY(!m_under->flow.isRunning());
    }

    void start_wrongToken_failsAtTheUserWithTheServersMessage()
    {
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        QByteArray wrong = m_under->sim.token();
        wrong.back() = wrong.back() == 'x' ? 'y' : 'x';
        m_under->flow.start(m_under->sim.baseUrl(), wrong, QString());
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).value<SignInFlow::Step>(), SignInFlow::Step::User);
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(u"signed out"_s), qPrintable(message));
        QVERIFY2(!message.contains(QString::fromLatin1(wrong)), "the token is never shown");
        QCOMPARE(succeeded.count(), 0);
        QVERIFY(!m_under->flow.isRunning());
    }

    void start_noOrganizations_fails()
    {
        QVERIFY(m_under->sim.setFaults(QJsonObject{{u"no_organizations"_s, true}}));
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        startFlow();
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).value<SignInFlow::Step>(), SignInFlow::Step::Organizations);
        QCOMPARE(failed.first().at(1).toString(),
            u"Your account is not a member of any organization."_s);
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(steps.last().first().value<SignInFlow::Step>(),
            SignInFlow::Step::Organizations); // the models are never asked for
    }

    void start_twoOrganizations_asksWithTheDefaultPreselected()
    {
        QVERIFY(m_under->sim.setFaults(QJsonObject{{u"two_organizations"_s, true}}));
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        m_under->flow.start(m_under->sim.baseUrl(), m_under->sim.token(), QString(),
            SignInFlow::OrganizationChoice::AskWhenSeveral);
        QVERIFY(asked.wait());
        QVERIFY(m_under->flow.isAwaitingOrganization());
        const auto offered = asked.first().at(0).value<QList<Organization>>();
        QCOMPARE(offered.size(), 2);
        const auto preselected = asked.first().at(1).value<qsizetype>();
        QCOMPARE(offered.at(preselected).name, u"Acme Inc."_s); // the default, listed second
        QCOMPARE(succeeded.count(), 0);

        m_under->flow.chooseOrganization(offered.at(0));
        QVERIFY(succeeded.wait());
        const auto result = succeeded.first().first().value<ConnectionResult>();
        QCOMPARE(result.organizationName, u"Globex"_s);
    }

    void start_twoOrganizations_automaticTakesTheRemembered()
    {
        QVERIFY(m_under->sim.setFaults(QJsonObject{{u"two_organizations"_s, true}}));
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        m_under->flow.start(m_under->sim.baseUrl(), m_under->sim.token(),
            u"3e1f5a7c-9b2d-4c6e-8f0a-1b3d5f7a9c2e"_s);
        QVERIFY(succeeded.wait());
        QCOMPARE(asked.count(), 0);
        QCOMPARE(succeeded.first().first().value<ConnectionResult>().organizationName, u"Globex"_s);
    }

    void start_again_dropsTheOlderAttempt()
    {
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        m_under->flow.start(m_under->sim.baseUrl(), "wrongtoken-0000000000000000000000", QString());
        startFlow();
        QVERIFY(succeeded.wait());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(succeeded.count(), 1);
    }

    void cancel_dropsTheAnswers()
    {
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        startFlow();
        m_under->flow.cancel();
        QVERIFY(!m_under->flow.isRunning());
        // A second flow on the same server finishes; by then the first one's answers are in.
        SignInFlow second(&m_under->api);
        QSignalSpy secondDone(&second, &SignInFlow::succeeded);
        second.start(m_under->sim.baseUrl(), m_under->sim.token(), QString());
        QVERIFY(secondDone.wait());
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(failed.count(), 0);
    }

    void chooseOrganization_unasked_isIgnored()
    {
        auto &[steps, succeeded, failed, asked] = m_under->spies;
        startFlow();
        // Nobody asked: an organization offered now must not skip the checks.
        m_under->flow.chooseOrganization(
            organization("0b5c0f1e-0000-4000-8000-000000000009", u"stranger"_s));
        QVERIFY(succeeded.wait());
        QCOMPARE(steps.count(), 5);
        QCOMPARE(
            succeeded.first().first().value<ConnectionResult>().organizationName, u"Acme Inc."_s);
    }

    void preferredOrganization_rememberedThenDefaultThenFirst()
    {
        const QList<Organization> organizations{
            organization("0b5c0f1e-0000-4000-8000-000000000001", u"first"_s),
            organization("0b5c0f1e-0000-4000-8000-000000000002", u"default"_s, true),
            organization("0b5c0f1e-0000-4000-8000-000000000003", u"remembered"_s)};
        QCOMPARE(SignInFlow::preferredOrganization(
                     organizations, u"0b5c0f1e-0000-4000-8000-000000000003"_s),
            2);
        QCOMPARE(SignInFlow::preferredOrganization(organizations, QString()), 1);
        // Remembered but no longer a member: the default.
        QCOMPARE(SignInFlow::preferredOrganization(
                     organizations, u"0b5c0f1e-0000-4000-8000-0000000000ff"_s),
            1);
        QCOMPARE(SignInFlow::preferredOrganization(organizations.mid(0, 1), QString()), 0);
        QCOMPARE(SignInFlow::preferredOrganization({}, QString()), -1);
    }

private:
    //! Starts the flow on the simulator with its token, remembering no organization.
    void startFlow()
    {
        m_under->flow.start(m_under->sim.baseUrl(), m_under->sim.token(), QString());
    }

    std::unique_ptr<FlowUnderTest> m_under;
};

QTEST_GUILESS_MAIN(TestSignInFlow)
#include "TestSignInFlow.moc"
