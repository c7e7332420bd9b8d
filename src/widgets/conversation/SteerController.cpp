#include "widgets/conversation/SteerController.h"

#include "core/storage/FileCache.h"
#include "models/MessageListModel.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/QuestionForm.h"

#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

//! §20.4.3 caps a plan at 32 KiB; a little more is accepted, anything beyond is not a plan.
constexpr qsizetype maxPlanBytes = 256 * 1024;

} // namespace

SteerController::SteerController(ChatView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SteerController::refresh);
    MessageDelegate *delegate = m_view->messageDelegate();
    delegate->layoutCache().renderer().setSteer(this);
    connect(delegate, &MessageDelegate::planCopyRequested, this,
        [this](const QModelIndex &index, int part) {
            const QString text = planTextAt(index, part);
            if (text.isEmpty())
                return;
            QGuiApplication::clipboard()->setText(text);
            emit planCopied();
        });
    connect(delegate, &MessageDelegate::planImplementRequested, this,
        [this](const QModelIndex &, int) { emit implementRequested(); });
}

SteerController::~SteerController()
{
    if (m_view && m_view->messageDelegate())
        m_view->messageDelegate()->layoutCache().renderer().setSteer(nullptr);
}

void SteerController::setModel(MessageListModel *messages)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    removeForm();
    m_messages = messages;
    m_answers.clear();
    m_activeCall.clear();
    m_cardRows.clear();
    m_usage.reset();
    m_latestPlanFile = {};
    if (messages) {
        auto schedule = [this] {
            scheduleRefresh();
        };
        m_connections << connect(messages, &QAbstractItemModel::rowsInserted, this, schedule)
                      << connect(messages, &QAbstractItemModel::rowsRemoved, this, schedule)
                      << connect(messages, &QAbstractItemModel::modelReset, this, schedule)
                      << connect(messages, &QAbstractItemModel::layoutChanged, this, schedule);
    }
    refresh();
}

void SteerController::setFileCache(FileCache *files)
{
    m_files = files;
}

void SteerController::setChatIdle(bool idle)
{
    if (m_idle == idle)
        return;
    m_idle = idle;
    scheduleRefresh();
}

void SteerController::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

QString SteerController::submittedAnswer(const QString &toolCallId) const
{
    return m_answers.value(toolCallId);
}

bool SteerController::isQuestionActive(const QString &toolCallId) const
{
    return !m_activeCall.isEmpty() && m_activeCall == toolCallId;
}

std::optional<QString> SteerController::planText(const FileId &fileId) const
{
    if (const auto it = m_planTexts.constFind(fileId); it != m_planTexts.constEnd())
        return *it;
    if (!m_files) {
        return QString(); // nowhere to fetch from
    }
    if (!m_planFetches.contains(fileId)) {
        m_planFetches.insert(fileId);
        // Started from outside the paint that asked (the answer re-renders the card).
        auto *self = const_cast<SteerController *>(this);
        QMetaObject::invokeMethod(
            self,
            [self, fileId] {
                if (!self->m_files)
                    return;
                self->m_files->fetch(
                    fileId, self, [self, fileId](const ApiResult<QByteArray> &result) {
                        QString text;
                        if (result.ok() && result.value().size() <= maxPlanBytes)
                            text = QString::fromUtf8(result.value());
                        self->handlePlanFetched(fileId, text);
                    });
            },
            Qt::QueuedConnection);
    }
    return std::nullopt;
}

void SteerController::handlePlanFetched(const FileId &id, const QString &text)
{
    m_planFetches.remove(id);
    m_planTexts.insert(id, text);
    refreshCardRows();
}

QString SteerController::latestPlanText() const
{
    return m_planTexts.value(m_latestPlanFile);
}

QString SteerController::planTextAt(const QModelIndex &index, int partIndex) const
{
    const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
    if (partIndex < 0 || partIndex >= parts.size())
        return {};
    const auto results =
        index.data(MessageListModel::ToolResultsRole).value<MessageListModel::ToolResults>();
    const MessagePart result = results.value(parts.at(partIndex).detail().toolCallId);
    const QJsonObject object = result.detail().result.toObject();
    if (object.value(u"content").isString())
        return object.value(u"content").toString();
    return m_planTexts.value(PartRenderer::planFileOf(result));
}

void SteerController::refresh()
{
    m_refreshTimer.stop();
    QHash<QString, QString> answers;
    QStringList unanswered;
    QPersistentModelIndex questionRow;
    QString questionCall;
    QJsonValue questionArgs;
    bool questionDone = false;
    QList<QPersistentModelIndex> cardRows;
    std::optional<MessageUsage> usage;
    FileId latestPlan;
    const int rows = m_messages ? m_messages->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_messages->index(row);
        if (index.data(MessageListModel::RoleRole).value<MessageRole>() == MessageRole::User) {
            // The first user message after a question answers it (§20.4.2).
            const QString text = index.data(MessageListModel::TextRole).toString();
            for (const QString &call : std::as_const(unanswered))
                answers.insert(call, text);
            unanswered.clear();
            continue;
        }
        if (const QVariant value = index.data(MessageListModel::UsageRole); value.isValid())
            usage = value.value<MessageUsage>();
        const auto parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
        bool card = false;
        for (const MessagePart &part : parts) {
            if (part.kind != MessagePart::Kind::ToolCall)
                continue;
            if (PartRenderer::isQuestionTool(part.detail().toolName)) {
                card = true;
                unanswered << part.detail().toolCallId;
                questionRow = index;
                questionCall = part.detail().toolCallId;
                questionArgs = part.detail().args;
                const auto results = index.data(MessageListModel::ToolResultsRole)
                                         .value<MessageListModel::ToolResults>();
                questionDone = results.contains(part.detail().toolCallId)
                    && !results.value(part.detail().toolCallId).detail().isError;
            } else if (PartRenderer::isPlanTool(part.detail().toolName)) {
                card = true;
                const auto results = index.data(MessageListModel::ToolResultsRole)
                                         .value<MessageListModel::ToolResults>();
                if (const FileId file =
                        PartRenderer::planFileOf(results.value(part.detail().toolCallId));
                    !file.isNull())
                    latestPlan = file;
            }
        }
        if (card)
            cardRows << QPersistentModelIndex(index);
    }
    const QString active = m_idle && questionDone && unanswered.contains(questionCall)
            && !QuestionForm::parseQuestions(questionArgs).isEmpty()
        ? questionCall
        : QString();
    const bool cardsChanged = answers != m_answers || active != m_activeCall;
    m_answers = answers;
    m_activeCall = active;
    m_cardRows = cardRows;
    const bool planChanged_ = latestPlan != m_latestPlanFile;
    m_latestPlanFile = latestPlan;
    if (!latestPlan.isNull())
        planText(latestPlan); // fetched ahead for Copy and the journeys
    const bool usageChanged_ = !(usage.has_value() == m_usage.has_value())
        || (usage && m_usage
            && (usage->inputTokens != m_usage->inputTokens
                || usage->outputTokens != m_usage->outputTokens
                || usage->cacheReadTokens != m_usage->cacheReadTokens
                || usage->cacheCreationTokens != m_usage->cacheCreationTokens
                || usage->reasoningTokens != m_usage->reasoningTokens
                || usage->contextLimit != m_usage->contextLimit));
    m_usage = usage;
    if (active.isEmpty())
        removeForm();
    else
        updateForm(questionRow, active, questionArgs);
    if (cardsChanged)
        refreshCardRows();
    if (usageChanged_)
        emit usageChanged();
    if (planChanged_)
        emit planChanged();
}

void SteerController::refreshCardRows()
{
    MessageDelegate *delegate = m_view->messageDelegate();
    for (const QPersistentModelIndex &row : std::as_const(m_cardRows)) {
        if (row.isValid())
            delegate->refreshRow(row);
    }
}

void SteerController::updateForm(
    const QModelIndex &row, const QString &callId, const QJsonValue &args)
{
    if (m_form && m_formCall == callId && m_formRow == row)
        return;
    removeForm();
    auto *form = new QuestionForm(QuestionForm::parseQuestions(args));
    m_form = form;
    m_formCall = callId;
    m_formRow = row;
    m_formKey = MessageLayoutCache::keyOf(row);
    connect(form, &QuestionForm::submitted, this,
        [this](const QString &text) { emit answerSubmitted(text); });
    MessageDelegate *delegate = m_view->messageDelegate();
    delegate->setReservedHeight(m_formKey, form->sizeHint().height() + 8);
    m_view->setIndexWidget(row, form);
    delegate->refreshRow(row);
    m_view->scrollTo(row, QAbstractItemView::PositionAtBottom);
    // The form takes the keys unless the user is in the middle of writing something else.
    const auto *editor = qobject_cast<QPlainTextEdit *>(QApplication::focusWidget());
    if (!editor || editor->toPlainText().trimmed().isEmpty())
        form->setFocus(Qt::OtherFocusReason);
}

void SteerController::removeForm()
{
    MessageDelegate *delegate = m_view->messageDelegate();
    if (!m_formKey.isEmpty())
        delegate->setReservedHeight(m_formKey, 0);
    if (m_form) {
        QuestionForm *form = m_form;
        m_form = nullptr;
        if (m_formRow.isValid() && m_view->indexWidget(m_formRow) == form)
            m_view->setIndexWidget(m_formRow, nullptr); // deletes it later
        else
            form->deleteLater();
    }
    if (m_formRow.isValid())
        delegate->refreshRow(m_formRow);
    m_formCall.clear();
    m_formKey.clear();
    m_formRow = QPersistentModelIndex();
}

} // namespace AgentDesk
