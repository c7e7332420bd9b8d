#include "widgets/dialogs/NewChatDialog.h"

#include "core/api/ApiClient.h"
#include "core/storage/DraftStore.h"
#include "models/ModelConfigModel.h"
#include "ui_NewChatDialog.h"
#include "widgets/composer/McpPicker.h"
#include "widgets/composer/ModelPicker.h"

#include <QHBoxLayout>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace AgentDesk {

NewChatDialog::NewChatDialog(ApiClient *api, ModelConfigModel *models, DraftStore *drafts,
    const OrganizationId &organizationId, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_models(models)
    , m_drafts(drafts)
    , m_organizationId(organizationId)
    , m_ui(std::make_unique<Ui::NewChatDialog>())
{
    m_ui->setupUi(this);
    // §20.8 effort and §20.9 MCP servers, under the model.
    m_effort = new EffortPicker(this);
    m_mcp = new McpPicker(this);
    m_mcp->setObjectName(u"newChatMcpPicker"_s);
    auto *steering = new QHBoxLayout;
    steering->addWidget(m_effort);
    steering->addWidget(m_mcp);
    steering->addStretch(1);
    m_ui->newChatForm->insertRow(2, QString(), steering);
    m_mcp->setApi(api, organizationId);
    if (m_models) {
        connect(m_ui->newChatModel, &QComboBox::currentIndexChanged, this,
            [this](int row) { m_effort->setModelConfig(m_models->modelConfig(row)); });
    }
    m_ui->newChatWorkspace->addItem(tr("Let the agent choose"), QVariant::fromValue(WorkspaceId()));
    if (m_models)
        m_ui->newChatModel->setModel(m_models);
    else
        m_ui->newChatModel->addItem(tr("Default model"));
    QPalette errorPalette = m_ui->newChatError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_ui->newChatError->setPalette(errorPalette);
    m_ui->newChatError->setVisible(false);

    m_create = m_ui->newChatButtons->addButton(tr("Start Chat"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"newChatCreateButton"_s);
    m_create->setDefault(true);
    // Not connected to accept(): the dialog closes when the server has the chat.
    connect(m_create, &QPushButton::clicked, this, &NewChatDialog::handleCreate);
    connect(m_ui->newChatButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->newChatPrompt, &QPlainTextEdit::textChanged, this, [this] {
        updateCreateEnabled();
        if (m_drafts) {
            Draft draft;
            draft.text = m_ui->newChatPrompt->toPlainText();
            m_drafts->setDraft(DraftStore::newChatKey(), draft);
        }
    });

    if (m_drafts)
        m_ui->newChatPrompt->setPlainText(m_drafts->draft(DraftStore::newChatKey()).text);
    updateCreateEnabled();
}

NewChatDialog::~NewChatDialog() = default;

void NewChatDialog::start()
{
    m_ui->newChatError->setVisible(false);
    if (m_models && m_ui->newChatModel->currentIndex() < 0)
        m_ui->newChatModel->setCurrentIndex(m_models->defaultRow());
    loadWorkspaces();
    m_mcp->refresh();
    open();
    m_ui->newChatPrompt->setFocus();
}

void NewChatDialog::loadWorkspaces()
{
    m_api->workspaces(this, [this](const ApiResult<QList<Workspace>> &result) {
        if (!result.ok())
            return; // the agent can still pick one; the picker just stays short
        const auto current = m_ui->newChatWorkspace->currentData().value<WorkspaceId>();
        while (m_ui->newChatWorkspace->count() > 1)
            m_ui->newChatWorkspace->removeItem(1);
        for (const Workspace &workspace : result.value()) {
            if (!m_organizationId.isNull() && !workspace.organizationId.isNull()
                && workspace.organizationId != m_organizationId)
                continue;
            const QString label = workspace.status.isEmpty()
                ? workspace.name
                : tr("%1 (%2)").arg(workspace.name, workspace.status);
            m_ui->newChatWorkspace->addItem(label, QVariant::fromValue(workspace.id));
            if (workspace.id == current)
                m_ui->newChatWorkspace->setCurrentIndex(m_ui->newChatWorkspace->count() - 1);
        }
    });
}

void NewChatDialog::updateCreateEnabled()
{
    m_create->setEnabled(!m_busy && !m_ui->newChatPrompt->toPlainText().trimmed().isEmpty());
}

void NewChatDialog::handleCreate()
{
    const QString prompt = m_ui->newChatPrompt->toPlainText().trimmed();
    if (prompt.isEmpty() || m_busy)
        return;
    CreateChatRequest request;
    request.organizationId = m_organizationId;
    request.content = {InputPart::fromText(prompt)};
    request.workspaceId = m_ui->newChatWorkspace->currentData().value<WorkspaceId>();
    if (m_models && m_ui->newChatModel->currentIndex() >= 0) {
        request.modelConfigId = m_models->index(m_ui->newChatModel->currentIndex())
                                    .data(ModelConfigModel::ModelConfigIdRole)
                                    .value<ModelConfigId>();
    }
    request.planMode = m_ui->newChatPlanMode->isChecked();
    if (!request.modelConfigId.isNull())
        request.reasoningEffort = m_effort->effort();
    request.mcpServerIds = m_mcp->selectedIds().value_or(QList<QUuid>());

    m_busy = true;
    updateCreateEnabled();
    m_ui->newChatError->setVisible(false);
    m_api->createChat(request, this, [this](const ApiResult<Chat> &result) {
        m_busy = false;
        updateCreateEnabled();
        if (!result.ok()) {
            // The prompt stays: a failed create never loses what the user wrote.
            m_ui->newChatError->setText(result.error().toDisplayString());
            m_ui->newChatError->setVisible(true);
            return;
        }
        if (m_drafts)
            m_drafts->clear(DraftStore::newChatKey());
        m_ui->newChatPrompt->blockSignals(true);
        m_ui->newChatPrompt->clear();
        m_ui->newChatPrompt->blockSignals(false);
        m_ui->newChatPlanMode->setChecked(false);
        emit chatCreated(result.value());
        accept();
    });
}

} // namespace AgentDesk
