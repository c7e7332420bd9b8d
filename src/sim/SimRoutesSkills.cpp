// §20.10 personal skills (CRUD, validated like ValidatePersonalSkillMarkdown) and the personal
// instructions ({P}/config/user-prompt).

#include "SimRoutes.h"
#include "SimState.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

namespace AgentDeskSim {

namespace {

constexpr qsizetype maxSkillBytes = 64 * 1024;
constexpr qsizetype maxPromptBytes = 128 * 1024;

//! Parses SKILL.md: YAML front matter with name (kebab-case) and optional description, then a
//! body. Returns the problem, or empty.
QString parseSkill(const QString &content, QString *name, QString *description)
{
    if (content.toUtf8().size() > maxSkillBytes)
        return QStringLiteral("skill content exceeds the maximum size");
    QStringList lines = content.split(QLatin1Char('\n'));
    if (lines.isEmpty() || lines.first().trimmed() != QLatin1String("---"))
        return QStringLiteral("skill must start with YAML front matter");
    int end = -1;
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i);
        if (line.trimmed() == QLatin1String("---")) {
            end = i;
            break;
        }
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        QString value = line.mid(colon + 1).trimmed();
        if (value.size() >= 2
            && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))))
            value = value.mid(1, value.size() - 2);
        if (line.left(colon).trimmed() == QLatin1String("name"))
            *name = value;
        else if (line.left(colon).trimmed() == QLatin1String("description"))
            *description = value;
    }
    if (end < 0)
        return QStringLiteral("front matter is not closed");
    static const QRegularExpression kebab(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (name->isEmpty())
        return QStringLiteral("name is required");
    if (name->toUtf8().size() > 256 || !kebab.match(*name).hasMatch())
        return QStringLiteral("name must be kebab-case");
    if (lines.mid(end + 1).join(QLatin1Char('\n')).trimmed().isEmpty())
        return QStringLiteral("skill body must not be empty");
    return {};
}

QJsonObject metadata(const QJsonObject &skill)
{
    QJsonObject o = skill;
    o.remove(QStringLiteral("content"));
    return o;
}

} // namespace

HttpResponse SimRoutes::skills(const HttpRequest &request, const QStringList &rest)
{
    const QString now = SimState::timestamp(QDateTime::currentDateTimeUtc());
    auto find = [this](const QString &name) {
        for (int i = 0; i < m_steer.skills.size(); ++i) {
            if (m_steer.skills.at(i).value(QStringLiteral("name")).toString() == name)
                return i;
        }
        return -1;
    };
    auto invalid = [](const QString &detail) {
        return HttpResponse::error(400, QStringLiteral("Invalid skill."), detail,
            {HttpResponse::validation(QStringLiteral("content"), detail)});
    };
    if (rest.isEmpty() && request.method == "GET") {
        QJsonArray list;
        for (const QJsonObject &skill : std::as_const(m_steer.skills))
            list.append(metadata(skill));
        return HttpResponse::json(200, list);
    }
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    // The name, description and content a POST or PATCH body gives; \a kept is the name the
    // skill may keep (PATCH), every other one must be free.
    QJsonObject written;
    auto readSkill = [&](const QString &kept) -> std::optional<HttpResponse> {
        if (!doc.isObject())
            return HttpResponse::error(400, QStringLiteral("Request body must be valid JSON."));
        const QString content = doc.object().value(QStringLiteral("content")).toString();
        QString name;
        QString description;
        if (const QString problem = parseSkill(content, &name, &description); !problem.isEmpty())
            return invalid(problem);
        if (name != kept && find(name) >= 0)
            return HttpResponse::error(
                409, QStringLiteral("A personal skill with this name already exists."));
        written = {{QStringLiteral("name"), name}, {QStringLiteral("description"), description},
            {QStringLiteral("content"), content}, {QStringLiteral("updated_at"), now}};
        return std::nullopt;
    };
    if (rest.isEmpty() && request.method == "POST") {
        if (std::optional<HttpResponse> refusal = readSkill({}))
            return *refusal;
        QJsonObject skill = written;
        skill.insert(QStringLiteral("id"), m_state->newUuid());
        skill.insert(QStringLiteral("created_at"), now);
        m_steer.skills.append(skill);
        return HttpResponse::json(201, skill);
    }
    if (rest.size() != 1)
        return HttpResponse::error(404, QStringLiteral("Route not found."));
    const int index = find(rest.at(0));
    if (index < 0)
        return HttpResponse::error(404, QStringLiteral("Skill not found."));
    if (request.method == "GET")
        return HttpResponse::json(200, m_steer.skills.at(index));
    if (request.method == "DELETE") {
        m_steer.skills.removeAt(index);
        return HttpResponse::noContent();
    }
    if (request.method == "PATCH") {
        if (std::optional<HttpResponse> refusal = readSkill(rest.at(0)))
            return *refusal;
        QJsonObject skill = m_steer.skills.at(index);
        for (auto it = written.begin(); it != written.end(); ++it)
            skill.insert(it.key(), it.value());
        m_steer.skills[index] = skill;
        return HttpResponse::json(200, skill);
    }
    return HttpResponse::error(405, QStringLiteral("Method not allowed."));
}

HttpResponse SimRoutes::userPrompt(const HttpRequest &request)
{
    if (request.method == "GET")
        return HttpResponse::json(
            200, QJsonObject{{QStringLiteral("custom_prompt"), m_steer.userPrompt}});
    if (request.method != "PUT")
        return HttpResponse::error(405, QStringLiteral("Method not allowed."));
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return HttpResponse::error(400, QStringLiteral("Request body must be valid JSON."));
    const QString prompt = doc.object().value(QStringLiteral("custom_prompt")).toString().trimmed();
    if (prompt.toUtf8().size() > maxPromptBytes)
        return HttpResponse::error(400, QStringLiteral("Custom prompt exceeds maximum length."));
    m_steer.userPrompt = prompt;
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("custom_prompt"), prompt}});
}

} // namespace AgentDeskSim
