#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for mlir-aie's aiecc, for the recompile tests (the real one is used whenever it is installed).

Behaves like aiecc where the tests look: accepts the flags of one aiecc generation and prints its --help
(AIECC_STANDIN_HELP = ipu | npu | npu-insts (default) | get), rejects others like argparse (exit 2), traces every
step with --verbose, writes <design file name>.prj/ with main_kernels.json, main_mem_topology.json,
main_aie_partition.json and a placeholder PDI, builds the xclbin with xclbin-inspector-cli build-xclbin
(AIECC_STANDIN_CLI, else on PATH) and writes a minimal TXN v0.1 instruction stream.

On demand, from the environment or a `// aiecc-standin: KEY` line in the design:
  fail=mlir    MLIR diagnostics (file:line:col: error: ...) and "Error encountered while running: aie-opt ...", exit 1
  fail=step    a failing xclbinutil step, exit 1
  hang         starts a grandchild (sleep) and waits forever; its pid goes to AIECC_STANDIN_PIDFILE
(AIECC_STANDIN_FAIL=mlir|step, AIECC_STANDIN_HANG=1). AIECC_STANDIN_DELAY: seconds between steps (0.02).
Needs no numpy: runs with /usr/bin/python3.
"""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import uuid

VERSION = "aiecc stand-in for xclbin-inspector tests (mlir-aie 0.0.0+standin)"

GENERATIONS = {
    # generation: (xclbin flag, insts flag, insts name option, default insts name, text insts)
    "ipu": ("--aie-generate-xclbin", "--aie-generate-ipu", "--ipu-insts-name", "ipu_insts.txt", True),
    "npu": ("--aie-generate-xclbin", "--aie-generate-npu", "--npu-insts-name", "npu_insts.txt", True),
    "npu-insts": ("--aie-generate-xclbin", "--aie-generate-npu-insts", "--npu-insts-name", "{0}_{1}.bin", False),
    "get": ("--get-xclbin", "--get-npu-insts", "--npu-insts-name", "insts_{0}_{1}.bin", False),
}


def python_help(gen):
    xclbin_flag, insts_flag, insts_name, insts_default, _ = GENERATIONS[gen]
    return f"""usage: aiecc [-h] [--version] [--sysroot sysroot] [--tmpdir tmpdir] [--verbose] [--xbridge] [--no-xbridge]
             [--xchesscc] [--no-xchesscc] [--peano PEANO_INSTALL_DIR] [--compile] [--no-compile]
             [--compile-host] [--no-compile-host] [--alloc-scheme ALLOC_SCHEME] [-n] [--progress]
             [{insts_flag}] [{insts_name} INSTS_NAME] [{xclbin_flag}] [--xclbin-name XCLBIN_NAME]
             [file] ...

positional arguments:
  file                  MLIR file to compile
  host_args             arguments for host compiler

options:
  -h, --help            show this help message and exit
  --version             Output commit at which the compiler was built and exit.
  --tmpdir tmpdir       directory used for temporary file storage
  --verbose, -v         Trace commands as they are executed
  --xbridge             Link using xbridge
  --no-xbridge          Link using peano
  --xchesscc            Compile using xchesscc
  --no-xchesscc         Compile using peano
  --peano PEANO_INSTALL_DIR
                        Root directory where peano compiler is installed
  --compile-host        Enable compiling of the host program
  --no-compile-host     Disable compiling of the host program
  --alloc-scheme ALLOC_SCHEME
                        Allocation scheme for AIE buffers: basic-sequential or bank-aware.
  -n                    Disable actually executing any commands.
  --progress            Show progress visualization
  {insts_flag:<22}Generate npu instruction stream from default runtime sequence
  {insts_name} INSTS_NAME
                        Output instructions filename for NPU target (default {insts_default})
  {xclbin_flag:<22}Generate xclbin
  --xclbin-name XCLBIN_NAME
                        Output xclbin filename for CDO/XCLBIN target. `{{0}}` is replaced with device name.
"""


CPP_HELP = """OVERVIEW: AIE compiler driver (stand-in)

USAGE: aiecc [options] <input.mlir>

OPTIONS:
  --get-npu-insts          - Produce the NPU instruction stream of every runtime sequence
  --get-xclbin             - Produce the xclbin (configuration PDI, packaged)
  --get-full-elf           - Produce one ELF with every PDI and instruction stream
  --npu-insts-name=<name>  - Output name of the instruction streams (default insts_{0}_{1}.bin)
  --xclbin-name=<name>     - Output name of the xclbin (default aie.xclbin)
  --tmpdir=<dir>           - Directory for temporary files (default: <input>.prj)
  -v, --verbose            - Enable verbose output
  --version                - Show version information
"""


def usage_error(message):
    sys.stderr.write("usage: aiecc [-h] [--version] ... [file] ...\n")
    sys.stderr.write(f"aiecc: error: {message}\n")
    sys.exit(2)


def parse_args(argv, gen):
    xclbin_flag, insts_flag, insts_name_opt, insts_default, _ = GENERATIONS[gen]
    known_switches = {"-v", "--verbose", xclbin_flag, insts_flag, "-n", "--progress"}
    if gen != "get":
        known_switches |= {"--no-compile-host", "--compile-host", "--no-xchesscc", "--xchesscc", "--no-xbridge",
                           "--xbridge", "--compile", "--no-compile"}
    known_values = {"--xclbin-name", insts_name_opt, "--tmpdir", "--peano", "--alloc-scheme"}
    opts = {"verbose": False, "xclbin": False, "insts": False, "xclbin_name": "aie.xclbin" if gen == "get" else "{0}.xclbin",
            "insts_name": insts_default, "tmpdir": None, "file": None}
    unknown = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if arg in known_switches:
            if arg in ("-v", "--verbose"):
                opts["verbose"] = True
            elif arg == xclbin_flag:
                opts["xclbin"] = True
            elif arg == insts_flag:
                opts["insts"] = True
        elif name in known_values:
            if not eq:
                i += 1
                if i >= len(argv):
                    usage_error(f"argument {name}: expected one argument")
                value = argv[i]
            key = {"--xclbin-name": "xclbin_name", insts_name_opt: "insts_name", "--tmpdir": "tmpdir"}.get(name)
            if key:
                opts[key] = value
        elif arg.startswith("-"):
            unknown.append(arg)
        elif opts["file"] is None:
            opts["file"] = arg
        else:
            unknown.append(arg)
        i += 1
    if unknown:
        usage_error("unrecognized arguments: " + " ".join(unknown))
    if opts["file"] is None:
        usage_error("the following arguments are required: file")
    return opts


class Log:
    def __init__(self, verbose, delay):
        self.verbose = verbose
        self.delay = delay

    def step(self, command):
        """Traces a command like aiecc's do_call with --verbose."""
        if self.verbose:
            print(command, flush=True)
        time.sleep(self.delay)
        if self.verbose:
            print(f"Done in {self.delay:.3f} sec: {command}", flush=True)

    def passes(self, pipeline):
        if self.verbose:
            print("Running:", pipeline, flush=True)
        time.sleep(self.delay)


def markers(text):
    found = {}
    for m in re.finditer(r"//\s*aiecc-standin:\s*([\w-]+)(?:=([\w-]+))?", text):
        found[m.group(1)] = m.group(2) or "1"
    return found


def host_buffers(text):
    """(name, bytes) of the runtime sequence's arguments, for the instruction stream."""
    text = re.sub(r"//[^\n]*", "", text)  # a comment may name the syntax it shows
    m = re.search(r"(?:aiex?\.runtime_sequence|func\.func\s+@sequence)\s*(?:@[\w.$-]+)?\s*\(([^)]*)\)", text, re.S)
    if not m:
        return []
    out = []
    for part in re.finditer(r"%([\w.$-]+)\s*:\s*memref<([^>]*)>", m.group(1)):
        dims = part.group(2).split("x")
        bits = int(re.sub(r"\D", "", dims[-1]) or 8)
        size = bits // 8
        for d in dims[:-1]:
            size *= int(d) if d.strip().isdigit() else 1
        out.append((part.group(1), size))
    return out


def device_of(text):
    m = re.search(r"\b(?:aie|AIE)\.device\s*\(\s*(\w+)\s*\)", text)
    return m.group(1) if m else "npu1"


def sequence_name(text):
    m = re.search(r"\b(?:aie|aiex)\.runtime_sequence\s*@([\w.$-]+)", text)
    return m.group(1) if m else "sequence"


def txn_stream(buffers):
    """A minimal TXN v0.1 stream (docs/domain.md section 9): one shim BD per host buffer, its address patch
    and queue write; the last buffer is the output (S2MM) and is waited on."""
    ops = []
    for idx, (_, size) in enumerate(buffers):
        bd = idx
        bd_addr = 0x1D000 + 0x20 * bd
        words = [size // 4, 0, 0, 0, 0x80000000, 0x02000000, 0, 0x02000000]
        ops.append(struct.pack("<B7xII", 1, bd_addr, 16 + 4 * len(words)) + struct.pack("<8I", *words))
        ops.append(struct.pack("<BBBxI", 0x81, 0, 0, 48) + struct.pack("<QIIQQQ", 0, 0, 0, bd_addr + 4, idx, 0))
        output = idx == len(buffers) - 1
        queue = 0x1D204 if output else 0x1D214
        value = bd | (0x80000000 if output else 0)
        ops.append(struct.pack("<B7xQII", 0, queue, value, 24))
        if output:
            ops.append(struct.pack("<BBBxI", 0x80, 0, 0, 16) + struct.pack("<II", 0, (1 << 8) | (1 << 16)))
    body = b"".join(ops)
    header = struct.pack("<IIII", 0x06030100, 0x00000104, len(ops), 16 + len(body))
    return header + body


def kernels_json():
    args = [{"name": "opcode", "address-qualifier": "SCALAR", "type": "uint64_t", "offset": "0x00"},
            {"name": "instr", "memory-connection": "SRAM", "address-qualifier": "GLOBAL", "type": "char *", "offset": "0x8"},
            {"name": "ninstr", "address-qualifier": "SCALAR", "type": "uint32_t", "offset": "0x10"}]
    offset = 0x14
    for i in range(5):
        args.append({"name": f"bo{i}", "memory-connection": "HOST", "address-qualifier": "GLOBAL", "type": "void*",
                     "offset": hex(offset)})
        offset += 8
    return {"ps-kernels": {"kernels": [{"name": "MLIR_AIE", "type": "dpu",
                                        "extended-data": {"subtype": "DPU", "functional": "0", "dpu_kernel_id": "0x901"},
                                        "arguments": args, "instances": [{"name": "MLIRAIE"}]}]}}


MEM_TOPOLOGY = {"mem_topology": {"m_count": "2", "m_mem_data": [
    {"m_type": "MEM_DRAM", "m_used": "1", "m_sizeKB": "0x10000", "m_tag": "HOST", "m_base_address": "0x4000000"},
    {"m_type": "MEM_DRAM", "m_used": "1", "m_sizeKB": "0xc000", "m_tag": "SRAM", "m_base_address": "0x4000000"}]}}


def partition_json(pdi, columns):
    return {"aie_partition": {"name": "QoS", "operations_per_cycle": "2048", "inference_fingerprint": "23423",
                              "pre_post_fingerprint": "12345",
                              "partition": {"column_width": columns, "start_columns": [0]},
                              "PDIs": [{"uuid": str(uuid.uuid4()), "file_name": pdi,
                                        "cdo_groups": [{"name": "DPU", "type": "PRIMARY", "pdi_id": "0x01",
                                                        "dpu_kernel_ids": ["0x901"], "pre_cdo_groups": ["0xC1"]}]}]}}


def fail_mlir(design, text, log):
    lines = text.split("\n")
    reported = False
    tiles = {m.group(1): int(m.group(3)) for m in re.finditer(r"%([\w.$-]+)\s*=\s*(?:aie|AIE)\.tile\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)", text)}
    for number, line in enumerate(lines, 1):
        m = re.search(r"(?:aie|AIE)\.buffer\s*\(\s*%([\w.$-]+)", line)
        if m and tiles.get(m.group(1)) == 0:
            col = line.index("aie.buffer" if "aie.buffer" in line else "AIE.buffer") + 1
            print(f"{design}:{number}:{col}: error: 'aie.buffer' op in Column 0 and Row 0 is accessed from an "
                  f"unreachable tile", file=sys.stderr, flush=True)
            print(f"{design}:{number}:{col}: note: see current operation: {line.strip()}", file=sys.stderr, flush=True)
            reported = True
    if not reported:
        for number, line in enumerate(lines, 1):
            if "aiecc-standin" in line:
                col = line.index("//") + 1
                print(f"{design}:{number}:{col}: error: custom op 'aie.standin_failure' is unknown", file=sys.stderr,
                      flush=True)
                break
        else:
            print(f"{design}:1:1: error: custom op 'aie.standin_failure' is unknown", file=sys.stderr, flush=True)
    print("Error encountered while running: aie-opt --pass-pipeline=builtin.module(lower-affine,aie-canonicalize-device,"
          f"aie.device(aie-assign-buffer-addresses)) {design} -o input_with_addresses.mlir", file=sys.stderr, flush=True)
    sys.exit(1)


def hang(prj):
    child = subprocess.Popen(["sleep", "600"])
    pidfile = os.environ.get("AIECC_STANDIN_PIDFILE") or os.path.join(prj, "grandchild.pid")
    with open(pidfile, "w") as f:
        f.write(f"{child.pid}\n")
    print(f"bootgen -arch versal -image {prj}/main_design.bif -o {prj}/main_design.pdi -w", flush=True)
    while True:
        time.sleep(1)


def main():
    gen = os.environ.get("AIECC_STANDIN_HELP", "npu-insts")
    if gen not in GENERATIONS:
        gen = "npu-insts"
    argv = sys.argv[1:]
    if "-h" in argv or "--help" in argv:
        print(CPP_HELP if gen == "get" else python_help(gen))
        return 0
    if "--version" in argv:
        print(VERSION)
        return 0
    opts = parse_args(argv, gen)
    design = opts["file"]
    try:
        with open(design, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        print(f"Error: cannot read {design}: {e.strerror}", file=sys.stderr)
        return 1
    found = markers(text)
    delay = float(os.environ.get("AIECC_STANDIN_DELAY", "0.02"))
    log = Log(opts["verbose"], delay)
    prj = os.path.abspath(opts["tmpdir"] or os.path.basename(design) + ".prj")
    os.makedirs(prj, exist_ok=True)
    device = device_of(text)
    dev_name = "main"

    log.passes("builtin.module(lower-affine,aie-canonicalize-device,aie.device(aie-assign-lock-ids,"
               "aie-register-objectFifos,aie-objectFifo-stateful-transform,aie-assign-bd-ids,"
               "aie-assign-buffer-addresses{alloc-scheme=basic-sequential}),convert-scf-to-cf)")
    if os.environ.get("AIECC_STANDIN_FAIL") == "mlir" or found.get("fail") == "mlir":
        fail_mlir(design, text, log)
    shutil.copyfile(design, os.path.join(prj, "input_physical.mlir"))
    log.step(f"aie-opt --pass-pipeline=builtin.module(aie.device(aie-localize-locks,aie-normalize-address-spaces)) "
             f"{prj}/input_with_addresses.mlir -o {prj}/{dev_name}_core_0_2.opt.mlir")
    log.step(f"aie-translate --mlir-to-llvmir {prj}/{dev_name}_core_0_2.opt.mlir -o {prj}/{dev_name}_core_0_2.ll")
    log.step(f"opt --passes=default<O2>,strip -S {prj}/{dev_name}_core_0_2.ll -o {prj}/{dev_name}_core_0_2.stripped.ll")
    log.step(f"llc {prj}/{dev_name}_core_0_2.stripped.ll -O2 --march=aie2 --function-sections --filetype=obj "
             f"-o {prj}/{dev_name}_core_0_2.o")
    log.step(f"clang -O2 --target=aie2-none-unknown-elf {prj}/{dev_name}_core_0_2.o -Wl,--gc-sections "
             f"-Wl,-T,{prj}/{dev_name}_core_0_2.ld.script -o {dev_name}_core_0_2.elf")
    if os.environ.get("AIECC_STANDIN_HANG") == "1" or "hang" in found:
        hang(prj)

    pdi = os.path.join(prj, f"{dev_name}_design.pdi")
    with open(pdi, "w") as f:
        f.write("XI-PLACEHOLDER-PDI: written by the aiecc stand-in of the xclbin-inspector tests, not a device image.\n")
    log.step(f"bootgen -arch versal -image {prj}/{dev_name}_design.bif -o {pdi} -w")
    columns = int(re.search(r"_(\d+)col", device).group(1)) if re.search(r"_(\d+)col", device) else 4
    files = {
        f"{dev_name}_kernels.json": kernels_json(),
        f"{dev_name}_mem_topology.json": MEM_TOPOLOGY,
        f"{dev_name}_aie_partition.json": partition_json(pdi, columns),
    }
    for name, content in files.items():
        with open(os.path.join(prj, name), "w") as f:
            json.dump(content, f, indent=2)

    xclbin = opts["xclbin_name"].format(dev_name)
    xclbinutil = (f"xclbinutil --add-replace-section MEM_TOPOLOGY:JSON:{prj}/{dev_name}_mem_topology.json "
                  f"--add-kernel {prj}/{dev_name}_kernels.json --add-replace-section "
                  f"AIE_PARTITION:JSON:{prj}/{dev_name}_aie_partition.json --force --quiet --output {xclbin}")
    if os.environ.get("AIECC_STANDIN_FAIL") == "step" or found.get("fail") == "step":
        print(xclbinutil, flush=True)
        print(f"ERROR: Section 'AIE_PARTITION' JSON file '{prj}/{dev_name}_aie_partition.json' could not be read",
              file=sys.stderr, flush=True)
        print("Error encountered while running: " + xclbinutil, file=sys.stderr, flush=True)
        sys.exit(1)
    if opts["xclbin"]:
        cli = os.environ.get("AIECC_STANDIN_CLI") or shutil.which("xclbin-inspector-cli")
        if not cli:
            print("Error: the stand-in needs xclbin-inspector-cli (AIECC_STANDIN_CLI) to build the xclbin",
                  file=sys.stderr)
            return 1
        log.step(xclbinutil)
        built = subprocess.run([cli, "build-xclbin", "--mem-topology", os.path.join(prj, f"{dev_name}_mem_topology.json"),
                                "--kernels", os.path.join(prj, f"{dev_name}_kernels.json"),
                                "--aie-partition", os.path.join(prj, f"{dev_name}_aie_partition.json"),
                                "--output", xclbin, "--force"], capture_output=True, text=True)
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr, end="")
            print("Error encountered while running: " + xclbinutil, file=sys.stderr, flush=True)
            return built.returncode
    if opts["insts"]:
        insts = opts["insts_name"].format(dev_name, sequence_name(text))
        stream = txn_stream(host_buffers(text) or [("in", 4096), ("out", 4096)])
        log.step(f"aie-translate --aie-npu-to-binary --aie-device-name {dev_name} "
                 f"--aie-sequence-name {sequence_name(text)} {prj}/npu_insts.mlir -o {insts}")
        if GENERATIONS[gen][4]:
            words = struct.unpack(f"<{len(stream) // 4}I", stream)
            with open(insts, "w") as f:
                f.write("".join(f"{w:08X}\n" for w in words))
        else:
            with open(insts, "wb") as f:
                f.write(stream)
    return 0


if __name__ == "__main__":
    sys.exit(main())
