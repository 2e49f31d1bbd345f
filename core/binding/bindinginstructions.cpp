// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindinginstructions.h"

#include <QFile>
#include <QtEndian>

namespace xi {

namespace {

bool isHexText(const QByteArray& bytes)
{
    bool sawDigit = false;
    for (char c : bytes) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (hex)
            sawDigit = true;
        else if (c != '\n' && c != '\r' && c != ' ' && c != '\t' && c != 'x' && c != 'X')
            return false;
    }
    return sawDigit;
}

} // namespace

QString BindingInstructions::formatName() const
{
    return format == Format::Binary ? QStringLiteral("binary") : QStringLiteral("hex text");
}

std::optional<BindingInstructions> BindingInstructions::parse(const QByteArray& bytes, const QString& path,
                                                              QString* error)
{
    auto fail = [&](const QString& what) -> std::optional<BindingInstructions> {
        if (error)
            *error = path + QStringLiteral(": ") + what;
        return std::nullopt;
    };
    if (bytes.isEmpty())
        return fail(QStringLiteral("empty instruction file (expected 32-bit words)"));
    BindingInstructions result;
    result.path = path;
    if (isHexText(bytes)) {
        result.format = Format::HexText;
        const QList<QByteArray> lines = bytes.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            if (line.startsWith("0x") || line.startsWith("0X"))
                line = line.mid(2);
            bool ok = false;
            const quint32 w = line.toUInt(&ok, 16);
            if (!ok || line.size() > 8) {
                return fail(QStringLiteral("line %1: expected one 32-bit hex word, found '%2'")
                                .arg(i + 1)
                                .arg(QString::fromLatin1(line.left(40))));
            }
            result.words << w;
        }
        return result;
    }
    if (bytes.size() % 4 != 0)
        return fail(QStringLiteral("%1 bytes is not a whole number of 32-bit words (binary little-endian expected)")
                        .arg(bytes.size()));
    result.format = Format::Binary;
    for (qsizetype i = 0; i < bytes.size(); i += 4)
        result.words << qFromLittleEndian<quint32>(bytes.constData() + i);
    return result;
}

std::optional<BindingInstructions> BindingInstructions::load(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open instruction file: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return parse(f.readAll(), path, error);
}

} // namespace xi
