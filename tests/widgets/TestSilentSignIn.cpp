// Application's silent sign-in (a token given at start, or read from the keychain) runs the
// same SignInFlow as the dialog: a good token opens the window with a model picked; a wrong one
// or an account without organizations opens the sign-in dialog with the reason, and no window.

#include "app/Application.h"
#include "support/SimulatorProcess.h"
#include "widgets/dialogs/ConnectDialog.h"
#include "widgets/shell/MainWindow.h"

#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestSilentSignIn : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_sim = std::make_unique<SimulatorProcess>(QStringList{u"--demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_dir = std::make_unique<QTemporaryDir>();
    }

    void cleanup()
    {
        m_app.reset();
        m_sim.reset();
        m_dir.reset();
    }

    void goodToken_opensTheWindowWithTheModels()
    {
        start(m_sim->token());
        QTRY_VERIFY(m_app->mainWindow());
        QVERIFY(!m_app->connectDialog() || !m_app->connectDialog()->isVisible());
        auto *picker = m_app->mainWindow()->findChild<QComboBox *>(u"modelPicker"_s);
        QVERIFY(picker);
        QTRY_VERIFY(picker->count() > 0); // the catalog SignInFlow read
        QVERIFY(picker->currentIndex() >= 0);
    }

    void wrongToken_opensTheDialogWithTheReason()
    {
        QByteArray wrong = m_sim->token();
        wrong.back() = wrong.back() == 'x' ? 'y' : 'x';
        start(wrong);
        QTRY_VERIFY(m_app->connectDialog() && m_app->connectDialog()->isVisible());
        auto *error = m_app->connectDialog()->findChild<QLabel *>(u"errorLabel"_s);
        QVERIFY(error);
        QVERIFY2(error->text().contains(u"signed out"_s), qPrintable(error->text()));
        QVERIFY(!m_app->mainWindow());
    }

    void noOrganizations_opensTheDialogWithTheReason()
    {
        QVERIFY(m_sim->setFaults(QJsonObject{{u"no_organizations"_s, true}}));
        start(m_sim->token());
        QTRY_VERIFY(m_app->connectDialog() && m_app->connectDialog()->isVisible());
        auto *error = m_app->connectDialog()->findChild<QLabel *>(u"errorLabel"_s);
        QCOMPARE(error->text(), u"Your account is not a member of any organization."_s);
        QVERIFY(!m_app->mainWindow());
    }

private:
    void start(const QByteArray &token)
    {
        Application::Options options;
        options.deploymentUrl = m_sim->baseUrl();
        options.token = token;
        options.storageDirectory = m_dir->path();
        m_app = std::make_unique<Application>(options);
        m_app->start();
    }

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Application> m_app;
};

QTEST_MAIN(TestSilentSignIn)
#include "TestSilentSignIn.moc"
