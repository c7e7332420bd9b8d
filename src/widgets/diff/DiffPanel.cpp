#include "widgets/diff/DiffPanel.h"

#include "core/api/ApiClient.h"
#include "core/live/GitStreams.h"
#include "ui_DiffPanel.h"
#include "widgets/diff/DiffView.h"

#include <QLabel>
#include <QToolButton>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int clockIntervalMs = 30'000;

//! Label text and badge colour for a PR state; draft wins over "open".
std::pair<QString, QColor> stateBadge(const DiffStatus &status)
{
    const QString state = status.pullRequestState.toLower();
    if (state == u"merged")
        return {DiffPanel::tr("Merged"), QColor(0x82, 0x50, 0xdf)};
    if (state == u"closed")
        return {DiffPanel::tr("Closed"), QColor(0xcf, 0x22, 0x2e)};
    if (status.pullRequestDraft)
        return {DiffPanel::tr("Draft"), QColor(0x6e, 0x77, 0x81)};
    if (state == u"open")
        return {DiffPanel::tr("Open"), QColor(0x1a, 0x7f, 0x37)};
    if (!state.isEmpty())
        return {status.pullRequestState, QColor(0x6e, 0x77, 0x81)};
    return {};
}

} // namespace

DiffPanel::DiffPanel(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_ui(std::make_unique<Ui::DiffPanel>())
{
    // ui/DiffPanel.ui: the PR state, title and refresh button, the branch, review and
    // "checked" line, a message line and the diff view.
    m_ui->setupUi(this);
    m_ui->diffMessageLabel->hide();
    connect(m_ui->diffRefreshButton, &QToolButton::clicked, this, &DiffPanel::refresh);

    m_clock.setInterval(clockIntervalMs);
    connect(&m_clock, &QTimer::timeout, this, &DiffPanel::updateCheckedLabel);
    m_clock.start();
    m_gitRefresh.setSingleShot(true);
    m_gitRefresh.setInterval(500);
    connect(&m_gitRefresh, &QTimer::timeout, this, &DiffPanel::refresh);
    updateHeader();
}

DiffView *DiffPanel::diffView() const
{
    return m_ui->diffPanelView;
}

DiffPanel::~DiffPanel()
{
    closeGitStream(); // the client is the Session's: it must not stay live for a gone panel
}

void DiffPanel::setChat(const ChatId &chatId, std::optional<DiffStatus> status)
{
    const bool switched = chatId != m_chatId;
    m_chatId = chatId;
    m_status = std::move(status);
    if (switched) {
        updateGitStream();
        ++m_request; // an answer for the previous chat must not land here
        m_diff = {};
        m_lastChecked = {};
        m_ui->diffPanelView->clear();
        m_ui->diffMessageLabel->hide();
    }
    updateHeader();
    if (!m_chatId.isNull() && isVisible())
        refresh(); // hidden, the diff is fetched when the panel opens
}

void DiffPanel::setGitStreams(GitStreams *streams)
{
    closeGitStream();
    m_gitStreams = streams;
    updateGitStream();
}

void DiffPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateGitStream();
    // Shown for a chat whose diff was never fetched (switched while hidden): fetch it now.
    if (!m_chatId.isNull() && m_fetchedChat != m_chatId)
        refresh();
}

void DiffPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateGitStream();
}

void DiffPanel::updateGitStream()
{
    // One live socket at most, and only for what is on screen.
    // A chat whose git stream was refused (no workspace yet) is not asked again this run.
    const bool wanted =
        isVisible() && !m_chatId.isNull() && m_gitStreams && !m_noGitStream.contains(m_chatId);
    if (m_git && (!wanted || m_gitChat != m_chatId))
        closeGitStream();
    if (!wanted || m_git)
        return;
    m_git = m_gitStreams->open(m_chatId);
    if (!m_git)
        return;
    m_gitChat = m_chatId;
    connect(m_git, &GitStreamClient::changesReceived, this, [this] { m_gitRefresh.start(); });
    connect(m_git, &GitStreamClient::upgradeRejected, this, [this](int status) {
        if (status != 400 && status != 404)
            return;
        m_noGitStream.insert(m_gitChat);
        closeGitStream();
    });
    m_git->start();
}

void DiffPanel::closeGitStream()
{
    if (m_git && m_gitStreams)
        m_gitStreams->close(m_git);
    m_git = nullptr;
}

void DiffPanel::setDiffStatus(std::optional<DiffStatus> status)
{
    if (status && !status->chatId.isNull() && status->chatId != m_chatId)
        return;
    m_status = std::move(status);
    updateHeader();
}

void DiffPanel::setLastChecked(const QDateTime &when)
{
    m_lastChecked = when;
    updateCheckedLabel();
}

void DiffPanel::refresh()
{
    if (m_chatId.isNull() || !m_api)
        return;
    m_fetchedChat = m_chatId;
    const quint64 request = ++m_request;
    const ChatId chatId = m_chatId;
    m_loading = true;
    m_ui->diffRefreshButton->setEnabled(false);
    m_ui->diffCheckedLabel->setText(tr("checking…"));
    m_api->chatDiff(chatId, this, [this, request, chatId](const ApiResult<ChatDiff> &result) {
        if (request != m_request)
            return;
        handleDiff(chatId, result);
    });
}

void DiffPanel::handleDiff(const ChatId &chatId, const ApiResult<ChatDiff> &result)
{
    m_loading = false;
    m_ui->diffRefreshButton->setEnabled(true);
    if (chatId != m_chatId)
        return;
    if (!result.ok()) {
        m_ui->diffMessageLabel->setText(
            tr("Could not load the diff: %1").arg(result.error().toDisplayString()));
        m_ui->diffMessageLabel->show();
        updateCheckedLabel();
        emit loadFailed(result.error());
        return;
    }
    m_diff = result.value();
    m_lastChecked = QDateTime::currentDateTimeUtc();
    if (m_diff.diff.isEmpty()) {
        m_ui->diffMessageLabel->setText(tr("No changes yet."));
        m_ui->diffMessageLabel->show();
    } else {
        m_ui->diffMessageLabel->hide();
    }
    m_ui->diffPanelView->setDiffText(m_diff.diff);
    updateHeader();
    emit refreshed();
}

void DiffPanel::updateHeader()
{
    const bool hasPr =
        m_status && (m_status->prNumber > 0 || !m_status->pullRequestState.isEmpty());
    const auto [stateText, stateColor] =
        m_status ? stateBadge(*m_status) : std::pair<QString, QColor>();
    m_ui->diffStateLabel->setVisible(hasPr && !stateText.isEmpty());
    m_ui->diffStateLabel->setText(stateText);
    if (stateColor.isValid()) {
        QPalette palette = m_ui->diffStateLabel->palette();
        palette.setColor(QPalette::Window, stateColor);
        palette.setColor(QPalette::WindowText, Qt::white);
        m_ui->diffStateLabel->setPalette(palette);
    }

    QString title;
    if (m_status && !m_status->pullRequestTitle.isEmpty())
        title = m_status->pullRequestTitle.toHtmlEscaped();
    else if (m_chatId.isNull())
        title = tr("No chat selected").toHtmlEscaped();
    else if (!hasPr)
        title = tr("No pull request yet").toHtmlEscaped();
    const QString url =
        m_status && !m_status->url.isEmpty() ? m_status->url : m_diff.pullRequestUrl;
    if (m_status && m_status->prNumber > 0) {
        const QString number = u"#%1"_s.arg(m_status->prNumber);
        const QUrl link(url);
        const QString numberHtml = link.isValid() && !url.isEmpty()
            ? u"<a href=\"%1\">%2</a>"_s.arg(
                link.toString(QUrl::FullyEncoded).toHtmlEscaped(), number)
            : number;
        title = numberHtml + u" "_s + title;
    }
    m_ui->diffTitleLabel->setText(title);
    m_ui->diffTitleLabel->setToolTip(url);

    QString head =
        m_status && !m_status->headBranch.isEmpty() ? m_status->headBranch : m_diff.branch;
    QString branch;
    if (!head.isEmpty() && m_status && !m_status->baseBranch.isEmpty())
        branch = tr("%1 → %2").arg(head, m_status->baseBranch);
    else if (!head.isEmpty())
        branch = head;
    if (m_status && (m_status->additions > 0 || m_status->deletions > 0)) {
        branch += (branch.isEmpty() ? QString() : u"   "_s)
            + tr("%n file(s)", nullptr, m_status->changedFiles)
            + u" +%1 −%2"_s.arg(m_status->additions).arg(m_status->deletions);
    }
    m_ui->diffBranchLabel->setText(branch);
    m_ui->diffBranchLabel->setVisible(!branch.isEmpty());

    QString review;
    if (m_status && hasPr) {
        if (m_status->changesRequested)
            review = tr("Changes requested");
        else if (m_status->approved)
            review = tr("Approved");
        else if (m_status->reviewerCount > 0)
            review = tr("%n reviewer(s)", nullptr, m_status->reviewerCount);
    }
    m_ui->diffReviewLabel->setText(review);
    m_ui->diffReviewLabel->setVisible(!review.isEmpty());
    QPalette reviewPalette = m_ui->diffReviewLabel->palette();
    reviewPalette.setColor(QPalette::WindowText,
        m_status && m_status->changesRequested ? QColor(0xcf, 0x22, 0x2e)
                                               : QColor(0x1a, 0x7f, 0x37));
    m_ui->diffReviewLabel->setPalette(reviewPalette);
    m_ui->diffRefreshButton->setEnabled(!m_chatId.isNull() && !m_loading);
    updateCheckedLabel();
}

void DiffPanel::updateCheckedLabel()
{
    if (m_loading)
        return;
    QDateTime when = m_lastChecked;
    if (!when.isValid() && m_status)
        when = m_status->refreshedAt;
    if (!when.isValid()) {
        m_ui->diffCheckedLabel->clear();
        return;
    }
    const qint64 minutes = std::max<qint64>(0, when.secsTo(QDateTime::currentDateTimeUtc()) / 60);
    if (minutes < 1)
        m_ui->diffCheckedLabel->setText(tr("checked just now"));
    else if (minutes < 120)
        m_ui->diffCheckedLabel->setText(tr("checked %n min ago", nullptr, int(minutes)));
    else
        m_ui->diffCheckedLabel->setText(tr("checked %n hour(s) ago", nullptr, int(minutes / 60)));
    m_ui->diffCheckedLabel->setToolTip(
        QLocale().toString(when.toLocalTime(), QLocale::ShortFormat));
}

} // namespace AgentDesk
