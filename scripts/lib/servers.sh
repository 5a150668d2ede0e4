# RabbitMQ, Redis, PostgreSQL and MariaDB: one already listening on its local port is reused as it
# is (guest/guest, no Redis password, postgres with trust auth, MariaDB root without a password);
# otherwise the script starts its own from the installed Debian packages, with data under
# .polyshop/servers and logs under .polyshop/logs, never the system's /var/lib or /var/log.

RABBITMQ_PORT="${POLYSHOP_RABBITMQ_PORT:-5672}"
REDIS_PORT="${POLYSHOP_REDIS_PORT:-6379}"
POSTGRES_PORT="${POLYSHOP_POSTGRES_PORT:-5432}"
MARIADB_PORT="${POLYSHOP_MARIADB_PORT:-3306}"

# ---- probes: does the process on the port speak the expected protocol? ----

amqp_answers() { # an AMQP 0-9-1 broker answers the protocol header with a method frame on channel 0
  local reply
  reply="$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; printf 'AMQP\x00\x00\x09\x01' >&3; head -c 3 <&3" 2>/dev/null | od -An -tx1 | tr -d ' \n')" || true
  [ "$reply" = 010000 ]
}

redis_answers() {
  local reply
  reply="$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; printf 'PING\r\n' >&3; head -c 5 <&3" 2>/dev/null)" || true
  [ "$reply" = "+PONG" ]
}

postgres_answers() { PGCONNECT_TIMEOUT=3 pg_isready -q -h 127.0.0.1 -p "$1"; }

mariadb_answers() { mariadb-admin --no-defaults --connect-timeout=3 -h 127.0.0.1 -P "$1" -u root ping >/dev/null 2>&1; }

# ---- where a server's data goes ----

# Runs a command as a system user when we are root (the servers refuse to, or should not, run as
# root); as ourselves otherwise.
as_user_prefix() {
  if [ "$(id -u)" = 0 ]; then
    printf '%s\n' setpriv "--reuid=$1" "--regid=$1" --init-groups
  fi
}

# The data directory of a server that runs as another user. It is .polyshop/servers/<name>, unless
# that user cannot reach it (a checkout inside a private home directory): then a directory of the
# same name under /var/tmp, keyed by the checkout, so that it still survives restarts.
server_dir() { # name user
  local dir="$SERVERS_DIR/$1" prefix
  mkdir -p "$SERVERS_DIR"
  chmod 755 "$STATE_DIR" "$SERVERS_DIR"
  if [ "$(id -u)" = 0 ] && [ -n "${2:-}" ]; then
    mapfile -t prefix < <(as_user_prefix "$2")
    if ! "${prefix[@]}" test -x "$SERVERS_DIR" 2>/dev/null; then
      dir="/var/tmp""/polyshop-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)/$1"
      mkdir -p "$(dirname "$dir")"
      chmod 755 "$(dirname "$dir")"
    fi
    mkdir -p "$dir"
    chown "$2:" "$dir"
  fi
  mkdir -p "$dir"
  printf '%s' "$dir"
}

rotate_log() { # keeps the previous run's log as <log>.1
  if [ -s "$1" ]; then mv -f "$1" "$1.1"; fi
  mkdir -p "$(dirname "$1")"
  : >"$1"
}

server_failed() { # name log
  log_tail "$2"
  if [ "$WAIT_FAILURE" = exited ]; then
    die "$1 exited while starting: see $(rel "$2")"
  fi
  die "$1 did not become ready in time: see $(rel "$2")"
}

# ---- starting our own servers (each takes the port and the data directory) ----

start_own_rabbitmq() {
  local port="$1" dir="$2" log="$LOG_DIR/rabbitmq.log" bin=/usr/lib/rabbitmq/bin epmd_port="${POLYSHOP_EPMD_PORT:-4369}"
  mkdir -p "$dir/home" "$dir/mnesia" "$LOG_DIR/rabbitmq"
  # Every listener on loopback; the side ports follow the AMQP port so that a second broker on
  # another port does not collide with the first one.
  cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$port
management.tcp.ip = 127.0.0.1
management.tcp.port = $((port + 10000))
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = $((port + 10020))
stream.listeners.tcp.default = 127.0.0.1:$((port - 120))
EOF
  : >"$dir/rabbitmq-env.conf"
  # The CLI and the server share the Erlang cookie through HOME; the rabbitmq* wrappers in
  # /usr/sbin would switch user and drop this environment, so the scripts are called directly.
  local env=(
    "HOME=$dir/home"
    "RABBITMQ_CONF_ENV_FILE=$dir/rabbitmq-env.conf"
    "RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf"
    "RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins"
    "RABBITMQ_MNESIA_BASE=$dir/mnesia"
    "RABBITMQ_LOG_BASE=$LOG_DIR/rabbitmq"
    "RABBITMQ_NODENAME=polyshop-$port@localhost"
    "RABBITMQ_DIST_PORT=$((port + 20000))"
    "ERL_EPMD_ADDRESS=127.0.0.1"
    "ERL_EPMD_PORT=$epmd_port"
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
    "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  )
  rotate_log "$log"
  if [ ! -f "$dir/enabled_plugins" ]; then
    env "${env[@]}" "$bin/rabbitmq-plugins" enable --offline rabbitmq_management \
      rabbitmq_consistent_hash_exchange rabbitmq_prometheus rabbitmq_stream >>"$log" 2>&1 ||
      { log_tail "$log"; die "enabling the RabbitMQ plugins failed: see $(rel "$log")"; }
  fi
  # Erlang would start epmd as a daemon nobody could stop by PID: start it here unless one runs.
  if ! port_open "$epmd_port"; then
    start_bg epmd "$LOG_DIR/epmd.log" "epmd -address 127.0.0.1" TERM -- \
      "$(command -v epmd || echo /usr/bin/epmd)" -address 127.0.0.1 -port "$epmd_port"
    wait_for 10 "$LAST_PID" epmd -- port_open "$epmd_port" || server_failed epmd "$LOG_DIR/epmd.log"
  fi
  # The extra "-polyshop_dir" argument is ignored by Erlang; it names the data directory on the
  # command line so that the process can be recognised.
  start_bg rabbitmq "$log" "$dir" TERM -- env "${env[@]}" "$bin/rabbitmq-server" -polyshop_dir "$dir"
  # The AMQP port opens only once the broker has booted.
  wait_for 180 "$LAST_PID" RabbitMQ -- port_open "$port" || server_failed RabbitMQ "$log"
}

start_own_redis() {
  local port="$1" dir="$2" log="$LOG_DIR/redis.log"
  rotate_log "$log"
  # redis-server rewrites its command line to "redis-server 127.0.0.1:<port>".
  start_bg redis "$log" "redis-server 127.0.0.1:$port" TERM -- "$(command -v redis-server || echo /usr/bin/redis-server)" \
    --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly yes --daemonize no --logfile ''
  wait_for 30 "$LAST_PID" Redis -- redis_answers "$port" || server_failed Redis "$log"
}

postgres_bin() { # the newest installed PostgreSQL's binaries
  find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1
}

start_own_postgres() {
  local port="$1" dir="$2" log="$LOG_DIR/postgresql.log" bin prefix=()
  bin="$(postgres_bin)"
  [ -x "$bin/postgres" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql"
  mapfile -t prefix < <(as_user_prefix postgres)
  rotate_log "$log"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    # Trust auth on loopback, like the machines where PostgreSQL is already running.
    "${prefix[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >>"$log" 2>&1 ||
      { log_tail "$log"; die "initdb failed: see $(rel "$log")"; }
  fi
  # -k keeps the unix socket out of /var/run/postgresql. SIGINT is PostgreSQL's fast shutdown.
  start_bg postgresql "$log" "$dir/data" INT -- "${prefix[@]}" "$bin/postgres" -D "$dir/data" \
    -c listen_addresses=127.0.0.1 -p "$port" -k "$dir"
  wait_for 60 "$LAST_PID" PostgreSQL -- postgres_answers "$port" || server_failed PostgreSQL "$log"
}

start_own_mariadb() {
  local port="$1" dir="$2" log="$LOG_DIR/mariadb.log" run_as=()
  if [ "$(id -u)" = 0 ]; then run_as=(--user=mysql); fi
  rotate_log "$log"
  if [ ! -d "$dir/data/mysql" ]; then
    rm -rf "$dir/data"
    # "normal" gives root on localhost, 127.0.0.1 and ::1 an empty password, so JDBC logs in over TCP.
    mariadb-install-db --no-defaults "${run_as[@]}" --datadir="$dir/data" \
      --auth-root-authentication-method=normal --skip-test-db >>"$log" 2>&1 ||
      { log_tail "$log"; die "mariadb-install-db failed: see $(rel "$log")"; }
  fi
  # --no-defaults ignores /etc/mysql; without --log-error the server logs to our log file.
  start_bg mariadb "$log" "$dir/data" TERM -- "$(command -v mariadbd || echo /usr/sbin/mariadbd)" --no-defaults "${run_as[@]}" \
    --datadir="$dir/data" --bind-address=127.0.0.1 --port="$port" \
    --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid"
  wait_for 60 "$LAST_PID" MariaDB -- mariadb_answers "$port" || server_failed MariaDB "$log"
}

# ---- the steps ----

# server_step TITLE PORT PROBE START_FUNCTION DATA_NAME DATA_USER CLIENT_PACKAGE SERVER_PACKAGE...
# The client package is needed even for a server that is reused (to probe it, to create databases).
server_step() {
  local title="$1" port="$2" probe="$3" start="$4" name="$5" user="$6" client="$7" dir
  shift 7
  step "$title"
  INSTALLED_PACKAGES=""
  if [ -n "$client" ]; then ensure_packages "$client"; fi
  if port_open "$port"; then
    "$probe" "$port" || die "port $port is in use by $(port_holder "$port"), which does not answer as $title; free the port"
    step_done "reused 127.0.0.1:$port${INSTALLED_PACKAGES:+ (installed $INSTALLED_PACKAGES)}"
    return 0
  fi
  ensure_packages "$@"
  # A package's install scripts may have started the server after all.
  if port_open "$port" && "$probe" "$port"; then
    step_done "reused 127.0.0.1:$port (installed $INSTALLED_PACKAGES)"
    return 0
  fi
  dir="$(server_dir "$name" "$user")"
  "$start" "$port" "$dir"
  step_done "started 127.0.0.1:$port${INSTALLED_PACKAGES:+ (installed $INSTALLED_PACKAGES)}, data $(rel "$dir"), log $(rel "$LOG_DIR")/$name.log"
}

step_rabbitmq() { server_step RabbitMQ "$RABBITMQ_PORT" amqp_answers start_own_rabbitmq rabbitmq "" "" rabbitmq-server; }
step_redis() { server_step Redis "$REDIS_PORT" redis_answers start_own_redis redis "" "" redis-server; }
step_postgres() {
  server_step PostgreSQL "$POSTGRES_PORT" postgres_answers start_own_postgres postgresql postgres postgresql-client postgresql
}
step_mariadb() {
  server_step MariaDB "$MARIADB_PORT" mariadb_answers start_own_mariadb mariadb mysql mariadb-client mariadb-server
}

psql_admin() { PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
mariadb_admin() { mariadb --no-defaults --connect-timeout=5 -h 127.0.0.1 -P "$MARIADB_PORT" -u root "$@"; }

# A namespaced run is a throw-away one: its databases and Redis keys are emptied at every start.
reset_namespace() {
  local out keys
  out="$(psql_admin -qc "drop database if exists $ORDERS_DB" 2>&1)" || die "cannot drop $ORDERS_DB in PostgreSQL: $out"
  out="$(mariadb_admin -e "drop database if exists $CATALOG_DB" 2>&1)" || die "cannot drop $CATALOG_DB in MariaDB: $out"
  ensure_packages redis-tools
  keys="$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --scan --pattern "$REDIS_KEY_PREFIX*" 2>&1)" ||
    die "cannot list the Redis keys $REDIS_KEY_PREFIX*: $keys"
  if [ -n "$keys" ]; then
    printf '%s\n' "$keys" | xargs -r -d '\n' redis-cli -h 127.0.0.1 -p "$REDIS_PORT" del >/dev/null ||
      die "cannot delete the Redis keys $REDIS_KEY_PREFIX*"
  fi
}

step_databases() {
  local made=() have=() out
  step "Databases"
  if [ -n "$NAMESPACE" ]; then reset_namespace; fi
  out="$(psql_admin -tAc "select 1 from pg_database where datname = '$ORDERS_DB'" 2>&1)" ||
    die "cannot query PostgreSQL on 127.0.0.1:$POSTGRES_PORT as postgres (trust auth expected): $out"
  if [ "$out" = 1 ]; then
    have+=("$ORDERS_DB")
  else
    out="$(psql_admin -qc "create database $ORDERS_DB" 2>&1)" || die "cannot create database $ORDERS_DB in PostgreSQL: $out"
    made+=("$ORDERS_DB")
  fi
  out="$(mariadb_admin -Nse "select count(*) from information_schema.schemata where schema_name = '$CATALOG_DB'" 2>&1)" ||
    die "cannot query MariaDB on 127.0.0.1:$MARIADB_PORT as root without a password: $out"
  if [ "$out" = 1 ]; then
    have+=("$CATALOG_DB")
  else
    out="$(mariadb_admin -e "create database if not exists $CATALOG_DB character set utf8mb4 collate utf8mb4_unicode_ci" 2>&1)" ||
      die "cannot create database $CATALOG_DB in MariaDB: $out"
    made+=("$CATALOG_DB")
  fi
  step_done "${NAMESPACE:+namespace $NAMESPACE emptied; }${made[*]:+created ${made[*]}}${made[*]:+${have[*]:+; }}${have[*]:+present ${have[*]}}"
}
