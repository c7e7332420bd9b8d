#include "keychain/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

namespace AgentDesk {

namespace {

constexpr QStringView serviceName = u"AgentDesk"; // no global QString: no static init order

SecretResult::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretResult::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretResult::Status::NotFound;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretResult::Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretResult::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // QtKeychain 0.13 reports "no session bus", "keyring locked / no login collection" and a
    // missing libsecret all as OtherError (toolchain.md §3): for the user they all mean that no
    // keychain is usable right now.
    return SecretResult::Status::Unavailable;
}

//! Runs a configured job and reports once. The job is parented to the store, so a store that
//! dies first takes its pending jobs (and their callbacks) with it.
void run(QKeychain::Job *job, const QString &key, SecretStore::Done done)
{
    job->setAutoDelete(true);
    job->setKey(key);
    job->setInsecureFallback(false); // never a plain-text file when no keychain is running
    QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done)](auto *finished) {
        SecretResult result;
        result.status = statusOf(finished->error());
        if (result.status == SecretResult::Status::Ok) {
            if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.value = read->textData();
        } else {
            result.error = finished->errorString();
        }
        if (done)
            done(result);
    });
    job->start();
}

} // namespace

void KeychainSecretStore::readToken(const QString &deployment, Done done)
{
    run(new QKeychain::ReadPasswordJob(serviceName.toString(), this), deployment, std::move(done));
}

void KeychainSecretStore::writeToken(const QString &deployment, const QString &token, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName.toString(), this);
    job->setTextData(token);
    run(job, deployment, std::move(done));
}

void KeychainSecretStore::deleteToken(const QString &deployment, Done done)
{
    run(new QKeychain::DeletePasswordJob(serviceName.toString(), this), deployment,
        std::move(done));
}

} // namespace AgentDesk
