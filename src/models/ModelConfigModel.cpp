#include "models/ModelConfigModel.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString displayName(const ModelConfig &model)
{
    return model.displayName.isEmpty() ? model.model : model.displayName;
}

} // namespace

ModelConfigModel::ModelConfigModel(QObject *parent)
    : KeyedListModel(parent)
{
}

QVariant ModelConfigModel::rowData(const ModelConfig &model, int role) const
{
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

QString ModelConfigModel::rowKey(const ModelConfig &model) const
{
    return model.id.isNull()
        ? u"legacy:"_s + model.legacyId + u'/' + model.provider + u'/' + model.model
        : model.id.toString();
}

QList<int> ModelConfigModel::rowChanges(const ModelConfig &current, const ModelConfig &next) const
{
    // The roles of single fields compare by what data() answers; ModelConfigRole, the whole
    // entry, changes with any of them or with a field no other role shows.
    QList<int> roles;
    auto compare = [&](int role) {
        if (rowData(current, role) != rowData(next, role))
            roles.append(role);
    };
    compare(Qt::DisplayRole);
    for (int role = ModelConfigIdRole; role < ModelConfigRole; ++role)
        compare(role);
    if (!roles.isEmpty() || current.enabled != next.enabled || current.available != next.available
        || current.legacyId != next.legacyId)
        roles.append(ModelConfigRole);
    return roles;
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
