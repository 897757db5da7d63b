#!/bin/sh
# convert.sh OUTDIR FILE...: LibreOffice headless -> PDF for the tests, with the tests' fontconfig
# (標楷體 -> AR PL UKai TW).  LibreOffice runs are serialised (flock) and retried once: a first start
# under a loaded machine sometimes exits without writing anything.  Exit 0 when every PDF exists.
set -u
out=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
export FONTCONFIG_FILE="$here/fonts.conf"
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for attempt in 1 2; do
	# (soffice reads $VALGRIND itself: the valgrind stage must not reach it)
	env -u VALGRIND flock "${TMPDIR:-/tmp}/secannex-soffice.lock" timeout 300 soffice \
	    -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$@" \
	    >"$out/soffice.log" 2>&1
	missing=0
	for f in "$@"; do
		b=$(basename "$f"); b=${b%.*}
		[ -s "$out/$b.pdf" ] || missing=1
	done
	[ "$missing" = 0 ] && exit 0
	rm -rf "$profile" && mkdir "$profile"
done
cat "$out/soffice.log" >&2
exit 1
