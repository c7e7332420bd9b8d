#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace AgentDesk {

//! A file the user attached to a draft: kept by local path until uploaded, then by file id too.
struct DraftAttachment
{
    QString localPath;
    QString fileId; //!< Empty until uploaded.
    QString name;
    QString mimeType;
    qint64 sizeBytes = 0;

    friend bool operator==(const DraftAttachment &, const DraftAttachment &) = default;
};

//! What the composer holds for one chat (or for the new-chat form).
struct Draft
{
    QString text;
    QList<DraftAttachment> attachments;
    QDateTime updatedAt;

    bool isEmpty() const { return text.trimmed().isEmpty() && attachments.isEmpty(); }
};

//! Offline composer drafts, one small JSON file per chat under AppDataLocation/drafts, written
//! atomically (QSaveFile) and debounced with a maximum wait: half a second after the last
//! change, but at least once a second while changes keep coming, so continuous typing is
//! saved too and a crash loses at most the last second. Keys are chat ids, or newChatKey()
//! for the new-chat form.
class DraftStore final : public QObject
{
    Q_OBJECT

public:
    //! `directory` empty = QStandardPaths::AppDataLocation + "/drafts".
    explicit DraftStore(const QString &directory = {}, QObject *parent = nullptr);
    ~DraftStore() override; //!< Flushes what is pending.

    static QString newChatKey();
    //! ~/.local/share/AgentDesk/drafts (moving the drafts of builds that wrote to
    //! AgentDesk/AgentDesk/drafts).
    static QString defaultDirectory();

    //! The draft for `key`: from memory if it was touched this run, else from disk.
    Draft draft(const QString &key);
    //! Replaces the draft and schedules a save; an empty draft removes the file.
    void setDraft(const QString &key, Draft draft);
    //! Forgets the draft (after a successful send).
    void clear(const QString &key);
    //! Writes everything pending now (on quit; tests).
    void flush();
    //! Keys that have a draft on disk or pending.
    QStringList keys() const;

    //! Quiet time after the last change before writing (default 500 ms).
    void setSaveDelay(int milliseconds);
    //! The longest a change waits while changes keep coming (default 1000 ms).
    void setMaxSaveWait(int milliseconds);
    QString directory() const { return m_directory; }

Q_SIGNALS:
    void saveFailed(const QString &key, const QString &error);

private:
    QString pathFor(const QString &key) const;
    void save(const QString &key);

    QString m_directory;
    QHash<QString, Draft> m_drafts;
    QSet<QString> m_dirty;
    QTimer m_saveTimer;
    //! Started by the first unsaved change and not restarted by later ones.
    QTimer m_maxWaitTimer;
};

} // namespace AgentDesk
