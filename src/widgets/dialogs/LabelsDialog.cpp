#include "widgets/dialogs/LabelsDialog.h"

#include "ui_LabelsDialog.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

LabelsDialog::LabelsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LabelsDialog>())
{
    m_ui->setupUi(this);
    m_ui->labelsHint->setForegroundRole(QPalette::PlaceholderText);
    connect(m_ui->labelsButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->labelsButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

LabelsDialog::~LabelsDialog() = default;

void LabelsDialog::setLabels(const QMap<QString, QString> &labels)
{
    m_ui->labelsEdit->setText(formatLabels(labels));
}

QMap<QString, QString> LabelsDialog::labels() const
{
    return parseLabels(m_ui->labelsEdit->text());
}

QMap<QString, QString> LabelsDialog::parseLabels(const QString &text)
{
    QMap<QString, QString> labels;
    for (const QString &pair : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = pair.indexOf(u':');
        if (colon < 0)
            continue;
        const QString key = pair.left(colon).trimmed();
        if (key.isEmpty())
            continue;
        labels.insert(key, pair.mid(colon + 1).trimmed());
    }
    return labels;
}

QString LabelsDialog::formatLabels(const QMap<QString, QString> &labels)
{
    QStringList pairs;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        pairs.append(it.key() + u':' + it.value());
    return pairs.join(u", "_s);
}

} // namespace AgentDesk
