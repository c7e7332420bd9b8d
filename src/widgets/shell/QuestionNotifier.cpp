#include "widgets/shell/QuestionNotifier.h"

#include "core/api/ApiClient.h"
#include "core/storage/AppSettings.h"
#include "models/ChatListModel.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/conversation/QuestionForm.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int recentMessages = 10; //!< Enough to see the question and anything after it.

} // namespace

QuestionNotifier::QuestionNotifier(ApiClient *api, ChatListModel *chats, NotificationSink *sink,
    AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_chats(chats)
    , m_sink(sink)
    , m_settings(settings)
{
    if (sink)
        connect(sink, &NotificationSink::activated, this, &QuestionNotifier::handleActivated);
}

void QuestionNotifier::setFocusedChatProvider(FocusedChatProvider provider)
{
    m_focusedChat = std::move(provider);
}

void QuestionNotifier::handleStatusChanged(
    const ChatId &id, ChatStatus previous, ChatStatus current)
{
    m_answers.remove(id);
    if (!m_api || !m_sink || !m_sink->isAvailable() || current != ChatStatus::Waiting
        || !isActive(previous))
        return;
    if (m_settings && !m_settings->notifyOnNeedsInput())
        return;
    if (m_focusedChat && m_focusedChat() == id)
        return; // the user sees the form
    m_api->listMessages(id, std::nullopt, std::nullopt, recentMessages, this,
        [this, id](const ApiResult<MessagesPage> &result) {
            if (result.ok())
                handleMessages(id, result.value().messages);
        });
}

void QuestionNotifier::handleMessages(const ChatId &id, const QList<ChatMessage> &page)
{
    if (m_focusedChat && m_focusedChat() == id)
        return;
    QList<ChatMessage> messages = page;
    std::sort(messages.begin(), messages.end(),
        [](const ChatMessage &a, const ChatMessage &b) { return a.id.value > b.id.value; });
    // Newest first: a user message before any question means it was answered.
    QList<QuestionForm::Question> questions;
    QSet<QString> completed;
    for (const ChatMessage &message : std::as_const(messages)) {
        if (message.role == MessageRole::User)
            return;
        for (const MessagePart &part : message.parts) {
            if (part.kind == MessagePart::Kind::ToolResult && !part.detail().isError)
                completed.insert(part.detail().toolCallId);
        }
        for (const MessagePart &part : message.parts) {
            if (part.kind == MessagePart::Kind::ToolCall
                && PartRenderer::isQuestionTool(part.detail().toolName)
                && completed.contains(part.detail().toolCallId)) {
                questions = QuestionForm::parseQuestions(part.detail().args);
                break;
            }
        }
        if (!questions.isEmpty())
            break;
    }
    if (questions.isEmpty() || !m_sink)
        return;
    const Chat *chat = m_chats ? m_chats->chat(id) : nullptr;
    NotificationRequest request;
    request.chatId = id;
    request.kind = NotificationRequest::Kind::NeedsInput;
    request.summary = chat && !chat->title.isEmpty() ? chat->title : tr("Agent");
    const QString first = questions.first().question.isEmpty() ? questions.first().header
                                                               : questions.first().question;
    request.body = questions.size() > 1
        ? tr("Agent asks: %1 (and %n more)", nullptr, int(questions.size()) - 1).arg(first)
        : tr("Agent asks: %1").arg(first);
    if (questions.size() == 1) {
        // One question: its options can be answered from the notification itself.
        for (const QuestionForm::Option &option : questions.first().options)
            request.answers << option.label;
    }
    request.playSound = !m_settings || m_settings->notificationSound();
    m_answers.insert(id, request.answers);
    m_sink->show(request);
    emit notified(request);
}

void QuestionNotifier::handleActivated(const ChatId &id, const QString &action)
{
    if (!action.startsWith(u"answer:"_s) || !m_api)
        return;
    bool ok = false;
    const int index = action.mid(7).toInt(&ok);
    const QStringList answers = m_answers.take(id);
    if (!ok || index < 0 || index >= answers.size())
        return;
    // §20.4.2: the answer is a new user message whose text is the option's label.
    SendMessageRequest request;
    request.content = {InputPart::fromText(answers.at(index))};
    const QString text = answers.at(index);
    m_api->sendMessage(id, request, this, [this, id, text](const ApiResult<SendMessageResult> &r) {
        if (r.ok())
            emit answered(id, text);
    });
}

} // namespace AgentDesk
