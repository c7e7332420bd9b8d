// Journeys of issue 14's "Models, skills, MCP" half (§20.8–§20.10), once per server generation:
// pick a model and an effort in the searchable picker and find both in the request the simulator
// got; insert a personal skill from the "/" menu; connect an MCP server (the test fetches the
// simulator's OAuth page as the browser would) and send with it; add a personal provider key in
// Settings and see the model it unlocks become selectable. On the legacy generation the MCP
// picker, the "/" menu and the account pages are absent. The real window against a real
// agentdesk-sim, driven by clicks and keys, checked by what it shows.

#include "Journey.h"
#include "models/ModelConfigModel.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/composer/McpPicker.h"
#include "widgets/composer/ModelPicker.h"
#include "widgets/composer/SkillMenu.h"
#include "widgets/dialogs/SettingsDialog.h"
#include "widgets/dialogs/SettingsProviderKeysPage.h"
#include "widgets/dialogs/SettingsSkillsPage.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString githubMcp = u"c0ffee00-0001-4a00-8000-00000000a001"_s;

//! Stands in for the browser: QDesktopServices::openUrl lands here.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

} // namespace

class TestJourneyModels : public JourneyTestCase
{
    Q_OBJECT

public:
    TestJourneyModels()
        : JourneyTestCase({.simulatorArguments = Journey::fastDemo(5)})
    {
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "open");
    }
    ~TestJourneyModels() override { QDesktopServices::unsetUrlHandler(u"http"_s); }

private:
    //! The requests the app made while starting are not the test's.
    void appStarted() override
    {
        m_browser.urls.clear();
        m_journey->serverRequest("DELETE", u"/__sim/requests"_s);
    }

private slots:

    void modelPicker_searchPickEffort_sentWithTheMessage();
    void skillMenu_slashListsSkills_enterInserts();
    void mcpPicker_connectInBrowser_thenSendWithServer();
    void providerKeys_addKey_unlocksModel();
    void providerKeys_deviceSignIn_pollsUntilAuthorized();
    void providerKeys_browserSignIn_pasteTheCallback();
    void skillsPage_addSkill_thenInTheSlashMenu();
    void newChat_effortAndMcpServers_sentOnCreate();

private:
    QJsonObject lastSendBody();
    //! Opens Settings and the page of type T; null (and the dialog closed) when the page is
    //! hidden, which \a hidden reports.
    template<typename T>
    T *openSettingsPage(SettingsDialog **dialog, bool *hidden);

    UrlCatcher m_browser;
};

QJsonObject TestJourneyModels::lastSendBody()
{
    QJsonObject answer;
    m_journey->serverRequest("GET", u"/__sim/requests?path=/messages$"_s, {}, &answer);
    const QJsonArray requests = answer.value(u"requests").toArray();
    return requests.isEmpty() ? QJsonObject()
                              : requests.last().toObject().value(u"body").toObject();
}

void TestJourneyModels::modelPicker_searchPickEffort_sentWithTheMessage()
{
    Journey &j = *m_journey;
    const ChatId chat = j.chatIdByTitle(Journey::chatA);
    QVERIFY(j.openChat(chat));
    // The conversation is there before the picker covers part of it.
    JOURNEY_TRY_MATCHES_SERVER(j, chat, 5'000);
    auto *picker = j.composer()->findChild<ModelPicker *>(u"modelPicker"_s);
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible() && picker->count() > 0);

    // Keyboard first: Ctrl+Shift+M from the message field opens the searchable list.
    QTest::mouseClick(j.editor()->viewport(), Qt::LeftButton);
    QTest::keySequence(j.editor(), QKeySequence(u"Ctrl+Shift+M"_s));
    QTRY_VERIFY(picker->popup() && picker->popup()->isVisible());
    auto *tree = picker->popup()->findChild<QTreeWidget *>(u"modelPickerList"_s);
    auto *filter = picker->popup()->findChild<QLineEdit *>(u"modelPickerFilter"_s);
    QVERIFY(tree && filter);
    // Grouped by provider, the default model's group first with the default on top.
    QVERIFY(tree->topLevelItemCount() >= 2);
    QVERIFY(tree->topLevelItem(0)->child(0)->text(0).contains(u"(default)"_s));
    if (!Journey::isLegacy()) {
        // §20.8: the model whose provider needs the user's key is listed, disabled, with why.
        QList<QTreeWidgetItem *> gemini =
            tree->findItems(u"Gemini"_s, Qt::MatchContains | Qt::MatchRecursive);
        QCOMPARE(gemini.size(), 1);
        QVERIFY(!(gemini.first()->flags() & Qt::ItemIsEnabled));
        QVERIFY(gemini.first()->text(0).contains(u"Add your API key"_s));
    }
    Journey::screenshotOf(j.window(), u"models-picker-open"_s, picker->popup());

    // Filter as you type, Enter picks.
    QTest::keyClicks(filter, u"gpt"_s);
    int shown = 0;
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
        for (int c = 0; c < tree->topLevelItem(g)->childCount(); ++c)
            shown += tree->topLevelItem(g)->child(c)->isHidden() ? 0 : 1;
    QCOMPARE(shown, 1);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(!picker->popup()->isVisible());
    QCOMPARE(picker->currentText(), u"GPT-5"_s);
    const QString gptId =
        picker->currentData(ModelConfigModel::ModelConfigIdRole).value<ModelConfigId>().toString();

    // The effort picker offers the model's efforts; pick "high" by keyboard.
    auto *effort = j.composer()->findChild<EffortPicker *>(u"reasoningEffortPicker"_s);
    QVERIFY(effort);
    QTRY_VERIFY(effort->isVisible());
    effort->setFocus();
    for (int i = 0; i < 6 && effort->effort() != u"high"_s; ++i)
        QTest::keyClick(effort,
            effort->findData(u"high"_s) > effort->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(effort->effort(), u"high"_s);
    effort->showPopup(); // the efforts GPT-5 offers, as the user sees them
    QTRY_VERIFY(effort->view()->isVisible());
    QCOMPARE(effort->count(), 4);
    Journey::screenshotOf(j.window(), u"models-picker-effort"_s, effort->view()->window());
    effort->hidePopup();

    j.type(u"/scenario quick Use the bigger model"_s);
    QVERIFY(j.clickButton(u"sendButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!lastSendBody().isEmpty(), 10'000);
    const QJsonObject body = lastSendBody();
    QCOMPARE(body.value(u"model_config_id"_s).toString(), gptId);
    QCOMPARE(body.value(u"reasoning_effort"_s).toString(), u"high"_s);
    QVERIFY(!body.contains(u"mcp_server_ids"_s)); // untouched MCP choice: the chat keeps its set

    // Each chat starts from its own last effort (§20.8): elsewhere the model's default, back
    // here the "high" this chat last used.
    QVERIFY(j.openChat(j.chatIdByTitle(u"Add CSV export to the reports page"_s)));
    if (!Journey::isLegacy()) {
        QTRY_COMPARE(effort->effort(), u"medium"_s);
        QVERIFY(j.openChat(j.chatIdByTitle(Journey::chatA)));
        QTRY_COMPARE(effort->effort(), u"high"_s);
    }
}

void TestJourneyModels::skillMenu_slashListsSkills_enterInserts()
{
    Journey &j = *m_journey;
    if (!Journey::isLegacy()) {
        QCOMPARE(j.serverRequest("POST", u"/api/experimental/users/me/skills"_s,
                     {{u"content"_s,
                         u"---\nname: deploy-check\ndescription: Check the last deploy\n---\nRun "
                         "the deploy checks."_s}}),
            201);
    }
    QVERIFY(j.openChat(j.chatIdByTitle(Journey::chatA)));
    auto *menu = j.window()->findChild<SkillMenu *>(u"skillMenu"_s);
    QVERIFY(menu);
    j.type(u"/"_s);
    if (Journey::isLegacy()) {
        // No skills, no compact/clear before 2.37: no menu (decided at once, nothing is
        // asked), and Enter is the composer's again: it sends the "/" as text.
        QVERIFY(!menu->isVisible());
        QCOMPARE(j.editor()->toPlainText(), u"/"_s);
        QTest::keyClick(j.editor(), Qt::Key_Return);
        QTRY_VERIFY(j.editor()->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!lastSendBody().isEmpty(), 10'000);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        menu->isVisible() && !menu->findItems(u"/deploy-check"_s, Qt::MatchStartsWith).isEmpty(),
        10'000);
    QVERIFY(!menu->findItems(u"/compact"_s, Qt::MatchStartsWith).isEmpty());
    QVERIFY(!menu->findItems(u"/clear"_s, Qt::MatchStartsWith).isEmpty());
    QVERIFY(j.editor()->hasFocus()); // the menu never takes the focus
    j.screenshot(u"skills-slash-menu"_s);

    QTest::keyClicks(j.editor(), u"dep"_s);
    QTRY_COMPARE(menu->count(), 1);
    QVERIFY(menu->item(0)->text().startsWith(u"/deploy-check"_s));
    QTest::keyClick(j.editor(), Qt::Key_Return);
    QCOMPARE(j.editor()->toPlainText(), u"/deploy-check "_s);
    QVERIFY(!menu->isVisible());
    QVERIFY(lastSendBody().isEmpty()); // Enter inserted; nothing was sent

    // Esc closes the menu and leaves the text.
    j.editor()->clear();
    QTest::keyClicks(j.editor(), u"/co"_s);
    QTRY_VERIFY(menu->isVisible());
    QTest::keyClick(j.editor(), Qt::Key_Escape);
    QVERIFY(!menu->isVisible());
    QCOMPARE(j.editor()->toPlainText(), u"/co"_s);
    j.editor()->clear(); // no draft left for the next journey
}

void TestJourneyModels::mcpPicker_connectInBrowser_thenSendWithServer()
{
    Journey &j = *m_journey;
    QVERIFY(j.openChat(j.chatIdByTitle(Journey::chatA)));
    McpPicker *picker = j.composer()->mcpPicker();
    QVERIFY(picker);
    if (Journey::isLegacy()) {
        // Before 2.37 there are no MCP routes: the picker asks nothing and stays hidden.
        QVERIFY(!picker->isVisible());
        QVERIFY(picker->servers().isEmpty());
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(picker->isVisible(), 10'000);
    QTest::mouseClick(picker, Qt::LeftButton);
    QTRY_VERIFY(picker->listPopup() && picker->listPopup()->isVisible());
    auto *connectButton = picker->listPopup()->findChild<QPushButton *>(u"mcpConnect_github"_s);
    QTRY_VERIFY(
        (connectButton = picker->listPopup()->findChild<QPushButton *>(u"mcpConnect_github"_s)));
    auto *github = picker->listPopup()->findChild<QCheckBox *>(u"mcpServer_github"_s);
    QVERIFY(github && !github->isEnabled() && !github->isChecked());
    auto *sentry = picker->listPopup()->findChild<QCheckBox *>(u"mcpServer_sentry"_s);
    QVERIFY(sentry && sentry->isChecked() && !sentry->isEnabled()); // always on
    Journey::screenshotOf(j.window(), u"mcp-picker-connect"_s, picker->listPopup());

    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE(m_browser.urls.size(), 1);
    const QUrl url = m_browser.urls.first();
    QVERIFY(url.path().endsWith(u"/mcp-servers/"_s + githubMcp + u"/oauth2/connect"_s));
    QVERIFY(!url.toString().contains(QString::fromLatin1(j.sim().token())));
    QVERIFY(!picker->connecting().isNull());

    // The browser, signed in to Coder, follows the redirect to the callback page.
    QNetworkAccessManager browser;
    QNetworkRequest request(url);
    request.setRawHeader("Coder-Session-Token", j.sim().token());
    QNetworkReply *reply = browser.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    QVERIFY(reply->readAll().contains("Authentication successful"));
    reply->deleteLater();

    // The picker polls until the server says connected, then selects the server.
    QTRY_VERIFY_WITH_TIMEOUT(picker->connecting().isNull(), 15'000);
    QTRY_VERIFY(picker->listPopup()->findChild<QPushButton *>(u"mcpDisconnect_github"_s));
    QVERIFY(picker->selectedIds()->contains(QUuid::fromString(githubMcp)));
    Journey::screenshotOf(j.window(), u"mcp-picker-connected"_s, picker->listPopup());
    picker->listPopup()->hide();

    j.type(u"/scenario quick with GitHub"_s);
    QVERIFY(j.clickButton(u"sendButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!lastSendBody().isEmpty(), 10'000);
    const QJsonArray ids = lastSendBody().value(u"mcp_server_ids"_s).toArray();
    QVERIFY2(ids.contains(githubMcp), QJsonDocument(ids).toJson().constData());

    // The chat keeps its set: back in it after another chat, the picker shows the chat's three.
    QVERIFY(j.openChat(j.chatIdByTitle(u"Add CSV export to the reports page"_s)));
    QTRY_COMPARE(picker->text(), u"MCP · 2"_s); // that chat has none: the defaults
    QVERIFY(j.openChat(j.chatIdByTitle(Journey::chatA)));
    QTRY_COMPARE(picker->text(), u"MCP · 3"_s);

    // Disconnect: back to Connect.
    QTest::mouseClick(picker, Qt::LeftButton);
    QTRY_VERIFY(picker->listPopup()->isVisible());
    QPushButton *disconnectButton = nullptr;
    QTRY_VERIFY((disconnectButton =
                        picker->listPopup()->findChild<QPushButton *>(u"mcpDisconnect_github"_s))
        && disconnectButton->isVisible());
    QTest::mouseClick(disconnectButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        picker->listPopup()->findChild<QPushButton *>(u"mcpConnect_github"_s), 10'000);
    picker->listPopup()->hide();
}

void TestJourneyModels::providerKeys_addKey_unlocksModel()
{
    Journey &j = *m_journey;
    QAction *settings = j.action(u"actionSettings"_s);
    QVERIFY(settings);
    settings->trigger();
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = j.window()->findChild<SettingsDialog *>()) && dialog->isVisible());
    auto *tabs = dialog->findChild<QTabWidget *>();
    auto *page = dialog->findChild<SettingsProviderKeysPage *>();
    QVERIFY(tabs && page);
    if (Journey::isLegacy()) {
        QTRY_VERIFY(!tabs->isTabVisible(tabs->indexOf(page)));
        dialog->reject();
        return;
    }
    tabs->setCurrentWidget(page);
    auto *list = page->findChild<QTreeWidget *>(u"providerKeysList"_s);
    QTRY_COMPARE(list->topLevelItemCount(), 2); // OpenAI and Google allow personal keys
    QList<QTreeWidgetItem *> google = list->findItems(u"Google"_s, Qt::MatchExactly);
    QCOMPARE(google.size(), 1);
    QVERIFY(google.first()->text(1).contains(u"add yours"_s));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
        list->visualItemRect(google.first()).center());
    QCOMPARE(list->currentItem(), google.first());
    auto *input = page->findChild<QLineEdit *>(u"providerKeyInput"_s);
    QCOMPARE(input->echoMode(), QLineEdit::Password);
    QTest::keyClicks(input, u"AIza-journey-key"_s);
    Journey::screenshotOf(dialog, u"provider-keys-page"_s);
    QTest::keyClick(input, Qt::Key_Return); // Enter saves; Settings stays open
    QVERIFY(input->text().isEmpty());       // the key left the field with the request
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(list->findItems(u"Google"_s, Qt::MatchExactly).value(0)
            && list->findItems(u"Google"_s, Qt::MatchExactly).first()->text(1)
                == u"Your key is set"_s,
        10'000);
    auto *status = page->findChild<QLabel *>(u"providerKeysStatus"_s);
    QVERIFY(status->text().contains(u"Google"_s));
    Journey::screenshotOf(dialog, u"provider-keys-saved"_s);

    // The models are reloaded: Gemini can be picked now.
    auto *picker = j.composer()->findChild<ModelPicker *>(u"modelPicker"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < picker->count(); ++row) {
                if (picker->itemText(row) == u"Gemini 2.5 Pro"_s)
                    return picker->model()
                        ->index(row, 0)
                        .data(ModelConfigModel::SelectableRole)
                        .toBool();
            }
            return false;
        }(),
        10'000);
    // The key was sent once and is in no log the simulator keeps.
    QJsonObject answer;
    j.serverRequest("GET", u"/__sim/requests?path=ai-provider-keys"_s, {}, &answer);
    QVERIFY(!QJsonDocument(answer).toJson().contains("AIza-journey-key"));
    dialog->reject();
}

template<typename T>
T *TestJourneyModels::openSettingsPage(SettingsDialog **dialog, bool *hidden)
{
    Journey &j = *m_journey;
    j.action(u"actionSettings"_s)->trigger();
    if (!QTest::qWaitFor([&] {
            *dialog = j.window()->findChild<SettingsDialog *>();
            return *dialog && (*dialog)->isVisible();
        }))
        return nullptr;
    auto *tabs = (*dialog)->findChild<QTabWidget *>();
    T *page = (*dialog)->findChild<T *>();
    if (!tabs || !page)
        return nullptr;
    // The page hides its tab when the server answers 404 (legacy); elsewhere it stays and the
    // caller's checks of what it loaded show it works.
    *hidden = Journey::isLegacy()
        ? QTest::qWaitFor([&] { return !tabs->isTabVisible(tabs->indexOf(page)); }, 10'000)
        : !tabs->isTabVisible(tabs->indexOf(page));
    if (!*hidden)
        tabs->setCurrentWidget(page);
    return page;
}

void TestJourneyModels::providerKeys_deviceSignIn_pollsUntilAuthorized()
{
    SettingsDialog *dialog = nullptr;
    bool hidden = false;
    auto *page = openSettingsPage<SettingsProviderKeysPage>(&dialog, &hidden);
    QVERIFY(page);
    QCOMPARE(hidden, Journey::isLegacy());
    auto *list = page->findChild<QTreeWidget *>(u"providerKeysList"_s);
    auto *device = page->findChild<QPushButton *>(u"providerKeyDeviceButton"_s);
    if (hidden) {
        dialog->reject();
        return;
    }
    QTRY_VERIFY(!list->findItems(u"OpenAI"_s, Qt::MatchExactly).isEmpty());
    QTreeWidgetItem *openai = list->findItems(u"OpenAI"_s, Qt::MatchExactly).first();
    QTest::mouseClick(
        list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(openai).center());
    if (Journey::generationUnderTest() == u"v237"_s) {
        QVERIFY(!device->isVisible()); // grants are newest-only (§20.8)
        dialog->reject();
        return;
    }
    QVERIFY(device->isVisible());
    QCOMPARE(device->text(), u"Sign in with OpenAI"_s);
    QTest::mouseClick(device, Qt::LeftButton);
    QTRY_COMPARE(m_browser.urls.size(), 1);
    const QUrl verification = m_browser.urls.first();
    auto *grantStatus = page->findChild<QLabel *>(u"providerGrantStatus"_s);
    QTRY_VERIFY(grantStatus->isVisible());
    const QString code = QUrlQuery(verification).queryItemValue(u"user_code"_s);
    QVERIFY(!code.isEmpty());
    QVERIFY(grantStatus->text().contains(code)); // the code is shown to type in elsewhere
    Journey::screenshotOf(dialog, u"provider-keys-device-code"_s);
    QVERIFY(page->findChild<QPushButton *>(u"providerGrantCancelButton"_s)->isVisible());

    // The user approves in the browser; the page's poll sees it.
    QNetworkAccessManager browser;
    QNetworkReply *reply = browser.get(QNetworkRequest(verification));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(list->findItems(u"OpenAI"_s, Qt::MatchExactly).value(0)
            && list->findItems(u"OpenAI"_s, Qt::MatchExactly).first()->text(1)
                == u"Your key is set"_s,
        10'000);
    QVERIFY(!grantStatus->isVisible());
    QVERIFY(page->grant().grantId.isEmpty());
    dialog->reject();
}

void TestJourneyModels::providerKeys_browserSignIn_pasteTheCallback()
{
    SettingsDialog *dialog = nullptr;
    bool hidden = false;
    auto *page = openSettingsPage<SettingsProviderKeysPage>(&dialog, &hidden);
    QVERIFY(page);
    QCOMPARE(hidden, Journey::isLegacy());
    auto *browserButton = page->findChild<QPushButton *>(u"providerKeyBrowserButton"_s);
    auto *list = page->findChild<QTreeWidget *>(u"providerKeysList"_s);
    if (hidden) {
        dialog->reject();
        return;
    }
    QTRY_VERIFY(!list->findItems(u"OpenAI"_s, Qt::MatchExactly).isEmpty());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
        list->visualItemRect(list->findItems(u"OpenAI"_s, Qt::MatchExactly).first()).center());
    if (Journey::generationUnderTest() == u"v237"_s) {
        QVERIFY(!browserButton->isVisible());
        dialog->reject();
        return;
    }
    QTest::mouseClick(browserButton, Qt::LeftButton);
    QTRY_COMPARE(m_browser.urls.size(), 1);
    auto *callback = page->findChild<QLineEdit *>(u"providerGrantCallback"_s);
    QTRY_VERIFY(callback->isVisible());

    // In the browser the provider ends on a localhost address that does not load; the user
    // copies it from the address bar (the simulator's page also shows it).
    QNetworkAccessManager browser;
    QNetworkReply *reply = browser.get(QNetworkRequest(m_browser.urls.first()));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    const QString address = QString::fromUtf8(reply->rawHeader("X-Sim-Callback"));
    reply->deleteLater();
    QVERIFY(address.startsWith(u"http://localhost:1455/auth/callback?"_s));

    // A wrong paste is explained and the sign-in stays open.
    QTest::keyClicks(callback, u"http://localhost:1455/auth/callback?state=x"_s);
    QTest::keyClick(callback, Qt::Key_Return);
    QVERIFY(dialog->isVisible()); // Enter finishes the sign-in, not the dialog
    auto *status = page->findChild<QLabel *>(u"providerKeysStatus"_s);
    QTRY_VERIFY(status->text().contains(u"no authorization code"_s));
    QVERIFY(callback->isVisible());
    callback->clear();
    QTest::keyClicks(callback, address);
    Journey::screenshotOf(dialog, u"provider-keys-browser-callback"_s);
    QTest::mouseClick(
        page->findChild<QPushButton *>(u"providerGrantFinishButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Signed in"_s), 10'000);
    QVERIFY(!callback->isVisible());
    QVERIFY(page->grant().grantId.isEmpty());
    dialog->reject();
}

void TestJourneyModels::skillsPage_addSkill_thenInTheSlashMenu()
{
    Journey &j = *m_journey;
    SettingsDialog *dialog = nullptr;
    bool hidden = false;
    auto *page = openSettingsPage<SettingsSkillsPage>(&dialog, &hidden);
    QVERIFY(page);
    QCOMPARE(hidden, Journey::isLegacy());
    if (hidden) {
        dialog->reject();
        return;
    }
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"skillNewButton"_s), Qt::LeftButton);
    auto *editor = dialog->findChild<QPlainTextEdit *>(u"skillEditor"_s);
    QTRY_VERIFY(editor->toPlainText().startsWith(u"---\nname: my-skill"_s)); // the template
    QTest::mouseClick(editor->viewport(), Qt::LeftButton);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    const QStringList lines{u"---"_s, u"name: release-notes-draft"_s,
        u"description: Draft release notes"_s, u"---"_s, u"List the merged PRs."_s};
    for (const QString &line : lines) {
        QTest::keyClicks(editor, line);
        QTest::keyClick(editor, Qt::Key_Return);
    }
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"skillSaveButton"_s), Qt::LeftButton);
    auto *list = dialog->findChild<QListWidget *>(u"skillsList"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        !list->findItems(u"release-notes-draft"_s, Qt::MatchExactly).isEmpty(), 10'000);
    auto *prompt = dialog->findChild<QPlainTextEdit *>(u"userPromptEdit"_s);
    prompt->setFocus();
    QTest::keyClicks(prompt, u"Answer briefly."_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"userPromptSaveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(dialog->findChild<QLabel *>(u"userPromptStatus"_s)->text().startsWith(u"Saved"_s));
    Journey::screenshotOf(dialog, u"skills-settings-page"_s);
    QJsonObject stored;
    QCOMPARE(j.serverRequest("GET", j.chatsPrefix() + u"/config/user-prompt"_s, {}, &stored), 200);
    QCOMPARE(stored.value(u"custom_prompt"_s).toString(), u"Answer briefly."_s);
    dialog->reject();

    QVERIFY(j.openChat(j.chatIdByTitle(Journey::chatA)));
    auto *menu = j.window()->findChild<SkillMenu *>(u"skillMenu"_s);
    j.type(u"/rel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible()
            && !menu->findItems(u"/release-notes-draft"_s, Qt::MatchStartsWith).isEmpty(),
        10'000);
    j.editor()->clear();
}

void TestJourneyModels::newChat_effortAndMcpServers_sentOnCreate()
{
    Journey &j = *m_journey;
    QDialog *dialog = j.openNewChatDialog();
    QVERIFY(dialog);
    auto *picker = dialog->findChild<ModelPicker *>(u"newChatModel"_s);
    QVERIFY(picker);
    QTRY_VERIFY(picker->currentIndex() >= 0);
    QTest::mouseClick(picker, Qt::LeftButton);
    QTRY_VERIFY(picker->popup() && picker->popup()->isVisible());
    QTest::keyClicks(picker->popup()->findChild<QLineEdit *>(u"modelPickerFilter"_s), u"gpt"_s);
    QTest::keyClick(
        picker->popup()->findChild<QLineEdit *>(u"modelPickerFilter"_s), Qt::Key_Return);
    QCOMPARE(picker->currentText(), u"GPT-5"_s);
    auto *effort = dialog->findChild<EffortPicker *>(u"reasoningEffortPicker"_s);
    QTRY_VERIFY(effort->isVisible());
    effort->setFocus();
    while (effort->currentIndex() > 0)
        QTest::keyClick(effort, Qt::Key_Up);
    QCOMPARE(effort->effort(), u"minimal"_s);
    auto *mcp = dialog->findChild<McpPicker *>(u"newChatMcpPicker"_s);
    QVERIFY(mcp);
    if (Journey::isLegacy()) {
        QVERIFY(!mcp->isVisible()); // no MCP routes before 2.37: nothing asked, nothing shown
    } else {
        QTRY_VERIFY(mcp->isVisible());
        QCOMPARE(mcp->text(), u"MCP · 2"_s); // Linear (on by default) and Sentry (always on)
    }
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"newChatPrompt"_s),
        u"/scenario quick Start with effort"_s);
    Journey::screenshotOf(j.window(), u"models-new-chat"_s, dialog);
    QTest::mouseClick(
        dialog->findChild<QAbstractButton *>(u"newChatCreateButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 10'000);
    QJsonObject answer;
    j.serverRequest("GET", u"/__sim/requests?path=/chats$"_s, {}, &answer);
    const QJsonArray creates = answer.value(u"requests"_s).toArray();
    QVERIFY(!creates.isEmpty());
    const QJsonObject body = creates.last().toObject().value(u"body"_s).toObject();
    QCOMPARE(body.value(u"reasoning_effort"_s).toString(), u"minimal"_s);
    if (Journey::isLegacy()) {
        QVERIFY(!body.contains(u"mcp_server_ids"_s));
    } else {
        QCOMPARE(body.value(u"mcp_server_ids"_s).toArray().size(), 2);
    }
}

QTEST_MAIN(TestJourneyModels)
#include "TestJourneyModels.moc"
