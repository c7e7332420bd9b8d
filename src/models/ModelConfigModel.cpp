#include "models/ModelConfigModel.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString displayName(const ModelConfig &model)
{
    return model.displayName.isEmpty() ? model.model : model.displayName;
}

//! The roles that differ between two versions of one entry.
QList<int> changedRoles(const ModelConfig &a, const ModelConfig &b)
{
    using R = ModelConfigModel::Role;
    QList<int> roles;
    if (displayName(a) != displayName(b))
        roles.append(Qt::DisplayRole);
    if (a.id != b.id)
        roles.append(R::ModelConfigIdRole);
    if (a.provider != b.provider)
        roles.append(R::ProviderRole);
    if (a.providerDisplayName != b.providerDisplayName)
        roles.append(R::ProviderDisplayNameRole);
    if (a.model != b.model)
        roles.append(R::ModelNameRole);
    if (a.isSelectable() != b.isSelectable())
        roles.append(R::SelectableRole);
    if (a.unavailableReason != b.unavailableReason)
        roles.append(R::UnavailableReasonRole);
    if (a.contextLimit != b.contextLimit)
        roles.append(R::ContextLimitRole);
    if (a.reasoningEfforts != b.reasoningEfforts)
        roles.append(R::ReasoningEffortsRole);
    if (a.isDefault != b.isDefault)
        roles.append(R::IsDefaultRole);
    if (!roles.isEmpty() || a.enabled != b.enabled || a.available != b.available
        || a.legacyId != b.legacyId)
        roles.append(R::ModelConfigRole);
    return roles;
}

} // namespace

ModelConfigModel::ModelConfigModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ModelConfigModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

QVariant ModelConfigModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelConfig &model = m_models[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayName(model);
    case ModelConfigIdRole:
        return QVariant::fromValue(model.id);
    case ProviderRole:
        return model.provider;
    case ProviderDisplayNameRole:
        return model.providerDisplayName;
    case ModelNameRole:
        return model.model;
    case SelectableRole:
        return model.isSelectable();
    case UnavailableReasonRole:
        return model.unavailableReason;
    case ContextLimitRole:
        return model.contextLimit;
    case ReasoningEffortsRole:
        return model.reasoningEfforts;
    case IsDefaultRole:
        return model.isDefault;
    case ModelConfigRole:
        return QVariant::fromValue(model);
    default:
        return {};
    }
}

Qt::ItemFlags ModelConfigModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    // A picker greys out what cannot be sent as model_config_id.
    return m_models[size_t(index.row())].isSelectable()
        ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
        : Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ModelConfigModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {ModelConfigIdRole, "modelConfigId"},
        {ProviderRole, "provider"},
        {ProviderDisplayNameRole, "providerDisplayName"},
        {ModelNameRole, "modelName"},
        {SelectableRole, "selectable"},
        {UnavailableReasonRole, "unavailableReason"},
        {ContextLimitRole, "contextLimit"},
        {ReasoningEffortsRole, "reasoningEfforts"},
        {IsDefaultRole, "isDefault"},
        {ModelConfigRole, "modelConfig"},
    });
    return names;
}

QString ModelConfigModel::keyOf(const ModelConfig &model)
{
    // Seed-era entries without a matching config have no UUID, only "provider:model".
    return model.id.isNull()
        ? u"legacy:"_s + model.legacyId + u'/' + model.provider + u'/' + model.model
        : model.id.toString();
}

void ModelConfigModel::reindexFrom(int firstRow)
{
    for (int row = firstRow; row < int(m_models.size()); ++row)
        m_rowByKey.insert(keyOf(m_models[size_t(row)]), row);
}

void ModelConfigModel::setModels(const QList<ModelConfig> &models)
{
    QList<ModelConfig> wanted;
    QSet<QString> keys;
    for (const ModelConfig &model : models) {
        const QString key = keyOf(model);
        if (!keys.contains(key)) {
            keys.insert(key);
            wanted.append(model);
        }
    }
    for (int row = int(m_models.size()) - 1; row >= 0; --row) {
        if (keys.contains(keyOf(m_models[size_t(row)])))
            continue;
        beginRemoveRows({}, row, row);
        m_rowByKey.remove(keyOf(m_models[size_t(row)]));
        m_models.erase(m_models.begin() + row);
        reindexFrom(row);
        endRemoveRows();
    }
    for (int target = 0; target < int(wanted.size()); ++target) {
        const ModelConfig &model = wanted[target];
        const auto it = m_rowByKey.constFind(keyOf(model));
        if (it == m_rowByKey.cend()) {
            beginInsertRows({}, target, target);
            m_models.insert(m_models.begin() + target, model);
            reindexFrom(target);
            endInsertRows();
            continue;
        }
        const int row = *it;
        if (row != target) {
            beginMoveRows({}, row, row, {}, target);
            ModelConfig moved = std::move(m_models[size_t(row)]);
            m_models.erase(m_models.begin() + row);
            m_models.insert(m_models.begin() + target, std::move(moved));
            reindexFrom(target);
            endMoveRows();
        }
        const QList<int> roles = changedRoles(m_models[size_t(target)], model);
        if (roles.isEmpty())
            continue;
        m_models[size_t(target)] = model;
        const QModelIndex changed = index(target);
        emit dataChanged(changed, changed, roles);
    }
}

void ModelConfigModel::clear()
{
    beginResetModel();
    m_models.clear();
    m_rowByKey.clear();
    endResetModel();
}

int ModelConfigModel::defaultRow() const
{
    int firstSelectable = -1;
    for (int row = 0; row < int(m_models.size()); ++row) {
        const ModelConfig &model = m_models[size_t(row)];
        if (!model.isSelectable())
            continue;
        if (model.isDefault)
            return row;
        if (firstSelectable < 0)
            firstSelectable = row;
    }
    return firstSelectable;
}

QModelIndex ModelConfigModel::indexOf(const ModelConfigId &id) const
{
    if (id.isNull())
        return {};
    const auto it = m_rowByKey.constFind(id.toString());
    return it == m_rowByKey.cend() ? QModelIndex() : index(*it);
}

const ModelConfig *ModelConfigModel::modelConfig(int row) const
{
    return row >= 0 && row < int(m_models.size()) ? &m_models[size_t(row)] : nullptr;
}

} // namespace AgentDesk
