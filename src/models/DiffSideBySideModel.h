#pragma once

#include "models/DiffModel.h"

#include <QAbstractListModel>
#include <QPointer>

#include <vector>

namespace AgentDesk {

//! Side-by-side rows over a DiffModel: each row pairs a source row for the old (left) side with
//! one for the new (right) side. Context lines sit on both sides; a run of removed lines is
//! paired in order with the added lines that follow it; file and hunk headers span both
//! sides. Rebuilt (reset) only when the source resets, which is its only structural change.
class DiffSideBySideModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        LeftSourceRowRole = DiffModel::SectionRole + 100, //!< int, -1 = empty cell
        RightSourceRowRole,                               //!< int, -1 = empty cell
    };

    explicit DiffSideBySideModel(QObject *parent = nullptr);

    void setSourceModel(DiffModel *source);
    DiffModel *sourceModel() const { return m_source; }

    int rowCount(const QModelIndex &parent = {}) const override;
    //! DiffModel roles answer from the right cell (or the left when the right is empty);
    //! LeftSourceRowRole and RightSourceRowRole name both cells.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The pair row showing source row \a sourceRow; -1 when out of range.
    int rowForSourceRow(int sourceRow) const;
    //! The first non-empty source row of pair row \a row.
    int sourceRowForRow(int row) const;

private:
    struct Pair
    {
        int left = -1;
        int right = -1;
    };

    void rebuild();

    QPointer<DiffModel> m_source;
    std::vector<Pair> m_pairs;
    std::vector<int> m_rowOfSource;
};

} // namespace AgentDesk
