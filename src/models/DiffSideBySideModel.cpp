#include "models/DiffSideBySideModel.h"

namespace AgentDesk {

using RowKind = DiffModel::RowKind;

DiffSideBySideModel::DiffSideBySideModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void DiffSideBySideModel::setSourceModel(DiffModel *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { beginResetModel(); });
        connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
            rebuild();
            endResetModel();
        });
    }
    beginResetModel();
    rebuild();
    endResetModel();
}

void DiffSideBySideModel::rebuild()
{
    m_pairs.clear();
    m_rowOfSource.clear();
    if (!m_source)
        return;
    const int count = m_source->rowCount();
    m_pairs.reserve(size_t(count));
    m_rowOfSource.assign(size_t(count), -1);
    int row = 0;
    while (row < count) {
        const RowKind kind = m_source->kindAt(row);
        if (kind != RowKind::Remove && kind != RowKind::Add) {
            // Headers, context and markers take both cells (a marker is about the line above).
            m_rowOfSource[size_t(row)] = int(m_pairs.size());
            m_pairs.push_back(Pair{row, row});
            ++row;
            continue;
        }
        // A change block: removes (with their markers), then adds (with theirs).
        std::vector<int> removes;
        std::vector<int> adds;
        while (row < count
            && (m_source->kindAt(row) == RowKind::Remove
                || (m_source->kindAt(row) == RowKind::NoNewline && adds.empty()
                    && !removes.empty()))) {
            removes.push_back(row++);
        }
        while (row < count
            && (m_source->kindAt(row) == RowKind::Add
                || (m_source->kindAt(row) == RowKind::NoNewline && !adds.empty()))) {
            adds.push_back(row++);
        }
        const size_t lines = std::max(removes.size(), adds.size());
        for (size_t i = 0; i < lines; ++i) {
            Pair pair{i < removes.size() ? removes[i] : -1, i < adds.size() ? adds[i] : -1};
            if (pair.left >= 0)
                m_rowOfSource[size_t(pair.left)] = int(m_pairs.size());
            if (pair.right >= 0)
                m_rowOfSource[size_t(pair.right)] = int(m_pairs.size());
            m_pairs.push_back(pair);
        }
    }
}

int DiffSideBySideModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

QVariant DiffSideBySideModel::data(const QModelIndex &index, int role) const
{
    if (!m_source
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Pair &pair = m_pairs[size_t(index.row())];
    if (role == LeftSourceRowRole)
        return pair.left;
    if (role == RightSourceRowRole)
        return pair.right;
    const int source = pair.right >= 0 ? pair.right : pair.left;
    return m_source->index(source).data(role);
}

QHash<int, QByteArray> DiffSideBySideModel::roleNames() const
{
    QHash<int, QByteArray> names =
        m_source ? m_source->roleNames() : QAbstractListModel::roleNames();
    names.insert(LeftSourceRowRole, "leftSourceRow");
    names.insert(RightSourceRowRole, "rightSourceRow");
    return names;
}

int DiffSideBySideModel::rowForSourceRow(int sourceRow) const
{
    return sourceRow >= 0 && sourceRow < int(m_rowOfSource.size())
        ? m_rowOfSource[size_t(sourceRow)]
        : -1;
}

int DiffSideBySideModel::sourceRowForRow(int row) const
{
    if (row < 0 || row >= int(m_pairs.size()))
        return -1;
    const Pair &pair = m_pairs[size_t(row)];
    return pair.left >= 0 ? pair.left : pair.right;
}

} // namespace AgentDesk
