#!/usr/bin/env bash
# Start-up before/after: two checkouts' ./gantry server started in turn on one existing data dir (with running
# tasks to re-adopt), killed with kill -9 between starts. Prints, per start, the time to the first HTTP answer and
# the CPU the process (launcher + JVM, one pid through exec, plus its waited-for children) had used by then.
#   bench/startup-before-after.sh BEFORE_ROOT AFTER_ROOT DATA_DIR [ROUNDS=3]
# Both checkouts must be built. Run each once with a clean exit first, so its class-data archive exists.
set -uo pipefail
BEFORE=$1; AFTER=$2; D=$3; R=${4:-3}; P=${GANTRY_BENCH_PORT:-45941}
unset JAVA_HOME
one() { # one ROOT LABEL
  local t0 t1 pid cpu log="$D/../startup-$2.log"
  t0=$(date +%s%N)
  "$1/gantry" server --port "$P" --data-dir "$D" >"$log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null --max-time 5 -X POST "http://127.0.0.1:$P/"; do
    kill -0 "$pid" 2>/dev/null || { echo "$2: the server exited; see $log"; return 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  cpu=$(awk '{print ($14+$15+$16+$17)*10}' "/proc/$pid/stat")
  echo "$2 first-answer-ms $(( (t1 - t0) / 1000000 )) cpu-ms $cpu"
  until grep -q "Gantry is running" "$log"; do sleep 0.1; done
  sleep 2; kill -9 "$pid"; wait "$pid" 2>/dev/null
}
for _ in $(seq 1 "$R"); do one "$BEFORE" before; one "$AFTER" after; done
echo "load average: $(cat /proc/loadavg)"
