# Install rules and the CPack DEB for Debian 12 (design.md c.13). Included from the top-level
# CMakeLists.txt once the agentdesk target exists.
include(GNUInstallDirs)

set(AGENTDESK_APP_ID io.github.agentdesk.AgentDesk)

install(TARGETS agentdesk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Demo mode starts the simulator; it lives beside the app's private files, not on PATH.
install(TARGETS agentdesk-sim RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/agentdesk)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/${AGENTDESK_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/${AGENTDESK_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/app/${AGENTDESK_APP_ID}.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME agentdesk)
set(CPACK_PACKAGE_VENDOR "The AgentDesk developers")
set(CPACK_PACKAGE_CONTACT "AgentDesk developers <agentdesk@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Native desktop client for Coder Agents")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps sees only linked libraries; the plugins Qt loads at run time and libsecret
# (dlopened by QtKeychain) must be named by hand (toolchain.md §1, §6).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qt6-qpa-plugins, libqt6svg6, qt6-image-formats-plugins, libsecret-1-0, fonts-dejavu-core | fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
include(CPack)
