# Background processes started by this script, tracked by PID only.
#
# Every process is started in a session of its own (setsid): a Ctrl-C in the terminal reaches the
# script alone, which then stops everything in reverse order of start, each with the signal that
# shuts it down cleanly. Each process has a file in the session's PID directory:
#   <seq>-<name>: line 1 the PID, line 2 a string its command line must contain (so that a PID
#   reused by an unrelated process after a crash is never signalled), line 3 the stop signal.

PID_DIR=""     # set by the command: .polyshop/pids for run/start, .polyshop/test-pids for test
STOP_GRACE=30  # seconds a process gets to stop before it is killed

use_pid_dir() { PID_DIR="$1"; mkdir -p "$PID_DIR"; }

# True while the PID is a live process (a zombie counts as gone) whose command line contains $2.
pid_matches() {
  local pid="$1" match="$2" state
  [ -r "/proc/$pid/stat" ] || return 1
  state="$(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [ "$state" != Z ] || return 1
  [ -z "$match" ] && return 0
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -qF -- "$match"
}

track() { # name pid match signal
  local seq
  seq=$(printf '%02d' $(($(find "$PID_DIR" -maxdepth 1 -type f | wc -l) + 1)))
  printf '%s\n%s\n%s\n' "$2" "$3" "${4:-TERM}" >"$PID_DIR/$seq-$1"
}

# start_bg NAME LOG MATCH SIGNAL -- COMMAND...: starts COMMAND in its own session, output to LOG.
start_bg() {
  local name="$1" log="$2" match="$3" signal="$4"
  shift 5
  mkdir -p "$(dirname "$log")"
  setsid "$@" >>"$log" 2>&1 </dev/null 6>&- 7>&- 8>&- 9>&- &
  LAST_PID=$!
  track "$name" "$LAST_PID" "$match" "$signal"
}

tracked_alive() { # true if the tracked process of file $1 still runs
  local pid match
  { read -r pid; read -r match; } <"$1"
  pid_matches "$pid" "$match"
}

stop_tracked() { # stops the process of one PID file, then removes the file
  local file="$1" pid match signal name waited=0
  { read -r pid; read -r match; read -r signal; } <"$file"
  name="$(basename "$file" | cut -d- -f2-)"
  if pid_matches "$pid" "$match"; then
    kill -s "$signal" "$pid" 2>/dev/null || true
    while pid_matches "$pid" "$match" && [ "$waited" -lt $((STOP_GRACE * 10)) ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if pid_matches "$pid" "$match"; then
      echo "      $name (pid $pid) did not stop within ${STOP_GRACE}s: killed"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    # Whatever the process left in its own process group (workers, helpers) goes with it.
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    STOPPED_NAMES+=("$name")
  fi
  rm -f "$file"
}

# Stops every process of the session's PID directory, newest first.
stop_all() {
  STOPPED_NAMES=()
  [ -d "$PID_DIR" ] || return 0
  local file
  for file in $(find "$PID_DIR" -maxdepth 1 -type f | sort -r); do
    stop_tracked "$file"
  done
}

# Forgets PID files whose process is gone (after a crash or a reboot).
forget_dead() {
  local file
  [ -d "$PID_DIR" ] || return 0
  for file in "$PID_DIR"/*; do
    [ -f "$file" ] || continue
    tracked_alive "$file" || rm -f "$file"
  done
}

live_tracked_count() {
  forget_dead
  find "$PID_DIR" -maxdepth 1 -type f | wc -l
}

# ---- one command at work per tree ----

# Takes the lock of a file on a file descriptor (6 or 7) that stays open until the script exits,
# and notes our PID in it. Fails at once when another process holds it.
acquire_lock() { # file fd
  eval "exec $2>>\"\$1\""
  flock -n "$2" || return 1
  printf '%s\n' "$$" >"$1"
}

lock_holder() { # the PID of the ./polyshop that holds the lock of a file; fails if none does
  local pid
  [ -f "$1" ] || return 1
  if flock -n "$1" true 2>/dev/null; then return 1; fi
  pid="$(head -n1 "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && pid_matches "$pid" polyshop && printf '%s' "$pid"
}

# ---- ports ----

port_open() { # something accepts TCP connections on 127.0.0.1:$1
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

port_holder() { # "nginx (pid 123)" for the process listening on the port, when it can be told
  local line
  line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n1)" || true
  if [[ "$line" =~ users:\(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
    printf '%s (pid %s)' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
  else
    printf 'another process'
  fi
}

# Waits until a command succeeds. wait_for SECONDS PID DESCRIPTION -- COMMAND...
# Fails early when PID (if not empty) dies; sets WAIT_FAILURE to "timeout" or "exited".
wait_for() {
  local seconds="$1" pid="$2" deadline
  shift 4
  deadline=$(($(date +%s) + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ -n "$pid" ] && ! pid_matches "$pid" ""; then WAIT_FAILURE=exited; return 1; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then WAIT_FAILURE=timeout; return 1; fi
    sleep 0.3
  done
}

http_status() { # prints the HTTP status of a GET (000 when nothing answers)
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

http_ok() { [ "$(http_status "$1")" = 200 ]; }
