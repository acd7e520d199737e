#!/usr/bin/env bash
# An outage declared to N confirmed subscribers (default 2,000; bench/fanout.sh 20000 for the large
# run): time from the declaration's 201 to the first and to the last mail the SMTP server accepted,
# against Postfix's smtp-source sending N copies of the notifier's own mail into the same server with
# the same number of sessions (and, for comparison, N single-part messages of the same size). Prints mails/s for both, their ratio, the first mail's latency and the
# notifier's largest RSS during the fan-out. See docs/benchmarks.md, "Outage fan-out".
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
bench_need smtp-source postfix
bench_need psql postgresql-client
SMTP_SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)

bench_start

now_ms() { date +%s%3N; }
# COUNT FIRST LAST: copies the SMTP server accepted for addresses ending with $1 (BenchSystem).
delivered() { curl -sf "$MAIL_STATS_URL?to=$1"; }
notifier_sql() { PGPASSWORD=notifier psql -qtAX -h 127.0.0.1 -p "$PG_PORT" -U notifier notifier -c "$1"; }

# Subscribers of this run only (the system may be shared): their own domain, so the count at the SMTP
# server is theirs. Rows as confirming through the API would leave them: ACTIVE, hashed tokens.
RUN="$(date +%s)-$$"
DOMAIN="fanout-$RUN.bench.example"
bench_log "seeding $N confirmed subscribers of $REGION/$SYSTEM @$DOMAIN"
notifier_sql "
insert into subscription (id, email, regions, systems, language, status, confirm_token_hash,
    feed_token_hash, manage_token_hash, created_at, confirmed_at)
select gen_random_uuid(), format('s%s@%s', n, '$DOMAIN'), ',$REGION,', ',$SYSTEM,',
    case when n % 2 = 0 then 'sv' else 'en' end, 'ACTIVE',
    encode(sha256((gen_random_uuid()::text || 'c')::bytea), 'hex'),
    encode(sha256((gen_random_uuid()::text || 'f')::bytea), 'hex'),
    encode(sha256((gen_random_uuid()::text || 'm')::bytea), 'hex'),
    now(), now()
from generate_series(1, $N) n;" >/dev/null

TOKEN=$(bench_token operator)
RSS_START=$(bench_rss_mib "$NOTIFIER_PID")
if [ "${FANOUT_PROFILE:-0}" = 1 ]; then
  JFR_FILE="$BENCH_DIR/fanout-$N.jfr"
  jcmd "$NOTIFIER_PID" JFR.start name=fanout settings=profile filename="$JFR_FILE" >/dev/null
fi

body=$(printf '{"title":"Cosmic svarar inte (bench %s)","region":"%s","systems":["%s"],"impact":"OUTAGE","startedAt":"%s","message":"Starta reservrutinen. Vi felsöker."}' \
  "$RUN" "$REGION" "$SYSTEM" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
status=$(curl -s -o "$BENCH_DIR/outage.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "$body" "$INCIDENT_URL/api/outages")
T0=$(now_ms)
if [ "$status" != 201 ]; then
  cat "$BENCH_DIR/outage.json" >&2; bench_log "declaring the outage answered $status"; exit 1
fi

# Poll the SMTP server's count; the notifier's RSS is sampled as it goes (its largest is reported).
timeout_ms=$(( N > 5000 ? 900000 : 300000 ))
RSS_MAX=$RSS_START
SIZE=""
count=0; first=0; last=0
while :; do
  read -r count first last < <(delivered "@$DOMAIN")
  rss=$(bench_rss_mib "$NOTIFIER_PID"); [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX=$rss
  if [ -z "$SIZE" ]; then
    # The size of one queued mail's bodies, for smtp-source's messages (plus ~1 KB of headers and MIME).
    SIZE=$(notifier_sql "select max(octet_length(text_body) + octet_length(html_body)) + 1000 from delivery
                         where recipient like '%@$DOMAIN' and status = 'PENDING'")
  fi
  [ "$count" -ge "$N" ] && break
  if [ $(( $(now_ms) - T0 )) -gt "$timeout_ms" ]; then
    bench_log "only $count of $N mails after $((timeout_ms / 1000)) s"; exit 1
  fi
  sleep 0.1
done
if [ -n "${JFR_FILE:-}" ]; then jcmd "$NOTIFIER_PID" JFR.stop name=fanout >/dev/null; fi
SIZE=${SIZE:-4000}
first_ms=$(( first - T0 )); all_ms=$(( last - T0 ))
rate=$(awk -v n="$N" -v ms="$all_ms" 'BEGIN { printf "%.0f", n * 1000 / (ms > 0 ? ms : 1) }')

# The references: the same number of messages into the same server, same sessions, each to a mailbox
# of its own as the fan-out's are (-N numbers the recipients: GreenMail slows down as one mailbox
# fills, which would flatter the notifier). First the very message the notifier sent (-F, as nginx
# serves the feed's own bytes): a multipart mail costs the server about three times what a plain one
# of the same size does, and both programs share its two cores. Then, for comparison with earlier
# runs, smtp-source's own single-part message of the same size.
# smtp_source DOMAIN ARGS...: prints the ms the server took to accept N messages.
smtp_source() {
  local domain=$1; shift
  local t0 t1 got
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
SAME_BYTES=$(wc -c <"$BENCH_DIR/fanout-mail.eml")
PLAIN_MS=$(smtp_source "plain-$RUN.bench.example" -l "$SIZE")
per_s() { awk -v n="$N" -v ms="$1" 'BEGIN { printf "%.0f", n * 1000 / (ms > 0 ? ms : 1) }'; }
same_rate=$(per_s "$SAME_MS"); plain_rate=$(per_s "$PLAIN_MS")

# This run's subscribers go, so that a later run on the same system mails only its own.
notifier_sql "delete from subscription where email like '%@$DOMAIN'" >/dev/null

bench_log "fan-out: first mail after $first_ms ms, $N after $all_ms ms; smtp-source ($SESSIONS sessions): $N of the notifier's own mail ($SAME_BYTES bytes) in $SAME_MS ms, $N single-part of $SIZE bytes in $PLAIN_MS ms"
bench_row "fan-out to $N subscribers, mails/s (declaration to last mail)" "$rate" "$same_rate (smtp-source -s $SESSIONS -F the notifier's mail)" "$(bench_ratio "$rate" "$same_rate")"
bench_row "fan-out to $N, against a single-part message of the same size" "$rate" "$plain_rate (smtp-source -s $SESSIONS -l $SIZE)" "$(bench_ratio "$rate" "$plain_rate")"
bench_row "fan-out to $N: first mail after the declaration's 201" "$first_ms ms" "" ""
bench_row "fan-out to $N: notifier RSS, start → largest during the fan-out" "$RSS_START → $RSS_MAX MiB" "" ""
if [ -n "${JFR_FILE:-}" ]; then
  BENCH_KEEP=1
  bench_log "JFR recording: $JFR_FILE (kept with $BENCH_DIR)"
fi
