# install.cmake - what `cmake --install` puts in place for the library.
#
# Included by library.cmake once retain_lib is defined:
#   LIBDIR/libretain.a or libretain.so*, INCLUDEDIR/retain.h,
#   LIBDIR/pkgconfig/retain.pc,
#   LIBDIR/cmake/retain/: retain-config.cmake, retain-config-version.cmake
#     and retain-static-targets.cmake or retain-shared-targets.cmake.
# A static and a shared build may be installed to one prefix: each kind has
# its own targets file, and retain-config.cmake picks one.

include(CMakePackageConfigHelpers)
set(RETAIN_CONFIG_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/retain)

install(TARGETS retain_lib EXPORT retain-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT retain-targets
  NAMESPACE retain::
  FILE retain-${RETAIN_LIB_KIND}-targets.cmake
  DESTINATION ${RETAIN_CONFIG_DIR})
configure_package_config_file(src/lib/retain-config.cmake.in
  ${PROJECT_BINARY_DIR}/retain-config.cmake
  INSTALL_DESTINATION ${RETAIN_CONFIG_DIR})
# The SONAME changes with the major version, and so may the interface.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/retain-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/retain-config.cmake
              ${PROJECT_BINARY_DIR}/retain-config-version.cmake
        DESTINATION ${RETAIN_CONFIG_DIR})

# retain.pc.  The libraries the library needs go in Libs for a static
# build, which every link needs them for, and in Libs.private for a shared
# one, which names them itself (pkg-config --static adds them).
set(RETAIN_PC_LIBS "")
set(RETAIN_PC_LIBS_PRIVATE "")
if(RETAIN_SHARED)
  set(RETAIN_PC_LIBS_PRIVATE "${RETAIN_LINK_FLAGS}")
else()
  set(RETAIN_PC_LIBS "${RETAIN_LINK_FLAGS}")
endif()
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(RETAIN_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(RETAIN_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
# The prefix is the one `cmake --install --prefix` names, known only when
# installing: this pass leaves @CMAKE_INSTALL_PREFIX@ in for the second.
set(RETAIN_PC_PREFIX "@CMAKE_INSTALL_PREFIX@")
configure_file(src/lib/retain.pc.in ${PROJECT_BINARY_DIR}/retain.pc.in @ONLY)
install(CODE "configure_file(\"${PROJECT_BINARY_DIR}/retain.pc.in\"
                             \"${PROJECT_BINARY_DIR}/retain.pc\" @ONLY)")
install(FILES ${PROJECT_BINARY_DIR}/retain.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
