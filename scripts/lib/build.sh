# Builds the modules whose artifact is missing or older than their sources, quietly, into a log.

FOREGROUND_PID=""  # a long command (the build, the tests) in a session of its own, for the cleanup

# The modules whose artifacts the local run starts; Maven's -am builds the libraries they need.
run_modules() {
  local entry
  echo embedded-stores
  for entry in "${SERVICES[@]}"; do cut -d: -f3 <<<"$entry"; done
}

reactor_modules() {
  sed -n 's|^[[:space:]]*<module>\(.*\)</module>.*|\1|p' "$ROOT/pom.xml"
}

# The reactor modules a module depends on, directly or not (module directories are artifact ids).
module_deps() {
  local module="$1" other
  for other in $(reactor_modules); do
    [ "$other" != "$module" ] || continue
    if grep -q "<artifactId>$other</artifactId>" "$ROOT/$module/pom.xml" 2>/dev/null; then
      echo "$other"
      module_deps "$other"
    fi
  done | sort -u
}

module_artifact() { # the file a build of the module leaves behind
  local module="$1"
  if grep -q quarkus-maven-plugin "$ROOT/$module/pom.xml" 2>/dev/null; then
    printf '%s' "$ROOT/$module/target/quarkus-app/quarkus-run.jar"
  else
    find "$ROOT/$module/target" -maxdepth 1 -name '*.jar' -printf '%T@ %p\n' 2>/dev/null | sort -rn | head -n1 | cut -d' ' -f2-
  fi
}

# Stale: no artifact yet, or a source of the module or of a library it uses is newer than it.
module_stale() {
  local module="$1" artifact dep sources=()
  [ -f "$ROOT/$module/pom.xml" ] || return 1
  artifact="$(module_artifact "$module")"
  [ -n "$artifact" ] && [ -f "$artifact" ] || return 0
  sources=("$ROOT/pom.xml" "$ROOT/$module/pom.xml" "$ROOT/$module/src")
  for dep in $(module_deps "$module"); do sources+=("$ROOT/$dep/pom.xml" "$ROOT/$dep/src"); done
  [ -n "$(find "${sources[@]}" -type f -newer "$artifact" -print -quit 2>/dev/null)" ]
}

# Runs a command in a session of its own so that an interrupt can stop it with its forks, and
# returns its exit status. The command's output goes where the caller redirects this function's.
run_interruptibly() {
  setsid "$@" </dev/null 6>&- 7>&- 8>&- 9>&- &
  FOREGROUND_PID=$!
  local rc=0
  wait "$FOREGROUND_PID" || rc=$?
  FOREGROUND_PID=""
  return "$rc"
}

stop_foreground() {
  if [ -n "$FOREGROUND_PID" ]; then
    kill -TERM -- "-$FOREGROUND_PID" 2>/dev/null || true
    wait "$FOREGROUND_PID" 2>/dev/null || true
    FOREGROUND_PID=""
  fi
}

build_errors() { # the first lines of Maven's errors that say something (not its advice)
  grep '^\[ERROR\]' "$1" |
    grep -v -E 'Help 1|-e switch|-X switch|^\[ERROR\] *$|For more information|After correcting|mvn <args>|^\[ERROR\] *-> ' |
    head -n 8 | sed 's/^/      | /' >&2 || true
}

step_build() {
  local modules=() stale=() module log="$LOG_DIR/build.log" rc=0 shown="" current args
  step "Build"
  mapfile -t modules < <(run_modules)
  for module in "${modules[@]}"; do
    module_stale "$module" && stale+=("$module")
  done
  if [ ${#stale[@]} -eq 0 ]; then
    step_done "up to date"
    return 0
  fi
  args=(install -DskipTests -fae -Dquarkus.analytics.disabled=true -pl "$(IFS=,; echo "${stale[*]}")" -am)
  step_note "./mvnw ${args[*]} (log: $(rel "$log"))"
  rotate_log "$log"
  setsid "$ROOT/mvnw" "${args[@]}" >>"$log" 2>&1 </dev/null 6>&- 7>&- 8>&- 9>&- &
  FOREGROUND_PID=$!
  while pid_matches "$FOREGROUND_PID" ""; do
    current="$(sed -n 's/^\[INFO\] Building \(.*\) [0-9][^ ]* *\[\([0-9]*\/[0-9]*\)\]$/\1 [\2]/p' "$log" | tail -n1)"
    if [ -n "$current" ] && [ "$current" != "$shown" ]; then
      step_note "building $current"
      shown="$current"
    fi
    sleep 1
  done
  wait "$FOREGROUND_PID" || rc=$?
  FOREGROUND_PID=""
  if [ "$rc" = 0 ]; then
    step_done "built ${stale[*]} (log: $(rel "$log"))"
    return 0
  fi
  # Modules that fail while others are being written must not stop the run: it goes on with the
  # artifacts that exist, and says which are missing.
  local failed
  failed="$(sed -n 's/^\[INFO\] \(.*[^ ]\) \.\.*[ ]*\(FAILURE\|SKIPPED\).*/\1 (\2)/p' "$log" | tr '\n' ' ')"
  build_errors "$log"
  step_done "FAILED for ${failed:-some modules}- going on with the artifacts that exist (log: $(rel "$log"))"
}
