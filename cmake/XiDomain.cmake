# SPDX-License-Identifier: GPL-3.0-or-later
# One static library per domain folder. A domain's headers are reachable only as "<prefix>/<file>.h" through
# an include folder of its own (a symbolic link in the build tree), and only targets that link the domain get
# that folder. So an include of a layer the target does not link (an upward include) fails to compile.
#
#   xi_add_domain(TARGET xi_binding PREFIX binding SOURCES a.cpp a.h ... LINKS xi_groups ...)
function(xi_add_domain)
  cmake_parse_arguments(D "" "TARGET;PREFIX" "SOURCES;LINKS" ${ARGN})
  add_library(${D_TARGET} STATIC ${D_SOURCES})
  set(_include ${CMAKE_BINARY_DIR}/include/${D_TARGET})
  get_filename_component(_parent ${_include}/${D_PREFIX} DIRECTORY)
  file(MAKE_DIRECTORY ${_parent})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${_include}/${D_PREFIX} SYMBOLIC)
  target_include_directories(${D_TARGET} PUBLIC ${_include})
  target_link_libraries(${D_TARGET} PUBLIC ${D_LINKS})
  set_property(GLOBAL APPEND PROPERTY XI_DOMAINS ${D_TARGET})
endfunction()
