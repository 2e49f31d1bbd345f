# SPDX-License-Identifier: GPL-3.0-or-later
# ctest `fixtures_present`: where fixtures are required (CI=true or XI_REQUIRE_FIXTURES=1) their absence is a
# failure of its own, so that a run whose fixture tests all skipped can never pass.
if(NOT EXISTS "${FIXTURES}/xclbin")
  if("$ENV{CI}" STREQUAL "true" OR "$ENV{XI_REQUIRE_FIXTURES}" STREQUAL "1")
    message(FATAL_ERROR "fixtures folder not found at ${FIXTURES} (required: CI or XI_REQUIRE_FIXTURES is set)")
  endif()
  message("fixtures folder not found at ${FIXTURES}: the tests that read them skip")
endif()
