#!/usr/bin/env bash
# JMH: window expansion (event-contracts' WindowSchedule), 500 windows over 10 years, in its own Maven
# project bench/jmh/ (not part of the normal build). No running system is needed; the reference is the
# same 500 windows' rules only parsed, which shows how much of an expansion is parsing.
#   BENCH_SMOKE=1: one fork, one short iteration.
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
if [ "${BENCH_NOBUILD:-0}" != 1 ]; then
  bench_log "building event-contracts"
  ./mvnw -B -q -o -pl event-contracts install -DskipTests -Dfuzz.skip=true >&2
fi
bench_log "building bench/jmh"
# JMH comes from Maven Central once; offline afterwards.
./mvnw -B -q -o -f bench/jmh/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2 \
  || ./mvnw -B -q -f bench/jmh/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2

if [ "$BENCH_SMOKE" = 1 ]; then jmh_args=(-f 1 -wi 0 -i 1 -r 1); else jmh_args=(); fi
out=$(mktemp)
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)" org.openjdk.jmh.Main \
  "${jmh_args[@]}" -rf csv -rff "$out" 'se.driftinfo.bench.ExpansionBenchmark' >&2
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
score() { awk -F, -v b="$1" 'index($1, b) { gsub(/"/, "", $5); printf "%.2f", $5 }' "$out"; }
expand=$(score expand500WindowsOver10Years)
parse=$(score parse500Rules)
rm -f "$out"
if [ -z "$expand" ] || [ -z "$parse" ]; then bench_log "a benchmark failed (see its output above)"; exit 1; fi
bench_row "path" "Driftinfo" "reference" "ratio"
bench_row "expand 500 windows over 10 years (ms/op, lower is better)" "$expand" "parse the 500 rules: $parse" \
  "$(awk -v a="$parse" -v b="$expand" 'BEGIN { printf "%.2g", a / b }')"
