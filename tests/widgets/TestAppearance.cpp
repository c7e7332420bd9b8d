// Theme and font size: Light and Dark are applied whatever the desktop says, System follows
// the desktop's colour scheme live, and widgets get the change.

#include "core/storage/AppSettings.h"
#include "support/ScratchSettings.h"
#include "widgets/shell/Appearance.h"
#include "widgets/shell/PaletteColors.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

class TestAppearance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_platformPalette = QApplication::palette();
        m_platformFont = QApplication::font();
        QVERIFY(!isDarkPalette(m_platformPalette)); // offscreen Fusion is light
    }

    void init()
    {
        QApplication::setPalette(m_platformPalette);
        QApplication::setFont(m_platformFont);
        m_scratch = std::make_unique<ScratchSettings>(u"a.ini"_s);
    }

    void dark_thenLight_applyToTheApplicationAndWidgets()
    {
        QLabel label(u"x"_s);
        label.show();
        Appearance appearance(&m_scratch->settings);
        QSignalSpy applied(&appearance, &Appearance::applied);
        m_scratch->settings.setTheme(AppSettings::Theme::Dark);
        appearance.apply();
        QVERIFY(appearance.isDark());
        QVERIFY(isDarkPalette(QApplication::palette()));
        QTRY_VERIFY(isDarkPalette(label.palette()));
        QCOMPARE(applied.last().first().toBool(), true);
        // Text stays readable: light on dark.
        QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 180);

        m_scratch->settings.setTheme(AppSettings::Theme::Light);
        appearance.apply();
        QVERIFY(!appearance.isDark());
        QTRY_VERIFY(!isDarkPalette(label.palette()));
    }

    void system_followsTheDesktopLive()
    {
        m_scratch->settings.setTheme(AppSettings::Theme::System);
        Appearance appearance(&m_scratch->settings);
        appearance.apply();
        QVERIFY(!appearance.isDark());
        appearance.setSystemScheme(ColorSchemePortal::Scheme::Dark);
        QVERIFY(appearance.isDark());
        QVERIFY(isDarkPalette(QApplication::palette()));
        appearance.setSystemScheme(ColorSchemePortal::Scheme::Light);
        QVERIFY(!appearance.isDark());
        appearance.setSystemScheme(ColorSchemePortal::Scheme::NoPreference);
        QCOMPARE(
            QApplication::palette().color(QPalette::Base), m_platformPalette.color(QPalette::Base));
    }

    void explicitTheme_ignoresTheDesktop()
    {
        m_scratch->settings.setTheme(AppSettings::Theme::Light);
        Appearance appearance(&m_scratch->settings);
        appearance.apply();
        appearance.setSystemScheme(ColorSchemePortal::Scheme::Dark);
        QVERIFY(!appearance.isDark());
        QVERIFY(!isDarkPalette(QApplication::palette()));
    }

    void fontSize_appliesAndReturnsToTheDefault()
    {
        QLabel label(u"x"_s);
        label.show();
        Appearance appearance(&m_scratch->settings);
        m_scratch->settings.setFontPointSize(m_platformFont.pointSize() + 5);
        appearance.apply();
        QCOMPARE(QApplication::font().pointSize(), m_platformFont.pointSize() + 5);
        QTRY_COMPARE(label.font().pointSize(), m_platformFont.pointSize() + 5);
        m_scratch->settings.setFontPointSize(0);
        appearance.apply();
        QCOMPARE(QApplication::font().pointSize(), m_platformFont.pointSize());
    }

private:
    QPalette m_platformPalette;
    QFont m_platformFont;
    std::unique_ptr<ScratchSettings> m_scratch;
};

QTEST_MAIN(TestAppearance)
#include "TestAppearance.moc"
