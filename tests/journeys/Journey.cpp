#include "Journey.h"

#include "models/ChatDirectory.h"
#include "models/ChatListModel.h"
#include "models/MessageListModel.h"
#include "support/WidgetArtifacts.h"
#include "widgets/chatlist/ChatListView.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/conversation/ChatView.h"
#include "widgets/conversation/ConversationWidget.h"
#include "widgets/conversation/MessageDelegate.h"
#include "widgets/conversation/MessageLayoutCache.h"
#include "widgets/conversation/PartRenderer.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QTest>
#include <QTextDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk::Testing {

namespace {

constexpr int windowWidth = 1280;
constexpr int windowHeight = 800;

//! Whether `rect` of `image` holds pixels that differ clearly from `background`.
bool hasInk(const QImage &image, const QRect &rect, const QColor &background)
{
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        for (int x = area.left(); x <= area.right(); x += 2) {
            const QColor pixel = image.pixelColor(x, y);
            const int difference = std::abs(pixel.red() - background.red())
                + std::abs(pixel.green() - background.green())
                + std::abs(pixel.blue() - background.blue());
            if (difference > 60)
                return true;
        }
    }
    return false;
}

//! Where the view's rows are now: the scroll position and the first rows' rects. Asking runs a
//! delayed item layout the view still has pending (QListView lays out in rectForIndex).
QList<QRect> viewGeometry(const QAbstractItemView *view)
{
    QList<QRect> geometry{QRect(view->verticalScrollBar()->value(), 0, 0, 0)};
    const QAbstractItemModel *model = view->model();
    for (int row = 0; model && row < std::min(model->rowCount(), 3); ++row)
        geometry.append(view->visualRect(model->index(row, 0)));
    const QModelIndex top = view->indexAt(QPoint(view->viewport()->width() / 2, 0));
    geometry.append(top.isValid() ? view->visualRect(top) : QRect());
    return geometry;
}

//! A grab of the viewport whose rows are where visualRect() says. grab() paints with whatever
//! item layout is current, while visualRect() first runs a pending delayed layout (which may also
//! move a view that follows the bottom), so a grab taken before that layout ran would be judged
//! against the next frame's rects: settle first, and grab again if the paint itself moved rows.
QImage grabViewport(const QAbstractItemView *view)
{
    QImage image;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QList<QRect> before = viewGeometry(view);
        image = view->viewport()->grab().toImage();
        if (viewGeometry(view) == before)
            break;
    }
    image.setDevicePixelRatio(1.0);
    return image.convertToFormat(QImage::Format_RGB32)
        .scaled(view->viewport()->size(), Qt::IgnoreAspectRatio);
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 15'000)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

//! Calls `visit(index, rect, inked)` once for each row the viewport of `view` shows (scanned top
//! down through its middle): `rect` is the row's visual rect clipped to the viewport, `inked`
//! whether a fresh grab has pixels there besides the background.
template<typename Visit>
void forEachPaintedRow(const QAbstractItemView *view, Visit visit)
{
    const QImage image = grabViewport(view);
    const QColor background = view->viewport()->palette().color(view->viewport()->backgroundRole());
    const QRect area = view->viewport()->rect();
    QSet<QPersistentModelIndex> seen;
    for (int y = 0; y < area.height(); y += 2) {
        const QModelIndex index = view->indexAt(QPoint(area.width() / 2, y));
        if (!index.isValid() || seen.contains(index))
            continue;
        seen.insert(index);
        const QRect rect = view->visualRect(index).intersected(area);
        visit(index, rect, hasInk(image, rect, background));
    }
}

} // namespace

QString serverMessageText(const QJsonObject &message)
{
    QStringList texts;
    for (const QJsonValue &part : message.value("content"_L1).toArray()) {
        const QJsonObject object = part.toObject();
        if (object.value("type"_L1).toString() == "text"_L1)
            texts << object.value("text"_L1).toString();
    }
    return texts.join(u"\n\n"_s);
}

QStringList Journey::withGeneration(QStringList simulatorArguments)
{
    const QString generation = generationUnderTest();
    if (!generation.isEmpty() && !simulatorArguments.contains(u"--generation"_s))
        simulatorArguments << u"--generation"_s << generation;
    return simulatorArguments;
}

QString Journey::generationUnderTest()
{
    return qEnvironmentVariable("AGENTDESK_JOURNEY_GENERATION");
}

Journey::Journey(const QStringList &simulatorArguments)
    : m_sim(std::make_unique<SimulatorProcess>(withGeneration(simulatorArguments)))
{
}

Journey::~Journey()
{
    m_app.reset();
}

bool Journey::startSimulator()
{
    if (m_sim->isRunning())
        return true;
    if (!m_sim->start()) {
        m_error = m_sim->errorString();
        return false;
    }
    return true;
}

bool Journey::startApp(const QStringList &arguments)
{
    m_app.reset();
    if (!startSimulator())
        return false;
    Application::Options options;
    options.deploymentUrl = m_sim->baseUrl();
    options.token = m_sim->token();
    options.storageDirectory = m_storage.path();
    m_app = std::make_unique<Application>(options);
    m_app->start();
    if (!arguments.isEmpty())
        m_app->handleArguments(arguments); // as main() does, before anything has loaded
    if (!waitFor([this] { return m_app->mainWindow() != nullptr; })) {
        m_error = u"the main window did not appear"_s;
        return false;
    }
    MainWindow *shown = window();
    shown->resize(windowWidth, windowHeight);
    shown->show();
    if (!QTest::qWaitForWindowExposed(shown)) {
        m_error = u"the main window was not exposed"_s;
        return false;
    }
    shown->activateWindow();
    if (!waitFor([this] {
            return m_app->chatDirectory() && m_app->chatDirectory()->isListLoaded()
                && list()->model()->rowCount() > 0;
        })) {
        m_error = u"the chat list did not load"_s;
        return false;
    }
    return true;
}

void Journey::quitApp()
{
    if (!m_app)
        return;
    if (QAction *quit = action(u"actionQuit"_s))
        quit->trigger();
    m_app.reset();
}

void Journey::dropApp()
{
    m_app.reset();
}

MainWindow *Journey::window() const
{
    return m_app ? m_app->mainWindow() : nullptr;
}

ChatListView *Journey::list() const
{
    return window() ? window()->chatListView() : nullptr;
}

ConversationWidget *Journey::conversation() const
{
    return window() ? window()->conversationWidget() : nullptr;
}

ChatView *Journey::chatView() const
{
    return conversation() ? conversation()->chatView() : nullptr;
}

ComposerWidget *Journey::composer() const
{
    return conversation() ? conversation()->composer() : nullptr;
}

QPlainTextEdit *Journey::editor() const
{
    return window() ? window()->findChild<QPlainTextEdit *>(u"messageEdit"_s) : nullptr;
}

QAction *Journey::action(const QString &objectName) const
{
    return window() ? window()->findChild<QAction *>(objectName) : nullptr;
}

ChatId Journey::chatIdByTitle(const QString &title) const
{
    ChatListModel *model = m_app ? m_app->chatListModel() : nullptr;
    if (!model)
        return {};
    std::function<ChatId(const QModelIndex &)> find = [&](const QModelIndex &parent) -> ChatId {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(ChatListModel::TitleRole).toString() == title)
                return index.data(ChatListModel::ChatIdRole).value<ChatId>();
            if (const ChatId child = find(index); !child.isNull())
                return child;
        }
        return {};
    };
    return find({});
}

bool Journey::clickChat(const QString &title)
{
    const ChatId id = chatIdByTitle(title);
    return !id.isNull() && clickChat(id);
}

bool Journey::clickChat(const ChatId &id)
{
    ChatListView *view = list();
    if (!view)
        return false;
    const QModelIndex index = view->indexOfChat(id);
    if (!index.isValid())
        return false;
    view->scrollTo(index);
    QRect rect = view->visualRect(index);
    if (!rect.isValid())
        return false;
    // Away from the left edge, where a parent row's expand arrow sits.
    const QPoint point(rect.left() + std::min(rect.width() / 2, 120), rect.center().y());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, point);
    return true;
}

bool Journey::openChat(const ChatId &id)
{
    if (!clickChat(id))
        return false;
    return waitFor([this, &id] { return window() && window()->visibleChatId() == id; });
}

ChatId Journey::openChatTitled(const QString &title)
{
    const ChatId id = chatIdByTitle(title);
    return !id.isNull() && openChat(id) ? id : ChatId();
}

void Journey::type(const QString &text)
{
    QPlainTextEdit *edit = editor();
    if (!edit)
        return;
    QTest::mouseClick(edit->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(10, 10));
    QTest::keyClicks(edit, text);
}

void Journey::send(const QString &text)
{
    type(text);
    press(QKeySequence(Qt::Key_Return));
}

QDialog *Journey::openNewChatDialog()
{
    press(QKeySequence(u"Ctrl+N"_s));
    QDialog *dialog = nullptr;
    waitFor([this, &dialog] {
        dialog = window() ? window()->findChild<QDialog *>(u"newChatDialog"_s) : nullptr;
        return dialog && dialog->isVisible();
    });
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

ChatStatus Journey::status(const ChatId &chat) const
{
    const ChatListModel *model = m_app ? m_app->chatListModel() : nullptr;
    const auto *entry = model ? model->chat(chat) : nullptr;
    return entry ? entry->status : ChatStatus::Unknown;
}

bool Journey::isWorking(const ChatId &chat) const
{
    return isActive(status(chat));
}

void Journey::press(const QKeySequence &keys)
{
    QWidget *target = QApplication::focusWidget();
    if (!target || target->window() != window())
        target = window();
    QTest::keySequence(target, keys);
}

bool Journey::clickButton(const QString &objectName)
{
    auto *button = window() ? window()->findChild<QAbstractButton *>(objectName) : nullptr;
    if (!button || !button->isVisible() || !button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

QList<PaintedMessage> Journey::paintedConversation() const
{
    QList<PaintedMessage> rows;
    ChatView *view = chatView();
    if (!view || !view->isVisible() || !view->model())
        return rows;
    forEachPaintedRow(view, [&](const QModelIndex &index, const QRect &rect, bool inked) {
        PaintedMessage row;
        row.row = index.row();
        row.rect = rect;
        row.id = index.data(MessageListModel::MessageIdRole).value<MessageId>();
        row.role = index.data(MessageListModel::RoleRole).value<MessageRole>();
        row.text = index.data(MessageListModel::TextRole).toString();
        row.parts = index.data(MessageListModel::PartsRole).value<QList<MessagePart>>();
        row.streaming = index.data(MessageListModel::StreamingRole).toBool();
        row.pending = index.data(MessageListModel::PendingRole).toBool();
        row.inked = inked;
        QTextDocument document;
        view->messageDelegate()->layoutCache().renderInto(document, index);
        row.rendered = document.toPlainText();
        rows.append(row);
    });
    std::sort(rows.begin(), rows.end(), [](const PaintedMessage &a, const PaintedMessage &b) {
        return a.rect.top() < b.rect.top();
    });
    return rows;
}

QList<PaintedChat> Journey::paintedChatList() const
{
    QList<PaintedChat> rows;
    ChatListView *view = list();
    if (!view || !view->model())
        return rows;
    forEachPaintedRow(view, [&rows](const QModelIndex &index, const QRect &rect, bool inked) {
        PaintedChat row;
        row.id = index.data(ChatListModel::ChatIdRole).value<ChatId>();
        row.title = index.data(ChatListModel::TitleRole).toString();
        row.rect = rect;
        row.inked = inked;
        rows.append(row);
    });
    return rows;
}

QStringList Journey::paintedTexts() const
{
    QStringList texts;
    for (const PaintedMessage &row : paintedConversation())
        texts << row.text;
    return texts;
}

bool Journey::paints(const QString &needle) const
{
    const QList<PaintedMessage> rows = paintedConversation();
    return std::any_of(rows.begin(), rows.end(), [&needle](const PaintedMessage &row) {
        return (row.text.contains(needle) || row.rendered.contains(needle)) && row.inked;
    });
}

QString Journey::compareWithServer(const ChatId &chat) const
{
    auto *self = const_cast<Journey *>(this);
    const QJsonArray messages = self->serverMessages(chat);
    QHash<qint64, QJsonObject> byId;
    qint64 newestWithText = 0;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const qint64 id = message.value("id"_L1).toInteger();
        byId.insert(id, message);
        if (message.value("role"_L1).toString() != "tool"_L1
            && !serverMessageText(message).isEmpty())
            newestWithText = std::max(newestWithText, id);
    }
    const QList<PaintedMessage> rows = paintedConversation();
    if (rows.isEmpty())
        return messages.isEmpty() ? QString() : u"nothing is painted"_s;
    QSet<qint64> painted;
    qint64 previous = 0;
    bool streamingOrPending = false;
    for (const PaintedMessage &row : rows) {
        // A row cut by the viewport's edge may show only its margin: judge rows shown enough.
        if (!row.inked && row.rect.height() >= 24)
            return u"row %1 (\"%2\", rendered \"%3\", %4 px shown at y %5 of a %6 px row, "
                   "streaming %7) is blank"_s.arg(row.row)
                       .arg(row.text.left(40), row.rendered.left(40))
                       .arg(row.rect.height())
                       .arg(row.rect.top())
                       .arg(chatView()->visualRect(chatView()->model()->index(row.row, 0)).height())
                       .arg(row.streaming);
        if (row.streaming) {
            // A streaming row belongs to a turn in progress in *this* chat.
            static const QStringList working{u"pending"_s, u"running"_s, u"interrupting"_s};
            const QString status = self->serverChat(chat).value("status"_L1).toString();
            if (!working.contains(status))
                return u"a streaming row (\"%1\") is painted in a chat that is %2"_s.arg(
                    row.rendered.left(40), status);
        }
        if (row.streaming || row.pending) {
            streamingOrPending = true;
            continue;
        }
        const qint64 id = row.id.value;
        if (!byId.contains(id))
            return u"row %1 shows message %2, which chat %3 does not have (\"%4\")"_s.arg(row.row)
                .arg(id)
                .arg(chat.toString(), row.text.left(40));
        if (painted.contains(id))
            return u"message %1 is painted twice"_s.arg(id);
        if (id < previous)
            return u"message %1 is painted below message %2"_s.arg(previous).arg(id);
        painted.insert(id);
        previous = id;
        const QString expected = serverMessageText(byId.value(id));
        if (!expected.isEmpty() && row.text != expected)
            return u"message %1 shows \"%2\", the server has \"%3\""_s.arg(id).arg(
                row.text.left(60), expected.left(60));
    }
    ChatView *view = chatView();
    if (view && view->isFollowing() && !streamingOrPending && newestWithText > 0
        && !painted.contains(newestWithText))
        return u"the newest message (%1) is not painted at the bottom"_s.arg(newestWithText);
    return {};
}

QString Journey::chatsPrefix()
{
    if (!m_prefix.isEmpty())
        return m_prefix;
    QByteArray body;
    for (const QString &candidate : {u"/api/v2/chats"_s, u"/api/experimental/chats"_s}) {
        if (m_sim->request("GET", candidate + u"?limit=1"_s, {}, &body) == 200) {
            m_prefix = candidate;
            break;
        }
    }
    return m_prefix;
}

QJsonArray Journey::serverMessages(const ChatId &chat)
{
    QJsonArray all;
    qint64 before = 0;
    for (int page = 0; page < 200; ++page) {
        QString path = chatsPrefix() + u'/' + chat.toString() + u"/messages?limit=200"_s;
        if (before > 0)
            path += u"&before_id="_s + QString::number(before);
        QByteArray body;
        if (m_sim->request("GET", path, {}, &body) != 200)
            break;
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        const QJsonArray messages = object.value("messages"_L1).toArray();
        for (const QJsonValue &message : messages) {
            all.append(message);
            const qint64 id = message.toObject().value("id"_L1).toInteger();
            before = before == 0 ? id : std::min(before, id);
        }
        if (!object.value("has_more"_L1).toBool() || messages.isEmpty())
            break;
    }
    return all;
}

QJsonObject Journey::serverChat(const ChatId &chat)
{
    QJsonObject answer;
    serverRequest("GET", chatsPrefix() + u'/' + chat.toString(), {}, &answer);
    return answer;
}

int Journey::serverRequest(
    const QByteArray &method, const QString &path, const QJsonObject &body, QJsonObject *answer)
{
    QByteArray reply;
    const QByteArray payload =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const int status = m_sim->request(method, path, payload, &reply);
    if (answer)
        *answer = QJsonDocument::fromJson(reply).object();
    return status;
}

QString Journey::screenshot(const QString &name) const
{
    return screenshotOf(window(), name);
}

QString Journey::screenshotOf(QWidget *widget, const QString &name, QWidget *popup)
{
    const QString path = artifactPath(u"journeys/"_s + name + u".png"_s);
    if (!widget)
        return path;
    QPixmap shot = widget->grab();
    if (popup && popup->isVisible()) {
        QPainter painter(&shot);
        painter.drawPixmap(widget->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))), popup->grab());
    }
    shot.save(path);
    return path;
}

JourneyTestCase::JourneyTestCase(Setup setup)
    : m_setup(std::move(setup))
{
}

void JourneyTestCase::initTestCase()
{
    m_journey = std::make_unique<Journey>(m_setup.simulatorArguments);
    if (m_setup.logRequests)
        qputenv("QT_LOGGING_RULES", "agentdesk.sim.debug=true");
    const bool started = m_journey->startSimulator();
    if (m_setup.logRequests)
        qunsetenv("QT_LOGGING_RULES");
    QVERIFY2(started, qPrintable(m_journey->errorString()));
}

void JourneyTestCase::init()
{
    if (!m_setup.startAppForEachTest)
        return;
    QVERIFY2(m_journey->startApp(), qPrintable(m_journey->errorString()));
    appStarted();
}

void JourneyTestCase::cleanup()
{
    m_journey->dropApp();
    if (m_setup.resetFaultsAfterEachTest)
        QVERIFY(m_journey->sim().setFaults({{u"reset"_s, true}}));
}

} // namespace AgentDesk::Testing
