// agentdesk: the desktop client for Coder Agents.

#include "app/Application.h"
#include "platform/SingleInstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"AgentDesk"_s);
    QApplication::setOrganizationName(u"AgentDesk"_s);
    QApplication::setApplicationDisplayName(u"AgentDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));
    QGuiApplication::setDesktopFileName(u"io.github.agentdesk.AgentDesk"_s);
    // The tray keeps the app alive when the window closes; quitting is explicit.
    QApplication::setQuitOnLastWindowClosed(false);

    // --help in the system's language; removed again before Application installs the language
    // chosen in the settings, which may differ.
    QTranslator commandLineTranslator;
    if (commandLineTranslator.load(QLocale::system(), u"agentdesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&commandLineTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop client for Coder Agents"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
        QCoreApplication::translate("main", "Start the bundled simulator and connect to it."));
    const QCommandLineOption screenshot(u"screenshot"_s,
        QCoreApplication::translate(
            "main", "Save screenshots of the main screens into <dir>, then quit."),
        QCoreApplication::translate("main", "dir"));
    const QCommandLineOption quitAfter(u"quit-after"_s,
        QCoreApplication::translate("main", "Quit after <ms> milliseconds."),
        QCoreApplication::translate("main", "ms"));
    const QCommandLineOption simArgument(u"sim-arg"_s,
        QCoreApplication::translate("main", "Pass <arg> to the simulator in demo mode."),
        QCoreApplication::translate("main", "arg"));
    const QCommandLineOption newChat(u"new-chat"_s,
        QCoreApplication::translate(
            "main", "Open the new-chat form (the desktop entry's action)."));
    const QCommandLineOption background(u"background"_s,
        QCoreApplication::translate(
            "main", "Start in the tray without opening the window (start at login)."));
    const QCommandLineOption reportStartup(u"report-startup"_s,
        QCoreApplication::translate("main",
            "Print one line with the start-up times once the chat list is complete and painted."));
    parser.addOptions(
        {demo, screenshot, quitAfter, simArgument, newChat, background, reportStartup});
    parser.addPositionalArgument(u"link"_s,
        QCoreApplication::translate(
            "main", "agentdesk://chat/<id> or https://<deployment>/agents/<id>"),
        u"[link]"_s);
    parser.process(app);
    QCoreApplication::removeTranslator(&commandLineTranslator);

    // Handed to Application like links: a running instance receives the raw arguments anyway.
    QStringList requests = parser.positionalArguments();
    if (parser.isSet(newChat))
        requests.append(u"--new-chat"_s);

    AgentDesk::Application::Options options;
    options.demo = parser.isSet(demo);
    options.screenshotDirectory = parser.value(screenshot);
    options.quitAfterMs = parser.value(quitAfter).toInt();
    options.simulatorArguments = parser.values(simArgument);
    options.startInBackground = parser.isSet(background);
    options.reportStartup = parser.isSet(reportStartup);

    AgentDesk::Application agentDesk(options);
    QObject::connect(
        &agentDesk, &AgentDesk::Application::fatalError, &app, [](const QString &message) {
            QTextStream(stderr) << message << '\n';
            QCoreApplication::exit(1);
        });
    // One window per user: a later launch hands its links to the running one and quits. Demo,
    // screenshot and timed runs stay independent so they can run beside a real session.
    const bool independent =
        options.demo || !options.screenshotDirectory.isEmpty() || options.quitAfterMs > 0;
    AgentDesk::SingleInstance instance;
    if (independent) {
        agentDesk.start();
        agentDesk.handleArguments(requests);
    } else {
        QObject::connect(&instance, &AgentDesk::SingleInstance::handedOver, &app,
            [] { QCoreApplication::exit(0); });
        QObject::connect(
            &instance, &AgentDesk::SingleInstance::becamePrimary, &app, [&agentDesk, &requests] {
                agentDesk.start();
                agentDesk.handleArguments(requests);
            });
        QObject::connect(&instance, &AgentDesk::SingleInstance::argumentsReceived, &agentDesk,
            [&agentDesk](
                const QStringList &arguments) { agentDesk.handleArguments(arguments.mid(1)); });
        instance.start(QCoreApplication::arguments());
    }
    return QApplication::exec();
}
