#!/usr/bin/env bash
# Makes everything secure-server needs that must never be committed, in examples/secure-server/certs/:
# a CA, the server certificate, client certificates (alice admin, bob user, carol no roles, dave
# admin), an empty CRL, and the admin API token: the token itself in certs/admin.token (mode 600),
# only its SHA-256 in certs/admin-token.properties, which application.yml imports.
#
#   ./mvnw -B -q -pl examples/secure-server,adapter-ca -am package -DskipTests
#   examples/secure-server/setup.sh            # refuses to overwrite an existing certs/ (--force to redo)
#   CERTS_DIR=/tmp/x examples/secure-server/setup.sh   # elsewhere (bench/soak.sh does this)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${CERTS_DIR:-$here/certs}"
root="$(cd "$here/../.." && pwd)"
cli="$(ls "$root"/adapter-ca/target/adapter-ca-*-cli.jar 2>/dev/null | head -n1 || true)"

if [[ -e "$out/ca.key" && "${1:-}" != "--force" ]]; then
  echo "$out already holds a CA; run with --force to make new certificates and a new token" >&2
  exit 1
fi
[[ -n "$cli" && -f "$cli" ]] || { echo "build first: ./mvnw -B -q -pl examples/secure-server,adapter-ca -am package -DskipTests" >&2; exit 1; }
mkdir -p "$out"

# the certificate tool: adapter-ca's runnable jar (not part of the server's runtime)
tool() {
  java -jar "$cli" "$@" --out "$out"
}
tool ca     --cn secure-server-CA
tool server --dns localhost --ip 127.0.0.1
tool client --cn alice --roles admin
tool client --cn bob   --roles user
tool client --cn carol
tool client --cn dave  --roles admin
tool crl

# 32 random bytes as the admin token; the configuration gets only its digest
umask 077
token="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$token" > "$out/admin.token"
digest="$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)"
printf '# made by setup.sh: the SHA-256 of certs/admin.token\nadapter.security.tokens[{sha256}%s]=admin\n' \
  "$digest" > "$out/admin-token.properties"
chmod 600 "$out"/*.key
echo "wrote $out/admin.token (the admin token; keep it secret) and $out/admin-token.properties (its SHA-256)"
