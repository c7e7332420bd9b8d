#include "app/DemoSimulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace AgentDesk {

DemoSimulator::DemoSimulator(const QStringList &arguments, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
{
}

DemoSimulator::~DemoSimulator()
{
    if (!m_process)
        return;
    // The simulator also dies with us (--die-with-parent); this is the orderly way.
    m_process->disconnect(this); // its end is expected now, not an error to report
    m_process->kill();
    m_process->waitForFinished(2000); // reaped, so QProcess does not warn at exit
}

QString DemoSimulator::simulatorPath()
{
    const QString fromEnvironment = qEnvironmentVariable("AGENTDESK_SIM");
    if (!fromEnvironment.isEmpty() && QFileInfo(fromEnvironment).isExecutable())
        return fromEnvironment;
    const QDir here(QCoreApplication::applicationDirPath());
    // Installed: <prefix>/bin/agentdesk finds <prefix>/libexec/agentdesk/agentdesk-sim.
    for (const QString &candidate :
        {here.filePath(u"agentdesk-sim"_s), here.filePath(u"../libexec/agentdesk/agentdesk-sim"_s),
            here.filePath(u"../sim/agentdesk-sim"_s), here.filePath(u"../src/sim/agentdesk-sim"_s),
            QStringLiteral(AGENTDESK_SIM_BUILD_PATH)}) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

QByteArray DemoSimulator::randomToken()
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    auto *random = QRandomGenerator::system();
    auto part = [random](int length) {
        QByteArray text;
        for (int i = 0; i < length; ++i)
            text.append(alphabet[random->bounded(int(sizeof(alphabet) - 1))]);
        return text;
    };
    return part(10) + '-' + part(22);
}

void DemoSimulator::start()
{
    const QString path = simulatorPath();
    if (path.isEmpty()) {
        emit failed(tr("agentdesk-sim was not found. Build it, or point AGENTDESK_SIM to it."));
        return;
    }
    m_token = randomToken();
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DemoSimulator::handleOutput);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        emit failed(tr("agentdesk-sim could not start: %1")
                        .arg(m_process ? m_process->errorString() : QString()));
    });
    // The token goes through the environment, never the command line, where any local user
    // could read it (ps, /proc/PID/cmdline). The simulator reads AGENTDESK_SIM_TOKEN.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AGENTDESK_SIM_TOKEN"_s, QString::fromLatin1(m_token));
    m_process->setProcessEnvironment(environment);
    QStringList arguments{u"--demo"_s, u"--port"_s, u"0"_s, u"--die-with-parent"_s};
    arguments += m_arguments;
    m_process->start(path, arguments);
}

void DemoSimulator::handleOutput()
{
    if (!m_process)
        return;
    m_output += m_process->readAllStandardOutput();
    const qsizetype newline = m_output.indexOf('\n');
    if (newline < 0)
        return;
    const QByteArray line = m_output.left(newline).trimmed();
    static constexpr QByteArrayView prefix = "listening on ";
    if (!line.startsWith(prefix)) {
        emit failed(tr("agentdesk-sim answered unexpectedly: %1").arg(QString::fromUtf8(line)));
        return;
    }
    const QUrl url(u"http://"_s + QString::fromLatin1(line.mid(prefix.size())));
    m_output.clear();
    disconnect(m_process, &QProcess::readyReadStandardOutput, this, nullptr);
    emit listening(url, m_token);
}

} // namespace AgentDesk
