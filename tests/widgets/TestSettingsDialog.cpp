// The settings dialog: loads what is stored, writes every page back on OK/Apply, offers the
// known deployments, and never shows or stores a token.

#include "PaintChecks.h"
#include "core/storage/AppSettings.h"
#include "platform/Autostart.h"
#include "support/WidgetArtifacts.h"
#include "widgets/dialogs/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir->filePath(u"config"_s)));
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"a.ini"_s));
    }

    void cleanup()
    {
        m_settings.reset();
        m_dir.reset();
    }

    void opens_withTheStoredValues()
    {
        m_settings->setSendKey(AppSettings::SendKey::CtrlEnter);
        m_settings->setTheme(AppSettings::Theme::Dark);
        m_settings->setFontPointSize(14);
        m_settings->setLanguage(u"de"_s);
        m_settings->setNotifyOnError(false);
        m_settings->setNotificationSound(true);
        m_settings->setCacheSizeMegabytes(512);
        SettingsDialog dialog(m_settings.get(), {});
        QCOMPARE(child<QComboBox>(dialog, "sendKeyComboBox")->currentIndex(), 1);
        QCOMPARE(child<QComboBox>(dialog, "themeComboBox")->currentData().toInt(),
            int(AppSettings::Theme::Dark));
        QVERIFY(!child<QCheckBox>(dialog, "fontDefaultCheckBox")->isChecked());
        QCOMPARE(child<QSpinBox>(dialog, "fontSizeSpinBox")->value(), 14);
        QCOMPARE(child<QComboBox>(dialog, "languageComboBox")->currentData().toString(), u"de"_s);
        QVERIFY(child<QCheckBox>(dialog, "notifyFinishedCheckBox")->isChecked());
        QVERIFY(!child<QCheckBox>(dialog, "notifyErrorCheckBox")->isChecked());
        QVERIFY(child<QCheckBox>(dialog, "notificationSoundCheckBox")->isChecked());
        QCOMPARE(child<QSpinBox>(dialog, "cacheSizeSpinBox")->value(), 512);
        QVERIFY(!child<QCheckBox>(dialog, "startAtLoginCheckBox")->isChecked());
        QCOMPARE(dialog.findChild<QTabWidget *>(u"settingsTabs"_s)->count(), 4);
    }

    void ok_writesEveryPage_andSignals()
    {
        SettingsDialog dialog(m_settings.get(), {});
        QSignalSpy saved(&dialog, &SettingsDialog::saved);
        child<QComboBox>(dialog, "sendKeyComboBox")->setCurrentIndex(1);
        auto *theme = child<QComboBox>(dialog, "themeComboBox");
        theme->setCurrentIndex(theme->findData(int(AppSettings::Theme::Light)));
        child<QCheckBox>(dialog, "fontDefaultCheckBox")->setChecked(false);
        child<QSpinBox>(dialog, "fontSizeSpinBox")->setValue(17);
        auto *language = child<QComboBox>(dialog, "languageComboBox");
        auto *hint = child<QLabel>(dialog, "languageHint");
        QVERIFY(hint->isHidden());
        language->setCurrentIndex(language->findData(u"de"_s));
        QVERIFY(!hint->isHidden()); // "used from the next start"
        child<QCheckBox>(dialog, "startAtLoginCheckBox")->setChecked(true);
        child<QCheckBox>(dialog, "closeToTrayCheckBox")->setChecked(false);
        child<QCheckBox>(dialog, "notifyNeedsInputCheckBox")->setChecked(false);
        child<QCheckBox>(dialog, "notificationSoundCheckBox")->setChecked(true);
        child<QSpinBox>(dialog, "cacheSizeSpinBox")->setValue(64);

        auto *buttons = dialog.findChild<QDialogButtonBox *>(u"settingsButtons"_s);
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        AppSettings reread(m_settings->fileName());
        QCOMPARE(reread.sendKey(), AppSettings::SendKey::CtrlEnter);
        QCOMPARE(reread.theme(), AppSettings::Theme::Light);
        QCOMPARE(reread.fontPointSize(), 17);
        QCOMPARE(reread.language(), u"de"_s);
        QVERIFY(reread.startAtLogin());
        QVERIFY(!reread.closeToTray());
        QVERIFY(!reread.notifyOnNeedsInput());
        QVERIFY(reread.notificationSound());
        QCOMPARE(reread.cacheSizeMegabytes(), 64);
    }

    void fontDefault_storesZero()
    {
        m_settings->setFontPointSize(20);
        SettingsDialog dialog(m_settings.get(), {});
        auto *spin = child<QSpinBox>(dialog, "fontSizeSpinBox");
        QVERIFY(spin->isEnabled());
        child<QCheckBox>(dialog, "fontDefaultCheckBox")->setChecked(true);
        QVERIFY(!spin->isEnabled());
        dialog.save();
        QCOMPARE(m_settings->fontPointSize(), 0);
    }

    void cancel_writesNothing()
    {
        SettingsDialog dialog(m_settings.get(), {});
        QSignalSpy saved(&dialog, &SettingsDialog::saved);
        child<QComboBox>(dialog, "sendKeyComboBox")->setCurrentIndex(1);
        dialog.findChild<QDialogButtonBox *>(u"settingsButtons"_s)
            ->button(QDialogButtonBox::Cancel)
            ->click();
        QCOMPARE(saved.size(), 0);
        QCOMPARE(m_settings->sendKey(), AppSettings::SendKey::Enter);
    }

    void startAtLogin_showsTheRealEntry()
    {
        QVERIFY(Autostart::setEnabled(true, u"/usr/bin/agentdesk"_s));
        SettingsDialog dialog(m_settings.get(), {});
        QVERIFY(child<QCheckBox>(dialog, "startAtLoginCheckBox")->isChecked());
    }

    void deployments_listed_switch_add()
    {
        const auto context =
            signedInAmong(QUrl(u"https://a.example.com"_s), QUrl(u"https://b.example.com"_s));
        SettingsDialog dialog(m_settings.get(), context);
        auto *list = child<QListWidget>(dialog, "deploymentList");
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(0)->font().bold()); // the one signed in to
        QVERIFY(list->item(0)->text().contains(u"a.example.com"_s));
        QCOMPARE(list->item(0)->toolTip(), u"https://a.example.com"_s);
        auto *switchButton = child<QPushButton>(dialog, "switchDeploymentButton");
        QVERIFY(!switchButton->isEnabled()); // already there

        QSignalSpy switched(&dialog, &SettingsDialog::switchDeploymentRequested);
        list->setCurrentRow(1);
        QVERIFY(switchButton->isEnabled());
        switchButton->click();
        QCOMPARE(switched.size(), 1);
        QCOMPARE(switched.first().first().toUrl(), QUrl(u"https://b.example.com"_s));

        SettingsDialog again(m_settings.get(), context);
        QSignalSpy added(&again, &SettingsDialog::addDeploymentRequested);
        child<QPushButton>(again, "addDeploymentButton")->click();
        QCOMPARE(added.size(), 1);
    }

    void noTokenAnywhere()
    {
        m_settings->rememberDeployment(QUrl(u"https://a.example.com"_s));
        SettingsDialog dialog(m_settings.get(), {});
        dialog.save();
        QFile file(m_settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll().toLower();
        QVERIFY(!text.contains("token"));
    }

    void cacheUsage_isShownInWords()
    {
        SettingsDialog dialog(m_settings.get(), {});
        dialog.setCacheUsage(3 * 1024 * 1024);
        QCOMPARE(child<QLabel>(dialog, "cacheUsageLabel")->text(), u"3.0 MiB"_s);
        dialog.setAutostartError(u"Permission denied"_s);
        QVERIFY(!child<QLabel>(dialog, "autostartError")->isHidden());
    }

    void screenshots_ofEveryPage_eachPaintedAndDifferent()
    {
        const auto context = signedInAmong(
            QUrl(u"https://coder.example.com"_s), QUrl(u"https://dev.coder.example.com"_s));
        SettingsDialog dialog(m_settings.get(), context);
        dialog.setCacheUsage(87 * 1024 * 1024 + 300 * 1024);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList names{u"general"_s, u"notifications"_s, u"deployments"_s, u"storage"_s};
        QList<QImage> pages;
        for (int page = 0; page < names.size(); ++page) {
            dialog.showPage(page);
            const QImage image = dialog.grab().toImage();
            QVERIFY(image.save(artifactPath(u"TestSettingsDialog-%1.png"_s.arg(names[page]))));
            // The screenshots are checked: each page is painted (not blank) and shows something
            // other than the page before it.
            QVERIFY2(distinctColors(image) > 20, qPrintable(names[page]));
            for (const QImage &earlier : std::as_const(pages))
                QVERIFY2(
                    image != earlier, qPrintable(names[page] + u" looks like an earlier page"_s));
            pages << image;
        }
    }

private:
    //! Remembers `current` and then `other` as known deployments; the dialog's context is
    //! signed in to `current`.
    SettingsDialog::Context signedInAmong(const QUrl &current, const QUrl &other)
    {
        m_settings->rememberDeployment(current);
        m_settings->rememberDeployment(other);
        SettingsDialog::Context context;
        context.currentDeployment = current;
        return context;
    }

    template<typename T>
    static T *child(QObject &parent, const char *name)
    {
        T *found = parent.findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
