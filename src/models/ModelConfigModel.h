#pragma once

#include "core/api/ApiTypes.h"
#include "models/KeyedListModel.h"

namespace AgentDesk {

//! The model picker's list (§9.4), in server order. Entries that cannot be chosen (disabled,
//! provider unavailable, no usable id on a seed-era server) stay listed but are not enabled,
//! so the picker can say why. setModels diffs by id, so a refresh keeps the selection.
class ModelConfigModel final : public KeyedListModel<ModelConfig, QString>
{
    Q_OBJECT

public:
    enum Role {
        ModelConfigIdRole = Qt::UserRole + 1, //!< ModelConfigId; null for unusable legacy rows
        ProviderRole,                         //!< QString, provider type (anthropic, …)
        ProviderDisplayNameRole,              //!< QString
        ModelNameRole,                        //!< QString, the provider's model name
        SelectableRole,                       //!< bool, see ModelConfig::isSelectable
        UnavailableReasonRole,                //!< QString, e.g. missing_api_key
        ContextLimitRole,                     //!< qint64 tokens, 0 = unknown
        ReasoningEffortsRole,                 //!< QStringList
        IsDefaultRole,                        //!< bool
        ModelConfigRole,                      //!< ModelConfig, the whole entry
    };
    Q_ENUM(Role)

    explicit ModelConfigModel(QObject *parent = nullptr);

    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setModels(const QList<ModelConfig> &models);

    //! The server's default if it can be chosen, else the first selectable row, else -1.
    int defaultRow() const;
    QModelIndex indexOf(const ModelConfigId &id) const;
    const ModelConfig *modelConfig(int row) const;

private:
    //! The id; seed-era entries without a matching config have no UUID, only "provider:model".
    QString rowKey(const ModelConfig &model) const override;
    //! Qt::DisplayRole is the display name (the model name when the server gave none).
    QVariant rowData(const ModelConfig &model, int role) const override;
    QList<int> rowChanges(const ModelConfig &current, const ModelConfig &next) const override;
};

} // namespace AgentDesk
