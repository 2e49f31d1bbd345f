# SPDX-License-Identifier: GPL-3.0-or-later
# Debian ships XRT without a CMake or pkg-config file. This finds the headers and
# xrt_coreutil, reads the version from version.h and detects hw_context support.
#
# Result: target XRT::coreutil, XRT_FOUND, XRT_VERSION, XRT_VERSION_MAJOR/MINOR,
# XRT_HAS_HW_CONTEXT, XRT_HW_CONTEXT_HEADER (the include line to use), XRT_NOOP_LIBRARY.

find_path(XRT_INCLUDE_DIR NAMES xrt/xrt_kernel.h version.h PATH_SUFFIXES xrt PATHS /opt/xilinx/xrt/include /usr/include)
find_library(XRT_COREUTIL_LIBRARY NAMES xrt_coreutil PATHS /opt/xilinx/xrt/lib)
# xrt::uuid's inline functions call libuuid (Debian: uuid-dev), which libxrt-dev does not pull in.
find_library(XRT_UUID_LIBRARY NAMES uuid)
find_library(XRT_NOOP_LIBRARY NAMES libxrt_noop.so.2 xrt_noop PATHS /opt/xilinx/xrt/lib)

set(XRT_VERSION "")
if(XRT_INCLUDE_DIR AND EXISTS "${XRT_INCLUDE_DIR}/version.h")
  file(STRINGS "${XRT_INCLUDE_DIR}/version.h" _xrt_ver REGEX "xrt_build_version\\[\\] = \"[0-9.]+\"")
  string(REGEX MATCH "[0-9]+\\.[0-9]+(\\.[0-9]+)?" XRT_VERSION "${_xrt_ver}")
  string(REPLACE "." ";" _xrt_parts "${XRT_VERSION}")
  list(GET _xrt_parts 0 XRT_VERSION_MAJOR)
  list(GET _xrt_parts 1 XRT_VERSION_MINOR)
endif()

set(XRT_HAS_HW_CONTEXT OFF)
set(XRT_HW_CONTEXT_HEADER "")
if(XRT_INCLUDE_DIR)
  if(EXISTS "${XRT_INCLUDE_DIR}/xrt/xrt_hw_context.h")
    set(XRT_HAS_HW_CONTEXT ON)
    set(XRT_HW_CONTEXT_HEADER "xrt/xrt_hw_context.h")
  elseif(EXISTS "${XRT_INCLUDE_DIR}/experimental/xrt_hw_context.h")
    set(XRT_HAS_HW_CONTEXT ON)
    set(XRT_HW_CONTEXT_HEADER "experimental/xrt_hw_context.h")
  endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(XRT REQUIRED_VARS XRT_INCLUDE_DIR XRT_COREUTIL_LIBRARY XRT_UUID_LIBRARY VERSION_VAR XRT_VERSION)

if(XRT_FOUND AND NOT TARGET XRT::coreutil)
  add_library(XRT::coreutil UNKNOWN IMPORTED)
  set_target_properties(XRT::coreutil PROPERTIES
    IMPORTED_LOCATION "${XRT_COREUTIL_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${XRT_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XRT_UUID_LIBRARY}")
  message(STATUS "XRT ${XRT_VERSION}: hw_context ${XRT_HAS_HW_CONTEXT} ${XRT_HW_CONTEXT_HEADER}; noop ${XRT_NOOP_LIBRARY}")
endif()
mark_as_advanced(XRT_INCLUDE_DIR XRT_COREUTIL_LIBRARY XRT_NOOP_LIBRARY XRT_UUID_LIBRARY)
