#pragma once

#include "core/api/ApiResult.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace AgentDesk {

class ApiClient;

//! A Settings page about the signed-in user's account on the server (provider keys, skills):
//! it loads from the server, says what went wrong in its status line, and asks not to be
//! offered when the server has no such routes (404).
class SettingsAccountPage : public QWidget
{
    Q_OBJECT

public:
    //! Loads the page's content from the server again.
    virtual void reload() = 0;

Q_SIGNALS:
    //! The server has no routes for this page (404): the page should not be offered.
    void unsupported();

protected:
    SettingsAccountPage(ApiClient *api, QWidget *parent);

    //! The form's dimmed introduction and the status line showStatus() writes to.
    void setUpLabels(QLabel *intro, QLabel *status);
    void showStatus(const QString &text, bool error = false);
    //! For the answer to the page's load: true when it holds a value; otherwise says so
    //! (unsupported() on 404, the error in the status line) and returns false.
    template<typename T>
    bool takeLoaded(const ApiResult<T> &result)
    {
        if (result.ok())
            return true;
        if (result.error().httpStatus == 404)
            Q_EMIT unsupported();
        else
            showStatus(result.error().toDisplayString(), true);
        return false;
    }

    QPointer<ApiClient> m_api;

private:
    QLabel *m_status = nullptr;
};

} // namespace AgentDesk
