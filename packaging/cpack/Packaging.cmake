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

# PNG icons for desktops and docks that do not read SVG, rendered from the same SVG at build
# time by tools/svg2png (QtSvg; ImageMagick here has no SVG delegate).
add_subdirectory(${CMAKE_SOURCE_DIR}/tools/svg2png ${CMAKE_BINARY_DIR}/tools/svg2png)
set(agentdesk_icon_svg ${CMAKE_SOURCE_DIR}/resources/app/${AGENTDESK_APP_ID}.svg)
set(agentdesk_icon_pngs "")
foreach(size 16 24 32 48 64 128 256)
    set(png ${CMAKE_BINARY_DIR}/icons/${size}x${size}/${AGENTDESK_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/${size}x${size}
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
                $<TARGET_FILE:svg2png> ${agentdesk_icon_svg} ${png} ${size}
        DEPENDS svg2png ${agentdesk_icon_svg}
        COMMENT "Rendering the ${size}x${size} app icon"
        VERBATIM)
    list(APPEND agentdesk_icon_pngs ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(agentdesk_icons ALL DEPENDS ${agentdesk_icon_pngs})

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
# qtbase_de.qm and friends: standard buttons and dialogs in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
include(CPack)
