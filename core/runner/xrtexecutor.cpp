// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/xrtexecutor.h"

#include "binding/bindingchecker.h"
#include "binding/bindinginstructions.h"
#include "runner/emulatedkernel.h"
#include "runner/xrtfailure.h"
#include "util/buildconfig.h"
#include "xclbin/xclbinreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtEndian>

#include <experimental/xrt_xclbin.h>
#include <xrt/xrt_bo.h>
#include <xrt/xrt_device.h>
#include <xrt/xrt_kernel.h>
#if XRT_HAS_HW_CONTEXT
#if __has_include(<xrt/xrt_hw_context.h>)
#include <xrt/xrt_hw_context.h>
#else
#include <experimental/xrt_hw_context.h>
#endif
#endif

#include <dlfcn.h>

#include <chrono>
#include <exception>
#include <map>

namespace xi {

namespace {

QString what(const std::exception& e)
{
    return QString::fromLocal8Bit(e.what());
}

qint64 elapsedUs(const QElapsedTimer& timer)
{
    return timer.nsecsElapsed() / 1000;
}

// One run: the XRT objects live exactly as long as this, so XRT has flushed and closed everything
// before the runtime log is read.
class Execution {
public:
    Execution(const RunRequest& request, RunResult& result, const EmulatedKernelLookup& kernels,
              const XrtExecutor::Progress& progress)
        : m_request(request)
        , m_result(result)
        , m_kernels(kernels)
        , m_progress(progress)
    {
    }

    void run()
    {
        (void)(openDevice() && loadXclbin() && makeKernel() && bindArguments() && start() && emulate()
               && readOutputs());
    }

private:
    bool fail(const QString& stage, const QString& message)
    {
        m_result.failedStage = stage;
        m_result.error = message;
        return false;
    }

    // An exception XRT threw: what it means and what to do, XRT's own text kept as the detail.
    bool failXrt(const QString& stage, const QString& subject, const std::exception& e)
    {
        m_result.errorDetail = what(e);
        return fail(stage, XrtFailure::explain(stage, subject, what(e)));
    }

    void progress(const QString& stage, const QString& message)
    {
        if (m_progress)
            m_progress(stage, message);
    }

    bool useHwContext() const { return XRT_HAS_HW_CONTEXT && m_request.backend == RunBackend::Xrt; }

    bool openDevice()
    {
        progress(QStringLiteral("device"), QStringLiteral("opening XRT device 0"));
        m_timer.start();
        try {
            m_device = xrt::device(0u);
        } catch (const std::exception& e) {
            m_result.device.message = what(e);
            return failXrt(QStringLiteral("device"), QStringLiteral("device 0"), e);
        }
        m_result.device.found = true;
        try {
            m_result.device.name = QString::fromStdString(m_device.get_info<xrt::info::device::name>());
        } catch (const std::exception& e) {
            m_result.device.message = QStringLiteral("XRT cannot name this device: %1").arg(what(e));
        }
        return true;
    }

    bool loadXclbin()
    {
        progress(QStringLiteral("xclbin"), QStringLiteral("loading %1").arg(m_request.xclbinPath));
        try {
            m_xclbin = xrt::xclbin(m_request.xclbinPath.toStdString());
            m_kernelName = resolveKernelName();
            if (useHwContext()) {
#if XRT_HAS_HW_CONTEXT
                m_device.register_xclbin(m_xclbin);
                m_context = xrt::hw_context(m_device, m_xclbin.get_uuid());
#endif
            } else {
                m_uuid = m_device.load_xclbin(m_xclbin);
            }
        } catch (const std::exception& e) {
            return failXrt(QStringLiteral("xclbin"), QFileInfo(m_request.xclbinPath).fileName(), e);
        }
        return true;
    }

    QString resolveKernelName() const
    {
        if (!m_request.kernelName.isEmpty())
            return m_request.kernelName;
        if (!m_request.plan.kernelName.isEmpty())
            return m_request.plan.kernelName;
        // The same choice the binding checker makes, so that a check and its run speak of one kernel.
        const XclbinLoadResult model = XclbinReader::load(m_request.xclbinPath);
        if (model.ok()) {
            if (const Kernel* kernel = BindingChecker::defaultKernel(*model.xclbin))
                return kernel->name;
        }
        const auto kernels = m_xclbin.get_kernels();
        return kernels.empty() ? QString() : QString::fromStdString(kernels.front().get_name());
    }

    bool makeKernel()
    {
        m_result.kernelName = m_kernelName;
        progress(QStringLiteral("kernel"), QStringLiteral("opening kernel %1").arg(m_kernelName));
        try {
            if (useHwContext()) {
#if XRT_HAS_HW_CONTEXT
                m_kernel = xrt::kernel(m_context, m_kernelName.toStdString());
#endif
            } else {
                m_kernel = xrt::kernel(m_device, m_uuid, m_kernelName.toStdString());
            }
            m_argCount = int(m_xclbin.get_kernel(m_kernelName.toStdString()).get_num_args());
        } catch (const std::exception& e) {
            return failXrt(QStringLiteral("kernel"), m_kernelName, e);
        }
        for (int i = 0; i < m_argCount; ++i) {
            try {
                m_result.groupIds << qint64(m_kernel.group_id(i));
            } catch (const std::exception& e) {
                m_result.notes << QStringLiteral("kernel.group_id(%1) failed: %2").arg(i).arg(what(e));
                break;
            }
        }
        m_result.timings.loadUs = elapsedUs(m_timer);
        return true;
    }

    std::optional<QByteArray> inputBytes(const ArgBinding& arg, QString* error) const
    {
        if (m_request.inputData.contains(arg.index))
            return m_request.inputData.value(arg.index);
        QString path = arg.bo.inputFile;
        if (path.isEmpty() && arg.bo.instructions && !m_request.plan.instructionFile.isEmpty()) {
            // The instruction BO holds the words, whether the file is binary or hex text.
            const auto insts = BindingInstructions::load(m_request.plan.instructionFile, error);
            if (!insts)
                return std::nullopt;
            QByteArray bytes(qsizetype(insts->byteCount()), Qt::Uninitialized);
            for (int i = 0; i < insts->wordCount(); ++i)
                qToLittleEndian(insts->words.at(i), bytes.data() + 4 * i);
            return bytes;
        }
        if (path.isEmpty())
            return QByteArray();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("argument %1: cannot read input file %2: %3")
                         .arg(arg.index)
                         .arg(path, file.errorString());
            return std::nullopt;
        }
        return file.readAll();
    }

    bool makeBuffer(const ArgBinding& arg)
    {
        QString error;
        const auto input = inputBytes(arg, &error);
        if (!input)
            return fail(QStringLiteral("buffers"), error);
        quint64 size = arg.bo.size ? arg.bo.size : quint64(input->size());
        if (size == 0) {
            size = RunRequest::DefaultBoSize;
            m_result.notes
                << QStringLiteral("argument %1: BO size unknown, allocated %2 bytes").arg(arg.index).arg(size);
        }
        if (quint64(input->size()) > size) {
            m_result.notes << QStringLiteral("argument %1: input of %2 bytes cut to the BO size %3")
                                  .arg(arg.index)
                                  .arg(input->size())
                                  .arg(size);
        }
        xrt::memory_group group = 0;
        try {
            if (arg.bo.groupArgument >= 0)
                group = xrt::memory_group(m_kernel.group_id(arg.bo.groupArgument));
            else if (arg.bo.rawGroup)
                group = xrt::memory_group(quint32(*arg.bo.rawGroup));
            else
                m_result.notes << QStringLiteral("argument %1: no group given, BO allocated in group 0").arg(arg.index);
            xrt::bo bo(m_device, size_t(size), xrt::bo::flags(boFlagsValue(arg.bo.flags)), group);
            if (!input->isEmpty()) {
                bo.write(input->constData(), size_t(qMin(size, quint64(input->size()))), 0);
                bo.sync(XCL_BO_SYNC_BO_TO_DEVICE);
            }
            m_buffers.emplace(arg.index, std::move(bo));
        } catch (const std::exception& e) {
            return failXrt(
                QStringLiteral("buffers"),
                QStringLiteral("argument %1, %2 bytes in group %3").arg(arg.index).arg(size).arg(qint64(qint32(group))),
                e);
        }
        return true;
    }

    qint64 scalarValue(const ArgBinding& arg)
    {
        if (arg.scalarValue)
            return *arg.scalarValue;
        if (arg.instructionWords || arg.instructionBytes) {
            // Sniffed like the checker does: a hex-text stream has fewer words than its size / 4.
            if (const auto insts = BindingInstructions::load(m_request.plan.instructionFile))
                return arg.instructionWords ? qint64(insts->wordCount()) : qint64(insts->byteCount());
        }
        m_result.notes << QStringLiteral("argument %1: value '%2' unresolved, passed 0").arg(arg.index).arg(arg.text);
        return 0;
    }

    int scalarSize(int index) const
    {
        try {
            return int(m_xclbin.get_kernel(m_kernelName.toStdString()).get_arg(index).get_size());
        } catch (const std::exception&) {
            return 8;
        }
    }

    void setScalar(int index, qint64 value)
    {
        switch (scalarSize(index)) {
        case 1: m_run.set_arg(index, quint8(value)); break;
        case 2: m_run.set_arg(index, quint16(value)); break;
        case 4: m_run.set_arg(index, quint32(value)); break;
        default: m_run.set_arg(index, quint64(value)); break;
        }
    }

    bool bindArguments()
    {
        progress(QStringLiteral("buffers"), QStringLiteral("allocating and writing buffers"));
        m_timer.start();
        for (const ArgBinding& arg : m_request.plan.arguments) {
            if (!arg.isNone() && arg.index >= m_argCount) {
                return fail(QStringLiteral("buffers"),
                            QStringLiteral("argument %1: kernel %2 has %3 arguments (0-%4); nothing was passed to XRT")
                                .arg(arg.index)
                                .arg(m_kernelName)
                                .arg(m_argCount)
                                .arg(m_argCount - 1));
            }
            if (arg.isBuffer() && !makeBuffer(arg))
                return false;
        }
        m_result.timings.writeUs = elapsedUs(m_timer);
        try {
            m_run = xrt::run(m_kernel);
            for (const ArgBinding& arg : m_request.plan.arguments) {
                if (arg.isBuffer())
                    m_run.set_arg(arg.index, m_buffers.at(arg.index));
                else if (arg.isScalar())
                    setScalar(arg.index, scalarValue(arg));
            }
        } catch (const std::exception& e) {
            return failXrt(QStringLiteral("arguments"), QStringLiteral("kernel %1").arg(m_kernelName), e);
        }
        return true;
    }

    bool start()
    {
        progress(QStringLiteral("run"), QStringLiteral("running %1").arg(m_kernelName));
        m_timer.start();
        try {
            m_run.start();
            const auto timeout = std::chrono::milliseconds(qMax(0, m_request.timeoutMs));
            m_result.runState = int(m_run.wait(timeout));
        } catch (const std::exception& e) {
            return failXrt(QStringLiteral("run"), m_kernelName, e);
        }
        m_result.timings.runUs = elapsedUs(m_timer);
        if (m_result.runState != ERT_CMD_STATE_COMPLETED) {
            return fail(QStringLiteral("run"),
                        QStringLiteral("the run ended in state %1 (%2), not COMPLETED")
                            .arg(m_result.runState)
                            .arg(m_result.runStateName()));
        }
        return true;
    }

    bool emulate()
    {
        if (m_request.backend != RunBackend::Emulated)
            return true;
        EmulationInfo info { m_request.emulatedKernel, false, {} };
        if (m_request.emulatedKernel.isEmpty()) {
            info.message = QStringLiteral("no emulated kernel stands in for this design: only XRT's binding check "
                                          "was emulated");
            m_result.emulation = info;
            return true;
        }
        const EmulatedKernel* kernel = m_kernels ? m_kernels(m_request.emulatedKernel) : nullptr;
        if (!kernel) {
            info.message = QStringLiteral("no emulated kernel named '%1' in this build").arg(info.kernel);
            m_result.emulation = info;
            return fail(QStringLiteral("emulate"), info.message);
        }
        const QString logPath = XrtExecutor::runtimeLogPath();
        QList<int> clonedBuffers;
        for (const XrtMessage& m : XrtLog::read(logPath).messages) {
            const int arg = m.connectivityArgument();
            if (m_buffers.count(arg) && !clonedBuffers.contains(arg))
                clonedBuffers << arg;
        }
        if (logPath.isEmpty()) {
            info.message = QStringLiteral("XRT's runtime log is not captured, so whether XRT cloned a BO is unknown; "
                                          "the emulated kernel did not run");
        } else if (!clonedBuffers.isEmpty()) {
            QStringList indices;
            for (int a : clonedBuffers)
                indices << QString::number(a);
            info.message
                = QStringLiteral("XRT ran the kernel on a copy of the BO at argument %1 (connectivity warning): "
                                 "the kernel would never see that data, so the emulated kernel did not run "
                                 "and the outputs stay as XRT left them")
                      .arg(indices.join(QStringLiteral(", ")));
        } else {
            return runEmulated(kernel, info);
        }
        m_result.emulation = info;
        return true;
    }

    bool runEmulated(const EmulatedKernel* kernel, EmulationInfo info)
    {
        progress(QStringLiteral("emulate"), QStringLiteral("running emulated kernel %1").arg(info.kernel));
        EmulatedArguments args;
        try {
            for (auto& [index, bo] : m_buffers) {
                bo.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
                QByteArray bytes(qsizetype(bo.size()), Qt::Uninitialized);
                bo.read(bytes.data());
                args.buffers.insert(index, bytes);
            }
            for (const ArgBinding& arg : m_request.plan.arguments) {
                if (arg.isScalar())
                    args.scalars.insert(arg.index, arg.scalarValue.value_or(0));
                if (arg.isBuffer() && arg.bo.readBack)
                    args.outputs << arg.index;
            }
            info.message = kernel->run(args);
            info.ran = info.message.isEmpty();
            m_result.emulation = info;
            if (!info.ran)
                return fail(QStringLiteral("emulate"),
                            QStringLiteral("emulated kernel %1: %2").arg(info.kernel, info.message));
            for (int index : std::as_const(args.outputs)) {
                xrt::bo& bo = m_buffers.at(index);
                const QByteArray& bytes = args.buffers[index];
                bo.write(bytes.constData(), size_t(qMin(qsizetype(bo.size()), bytes.size())), 0);
                bo.sync(XCL_BO_SYNC_BO_TO_DEVICE);
            }
        } catch (const std::exception& e) {
            return failXrt(QStringLiteral("emulate"), QStringLiteral("buffer access"), e);
        }
        return true;
    }

    bool readOutputs()
    {
        progress(QStringLiteral("read"), QStringLiteral("reading output buffers"));
        m_timer.start();
        try {
            for (const ArgBinding& arg : m_request.plan.arguments) {
                if (!arg.isBuffer() || !arg.bo.readBack)
                    continue;
                xrt::bo& bo = m_buffers.at(arg.index);
                bo.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
                QByteArray bytes(qsizetype(bo.size()), Qt::Uninitialized);
                bo.read(bytes.data());
                m_result.outputs.append({ arg.index, arg.bo.name, bytes });
            }
        } catch (const std::exception& e) {
            return failXrt(QStringLiteral("read"), QString(), e);
        }
        m_result.timings.readUs = elapsedUs(m_timer);
        m_result.completed = true;
        return true;
    }

    const RunRequest& m_request;
    RunResult& m_result;
    const EmulatedKernelLookup& m_kernels;
    const XrtExecutor::Progress& m_progress;
    QElapsedTimer m_timer;
    xrt::device m_device;
    xrt::xclbin m_xclbin;
    xrt::uuid m_uuid;
#if XRT_HAS_HW_CONTEXT
    xrt::hw_context m_context;
#endif
    QString m_kernelName;
    xrt::kernel m_kernel;
    int m_argCount = 0;
    std::map<int, xrt::bo> m_buffers;
    xrt::run m_run;
};

// The version in the file name of the libxrt_coreutil this process loaded ("libxrt_coreutil.so.2.13.0").
QString loadedLibraryVersion()
{
    Dl_info info {};
    if (!dladdr(reinterpret_cast<void*>(&xrtDeviceOpen), &info) || !info.dli_fname)
        return {};
    static const QRegularExpression re(QStringLiteral("\\.so\\.(\\d+\\.\\d+\\.\\d+)$"));
    const auto m = re.match(QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalFilePath());
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

QString XrtExecutor::runtimeLogPath()
{
    QString explicitPath = qEnvironmentVariable("XI_XRT_LOG");
    if (!explicitPath.isEmpty())
        return explicitPath;
    QFile ini(qEnvironmentVariable("XRT_INI_PATH"));
    if (ini.fileName().isEmpty() || !ini.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    static const QRegularExpression re(QStringLiteral("^\\s*runtime_log\\s*=\\s*(\\S.*?)\\s*$"),
                                       QRegularExpression::MultilineOption);
    const auto m = re.match(QString::fromUtf8(ini.readAll()));
    const QString value = m.hasMatch() ? m.captured(1) : QString();
    return value == QLatin1String("console") || value == QLatin1String("syslog") ? QString() : value;
}

RunResult XrtExecutor::execute(const RunRequest& request, const EmulatedKernelLookup& kernels, const Progress& progress)
{
    RunResult result;
    result.backend = request.backend;
    {
        Execution execution(request, result, kernels, progress);
        execution.run();
    }
    const QString logPath = runtimeLogPath();
    const XrtLog log = XrtLog::read(logPath);
    result.messages = log.messages;
    result.messagesCaptured = !logPath.isEmpty();
    const QString libraryVersion = loadedLibraryVersion();
    if (!log.buildVersion.isEmpty()) {
        result.xrtVersion = log.buildVersion;
        result.xrtVersionSource = QStringLiteral("runtime log");
    } else if (!libraryVersion.isEmpty()) {
        result.xrtVersion = libraryVersion;
        result.xrtVersionSource = QStringLiteral("loaded library");
    } else {
        result.xrtVersion = QStringLiteral(XI_XRT_VERSION);
        result.xrtVersionSource = QStringLiteral("headers");
    }
    if (!result.messagesCaptured)
        result.notes << QStringLiteral("XRT's messages went to its default sink (no runtime_log): not captured");
    return result;
}

} // namespace xi
