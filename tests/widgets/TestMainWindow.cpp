// The real window, composed by Application against the test's own agentdesk-sim, driven by
// objectName and QAction the way a user drives it with mouse and keyboard.

#include "AppUnderTest.h"
#include "app/Application.h"
#include "core/api/ApiClient.h"
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "platform/SingleInstance.h"
#include "support/SimulatorProcess.h"
#include "widgets/chatlist/ChatListDelegate.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/composer/MessageEdit.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/dialogs/ConnectDialog.h"
#include "widgets/dialogs/NewChatDialog.h"
#include "widgets/dialogs/RenameDialog.h"
#include "widgets/dialogs/SettingsDialog.h"
#include "widgets/diff/DiffPanel.h"
#include "widgets/shell/Appearance.h"
#include "widgets/shell/CommandPalette.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/PaletteColors.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestMainWindow : public AppUnderTestCase
{
    Q_OBJECT

private slots:
    void signIn_listLoads_withSections()
    {
        QAbstractItemModel *model = list()->model();
        QVERIFY(model->rowCount() >= 3);
        QCOMPARE(
            ChatListDelegate::sectionOf(model->index(0, 0)), ChatListDelegate::Section::Pinned);
        bool needsYou = false;
        for (int row = 0; row < model->rowCount(); ++row)
            needsYou |= ChatListDelegate::sectionOf(model->index(row, 0))
                == ChatListDelegate::Section::NeedsYou;
        QVERIFY(needsYou); // the demo has a chat in error
        auto *indicator = window()->findChild<QLabel *>(u"connectionIndicator"_s);
        QTRY_COMPARE(indicator->property("connectionState").toInt(), int(ConnectionState::Live));
    }

    void commandPalette_listsEveryAction()
    {
        action(u"actionCommandPalette"_s)->trigger();
        CommandPalette *palette = window()->commandPalette();
        QTRY_VERIFY(palette->isVisible());
        QCOMPARE(palette->visibleCommands().size(), window()->commandActions().size());
        for (QAction *command : window()->commandActions()) {
            QVERIFY2(
                command->objectName().startsWith(u"action"_s), qPrintable(command->objectName()));
            QVERIFY2(!command->shortcut().isEmpty(), qPrintable(command->objectName()));
        }
        // Fuzzy: "nwcht" finds New Chat first.
        auto *search = palette->findChild<QLineEdit *>(u"commandPaletteSearch"_s);
        QTest::keyClicks(search, u"nwcht"_s);
        QCOMPARE(palette->visibleCommands().value(0), u"New Chat"_s);
        QTest::keyClick(search, Qt::Key_Escape);
    }

    void openChat_send_streams_queue_interrupt()
    {
        const ChatId id = chatNamed(u"Add CSV export to the reports page"_s);
        QVERIFY(showChat(id));
        auto *edit = window()->findChild<QPlainTextEdit *>(u"messageEdit"_s);
        QVERIFY(edit);
        QTest::keyClicks(edit, u"Please add a header row too."_s);
        QTest::mouseClick(window()->findChild<QPushButton *>(u"sendButton"_s), Qt::LeftButton);
        QTRY_VERIFY(isActive(m_app->chatListModel()->chat(id)->status));
        // A streamed turn arrives in the timeline.
        auto *view = window()->findChild<QListView *>(u"chatView"_s);
        QVERIFY(view);
        const int before = view->model()->rowCount();
        QTRY_VERIFY(view->model()->rowCount() > before);
        screenshot(u"TestMainWindow-streaming.png"_s);

        // Sending while the agent works queues the message.
        QTest::keyClicks(edit, u"And sort by date."_s);
        QTest::mouseClick(window()->findChild<QPushButton *>(u"sendButton"_s), Qt::LeftButton);
        QWidget *queue = window()->findChild<QWidget *>(u"queuePanel"_s);
        QTRY_VERIFY(queue->isVisible());

        // Ctrl+. stops the turn at once.
        QVERIFY(action(u"actionInterrupt"_s)->isEnabled());
        QTest::keyClick(window(), Qt::Key_Period, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!isActive(m_app->chatListModel()->chat(id)->status)
                || m_app->chatListModel()->chat(id)->status == ChatStatus::Running,
            10'000);
    }

    void pin_thenReorderWithKeyboardAction()
    {
        const ChatId id = chatNamed(u"Add CSV export to the reports page"_s);
        QVERIFY(showChat(id));
        action(u"actionTogglePin"_s)->trigger();
        QTRY_VERIFY(m_app->chatListModel()->chat(id)->isPinned());
        const int pinned = m_app->chatListModel()->chat(id)->pinOrder;
        QVERIFY(pinned >= 2);
        action(u"actionMovePinUp"_s)->trigger();
        QTRY_COMPARE(m_app->chatListModel()->chat(id)->pinOrder, pinned - 1);
        QCOMPARE(
            list()->model()->index(pinned - 2, 0).data(ChatListModel::ChatIdRole).value<ChatId>(),
            id);
        // The server agrees after a re-list.
        m_app->chatDirectory()->refresh();
        QTRY_VERIFY(!m_app->chatDirectory()->isListing());
        QCOMPARE(m_app->chatListModel()->chat(id)->pinOrder, pinned - 1);
        action(u"actionTogglePin"_s)->trigger();
        QTRY_VERIFY(!m_app->chatListModel()->chat(id)->isPinned());
    }

    void archive_thenUnarchive()
    {
        const ChatId id = chatNamed(u"Explain the billing cron job"_s);
        QVERIFY(showChat(id));
        action(u"actionArchive"_s)->trigger();
        QTRY_VERIFY(m_app->chatListModel()->chat(id)->archived);
        QVERIFY(!list()->indexOfChat(id).isValid());
        action(u"actionShowArchived"_s)->trigger();
        QTRY_VERIFY(list()->indexOfChat(id).isValid());
        QVERIFY(showChat(id));
        QCOMPARE(action(u"actionArchive"_s)->text().remove(u'&'), u"Unarchive"_s);
        action(u"actionArchive"_s)->trigger();
        QTRY_VERIFY(!m_app->chatListModel()->chat(id)->archived);
        action(u"actionShowArchived"_s)->trigger();
        QTRY_VERIFY(list()->indexOfChat(id).isValid());
    }

    void rename_throughDialog()
    {
        const ChatId id = chatNamed(u"Explain the billing cron job"_s);
        QVERIFY(showChat(id));
        action(u"actionRename"_s)->trigger();
        RenameDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window()->findChild<RenameDialog *>(u"renameDialog"_s)));
        dialog->setTitle(u"Billing cron, explained"_s);
        dialog->accept();
        QTRY_COMPARE(m_app->chatListModel()->chat(id)->title, u"Billing cron, explained"_s);
        m_app->chatDirectory()->refresh();
        QTRY_VERIFY(!m_app->chatDirectory()->isListing());
        QCOMPARE(m_app->chatListModel()->chat(id)->title, u"Billing cron, explained"_s);
    }

    void nextPrevious_actionsWalkTheList()
    {
        list()->setCurrentIndex(list()->model()->index(0, 0));
        const ChatId first = list()->currentChatId();
        QTest::keyClick(window(), Qt::Key_Down, Qt::AltModifier);
        QTRY_VERIFY(window()->visibleChatId() != first);
        QTest::keyClick(window(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(window()->visibleChatId(), first);
        action(u"actionSearch"_s)->trigger();
        QTRY_VERIFY(window()->findChild<QLineEdit *>(u"chatSearchField"_s)->hasFocus()
            || !window()->isActiveWindow());
    }

    void search_filtersTheList()
    {
        auto *search = window()->findChild<QLineEdit *>(u"chatSearchField"_s);
        QTest::keyClicks(search, u"title:CSV"_s);
        QTRY_COMPARE(list()->model()->rowCount(), 1);
        search->clear();
        QTRY_VERIFY(list()->model()->rowCount() > 1);
    }

    void newChat_createsAndOpens()
    {
        action(u"actionNewChat"_s)->trigger();
        NewChatDialog *dialog = window()->newChatDialog();
        QTRY_VERIFY(dialog && dialog->isVisible());
        auto *prompt = dialog->findChild<QPlainTextEdit *>(u"newChatPrompt"_s);
        QTest::keyClicks(prompt, u"Add a dark mode toggle to the settings page"_s);
        screenshot(u"TestMainWindow-newChat.png"_s, dialog);
        const int before = m_app->chatListModel()->rowCount();
        const ChatId previouslyOpen = window()->visibleChatId();
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(u"newChatCreateButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QTRY_COMPARE(m_app->chatListModel()->rowCount(), before + 1);
        // The window opens the chat it just created.
        QTRY_VERIFY(
            !window()->visibleChatId().isNull() && window()->visibleChatId() != previouslyOpen);
        const Chat *opened = m_app->chatListModel()->chat(window()->visibleChatId());
        QVERIFY(opened);
        QVERIFY(opened->createdAt.secsTo(QDateTime::currentDateTimeUtc()) < 120);
    }

    void link_opensChat_prefillsComposer_neverSends()
    {
        const ChatId id = chatNamed(u"Fix flaky login e2e test"_s);
        QVERIFY(!id.isNull());
        const ChatStatus statusBefore = m_app->chatListModel()->chat(id)->status;
        m_app->handleArguments({u"agentdesk://chat/"_s + id.toString()
            + u"?prompt=Please%20retry%20with%20backoff"_s});
        QTRY_COMPARE(window()->visibleChatId(), id);
        auto *edit = window()->findChild<QPlainTextEdit *>(u"messageEdit"_s);
        QTRY_COMPARE(edit->toPlainText(), u"Please retry with backoff"_s);
        // Sending would clear the composer, show the message in the timeline (a pending echo,
        // at once) and start a turn; a link must never do any of it. Once the chat is fully
        // open (history in, stream live) none of it may have happened.
        ChatSession *session = window()->conversationWidget()->session();
        QVERIFY(session);
        QCOMPARE(session->chatId(), id);
        QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), ConnectionState::Live, 10'000);
        auto *chatView = window()->conversationWidget()->findChild<ChatView *>(u"chatView"_s);
        QVERIFY(chatView && chatView->model());
        QVERIFY(chatView->model()->rowCount() > 0);
        for (int row = 0; row < chatView->model()->rowCount(); ++row) {
            const QModelIndex index = chatView->model()->index(row, 0);
            QVERIFY(!index.data(MessageListModel::PendingRole).toBool());
            QVERIFY(!index.data(MessageListModel::TextRole)
                         .toString()
                         .contains(u"retry with backoff"_s));
        }
        QCOMPARE(edit->toPlainText(), u"Please retry with backoff"_s);
        QCOMPARE(m_app->chatListModel()->chat(id)->status, statusBefore);
        edit->clear();

        // A pasted web-UI address of the same deployment opens the chat too.
        const ChatId other = anotherRootChat(id);
        QVERIFY(!other.isNull());
        m_app->handleArguments({m_sim->baseUrl().toString() + u"/agents/"_s + other.toString()});
        QTRY_COMPARE(window()->visibleChatId(), other);
    }

    void secondLaunch_handsItsLinkToTheRunningWindow()
    {
        // Wired as main.cpp wires it: the primary instance passes later launches' links on.
        const QString key = u"agentdesk-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
        SingleInstance first(key);
        connect(&first, &SingleInstance::argumentsReceived, m_app.get(),
            [this](const QStringList &arguments) { m_app->handleArguments(arguments.mid(1)); });
        QSignalSpy primary(&first, &SingleInstance::becamePrimary);
        first.start({u"agentdesk"_s});
        QTRY_COMPARE(primary.size(), 1);
        window()->hide();

        const ChatId id = anotherRootChat(window()->visibleChatId());
        QVERIFY(!id.isNull());
        SingleInstance second(key);
        QSignalSpy handedOver(&second, &SingleInstance::handedOver);
        second.start({u"agentdesk"_s, u"agentdesk://chat/"_s + id.toString()});
        QTRY_COMPARE(handedOver.size(), 1);
        QTRY_COMPARE(window()->visibleChatId(), id);
        QVERIFY(window()->isVisible()); // raised again
    }

    void settings_darkThemeAndSendKey_applyAtOnce()
    {
        auto *attach = window()->findChild<QAbstractButton *>(u"attachButton"_s);
        const int glyphBefore = glyphLightness(attach->icon());
        action(u"actionSettings"_s)->trigger();
        SettingsDialog *dialog = window()->settingsDialog();
        QTRY_VERIFY(dialog && dialog->isVisible());
        auto *theme = dialog->findChild<QComboBox *>(u"themeComboBox"_s);
        theme->setCurrentIndex(theme->findData(int(AppSettings::Theme::Dark)));
        dialog->findChild<QComboBox *>(u"sendKeyComboBox"_s)->setCurrentIndex(1);
        dialog->findChild<QDialogButtonBox *>(u"settingsButtons"_s)
            ->button(QDialogButtonBox::Ok)
            ->click();
        QTRY_VERIFY(isDarkPalette(QApplication::palette()));
        QVERIFY(m_app->appearance()->isDark());
        QTRY_VERIFY(isDarkPalette(window()->palette()));
        auto *edit = window()->findChild<MessageEdit *>(u"messageEdit"_s);
        QCOMPARE(edit->sendKey(), AppSettings::SendKey::CtrlEnter);
        // Bundled glyphs are recoloured for the dark palette (a desktop icon theme draws its own).
        if (!QIcon::hasThemeIcon(u"mail-attachment"_s)
            && !QIcon::hasThemeIcon(u"preferences-system"_s)) {
            QVERIFY2(glyphBefore < 128, qPrintable(QString::number(glyphBefore)));
            QTRY_VERIFY(glyphLightness(attach->icon()) > 128);
            QVERIFY(glyphLightness(action(u"actionSettings"_s)->icon()) > 128);
        }
        screenshot(u"TestMainWindow-dark.png"_s);

        m_app->settings()->setTheme(AppSettings::Theme::System);
        m_app->settings()->setSendKey(AppSettings::SendKey::Enter);
        m_app->appearance()->apply();
        QVERIFY(!isDarkPalette(QApplication::palette()));
    }

    void settings_addDeployment_thenSwitchBack()
    {
        SimulatorProcess other({u"--demo"_s, u"--seed"_s, u"7"_s});
        QVERIFY2(other.start(), qPrintable(other.errorString()));

        action(u"actionSettings"_s)->trigger();
        SettingsDialog *settings = window()->settingsDialog();
        QTRY_VERIFY(settings && settings->isVisible());
        settings->showPage(2);
        settings->findChild<QPushButton *>(u"addDeploymentButton"_s)->click();

        // The old session ends and the sign-in dialog asks for the new deployment.
        QTRY_VERIFY(m_app->connectDialog() && m_app->connectDialog()->isVisible());
        ConnectDialog *connect = m_app->connectDialog();
        auto *url = connect->findChild<QLineEdit *>(u"serverUrlLineEdit"_s);
        QVERIFY(url->text().isEmpty());
        url->setText(other.baseUrl().toString());
        connect->findChild<QLineEdit *>(u"tokenLineEdit"_s)
            ->setText(QString::fromLatin1(other.token()));
        connect->findChild<QPushButton *>(u"connectButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->chatDirectory()
                && m_app->chatDirectory()->isListLoaded()
                && m_app->apiClient()->deploymentUrl() == other.baseUrl(),
            10000);
        QCOMPARE(m_app->settings()->knownDeployments(),
            (QList<QUrl>{m_sim->baseUrl(), other.baseUrl()}));

        // Back to the first one from the settings: its token is still kept, so no dialog.
        action(u"actionSettings"_s)->trigger();
        settings = window()->settingsDialog();
        QTRY_VERIFY(settings && settings->isVisible());
        auto *list = settings->findChild<QListWidget *>(u"deploymentList"_s);
        QCOMPARE(list->count(), 2);
        list->setCurrentRow(0);
        settings->findChild<QPushButton *>(u"switchDeploymentButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->chatDirectory()
                && m_app->chatDirectory()->isListLoaded()
                && m_app->apiClient()->deploymentUrl() == m_sim->baseUrl(),
            10000);
        QVERIFY(!m_app->connectDialog() || !m_app->connectDialog()->isVisible());
        QTRY_VERIFY(!chatNamed(u"Fix flaky login e2e test"_s).isNull());

        // Forget the other deployment (after confirming): off the list, this session goes on.
        action(u"actionSettings"_s)->trigger();
        settings = window()->settingsDialog();
        QTRY_VERIFY(settings && settings->isVisible());
        list = settings->findChild<QListWidget *>(u"deploymentList"_s);
        list->setCurrentRow(1);
        // The confirmation opens without a nested event loop: the click returns at once.
        settings->findChild<QPushButton *>(u"forgetDeploymentButton"_s)->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = settings->findChild<QMessageBox *>(u"forgetDeploymentConfirmation"_s))
            && box->isVisible());
        QCOMPARE(list->count(), 2); // nothing forgotten before the answer
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        QTRY_COMPARE(list->count(), 1);
        QCOMPARE(m_app->settings()->knownDeployments(), QList<QUrl>{m_sim->baseUrl()});
        QCOMPARE(m_app->apiClient()->deploymentUrl(), m_sim->baseUrl());
        QVERIFY(m_app->chatDirectory() && m_app->chatDirectory()->isListLoaded());
        settings->reject();
    }

    void sidePanel_opensInsideTheWindow()
    {
        // Opening the diff panel takes room from the conversation; it must not push the
        // window wider than the screen the user gave it.
        window()->resize(1100, 760);
        QTRY_COMPARE(window()->width(), 1100);
        window()->openChat(chatNamed(u"Fix flaky login e2e test"_s));
        action(u"actionToggleSidePanel"_s)->trigger();
        QTRY_VERIFY(window()->diffPanel()->isVisible());
        // Once the layout gave the panel its room (the moment the window would have grown):
        QTRY_VERIFY(window()->diffPanel()->width() >= 280);
        QCOMPARE(window()->width(), 1100);
        screenshot(u"TestMainWindow-sidePanel.png"_s);
        action(u"actionToggleSidePanel"_s)->trigger();
    }

    void language_chosenInSettings_appliesFromTheNextStart()
    {
        const QString systemText = action(u"actionQuit"_s)->text();
        m_app->settings()->setLanguage(u"de"_s);
        m_app->settings()->sync();
        m_app.reset();
        startApp();
        QCOMPARE(action(u"actionQuit"_s)->text(), u"&Beenden"_s);
        QCOMPARE(action(u"actionSettings"_s)->text(), u"&Einstellungen\u2026"_s);
        screenshot(u"TestMainWindow-german.png"_s);
        m_app->settings()->setLanguage({});
        m_app->settings()->sync();
        m_app.reset(); // its translators go with it
        startApp();
        QCOMPARE(action(u"actionQuit"_s)->text(), systemText);
    }

    void draft_survivesRestart()
    {
        const ChatId id = chatNamed(u"Fix flaky login e2e test"_s);
        QVERIFY(showChat(id));
        auto *edit = window()->findChild<QPlainTextEdit *>(u"messageEdit"_s);
        QTest::keyClicks(edit, u"half-written thought"_s);
        m_app.reset(); // quits: drafts flush, the last chat is remembered
        startApp();
        QTRY_COMPARE(window()->visibleChatId(), id);
        edit = window()->findChild<QPlainTextEdit *>(u"messageEdit"_s);
        QTRY_COMPARE(edit->toPlainText(), u"half-written thought"_s);
        edit->clear();
    }

private:
    QAction *action(const QString &name) const
    {
        auto *found = window()->findChild<QAction *>(name);
        if (!found)
            qFatal("no action %s", qPrintable(name));
        return found;
    }
    //! The mean lightness of an icon's opaque pixels: dark glyph < 128 < light glyph.
    static int glyphLightness(const QIcon &icon)
    {
        const QImage image = icon.pixmap(16, 16).toImage().convertToFormat(QImage::Format_ARGB32);
        qint64 sum = 0;
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor color = image.pixelColor(x, y);
                if (color.alpha() > 128) {
                    sum += color.lightness();
                    ++count;
                }
            }
        }
        return count ? int(sum / count) : -1;
    }
    ChatId anotherRootChat(const ChatId &than) const
    {
        ChatListModel *model = m_app->chatListModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto id = model->index(row, 0).data(ChatListModel::ChatIdRole).value<ChatId>();
            if (id != than && !model->chat(id)->archived)
                return id;
        }
        return {};
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
