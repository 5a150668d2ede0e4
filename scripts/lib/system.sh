# The parts of Polyshop itself: JWT keys, the embedded MongoDB/Couchbase stand-ins, the services.

# name:port:module, in start order (the event store first: the others may replay from it).
SERVICES=(
  event-store:8101:event-store
  customer-service:8102:customer-service
  product-service:8103:product-service
  order-service:8104:order-service
  accounting-service:8105:accounting-service
)
NGINX_PORT=8080
SERVICE_TIMEOUT="${POLYSHOP_SERVICE_TIMEOUT:-240}"

# POLYSHOP_NAMESPACE: a separate, throw-away set of stores for a second system on the same servers
# (RunCommandIT runs a fresh clone that way): databases and event-store data of its own, emptied at
# every start, Redis keys and RabbitMQ names with their own prefix, unused queues that expire.
NAMESPACE="${POLYSHOP_NAMESPACE:-}"
[[ "$NAMESPACE" =~ ^[a-z0-9_]*$ ]] || { echo "POLYSHOP_NAMESPACE may only hold a-z, 0-9 and _" >&2; exit 2; }
ORDERS_DB="polyshop_orders${NAMESPACE:+_$NAMESPACE}"
CATALOG_DB="polyshop_catalog${NAMESPACE:+_$NAMESPACE}"
REDIS_KEY_PREFIX="polyshop${NAMESPACE:+-$NAMESPACE}:"
if [ -n "$NAMESPACE" ]; then DATA_DIR="$STATE_DIR/data-$NAMESPACE"; fi

# The manager account customer-service creates, and the demo catalog loader logs in with.
MANAGER_USERNAME="${POLYSHOP_MANAGER_USERNAME:-admin}"
MANAGER_PASSWORD="${POLYSHOP_MANAGER_PASSWORD:-admin}"
# Small heaps and the C1 compiler only: five services start faster and fit on a small machine.
read -ra JAVA_OPTS <<<"${POLYSHOP_JAVA_OPTS:--XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1}"

# Every port the run binds itself must be free: a clear message beats a service that dies on it.
step_ports() {
  local entry port name busy=()
  step "Ports"
  for entry in "${SERVICES[@]}" "nginx:$NGINX_PORT" "MongoDB stand-in:27017" "Couchbase mock:8091" "Couchbase mock KV:11210"; do
    name="${entry%%:*}"
    port="$(cut -d: -f2 <<<"$entry")"
    if port_open "$port"; then busy+=("$port ($name) is in use by $(port_holder "$port")"); fi
  done
  if [ ${#busy[@]} -gt 0 ]; then
    local line
    for line in "${busy[@]}"; do say "port $line"; done
    die "ports Polyshop needs are taken; stop what holds them (a Polyshop started with ./polyshop start stops with ./polyshop stop)"
  fi
  step_done "8080, 8101-8105, 27017, 8091, 11210 free"
}

step_keys() {
  step "JWT keys"
  if [ -s "$KEY_DIR/private.pem" ] && [ -s "$KEY_DIR/public.pem" ]; then
    step_done "reused $(rel "$KEY_DIR")"
    return 0
  fi
  command -v openssl >/dev/null || ensure_packages openssl
  mkdir -p "$KEY_DIR"
  chmod 700 "$KEY_DIR"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEY_DIR/private.pem" 2>/dev/null) ||
    die "openssl could not generate the RSA key"
  openssl pkey -in "$KEY_DIR/private.pem" -pubout -out "$KEY_DIR/public.pem" 2>/dev/null ||
    die "openssl could not write the public key"
  step_done "generated an RSA key pair in $(rel "$KEY_DIR")"
}

step_embedded_stores() {
  local jar="$ROOT/embedded-stores/target/embedded-stores.jar" log="$LOG_DIR/embedded-stores.log"
  step "MongoDB and Couchbase stand-ins"
  if [ ! -f "$jar" ]; then
    step_done "skipped: not built yet (no $(rel "$jar"))"
    return 0
  fi
  if [ -n "$NAMESPACE" ]; then rm -rf "$DATA_DIR"; fi
  mkdir -p "$DATA_DIR"
  rotate_log "$log"
  # Not the services' C1-only options: the stand-ins are the event store's disk, the busiest process of a run, and
  # run about twice as fast with the optimising compiler.
  local store_opts
  read -ra store_opts <<<"${POLYSHOP_STORES_JAVA_OPTS:--XX:+UseSerialGC -Xmx512m}"
  start_bg embedded-stores "$log" "$jar" TERM -- java "${store_opts[@]}" -jar "$jar" --data-dir "$DATA_DIR"
  wait_for 120 "$LAST_PID" "embedded stores" -- grep -q 'embedded stores ready' "$log" ||
    server_failed "the embedded stores launcher" "$log"
  step_done "MongoDB 127.0.0.1:27017, Couchbase 8091/11210 (data $(rel "$DATA_DIR"), Couchbase in memory only)"
}

# The configuration of one service, as environment variables (the Quarkus way of overriding).
service_env() {
  local name="$1" port="$2"
  printf '%s\n' \
    "QUARKUS_HTTP_HOST=127.0.0.1" \
    "QUARKUS_HTTP_PORT=$port" \
    "MP_JWT_VERIFY_PUBLICKEY_LOCATION=$KEY_DIR/public.pem" \
    "MP_JWT_VERIFY_ISSUER=polyshop" \
    "POLYSHOP_RABBITMQ_HOST=127.0.0.1" \
    "POLYSHOP_RABBITMQ_PORT=$RABBITMQ_PORT" \
    "POLYSHOP_RABBITMQ_USERNAME=guest" \
    "POLYSHOP_RABBITMQ_PASSWORD=guest" \
    "POLYSHOP_RABBITMQ_VIRTUAL_HOST=/"
  if [ -n "$NAMESPACE" ]; then
    printf '%s\n' "POLYSHOP_RABBITMQ_NAMESPACE=$NAMESPACE." "POLYSHOP_RABBITMQ_QUEUE_EXPIRY=PT5M"
  fi
  case "$name" in
    event-store) printf '%s\n' \
      "QUARKUS_MONGODB_CONNECTION_STRING=mongodb://127.0.0.1:27017" \
      "QUARKUS_MONGODB_DATABASE=eventstore" ;;
    customer-service) printf '%s\n' \
      "QUARKUS_REDIS_HOSTS=redis://127.0.0.1:$REDIS_PORT" \
      "SMALLRYE_JWT_SIGN_KEY_LOCATION=$KEY_DIR/private.pem" \
      "CUSTOMER_MANAGER_USERNAME=$MANAGER_USERNAME" \
      "CUSTOMER_MANAGER_PASSWORD=$MANAGER_PASSWORD" \
      "CUSTOMER_REDIS_KEY_PREFIX=$REDIS_KEY_PREFIX" ;;
    product-service) printf '%s\n' \
      "QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:$MARIADB_PORT/$CATALOG_DB" \
      "QUARKUS_DATASOURCE_USERNAME=root" ;;
    order-service) printf '%s\n' \
      "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$ORDERS_DB" \
      "QUARKUS_DATASOURCE_USERNAME=postgres" ;;
    accounting-service) printf '%s\n' \
      "ACCOUNTING_COUCHBASE_CONNECTION_STRING=couchbase://127.0.0.1:11210" \
      "ACCOUNTING_COUCHBASE_USERNAME=accounting" \
      "ACCOUNTING_COUCHBASE_PASSWORD=polyshop-local" \
      "ACCOUNTING_COUCHBASE_BUCKET=accounting" ;;
  esac
}

declare -A SERVICE_PID=()

launch_service() { # name port module: starts it if it is built, else says so
  local name="$1" port="$2" module="$3" jar env=()
  jar="$ROOT/$module/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ]; then
    return 1
  fi
  mapfile -t env < <(service_env "$name" "$port")
  rotate_log "$LOG_DIR/$name.log"
  start_bg "$name" "$LOG_DIR/$name.log" "$jar" TERM -- env "${env[@]}" java "${JAVA_OPTS[@]}" -jar "$jar"
  SERVICE_PID[$name]="$LAST_PID"
}

await_service() { # name port: one step, until /q/health/ready answers 200
  local name="$1" port="$2" log="$LOG_DIR/$1.log"
  step "$name"
  if [ -z "${SERVICE_PID[$name]:-}" ]; then
    step_done "skipped: not built yet (no $(rel "$ROOT/$3/target/quarkus-app/quarkus-run.jar"))"
    return 0
  fi
  if ! wait_for "$SERVICE_TIMEOUT" "${SERVICE_PID[$name]}" "$name" -- http_ok "http://127.0.0.1:$port/q/health/ready"; then
    log_tail "$log"
    if [ "$WAIT_FAILURE" = exited ]; then
      die "$name exited while starting: see $(rel "$log")"
    fi
    die "$name was not ready within ${SERVICE_TIMEOUT}s (http://127.0.0.1:$port/q/health/ready answers $(http_status "http://127.0.0.1:$port/q/health/ready")): see $(rel "$log")"
  fi
  step_done "ready on 127.0.0.1:$port (log: $(rel "$log"))"
}

step_services() {
  local entry name port module first=1
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port module <<<"$entry"
    launch_service "$name" "$port" "$module" || true
    if [ "$first" = 1 ]; then
      # The event store first: a service with an empty database rebuilds itself from it.
      await_service "$name" "$port" "$module"
      first=0
    fi
  done
  for entry in "${SERVICES[@]:1}"; do
    IFS=: read -r name port module <<<"$entry"
    await_service "$name" "$port" "$module"
  done
}
