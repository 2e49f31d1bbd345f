// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/runrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace xi {

QString runBackendName(RunBackend b)
{
    switch (b) {
    case RunBackend::XrtNoop: return QStringLiteral("xrt-noop");
    case RunBackend::Xrt: return QStringLiteral("xrt");
    case RunBackend::Emulated: return QStringLiteral("emulated");
    }
    return {};
}

bool parseRunBackend(const QString& text, RunBackend* out)
{
    for (RunBackend b : { RunBackend::XrtNoop, RunBackend::Xrt, RunBackend::Emulated }) {
        if (text == runBackendName(b)) {
            *out = b;
            return true;
        }
    }
    return false;
}

QJsonObject RunRequest::toJson() const
{
    QJsonObject o;
    o[QLatin1String("xclbin")] = xclbinPath;
    if (!kernelName.isEmpty())
        o[QLatin1String("kernel")] = kernelName;
    o[QLatin1String("backend")] = runBackendName(backend);
    o[QLatin1String("plan")] = plan.toJson();
    if (!inputData.isEmpty()) {
        QJsonObject data;
        for (auto it = inputData.cbegin(); it != inputData.cend(); ++it)
            data[QString::number(it.key())] = QString::fromLatin1(it.value().toBase64());
        o[QLatin1String("input_data")] = data;
    }
    if (!emulatedKernel.isEmpty())
        o[QLatin1String("emulated_kernel")] = emulatedKernel;
    o[QLatin1String("timeout_ms")] = timeoutMs;
    return o;
}

std::optional<RunRequest> RunRequest::fromJson(const QJsonObject& o, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    RunRequest r;
    r.xclbinPath = o.value(QLatin1String("xclbin")).toString();
    if (r.xclbinPath.isEmpty())
        return fail(QStringLiteral("run request: \"xclbin\" (the .xclbin path) is missing"));
    r.kernelName = o.value(QLatin1String("kernel")).toString();
    const QString backend = o.value(QLatin1String("backend")).toString(QStringLiteral("xrt-noop"));
    if (!parseRunBackend(backend, &r.backend))
        return fail(
            QStringLiteral("run request: unknown backend \"%1\" (expected xrt-noop, xrt or emulated)").arg(backend));
    QString planError;
    const auto plan = BindingPlan::fromJson(o.value(QLatin1String("plan")).toObject(), &planError);
    if (!plan)
        return fail(QStringLiteral("run request: bad \"plan\": %1").arg(planError));
    r.plan = *plan;
    const QJsonObject data = o.value(QLatin1String("input_data")).toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        bool ok = false;
        const int index = it.key().toInt(&ok);
        if (!ok || index < 0)
            return fail(
                QStringLiteral("run request: \"input_data\" key \"%1\" is not an argument index").arg(it.key()));
        r.inputData.insert(index, QByteArray::fromBase64(it.value().toString().toLatin1()));
    }
    r.emulatedKernel = o.value(QLatin1String("emulated_kernel")).toString();
    r.timeoutMs = o.value(QLatin1String("timeout_ms")).toInt(DefaultTimeoutMs);
    return r;
}

std::optional<RunRequest> RunRequest::fromJsonBytes(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError
                ? QStringLiteral("run request: invalid JSON at offset %1: %2")
                      .arg(parseError.offset)
                      .arg(parseError.errorString())
                : QStringLiteral("run request: expected a JSON object");
        }
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

} // namespace xi
