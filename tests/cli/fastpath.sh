#!/bin/sh
# fastpath.sh: the shipped catalogs read from the built-in data directory (recognised by their
# SHA-256, their build-time checks not run again) give byte for byte what the same files give with
# every check (SECANNEX_DATADIR names the directory: no fast path), for every command; and, when
# strace is there, the fast path reads no schema and `types` no regulation, while --catalog,
# --data-dir and $SECANNEX_DATADIR files are always checked.  (tests/unit/test_load.c: one changed
# byte gets every check again.)
. "$SRCDIR/tests/cli/setup.sh"
cd "$SRCDIR"
export SOURCE_DATE_EPOCH=1764806400

# fast ARGS / full ARGS: secannex with the built-in data directory / with $SECANNEX_DATADIR
fast() { (unset SECANNEX_DATADIR; run "$@"); }
full() { SECANNEX_DATADIR="$SRCDIR/catalog" run "$@"; }

# same ARGS...: both ways, the same exit status (0, or diff's 1), standard output and standard error
same() {
	checks=$((checks + 1))
	set +e
	fast "$@" >"$T/fast.out" 2>"$T/fast.err"; a=$?
	full "$@" >"$T/full.out" 2>"$T/full.err"; b=$?
	set -e
	if [ "$a" != "$b" ] || [ "$a" -gt 1 ] || ! cmp -s "$T/fast.out" "$T/full.out" ||
	    ! cmp -s "$T/fast.err" "$T/full.err"; then
		echo "FAIL: secannex $*: the fast path (exit $a) and every check (exit $b) differ"
		fails=$((fails + 1))
	fi
}

for f in text json; do
	same types --format $f
	same show dev --grade 高 --format $f
	same baseline --grade 中 --format $f
	same duties --level B --kind special --format $f
	same grade --confidentiality 高 --integrity 中 --availability 普 --legal 普 --format $f
done
same export --format json
same resolve --profile samples/profile-dev.xml --format json
same resolve --profile samples/profile-dev.xml --format md
same resolve --type extension --grade 普 --level D --scan-risk 高
for fmt in docx odt csv; do
	same generate --profile samples/profile-dev.xml -o "$T/a.$fmt"
	fast generate --profile samples/profile-dev.xml -o "$T/fast.$fmt"
	full generate --profile samples/profile-dev.xml -o "$T/full.$fmt"
	ok cmp -s "$T/fast.$fmt" "$T/full.$fmt"
done
same diff catalog/procurement.xml samples/catalog-tailored.xml --format json

# what the runs read (without valgrind, which reads files of its own)
if command -v strace >/dev/null 2>&1 && [ -z "${VALGRIND:-}" ]; then
	# trace WHICH ARGS: the files secannex opened
	trace() {
		w=$1; shift
		$w strace -f -qq -e trace=openat -o "$T/trace" "$SECANNEX" "$@" >/dev/null 2>&1 || true
	}
	envfast() { env -u SECANNEX_DATADIR "$@"; }
	envfull() { env SECANNEX_DATADIR="$SRCDIR/catalog" "$@"; }
	trace envfast types
	has "$T/trace" "catalog/procurement.xml"
	lacks "$T/trace" ".rng"
	lacks "$T/trace" "regulation.xml"
	trace envfast generate --profile samples/profile-dev.xml -o "$T/a.docx"
	has "$T/trace" "catalog/regulation.xml"
	has "$T/trace" "catalog/profile.rng"
	lacks "$T/trace" "procurement.rng"
	lacks "$T/trace" "regulation.rng"
	# the same bytes named any other way get every check
	trace envfull types
	has "$T/trace" "procurement.rng"
	has "$T/trace" "regulation.rng"
	trace envfast types --catalog catalog/procurement.xml
	has "$T/trace" "procurement.rng"
	trace envfast generate --profile samples/profile-dev.xml --regulation catalog/regulation.xml \
	    -o "$T/a.docx"
	has "$T/trace" "regulation.rng"
	lacks "$T/trace" "procurement.rng"
	trace envfast types --data-dir catalog
	has "$T/trace" "procurement.rng"
	# validate always checks everything
	trace envfast validate catalog/procurement.xml
	has "$T/trace" "procurement.rng"
fi

finish
