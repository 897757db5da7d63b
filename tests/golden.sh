#!/bin/sh
# golden.sh: input profile -> expected resolution, byte for byte: tests/golden/NAME.xml against
# NAME.out_json and NAME.out_md, and every samples/profile-TYPE.xml against sample-TYPE.out_*.
# On a mismatch it prints a unified diff.  "golden.sh --update" rewrites the expected files.
. "$SRCDIR/tests/cli/setup.sh"
G="$SRCDIR/tests/golden"
update=${1:-}

# Under valgrind each profile is resolved into one of the two formats in turn (both renderers still
# run, on every other profile): the expected files are compared in full in the other builds.
k=0
check() { # check PROFILE NAME
	k=$((k + 1))
	fmts="json md"
	if [ -n "${VALGRIND:-}" ] && [ "$update" != --update ]; then
		fmts=$([ $((k % 2)) -eq 0 ] && echo json || echo md)
	fi
	for fmt in $fmts; do
		expect 0 resolve --profile "$1" --format "$fmt"
		if [ "$update" = --update ]; then
			cp "$T/out" "$G/$2.out_$fmt"
		elif ! diff -u "$G/$2.out_$fmt" "$T/out" >"$T/diff"; then
			echo "FAIL: $2.out_$fmt differs:"; head -40 "$T/diff"; fails=$((fails + 1))
		fi
		checks=$((checks + 1))
	done
}

n=0
for f in "$G"/*.xml; do
	check "$f" "$(basename "$f" .xml)"
	n=$((n + 1))
done
for f in "$SRCDIR"/samples/profile-*.xml; do
	name=$(basename "$f" .xml)
	check "$f" "sample-${name#profile-}"
	n=$((n + 1))
done
ok test "$n" -ge 36
finish
