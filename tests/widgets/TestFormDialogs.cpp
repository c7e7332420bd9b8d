// The dialogs built from Designer forms (ui/*.ui), shown offscreen in English and in German:
// every label, field and button is inside the dialog and gets at least the room it asks for
// (issue 10: the Rename and Labels dialogs cut off their content). Each is saved to
// $AGENTDESK_ARTIFACTS to be looked at.

#include "core/api/ApiClient.h"
#include "core/storage/AppSettings.h"
#include "support/WidgetArtifacts.h"
#include "widgets/dialogs/ConnectDialog.h"
#include "widgets/dialogs/LabelsDialog.h"
#include "widgets/dialogs/NewChatDialog.h"
#include "widgets/dialogs/RenameDialog.h"
#include "widgets/dialogs/SettingsDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

//! Parts of a composite control (a spin box's line edit, a line edit's clear button) are laid
//! out by their control, not by the form.
bool isInternal(QWidget *child, QWidget *dialog)
{
    for (QWidget *up = child->parentWidget(); up && up != dialog; up = up->parentWidget()) {
        if (qobject_cast<QLineEdit *>(up) || qobject_cast<QAbstractSpinBox *>(up)
            || qobject_cast<QComboBox *>(up) || qobject_cast<QAbstractItemView *>(up))
            return true;
    }
    return false;
}

//! Why a visible label, field or button of \a dialog is cut off; empty when none is.
QString cutOff(QWidget *dialog)
{
    const QRect inside = dialog->rect();
    const QList<QWidget *> children = dialog->findChildren<QWidget *>();
    for (QWidget *child : children) {
        if (!child->isVisibleTo(dialog) || child->isWindow() || isInternal(child, dialog))
            continue;
        if (!qobject_cast<QLabel *>(child) && !qobject_cast<QAbstractButton *>(child)
            && !qobject_cast<QLineEdit *>(child) && !qobject_cast<QComboBox *>(child))
            continue;
        const QString name = child->objectName().isEmpty()
            ? QString::fromLatin1(child->metaObject()->className())
            : child->objectName();
        const QRect geometry(child->mapTo(dialog, QPoint(0, 0)), child->size());
        if (!inside.contains(geometry))
            return u"%1 lies outside the dialog"_s.arg(name);
        const auto *label = qobject_cast<QLabel *>(child);
        if (label && label->wordWrap()) {
            if (label->height() < label->heightForWidth(label->width()))
                return u"%1 is shorter than its wrapped text"_s.arg(name);
            continue;
        }
        const QSize wanted = child->minimumSizeHint();
        if (child->width() < wanted.width() || child->height() < wanted.height())
            return u"%1 is %2x%3, needs %4x%5"_s.arg(name)
                .arg(child->width())
                .arg(child->height())
                .arg(wanted.width())
                .arg(wanted.height());
    }
    return {};
}

//! Installs the app's catalogue for the test's "language" data (the :/i18n resource of
//! agentdesk_app) for as long as it lives; English needs none.
class Translation
{
public:
    Translation()
    {
        QFETCH_GLOBAL(QString, language);
        m_language = language;
        if (language == u"en")
            return;
        QVERIFY(m_translator.load(QLocale(language), u"agentdesk"_s, u"_"_s, u":/i18n"_s));
        QCoreApplication::installTranslator(&m_translator);
    }
    ~Translation() { QCoreApplication::removeTranslator(&m_translator); }
    //! "TestFormDialogs-rename-de.png" for "rename".
    QString file(const QString &name) const
    {
        return u"TestFormDialogs-%1-%2.png"_s.arg(name, m_language);
    }

private:
    QString m_language;
    QTranslator m_translator;
};

void showAndGrab(QWidget *dialog, const QString &file)
{
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY(dialog->isVisible());
    QCoreApplication::processEvents(); // layouts settle after the first show
    const QString problem = cutOff(dialog);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(saveArtifact(dialog, file));
}

} // namespace

class TestFormDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("de") << u"de"_s;
    }

    void cutOff_detectsATooSmallDialog()
    {
        // The check itself can fail: a fixed-size dialog narrower than its content is reported.
        QDialog dialog;
        auto *label = new QLabel(u"Labels (key:value, separated by commas):"_s, &dialog);
        label->setObjectName(u"longLabel"_s);
        label->setGeometry(0, 0, 60, 20);
        dialog.resize(60, 20);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(cutOff(&dialog).contains(u"longLabel"_s));
    }

    void rename_showsTheWholeTitleAndRefusesABlankOne()
    {
        const Translation translation;
        RenameDialog dialog;
        QCOMPARE(dialog.objectName(), u"renameDialog"_s);
        dialog.setTitle(u" padded "_s);
        QCOMPARE(dialog.title(), u"padded"_s); // what is saved is trimmed
        dialog.setTitle(u"Explain the billing cron job and why it runs twice"_s);
        auto *buttons = dialog.findChild<QDialogButtonBox *>(u"renameButtons"_s);
        QVERIFY(buttons);
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        showAndGrab(&dialog, translation.file(u"rename"_s));
        auto *edit = dialog.findChild<QLineEdit *>(u"renameTitleEdit"_s);
        QVERIFY(edit);
        QVERIFY(edit->width() >= edit->fontMetrics().horizontalAdvance(edit->text()));
        edit->setText(u"   "_s);
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    }

    void labels_roundTripAndFit()
    {
        const Translation translation;
        LabelsDialog dialog;
        QCOMPARE(dialog.objectName(), u"labelsDialog"_s);
        const QMap<QString, QString> labels{{u"priority"_s, u"high"_s}, {u"team"_s, u"billing"_s}};
        dialog.setLabels(labels);
        QCOMPARE(dialog.labels(), labels);
        showAndGrab(&dialog, translation.file(u"labels"_s));
    }

    void labels_parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // key=value, sorted by key
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("two") << u"team:billing, priority: high"_s
                             << QStringList{u"priority=high"_s, u"team=billing"_s};
        QTest::newRow("no key or colon skipped")
            << u":x, lonely, a:1,, "_s << QStringList{u"a=1"_s};
        QTest::newRow("value keeps later colons")
            << u"url:http://x"_s << QStringList{u"url=http://x"_s};
        QTest::newRow("empty value") << u"flag:"_s << QStringList{u"flag="_s};
    }

    void labels_parse()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const QMap<QString, QString> labels = LabelsDialog::parseLabels(text);
        QStringList actual;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            actual.append(it.key() + u'=' + it.value());
        QCOMPARE(actual, expected);
        QCOMPARE(LabelsDialog::parseLabels(LabelsDialog::formatLabels(labels)), labels);
    }

    void newChat_fits()
    {
        const Translation translation;
        QNetworkAccessManager network;
        ApiClient api(&network);
        NewChatDialog dialog(&api, nullptr, nullptr, OrganizationId());
        QCOMPARE(dialog.objectName(), u"newChatDialog"_s);
        QVERIFY(dialog.findChild<QPushButton *>(u"newChatCreateButton"_s));
        showAndGrab(&dialog, translation.file(u"newchat"_s));
    }

    void connect_withErrorAndConfirmation_fits()
    {
        const Translation translation;
        ConnectDialog dialog(nullptr, nullptr, nullptr, nullptr);
        dialog.setDeploymentUrl(QUrl(u"http://coder.example.com"_s));
        dialog.showError(u"coder.example.com uses plain http: your session token would cross "
                         u"the network unencrypted. Use https, or confirm below that you accept "
                         u"the risk."_s);
        showAndGrab(&dialog, translation.file(u"connect"_s));
        QVERIFY(dialog.findChild<QCheckBox *>(u"allowInsecureHttpCheckBox"_s)->isVisible());
    }

    void settings_everyPageFits()
    {
        const Translation translation;
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"a.ini"_s));
        SettingsDialog::Context context;
        context.currentDeployment = QUrl(u"https://coder.example.com"_s);
        SettingsDialog dialog(&settings, context);
        dialog.setAutostartError(u"The autostart entry could not be written: permission "
                                 u"denied (~/.config/autostart)."_s);
        auto *tabs = dialog.findChild<QTabWidget *>(u"settingsTabs"_s);
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        const QStringList names{u"general"_s, u"notifications"_s, u"deployments"_s, u"storage"_s};
        for (int page = 0; page < tabs->count(); ++page) {
            dialog.showPage(page);
            showAndGrab(&dialog, translation.file(u"settings-"_s + names.at(page)));
        }
    }
};

QTEST_MAIN(TestFormDialogs)
#include "TestFormDialogs.moc"
