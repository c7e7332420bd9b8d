#include "core/storage/InMemorySecretStore.h"

#include <QTimer>

namespace AgentDesk {

void InMemorySecretStore::readToken(const QString &deployment, Done done)
{
    SecretResult result;
    if (const auto it = m_tokens.constFind(deployment); it != m_tokens.cend()) {
        result.status = SecretResult::Status::Ok;
        result.value = *it;
    } else {
        result.status = SecretResult::Status::NotFound;
    }
    finish(std::move(done), std::move(result));
}

void InMemorySecretStore::writeToken(const QString &deployment, const QString &token, Done done)
{
    m_tokens.insert(deployment, token);
    finish(std::move(done), SecretResult{SecretResult::Status::Ok, {}, {}});
}

void InMemorySecretStore::deleteToken(const QString &deployment, Done done)
{
    const bool removed = m_tokens.remove(deployment) > 0;
    finish(std::move(done),
        SecretResult{removed ? SecretResult::Status::Ok : SecretResult::Status::NotFound, {}, {}});
}

void InMemorySecretStore::finish(Done done, SecretResult result)
{
    // Deliver on the next event-loop turn, as a keychain does, so callers cannot come to rely
    // on a synchronous answer.
    QTimer::singleShot(0, this, [done = std::move(done), result = std::move(result)] {
        if (done)
            done(result);
    });
}

} // namespace AgentDesk
