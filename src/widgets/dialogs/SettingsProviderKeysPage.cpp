#include "widgets/dialogs/SettingsProviderKeysPage.h"

#include "core/api/ApiClient.h"
#include "ui_SettingsProviderKeysPage.h"

#include <QDesktopServices>
#include <QKeyEvent>
#include <QTreeWidgetItem>

#include <utility>

using namespace Qt::StringLiterals;

namespace AgentDesk {

SettingsProviderKeysPage::SettingsProviderKeysPage(ApiClient *api, QWidget *parent)
    : SettingsAccountPage(api, parent)
    , m_ui(std::make_unique<Ui::SettingsProviderKeysPage>())
{
    m_ui->setupUi(this);
    setUpLabels(m_ui->providerKeysIntro, m_ui->providerKeysStatus);
    m_ui->providerKeysList->header()->setStretchLastSection(true);
    m_ui->providerKeysList->setColumnWidth(0, 200);
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &SettingsProviderKeysPage::pollGrant);
    connect(m_ui->providerKeysList, &QTreeWidget::currentItemChanged, this,
        &SettingsProviderKeysPage::updateButtons);
    connect(m_ui->providerKeyInput, &QLineEdit::textChanged, this,
        &SettingsProviderKeysPage::updateButtons);
    // Enter in these fields acts here; it must not reach the dialog's default button (OK),
    // which would close Settings under the request.
    m_ui->providerKeyInput->installEventFilter(this);
    m_ui->providerGrantCallback->installEventFilter(this);
    using Page = SettingsProviderKeysPage;
    const std::pair<QPushButton *, void (Page::*)()> buttons[] = {
        {m_ui->providerKeySaveButton, &Page::saveKey},
        {m_ui->providerKeyRemoveButton, &Page::removeKey},
        {m_ui->providerKeyDeviceButton, &Page::startDeviceGrant},
        {m_ui->providerKeyBrowserButton, &Page::startBrowserGrant},
        {m_ui->providerGrantFinishButton, &Page::finishBrowserGrant},
        {m_ui->providerGrantCancelButton, &Page::cancelGrant},
    };
    for (const auto &[button, slot] : buttons)
        connect(button, &QPushButton::clicked, this, slot);
    endGrant({});
    reload();
}

SettingsProviderKeysPage::~SettingsProviderKeysPage()
{
    // A sign-in left open is cancelled on the server too (grants live 15 minutes otherwise).
    cancelGrantOnServer(m_api);
}

void SettingsProviderKeysPage::cancelGrantOnServer(QObject *context)
{
    if (!m_api || m_grant.grantId.isEmpty())
        return;
    if (m_grantIsBrowser)
        m_api->cancelBrowserGrant(m_grantProvider, m_grant.grantId, context, [](auto) {});
    else
        m_api->cancelDeviceGrant(m_grantProvider, m_grant.grantId, context, [](auto) {});
}

bool SettingsProviderKeysPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (watched == m_ui->providerKeyInput) {
                saveKey();
                return true;
            }
            if (watched == m_ui->providerGrantCallback) {
                finishBrowserGrant();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SettingsProviderKeysPage::reload()
{
    if (!m_api)
        return;
    m_api->providerKeys(this, [this](const ApiResult<QList<ProviderKeyConfig>> &result) {
        if (!takeLoaded(result))
            return;
        const QString current = selected() ? selected()->providerName : QString();
        m_providers.clear();
        m_ui->providerKeysList->clear();
        for (const ProviderKeyConfig &provider : result.value()) {
            if (!provider.byokEnabled)
                continue; // only the providers that let users bring a key
            m_providers.append(provider);
            QString state = provider.hasUserKey ? tr("Your key is set")
                : provider.hasProviderKey       ? tr("Using the deployment's key")
                                                : tr("No key: add yours to use this provider");
            if (provider.reauthRequired)
                state = tr("Sign in again");
            auto *item = new QTreeWidgetItem(m_ui->providerKeysList, {provider.displayName, state});
            item->setData(0, Qt::UserRole, provider.providerName);
            if (provider.providerName == current || !m_ui->providerKeysList->currentItem())
                m_ui->providerKeysList->setCurrentItem(item);
        }
        if (m_providers.isEmpty())
            showStatus(tr("Your administrator does not allow personal keys for any provider."));
        updateButtons();
    });
}

const ProviderKeyConfig *SettingsProviderKeysPage::selected() const
{
    const QTreeWidgetItem *item = m_ui->providerKeysList->currentItem();
    if (!item)
        return nullptr;
    const QString name = item->data(0, Qt::UserRole).toString();
    for (const ProviderKeyConfig &provider : m_providers) {
        if (provider.providerName == name)
            return &provider;
    }
    return nullptr;
}

void SettingsProviderKeysPage::updateButtons()
{
    const ProviderKeyConfig *provider = selected();
    const bool idle = !m_busy && m_grant.grantId.isEmpty();
    m_ui->providerKeyInput->setEnabled(provider && idle);
    m_ui->providerKeySaveButton->setEnabled(
        provider && idle && !m_ui->providerKeyInput->text().trimmed().isEmpty());
    m_ui->providerKeySaveButton->setText(
        provider && provider->hasUserKey ? tr("&Replace Key") : tr("&Save Key"));
    m_ui->providerKeyRemoveButton->setEnabled(provider && idle && provider->hasUserKey);
    m_ui->providerKeyDeviceButton->setVisible(provider && provider->deviceFlowSupported);
    m_ui->providerKeyBrowserButton->setVisible(provider && provider->browserFlowSupported);
    m_ui->providerKeyDeviceButton->setEnabled(idle);
    m_ui->providerKeyBrowserButton->setEnabled(idle);
    if (provider) {
        m_ui->providerKeyDeviceButton->setText(tr("Sign in with %1").arg(provider->displayName));
        m_ui->providerKeyBrowserButton->setText(
            tr("Sign in with %1 in your browser").arg(provider->displayName));
    }
}

template<typename T>
void SettingsProviderKeysPage::finishKeyChange(const ApiResult<T> &result, const QString &done)
{
    m_busy = false;
    if (!result.ok()) {
        showStatus(result.error().toDisplayString(), true);
        updateButtons();
        return;
    }
    showStatus(done);
    reload();
    Q_EMIT keysChanged();
}

void SettingsProviderKeysPage::saveKey()
{
    const ProviderKeyConfig *provider = selected();
    const QString key = m_ui->providerKeyInput->text().trimmed();
    if (!m_api || !provider || key.isEmpty() || m_busy)
        return;
    // The key leaves the field now: it lives only in the request.
    m_ui->providerKeyInput->clear();
    m_busy = true;
    updateButtons();
    const QString name = provider->displayName;
    m_api->setProviderKey(provider->providerName, key, this,
        [this, name](const ApiResult<ProviderKeyConfig> &result) {
            finishKeyChange(result, tr("Your %1 key is saved.").arg(name));
        });
}

void SettingsProviderKeysPage::removeKey()
{
    const ProviderKeyConfig *provider = selected();
    if (!m_api || !provider || m_busy)
        return;
    m_busy = true;
    updateButtons();
    const QString name = provider->displayName;
    m_api->deleteProviderKey(
        provider->providerName, this, [this, name](const ApiResult<NoContent> &result) {
            finishKeyChange(result, tr("Your %1 key is removed.").arg(name));
        });
}

void SettingsProviderKeysPage::startGrant(bool browser, void (SettingsProviderKeysPage::*started)())
{
    const ProviderKeyConfig *provider = selected();
    if (!m_api || !provider)
        return;
    m_busy = true;
    updateButtons();
    m_grantProvider = provider->providerName;
    m_grantIsBrowser = browser;
    auto done = [this, started](const ApiResult<ProviderGrant> &result) {
        if (takeGrant(result))
            (this->*started)();
    };
    if (browser)
        m_api->startBrowserGrant(m_grantProvider, this, done);
    else
        m_api->startDeviceGrant(m_grantProvider, this, done);
}

bool SettingsProviderKeysPage::takeGrant(const ApiResult<ProviderGrant> &result)
{
    m_busy = false;
    if (!result.ok()) {
        endGrant({});
        showStatus(result.error().toDisplayString(), true);
        return false;
    }
    m_grant = result.value();
    return true;
}

void SettingsProviderKeysPage::startDeviceGrant()
{
    startGrant(false, &SettingsProviderKeysPage::showDeviceGrant);
}

void SettingsProviderKeysPage::showDeviceGrant()
{
    const QString link = m_grant.verificationUriComplete.isEmpty()
        ? m_grant.verificationUri
        : m_grant.verificationUriComplete;
    m_ui->providerGrantStatus->setText(
        tr("Enter the code <b>%1</b> at <a href=\"%2\">%3</a>. Waiting for you to "
           "approve…")
            .arg(m_grant.userCode.toHtmlEscaped(), link.toHtmlEscaped(),
                m_grant.verificationUri.toHtmlEscaped()));
    m_ui->providerGrantStatus->show();
    m_ui->providerGrantCancelButton->show();
    QDesktopServices::openUrl(QUrl(link));
    m_poll.start(m_grant.pollIntervalSeconds * 1000);
    updateButtons();
}

void SettingsProviderKeysPage::pollGrant()
{
    if (!m_api || m_grant.grantId.isEmpty() || m_grantIsBrowser)
        return;
    const QString grantId = m_grant.grantId;
    m_api->pollDeviceGrant(
        m_grantProvider, grantId, this, [this, grantId](const ApiResult<ProviderGrant> &result) {
            if (grantId != m_grant.grantId)
                return; // cancelled meanwhile
            if (!result.ok()) {
                endGrant({});
                showStatus(result.error().toDisplayString(), true);
                return;
            }
            const ProviderGrant &grant = result.value();
            switch (grant.status) {
            case ProviderGrant::Status::Authorized: {
                const QString provider = m_grantProvider;
                const QString apiKey = grant.apiKey;
                endGrant(tr("Signed in. The deployment keeps the credential."));
                if (!apiKey.isEmpty()) {
                    // Older servers hand the key to the client to PUT (§20.8).
                    m_api->setProviderKey(
                        provider, apiKey, this, [this](const ApiResult<ProviderKeyConfig> &) {
                            reload();
                            Q_EMIT keysChanged();
                        });
                    return;
                }
                reload();
                Q_EMIT keysChanged();
                return;
            }
            case ProviderGrant::Status::Expired:
                endGrant(grant.reauthMessage.isEmpty()
                        ? tr("The sign-in expired. Start over to try again.")
                        : grant.reauthMessage);
                return;
            case ProviderGrant::Status::Canceled:
                endGrant(tr("The sign-in was cancelled."));
                return;
            default:
                m_poll.start(qMax(1, grant.pollIntervalSeconds) * 1000);
                return;
            }
        });
}

void SettingsProviderKeysPage::startBrowserGrant()
{
    startGrant(true, &SettingsProviderKeysPage::showBrowserGrant);
}

void SettingsProviderKeysPage::showBrowserGrant()
{
    m_ui->providerGrantStatus->setText(
        tr("Sign in on the page that opened in your browser (<a href=\"%1\">open it "
           "again</a>). When it ends on an address that does not load, copy that address "
           "and paste it below.")
            .arg(m_grant.authorizeUrl.toHtmlEscaped()));
    m_ui->providerGrantStatus->show();
    m_ui->providerGrantCallback->show();
    m_ui->providerGrantFinishButton->show();
    m_ui->providerGrantCancelButton->show();
    m_ui->providerGrantCallback->setFocus();
    QDesktopServices::openUrl(QUrl(m_grant.authorizeUrl));
    updateButtons();
}

void SettingsProviderKeysPage::finishBrowserGrant()
{
    const QString input = m_ui->providerGrantCallback->text().trimmed();
    if (!m_api || m_grant.grantId.isEmpty() || !m_grantIsBrowser || input.isEmpty() || m_busy)
        return;
    m_busy = true;
    m_ui->providerGrantFinishButton->setEnabled(false);
    const QString grantId = m_grant.grantId;
    m_api->exchangeBrowserGrant(
        m_grantProvider, grantId, input, this, [this](const ApiResult<ProviderGrant> &result) {
            m_busy = false;
            m_ui->providerGrantFinishButton->setEnabled(true);
            if (!result.ok()) {
                // The grant stays open: a wrong paste can be corrected.
                showStatus(result.error().toDisplayString(), true);
                return;
            }
            endGrant(tr("Signed in. The deployment keeps the credential."));
            reload();
            Q_EMIT keysChanged();
        });
}

void SettingsProviderKeysPage::cancelGrant()
{
    cancelGrantOnServer(this);
    endGrant(tr("Sign-in cancelled."));
}

void SettingsProviderKeysPage::endGrant(const QString &message)
{
    m_poll.stop();
    m_grant = {};
    m_ui->providerGrantStatus->clear();
    m_ui->providerGrantStatus->hide();
    m_ui->providerGrantCallback->clear();
    m_ui->providerGrantCallback->hide();
    m_ui->providerGrantFinishButton->hide();
    m_ui->providerGrantCancelButton->hide();
    showStatus(message);
    updateButtons();
}

} // namespace AgentDesk
