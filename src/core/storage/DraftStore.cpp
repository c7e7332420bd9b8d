#include "core/storage/DraftStore.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int defaultSaveDelayMs = 500;
constexpr int defaultMaxSaveWaitMs = 1000;
constexpr qint64 maxDraftFileBytes = 8 * 1024 * 1024; // a draft larger than this is not ours

QJsonObject toJson(const Draft &draft)
{
    QJsonArray attachments;
    for (const DraftAttachment &a : draft.attachments) {
        attachments.append(QJsonObject{{u"local_path"_s, a.localPath}, {u"file_id"_s, a.fileId},
            {u"name"_s, a.name}, {u"mime_type"_s, a.mimeType},
            {u"size_bytes"_s, double(a.sizeBytes)}});
    }
    return QJsonObject{{u"text"_s, draft.text}, {u"attachments"_s, attachments},
        {u"updated_at"_s, draft.updatedAt.toString(Qt::ISODateWithMs)}};
}

Draft fromJson(const QJsonObject &object)
{
    Draft draft;
    draft.text = object.value(u"text"_s).toString();
    draft.updatedAt =
        QDateTime::fromString(object.value(u"updated_at"_s).toString(), Qt::ISODateWithMs);
    const QJsonArray attachments = object.value(u"attachments"_s).toArray();
    for (const QJsonValue &value : attachments) {
        const QJsonObject a = value.toObject();
        DraftAttachment attachment;
        attachment.localPath = a.value(u"local_path"_s).toString();
        attachment.fileId = a.value(u"file_id"_s).toString();
        attachment.name = a.value(u"name"_s).toString();
        attachment.mimeType = a.value(u"mime_type"_s).toString();
        attachment.sizeBytes = qint64(a.value(u"size_bytes"_s).toDouble());
        if (!attachment.localPath.isEmpty() || !attachment.fileId.isEmpty())
            draft.attachments.append(attachment);
    }
    return draft;
}

} // namespace

QString DraftStore::defaultDirectory()
{
    // ~/.local/share/AgentDesk/drafts. AppDataLocation is <organization>/<application>, which
    // for AgentDesk doubles the name (AgentDesk/AgentDesk/drafts, where earlier builds wrote).
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString name = QCoreApplication::applicationName().isEmpty()
        ? u"AgentDesk"_s
        : QCoreApplication::applicationName();
    const QString wanted = data + u'/' + name + u"/drafts"_s;
    const QString doubled =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/drafts"_s;
    if (doubled != wanted && QFileInfo::exists(doubled) && !QFileInfo::exists(wanted)) {
        QDir().mkpath(QFileInfo(wanted).path());
        QDir().rename(doubled, wanted); // drafts written by earlier builds come along
    }
    return wanted;
}

DraftStore::DraftStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? defaultDirectory() : directory)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(defaultSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &DraftStore::flush);
    m_maxWaitTimer.setSingleShot(true);
    m_maxWaitTimer.setInterval(defaultMaxSaveWaitMs);
    connect(&m_maxWaitTimer, &QTimer::timeout, this, &DraftStore::flush);
}

DraftStore::~DraftStore()
{
    flush();
}

QString DraftStore::newChatKey()
{
    return u"new-chat"_s;
}

Draft DraftStore::draft(const QString &key)
{
    if (const auto it = m_drafts.constFind(key); it != m_drafts.cend())
        return *it;
    QFile file(pathFor(key));
    Draft loaded;
    if (file.size() <= maxDraftFileBytes && file.open(QIODevice::ReadOnly))
        loaded = fromJson(QJsonDocument::fromJson(file.readAll()).object());
    m_drafts.insert(key, loaded);
    return loaded;
}

void DraftStore::setDraft(const QString &key, Draft draft)
{
    if (draft.updatedAt.isNull())
        draft.updatedAt = QDateTime::currentDateTimeUtc();
    m_drafts.insert(key, std::move(draft));
    m_dirty.insert(key);
    // Every change restarts the quiet-time timer, but not the maximum wait: during continuous
    // typing the draft is still written at least once per interval.
    m_saveTimer.start();
    if (!m_maxWaitTimer.isActive())
        m_maxWaitTimer.start();
}

void DraftStore::clear(const QString &key)
{
    setDraft(key, Draft{});
}

void DraftStore::flush()
{
    m_saveTimer.stop();
    m_maxWaitTimer.stop();
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString &key : dirty)
        save(key);
}

QStringList DraftStore::keys() const
{
    QSet<QString> keys;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files);
    for (const QString &file : files) {
        QFile f(dir.filePath(file));
        if (f.size() <= maxDraftFileBytes && f.open(QIODevice::ReadOnly)) {
            const QString key =
                QJsonDocument::fromJson(f.readAll()).object().value(u"key"_s).toString();
            if (!key.isEmpty())
                keys.insert(key);
        }
    }
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it) {
        if (it->isEmpty())
            keys.remove(it.key());
        else
            keys.insert(it.key());
    }
    QStringList sorted(keys.cbegin(), keys.cend());
    sorted.sort();
    return sorted;
}

void DraftStore::setSaveDelay(int milliseconds)
{
    m_saveTimer.setInterval(milliseconds);
}

void DraftStore::setMaxSaveWait(int milliseconds)
{
    m_maxWaitTimer.setInterval(milliseconds);
}

QString DraftStore::pathFor(const QString &key) const
{
    // Chat ids are UUIDs and safe as names; anything else is hashed so no key can escape the
    // directory.
    static const QRegularExpression safe(u"^[A-Za-z0-9-]{1,64}$"_s);
    const QString name = safe.match(key).hasMatch()
        ? key
        : QString::fromLatin1(
            QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex());
    return m_directory + u'/' + name + u".json"_s;
}

void DraftStore::save(const QString &key)
{
    const Draft current = m_drafts.value(key);
    const QString path = pathFor(key);
    if (current.isEmpty()) {
        QFile::remove(path);
        return;
    }
    if (!QDir().mkpath(m_directory)) {
        Q_EMIT saveFailed(key, tr("Cannot create the drafts folder %1.").arg(m_directory));
        return;
    }
    QJsonObject object = toJson(current);
    object.insert(u"key"_s, key);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        qCWarning(lcUi) << "draft not saved:" << file.errorString();
        Q_EMIT saveFailed(key, file.errorString());
    }
}

} // namespace AgentDesk
