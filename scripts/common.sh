# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run and scripts/test: install what is missing, configure once, build.
# Sourced, not executed.

XI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
XI_BUILD="${XI_BUILD_DIR:-$XI_ROOT/build}"

# Debian 12 packages the build, the tests and the screenshots need.
XI_PACKAGES=(
    cmake ninja-build g++
    qt6-base-dev qt6-qpa-plugins libgl-dev libqcustomplot-dev libeigen3-dev libxrt-dev
    xvfb xauth fonts-dejavu-core python3-numpy
    uuid-dev dpkg-dev file appstream ccache groff-base
)

xi_log() { printf '==> %s\n' "$*" >&2; }

xi_missing_packages() {
    local pkg status
    for pkg in "${XI_PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        [ "$status" = installed ] || printf '%s\n' "$pkg"
    done
}

xi_install_packages() {
    local missing
    mapfile -t missing < <(xi_missing_packages)
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { xi_log "missing packages (${missing[*]}) and not root"; return 1; }
        sudo=(sudo)
    fi
    xi_log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# xi_configure [-DOPTION=VALUE ...]: configures build/ when it is new or an option changed.
xi_configure() {
    local cache="$XI_BUILD/CMakeCache.txt"
    if [ -f "$cache" ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$cache"; then
        xi_log "$XI_BUILD was made by another generator: starting it again"
        rm -rf "$XI_BUILD"
    fi
    local need=0 opt key value
    [ -f "$XI_BUILD/build.ninja" ] || need=1
    for opt in "$@"; do
        key=${opt#-D}; value=${key#*=}; key=${key%%=*}; key=${key%%:*}
        grep -q "^$key:[A-Z]*=$value\$" "$cache" 2>/dev/null || need=1
    done
    [ $need -eq 0 ] && return 0
    local launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    fi
    xi_log "configuring $XI_BUILD"
    cmake -S "$XI_ROOT" -B "$XI_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@"
}

# xi_build [TARGET ...]: builds everything, or only the given targets, on every core.
xi_build() {
    # Paths relative to the checkout, so that a fresh clone elsewhere (CI) reuses the compiler cache.
    export CCACHE_NOHASHDIR=1 CCACHE_BASEDIR="$XI_ROOT"
    local targets=()
    [ $# -gt 0 ] && targets=(--target "$@")
    cmake --build "$XI_BUILD" --parallel "$(nproc)" "${targets[@]}"
}

# xi_preset_configure NAME: configures a preset of CMakePresets.json (its build folder is build-NAME), through
# ccache when present.
xi_preset_configure() {
    if command -v ccache >/dev/null; then
        export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
    fi
    xi_log "configuring preset $1"
    (cd "$XI_ROOT" && cmake --preset "$1")
}

# xi_preset_build NAME [TARGET ...]: builds a configured preset, everything or the given targets, on every core.
xi_preset_build() {
    local preset=$1 targets=()
    shift
    export CCACHE_NOHASHDIR=1 CCACHE_BASEDIR="$XI_ROOT"
    [ $# -gt 0 ] && targets=(--target "$@")
    (cd "$XI_ROOT" && cmake --build --preset "$preset" --parallel "$(nproc)" "${targets[@]}")
}
