#pragma once

#include <QDialog>

#include <memory>

namespace AgentDesk {

namespace Ui {
class RenameDialog;
}

//! Asks for a chat's new title (objectName renameDialog); the layout is ui/RenameDialog.ui.
//! OK stays disabled while the title is blank. Show it with open() and read title() on
//! accepted().
class RenameDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit RenameDialog(QWidget *parent = nullptr);
    ~RenameDialog() override;

    void setTitle(const QString &title);
    //! What the user typed, trimmed.
    QString title() const;

private:
    void updateOkEnabled();

    std::unique_ptr<Ui::RenameDialog> m_ui;
};

} // namespace AgentDesk
