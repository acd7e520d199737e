#!/usr/bin/env bash
# Start-up and memory: for each service, one more process of it started alone (the system idles) with
# the running one's own command line on another port: time from exec to /q/health/ready 200, Quarkus'
# "started in" figure, RSS when ready and after a few hundred requests of its main read path. Three
# runs, the median. Reference: the same JVM and flags running bench/startup/Ready.java (listen and
# answer /q/health/ready), timed the same way.
#   BENCH_SMOKE=1: one run, fewer requests.
#   BENCH_STARTUP_JFR=DIR: each extra process records JFR from launch into DIR (profiling).
#   BENCH_STARTUP_NMT=1: native memory tracking; prints `jcmd VM.native_memory summary` after the load.
#   BENCH_STARTUP_JVM="flags": more JVM flags for the extra processes (to try a setting before making it
#   the default); BENCH_STARTUP_SERVICES="maintenance notifier": only these services.
source "$(dirname "$0")/lib.sh"
bench_need curl curl
bench_need python3 python3-minimal
bench_start

runs=3; requests=300
if [ "$BENCH_SMOKE" = 1 ]; then runs=1; requests=30; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
# cpu_ms PID: CPU time (user + system, all threads) the process has used so far, in milliseconds. On a
# shared 2-core machine this is steadier than the wall clock: it does not count waiting for a core.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# await_ready PID PORT: milliseconds until /q/health/ready answers 200 (or fail when the process dies).
await_ready() {
  local pid=$1 port=$2 t0=$3
  while ! curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if [ $(($(now_ms) - t0)) -gt 180000 ]; then return 1; fi
    sleep 0.05
  done
  echo $(($(now_ms) - t0))
}

# stop PID: SIGTERM (Quarkus shuts down gracefully: consumers leave the group, the relay stops), then wait.
stop() {
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

# load SERVICE PORT N: N requests of the service's main read path, one after another.
load() {
  local path
  case "$1" in
    maintenance) path="/api/occurrences?region=norrbotten&from=2026-11-01&to=2027-11-01" ;;
    incident) path="/api/outages" ;;
    notifier) path="/feeds/all.ics" ;;
  esac
  local ok=0
  for _ in $(seq 1 "$3"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2$path")" = 200 ] && ok=$((ok + 1))
  done
  [ "$ok" -eq "$3" ] || bench_log "$1: only $ok of $3 requests of $path answered 200"
}

# The reference program, compiled once.
javac -d "$BENCH_DIR/ready" "$BENCH_ROOT/bench/startup/Ready.java"

echo "| service | time to ready (median of $runs) | CPU time to ready | Quarkus' \"started in\" | RSS at ready | RSS after $requests requests | reference: ready, CPU | ratio (time; CPU) |"
echo "|---|---|---|---|---|---|---|---|"
for svc in ${BENCH_STARTUP_SERVICES:-maintenance incident notifier}; do
  pid_var="${svc^^}_PID"
  mapfile -d '' running < "/proc/${!pid_var}/cmdline"
  readys=(); cpus=(); rcpus=(); starteds=(); rss0s=(); rss1s=(); refs=()
  for run in $(seq 1 "$runs"); do
    port=$(free_port)
    cmd=()
    for a in "${running[@]}"; do
      case "$a" in
        -Dquarkus.http.port=*) a="-Dquarkus.http.port=$port" ;;
        -Ddriftinfo.notifier.public-url=*) a="-Ddriftinfo.notifier.public-url=http://localhost:$port" ;;
        -jar)
          # shellcheck disable=SC2206
          if [ -n "${BENCH_STARTUP_JVM:-}" ]; then cmd+=($BENCH_STARTUP_JVM); fi
          if [ -n "${BENCH_STARTUP_JFR:-}" ]; then
            mkdir -p "$BENCH_STARTUP_JFR"
            cmd+=("-XX:StartFlightRecording=filename=$BENCH_STARTUP_JFR/$svc-$run.jfr,settings=profile")
          fi
          if [ "${BENCH_STARTUP_NMT:-0}" = 1 ]; then cmd+=(-XX:NativeMemoryTracking=summary); fi ;;
      esac
      cmd+=("$a")
    done
    log="$BENCH_DIR/startup-$svc-$run.log"
    t0=$(now_ms)
    "${cmd[@]}" >"$log" 2>&1 &
    pid=$!
    if ! ms=$(await_ready "$pid" "$port" "$t0"); then
      tail -30 "$log" >&2; stop "$pid"; bench_log "$svc did not become ready"; exit 1
    fi
    cpu=$(cpu_ms "$pid")
    rss0=$(bench_rss_mib "$pid")
    load "$svc" "$port" "$requests"
    rss1=$(bench_rss_mib "$pid")
    if [ "${BENCH_STARTUP_NMT:-0}" = 1 ]; then jcmd "$pid" VM.native_memory summary >"$BENCH_DIR/nmt-$svc.txt" 2>&1 || true; fi
    stop "$pid"
    started=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$log" | head -1)
    bench_log "$svc run $run: ready after $ms ms, $cpu ms CPU (\"started in ${started}s\"), RSS $rss0 -> $rss1 MiB"
    # The reference, with the same JVM and flags up to -jar.
    rport=$(free_port)
    ref=()
    for a in "${cmd[@]}"; do
      [ "$a" = -jar ] && break
      case "$a" in -XX:StartFlightRecording=* | -XX:NativeMemoryTracking=*) continue ;; esac
      ref+=("$a")
    done
    t0=$(now_ms)
    "${ref[@]}" -cp "$BENCH_DIR/ready" Ready "$rport" >/dev/null 2>&1 &
    rpid=$!
    rms=$(await_ready "$rpid" "$rport" "$t0")
    rcpu=$(cpu_ms "$rpid")
    stop "$rpid"
    readys+=("$ms"); cpus+=("$cpu"); rcpus+=("$rcpu"); starteds+=("${started:-0}"); rss0s+=("$rss0"); rss1s+=("$rss1"); refs+=("$rms")
  done
  ready=$(printf '%s\n' "${readys[@]}" | median)
  ref=$(printf '%s\n' "${refs[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  rcpu=$(printf '%s\n' "${rcpus[@]}" | median)
  printf '| %s | %.2f s | %.2f s | %s s | %s MiB | %s MiB | %.2f s, %.2f s | %s; %s |\n' "$svc-service" \
    "$(bench_ratio "$ready" 1000)" "$(bench_ratio "$cpu" 1000)" "$(printf '%s\n' "${starteds[@]}" | median)" \
    "$(printf '%s\n' "${rss0s[@]}" | median)" "$(printf '%s\n' "${rss1s[@]}" | median)" \
    "$(bench_ratio "$ref" 1000)" "$(bench_ratio "$rcpu" 1000)" "$(bench_ratio "$ref" "$ready")" "$(bench_ratio "$rcpu" "$cpu")"
  if [ "${BENCH_STARTUP_NMT:-0}" = 1 ]; then grep -E '^(Total|-  )' "$BENCH_DIR/nmt-$svc.txt" | sed "s/^/[nmt $svc] /" >&2 || true; fi
done
