# Coverage-guided fuzzing with libFuzzer (clang): every source is instrumented for coverage
# and checked by AddressSanitizer and UndefinedBehaviorSanitizer; each tests/fuzz/fuzz_*.c
# is one harness linked with libFuzzer's driver. `make fuzz` configures a tree with this
# and runs tests/fuzz/run.sh.
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "DISRUPT_FUZZ needs clang (libFuzzer): cmake -DCMAKE_C_COMPILER=clang")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                    -fno-sanitize-recover=undefined -g)
add_link_options(-fsanitize=address,undefined)

function(disrupt_add_fuzzers)
  file(GLOB harnesses CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.c)
  set(names)
  foreach(src ${harnesses})
    get_filename_component(name ${src} NAME_WE)
    add_executable(${name} ${src})
    target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/fuzz)
    target_link_libraries(${name} PRIVATE disrupt)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    list(APPEND names ${name})
  endforeach()
  add_custom_target(fuzzers DEPENDS ${names})
endfunction()
