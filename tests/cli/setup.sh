# setup.sh: sourced by every CLI test: strict shell, a private temp dir, and check helpers.
# $SECANNEX (the binary), $SRCDIR (the source tree) come from the test environment;
# $VALGRIND, when set, runs every secannex call under valgrind.
# $TEST_LANG (default C.UTF-8) is the locale secannex runs in: the checks of what it says on
# standard error are written in English and translated through po/ by l10n.py (README "Languages").
set -eu
# the same locale whatever the caller's: C.UTF-8 for the shell and its tools
unset LC_ALL LC_CTYPE LC_MESSAGES LC_COLLATE LC_NUMERIC LC_TIME LC_MONETARY LANGUAGE LOCPATH
export LANG=C.UTF-8
TEST_LANG=${TEST_LANG:-C.UTF-8}
export TEST_LANG
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
checks=0
sx_locpath=

# TEST_LANG other than C: the locale installed, or built once per build tree with localedef in
# $LOCALE_BUILD (secannex alone gets its LOCPATH); neither: the test is skipped, visibly
if [ "$TEST_LANG" != C.UTF-8 ]; then
	loc=$(echo "$TEST_LANG" | sed "s/UTF-8$/utf8/")
	if ! locale -a 2>/dev/null | grep -qix -- "$loc"; then
		sx_locpath=${LOCALE_BUILD:-$T/locale}
		if [ ! -d "$sx_locpath/$TEST_LANG" ]; then
			mkdir -p "$sx_locpath"
			tmp=$(mktemp -d "$sx_locpath/.new.XXXXXX")
			if localedef -i "${TEST_LANG%%.*}" -f UTF-8 "$tmp/$TEST_LANG" >/dev/null 2>&1; then
				# another test may have put it in place meanwhile: theirs is kept
				mv -T "$tmp/$TEST_LANG" "$sx_locpath/$TEST_LANG" 2>/dev/null || true
			fi
			rm -rf "$tmp"
		fi
		if [ ! -d "$sx_locpath/$TEST_LANG" ]; then
			echo "SKIP: $TEST_LANG locale unavailable (not installed, localedef failed)"
			exit 77
		fi
	fi
	if [ ! -f "${SECANNEX_LOCALEDIR:-/nonexistent}/${TEST_LANG%%.*}/LC_MESSAGES/secannex.mo" ]; then
		echo "SKIP: no ${TEST_LANG%%.*} message catalog in \$SECANNEX_LOCALEDIR (make check builds it)"
		exit 77
	fi
	echo "secannex runs with LANG=$TEST_LANG${sx_locpath:+ (LOCPATH=$sx_locpath)}"
fi

# have_lo: LibreOffice (soffice) is there to render with, and wanted: $SECANNEX_TEST_QUICK (set by
# tests/run-all.sh for the stages after the plain one and for distcheck) leaves the renders to the
# plain stage, which runs them on byte-identical files (the output does not depend on the build)
have_lo() {
	if [ -n "${SECANNEX_TEST_QUICK:-}" ]; then
		echo "LibreOffice renders skipped (SECANNEX_TEST_QUICK: the plain stage runs them)"
		return 1
	fi
	command -v soffice >/dev/null 2>&1
}

run() {
	if [ "$TEST_LANG" = C.UTF-8 ]; then
		${VALGRIND:-} "$SECANNEX" "$@"
	else
		env LANG="$TEST_LANG" ${sx_locpath:+LOCPATH="$sx_locpath"} ${VALGRIND:-} "$SECANNEX" "$@"
	fi
}

# translated CHECK FILE TEXT: under TEST_LANG, a check of standard error ($T/err) is made with
# TEXT translated (l10n.py); returns 1 when the check is not translated (C, or another file)
translated() {
	[ "$TEST_LANG" != C.UTF-8 ] && [ "$2" = "$T/err" ] || return 1
	checks=$((checks + 1))
	if ! /usr/bin/python3 "$SRCDIR/tests/cli/l10n.py" "$@"; then fails=$((fails + 1)); fi
	return 0
}

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
	translated same "$1" "$2" && return 0
	checks=$((checks + 1))
	if [ "$(cat "$1")" != "$2" ]; then
		echo "FAIL: $1:"; echo "  got:      $(cat "$1")"; echo "  expected: $2"
		fails=$((fails + 1))
	fi
}

# has FILE TEXT: FILE contains TEXT
has() {
	translated has "$1" "$2" && return 0
	checks=$((checks + 1))
	if ! grep -qF -- "$2" "$1"; then
		echo "FAIL: $1 lacks: $2"; fails=$((fails + 1))
	fi
}

# lacks FILE TEXT: FILE does not contain TEXT
lacks() {
	translated lacks "$1" "$2" && return 0
	checks=$((checks + 1))
	if grep -qF -- "$2" "$1"; then
		echo "FAIL: $1 contains: $2"; fails=$((fails + 1))
	fi
}

ok() {
	checks=$((checks + 1))
	if ! "$@"; then echo "FAIL: $*"; fails=$((fails + 1)); fi
}

# the ODF 1.3 and ECMA-376 schemas (tests/schemas/SOURCES.txt)
SCH="$SRCDIR/tests/schemas"
ODF="$SCH/odf1.3/OpenDocument-v1.3-schema.rng"
MAN="$SCH/odf1.3/OpenDocument-v1.3-manifest-schema.rng"
O="$SCH/ooxml"
# valid FILE: unzip FILE (.odt or .docx) and validate every XML part against its schema
valid() {
	checks=$((checks + 1))
	rm -rf "$T/x" && mkdir "$T/x"
	if ! (cd "$T/x" && unzip -q "$1"); then
		echo "FAIL: $1 is not a zip"; fails=$((fails + 1)); return
	fi
	case "$1" in
	*.odt)
		xmllint --noout --nonet --relaxng "$ODF" "$T/x/content.xml" "$T/x/styles.xml" \
		    "$T/x/meta.xml" 2>"$T/xmllint" &&
		xmllint --noout --nonet --relaxng "$MAN" "$T/x/META-INF/manifest.xml" 2>>"$T/xmllint" ;;
	*.docx)
		xmllint --noout --nonet --schema "$O/wml-offline.xsd" "$T/x/word/document.xml" \
		    "$T/x/word/styles.xml" "$T/x/word/settings.xml" "$T/x/word/fontTable.xml" \
		    "$T/x/word/footer1.xml" 2>"$T/xmllint" &&
		xmllint --noout --nonet --schema "$O/opc/opc-contentTypes.xsd" "$T/x/[Content_Types].xml" 2>>"$T/xmllint" &&
		xmllint --noout --nonet --schema "$O/opc/opc-relationships.xsd" "$T/x/_rels/.rels" \
		    "$T/x/word/_rels/document.xml.rels" 2>>"$T/xmllint" &&
		XML_CATALOG_FILES="$O/catalog.xml" xmllint --noout --nonet --schema "$O/opc/opc-coreProperties.xsd" \
		    "$T/x/docProps/core.xml" 2>>"$T/xmllint" &&
		xmllint --noout --nonet --schema "$O/shared-documentPropertiesExtended.xsd" "$T/x/docProps/app.xml" 2>>"$T/xmllint" &&
		# Word refuses a cell without a paragraph; the schema does not catch it
		test "$(xmllint --xpath "count(//*[local-name()='tc'][not(*[local-name()='p'])])" "$T/x/word/document.xml")" = 0 ;;
	esac
	if [ $? -ne 0 ]; then
		echo "FAIL: $1 does not validate:"; grep -v 'validates$\|Skipping import' "$T/xmllint" | head -5
		fails=$((fails + 1))
	fi
}

finish() {
	echo "$((checks - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
}
