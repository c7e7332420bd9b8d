#pragma once

#include <QDialog>
#include <QMap>

#include <memory>

namespace AgentDesk {

namespace Ui {
class LabelsDialog;
}

//! Edits a chat's labels as "key:value" pairs separated by commas (objectName labelsDialog);
//! the layout is ui/LabelsDialog.ui. Show it with open() and read labels() on accepted().
class LabelsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit LabelsDialog(QWidget *parent = nullptr);
    ~LabelsDialog() override;

    void setLabels(const QMap<QString, QString> &labels);
    QMap<QString, QString> labels() const;

    //! "a:1, b:2" → {a: 1, b: 2}. Pairs without a key are skipped; keys and values trimmed.
    static QMap<QString, QString> parseLabels(const QString &text);
    static QString formatLabels(const QMap<QString, QString> &labels);

private:
    std::unique_ptr<Ui::LabelsDialog> m_ui;
};

} // namespace AgentDesk
