// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/xrtfailure.h"
#include "testsupport.h"

#include <QtTest>

using namespace xi;

// XRT's raw exceptions become what went wrong and what to do; the raw text is the caller's detail.
class TestXrtFailure : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void explains_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("says");
        QTest::newRow("range check") << QStringLiteral("buffers")
                                     << QStringLiteral("vector::_M_range_check: __n (which is 16777215) >= "
                                                       "this->size() (which is 2)")
                                     << QStringLiteral("Allocate each BO with kernel.group_id(i)");
        QTest::newRow("no device") << QStringLiteral("device") << QStringLiteral("No devices found")
                                   << QStringLiteral("run on the emulated or xrt-noop backend");
        QTest::newRow("load_xclbin on an NPU")
            << QStringLiteral("xclbin") << QStringLiteral("load_axlf: Operation not supported")
            << QStringLiteral("register_xclbin and a hw_context");
        QTest::newRow("EINVAL") << QStringLiteral("arguments") << QStringLiteral("Invalid argument")
                                << QStringLiteral("XRT refused an argument");
        QTest::newRow("anything else") << QStringLiteral("read") << QStringLiteral("weird")
                                       << QStringLiteral("XRT could not read the outputs back");
    }
    void explains()
    {
        QFETCH(QString, stage);
        QFETCH(QString, raw);
        QFETCH(QString, says);
        const QString text = XrtFailure::explain(stage, QStringLiteral("argument 3"), raw);
        QVERIFY2(text.contains(says), qPrintable(text));
        QVERIFY2(!text.contains(raw), qPrintable(text)); // XRT's words stay in the detail
        QVERIFY(!text.contains(QLatin1String("::")));
        QVERIFY(text.endsWith(u'.'));
    }
};

QTEST_GUILESS_MAIN(TestXrtFailure)
#include "tst_xrtfailure.moc"
