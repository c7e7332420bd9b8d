#pragma once

#include "core/api/ApiTypes.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace AgentDesk {

class Icons;
class QueueModel;

//! The open chat's queued messages above the composer (§14.4): a first-line preview per item
//! with "Send now" (promote) and "Remove" (delete). Hidden while the queue is empty. A queue
//! holds a handful of items, so one small row widget each is fine here (unlike the timeline).
class QueuePanel final : public QFrame
{
    Q_OBJECT

public:
    explicit QueuePanel(const Icons *icons = nullptr, QWidget *parent = nullptr);

    void setModel(QueueModel *model);
    QueueModel *model() const { return m_model; }

Q_SIGNALS:
    void promoteRequested(AgentDesk::QueuedMessageId id);
    void removeRequested(AgentDesk::QueuedMessageId id);

private:
    void rebuild();

    const Icons *m_icons;
    QueueModel *m_model = nullptr;
    QLabel *m_title;
    QVBoxLayout *m_rows;
};

} // namespace AgentDesk
