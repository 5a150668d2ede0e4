# Finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
# The machines this runs on may carry an older default java beside a newer JDK under /usr/lib/jvm.

java_major() { # prints the major version of the java binary given
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

use_java_21() {
  local candidate
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV) "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
      return 0
    fi
  done
  echo "No JDK 21 or newer found: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2
  return 1
}
