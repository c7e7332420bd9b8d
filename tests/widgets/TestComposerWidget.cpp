// Offscreen tests of ComposerWidget and MessageEdit, driven by objectName.

#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "models/ModelConfigModel.h"
#include "support/ScratchSettings.h"
#include "support/WidgetArtifacts.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/composer/MessageEdit.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

ModelConfig model(const QString &name, bool isDefault, bool available, const QString &reason = {})
{
    ModelConfig config;
    config.id = ModelConfigId::createUuid();
    config.provider = u"anthropic"_s;
    config.providerDisplayName = u"Anthropic"_s;
    config.model = name;
    config.displayName = name;
    config.isDefault = isDefault;
    config.available = available;
    config.unavailableReason = reason;
    return config;
}

QString sentText(const QSignalSpy &spy, int i)
{
    const auto content = spy.at(i).first().value<QList<InputPart>>();
    return content.isEmpty() ? QString() : content.first().text;
}

} // namespace

class TestComposerWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<QList<InputPart>>();
    }

    void init()
    {
        m_scratch = std::make_unique<ScratchSettings>(); // fresh drafts and settings per test
        QVERIFY(m_scratch->dir.isValid());
        m_drafts = std::make_unique<DraftStore>(m_scratch->dir.filePath(u"drafts"_s));
        m_drafts->setSaveDelay(0);
        m_composer =
            std::make_unique<ComposerWidget>(nullptr, &m_scratch->settings, m_drafts.get());
        m_composer->resize(700, 140);
        m_composer->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_composer.get()));
        m_edit = m_composer->findChild<MessageEdit *>(u"messageEdit"_s);
        QVERIFY(m_edit);
    }
    void cleanup()
    {
        m_composer.reset();
        m_scratch.reset();
        m_drafts.reset();
    }

    void enter_sends_shiftEnter_breaksLine()
    {
        QSignalSpy spy(m_composer.get(), &ComposerWidget::sendRequested);
        m_edit->setFocus();
        QTest::keyClicks(m_edit, u"first line"_s);
        QTest::keyClick(m_edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(m_edit, u"second"_s);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(m_edit->toPlainText(), u"first line\nsecond"_s);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(sentText(spy, 0), u"first line\nsecond"_s);
        QVERIFY(m_edit->toPlainText().isEmpty());
        QTest::keyClick(m_edit, Qt::Key_Return); // empty: nothing to send
        QCOMPARE(spy.count(), 1);
    }

    void ctrlEnterMode_enterBreaksLine_ctrlEnterSends()
    {
        m_composer->setSendKey(AppSettings::SendKey::CtrlEnter);
        QSignalSpy spy(m_composer.get(), &ComposerWidget::sendRequested);
        QTest::keyClicks(m_edit, u"a"_s);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QTest::keyClicks(m_edit, u"b"_s);
        QCOMPARE(spy.count(), 0);
        QTest::keyClick(m_edit, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(sentText(spy, 0), u"a\nb"_s);
    }

    void up_inEmptyEditor_recallsLastSent()
    {
        QTest::keyClicks(m_edit, u"remember me"_s);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QVERIFY(m_edit->toPlainText().isEmpty());
        QTest::keyClick(m_edit, Qt::Key_Up);
        QCOMPARE(m_edit->toPlainText(), u"remember me"_s);
    }

    void draft_isRestoredAfterRecreatingTheWidget()
    {
        m_composer->setDraftKey(u"chat-a"_s);
        QTest::keyClicks(m_edit, u"half-written thought"_s);
        m_composer->setDraftKey(u"chat-b"_s);
        QVERIFY(m_edit->toPlainText().isEmpty());
        m_composer->setDraftKey(u"chat-a"_s);
        QCOMPARE(m_edit->toPlainText(), u"half-written thought"_s);

        m_composer.reset();
        m_drafts.reset(); // flushes
        m_drafts = std::make_unique<DraftStore>(m_scratch->dir.filePath(u"drafts"_s));
        m_composer =
            std::make_unique<ComposerWidget>(nullptr, &m_scratch->settings, m_drafts.get());
        m_composer->setDraftKey(u"chat-a"_s);
        QCOMPARE(m_composer->text(), u"half-written thought"_s);
    }

    void send_keepsDraftUntilSuccess_failureRestoresText()
    {
        m_composer->setDraftKey(u"chat-a"_s);
        QSignalSpy spy(m_composer.get(), &ComposerWidget::sendRequested);
        QTest::keyClicks(m_edit, u"important message"_s);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QVERIFY(m_composer->text().isEmpty());
        QCOMPARE(m_drafts->draft(u"chat-a"_s).text, u"important message"_s); // not yet cleared

        m_composer->sendFailed(u"chat-a"_s, u"important message"_s, u"Internal error (500)"_s);
        QCOMPARE(m_composer->text(), u"important message"_s);
        QCOMPARE(m_composer->errorText(), u"Internal error (500)"_s);
        auto *error = m_composer->findChild<QLabel *>(u"composerError"_s);
        QVERIFY(error && error->isVisible());
        QVERIFY(saveArtifact(m_composer.get(), u"TestComposerWidget-failed.png"_s));

        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(spy.count(), 2);
        m_composer->sendSucceeded(u"chat-a"_s);
        QVERIFY(m_drafts->draft(u"chat-a"_s).text.isEmpty());
    }

    void modelPicker_preselectsDefault_disablesUnavailable()
    {
        ModelConfigModel models;
        const QList<ModelConfig> list{model(u"claude-haiku"_s, false, true),
            model(u"claude-sonnet"_s, true, true),
            model(u"gpt-5"_s, false, false, u"missing_api_key"_s)};
        models.setModels(list);
        m_composer->setModelConfigs(&models);
        auto *picker = m_composer->findChild<QComboBox *>(u"modelPicker"_s);
        QVERIFY(picker);
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->currentText(), u"claude-sonnet"_s);
        QCOMPARE(m_composer->selectedModelConfigId(), std::optional(list.at(1).id));
        const QModelIndex unavailable = picker->model()->index(2, 0);
        QVERIFY(!(picker->model()->flags(unavailable) & Qt::ItemIsEnabled));
        QVERIFY(unavailable.data(Qt::ToolTipRole).toString().contains(u"API key"_s));
        m_composer->setSelectedModelConfigId(list.at(2).id); // cannot be chosen
        QCOMPARE(picker->currentText(), u"claude-sonnet"_s);
        m_composer->setSelectedModelConfigId(list.at(0).id);
        QCOMPARE(picker->currentText(), u"claude-haiku"_s);

        auto *plan = m_composer->findChild<QToolButton *>(u"planModeToggle"_s);
        QVERIFY(plan);
        QTest::mouseClick(plan, Qt::LeftButton);
        QVERIFY(m_composer->isPlanMode());
    }

    void active_showsStopWhichEmitsInterrupt()
    {
        auto *stop = m_composer->findChild<QPushButton *>(u"stopButton"_s);
        auto *send = m_composer->findChild<QPushButton *>(u"sendButton"_s);
        QVERIFY(stop && send);
        QVERIFY(!stop->isVisible());
        m_composer->setChatActive(true);
        QVERIFY(stop->isVisible());
        auto *hint = m_composer->findChild<QLabel *>(u"composerHint"_s);
        QVERIFY(hint->text().contains(u"queued"_s));
        QVERIFY(saveArtifact(m_composer.get(), u"TestComposerWidget-active.png"_s));
        QSignalSpy spy(m_composer.get(), &ComposerWidget::interruptRequested);
        QTest::mouseClick(stop, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        m_composer->setChatActive(false);
        QVERIFY(!stop->isVisible());
    }

private:
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<ScratchSettings> m_scratch;
    std::unique_ptr<ComposerWidget> m_composer;
    MessageEdit *m_edit = nullptr;
};

QTEST_MAIN(TestComposerWidget)
#include "TestComposerWidget.moc"
