#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""numpy float32 attention, softmax(Q K^T / sqrt(d)) V, on the shapes `xclbin-inspector-cli bench attention` uses.

Run with Debian's /usr/bin/python3 (python3-numpy). Prints a table, or with --json a list of
{"name": ..., "shape": [heads, seq, dim], "ms": median, "best_ms": fastest, "cpu_ms": median process
CPU time, "repeats": n}.
"""
import argparse
import json
import sys
import time

import numpy as np

SHAPES = [(1, 64, 64), (8, 1500, 64)]


def attention(q, k, v):
    s = np.matmul(q, k.transpose(0, 2, 1)) * np.float32(1.0 / np.sqrt(q.shape[-1]))
    s -= s.max(axis=-1, keepdims=True)
    np.exp(s, out=s)
    s /= s.sum(axis=-1, keepdims=True)
    return np.matmul(s, v)


def median_best_cpu_ms(fn, repeats):
    times, cpu = [], []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
        cpu.append((time.process_time() - cpu_start) * 1000.0)
    times.sort()
    cpu.sort()
    return times[len(times) // 2], times[0], cpu[len(cpu) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--repeat", type=int, default=0, help="runs per shape (default 50 small, 5 large)")
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    results = []
    for heads, seq, dim in SHAPES:
        q, k, v = (rng.integers(-64, 64, (heads, seq, dim)).astype(np.float32) for _ in range(3))
        repeats = args.repeat or (50 if seq * seq * heads < 1_000_000 else 5)
        attention(q, k, v)  # warm-up
        ms, best, cpu = median_best_cpu_ms(lambda: attention(q, k, v), repeats)
        results.append({"name": "numpy float32 attention", "shape": [heads, seq, dim], "ms": round(ms, 4),
                        "best_ms": round(best, 4), "cpu_ms": round(cpu, 4), "repeats": repeats,
                        "numpy": np.__version__})
    if args.json:
        json.dump(results, sys.stdout)
        sys.stdout.write("\n")
    else:
        for r in results:
            print("%-28s %-16s %10.3f ms" % (r["name"], "x".join(map(str, r["shape"])), r["ms"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
