#include "models/ModelConfigModel.h"

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
    : KeyedListModel(parent)
{
}

QVariant ModelConfigModel::data(const QModelIndex &index, int role) const
{
    const ModelConfig *row = rowAt(index);
    if (!row)
        return {};
    const ModelConfig &model = *row;
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
    const ModelConfig *model = rowAt(index);
    if (!model)
        return Qt::NoItemFlags;
    // A picker greys out what cannot be sent as model_config_id.
    return model->isSelectable()
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

QString ModelConfigModel::rowKey(const ModelConfig &model) const
{
    return model.id.isNull()
        ? u"legacy:"_s + model.legacyId + u'/' + model.provider + u'/' + model.model
        : model.id.toString();
}

QList<int> ModelConfigModel::rowChanges(const ModelConfig &current, const ModelConfig &next) const
{
    return changedRoles(current, next);
}

void ModelConfigModel::setModels(const QList<ModelConfig> &models)
{
    replaceRows(models);
}

int ModelConfigModel::defaultRow() const
{
    int firstSelectable = -1;
    for (int row = 0; row < int(rows().size()); ++row) {
        const ModelConfig &model = rows()[size_t(row)];
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
    const int row = rowOfKey(id.toString());
    return row < 0 ? QModelIndex() : index(row);
}

const ModelConfig *ModelConfigModel::modelConfig(int row) const
{
    return rowAt(row);
}

} // namespace AgentDesk
