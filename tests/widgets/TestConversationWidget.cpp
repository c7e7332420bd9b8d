// ConversationWidget against the real simulator: ApiClient + ChatSession + models built as the
// app builds them, the widgets driven by objectName.

#include "core/api/ApiClient.h"
#include "core/api/AttachmentUploads.h"
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "models/ChatSession.h"
#include "models/MessageListModel.h"
#include "models/ModelConfigModel.h"
#include "models/QueueModel.h"
#include "support/DemoIds.h"
#include "support/ScratchSettings.h"
#include "support/SimulatorApi.h"
#include "support/SimulatorProcess.h"
#include "support/TestGeneration.h"
#include "support/WidgetArtifacts.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/composer/MessageEdit.h"
#include "widgets/composer/ModelPicker.h"
#include "widgets/composer/SkillMenu.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ContextGauge.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/shell/ErrorBanner.h"
#include "widgets/shell/Icons.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

} // namespace

class TestConversationWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        // Run through ctest, which sets AGENTDESK_SIM; without it the test fails (never skips).
        QVERIFY2(!SimulatorProcess::executable().isEmpty(), "AGENTDESK_SIM is not set");
        m_live = std::make_unique<SimulatorApi>(
            QStringList{u"--demo"_s, u"--generation"_s, testGeneration(), u"--seed"_s, u"21"_s,
                u"--delta-interval-ms"_s, u"5"_s, u"--chats"_s, u"1"_s, u"--messages"_s, u"300"_s});
        QVERIFY2(m_live->start(), qPrintable(m_live->sim.errorString()));
        m_scratch = std::make_unique<ScratchSettings>();
        m_drafts = std::make_unique<DraftStore>(m_scratch->dir.filePath(u"drafts"_s));
        m_messages = std::make_unique<MessageListModel>();
        m_queue = std::make_unique<QueueModel>();
        m_session = std::make_unique<ChatSession>(
            m_live->api.get(), Demo::mainChat, m_messages.get(), m_queue.get());
        m_session->setReconnectPolicy(ReconnectPolicy::zeroDelay());
        m_uploads = std::make_unique<AttachmentUploads>(m_live->api.get());
        m_widget =
            std::make_unique<ConversationWidget>(&m_icons, &m_scratch->settings, m_drafts.get());
        m_widget->resize(1000, 800);
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    }
    void cleanup()
    {
        m_widget.reset();
        m_uploads.reset();
        m_session.reset();
        m_queue.reset();
        m_messages.reset();
        m_drafts.reset();
        m_scratch.reset();
        m_live.reset();
    }

    void emptyState_withoutSession()
    {
        auto *label = m_widget->findChild<QLabel *>(u"emptyStateLabel"_s);
        QVERIFY(label && label->isVisible());
        QVERIFY(label->text().contains(u"Ctrl+N"_s));
    }

    void streamedTurn_rowsGrow_thenWaiting()
    {
        open();
        const int rowsBefore = m_messages->rowCount();
        send(u"/scenario long stream it"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_messages->hasPreview(), 10'000);
        const QModelIndex preview = m_messages->index(m_messages->rowCount() - 1);
        const int heightBefore = view()->visualRect(preview).height();
        QTRY_VERIFY_WITH_TIMEOUT(!m_messages->hasPreview()
                || view()->visualRect(m_messages->index(m_messages->rowCount() - 1)).height()
                    > heightBefore + 20,
            20'000);
        if (m_messages->hasPreview()) {
            auto *stop = m_widget->findChild<QPushButton *>(u"stopButton"_s);
            QVERIFY(stop->isVisible());
            QVERIFY(saveArtifact(m_widget.get(), u"TestConversationWidget-midstream.png"_s));
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status() == ChatStatus::Waiting, 60'000);
        QTRY_VERIFY(m_messages->rowCount() > rowsBefore);
        QVERIFY(view()->isFollowing());
        QScrollBar *bar = view()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        QTRY_VERIFY(m_widget->findChild<QLabel *>(u"statusLabel"_s)->text().contains(u"Idle"_s));
        QVERIFY(saveArtifact(m_widget.get(), u"TestConversationWidget-done.png"_s));
    }

    void sendWhileRunning_isQueued_thenPromoted()
    {
        open();
        send(u"/scenario long first"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status() == ChatStatus::Running, 10'000);
        auto *hint = m_widget->findChild<QLabel *>(u"composerHint"_s);
        QTRY_VERIFY(hint->text().contains(u"queued"_s)); // statusChanged is published ~30 Hz
        send(u"/scenario quick second"_s);
        auto *panel = m_widget->findChild<QWidget *>(u"queuePanel"_s);
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 10'000);
        QVERIFY(saveArtifact(m_widget.get(), u"TestConversationWidget-queued.png"_s));
        auto *promote = panel->findChild<QToolButton *>(u"promoteButton"_s);
        QVERIFY(promote);
        QTest::mouseClick(promote, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isVisible(), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status() == ChatStatus::Waiting, 60'000);
    }

    void stop_interruptsAtOnce_marksTheAnswerStopped()
    {
        open();
        send(u"/scenario long to be stopped"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_messages->hasPreview(), 10'000);
        auto *stop = m_widget->findChild<QPushButton *>(u"stopButton"_s);
        QTRY_VERIFY(stop->isVisible());
        QTest::mouseClick(stop, Qt::LeftButton);
        auto *confirm = m_widget->findChild<ErrorBanner *>(u"confirmBanner"_s);
        QVERIFY(confirm && !confirm->isVisible()); // no second step
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status() == ChatStatus::Waiting, 20'000);
        QTRY_VERIFY(!stop->isVisible());
        // The answer the agent was writing is kept and marked as stopped.
        bool stopped = false;
        for (int row = 0; row < m_messages->rowCount(); ++row)
            stopped |= m_messages->index(row).data(MessageListModel::StoppedRole).toBool();
        QTRY_VERIFY(stopped);
    }

    void editEarlierMessage_replacesLaterRows()
    {
        open();
        QSignalSpy sent(m_session.get(), &ChatSession::messageSent);
        send(u"/scenario quick one"_s);
        QVERIFY(sent.wait(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(turnSettled(), 20'000);
        const int userRow = newestUserRow();
        QVERIFY(userRow >= 0);
        const auto edited =
            m_messages->index(userRow).data(MessageListModel::MessageIdRole).value<MessageId>();
        const MessageId newestBefore = *m_messages->newestId();
        QVERIFY(newestBefore > edited);

        view()->setCurrentIndex(m_messages->index(userRow));
        view()->editAction()->trigger();
        QVERIFY(m_widget->isEditing());
        QCOMPARE(m_widget->composer()->text(), u"/scenario quick one"_s);
        auto *confirm = m_widget->findChild<ErrorBanner *>(u"confirmBanner"_s);
        QVERIFY(confirm->isVisible());
        QVERIFY(confirm->text().contains(u"everything after it"_s));

        auto *edit = m_widget->findChild<MessageEdit *>(u"messageEdit"_s);
        edit->selectAll();
        QTest::keyClicks(edit, u"/scenario quick one, edited"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(!m_widget->isEditing());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (qint64 id = edited.value + 1; id <= newestBefore.value; ++id) {
                    if (m_messages->contains(MessageId{id}))
                        return false;
                }
                return true;
            }(),
            10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status() == ChatStatus::Waiting, 30'000);
    }

    void slashCompact_aSkillOfThatName_winsOverTheCommand()
    {
        // §20.6.2: a skill named `compact` takes precedence: "/compact" goes out as a message
        // instead of compacting. Legacy servers have neither skills nor the command's endpoint:
        // there the text is still taken as the command (and explained), never sent.
        const bool modern = testGeneration() != u"legacy"_s;
        if (modern) {
            bool done = false;
            m_live->api->createUserSkill(
                u"---\nname: compact\ndescription: Our own compaction\n---\n"
                u"Summarize tersely."_s,
                m_widget.get(), [&](const ApiResult<UserSkill> &result) {
                    QVERIFY2(result.ok(), qPrintable(result.error().message));
                    done = true;
                });
            QTRY_VERIFY(done);
        }
        m_widget->setUploader(m_live->api.get(), m_uploads.get(), OrganizationId());
        open();
        auto *edit = m_widget->findChild<MessageEdit *>(u"messageEdit"_s);
        auto *menu = m_widget->findChild<SkillMenu *>(u"skillMenu"_s);
        QVERIFY(edit && menu);
        QSignalSpy sent(m_session.get(), &ChatSession::messageSent);
        edit->setFocus();
        QTest::keyClicks(edit, u"/compact"_s);
        if (modern) {
            QTRY_VERIFY(menu->hasSkill(u"compact"_s));
            QTRY_VERIFY(menu->isVisible());
            QStringList triggers;
            for (const SkillMenu::Entry &entry : menu->entries())
                triggers << entry.trigger + u':' + entry.source;
            QVERIFY2(!triggers.contains(u"/compact:builtin"_s), qPrintable(triggers.join(u' ')));
            QVERIFY(triggers.contains(u"/compact:personal"_s));
            QVERIFY(triggers.contains(u"/clear:builtin"_s));
            QTest::keyClick(edit, Qt::Key_Return); // the menu inserts "/compact "
            QTRY_VERIFY(!menu->isVisible());
            QTest::keyClick(edit, Qt::Key_Return); // sends
            QTRY_COMPARE(sent.size(), 1);
            QTRY_VERIFY(m_messages->rowCount() > 0);
        } else {
            QTest::keyClick(edit, Qt::Key_Return);
            QTRY_VERIFY(m_widget->findChild<ErrorBanner *>(u"apiErrorBanner"_s)->isVisible());
            QCOMPARE(sent.size(), 0);
        }
    }

    void editMessage_sendsTheEffortOnlyWhenChanged()
    {
        // §20.8: the web sends reasoning_effort on an edit only when the user changed it.
        ModelConfig sonnet;
        sonnet.id = ModelConfigId::fromString(u"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b"_s);
        sonnet.provider = u"anthropic"_s;
        sonnet.model = u"claude-sonnet-4-5"_s;
        sonnet.displayName = u"Claude Sonnet 4.5"_s;
        sonnet.isDefault = true;
        sonnet.reasoningEfforts = {u"low"_s, u"medium"_s, u"high"_s};
        sonnet.defaultReasoningEffort = u"medium"_s;
        ModelConfigModel models;
        models.setModels({sonnet});
        m_widget->setModelConfigs(&models);
        auto *effort = m_widget->findChild<EffortPicker *>(u"reasoningEffortPicker"_s);
        QVERIFY(effort);
        QTRY_COMPARE(effort->effort(), u"medium"_s);
        open();
        QSignalSpy sent(m_session.get(), &ChatSession::messageSent);
        send(u"/scenario quick one"_s);
        QVERIFY(sent.wait(10'000));
        auto editBodies = [&] {
            QByteArray body;
            m_live->sim.request("GET", u"/__sim/requests?path=/messages/"_s, {}, &body);
            QList<QJsonObject> bodies;
            for (const QJsonValue &entry :
                QJsonDocument::fromJson(body).object().value(u"requests"_s).toArray()) {
                if (entry.toObject().value(u"method"_s).toString() == u"PATCH"_s)
                    bodies << entry.toObject().value(u"body"_s).toObject();
            }
            return bodies;
        };
        auto editLast = [&](const QString &text) {
            QTRY_VERIFY_WITH_TIMEOUT(turnSettled(), 20'000);
            const int userRow = newestUserRow();
            QVERIFY(userRow >= 0);
            view()->setCurrentIndex(m_messages->index(userRow));
            view()->editAction()->trigger();
            QVERIFY(m_widget->isEditing());
            auto *edit = m_widget->findChild<MessageEdit *>(u"messageEdit"_s);
            edit->selectAll();
            QTest::keyClicks(edit, text);
        };

        // Unchanged effort: left out of the edit.
        editLast(u"/scenario quick two"_s);
        QTest::keyClick(m_widget->findChild<MessageEdit *>(u"messageEdit"_s), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(editBodies().size(), 1, 10'000);
        QVERIFY(!editBodies().first().contains(u"reasoning_effort"_s));

        // Changed while editing: sent with the edit.
        editLast(u"/scenario quick three"_s);
        effort->setCurrentIndex(effort->findData(u"high"_s));
        QCOMPARE(effort->effort(), u"high"_s);
        QTest::keyClick(m_widget->findChild<MessageEdit *>(u"messageEdit"_s), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(editBodies().size(), 2, 10'000);
        QCOMPARE(editBodies().last().value(u"reasoning_effort"_s).toString(), u"high"_s);
        if (testGeneration() != u"legacy"_s) {
            // The server keeps it as the chat's last effort.
            QByteArray chat;
            QCOMPARE(m_live->sim.request(
                         "GET", testChatsPrefix() + u'/' + Demo::mainChat.toString(), {}, &chat),
                200);
            QCOMPARE(
                QJsonDocument::fromJson(chat).object().value(u"last_reasoning_effort"_s).toString(),
                u"high"_s);
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status() == ChatStatus::Waiting, 30'000);
        m_widget->setModelConfigs(nullptr);
    }

    void gauge_usesTheUsersThresholdForTheModel()
    {
        // §20.6.3/§20.6.4: the user's override for the chat's model, else the model's own.
        ModelConfig sonnet;
        sonnet.id = ModelConfigId::fromString(u"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b"_s);
        sonnet.model = u"claude-sonnet-4-5"_s;
        sonnet.isDefault = true;
        sonnet.contextLimit = 200'000;
        sonnet.compressionThreshold = 70;
        ModelConfigModel models;
        models.setModels({sonnet});
        const bool modern = testGeneration() != u"legacy"_s;
        if (modern) {
            QByteArray answer;
            QCOMPARE(m_live->sim.request("PUT",
                         testChatsPrefix() + u"/config/user-compaction-thresholds/"_s
                             + sonnet.id.toString(),
                         R"({"threshold_percent": 15})", &answer),
                200);
        }
        m_widget->setUploader(m_live->api.get(), m_uploads.get(), OrganizationId());
        m_widget->setModelConfigs(&models);
        open();
        ContextGauge *gauge = m_widget->contextGauge();
        QTRY_VERIFY_WITH_TIMEOUT(gauge->level() != ContextGauge::Level::Unknown, 10'000);
        // Legacy servers have neither the overrides nor compaction: the model's threshold.
        QTRY_COMPARE(gauge->reading().threshold, modern ? 15 : 70);
        m_widget->setModelConfigs(nullptr);
    }

    void failedSend_showsCodersMessage_andKeepsText()
    {
        open();
        QVERIFY(m_live->sim.setFaults(QJsonObject{{u"fail_route"_s,
            QJsonObject{{u"pattern"_s, u"/messages$"_s}, {u"status"_s, 500},
                {u"method"_s, u"POST"_s}, {u"count"_s, 1}}}}));
        QSignalSpy failed(m_session.get(), &ChatSession::sendFailed);
        send(u"please keep me"_s);
        QVERIFY(failed.wait(10'000));
        const auto error = failed.first().at(1).value<ApiError>();
        auto *banner = m_widget->findChild<ErrorBanner *>(u"apiErrorBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(error.message), qPrintable(banner->text()));
        QCOMPARE(m_widget->composer()->text(), u"please keep me"_s);
        QVERIFY(!m_widget->composer()->errorText().isEmpty());
        QVERIFY(saveArtifact(m_widget.get(), u"TestConversationWidget-send-failed.png"_s));
    }

    //! Memory falls back: back at the bottom after paging the history in, the widget trims it
    //! to the newest messages; scrolling up fetches the rest again, in order.
    void backAtBottomAfterPaging_trimsHistory_scrollingUpFetchesItAgain()
    {
        ChatId seeded;
        m_live->api->listChats({}, this, [&](const ApiResult<QList<Chat>> &result) {
            QVERIFY(result.ok());
            for (const Chat &chat : result.value()) {
                if (chat.title == u"Seeded history")
                    seeded = chat.id;
            }
        });
        QTRY_VERIFY(!seeded.isNull());
        m_session = std::make_unique<ChatSession>(
            m_live->api.get(), seeded, m_messages.get(), m_queue.get());
        QSignalSpy loaded(m_session.get(), &ChatSession::historyLoaded);
        m_widget->setSession(m_session.get(), m_messages.get(), m_queue.get(), u"Seeded"_s);
        m_session->open();
        QVERIFY(loaded.wait(10'000));
        view()->setSettleInterval(std::chrono::milliseconds(100));
        QScrollBar *bar = view()->verticalScrollBar();
        const auto scrollUpUntilAllIn = [&] {
            for (int step = 0; step < 50 && m_messages->rowCount() < 300; ++step) {
                const int rows = m_messages->rowCount();
                bar->setValue(0);
                QTRY_VERIFY_WITH_TIMEOUT(m_messages->rowCount() > rows, 10'000);
                // The view keeps the reader's place once the older page is laid out; only then
                // is the top a place to scroll to again (a loaded machine lays out late).
                QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0 || !m_session->canLoadOlder(), 10'000);
            }
        };
        scrollUpUntilAllIn();
        QCOMPARE(m_messages->rowCount(), 300);
        QVERIFY(!m_session->canLoadOlder());
        QList<MessageId> all;
        for (int row = 0; row < m_messages->rowCount(); ++row)
            all << m_messages->index(row).data(MessageListModel::MessageIdRole).value<MessageId>();

        view()->scrollToBottomAndFollow();
        QTRY_COMPARE_WITH_TIMEOUT(m_messages->rowCount(), 2 * ChatSession::pageSize, 10'000);
        QCOMPARE(m_messages->newestId(), all.constLast());
        QVERIFY(m_session->canLoadOlder());
        QTRY_COMPARE(bar->value(), bar->maximum()); // still at the bottom

        scrollUpUntilAllIn();
        QList<MessageId> again;
        for (int row = 0; row < m_messages->rowCount(); ++row)
            again
                << m_messages->index(row).data(MessageListModel::MessageIdRole).value<MessageId>();
        QCOMPARE(again, all);
        m_widget->setSession(nullptr, nullptr, nullptr, QString());
    }

private:
    ChatView *view() const { return m_widget->chatView(); }

    //! The turn has ended and its reply's row is published (the status may turn to waiting
    //! before that).
    bool turnSettled() const
    {
        return m_session->status() == ChatStatus::Waiting
            && m_messages->newestId() == m_session->assembler().lastCommittedId()
            && m_messages->index(m_messages->rowCount() - 1)
                   .data(MessageListModel::RoleRole)
                   .value<MessageRole>()
            != MessageRole::User;
    }

    //! The row of the newest message the user wrote, -1 if there is none.
    int newestUserRow() const
    {
        for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
            if (m_messages->index(row).data(MessageListModel::RoleRole).value<MessageRole>()
                == MessageRole::User)
                return row;
        }
        return -1;
    }

    void open()
    {
        QSignalSpy loaded(m_session.get(), &ChatSession::historyLoaded);
        m_widget->setSession(m_session.get(), m_messages.get(), m_queue.get(), u"Demo chat"_s);
        m_session->open();
        QVERIFY(loaded.wait(10'000));
        QTRY_COMPARE(m_session->connectionState(), ConnectionState::Live);
        QTRY_COMPARE(m_session->status(), ChatStatus::Waiting);
        QVERIFY(m_widget->findChild<ChatView *>(u"chatView"_s)->isVisible());
    }

    void send(const QString &text)
    {
        auto *edit = m_widget->findChild<MessageEdit *>(u"messageEdit"_s);
        QVERIFY(edit);
        edit->setFocus();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

    Icons m_icons;
    std::unique_ptr<SimulatorApi> m_live;
    std::unique_ptr<AttachmentUploads> m_uploads;
    std::unique_ptr<ScratchSettings> m_scratch;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<MessageListModel> m_messages;
    std::unique_ptr<QueueModel> m_queue;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<ConversationWidget> m_widget;
};

QTEST_MAIN(TestConversationWidget)
#include "TestConversationWidget.moc"
