// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time helper: writes the instruction stream of kernels/attention's runtime sequence for the demo
// xclbins (what aiecc's --aie-generate-npu-insts writes for the design), so the demo has one next to it.
#include "attention/attentiondesign.h"

#include <QFile>
#include <QString>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: xi_demo_stream SIZE OUT.insts.bin\n");
        return 64;
    }
    const int size = QString::fromLocal8Bit(argv[1]).toInt();
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (size <= 0 || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || out.write(xi::AttentionDesign::instructionStream(size)) < 0 || !out.flush()) {
        std::fprintf(stderr, "xi_demo_stream: cannot write %s\n", argv[2]);
        return 2;
    }
    return 0;
}
