#include "SimulatorProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace AgentDesk::Testing {

namespace {

// A child that prints a lot must never block on a full pipe, and a log must stay readable.
constexpr qsizetype maxKeptOutput = 256 * 1024;

void appendBounded(QByteArray &buffer, const QByteArray &data)
{
    buffer += data;
    if (buffer.size() > maxKeptOutput)
        buffer.remove(0, buffer.size() - maxKeptOutput);
}

} // namespace

QByteArray SimulatorProcess::defaultToken()
{
    return QByteArrayLiteral("AgntDeskTs-0123456789abcdefghijkl");
}

QString SimulatorProcess::executable()
{
    return qEnvironmentVariable("AGENTDESK_SIM");
}

SimulatorProcess::SimulatorProcess(const QStringList &extraArguments, const QByteArray &token)
    : m_arguments(extraArguments)
    , m_token(token)
{
}

SimulatorProcess::~SimulatorProcess()
{
    if (!m_process)
        return;
    drainOutput();
    if (QTest::currentTestFailed() && !m_stderr.isEmpty())
        qWarning().noquote() << "agentdesk-sim stderr:\n" << QString::fromUtf8(m_stderr);
    m_process->disconnect();
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool SimulatorProcess::start(std::chrono::milliseconds timeout)
{
    const QString program = executable();
    if (program.isEmpty()) {
        m_error = QStringLiteral("AGENTDESK_SIM is not set (run the test through ctest).");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"),
        QString::fromLatin1(m_token)};
    arguments += m_arguments;
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
        [this] { appendBounded(m_stderr, m_process->readAllStandardError()); });
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(int(timeout.count()))) {
        m_error = QStringLiteral("could not start %1: %2").arg(program, m_process->errorString());
        return false;
    }

    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QDeadlineTimer deadline(timeout);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        while (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine();
            appendBounded(m_stdout, line);
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                // Keep draining stdout from now on so the child never blocks on the pipe.
                QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput,
                    m_process.get(),
                    [this] { appendBounded(m_stdout, m_process->readAllStandardOutput()); });
                return m_port != 0;
            }
        }
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    drainOutput();
    m_error = QStringLiteral("agentdesk-sim did not report its port (state %1).\nstdout:\n%2\n"
                             "stderr:\n%3")
                  .arg(int(m_process->state()))
                  .arg(QString::fromUtf8(m_stdout), QString::fromUtf8(m_stderr));
    return false;
}

bool SimulatorProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString SimulatorProcess::errorString() const
{
    return m_error;
}

QUrl SimulatorProcess::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QByteArray SimulatorProcess::standardError() const
{
    return m_stderr;
}

void SimulatorProcess::drainOutput()
{
    if (!m_process)
        return;
    appendBounded(m_stdout, m_process->readAllStandardOutput());
    appendBounded(m_stderr, m_process->readAllStandardError());
}

int SimulatorProcess::request(const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &payload, QByteArray *body, std::chrono::milliseconds timeout)
{
    QNetworkAccessManager network;
    QUrl url = baseUrl();
    const QUrl relative(pathAndQuery);
    url.setPath(relative.path());
    url.setQuery(relative.query());
    QNetworkRequest request(url);
    request.setRawHeader("Coder-Session-Token", m_token);
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    request.setTransferTimeout(timeout);
#else
    request.setTransferTimeout(int(timeout.count()));
#endif
    if (!payload.isEmpty())
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, method, payload);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(int(timeout.count()) + 1000)) {
        reply->abort();
        delete reply;
        return 0;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body)
        *body = reply->readAll();
    delete reply;
    return status;
}

bool SimulatorProcess::setFaults(const QJsonObject &faults, std::chrono::milliseconds timeout)
{
    QByteArray body;
    const int status = request("POST", QStringLiteral("/__sim/faults"),
        QJsonDocument(faults).toJson(QJsonDocument::Compact), &body, timeout);
    if (status < 200 || status >= 300) {
        qWarning().noquote() << "POST /__sim/faults answered" << status << QString::fromUtf8(body);
        return false;
    }
    return true;
}

bool SimulatorProcess::revokeToken(const QByteArray &newToken, std::chrono::milliseconds timeout)
{
    QJsonObject payload;
    if (!newToken.isEmpty())
        payload.insert(QStringLiteral("token"), QString::fromLatin1(newToken));
    QByteArray body;
    const int status = request("POST", QStringLiteral("/__sim/revoke-token"),
        payload.isEmpty() ? QByteArray("{}")
                          : QJsonDocument(payload).toJson(QJsonDocument::Compact),
        &body, timeout);
    if (status != 200) {
        qWarning().noquote() << "POST /__sim/revoke-token answered" << status
                             << QString::fromUtf8(body);
        return false;
    }
    if (!newToken.isEmpty())
        m_token = newToken;
    return true;
}

bool SimulatorProcess::postControl(const QString &controlPath, const QJsonObject &body,
    QJsonObject *answer, std::chrono::milliseconds timeout)
{
    QByteArray reply;
    const int status = request("POST", QStringLiteral("/__sim/") + controlPath,
        QJsonDocument(body).toJson(QJsonDocument::Compact), &reply, timeout);
    if (answer)
        *answer = QJsonDocument::fromJson(reply).object();
    if (status < 200 || status >= 300) {
        qWarning().noquote() << "POST /__sim/" + controlPath << "answered" << status
                             << QString::fromUtf8(reply);
        return false;
    }
    return true;
}

std::optional<QJsonObject> SimulatorProcess::state(std::chrono::milliseconds timeout)
{
    QByteArray body;
    const int status = request("GET", QStringLiteral("/__sim/state"), {}, &body, timeout);
    if (status != 200)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace AgentDesk::Testing
