#pragma once

#include "core/storage/SecretStore.h"

#include <QHash>

namespace AgentDesk {

//! Keeps tokens in process memory only: "keep for this session only" when no keychain service
//! runs, demo mode, and tests. Answers asynchronously like a real keychain would.
class InMemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void readToken(const QString &deployment, Done done) override;
    void writeToken(const QString &deployment, const QString &token, Done done) override;
    void deleteToken(const QString &deployment, Done done) override;
    bool isPersistent() const override { return false; }

private:
    void finish(Done done, SecretResult result);

    QHash<QString, QString> m_tokens;
};

} // namespace AgentDesk
