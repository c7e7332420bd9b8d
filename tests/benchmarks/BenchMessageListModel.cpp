// Loads a 10,000-message chat into MessageListModel the way ChatSession pages history: 50
// messages per page, newest page first, each prepended above the rows already there. Messages
// are decoded by ApiJson from realistic JSON (text, reasoning, tool calls and tool results), so
// they carry what a server answer carries. Prints "name: value unit" lines; asserts nothing.

#include "BenchReport.h"
#include "core/api/ApiJson.h"
#include "models/MessageListModel.h"
#include "support/ResidentMemory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int messageCount = 10'000;
constexpr int pageSize = 50;
constexpr BenchReport report{3};

QString filler(int id, int length)
{
    static const QString words =
        u"The export helper streams rows through a CSV writer, escaping quotes and commas. "_s;
    QString text = u"[%1] "_s.arg(id);
    while (text.size() < length)
        text += words;
    text.truncate(length);
    return text;
}

//! One message of a four-message turn: user, assistant (reasoning, text, tool call), tool
//! result, assistant (text).
QJsonObject messageJson(qint64 id)
{
    const QString created = u"2026-06-02T09:%1:%2Z"_s.arg((id / 60) % 60, 2, 10, QLatin1Char('0'))
                                .arg(id % 60, 2, 10, QLatin1Char('0'));
    const QString callId = u"toolu_%1"_s.arg(id - id % 4 + 1);
    QJsonArray content;
    QString role;
    switch (id % 4) {
    case 0:
        role = u"user"_s;
        content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, filler(int(id), 200)}});
        break;
    case 1:
        role = u"assistant"_s;
        content.append(QJsonObject{{u"type"_s, u"reasoning"_s}, {u"text"_s, filler(int(id), 300)}});
        content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, filler(int(id), 600)}});
        content.append(QJsonObject{{u"type"_s, u"tool-call"_s}, {u"tool_call_id"_s, callId},
            {u"tool_name"_s, u"execute"_s},
            {u"args"_s, QJsonObject{{u"command"_s, u"rg -n csv src/lib"_s}}}});
        break;
    case 2:
        role = u"tool"_s;
        content.append(QJsonObject{{u"type"_s, u"tool-result"_s}, {u"tool_call_id"_s, callId},
            {u"tool_name"_s, u"execute"_s},
            {u"result"_s, QJsonObject{{u"output"_s, filler(int(id), 400)}, {u"exit_code"_s, 0}}}});
        break;
    default:
        role = u"assistant"_s;
        content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, filler(int(id), 500)}});
        break;
    }
    QJsonObject message{{u"id"_s, id}, {u"chat_id"_s, u"3b6f0c2a-9d4e-4f1a-8b7c-5e2d1a0f9c8b"_s},
        {u"created_at"_s, created}, {u"role"_s, role}, {u"content"_s, content}};
    if (role == u"assistant")
        message.insert(
            u"usage"_s, QJsonObject{{u"input_tokens"_s, 1200}, {u"output_tokens"_s, 300}});
    return message;
}

//! The page the server answers to before_id: newest first.
QList<ChatMessage> page(qint64 newestId)
{
    QList<ChatMessage> messages;
    for (qint64 id = newestId; id > newestId - pageSize && id > 0; --id) {
        if (auto message = ApiJson::chatMessageFromJson(messageJson(id)))
            messages.append(*message);
    }
    return messages;
}

} // namespace

class BenchMessageListModel : public QObject
{
    Q_OBJECT

private slots:
    void prependPages_tenThousandMessages()
    {
        // Warm up allocator, JSON and metatype paths so they do not count as growth.
        {
            MessageListModel warmUp;
            warmUp.prependPage(page(pageSize));
        }
        MessageListModel model;
        const qint64 rssBefore = Testing::residentKiB();
        qint64 modelNs = 0;
        qint64 slowestPageNs = 0;
        int pages = 0;
        for (qint64 newest = messageCount; newest > 0; newest -= pageSize) {
            const QList<ChatMessage> messages = page(newest);
            QElapsedTimer timer;
            timer.start();
            model.prependPage(messages);
            const qint64 ns = timer.nsecsElapsed();
            modelNs += ns;
            slowestPageNs = std::max(slowestPageNs, ns);
            ++pages;
        }
        const qint64 rssAfter = Testing::residentKiB();
        const double growthMiB = double(rssAfter - rssBefore) / 1024.0;

        report("parameter_messages", messageCount, "messages");
        report("rows_after_load", model.rowCount(), "rows");
        report("parameter_pages", pages, "pages");
        report("prepend_total", double(modelNs) / 1e6, "ms");
        report("prepend_per_page_avg", double(modelNs) / 1e6 / pages, "ms");
        report("prepend_per_page_max", double(slowestPageNs) / 1e6, "ms");
        report("rss_before", double(rssBefore) / 1024.0, "MiB");
        report("rss_after", double(rssAfter) / 1024.0, "MiB");
        report("rss_growth_per_10k_messages", growthMiB * 10'000.0 / messageCount, "MiB");

        // A streamed message on top of a long chat: one upsert at the end.
        QElapsedTimer timer;
        timer.start();
        for (qint64 id = messageCount + 1; id <= messageCount + 400; ++id) {
            if (auto message = ApiJson::chatMessageFromJson(messageJson(id)))
                model.upsert(*message);
        }
        report("upsert_append_avg_incl_decode", double(timer.nsecsElapsed()) / 1e3 / 400, "us");
    }
};

QTEST_GUILESS_MAIN(BenchMessageListModel)
#include "BenchMessageListModel.moc"
