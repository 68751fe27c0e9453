# The HTTP API against a running `marsad serve` (tests/serve/api_test.cc), and
# the dashboard in Debian's chromium driven by playwright-core (tests/web/).
add_executable(serve_test ${CMAKE_CURRENT_SOURCE_DIR}/serve/api_test.cc)
target_link_libraries(serve_test PRIVATE marsad_serve GTest::gtest GTest::gtest_main nlohmann_json::nlohmann_json)
target_include_directories(serve_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(serve_test PRIVATE MARSAD_BINARY="$<TARGET_FILE:marsad>")
add_dependencies(serve_test marsad)
gtest_discover_tests(serve_test WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60
                     PROPERTIES TIMEOUT 120)

find_program(MARSAD_CHROMIUM NAMES chromium chromium-browser)
if(MARSAD_NODE AND MARSAD_CHROMIUM)
  add_test(NAME web_test
    COMMAND ${CMAKE_COMMAND} -E env MARSAD=$<TARGET_FILE:marsad> CHROMIUM=${MARSAD_CHROMIUM}
            SCREENSHOTS=${CMAKE_BINARY_DIR}/screenshots
            ${MARSAD_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/web/dashboard_test.mjs
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(web_test PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
else()
  message(STATUS "node or chromium not found: the browser test (tests/web) is not registered")
endif()
