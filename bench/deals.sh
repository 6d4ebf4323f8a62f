#!/usr/bin/env bash
# bench/deals.sh: the deal benchmark (issue 3), called by bench/run.
#
# Usage: bench/deals.sh BUILD_DIR
#
# Generates (or reuses) 20,000 deals with their committee, plan, concerns
# and touches (BUILD_DIR/bench/gen_deals), serves a copy with
# BUILD_DIR/rapport on 127.0.0.1 and, with an API token (every route but
# /healthz needs a login: bench/login.sh), measures:
#   - GET /api/v1/deals/{id} with everything nested, random ids, wrk with
#     BENCH_CONNECTIONS (default 16) connections: p99 under 10 ms;
#   - GET /api/v1/metrics for the last year over all deals (with the
#     per-owner breakdown), one at a time, 20 runs: the slowest under
#     200 ms (the median is printed too).
# Prints each figure with its target and met / not met, and appends the
# lines to BUILD_DIR/bench-results.txt. Stops what it starts by its id.
set -euo pipefail
if [ $# -ne 1 ] || [ ! -x "$1/rapport" ]; then
	echo "usage: bench/deals.sh BUILD_DIR (BUILD_DIR/rapport must exist)" >&2
	exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
SECONDS_PER=${BENCH_SECONDS:-10}
CONNS=${BENCH_DEAL_CONNECTIONS:-16}
die() {
	echo "bench deals: $*" >&2
	exit 1
}
[ -x "$BUILD/bench/gen_deals" ] || die "no $BUILD/bench/gen_deals (meson option bench=true)"
command -v wrk >/dev/null || die "wrk is missing (scripts/install-deps.sh bench)"
command -v curl >/dev/null || die "curl is missing"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rapport-deals.XXXXXX")
SERVER_PID=""
cleanup() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 100); do
			kill -0 "$SERVER_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

KEY=$("$BUILD/bench/gen_deals" --key)-$(cat "$HERE/gen_deals.c" "$HERE"/../src/store/sql/*.sql |
	sha256sum | cut -c1-10)
DATA_DIR="$BUILD/bench-data"
DATA="$DATA_DIR/deals-$KEY.db"
if [ ! -f "$DATA" ] || [ ! -f "$DATA.meta" ]; then
	mkdir -p "$DATA_DIR"
	rm -f "$DATA_DIR"/deals-*.db "$DATA_DIR"/deals-*.db.*
	echo "bench deals: generating the data set $KEY"
	timeout 1800 "$BUILD/bench/gen_deals" "$DATA" ||
		die "the generator failed or took more than 30 minutes"
fi
export BENCH_DEAL_FIRST=$(awk '$1 == "first_id" { print $2 }' "$DATA.meta")
export BENCH_DEAL_LAST=$(awk '$1 == "last_id" { print $2 }' "$DATA.meta")
cp "$DATA" "$WORK/deals.db"
. "$HERE/login.sh"
bench_user_add "$BUILD/rapport" "$WORK/deals.db" "$WORK"

"$BUILD/rapport" serve --listen 127.0.0.1:0 --db "$WORK/deals.db" \
	--port-file "$WORK/port" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do
	[ -s "$WORK/port" ] && break
	kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited: $(tail -5 "$WORK/server.log")"
	sleep 0.1
done
[ -s "$WORK/port" ] || die "the server did not write its port within 60 s"
BASE="http://127.0.0.1:$(cat "$WORK/port")"
bench_token "$BASE" "$WORK"
# curl reads the header from a file, so the token is not on a command line.
printf 'Authorization: Bearer %s\n' "$BENCH_TOKEN" >"$WORK/auth.header"
curl -sf -H @"$WORK/auth.header" "$BASE/api/v1/deals/$BENCH_DEAL_FIRST" >"$WORK/deal.json" ||
	die "GET /api/v1/deals/$BENCH_DEAL_FIRST failed"

verdict() { if [ "$1" -eq 0 ]; then echo "met"; else echo "NOT met"; fi; }

# GET a deal, everything nested.
timeout $((SECONDS_PER + 30)) wrk -t2 -c"$CONNS" -d"${SECONDS_PER}s" --latency \
	--timeout 5s -s "$HERE/deals.lua" "$BASE" >"$WORK/deal.wrk" 2>&1 ||
	die "wrk failed: $(tail -3 "$WORK/deal.wrk")"
read -r RPS P50 P75 P90 P99 REQS NON2XX SOCKERR < <(python3 "$HERE/tool.py" wrk "$WORK/deal.wrk")
ok=$(python3 "$HERE/tool.py" compare "$P99" "<" 10 && echo 0 || echo 1)
[ "$NON2XX" -eq 0 ] && [ "$SOCKERR" -eq 0 ] || ok=1
line1=$(printf '%-17s %-15s %-45s %s' "GET deal" "p99 $(printf %.2f "$P99") ms" \
	"< 10 ms (c=$CONNS, $RPS req/s, $(wc -c <"$WORK/deal.json") B)" "$(verdict "$ok")")

# Metrics for the last year over all deals, one request at a time. The
# first request (cold: statements prepared, pages read in) is printed on
# its own and not counted in the 20 runs.
TO=$(date -u +%Y-%m-%d)
FROM=$(date -u -d "364 days ago" +%Y-%m-%d)
COLD=$(curl -sf -H @"$WORK/auth.header" -o "$WORK/metrics.json" -w '%{time_total}' \
	"$BASE/api/v1/metrics?from=$FROM&to=$TO" | awk '{ printf "%.1f", $1 * 1000 }') ||
	die "GET /api/v1/metrics failed"
: >"$WORK/metrics.times"
for _ in $(seq 20); do
	curl -sf -H @"$WORK/auth.header" -o "$WORK/metrics.json" -w '%{time_total}\n' \
		"$BASE/api/v1/metrics?from=$FROM&to=$TO" >>"$WORK/metrics.times" ||
		die "GET /api/v1/metrics failed"
done
read -r MED MAX < <(sort -n "$WORK/metrics.times" |
	awk '{ v[NR] = $1 * 1000 } END { printf "%.1f %.1f\n", (v[10] + v[11]) / 2, v[NR] }')
ok=$(python3 "$HERE/tool.py" compare "$MAX" "<" 200 && echo 0 || echo 1)
line2=$(printf '%-17s %-15s %-45s %s' "metrics, a year" "max $MAX ms" \
	"< 200 ms (median $MED, first $COLD; $((BENCH_DEAL_LAST - BENCH_DEAL_FIRST + 1)) deals)" \
	"$(verdict "$ok")")
{
	echo
	echo "rapport deals benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ), data set $KEY"
	echo "$line1"
	echo "$line2"
} | tee -a "$BUILD/bench-results.txt"
