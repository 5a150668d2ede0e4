# nginx for the local run, from nginx/local.conf.template with a private prefix under .polyshop/nginx.

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

render_nginx_conf() { # prefix
  local prefix="$1" user_directive="# (not root: the workers run as this user anyway)" entry name port var
  mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/temp" "$LOG_DIR"
  if [ "$(id -u)" = 0 ]; then user_directive="user root;"; fi
  sed -e "s|@PREFIX@|$(sed_escape "$prefix")|g" \
    -e "s|@SITE_DIR@|$(sed_escape "$ROOT/nginx")|g" \
    -e "s|@LOG_DIR@|$(sed_escape "$LOG_DIR")|g" \
    -e "s|@USER_DIRECTIVE@|$user_directive|" \
    "$ROOT/nginx/local.conf.template" >"$prefix/conf/nginx.conf"
  local subst=()
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port _ <<<"$entry"
    var="$(tr 'a-z-' 'A-Z_' <<<"$name")_ADDR"
    subst+=(-e "s|\\\${$var}|127.0.0.1:$port|g")
  done
  sed "${subst[@]}" "$ROOT/nginx/upstreams.conf.template" >"$prefix/conf/upstreams.conf"
  if grep -v '^[[:space:]]*#' "$prefix/conf/upstreams.conf" | grep -q '\${'; then
    die "nginx/upstreams.conf.template names an upstream address the script does not fill in"
  fi
}

nginx_args() { # prefix
  printf '%s\n' -p "$1/" -c "$1/conf/nginx.conf" -e "$LOG_DIR/nginx-error.log"
}

step_nginx() {
  local prefix="$STATE_DIR/nginx" args=() out
  step "nginx"
  INSTALLED_PACKAGES=""
  [ -x "$(nginx_bin)" ] || ensure_packages nginx
  render_nginx_conf "$prefix"
  mapfile -t args < <(nginx_args "$prefix")
  out="$("$(nginx_bin)" -t -q "${args[@]}" 2>&1)" || { printf '%s\n' "$out" >&2; die "nginx -t rejects $(rel "$prefix/conf/nginx.conf")"; }
  rotate_log "$LOG_DIR/nginx.log"
  start_bg nginx "$LOG_DIR/nginx.log" "$prefix/conf/nginx.conf" TERM -- "$(nginx_bin)" "${args[@]}" -g 'daemon off;'
  wait_for 20 "$LAST_PID" nginx -- http_ok "http://127.0.0.1:$NGINX_PORT/" || server_failed nginx "$LOG_DIR/nginx-error.log"
  step_done "serving 127.0.0.1:$NGINX_PORT${INSTALLED_PACKAGES:+ (installed $INSTALLED_PACKAGES)} (logs: $(rel "$LOG_DIR")/nginx-*.log)"
}
