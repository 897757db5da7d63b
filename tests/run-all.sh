#!/bin/sh
# run-all.sh: the whole test suite (the README's test command): a -Werror build and `make check`
# (with the fault injection of tests/fault.sh), the same tests under ASan+UBSan and under valgrind,
# a short smoke run of every libFuzzer target when clang is present (FUZZ_SECONDS each, default
# 15), the browser test, an installed build, then `make distcheck`.  The LibreOffice renders and
# the fault injection run in the plain stage only ($SECANNEX_TEST_QUICK).
# Build trees go to $BUILD (default: ./_build); each stage prints its test summary.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/_build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
cd "$top"
[ -x configure ] && [ configure -nt configure.ac ] && [ configure -nt Makefile.am ] || autoreconf -fi
# the stages build out of tree, which configure refuses beside an in-tree build (README command 1):
# clean that one away first (command 1 rebuilds it)
if [ -f config.status ]; then
	echo "=== make distclean (the in-tree build: the stages build in $BUILD)"
	make distclean >/dev/null
fi

stage() {
	name=$1; shift
	echo "=== $name"
	rm -rf "$BUILD/$name"
	mkdir -p "$BUILD/$name"
	(cd "$BUILD/$name" && "$top/configure" --enable-werror "$@" >configure.log &&
	 make -j"$JOBS" >make.log 2>&1 || { cat make.log; exit 1; }
	 if ! make -j"$JOBS" check >check.log 2>&1; then
		cat check.log; for f in $(find . -name '*.log' -path '*tests*'); do
			grep -q '^FAIL\|FAIL:' "$f" && { echo "--- $f"; cat "$f"; }; done; exit 1
	 fi
	 grep -E '^# (TOTAL|PASS|FAIL|ERROR):' check.log)
	passed=$((passed + $(sed -n 's/^# PASS: *//p' "$BUILD/$name/check.log")))
}
passed=0

stage plain
# the stages after the plain one (and distcheck) leave the LibreOffice renders and the fault
# injection to it: the documents are byte-identical whatever the build, soffice does not run under
# the sanitizers or valgrind anyway, and fault injection skips itself there (tests/cli/setup.sh)
export SECANNEX_TEST_QUICK=1
stage sanitize --enable-asan --enable-ubsan
if command -v valgrind >/dev/null 2>&1; then
	stage valgrind --enable-valgrind
fi
if command -v clang >/dev/null 2>&1; then
	echo "=== fuzz (${FUZZ_SECONDS:-15} s per target)"
	rm -rf "$BUILD/fuzz"
	FUZZ_BUILD="$BUILD/fuzz" JOBS=$JOBS sh "$top/tests/fuzz/run.sh" "${FUZZ_SECONDS:-15}"
	passed=$((passed + 1))
fi
echo "=== browser (secannex serve's page in headless chromium)"
# skipped, visibly, where chromium, chromium-driver or python3-selenium is missing (exit 77)
mkdir -p "$BUILD/browser"
set +e
/usr/bin/python3 "$top/tests/browser/serve.py" "$BUILD/plain/secannex" "$top" "$BUILD/browser"
rc=$?
set -e
case $rc in
0) passed=$((passed + 1)); echo "screenshots: $BUILD/browser/serve-*.png" ;;
77) echo "SKIPPED: the browser test (see above)" ;;
*) exit 1 ;;
esac
echo "=== install"
# an installed binary finds its catalog under $(pkgdatadir), from any directory
rm -rf "$BUILD/install" "$BUILD/prefix"
mkdir -p "$BUILD/install"
(cd "$BUILD/install" && "$top/configure" --prefix="$BUILD/prefix" >configure.log &&
 make -j"$JOBS" >make.log 2>&1 && make install >install.log 2>&1) || { cat "$BUILD/install/make.log"; exit 1; }
(cd / && env -u SECANNEX_DATADIR "$BUILD/prefix/bin/secannex" types | grep -q '^dev  *58  ') ||
	{ echo "installed secannex cannot read its catalog"; exit 1; }
test -f "$BUILD/prefix/share/man/man1/secannex.1"
test -f "$BUILD/prefix/share/man/zh_TW/man1/secannex.1"
test -f "$BUILD/prefix/share/locale/zh_TW/LC_MESSAGES/secannex.mo"
# and its 正體中文 messages, from any directory (the locale built as the tests build it)
loc=$BUILD/plain/locale/def
if [ -d "$loc/zh_TW.UTF-8" ] || locale -a 2>/dev/null | grep -qi '^zh_TW.utf8$'; then
	(cd / && env -u SECANNEX_LOCALEDIR LOCPATH="$loc" LANG=zh_TW.UTF-8 \
	    "$BUILD/prefix/bin/secannex" resolve --type dev 2>&1 | grep -q '錯誤') ||
		{ echo "installed secannex does not speak 正體中文"; exit 1; }
	echo "installed binary finds its 正體中文 messages"
fi
echo "installed binary reads $BUILD/prefix/share/secannex"
# and serves: `secannex serve` runs the server program installed in $(pkglibexecdir)
test -x "$BUILD/prefix/libexec/secannex/secannex-serve"
(cd / && exec "$BUILD/prefix/bin/secannex" serve --listen 127.0.0.1:0) >"$BUILD/install/serve.out" 2>&1 &
pid=$!
for i in 1 2 3 4 5 6 7 8 9 10; do grep -q 'serving on http://127.0.0.1:' "$BUILD/install/serve.out" && break; sleep 1; done
kill -TERM "$pid"
if ! wait "$pid" || ! grep -q 'serving on http://127.0.0.1:' "$BUILD/install/serve.out"; then
	cat "$BUILD/install/serve.out"; echo "installed secannex cannot serve"; exit 1
fi
echo "installed binary serves through $BUILD/prefix/libexec/secannex/secannex-serve"
passed=$((passed + 1))

echo "=== distcheck"
(cd "$BUILD/plain" && make -j"$JOBS" distcheck >distcheck.log 2>&1 || { tail -50 distcheck.log; exit 1; }
 grep -E 'archives ready|\.tar\.gz' distcheck.log | head -3)
echo "all stages passed"
echo "tests: $passed passed, 0 failed"
