# Shared by the scripts in bench/: installs the load tools, builds, starts Driftinfo on free ports in a
# fresh directory, and stops it when the script ends. Source it; do not run it.
#   BENCH_SMOKE=1   a few seconds per load, to prove the script still works (CI), not to measure
#   BENCH_NOBUILD=1 use the jars already built (target/quarkus-app) without running Maven
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_SMOKE="${BENCH_SMOKE:-0}"

bench_log() { echo "[bench] $*" >&2; }

# bench_need COMMAND DEBIAN_PACKAGE: install the package when the command is missing.
bench_need() {
  local cmd="$1" pkg="$2"
  if command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || [ -x "/usr/lib/postgresql/15/bin/$cmd" ]; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
  bench_log "installing $pkg (for $cmd)"
  local log; log=$(mktemp)
  if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "$pkg"; } >"$log" 2>&1; then
    cat "$log" >&2
    bench_log "could not install $pkg" && return 1
  fi
  rm -f "$log"
}

# bench_build: the services' jars and local-infra's classpath (skipped with BENCH_NOBUILD=1).
bench_build() {
  if [ "${BENCH_NOBUILD:-0}" = 1 ] && [ -f "$BENCH_ROOT/local-infra/target/classpath.txt" ]; then
    return 0
  fi
  bench_log "building (mvnw install -DskipTests)"
  (cd "$BENCH_ROOT" && ./mvnw -B -q -DskipTests -Dfuzz.skip=true install \
     && ./mvnw -B -q -pl local-infra dependency:build-classpath \
          -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >&2
}

# bench_start [service:property=value ...]: Driftinfo (local profile, demo data) on free ports in a
# fresh directory; sets MAINTENANCE_URL, INCIDENT_URL, NOTIFIER_URL, *_PID, SMTP_PORT, PG_PORT,
# KAFKA, ISSUER and BENCH_DIR. Stopped when the script exits. The settings a script needs live in
# bench/<script>.conf, one service:property=value a line, so that bench/smoke can start one system
# with every script's settings and hand it over in BENCH_SYSTEM_ENV (then nothing is started here).
bench_start() {
  if [ -n "${BENCH_SYSTEM_ENV:-}" ]; then
    # shellcheck disable=SC1090
    set -a; . "$BENCH_SYSTEM_ENV"; set +a
    BENCH_DIR=$(dirname "$BENCH_SYSTEM_ENV")
    return 0
  fi
  local conf="$BENCH_ROOT/bench/$(basename "$0" .sh).conf"
  local settings=()
  if [ -f "$conf" ]; then mapfile -t settings < <(grep -v '^\s*\(#\|$\)' "$conf"); fi
  set -- "${settings[@]}" "$@"
  bench_build
  BENCH_DIR=$(mktemp -d /tmp/driftinfo-bench.XXXXXX)
  bench_log "starting Driftinfo in $BENCH_DIR"
  java -Xmx1g -Ddriftinfo.root="$BENCH_ROOT" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$BENCH_ROOT/local-infra/target/classes:$(cat "$BENCH_ROOT/local-infra/target/classpath.txt")" \
    se.driftinfo.infra.BenchSystem "$BENCH_DIR" "$@" >"$BENCH_DIR/system.log" 2>&1 &
  BENCH_SYSTEM_PID=$!
  trap bench_stop EXIT
  local waited=0
  while [ ! -f "$BENCH_DIR/system.env" ]; do
    if ! kill -0 "$BENCH_SYSTEM_PID" 2>/dev/null; then
      tail -40 "$BENCH_DIR/system.log" >&2
      bench_log "Driftinfo did not start (log: $BENCH_DIR/system.log)"
      return 1
    fi
    sleep 1; waited=$((waited + 1))
    if [ "$waited" -gt 400 ]; then bench_log "Driftinfo not ready in 400 s"; return 1; fi
  done
  # shellcheck disable=SC1091
  set -a; . "$BENCH_DIR/system.env"; set +a
  bench_await_catalog
  bench_log "Driftinfo ready after ${waited} s"
}

# Ready is the database; the catalog reaches incident- and notifier-service over Kafka a few seconds
# later on a fresh system. A load started before that meets "unknown region", so wait for every region
# of the demo catalog in both (the fault form's choices, the notifier's region feeds).
bench_await_catalog() {
  local waited=0 region form
  for region in dalarna jamtland-harjedalen kronoberg norrbotten varmland; do
    until form=$(curl -sf "$INCIDENT_URL/felanmalan") && grep -q "value=\"$region/" <<<"$form" \
        && curl -sf -o /dev/null "$NOTIFIER_URL/feeds/regions/$region.ics"; do
      sleep 1; waited=$((waited + 1))
      if [ "$waited" -gt 120 ]; then bench_log "the catalog did not reach the services in 120 s"; return 1; fi
    done
  done
}

bench_stop() {
  if [ -n "${BENCH_SYSTEM_PID:-}" ] && kill -0 "$BENCH_SYSTEM_PID" 2>/dev/null; then
    bench_log "stopping Driftinfo"
    kill -TERM "$BENCH_SYSTEM_PID" 2>/dev/null || true
    wait "$BENCH_SYSTEM_PID" 2>/dev/null || true
  fi
  if [ -n "${BENCH_DIR:-}" ] && [ "${BENCH_KEEP:-0}" != 1 ]; then rm -rf "$BENCH_DIR"; fi
}

# bench_token USER: an access token from the local Keycloak (password = USER-demo).
bench_token() {
  curl -sf -d grant_type=password -d client_id=driftinfo \
    -d client_secret=driftinfo-local-demo-secret-not-for-production \
    -d username="$1" -d password="$1-demo" "$ISSUER/protocol/openid-connect/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# bench_notifier_sql SQL: runs one statement in the notifier's database, unaligned, without headers.
bench_notifier_sql() { PGPASSWORD=notifier psql -qtAX -h 127.0.0.1 -p "$PG_PORT" -U notifier notifier -c "$1"; }

# bench_cpu_ticks: CPU time so far (clock ticks, user + system) of each thread of the three services
# and of the infrastructure JVM (Kafka, the SMTP server, Keycloak), and of PostgreSQL's processes, as
# "who thread ticks" lines: read before and after a load, it says where the machine's two cores went.
bench_cpu_ticks() {
  local infra pg who pid t comm stat title
  infra=$(ps -o ppid= -p "$NOTIFIER_PID" | tr -d ' ')
  pg=$(pgrep -f -- "-p $PG_PORT" | while read -r p; do
    if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = postgres ]; then echo "$p"; fi; done | head -1)
  for who in incident:$INCIDENT_PID notifier:$NOTIFIER_PID maintenance:$MAINTENANCE_PID infrastructure:$infra; do
    pid=${who#*:}
    for t in /proc/"$pid"/task/*; do
      { read -r stat <"$t/stat" && read -r comm <"$t/comm"; } 2>/dev/null || continue
      set -- ${stat##*) }
      echo "${who%%:*} ${comm// /_} $(( ${12} + ${13} ))"
    done
  done
  if [ -n "$pg" ]; then
    # A backend's title is "postgres: USER DATABASE HOST STATE": its CPU goes to the service whose
    # user it is (incident, notifier, maintenance); the other processes (WAL writer, checkpointer...)
    # by their own name.
    for pid in "$pg" $(pgrep -P "$pg"); do
      read -r stat <"/proc/$pid/stat" 2>/dev/null || continue
      read -r -a title < <(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null; echo)
      set -- ${stat##*) }
      if [ "$pid" = "$pg" ]; then comm=postmaster
      elif [ "${#title[@]}" -ge 5 ]; then comm="backend_of_${title[1]}"
      else comm=$(IFS=_; echo "${title[*]:1}"); fi
      echo "postgresql ${comm:-other} $(( ${12} + ${13} ))"
    done
  fi
}

# bench_cpu_report BEFORE AFTER COUNT UNIT: milliseconds of CPU per UNIT (a mail, a report) for each
# process and its busiest threads (names without their numbers, so that eight senders are one line).
bench_cpu_report() {
  if [ "${3:-0}" -le 0 ]; then bench_log "  no $4 in the load: no CPU per $4"; return 0; fi
  awk -v n="$3" -v unit="$4" -v hz="$(getconf CLK_TCK)" '
    { sub(/[-#]?[0-9]+$/, "", $2); key = $1 " " $2; if (FILENAME == ARGV[1]) before[key] += $3; else after[key] += $3 }
    END {
      for (k in after) { d = after[k] - before[k]; split(k, w, " "); proc[w[1]] += d; all += d; if (d > 0) thread[k] = d }
      printf "[bench]   %-15s %5.2f ms CPU per %s\n", "all", all * 1000 / hz / n, unit
      for (p in proc) printf "[bench]   %-15s %5.2f ms CPU per %s\n", p, proc[p] * 1000 / hz / n, unit
      for (k in thread) if (thread[k] * 1000 / hz / n >= 0.1) printf "[bench]     %-40s %5.2f\n", k, thread[k] * 1000 / hz / n
    }' "$1" "$2" >&2
}

# purge_mail: empties the SMTP server before a measured load. GreenMail keeps every message in memory
# and slows down as it fills (after 8,000 mails smtp-source's rate into it had fallen from ~500/s to
# 360/s; in the intake bench, 100,000 receipts made the infrastructure JVM's collector busy), so a load
# after another would meet a slower server than the one before it.
purge_mail() { curl -sf -X POST "$MAIL_PURGE_URL" >/dev/null; }

# bench_rss_mib PID: resident memory of a process, in MiB.
bench_rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# bench_ratio A B: A / B with three decimals.
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f", a / b }'; }

# bench_row PATH DRIFTINFO REFERENCE RATIO: one result line, the same shape from every script.
bench_row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }
