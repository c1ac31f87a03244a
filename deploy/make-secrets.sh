#!/usr/bin/env bash
# The secrets docker-compose.yml reads, generated once into deploy/secrets/ (git-ignored):
#
#   bash deploy/make-secrets.sh        (again: keeps what exists; delete a file to renew it)
#
#   postgres-password     the `loffta` database user's password (Postgres reads it at first start)
#   database-url          postgresql://loffta:<password>@postgres:5432/loffta (the API's DATABASE_URL_FILE)
#   minio-root-user       MinIO's root user and password (the object store's credentials in this
#   minio-root-password   single-host example; give Loffta a narrower user in production)
#   s3-credentials        the same as an AWS shared credentials file (AWS_SHARED_CREDENTIALS_FILE):
#                         the API and every worker, also on the GPU machines
#
# The folder is 0700 and the files 0644: compose bind-mounts each file into its container, where
# the services run as uid 10001 and must read it; on this host only you can reach them.
# Nothing is printed. Worker and admin tokens are not made here: deploy/bootstrap.cjs issues them.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets"
mkdir -p "$DIR"
chmod 700 "$DIR"
umask 022
rand() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
put() { # put NAME VALUE: only when missing
  if [[ ! -s "$DIR/$1" ]]; then
    printf '%s\n' "$2" >"$DIR/$1.tmp"
    mv "$DIR/$1.tmp" "$DIR/$1"
  fi
}
put postgres-password "$(rand)"
put database-url "postgresql://loffta:$(tr -d '\n' <"$DIR/postgres-password")@postgres:5432/loffta"
put minio-root-user "loffta-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
put minio-root-password "$(rand)"
put s3-credentials "$(printf '[default]\naws_access_key_id = %s\naws_secret_access_key = %s' \
  "$(tr -d '\n' <"$DIR/minio-root-user")" "$(tr -d '\n' <"$DIR/minio-root-password")")"
echo "deploy/make-secrets.sh: secrets in $DIR" >&2
