# The serve module: cpp-httplib (Debian's build, with the defines its
# pkg-config file sets) and the dashboard bundle compiled in (web/web.cmake).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
marsad_module(serve marsad_screen marsad_store marsad_resolve marsad_text PkgConfig::HTTPLIB ZLIB::ZLIB
              nlohmann_json::nlohmann_json Threads::Threads)

# Entity, quote, claim and event routes are compiled in once the store
# implements those records; the check runs again whenever a store source changes.
file(GLOB store_sources ${CMAKE_CURRENT_SOURCE_DIR}/store/*.cc)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${store_sources})
set(serve_records 0)
foreach(f ${store_sources})
  file(STRINGS ${f} hit REGEX "Store::Claims\\(")
  if(hit)
    set(serve_records 1)
  endif()
endforeach()
target_compile_definitions(marsad_serve PRIVATE MARSAD_SERVE_RECORDS=${serve_records})

include(${PROJECT_SOURCE_DIR}/web/web.cmake)
