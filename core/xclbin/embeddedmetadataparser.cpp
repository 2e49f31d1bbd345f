// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/embeddedmetadataparser.h"

#include "xclbin/xclbinerror.h"
#include "xclbin/xmlscanner.h"

#include <QHash>

#include <optional>

namespace xi {

namespace {

// Attribute names and values repeat from argument to argument (name, id, size, "0", "global"): each is decoded
// once per document and then shared.
class Interner {
public:
    // A copy (shared data, no allocation): a reference into the hash would dangle once the next insert rehashes.
    QString get(QByteArrayView raw)
    {
        const auto it = m_strings.constFind(raw);
        if (it != m_strings.cend())
            return *it;
        return *m_strings.insert(raw, XmlScanner::decode(raw));
    }

private:
    QHash<QByteArrayView, QString> m_strings;
};

// The common forms of a number attribute read straight from the bytes, as QString::toULongLong(base 0) reads
// them: decimal, 0x hex, 0 octal; nullopt for anything else (then the slow path decides, and names the fault).
std::optional<quint64> plainNumber(QByteArrayView raw)
{
    while (!raw.isEmpty() && (raw.front() == ' ' || raw.front() == '\t' || raw.front() == '\n' || raw.front() == '\r'))
        raw = raw.sliced(1);
    while (!raw.isEmpty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n' || raw.back() == '\r'))
        raw.chop(1);
    if (raw.isEmpty())
        return 0;
    int base = 10;
    if (raw.size() > 2 && raw[0] == '0' && (raw[1] == 'x' || raw[1] == 'X')) {
        base = 16;
        raw = raw.sliced(2);
    } else if (raw.size() > 1 && raw[0] == '0') {
        base = 8;
        raw = raw.sliced(1);
    }
    if (raw.size() > 15)
        return std::nullopt; // may overflow: the slow path checks
    quint64 value = 0;
    for (char c : raw) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0 || digit >= base)
            return std::nullopt;
        value = value * quint64(base) + quint64(digit);
    }
    return value;
}

// <kernel> anywhere, and its direct <arg>, <instance> and <extended-data> children; everything else is only checked.
class MetadataHandler : public XmlScanner::Handler {
public:
    MetadataHandler(QByteArrayView xml, quint64 sectionOffset, const QString& file)
        : m_xml(xml)
        , m_sectionOffset(sectionOffset)
        , m_file(file)
    {
    }

    void startElement(QByteArrayView name, const XmlScanner::Attributes& attributes, int depth) override
    {
        if (m_kernelDepth == 0) {
            if (name != "kernel")
                return;
            m_kernelDepth = depth;
            Kernel k;
            k.attributes = attributeMap(attributes);
            k.name = k.attributes.value(QStringLiteral("name"));
            k.language = k.attributes.value(QStringLiteral("language"));
            k.type = k.attributes.value(QStringLiteral("type"));
            m_kernels.append(std::move(k));
            return;
        }
        if (depth != m_kernelDepth + 1)
            return;
        Kernel& k = m_kernels.last();
        if (name == "arg") {
            k.arguments.append(readArgument(attributes));
        } else if (name == "instance") {
            KernelInstance instance { {}, attributeMap(attributes) };
            instance.name = instance.attributes.value(QStringLiteral("name"));
            k.instances.append(std::move(instance));
        } else if (name == "extended-data") {
            k.extendedData = attributeMap(attributes);
        }
    }

    void endElement(int depth) override
    {
        if (depth == m_kernelDepth)
            m_kernelDepth = 0;
    }

    [[noreturn]] void fail(qsizetype at, const QString& what) const
    {
        qsizetype line = 0;
        qsizetype column = 0;
        XmlScanner::lineAndColumn(m_xml, at, &line, &column);
        throw XclbinException({ XclbinError::Kind::BadXml, m_file, qint64(m_sectionOffset + quint64(at)),
                                QStringLiteral("well-formed EMBEDDED_METADATA XML (line %1, column %2: %3)")
                                    .arg(line)
                                    .arg(column)
                                    .arg(what) });
    }

    QList<Kernel> takeKernels() { return std::move(m_kernels); }

private:
    QMap<QString, QString> attributeMap(const XmlScanner::Attributes& attributes)
    {
        QMap<QString, QString> map;
        for (const XmlScanner::Attribute& a : attributes)
            map.insert(m_strings.get(a.name), m_strings.get(a.raw));
        return map;
    }

    quint64 number(const XmlScanner::Attributes& raw, const QMap<QString, QString>& attrs, const char* key) const
    {
        for (const XmlScanner::Attribute& a : raw) {
            if (a.name == key) {
                if (const std::optional<quint64> value = plainNumber(a.raw))
                    return *value;
                break;
            }
        }
        const QString text = attrs.value(QLatin1String(key)).trimmed();
        if (text.isEmpty())
            return 0;
        bool ok = false;
        const quint64 value = text.toULongLong(&ok, 0);
        if (!ok) {
            qsizetype at = 0;
            for (const XmlScanner::Attribute& a : raw) {
                if (a.name == key)
                    at = a.raw.data() - m_xml.data();
            }
            fail(at, QStringLiteral("attribute %1=\"%2\" is not a number").arg(QLatin1String(key), text));
        }
        return value;
    }

    KernelArgument readArgument(const XmlScanner::Attributes& raw)
    {
        KernelArgument a;
        a.attributes = attributeMap(raw);
        a.name = a.attributes.value(QStringLiteral("name"));
        a.addressQualifier = int(number(raw, a.attributes, "addressQualifier"));
        a.id = int(number(raw, a.attributes, "id"));
        a.size = number(raw, a.attributes, "size");
        a.offset = number(raw, a.attributes, "offset");
        a.hostOffset = number(raw, a.attributes, "hostOffset");
        a.hostSize = number(raw, a.attributes, "hostSize");
        a.type = a.attributes.value(QStringLiteral("type"));
        a.port = a.attributes.value(QStringLiteral("port"));
        return a;
    }

    QByteArrayView m_xml;
    quint64 m_sectionOffset;
    const QString& m_file;
    QList<Kernel> m_kernels;
    Interner m_strings;
    int m_kernelDepth = 0; // depth of the open <kernel>, 0 outside one
};

} // namespace

QList<Kernel> EmbeddedMetadataParser::parse(const QByteArray& xml, quint64 sectionOffset, const QString& file)
{
    QByteArrayView text(xml);
    // Writers pad the section with NUL bytes after the document.
    while (text.endsWith('\0'))
        text.chop(1);
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0)
        throw XclbinException({ XclbinError::Kind::BadXml, file, qint64(sectionOffset + quint64(nul)),
                                QStringLiteral("EMBEDDED_METADATA XML text, found a NUL byte inside it") });
    MetadataHandler handler(text, sectionOffset, file);
    XmlScanner::Error error;
    if (!XmlScanner::scan(text, handler, &error))
        handler.fail(error.offset, error.what);
    return handler.takeKernels();
}

} // namespace xi
