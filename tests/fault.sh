#!/bin/sh
# fault.sh: fault injection at the system-call level.  strace makes the Nth write, fsync, close,
# rename, openat or fchmod fail (ENOSPC, EIO or EACCES in turn), for every N up to the number of
# such calls that a generate (DOCX, ODT, XLSX), a redline (diff -o) and an export (to a file through
# standard output) make, with the target existing and absent.  Each run must end either with a
# non-zero exit (below 128: no crash) and a message, the target byte-identical to before (or
# absent), or, when the failed call did not matter (the close of a file read, ld.so's cache,
# openssl.cnf), with the exit and output of a clean run; never a temporary file left behind.  Then
# kill -9 at random moments of 200 generate runs: the target is always the old file or a complete
# new one (unzip -t, and byte-identical to a clean run's).
# Skipped (exit 77) without strace or ptrace, and in sanitizer, valgrind and coverage builds, whose
# runtimes make system calls of their own (ASan reads /proc/self/maps, gcov writes its .gcda files
# at exit: an injected failure there breaks the runtime, not secannex): the plain build of make
# check (the first stage of tests/run-all.sh) runs it.
. "$(dirname "$0")/cli/setup.sh"

if ! command -v strace >/dev/null 2>&1; then
	echo "fault.sh: skipped: no strace"; exit 77
fi
if [ -n "${VALGRIND:-}" ]; then
	echo "fault.sh: skipped under valgrind"; exit 77
fi
if [ -n "${SECANNEX_TEST_QUICK:-}" ]; then
	echo "fault.sh: skipped (SECANNEX_TEST_QUICK: the plain stage injects the faults)"; exit 77
fi
case "${SECANNEX_SAN:-}" in *sanitize* | *coverage*)
	echo "fault.sh: skipped in a sanitizer or coverage build ($SECANNEX_SAN)"; exit 77 ;;
esac
if ! strace -f -qq -o /dev/null true 2>/dev/null; then
	echo "fault.sh: skipped: strace cannot trace here (ptrace not permitted)"; exit 77
fi
unset SOURCE_DATE_EPOCH

CALLS="write fsync close rename openat fchmod"
ERRS="ENOSPC EIO EACCES"
O="$T/out"
P="$SRCDIR/samples/profile-dev.xml"
D="$SRCDIR/tests/data/diff"

# run scenario $1 writing target $2, under the command $3... (strace, or env for a clean run);
# the export's standard output is the target (redirected here, before strace starts)
go() {
	s_=$1 t_=$2
	shift 2
	case $s_ in
	generate-*) "$@" "$SECANNEX" generate --profile "$P" -o "$t_" >/dev/null ;;
	redline) "$@" "$SECANNEX" diff "$D/base.xml" "$D/attrs.xml" --author 法制室 -o "$t_" >/dev/null ;;
	export) "$@" "$SECANNEX" export --format json >"$t_" ;;
	esac
}

# the target of scenario $1
target() {
	case $1 in
	generate-docx) echo "$O/annex.docx" ;;
	generate-odt) echo "$O/annex.odt" ;;
	generate-xlsx) echo "$O/matrix.xlsx" ;;
	redline) echo "$O/redline.docx" ;;
	export) echo "$O/export.json" ;;
	esac
}

# the target's state before a run: "old" (a file that must survive a failure) or "absent"
prepare() {
	rm -rf "$O"
	mkdir "$O"
	[ "$2" = old ] && printf 'the old file\n' >"$(target "$1")"
	return 0
}

# the number of calls of each kind a clean run of scenario $1 makes: "write 2 close 30 ..."
count_calls() {
	prepare "$1" "$2"
	go "$1" "$(target "$1")" strace -f -qq -o "$T/trace" -e trace="$(echo "$CALLS" | tr ' ' ',')" \
	    2>/dev/null || true
	for c in $CALLS; do
		printf '%s %s ' "$c" "$(sed 's/^[0-9]* *//' "$T/trace" | grep -c "^$c(")"
	done
}

failures=0
note() { echo "FAIL: $*"; failures=$((failures + 1)); fails=$((fails + 1)); }

# one scenario, the target in state $2: every call of every kind fails once
scenario() {
	s=$1 state=$2 tgt=$(target "$1")
	# the clean run: its exit code and output are what a harmless fault must give
	prepare "$s" "$state"
	set +e
	go "$s" "$tgt" env 2>"$T/err.clean"
	clean=$?
	set -e
	cp "$tgt" "$T/ref"
	[ -s "$T/err.clean" ] && { note "$s: the clean run wrote to stderr:"; cat "$T/err.clean"; }
	counts=$(count_calls "$s" "$state")
	total=0 clean_fail=0 harmless=0 late=0 k=0 hl=
	set -- $counts
	while [ $# -ge 2 ]; do
		call=$1 n=$2
		shift 2
		i=1
		while [ "$i" -le "$n" ]; do
			k=$((k + 1))
			err=$(echo $ERRS | cut -d' ' -f$((k % 3 + 1)))
			prepare "$s" "$state"
			set +e
			go "$s" "$tgt" strace -f -qq -o /dev/null -e trace="$call" \
			    -e inject="$call:error=$err:when=$i" 2>"$T/err"
			rc=$?
			set -e
			total=$((total + 1))
			checks=$((checks + 1))
			i=$((i + 1))
			what="$s ($state target), $call #$((i - 1)) failing with $err"
			# no temporary file beside the target
			if [ "$(ls -A "$O" | grep -v "^$(basename "$tgt")\$" | wc -l)" -ne 0 ]; then
				note "$what: left $(ls -A "$O" | tr '\n' ' ')"
			fi
			if [ "$rc" -ge 128 ]; then
				note "$what: crashed (exit $rc)"; sed 's/^/  /' "$T/err"
			elif [ "$rc" -eq "$clean" ] && [ ! -s "$T/err" ]; then
				# the failure did not matter: the output must be the clean run's
				if cmp -s "$tgt" "$T/ref"; then
					harmless=$((harmless + 1))
					hl="$hl $call"
				else
					note "$what: exit $rc without a message, but the output differs from a clean run's"
				fi
			elif [ "$rc" -eq 0 ] || { [ "$s" = redline ] && [ "$rc" -ne 2 ] && [ "$rc" -ne 127 ]; }; then
				note "$what: exit $rc with a message:"; sed 's/^/  /' "$T/err"
			elif ! grep -q "^secannex: \|error while loading shared libraries" "$T/err"; then
				note "$what: exit $rc without a clear message:"; sed 's/^/  /' "$T/err"
			elif [ "$s" = export ]; then
				clean_fail=$((clean_fail + 1)) # standard output is the shell's file: no old state
			elif [ "$state" = old ] && [ "$(cat "$tgt" 2>/dev/null)" = "the old file" ]; then
				clean_fail=$((clean_fail + 1))
			elif [ "$state" = absent ] && [ ! -e "$tgt" ]; then
				clean_fail=$((clean_fail + 1))
			elif cmp -s "$tgt" "$T/ref"; then
				late=$((late + 1)) # the report on stdout failed after the file was in place
			else
				note "$what: exit $rc, and the target is neither the old file nor a complete new one"
			fi
		done
	done
	hl=$(echo $hl | tr ' ' '\n' | sort | uniq -c | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1}')
	printf '%-14s %-7s %4d calls injected (%s): %d failed cleanly, %d harmless (%s)' "$s" "$state" \
	    "$total" "$counts" "$clean_fail" "$harmless" "$hl"
	[ "$late" -gt 0 ] && printf ', %d after the file was in place' "$late"
	printf '\n'
}

scenario generate-docx old
scenario generate-docx absent
scenario generate-odt old
scenario generate-odt absent
scenario generate-xlsx old
scenario generate-xlsx absent
scenario redline old
scenario redline absent
scenario export new

# kill -9 at random moments: the target is the old file or a complete new one, never a torn file
kills=0 old=0 new=0 torn=0
for fmt in docx odt; do
	prepare generate-$fmt absent
	run generate --profile "$P" -o "$O/annex.$fmt" >/dev/null 2>&1
	cp "$O/annex.$fmt" "$T/new.$fmt"
done
start=$(date +%s%N)
run generate --profile "$P" -o "$O/annex.docx"
took_us=$(( ($(date +%s%N) - start) / 1000 ))
i=0
while [ "$i" -lt 200 ]; do
	i=$((i + 1))
	fmt=docx
	[ $((i % 2)) -eq 0 ] && fmt=odt
	rm -rf "$O" && mkdir "$O"
	printf 'the old file\n' >"$O/annex.$fmt"
	# a moment between the start and a little after the clean run's time
	delay=$(( $(od -An -N4 -tu4 /dev/urandom) % (took_us + took_us / 5 + 1) ))
	"$SECANNEX" generate --profile "$P" -o "$O/annex.$fmt" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '0.%06d' "$delay")"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null || true
	checks=$((checks + 1))
	if [ "$(cat "$O/annex.$fmt")" = "the old file" ]; then
		old=$((old + 1))
	elif cmp -s "$O/annex.$fmt" "$T/new.$fmt" && unzip -tq "$O/annex.$fmt" >/dev/null; then
		new=$((new + 1))
	else
		torn=$((torn + 1))
		note "kill -9 after ${delay} us: annex.$fmt is neither the old file nor a complete new one"
	fi
done
echo "kill -9: 200 generate runs ($kills killed before they ended, clean run ${took_us} us):" \
    "$old kept the old file, $new have the complete new one, $torn torn"

echo "fault: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
