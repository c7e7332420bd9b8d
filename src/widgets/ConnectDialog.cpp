#include "widgets/ConnectDialog.h"

#include "core/ApiClient.h"
#include "core/AppSettings.h"
#include "core/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ConnectDialog::ConnectDialog(ApiClient *probe, SecretStore *keychain, SecretStore *sessionStore,
    AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_probe(probe)
    , m_keychain(keychain)
    , m_sessionStore(sessionStore)
    , m_settings(settings)
    , m_urlEdit(new QLineEdit(this))
    , m_tokenEdit(new QLineEdit(this))
    , m_tokenLink(new QLabel(this))
    , m_allowInsecure(new QCheckBox(this))
    , m_organizations(new QComboBox(this))
    , m_organizationLabel(new QLabel(this))
    , m_sessionOnly(new QCheckBox(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_connectButton(new QPushButton(this))
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Sign in to Coder"));
    setModal(true);

    auto *intro =
        new QLabel(tr("Enter the address of your Coder deployment and a session token."), this);
    intro->setWordWrap(true);

    m_urlEdit->setObjectName(u"serverUrlLineEdit"_s);
    m_urlEdit->setPlaceholderText(tr("https://coder.example.com"));
    m_urlEdit->setAccessibleName(tr("Deployment URL"));
    m_tokenEdit->setObjectName(u"tokenLineEdit"_s);
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("Session token"));
    m_tokenEdit->setAccessibleName(tr("Session token"));

    m_tokenLink->setObjectName(u"tokenPageLink"_s);
    m_tokenLink->setTextFormat(Qt::RichText);
    m_tokenLink->setTextInteractionFlags(
        Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    // The link text is translated as plain text; the markup is built around it (no HTML in tr).
    m_tokenLink->setText(u"<a href=\"tokens\">"_s
        + tr("Create a session token in your browser").toHtmlEscaped() + u"</a>"_s);
    m_tokenLink->setEnabled(false);
    connect(m_tokenLink, &QLabel::linkActivated, this, &ConnectDialog::openTokenPage);

    m_allowInsecure->setObjectName(u"allowInsecureHttpCheckBox"_s);
    m_allowInsecure->setText(tr("Send my token over unencrypted http anyway"));
    m_allowInsecure->setVisible(false);

    m_organizationLabel->setText(tr("Organization:"));
    m_organizations->setObjectName(u"organizationComboBox"_s);
    m_organizationLabel->setVisible(false);
    m_organizations->setVisible(false);

    m_sessionOnly->setObjectName(u"keepSessionOnlyCheckBox"_s);
    m_sessionOnly->setText(tr("Keep the token for this session only"));
    m_sessionOnly->setToolTip(
        tr("The token is kept in memory and forgotten when AgentDesk quits."));
    m_sessionOnly->setVisible(false);

    m_status->setObjectName(u"statusLabel"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setTextFormat(Qt::PlainText); // server text is never interpreted as markup
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(errorPalette);
    m_error->setVisible(false);

    m_connectButton->setObjectName(u"connectButton"_s);
    m_connectButton->setText(tr("Connect"));
    m_connectButton->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(u"cancelButton"_s);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectDialog::handleConnect);
    connect(m_urlEdit, &QLineEdit::textChanged, this, &ConnectDialog::handleUrlEdited);
    connect(m_tokenEdit, &QLineEdit::textChanged, this, [this] {
        m_awaitingOrganization = false;
        m_organizations->setVisible(false);
        m_organizationLabel->setVisible(false);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Deployment URL:"), m_urlEdit);
    form->addRow(tr("Session token:"), m_tokenEdit);
    form->addRow(QString(), m_tokenLink);
    form->addRow(m_organizationLabel, m_organizations);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_connectButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_allowInsecure);
    layout->addWidget(m_sessionOnly);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addLayout(buttons);
    setMinimumWidth(520);
}

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
    m_urlEdit->setText(url.toString());
}

void ConnectDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
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
    const std::optional<QUrl> origin = normalizeUrl(m_urlEdit->text());
    if (!origin)
        return {};
    QUrl page = *origin;
    page.setPath(u"/settings/tokens"_s);
    return page;
}

void ConnectDialog::handleUrlEdited()
{
    m_awaitingOrganization = false;
    m_organizations->setVisible(false);
    m_organizationLabel->setVisible(false);
    const std::optional<QUrl> origin = normalizeUrl(m_urlEdit->text());
    m_tokenLink->setEnabled(origin.has_value());
    const bool insecure = origin && origin->scheme() == u"http" && !isLoopback(*origin);
    m_allowInsecure->setVisible(insecure);
    if (!insecure)
        m_allowInsecure->setChecked(false);
}

void ConnectDialog::openTokenPage()
{
    const QUrl page = tokenPageUrl();
    if (page.isValid())
        QDesktopServices::openUrl(page);
}

void ConnectDialog::setBusy(bool busy, const QString &status)
{
    m_urlEdit->setEnabled(!busy);
    m_tokenEdit->setEnabled(!busy);
    m_connectButton->setEnabled(!busy);
    m_organizations->setEnabled(!busy);
    m_status->setText(status);
}

void ConnectDialog::fail(const QString &message)
{
    setBusy(false);
    showError(message);
}

void ConnectDialog::failApi(const ApiError &error)
{
    // Coder's own message and detail (design.md c.9); TLS errors arrive here too, as Network
    // errors with the handshake's reason in detail. They are shown, never ignored.
    fail(error.toDisplayString());
}

void ConnectDialog::handleConnect()
{
    showError({});
    if (m_awaitingOrganization && m_organizations->currentIndex() >= 0) {
        m_result.organizationId = m_organizations->currentData().value<OrganizationId>();
        m_result.organizationName = m_organizations->currentText();
        m_awaitingOrganization = false;
        saveToken();
        return;
    }

    QString error;
    const std::optional<QUrl> origin = normalizeUrl(m_urlEdit->text(), &error);
    if (!origin) {
        fail(error);
        return;
    }
    if (origin->scheme() == u"http" && !isLoopback(*origin) && !m_allowInsecure->isChecked()) {
        m_allowInsecure->setVisible(true);
        fail(tr("%1 uses plain http: your session token would cross the network unencrypted. "
                "Use https, or confirm below that you accept the risk.")
                 .arg(origin->host()));
        return;
    }
    const QString token = m_tokenEdit->text().trimmed();
    if (token.isEmpty()) {
        fail(tr("Enter a session token. You can create one on the deployment's token page."));
        return;
    }

    ++m_attempt;
    m_result = ConnectionResult();
    m_result.deploymentUrl = *origin;
    m_result.token = token.toUtf8();
    m_result.sessionOnly = m_sessionOnly->isVisible() && m_sessionOnly->isChecked();
    m_urlEdit->setText(origin->toString());
    m_probe->setDeploymentUrl(*origin);
    m_probe->setSessionToken(m_result.token);
    checkBuildInfo();
}

void ConnectDialog::checkBuildInfo()
{
    setBusy(true, tr("Contacting the deployment\u2026"));
    const int attempt = m_attempt;
    m_probe->buildInfo(this, [this, attempt](const ApiResult<BuildInfo> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            failApi(result.error());
            return;
        }
        checkUser();
    });
}

void ConnectDialog::checkUser()
{
    setBusy(true, tr("Checking the token\u2026"));
    const int attempt = m_attempt;
    m_probe->currentUser(this, [this, attempt](const ApiResult<User> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            failApi(result.error());
            return;
        }
        m_result.user = result.value();
        checkPrefix();
    });
}

void ConnectDialog::checkPrefix()
{
    setBusy(true, tr("Looking for Coder Agents\u2026"));
    const int attempt = m_attempt;
    m_probe->detectPrefix(this, [this, attempt](const ApiResult<QString> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            failApi(result.error());
            return;
        }
        m_result.chatsPrefix = result.value();
        checkOrganizations();
    });
}

void ConnectDialog::checkOrganizations()
{
    setBusy(true, tr("Loading organizations\u2026"));
    const int attempt = m_attempt;
    m_probe->organizations(this, [this, attempt](const ApiResult<QList<Organization>> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            failApi(result.error());
            return;
        }
        const QList<Organization> &organizations = result.value();
        if (organizations.isEmpty()) {
            fail(tr("Your account is not a member of any organization."));
            return;
        }
        if (organizations.size() == 1) {
            m_result.organizationId = organizations.first().id;
            m_result.organizationName = organizations.first().name;
            saveToken();
            return;
        }
        // More than one: let the user choose, the default (or the last used) preselected.
        m_organizations->clear();
        const QString remembered = m_settings ? m_settings->organizationId() : QString();
        int preselect = 0;
        for (const Organization &organization : organizations) {
            m_organizations->addItem(organization.name, QVariant::fromValue(organization.id));
            if (organization.id.toString() == remembered
                || (remembered.isEmpty() && organization.isDefault))
                preselect = m_organizations->count() - 1;
        }
        m_organizations->setCurrentIndex(preselect);
        m_organizations->setVisible(true);
        m_organizationLabel->setVisible(true);
        m_awaitingOrganization = true;
        setBusy(false, tr("Choose an organization, then connect."));
        m_organizations->setFocus();
    });
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
                const bool offerSession = store != m_sessionStore;
                m_sessionOnly->setVisible(offerSession);
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
            m_tokenEdit->clear(); // the keychain (or memory) has it now
            const ConnectionResult result = m_result;
            m_result.token.clear();
            emit connected(result);
            accept();
        });
}

} // namespace AgentDesk
