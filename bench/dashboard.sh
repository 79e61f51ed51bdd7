#!/usr/bin/env bash
# The county dashboard under wrk on one running node, remembered (cached) and, for comparison, on a node started
# with --dudao.report.cache-size=0 (computed on every request):
#   bench/dashboard.sh http://127.0.0.1:8080 [orgUnit] [seconds]
# Signs in with HTTP Basic as the demo administrator (remembered credentials: bcrypt once); needs `wrk` (Debian).
set -euo pipefail
base=${1:?base URL of a node, e.g. http://127.0.0.1:8080}
unit=${2:-JB0101}
seconds=${3:-15}
command -v wrk >/dev/null || { sudo apt-get install -y wrk || apt-get install -y wrk; }
auth=$(printf '%s' "${DUDAO_USER:-admin}:${DUDAO_PASSWORD:-demo1234}" | base64)
curl -fsS -o /dev/null -H "Authorization: Basic $auth" "$base/api/reports/dashboard?orgUnit=$unit" # warm
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c8 -d"${seconds}s" --latency -H "Authorization: Basic $auth" "$base/api/reports/dashboard?orgUnit=$unit"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
