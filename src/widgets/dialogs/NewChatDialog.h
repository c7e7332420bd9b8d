#pragma once

#include "core/api/ApiTypes.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace AgentDesk {

namespace Ui {
class NewChatDialog;
}

class ApiClient;
class DraftStore;
class ModelConfigModel;
class EffortPicker;
class McpPicker;

//! Starts a chat (§14.2): a prompt, an optional workspace, the model and plan mode. Creates it
//! with ApiClient::createChat and reports the chat; the list learns of it from the reply and
//! from the watch feed. The prompt is kept as the new-chat draft until the chat exists. The
//! layout is ui/NewChatDialog.ui.
class NewChatDialog final : public QDialog
{
    Q_OBJECT

public:
    //! None of the pointers is owned; `models` may be null (the server's default model is used).
    NewChatDialog(ApiClient *api, ModelConfigModel *models, DraftStore *drafts,
        const OrganizationId &organizationId, QWidget *parent = nullptr);
    ~NewChatDialog() override;

    //! Clears the error, reloads workspaces and shows the dialog with open().
    void start();

signals:
    void chatCreated(const AgentDesk::Chat &chat);

private:
    void loadWorkspaces();
    void handleCreate();
    void updateCreateEnabled();

    ApiClient *m_api;
    ModelConfigModel *m_models;
    DraftStore *m_drafts;
    OrganizationId m_organizationId;
    std::unique_ptr<Ui::NewChatDialog> m_ui;
    QPushButton *m_create = nullptr;
    EffortPicker *m_effort = nullptr;
    McpPicker *m_mcp = nullptr;
    bool m_busy = false;
};

} // namespace AgentDesk
