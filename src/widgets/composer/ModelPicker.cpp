#include "widgets/composer/ModelPicker.h"

#include "models/ModelConfigModel.h"
#include "widgets/shell/TextTable.h"

#include <QApplication>
#include <QFrame>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScreen>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int rowRole = Qt::UserRole + 1;    //!< the combo row of a model item (-1 for groups)
constexpr int searchRole = Qt::UserRole + 2; //!< lower-case text the filter matches

} // namespace

ModelPicker::ModelPicker(QWidget *parent)
    : QComboBox(parent)
{
}

ModelPicker::~ModelPicker()
{
    delete m_popup;
}

QString ModelPicker::unavailableText(const QString &reason)
{
    if (reason == u"user_api_key_required"_s || reason == u"missing_api_key"_s)
        return tr("Add your API key in provider settings to enable models.");
    if (reason == u"fetch_failed"_s)
        return tr("The provider's models could not be fetched.");
    if (reason.isEmpty())
        return tr("This model is not available.");
    return tr("This model is not available (%1).").arg(reason);
}

QString ModelPicker::effortLabel(const QString &effort)
{
    static constexpr TextRow labels[] = {
        {u"none", QT_TR_NOOP("No reasoning")},
        {u"minimal", QT_TR_NOOP("Minimal effort")},
        {u"low", QT_TR_NOOP("Low effort")},
        {u"medium", QT_TR_NOOP("Medium effort")},
        {u"high", QT_TR_NOOP("High effort")},
        {u"xhigh", QT_TR_NOOP("Extra high effort")},
        {u"max", QT_TR_NOOP("Maximum effort")},
    };
    const char *label = textFor(labels, effort);
    return label ? tr(label) : effort;
}

void ModelPicker::showPopup()
{
    if (!model() || count() == 0)
        return;
    if (!m_popup) {
        m_popup = new QFrame(this, Qt::Popup);
        m_popup->setObjectName(u"modelPickerPopup"_s);
        m_popup->setFrameShape(QFrame::StyledPanel);
        m_filter = new QLineEdit(m_popup);
        m_filter->setObjectName(u"modelPickerFilter"_s);
        m_filter->setPlaceholderText(tr("Search models"));
        m_filter->setClearButtonEnabled(true);
        m_tree = new QTreeWidget(m_popup);
        m_tree->setObjectName(u"modelPickerList"_s);
        m_tree->setHeaderHidden(true);
        m_tree->setRootIsDecorated(false);
        m_tree->setItemsExpandable(false);
        m_tree->setFocusPolicy(Qt::NoFocus);
        m_tree->setUniformRowHeights(true);
        auto *layout = new QVBoxLayout(m_popup);
        layout->setContentsMargins(4, 4, 4, 4);
        layout->setSpacing(4);
        layout->addWidget(m_filter);
        layout->addWidget(m_tree);
        m_filter->installEventFilter(this);
        connect(m_filter, &QLineEdit::textChanged, this, &ModelPicker::applyFilter);
        connect(
            m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { pick(item); });
    }
    m_filter->clear();
    fillTree();
    applyFilter({});
    const int width = qMax(this->width(), 360);
    const int height =
        qMin(420, 48 + m_tree->sizeHintForRow(0) * (m_tree->topLevelItemCount() * 4 + 1));
    QPoint origin = mapToGlobal(QPoint(0, 0));
    // Above the combo (the composer sits at the bottom of the window), below when no room.
    QPoint at(origin.x(), origin.y() - height);
    if (at.y() < 0)
        at.setY(origin.y() + this->height());
    m_popup->setGeometry(QRect(at, QSize(width, qMax(height, 160))));
    m_popup->show();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void ModelPicker::hidePopup()
{
    if (m_popup)
        m_popup->hide();
    QComboBox::hidePopup();
}

void ModelPicker::fillTree()
{
    m_tree->clear();
    QAbstractItemModel *source = model();
    // Group order: the default model's provider first, then server order.
    QList<QString> groups;
    QHash<QString, QList<int>> rowsByGroup;
    int defaultRow = -1;
    for (int row = 0; row < source->rowCount(); ++row) {
        const QModelIndex index = source->index(row, modelColumn());
        QString group = index.data(ModelConfigModel::ProviderDisplayNameRole).toString();
        if (group.isEmpty())
            group = index.data(ModelConfigModel::ProviderRole).toString();
        if (!groups.contains(group))
            groups.append(group);
        if (index.data(ModelConfigModel::IsDefaultRole).toBool() && defaultRow < 0) {
            defaultRow = row;
            rowsByGroup[group].prepend(row);
        } else {
            rowsByGroup[group].append(row);
        }
    }
    if (defaultRow >= 0) {
        const QModelIndex index = source->index(defaultRow, modelColumn());
        QString group = index.data(ModelConfigModel::ProviderDisplayNameRole).toString();
        if (group.isEmpty())
            group = index.data(ModelConfigModel::ProviderRole).toString();
        groups.removeOne(group);
        groups.prepend(group);
    }
    QFont groupFont = m_tree->font();
    groupFont.setBold(true);
    for (const QString &group : std::as_const(groups)) {
        auto *header = new QTreeWidgetItem(m_tree, {group.isEmpty() ? tr("Other") : group});
        header->setFlags(Qt::ItemIsEnabled);
        header->setFont(0, groupFont);
        header->setData(0, rowRole, -1);
        for (int row : rowsByGroup.value(group)) {
            const QModelIndex index = source->index(row, modelColumn());
            const bool selectable = index.data(ModelConfigModel::SelectableRole).toBool();
            QString text = index.data(Qt::DisplayRole).toString();
            if (index.data(ModelConfigModel::IsDefaultRole).toBool())
                text = tr("%1 (default)").arg(text);
            const bool turnedOff =
                !index.data(ModelConfigModel::ModelConfigRole).value<ModelConfig>().enabled;
            const QString reason = selectable ? QString()
                : turnedOff
                ? tr("Turned off by an administrator.")
                : unavailableText(index.data(ModelConfigModel::UnavailableReasonRole).toString());
            if (!reason.isEmpty())
                text = tr("%1 — %2").arg(text, reason);
            auto *item = new QTreeWidgetItem(header, {u"    "_s + text});
            item->setData(0, rowRole, row);
            item->setData(0, searchRole,
                QStringList{index.data(Qt::DisplayRole).toString(),
                    index.data(ModelConfigModel::ModelNameRole).toString(), group}
                    .join(u' ')
                    .toLower());
            item->setToolTip(0, reason.isEmpty() ? group : reason);
            item->setFlags(selectable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
            if (row == currentIndex())
                m_tree->setCurrentItem(item);
        }
    }
    m_tree->expandAll();
}

void ModelPicker::applyFilter(const QString &text)
{
    const QStringList words = text.toLower().split(u' ', Qt::SkipEmptyParts);
    QTreeWidgetItem *firstEnabled = nullptr;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *header = m_tree->topLevelItem(g);
        bool any = false;
        for (int c = 0; c < header->childCount(); ++c) {
            QTreeWidgetItem *item = header->child(c);
            const QString haystack = item->data(0, searchRole).toString();
            bool match = true;
            for (const QString &word : words)
                match = match && haystack.contains(word);
            item->setHidden(!match);
            any = any || match;
            if (match && !firstEnabled && (item->flags() & Qt::ItemIsSelectable))
                firstEnabled = item;
        }
        header->setHidden(!any);
    }
    QTreeWidgetItem *current = m_tree->currentItem();
    if (!current || current->isHidden() || !words.isEmpty())
        m_tree->setCurrentItem(firstEnabled);
}

void ModelPicker::moveCurrent(int step)
{
    QList<QTreeWidgetItem *> items;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *header = m_tree->topLevelItem(g);
        for (int c = 0; c < header->childCount(); ++c) {
            QTreeWidgetItem *item = header->child(c);
            if (!item->isHidden() && (item->flags() & Qt::ItemIsSelectable))
                items.append(item);
        }
    }
    if (items.isEmpty())
        return;
    const int at = items.indexOf(m_tree->currentItem());
    const int next = at < 0 ? 0 : qBound(0, at + step, int(items.size()) - 1);
    m_tree->setCurrentItem(items.at(next));
    m_tree->scrollToItem(items.at(next));
}

void ModelPicker::pick(QTreeWidgetItem *item)
{
    if (!item || !(item->flags() & Qt::ItemIsSelectable))
        return;
    const int row = item->data(0, rowRole).toInt();
    if (row < 0)
        return;
    hidePopup();
    setCurrentIndex(row);
    Q_EMIT activated(row);
}

bool ModelPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            moveCurrent(1);
            return true;
        case Qt::Key_Up:
            moveCurrent(-1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            pick(m_tree->currentItem());
            return true;
        case Qt::Key_Escape:
            hidePopup();
            setFocus(Qt::PopupFocusReason);
            return true;
        default:
            break;
        }
    }
    return QComboBox::eventFilter(watched, event);
}

EffortPicker::EffortPicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(u"reasoningEffortPicker"_s);
    setToolTip(tr("Reasoning effort"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    hide();
    connect(this, &QComboBox::activated, this,
        [this](int index) { m_chosen = itemData(index).toString(); });
}

void EffortPicker::setModelConfig(const ModelConfig *model)
{
    clear();
    if (!model || model->reasoningEfforts.isEmpty()) {
        hide();
        return;
    }
    for (const QString &effort : model->reasoningEfforts)
        addItem(ModelPicker::effortLabel(effort), effort);
    int index = m_chosen.isEmpty() ? -1 : findData(m_chosen);
    if (index < 0 && !m_chatEffort.isEmpty())
        index = findData(m_chatEffort);
    if (index < 0)
        index = findData(model->defaultReasoningEffort);
    if (index < 0)
        index = int(model->reasoningEfforts.size()) / 2;
    setCurrentIndex(index);
    show();
}

QString EffortPicker::effort() const
{
    return count() > 0 ? currentData().toString() : QString();
}

void EffortPicker::setChatEffort(const QString &effort)
{
    m_chosen.clear();
    m_chatEffort = effort;
}

void EffortPicker::setEffort(const QString &effort)
{
    const int index = findData(effort);
    if (index >= 0) {
        setCurrentIndex(index);
        m_chosen = effort;
    }
}

} // namespace AgentDesk
