#include "widgets/dialogs/ShareDialog.h"

#include "core/api/ApiClient.h"
#include "core/api/DisplayText.h"
#include "ui_ShareDialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int searchDelayMs = 250;
constexpr int kindRole = Qt::UserRole + 1; //!< 0 user, 1 group
constexpr int idRole = Qt::UserRole + 2;

QString roleText(const QString &role)
{
    if (role == u"read")
        return ShareDialog::tr("Read");
    //: An ACL entry whose stored rights are not a known role (§20.3.2)
    return ShareDialog::tr("Other access");
}

//! §20.3.3: the text Coder sends when the deployment switched sharing off.
bool isSharingDisabled(const ApiError &error)
{
    return error.isHttpStatus(403)
        && error.message.contains(u"sharing is disabled"_s, Qt::CaseInsensitive);
}

} // namespace

ShareDialog::ShareDialog(ApiClient *api, const Chat &chat, const UserId &me, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShareDialog>())
    , m_api(api)
    , m_chat(chat)
    , m_me(me)
{
    m_ui->setupUi(this);
    const QString title = safeDisplayText(chat.title);
    if (!title.isEmpty())
        setWindowTitle(tr("Share \u201c%1\u201d").arg(title));
    // Read is the only role Coder offers (§20.3.7).
    m_ui->shareRoleCombo->addItem(tr("Read"), u"read"_s);
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(searchDelayMs);
    connect(
        &m_searchDelay, &QTimer::timeout, this, [this] { search(m_ui->shareSearchEdit->text()); });
    connect(m_ui->shareSearchEdit, &QLineEdit::textEdited, this, [this] { m_searchDelay.start(); });
    connect(m_ui->shareSearchEdit, &QLineEdit::returnPressed, this, &ShareDialog::addSelected);
    connect(m_ui->shareAddButton, &QPushButton::clicked, this, &ShareDialog::addSelected);
    connect(m_ui->shareRemoveButton, &QPushButton::clicked, this, &ShareDialog::removeSelected);
    connect(
        m_ui->shareUserResults, &QListWidget::currentRowChanged, this, &ShareDialog::updateButtons);
    connect(
        m_ui->shareUserResults, &QListWidget::itemDoubleClicked, this, &ShareDialog::addSelected);
    connect(
        m_ui->shareAccessList, &QListWidget::currentRowChanged, this, &ShareDialog::updateButtons);
    connect(m_ui->shareButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showStatus({}, false);
    updateButtons();
}

ShareDialog::~ShareDialog() = default;

void ShareDialog::reload()
{
    if (!m_api)
        return;
    m_busy = true;
    updateButtons();
    m_api->chatAcl(
        m_chat.id, this, [this](const ApiResult<ChatAcl> &result) { handleAclLoaded(result); });
}

void ShareDialog::handleAclLoaded(const ApiResult<ChatAcl> &result)
{
    m_busy = false;
    if (!result.ok()) {
        showError(result.error());
        updateButtons();
        return;
    }
    m_acl = result.value();
    m_ui->shareAccessList->clear();
    // Groups before users, as the web lists them; the signed-in user is not listed.
    for (const ChatAclEntry &group : m_acl.groups) {
        const QString name =
            safeDisplayText(group.displayName.isEmpty() ? group.name : group.displayName);
        auto *item =
            new QListWidgetItem(tr("%1 (group, %n members) \u2014 %2", nullptr, group.memberCount)
                                    .arg(name, roleText(group.role)),
                m_ui->shareAccessList);
        item->setData(kindRole, 1);
        item->setData(idRole, group.id);
    }
    for (const ChatAclEntry &user : m_acl.users) {
        if (user.id == m_me.value)
            continue;
        const QString name = user.displayName.isEmpty()
            ? safeDisplayText(user.name)
            : tr("%1 (%2)").arg(safeDisplayText(user.displayName), safeDisplayText(user.name));
        auto *item = new QListWidgetItem(
            tr("%1 \u2014 %2").arg(name, roleText(user.role)), m_ui->shareAccessList);
        item->setData(kindRole, 0);
        item->setData(idRole, user.id);
    }
    if (m_ui->shareAccessList->count() == 0) {
        auto *item = new QListWidgetItem(tr("Only you"), m_ui->shareAccessList);
        item->setFlags(Qt::NoItemFlags);
    }
    showUsers(m_found); // users now on the list leave the results
    updateButtons();
    emit aclLoaded();
}

void ShareDialog::search(const QString &text)
{
    m_searchDelay.stop();
    if (!m_api)
        return;
    const quint64 generation = ++m_searchGeneration;
    m_api->searchUsers(text, this, [this, generation](const ApiResult<QList<User>> &result) {
        if (generation != m_searchGeneration)
            return; // a newer search is under way
        if (!result.ok()) {
            showError(result.error());
            return;
        }
        m_found = result.value();
        showUsers(m_found);
    });
}

void ShareDialog::showUsers(const QList<User> &users)
{
    const QUuid selected = m_ui->shareUserResults->currentItem()
        ? m_ui->shareUserResults->currentItem()->data(idRole).toUuid()
        : QUuid();
    m_ui->shareUserResults->clear();
    for (const User &user : users) {
        if (user.id == m_me || user.id == m_chat.ownerId)
            continue;
        const bool listed = std::any_of(m_acl.users.cbegin(), m_acl.users.cend(),
            [&user](const ChatAclEntry &entry) { return entry.id == user.id.value; });
        if (listed)
            continue;
        const QString text = user.name.isEmpty()
            ? safeDisplayText(user.username)
            : tr("%1 (%2)").arg(safeDisplayText(user.name), safeDisplayText(user.username));
        auto *item = new QListWidgetItem(text, m_ui->shareUserResults);
        item->setData(idRole, user.id.value);
        if (user.id.value == selected)
            m_ui->shareUserResults->setCurrentItem(item);
    }
    if (!m_ui->shareUserResults->currentItem() && m_ui->shareUserResults->count() == 1)
        m_ui->shareUserResults->setCurrentRow(0);
    updateButtons();
}

void ShareDialog::addSelected()
{
    const QListWidgetItem *item = m_ui->shareUserResults->currentItem();
    if (!item || m_busy)
        return;
    ChatAclUpdate update;
    update.userRoles.insert(
        item->data(idRole).toUuid(), m_ui->shareRoleCombo->currentData().toString());
    apply(update, tr("Member added to chat."));
}

void ShareDialog::removeSelected()
{
    const QListWidgetItem *item = m_ui->shareAccessList->currentItem();
    if (!item || !item->data(idRole).isValid() || m_busy)
        return;
    ChatAclUpdate update;
    const bool group = item->data(kindRole).toInt() == 1;
    // §20.3.3: "" removes the entry.
    if (group)
        update.groupRoles.insert(item->data(idRole).toUuid(), QString());
    else
        update.userRoles.insert(item->data(idRole).toUuid(), QString());
    apply(update, group ? tr("Group removed from chat.") : tr("Member removed from chat."));
}

void ShareDialog::apply(const ChatAclUpdate &update, const QString &doneText)
{
    if (!m_api)
        return;
    m_busy = true;
    updateButtons();
    m_api->updateChatAcl(
        m_chat.id, update, this, [this, doneText](const ApiResult<NoContent> &result) {
            m_busy = false;
            if (!result.ok()) {
                showError(result.error());
                updateButtons();
                return;
            }
            showStatus(doneText, false);
            reload();
        });
}

void ShareDialog::showError(const ApiError &error)
{
    // Coder's own message, inline (§20.3.7).
    showStatus(error.toDisplayString(), true);
    if (isSharingDisabled(error))
        emit sharingDisabled();
}

void ShareDialog::showStatus(const QString &text, bool error)
{
    m_ui->shareStatusLabel->setText(text);
    m_ui->shareStatusLabel->setProperty("error", error);
    m_ui->shareStatusLabel->setVisible(!text.isEmpty());
}

QString ShareDialog::statusText() const
{
    return m_ui->shareStatusLabel->text();
}

QStringList ShareDialog::accessLines() const
{
    QStringList lines;
    for (int row = 0; row < m_ui->shareAccessList->count(); ++row)
        lines << m_ui->shareAccessList->item(row)->text();
    return lines;
}

QStringList ShareDialog::resultLines() const
{
    QStringList lines;
    for (int row = 0; row < m_ui->shareUserResults->count(); ++row)
        lines << m_ui->shareUserResults->item(row)->text();
    return lines;
}

void ShareDialog::updateButtons()
{
    m_ui->shareAddButton->setEnabled(!m_busy && m_ui->shareUserResults->currentItem());
    const QListWidgetItem *entry = m_ui->shareAccessList->currentItem();
    m_ui->shareRemoveButton->setEnabled(!m_busy && entry && entry->data(idRole).isValid());
}

} // namespace AgentDesk
