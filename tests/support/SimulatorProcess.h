#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace AgentDesk::Testing {

//! Runs agentdesk-sim ($AGENTDESK_SIM) as a real process on a free loopback port for one test.
//!
//!     SimulatorProcess sim({"--demo"});
//!     QVERIFY2(sim.start(), qPrintable(sim.errorString()));
//!     api.setDeploymentUrl(sim.baseUrl());
//!     api.setSessionToken(sim.token());
//!
//! The process is killed when the object is destroyed; if the current test failed, its stderr
//! is printed then, so the simulator's side of a failure is in the test log.
//! Tests may wait (bounded); these helpers block with deadlines, product code never does.
class SimulatorProcess final
{
public:
    //! A well-formed token (10-char id, '-', 22-char secret) passed explicitly with --token.
    static QByteArray defaultToken();
    //! $AGENTDESK_SIM; empty when not set.
    static QString executable();

    explicit SimulatorProcess(
        const QStringList &extraArguments = {}, const QByteArray &token = defaultToken());
    ~SimulatorProcess();
    SimulatorProcess(const SimulatorProcess &) = delete;
    SimulatorProcess &operator=(const SimulatorProcess &) = delete;

    //! Starts the process and waits for "listening on 127.0.0.1:PORT". False with
    //! errorString() (including the simulator's stderr) on failure or timeout.
    bool start(std::chrono::milliseconds timeout = std::chrono::seconds(20));
    bool isRunning() const;
    QString errorString() const;

    quint16 port() const { return m_port; }
    //! http://127.0.0.1:PORT
    QUrl baseUrl() const;
    QByteArray token() const { return m_token; }
    //! Everything the simulator wrote to stderr so far.
    QByteArray standardError() const;

    //! POST /__sim/faults with \a faults; true on a 2xx answer.
    bool setFaults(
        const QJsonObject &faults, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    //! POST /__sim/revoke-token: the current token is refused from now on (REST and WebSocket
    //! handshakes answer 401; open /stream and /watch sockets are closed). With \a newToken the
    //! simulator accepts that token instead, and token() returns it. The helpers here keep
    //! working after a revocation (control routes still accept a revoked token).
    bool revokeToken(const QByteArray &newToken = {},
        std::chrono::milliseconds timeout = std::chrono::seconds(10));
    //! POST /__sim/\a controlPath with \a body (e.g. "chats/<id>/turn" {"scenario":"ask"},
    //! "chats/<id>/context-dirty", "chats/<id>/warnings", "capacity"; see src/sim/README.md).
    //! True on a 2xx answer; the answer's JSON object goes to \a answer.
    bool postControl(const QString &controlPath, const QJsonObject &body = {},
        QJsonObject *answer = nullptr,
        std::chrono::milliseconds timeout = std::chrono::seconds(10));
    //! GET /__sim/state.
    std::optional<QJsonObject> state(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    //! One blocking request against the simulator with the test token; for test set-up only.
    //! Returns the HTTP status (0 on a transport failure) and stores the body in \a body.
    int request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &payload,
        QByteArray *body, std::chrono::milliseconds timeout = std::chrono::seconds(10));

private:
    void drainOutput();

    QStringList m_arguments;
    QByteArray m_token;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace AgentDesk::Testing
