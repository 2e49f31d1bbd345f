// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace xi {

class DataInspectorModel;
class HexModel;

// A hex dump of one section with a data inspector for the first selected byte.
class HexView : public QWidget {
    Q_OBJECT
public:
    explicit HexView(QWidget* parent = nullptr);

    void setBytes(const QByteArray& bytes, quint64 fileOffset, const QString& title);
    void selectByte(qint64 position);

    HexModel* model() const { return m_model; }
    DataInspectorModel* inspector() const { return m_inspector; }
    QTableView* table() const { return m_table; }

private:
    void onCurrentChanged();

    HexModel* m_model;
    DataInspectorModel* m_inspector;
    QTableView* m_table;
    QTableView* m_inspectorTable;
    QLabel* m_title;
};

} // namespace xi
