#include "widgets/NewChatDialog.h"

#include "core/ApiClient.h"
#include "core/DraftStore.h"
#include "models/ModelConfigModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

NewChatDialog::NewChatDialog(ApiClient *api, ModelConfigModel *models, DraftStore *drafts,
    const OrganizationId &organizationId, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_models(models)
    , m_drafts(drafts)
    , m_organizationId(organizationId)
    , m_prompt(new QPlainTextEdit(this))
    , m_workspace(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_planMode(new QCheckBox(this))
    , m_error(new QLabel(this))
    , m_create(nullptr)
{
    setObjectName(u"newChatDialog"_s);
    setWindowTitle(tr("New Chat"));

    m_prompt->setObjectName(u"newChatPrompt"_s);
    m_prompt->setPlaceholderText(tr("What should the agent do?"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setAccessibleName(tr("Prompt"));
    m_workspace->setObjectName(u"newChatWorkspace"_s);
    m_workspace->addItem(tr("Let the agent choose"), QVariant::fromValue(WorkspaceId()));
    m_model->setObjectName(u"newChatModel"_s);
    if (m_models)
        m_model->setModel(m_models);
    else
        m_model->addItem(tr("Default model"));
    m_planMode->setObjectName(u"newChatPlanMode"_s);
    m_planMode->setText(tr("Plan first"));
    m_planMode->setToolTip(tr("The agent proposes a plan before it changes anything."));
    m_error->setObjectName(u"newChatError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(errorPalette);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Start Chat"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"newChatCreateButton"_s);
    m_create->setDefault(true);
    // Not connected to accept(): the dialog closes when the server has the chat.
    connect(m_create, &QPushButton::clicked, this, &NewChatDialog::handleCreate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, [this] {
        updateCreateEnabled();
        if (m_drafts) {
            Draft draft;
            draft.text = m_prompt->toPlainText();
            m_drafts->setDraft(DraftStore::newChatKey(), draft);
        }
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Workspace:"), m_workspace);
    form->addRow(tr("Model:"), m_model);
    form->addRow(QString(), m_planMode);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt, 1);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 360);

    if (m_drafts)
        m_prompt->setPlainText(m_drafts->draft(DraftStore::newChatKey()).text);
    updateCreateEnabled();
}

void NewChatDialog::start()
{
    m_error->setVisible(false);
    if (m_models && m_model->currentIndex() < 0)
        m_model->setCurrentIndex(m_models->defaultRow());
    loadWorkspaces();
    open();
    m_prompt->setFocus();
}

void NewChatDialog::loadWorkspaces()
{
    m_api->workspaces(this, [this](const ApiResult<QList<Workspace>> &result) {
        if (!result.ok())
            return; // the agent can still pick one; the picker just stays short
        const auto current = m_workspace->currentData().value<WorkspaceId>();
        while (m_workspace->count() > 1)
            m_workspace->removeItem(1);
        for (const Workspace &workspace : result.value()) {
            if (!m_organizationId.isNull() && !workspace.organizationId.isNull()
                && workspace.organizationId != m_organizationId)
                continue;
            const QString label = workspace.status.isEmpty()
                ? workspace.name
                : tr("%1 (%2)").arg(workspace.name, workspace.status);
            m_workspace->addItem(label, QVariant::fromValue(workspace.id));
            if (workspace.id == current)
                m_workspace->setCurrentIndex(m_workspace->count() - 1);
        }
    });
}

void NewChatDialog::updateCreateEnabled()
{
    m_create->setEnabled(!m_busy && !m_prompt->toPlainText().trimmed().isEmpty());
}

void NewChatDialog::handleCreate()
{
    const QString prompt = m_prompt->toPlainText().trimmed();
    if (prompt.isEmpty() || m_busy)
        return;
    CreateChatRequest request;
    request.organizationId = m_organizationId;
    request.content = {InputPart::fromText(prompt)};
    request.workspaceId = m_workspace->currentData().value<WorkspaceId>();
    if (m_models && m_model->currentIndex() >= 0) {
        request.modelConfigId = m_models->index(m_model->currentIndex())
                                    .data(ModelConfigModel::ModelConfigIdRole)
                                    .value<ModelConfigId>();
    }
    request.planMode = m_planMode->isChecked();

    m_busy = true;
    updateCreateEnabled();
    m_error->setVisible(false);
    m_api->createChat(request, this, [this](const ApiResult<Chat> &result) {
        m_busy = false;
        updateCreateEnabled();
        if (!result.ok()) {
            // The prompt stays: a failed create never loses what the user wrote.
            m_error->setText(result.error().toDisplayString());
            m_error->setVisible(true);
            return;
        }
        if (m_drafts)
            m_drafts->clear(DraftStore::newChatKey());
        m_prompt->blockSignals(true);
        m_prompt->clear();
        m_prompt->blockSignals(false);
        m_planMode->setChecked(false);
        emit chatCreated(result.value());
        accept();
    });
}

} // namespace AgentDesk
