#include "widgets/composer/QueuePanel.h"

#include "models/QueueModel.h"
#include "widgets/shell/Icons.h"
#include "widgets/shell/ModelChanges.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QueuePanel::QueuePanel(const Icons *icons, QWidget *parent)
    : QFrame(parent)
    , m_icons(icons)
    , m_title(new QLabel(this))
    , m_rows(new QVBoxLayout)
{
    setObjectName(u"queuePanel"_s);
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(u"queueTitle"_s);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(2);
    layout->addLayout(m_rows);
    hide();
}

void QueuePanel::setModel(QueueModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        // Any change rebuilds the few rows; cheaper to reason about than patching them.
        onModelChanges(model,
            ModelChange::RowsInserted | ModelChange::RowsRemoved | ModelChange::RowsMoved
                | ModelChange::DataChanged | ModelChange::Reset | ModelChange::LayoutChanged,
            this, &QueuePanel::rebuild);
    }
    rebuild();
}

void QueuePanel::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        delete item;
    }
    const int count = m_model ? m_model->rowCount() : 0;
    setVisible(count > 0);
    m_title->setText(tr("Queued — sent when the agent is done (%n)", nullptr, count));
    for (int row = 0; row < count; ++row) {
        const QModelIndex index = m_model->index(row);
        const auto id = index.data(QueueModel::QueuedIdRole).value<QueuedMessageId>();
        QString text = index.data(QueueModel::TextRole).toString().trimmed();
        const QString full = text;
        text = text.section(u'\n', 0, 0);
        if (text.isEmpty())
            text = tr("(attachment)");

        auto *rowWidget = new QWidget(this);
        rowWidget->setObjectName(u"queueItem"_s);
        rowWidget->setProperty("queuedId", id.value);
        auto *label = new QLabel(rowWidget);
        label->setTextFormat(Qt::PlainText);
        label->setText(label->fontMetrics().elidedText(text, Qt::ElideRight, 600));
        label->setToolTip(full);
        auto *promote = new QToolButton(rowWidget);
        promote->setObjectName(u"promoteButton"_s);
        promote->setProperty("queuedId", id.value);
        promote->setText(tr("Send now"));
        promote->setToolTip(tr("Stop waiting and send this message next"));
        auto *remove = new QToolButton(rowWidget);
        remove->setObjectName(u"removeButton"_s);
        remove->setProperty("queuedId", id.value);
        remove->setText(tr("Remove"));
        remove->setToolTip(tr("Remove from the queue"));
        if (m_icons) {
            m_icons->apply(remove, IconId::Close);
            remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        }
        auto *layout = new QHBoxLayout(rowWidget);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(label, 1);
        layout->addWidget(promote);
        layout->addWidget(remove);
        connect(promote, &QToolButton::clicked, this, [this, id] { Q_EMIT promoteRequested(id); });
        connect(remove, &QToolButton::clicked, this, [this, id] { Q_EMIT removeRequested(id); });
        m_rows->addWidget(rowWidget);
    }
}

} // namespace AgentDesk
