#!/bin/sh
# limits.sh: input size limits (--max-bytes up to UINT64_MAX), every command's standard output
# checked (/dev/full), and the profile rules that the schema leaves to secannex (an element given
# twice, <grade> beside <dimensions>, a malformed row id).
. "$(dirname "$0")/setup.sh"

# --max-bytes: the reader sizes its buffer from the file, never from the limit
for n in 100000000000000 18446744073709551614 18446744073709551615 62276 8388608; do
	expect 0 --max-bytes "$n" types
	has "$T/out" "dev "
	expect 0 validate --max-bytes "$n" "$SRCDIR/catalog/regulation.xml"
done
expect 1 --max-bytes 62275 types
has "$T/err" "regulation.xml: error: file is 62276 bytes, over the limit of 62275 bytes"
for n in 18446744073709551616 99999999999999999999999 0 -1 12x ''; do
	expect 2 --max-bytes "$n" types
	has "$T/err" "bad --max-bytes '$n'"
done
expect 0 resolve --max-bytes 18446744073709551615 --profile "$SRCDIR/samples/profile-dev.xml" --format json
has "$T/out" '{"format":"secannex-resolution/2",'
# not a regular file: refused at once (a FIFO never blocks the reader)
mkfifo "$T/fifo.xml"
expect 1 validate "$T/fifo.xml"
same_text "$T/err" "secannex: $T/fifo.xml: error: not a regular file"
expect 1 resolve --profile "$T/fifo.xml"
has "$T/err" "secannex: $T/fifo.xml: error: not a regular file"

# every write to standard output is checked: /dev/full is an error with a message, never exit 0
if [ -w /dev/full ]; then
	P="$SRCDIR/samples/profile-dev.xml"
	while IFS='|' read -r want args; do
		checks=$((checks + 1))
		set +e
		# shellcheck disable=SC2086
		run $args >/dev/full 2>"$T/err"
		got=$?
		set -e
		if [ "$got" != "$want" ]; then
			echo "FAIL: secannex $args >/dev/full: exit $got (expected $want)"; sed 's/^/  /' "$T/err"
			fails=$((fails + 1))
		fi
		has "$T/err" "cannot write standard output: No space left on device"
	done <<LIST
1|types
1|show dev
1|show dev --format json
1|export --format json
1|baseline --grade 高
1|duties --level A --kind public
1|grade --confidentiality 高 --integrity 中 --availability 普 --legal 普
1|resolve --profile $P
1|resolve --profile $P --format md
1|--help
1|--version
2|diff $SRCDIR/catalog/procurement.xml $SRCDIR/samples/catalog-tailored.xml
2|diff $SRCDIR/catalog/procurement.xml $SRCDIR/catalog/procurement.xml
2|diff --old-profile $P --new-profile $SRCDIR/samples/profile-dev-rev2.xml --format json
LIST
fi

# profiles: each child of <profile> once; <grade> or <dimensions>; row ids of the form TYPE-NN
cat >"$T/twice.xml" <<'XML'
<profile xmlns="urn:secannex:profile:1">
  <type>dev</type>
  <agency-level>C</agency-level>
  <grade>中</grade>
  <type>saas</type>
  <dimensions><confidentiality>高</confidentiality><integrity>中</integrity>
    <availability>中</availability><legal>普</legal></dimensions>
  <decisions><choose ref="dev-20"/></decisions>
  <decisions><choose ref="Dev-20"/><exclude ref="dev-2">x</exclude><choose ref="dev--20"/></decisions>
</profile>
XML
expect 1 resolve --profile "$T/twice.xml"
same_text "$T/err" "secannex: $T/twice.xml:5: error: <type> may appear only once in <profile> (the first is at line 2)
secannex: $T/twice.xml:6: error: <dimensions> cannot stand beside <grade> (line 4): give the grade or the four 附表九 dimensions
secannex: $T/twice.xml:9: error: <decisions> may appear only once in <profile> (the first is at line 8)"
sed -i '5,8d' "$T/twice.xml"
expect 1 resolve --profile "$T/twice.xml"
same_text "$T/err" "secannex: $T/twice.xml:5: error: the value 'Dev-20' of ref on <choose> is not valid: expected a row id TYPE-NN, as dev-13; did you mean: dev-20?
secannex: $T/twice.xml:5: error: the value 'dev-2' of ref on <exclude> is not valid: expected a row id TYPE-NN, as dev-13; did you mean: dev-02?
secannex: $T/twice.xml:5: error: the value 'dev--20' of ref on <choose> is not valid: expected a row id TYPE-NN, as dev-13"
# any order of the children is still accepted
cat >"$T/order.xml" <<'XML'
<profile xmlns="urn:secannex:profile:1">
  <decisions><choose ref="saas-office-05"/></decisions>
  <blank name="scan-risk-level">高</blank>
  <grade>中</grade>
  <agency-level>C</agency-level>
  <type>saas-office</type>
</profile>
XML
expect 0 resolve --profile "$T/order.xml" --format json
has "$T/out" '"type":{"id":"saas-office",'

echo "limits: $checks checks, $fails failed"
[ "$fails" -eq 0 ]
