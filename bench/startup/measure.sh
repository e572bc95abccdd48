#!/usr/bin/env bash
# Start-up figures of a checkout, as a newcomer meets them (bench/startup/RESULTS.md):
#   git clone <repo> /tmp/x && cd /tmp/x && npm install && bench/startup/measure.sh
# Times, on the embedded database: the first `npm start` until it listens (compile, initdb,
# migrations, demo province), `npx scorecard apikey list` with the service running and
# alone, then two more starts with nothing to compile. Run it on a fresh clone (or after
# `rm -rf dist .data`). Uses PORT 3931 and EMBEDDED_PG_PORT 54391 unless they are set.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORT=${PORT:-3931} EMBEDDED_PG_PORT=${EMBEDDED_PG_PORT:-54391}
log_dir=$(mktemp -d)
now() { date +%s.%N; }
pid=

start() {
  local name=$1 t0 t1
  t0=$(now)
  # A process group of its own, stopped as Ctrl-C would stop it.
  setsid npm start > "$log_dir/$name.log" 2>&1 &
  pid=$!
  until grep -q "listening on" "$log_dir/$name.log"; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "npm start exited:"; tail -20 "$log_dir/$name.log"; exit 1; }
  done
  t1=$(now)
  printf '%-34s %5.1f s\n' "$name npm start, until it listens" "$(echo "$t1 - $t0" | bc)"
}

stop() {
  kill -INT -- "-$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

apikey_list() {
  local t0 t1
  t0=$(now)
  npx scorecard apikey list > /dev/null
  t1=$(now)
  printf '%-34s %5.2f s\n' "npx scorecard apikey list ($1)" "$(echo "$t1 - $t0" | bc)"
}

echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node -v), load average $(cut -d' ' -f1-3 /proc/loadavg)"
start first
apikey_list "service running"
apikey_list "service running"
stop
apikey_list "alone"
apikey_list "alone"
start second
stop
start third
stop
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); logs in $log_dir"
