#include "widgets/conversation/ContextPopover.h"

#include "core/api/DisplayText.h"
#include "widgets/shell/TextTable.h"

#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QScreen>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString kindText(const QString &kind)
{
    static constexpr TextRow texts[] = {
        {u"instruction_file", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "instruction file")},
        {u"skill", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "skill")},
        {u"mcp_config", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "MCP configuration")},
        {u"mcp_server", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "MCP server")},
    };
    const char *text = textFor(texts, kind);
    return text ? ContextPopover::tr(text) : safeDisplayText(kind);
}

QString statusText(const QString &status)
{
    static constexpr TextRow texts[] = {
        {u"oversize", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "too large, left out")},
        {u"unreadable", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "unreadable")},
        {u"invalid", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "invalid")},
        {u"excluded", QT_TRANSLATE_NOOP("AgentDesk::ContextPopover", "excluded")},
    };
    const char *text = textFor(texts, status);
    return text ? ContextPopover::tr(text) : safeDisplayText(status);
}

} // namespace

ContextPopover::ContextPopover(QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_heading(new QLabel(this))
    , m_note(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"contextPopover"_s);
    setFrameShape(QFrame::StyledPanel);
    m_heading->setText(tr("Workspace context"));
    QFont bold = m_heading->font();
    bold.setWeight(QFont::DemiBold);
    m_heading->setFont(bold);
    m_note->setObjectName(u"contextPopoverNote"_s);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_list->setObjectName(u"contextResourceList"_s);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setWordWrap(true);
    // A fixed width: the popover stays where it opened when the resources arrive.
    setFixedWidth(520);
    m_list->setSpacing(3);
    m_list->setAlternatingRowColors(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_note);
    layout->addWidget(m_list);
}

QString ContextPopover::lineFor(const ChatContextResource &resource)
{
    // Skills by name; files by their path (two AGENTS.md may be pinned); servers by name.
    const QString name = resource.kind == u"skill" && !resource.skillName.isEmpty()
        ? resource.skillName
        : resource.source;
    QStringList facts{kindText(resource.kind)};
    if (resource.sizeBytes > 0 && resource.kind != u"mcp_server")
        facts << QLocale().formattedDataSize(resource.sizeBytes);
    if (!resource.status.isEmpty() && resource.status != u"ok")
        facts << statusText(resource.status);
    QString line = tr("%1 \u2014 %2").arg(safeDisplayText(name), facts.join(u" \u00b7 "_s));
    if (!resource.toolNames.isEmpty())
        line += u'\n' + tr("Tools: %1").arg(safeDisplayText(resource.toolNames.join(u", "_s)));
    if (!resource.skillDescription.isEmpty())
        line += u'\n' + safeDisplayText(resource.skillDescription);
    if (!resource.error.isEmpty())
        line += u'\n' + safeDisplayText(resource.error);
    return line;
}

void ContextPopover::setContext(const std::optional<ChatContext> &context, bool loading)
{
    m_list->clear();
    QString note;
    if (loading)
        note = tr("Loading\u2026");
    else if (!context)
        note = tr("This chat has no workspace context yet.");
    else if (context->dirty)
        note = tr("The workspace context changed since this chat pinned it.");
    if (context && !context->error.isEmpty())
        note += (note.isEmpty() ? QString() : u"\n"_s) + safeDisplayText(context->error);
    if (context && !loading && context->resources.isEmpty() && note.isEmpty())
        note = tr("No instruction files, skills or MCP servers.");
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    if (context) {
        for (const ChatContextResource &resource : context->resources) {
            auto *item = new QListWidgetItem(lineFor(resource), m_list);
            item->setToolTip(safeDisplayText(resource.source));
        }
    }
    m_list->setVisible(m_list->count() > 0);
    adjustSize();
}

QStringList ContextPopover::lines() const
{
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row)
        result << m_list->item(row)->text();
    return result;
}

void ContextPopover::popUpBelow(QWidget *anchor)
{
    adjustSize();
    QPoint at = anchor->mapToGlobal(QPoint(anchor->width() - width(), anchor->height()));
    if (const QScreen *screen = anchor->screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(qBound(area.left(), at.x(), qMax(area.left(), area.right() - width())));
    }
    move(at);
    show();
}

} // namespace AgentDesk
