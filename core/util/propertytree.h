// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace xi {

// A string-valued, order-keeping tree: the data model xclbinutil dumps its JSON from.
// A node is a value (no children), an object (named children) or an array (children with empty names).
// Written the way xclbinutil writes it, so our dumps compare byte for byte with its files.
class PropertyTree {
public:
    PropertyTree() = default;
    explicit PropertyTree(QString value)
        : m_value(std::move(value))
    {
    }

    const QString& value() const { return m_value; }
    const QList<QPair<QString, PropertyTree>>& children() const { return m_children; }
    bool isLeaf() const { return m_children.isEmpty(); }
    bool isArray() const;
    const PropertyTree* child(const QString& name) const;

    // Appends and returns the new child (object member, or array element when name is empty).
    PropertyTree& add(const QString& name, const PropertyTree& child = {});
    PropertyTree& put(const QString& name, const QString& value) { return add(name, PropertyTree(value)); }
    PropertyTree& append(const PropertyTree& element) { return add(QString(), element); }
    PropertyTree& appendValue(const QString& value) { return add(QString(), PropertyTree(value)); }

    // Pretty JSON, four spaces, '/' escaped, empty containers as "", trailing newline.
    QByteArray toJson() const;

    // Parses JSON keeping member order; numbers, true, false and null become their text.
    // On failure returns nullopt and sets *error to "line L, column C: what was expected".
    static std::optional<PropertyTree> parse(const QByteArray& json, QString* error = nullptr);

    friend bool operator==(const PropertyTree&, const PropertyTree&) = default;

private:
    void write(QByteArray& out, int indent) const;

    QString m_value;
    QList<QPair<QString, PropertyTree>> m_children;
};

} // namespace xi
