#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QTimer;

namespace AgentDesk {

class ApiClient;
class AppSettings;
class Appearance;
class ChatListModel;
class MainWindow;
class SecretStore;
class TrayNotifier;

//! --screenshots DIR: a timed walk through the signed-in window (a live turn, the new-chat
//! dialog, the palette, the tray menu, the sign-in and settings dialogs, the dark theme) that
//! grabs each stage into DIR and writes DIR/done, so an outside observer (tools/screenshots.sh)
//! can capture the real screen at each stage too. finished() once it is through or the window
//! is gone.
class ScreenshotRunner final : public QObject
{
    Q_OBJECT

public:
    struct Subjects
    {
        MainWindow *window = nullptr;
        ChatListModel *chats = nullptr;
        TrayNotifier *tray = nullptr;
        ApiClient *signInApi = nullptr; //!< For the sign-in dialog's picture.
        SecretStore *sessionStore = nullptr;
        AppSettings *settings = nullptr; //!< Throw-away (demo): the dark theme is set in it.
        Appearance *appearance = nullptr;
    };

    ScreenshotRunner(const QString &directory, const Subjects &subjects, QObject *parent = nullptr);

    void start();

signals:
    void finished();

private:
    //! One stage: what to do, and then, a timer tick later, what to grab into which file.
    //! A stage without a subject takes no picture; the next stage follows on the next tick.
    struct Stage
    {
        std::function<void()> prepare;
        std::function<QWidget *()> subject = {};
        QString fileName = {};
    };
    QList<Stage> stages();
    void handleStep();
    void openBusiestChat();
    bool grab(QWidget *widget, const QString &name) const;

    QString m_directory;
    Subjects m_subjects;
    QPointer<MainWindow> m_window;
    QPointer<TrayNotifier> m_tray;
    QTimer *m_timer;
    QList<Stage> m_stages;
    qsizetype m_stage = 0;
    bool m_grabNext = false; //!< The current stage was prepared; its picture is next.
};

} // namespace AgentDesk
