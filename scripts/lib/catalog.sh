# Loads scripts/demo-catalog.json into an empty shop through nginx, as the manager would: log in,
# then POST every category and its products. A shop that has categories is left as it is; a
# catalog or login API that is not there yet skips the step with the reason.

# api METHOD PATH [BODY]: sets API_STATUS and API_BODY.
api() {
  local out args=(-s -m 15 -X "$1" -w '\n%{http_code}' -H 'Accept: application/json')
  [ -n "${API_TOKEN:-}" ] && args+=(-H "Authorization: Bearer $API_TOKEN")
  [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  out="$(curl "${args[@]}" "http://127.0.0.1:$NGINX_PORT$2" 2>/dev/null)" || true
  API_STATUS="${out##*$'\n'}"
  API_BODY="${out%$'\n'*}"
  [ "$API_BODY" != "$out" ] || API_BODY=""
}

catalog_skipped() {
  if [ "${products:-0}" -gt 0 ] || [ "${categories:-0}" -gt 0 ]; then
    step_done "demo catalog incomplete after $categories categories and $products products: $1"
  else
    step_done "demo catalog skipped: $1"
  fi
}

step_demo_catalog() {
  local file="$ROOT/scripts/demo-catalog.json" count i category_id product products=0 categories=0
  step "Demo catalog"
  API_TOKEN=""
  if ! command -v jq >/dev/null; then
    if [ "$(id -u)" = 0 ]; then ensure_packages jq; else catalog_skipped "jq is not installed"; return 0; fi
  fi
  api GET /api/categories
  [ "$API_STATUS" = 200 ] || { catalog_skipped "GET /api/categories answers $API_STATUS"; return 0; }
  count="$(jq 'length' <<<"$API_BODY" 2>/dev/null)" || { catalog_skipped "GET /api/categories did not answer a JSON array"; return 0; }
  if [ "$count" != 0 ]; then
    step_done "the shop already has $count categories: left as it is"
    return 0
  fi
  api POST /api/auth/login "$(jq -nc --arg u "$MANAGER_USERNAME" --arg p "$MANAGER_PASSWORD" '{username: $u, password: $p}')"
  [ "$API_STATUS" = 200 ] || { catalog_skipped "manager login answers $API_STATUS"; return 0; }
  API_TOKEN="$(jq -r '.token // empty' <<<"$API_BODY" 2>/dev/null)"
  [ -n "$API_TOKEN" ] || { catalog_skipped "manager login answered no token"; return 0; }
  for ((i = 0; i < $(jq '.categories | length' "$file"); i++)); do
    api POST /api/categories "$(jq -c ".categories[$i] | {name}" "$file")"
    [ "$API_STATUS" = 201 ] || { catalog_skipped "POST /api/categories answers $API_STATUS: $API_BODY"; return 0; }
    categories=$((categories + 1))
    category_id="$(jq -r '.id' <<<"$API_BODY")"
    while IFS= read -r product; do
      api POST /api/products "$product"
      [ "$API_STATUS" = 201 ] || { catalog_skipped "POST /api/products answers $API_STATUS: $API_BODY"; return 0; }
      products=$((products + 1))
    done < <(jq -c --arg id "$category_id" ".categories[$i].products[] + {categoryId: \$id}" "$file")
  done
  API_TOKEN=""
  step_done "loaded $categories categories and $products products from $(rel "$file")"
}
