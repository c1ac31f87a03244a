#!/bin/sh
# Entry point of the API image: DATABASE_URL (it holds the database password) from a file
# (DATABASE_URL_FILE, a Docker or Kubernetes secret) instead of the container's configuration,
# where `docker inspect` shows every variable. Then the command, as PID 1's child of npm / node.
set -eu
if [ -n "${DATABASE_URL_FILE:-}" ]; then
  DATABASE_URL="$(cat "$DATABASE_URL_FILE")"
  export DATABASE_URL
  unset DATABASE_URL_FILE
fi
exec "$@"
