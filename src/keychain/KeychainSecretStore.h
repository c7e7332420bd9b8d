#pragma once

#include "core/storage/SecretStore.h"

namespace AgentDesk {

//! The session token in the OS keychain through QtKeychain (Secret Service on Linux), service
//! "AgentDesk", keyed by deployment origin. No plain-text fallback, ever: when no keychain
//! answers, the result says Unavailable and the UI offers "keep for this session only".
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void readToken(const QString &deployment, Done done) override;
    void writeToken(const QString &deployment, const QString &token, Done done) override;
    void deleteToken(const QString &deployment, Done done) override;
    bool isPersistent() const override { return true; }
};

} // namespace AgentDesk
