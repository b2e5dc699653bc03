# library.cmake - the library other programs link, and how they find it.
#
# Included by the top-level CMakeLists.txt once retain_core is defined.
# retain_core (src/CMakeLists.txt: the library's layers, one object
# library per folder) holds every module, internal ones included, for the
# executable and the tests.  What is installed is built from the same code
# but shows only the functions include/retain.h declares, so that no
# internal name (rt_u128_sub, csv_*, ...: internal modules use the rt_
# prefix too) can clash with a name of the program that links it:
#
#   libretain.a: one prelinked object in which only those functions are
#     global (ELF systems with ld and objcopy; elsewhere a plain archive);
#   with RETAIN_SHARED, libretain.so.0.1.0 instead, SONAME libretain.so.0,
#     exporting only those functions (a version script, where the linker
#     takes one: GNU ld, gold, lld);
#   retain.pc for pkg-config;
#   a CMake package (retain-config.cmake) with the target retain::retain.

# retain_public_functions(OUT): the names of the functions retain.h
# declares.  Each declaration there begins a line with its return type;
# tests/install/run.sh checks the result against the preprocessed header.
function(retain_public_functions out)
  set(header ${PROJECT_SOURCE_DIR}/include/retain.h)
  file(STRINGS ${header} lines
       REGEX "^[a-z][a-z0-9_ *]*[ *]rt_[a-z0-9_]+\\(")
  set(names "")
  foreach(line IN LISTS lines)
    if(line MATCHES "[ *](rt_[a-z0-9_]+)\\(")
      list(APPEND names ${CMAKE_MATCH_1})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES names)
  if(NOT names)
    message(FATAL_ERROR "no rt_ function declarations found in ${header}")
  endif()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

retain_public_functions(RETAIN_PUBLIC_FUNCTIONS)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/include/retain.h)
list(JOIN RETAIN_PUBLIC_FUNCTIONS "\n" RETAIN_NAME_LINES)
set(RETAIN_PUBLIC_LIST ${PROJECT_BINARY_DIR}/retain_public.txt)
file(GENERATE OUTPUT ${RETAIN_PUBLIC_LIST} CONTENT "${RETAIN_NAME_LINES}\n")

# The static library: objcopy makes every global symbol but the public
# functions local in one object prelinked with ld -r.  The user's program
# then links the whole library (about 120 KB of code) rather than the
# members it needs.
function(retain_add_static_library objects)
  if(NOT CMAKE_EXECUTABLE_FORMAT STREQUAL "ELF" OR NOT CMAKE_LINKER
     OR NOT CMAKE_OBJCOPY)
    add_library(retain_lib STATIC ${objects})
    return()
  endif()
  set(prelinked ${PROJECT_BINARY_DIR}/retain_public.o)
  add_custom_command(OUTPUT ${prelinked}
    COMMAND ${CMAKE_LINKER} -r -o ${prelinked}.all ${objects}
    COMMAND ${CMAKE_OBJCOPY} --keep-global-symbols=${RETAIN_PUBLIC_LIST}
            ${prelinked}.all ${prelinked}
    DEPENDS ${objects} ${RETAIN_PUBLIC_LIST}
    COMMENT "Prelinking libretain.a with only the rt_ functions global"
    COMMAND_EXPAND_LISTS VERBATIM)
  add_library(retain_lib STATIC ${prelinked})
  set_target_properties(retain_lib PROPERTIES LINKER_LANGUAGE C)
endfunction()

# retain_layer_objects(OUT): the objects of the library's layers
# (RETAIN_LIBRARY_LAYERS, src/CMakeLists.txt), of which retain_core is made.
function(retain_layer_objects out)
  set(objects "")
  foreach(layer IN LISTS RETAIN_LIBRARY_LAYERS)
    list(APPEND objects $<TARGET_OBJECTS:${layer}>)
  endforeach()
  set(${out} ${objects} PARENT_SCOPE)
endfunction()

# With link-time optimization the objects of the layers hold the
# compiler's intermediate code, which only the same compiler (and
# version) could link: the static library then gets objects of its own,
# compiled without it, one object library beside each layer.
function(retain_static_objects out)
  if(NOT CMAKE_INTERPROCEDURAL_OPTIMIZATION)
    retain_layer_objects(objects)
    set(${out} ${objects} PARENT_SCOPE)
    return()
  endif()
  set(objects "")
  foreach(layer IN LISTS RETAIN_LIBRARY_LAYERS)
    get_target_property(sources ${layer} SOURCES)
    add_library(${layer}_lib OBJECT ${sources})
    set_target_properties(${layer}_lib PROPERTIES
      INTERPROCEDURAL_OPTIMIZATION OFF POSITION_INDEPENDENT_CODE ON)
    foreach(property INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS)
      set_property(TARGET ${layer}_lib PROPERTY ${property}
                   $<TARGET_PROPERTY:${layer},${property}>)
    endforeach()
    get_target_property(below ${layer} LINK_LIBRARIES)
    target_link_libraries(${layer}_lib PRIVATE ${below})
    list(APPEND objects $<TARGET_OBJECTS:${layer}_lib>)
    add_dependencies(retain_lib_objects ${layer}_lib)
  endforeach()
  set(${out} ${objects} PARENT_SCOPE)
endfunction()

# retain_export_only_public(TARGET): lets the shared library TARGET export
# the public functions only, through a version script, where the linker
# takes one (GNU ld, gold, lld).  Elsewhere (Apple's ld, Windows) it
# exports what that platform's linker exports by default.
function(retain_export_only_public target)
  if(WIN32)
    return()
  endif()
  set(check_script ${PROJECT_BINARY_DIR}/CMakeFiles/retain_check.map)
  file(WRITE ${check_script} "{ global: main; local: *; };\n")
  include(CheckCSourceCompiles)
  set(CMAKE_REQUIRED_LINK_OPTIONS "-Wl,--version-script=${check_script}")
  check_c_source_compiles("int main(void) { return 0; }"
                          RETAIN_HAVE_VERSION_SCRIPT)
  if(NOT RETAIN_HAVE_VERSION_SCRIPT)
    return()
  endif()
  list(JOIN RETAIN_PUBLIC_FUNCTIONS ";\n    " globals)
  set(script ${PROJECT_BINARY_DIR}/retain.map)
  file(GENERATE OUTPUT ${script}
       CONTENT "{\n  global:\n    ${globals};\n  local:\n    *;\n};\n")
  target_link_options(${target} PRIVATE "LINKER:--version-script=${script}")
  set_target_properties(${target} PROPERTIES LINK_DEPENDS ${script})
  # Every symbol resolved now: a missing library (-lm) shows here, not in
  # the program that loads this one.  A sanitizer's runtime is left for
  # that program to bring.
  if(NOT RETAIN_SANITIZE)
    target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  endif()
endfunction()

if(RETAIN_SHARED)
  set(RETAIN_LIB_KIND shared)
  retain_layer_objects(RETAIN_SHARED_OBJECTS)
  add_library(retain_lib SHARED ${RETAIN_SHARED_OBJECTS})
  set_target_properties(retain_lib PROPERTIES
    VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
  retain_export_only_public(retain_lib)
else()
  set(RETAIN_LIB_KIND static)
  # What the layers' own objects for the static library are built by.
  add_custom_target(retain_lib_objects)
  retain_static_objects(RETAIN_STATIC_OBJECTS)
  retain_add_static_library("${RETAIN_STATIC_OBJECTS}")
endif()
# The objects are built by another target.
add_dependencies(retain_lib retain_core)
if(TARGET retain_lib_objects)
  add_dependencies(retain_lib retain_lib_objects)
endif()
set_target_properties(retain_lib PROPERTIES
  OUTPUT_NAME retain
  EXPORT_NAME retain
  PUBLIC_HEADER ${PROJECT_SOURCE_DIR}/include/retain.h)
target_include_directories(retain_lib
  INTERFACE $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
            $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)

# What a program linking the library needs besides it: the maths library
# (by name, so the installed files name no path of this machine) and
# whatever C11 threads take here (nothing on current glibc).
set(RETAIN_LINK_FLAGS "")
if(MATH_LIBRARY)
  target_link_libraries(retain_lib PRIVATE m)
  string(APPEND RETAIN_LINK_FLAGS " -lm")
endif()
set(RETAIN_FIND_THREADS "")
if(Threads_FOUND)
  target_link_libraries(retain_lib PRIVATE Threads::Threads)
  set(RETAIN_FIND_THREADS "find_dependency(Threads)")
  if(CMAKE_THREAD_LIBS_INIT)
    string(APPEND RETAIN_LINK_FLAGS " ${CMAKE_THREAD_LIBS_INIT}")
  endif()
endif()

include(src/lib/install.cmake)
