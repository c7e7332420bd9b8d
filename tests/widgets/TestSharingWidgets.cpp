// The sharing and context widgets against agentdesk-sim (newest generation, §20.3, §20.5,
// §20.12): the Share dialog's search, add, remove and its inline errors; the "sharing is
// disabled" answer; the info bar's dirty-context banner (owner only), its Refresh, the capacity
// callout while a turn waits for a slot; the conversation turned read only; the list's
// "Shared with you" section.

#include "core/api/ApiClient.h"
#include "models/ChatListModel.h"
#include "support/DemoIds.h"
#include "support/SignedInApi.h"
#include "support/SimulatorProcess.h"
#include "widgets/chatlist/ChatListDelegate.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/conversation/ChatInfoBar.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/dialogs/ShareDialog.h"
#include "widgets/shell/ErrorBanner.h"
#include "widgets/shell/Icons.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestSharingWidgets : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        m_api.reset();
        m_network.reset();
        m_sim.reset();
    }

    //! §20.3.7: search, add with "Read", remove; the dialog hides the owner and lists groups
    //! before users.
    void shareDialog_addsAndRemoves()
    {
        start();
        Chat chat;
        chat.id = Demo::pinnedChat;
        chat.ownerId = Demo::alice;
        chat.title = u"Fix flaky login e2e test"_s;
        ShareDialog dialog(m_api.get(), chat, Demo::alice);
        QSignalSpy loaded(&dialog, &ShareDialog::aclLoaded);
        dialog.reload();
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(dialog.accessLines(), QStringList{u"Carol Diaz (carol) \u2014 Read"_s});
        dialog.search(QString());
        // Everyone but the owner and the users already listed.
        QTRY_COMPARE_WITH_TIMEOUT(dialog.resultLines(), QStringList{u"Bob Okafor (bob)"_s}, 10'000);
        auto *add = dialog.findChild<QPushButton *>(u"shareAddButton"_s);
        QTRY_VERIFY(add->isEnabled()); // the one result is selected
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(dialog.accessLines(),
            (QStringList{u"Bob Okafor (bob) \u2014 Read"_s, u"Carol Diaz (carol) \u2014 Read"_s}));
        QCOMPARE(dialog.statusText(), u"Member added to chat."_s);
        QVERIFY(dialog.resultLines().isEmpty()); // bob has access now
        // Share with the devs group (through the simulator), then remove it in the dialog.
        QVERIFY(m_sim->postControl(u"chats/"_s + Demo::pinnedChat.toString() + u"/acl"_s,
            {{u"group_roles"_s,
                QJsonObject{{u"8c3b2d1e-0f9a-4b6c-9d5e-4f3a2b1c0d9e"_s, u"read"_s}}}}));
        dialog.reload();
        QVERIFY(loaded.wait(10'000));
        const QStringList lines = dialog.accessLines();
        QVERIFY2(
            lines.size() == 3 && lines.first().contains(u"group"_s), qPrintable(lines.join(u'\n')));
        auto *access = dialog.findChild<QListWidget *>(u"shareAccessList"_s);
        access->setCurrentRow(0);
        dialog.removeSelected();
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(dialog.statusText(), u"Group removed from chat."_s);
        QCOMPARE(dialog.accessLines().size(), 2);
    }

    //! §20.3.3: sharing switched off: Coder's text inline, and the window is told.
    void shareDialog_sharingDisabled_saysSoAndSignals()
    {
        start({u"--disable-chat-sharing"_s});
        Chat chat;
        chat.id = Demo::pinnedChat;
        chat.ownerId = Demo::alice;
        ShareDialog dialog(m_api.get(), chat, Demo::alice);
        QSignalSpy disabled(&dialog, &ShareDialog::sharingDisabled);
        dialog.reload();
        QVERIFY(disabled.wait(10'000));
        QVERIFY2(dialog.statusText().contains(u"Chat sharing is disabled for this deployment."_s),
            qPrintable(dialog.statusText()));
    }

    //! §20.5: the owner sees the banner and refreshes; a viewer sees no banner (their PUT
    //! would be refused) but the "Shared by" line.
    void infoBar_dirtyContext_ownerRefreshes_viewerSeesTheOwner()
    {
        start();
        ChatInfoBar bar;
        bar.setApi(m_api.get());
        QSignalSpy refreshed(&bar, &ChatInfoBar::chatRefreshed);
        Chat chat;
        chat.id = Demo::mainChat;
        chat.ownerId = Demo::alice;
        chat.context = ChatContext{};
        chat.context->dirty = true;
        bar.setChat(chat, false);
        QVERIFY(!bar.contextBanner()->isHidden());
        QCOMPARE(bar.contextBanner()->text(), u"The workspace context changed"_s);
        QVERIFY(bar.sharedByLabel()->isHidden());
        auto *refresh = bar.contextBanner()->findChild<QPushButton *>();
        QVERIFY(refresh && !refresh->isHidden());
        QTest::mouseClick(refresh, Qt::LeftButton);
        QVERIFY(refreshed.wait(10'000));
        QVERIFY(bar.contextBanner()->isHidden());
        const Chat answer = refreshed.first().first().value<Chat>();
        QVERIFY(answer.context && !answer.context->dirty && answer.context->hasResources);
        QCOMPARE(
            bar.contextButton()->text(), u"Context (%1)"_s.arg(answer.context->resources.size()));

        Chat shared = chat;
        shared.id = ChatId::createUuid();
        shared.ownerId = Demo::bob;
        shared.ownerName = u"Bob Okafor"_s;
        bar.setChat(shared, true);
        QVERIFY(bar.contextBanner()->isHidden());
        QVERIFY(!bar.sharedByLabel()->isHidden());
        QCOMPARE(bar.sharedByLabel()->text(), u"Shared by Bob Okafor \u00b7 read only"_s);
    }

    //! §20.12: a turn held for capacity: the single GET says queued_for_capacity, the bar polls
    //! while the chat runs and shows the callout; once a slot frees it goes.
    void infoBar_capacity_showsWhileHeld()
    {
        start({u"--capacity-limit"_s, u"1"_s, u"--delta-interval-ms"_s, u"40"_s});
        QVERIFY(m_sim->postControl(
            u"chats/"_s + Demo::mainChat.toString() + u"/turn"_s, {{u"scenario"_s, u"long"_s}}));
        QVERIFY(m_sim->postControl(
            u"chats/"_s + Demo::apiChat.toString() + u"/turn"_s, {{u"scenario"_s, u"quick"_s}}));
        ChatInfoBar bar;
        bar.setApi(m_api.get());
        bar.setPollInterval(50ms);
        Chat held;
        held.id = Demo::apiChat;
        held.ownerId = Demo::alice;
        held.status = ChatStatus::Running;
        bar.setChat(held, false);
        QTRY_VERIFY_WITH_TIMEOUT(!bar.capacityLabel()->isHidden(), 10'000);
        QVERIFY(bar.capacityLabel()->text().contains(u"Waiting for capacity"_s));
        // The slot frees (limit lifted): the next poll clears the callout.
        QVERIFY(m_sim->postControl(u"capacity"_s, {{u"limit"_s, 0}}));
        QTRY_VERIFY_WITH_TIMEOUT(bar.capacityLabel()->isHidden(), 10'000);
    }

    //! §20.3.4: read only means no composer, no Edit, disabled queue and tool controls.
    void conversation_readOnly_hidesTheWriteControls()
    {
        Icons icons;
        ConversationWidget widget(&icons, nullptr, nullptr);
        Chat chat;
        chat.id = Demo::mainChat;
        chat.ownerId = Demo::bob;
        chat.ownerName = u"Bob Okafor"_s;
        widget.setChatInfo(chat, true);
        QVERIFY(widget.isReadOnly());
        QVERIFY(widget.composer()->isHidden());
        QVERIFY(widget.chatView()->isReadOnly());
        QVERIFY(!widget.chatView()->editAction()->isEnabled());
        widget.setChatInfo(chat, false);
        QVERIFY(!widget.composer()->isHidden());
        QVERIFY(!widget.chatView()->isReadOnly());
    }

    //! §20.3.5: a chat owned by someone else is in "Shared with you", whatever its state; an
    //! archived one stays in "Archived".
    void listSection_sharedWithYou()
    {
        ChatListModel model;
        model.setCurrentUserId(Demo::alice);
        Chat own;
        own.id = Demo::pinnedChat;
        own.ownerId = Demo::alice;
        own.rootChatId = own.id;
        Chat shared;
        shared.id = Demo::mainChat;
        shared.ownerId = Demo::bob;
        shared.rootChatId = shared.id;
        shared.pinOrder = 1; // the owner's pin does not make it pinned here
        shared.status = ChatStatus::Error;
        Chat archived = shared;
        archived.id = Demo::apiChat;
        archived.rootChatId = archived.id;
        archived.archived = true;
        model.upsert(own);
        model.upsert(shared);
        model.upsert(archived);
        QCOMPARE(
            ChatListDelegate::sectionOf(model.indexOf(own.id)), ChatListDelegate::Section::Chats);
        QCOMPARE(ChatListDelegate::sectionOf(model.indexOf(shared.id)),
            ChatListDelegate::Section::SharedWithYou);
        QCOMPARE(ChatListDelegate::sectionOf(model.indexOf(archived.id)),
            ChatListDelegate::Section::Archived);
        // Until the user is known nothing counts as shared.
        model.setCurrentUserId({});
        QVERIFY(!model.isSharedWithMe(shared));
    }

private:
    void start(const QStringList &extra = {})
    {
        m_sim = std::make_unique<SimulatorProcess>(
            QStringList{u"--demo"_s, u"--generation"_s, u"newest"_s} + extra);
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_network = std::make_unique<QNetworkAccessManager>();
        m_api = signedInApi(
            m_network.get(), m_sim->baseUrl(), m_sim->token(), ApiClient::v2ChatsPrefix());
    }

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_api;
};

QTEST_MAIN(TestSharingWidgets)
#include "TestSharingWidgets.moc"
