#!/bin/sh
# bench/coach.sh: the coach's benchmark (issue 4), called by bench/run.
#
# Usage: bench/coach.sh BUILD_DIR [SIZE_MB]
#
# Writes about SIZE_MB (default 100) of mixed seller and buyer texts, one
# a line (bench/coach_corpus.py, fixed seed), then in the same run:
#   - LC_ALL=C grep -c -i -F -f PHRASES over it, where PHRASES is the
#     coach's own phrase list (rapport coach --phrases), the floor;
#   - rapport coach --bench over it: every line coached (tokenized,
#     matched against every rule, negation and contexts checked, scored
#     by the built-in statistical model, the result built), one core,
#     MB/s; then the p99 latency of coaching one 2 KB email, 5000 runs;
#   - for reference, the same with the rules file alone (no model).
# Prints each figure with its target and met / not met, and appends the
# lines to BUILD_DIR/bench-results.txt.
set -eu
if [ $# -lt 1 ] || [ ! -x "$1/rapport" ]; then
	echo "usage: bench/coach.sh BUILD_DIR [SIZE_MB] (BUILD_DIR/rapport must exist)" >&2
	exit 2
fi
build=$1
size_mb=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
bin="$build/rapport"
work="$build/bench-coach"
mkdir -p "$work"
corpus="$work/corpus-$size_mb.txt"
[ -s "$corpus" ] || python3 "$here/coach_corpus.py" $((size_mb * 1000000)) "$corpus"
"$bin" coach --phrases | sort -u >"$work/phrases.txt"
nphrases=$(wc -l <"$work/phrases.txt")
bytes=$(wc -c <"$corpus")

now() { date +%s.%N; }
mbs() { awk -v b="$bytes" -v a="$1" -v c="$2" 'BEGIN { printf "%.1f", b / 1e6 / (c - a) }'; }
# grep's output goes to a file, not /dev/null: GNU grep notices /dev/null
# and stops at the first match, which measured nothing.
t0=$(now)
LC_ALL=C grep -c -i -F -f "$work/phrases.txt" "$corpus" >"$work/grep-count.txt" || true
t1=$(now)
grep_mbs=$(mbs "$t0" "$t1")
# For reference only: grep reporting every phrase it finds (-o), which is
# closer to the coach's work than -c (which moves to the next line at a
# line's first match, and most lines hold one).
t0=$(now)
LC_ALL=C grep -o -i -F -f "$work/phrases.txt" "$corpus" >"$work/grep-o.txt" || true
t1=$(now)
grep_o_mbs=$(mbs "$t0" "$t1")
rm -f "$work/grep-o.txt"

"$bin" coach --bench "$corpus" >"$work/coach-bench.txt"
coach_mbs=$(sed -n 's/^mb_per_s //p' "$work/coach-bench.txt")
# For reference only: the rules alone (a rules file carries no model), to
# show what the statistical model costs.
"$bin" coach --bench "$corpus" --rules "$here/../src/core/coach/rules/coach.rules" \
	>"$work/coach-bench-rules.txt"
rules_mbs=$(sed -n 's/^mb_per_s //p' "$work/coach-bench-rules.txt")
p99=$(sed -n 's/^p99_ms //p' "$work/coach-bench.txt")
email=$(sed -n 's/^email_bytes //p' "$work/coach-bench.txt")

verdict() { if awk -v x="$1" -v y="$2" 'BEGIN { exit !(x >= y) }'; then echo met; else echo "not met"; fi; }
target=50
[ "$(verdict "$grep_mbs" 50)" = met ] && target=$grep_mbs
out="$work/coach-results.txt"
{
	echo "coach: grep -c -i -F over $bytes bytes with $nphrases phrases: $grep_mbs MB/s (the floor)"
	echo "coach: grep -o -i -F (every phrase found, for reference): $grep_o_mbs MB/s"
	echo "coach: rules alone, without the model (for reference): $rules_mbs MB/s"
	echo "coach: throughput $coach_mbs MB/s, one core; target >= $target MB/s (grep's figure and at least 50): $(verdict "$coach_mbs" "$target")"
	echo "coach: latency p99 for a $email-byte email $p99 ms; target < 1 ms: $(awk -v p="$p99" 'BEGIN { print (p < 1.0) ? "met" : "not met" }')"
} >"$out"
cat "$out"
cat "$out" >>"$build/bench-results.txt"
