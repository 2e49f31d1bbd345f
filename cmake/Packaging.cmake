# SPDX-License-Identifier: GPL-3.0-or-later
# Desktop integration files and a Debian package: `cpack -G DEB` in the build folder.
set(XI_APP_ID "io.github.xclbin_inspector.XclbinInspector")

install(FILES ${CMAKE_SOURCE_DIR}/resources/${XI_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/resources/${XI_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/${XI_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Manual pages: the CLI's is printed by the CLI itself from its commands' usage texts (so it lists exactly what the
# program accepts), the GUI's is written by hand.
find_program(XI_GZIP gzip REQUIRED)
set(XI_CLI_MAN ${CMAKE_BINARY_DIR}/man/xclbin-inspector-cli.1)
add_custom_command(OUTPUT ${XI_CLI_MAN}.gz ${CMAKE_BINARY_DIR}/man/xclbin-inspector.1.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
  COMMAND $<TARGET_FILE:xclbin-inspector-cli> --man > ${XI_CLI_MAN}
  COMMAND ${XI_GZIP} -9nf ${XI_CLI_MAN}
  COMMAND ${XI_GZIP} -9nc ${CMAKE_SOURCE_DIR}/resources/xclbin-inspector.1 > ${CMAKE_BINARY_DIR}/man/xclbin-inspector.1.gz
  DEPENDS xclbin-inspector-cli ${CMAKE_SOURCE_DIR}/resources/xclbin-inspector.1
  COMMENT "Manual pages")
add_custom_target(xi_man ALL DEPENDS ${XI_CLI_MAN}.gz ${CMAKE_BINARY_DIR}/man/xclbin-inspector.1.gz)
install(FILES ${XI_CLI_MAN}.gz ${CMAKE_BINARY_DIR}/man/xclbin-inspector.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_PACKAGE_NAME "xclbin-inspector")
set(CPACK_PACKAGE_VENDOR "The xclbin-inspector developers")
set(CPACK_PACKAGE_CONTACT "The xclbin-inspector developers <xclbin-inspector@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# XRT loads its no-hardware device at run time; shlibdeps cannot see that dlopen.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libxrt1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xvfb")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Shows every kernel argument's XRT group ID decoded into hardware-context slot and memory bank, \
checks how host programs bind buffers to kernel arguments, runs bindings through XRT (also on its \
no-hardware device) and exports reports.")
include(CPack)
