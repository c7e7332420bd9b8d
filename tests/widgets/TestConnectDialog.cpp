// Sign-in against the real simulator: what is checked before anything is saved, where the
// token goes (only the SecretStore), and what the user is told when something is wrong.

#include "PaintChecks.h"
#include "core/api/ApiClient.h"
#include "core/storage/AppSettings.h"
#include "core/storage/InMemorySecretStore.h"
#include "support/ScratchSettings.h"
#include "support/SimulatorProcess.h"
#include "support/WidgetArtifacts.h"
#include "widgets/dialogs/ConnectDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

//! A keychain that is not there (no Secret Service on the session bus).
class UnavailableStore final : public SecretStore
{
public:
    using SecretStore::SecretStore;
    void readToken(const QString &, Done done) override { answer(std::move(done)); }
    void writeToken(const QString &, const QString &, Done done) override
    {
        ++writes;
        answer(std::move(done));
    }
    void deleteToken(const QString &, Done done) override { answer(std::move(done)); }
    bool isPersistent() const override { return true; }
    int writes = 0;

private:
    void answer(Done done)
    {
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(SecretResult{SecretResult::Status::Unavailable, {},
                u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s});
        });
    }
};

QString readToken(SecretStore &store, const QString &origin)
{
    QString token;
    bool done = false;
    store.readToken(origin, [&](const SecretResult &result) {
        token = result.value;
        done = true;
    });
    [&] {
        QTRY_VERIFY(done);
    }();
    return token;
}

} // namespace

class TestConnectDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<SimulatorProcess>(QStringList{u"--demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        m_scratch = std::make_unique<ScratchSettings>(u"agentdesk.ini"_s);
        m_api = std::make_unique<ApiClient>(&m_network);
        m_keychain = std::make_unique<InMemorySecretStore>();
        m_sessionStore = std::make_unique<InMemorySecretStore>();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_api.reset();
        m_scratch.reset();
    }

    void normalizeUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare host") << u"coder.example.com"_s << u"https://coder.example.com"_s;
        QTest::newRow("page url") << u"https://Coder.Example.com/agents/123?x=1#y"_s
                                  << u"https://coder.example.com"_s;
        QTest::newRow("port kept") << u"http://127.0.0.1:3000/"_s << u"http://127.0.0.1:3000"_s;
        QTest::newRow("default port")
            << u"https://coder.example.com:443"_s << u"https://coder.example.com"_s;
        QTest::newRow("spaces") << u"  https://coder.example.com  "_s
                                << u"https://coder.example.com"_s;
        QTest::newRow("ftp") << u"ftp://coder.example.com"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void normalizeUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const std::optional<QUrl> url = ConnectDialog::normalizeUrl(input);
        QCOMPARE(url ? url->toString() : QString(), expected);
    }

    void goodCredentials_accepted_tokenOnlyInSecretStore()
    {
        createDialog(m_keychain.get());
        QSignalSpy connected(m_dialog.get(), &ConnectDialog::connected);
        fill(m_sim->baseUrl().toString() + u"/agents"_s, QString::fromLatin1(m_sim->token()));
        QVERIFY(m_dialog->tokenPageUrl().toString().endsWith(u"/settings/tokens"_s));
        click();
        QTRY_COMPARE(connected.count(), 1);
        const auto result = connected.first().first().value<ConnectionResult>();
        QCOMPARE(result.deploymentUrl, m_sim->baseUrl());
        QVERIFY(!result.organizationId.isNull()); // one organization: chosen without asking
        QVERIFY(!result.chatsPrefix.isEmpty());
        QVERIFY(!result.sessionOnly);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

        QCOMPARE(readToken(*m_keychain, m_sim->baseUrl().toString()),
            QString::fromLatin1(m_sim->token()));
        m_scratch->settings.sync();
        QFile ini(m_scratch->settings.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY(stored.contains(m_sim->baseUrl().host().toLatin1()));
        QVERIFY2(!stored.contains(m_sim->token()), "the token leaked into the settings file");
        QVERIFY(!stored.contains(m_sim->token().mid(11)));
    }

    void wrongToken_showsCodersMessage()
    {
        createDialog(m_keychain.get());
        QSignalSpy connected(m_dialog.get(), &ConnectDialog::connected);
        fill(m_sim->baseUrl().toString(), u"AbCdEf1234-0123456789abcdefghijkl"_s);
        click();
        auto *error = m_dialog->findChild<QLabel *>(u"errorLabel"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"signed out"_s), qPrintable(error->text()));
        QCOMPARE(connected.count(), 0);
        QCOMPARE(readToken(*m_keychain, m_sim->baseUrl().toString()), QString());
        QVERIFY(m_dialog->findChild<QPushButton *>(u"connectButton"_s)->isEnabled());
        screenshot(u"TestConnectDialog-error.png"_s);
    }

    void plainHttpToRemoteHost_refusedWithoutConfirmation()
    {
        createDialog(m_keychain.get());
        fill(u"http://coder.example.com"_s, u"AbCdEf1234-0123456789abcdefghijkl"_s);
        auto *confirm = m_dialog->findChild<QCheckBox *>(u"allowInsecureHttpCheckBox"_s);
        QVERIFY(confirm);
        QVERIFY(confirm->isVisible());
        click();
        auto *error = m_dialog->findChild<QLabel *>(u"errorLabel"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"unencrypted"_s), qPrintable(error->text()));
        // Nothing was sent: the probe was never pointed at the host.
        QVERIFY(m_api->deploymentUrl().isEmpty());

        // Loopback http needs no confirmation (the simulator is http://127.0.0.1).
        fill(m_sim->baseUrl().toString(), QString());
        QVERIFY(!confirm->isVisible());
    }

    void keychainUnavailable_offersSessionOnly()
    {
        UnavailableStore keychain;
        createDialog(&keychain);
        QSignalSpy connected(m_dialog.get(), &ConnectDialog::connected);
        auto *sessionOnly = m_dialog->findChild<QCheckBox *>(u"keepSessionOnlyCheckBox"_s);
        QVERIFY(sessionOnly);
        QVERIFY(!sessionOnly->isVisible());
        fill(m_sim->baseUrl().toString(), QString::fromLatin1(m_sim->token()));
        click();
        QTRY_VERIFY(sessionOnly->isVisible());
        auto *error = m_dialog->findChild<QLabel *>(u"errorLabel"_s);
        QVERIFY2(error->text().contains(u"keychain"_s), qPrintable(error->text()));
        QCOMPARE(connected.count(), 0);
        QCOMPARE(keychain.writes, 1);
        screenshot(u"TestConnectDialog-keychain.png"_s);

        sessionOnly->setChecked(true);
        click();
        QTRY_COMPARE(connected.count(), 1);
        QVERIFY(connected.first().first().value<ConnectionResult>().sessionOnly);
        QCOMPARE(keychain.writes, 1); // the keychain was not asked again
        QCOMPARE(readToken(*m_sessionStore, m_sim->baseUrl().toString()),
            QString::fromLatin1(m_sim->token()));
    }

    void severalOrganizations_askedWithTheDefaultPreselected()
    {
        QVERIFY(m_sim->setFaults(QJsonObject{{u"two_organizations"_s, true}}));
        const auto resetFaults = qScopeGuard([this] {
            m_sim->setFaults(QJsonObject{{u"reset"_s, true}});
        });
        createDialog(m_keychain.get());
        QSignalSpy connected(m_dialog.get(), &ConnectDialog::connected);
        fill(m_sim->baseUrl().toString(), QString::fromLatin1(m_sim->token()));
        click();
        auto *organizations = m_dialog->findChild<QComboBox *>(u"organizationComboBox"_s);
        QVERIFY(organizations);
        QTRY_VERIFY(organizations->isVisible());
        QCOMPARE(organizations->count(), 2);
        QCOMPARE(organizations->currentText(), u"Acme Inc."_s); // the default, listed second
        QCOMPARE(connected.count(), 0);
        screenshot(u"TestConnectDialog-organizations.png"_s);

        organizations->setCurrentIndex(organizations->findText(u"Globex"_s));
        click();
        QTRY_COMPARE(connected.count(), 1);
        QCOMPARE(connected.first().first().value<ConnectionResult>().organizationName, u"Globex"_s);
        m_scratch->settings.sync();
        QCOMPARE(m_scratch->settings.organizationId(), u"3e1f5a7c-9b2d-4c6e-8f0a-1b3d5f7a9c2e"_s);
    }

    void cancelWhileChecking_signsNothingIn()
    {
        createDialog(m_keychain.get());
        QSignalSpy connected(m_dialog.get(), &ConnectDialog::connected);
        fill(m_sim->baseUrl().toString(), QString::fromLatin1(m_sim->token()));
        click(); // the checks are on their way
        m_dialog->reject();

        // A second sign-in to the same server ends after the first one's answers are in.
        ConnectDialog second(
            m_api.get(), m_keychain.get(), m_sessionStore.get(), &m_scratch->settings);
        QSignalSpy secondConnected(&second, &ConnectDialog::connected);
        second.open();
        second.findChild<QLineEdit *>(u"serverUrlLineEdit"_s)->setText(m_sim->baseUrl().toString());
        second.findChild<QLineEdit *>(u"tokenLineEdit"_s)
            ->setText(QString::fromLatin1(m_sim->token()));
        second.findChild<QPushButton *>(u"connectButton"_s)->click();
        QTRY_COMPARE(secondConnected.count(), 1);
        QCOMPARE(connected.count(), 0);
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    }

    void screenshot_emptyDialog_showsTheTypedAddress()
    {
        createDialog(m_keychain.get());
        fill(u"https://coder.example.com"_s, QString());
        screenshot(u"TestConnectDialog.png"_s);
        // The screenshot is checked: not blank, and the address field paints its text.
        const QImage image = m_dialog->grab().toImage();
        QVERIFY(distinctColors(image) > 20);
        auto *urlEdit = m_dialog->findChild<QLineEdit *>(u"serverUrlLineEdit"_s);
        QCOMPARE(urlEdit->text(), u"https://coder.example.com"_s);
        const QImage field = urlEdit->grab().toImage();
        const QColor base = urlEdit->palette().color(QPalette::Base);
        QVERIFY2(inkShare(field, field.rect().adjusted(4, 4, -4, -4), base) > 0.02,
            "the address field paints no text");
        QVERIFY(hasColor(field, field.rect(), urlEdit->palette().color(QPalette::Text), 60));
    }

private:
    void createDialog(SecretStore *keychain)
    {
        m_dialog = std::make_unique<ConnectDialog>(
            m_api.get(), keychain, m_sessionStore.get(), &m_scratch->settings);
        m_dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void fill(const QString &url, const QString &token)
    {
        auto *urlEdit = m_dialog->findChild<QLineEdit *>(u"serverUrlLineEdit"_s);
        auto *tokenEdit = m_dialog->findChild<QLineEdit *>(u"tokenLineEdit"_s);
        QVERIFY(urlEdit && tokenEdit);
        urlEdit->clear();
        QTest::keyClicks(urlEdit, url);
        tokenEdit->clear();
        QTest::keyClicks(tokenEdit, token);
    }

    void click()
    {
        auto *button = m_dialog->findChild<QPushButton *>(u"connectButton"_s);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void screenshot(const QString &name) { QVERIFY(saveArtifact(m_dialog.get(), name)); }

    QNetworkAccessManager m_network;
    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<ScratchSettings> m_scratch;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InMemorySecretStore> m_keychain;
    std::unique_ptr<InMemorySecretStore> m_sessionStore;
    std::unique_ptr<ConnectDialog> m_dialog;
};

QTEST_MAIN(TestConnectDialog)
#include "TestConnectDialog.moc"
