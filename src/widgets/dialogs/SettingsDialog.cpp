#include "widgets/dialogs/SettingsDialog.h"

#include "core/storage/AppSettings.h"
#include "platform/Autostart.h"
#include "ui_SettingsDeploymentsPage.h"
#include "ui_SettingsDialog.h"
#include "ui_SettingsGeneralPage.h"
#include "ui_SettingsNotificationsPage.h"
#include "ui_SettingsStoragePage.h"
#include "widgets/dialogs/SettingsProviderKeysPage.h"
#include "widgets/dialogs/SettingsSkillsPage.h"

#include <QLocale>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int urlRole = Qt::UserRole + 1;

//! Explanations under the controls: wrapped, plain, in the muted text colour.
void styleAsNote(QLabel *label)
{
    label->setForegroundRole(QPalette::PlaceholderText);
}

//! A page built from its form; the form's window title is the tab's title.
template<typename Form>
QWidget *addPage(QTabWidget *tabs, Form *form)
{
    auto *page = new QWidget(tabs);
    form->setupUi(page);
    tabs->addTab(page, page->windowTitle());
    return page;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, const Context &context, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_context(context)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_general(std::make_unique<Ui::SettingsGeneralPage>())
    , m_notifications(std::make_unique<Ui::SettingsNotificationsPage>())
    , m_deployments(std::make_unique<Ui::SettingsDeploymentsPage>())
    , m_storage(std::make_unique<Ui::SettingsStoragePage>())
{
    m_ui->setupUi(this);
    addPage(m_ui->settingsTabs, m_general.get());
    addPage(m_ui->settingsTabs, m_notifications.get());
    addPage(m_ui->settingsTabs, m_deployments.get());
    addPage(m_ui->settingsTabs, m_storage.get());
    for (QLabel *note :
        {m_general->languageHint, m_general->autostartError, m_notifications->notificationsIntro,
            m_deployments->deploymentsNote, m_storage->cacheNote})
        styleAsNote(note);

    QDialogButtonBox *buttons = m_ui->settingsButtons;
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &SettingsDialog::save);

    setUpGeneralPage();
    setUpDeploymentsPage();
    setUpStoragePage();
    setUpAccountPages();
    load();
}

void SettingsDialog::setUpAccountPages()
{
    if (!m_context.api)
        return;
    QTabWidget *tabs = m_ui->settingsTabs;
    auto *keys = new SettingsProviderKeysPage(m_context.api, tabs);
    tabs->addTab(keys, keys->windowTitle());
    auto *skills = new SettingsSkillsPage(m_context.api, tabs);
    tabs->addTab(skills, skills->windowTitle());
    // A server without the routes (404): the page is not offered.
    for (SettingsAccountPage *page :
        {static_cast<SettingsAccountPage *>(keys), static_cast<SettingsAccountPage *>(skills)}) {
        connect(page, &SettingsAccountPage::unsupported, this,
            [tabs, page] { tabs->setTabVisible(tabs->indexOf(page), false); });
    }
    connect(
        keys, &SettingsProviderKeysPage::keysChanged, this, &SettingsDialog::providerKeysChanged);
    resize(size().expandedTo(QSize(640, 460))); // room for six tabs and the key list
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setUpGeneralPage()
{
    // Items with data are filled here; the form holds the ones chosen by position.
    QComboBox *theme = m_general->themeComboBox;
    theme->addItem(tr("Follow the desktop"), int(AppSettings::Theme::System));
    theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));

    connect(m_general->fontDefaultCheckBox, &QCheckBox::toggled, m_general->fontSizeSpinBox,
        &QWidget::setDisabled);

    QComboBox *language = m_general->languageComboBox;
    language->addItem(tr("System language"), QString());
    language->addItem(u"English"_s, u"en"_s);
    for (const QString &name : std::as_const(m_context.languages)) {
        const QLocale locale(name);
        QString native = locale.nativeLanguageName();
        if (!native.isEmpty())
            native[0] = native[0].toUpper();
        language->addItem(native.isEmpty() ? name : native, name);
    }
    connect(language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLanguageHint);

    m_general->autostartError->hide();
    if (!m_context.trayAvailable) {
        m_general->closeToTrayCheckBox->setEnabled(false);
        m_general->closeToTrayCheckBox->setToolTip(tr("The desktop shows no tray icons."));
    }
}

void SettingsDialog::setUpDeploymentsPage()
{
    QListWidget *list = m_deployments->deploymentList;
    QPushButton *switchTo = m_deployments->switchDeploymentButton;
    connect(list, &QListWidget::currentRowChanged, this, &SettingsDialog::updateDeploymentButtons);
    connect(list, &QListWidget::itemActivated, this, [switchTo] {
        if (switchTo->isEnabled())
            switchTo->click();
    });
    connect(switchTo, &QPushButton::clicked, this, [this] {
        const QUrl url = selectedDeployment();
        if (url.isEmpty() || url == m_context.currentDeployment)
            return;
        save();
        emit switchDeploymentRequested(url);
        accept();
    });
    connect(m_deployments->addDeploymentButton, &QPushButton::clicked, this, [this] {
        save();
        emit addDeploymentRequested();
        accept();
    });
    connect(m_deployments->forgetDeploymentButton, &QPushButton::clicked, this,
        &SettingsDialog::forgetSelectedDeployment);
}

void SettingsDialog::forgetSelectedDeployment()
{
    const QUrl url = selectedDeployment();
    if (url.isEmpty())
        return;
    const bool current = url == m_context.currentDeployment;
    // Asked without a nested event loop: the answer arrives in a handler.
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Forget Deployment"),
        current ? tr("Sign out of %1 and remove its token from the keychain?").arg(url.host())
                : tr("Remove %1 and its token from the keychain?").arg(url.host()),
        QMessageBox::Cancel, this);
    confirm->setObjectName(u"forgetDeploymentConfirmation"_s);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *forget = confirm->addButton(tr("Forget"), QMessageBox::DestructiveRole);
    confirm->setDefaultButton(QMessageBox::Cancel);
    // Queued: forgetting the current deployment ends the session, which deletes this dialog
    // and the box; that must not happen inside the box's own signal.
    connect(
        confirm, &QMessageBox::buttonClicked, this,
        [this, forget, url](QAbstractButton *clicked) {
            if (clicked == forget)
                forgetDeployment(url);
        },
        Qt::QueuedConnection);
    confirm->open();
}

void SettingsDialog::forgetDeployment(const QUrl &url)
{
    const bool current = url == m_context.currentDeployment;
    m_settings->forgetDeployment(url);
    m_settings->sync();
    QListWidget *list = m_deployments->deploymentList;
    for (int row = list->count() - 1; row >= 0; --row) {
        if (list->item(row)->data(urlRole).toUrl() == url)
            delete list->takeItem(row);
    }
    emit forgetDeploymentRequested(url);
    if (current)
        accept(); // the session ends; the connect dialog takes over
}

void SettingsDialog::setUpStoragePage()
{
    connect(m_storage->clearCacheButton, &QPushButton::clicked, this, [this] {
        m_storage->cacheUsageLabel->setText(tr("Clearing…"));
        emit clearCacheRequested();
    });
}

void SettingsDialog::load()
{
    m_general->sendKeyComboBox->setCurrentIndex(
        m_settings->sendKey() == AppSettings::SendKey::CtrlEnter ? 1 : 0);
    m_general->themeComboBox->setCurrentIndex(
        m_general->themeComboBox->findData(int(m_settings->theme())));
    const int size = m_settings->fontPointSize();
    m_general->fontDefaultCheckBox->setChecked(size <= 0);
    m_general->fontSizeSpinBox->setEnabled(size > 0);
    m_general->fontSizeSpinBox->setValue(size > 0 ? size : qMax(6, font().pointSize()));
    m_loadedLanguage = m_settings->language();
    const int language = m_general->languageComboBox->findData(m_loadedLanguage);
    m_general->languageComboBox->setCurrentIndex(language < 0 ? 0 : language);
    updateLanguageHint();
    // What the session will do, not what was last saved: the entry may have been removed
    // by hand or by the desktop's own start-up settings.
    m_general->startAtLoginCheckBox->setChecked(Autostart::isEnabled());
    m_general->closeToTrayCheckBox->setChecked(m_settings->closeToTray());
    m_notifications->notifyFinishedCheckBox->setChecked(m_settings->notifyOnFinished());
    m_notifications->notifyErrorCheckBox->setChecked(m_settings->notifyOnError());
    m_notifications->notifyNeedsInputCheckBox->setChecked(m_settings->notifyOnNeedsInput());
    m_notifications->notificationSoundCheckBox->setChecked(m_settings->notificationSound());
    m_storage->cacheSizeSpinBox->setValue(m_settings->cacheSizeMegabytes());
    fillDeployments();
}

void SettingsDialog::fillDeployments()
{
    m_deployments->deploymentList->clear();
    QList<QUrl> urls = m_settings->knownDeployments();
    if (m_context.currentDeployment.isValid() && !urls.contains(m_context.currentDeployment))
        urls.prepend(m_context.currentDeployment);
    for (const QUrl &url : std::as_const(urls)) {
        const bool current = url == m_context.currentDeployment;
        // The host reads best; the full origin (scheme, port) is in the tooltip.
        const QString name =
            url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
        auto *item = new QListWidgetItem(
            current ? tr("%1 (signed in)").arg(name) : name, m_deployments->deploymentList);
        item->setToolTip(url.toString());
        item->setData(urlRole, url);
        if (current) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            m_deployments->deploymentList->setCurrentItem(item);
        }
    }
    updateDeploymentButtons();
}

void SettingsDialog::updateDeploymentButtons()
{
    const QUrl url = selectedDeployment();
    m_deployments->switchDeploymentButton->setEnabled(
        !url.isEmpty() && url != m_context.currentDeployment);
    m_deployments->forgetDeploymentButton->setEnabled(!url.isEmpty());
}

void SettingsDialog::updateLanguageHint()
{
    m_general->languageHint->setVisible(
        m_general->languageComboBox->currentData().toString() != m_loadedLanguage);
}

QUrl SettingsDialog::selectedDeployment() const
{
    const QListWidgetItem *item = m_deployments->deploymentList->currentItem();
    return item ? item->data(urlRole).toUrl() : QUrl();
}

void SettingsDialog::save()
{
    m_settings->setSendKey(m_general->sendKeyComboBox->currentIndex() == 1
            ? AppSettings::SendKey::CtrlEnter
            : AppSettings::SendKey::Enter);
    m_settings->setTheme(AppSettings::Theme(m_general->themeComboBox->currentData().toInt()));
    m_settings->setFontPointSize(
        m_general->fontDefaultCheckBox->isChecked() ? 0 : m_general->fontSizeSpinBox->value());
    m_settings->setLanguage(m_general->languageComboBox->currentData().toString());
    m_settings->setStartAtLogin(m_general->startAtLoginCheckBox->isChecked());
    m_settings->setCloseToTray(m_general->closeToTrayCheckBox->isChecked());
    m_settings->setNotifyOnFinished(m_notifications->notifyFinishedCheckBox->isChecked());
    m_settings->setNotifyOnError(m_notifications->notifyErrorCheckBox->isChecked());
    m_settings->setNotifyOnNeedsInput(m_notifications->notifyNeedsInputCheckBox->isChecked());
    m_settings->setNotificationSound(m_notifications->notificationSoundCheckBox->isChecked());
    m_settings->setCacheSizeMegabytes(m_storage->cacheSizeSpinBox->value());
    m_settings->sync();
    emit saved();
}

void SettingsDialog::setCacheUsage(qint64 bytes)
{
    // MiB, like the size limit next to it.
    m_storage->cacheUsageLabel->setText(
        locale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat));
}

void SettingsDialog::setAutostartError(const QString &message)
{
    m_general->autostartError->setText(message);
    m_general->autostartError->setVisible(!message.isEmpty());
}

void SettingsDialog::showPage(int index)
{
    m_ui->settingsTabs->setCurrentIndex(index);
}

} // namespace AgentDesk
