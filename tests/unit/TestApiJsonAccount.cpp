// The §20.8–§20.10 decoders on odd input: wrong shapes fail, missing optional members take their
// defaults, unusable entries are skipped, nothing crashes.

#include "core/api/ApiJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(json).isArray()
        ? QJsonValue(QJsonDocument::fromJson(json).array())
        : QJsonValue(QJsonDocument::fromJson(json).object());
}

} // namespace

class TestApiJsonAccount : public QObject
{
    Q_OBJECT

private slots:
    void providerKeys_wrongShapesFail_deletedAndNamelessSkipped()
    {
        QVERIFY(!ApiJson::providerKeysFromJson(QJsonValue(u"x"_s)));
        QVERIFY(!ApiJson::providerKeysFromJson(QJsonObject{}));
        QCOMPARE(ApiJson::providerKeysFromJson(QJsonValue(QJsonValue::Null))->size(), 0);
        const auto list = ApiJson::providerKeysFromJson(parse(R"([
            {"provider":{"id":"1","type":"openai","display_name":"OpenAI"},"byok_enabled":true,
             "has_user_api_key":true,"device_flow_supported":true},
            {"provider":{"id":"2","type":"google","deleted":true},"byok_enabled":true},
            {"provider":{},"byok_enabled":true},
            17])"));
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().providerName, u"openai"_s); // name falls back to the type
        QVERIFY(list->first().hasUserKey && list->first().deviceFlowSupported);
        QVERIFY(!list->first().browserFlowSupported); // 2.37-era: absent = false
    }

    void providerGrant_statusesAndDefaults()
    {
        QVERIFY(!ApiJson::providerGrantFromJson(QJsonObject{}));
        auto grant = ApiJson::providerGrantFromJson(parse(R"({"grant_id":"g","poll_interval":0})"));
        QVERIFY(grant);
        QCOMPARE(grant->status, ProviderGrant::Status::Pending);
        QCOMPARE(grant->pollIntervalSeconds, 1); // never a busy loop
        grant = ApiJson::providerGrantFromJson(
            parse(R"({"grant_id":"g","status":"authorized","api_key":"k"})"));
        QCOMPARE(grant->status, ProviderGrant::Status::Authorized);
        QCOMPARE(grant->apiKey, u"k"_s);
        grant = ApiJson::providerGrantFromJson(parse(R"({"grant_id":"g","status":"weird"})"));
        QCOMPARE(grant->status, ProviderGrant::Status::Unknown);
        QCOMPARE(grant->pollIntervalSeconds, 5); // absent: the documented default
    }

    void providerGrant_numbersBeyondIntReadAsAbsent()
    {
        // 2^32 + 1 and 2^32 + 600 once wrapped to a 1 s poll and a 600 s expiry.
        const auto grant = ApiJson::providerGrantFromJson(
            parse(R"({"grant_id":"g","poll_interval":4294967297,"expires_in":4294967896})"));
        QVERIFY(grant);
        QCOMPARE(grant->pollIntervalSeconds, 5);
        QCOMPARE(grant->expiresInSeconds, 0);
    }

    void mcpServers_needSignInOnlyForUnconnectedOAuth()
    {
        const auto list = ApiJson::mcpServersFromJson(parse(R"([
            {"id":"c0ffee00-0001-4a00-8000-00000000a001","slug":"gh","auth_type":"oauth2"},
            {"id":"c0ffee00-0002-4a00-8000-00000000a002","display_name":"L","auth_type":"none"},
            {"id":"c0ffee00-0003-4a00-8000-00000000a003","auth_type":"oauth2","auth_connected":true},
            {"id":"not-a-uuid"}])"));
        QVERIFY(list);
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).displayName, u"gh"_s);
        QVERIFY(list->at(0).needsSignIn());
        QVERIFY(!list->at(1).needsSignIn());
        QVERIFY(!list->at(2).needsSignIn());
        QVERIFY(!ApiJson::mcpServersFromJson(QJsonObject{}));
        const auto revoked = ApiJson::mcpDisconnectFromJson(
            parse(R"({"token_revoked":false,"token_revocation_error":"timeout"})"));
        QVERIFY(revoked && revoked->known && !revoked->tokenRevoked);
        QCOMPARE(revoked->revocationError, u"timeout"_s);
    }

    void skillsAndPrompt()
    {
        const auto skills = ApiJson::userSkillsFromJson(
            parse(R"([{"id":"1","name":"a","description":"d"},{"id":"2"}])"));
        QVERIFY(skills);
        QCOMPARE(skills->size(), 1);
        QVERIFY(!ApiJson::userSkillFromJson(parse(R"({"id":"x"})")));
        const auto workspace = ApiJson::workspaceSkillsFromJson(parse(R"({"context":{"resources":[
            {"kind":"skill","status":"ok","skill_name":"csv","skill_description":"CSV"},
            {"kind":"skill","status":"oversize","skill_name":"big"},
            {"kind":"instruction_file","status":"ok"}]}})"));
        QVERIFY(workspace);
        QCOMPARE(workspace->size(), 1);
        QCOMPARE(workspace->first().name, u"csv"_s);
        QCOMPARE(ApiJson::workspaceSkillsFromJson(QJsonObject{})->size(), 0);
        QCOMPARE(*ApiJson::userPromptFromJson(parse(R"({"custom_prompt":"hi"})")), u"hi"_s);
        QCOMPARE(*ApiJson::userPromptFromJson(QJsonObject{}), QString());
        QVERIFY(!ApiJson::userPromptFromJson(parse(R"({"custom_prompt":5})")));
        QVERIFY(!ApiJson::userPromptFromJson(QJsonArray{}));
    }

    void modelEffortDefault_andSendEncodesMcpIds()
    {
        const auto response = ApiJson::modelsFromJson(parse(R"({"models":[{"id":
            "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b","model":"m","enabled":true,
            "reasoning_efforts":["low","high"],
            "model_config":{"reasoning_effort":{"default":"high","max":"high"}}}],"providers":[]})"));
        QVERIFY(response);
        QCOMPARE(response->models.first().defaultReasoningEffort, u"high"_s);
        SendMessageRequest send;
        send.mcpServerIds = QList<QUuid>{};
        QVERIFY(ApiJson::toJson(send).value(u"mcp_server_ids").toArray().isEmpty()); // [] clears
        QVERIFY(ApiJson::toJson(send).contains(u"mcp_server_ids"));
    }
};

QTEST_GUILESS_MAIN(TestApiJsonAccount)
#include "TestApiJsonAccount.moc"
