# setup.sh: sourced by every CLI test: strict shell, a private temp dir, and check helpers.
# $SECANNEX (the binary), $SRCDIR (the source tree) come from the test environment;
# $VALGRIND, when set, runs every secannex call under valgrind.
set -eu
export LC_ALL=C.UTF-8
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
checks=0

run() { ${VALGRIND:-} "$SECANNEX" "$@"; }

# expect CODE ARGS...: run secannex, keep stdout in $T/out and stderr in $T/err, check the exit code
expect() {
	want=$1; shift
	checks=$((checks + 1))
	set +e
	run "$@" >"$T/out" 2>"$T/err"
	got=$?
	set -e
	if [ "$got" != "$want" ]; then
		echo "FAIL: secannex $*: exit $got, expected $want"; sed 's/^/  stderr: /' "$T/err" | head -5
		fails=$((fails + 1))
	fi
	return 0
}

# same_text FILE TEXT: FILE holds exactly TEXT (plus its final newline)
same_text() {
	checks=$((checks + 1))
	if [ "$(cat "$1")" != "$2" ]; then
		echo "FAIL: $1:"; echo "  got:      $(cat "$1")"; echo "  expected: $2"
		fails=$((fails + 1))
	fi
}

# has FILE TEXT: FILE contains TEXT
has() {
	checks=$((checks + 1))
	if ! grep -qF -- "$2" "$1"; then
		echo "FAIL: $1 lacks: $2"; fails=$((fails + 1))
	fi
}

# lacks FILE TEXT: FILE does not contain TEXT
lacks() {
	checks=$((checks + 1))
	if grep -qF -- "$2" "$1"; then
		echo "FAIL: $1 contains: $2"; fails=$((fails + 1))
	fi
}

ok() {
	checks=$((checks + 1))
	if ! "$@"; then echo "FAIL: $*"; fails=$((fails + 1)); fi
}

finish() {
	echo "$((checks - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
}
