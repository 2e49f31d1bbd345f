// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// Where something was written in a host program (or in a quick plan typed by hand).
struct HostLocation {
    QString file; // empty for a quick plan typed by hand
    int line = 0; // 1-based; 0 = unknown
    int column = 0; // 1-based; 0 = unknown

    bool isValid() const { return line > 0; }
    QString describe() const; // "test.py:12", "line 12", or "" when unknown
    QJsonObject toJson() const;
    static HostLocation fromJson(const QJsonObject& o);
    friend bool operator==(const HostLocation&, const HostLocation&) = default;
};

// A stretch of a host program's text, from the first character of one token to the end of another (for
// rewriting it in place); not part of the JSON form.
struct HostSpan {
    HostLocation begin; // first character
    HostLocation end; // one past the last character, on the last token's line
    bool isValid() const { return begin.isValid() && end.isValid(); }
};

// The flags argument of xrt::bo (xrt::bo::flags / XCL_BO_FLAGS_*).
enum class BoFlags { Normal, Cacheable, HostOnly, DeviceOnly };
QString boFlagsName(BoFlags f); // "normal", "cacheable", "host_only", "device_only"
bool parseBoFlags(const QString& text, BoFlags* out); // accepts the names above and XRT's spellings
quint32 boFlagsValue(BoFlags f); // XCL_BO_FLAGS_* bit: 0, 1<<24, 1<<29, 1<<28
QString boFlagsPython(BoFlags f); // "xrt.bo.flags.host_only"
QString boFlagsCpp(BoFlags f); // "XRT_BO_FLAGS_HOST_ONLY"

// A buffer object as the host allocated it.
struct BoBinding {
    QString name; // variable name in the host program ("input_bo"), or one made up for a quick plan
    quint64 size = 0; // bytes; 0 = unknown
    QString sizeText; // the size as written ("12288", "len(insts)", "N * 4")
    bool sizeIsWordCount = false; // the size is the instruction stream's word count, given where bytes are meant
    BoFlags flags = BoFlags::HostOnly;
    // The argument index whose kernel.group_id() was passed when allocating, or -1 (then see rawGroup).
    int groupArgument = -1;
    // A group number passed as is (e.g. 65536, or -1), used when groupArgument is -1.
    std::optional<qint64> rawGroup;
    // The hardware context (index) of the kernel whose group_id() it was allocated with, -1 = not known.
    int groupContext = -1;
    bool instructions = false; // the instruction stream BO (quick form `instr:N`)
    QString inputFile; // file whose bytes the host writes into it (optional)
    bool readBack = false; // the host syncs it from the device and reads it (an output)
    bool flagsUnknown = false; // the flags expression could not be resolved: `flags` is not a fact
    HostLocation allocation; // where it was allocated
    HostSpan flagsSpan; // the flags and group arguments of the allocation as written, when read from a program
    HostSpan groupSpan;

    bool hasGroup() const { return groupArgument >= 0 || rawGroup.has_value(); }
    QJsonObject toJson() const;
    static BoBinding fromJson(const QJsonObject& o);
};

// What the host passes at one XRT argument index.
struct ArgBinding {
    enum class Kind { None, Scalar, Buffer };

    int index = 0; // XRT argument index
    Kind kind = Kind::None;
    QString text; // the expression as written at the call ("len(insts)", "instr_bo", "3")
    // Scalar: the value when it could be resolved. `instructionWords` marks a value meant to be the
    // instruction word count (quick form `ninstr`), resolved against the instruction file by the checker.
    std::optional<qint64> scalarValue;
    bool instructionWords = false;
    // A scalar that is the instruction file's size in bytes (e.g. Python len() of the raw file bytes).
    bool instructionBytes = false;
    BoBinding bo; // Buffer only
    // The reader could not tell what this expression is (a BO or a value); checks skip it.
    bool unresolved = false;
    HostLocation location; // where this argument was passed (call line or set_arg line)

    bool isNone() const { return kind == Kind::None; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isBuffer() const { return kind == Kind::Buffer; }
    QJsonObject toJson() const;
    static ArgBinding fromJson(const QJsonObject& o);
};
QString argKindName(ArgBinding::Kind k); // "none", "scalar", "buffer"

// Something a host program reader saw but could not turn into a fact (never guessed).
struct UnresolvedItem {
    QString text; // the expression
    QString reason; // one sentence
    HostLocation location;
    int argument = -1; // XRT argument index it concerns, or -1
    friend bool operator==(const UnresolvedItem&, const UnresolvedItem&) = default;
};

// For each XRT argument index, what the host passes. A value type; index i of `arguments` is argument i.
class BindingPlan {
public:
    QString kernelName; // empty = the xclbin's first kernel
    QList<ArgBinding> arguments;
    HostLocation call; // the kernel(...) call or the first set_arg
    QString callText; // "kernel(instr_bo, len(insts), 0, input_bo, output_bo)"
    QString sourceFile; // host program it came from, empty for a quick plan
    QString instructionFile; // insts file named in the program or given by the user, if known
    // Anything here means the call could not be followed: the checker then makes no finding and no corrected call
    // (docs/domain.md, verdict "unresolved").
    QList<UnresolvedItem> unresolved;
    // How the call reaches the NPU: "xrt-kernel" (XRT's connectivity check applies), "xrt-ext-kernel" and
    // "xrt-module-elf" (no connectivity check), or a helper layer ("mlir-aie NPUKernel", "setup_aie", "XRTBackend",
    // "Riallto AppRunner", "test_utils"). Empty for a quick plan.
    QString flow;
    // The call is made inside a helper layer: the arguments are what that helper passes, not expressions written in
    // the program (no corrected call is written for it).
    bool helperCall = false;
    int hwContext = -1; // index of the xrt::hw_context the kernel was made in (0 = the first), -1 = none seen
    int predictedSlot = 0; // the slot its group IDs print (1 for the first context), 0 = not predicted
    // Read from a program (not in the JSON form): the kernel(...) expression, or each run.set_arg(i, x)
    // expression in order, and the BOs allocated but never passed.
    HostSpan callSpan;
    QList<HostSpan> setArgSpans;
    QList<BoBinding> unpassedBuffers;

    const ArgBinding* argument(int index) const; // nullptr when beyond the plan
    // Sets argument `binding.index`, growing the list with Kind::None entries.
    void setArgument(const ArgBinding& binding);
    int bufferCount() const;
    int instructionBufferIndex() const; // index of the first instruction BO, or -1
    // False for flows where XRT makes no connectivity check (xrt::ext::kernel, xrt::module, full ELF).
    bool connectivityChecked() const;

    // Quick form typed by hand, items separated by commas, one per XRT argument index:
    //   3, -7, 0x10         a scalar (decimal or hex)
    //   ninstr              a scalar meaning "the instruction file's word count" (nbytes: its size in bytes)
    //   - or _              nothing passed at this index
    //   bo:N                a BO allocated with kernel.group_id(N) (host_only)
    //   instr:N             the instruction BO, allocated with kernel.group_id(N) (cacheable)
    //   bo@G                a BO allocated with the raw group number G (65536, 0x10000, -1)
    // A BO item may carry options in brackets: bo:4[out,size=4096,flags=cacheable,name=out_bo,file=in.bin].
    static std::optional<BindingPlan> parseQuick(const QString& text, QString* error = nullptr);
    QString toQuick() const;

    QJsonObject toJson() const;
    static std::optional<BindingPlan> fromJson(const QJsonObject& o, QString* error = nullptr);
};

} // namespace xi
