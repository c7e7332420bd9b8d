#pragma once

#include "core/api/ApiResult.h"
#include "core/api/ApiTypes.h"
#include "core/live/GitStreamClient.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QToolButton;
class QStackedWidget;

namespace AgentDesk {

namespace Ui {
class DiffPanel;
}

class ApiClient;
class DiffView;
class GitStreams;

//! The chat's changes (design.md c.7, product.md §1.4): a pull-request header from the chat's
//! DiffStatus (state Open/Draft/Merged/Closed, title, number, branches, link, approval or
//! changes requested, "checked N min ago"), a Refresh button, and the DiffView with the diff
//! from GET {P}/{chat}/diff. objectName diffPanel.
//!
//! Hook-up: MainWindow calls setChat() when the open chat changes and setDiffStatus() when a
//! watch event brings a new diff_status; refresh() runs on setChat and on the button.
class DiffPanel final : public QWidget
{
    Q_OBJECT

public:
    //! \a api is not owned and must outlive the panel.
    explicit DiffPanel(ApiClient *api, QWidget *parent = nullptr);
    ~DiffPanel() override;

    //! Switches to \a chatId and loads its diff; a null id empties the panel.
    void setChat(const ChatId &chatId, std::optional<DiffStatus> status);
    //! A newer PR state for the open chat (watch feed); ignored for other chats.
    void setDiffStatus(std::optional<DiffStatus> status);
    //! Fetches the diff again. Answers for a chat that is no longer open are dropped.
    void refresh();

    //! Where the live git client of a chat comes from (the Session's; widgets create no
    //! network objects). While the panel is visible it follows the workspace's uncommitted
    //! changes and refreshes when they move (§9.8). Null: no live updates.
    void setGitStreams(GitStreams *streams);
    //! The live git client of the open chat, while the panel is visible; null otherwise.
    GitStreamClient *gitStream() const { return m_git; }

    //! The chat the panel last fetched the diff of (null before the first fetch).
    ChatId fetchedChatId() const { return m_fetchedChat; }
    ChatId chatId() const { return m_chatId; }
    DiffView *diffView() const;
    bool isLoading() const noexcept { return m_loading; }
    //! For tests: the time "checked … ago" counts from.
    void setLastChecked(const QDateTime &when);

signals:
    //! A diff answer for the open chat was shown.
    void refreshed();
    void loadFailed(const AgentDesk::ApiError &error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateGitStream();
    void closeGitStream();
    void handleDiff(const ChatId &chatId, const ApiResult<ChatDiff> &result);
    void updateHeader();
    void updateCheckedLabel();

    QPointer<ApiClient> m_api;
    ChatId m_chatId;
    std::optional<DiffStatus> m_status;
    ChatDiff m_diff;
    QDateTime m_lastChecked;
    bool m_loading = false;
    quint64 m_request = 0;

    std::unique_ptr<Ui::DiffPanel> m_ui;
    QTimer m_clock;
    QPointer<GitStreams> m_gitStreams;
    QPointer<GitStreamClient> m_git;
    ChatId m_fetchedChat;       //!< The chat the last fetch was for (once per chat and showing).
    QSet<ChatId> m_noGitStream; //!< Chats whose git stream was refused (400/404).
    ChatId m_gitChat;
    QTimer m_gitRefresh; //!< Debounces refreshes: an agent's edits arrive in bursts.
};

} // namespace AgentDesk
