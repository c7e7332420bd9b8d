#include "widgets/dialogs/SettingsAccountPage.h"

#include "core/api/ApiClient.h"

#include <QLabel>

namespace AgentDesk {

SettingsAccountPage::SettingsAccountPage(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
}

void SettingsAccountPage::setUpLabels(QLabel *intro, QLabel *status)
{
    intro->setForegroundRole(QPalette::PlaceholderText);
    m_status = status;
}

void SettingsAccountPage::showStatus(const QString &text, bool error)
{
    if (!m_status)
        return;
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
        error ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

} // namespace AgentDesk
