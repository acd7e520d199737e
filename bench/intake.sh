#!/usr/bin/env bash
# POST /api/fault-reports (the demo provider's key, 32 connections) with 100,000 old reports stored,
# (a) spread over the catalog's systems and (b) a burst on one system, against pgbench inserting single
# rows of the same shape into the same PostgreSQL. Then checks that nothing was lost: every report
# answered 201 is stored and its event relayed to Kafka, and no more rows were added than requests sent.
#   BENCH_SMOKE=1  a few seconds per load and 2,000 old reports
#   INTAKE_REPORTS=N  how many old reports to store first (default 100000)
#   INTAKE_WARM_UP=S  seconds of load before measuring (default 180)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bench_need wrk wrk
bench_need curl curl
bench_need psql postgresql-client
bench_need pgbench postgresql-client
PGBENCH=$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)

if [ "$BENCH_SMOKE" = 1 ]; then SECONDS_PER_LOAD=3; WARM_UP=1; OLD_REPORTS=${INTAKE_REPORTS:-2000}
else SECONDS_PER_LOAD=20; WARM_UP=${INTAKE_WARM_UP:-180}; OLD_REPORTS=${INTAKE_REPORTS:-100000}; fi
CONNECTIONS=32

bench_start
bench_log "settings for this run: $(grep -v '^\s*\(#\|$\)' "$BENCH_ROOT/bench/intake.conf" | tr '\n' ' ')"
bench_log "(the API key's rate limit is raised for the bench only; by default it is 300 per 10 minutes)"

export PGPASSWORD=incident
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U incident -d incident -qtAX -v ON_ERROR_STOP=1 "$@"; }
# What the load left for later: events not yet relayed to Kafka, and receipts not yet mailed (this
# run's reports, warm-up included, less the receipts the notifier has sent to the bench's addresses).
backlog() {
  local reports sent
  reports=$(sql -c "select count(*) from fault_report where unit_name like '$RUN %'")
  sent=$(receipts_sent)
  echo "$(sql -c 'select count(*) from event_outbox where published_at is null') events not yet relayed," \
    "$(( reports - sent )) receipts not yet mailed"
}
# Receipts the notifier has sent to the bench's addresses so far.
receipts_sent() {
  bench_notifier_sql "select count(*) from delivery where status = 'SENT' and kind = 'FAULT_REPORT_RECEIVED'
    and recipient like 'felanmalan-%@example.se'"
}

# The catalog reaches incident-service over Kafka; reports naming it are refused until it has.
for _ in $(seq 1 120); do
  [ "$(sql -c 'select count(*) from catalog_system')" -ge 21 ] && break
  sleep 1
done

bench_log "storing $OLD_REPORTS old fault reports"
sql -v n="$OLD_REPORTS" -f "$BENCH_ROOT/bench/intake-seed.sql" >/dev/null
bench_log "fault_report holds $(sql -c 'select count(*) from fault_report') rows"

RUN="Bench intake $(date +%s)-$$"
WORK=$(mktemp -d /tmp/intake-bench.XXXXXX)
trap 'rm -rf "$WORK"; if [ -z "${BENCH_SYSTEM_ENV:-}" ]; then bench_stop; fi' EXIT

# run_scenario NAME: one wrk load; leaves RESULT_<NAME>_* variables.
run_scenario() {
  local name="$1" ids="$WORK/$1"
  mkdir -p "$ids"
  bench_log "scenario $name: wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_LOAD}s"
  purge_mail # the receipts mailed so far: a fuller SMTP server would cost this load more
  local mailed_before; mailed_before=$(receipts_sent)
  bench_cpu_ticks >"$WORK/cpu-before"
  INTAKE_SCENARIO="$name" INTAKE_UNIT="$RUN $name" INTAKE_IDS="$ids" \
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_LOAD}s" --latency --timeout 10s -s "$BENCH_ROOT/bench/intake.lua" "$INCIDENT_URL" \
    >"$WORK/$name.out"
  bench_cpu_ticks >"$WORK/cpu-after"
  local mailed=$(( $(receipts_sent) - mailed_before ))
  bench_log "scenario $name: receipts mailed during the load: $mailed ($(( mailed / SECONDS_PER_LOAD ))/s)"
  bench_log "scenario $name: at the end of the load, $(backlog)"
  sed 's/^/[wrk] /' "$WORK/$name.out" >&2
  local result; result=$(grep '^RESULT' "$WORK/$name.out")
  for kv in ${result#RESULT }; do
    printf -v "R_${name}_${kv%%=*}" '%s' "${kv#*=}"
  done
  # Events are relayed and receipts mailed after the answer: the relay's, the notifier's and the SMTP
  # server's share lags when they fall behind, and what they still owe at the end (the backlog above)
  # is not counted here.
  local created="R_${name}_created"
  bench_log "scenario $name: CPU during the load, per report answered:"
  bench_cpu_report "$WORK/cpu-before" "$WORK/cpu-after" "${!created}" report
}

# A fresh JVM answers its first requests slowly (class loading, JIT): warm up before measuring. These
# reports are stored like the others but not part of the figures or the counts below. Three JVMs share
# the two cores with PostgreSQL, so their C2 compilers take minutes to finish the request path: after
# 15 s at 8 connections they still used 1.4 ms of CPU per report during the measured load (a third of
# all of it), after 60 s at 32 connections 1.0 ms, after 180 s next to none (docs/benchmarks.md).
bench_log "warm-up: wrk -t2 -c$CONNECTIONS -d${WARM_UP}s, half spread, half burst"
bench_cpu_ticks >"$WORK/cpu-before"
for scenario in spread burst; do
  INTAKE_SCENARIO=$scenario INTAKE_UNIT="$RUN warm-up" INTAKE_IDS="$WORK" \
    wrk -t2 -c"$CONNECTIONS" -d"$(( (WARM_UP + 1) / 2 ))s" --timeout 10s -s "$BENCH_ROOT/bench/intake.lua" "$INCIDENT_URL" \
    >"$WORK/warm-up.out"
done
bench_cpu_ticks >"$WORK/cpu-after"
bench_log "warm-up: $(grep '^RESULT' "$WORK/warm-up.out" | cut -d' ' -f2) in its last half; CPU per report in all of it:"
bench_cpu_report "$WORK/cpu-before" "$WORK/cpu-after" \
  "$(sql -c "select count(*) from fault_report where unit_name = '$RUN warm-up'")" report

run_scenario spread
run_scenario burst

bench_log "reference: pgbench -n -c$CONNECTIONS -j2 -T$SECONDS_PER_LOAD, single-row inserts"
sql -c 'drop table if exists intake_reference; create table intake_reference (like fault_report including all)'
"$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U incident -n -c"$CONNECTIONS" -j2 -T"$SECONDS_PER_LOAD" \
  -f "$BENCH_ROOT/bench/intake-pgbench.sql" incident >"$WORK/pgbench.out" 2>&1
sed 's/^/[pgbench] /' "$WORK/pgbench.out" >&2
PG_TPS=$(awk '/^tps = / {printf "%.0f", $3}' "$WORK/pgbench.out")
PG_LAT=$(awk '/^latency average = / {print $4}' "$WORK/pgbench.out")
sql -c 'drop table intake_reference'

# Nothing lost: each id answered 201 is a stored report whose received event went to Kafka (the relay
# marks an outbox row published only once Kafka acknowledged it); rows stored beyond the answers are at
# most the requests wrk cut off when its time was up.
bench_log "waiting for the outbox relay: $(backlog)"
received_type=se.driftinfo.incident.fault-report.received.v1
for _ in $(seq 1 180); do
  pending=$(sql -c "select count(*) from event_outbox where published_at is null and event_type = '$received_type'")
  [ "$pending" = 0 ] && break
  sleep 1
done
check() {
  local name="$1" ids="$WORK/$1"
  cat "$ids"/ids-* >"$WORK/$name.ids" 2>/dev/null || : >"$WORK/$name.ids"
  sql >"$WORK/$name.check" <<SQL
create temporary table answered (id uuid);
\copy answered from '$WORK/$name.ids'
select (select count(*) from answered),
       (select count(*) from fault_report where unit_name = '$RUN $name'),
       (select count(*) from answered a where not exists (select 1 from fault_report r where r.id = a.id)),
       (select count(*) from fault_report r where r.unit_name = '$RUN $name' and not exists (
          select 1 from event_outbox e where e.event_key = r.id::text and e.event_type = '$received_type'
            and e.published_at is not null)),
       (select count(*) from event_outbox e join fault_report r on e.event_key = r.id::text
          where r.unit_name = '$RUN $name' and e.event_type = '$received_type' and e.published_at is not null);
SQL
  IFS='|' read -r answered rows missing unannounced events <"$WORK/$name.check"
  local sent_var="R_${name}_sent" created_var="R_${name}_created" refused_var="R_${name}_refused"
  local cut=$(( ${!sent_var} - ${!created_var} - ${!refused_var} ))
  local verdict=OK
  if [ "$answered" != "${!created_var}" ] || [ "$missing" != 0 ] || [ "$unannounced" != 0 ] \
     || [ "$events" != "$rows" ] || [ "$rows" -lt "$answered" ] || [ "$rows" -gt $((answered + cut)) ]; then
    verdict=LOST
  fi
  bench_row "intake $name: 201 answers / rows added / events relayed" \
    "$answered / $rows / $events" "cut off by wrk's stop: $cut; answered but missing: $missing; without event: $unannounced" "$verdict"
  [ "$verdict" = OK ]
}

echo "| path | Driftinfo | reference | ratio |"
echo "|---|---|---|---|"
for name in spread burst; do
  rps="R_${name}_rps"; p99="R_${name}_p99_ms"; p50="R_${name}_p50_ms"
  bench_row "POST /api/fault-reports, $name, $CONNECTIONS connections, $OLD_REPORTS old reports" \
    "${!rps} req/s, p50 ${!p50} ms, p99 ${!p99} ms" "pgbench inserts: $PG_TPS tx/s, mean ${PG_LAT} ms" \
    "$(bench_ratio "${!rps}" "$PG_TPS")"
done
lost=0
check spread || lost=1
check burst || lost=1
# The burst's suggestion counts every report of its system since its first one (this run's and any before).
bench_row "open burst suggestion for dalarna/takecare: reports counted" \
  "$(sql -c "select count(r.id) from burst_suggestion s join fault_report r on r.region = s.region
      and r.system = s.system and r.received_at >= s.first_report_at
      where s.status = 'OPEN' and s.region = 'dalarna' and s.system = 'takecare'")" \
  "this run's burst: $(sql -c "select count(*) from fault_report where unit_name = '$RUN burst'")" ""
exit $lost
