// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

namespace xi {

// A single-pass, non-recursive scanner for a whole XML 1.0 document in UTF-8 (the EMBEDDED_METADATA of an
// .xclbin): it checks well-formedness (one root element, matching tags, quoted and unique attributes, known
// entities, valid UTF-8 and characters, comments, CDATA, processing instructions, a DOCTYPE skipped) and hands
// each element's name and raw attributes to a handler without copying them. Text content is checked, not kept.
// Attribute values are decoded (entities, whitespace normalisation) only when the handler asks.
class XmlScanner {
public:
    struct Attribute {
        QByteArrayView name; // local name: "p:id" gives "id"
        QByteArrayView raw; // between the quotes, undecoded
    };
    using Attributes = QVarLengthArray<Attribute, 16>;

    class Handler {
    public:
        virtual ~Handler() = default;
        // depth 1 is the root element. Namespace declarations (xmlns, xmlns:p) are not among the attributes.
        virtual void startElement(QByteArrayView localName, const Attributes& attributes, int depth) = 0;
        virtual void endElement(int depth) = 0;
    };

    struct Error {
        qsizetype offset = 0; // byte offset of the fault in the document
        QString what; // "expected ..., found ..."
    };

    // Scans the whole document; false with *error set at the first fault (the handler has seen what came before).
    static bool scan(QByteArrayView xml, Handler& handler, Error* error);
    // An attribute value as an XML processor reports it: entity and character references replaced, literal tab,
    // line feed and carriage return (a CR LF pair once) turned into spaces. `raw` must come from scan().
    static QString decode(QByteArrayView raw);
    // 1-based line and column (in bytes) of a byte offset, for error messages.
    static void lineAndColumn(QByteArrayView xml, qsizetype offset, qsizetype* line, qsizetype* column);
};

} // namespace xi
