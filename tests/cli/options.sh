#!/bin/sh
# options.sh: --help, --version, usage errors, and that the option table, --help and secannex.1 agree.
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

# every long option of the table is in --help and in the man page, and no other appears in --help
sed 's/\\//g' "$SRCDIR/src/cli/secannex.1" >"$T/man"
opts=$(sed -n 's/^	{ "\([a-z-]*\)", [012], OPT_.*/\1/p' "$SRCDIR/src/cli/main.c")
ok test -n "$opts"
for o in $opts; do
	has "$T/help" "--$o"
	has "$T/man" "--$o"
done
for o in $(grep -o -- '--[a-z-]*' "$T/help" | sort -u | sed 's/^--//'); do
	ok sh -c "echo '$opts' | grep -qx -- '$o'"
done
# every command of the command table is in --help and the man page
cmds=$(sed -n 's/^	{ "\([a-z]*\)", C_[A-Z]*, cmd_[a-z]*,.*/\1/p' "$SRCDIR/src/cli/main.c" | sort -u)
ok test "$(echo "$cmds" | wc -l)" -ge 10
for c in $cmds; do
	has "$T/help" "secannex $c"
	ok grep -qE "^\\.BI? $c( |\$)" "$T/man"
done
# every document and format of the library's tables (as --help lists them) is in the man page
docs=$(sed -n '/^documents (/,/^$/s/^  \([a-z]*\) .*/\1/p' "$T/help")
fmts=$(sed -n '/^formats (/,/^$/s/^  \([a-z]*\) .*/\1/p' "$T/help")
ok test "$(echo "$docs" | wc -l)" -ge 3
ok test "$(echo "$fmts" | wc -l)" -ge 6
for d in $docs; do ok grep -qE "^\\.B $d\$" "$T/man"; done
for f in $fmts; do ok grep -qE "^\\.BR? .*\b$f\b" "$T/man"; done

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

finish
