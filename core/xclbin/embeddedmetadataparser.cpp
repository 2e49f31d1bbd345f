// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/embeddedmetadataparser.h"

#include "xclbin/xclbinerror.h"

#include <QXmlStreamReader>

namespace xi {

namespace {

QMap<QString, QString> attributeMap(const QXmlStreamAttributes& attributes)
{
    QMap<QString, QString> map;
    for (const QXmlStreamAttribute& a : attributes)
        map.insert(a.name().toString(), a.value().toString());
    return map;
}

class Parser {
public:
    Parser(const QByteArray& xml, quint64 sectionOffset, const QString& file)
        : m_reader(xml)
        , m_sectionOffset(sectionOffset)
        , m_file(file)
    {
    }

    QList<Kernel> run()
    {
        while (!m_reader.atEnd()) {
            m_reader.readNext();
            if (m_reader.isStartElement() && m_reader.name() == QLatin1String("kernel"))
                m_kernels.append(readKernel());
        }
        if (m_reader.hasError())
            fail(m_reader.errorString());
        return m_kernels;
    }

private:
    [[noreturn]] void fail(const QString& what) const
    {
        throw XclbinException({ XclbinError::Kind::BadXml, m_file,
                                qint64(m_sectionOffset + quint64(m_reader.characterOffset())),
                                QStringLiteral("well-formed EMBEDDED_METADATA XML (line %1, column %2: %3)")
                                    .arg(m_reader.lineNumber())
                                    .arg(m_reader.columnNumber())
                                    .arg(what) });
    }

    quint64 number(const QMap<QString, QString>& attrs, const QString& key)
    {
        const QString text = attrs.value(key).trimmed();
        if (text.isEmpty())
            return 0;
        bool ok = false;
        const quint64 value = text.toULongLong(&ok, 0);
        if (!ok)
            fail(QStringLiteral("attribute %1=\"%2\" is not a number").arg(key, text));
        return value;
    }

    Kernel readKernel()
    {
        Kernel k;
        k.attributes = attributeMap(m_reader.attributes());
        k.name = k.attributes.value(QStringLiteral("name"));
        k.language = k.attributes.value(QStringLiteral("language"));
        k.type = k.attributes.value(QStringLiteral("type"));
        int depth = 1;
        while (depth > 0 && !m_reader.atEnd()) {
            m_reader.readNext();
            if (m_reader.isEndElement()) {
                --depth;
                continue;
            }
            if (!m_reader.isStartElement())
                continue;
            ++depth;
            if (depth != 2)
                continue;
            const auto name = m_reader.name();
            if (name == QLatin1String("arg"))
                k.arguments.append(readArgument());
            else if (name == QLatin1String("instance")) {
                k.instances.append({ m_reader.attributes().value(QStringLiteral("name")).toString(),
                                     attributeMap(m_reader.attributes()) });
            } else if (name == QLatin1String("extended-data")) {
                k.extendedData = attributeMap(m_reader.attributes());
            }
        }
        return k;
    }

    KernelArgument readArgument()
    {
        KernelArgument a;
        a.attributes = attributeMap(m_reader.attributes());
        a.name = a.attributes.value(QStringLiteral("name"));
        a.addressQualifier = int(number(a.attributes, QStringLiteral("addressQualifier")));
        a.id = int(number(a.attributes, QStringLiteral("id")));
        a.size = number(a.attributes, QStringLiteral("size"));
        a.offset = number(a.attributes, QStringLiteral("offset"));
        a.hostOffset = number(a.attributes, QStringLiteral("hostOffset"));
        a.hostSize = number(a.attributes, QStringLiteral("hostSize"));
        a.type = a.attributes.value(QStringLiteral("type"));
        a.port = a.attributes.value(QStringLiteral("port"));
        return a;
    }

    QXmlStreamReader m_reader;
    quint64 m_sectionOffset;
    QString m_file;
    QList<Kernel> m_kernels;
};

} // namespace

QList<Kernel> EmbeddedMetadataParser::parse(const QByteArray& xml, quint64 sectionOffset, const QString& file)
{
    QByteArray text = xml;
    // Writers pad the section with NUL bytes after the document.
    while (text.endsWith('\0'))
        text.chop(1);
    if (text.contains('\0'))
        throw XclbinException({ XclbinError::Kind::BadXml, file, qint64(sectionOffset + quint64(text.indexOf('\0'))),
                                QStringLiteral("EMBEDDED_METADATA XML text, found a NUL byte inside it") });
    return Parser(text, sectionOffset, file).run();
}

} // namespace xi
