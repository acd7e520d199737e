#!/usr/bin/env bash
# An outage declared to N confirmed subscribers (default 2,000; bench/fanout.sh 20000 for the large
# run), after warm-up outages to up to 2,000 others each: time from the declaration's 201 to the first and
# to the last mail the SMTP server accepted, against Postfix's smtp-source sending N copies of the
# notifier's own mail into the same server with the same number of sessions (and, for comparison, N
# single-part messages of the same size). Prints mails/s for both, their ratio, the first mail's
# latency (warm, and cold in the warm-up), the notifier's largest RSS, and the CPU each process spent
# per mail. See docs/benchmarks.md, "Outage fan-out". BENCH_SMOKE=1: 50 subscribers, no warm-up.
#   FANOUT_WARM_UPS   fan-outs of up to 2,000 before the measured one (default 3)
#   FANOUT_SESSIONS   parallel SMTP sessions of smtp-source (default 8: the notifier's senders)
#   FANOUT_PROFILE=1  record the notifier with JFR during the fan-out (file printed at the end)
source "$(dirname "$0")/lib.sh"

N="${1:-2000}"
if [ "$BENCH_SMOKE" = 1 ]; then N=50; fi
SESSIONS="${FANOUT_SESSIONS:-8}"
# A region the demo data plans no windows in, so the outage mail is all that is queued.
REGION=kronoberg
SYSTEM=cosmic

# smtp-source is in Debian's postfix; only the binary is used. "No configuration" keeps the install
# from setting up (or starting) a mail server of its own.
if ! command -v smtp-source >/dev/null 2>&1 && [ ! -x /usr/sbin/smtp-source ]; then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
fi
bench_need curl curl
bench_need smtp-source postfix
bench_need psql postgresql-client
SMTP_SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)

bench_start

now_ms() { date +%s%3N; }
# per_s COUNT MS: COUNT in MS milliseconds, per second.
per_s() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n * 1000 / (ms > 0 ? ms : 1) }'; }
# COUNT FIRST LAST: copies the SMTP server accepted for addresses ending with $1 (BenchSystem).
delivered() { curl -sf "$MAIL_STATS_URL?to=$1"; }

RUN="$(date +%s)-$$"
TOKEN=$(bench_token operator)
RSS_START=$(bench_rss_mib "$NOTIFIER_PID")
RSS_MAX=$RSS_START

# seed COUNT DOMAIN: confirmed subscribers of this run only (the system may be shared), on a domain of
# their own so the count at the SMTP server is theirs. Rows as confirming through the API would leave
# them: ACTIVE, hashed tokens.
seed() {
  bench_log "seeding $1 confirmed subscribers of $REGION/$SYSTEM @$2"
  bench_notifier_sql "
  insert into subscription (id, email, regions, systems, language, status, confirm_token_hash,
      feed_token_hash, manage_token_hash, created_at, confirmed_at)
  select gen_random_uuid(), format('s%s@%s', n, '$2'), ',$REGION,', ',$SYSTEM,',
      case when n % 2 = 0 then 'sv' else 'en' end, 'ACTIVE',
      encode(sha256((gen_random_uuid()::text || 'c')::bytea), 'hex'),
      encode(sha256((gen_random_uuid()::text || 'f')::bytea), 'hex'),
      encode(sha256((gen_random_uuid()::text || 'm')::bytea), 'hex'),
      now(), now()
  from generate_series(1, $1) n;" >/dev/null
}

# fan_out COUNT DOMAIN LABEL: declares an outage in the region and waits until the server has accepted
# a mail for each of the COUNT subscribers @DOMAIN; sets T0 (the 201), FIRST and LAST (epoch ms at the
# server), samples the notifier's RSS into RSS_MAX, and leaves the CPU ticks before and after in
# $BENCH_DIR/cpu-before and cpu-after. The subscribers are removed afterwards, so that a later outage
# mails only its own.
fan_out() {
  local n=$1 domain=$2 label=$3 body status count rss timeout_ms
  bench_cpu_ticks >"$BENCH_DIR/cpu-before"
  body=$(printf '{"title":"Cosmic svarar inte (bench %s, %s)","region":"%s","systems":["%s"],"impact":"OUTAGE","startedAt":"%s","message":"Starta reservrutinen. Vi felsöker."}' \
    "$RUN" "$label" "$REGION" "$SYSTEM" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
  status=$(curl -s -o "$BENCH_DIR/outage.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$body" "$INCIDENT_URL/api/outages")
  T0=$(now_ms)
  if [ "$status" != 201 ]; then
    cat "$BENCH_DIR/outage.json" >&2; bench_log "declaring the outage answered $status"; exit 1
  fi
  timeout_ms=$(( n > 5000 ? 900000 : 300000 ))
  count=0; FIRST=0; LAST=0
  while :; do
    read -r count FIRST LAST < <(delivered "@$domain")
    rss=$(bench_rss_mib "$NOTIFIER_PID"); [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX=$rss
    [ "$count" -ge "$n" ] && break
    if [ $(( $(now_ms) - T0 )) -gt "$timeout_ms" ]; then
      bench_log "$label: only $count of $n mails after $((timeout_ms / 1000)) s"; exit 1
    fi
    sleep 0.1
  done
  bench_cpu_ticks >"$BENCH_DIR/cpu-after"
  bench_notifier_sql "delete from subscription where email like '%@$domain'" >/dev/null
}

# A fresh JVM runs the fan-out's code for the first time: during a first fan-out of 2,000 the
# notifier's JIT compiler threads used more CPU than its senders (C2 1.9 ms a mail against 1.2), on a
# machine whose two cores the SMTP server's JVM, as cold, needs too; after one warm-up C2 still took
# 0.9–1.4 ms a mail in each JVM, after three 0.4 in the notifier and next to none in the server. As
# bench/feeds.sh, bench/intake.sh and JMH do, warm-ups run first (FANOUT_WARM_UPS fan-outs of up to
# 2,000, default 3); the first one's figures are printed as the cold system's.
COLD_FIRST_MS=""; COLD_RATE=""
WARM_UPS=${FANOUT_WARM_UPS:-3}; if [ "$BENCH_SMOKE" = 1 ]; then WARM_UPS=0; fi
WARM_N=$(( N < 2000 ? N : 2000 ))
for w in $(seq 1 "$WARM_UPS"); do
  seed "$WARM_N" "warm-up-$w-$RUN.bench.example"
  fan_out "$WARM_N" "warm-up-$w-$RUN.bench.example" warm-up
  rate_w=$(per_s "$WARM_N" "$(( LAST - T0 ))")
  if [ "$w" = 1 ]; then COLD_FIRST_MS=$(( FIRST - T0 )); COLD_RATE=$rate_w; fi
  bench_log "warm-up $w: $WARM_N mails, first after $(( FIRST - T0 )) ms, $rate_w/s; CPU:"
  bench_cpu_report "$BENCH_DIR/cpu-before" "$BENCH_DIR/cpu-after" "$WARM_N" mail
done

DOMAIN="fanout-$RUN.bench.example"
seed "$N" "$DOMAIN"
if [ "${FANOUT_PROFILE:-0}" = 1 ]; then
  JFR_FILE="$BENCH_DIR/fanout-$N.jfr"
  jcmd "$NOTIFIER_PID" JFR.start name=fanout settings=profile filename="$JFR_FILE" >/dev/null
fi
purge_mail
fan_out "$N" "$DOMAIN" measured
if [ -n "${JFR_FILE:-}" ]; then jcmd "$NOTIFIER_PID" JFR.stop name=fanout >/dev/null; fi
first_ms=$(( FIRST - T0 )); all_ms=$(( LAST - T0 ))
rate=$(per_s "$N" "$all_ms")

# The references: the same number of messages into the same server, same sessions, each to a mailbox
# of its own as the fan-out's are (-N numbers the recipients: GreenMail slows down as one mailbox
# fills, which would flatter the notifier). First the very message the notifier sent (-F, as nginx
# serves the feed's own bytes): a multipart mail costs the server about 2.5 times what a plain one
# of the same size does, and both programs share its two cores. Then, for comparison with earlier
# runs, smtp-source's own single-part message of the same size.
# smtp_source DOMAIN ARGS...: prints the ms the server took to accept N messages.
smtp_source() {
  local domain=$1; shift
  local t0 t1 got
  purge_mail
  t0=$(now_ms)
  "$SMTP_SOURCE" -d -N -s "$SESSIONS" -m "$N" -f bench@driftinfo.se -t "ref@$domain" "$@" \
    "127.0.0.1:$SMTP_PORT" >/dev/null
  t1=$(now_ms)
  read -r got _ _ < <(delivered "@$domain")
  if [ "$got" -lt "$N" ]; then bench_log "smtp-source: the server accepted $got of $N"; exit 1; fi
  echo $(( t1 - t0 ))
}
# smtp-source -F adds CRLF to every line itself.
curl -sf "$MAIL_MESSAGE_URL?to=s1@$DOMAIN" | tr -d '\r' >"$BENCH_DIR/fanout-mail.eml"
SAME_MS=$(smtp_source "same-$RUN.bench.example" -F "$BENCH_DIR/fanout-mail.eml")
SIZE=$(wc -c <"$BENCH_DIR/fanout-mail.eml")
PLAIN_MS=$(smtp_source "plain-$RUN.bench.example" -l "$SIZE")
same_rate=$(per_s "$N" "$SAME_MS"); plain_rate=$(per_s "$N" "$PLAIN_MS")

bench_log "fan-out: first mail after $first_ms ms, $N after $all_ms ms; smtp-source ($SESSIONS sessions): $N of the notifier's own mail ($SIZE bytes) in $SAME_MS ms, $N single-part of $SIZE bytes in $PLAIN_MS ms"
bench_log "CPU during the measured fan-out (from /proc; the machine has $(nproc) cores):"
bench_cpu_report "$BENCH_DIR/cpu-before" "$BENCH_DIR/cpu-after" "$N" mail
bench_row "fan-out to $N subscribers, mails/s (declaration to last mail)" "$rate" "$same_rate (smtp-source -s $SESSIONS -F the notifier's mail)" "$(bench_ratio "$rate" "$same_rate")"
bench_row "fan-out to $N, against a single-part message of the same size" "$rate" "$plain_rate (smtp-source -s $SESSIONS -l $SIZE)" "$(bench_ratio "$rate" "$plain_rate")"
bench_row "fan-out to $N: first mail after the declaration's 201" "$first_ms ms" "" ""
if [ -n "$COLD_RATE" ]; then
  bench_row "the warm-up: first fan-out after start, $WARM_N subscribers, mails/s · first mail" "$COLD_RATE · $COLD_FIRST_MS ms" "" ""
fi
bench_row "fan-out to $N: notifier RSS, start → largest during the fan-outs" "$RSS_START → $RSS_MAX MiB" "" ""
if [ -n "${JFR_FILE:-}" ]; then
  BENCH_KEEP=1
  bench_log "JFR recording: $JFR_FILE (kept with $BENCH_DIR)"
fi
