#!/bin/sh
# replay.sh: make check's replay of every fuzz regression input (tests/fuzz/regress/TARGET/) and of
# the seed corpora, through the fuzz targets' own entry functions (tests/fuzz/replay, built with
# the ordinary compiler: plain, under ASan+UBSan, or under valgrind as the build is).
set -eu
: "${SRCDIR:?}" "${FUZZ_REPLAY:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
R="$SRCDIR/tests/fuzz/regress"
S="$SRCDIR/tests/fuzz/seeds"
D="$SRCDIR/tests/data"
# OLD, the separator, NEW: the diff target's input
sep() { cat "$1"; printf '\n----8<----\n'; cat "$2"; }
mkdir "$T/diff"
for f in "$D"/diff/*.xml; do sep "$D/diff/base.xml" "$f" >"$T/diff/$(basename "$f")"; done
sep "$D/mini.xml" "$D/mini.xml" >"$T/diff/mini"
profiles="$SRCDIR/samples/profile-dev.xml $SRCDIR/samples/profile-saas.xml"
if [ -z "${VALGRIND:-}" ]; then
	profiles=$(ls "$SRCDIR"/samples/profile-*.xml)
	sep "$SRCDIR/catalog/procurement.xml" "$SRCDIR/samples/catalog-tailored.xml" >"$T/diff/tailored"
fi
run() {
	t=$1; shift
	[ -d "$R/$t" ] && set -- "$@" "$R/$t"
	# shellcheck disable=SC2086
	${VALGRIND:-} "$FUZZ_REPLAY" "$t" "$@"
}
run catalog "$D/mini.xml" "$D/diff" "$SRCDIR/catalog/procurement.xml"
run regulation "$S/regulation" "$SRCDIR/catalog/regulation.xml"
# shellcheck disable=SC2086
run profile $profiles
# shellcheck disable=SC2086
run generate $profiles
run diff "$T/diff"
run response "$S/response"
