#!/usr/bin/env bash
# tipmonitor's JShell notebook.
#
#   bash examples/jshell.sh                     open JShell on the library with examples/jshell/monitor.jsh loaded
#   bash examples/jshell.sh --run 01-records    run chapters non-interactively (names with or without .jsh)
#   bash examples/jshell.sh --all               run every chapter examples/jshell/NN-*.jsh
#
# Options: --no-build uses the jars as they are (otherwise they are built when missing or older than a source);
# --offline passes -o to Maven. The class path is the command line's shaded jar monitor-cli/target/monitor.jar,
# which holds the library, all its dependencies and the bundled data, then examples/target/notebook.jar, the
# notebook's helpers. The bundled sample is read on the first call of data().
#
# Exit status of --run/--all: 0 when every chapter passed; 1 when a chapter failed: a rejected snippet or an
# exception (every failed check throws), a non-zero /exit status, or no closing "CHAPTER PASSED" line.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
notebook="$here/jshell"
cli_jar="$root/monitor-cli/target/monitor.jar"
notebook_jar="$here/target/notebook.jar"
class_path="$cli_jar:$notebook_jar"

mode=interactive
build=auto
maven_flags=(-q -B)
chapters=()
while [ $# -gt 0 ]; do
  case "$1" in
    --run) mode=run; shift
           while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do chapters+=("${1%.jsh}"); shift; done
           [ ${#chapters[@]} -gt 0 ] || { echo "jshell.sh: --run needs chapter names" >&2; exit 2; } ;;
    --all) mode=run; shift
           for f in "$notebook"/[0-9][0-9]-*.jsh; do n="$(basename "$f")"; chapters+=("${n%.jsh}"); done ;;
    --no-build) build=never; shift ;;
    --offline) maven_flags+=(-o); shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "jshell.sh: unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done

stale() {
  local jar
  for jar in "$cli_jar" "$notebook_jar"; do
    [ ! -f "$jar" ] && return 0
    [ -n "$(find "$root"/pom.xml "$root"/monitor-*/pom.xml "$root"/monitor-*/src/main "$here"/pom.xml \
            "$here"/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  done
  return 1
}
if [ "$build" = auto ] && stale; then
  echo "jshell.sh: building monitor-cli/target/monitor.jar and examples/target/notebook.jar" >&2
  (cd "$root" && mvn "${maven_flags[@]}" -pl examples -am -DskipTests package)
fi
for jar in "$cli_jar" "$notebook_jar"; do
  [ -f "$jar" ] || { echo "jshell.sh: $jar is missing; run without --no-build" >&2; exit 2; }
done

# Quick start (issue 14): the snippets run in JShell's own virtual machine (--execution local, the jars on its class
# path as well), which spares starting and connecting a second one; that machine compiles with the client compiler
# only, which is enough for the notebook's work and saves seconds of the optimising compiler at every start; and it
# maps the class-data archive examples/target/jshell.jsa that the build makes (JShell's compiler and the library as
# the start loads them), when the archive is newer than the jars. The JVM ignores, silently, an archive that does
# not fit, so a missing or stale archive costs start-up time, never a failure. JAVA_OPTS, when set, is passed on
# (after these, so it wins).
jshell_opts=(--execution local -J-cp "-J$class_path" --class-path "$class_path" -J-Dfile.encoding=UTF-8
             -J-XX:TieredStopAtLevel=1)
archive="$here/target/jshell.jsa"
if [ -f "$archive" ] && [ "$archive" -nt "$cli_jar" ] && [ "$archive" -nt "$notebook_jar" ]; then
  jshell_opts+=("-J-XX:SharedArchiveFile=$archive" -J-Xshare:auto -J-Xlog:cds=off -J-Xlog:cds+dynamic=off)
fi
# shellcheck disable=SC2206 # JAVA_OPTS is split on blanks, as java launchers do
for option in ${JAVA_OPTS:-}; do jshell_opts+=("-J$option"); done

if [ "$mode" = interactive ]; then
  exec jshell "${jshell_opts[@]}" "$notebook/monitor.jsh"
fi

failed=()
for chapter in "${chapters[@]}"; do
  file="$notebook/$chapter.jsh"
  if [ ! -f "$file" ]; then
    echo "jshell.sh: no chapter $chapter ($file)" >&2; failed+=("$chapter"); continue
  fi
  echo "=== $chapter"
  log="$(mktemp)"
  status=0
  # stdin from /dev/null: a chapter that never reaches its /exit ends instead of waiting for input.
  jshell "${jshell_opts[@]}" "$notebook/monitor.jsh" "$file" < /dev/null > "$log" 2>&1 || status=$?
  cat "$log"
  if [ "$status" -ne 0 ]; then
    echo "jshell.sh: $chapter exited with status $status" >&2; failed+=("$chapter")
  elif grep -Eq '^(\|  )?(Error:|Exception |Caused by:)' "$log"; then
    echo "jshell.sh: $chapter has a rejected snippet or an exception" >&2; failed+=("$chapter")
  elif ! grep -q "^CHAPTER PASSED: $chapter" "$log"; then
    echo "jshell.sh: $chapter did not finish" >&2; failed+=("$chapter")
  fi
  rm -f "$log"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "jshell.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "jshell.sh: all ${#chapters[@]} chapter(s) passed"
