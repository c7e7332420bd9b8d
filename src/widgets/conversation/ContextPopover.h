#pragma once

#include "core/api/ApiTypes.h"

#include <QFrame>

class QLabel;
class QListWidget;

namespace AgentDesk {

//! §20.5: the "Context" popover of the conversation header (objectName contextPopover): the
//! workspace context pinned for the chat, each instruction file, skill, MCP config and MCP
//! server with its status and size (and an MCP server's tools). A Qt::Popup frame.
class ContextPopover final : public QFrame
{
    Q_OBJECT

public:
    explicit ContextPopover(QWidget *parent = nullptr);

    //! `loading`: the resources are being fetched (a line says so).
    void setContext(const std::optional<ChatContext> &context, bool loading);
    //! The lines shown, one per resource (tests, screenshots).
    QStringList lines() const;
    //! One resource as a line, e.g. "AGENTS.md — instruction file · 2.0 KB".
    static QString lineFor(const ChatContextResource &resource);
    //! Shows the popover under `anchor`.
    void popUpBelow(QWidget *anchor);

private:
    QLabel *m_heading;
    QLabel *m_note;
    QListWidget *m_list;
};

} // namespace AgentDesk
