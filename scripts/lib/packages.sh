# Debian packages: installed with apt when they are missing and we are root; otherwise a clear
# message says what to install.

APT_UPDATED=0
INSTALLED_PACKAGES=""

package_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

# ensure_packages PACKAGE...: installs the missing ones and adds their names to INSTALLED_PACKAGES.
ensure_packages() {
  local missing=() pkg log="$LOG_DIR/apt.log" made_policy=0
  for pkg in "$@"; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    die "missing Debian packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})"
  fi
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them with"
  mkdir -p "$LOG_DIR"
  # Without systemd, a package's install script would start its daemon with the system's data
  # and log directories. policy-rc.d answering 101 is Debian's way to forbid that; put one in place
  # for the install only, unless the machine already has one.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  step_note "installing ${missing[*]} with apt (log: $(rel "$log"))"
  if [ "$APT_UPDATED" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update >>"$log" 2>&1 || true
    APT_UPDATED=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
    [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
    log_tail "$log"
    die "apt-get install ${missing[*]} failed (see $(rel "$log"))"
  fi
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  INSTALLED_PACKAGES="${INSTALLED_PACKAGES:+$INSTALLED_PACKAGES }${missing[*]}"
  return 0
}
