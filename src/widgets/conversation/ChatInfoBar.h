#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"

#include <QTimer>
#include <QWidget>

#include <chrono>
#include <memory>
#include <optional>

class QLabel;
class QToolButton;

namespace AgentDesk {

namespace Ui {
class ChatInfoBar;
}

class ApiClient;
class ContextPopover;
class ErrorBanner;

//! What the conversation shows about the open chat beyond its messages (§20.3, §20.5, §20.12):
//! "Shared by <owner>" for a chat the user may only read, the dirty-context banner with
//! "Refresh" (PUT {chat}/context), the capacity callout while the chat waits for a slot, and
//! the header's "Context" button with its popover. The chat comes from the list; the resources
//! and queued_for_capacity only from the single GET, asked for once per opened chat and every
//! 5 s while it runs (§20.12).
class ChatInfoBar final : public QWidget
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultPollInterval{5'000};

    explicit ChatInfoBar(QWidget *parent = nullptr);
    ~ChatInfoBar() override;

    //! Not owned; null = no requests (the flags from the list are still shown).
    void setApi(ApiClient *api);
    //! The open chat as the list knows it (null id = none). `readOnly`: owned by someone else.
    void setChat(const Chat &chat, bool readOnly);
    void setPollInterval(std::chrono::milliseconds interval);

    //! The header's button (objectName contextButton); ConversationWidget places it.
    QToolButton *contextButton() const { return m_contextButton; }
    ContextPopover *contextPopover() const { return m_popover; }
    ErrorBanner *contextBanner() const;
    QLabel *sharedByLabel() const;
    QLabel *capacityLabel() const;
    //! The context as shown: the list's flags with the resources of the last GET or PUT.
    std::optional<ChatContext> context() const;
    //! PUT {chat}/context, as "Refresh" does.
    void refreshContext();
    void showContextPopover();

signals:
    //! The server answered with the whole chat (a refresh): the list should hold it.
    void chatRefreshed(const AgentDesk::Chat &chat);

private:
    void fetchDetail();
    void updateView();
    void updatePolling();

    std::unique_ptr<Ui::ChatInfoBar> m_ui;
    ApiClient *m_api = nullptr;
    QToolButton *m_contextButton = nullptr;
    ContextPopover *m_popover = nullptr;
    QTimer m_pollTimer;

    Chat m_chat;
    bool m_readOnly = false;
    std::optional<Chat> m_detail; //!< The last single GET or PUT of m_chat.
    bool m_fetching = false;
    bool m_refreshing = false;
    std::optional<ApiError> m_refreshError;
};

} // namespace AgentDesk
