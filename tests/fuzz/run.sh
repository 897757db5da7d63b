#!/bin/sh
# run.sh: run every libFuzzer target for SECONDS each (default 30), one after the other, with ASan
# and UBSan, the XML dictionary and an input size cap per target.  The fuzz build is made (or
# brought up to date) in $FUZZ_BUILD (default _build/fuzz: ./configure --enable-fuzz CC=clang).
# Seeds come from catalog/, samples/, tests/data/ and tests/fuzz/seeds/; the growing corpus is kept
# in $FUZZ_BUILD/fuzz-work/corpus/TARGET between runs.  Prints each target's executions, and fails
# on any crash, naming the input (copy it to tests/fuzz/regress/TARGET/ once the bug is fixed:
# make check replays that directory in every build).
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]   (FUZZ_CC: the compiler, default clang)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-30}
[ $# -gt 0 ] && shift
targets=${*:-catalog regulation profile diff generate response}
BUILD=${FUZZ_BUILD:-$top/_build/fuzz}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
WORK=$BUILD/fuzz-work

# the fuzz build
if [ ! -f "$BUILD/config.status" ]; then
	[ -x "$top/configure" ] || (cd "$top" && autoreconf -fi)
	mkdir -p "$BUILD"
	(cd "$BUILD" && "$top/configure" --enable-fuzz CC="${FUZZ_CC:-clang}" >configure.log 2>&1) ||
		{ tail -20 "$BUILD/configure.log"; exit 1; }
fi
(cd "$BUILD" && make -j"$JOBS" >make.log 2>&1) || { tail -40 "$BUILD/make.log"; exit 1; }

# OLD, the separator, NEW: one input of the diff target
sep() { cat "$1"; printf '\n----8<----\n'; cat "$2"; }

# the seed corpus of target $1 into directory $2
seeds() {
	rm -rf "$2"
	mkdir -p "$2"
	case $1 in
	catalog)
		cp "$top/catalog/procurement.xml" "$top/samples/catalog-tailored.xml" "$top/tests/data/mini.xml" "$2/"
		for f in "$top"/tests/data/diff/*.xml; do cp "$f" "$2/diff-$(basename "$f")"; done ;;
	regulation)
		cp "$top/catalog/regulation.xml" "$2/"
		cp "$top"/tests/fuzz/seeds/regulation/* "$2/" ;;
	profile | generate)
		cp "$top"/samples/profile-*.xml "$2/"
		sep "$top/samples/profile-dev.xml" /dev/null >"$2/flags-none"
		{ cat "$top/samples/profile-dev.xml"; printf '\n----8<----\ngrade 高\nchoose dev-03\nexclude dev-29=已涵蓋\nciso-decline dev-05=不導入\ndate 115年11月20日\nlabel 附件三\n'; } >"$2/flags-dev"
		printf '\n----8<----\ntype saas\ngrade 中\nlevel C\nkind special\npersonal-data yes\nspecial-procurement yes\nscan-risk 高\nbaseline 高\ndraft no\n' >"$2/flags-only"
		printf '\n----8<----\ntype dev\nconfidentiality 高\nintegrity 中\navailability 普\nlegal 普\nlevel A\ndate 2026-02-29\n' >"$2/flags-dims" ;;
	diff)
		for f in "$top"/tests/data/diff/*.xml; do
			sep "$top/tests/data/diff/base.xml" "$f" >"$2/base-$(basename "$f")"
		done
		sep "$top/tests/data/mini.xml" "$top/tests/data/mini.xml" >"$2/mini-mini" ;;
	response)
		cp "$top"/tests/fuzz/seeds/response/* "$2/" ;;
	esac
}

# the input size cap of target $1: the catalogs are 43 and 62 KB; profiles a few KB
max_len() {
	case $1 in
	catalog | regulation) echo 65536 ;;
	diff | response) echo 16384 ;;
	*) echo 8192 ;;
	esac
}

status=0
total=0
printf '%-12s %12s %8s %10s  %s\n' target executions seconds exec/s result
for t in $targets; do
	exe=$BUILD/tests/fuzz/fuzz_$t
	[ -x "$exe" ] || { echo "no fuzz target $exe"; exit 1; }
	seeds "$t" "$WORK/seeds/$t"
	mkdir -p "$WORK/corpus/$t" "$WORK/artifacts/$t"
	set -- "$WORK/corpus/$t" "$WORK/seeds/$t"
	[ -d "$top/tests/fuzz/regress/$t" ] && set -- "$@" "$top/tests/fuzz/regress/$t"
	log=$WORK/$t.log
	rc=0
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	"$exe" -max_total_time="$secs" -max_len="$(max_len "$t")" -dict="$top/tests/fuzz/xml.dict" \
	    -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$WORK/artifacts/$t/" \
	    "$@" >"$log" 2>&1 || rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
	runs=${runs:-0}
	took=${took:-$secs}
	total=$((total + runs))
	if [ "$rc" -eq 0 ]; then
		printf '%-12s %12s %8s %10s  %s\n' "$t" "$runs" "$took" "$((runs / (took > 0 ? took : 1)))" ok
	else
		printf '%-12s %12s %8s %10s  %s\n' "$t" "$runs" "$took" - "CRASH (exit $rc)"
		grep -E 'ERROR: |SUMMARY: |runtime error|Test unit written|^    #[0-9]' "$log" | head -25 | sed 's/^/  /'
		echo "  full log: $log"
		status=1
	fi
done
echo "total: $total executions"
exit $status
