// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <QDir>
#include <QFile>

#include <sys/resource.h>
#include <csignal>

namespace xi::test {

QString fixturesDir()
{
    return QStringLiteral(XI_FIXTURES_DIR);
}

bool fixturesPresent()
{
    return QDir(fixturesDir() + QStringLiteral("/xclbin")).exists();
}

QStringList xclbinFixtureNames()
{
    return QDir(fixturesDir() + QStringLiteral("/xclbin")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString xclbinFixturePath(const QString& name)
{
    return fixturesDir() + QStringLiteral("/xclbin/") + name + QLatin1Char('/') + name + QStringLiteral(".xclbin");
}

QString xclbinReferenceDir(const QString& name)
{
    return fixturesDir() + QStringLiteral("/xclbin/") + name + QStringLiteral("/reference");
}

QStringList aieccInputNames()
{
    return QDir(fixturesDir() + QStringLiteral("/aiecc-inputs"))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString aieccInputDir(const QString& name)
{
    return fixturesDir() + QStringLiteral("/aiecc-inputs/") + name;
}

QString aieccReferenceXclbin(const QString& name)
{
    return aieccInputDir(name) + QStringLiteral("/reference.xclbin");
}

QString attentionXclbin()
{
    return aieccReferenceXclbin(QStringLiteral("whisper-attention-64x64"));
}

QString demoXclbin(const QString& name)
{
    return QStringLiteral(XI_DEMO_DIR "/") + name + QStringLiteral(".xclbin");
}

QString hostProgramPath(const QString& name)
{
    return QStringLiteral(XI_SOURCE_DIR "/tests/data/host/") + name;
}

QStringList mlirAieFixtureNames()
{
    QStringList names;
    for (const QString& name : xclbinFixtureNames()) {
        const QByteArray xml = readFile(xclbinReferenceDir(name) + QStringLiteral("/embedded_metadata.xml"));
        if (xml.contains("<kernel name=\"MLIR_AIE\""))
            names << name;
    }
    return names;
}

QString outputDir()
{
    QString dir = qEnvironmentVariable("XI_TEST_OUTPUT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(XI_TEST_OUTPUT_DIR);
    QDir().mkpath(dir);
    return dir;
}

QString cliPath()
{
    return QStringLiteral(XI_CLI_PATH);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

void addFixtureRows(const QStringList& names, const char* column)
{
    QTest::addColumn<QString>(column);
    for (const QString& name : names)
        QTest::newRow(qPrintable(name)) << name;
    // No fixtures, no rows, and a test without rows passes silently: one row whose test says why instead.
    if (names.isEmpty() && !fixturesPresent())
        QTest::newRow("fixtures-missing") << QString();
}

QStringList strings(std::initializer_list<const char*> latin1)
{
    QStringList list;
    for (const char* s : latin1)
        list << QString::fromLatin1(s);
    return list;
}

bool fixturesRequired()
{
    return qEnvironmentVariable("CI") == QLatin1String("true")
        || qEnvironmentVariableIntValue("XI_REQUIRE_FIXTURES") == 1;
}

FileSizeLimit::FileSizeLimit(qint64 bytes)
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) != 0)
        return;
    m_savedCurrent = qint64(limit.rlim_cur);
    m_handler = std::signal(SIGXFSZ, SIG_IGN);
    m_saved = true;
    limit.rlim_cur = rlim_t(bytes);
    m_ok = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

FileSizeLimit::~FileSizeLimit()
{
    if (!m_saved)
        return;
    rlimit limit {};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = rlim_t(m_savedCurrent);
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::signal(SIGXFSZ, m_handler);
}

} // namespace xi::test
