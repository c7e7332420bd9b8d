#include "core/storage/AppSettings.h"

#include <QCoreApplication>

#include <iterator>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// Keys and defaults, side by side.
constexpr auto keyDeploymentUrl = "connection/deploymentUrl"_L1;
constexpr auto keyKnownDeployments = "connection/knownDeployments"_L1;
constexpr auto keyUnreadMarks = "session/unreadMarks"_L1;
constexpr auto keySendKey = "composer/sendKey"_L1;
constexpr auto keyTheme = "appearance/theme"_L1;
constexpr auto keyFontPointSize = "appearance/fontPointSize"_L1;
constexpr auto keyCacheSize = "cache/sizeMegabytes"_L1;

constexpr int defaultCacheMegabytes = 256;

QUrl originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
        | QUrl::RemovePath | QUrl::StripTrailingSlash);
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
        QCoreApplication::organizationName().isEmpty() ? u"AgentDesk"_s
                                                       : QCoreApplication::organizationName(),
        u"AgentDesk"_s))
{
}

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

std::pair<QLatin1String, QVariant> AppSettings::plainKey(Key key)
{
    // In the order of Key.
    static const std::pair<QLatin1String, QVariant> keys[] = {
        {"connection/organizationId"_L1, {}},
        {"session/lastChatId"_L1, {}},
        {"window/geometry"_L1, {}},
        {"window/state"_L1, {}},
        {"window/splitters"_L1, {}},
        {"appearance/language"_L1, {}},
        {"notifications/finished"_L1, true},
        {"notifications/error"_L1, true},
        {"notifications/needsInput"_L1, true},
        {"notifications/sound"_L1, false},
        {"desktop/closeToTray"_L1, true},
        {"desktop/startAtLogin"_L1, false},
    };
    static_assert(std::size(keys) == size_t(Key::StartAtLogin) + 1, "one entry per Key");
    return keys[size_t(key)];
}

QVariant AppSettings::value(Key key) const
{
    const auto [name, fallback] = plainKey(key);
    return m_settings->value(name, fallback);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(plainKey(key).first, value);
}

QUrl AppSettings::deploymentUrl() const
{
    return QUrl(m_settings->value(keyDeploymentUrl).toString());
}
void AppSettings::setDeploymentUrl(const QUrl &url)
{
    // Origin only: a pasted URL could carry a query (and a careless one a token) — never keep it.
    m_settings->setValue(keyDeploymentUrl, originOf(url).toString());
}

QList<QUrl> AppSettings::knownDeployments() const
{
    QList<QUrl> urls;
    for (const QString &text : m_settings->value(keyKnownDeployments).toStringList()) {
        const QUrl url(text);
        if (url.isValid() && !url.host().isEmpty() && !urls.contains(url))
            urls.append(url);
    }
    return urls;
}
void AppSettings::rememberDeployment(const QUrl &url)
{
    const QUrl origin = originOf(url);
    if (!origin.isValid() || origin.host().isEmpty())
        return;
    QStringList list = m_settings->value(keyKnownDeployments).toStringList();
    if (!list.contains(origin.toString())) {
        list.append(origin.toString());
        m_settings->setValue(keyKnownDeployments, list);
    }
}
void AppSettings::forgetDeployment(const QUrl &url)
{
    QStringList list = m_settings->value(keyKnownDeployments).toStringList();
    list.removeAll(originOf(url).toString());
    m_settings->setValue(keyKnownDeployments, list);
}

QStringList AppSettings::unreadMarks() const
{
    return m_settings->value(keyUnreadMarks).toStringList();
}

void AppSettings::setUnreadMarks(const QStringList &chatIds)
{
    if (chatIds.isEmpty())
        m_settings->remove(keyUnreadMarks);
    else
        m_settings->setValue(keyUnreadMarks, chatIds);
}

AppSettings::SendKey AppSettings::sendKey() const
{
    return m_settings->value(keySendKey).toString() == "ctrl+enter"_L1 ? SendKey::CtrlEnter
                                                                       : SendKey::Enter;
}
void AppSettings::setSendKey(SendKey key)
{
    m_settings->setValue(keySendKey, key == SendKey::CtrlEnter ? u"ctrl+enter"_s : u"enter"_s);
}

AppSettings::Theme AppSettings::theme() const
{
    const QString value = m_settings->value(keyTheme).toString();
    if (value == "light"_L1)
        return Theme::Light;
    if (value == "dark"_L1)
        return Theme::Dark;
    return Theme::System;
}
void AppSettings::setTheme(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        m_settings->setValue(keyTheme, u"light"_s);
        return;
    case Theme::Dark:
        m_settings->setValue(keyTheme, u"dark"_s);
        return;
    case Theme::System:
        m_settings->setValue(keyTheme, u"system"_s);
        return;
    }
}

int AppSettings::fontPointSize() const
{
    return qBound(0, m_settings->value(keyFontPointSize, 0).toInt(), 48);
}
void AppSettings::setFontPointSize(int size)
{
    m_settings->setValue(keyFontPointSize, qBound(0, size, 48));
}

int AppSettings::cacheSizeMegabytes() const
{
    return qBound(16, m_settings->value(keyCacheSize, defaultCacheMegabytes).toInt(), 8192);
}
void AppSettings::setCacheSizeMegabytes(int megabytes)
{
    m_settings->setValue(keyCacheSize, qBound(16, megabytes, 8192));
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace AgentDesk
