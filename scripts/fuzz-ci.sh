#!/usr/bin/env bash
# scripts/fuzz-ci.sh FUZZ_BUILD SECONDS RESULT: the fuzzing step of
# `make test` (and so of CI).
#
# Sets up FUZZ_BUILD as `make fuzz` does (clang, -Dfuzz=true, ASan and
# UBSan) unless it is set up already, builds it, then:
#   - runs fuzz_coach, the target for the whole coach engine, for SECONDS
#     (from its seeds in fuzz/corpus/fuzz_coach, in a scratch corpus);
#   - runs every other target over its seeds only (fuzz/corpus/<target>/:
#     hand-written inputs and regressions), each input once: a few seconds
#     in all, enough to catch a fixed bug coming back.
# Prints one line per target and "fuzz: N passed, N failed", and writes
# "passed N failed N" to RESULT, which the meson test fuzz_ci (in the
# test build) reads, so the summary line of `make test` counts it. A build
# failure is written as one failure. Exits 1 when anything failed.
#
# The engine's long runs stay in `make fuzz`; this is the bounded share a
# test run can afford. Crashes leave their input in
# FUZZ_BUILD/fuzz-artifacts/ and the log in FUZZ_BUILD/fuzz-logs/.
set -u

if [ $# -ne 3 ] || ! [[ $2 =~ ^[0-9]+$ ]]; then
	echo "usage: scripts/fuzz-ci.sh FUZZ_BUILD SECONDS RESULT" >&2
	exit 2
fi
build=$1
seconds=$2
result=$3
src=$(cd "$(dirname "$0")/.." && pwd)
rm -f "$result"
mkdir -p "$(dirname "$result")"

finish() {
	echo "passed $1 failed $2" >"$result"
	echo "fuzz: $1 passed, $2 failed"
	[ "$2" -eq 0 ]
	exit $?
}

if ! command -v clang >/dev/null 2>&1; then
	echo "fuzz-ci: clang is missing (scripts/install-deps.sh test" \
		"installs it)" >&2
	finish 0 1
fi
if [ ! -f "$build/build.ninja" ]; then
	setup_log=$(mktemp)
	CC=clang meson setup "$build" -Dfuzz=true -Dtests=false \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dbuildtype=debugoptimized >"$setup_log" 2>&1 || {
		cat "$setup_log" >&2
		rm -f "$setup_log"
		echo "fuzz-ci: meson setup of $build failed" >&2
		finish 0 1
	}
	rm -f "$setup_log"
fi
if ! ninja -C "$build" >"$build/fuzz-ci-build.log" 2>&1; then
	tail -n 30 "$build/fuzz-ci-build.log" >&2
	echo "fuzz-ci: building $build failed" >&2
	finish 0 1
fi

export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:allocator_may_return_null=0
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts" "$build/fuzz-logs"

passed=0
failed=0
# report NAME RC LOG WHAT: one line per target, counted
report() {
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
		printf 'fuzz: %-12s ok (%s)\n' "$1" "$4"
		return
	fi
	failed=$((failed + 1))
	why=$(grep -a -m 1 -E '^fuzz_[a-z0-9_]+: |^SUMMARY: ' "$3" |
		LC_ALL=C tr -c '[:print:]' '?' | cut -c1-120)
	input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$3" | tail -n 1)
	[ -n "$input" ] || input=$(sed -n 's/^Running: //p' "$3" | tail -n 1)
	printf 'fuzz: %-12s FAILED (exit %s; input %s; log %s)\n    %s\n' \
		"$1" "$2" "${input:-none}" "$3" "${why:-no reason in the log}"
}

found=0
for exe in "$build"/fuzz/fuzz_*; do
	[ -f "$exe" ] && [ -x "$exe" ] || continue
	found=1
	name=$(basename "$exe")
	log="$build/fuzz-logs/$name-ci.log"
	seeds="$src/fuzz/corpus/$name"
	if [ "$name" = fuzz_coach ]; then
		corpus="$build/fuzz-corpus/$name"
		mkdir -p "$corpus"
		[ -d "$seeds" ] && cp -f "$seeds"/* "$corpus"/ 2>/dev/null
		"$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1 \
			-artifact_prefix="$build/fuzz-artifacts/$name-" \
			"$corpus" >"$log" 2>&1
		rc=$?
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
			tail -n 1)
		report "$name" "$rc" "$log" "$seconds s, ${runs:-?} runs"
	else
		inputs=()
		if [ -d "$seeds" ]; then
			for f in "$seeds"/*; do
				[ -f "$f" ] && inputs+=("$f")
			done
		fi
		if [ ${#inputs[@]} -eq 0 ]; then
			report "$name" 0 "$log" "no seeds"
			continue
		fi
		# Files (not a directory) as arguments: each is run once and
		# nothing is written next to them.
		"$exe" -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix="$build/fuzz-artifacts/$name-" \
			"${inputs[@]}" >"$log" 2>&1
		report "$name" $? "$log" "${#inputs[@]} seeds"
	fi
done
if [ "$found" -eq 0 ]; then
	echo "fuzz-ci: no fuzz_* programs in $build/fuzz" >&2
	failed=$((failed + 1))
fi
finish "$passed" "$failed"
