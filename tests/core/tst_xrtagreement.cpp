// SPDX-License-Identifier: GPL-3.0-or-later
// Our reader against XRT's own parser (Debian's xrt::xclbin, XRT 2.13) on every fixture: kernels, arguments,
// memories and connections, exactly the set XRT exposes. Only the real fixtures are fed to XRT: its parser
// dies on malformed files, which is what our reader's own tests are for.
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <experimental/xrt_xclbin.h>

#include <set>

using namespace xi;

namespace {

QString s(const std::string& text)
{
    return QString::fromStdString(text);
}

// XRT's view of a file, or why it could not give one.
struct XrtView {
    std::optional<xrt::xclbin> xclbin;
    QString error;
};

XrtView openWithXrt(const QString& path)
{
    XrtView view;
    try {
        view.xclbin = xrt::xclbin(path.toStdString());
    } catch (const std::exception& e) {
        view.error = QString::fromLocal8Bit(e.what());
    }
    return view;
}

std::set<int> ourConnections(const Xclbin& x, int ipIndex, int argIndex)
{
    std::set<int> mems;
    for (const Connection& c : x.connections()) {
        if (c.ipLayoutIndex == ipIndex && c.argIndex == argIndex)
            mems.insert(c.memDataIndex);
    }
    return mems;
}

int ourIpIndex(const Xclbin& x, const QString& name)
{
    if (!x.ipLayout)
        return -1;
    for (const IpEntry& ip : *x.ipLayout) {
        if (ip.name == name)
            return ip.index;
    }
    return -1;
}

} // namespace

class TestXrtAgreement : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void agrees_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : test::xclbinFixtureNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void agrees()
    {
        QFETCH(QString, name);
        const QString path = test::xclbinFixturePath(name);
        const XclbinLoadResult ours = XclbinReader::load(path);
        QVERIFY2(ours.ok(), qPrintable(ours.error ? ours.error->message() : QString()));
        const XrtView xrt = openWithXrt(path);
        // Every one of the 19 fixtures opens in XRT 2.13 today; should one stop opening (a new fixture XRT
        // cannot parse), our reader must still open it, and the reason XRT gave is printed here.
        if (!xrt.xclbin) {
            qInfo("%s: XRT 2.13 cannot open it (%s); our reader does", qPrintable(name), qPrintable(xrt.error));
            return;
        }
        compareKernels(*ours.xclbin, *xrt.xclbin);
        compareMemories(*ours.xclbin, *xrt.xclbin);
        compareConnections(*ours.xclbin, *xrt.xclbin);
    }

private:
    void compareKernels(const Xclbin& ours, const xrt::xclbin& xrt)
    {
        QStringList xrtNames;
        for (const auto& k : xrt.get_kernels())
            xrtNames << s(k.get_name());
        QStringList ourNames;
        for (const Kernel& k : ours.kernels)
            ourNames << k.name;
        QCOMPARE(ourNames, xrtNames);
        for (const auto& xk : xrt.get_kernels()) {
            const Kernel* k = ours.kernel(s(xk.get_name()));
            QVERIFY(k);
            QCOMPARE(qsizetype(xk.get_num_args()), k->arguments.size());
            // XRT 2.13 fills a kernel's arguments from its compute units. A kernel with none in IP_LAYOUT
            // (the Alveo software-emulation file has no IP_LAYOUT) gets placeholders: no name, index -1,
            // type "<type>". Then the count is all XRT knows.
            if (xk.get_cus().empty())
                continue;
            for (const auto& xa : xk.get_args()) {
                const int index = int(xa.get_index());
                const auto it = std::find_if(k->arguments.cbegin(), k->arguments.cend(),
                                             [index](const KernelArgument& a) { return a.id == index; });
                QVERIFY2(it != k->arguments.cend(), qPrintable(QStringLiteral("argument %1").arg(index)));
                QCOMPARE(it->name, s(xa.get_name()));
                QCOMPARE(it->offset, quint64(xa.get_offset()));
                QCOMPARE(it->size, quint64(xa.get_size()));
                QCOMPARE(it->type, s(xa.get_host_type()));
                // XRT says "no-port" where the metadata has no port attribute (every DPU kernel).
                QCOMPARE(it->port.isEmpty() ? QStringLiteral("no-port") : it->port, s(xa.get_port()));
            }
        }
    }

    void compareMemories(const Xclbin& ours, const xrt::xclbin& xrt)
    {
        const auto mems = xrt.get_mems();
        const QList<MemoryEntry>& memories = ours.memories();
        QCOMPARE(qsizetype(mems.size()), memories.size());
        for (const auto& m : mems) {
            const int index = int(m.get_index());
            QVERIFY(index >= 0 && index < memories.size());
            const MemoryEntry& e = memories.at(index);
            QCOMPARE(e.tag, s(m.get_tag()));
            QCOMPARE(e.sizeKiB, quint64(m.get_size_kb()));
            QCOMPARE(e.baseAddress, quint64(m.get_base_address()));
            QCOMPARE(e.used, m.get_used());
            QCOMPARE(int(e.type), int(m.get_type()));
        }
    }

    void compareConnections(const Xclbin& ours, const xrt::xclbin& xrt)
    {
        for (const auto& ip : xrt.get_ips()) {
            const int ipIndex = ourIpIndex(ours, s(ip.get_name()));
            QVERIFY2(ipIndex >= 0, qPrintable(s(ip.get_name())));
            for (const auto& arg : ip.get_args()) {
                std::set<int> xrtMems;
                for (const auto& m : arg.get_mems())
                    xrtMems.insert(int(m.get_index()));
                const std::set<int> mine = ourConnections(ours, ipIndex, int(arg.get_index()));
                QVERIFY2(mine == xrtMems,
                         qPrintable(QStringLiteral("%1 argument %2").arg(s(ip.get_name())).arg(arg.get_index())));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestXrtAgreement)
#include "tst_xrtagreement.moc"
