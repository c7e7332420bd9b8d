#include "widgets/SettingsDialog.h"

#include "core/AppSettings.h"
#include "core/Autostart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int urlRole = Qt::UserRole + 1;

QLabel *makeNote(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, const Context &context, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_context(context)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_tabs->addTab(createGeneralPage(), tr("General"));
    m_tabs->addTab(createNotificationsPage(), tr("Notifications"));
    m_tabs->addTab(createDeploymentsPage(), tr("Deployments"));
    m_tabs->addTab(createStoragePage(), tr("Storage"));

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    buttons->setObjectName(u"settingsButtons"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &SettingsDialog::save);

    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    load();
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    m_sendKey = new QComboBox(page);
    m_sendKey->setObjectName(u"sendKeyComboBox"_s);
    m_sendKey->addItem(tr("Enter sends, Shift+Enter adds a line"));
    m_sendKey->addItem(tr("Ctrl+Enter sends, Enter adds a line"));

    m_theme = new QComboBox(page);
    m_theme->setObjectName(u"themeComboBox"_s);
    m_theme->addItem(tr("Follow the desktop"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));

    m_fontSize = new QSpinBox(page);
    m_fontSize->setObjectName(u"fontSizeSpinBox"_s);
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontDefault = new QCheckBox(tr("Desktop default"), page);
    m_fontDefault->setObjectName(u"fontDefaultCheckBox"_s);
    connect(m_fontDefault, &QCheckBox::toggled, m_fontSize, &QWidget::setDisabled);
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_fontSize);
    fontRow->addWidget(m_fontDefault);
    fontRow->addStretch(1);

    m_language = new QComboBox(page);
    m_language->setObjectName(u"languageComboBox"_s);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    for (const QString &name : std::as_const(m_context.languages)) {
        const QLocale locale(name);
        QString native = locale.nativeLanguageName();
        if (!native.isEmpty())
            native[0] = native[0].toUpper();
        m_language->addItem(native.isEmpty() ? name : native, name);
    }
    m_languageHint = makeNote(tr("The new language is used from the next start."), page);
    m_languageHint->setObjectName(u"languageHint"_s);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLanguageHint);

    m_startAtLogin = new QCheckBox(tr("Start AgentDesk when I log in (in the tray)"), page);
    m_startAtLogin->setObjectName(u"startAtLoginCheckBox"_s);
    m_autostartError = makeNote({}, page);
    m_autostartError->setObjectName(u"autostartError"_s);
    m_autostartError->hide();
    m_closeToTray = new QCheckBox(tr("Keep running in the tray when the window closes"), page);
    m_closeToTray->setObjectName(u"closeToTrayCheckBox"_s);
    if (!m_context.trayAvailable) {
        m_closeToTray->setEnabled(false);
        m_closeToTray->setToolTip(tr("The desktop shows no tray icons."));
    }

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Send key:"), m_sendKey);
    form->addRow(tr("&Theme:"), m_theme);
    auto *fontLabel = new QLabel(tr("&Font size:"), page); // a row of widgets needs its buddy
    fontLabel->setBuddy(m_fontSize);
    form->addRow(fontLabel, fontRow);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageHint);
    form->addRow(m_startAtLogin);
    form->addRow(m_autostartError);
    form->addRow(m_closeToTray);
    return page;
}

QWidget *SettingsDialog::createNotificationsPage()
{
    auto *page = new QWidget(this);
    m_notifyFinished = new QCheckBox(tr("When an agent finishes"), page);
    m_notifyFinished->setObjectName(u"notifyFinishedCheckBox"_s);
    m_notifyError = new QCheckBox(tr("When an agent fails"), page);
    m_notifyError->setObjectName(u"notifyErrorCheckBox"_s);
    m_notifyNeedsInput = new QCheckBox(tr("When an agent needs input"), page);
    m_notifyNeedsInput->setObjectName(u"notifyNeedsInputCheckBox"_s);
    m_sound = new QCheckBox(tr("Play a sound"), page);
    m_sound->setObjectName(u"notificationSoundCheckBox"_s);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(makeNote(tr("Notify me about chats I am not looking at:"), page));
    layout->addWidget(m_notifyFinished);
    layout->addWidget(m_notifyError);
    layout->addWidget(m_notifyNeedsInput);
    layout->addSpacing(8);
    layout->addWidget(m_sound);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::createDeploymentsPage()
{
    auto *page = new QWidget(this);
    m_deployments = new QListWidget(page);
    m_deployments->setObjectName(u"deploymentList"_s);
    m_switchDeployment = new QPushButton(tr("S&witch To"), page);
    m_switchDeployment->setObjectName(u"switchDeploymentButton"_s);
    auto *add = new QPushButton(tr("&Add…"), page);
    add->setObjectName(u"addDeploymentButton"_s);
    m_forgetDeployment = new QPushButton(tr("&Forget"), page);
    m_forgetDeployment->setObjectName(u"forgetDeploymentButton"_s);

    connect(m_deployments, &QListWidget::currentRowChanged, this,
        &SettingsDialog::updateDeploymentButtons);
    connect(m_deployments, &QListWidget::itemActivated, this, [this] {
        if (m_switchDeployment->isEnabled())
            m_switchDeployment->click();
    });
    connect(m_switchDeployment, &QPushButton::clicked, this, [this] {
        const QUrl url = selectedDeployment();
        if (url.isEmpty() || url == m_context.currentDeployment)
            return;
        save();
        emit switchDeploymentRequested(url);
        accept();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        save();
        emit addDeploymentRequested();
        accept();
    });
    connect(m_forgetDeployment, &QPushButton::clicked, this, [this] {
        const QUrl url = selectedDeployment();
        if (url.isEmpty())
            return;
        const bool current = url == m_context.currentDeployment;
        QMessageBox confirm(QMessageBox::Question, tr("Forget Deployment"),
            current ? tr("Sign out of %1 and remove its token from the keychain?").arg(url.host())
                    : tr("Remove %1 and its token from the keychain?").arg(url.host()),
            QMessageBox::Cancel, this);
        confirm.setObjectName(u"forgetDeploymentConfirmation"_s);
        QPushButton *forget = confirm.addButton(tr("Forget"), QMessageBox::DestructiveRole);
        confirm.setDefaultButton(QMessageBox::Cancel);
        confirm.exec();
        if (confirm.clickedButton() != forget)
            return;
        m_settings->forgetDeployment(url);
        m_settings->sync();
        delete m_deployments->takeItem(m_deployments->currentRow());
        emit forgetDeploymentRequested(url);
        if (current)
            accept(); // the session ends; the connect dialog takes over
    });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_switchDeployment);
    buttons->addWidget(add);
    buttons->addWidget(m_forgetDeployment);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_deployments, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(makeNote(tr("Each deployment's session token is kept in the system "
                                  "keychain, never in the settings file."),
        page));
    return page;
}

QWidget *SettingsDialog::createStoragePage()
{
    auto *page = new QWidget(this);
    m_cacheSize = new QSpinBox(page);
    m_cacheSize->setObjectName(u"cacheSizeSpinBox"_s);
    m_cacheSize->setRange(16, 8192);
    m_cacheSize->setSingleStep(64);
    m_cacheSize->setSuffix(tr(" MiB"));
    m_cacheUsage = new QLabel(tr("Measuring…"), page);
    m_cacheUsage->setObjectName(u"cacheUsageLabel"_s);
    m_clearCache = new QPushButton(tr("&Clear Cache"), page);
    m_clearCache->setObjectName(u"clearCacheButton"_s);
    connect(m_clearCache, &QPushButton::clicked, this, [this] {
        m_cacheUsage->setText(tr("Clearing…"));
        emit clearCacheRequested();
    });
    auto *usageRow = new QHBoxLayout;
    usageRow->addWidget(m_cacheUsage, 1);
    usageRow->addWidget(m_clearCache);
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Image and file cache:"), m_cacheSize);
    form->addRow(tr("In use:"), usageRow);
    form->addRow(makeNote(tr("Attachments shown in chats are kept on disk so they open "
                             "instantly; the least recently used go first when the cache "
                             "is full. Drafts are never part of the cache."),
        page));
    return page;
}

void SettingsDialog::load()
{
    m_sendKey->setCurrentIndex(m_settings->sendKey() == AppSettings::SendKey::CtrlEnter ? 1 : 0);
    m_theme->setCurrentIndex(m_theme->findData(int(m_settings->theme())));
    const int size = m_settings->fontPointSize();
    m_fontDefault->setChecked(size <= 0);
    m_fontSize->setEnabled(size > 0);
    m_fontSize->setValue(size > 0 ? size : qMax(6, font().pointSize()));
    m_loadedLanguage = m_settings->language();
    const int language = m_language->findData(m_loadedLanguage);
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    updateLanguageHint();
    // What the session will do, not what was last saved: the entry may have been removed
    // by hand or by the desktop's own start-up settings.
    m_startAtLogin->setChecked(Autostart::isEnabled());
    m_closeToTray->setChecked(m_settings->closeToTray());
    m_notifyFinished->setChecked(m_settings->notifyOnFinished());
    m_notifyError->setChecked(m_settings->notifyOnError());
    m_notifyNeedsInput->setChecked(m_settings->notifyOnNeedsInput());
    m_sound->setChecked(m_settings->notificationSound());
    m_cacheSize->setValue(m_settings->cacheSizeMegabytes());
    fillDeployments();
}

void SettingsDialog::fillDeployments()
{
    m_deployments->clear();
    QList<QUrl> urls = m_settings->knownDeployments();
    if (m_context.currentDeployment.isValid() && !urls.contains(m_context.currentDeployment))
        urls.prepend(m_context.currentDeployment);
    for (const QUrl &url : std::as_const(urls)) {
        const bool current = url == m_context.currentDeployment;
        // The host reads best; the full origin (scheme, port) is in the tooltip.
        const QString name =
            url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
        auto *item =
            new QListWidgetItem(current ? tr("%1 (signed in)").arg(name) : name, m_deployments);
        item->setToolTip(url.toString());
        item->setData(urlRole, url);
        if (current) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            m_deployments->setCurrentItem(item);
        }
    }
    updateDeploymentButtons();
}

void SettingsDialog::updateDeploymentButtons()
{
    const QUrl url = selectedDeployment();
    m_switchDeployment->setEnabled(!url.isEmpty() && url != m_context.currentDeployment);
    m_forgetDeployment->setEnabled(!url.isEmpty());
}

void SettingsDialog::updateLanguageHint()
{
    m_languageHint->setVisible(m_language->currentData().toString() != m_loadedLanguage);
}

QUrl SettingsDialog::selectedDeployment() const
{
    const QListWidgetItem *item = m_deployments->currentItem();
    return item ? item->data(urlRole).toUrl() : QUrl();
}

void SettingsDialog::save()
{
    m_settings->setSendKey(m_sendKey->currentIndex() == 1 ? AppSettings::SendKey::CtrlEnter
                                                          : AppSettings::SendKey::Enter);
    m_settings->setTheme(AppSettings::Theme(m_theme->currentData().toInt()));
    m_settings->setFontPointSize(m_fontDefault->isChecked() ? 0 : m_fontSize->value());
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->setStartAtLogin(m_startAtLogin->isChecked());
    m_settings->setCloseToTray(m_closeToTray->isChecked());
    m_settings->setNotifyOnFinished(m_notifyFinished->isChecked());
    m_settings->setNotifyOnError(m_notifyError->isChecked());
    m_settings->setNotifyOnNeedsInput(m_notifyNeedsInput->isChecked());
    m_settings->setNotificationSound(m_sound->isChecked());
    m_settings->setCacheSizeMegabytes(m_cacheSize->value());
    m_settings->sync();
    emit saved();
}

void SettingsDialog::setCacheUsage(qint64 bytes)
{
    // MiB, like the size limit next to it.
    m_cacheUsage->setText(locale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat));
}

void SettingsDialog::setAutostartError(const QString &message)
{
    m_autostartError->setText(message);
    m_autostartError->setVisible(!message.isEmpty());
}

void SettingsDialog::showPage(int index)
{
    m_tabs->setCurrentIndex(index);
}

} // namespace AgentDesk
