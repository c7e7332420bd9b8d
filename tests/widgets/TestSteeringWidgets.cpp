// The §20.8–§20.10 widgets on their own (offscreen): the model picker's grouping, order,
// disabled rows and filter; the effort picker's preselection; the "/" menu's aliases.

#include "models/ModelConfigModel.h"
#include "widgets/composer/ModelPicker.h"
#include "widgets/composer/SkillMenu.h"

#include <QFrame>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

ModelConfig model(const QString &name, const QString &provider, bool isDefault = false,
    bool available = true, const QStringList &efforts = {}, const QString &defaultEffort = {})
{
    ModelConfig m;
    m.id = ModelConfigId(QUuid::createUuid());
    m.provider = provider.toLower();
    m.providerDisplayName = provider;
    m.model = name.toLower();
    m.displayName = name;
    m.isDefault = isDefault;
    m.available = available;
    m.unavailableReason = available ? QString() : u"user_api_key_required"_s;
    m.reasoningEfforts = efforts;
    m.defaultReasoningEffort = defaultEffort;
    return m;
}

QStringList visibleModels(QTreeWidget *tree)
{
    QStringList names;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        for (int c = 0; c < tree->topLevelItem(g)->childCount(); ++c) {
            QTreeWidgetItem *item = tree->topLevelItem(g)->child(c);
            if (!item->isHidden())
                names << item->text(0).trimmed();
        }
    }
    return names;
}

} // namespace

class TestSteeringWidgets : public QObject
{
    Q_OBJECT

private slots:
    void modelPicker_groupsByProvider_defaultFirst_unavailableDisabled()
    {
        ModelConfigModel models;
        models.setModels({model(u"GPT-5"_s, u"OpenAI"_s), model(u"Opus"_s, u"Anthropic"_s),
            model(u"Sonnet"_s, u"Anthropic"_s, true),
            model(u"Gemini"_s, u"Google"_s, false, false)});
        ModelPicker picker;
        picker.setModel(&models);
        picker.setCurrentIndex(models.defaultRow());
        picker.show();
        picker.showPopup();
        QVERIFY(picker.popup() && picker.popup()->isVisible());
        auto *tree = picker.popup()->findChild<QTreeWidget *>(u"modelPickerList"_s);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), u"Anthropic"_s); // the default's group first
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0).trimmed(), u"Sonnet (default)"_s);
        QCOMPARE(tree->topLevelItem(0)->child(1)->text(0).trimmed(), u"Opus"_s);
        QTreeWidgetItem *gemini = tree->topLevelItem(2)->child(0);
        QVERIFY(!(gemini->flags() & Qt::ItemIsEnabled));
        QVERIFY(gemini->text(0).contains(u"Add your API key"_s));
        picker.hidePopup();
    }

    void modelPicker_filterAsYouType_enterPicks_disabledNever()
    {
        ModelConfigModel models;
        models.setModels({model(u"Sonnet"_s, u"Anthropic"_s, true), model(u"GPT-5"_s, u"OpenAI"_s),
            model(u"Gemini"_s, u"Google"_s, false, false)});
        ModelPicker picker;
        picker.setModel(&models);
        picker.setCurrentIndex(0);
        picker.show();
        QSignalSpy activated(&picker, &QComboBox::activated);
        picker.showPopup();
        auto *filter = picker.popup()->findChild<QLineEdit *>(u"modelPickerFilter"_s);
        auto *tree = picker.popup()->findChild<QTreeWidget *>(u"modelPickerList"_s);
        QTest::keyClicks(filter, u"gem"_s);
        QCOMPARE(visibleModels(tree).size(), 1);
        QTest::keyClick(filter, Qt::Key_Return); // only a disabled row matches: nothing happens
        QCOMPARE(activated.count(), 0);
        QCOMPARE(picker.currentIndex(), 0);
        filter->clear();
        QTest::keyClicks(filter, u"openai"_s); // the provider's name matches too
        QCOMPARE(visibleModels(tree), QStringList{u"GPT-5"_s});
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(picker.currentIndex(), 1);
        QVERIFY(!picker.popup()->isVisible());
    }

    void effortPicker_preselectsDefault_keepsTheUsersChoice_hidesWithoutEfforts()
    {
        QWidget host;
        EffortPicker effort(&host);
        host.show();
        const ModelConfig a =
            model(u"A"_s, u"P"_s, true, true, {u"low"_s, u"medium"_s, u"high"_s}, u"high"_s);
        const ModelConfig b = model(u"B"_s, u"P"_s, false, true, {u"low"_s, u"medium"_s});
        const ModelConfig c = model(u"C"_s, u"P"_s);
        effort.setModelConfig(&a);
        QVERIFY(effort.isVisible());
        QCOMPARE(effort.effort(), u"high"_s);
        QCOMPARE(effort.count(), 3);
        effort.setFocus();
        QTest::keyClick(&effort, Qt::Key_Up); // the user picks medium
        QCOMPARE(effort.effort(), u"medium"_s);
        effort.setModelConfig(&b); // b has no default but offers the user's medium
        QCOMPARE(effort.effort(), u"medium"_s);
        effort.setModelConfig(&c);
        QVERIFY(!effort.isVisible());
        QVERIFY(effort.effort().isEmpty());
        // Another chat: its last effort beats the model's default; the old pick is forgotten.
        effort.setChatEffort(u"low"_s);
        effort.setModelConfig(&a);
        QCOMPARE(effort.effort(), u"low"_s);
        effort.setChatEffort(u"xhigh"_s); // not offered by a: the default
        effort.setModelConfig(&a);
        QCOMPARE(effort.effort(), u"high"_s);
    }

    void skillMenu_mergeEntries_aliasesNamesInBothSources()
    {
        auto skill = [](const QString &name) {
            UserSkill s;
            s.name = name;
            return s;
        };
        const QList<SkillMenu::Entry> entries = SkillMenu::mergeEntries(
            {skill(u"deploy"_s), skill(u"review"_s)}, {skill(u"review"_s), skill(u"csv"_s)}, true);
        QStringList triggers;
        for (const SkillMenu::Entry &entry : entries)
            triggers << entry.trigger;
        QCOMPARE(triggers,
            (QStringList{u"/compact"_s, u"/clear"_s, u"/deploy"_s, u"/personal/review"_s,
                u"/workspace/review"_s, u"/csv"_s}));
        const QList<SkillMenu::Entry> older =
            SkillMenu::mergeEntries({skill(u"deploy"_s)}, {}, false);
        QCOMPARE(older.size(), 1);
        QCOMPARE(older.first().trigger, u"/deploy"_s);
    }

    void skillMenu_aSkillNamedLikeACommand_replacesTheCommand()
    {
        // §20.6.2: a skill with the same name takes precedence over /compact and /clear.
        UserSkill compact;
        compact.name = u"compact"_s;
        UserSkill clear;
        clear.name = u"clear"_s;
        auto triggers = [](const QList<SkillMenu::Entry> &entries) {
            QStringList list;
            for (const SkillMenu::Entry &entry : entries)
                list << entry.trigger + u':' + entry.source;
            return list;
        };
        QCOMPARE(triggers(SkillMenu::mergeEntries({compact}, {}, true)),
            (QStringList{u"/clear:builtin"_s, u"/compact:personal"_s}));
        QCOMPARE(triggers(SkillMenu::mergeEntries({}, {clear}, true)),
            (QStringList{u"/compact:builtin"_s, u"/clear:workspace"_s}));
    }

    void skillMenu_withoutServer_slashIsJustText()
    {
        QWidget window;
        auto *edit = new QPlainTextEdit(&window);
        auto *menu = new SkillMenu(edit);
        window.show();
        edit->setFocus();
        QTest::keyClicks(edit, u"/"_s);
        QVERIFY(!menu->isVisible());
        QTest::keyClick(edit, Qt::Key_Return); // not swallowed: a new line
        QCOMPARE(edit->toPlainText(), u"/\n"_s);
    }
};

QTEST_MAIN(TestSteeringWidgets)
#include "TestSteeringWidgets.moc"
