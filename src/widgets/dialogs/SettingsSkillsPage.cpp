#include "widgets/dialogs/SettingsSkillsPage.h"

#include "core/api/ApiClient.h"
#include "ui_SettingsSkillsPage.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString skillTemplate()
{
    return u"---\nname: my-skill\ndescription: %1\n---\n%2\n"_s.arg(
        SettingsSkillsPage::tr("What the skill does"),
        SettingsSkillsPage::tr("Instructions for the agent."));
}

} // namespace

SettingsSkillsPage::SettingsSkillsPage(ApiClient *api, QWidget *parent)
    : SettingsAccountPage(api, parent)
    , m_ui(std::make_unique<Ui::SettingsSkillsPage>())
{
    m_ui->setupUi(this);
    setUpLabels(m_ui->skillsIntro, m_ui->skillsStatus);
    m_ui->skillsList->setMaximumWidth(200);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_ui->skillEditor->setFont(mono);
    connect(
        m_ui->skillsList, &QListWidget::currentRowChanged, this, &SettingsSkillsPage::showSkill);
    connect(m_ui->skillNewButton, &QPushButton::clicked, this, &SettingsSkillsPage::newSkill);
    connect(m_ui->skillSaveButton, &QPushButton::clicked, this, &SettingsSkillsPage::saveSkill);
    connect(m_ui->skillDeleteButton, &QPushButton::clicked, this, &SettingsSkillsPage::deleteSkill);
    connect(m_ui->userPromptSaveButton, &QPushButton::clicked, this,
        &SettingsSkillsPage::saveUserPrompt);
    m_ui->skillDeleteButton->setEnabled(false);
    reload();
}

SettingsSkillsPage::~SettingsSkillsPage() = default;

void SettingsSkillsPage::reload()
{
    if (!m_api)
        return;
    m_api->userSkills(this, [this](const ApiResult<QList<UserSkill>> &result) {
        if (!takeLoaded(result))
            return;
        const QString keep = m_editing;
        m_skills = result.value();
        m_ui->skillsList->blockSignals(true);
        m_ui->skillsList->clear();
        int select = -1;
        for (const UserSkill &skill : std::as_const(m_skills)) {
            auto *item = new QListWidgetItem(skill.name, m_ui->skillsList);
            item->setToolTip(skill.description);
            if (skill.name == keep)
                select = m_ui->skillsList->count() - 1;
        }
        m_ui->skillsList->setCurrentRow(select);
        m_ui->skillsList->blockSignals(false);
        m_ui->skillDeleteButton->setEnabled(select >= 0);
        if (m_skills.isEmpty() && m_ui->skillEditor->toPlainText().isEmpty())
            newSkill();
    });
    m_api->userPrompt(this, [this](const ApiResult<QString> &result) {
        if (result.ok())
            m_ui->userPromptEdit->setPlainText(result.value());
        else if (result.error().httpStatus != 404)
            m_ui->userPromptStatus->setText(result.error().toDisplayString());
    });
}

void SettingsSkillsPage::showSkill()
{
    const int row = m_ui->skillsList->currentRow();
    m_ui->skillDeleteButton->setEnabled(row >= 0);
    if (row < 0 || row >= m_skills.size() || !m_api)
        return;
    const QString name = m_skills.at(row).name;
    m_editing = name;
    m_ui->skillEditor->setPlainText(tr("Loading…"));
    m_ui->skillEditor->setEnabled(false);
    m_api->userSkill(name, this, [this, name](const ApiResult<UserSkill> &result) {
        if (name != m_editing)
            return;
        m_ui->skillEditor->setEnabled(true);
        if (!result.ok()) {
            m_ui->skillEditor->clear();
            showStatus(result.error().toDisplayString(), true);
            return;
        }
        m_ui->skillEditor->setPlainText(result.value().content);
    });
}

void SettingsSkillsPage::newSkill()
{
    m_editing.clear();
    m_ui->skillsList->blockSignals(true);
    m_ui->skillsList->setCurrentRow(-1);
    m_ui->skillsList->blockSignals(false);
    m_ui->skillDeleteButton->setEnabled(false);
    m_ui->skillEditor->setEnabled(true);
    m_ui->skillEditor->setPlainText(skillTemplate());
    m_ui->skillEditor->setFocus();
}

void SettingsSkillsPage::saveSkill()
{
    const QString content = m_ui->skillEditor->toPlainText();
    if (!m_api || content.trimmed().isEmpty())
        return;
    auto done = [this](const ApiResult<UserSkill> &result) {
        m_ui->skillSaveButton->setEnabled(true);
        if (!result.ok()) {
            // What the user wrote stays in the editor.
            showStatus(result.error().toDisplayString(), true);
            return;
        }
        m_editing = result.value().name;
        showStatus(tr("Saved the skill \"%1\". Type /%1 in a message to use it.")
                       .arg(result.value().name));
        reload();
    };
    m_ui->skillSaveButton->setEnabled(false);
    if (m_editing.isEmpty())
        m_api->createUserSkill(content, this, done);
    else
        m_api->updateUserSkill(m_editing, content, this, done);
}

void SettingsSkillsPage::deleteSkill()
{
    const int row = m_ui->skillsList->currentRow();
    if (!m_api || row < 0 || row >= m_skills.size())
        return;
    const QString name = m_skills.at(row).name;
    m_api->deleteUserSkill(name, this, [this, name](const ApiResult<NoContent> &result) {
        if (!result.ok()) {
            showStatus(result.error().toDisplayString(), true);
            return;
        }
        showStatus(tr("Deleted the skill \"%1\".").arg(name));
        m_editing.clear();
        m_ui->skillEditor->clear();
        reload();
    });
}

void SettingsSkillsPage::saveUserPrompt()
{
    if (!m_api)
        return;
    m_ui->userPromptSaveButton->setEnabled(false);
    m_api->setUserPrompt(
        m_ui->userPromptEdit->toPlainText(), this, [this](const ApiResult<QString> &result) {
            m_ui->userPromptSaveButton->setEnabled(true);
            m_ui->userPromptStatus->setText(result.ok()
                    ? tr("Saved. Your chats use these instructions from now on.")
                    : result.error().toDisplayString());
        });
}

} // namespace AgentDesk
