#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace AgentDesk {

//! One AgentDesk per user: the first launch listens on a local socket keyed by the user; a later
//! launch hands its arguments (links such as agentdesk://chat/<id>) over and quits. Asynchronous
//! throughout: start() returns at once and the outcome arrives as handedOver() or
//! becamePrimary().
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QString key = defaultKey(), QObject *parent = nullptr);
    ~SingleInstance() override;

    //! The per-user socket name: the same for every launch of one user, distinct between users.
    static QString defaultKey();

    //! Looks for a running instance and hands \a arguments to it; without one, listens.
    void start(const QStringList &arguments);
    bool isPrimary() const;

signals:
    void handedOver();    //!< A running instance took the arguments.
    void becamePrimary(); //!< No instance answered; this one listens.
    void argumentsReceived(const QStringList &arguments); //!< A later launch handed these over.

private:
    void listen();
    void acceptConnection();

    QString m_key;
    QLocalSocket *m_client = nullptr;
    QLocalServer *m_server = nullptr;
    bool m_settled = false;
};

} // namespace AgentDesk
