// SPDX-License-Identifier: GPL-3.0-or-later
// The styles real host programs are written in (issue 10): each one read by HostProgramReader from a small program
// of our own, the plan it must give, and what must stay unresolved.
#include "hostprogram/hostprogramreader.h"
#include "testsupport.h"

using namespace xi;

namespace {

HostProgram py(const QString& src)
{
    return HostProgramReader::parseProgram(src, HostLanguage::Python, QStringLiteral("style.py"));
}

HostProgram cpp(const QString& src)
{
    return HostProgramReader::parseProgram(src, HostLanguage::Cpp, QStringLiteral("style.cpp"));
}

QString unresolvedText(const BindingPlan& plan)
{
    QStringList out;
    for (const UnresolvedItem& u : plan.unresolved)
        out << QStringLiteral("%1: %2 (%3)").arg(u.location.line).arg(u.reason, u.text);
    return out.join(QLatin1Char('\n'));
}

// The pyxrt preamble every Python program below starts with.
const char* pyHead = "import numpy as np\n"
                     "import pyxrt as xrt\n"
                     "device = xrt.device(0)\n"
                     "xclbin = xrt.xclbin('add.xclbin')\n"
                     "device.register_xclbin(xclbin)\n"
                     "ctx = xrt.hw_context(device, xclbin.get_uuid())\n"
                     "insts = np.fromfile('add.insts.bin', dtype=np.uint32)\n";

const char* cppHead = "int main() {\n"
                      "  xrt::device device(0);\n"
                      "  xrt::xclbin xclbin(\"add.xclbin\");\n"
                      "  device.register_xclbin(xclbin);\n"
                      "  xrt::hw_context context(device, xclbin.get_uuid());\n"
                      "  std::vector<uint32_t> instr_v = test_utils::load_instr_binary(\"add.insts.bin\");\n";

QString withPyHead(const char* body)
{
    return QLatin1String(pyHead) + QLatin1String(body);
}

QString withCppHead(const char* body)
{
    return QLatin1String(cppHead) + QLatin1String(body) + QLatin1String("}\n");
}

} // namespace

class TestHostProgramReaderStyles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // self.kernel(...) and self.attn_kernel(...) in a class; the object made at the bottom of the file.
    void kernelAsAttribute()
    {
        const HostProgram p = py(withPyHead("class Layer:\n"
                                            "    def __init__(self, size):\n"
                                            "        self.attn_kernel = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                            "        self.instr = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable,"
                                            " self.attn_kernel.group_id(1))\n"
                                            "        self.a = xrt.bo(device, size, xrt.bo.flags.host_only,"
                                            " self.attn_kernel.group_id(3))\n"
                                            "    def __call__(self):\n"
                                            "        return self.attn_kernel(3, self.instr, len(insts), self.a)\n"
                                            "layer = Layer(4096)\n"
                                            "layer()\n"));
        QCOMPARE(p.calls.size(), 1);
        const BindingPlan& plan = p.calls.first();
        QVERIFY2(plan.unresolved.isEmpty(), qPrintable(unresolvedText(plan)));
        QCOMPARE(plan.toQuick(), QStringLiteral("3, instr:1, ninstr, bo:3[size=4096]"));
        QCOMPARE(plan.kernelName, QStringLiteral("MLIR_AIE"));
        QCOMPARE(plan.call.line, 14);
    }

    // kernel = self.ln_kernel, then kernel(...): an alias of an attribute.
    void kernelAlias()
    {
        const HostProgram p = py(withPyHead("class Model:\n"
                                            "    def __init__(self):\n"
                                            "        self.ln_kernel = xrt.kernel(ctx, 'LN')\n"
                                            "    def norm(self, a, b):\n"
                                            "        kernel = self.ln_kernel\n"
                                            "        return kernel(3, a, b)\n"
                                            "m = Model()\n"
                                            "i = xrt.bo(device, 64, xrt.bo.flags.cacheable, m.ln_kernel.group_id(1))\n"
                                            "m.norm(i, len(insts))\n"));
        QCOMPARE(p.calls.size(), 1);
        QVERIFY2(p.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(p.calls.first())));
        QCOMPARE(p.calls.first().kernelName, QStringLiteral("LN"));
        QCOMPARE(p.calls.first().toQuick(), QStringLiteral("3, bo:1[size=64,flags=cacheable], ninstr"));
    }

    // backend.kernel(...) where the object's kernel could not be followed: the call is found, the kernel unnamed.
    void backendKernelAttribute()
    {
        const HostProgram p = py(withPyHead("backend = make_backend()\n"
                                            "backend.kernel(3, 4, 5)\n"));
        QCOMPARE(p.calls.size(), 1);
        QCOMPARE(p.calls.first().call.line, 9);
        QCOMPARE(p.calls.first().toQuick(), QStringLiteral("3, 4, 5"));
        QVERIFY(p.calls.first().kernelName.isEmpty());
    }

    // A C++ member kernel_(...) set in the constructor; the members declared after the methods.
    void cppMemberKernel()
    {
        const HostProgram p = cpp(QStringLiteral("class Runner {\n"
                                                 "public:\n"
                                                 "  Runner(xrt::hw_context& ctx) : kernel_(ctx, \"MLIR_AIE\") {\n"
                                                 "    bo_in_ = xrt::bo(device_, 64, XRT_BO_FLAGS_HOST_ONLY, "
                                                 "kernel_.group_id(3));\n"
                                                 "  }\n"
                                                 "  void run() { kernel_(3, 0, 0, bo_in_); }\n"
                                                 "private:\n"
                                                 "  xrt::device device_;\n"
                                                 "  xrt::kernel kernel_;\n"
                                                 "  xrt::bo bo_in_, bo_out_;\n"
                                                 "};\n"
                                                 "int main() { Runner r(ctx); r.run(); }\n"));
        QCOMPARE(p.calls.size(), 1);
        QVERIFY2(p.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(p.calls.first())));
        QCOMPARE(p.calls.first().toQuick(), QStringLiteral("3, 0, 0, bo:3[size=64]"));
        QCOMPARE(p.calls.first().kernelName, QStringLiteral("MLIR_AIE"));
    }

    // run.set_arg(i, ...) in a loop over a list, then run.start(): a run list of one call.
    void setArgLoopAndRun()
    {
        const HostProgram p = py(withPyHead("kernel = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                            "instr = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable,"
                                            " kernel.group_id(1))\n"
                                            "a = xrt.bo(device, 64, xrt.bo.flags.host_only, kernel.group_id(3))\n"
                                            "instr.write(insts, 0)\n"
                                            "run = xrt.run(kernel)\n"
                                            "for i, x in enumerate([3, instr, len(insts), a]):\n"
                                            "    run.set_arg(i, x)\n"
                                            "run.start()\n"));
        QCOMPARE(p.calls.size(), 1);
        QVERIFY2(p.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(p.calls.first())));
        QCOMPARE(p.calls.first().toQuick(), QStringLiteral("3, instr:1[file=add.insts.bin], ninstr, bo:3[size=64]"));
        QCOMPARE(p.calls.first().setArgSpans.size(), 4);
    }

    void cppSetArgLoopAndRunVector()
    {
        const HostProgram p = cpp(withCppHead("  xrt::kernel kernel(context, \"MLIR_AIE\");\n"
                                              "  xrt::bo bo_instr(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE,"
                                              " kernel.group_id(1));\n"
                                              "  std::vector<xrt::bo> bos;\n"
                                              "  for (int i = 0; i < 2; ++i)\n"
                                              "    bos.push_back(xrt::bo(device, 64, XRT_BO_FLAGS_HOST_ONLY,"
                                              " kernel.group_id(3 + i)));\n"
                                              "  bo_instr.write(instr_v.data());\n"
                                              "  xrt::run run(kernel);\n"
                                              "  run.set_arg(0, 3);\n"
                                              "  run.set_arg(1, bo_instr);\n"
                                              "  run.set_arg(2, instr_v.size());\n"
                                              "  for (int i = 0; i < 2; i++) {\n"
                                              "    run.set_arg(3 + i, bos[i]);\n"
                                              "  }\n"
                                              "  std::vector<xrt::run> runs;\n"
                                              "  runs.push_back(run);\n"
                                              "  runs[0].start();\n"));
        QCOMPARE(p.calls.size(), 1);
        QVERIFY2(p.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(p.calls.first())));
        QCOMPARE(p.calls.first().toQuick(),
                 QStringLiteral("3, instr:1[file=add.insts.bin], ninstr, bo:3[size=64], bo:4[size=64]"));
    }

    // import pyxrt as ipr; flags spelled xrt.bo.cacheable, pyxrt.bo.flags.cacheable, xrt.bo.flags.host_only, or
    // through a local alias.
    void pyxrtAliasAndFlagSpellings()
    {
        const HostProgram p = py(QStringLiteral("import pyxrt as ipr\n"
                                                "import pyxrt\n"
                                                "CACHEABLE = ipr.bo.cacheable\n"
                                                "k = ipr.kernel(ipr.hw_context(d, u), 'MLIR_AIE')\n"
                                                "i = ipr.bo(d, 64, CACHEABLE, k.group_id(1))\n"
                                                "j = ipr.bo(d, 64, pyxrt.bo.flags.cacheable, k.group_id(1))\n"
                                                "a = ipr.bo(d, 64, ipr.bo.flags.host_only, k.group_id(3))\n"
                                                "k(3, i, 4, a)\n"
                                                "k(3, j, 4, a)\n"));
        QCOMPARE(p.calls.size(), 2);
        for (const BindingPlan& plan : p.calls) {
            QVERIFY2(plan.unresolved.isEmpty(), qPrintable(unresolvedText(plan)));
            QCOMPARE(plan.arguments.at(1).bo.flags, BoFlags::Cacheable);
            QVERIFY(!plan.arguments.at(1).bo.flagsUnknown);
            QCOMPARE(plan.arguments.at(3).bo.flags, BoFlags::HostOnly);
        }
    }

    // #define OPCODE 3, constexpr, and flags through #define.
    void cppMacrosAndConstexpr()
    {
        const HostProgram p = cpp(QStringLiteral("#define OPCODE 3\n"
                                                 "#define HOST XRT_BO_FLAGS_HOST_ONLY\n"
                                                 "constexpr int IN_BYTES = 16 * 4;\n"
                                                 "static constexpr uint32_t GROUP_IN{3};\n")
                                  + withCppHead("  auto kernel = xrt::kernel(context, \"MLIR_AIE\");\n"
                                                "  xrt::bo in(device, IN_BYTES, HOST, kernel.group_id(GROUP_IN));\n"
                                                "  auto run = kernel(OPCODE, 0, 0, in);\n"));
        QCOMPARE(p.calls.size(), 1);
        QVERIFY2(p.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(p.calls.first())));
        QCOMPARE(p.calls.first().toQuick(), QStringLiteral("3, 0, 0, bo:3[size=64]"));
    }

    // *bos, *in_bos, *out_bos, buffers[0], input_buffers[i] in a loop, kargv[...].
    void argumentLists()
    {
        const HostProgram p = py(withPyHead("k = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                            "i = xrt.bo(device, 64, xrt.bo.flags.cacheable, k.group_id(1))\n"
                                            "in_bos = [xrt.bo(device, 32, xrt.bo.flags.host_only, k.group_id(3 + n))"
                                            " for n in range(2)]\n"
                                            "out_bos = [xrt.bo(device, 16, xrt.bo.flags.host_only, k.group_id(5))]\n"
                                            "k(3, i, len(insts), *in_bos, *out_bos)\n"
                                            "buffers = in_bos + out_bos\n"
                                            "k(3, i, len(insts), buffers[0], buffers[1], buffers[2])\n"
                                            "kargv = [3, i, len(insts)]\n"
                                            "kargv.append(buffers[0])\n"
                                            "k(kargv[0], kargv[1], kargv[2], kargv[3])\n"));
        QCOMPARE(p.calls.size(), 3);
        const QString all
            = QStringLiteral("3, bo:1[size=64,flags=cacheable], ninstr, bo:3[size=32], bo:4[size=32], bo:5[size=16]");
        QCOMPARE(p.calls.at(0).toQuick(), all);
        QCOMPARE(p.calls.at(1).toQuick(), all);
        QCOMPARE(p.calls.at(2).toQuick(), QStringLiteral("3, bo:1[size=64,flags=cacheable], ninstr, bo:3[size=32]"));
        for (const BindingPlan& plan : p.calls)
            QVERIFY2(plan.unresolved.isEmpty(), qPrintable(unresolvedText(plan)));
    }

    // A list of unknown length passed with * leaves the call unresolved (the indices after it are unknown).
    void starOfUnknownLengthIsUnresolved()
    {
        const HostProgram p = py(withPyHead("k = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                            "bos = []\n"
                                            "while more():\n"
                                            "    bos.append(xrt.bo(device, 8, xrt.bo.flags.host_only,"
                                            " k.group_id(3)))\n"
                                            "k(3, 0, 0, *bos)\n"));
        QCOMPARE(p.calls.size(), 1);
        QCOMPARE(p.calls.first().unresolved.size(), 1);
        QCOMPARE(p.calls.first().unresolved.first().location.line, 12);
        QVERIFY(p.calls.first().unresolved.first().reason.contains(QLatin1String("'*bos'")));
    }

    // A = mkbo(3): buffers made by a helper of the program, Python and C++ (a lambda), and a tuple returned.
    void localHelpers()
    {
        const HostProgram p = py(withPyHead("kernel = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                            "def mkbo(index, size=4096):\n"
                                            "    return xrt.bo(device, size, xrt.bo.flags.host_only,"
                                            " kernel.group_id(index))\n"
                                            "def instr():\n"
                                            "    bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable,"
                                            " kernel.group_id(1))\n"
                                            "    bo.write(insts, 0)\n"
                                            "    return bo, len(insts)\n"
                                            "I, n = instr()\n"
                                            "A = mkbo(3)\n"
                                            "C = mkbo(4, size=64)\n"
                                            "kernel(3, I, n, A, C)\n"));
        QCOMPARE(p.calls.size(), 1);
        QVERIFY2(p.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(p.calls.first())));
        QCOMPARE(p.calls.first().toQuick(),
                 QStringLiteral("3, instr:1[file=add.insts.bin], ninstr, bo:3[size=4096], bo:4[size=64]"));

        const HostProgram c = cpp(withCppHead("  auto kernel = xrt::kernel(context, \"MLIR_AIE\");\n"
                                              "  auto mkbo = [&](int index, size_t bytes) {\n"
                                              "    return xrt::bo(device, bytes, XRT_BO_FLAGS_HOST_ONLY,"
                                              " kernel.group_id(index));\n"
                                              "  };\n"
                                              "  auto A = mkbo(3, 128);\n"
                                              "  kernel(3, 0, 0, A);\n"));
        QCOMPARE(c.calls.size(), 1);
        QVERIFY2(c.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(c.calls.first())));
        QCOMPARE(c.calls.first().toQuick(), QStringLiteral("3, 0, 0, bo:3[size=128]"));
    }

    // A value set differently in if/else branches is unknown, never the last one written (and never 0); the same
    // value in both branches stays known.
    void ifElseValuesAreUnknown()
    {
        const HostProgram p = py(withPyHead("k = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                            "if legacy:\n"
                                            "    opcode = 2\n"
                                            "else:\n"
                                            "    opcode = 3\n"
                                            "if big:\n"
                                            "    out = xrt.bo(device, 64, xrt.bo.flags.host_only, k.group_id(3))\n"
                                            "else:\n"
                                            "    out = xrt.bo(device, 32, xrt.bo.flags.host_only, k.group_id(3))\n"
                                            "k(opcode, 0, 0, out)\n"));
        QCOMPARE(p.calls.size(), 1);
        const BindingPlan& plan = p.calls.first();
        QCOMPARE(plan.unresolved.size(), 1);
        QCOMPARE(plan.unresolved.first().argument, 0);
        QVERIFY2(plan.unresolved.first().reason.contains(QLatin1String("different values in if/else branches")),
                 qPrintable(plan.unresolved.first().reason));
        QVERIFY(plan.arguments.at(0).unresolved);
        QVERIFY(!plan.arguments.at(0).scalarValue);
        QVERIFY(plan.arguments.at(3).isBuffer()); // both branches allocate with group_id(3)

        const HostProgram c = cpp(withCppHead("  auto kernel = xrt::kernel(context, \"MLIR_AIE\");\n"
                                              "  int opcode;\n"
                                              "  if (argc > 1) opcode = 2; else opcode = 3;\n"
                                              "  kernel(opcode, 0, 0);\n"));
        QCOMPARE(c.calls.size(), 1);
        QCOMPARE(c.calls.first().unresolved.size(), 1);
        QCOMPARE(c.calls.first().unresolved.first().argument, 0);
    }

    // Several kernels, contexts and calls: every call, with its kernel, context and the slot its group IDs print.
    void severalContextsAndCalls()
    {
        const HostProgram p = py(withPyHead("ctx2 = xrt.hw_context(device, xclbin.get_uuid())\n"
                                            "a = xrt.kernel(ctx, 'ENC')\n"
                                            "b = xrt.kernel(ctx2, 'DEC')\n"
                                            "x = xrt.bo(device, 8, xrt.bo.flags.host_only, a.group_id(3))\n"
                                            "y = xrt.bo(device, 8, xrt.bo.flags.host_only, b.group_id(3))\n"
                                            "a(3, 0, 0, x)\n"
                                            "b(3, 0, 0, y)\n"
                                            "b(3, 0, 0, x)\n"));
        QCOMPARE(p.hwContexts, 2);
        QCOMPARE(p.calls.size(), 3);
        QCOMPARE(p.calls.at(0).kernelName, QStringLiteral("ENC"));
        QCOMPARE(p.calls.at(0).hwContext, 0);
        QCOMPARE(p.calls.at(0).predictedSlot, 1);
        QCOMPARE(p.calls.at(1).kernelName, QStringLiteral("DEC"));
        QCOMPARE(p.calls.at(1).hwContext, 1);
        QCOMPARE(p.calls.at(1).predictedSlot, 2);
        QCOMPARE(p.calls.at(2).arguments.at(3).bo.groupContext, 0); // x came from the first context's kernel
        QCOMPARE(p.flow(), QStringLiteral("xrt-kernel"));
    }

    // Contexts made in a loop of known length count once per pass; in a loop of unknown length they are uncertain.
    void contextsInLoops()
    {
        const HostProgram p = py(withPyHead("for n in range(8):\n"
                                            "    c = xrt.hw_context(device, xclbin.get_uuid())\n"
                                            "    k = xrt.kernel(c, 'MLIR_AIE')\n"
                                            "    k(3, 0, 0)\n"));
        QCOMPARE(p.hwContexts, 9);
        QVERIFY(!p.hwContextsUncertain);
        QCOMPARE(p.calls.size(), 1); // one call site, however often the loop runs it
        const HostProgram q = py(withPyHead("for n in layers:\n"
                                            "    c = xrt.hw_context(device, xclbin.get_uuid())\n"));
        QVERIFY(q.hwContextsUncertain);
    }

    // Flows without XRT's connectivity check are named: xrt::ext::kernel with a module, hw_context(device, elf).
    void noConnectivityFlows()
    {
        const HostProgram partial = cpp(withCppHead("  xrt::elf elf(\"insts.elf\");\n"
                                                    "  xrt::module mod{elf};\n"
                                                    "  auto k = xrt::ext::kernel(context, mod, \"MLIR_AIE\");\n"
                                                    "  xrt::bo a = xrt::ext::bo{device, 64};\n"
                                                    "  k(3, 0, 0, a);\n"));
        QCOMPARE(partial.calls.size(), 1);
        QCOMPARE(partial.calls.first().flow, QStringLiteral("xrt-module-elf"));
        QVERIFY(!partial.calls.first().connectivityChecked());
        QVERIFY2(partial.calls.first().unresolved.isEmpty(), qPrintable(unresolvedText(partial.calls.first())));

        const HostProgram full = cpp(QStringLiteral("int main() {\n"
                                                    "  xrt::elf elf(\"aie.elf\");\n"
                                                    "  xrt::hw_context ctx(device, elf);\n"
                                                    "  auto k = xrt::ext::kernel(ctx, \"main:sequence\");\n"
                                                    "  k(a, b);\n"
                                                    "}\n"));
        QCOMPARE(full.calls.first().flow, QStringLiteral("xrt-module-elf"));
        QCOMPARE(full.calls.first().kernelName, QStringLiteral("main:sequence"));

        const HostProgram ext = py(withPyHead("k = xrt.ext.kernel(ctx, 'MLIR_AIE')\nk(3, 0, 0)\n"));
        QCOMPARE(ext.calls.first().flow, QStringLiteral("xrt-ext-kernel"));
    }

    // Helper layers: the call they make is written as the plan they imply, the layer named as the flow.
    void helperLayers()
    {
        const HostProgram npu
            = py(QStringLiteral("from aie.utils import NPUKernel, DefaultNPURuntime\n"
                                "k = NPUKernel('add.xclbin', 'add.insts.bin', kernel_name='MLIR_AIE')\n"
                                "DefaultNPURuntime.run(k, [a, b, c])\n"));
        QCOMPARE(npu.calls.size(), 1);
        QCOMPARE(npu.flow(), QStringLiteral("mlir-aie NPUKernel"));
        QVERIFY(npu.calls.first().helperCall);
        QCOMPARE(npu.calls.first().instructionFile, QStringLiteral("add.insts.bin"));
        QCOMPARE(npu.calls.first().toQuick(), QStringLiteral("3, instr:1, ninstr, bo:3, bo:4, bo:5"));

        const HostProgram riallto = py(QStringLiteral("from npu.runtime import AppRunner\n"
                                                      "app = AppRunner('color.xclbin')\n"
                                                      "app.call(a, b)\n"));
        QCOMPARE(riallto.flow(), QStringLiteral("Riallto AppRunner"));
        QCOMPARE(riallto.calls.first().toQuick(), QStringLiteral("instr:0, ninstr, bo:2, bo:3"));

        const HostProgram air = py(QStringLiteral("from air.backend.xrt import XRTBackend\n"
                                                  "backend = XRTBackend()\n"
                                                  "f = backend.compile_and_load(module)\n"
                                                  "f(a, b)\n"));
        QCOMPARE(air.flow(), QStringLiteral("XRTBackend"));
        QCOMPARE(air.calls.first().toQuick(), QStringLiteral("3, instr:1, ninstr, bo:3, bo:4"));

        // mlir-aie's own setup_aie, imported: its layout depends on the installed version (unresolved, with the line)
        const HostProgram setup = py(QStringLiteral("from aie.utils.xrt import setup_aie, execute\n"
                                                    "app = setup_aie('a.xclbin', 'a.insts.bin', (8,), 1)\n"
                                                    "execute(app, x)\n"));
        QCOMPARE(setup.calls.size(), 1);
        QVERIFY(setup.calls.first().arguments.isEmpty());
        QCOMPARE(setup.unresolved.size(), 1);
        QCOMPARE(setup.unresolved.first().location.line, 2);
        QVERIFY(setup.unresolved.first().reason.contains(QLatin1String("aie.utils.xrt")));

        const HostProgram utils = cpp(withCppHead("  xrt::kernel kernel;\n"
                                                  "  test_utils::init_xrt_load_kernel(device, kernel, 0, \"a.xclbin\","
                                                  " \"MLIR_AIE\");\n"
                                                  "  kernel(3, 0, instr_v.size());\n"));
        QCOMPARE(utils.flow(), QStringLiteral("test_utils"));
        QCOMPARE(utils.calls.first().kernelName, QStringLiteral("MLIR_AIE"));
    }

    // The call made in another file: which file holds it is said (unresolved, with the line).
    void callInAnotherFile()
    {
        const HostProgram p = py(withPyHead("from my_runner import run_attention\n"
                                            "k = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                            "run_attention(k, insts)\n"));
        QCOMPARE(p.unresolved.size(), 1);
        QCOMPARE(p.unresolved.first().location.line, 10);
        QVERIFY2(p.unresolved.first().reason.contains(QLatin1String("my_runner")),
                 qPrintable(p.unresolved.first().reason));
    }

    // Issue 13: 20,000 nested parentheses, calls or blocks give an unresolved item with the line, no stack overflow,
    // and the file is not copied per token.
    void deepNestingIsBounded_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("python");
        QTest::addColumn<int>("line");
        const int n = 20000;
        QTest::newRow("parentheses") << QStringLiteral("x = 1\nk(") + QString(n, QLatin1Char('(')) + QLatin1Char('1')
                + QString(n, QLatin1Char(')')) + QStringLiteral(")\n")
                                     << true << 2;
        QTest::newRow("calls") << QStringLiteral("x = 1\n\ny = ") + QStringLiteral("f(").repeated(n) + QLatin1Char('1')
                + QString(n, QLatin1Char(')')) + QLatin1Char('\n')
                               << true << 3;
        QTest::newRow("unary") << QStringLiteral("y = ") + QStringLiteral("- ").repeated(n) + QStringLiteral("1\n")
                               << true << 1;
        QTest::newRow("c++ blocks") << QStringLiteral("int main() {\n") + QString(n, QLatin1Char('{'))
                + QString(n, QLatin1Char('}')) + QStringLiteral("}\n")
                                    << false << 2;
        QString indented;
        for (int i = 0; i < 400; ++i)
            indented += QString(i, QLatin1Char(' ')) + QStringLiteral("if x:\n");
        indented += QString(400, QLatin1Char(' ')) + QStringLiteral("pass\n");
        QTest::newRow("python blocks") << indented << true << HostProgramReader::MaxDepth + 1;
    }

    void deepNestingIsBounded()
    {
        QFETCH(QString, source);
        QFETCH(bool, python);
        QFETCH(int, line);
        const HostProgram p = python ? py(source) : cpp(source);
        QCOMPARE(p.unresolved.size(), 1);
        QCOMPARE(p.unresolved.first().location.line, line);
        QVERIFY2(p.unresolved.first().reason.contains(QLatin1String("levels deep")),
                 qPrintable(p.unresolved.first().reason));
        QVERIFY(p.calls.first().unresolved.contains(p.unresolved.first())); // every plan carries it
    }
};

QTEST_GUILESS_MAIN(TestHostProgramReaderStyles)
#include "tst_hostprogramreaderstyles.moc"
