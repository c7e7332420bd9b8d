#pragma once

#include "core/api/ApiTypes.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/conversation/QuestionForm.h"

#include <QHash>
#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace AgentDesk {

class ChatView;
class FileCache;
class MessageListModel;

//! Follows the open chat's transcript for the cards that steer the agent (§20.4, §20.6.4):
//! which ask_user_question was answered by which user message, which one is open now (chat
//! idle, tool completed, the latest question, no answer yet) with its QuestionForm inline under
//! the card, the proposed plans' texts (fetched by file id) and the latest usage for the
//! context gauge. It is the PartRenderer's SteerSource.
class SteerController final : public QObject, public SteerSource
{
    Q_OBJECT

public:
    SteerController(ChatView *view, QObject *parent = nullptr);
    ~SteerController() override;

    void setModel(MessageListModel *messages);
    //! Plan files come through `files` (not owned; null = plans show "could not be loaded").
    void setFileCache(FileCache *files);
    //! The form is offered only while the chat is idle (no stream, no turn).
    void setChatIdle(bool idle);

    QString submittedAnswer(const QString &toolCallId) const override;
    bool isQuestionActive(const QString &toolCallId) const override;
    std::optional<QString> planText(const FileId &fileId) const override;

    //! The usage of the newest message that has one (§20.6.4).
    std::optional<MessageUsage> latestUsage() const { return m_usage; }
    QuestionForm *questionForm() const { return m_form; }
    //! The newest proposed plan's text; empty while none is loaded.
    QString latestPlanText() const;
    bool hasPlan() const { return !m_latestPlanFile.isNull(); }
    //! Re-reads the transcript now (normally coalesced after model changes).
    void refresh();

signals:
    //! The user submitted the open question's form; `text` is the message to send.
    void answerSubmitted(const QString &text);
    //! "Implement" on a plan card.
    void implementRequested();
    //! "Copy plan" put a plan on the clipboard.
    void planCopied();
    void usageChanged();
    //! Whether the transcript holds a proposed plan changed (hasPlan()).
    void planChanged();

private:
    void scheduleRefresh();
    void updateForm(const QModelIndex &row, const QString &callId, const QJsonValue &args);
    void removeForm();
    void refreshCardRows();
    void handlePlanFetched(const FileId &id, const QString &text);
    QString planTextAt(const QModelIndex &index, int partIndex) const;

    QPointer<ChatView> m_view; // a sibling in the conversation: it may go first
    QPointer<MessageListModel> m_messages;
    QPointer<FileCache> m_files;
    QList<QMetaObject::Connection> m_connections;
    QTimer m_refreshTimer;
    bool m_idle = true;

    QHash<QString, QString> m_answers; //!< tool_call_id → the user message after it
    QString m_activeCall;
    QList<QPersistentModelIndex> m_cardRows; //!< Rows with question or plan cards.
    QPointer<QuestionForm> m_form;
    QString m_formCall;
    QString m_formKey;
    QPersistentModelIndex m_formRow;
    std::optional<MessageUsage> m_usage;
    FileId m_latestPlanFile;
    mutable QHash<FileId, QString> m_planTexts; //!< Fetched plans; empty = failed
    mutable QSet<FileId> m_planFetches;         //!< Requested, not arrived yet
};

} // namespace AgentDesk
