#pragma once

#include "core/api/ApiTypes.h"

#include <QComboBox>
#include <QPointer>

class QFrame;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace AgentDesk {

//! The model picker (§20.8): a combo box over ModelConfigModel (or a proxy of it) whose popup
//! is searchable and grouped by provider: a filter field (filters as you type), then one group
//! per provider, the default model's group and the default model first. Models that cannot be
//! chosen are listed disabled with the reason (`unavailable_reason`). Keyboard: type to filter,
//! Up/Down, Enter picks, Esc closes. Picking emits QComboBox::activated like a plain combo.
class ModelPicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit ModelPicker(QWidget *parent = nullptr);
    ~ModelPicker() override;

    void showPopup() override;
    void hidePopup() override;

    //! The open popup (null when closed), for tests and screenshots.
    QFrame *popup() const { return m_popup; }
    //! Words for an `unavailable_reason` (§20.8; the web's notice for a fixable one).
    static QString unavailableText(const QString &reason);
    //! A reasoning effort's label (none … max).
    static QString effortLabel(const QString &effort);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillTree();
    void applyFilter(const QString &text);
    void moveCurrent(int step);
    void pick(QTreeWidgetItem *item);

    QPointer<QFrame> m_popup;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
};

//! The reasoning-effort picker (§20.8) beside a ModelPicker: shown only for a model that lists
//! `reasoning_efforts`, offering exactly those. Preselects as the web does (PAGE
//! pickReasoningEffort): the user's choice, else the chat's last effort, else the model's
//! default, else the middle value; each only when the model offers it.
class EffortPicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit EffortPicker(QWidget *parent = nullptr);

    //! Null or a model without efforts hides the picker.
    void setModelConfig(const ModelConfig *model);
    //! The value to send as `reasoning_effort`; empty when the model has no efforts.
    QString effort() const;
    void setEffort(const QString &effort);
    //! A new chat is shown: forgets the user's pick; \a effort (the chat's
    //! `last_reasoning_effort`, may be empty) comes before the model's default from now on.
    void setChatEffort(const QString &effort);

private:
    QString m_chosen;     //!< what the user picked in this chat (kept across models offering it)
    QString m_chatEffort; //!< the chat's last_reasoning_effort
};

} // namespace AgentDesk
