// DiffModel and DiffSideBySideModel under a live QAbstractItemModelTester: flat rows, roles,
// navigation, the single reset, and memory that does not grow with a copy per row.

#include "models/DiffModel.h"
#include "models/DiffSideBySideModel.h"
#include "support/FixtureFiles.h"
#include "support/ProbedModelTest.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

using RowKind = DiffModel::RowKind;
using Ranges = QList<QPair<int, int>>;

namespace {

ParsedDiff fixtureDiff()
{
    const QJsonObject object =
        QJsonDocument::fromJson(FixtureFiles::read(u"chat-diff.json"_s)).object();
    return DiffParser::parse(object.value(u"diff"_s).toString());
}

RowKind kindOf(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data(DiffModel::KindRole).value<RowKind>();
}

} // namespace

class TestDiffModel : public ProbedModelTest<DiffModel>
{
    Q_OBJECT

private slots:
    void setDiff_flattensFilesHunksAndLines();
    void roles_lineNumbersTextAndLanguage();
    void roles_intraLineRanges();
    void navigation_filesAndHunks();
    void setDiff_isTheOnlyReset();
    void binaryAndRename_haveHeaderRowsOnly();
    void sideBySide_pairsRemovesWithAdds();
    void bigDiff_50kLines_rowsReadTheirTextOnDemand();
};

void TestDiffModel::setDiff_flattensFilesHunksAndLines()
{
    const ParsedDiff diff = fixtureDiff();
    m_model->setDiff(diff);
    // 2 file rows + 3 hunk rows + every hunk line.
    QCOMPARE(m_model->rowCount(), 2 + 3 + diff.lineCount);
    QCOMPARE(kindOf(*m_model, 0), RowKind::FileHeader);
    QCOMPARE(kindOf(*m_model, 1), RowKind::HunkHeader);
    QCOMPARE(kindOf(*m_model, 2), RowKind::Add);
    QCOMPARE(m_model->fileCount(), 2);
    QCOMPARE(m_model->fileRow(0), 0);
    QCOMPARE(m_model->fileRow(1), 2 + 13);
    QCOMPARE(m_model->fileRow(2), -1);
    QCOMPARE(m_model->hunkRows().size(), size_t(3));
    QCOMPARE(m_model->index(0).data(DiffModel::PathRole).toString(), u"src/lib/csv.ts"_s);
    QCOMPARE(m_model->index(0).data(DiffModel::AdditionsRole).toInt(), 13);
    QCOMPARE(m_model->index(0).data(DiffModel::FileStatusRole).toInt(), int(DiffFileStatus::Added));
    QCOMPARE(m_model->index(1).data(DiffModel::TextRole).toString(), u"@@ -0,0 +1,13 @@"_s);
    QVERIFY(m_model->roleNames().contains(DiffModel::IntraLineRangesRole));
}

void TestDiffModel::roles_lineNumbersTextAndLanguage()
{
    m_model->setDiff(fixtureDiff());
    const int page = m_model->fileRow(1);
    const QModelIndex firstContext = m_model->index(page + 2);
    QCOMPARE(kindOf(*m_model, page + 2), RowKind::Context);
    QCOMPARE(firstContext.data(DiffModel::OldLineRole).toInt(), 1);
    QCOMPARE(firstContext.data(DiffModel::NewLineRole).toInt(), 1);
    QCOMPARE(firstContext.data(DiffModel::TextRole).toString(),
        u"import { useState } from \"react\";"_s);
    QCOMPARE(firstContext.data(DiffModel::LanguageRole).toInt(), int(DiffLanguage::JavaScript));
    QCOMPARE(firstContext.data(DiffModel::FileIndexRole).toInt(), 1);
    QCOMPARE(firstContext.data(DiffModel::HunkIndexRole).toInt(), 0);
    QCOMPARE(m_model->textAt(page + 2), u"import { useState } from \"react\";");
    const QModelIndex added = m_model->index(page + 5);
    QCOMPARE(kindOf(*m_model, page + 5), RowKind::Add);
    QCOMPARE(added.data(DiffModel::OldLineRole).toInt(), 0);
    QCOMPARE(added.data(DiffModel::NewLineRole).toInt(), 4);
    QCOMPARE(m_model->index(page + 1).data(DiffModel::SectionRole).toString(), QString());
}

void TestDiffModel::roles_intraLineRanges()
{
    m_model->setDiff(DiffParser::parse(
        u"diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,2 +1,2 @@\n ctx\n-\treturn 0\n+\treturn 42\n"_s));
    QCOMPARE(kindOf(*m_model, 3), RowKind::Remove);
    QCOMPARE(
        m_model->index(3).data(DiffModel::IntraLineRangesRole).value<Ranges>(), Ranges({{8, 1}}));
    QCOMPARE(
        m_model->index(4).data(DiffModel::IntraLineRangesRole).value<Ranges>(), Ranges({{8, 2}}));
    QVERIFY(m_model->index(2).data(DiffModel::IntraLineRangesRole).value<Ranges>().isEmpty());
    QCOMPARE(m_model->index(2).data(DiffModel::LanguageRole).toInt(), int(DiffLanguage::Go));
}

void TestDiffModel::navigation_filesAndHunks()
{
    m_model->setDiff(fixtureDiff());
    const std::vector<int> &hunks = m_model->hunkRows();
    QCOMPARE(m_model->nextFileRow(0), m_model->fileRow(1));
    QCOMPARE(m_model->nextFileRow(m_model->fileRow(1)), -1);
    QCOMPARE(m_model->previousFileRow(m_model->fileRow(1)), 0);
    QCOMPARE(m_model->previousFileRow(0), -1);
    QCOMPARE(m_model->nextHunkRow(0), hunks[0]);
    QCOMPARE(m_model->nextHunkRow(hunks[0]), hunks[1]);
    QCOMPARE(m_model->nextHunkRow(hunks[1] + 3), hunks[2]);
    QCOMPARE(m_model->nextHunkRow(hunks[2]), -1);
    QCOMPARE(m_model->previousHunkRow(hunks[2]), hunks[1]);
    QCOMPARE(m_model->fileIndexAt(hunks[2] + 1), 1);
    QCOMPARE(m_model->fileIndexAt(-1), -1);
}

void TestDiffModel::setDiff_isTheOnlyReset()
{
    m_probe->clear();
    m_model->setDiff(fixtureDiff());
    m_model->setDiff(ParsedDiff());
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setDiff(fixtureDiff());
    QCOMPARE(m_probe->resets.size(), 3);
    QCOMPARE(m_probe->inserted.size(), 0);
    QCOMPARE(m_probe->removed.size(), 0);
}

void TestDiffModel::binaryAndRename_haveHeaderRowsOnly()
{
    m_model->setDiff(DiffParser::parse(
        u"diff --git a/img.png b/img.png\nindex 1..2 100644\nBinary files a/img.png and b/img.png "
        u"differ\n"
        u"diff --git a/a b/b\nsimilarity index 100%\nrename from a\nrename to b\n"_s));
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->index(0).data(DiffModel::BinaryRole).toBool());
    QCOMPARE(
        m_model->index(1).data(DiffModel::FileStatusRole).toInt(), int(DiffFileStatus::Renamed));
    QCOMPARE(m_model->index(1).data(DiffModel::OldPathRole).toString(), u"a"_s);
    QCOMPARE(m_model->index(1).data(DiffModel::SimilarityRole).toInt(), 100);
}

void TestDiffModel::sideBySide_pairsRemovesWithAdds()
{
    DiffSideBySideModel pairs;
    ModelProbe pairProbe(&pairs);
    pairs.setSourceModel(m_model.get());
    m_model->setDiff(DiffParser::parse(u"diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n"
                                       u" a\n-b\n-c\n+B\n d\n+e\n"_s));
    // file, hunk, a, (b|B), (c|-), d, (-|e)
    QCOMPARE(pairs.rowCount(), 7);
    auto cells = [&](int row) {
        return QPair<int, int>(
            pairs.index(row).data(DiffSideBySideModel::LeftSourceRowRole).toInt(),
            pairs.index(row).data(DiffSideBySideModel::RightSourceRowRole).toInt());
    };
    QCOMPARE(cells(0), (QPair<int, int>(0, 0)));
    QCOMPARE(cells(2), (QPair<int, int>(2, 2)));
    QCOMPARE(cells(3), (QPair<int, int>(3, 5)));
    QCOMPARE(cells(4), (QPair<int, int>(4, -1)));
    QCOMPARE(cells(5), (QPair<int, int>(6, 6)));
    QCOMPARE(cells(6), (QPair<int, int>(-1, 7)));
    QCOMPARE(pairs.rowForSourceRow(5), 3);
    QCOMPARE(pairs.sourceRowForRow(6), 7);
    QCOMPARE(pairs.index(1).data(DiffModel::KindRole).value<RowKind>(), RowKind::HunkHeader);
    m_model->setDiff(ParsedDiff());
    QCOMPARE(pairs.rowCount(), 0);
}

void TestDiffModel::bigDiff_50kLines_rowsReadTheirTextOnDemand()
{
    QString text;
    text.reserve(50'000 * 50);
    int lines = 0;
    for (int f = 0; lines < 50'000; ++f) {
        text += u"diff --git a/src/f%1.cpp b/src/f%1.cpp\n--- a/src/f%1.cpp\n+++ b/src/f%1.cpp\n"
                u"@@ -1,150 +1,150 @@\n"_s.arg(f);
        for (int i = 0; i < 150; ++i, ++lines) {
            text += (i % 5 == 0)
                ? u"-    int value%1 = compute(%1);\n+    int value%1 = compute(%1 + 1);\n"_s.arg(i)
                : u"     // unchanged line number %1 of this file\n"_s.arg(i);
        }
    }
    ParsedDiff diff = DiffParser::parse(text);
    m_model->setDiff(std::move(diff));
    const int rows = m_model->rowCount();
    QVERIFY(rows > 50'000);
    // Rows hold offsets into the diff's text; reading one slices it then (its memory per row is
    // BenchDiffView's figure, not asserted here).
    QCOMPARE(m_model->index(rows - 1).data(DiffModel::TextRole).toString(),
        u"    // unchanged line number 149 of this file"_s);
}

QTEST_GUILESS_MAIN(TestDiffModel)
#include "TestDiffModel.moc"
