// Issue 11, item 5 (b): a hostile server names a chat, or a user attaches a file, with a
// right-to-left override in it, so "invoice\u202Etxt.exe" reads as "invoiceexe.txt". Bidi
// controls in titles and file names are shown visibly (safeDisplayText) wherever they are
// displayed: the chat list, the conversation title, attachment chips and refusals.

#include "core/api/ApiClient.h"
#include "core/api/AttachmentUploader.h"
#include "core/api/AttachmentUploads.h"
#include "core/api/DisplayText.h"
#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "models/ChatListModel.h"
#include "support/HostileApi.h"
#include "widgets/chatlist/ChatListDelegate.h"
#include "widgets/composer/AttachmentStrip.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/shell/Icons.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPaintEngine>
#include <QPainter>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString rlo = QString(QChar(0x202E));
const QString hostileName = u"invoice"_s + rlo + u"txt.exe"_s;
const QString shownName = u"invoice\u27E8U+202E\u27E9txt.exe"_s;

bool hasBidiControl(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return isBidiControl(c.unicode()); });
}

//! A paint device that keeps the text drawn on it, to see what a delegate shows.
class TextCaptureEngine final : public QPaintEngine
{
public:
    QStringList texts;

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawTextItem(const QPointF &, const QTextItem &item) override
    {
        texts.append(item.text());
    }
    Type type() const override { return QPaintEngine::User; }
};

class TextCaptureDevice final : public QPaintDevice
{
public:
    TextCaptureEngine engine;

    QPaintEngine *paintEngine() const override { return const_cast<TextCaptureEngine *>(&engine); }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return 1200;
        case PdmHeight:
            return 200;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        default:
            return 0;
        }
    }
};

//! The texts ChatListDelegate draws for `rows`, each painted as a 1200×64 row.
QStringList chatListTexts(const QList<QModelIndex> &rows)
{
    Icons icons;
    ChatListDelegate delegate(&icons);
    TextCaptureDevice device;
    QPainter painter(&device);
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 1200, 64);
    option.font = QFont();
    option.fontMetrics = QFontMetrics(option.font);
    for (const QModelIndex &row : rows)
        delegate.paint(&painter, option, row);
    painter.end();
    return device.engine.texts;
}

QByteArray tinyPng()
{
    QFile file(QStringLiteral(AGENTDESK_FILE_DATA_DIR) + u"/tiny.png"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestHostileNames : public QObject
{
    Q_OBJECT

private slots:
    void safeDisplayText_data();
    void safeDisplayText();
    void chatList_showsTheOverrideVisibly();
    void chatListFromAHostileServer_showsTheOverrideVisibly();
    void conversationTitle_showsTheOverrideVisibly();
    void attachmentChip_showsTheOverrideVisibly();
    void attachmentRefusal_showsTheOverrideVisibly();
};

void TestHostileNames::safeDisplayText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << u"Fix the CSV export"_s << u"Fix the CSV export"_s;
    QTest::newRow("right-to-left override") << hostileName << shownName;
    QTest::newRow("isolates")
        << u"a\u2066b\u2067c\u2068d\u2069"_s
        << u"a\u27E8U+2066\u27E9b\u27E8U+2067\u27E9c\u27E8U+2068\u27E9d\u27E8U+2069\u27E9"_s;
    QTest::newRow("marks") << u"x\u200Fy\u200Ez\u061C"_s
                           << u"x\u27E8U+200F\u27E9y\u27E8U+200E\u27E9z\u27E8U+061C\u27E9"_s;
    // Real right-to-left text has no controls and is left alone.
    QTest::newRow("Hebrew") << u"\u05E9\u05DC\u05D5\u05DD report.txt"_s
                            << u"\u05E9\u05DC\u05D5\u05DD report.txt"_s;
    QTest::newRow("emoji with joiner")
        << u"\U0001F469\u200D\U0001F4BB notes"_s << u"\U0001F469\u200D\U0001F4BB notes"_s;
    QTest::newRow("line breaks") << u"a\nb\r\tc"_s << u"a b  c"_s;
    QTest::newRow("other controls") << u"a\u0007b\u0085c"_s << u"a\uFFFDb\uFFFDc"_s;
}

void TestHostileNames::safeDisplayText()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(AgentDesk::safeDisplayText(text), shown);
    QVERIFY(!hasBidiControl(AgentDesk::safeDisplayText(text)));
}

void TestHostileNames::chatList_showsTheOverrideVisibly()
{
    QStandardItemModel model;
    auto *item = new QStandardItem;
    item->setData(hostileName, ChatListModel::TitleRole);
    model.appendRow(item);

    const QStringList texts = chatListTexts({model.index(0, 0)});
    QVERIFY2(!texts.isEmpty(), "the delegate drew no text");
    for (const QString &text : texts)
        QVERIFY2(!hasBidiControl(text), qPrintable(text));
    QVERIFY2(texts.join(u'|').contains(shownName), qPrintable(texts.join(u'|')));
}

void TestHostileNames::chatListFromAHostileServer_showsTheOverrideVisibly()
{
    // The whole way: the server's JSON, ApiClient, the chat list model, the delegate.
    QFile fixture(qEnvironmentVariable("AGENTDESK_FIXTURES") + u"/chats-list.json"_s);
    QVERIFY2(fixture.open(QIODevice::ReadOnly), qPrintable(fixture.fileName()));
    QJsonArray chats = QJsonDocument::fromJson(fixture.readAll()).array();
    QVERIFY(!chats.isEmpty());
    QJsonObject first = chats.first().toObject();
    first.insert(u"title"_s, hostileName);
    chats.replace(0, first);
    const QByteArray body = QJsonDocument(chats).toJson(QJsonDocument::Compact);

    HostileApi host;
    QVERIFY(host.start());
    host.server.setResponder(
        [&](const RecordedRequest &) { return HostileServer::json(200, body); });
    ChatListModel model;
    bool listed = false;
    QObject context;
    host.api->listChats({}, &context, [&](const ApiResult<QList<Chat>> &result) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        model.replaceAll(result.value());
        listed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(listed, 10'000);

    QList<QModelIndex> hostileRows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        // The model keeps the title as sent; only the display changes.
        if (index.data(ChatListModel::TitleRole).toString() == hostileName)
            hostileRows << index;
    }
    QVERIFY(!hostileRows.isEmpty());
    const QStringList texts = chatListTexts(hostileRows);
    for (const QString &text : texts)
        QVERIFY2(!hasBidiControl(text), qPrintable(text));
    QVERIFY(texts.join(u'|').contains(shownName));
}

void TestHostileNames::conversationTitle_showsTheOverrideVisibly()
{
    QTemporaryDir dir;
    Icons icons;
    AppSettings settings(dir.filePath(u"settings.ini"_s));
    DraftStore drafts(dir.filePath(u"drafts"_s));
    ConversationWidget widget(&icons, &settings, &drafts);
    widget.setTitle(hostileName);
    auto *title = widget.findChild<QLabel *>(u"conversationTitle"_s);
    QVERIFY(title);
    QCOMPARE(title->text(), shownName);
}

void TestHostileNames::attachmentChip_showsTheOverrideVisibly()
{
    HostileApi host; // the upload is never answered; only the chip matters here
    QVERIFY(host.start());
    host.server.setResponder([](const RecordedRequest &) { return HostileServer::neverAnswer(); });
    AttachmentUploads uploads(host.api.get());
    AttachmentStrip strip(&uploads);
    strip.resize(800, 120);
    QVERIFY2(strip.addBytes(tinyPng(), u"photo"_s + rlo + u"gnp.exe"_s),
        qPrintable(strip.messageText()));
    bool shown = false;
    const QList<QLabel *> labels = strip.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        QVERIFY2(!hasBidiControl(label->text()), qPrintable(label->text()));
        QVERIFY2(!hasBidiControl(label->toolTip()), qPrintable(label->toolTip()));
        shown = shown || label->toolTip().contains(u"photo\u27E8U+202E\u27E9gnp.exe"_s);
    }
    QVERIFY(shown);
}

void TestHostileNames::attachmentRefusal_showsTheOverrideVisibly()
{
    const auto result = AttachmentUploader::validate(QByteArray("\x7f"
                                                                "ELF\x02\x01\x01\0\0\0",
                                                         10),
        u"readme"_s + rlo + u"txt.exe"_s);
    QVERIFY(!result.ok());
    QVERIFY2(!hasBidiControl(result.error().message), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"readme\u27E8U+202E\u27E9txt.exe"_s),
        qPrintable(result.error().message));
}

QTEST_MAIN(TestHostileNames)
#include "TestHostileNames.moc"
