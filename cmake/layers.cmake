# layers.cmake — the one-way rule between stages: a file under analyzer/<stage>/ or
# include/disrupt/<stage>/ may include "disrupt/<other>/…" headers only of the stages listed
# for it below, and no header outside its own folder by a relative path. cli may use all.
#
# Used two ways: include()d by CMakeLists.txt, whose configure step fails on a violation,
# and as a script, `cmake -DROOT=<tree> -P cmake/layers.cmake`, which the tests run on the
# tree and on a fixture that breaks the rule.

set(DISRUPT_LAYER_core core)
set(DISRUPT_LAYER_ingest core ingest)
set(DISRUPT_LAYER_engine core engine)
set(DISRUPT_LAYER_detect core ingest engine detect)
set(DISRUPT_LAYER_workflows core ingest engine detect workflows)
set(DISRUPT_LAYER_simulate core ingest engine detect simulate)
set(DISRUPT_LAYER_plot core ingest engine detect workflows plot)
set(DISRUPT_LAYER_cli core ingest engine detect workflows simulate plot cli)

# Sets `out` to one line per violation ("FILE:LINE: stage X includes Y"), empty when none.
function(disrupt_check_layers root out)
  set(errors "")
  file(GLOB_RECURSE files RELATIVE ${root}
       ${root}/analyzer/*.c ${root}/analyzer/*.h ${root}/include/disrupt/*.h)
  foreach(rel ${files})
    if(NOT rel MATCHES "^(analyzer|include/disrupt)/([a-z]+)/[^/]+$")
      string(APPEND errors "${rel}: not in a stage folder\n")
      continue()
    endif()
    set(stage ${CMAKE_MATCH_2})
    if(NOT DEFINED DISRUPT_LAYER_${stage})
      string(APPEND errors "${rel}: '${stage}' is not a stage (see cmake/layers.cmake)\n")
      continue()
    endif()
    file(STRINGS ${root}/${rel} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line ${lines})
      if(line MATCHES "\"disrupt/([a-z]+)/")
        list(FIND DISRUPT_LAYER_${stage} ${CMAKE_MATCH_1} allowed)
        if(allowed EQUAL -1)
          string(APPEND errors "${rel}: stage ${stage} includes stage ${CMAKE_MATCH_1}: ${line}\n")
        endif()
      elseif(line MATCHES "\"[^\"]*\\.\\./")
        string(APPEND errors "${rel}: includes outside its folder: ${line}\n")
      endif()
    endforeach()
  endforeach()
  set(${out} "${errors}" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND NOT CMAKE_PARENT_LIST_FILE)
  if(NOT ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<source tree> -P cmake/layers.cmake")
  endif()
  get_filename_component(root "${ROOT}" ABSOLUTE)
  disrupt_check_layers(${root} errors)
  if(errors)
    message(FATAL_ERROR "a stage includes a stage it may not use:\n${errors}")
  endif()
  message(STATUS "layers: every include goes to a stage below")
endif()
