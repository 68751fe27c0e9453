# The serve module: cpp-httplib (Debian's build, with the defines its
# pkg-config file sets) and the dashboard bundle compiled in (web/web.cmake).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
marsad_module(serve marsad_screen marsad_store marsad_resolve marsad_text PkgConfig::HTTPLIB ZLIB::ZLIB
              nlohmann_json::nlohmann_json Threads::Threads)

include(${PROJECT_SOURCE_DIR}/web/web.cmake)
