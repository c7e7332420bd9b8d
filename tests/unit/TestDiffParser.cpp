// DiffParser over the protocol fixture and over real `git diff` output (tests/data/diffs, made
// with git 2.39 from a scratch repository): renames, copies, binaries, modes, CRLF, quoted
// paths, missing newlines; plus truncated, garbage, empty and huge input.

#include "core/diff/DiffParser.h"
#include "support/FixtureFiles.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QString readDiff(const QString &name)
{
    QFile file(QStringLiteral(AGENTDESK_DIFF_DATA_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString fixtureDiff()
{
    const QJsonObject object =
        QJsonDocument::fromJson(FixtureFiles::read(u"chat-diff.json"_s)).object();
    return object.value(u"diff"_s).toString();
}

//! Every line of every hunk must stay inside the text and count consistently.
void checkInvariants(const ParsedDiff &diff)
{
    int lines = 0;
    for (const DiffFile &file : diff.files) {
        int additions = 0;
        int deletions = 0;
        for (const DiffHunk &hunk : file.hunks) {
            for (const DiffLine &line : hunk.lines) {
                QVERIFY(line.textOffset >= 0);
                QVERIFY(line.textOffset + line.textLength <= diff.text.size());
                QVERIFY(!diff.lineText(line).contains(u'\n'));
                QVERIFY(!diff.lineText(line).endsWith(u'\r'));
                if (line.changeStart >= 0)
                    QVERIFY(line.changeStart + line.changeLength <= line.textLength);
                additions += line.kind == DiffLineKind::Add;
                deletions += line.kind == DiffLineKind::Remove;
                ++lines;
            }
        }
        QCOMPARE(file.additions, additions);
        QCOMPARE(file.deletions, deletions);
    }
    QCOMPARE(diff.lineCount, lines);
}

} // namespace

class TestDiffParser : public QObject
{
    Q_OBJECT

private slots:
    void fixture_chatDiff_twoFilesWith32AdditionsAnd1Deletion();
    void files_data();
    void files();
    void rename_pure_hasNoHunks();
    void noNewline_oldSide_marksOldOnly();
    void noNewline_newSide_marksNewOnly();
    void crlf_stripsCarriageReturn_andRemembersIt();
    void quotedPaths_decodeEscapesAndUtf8();
    void hunkWithoutCounts_meansOne();
    void multipleHunks_numberLinesFromEachHeader();
    void mixed_wholeGitOutput_parsesEveryFile();
    void plainUnifiedDiff_withoutGitHeader();
    void truncated_keepsWhatWasComplete();
    void truncated_atEveryCharacter_neverCrashes();
    void garbage_isSkippedNotFatal();
    void empty_givesNoFiles();
    void hugeLine_isKeptWhole();
    void intraLine_data();
    void intraLine();
    void async_parsesOffThread_sameResult();
    void languageForPath_data();
    void languageForPath();
};

void TestDiffParser::fixture_chatDiff_twoFilesWith32AdditionsAnd1Deletion()
{
    const ParsedDiff diff = DiffParser::parse(fixtureDiff());
    checkInvariants(diff);
    QCOMPARE(diff.files.size(), 2);
    QCOMPARE(diff.additions, 32);
    QCOMPARE(diff.deletions, 1);
    QCOMPARE(diff.skippedLines, 0);

    const DiffFile &csv = diff.files.at(0);
    QCOMPARE(csv.status, DiffFileStatus::Added);
    QCOMPARE(csv.oldPath, QString());
    QCOMPARE(csv.newPath, u"src/lib/csv.ts"_s);
    QCOMPARE(csv.newMode, u"100644"_s);
    QCOMPARE(csv.additions, 13);
    QCOMPARE(csv.hunks.size(), 1);
    QCOMPARE(csv.hunks.at(0).newStart, 1);
    QCOMPARE(csv.hunks.at(0).lines.first().newLine, 1);
    QCOMPARE(csv.hunks.at(0).lines.first().oldLine, 0);

    const DiffFile &page = diff.files.at(1);
    QCOMPARE(page.status, DiffFileStatus::Modified);
    QCOMPARE(page.oldPath, u"src/pages/ReportsPage.tsx"_s);
    QCOMPARE(page.newPath, page.oldPath);
    QCOMPARE(page.hunks.size(), 2);
    QCOMPARE(page.additions, 19);
    QCOMPARE(page.deletions, 1);
    QCOMPARE(page.hunks.at(1).section, u"export function ReportsPage() {"_s);
    QCOMPARE(page.hunks.at(1).oldStart, 7);
    QCOMPARE(page.hunks.at(1).newCount, 27);
    QCOMPARE(DiffParser::languageForPath(page.newPath), DiffLanguage::JavaScript);
}

void TestDiffParser::files_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("oldPath");
    QTest::addColumn<QString>("newPath");
    QTest::addColumn<DiffFileStatus>("status");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<int>("similarity");
    QTest::addColumn<int>("additions");
    QTest::addColumn<int>("deletions");
    QTest::addColumn<int>("hunks");

    QTest::newRow("new file") << u"new-file.diff"_s << QString() << u"added.txt"_s
                              << DiffFileStatus::Added << false << -1 << 1 << 0 << 1;
    QTest::newRow("deleted file") << u"deleted-file.diff"_s << u"deleted.txt"_s << QString()
                                  << DiffFileStatus::Deleted << false << -1 << 0 << 2 << 1;
    QTest::newRow("modified") << u"modified-c.diff"_s << u"src.c"_s << u"src.c"_s
                              << DiffFileStatus::Modified << false << -1 << 1 << 1 << 1;
    QTest::newRow("rename with changes")
        << u"rename-with-changes.diff"_s << u"renamed.txt"_s << u"copied.txt"_s
        << DiffFileStatus::Renamed << false << 95 << 1 << 0 << 1;
    QTest::newRow("rename without changes")
        << u"rename-pure.diff"_s << u"moved.txt"_s << u"moved2.txt"_s << DiffFileStatus::Renamed
        << false << 100 << 0 << 0 << 0;
    QTest::newRow("copy") << u"copy.diff"_s << u"copysrc.txt"_s << u"renamed2.txt"_s
                          << DiffFileStatus::Copied << false << 95 << 1 << 1 << 1;
    QTest::newRow("binary files differ")
        << u"binary-files-differ.diff"_s << u"img.png"_s << u"img.png"_s << DiffFileStatus::Binary
        << true << -1 << 0 << 0 << 0;
    QTest::newRow("GIT binary patch") << u"binary-git-patch.diff"_s << u"img.png"_s << u"img.png"_s
                                      << DiffFileStatus::Binary << true << -1 << 0 << 0 << 0;
    QTest::newRow("mode change only") << u"mode-change.diff"_s << u"script.sh"_s << u"script.sh"_s
                                      << DiffFileStatus::Modified << false << -1 << 0 << 0 << 0;
    QTest::newRow("path with space")
        << u"space-path.diff"_s << u"with space.txt"_s << u"with space.txt"_s
        << DiffFileStatus::Modified << false << -1 << 1 << 0 << 1;
}

void TestDiffParser::files()
{
    QFETCH(QString, name);
    const QString text = readDiff(name);
    QVERIFY2(!text.isEmpty(), qPrintable(name));
    const ParsedDiff diff = DiffParser::parse(text);
    checkInvariants(diff);
    QCOMPARE(diff.files.size(), 1);
    QCOMPARE(diff.skippedLines, 0);
    const DiffFile &file = diff.files.first();
    QTEST(file.oldPath, "oldPath");
    QTEST(file.newPath, "newPath");
    QTEST(file.status, "status");
    QTEST(file.isBinary, "binary");
    QTEST(file.renameSimilarity, "similarity");
    QTEST(file.additions, "additions");
    QTEST(file.deletions, "deletions");
    QTEST(int(file.hunks.size()), "hunks");
}

void TestDiffParser::rename_pure_hasNoHunks()
{
    const DiffFile file = DiffParser::parse(readDiff(u"rename-pure.diff"_s)).files.value(0);
    QVERIFY(file.hunks.isEmpty());
    QCOMPARE(file.displayPath(), u"moved2.txt"_s);

    const DiffFile mode = DiffParser::parse(readDiff(u"mode-change.diff"_s)).files.value(0);
    QCOMPARE(mode.oldMode, u"100644"_s);
    QCOMPARE(mode.newMode, u"100755"_s);
    QVERIFY(mode.isModeChangeOnly());
}

void TestDiffParser::noNewline_oldSide_marksOldOnly()
{
    const ParsedDiff diff = DiffParser::parse(readDiff(u"no-newline-old.diff"_s));
    checkInvariants(diff);
    const DiffFile &file = diff.files.at(0);
    QVERIFY(file.oldMissingNewline);
    QVERIFY(!file.newMissingNewline);
    const QList<DiffLine> &lines = file.hunks.at(0).lines;
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(2).kind, DiffLineKind::NoNewline);
    QCOMPARE(diff.lineText(lines.at(2)), u"No newline at end of file");
    QCOMPARE(lines.at(2).oldLine, 0);
    QCOMPARE(lines.at(3).kind, DiffLineKind::Add);
    QCOMPARE(lines.at(3).newLine, 2);
}

void TestDiffParser::noNewline_newSide_marksNewOnly()
{
    const ParsedDiff diff = DiffParser::parse(readDiff(u"no-newline-new.diff"_s));
    checkInvariants(diff);
    const DiffFile &file = diff.files.at(0);
    QVERIFY(!file.oldMissingNewline);
    QVERIFY(file.newMissingNewline);
    QCOMPARE(file.hunks.at(0).lines.last().kind, DiffLineKind::NoNewline);
}

void TestDiffParser::crlf_stripsCarriageReturn_andRemembersIt()
{
    const QString text = readDiff(u"crlf.diff"_s);
    QVERIFY(text.contains(u"\r\n"));
    const ParsedDiff diff = DiffParser::parse(text);
    checkInvariants(diff);
    const QList<DiffLine> &lines = diff.files.at(0).hunks.at(0).lines;
    QCOMPARE(lines.size(), 4);
    QCOMPARE(diff.lineText(lines.at(1)), u"two");
    QCOMPARE(diff.lineText(lines.at(2)), u"TWO");
    for (const DiffLine &line : lines)
        QVERIFY(line.hadCarriageReturn);

    // A diff whose own line ends are CRLF (saved on Windows) parses the same.
    QString windows = readDiff(u"modified-c.diff"_s);
    windows.replace(u"\n"_s, u"\r\n"_s);
    const ParsedDiff converted = DiffParser::parse(windows);
    checkInvariants(converted);
    QCOMPARE(converted.files.size(), 1);
    QCOMPARE(converted.files.at(0).newPath, u"src.c"_s);
    QCOMPARE(converted.additions, 1);
    QCOMPARE(converted.deletions, 1);
}

void TestDiffParser::quotedPaths_decodeEscapesAndUtf8()
{
    const DiffFile tab = DiffParser::parse(readDiff(u"quoted-path.diff"_s)).files.value(0);
    QCOMPARE(tab.newPath, u"tab\there.txt"_s);
    QCOMPARE(tab.oldPath, u"tab\there.txt"_s);
    const DiffFile utf8 = DiffParser::parse(readDiff(u"quoted-utf8.diff"_s)).files.value(0);
    QCOMPARE(utf8.newPath, u"ünï.txt"_s);
    QCOMPARE(DiffParser::decodePath(u"\"a/quote\\\"d\\\\x\""), u"quote\"d\\x"_s);
    QCOMPARE(DiffParser::decodePath(u"/dev/null"), QString());
    QCOMPARE(DiffParser::decodePath(u"\"unterminated"), u"unterminated"_s);
}

void TestDiffParser::hunkWithoutCounts_meansOne()
{
    const ParsedDiff diff = DiffParser::parse(readDiff(u"hunk-without-counts.diff"_s));
    checkInvariants(diff);
    const DiffHunk &hunk = diff.files.at(0).hunks.at(0);
    QCOMPARE(hunk.oldStart, 1);
    QCOMPARE(hunk.oldCount, 1);
    QCOMPARE(hunk.newCount, 1);
    QCOMPARE(hunk.lines.size(), 2);
}

void TestDiffParser::multipleHunks_numberLinesFromEachHeader()
{
    const ParsedDiff diff = DiffParser::parse(readDiff(u"multiple-hunks.diff"_s));
    checkInvariants(diff);
    const DiffFile &file = diff.files.at(0);
    QCOMPARE(file.hunks.size(), 2);
    QCOMPARE(file.hunks.at(1).lines.first().oldLine, 47);
    QCOMPARE(file.hunks.at(1).lines.first().newLine, 47);
    const DiffLine &removed = file.hunks.at(1).lines.at(3);
    QCOMPARE(removed.kind, DiffLineKind::Remove);
    QCOMPARE(removed.oldLine, 50);
    QCOMPARE(removed.newLine, 0);
    QCOMPARE(diff.lineText(file.hunks.at(1).lines.at(4)), u"fifty");
}

void TestDiffParser::mixed_wholeGitOutput_parsesEveryFile()
{
    const ParsedDiff diff = DiffParser::parse(readDiff(u"git-mixed.diff"_s));
    checkInvariants(diff);
    QCOMPARE(diff.files.size(), 16);
    QCOMPARE(diff.skippedLines, 0);
    QStringList paths;
    for (const DiffFile &file : diff.files)
        paths << file.displayPath();
    QVERIFY(paths.contains(u"with space.txt"_s));
    QVERIFY(paths.contains(u"ünï.txt"_s));
    QVERIFY(paths.contains(u"deleted.txt"_s));
}

void TestDiffParser::plainUnifiedDiff_withoutGitHeader()
{
    const ParsedDiff diff = DiffParser::parse(readDiff(u"plain-unified.diff"_s));
    checkInvariants(diff);
    QCOMPARE(diff.files.size(), 1);
    QCOMPARE(diff.files.at(0).oldPath, u"old/readme.txt"_s);
    QCOMPARE(diff.files.at(0).newPath, u"new/readme.txt"_s);
    QCOMPARE(diff.additions, 1);
    QCOMPARE(diff.deletions, 1);
}

void TestDiffParser::truncated_keepsWhatWasComplete()
{
    const ParsedDiff diff = DiffParser::parse(readDiff(u"truncated.diff"_s));
    checkInvariants(diff);
    QCOMPARE(diff.files.size(), 1);
    QCOMPARE(diff.files.at(0).hunks.size(), 2);
    QCOMPARE(diff.files.at(0).hunks.at(0).lines.size(), 8);
    QVERIFY(diff.files.at(0).hunks.at(1).lines.size() < 8);
}

void TestDiffParser::truncated_atEveryCharacter_neverCrashes()
{
    const QString text = readDiff(u"git-mixed.diff"_s) + fixtureDiff();
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        const ParsedDiff diff = DiffParser::parse(text.left(cut));
        checkInvariants(diff);
        if (QTest::currentTestFailed()) {
            qWarning() << "cut at" << cut;
            return;
        }
    }
}

void TestDiffParser::garbage_isSkippedNotFatal()
{
    const ParsedDiff junk = DiffParser::parse(readDiff(u"garbage.diff"_s));
    checkInvariants(junk);
    QVERIFY(junk.skippedLines > 0);
    for (const DiffFile &file : junk.files)
        QVERIFY(file.hunks.isEmpty());

    // Garbage around a real diff does not hide it.
    const ParsedDiff mixed = DiffParser::parse(
        u"Some preamble\nfrom a mail\n"_s + readDiff(u"modified-c.diff"_s) + u"trailing junk\n"_s);
    checkInvariants(mixed);
    QCOMPARE(mixed.files.size(), 1);
    QCOMPARE(mixed.additions, 1);

    // Random bytes decoded as text.
    QByteArray noise(4096, '\0');
    quint32 seed = 12345;
    for (char &c : noise) {
        seed = seed * 1103515245 + 12345;
        c = char((seed >> 16) & 0xff);
    }
    for (const char *prefix : {"", "diff --git a/x b/x\n@@ -1,3 +1,3 @@\n", "@@ -1 +1 @@\n"}) {
        const ParsedDiff random =
            DiffParser::parse(QString::fromLatin1(prefix) + QString::fromLatin1(noise));
        checkInvariants(random);
    }
}

void TestDiffParser::empty_givesNoFiles()
{
    QVERIFY(DiffParser::parse(QString()).isEmpty());
    QVERIFY(DiffParser::parse(u"\n\n"_s).isEmpty());
    QCOMPARE(DiffParser::parse(u"\n\n"_s).skippedLines, 0);
}

void TestDiffParser::hugeLine_isKeptWhole()
{
    const QString longText(2'000'000, u'x');
    const QString text = u"diff --git a/min.js b/min.js\n--- a/min.js\n+++ b/min.js\n"
                         u"@@ -1 +1 @@\n-"_s
        + longText + u"\n+"_s + longText + u"y\n"_s;
    // Parse speed is BenchDiffView's figure; here only that nothing is cut or split.
    const ParsedDiff diff = DiffParser::parse(text);
    checkInvariants(diff);
    QCOMPARE(diff.files.at(0).hunks.at(0).lines.size(), 2);
    QCOMPARE(diff.files.at(0).hunks.at(0).lines.at(0).textLength, 2'000'000);
    QCOMPARE(diff.files.at(0).hunks.at(0).lines.at(1).textLength, 2'000'001);
}

void TestDiffParser::intraLine_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("removedChange"); // the highlighted text, "" = none
    QTest::addColumn<QString>("addedChange");

    QTest::newRow("word") << u"    return 0;"_s << u"    return 1;"_s << u"0"_s << u"1"_s;
    QTest::newRow("number grows, whole word")
        << u"count = 1;"_s << u"count = 12;"_s << u"1"_s << u"12"_s;
    QTest::newRow("insertion only") << u"f(a)"_s << u"f(a, b)"_s << QString() << u", b"_s;
    QTest::newRow("identifier renamed")
        << u"int oldName = x;"_s << u"int newName = x;"_s << u"oldName"_s << u"newName"_s;
    QTest::newRow("nothing in common") << u"abc"_s << u"xyz"_s << QString() << QString();
    QTest::newRow("tag") << u"      <h1>Reports</h1>"_s
                         << u"      <header className=\"reports-header\">"_s << u"h1>Reports</h1"_s
                         << u"header className=\"reports-header\""_s;
}

void TestDiffParser::intraLine()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const ParsedDiff diff =
        DiffParser::parse(u"diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-"_s + before
            + u"\n+"_s + after + u"\n"_s);
    checkInvariants(diff);
    const QList<DiffLine> &lines = diff.files.at(0).hunks.at(0).lines;
    auto changed = [&](const DiffLine &line) {
        return line.changeStart < 0
            ? QString()
            : diff.lineText(line).mid(line.changeStart, line.changeLength).toString();
    };
    QTEST(changed(lines.at(0)), "removedChange");
    QTEST(changed(lines.at(1)), "addedChange");
}

void TestDiffParser::async_parsesOffThread_sameResult()
{
    QString big;
    for (int f = 0; f < 50; ++f) {
        big +=
            u"diff --git a/f%1.cpp b/f%1.cpp\n--- a/f%1.cpp\n+++ b/f%1.cpp\n@@ -1,100 +1,100 @@\n"_s
                .arg(f);
        for (int i = 0; i < 100; ++i)
            big += (i % 10 == 0) ? u"-old %1\n+new %1\n"_s.arg(i) : u" same %1\n"_s.arg(i);
    }
    QVERIFY(DiffParser::isLarge(big));
    QFutureWatcher<ParsedDiff> watcher;
    QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(DiffParser::parseAsync(big));
    QVERIFY(done.wait(10'000));
    const ParsedDiff async = watcher.result();
    const ParsedDiff sync = DiffParser::parse(big);
    QCOMPARE(async.files.size(), 50);
    QCOMPARE(async.lineCount, sync.lineCount);
    QCOMPARE(async.additions, 500);
    QCOMPARE(async.deletions, 500);
}

void TestDiffParser::languageForPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<DiffLanguage>("language");
    QTest::newRow("cpp") << u"src/a/B.cpp"_s << DiffLanguage::Cpp;
    QTest::newRow("header") << u"x.h"_s << DiffLanguage::Cpp;
    QTest::newRow("go") << u"main.go"_s << DiffLanguage::Go;
    QTest::newRow("python") << u"tool.PY"_s << DiffLanguage::Python;
    QTest::newRow("tsx") << u"src/pages/ReportsPage.tsx"_s << DiffLanguage::JavaScript;
    QTest::newRow("rust") << u"lib.rs"_s << DiffLanguage::Rust;
    QTest::newRow("json") << u"package.json"_s << DiffLanguage::Json;
    QTest::newRow("shell") << u"tools/test.sh"_s << DiffLanguage::Shell;
    QTest::newRow("none") << u"README"_s << DiffLanguage::None;
    QTest::newRow("dot dir") << u"a.b/c"_s << DiffLanguage::None;
}

void TestDiffParser::languageForPath()
{
    QFETCH(QString, path);
    QTEST(DiffParser::languageForPath(path), "language");
}

QTEST_GUILESS_MAIN(TestDiffParser)
#include "TestDiffParser.moc"
