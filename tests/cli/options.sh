#!/bin/sh
# options.sh: --help, --version, usage errors, and that the option table, --help and the man pages
# (man/secannex.1 and its translation man/zh_TW/secannex.1) agree.
. "$SRCDIR/tests/cli/setup.sh"

# the option table, --help and the man page agree in English (the man page's language)
lang=$TEST_LANG
TEST_LANG=C.UTF-8
expect 0 --help
TEST_LANG=$lang
cp "$T/out" "$T/help"
has "$T/help" "usage: secannex COMMAND"
same_text "$T/err" ""
expect 0 --version
has "$T/out" "secannex "

# the man pages: English and its 正體中文 translation, held to the same tables and structure
EN="$SRCDIR/man/secannex.1"
ZH="$SRCDIR/man/zh_TW/secannex.1"
# man_text PAGE: the page without comments, its font changes and escapes reduced to plain text
man_text() {
	sed -e '/^\.\\"/d' -e 's/\\f[BIRP]//g' -e 's/\\f([A-Z][A-Z]//g' -e 's/\\f\[[^]]*\]//g' \
	    -e 's/\\-/-/g' -e 's/\\[c:&]//g' -e 's/\\//g' "$1"
}
# opt_words: the words of standard input that look like options (-x, --word), in order
opt_words() { grep -oE '(^|[^A-Za-z0-9_-])--?[A-Za-z][A-Za-z-]*' | sed 's/^[^-]*//'; }
# same_file WHAT A B: files A and B are equal (else the difference is shown)
same_file() {
	checks=$((checks + 1))
	if ! cmp -s "$2" "$3"; then
		echo "FAIL: $1 differ (English -, 正體中文 +):"; diff -u "$2" "$3" | sed -n '3,$s/^/  /p' | head -20
		fails=$((fails + 1))
	fi
}
man_text "$EN" >"$T/man.en"
man_text "$ZH" >"$T/man.zh_TW"

# every long option of the table is in --help and in both man pages, and no other appears in --help
opts=$(sed -n 's/^	{ "\([a-z-]*\)", [012], OPT_.*/\1/p' "$SRCDIR/src/cli/main.c")
shorts=$(grep -o "OPT_[A-Z_]* = '.'" "$SRCDIR/src/cli/main.c" | sed "s/.*'\(.\)'/\1/")
ok test -n "$opts"
ok test "$(echo "$shorts" | wc -l)" -ge 3
for o in $opts; do
	has "$T/help" "--$o"
	has "$T/man.en" "--$o"
	has "$T/man.zh_TW" "--$o"
done
for o in $(grep -o -- '--[a-z-]*' "$T/help" | sort -u | sed 's/^--//'); do
	ok sh -c "echo '$opts' | grep -qx -- '$o'"
done
# and nothing else that looks like an option is in either page: each -x or --word is in the table
for lang in en zh_TW; do
	for w in $(opt_words <"$T/man.$lang" | sort -u); do
		checks=$((checks + 1))
		case $w in
		--*) list=$opts; name=${w#--} ;;
		*) list=$shorts; name=${w#-} ;;
		esac
		if ! echo "$list" | grep -qx -- "$name"; then
			echo "FAIL: the $lang man page has $w, which is no option of main.c's table"
			fails=$((fails + 1))
		fi
	done
done
# every command of the command table is in --help and both man pages
cmds=$(sed -n 's/^	{ "\([a-z]*\)", C_[A-Z]*, cmd_[a-z]*,.*/\1/p' "$SRCDIR/src/cli/main.c" | sort -u)
ok test "$(echo "$cmds" | wc -l)" -ge 10
for c in $cmds; do
	has "$T/help" "secannex $c"
	ok grep -qE "^\\.BI? $c( |\$)" "$T/man.en"
	ok grep -qE "^\\.BI? $c( |\$)" "$T/man.zh_TW"
done
# every document and format of the library's tables (as --help lists them) is in both man pages
docs=$(sed -n '/^documents (/,/^$/s/^  \([a-z]*\) .*/\1/p' "$T/help")
fmts=$(sed -n '/^formats (/,/^$/s/^  \([a-z]*\) .*/\1/p' "$T/help")
ok test "$(echo "$docs" | wc -l)" -ge 3
ok test "$(echo "$fmts" | wc -l)" -ge 6
for lang in en zh_TW; do
	for d in $docs; do ok grep -qE "^\\.B $d\$" "$T/man.$lang"; done
	for f in $fmts; do ok grep -qE "^\\.BR? .*\b$f\b" "$T/man.$lang"; done
done

# the translation has the English page's structure: the same .TH name, section, date and version,
# as many sections and entries, the same entries (the first word of each .TP tag: commands,
# options, documents, formats, exit codes, variables) and the same options on the bold and italic
# lines, in the same order; its NAME line is "secannex \- ..." (what mandb reads)
codes=$(sed -n 's/^	EXIT_[A-Z]* = \([0-9]*\).*/\1/p' "$SRCDIR/src/cli/main.c")
ok test "$(echo "$codes" | wc -l)" -ge 3
for lang in en zh_TW; do
	f="$T/man.$lang"
	sed -n 's/^\.TH \([^ ]* [^ ]* [^ ]* "[^"]*"\).*/\1/p' "$f" >"$f.th"
	grep -c '^\.SH' "$f" >"$f.sh" || true
	grep -c '^\.TP' "$f" >"$f.tp" || true
	awk 'tag { print $2; tag = 0 } /^\.TP/ { tag = 1 }' "$f" >"$f.tags"
	grep -E '^\.(B|I|BI|IB|BR|RB|IR|RI)( |$)' "$f" | opt_words >"$f.opts" || true
	awk 'tag && /^\.B [0-9]+$/ { print $2 } { tag = /^\.TP/ }' "$f" >"$f.exit"
	ok test -s "$f.th"
	ok test "$(cat "$f.sh")" -ge 10
	ok test "$(cat "$f.exit")" = "$codes"
done
same_file ".TH lines" "$T/man.en.th" "$T/man.zh_TW.th"
same_file ".SH counts" "$T/man.en.sh" "$T/man.zh_TW.sh"
same_file ".TP counts" "$T/man.en.tp" "$T/man.zh_TW.tp"
same_file ".TP entries" "$T/man.en.tags" "$T/man.zh_TW.tags"
same_file "options on .B/.BI/.BR/... lines" "$T/man.en.opts" "$T/man.zh_TW.opts"
same_file "exit codes" "$T/man.en.exit" "$T/man.zh_TW.exit"
ok grep -qE '^secannex \\- .' "$ZH"
# groff renders both pages without a warning (-k: preconv reads the UTF-8, as man does)
if command -v groff >/dev/null 2>&1; then
	for page in "$EN" "$ZH"; do
		checks=$((checks + 1))
		groff -k -man -Tutf8 -ww -z "$page" >"$T/groff" 2>&1 || true
		if [ -s "$T/groff" ]; then
			echo "FAIL: groff -ww warns on $page:"; sed 's/^/  /' "$T/groff" | head -10
			fails=$((fails + 1))
		fi
	done
else
	echo "SKIP: groff is not installed: the man pages' rendering is not checked"
fi

expect 2
has "$T/err" "usage: secannex COMMAND"
expect 2 frobnicate
same_text "$T/err" "secannex: unknown command 'frobnicate'
Try 'secannex --help'."
expect 2 types --no-such-option
same_text "$T/err" "secannex: unknown option '--no-such-option'
Try 'secannex --help'."
expect 2 types -x
same_text "$T/err" "secannex: unknown option '-x'
Try 'secannex --help'."
expect 2 types --catalog
same_text "$T/err" "secannex: option '--catalog' needs a value
Try 'secannex --help'."
# an option belongs to the commands that use it: elsewhere it is a usage error, never ignored
expect 2 show dev --grade 高 --level Z
same_text "$T/err" "secannex: option --level does not apply to 'show'
Try 'secannex --help'."
expect 2 duties --level A --kind public --grade 低
has "$T/err" "option --grade does not apply to 'duties'"
expect 2 resolve --type dev --grade 中 --level C -o "$T/x.docx"
has "$T/err" "option --output does not apply to 'resolve'"
ok test ! -e "$T/x.docx"
expect 2 resolve --type dev --grade 中 --level C --vendor-matrix
has "$T/err" "option --vendor-matrix does not apply to 'resolve'"
expect 2 grade --confidentiality 高 --integrity 中 --availability 普 --legal 普 --grade 中
has "$T/err" "option --grade does not apply to 'grade'"
expect 2 diff catalog/procurement.xml catalog/procurement.xml --area ac
has "$T/err" "option --area does not apply to 'diff'"
expect 2 validate --format json catalog/procurement.xml
has "$T/err" "option --format does not apply to 'validate'"
expect 2 --level A types
has "$T/err" "option --level does not apply to 'types'"
# --grade and the 附表九 dimensions exclude each other, in either order
for order in "--grade 高 --confidentiality 中 --integrity 中 --availability 中 --legal 中" \
    "--confidentiality 中 --integrity 中 --availability 中 --legal 中 --grade 高"; do
	expect 2 resolve --type dev --level C $order
	same_text "$T/err" "secannex: give --grade or the four 附表九 dimensions (--confidentiality --integrity --availability --legal), not both
Try 'secannex --help'."
done
expect 2 types extra
expect 2 types --format xml
has "$T/err" "unknown format 'xml'"
expect 2 validate
expect 2 validate --max-bytes -5 x.xml
# options may come before the command too
expect 0 --format json types
has "$T/out" '"id":"dev"'
# serve runs the server program, secannex-serve, found beside secannex (a build tree) or in
# PKGLIBEXECDIR (installed): a secannex alone names the program it cannot run, exit 1
if [ ! -e "${PKGLIBEXECDIR:-/nonexistent}/secannex-serve" ]; then
	mkdir "$T/lone"
	cp "$SECANNEX" "$T/lone/secannex"
	built=$SECANNEX
	SECANNEX="$T/lone/secannex"
	expect 1 serve --listen 127.0.0.1:0
	SECANNEX=$built
	ok grep -q "/secannex-serve" "$T/err"
	ok test ! -s "$T/out"
fi

finish
