# shellcheck shell=bash
# bench/login.sh: sourced by bench/run and bench/deals.sh (bash). Every
# route but /healthz needs a login (docs/accounts.md), so a benchmark does
# what tests/lib/harness.py does: before serving, it adds an admin to its
# scratch copy of the data set with `rapport user add` (a random password
# through a pipe); once the server listens, it logs in and makes an API
# token (bench/tool.py token), exported as BENCH_TOKEN for the wrk
# scripts, which send it as `Authorization: Bearer`. The password and the
# token live only in the benchmark's temporary folder and environment,
# and the cached data set is never changed. Expects die() from the caller.

BENCH_LOGIN=bench

# bench_user_add RAPPORT DB WORK: adds the admin BENCH_LOGIN to DB.
bench_user_add() {
	local bin=$1 db=$2 work=$3
	(umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' \
		>"$work/password")
	"$bin" user add "$BENCH_LOGIN" --role admin --name "Benchmark" \
		--db "$db" <"$work/password" >"$work/user.log" 2>&1 ||
		die "rapport user add $BENCH_LOGIN failed: $(tail -3 "$work/user.log")"
}

# bench_token BASE WORK: logs in at BASE and exports BENCH_TOKEN.
bench_token() {
	local base=$1 work=$2
	BENCH_TOKEN=$(python3 "$(dirname "${BASH_SOURCE[0]}")/tool.py" token \
		"$base" "$BENCH_LOGIN" <"$work/password") ||
		die "could not log in as $BENCH_LOGIN and make an API token at $base"
	export BENCH_TOKEN
}
