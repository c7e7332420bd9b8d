#include "widgets/composer/SkillMenu.h"

#include "core/api/ApiClient.h"

#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int triggerRole = Qt::UserRole + 1;
constexpr int builtInRole = Qt::UserRole + 2;
constexpr int maxVisibleRows = 8;

} // namespace

SkillMenu::SkillMenu(QPlainTextEdit *editor)
    : QListWidget(editor->window())
    , m_editor(editor)
{
    setObjectName(u"skillMenu"_s);
    setFocusPolicy(Qt::NoFocus);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    hide();
    m_editor->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &SkillMenu::handleEditorChanged);
    connect(
        m_editor, &QPlainTextEdit::cursorPositionChanged, this, &SkillMenu::handleEditorChanged);
    connect(this, &QListWidget::itemClicked, this, [this] { insertCurrent(); });
}

void SkillMenu::setApi(ApiClient *api)
{
    m_api = api;
    m_personal.clear();
    m_workspace.clear();
    rebuild(); // the lists are fetched when "/" is typed
}

void SkillMenu::setChat(const ChatId &chatId)
{
    if (chatId == m_chatId)
        return;
    m_chatId = chatId;
    m_workspace.clear();
    rebuild(); // the chat's skills are fetched when "/" is typed
}

void SkillMenu::refresh()
{
    if (!m_api) {
        m_personal.clear();
        m_builtIns = false;
        rebuild();
        return;
    }
    // Compact, clear and personal skills exist only on servers with the v2 chats routes
    // (§20.1.1, §20.6): an older server gets no menu and no request that would 404.
    m_builtIns = m_api->chatsPrefix() == ApiClient::v2ChatsPrefix();
    if (!m_builtIns) {
        m_personal.clear();
        m_workspace.clear();
        rebuild();
        return;
    }
    m_api->userSkills(this, [this](const ApiResult<QList<UserSkill>> &result) {
        // A 404 (older server, experiment off) just means no personal skills.
        m_personal = result.ok() ? result.value() : QList<UserSkill>();
        rebuild();
    });
    if (m_chatId.isNull())
        return;
    const ChatId chat = m_chatId;
    m_api->workspaceSkills(chat, this, [this, chat](const ApiResult<QList<UserSkill>> &result) {
        if (chat != m_chatId)
            return;
        m_workspace = result.ok() ? result.value() : QList<UserSkill>();
        rebuild();
    });
}

QList<SkillMenu::Entry> SkillMenu::mergeEntries(
    const QList<UserSkill> &personal, const QList<UserSkill> &workspace, bool builtIns)
{
    QList<Entry> entries;
    QSet<QString> personalNames;
    QSet<QString> workspaceNames;
    for (const UserSkill &skill : personal)
        personalNames.insert(skill.name);
    for (const UserSkill &skill : workspace)
        workspaceNames.insert(skill.name);
    // §20.6.2: a skill with a built-in command's name takes precedence over the command.
    auto skillNamed = [&](const QString &name) {
        return personalNames.contains(name) || workspaceNames.contains(name);
    };
    if (builtIns && !skillNamed(u"compact"_s)) {
        entries.append(
            {u"/compact"_s, tr("Summarize the conversation to free context"), u"builtin"_s});
    }
    if (builtIns && !skillNamed(u"clear"_s)) {
        entries.append(
            {u"/clear"_s, tr("Clear the agent's context (the transcript stays)"), u"builtin"_s});
    }
    // A name both sources have is addressed as personal/<name> and workspace/<name>.
    for (const UserSkill &skill : personal) {
        const bool both = workspaceNames.contains(skill.name);
        entries.append({both ? u"/personal/"_s + skill.name : u"/"_s + skill.name,
            skill.description, u"personal"_s});
    }
    for (const UserSkill &skill : workspace) {
        const bool both = personalNames.contains(skill.name);
        entries.append({both ? u"/workspace/"_s + skill.name : u"/"_s + skill.name,
            skill.description, u"workspace"_s});
    }
    return entries;
}

bool SkillMenu::hasSkill(const QString &name) const
{
    auto named = [&](const UserSkill &skill) {
        return skill.name == name;
    };
    return std::any_of(m_personal.cbegin(), m_personal.cend(), named)
        || std::any_of(m_workspace.cbegin(), m_workspace.cend(), named);
}

QString SkillMenu::currentToken() const
{
    const QString text = m_editor->toPlainText();
    if (!text.startsWith(u'/'))
        return {};
    qsizetype end = 0;
    while (end < text.size() && !text.at(end).isSpace())
        ++end;
    const int cursor = m_editor->textCursor().position();
    if (cursor > end || m_editor->textCursor().hasSelection())
        return {};
    return text.left(end);
}

void SkillMenu::handleEditorChanged()
{
    const QString token = currentToken();
    if (token != m_dismissed)
        m_dismissed.clear();
    if (token.isNull() || !m_dismissed.isEmpty()) {
        hide();
        return;
    }
    if (!isVisible() && token == u"/"_s)
        refresh(); // the lists may have changed since (Settings, another device)
    rebuild();
}

void SkillMenu::rebuild()
{
    m_entries = mergeEntries(m_personal, m_workspace, m_builtIns);
    const QString token = currentToken();
    if (token.isNull() || !m_dismissed.isEmpty() || !m_editor->isVisible()) {
        hide();
        return;
    }
    const QString query = token.mid(1).toLower();
    const QString previous =
        currentItem() ? currentItem()->data(triggerRole).toString() : QString();
    clear();
    QList<const Entry *> prefix;
    QList<const Entry *> inside;
    for (const Entry &entry : std::as_const(m_entries)) {
        const QString name = entry.trigger.mid(1).toLower();
        if (name.startsWith(query))
            prefix.append(&entry);
        else if (name.contains(query) || entry.description.toLower().contains(query))
            inside.append(&entry);
    }
    for (const Entry *entry : prefix + inside) {
        const QString source = entry->source == u"builtin"_s ? tr("command")
            : entry->source == u"personal"_s                 ? tr("personal skill")
                                                             : tr("workspace skill");
        QString text = entry->trigger + u"  ·  "_s + source;
        if (!entry->description.isEmpty())
            text += u"  —  "_s + entry->description;
        auto *item = new QListWidgetItem(text, this);
        item->setData(triggerRole, entry->trigger);
        item->setData(builtInRole, entry->source == u"builtin"_s);
        item->setToolTip(entry->description);
        if (entry->trigger == previous)
            setCurrentItem(item);
    }
    if (count() == 0) {
        hide();
        return;
    }
    if (!currentItem())
        setCurrentRow(0);
    if (parentWidget() != m_editor->window())
        setParent(m_editor->window()); // the composer was not in its window yet when made
    place();
    show();
    raise();
}

void SkillMenu::place()
{
    QWidget *host = parentWidget();
    const int rowHeight = qMax(sizeHintForRow(0), fontMetrics().height() + 4);
    const int rows = qMin(count(), maxVisibleRows);
    const int height = rows * rowHeight + 2 * frameWidth() + 2;
    const QPoint editorTop = m_editor->mapTo(host, QPoint(0, 0));
    const int width = qMin(qMax(m_editor->width(), 320), 560);
    setGeometry(editorTop.x(), qMax(0, editorTop.y() - height), width, height);
}

void SkillMenu::insertCurrent()
{
    QListWidgetItem *item = currentItem();
    if (!item)
        return;
    const QString trigger = item->data(triggerRole).toString();
    const QString token = currentToken();
    hide();
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(0);
    cursor.setPosition(int(token.size()), QTextCursor::KeepAnchor);
    const QString text = m_editor->toPlainText();
    const bool spaceFollows = token.size() < text.size() && text.at(token.size()).isSpace();
    cursor.insertText(spaceFollows ? trigger : trigger + u' ');
    if (spaceFollows)
        cursor.movePosition(QTextCursor::NextCharacter);
    m_editor->setTextCursor(cursor);
    m_dismissed = currentToken(); // the inserted trigger does not reopen the menu
    hide();
}

bool SkillMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::FocusOut)
        hide();
    if (watched != m_editor || event->type() != QEvent::KeyPress || !isVisible())
        return QListWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Down:
        setCurrentRow(qMin(currentRow() + 1, count() - 1));
        return true;
    case Qt::Key_Up:
        setCurrentRow(qMax(currentRow() - 1, 0));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (key->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier))
            break;
        if (key->key() != Qt::Key_Tab && currentItem() && currentItem()->data(builtInRole).toBool()
            && currentItem()->data(triggerRole).toString() == currentToken()) {
            // A command typed out in full (`/compact`, `/clear`) takes no argument: Enter runs
            // it, as the composer's send does, instead of inserting it a second time.
            m_dismissed = currentToken();
            hide();
            return false;
        }
        insertCurrent();
        return true;
    case Qt::Key_Escape:
        m_dismissed = currentToken();
        hide();
        return true;
    default:
        break;
    }
    return QListWidget::eventFilter(watched, event);
}

} // namespace AgentDesk
