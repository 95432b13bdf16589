# package.cmake — the Debian packages (CPack's DEB generator), one per install component:
#   disrupt          the program, its man pages and bash completion
#   libdisrupt0      the shared library
#   libdisrupt-dev   headers, static library, the .so link and disrupt.pc
# Library dependencies are found by dpkg-shlibdeps from what the binaries link. Each package
# carries the licence as copyright and a changelog (changelog.gz: a native package), as
# Debian policy asks.
# Build: make deb (Release build in build/, prefix /usr).

set(DISRUPT_DEB_PACKAGES runtime disrupt lib libdisrupt${PROJECT_VERSION_MAJOR} dev libdisrupt-dev)
set(DISRUPT_DEB_CHANGELOG ${CMAKE_BINARY_DIR}/changelog.Debian.gz)
add_custom_command(OUTPUT ${DISRUPT_DEB_CHANGELOG}
  COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/cmake/changelog.Debian > ${DISRUPT_DEB_CHANGELOG}
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/changelog.Debian VERBATIM)
add_custom_target(deb_changelog ALL DEPENDS ${DISRUPT_DEB_CHANGELOG})
list(LENGTH DISRUPT_DEB_PACKAGES count)
math(EXPR last "${count} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET DISRUPT_DEB_PACKAGES ${i} component)
  list(GET DISRUPT_DEB_PACKAGES ${j} package)
  string(TOUPPER ${component} COMPONENT)
  set(CPACK_DEBIAN_${COMPONENT}_PACKAGE_NAME ${package})
  set(CPACK_DEBIAN_${COMPONENT}_FILE_NAME DEB-DEFAULT)
  install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package}
          RENAME copyright COMPONENT ${component})
  install(FILES ${DISRUPT_DEB_CHANGELOG} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} RENAME changelog.gz
          COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime lib dev)
set(CPACK_PACKAGE_NAME disrupt)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "The disrupt authors <disrupt-maintainers@lists.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_STRIP_FILES ON)
# The linker cache through dpkg's ldconfig trigger (Debian policy 8.1.1), not the ldconfig
# calls CPack would write into postinst and postrm; given scripts replace those.
set(CPACK_DEBIAN_LIB_PACKAGE_CONTROL_EXTRA ${CMAKE_SOURCE_DIR}/cmake/deb/triggers
    ${CMAKE_SOURCE_DIR}/cmake/deb/postinst ${CMAKE_SOURCE_DIR}/cmake/deb/postrm)
set(CPACK_DEBIAN_LIB_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION science)
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# Zones for --tz come from tzdata's files; chart text needs a font (the tests use DejaVu).
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_LIB_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_LIB_PACKAGE_RECOMMENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libdisrupt${PROJECT_VERSION_MAJOR} (= ${PROJECT_VERSION}), libgsl-dev, libcairo2-dev, libpango1.0-dev, libjson-c-dev, nettle-dev, libqhull-dev, libcsv-dev")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "find and date internet disruptions in measurement time series\nReads CSV exports of traffic and network measurements (IODA, OONI, Tor\nMetrics, Google traffic, plain tables), finds the windows in which a\ncountry or network was shut down, throttled or had services blocked,\ndates them with 95% intervals, verifies claimed dates, compares years\nand draws annotated timeline charts. Runs offline, in batch.")
set(CPACK_COMPONENT_LIB_DESCRIPTION
    "internet disruption analysis library\nThe library behind disrupt(1): ingest of measurement exports, change-point\ndetection (PELT, binary segmentation, BOCPD), baselines, disruption windows\nwith confidence intervals, reports and cairo charts.")
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "internet disruption analysis library (development files)\nHeaders, the static library and the pkg-config file (disrupt.pc) for\nprograms that link libdisrupt.")
include(CPack)
