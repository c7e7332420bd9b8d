#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QProcess;

namespace AgentDesk {

//! The demo's simulator (--demo): starts agentdesk-sim on a free loopback port with a random
//! token, reads the address it listens on and reports it; kills it when destroyed. The token goes
//! through the environment, never the command line.
class DemoSimulator final : public QObject
{
    Q_OBJECT

public:
    //! \a arguments: extra simulator arguments (benchmarks: --chats 2000, --messages …).
    explicit DemoSimulator(const QStringList &arguments, QObject *parent = nullptr);
    ~DemoSimulator() override;

    void start();

    //! Where agentdesk-sim is: $AGENTDESK_SIM, next to this binary, or in the build tree.
    static QString simulatorPath();
    //! A random token in Coder's format (10-char id, '-', 22-char secret).
    static QByteArray randomToken();

signals:
    //! The simulator listens at \a url and accepts \a token.
    void listening(const QUrl &url, const QByteArray &token);
    //! It could not be found or started, or answered unexpectedly.
    void failed(const QString &message);

private:
    void handleOutput();

    QStringList m_arguments;
    QPointer<QProcess> m_process;
    QByteArray m_output;
    QByteArray m_token;
};

} // namespace AgentDesk
