// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/accessiblenames.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTabWidget>

namespace xi {

void AccessibleNames::fromToolTips(QWidget* root)
{
    static const QRegularExpression end(QStringLiteral("[:;(]"));
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : std::as_const(widgets)) {
        const bool control = qobject_cast<QAbstractScrollArea*>(w) || qobject_cast<QComboBox*>(w)
            || qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractButton*>(w);
        if (!control || !w->accessibleName().isEmpty())
            continue;
        QString name = w->toolTip().section(end, 0, 0).trimmed();
        // A tab's page without a tooltip: the tab's label.
        auto stack = qobject_cast<QStackedWidget*>(w->parentWidget());
        auto tabs = stack ? qobject_cast<QTabWidget*>(stack->parentWidget()) : nullptr;
        if (name.isEmpty() && tabs && tabs->indexOf(w) >= 0)
            name = tabs->tabText(tabs->indexOf(w)).remove(u'&');
        if (!name.isEmpty())
            w->setAccessibleName(name);
    }
}

} // namespace xi
