#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace AgentDesk {

//! Outcome of a SecretStore operation. `value` is the token for a successful read, else empty.
struct SecretResult
{
    enum class Status {
        Ok,
        NotFound,    //!< Nothing stored for that deployment.
        Unavailable, //!< No keychain service answers (no Secret Service, locked, no D-Bus).
        Denied,      //!< The user refused access.
        Failed,      //!< Any other keychain error; `error` says what.
    };

    Status status = Status::Failed;
    QString value;
    QString error; //!< The keychain's own words, for the user; never contains the secret.

    bool ok() const noexcept { return status == Status::Ok; }
};

//! Where the session token lives. Asynchronous, because OS keychains answer over IPC and may
//! prompt the user. Implementations: KeychainSecretStore (the OS keychain, no plain-text
//! fallback) and InMemorySecretStore ("keep for this session only", tests, demo mode).
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SecretResult &result)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    //! `deployment` is the deployment's origin (scheme://host[:port]); one token per origin.
    //! `done` runs exactly once, on this object's thread, and not after the store is destroyed.
    virtual void readToken(const QString &deployment, Done done) = 0;
    virtual void writeToken(const QString &deployment, const QString &token, Done done) = 0;
    virtual void deleteToken(const QString &deployment, Done done) = 0;

    //! True when what is written survives a restart of the app.
    virtual bool isPersistent() const = 0;
};

} // namespace AgentDesk
