// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/verdictstyle.h"

#include "binding/bindingchecker.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace xi {

namespace {

QPalette effective(const QPalette& palette)
{
    return palette.resolveMask() == 0 && qApp ? QApplication::palette() : palette;
}

QPixmap drawIcon(Verdict verdict, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = VerdictStyle::accent(verdict, QPalette(Qt::white));
    const qreal s = size;
    const qreal w = qMax<qreal>(1.5, s / 8);
    QPen pen(Qt::white, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (verdict) {
    case Verdict::Valid: {
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2));
        p.setPen(pen);
        QPainterPath path;
        path.moveTo(s * 0.27, s * 0.52);
        path.lineTo(s * 0.44, s * 0.69);
        path.lineTo(s * 0.74, s * 0.33);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        break;
    }
    case Verdict::Scalar:
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(QRectF(1, 1, s - 2, s - 2), s / 5, s / 5);
        p.setPen(pen);
        p.drawLine(QPointF(s * 0.28, s * 0.5), QPointF(s * 0.72, s * 0.5));
        break;
    case Verdict::Warning: {
        QPainterPath tri;
        tri.moveTo(s / 2, 1);
        tri.lineTo(s - 1, s - 2);
        tri.lineTo(1, s - 2);
        tri.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPath(tri);
        pen.setColor(Qt::black);
        p.setPen(pen);
        p.drawLine(QPointF(s / 2, s * 0.35), QPointF(s / 2, s * 0.62));
        p.drawPoint(QPointF(s / 2, s * 0.78));
        break;
    }
    case Verdict::Invalid:
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2));
        p.setPen(pen);
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68));
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68));
        break;
    case Verdict::Unknown: {
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2));
        p.setPen(pen);
        QPainterPath hook;
        hook.moveTo(s * 0.36, s * 0.38);
        hook.cubicTo(s * 0.36, s * 0.2, s * 0.66, s * 0.2, s * 0.64, s * 0.38);
        hook.cubicTo(s * 0.63, s * 0.5, s * 0.5, s * 0.5, s * 0.5, s * 0.6);
        p.setBrush(Qt::NoBrush);
        p.drawPath(hook);
        p.drawPoint(QPointF(s / 2, s * 0.76));
        break;
    }
    }
    return pm;
}

} // namespace

bool VerdictStyle::isDark(const QPalette& palette)
{
    return effective(palette).color(QPalette::Base).lightness() < 128;
}

QColor VerdictStyle::background(Verdict verdict, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (verdict) {
    case Verdict::Valid: return dark ? QColor(0x1e, 0x4d, 0x2b) : QColor(0xd4, 0xf2, 0xd9);
    case Verdict::Scalar: return dark ? QColor(0x3a, 0x3d, 0x42) : QColor(0xe6, 0xe7, 0xea);
    case Verdict::Warning: return dark ? QColor(0x5c, 0x45, 0x0f) : QColor(0xff, 0xe8, 0xb0);
    case Verdict::Invalid: return dark ? QColor(0x6b, 0x1f, 0x24) : QColor(0xf9, 0xcf, 0xd2);
    case Verdict::Unknown: return dark ? QColor(0x24, 0x3a, 0x55) : QColor(0xdc, 0xe8, 0xf6);
    }
    return {};
}

QColor VerdictStyle::accent(Verdict verdict, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (verdict) {
    case Verdict::Valid: return dark ? QColor(0x4c, 0xc3, 0x6b) : QColor(0x1e, 0x8e, 0x3e);
    case Verdict::Scalar: return dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x6b, 0x71, 0x78);
    case Verdict::Warning: return dark ? QColor(0xf2, 0xb1, 0x34) : QColor(0xe3, 0x8b, 0x00);
    case Verdict::Invalid: return dark ? QColor(0xf2, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Verdict::Unknown: return dark ? QColor(0x7a, 0xa7, 0xd9) : QColor(0x3b, 0x6b, 0xa5);
    }
    return {};
}

QIcon VerdictStyle::icon(Verdict verdict)
{
    static QIcon cache[VerdictCount];
    QIcon& icon = cache[int(verdict)];
    if (icon.isNull()) {
        for (int size : { 16, 24, 32, 48, 64 })
            icon.addPixmap(drawIcon(verdict, size));
    }
    return icon;
}

QString VerdictStyle::label(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid: return QObject::tr("Valid");
    case Verdict::Scalar: return QObject::tr("Scalar");
    case Verdict::Warning: return QObject::tr("Warning");
    case Verdict::Invalid: return QObject::tr("Invalid");
    case Verdict::Unknown: return QObject::tr("Not judged");
    }
    return {};
}

Verdict VerdictStyle::forSeverity(Severity severity)
{
    switch (severity) {
    case Severity::Error: return Verdict::Invalid;
    case Severity::Warning: return Verdict::Warning;
    case Severity::Info: break;
    }
    return Verdict::Valid;
}

} // namespace xi
