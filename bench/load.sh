#!/usr/bin/env bash
# Several app nodes on one PostgreSQL database behind HAProxy under a mixed wrk workload (bench/README.md, "Load"):
#   bench/load.sh [nodes=2] [seconds=30]          1 node, then all nodes, same workload: req/s, p50/p99, errors, ratio;
#                                                 every phase's acknowledged writes checked against the database
#   bench/load.sh --kill [nodes=2] [seconds=30]   then once more on all nodes, node 1 killed (kill -9) after a third
#                                                 of the time; the write checker and the session check
# Installs haproxy, wrk, curl and the PostgreSQL client from Debian if missing, builds the jar if missing
# (LOAD_BUILD=1 rebuilds), recreates the database LOAD_DB (default dudao_loadbench) on 127.0.0.1:5432 as
# postgres (PGPASSWORD if needed) and seeds the 20,000 schools of the bulk-scoring benchmark (LOAD_SEED=0 keeps an
# earlier seed and only removes earlier load writes). Nodes on 18081.., HAProxy on 18080, health check on
# LOAD_HEALTH (default /actuator/health; /actuator/health/readiness where it exists). Work files: bench/target/load.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

KILL=0
if [ "${1:-}" = "--kill" ]; then
  KILL=1
  shift
fi
NODES=${1:-2}
DURATION=${2:-30}
DB=${LOAD_DB:-dudao_loadbench}
HEALTH=${LOAD_HEALTH:-/actuator/health}
WARMUP=${LOAD_WARMUP:-10}
FRONT=18080
PASSWORD='bench-Passw0rd!' # the in-process benchmarks' administrator (InProcessApp)
WORK=$ROOT/bench/target/load
FILES=$ROOT/bench/target/load-files # the evidence directory all nodes share (bench/backup-drill.sh reads it)
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
YEAR=$(date +%Y)
PROJECT=BENCH-$YEAR
[ "$NODES" -ge 1 ] || { echo "nodes must be at least 1" >&2; exit 2; }
[ $KILL = 0 ] || [ "$NODES" -ge 2 ] || { echo "--kill needs at least 2 nodes" >&2; exit 2; }

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# --- tools ----------------------------------------------------------------------------------------------------
missing=()
for tool in haproxy:haproxy wrk:wrk curl:curl psql:postgresql-client pg_dump:postgresql-client; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# --- build ----------------------------------------------------------------------------------------------------
JAR=$(ls app/target/dudao-app-*-exec.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ] || [ ! -f bench/target/classpath.txt ] || [ "${LOAD_BUILD:-0}" = 1 ]; then
  log "building the app jar and the bench classes"
  ./mvnw -q -pl bench -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  JAR=$(ls app/target/dudao-app-*-exec.jar | head -1)
fi

# --- processes we start, stopped on exit ------------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK"
declare -a NODE_PIDS=()
HAPROXY_PID=
stop_all() {
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null || true
  for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# --- database -------------------------------------------------------------------------------------------------
export DUDAO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB
if [ "${LOAD_SEED:-1}" = 1 ]; then
  log "fresh database $DB, seeding 20,000 schools"
  rm -rf "$FILES"
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  start=$(date +%s)
  java -Xmx768m -XX:+UseG1GC -cp "bench/target/classes:app/target/classes:engine/target/classes:$(cat bench/target/classpath.txt)" \
    org.dudao.bench.LoadSeed | tee "$WORK/seed.log"
  log "seeded in $(($(date +%s) - start)) s"
else
  log "reusing the seeded database $DB (earlier load writes removed)"
  "${PSQL[@]}" -d "$DB" <<SQL
delete from data_value_history where period <> '$YEAR' and item_id in
  (select id from data_item where code in ('building_area', 'teaching_room_area', 'sports_area'));
delete from data_value where period <> '$YEAR' and item_id in
  (select id from data_item where code in ('building_area', 'teaching_room_area', 'sports_area'));
SQL
fi
# planner statistics for the bulk-loaded tables: without them PostgreSQL reads 60,000 values to find a township's
# 150 (autovacuum, which would gather them later, may be off, as on this machine)
"${PSQL[@]}" -d "$DB" -c analyze

# --- nodes and balancer ---------------------------------------------------------------------------------------
start_node() { # $1 = node number
  local port=$((FRONT + $1))
  DUDAO_ADMIN_PASSWORD=$PASSWORD java -Xmx512m -XX:+UseG1GC -jar "$JAR" --spring.profiles.active=postgres \
    --server.port=$port --dudao.evidence.dir="$FILES" --logging.level.root=WARN >"$WORK/node$1.log" 2>&1 &
  NODE_PIDS[$1]=$!
}
wait_healthy() { # $1 = base url, $2 = what
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "$1$HEALTH"; then return 0; fi
    sleep 1
  done
  echo "$2 not healthy at $1$HEALTH after 600 s" >&2
  exit 1
}
start_balancer() { # $1 = number of nodes behind it
  [ -n "$HAPROXY_PID" ] && { kill "$HAPROXY_PID"; while kill -0 "$HAPROXY_PID" 2>/dev/null; do sleep 0.2; done; }
  {
    cat <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # a busy node answers its health check late: give it time, or it flaps to DOWN and the front answers 503
    timeout check 10s
    option forwardfor
    # a node that refuses the connection: try again, on another node (the request was never sent: safe for POST)
    retries 3
    option redispatch 1
frontend front
    bind 127.0.0.1:$FRONT
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET $HEALTH
    http-check expect status 200
    # reads may also be replayed when a node dies with the request; writes and sign-ins are not
    retry-on conn-failure empty-response response-timeout
    http-request disable-l7-retry unless METH_GET
CFG
    for i in $(seq 1 "$1"); do
      echo "    server node$i 127.0.0.1:$((FRONT + i)) check inter 2s fall 3 rise 2"
    done
  } >"$WORK/haproxy.cfg"
  haproxy -c -q -f "$WORK/haproxy.cfg"
  haproxy -D -f "$WORK/haproxy.cfg" -p "$WORK/haproxy.pid"
  HAPROXY_PID=$(cat "$WORK/haproxy.pid")
  # every node up in HAProxy's eyes (rise 2 × 2 s) before measuring
  sleep 5
  wait_healthy "http://127.0.0.1:$FRONT" "the balancer"
}

log "starting $NODES nodes ($JAR)"
for i in $(seq 1 "$NODES"); do start_node "$i"; done
for i in $(seq 1 "$NODES"); do wait_healthy "http://127.0.0.1:$((FRONT + i))" "node $i"; done
start_balancer "$NODES"

TOKEN=$(curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: application/json' -X POST \
  "http://127.0.0.1:$FRONT/api/me/tokens" -d '{"name":"load bench","days":1}' |
  grep -o '"token":"[^"]*"' | cut -d'"' -f4)
[ -n "$TOKEN" ] || { echo "no personal access token" >&2; exit 1; }
BEARER="Bearer $TOKEN"
BASIC="Basic $(printf '%s' "admin:$PASSWORD" | base64 -w0)"

# a few evidence files (small PDFs), through the balancer so that both nodes write to the shared directory;
# each is read back through the balancer (round robin: the other node) and compared
EVIDENCE=${LOAD_EVIDENCE:-20}
for i in $(seq 1 "$EVIDENCE"); do
  printf '%%PDF-1.4\n%% load bench evidence %s %s\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' \
    "$i" "$(date +%s%N)" >"$WORK/evidence.pdf"
  id=$(curl -fsS -H "Authorization: $BEARER" -F "file=@$WORK/evidence.pdf;type=application/pdf" \
    "http://127.0.0.1:$FRONT/api/evidence?orgUnit=BS01010100$(printf %02d $((i % 50)))&period=$YEAR" |
    grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  curl -fsS -H "Authorization: $BEARER" -o "$WORK/evidence.back" "http://127.0.0.1:$FRONT/api/evidence/$id"
  cmp -s "$WORK/evidence.pdf" "$WORK/evidence.back" || { echo "evidence $id read back differs" >&2; exit 1; }
done
log "$EVIDENCE evidence files uploaded and read back through the balancer"

# --- the mixed workload: one wrk process per endpoint, all at once -------------------------------------------
run_mix() { # $1 = phase label, $2 = seconds, $3 = first batch id of the writes
  local out=$WORK/$1.tsv url=http://127.0.0.1:$FRONT
  : >"$out"
  local common=(LOAD_DIR="$ROOT/bench/load" LOAD_OUT="$out" LOAD_PROJECT="$PROJECT")
  MIX_PIDS=()
  api() { # name, kind, auth [connections, default 2]
    env "${common[@]}" LOAD_NAME="$1" LOAD_KIND="$2" LOAD_AUTH="$3" \
      wrk -t1 -c"${4:-2}" -d"$DURATION_S"s --timeout 30s -s bench/load/api.lua "$url" >"$WORK/$PHASE-$2-${3%% *}.out" 2>&1 &
    MIX_PIDS+=($!)
  }
  PHASE=$1 DURATION_S=$2
  api "org unit (bearer)" unit "$BEARER"
  api "org unit (Basic)" unit "$BASIC"
  api "children (bearer)" children "$BEARER"
  api "ranked files (bearer)" ranked "$BEARER"
  api "what-if score (bearer)" whatif "$BEARER"
  # one connection: a county's dashboard over 20,000 files is computed per request (tens of seconds here)
  api "dashboard, county (bearer)" dashboard "$BEARER" 1
  env "${common[@]}" LOAD_NAME="data-value batch (bearer)" LOAD_AUTH="$BEARER" LOAD_BASE="$3" \
    LOAD_ACKS="$WORK/$1.acks" wrk -t2 -c2 -d"$2"s --timeout 30s -s bench/load/write.lua "$url" >"$WORK/$1-write.out" 2>&1 &
  MIX_PIDS+=($!)
  env "${common[@]}" LOAD_NAME="form login + page" LOAD_USER=admin LOAD_PASSWORD="$PASSWORD" \
    wrk -t2 -c2 -d"$2"s --timeout 30s -s bench/load/session.lua "$url" >"$WORK/$1-session.out" 2>&1 &
  MIX_PIDS+=($!)
}
wait_mix() { for pid in "${MIX_PIDS[@]}"; do wait "$pid" || true; done; }

check_writes() { # $1 = phase label, $2 = first id of the phase
  {
    echo "create temp table acked (id bigint primary key);"
    echo "copy acked from stdin;"
    cat "$WORK/$1".acks.* 2>/dev/null || true
    echo '\.'
    cat bench/load/check-writes.sql
  } | "${PSQL[@]}" -d "$DB" -A -F ' | ' -t -v lo="$2" -v hi="$(($2 + 999999))" -v year="$YEAR" | tee "$WORK/$1.check"
}

verdict() { # $1 = phase label: 0 lost, 0 half-written, 0 duplicated, one history row each
  awk -F ' [|] ' '/^(LOST|HALF|DUPLICATED|values whose)/ && $2 != 0 { bad = 1 } END { exit bad }' "$WORK/$1.check"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

table() { # $1.. = phase labels
  awk -F '\t' -v phases="$*" '
    BEGIN { n = split(phases, p, " ") }
    FNR == 1 { f++ }
    { key[$1] = 1; if (!($1 in order)) { order[$1] = ++k; names[k] = $1 }
      rps[f, $1] = $2 / $3; p50[f, $1] = $4; p99[f, $1] = $5; err[f, $1] = $6 + $7
      if ($7 > 0 || $8 != "") detail[f, $1] = $8 (($7 > 0) ? " socket errors x" $7 : "") }
    END {
      printf "%-28s", "endpoint"
      for (i = 1; i <= n; i++) printf " | %-34s", p[i] " req/s  p50  p99 ms  errors"
      if (n == 2) printf " | ratio"
      printf "\n"
      for (j = 1; j <= k; j++) {
        e = names[j]; printf "%-28s", e
        for (i = 1; i <= n; i++) printf " | %8.1f %7.1f %7.1f %9d", rps[i, e], p50[i, e], p99[i, e], err[i, e]
        if (n == 2) printf " | %5.2f", (rps[1, e] > 0 ? rps[2, e] / rps[1, e] : 0)
        printf "\n"
      }
      for (i = 1; i <= n; i++) for (j = 1; j <= k; j++) if ((i, names[j]) in detail)
        printf "  errors, %s, %s: %s\n", p[i], names[j], detail[i, names[j]]
    }' $(for phase in "$@"; do echo "$WORK/$phase.tsv"; done)
}

log "warm-up: ${WARMUP} s on $NODES nodes (not measured); load average $(loadavg)"
run_mix warmup "$WARMUP" 500000
wait_mix
check_writes warmup 500000 >/dev/null
PHASES=()
for n in 1 "$NODES"; do
  [ "$n" = 1 ] && [ ${#PHASES[@]} -gt 0 ] && continue
  start_balancer "$n"
  log "measuring ${DURATION} s on $n node(s); load average before $(loadavg)"
  run_mix "node$n" "$DURATION" $((n == 1 ? 1000000 : 2000000))
  wait_mix
  log "load average after $(loadavg)"
  log "writes of the $n-node phase:"
  check_writes "node$n" $((n == 1 ? 1000000 : 2000000))
  verdict "node$n" || { echo "acknowledged writes lost or duplicated, see above" >&2; exit 1; }
  PHASES+=("node$n")
done
echo
echo "Mixed workload through HAProxy, $DURATION s per phase, $(nproc) cores, load average now $(loadavg):"
table "${PHASES[@]}"
echo
[ $KILL = 1 ] || exit 0

# --- node kill ------------------------------------------------------------------------------------------------
# a browser session signed in on node 1 directly, before the kill
NODE1=http://127.0.0.1:$((FRONT + 1))
COOKIES=$WORK/session.cookies
curl -fsS -c "$COOKIES" -b "$COOKIES" -o "$WORK/login.html" "$NODE1/login"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//; s/"$//')
SIGNIN=$(curl -sS -c "$COOKIES" -b "$COOKIES" -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode username=admin --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$NODE1/login")
PAGE1=$(curl -sS -b "$COOKIES" -o /dev/null -w '%{http_code}' "$NODE1/")
log "signed in on node 1: POST /login -> $SIGNIN, GET / on node 1 -> $PAGE1"
[ "$PAGE1" = 200 ] || { echo "the form login on node 1 did not give a session" >&2; exit 1; }

KILL_AT=$((DURATION / 3))
log "mixed workload with writes, $DURATION s on $NODES nodes; kill -9 of node 1 after $KILL_AT s; load average $(loadavg)"
run_mix kill "$DURATION" 3000000
sleep "$KILL_AT"
kill -9 "${NODE_PIDS[1]}"
log "node 1 (pid ${NODE_PIDS[1]}) killed"
wait_mix
log "workload done; load average $(loadavg)"
echo
echo "Mixed workload through HAProxy, $DURATION s, node 1 killed after $KILL_AT s, $(nproc) cores:"
table kill
ERRORS=$(awk -F '\t' '{ e += $6 + $7 } END { print e + 0 }' "$WORK/kill.tsv")
echo
log "acknowledged writes against the database:"
check_writes kill 3000000
# the session made on node 1, now through the balancer (node 1 is dead, so another node answers)
PAGES=()
for _ in 1 2 3; do
  PAGES+=("$(curl -sS -b "$COOKIES" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$FRONT/")")
done
log "session signed in on node 1, GET / through the balancer after the kill: ${PAGES[*]} (200 = still signed in)"
echo "client errors during the run with the node kill (4xx/5xx answers, redirects to the login, socket errors): $ERRORS"
OK=1
verdict kill || OK=0
[ "${PAGES[*]}" = "200 200 200" ] || OK=0
if [ $OK = 1 ]; then
  echo "node kill: PASSED (no acknowledged write lost or duplicated, no half-written batch, session kept)"
else
  echo "node kill: FAILED (see above)"
  exit 1
fi
