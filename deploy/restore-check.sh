#!/usr/bin/env bash
# Rehearse a restore: dump the portal's database with pg_dump (custom format, as the nightly backup
# does), restore it with pg_restore into a new scratch database on the same server, then check that
# every table has the same number of rows, the migrations stand at the same revision, the access
# log's hash chain verifies (`portal accesslog verify`) and its append-only triggers came back.
# The scratch database and the dump are removed afterwards.
#   deploy/restore-check.sh postgresql://postgres@127.0.0.1:5432/portal
set -euo pipefail
source_url=${1:?usage: deploy/restore-check.sh postgresql://user@host:port/database}
portal=${PORTAL:-portal}
server_url=${source_url%/*}
scratch="portal_restore_check_$$"
work=$(mktemp -d)
cleanup() { psql -q "$server_url/postgres" -c "DROP DATABASE IF EXISTS $scratch" || true; rm -rf "$work"; }
trap cleanup EXIT

pg_dump --format=custom --no-owner --file "$work/portal.dump" "$source_url"
echo "dumped $(du -h "$work/portal.dump" | cut -f1) from $source_url"
psql -q "$server_url/postgres" -c "CREATE DATABASE $scratch"
pg_restore --no-owner --exit-on-error --dbname "$server_url/$scratch" "$work/portal.dump"

counts() {
  psql -At "$1" -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1" |
    while read -r table; do echo "$table $(psql -At "$1" -c "SELECT count(*) FROM \"$table\"")"; done
}
counts "$source_url" > "$work/source.txt"
counts "$server_url/$scratch" > "$work/restored.txt"
diff "$work/source.txt" "$work/restored.txt"
echo "row counts match in $(wc -l < "$work/source.txt") tables ($(awk '{s += $2} END {print s}' "$work/source.txt") rows)"
revision="SELECT string_agg(version_num, ',' ORDER BY version_num) FROM alembic_version"
[ "$(psql -At "$source_url" -c "$revision")" = "$(psql -At "$server_url/$scratch" -c "$revision")" ]
echo "migrations at the same revisions: $(psql -At "$server_url/$scratch" -c "$revision")"
PORTAL_DATABASE_URL="$server_url/$scratch" "$portal" accesslog verify
if psql -q "$server_url/$scratch" -c "UPDATE access_log SET person_id = person_id" 2>/dev/null; then
  echo "the restored access log accepted an UPDATE: its append-only triggers are missing" >&2
  exit 1
fi
echo "the restored access log still refuses UPDATE"
echo "restore check passed"
