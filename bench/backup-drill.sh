#!/usr/bin/env bash
# Backup and restore drill (README "Several nodes behind a balancer" → "Backup and restore"):
#   bench/backup-drill.sh [database=dudao_loadbench] [evidence dir=bench/target/load-files] [restore database]
# 1. pg_dump -Fc of the database and a tar of the evidence directory (taken while the app may run: pg_dump reads one
#    snapshot; files are only ever added under new keys, so a file newer than the dump is harmless);
# 2. pg_restore into a fresh database (default <database>_restore) and the tar into a fresh directory;
# 3. verifies that every table has the same number of rows in both databases and that every evidence row's file
#    exists in the restored directory with the SHA-256 stored in the row.
# PostgreSQL on 127.0.0.1:5432 as postgres (PGPASSWORD if needed). Work files: bench/target/backup-drill.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-dudao_loadbench}
FILES=${2:-bench/target/load-files}
RESTORE=${3:-${DB}_restore}
OUT=$PWD/bench/target/backup-drill
PG=(-h 127.0.0.1 -U postgres)
PSQL=(psql "${PG[@]}" -v ON_ERROR_STOP=1 -q -A -t)
rm -rf "$OUT"
mkdir -p "$OUT/files"
[ -d "$FILES" ] || mkdir -p "$FILES"
seconds() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
size() { du -h "$1" | cut -f1; }

echo "database $DB ($("${PSQL[@]}" -d "$DB" -c "select pg_size_pretty(pg_database_size('$DB'))")), evidence $FILES"
t=$(date +%s.%N)
pg_dump "${PG[@]}" -Fc -f "$OUT/$DB.dump" "$DB"
echo "pg_dump -Fc: $(size "$OUT/$DB.dump") in $(seconds "$t") s"
t=$(date +%s.%N)
tar -C "$FILES" -czf "$OUT/evidence.tar.gz" .
echo "evidence tar: $(find "$FILES" -type f | wc -l) files, $(size "$OUT/evidence.tar.gz") in $(seconds "$t") s"

t=$(date +%s.%N)
"${PSQL[@]}" -d postgres -c "drop database if exists $RESTORE with (force)" -c "create database $RESTORE"
pg_restore "${PG[@]}" --no-owner --exit-on-error -j 2 -d "$RESTORE" "$OUT/$DB.dump"
echo "pg_restore into $RESTORE: $(seconds "$t") s"
t=$(date +%s.%N)
tar -C "$OUT/files" -xzf "$OUT/evidence.tar.gz"
echo "evidence restored into $OUT/files in $(seconds "$t") s"

# row counts of every table, in both databases
counts() {
  local tables
  tables=$("${PSQL[@]}" -d "$1" -c "select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")
  for table in $tables; do
    echo "$table $("${PSQL[@]}" -d "$1" -c "select count(*) from \"$table\"")"
  done
}
counts "$DB" >"$OUT/counts.source"
counts "$RESTORE" >"$OUT/counts.restored"
if diff "$OUT/counts.source" "$OUT/counts.restored" >"$OUT/counts.diff"; then
  echo "row counts: all $(wc -l <"$OUT/counts.source") tables equal; main tables:"
  grep -E '^(org_unit|data_value|data_value_history|evaluation|evidence|audit_log|app_user|spring_session) ' \
    "$OUT/counts.source" | sed 's/^/  /'
else
  echo "row counts DIFFER (source < > restored):"
  cat "$OUT/counts.diff"
  exit 1
fi

# every evidence row's file, restored, with the stored SHA-256
"${PSQL[@]}" -F ' ' -d "$RESTORE" -c "select sha256, storage_key from evidence order by id" >"$OUT/evidence.rows"
rows=0 bad=0
while read -r sha key; do
  [ -n "$key" ] || continue
  rows=$((rows + 1))
  actual=$(sha256sum "$OUT/files/$key" 2>/dev/null | cut -d' ' -f1 || true)
  if [ "$actual" != "$sha" ]; then
    bad=$((bad + 1))
    echo "  evidence $key: stored $sha, restored file ${actual:-missing}"
  fi
done <"$OUT/evidence.rows"
echo "evidence: $rows rows, $((rows - bad)) files restored with the stored SHA-256, $bad missing or different"
[ "$bad" = 0 ] || exit 1
echo "backup drill: PASSED"
