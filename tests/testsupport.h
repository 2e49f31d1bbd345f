// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QtTest>

#include <initializer_list>

namespace xi::test {

// ../shared/fixtures, read in place.
QString fixturesDir();
bool fixturesPresent();
// Names of the folders under fixtures/xclbin (each holds <name>.xclbin and reference/).
QStringList xclbinFixtureNames();
QString xclbinFixturePath(const QString& name);
QString xclbinReferenceDir(const QString& name);
// Names under fixtures/aiecc-inputs.
QStringList aieccInputNames();
QString aieccInputDir(const QString& name);
// <aieccInputDir(name)>/reference.xclbin, the file aiecc built from those inputs.
QString aieccReferenceXclbin(const QString& name);
// The whisper-attention-64x64 reference build the attention runs use.
QString attentionXclbin();
// The demo files built by resources/demo: our attention design, with its instruction stream beside it.
QString demoXclbin(const QString& name = QStringLiteral("attention-64x64-good"));
// tests/data/host/<name>: the host programs the binding checks read.
QString hostProgramPath(const QString& name);
// Fixture names whose kernel is MLIR_AIE (from the reference embedded metadata).
QStringList mlirAieFixtureNames();
// Where tests write files a person may look at (screenshots, reports).
QString outputDir();
QString cliPath();
QByteArray readFile(const QString& path);
// Writes (replaces) the whole file; false if it cannot.
bool writeFile(const QString& path, const QByteArray& bytes);
// A QStringList from plain literals (the project builds with QT_NO_CAST_FROM_ASCII).
QStringList strings(std::initializer_list<const char*> latin1);
// True when a missing fixtures folder must fail the test instead of skipping it: CI=true or
// XI_REQUIRE_FIXTURES=1, so that CI can never pass by skipping.
bool fixturesRequired();
// In a _data function: a QString column and one row per name, the row named after it.
void addFixtureRows(const QStringList& names, const char* column = "name");

// A real write failure on a regular file without privileges, for as long as it lives: the file-size limit (which
// child processes inherit) makes write() fail with EFBIG once a file would grow past `bytes`, SIGXFSZ ignored. It
// stands for a disk that fills up half-way through a write.
class FileSizeLimit {
public:
    explicit FileSizeLimit(qint64 bytes);
    ~FileSizeLimit();
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    bool ok() const { return m_ok; }

private:
    qint64 m_savedCurrent = 0;
    void (*m_handler)(int) = nullptr; // SIG_DFL is a null pointer too: m_saved says whether to restore
    bool m_saved = false;
    bool m_ok = false;
};

} // namespace xi::test

// Fixtures are shared and may be absent in a stripped checkout: say so loudly, and fail where they are required.
#define XI_REQUIRE_FIXTURES()                                                                                          \
    do {                                                                                                               \
        if (!xi::test::fixturesPresent()) {                                                                            \
            const QString xiWhy = QStringLiteral("fixtures folder not found at %1").arg(xi::test::fixturesDir());      \
            if (xi::test::fixturesRequired())                                                                          \
                QFAIL(qPrintable(xiWhy + QStringLiteral(" (required: CI or XI_REQUIRE_FIXTURES is set)")));            \
            QSKIP(qPrintable(xiWhy));                                                                                  \
        }                                                                                                              \
    } while (false)
