#!/bin/sh
# options.sh: --help, --version, usage errors, and that the option table, --help and secannex.1 agree.
. "$SRCDIR/tests/cli/setup.sh"

expect 0 --help
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
# every command is in --help and the man page
for c in types show export baseline duties validate resolve generate diff grade; do
	has "$T/help" "secannex $c"
	ok grep -qE "^\\.BI? $c( |\$)" "$T/man"
done

expect 2
has "$T/err" "usage: secannex COMMAND"
expect 2 frobnicate
same_text "$T/err" "secannex: unknown command 'frobnicate'
Try 'secannex --help'."
expect 2 types --no-such-option
expect 2 types extra
expect 2 types --format xml
has "$T/err" "unknown format 'xml'"
expect 2 validate
expect 2 validate --max-bytes -5 x.xml
# options may come before the command too
expect 0 --format json types
has "$T/out" '"id":"dev"'

finish
