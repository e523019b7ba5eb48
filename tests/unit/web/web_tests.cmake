# The web module's tests. Included by tests/unit/CMakeLists.txt (include(web/web_tests.cmake)).

hearth_unit_test(web_test LABEL web
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_world.cpp
    ${CMAKE_CURRENT_LIST_DIR}/http_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/format_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/router_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/site_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/children_page_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/server_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/access_matrix_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages_test.cpp
  LIBS hearth_web hearth_fake_store Boost::headers spdlog::spdlog Threads::Threads)
