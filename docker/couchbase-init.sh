#!/bin/sh
# One-shot set-up of the Couchbase server in docker-compose.yml (runs in the couchbase image, which carries
# couchbase-cli and curl): initialise the single-node cluster, create the bucket, and create the RBAC user that
# accounting-service logs in with. The user is named like the bucket and has the bucket's password, because the
# in-process stand-in of the local run and the tests authenticates exactly that way: one configuration for both.
# Every step first looks whether its work is already done, so later starts change nothing.
set -eu

: "${COUCHBASE_HOST:?}" "${COUCHBASE_ADMIN_USERNAME:?}" "${COUCHBASE_ADMIN_PASSWORD:?}"
: "${COUCHBASE_BUCKET:?}" "${COUCHBASE_BUCKET_PASSWORD:?}"

PATH="/opt/couchbase/bin:$PATH"
cluster="http://$COUCHBASE_HOST:8091"
admin() { # couchbase-cli <command> with the administrator's credentials
  command="$1"
  shift
  couchbase-cli "$command" --cluster "$cluster" --username "$COUCHBASE_ADMIN_USERNAME" \
    --password "$COUCHBASE_ADMIN_PASSWORD" "$@"
}

if admin server-list >/dev/null 2>&1; then
  echo "couchbase-init: cluster already initialised"
else
  echo "couchbase-init: initialising the cluster (data, index and query services)"
  couchbase-cli cluster-init --cluster "$cluster" \
    --cluster-username "$COUCHBASE_ADMIN_USERNAME" --cluster-password "$COUCHBASE_ADMIN_PASSWORD" \
    --cluster-name polyshop --services data,index,query \
    --cluster-ramsize 512 --cluster-index-ramsize 256 --index-storage-setting default
fi

if admin bucket-list | grep -qx "$COUCHBASE_BUCKET"; then
  echo "couchbase-init: bucket $COUCHBASE_BUCKET exists"
else
  echo "couchbase-init: creating bucket $COUCHBASE_BUCKET"
  # One node: no replicas. --wait returns once the bucket accepts reads and writes.
  admin bucket-create --bucket "$COUCHBASE_BUCKET" --bucket-type couchbase --bucket-ramsize 256 \
    --bucket-replica 0 --wait
fi

# --set creates the user or resets it to these values, so a changed password in .env takes effect.
# bucket_full_access is one of the three roles Couchbase Community Edition can grant.
echo "couchbase-init: setting user $COUCHBASE_BUCKET"
admin user-manage --set --auth-domain local --rbac-username "$COUCHBASE_BUCKET" \
  --rbac-password "$COUCHBASE_BUCKET_PASSWORD" --roles "bucket_full_access[$COUCHBASE_BUCKET]"

# A primary index, so that the N1QL queries accounting keeps behind an interface can run against the real server.
# The query service may not see a new bucket at once: a few attempts.
attempt=1
until curl -fsS -o /dev/null -u "$COUCHBASE_ADMIN_USERNAME:$COUCHBASE_ADMIN_PASSWORD" \
  "http://$COUCHBASE_HOST:8093/query/service" \
  --data-urlencode "statement=CREATE PRIMARY INDEX IF NOT EXISTS ON \`$COUCHBASE_BUCKET\`"; do
  if [ "$attempt" -ge 30 ]; then
    echo "couchbase-init: the query service did not create the primary index" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done
echo "couchbase-init: bucket $COUCHBASE_BUCKET ready"
