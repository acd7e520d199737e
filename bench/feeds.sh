#!/usr/bin/env bash
# Feeds: GET /feeds/regions/norrbotten.ics holding 200 maintenance windows, planned through the real
# maintenance API as `planner` (one-offs and weekly/monthly series), against nginx serving the same
# bytes from a file. wrk, 32 connections, 2 threads, 20 s each after a warm-up; req/s and p99 of both,
# and their ratio. Also a private feed (a subscriber's /feeds/s/{token}.ics), when it can be had.
#   BENCH_SMOKE=1: 2 s of load, no warm-up, 20 windows.
#   BENCH_FEEDS_JFR=FILE: after the measurements, one more region-feed load with the notifier recording
#     JFR (profile settings) into FILE (not in the figures: the recording costs throughput).
#   BENCH_FEEDS_WINDOWS=N: N windows instead of 200.
source "$(dirname "$0")/lib.sh"
bench_need curl curl
bench_need python3 python3
bench_need psql postgresql-client
bench_need wrk wrk
bench_need nginx nginx-light
bench_start

windows="${BENCH_FEEDS_WINDOWS:-200}"
duration=20s; warmup=10s
if [ "$BENCH_SMOKE" = 1 ]; then duration=2s; warmup=0; windows="${BENCH_FEEDS_WINDOWS:-20}"; fi
region=norrbotten
feed_path="/feeds/regions/$region.ics"
work=$(mktemp -d /tmp/driftinfo-feeds.XXXXXX)
chmod 755 "$work"
nginx_pid=""

feeds_stop() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  # A system handed over by bench/smoke is stopped by bench/smoke.
  if [ -z "${BENCH_SYSTEM_ENV:-}" ]; then bench_stop; fi
}
trap feeds_stop EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- 200 windows in one region, through the maintenance API -------------------------------------------
# Realistic titles and systems of Norrbotten; every fifth a weekly series, every seventh a monthly one
# (on the n-th weekday of its start), the rest one-offs, spread over the coming two years. Each run's
# windows carry the run's tag in their description, so a shared system (bench/smoke) is no confusion.
titles=("FU-stopp Cosmic" "Uppgradering Cosmic" "Serviceavbrott Labportalen" "Patchning VAS läs"
  "Byte av lagring Sectra" "Databasunderhåll Lifecare SP" "Certifikatbyte Cosmic" "Nätverksarbete Sunderby sjukhus"
  "Versionsbyte Sectra PACS" "Planerat underhåll Labportalen" "Omstart av servrar, Lifecare SP" "Säkerhetsuppdatering VAS läs")
systems=('"cosmic"' '"labportalen"' '"vas-las","cosmic"' '"sectra"' '"lifecare-sp"' '"cosmic","labportalen","vas-las"')
days=(MO TU WE TH FR SA SU)
tag="bench-$(date +%s)-$$"
ids="$work/ids"
: >"$ids"
bench_log "planning $windows windows in $region through the maintenance API (as planner)"
token=$(bench_token planner)
[ -n "$token" ] || { bench_log "no token for planner"; exit 1; }
first=$(date -u -d "+14 days" +%F)
for i in $(seq 1 "$windows"); do
  # A fresh token now and then: Keycloak's access tokens are short-lived.
  if [ $((i % 50)) -eq 0 ]; then token=$(bench_token planner); fi
  day=$(date -u -d "$first + $(( (i * 3) % 700 )) days" +%F)
  hour=$(( 6 + (i % 12) ))
  start="${day}T$(printf %02d $hour):00"
  end="${day}T$(printf %02d $((hour + 1 + i % 4))):00"
  title="${titles[$((i % ${#titles[@]}))]} #$i"
  sys="${systems[$((i % ${#systems[@]}))]}"
  recurrence=null
  if [ $((i % 5)) -eq 0 ]; then
    recurrence="\"FREQ=WEEKLY;BYDAY=${days[$(( $(date -u -d "$day" +%u) - 1 ))]};COUNT=$((4 + i % 20))\""
  elif [ $((i % 7)) -eq 0 ]; then
    nth=$(( ($(date -u -d "$day" +%-d) - 1) / 7 + 1 ))
    recurrence="\"FREQ=MONTHLY;BYDAY=${nth}${days[$(( $(date -u -d "$day" +%u) - 1 ))]}\""
  fi
  body="{\"title\":\"$title\",\"description\":\"Planerat arbete; vårdenheter arbetar enligt reservrutin. ($tag)\",\"region\":\"$region\",\"systems\":[$sys],\"timeZone\":\"Europe/Stockholm\",\"start\":\"$start\",\"end\":\"$end\",\"recurrence\":$recurrence}"
  answer=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$body" "$MAINTENANCE_URL/api/maintenance-windows")
  code=$(tail -1 <<<"$answer")
  if [ "$code" != 201 ]; then
    bench_log "window $i: $code: $(head -1 <<<"$answer")"; exit 1
  fi
  head -1 <<<"$answer" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4 >>"$ids"
done
sed 's/.*/UID:window-&@driftinfo.se/' "$ids" >"$work/uids"

# --- wait until the notifier has consumed all of them ------------------------------------------------
bench_log "waiting until $feed_path holds all $windows windows"
waited=0
while :; do
  curl -sf "$NOTIFIER_URL$feed_path" | tr -d '\r' | sed -n 's/^UID:/UID:/p' | sort -u >"$work/seen" || true
  have=$(grep -cxFf "$work/uids" "$work/seen" || true)
  [ "$have" -ge "$windows" ] && break
  sleep 1; waited=$((waited + 1))
  if [ "$waited" -gt 180 ]; then bench_log "only $have of $windows windows in the feed after 180 s"; exit 1; fi
done
curl -sf -o "$work/feed.ics" "$NOTIFIER_URL$feed_path"
size_kb=$(( $(stat -c %s "$work/feed.ics") / 1024 ))
events=$(grep -c '^BEGIN:VEVENT' "$work/feed.ics")
gzip_kb=$(( $(curl -sf -H 'Accept-Encoding: gzip' "$NOTIFIER_URL$feed_path" | wc -c) / 1024 ))
bench_log "the feed: $size_kb KB ($gzip_kb KB to a client that accepts gzip), $events events ($(wc -l <"$work/seen") series)"

# --- a private feed: an active subscriber of the region, written into the notifier's database -------
# (subscribing through the API needs the confirmation mail, which the benchmark system does not keep;
# what is measured is serving the feed, and the row is what confirming leaves behind).
private_path=""
feed_token="bench-feed-token-$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
if PGPASSWORD=notifier psql -q -h 127.0.0.1 -p "$PG_PORT" -U notifier -d notifier -v ON_ERROR_STOP=1 \
    -c "insert into subscription (id, email, regions, systems, language, status, confirm_token_hash,
          feed_token_hash, created_at, confirmed_at)
        values (gen_random_uuid(), 'bench-$tag@vardcentral.example', ',$region,', ',', 'sv', 'ACTIVE',
          encode(sha256(convert_to('confirm-$tag', 'UTF8')), 'hex'),
          encode(sha256(convert_to('$feed_token', 'UTF8')), 'hex'), now(), now())" >/dev/null; then
  private_path="/feeds/s/$feed_token.ics"
  for _ in $(seq 1 20); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$NOTIFIER_URL$private_path")" = 200 ] && break
    sleep 0.5
  done
else
  bench_log "no private feed (could not write the subscriber); measuring the public feed only"
fi

# --- nginx serving the same bytes --------------------------------------------------------------------
mkdir -p "$work/www/feeds/regions" "$work/nginx/logs" "$work/nginx/tmp"
cp "$work/feed.ics" "$work/www$feed_path"
nginx_port=$(free_port)
user_line=""
if [ "$(id -u)" -eq 0 ]; then user_line="user root;"; fi
cat >"$work/nginx/nginx.conf" <<EOF
$user_line
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  types { text/calendar ics; }
  charset utf-8;
  charset_types text/calendar;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / { add_header Cache-Control "max-age=300"; }
  }
}
EOF
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/logs/stderr" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$nginx_port$feed_path" && break
  sleep 0.1
done
if ! curl -sf -o "$work/nginx.ics" "http://127.0.0.1:$nginx_port$feed_path"; then
  cat "$work/nginx/logs/stderr" "$work/nginx/logs/error.log" >&2; bench_log "nginx did not serve the feed"; exit 1
fi
cmp -s "$work/feed.ics" "$work/nginx.ics" || { bench_log "nginx serves other bytes"; exit 1; }

# --- load ----------------------------------------------------------------------------------------------
# cpu_ticks PID...: user + system CPU ticks the processes used so far.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    if [ -r "/proc/$pid/stat" ]; then
      total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    fi
  done
  echo "$total"
}

# run_wrk URL PID...: prints "REQ_PER_S P99_MS ERRORS CPU_US_PER_REQUEST" (errors: socket errors, timeouts
# and answers other than 2xx/3xx; a request slower than 30 s counts as a timeout). CPU per request is
# what the server processes PID... used during the load: the machine is shared, so req/s and latency
# move with its load, CPU per request much less.
run_wrk() {
  local out url="$1" t0 t1
  shift
  if [ "$warmup" != 0 ]; then wrk -t2 -c32 -d"$warmup" --timeout 30s "$url" >/dev/null; fi
  bench_log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(cpu_ticks "$@")
  out=$(wrk -t2 -c32 -d"$duration" --timeout 30s --latency "$url")
  t1=$(cpu_ticks "$@")
  bench_log "$(tr '\n' ' ' <<<"$out" | tr -s ' ')"
  awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
    /Requests\/sec:/ { rps = $2 }
    /requests in/ { n = $1 }
    $1 == "99%" {
      v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      if (unit == "us") v = v / 1000; else if (unit == "s") v = v * 1000; else if (unit == "m") v = v * 60000
      p99 = v
    }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    END { printf "%d %.1f %d %d\n", rps, p99, errors, (n > 0 ? ticks * 1000000 / hz / n : 0) }' <<<"$out"
}

# figure RPS P99 ERRORS CPU: the table's cell.
figure() {
  local s="$1 req/s, p99 $2 ms, $4 µs CPU per request"
  if [ "$3" -gt 0 ]; then s="$s, $3 errors"; fi
  echo "$s"
}

nginx_pids() { echo "$nginx_pid" $(pgrep -P "$nginx_pid" || true); }

bench_log "wrk -t2 -c32 -d$duration against the notifier's feed"
read -r d_rps d_p99 d_err d_cpu < <(run_wrk "$NOTIFIER_URL$feed_path" "$NOTIFIER_PID")
bench_log "wrk -t2 -c32 -d$duration against nginx"
read -r n_rps n_p99 n_err n_cpu < <(run_wrk "http://127.0.0.1:$nginx_port$feed_path" $(nginx_pids))

bench_row "path" "Driftinfo" "reference" "ratio"
bench_row "---" "---" "---" "---"
bench_row "GET $feed_path ($windows windows, $size_kb KB), 32 connections" \
  "$(figure "$d_rps" "$d_p99" "$d_err" "$d_cpu")" "nginx, same bytes: $(figure "$n_rps" "$n_p99" "$n_err" "$n_cpu")" \
  "$(bench_ratio "$d_rps" "$n_rps")"

if [ -n "$private_path" ]; then
  curl -sf -o "$work/private.ics" "$NOTIFIER_URL$private_path"
  mkdir -p "$(dirname "$work/www$private_path")"
  cp "$work/private.ics" "$work/www$private_path"
  bench_log "wrk against a private feed ($(( $(stat -c %s "$work/private.ics") / 1024 )) KB)"
  read -r p_rps p_p99 p_err p_cpu < <(run_wrk "$NOTIFIER_URL$private_path" "$NOTIFIER_PID")
  read -r pn_rps pn_p99 pn_err pn_cpu < <(run_wrk "http://127.0.0.1:$nginx_port$private_path" $(nginx_pids))
  bench_row "GET /feeds/s/{token}.ics (a subscriber of $region), 32 connections" \
    "$(figure "$p_rps" "$p_p99" "$p_err" "$p_cpu")" "nginx, same bytes: $(figure "$pn_rps" "$pn_p99" "$pn_err" "$pn_cpu")" \
    "$(bench_ratio "$p_rps" "$pn_rps")"
fi

if [ -n "${BENCH_FEEDS_JFR:-}" ]; then
  bench_log "profiling: one more load of $feed_path with JFR (profile settings) into $BENCH_FEEDS_JFR"
  jcmd "$NOTIFIER_PID" JFR.start name=feeds settings=profile >/dev/null
  wrk -t2 -c32 -d"$duration" --timeout 30s "$NOTIFIER_URL$feed_path" >/dev/null
  jcmd "$NOTIFIER_PID" JFR.dump name=feeds filename="$BENCH_FEEDS_JFR" >/dev/null
  jcmd "$NOTIFIER_PID" JFR.stop name=feeds >/dev/null
fi
