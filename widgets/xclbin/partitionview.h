// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTreeView;
class QTableView;

namespace xi {

class KeyValueModel;
class NpuColumnsWidget;

// The AIE_PARTITION section: properties, start columns drawn as the NPU's columns, PDIs with their cdo groups.
class PartitionView : public QWidget {
    Q_OBJECT
public:
    explicit PartitionView(QWidget* parent = nullptr);

    void setXclbin(const XclbinPtr& xclbin);
    // A PDI with no image, an all-zero image, or the demo's marked placeholder text (not a device image).
    static bool isPlaceholder(const Xclbin& xclbin, const PdiEntry& pdi);

    KeyValueModel* propertiesModel() const { return m_properties; }
    QStandardItemModel* pdiModel() const { return m_pdis; }
    NpuColumnsWidget* columns() const { return m_columns; }
    QTreeView* pdiTree() const { return m_tree; }

private:
    void fillPdis(const Xclbin& xclbin, const AiePartition& partition);

    KeyValueModel* m_properties;
    QStandardItemModel* m_pdis;
    QLabel* m_empty;
    QTableView* m_propertyTable;
    NpuColumnsWidget* m_columns;
    QTreeView* m_tree;
};

} // namespace xi
