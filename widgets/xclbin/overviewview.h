// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QWidget>

class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace xi {

class FindBar;
class HexView;
class KeyValueModel;
class SectionModel;

// Header fields, the section table, and a hex view of the selected section with raw / JSON export.
class OverviewView : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);

    void setXclbin(XclbinPtr xclbin);
    void selectSection(int row);
    const SectionHeader* currentSection() const;

    // Return an error message, empty on success.
    QString exportRaw(const QString& path) const;
    QString exportJson(const QString& path) const;

    KeyValueModel* headerModel() const { return m_header; }
    SectionModel* sectionModel() const { return m_sections; }
    QTableView* sectionTable() const { return m_sectionTable; }
    QTableView* headerTable() const { return m_headerTable; }
    HexView* hexView() const { return m_hex; }
    FindBar* findBar() const { return m_find; }

private:
    void onSectionChanged();
    void exportInteractively(bool json);

    XclbinPtr m_xclbin;
    KeyValueModel* m_header;
    SectionModel* m_sections;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_headerTable;
    QTableView* m_sectionTable;
    FindBar* m_find;
    HexView* m_hex;
    QPushButton* m_exportRaw;
    QPushButton* m_exportJson;
};

} // namespace xi
