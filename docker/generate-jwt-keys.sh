#!/bin/sh
# The jwt-keys step of docker-compose.yml: makes the RSA key pair customer-service signs tokens with, once. A pair
# that exists is kept, so that tokens stay valid across restarts. The public half goes to one volume (every
# service mounts it read-only), the private half to another (only customer-service mounts it).
#
# It runs as root for one reason: fresh volumes belong to root, and the private key must belong to the user the
# services run as (KEY_OWNER, the uid of the Dockerfile's runtime stage), readable by nobody else.
set -eu

public_dir="${PUBLIC_KEY_DIR:-/keys/public}"
private_dir="${PRIVATE_KEY_DIR:-/keys/private}"
owner="${KEY_OWNER:-10001:10001}"
public="$public_dir/public.pem"
private="$private_dir/private.pem"

if [ -s "$public" ] && [ -s "$private" ]; then
  echo "jwt-keys: key pair present, kept"
  exit 0
fi

umask 077
# Written under temporary names and renamed last: an interrupted run leaves no half-made pair behind.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$private.new" 2>/dev/null
openssl pkey -in "$private.new" -pubout -out "$public.new"
chown "$owner" "$private.new"
chmod 0400 "$private.new"
chmod 0444 "$public.new"
mv -f "$public.new" "$public"
mv -f "$private.new" "$private"
echo "jwt-keys: generated a new RSA key pair"
