// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/xrtrunenvironment.h"

#include "util/buildconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace xi {

XrtRunEnvironment::XrtRunEnvironment(RunBackend backend)
    : m_backend(backend)
    , m_dir(QDir::tempPath() + QStringLiteral("/xclbin-inspector-xrt-XXXXXX"))
{
}

QString XrtRunEnvironment::noopLibrary()
{
    const QString path = QStringLiteral(XI_XRT_NOOP_LIBRARY);
    return path.endsWith(QLatin1String("-NOTFOUND")) ? QString() : path;
}

std::unique_ptr<XrtRunEnvironment> XrtRunEnvironment::create(RunBackend backend, QString* error)
{
    std::unique_ptr<XrtRunEnvironment> env(new XrtRunEnvironment(backend));
    if (!env->m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder for XRT: %1").arg(env->m_dir.errorString());
        return nullptr;
    }
    QFile ini(env->iniPath());
    if (!ini.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot write %1: %2").arg(ini.fileName(), ini.errorString());
        return nullptr;
    }
    ini.write(
        QStringLiteral("[Runtime]\nruntime_log = %1\nverbosity = %2\n").arg(env->logPath()).arg(LogVerbosity).toUtf8());
    ini.close();
    if (backend == RunBackend::Xrt)
        return env;

    const QString library = noopLibrary();
    if (library.isEmpty() || !QFileInfo::exists(library)) {
        *error = QStringLiteral("XRT's no-hardware device library libxrt_noop.so.2 was not found (looked for '%1'; "
                                "Debian ships it in libxrt1)")
                     .arg(library.isEmpty() ? QStringLiteral("nothing found at configure time") : library);
        return nullptr;
    }
    const QString libDir = env->m_dir.filePath(QStringLiteral("lib"));
    if (!QDir().mkpath(libDir) || !QFile::link(library, libDir + QStringLiteral("/libxrt_noop.so.2"))) {
        *error = QStringLiteral("cannot link %1 into %2").arg(library, libDir);
        return nullptr;
    }
    return env;
}

QProcessEnvironment XrtRunEnvironment::apply(QProcessEnvironment base) const
{
    base.insert(QStringLiteral("XRT_INI_PATH"), iniPath());
    base.insert(QStringLiteral("XI_XRT_LOG"), logPath());
    if (m_backend != RunBackend::Xrt) {
        base.insert(QStringLiteral("XILINX_XRT"), folder());
        base.insert(QStringLiteral("XCL_EMULATION_MODE"), QStringLiteral("noop"));
    }
    return base;
}

} // namespace xi
