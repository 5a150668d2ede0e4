# Progress output: one line per step, "[3/12] PostgreSQL ... reused 127.0.0.1:5432 (0.1s)".
# On a terminal a step's progress notes rewrite its line; in a log (CI, a test capturing the output)
# every note is a line of its own, so the output reads the same in both places.

STEP_NUMBER=0
STEP_TOTAL=0
STEP_NAME=""
STEP_STARTED=""

if [ -t 1 ]; then UI_TTY=1; else UI_TTY=0; fi

steps_total() { STEP_TOTAL="$1"; STEP_NUMBER=0; }

elapsed_since() { # seconds since an EPOCHREALTIME value, one decimal
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'
}

step() {
  STEP_NUMBER=$((STEP_NUMBER + 1))
  STEP_NAME="$1"
  STEP_STARTED="$EPOCHREALTIME"
  if [ "$UI_TTY" = 1 ]; then
    printf '[%d/%d] %s ...' "$STEP_NUMBER" "$STEP_TOTAL" "$STEP_NAME"
  fi
}

step_note() { # progress while a step runs
  if [ "$UI_TTY" = 1 ]; then
    printf '\r\033[K[%d/%d] %s ... %s' "$STEP_NUMBER" "$STEP_TOTAL" "$STEP_NAME" "$1"
  else
    printf '[%d/%d] %s ... %s\n' "$STEP_NUMBER" "$STEP_TOTAL" "$STEP_NAME" "$1"
  fi
}

step_done() { # the step's outcome, with its duration
  if [ "$UI_TTY" = 1 ]; then printf '\r\033[K'; fi
  printf '[%d/%d] %s ... %s (%s)\n' "$STEP_NUMBER" "$STEP_TOTAL" "$STEP_NAME" "$1" "$(elapsed_since "$STEP_STARTED")"
}

# A line that belongs to the current step but must stay visible (a skipped service, a warning).
say() {
  if [ "$UI_TTY" = 1 ] && [ -n "$STEP_NAME" ]; then printf '\r\033[K'; fi
  printf '      %s\n' "$*"
  if [ "$UI_TTY" = 1 ] && [ -n "$STEP_NAME" ]; then
    printf '[%d/%d] %s ...' "$STEP_NUMBER" "$STEP_TOTAL" "$STEP_NAME"
  fi
}

# Fatal error: the caller's EXIT trap stops whatever this session started.
die() {
  if [ "$UI_TTY" = 1 ] && [ -n "$STEP_NAME" ]; then printf '\r\033[K'; fi
  if [ -n "$STEP_NAME" ]; then
    printf '[%d/%d] %s ... FAILED (%s)\n' "$STEP_NUMBER" "$STEP_TOTAL" "$STEP_NAME" "$(elapsed_since "$STEP_STARTED")" >&2
  fi
  printf 'error: %s\n' "$*" >&2
  STEP_NAME=""
  exit 1
}

# The last lines of a log, indented, to show next to an error that points at it.
log_tail() {
  [ -f "$1" ] || return 0
  tail -n "${2:-15}" "$1" | sed 's/^/      | /' >&2
}

# Paths shown to the user are relative to the repository when they are inside it.
rel() { printf '%s' "${1#"$ROOT"/}"; }
