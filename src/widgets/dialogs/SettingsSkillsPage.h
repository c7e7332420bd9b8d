#pragma once

#include "core/api/ApiAccountTypes.h"
#include "widgets/dialogs/SettingsAccountPage.h"

#include <memory>

namespace AgentDesk {

namespace Ui {
class SettingsSkillsPage;
}

//! Settings → Skills (§20.10): the user's personal skills (list, new, edit, delete; each is a
//! SKILL.md the server validates: front matter with a kebab-case name, a body) and the personal
//! instructions added to all their chats. The layout is ui/SettingsSkillsPage.ui.
class SettingsSkillsPage final : public SettingsAccountPage
{
    Q_OBJECT

public:
    SettingsSkillsPage(ApiClient *api, QWidget *parent = nullptr);
    ~SettingsSkillsPage() override;

    void reload() override;
    QList<UserSkill> skills() const { return m_skills; }

private:
    void showSkill();
    void newSkill();
    void saveSkill();
    void deleteSkill();
    void saveUserPrompt();

    std::unique_ptr<Ui::SettingsSkillsPage> m_ui;
    QList<UserSkill> m_skills;
    QString m_editing; //!< the name of the skill in the editor; empty = a new one
};

} // namespace AgentDesk
