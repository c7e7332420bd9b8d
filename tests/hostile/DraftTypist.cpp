// agentdesk-draft-typist: a child process for TestHostileDraftKill. It shows the real
// ComposerWidget (offscreen) with a DraftStore in <drafts-dir>, opens the draft <key> and types
// into the message field without pause, one key every few milliseconds, the way a user does:
// key events, not setText(). After every key it prints "typed <ms> <chars>" so the test knows
// how far it got; the test then kills it with SIGKILL. Bounded: it stops typing after 10 s and
// quits after 15 s if nobody killed it.
//
// Usage: agentdesk-draft-typist <drafts-dir> <key>

#include "core/storage/AppSettings.h"
#include "core/storage/DraftStore.h"
#include "widgets/composer/ComposerWidget.h"
#include "widgets/composer/MessageEdit.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int keyIntervalMs = 5;
constexpr int typingLimitMs = 10'000;
constexpr int lifeLimitMs = 15'000;

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: agentdesk-draft-typist <drafts-dir> <key>\n");
        return 2;
    }
    const QString directory = arguments.at(1);
    const QString key = arguments.at(2);

    DraftStore drafts(directory);
    AppSettings settings(directory + u"/settings.ini"_s);
    ComposerWidget composer(nullptr, &settings, &drafts);
    composer.setDraftKey(key);
    composer.resize(600, 140);
    composer.show();
    auto *edit = composer.findChild<MessageEdit *>(u"messageEdit"_s);
    if (!edit) {
        std::fprintf(stderr, "agentdesk-draft-typist: no messageEdit\n");
        return 3;
    }
    edit->setFocus();

    const QString pattern = u"the quick brown fox jumps over the lazy dog "_s;
    QElapsedTimer clock;
    clock.start();
    qsizetype typed = 0;
    QTimer keys;
    keys.setInterval(keyIntervalMs);
    QObject::connect(&keys, &QTimer::timeout, &app, [&] {
        if (clock.elapsed() > typingLimitMs) {
            keys.stop();
            return;
        }
        QTest::keyClick(edit, pattern.at(typed % pattern.size()).toLatin1());
        ++typed;
        std::printf("typed %lld %lld\n", static_cast<long long>(clock.elapsed()),
            static_cast<long long>(typed));
        std::fflush(stdout);
    });
    keys.start();
    QTimer::singleShot(lifeLimitMs, &app, &QCoreApplication::quit);
    return app.exec();
}
