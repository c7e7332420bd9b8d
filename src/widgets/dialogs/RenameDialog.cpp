#include "widgets/dialogs/RenameDialog.h"

#include "ui_RenameDialog.h"

#include <QPushButton>

namespace AgentDesk {

RenameDialog::RenameDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RenameDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->renameButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->renameButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->renameTitleEdit, &QLineEdit::textChanged, this, &RenameDialog::updateOkEnabled);
    updateOkEnabled();
}

RenameDialog::~RenameDialog() = default;

void RenameDialog::setTitle(const QString &title)
{
    m_ui->renameTitleEdit->setText(title);
    m_ui->renameTitleEdit->selectAll();
}

QString RenameDialog::title() const
{
    return m_ui->renameTitleEdit->text().trimmed();
}

void RenameDialog::updateOkEnabled()
{
    m_ui->renameButtons->button(QDialogButtonBox::Ok)->setEnabled(!title().isEmpty());
}

} // namespace AgentDesk
