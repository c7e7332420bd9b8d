#include "widgets/dialogs/ConnectDialog.h"

#include "core/api/ApiClient.h"
#include "core/storage/AppSettings.h"
#include "core/storage/SecretStore.h"
#include "ui_ConnectDialog.h"

#include <QDesktopServices>
#include <QEvent>
#include <QHostAddress>

#include <utility>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ConnectDialog::ConnectDialog(ApiClient *probe, SecretStore *keychain, SecretStore *sessionStore,
    AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_keychain(keychain)
    , m_sessionStore(sessionStore)
    , m_settings(settings)
    , m_ui(std::make_unique<Ui::ConnectDialog>())
    , m_flow(new SignInFlow(probe, this))
{
    m_ui->setupUi(this);
    // The link text is translated as plain text; the markup is built around it (no HTML in tr).
    m_ui->tokenPageLink->setText(u"<a href=\"tokens\">"_s
        + tr("Create a session token in your browser").toHtmlEscaped() + u"</a>"_s);
    QPalette errorPalette = m_ui->errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_ui->errorLabel->setPalette(errorPalette);
    // Shown when they apply: plain http to another host, several organizations, no keychain.
    m_ui->allowInsecureHttpCheckBox->setVisible(false);
    m_ui->organizationLabel->setVisible(false);
    m_ui->organizationComboBox->setVisible(false);
    m_ui->keepSessionOnlyCheckBox->setVisible(false);
    m_ui->errorLabel->setVisible(false);

    connect(m_ui->tokenPageLink, &QLabel::linkActivated, this, &ConnectDialog::openTokenPage);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &ConnectDialog::handleConnect);
    connect(
        m_ui->serverUrlLineEdit, &QLineEdit::textChanged, this, &ConnectDialog::handleUrlEdited);
    connect(m_ui->tokenLineEdit, &QLineEdit::textChanged, this,
        &ConnectDialog::resetOrganizationChoice);
    connect(m_flow, &SignInFlow::stepStarted, this, &ConnectDialog::handleStepStarted);
    connect(m_flow, &SignInFlow::organizationChoiceNeeded, this,
        &ConnectDialog::handleOrganizationChoiceNeeded);
    connect(m_flow, &SignInFlow::succeeded, this, &ConnectDialog::handleSignedIn);
    connect(m_flow, &SignInFlow::failed, this,
        [this](SignInFlow::Step, const QString &message) { fail(message); });
    // Cancelled while checking: the answers still on their way must not sign in.
    connect(this, &QDialog::rejected, this, [this] {
        m_flow->cancel();
        ++m_attempt;
        m_result = ConnectionResult();
        setBusy(false);
    });
}

ConnectDialog::~ConnectDialog() = default;

bool ConnectDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest && layout()) {
        // Grows when the error, the confirmation or the organization picker appear. A wrapped
        // label needs its height for the dialog's width, which a minimum-size constraint
        // does not ask for, so the dialog is measured here.
        const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                         : layout()->totalSizeHint().height();
        if (height() < needed)
            resize(width(), needed);
    }
    return handled;
}

void ConnectDialog::setDeploymentUrl(const QUrl &url)
{
    m_ui->serverUrlLineEdit->setText(url.toString());
}

void ConnectDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

std::optional<QUrl> ConnectDialog::normalizeUrl(const QString &text, QString *error)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = tr("Enter the address of your Coder deployment.");
        return std::nullopt;
    }
    if (!trimmed.contains(u"://"_s))
        trimmed.prepend(u"https://"_s);
    const QUrl url = QUrl::fromUserInput(trimmed);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        if (error)
            *error = tr("\u201c%1\u201d is not an http or https address.").arg(text.trimmed());
        return std::nullopt;
    }
    // One token per origin: the path, query and fragment of a pasted page URL mean nothing.
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(url.host().toLower());
    if (url.port() > 0
        && !((scheme == u"https" && url.port() == 443) || (scheme == u"http" && url.port() == 80)))
        origin.setPort(url.port());
    return origin;
}

bool ConnectDialog::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl ConnectDialog::tokenPageUrl() const
{
    const std::optional<QUrl> origin = normalizeUrl(m_ui->serverUrlLineEdit->text());
    if (!origin)
        return {};
    QUrl page = *origin;
    page.setPath(u"/settings/tokens"_s);
    return page;
}

void ConnectDialog::resetOrganizationChoice()
{
    // A changed URL or token makes the offered organizations meaningless.
    if (m_flow->isAwaitingOrganization()) {
        m_flow->cancel();
        m_ui->statusLabel->clear();
    }
    m_ui->organizationComboBox->setVisible(false);
    m_ui->organizationLabel->setVisible(false);
}

void ConnectDialog::handleUrlEdited()
{
    resetOrganizationChoice();
    const std::optional<QUrl> origin = normalizeUrl(m_ui->serverUrlLineEdit->text());
    m_ui->tokenPageLink->setEnabled(origin.has_value());
    const bool insecure = origin && origin->scheme() == u"http" && !isLoopback(*origin);
    m_ui->allowInsecureHttpCheckBox->setVisible(insecure);
    if (!insecure)
        m_ui->allowInsecureHttpCheckBox->setChecked(false);
}

void ConnectDialog::openTokenPage()
{
    const QUrl page = tokenPageUrl();
    if (page.isValid())
        QDesktopServices::openUrl(page);
}

void ConnectDialog::setBusy(bool busy, const QString &status)
{
    m_ui->serverUrlLineEdit->setEnabled(!busy);
    m_ui->tokenLineEdit->setEnabled(!busy);
    m_ui->connectButton->setEnabled(!busy);
    m_ui->organizationComboBox->setEnabled(!busy);
    m_ui->statusLabel->setText(status);
}

void ConnectDialog::fail(const QString &message)
{
    setBusy(false);
    showError(message);
}

void ConnectDialog::handleConnect()
{
    showError({});
    QComboBox *organizations = m_ui->organizationComboBox;
    if (m_flow->isAwaitingOrganization() && organizations->currentIndex() >= 0
        && organizations->currentIndex() < m_offeredOrganizations.size()) {
        m_flow->chooseOrganization(m_offeredOrganizations.at(organizations->currentIndex()));
        return;
    }

    QString error;
    const std::optional<QUrl> origin = normalizeUrl(m_ui->serverUrlLineEdit->text(), &error);
    if (!origin) {
        fail(error);
        return;
    }
    if (origin->scheme() == u"http" && !isLoopback(*origin)
        && !m_ui->allowInsecureHttpCheckBox->isChecked()) {
        m_ui->allowInsecureHttpCheckBox->setVisible(true);
        fail(tr("%1 uses plain http: your session token would cross the network unencrypted. "
                "Use https, or confirm below that you accept the risk.")
                 .arg(origin->host()));
        return;
    }
    const QString token = m_ui->tokenLineEdit->text().trimmed();
    if (token.isEmpty()) {
        fail(tr("Enter a session token. You can create one on the deployment's token page."));
        return;
    }

    ++m_attempt;
    m_sessionOnlyChosen =
        m_ui->keepSessionOnlyCheckBox->isVisible() && m_ui->keepSessionOnlyCheckBox->isChecked();
    m_ui->serverUrlLineEdit->setText(origin->toString());
    m_flow->start(*origin, token.toUtf8(), m_settings ? m_settings->organizationId() : QString(),
        SignInFlow::OrganizationChoice::AskWhenSeveral);
}

void ConnectDialog::handleStepStarted(SignInFlow::Step step)
{
    using Step = SignInFlow::Step;
    static constexpr std::pair<Step, const char *> texts[] = {
        {Step::BuildInfo, QT_TR_NOOP("Contacting the deployment\u2026")},
        {Step::User, QT_TR_NOOP("Checking the token\u2026")},
        {Step::Prefix, QT_TR_NOOP("Looking for Coder Agents\u2026")},
        {Step::Organizations, QT_TR_NOOP("Loading organizations\u2026")},
        {Step::Models, QT_TR_NOOP("Loading models\u2026")},
    };
    for (const auto &[candidate, text] : texts) {
        if (candidate == step)
            setBusy(true, tr(text));
    }
}

void ConnectDialog::handleOrganizationChoiceNeeded(
    const QList<Organization> &organizations, qsizetype preselected)
{
    // More than one: let the user choose, the flow's pick (last used or default) preselected.
    m_offeredOrganizations = organizations;
    QComboBox *combo = m_ui->organizationComboBox;
    combo->clear();
    for (const Organization &organization : organizations)
        combo->addItem(organization.name, QVariant::fromValue(organization.id));
    combo->setCurrentIndex(int(preselected));
    combo->setVisible(true);
    m_ui->organizationLabel->setVisible(true);
    setBusy(false, tr("Choose an organization, then connect."));
    combo->setFocus();
}

void ConnectDialog::handleSignedIn(const ConnectionResult &result)
{
    m_result = result;
    m_result.sessionOnly = m_sessionOnlyChosen;
    saveToken();
}

void ConnectDialog::saveToken()
{
    // Without a keychain (demo, tests signed in by token) the session store is the only place.
    if (!m_keychain)
        m_result.sessionOnly = true;
    SecretStore *store = m_result.sessionOnly ? m_sessionStore : m_keychain;
    if (!store) {
        fail(tr("No place to keep the token."));
        return;
    }
    setBusy(true, tr("Saving the token\u2026"));
    const int attempt = m_attempt;
    const QString origin = m_result.deploymentUrl.toString();
    store->writeToken(origin, QString::fromUtf8(m_result.token),
        [this, attempt, store](const SecretResult &saved) {
            if (attempt != m_attempt)
                return;
            if (!saved.ok()) {
                m_result.token.clear();
                const bool offerSession = store != m_sessionStore;
                m_ui->keepSessionOnlyCheckBox->setVisible(offerSession);
                if (saved.status == SecretResult::Status::Unavailable) {
                    fail(tr("No keychain service is available to store the token (%1). "
                            "Tick \u201cKeep the token for this session only\u201d to continue "
                            "without saving it.")
                             .arg(saved.error));
                } else if (saved.status == SecretResult::Status::Denied) {
                    fail(tr("Access to the keychain was refused. The token was not saved."));
                } else {
                    fail(tr("The token could not be saved in the keychain: %1").arg(saved.error));
                }
                return;
            }
            if (m_settings) {
                m_settings->setDeploymentUrl(m_result.deploymentUrl);
                m_settings->setOrganizationId(m_result.organizationId.toString());
                m_settings->sync();
            }
            setBusy(false);
            m_ui->tokenLineEdit->clear(); // the keychain (or memory) has it now
            const ConnectionResult result = m_result;
            m_result = ConnectionResult();
            emit connected(result);
            accept();
        });
}

} // namespace AgentDesk
