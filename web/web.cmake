# Builds the dashboard with npm and esbuild, and compiles the bundle into
# marsad_serve as a table of byte arrays (build/generated/serve_assets.cc).
# Without node and npm the binary serves a page saying how to get it.
find_program(MARSAD_NODE node)
find_program(MARSAD_NPM npm)
set(web_dir ${PROJECT_SOURCE_DIR}/web)
set(web_assets_cc ${CMAKE_BINARY_DIR}/generated/serve_assets.cc)
if(MARSAD_NODE AND MARSAD_NPM)
  file(GLOB_RECURSE web_sources CONFIGURE_DEPENDS ${web_dir}/src/*)
  add_custom_command(
    OUTPUT ${web_dir}/node_modules/.package-lock.json
    COMMAND ${MARSAD_NPM} ci --ignore-scripts --no-audit --no-fund --loglevel=error
    DEPENDS ${web_dir}/package.json ${web_dir}/package-lock.json
    WORKING_DIRECTORY ${web_dir}
    COMMENT "Installing the dashboard's npm packages (web/package-lock.json)"
    VERBATIM)
  add_custom_command(
    OUTPUT ${web_assets_cc}
    COMMAND ${MARSAD_NODE} ${web_dir}/build.mjs --outdir ${CMAKE_BINARY_DIR}/web --cc ${web_assets_cc}
    DEPENDS ${web_sources} ${web_dir}/build.mjs ${web_dir}/node_modules/.package-lock.json
    WORKING_DIRECTORY ${web_dir}
    COMMENT "Bundling the dashboard (esbuild) into serve_assets.cc"
    VERBATIM)
else()
  message(WARNING "node or npm not found: marsad serve will show a placeholder instead of the "
                  "dashboard (make setup installs them)")
  add_custom_command(
    OUTPUT ${web_assets_cc}
    COMMAND ${CMAKE_COMMAND} -DOUT=${web_assets_cc} -P ${web_dir}/placeholder.cmake
    DEPENDS ${web_dir}/placeholder.cmake
    VERBATIM)
endif()
target_sources(marsad_serve PRIVATE ${web_assets_cc})
