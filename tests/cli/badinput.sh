#!/bin/sh
# badinput.sh: every kind of bad catalog input gets one exact diagnostic and exit 1 (missing file: 1 too).
. "$SRCDIR/tests/cli/setup.sh"
M="$SRCDIR/tests/data/mini.xml"

# mutate OUT SED-EXPR: a broken copy of mini.xml
mutate() { sed "$2" "$M" >"$T/$1"; }

# bad NAME "MESSAGE": validating $T/NAME fails with exactly this stderr and exit 1
bad() {
	expect 1 validate "$T/$1"
	same_text "$T/err" "$2"
	same_text "$T/out" ""
}

mutate unclosed.xml 's|</catalog>||'
bad unclosed.xml "secannex: $T/unclosed.xml:25: error: malformed XML: Premature end of data in tag catalog line 3"

mutate badmark.xml '15s|high="●" medium="●" normal="●"/>|high="X" medium="●" normal="●"/>|'
bad badmark.xml "secannex: $T/badmark.xml:15: error: schema: Element marks failed to validate attributes"

mutate badel.xml 's|<text>具備|<txt>具備|; s|管理措施</text>|管理措施</txt>|'
bad badel.xml "secannex: $T/badel.xml:14: error: schema: Did not expect element txt there"

mutate dup.xml 's|id="dev-02"|id="dev-01"|'
bad dup.xml "secannex: $T/dup.xml:17: error: duplicate id 'dev-01' (first defined at line 13)"

mutate wrongtype.xml 's|id="dev-02"|id="paas-02"|'
bad wrongtype.xml "secannex: $T/wrongtype.xml:17: error: row id 'paas-02' does not belong to type 'dev' (expected TYPE-NN: the type's id and the row's number in two or more digits, as dev-07 or dev-120)"

mutate unknownarea.xml 's|ref="ac"|ref="zz"|'
bad unknownarea.xml "secannex: $T/unknownarea.xml:17: error: baseline area 'zz' is not an area of 附表十"

mutate unknownblank.xml 's|name="system-grade"|name="colour"|'
bad unknownblank.xml "secannex: $T/unknownblank.xml:18: error: unknown blank 'colour' (known: scan-risk-level, system-grade, baseline-grade)"

mutate ciso.xml '15s|high="●"|high="▲"|'
bad ciso.xml "secannex: $T/ciso.xml:13: error: row 'dev-01': a ▲ mark needs <condition kind=\"ciso-confirm\"/> and that condition needs a ▲ mark"

# conditions are the note's rules in machine form: each must be stated by the note, and a note
# stating one needs its condition (an edited copy must not add or drop a legal effect silently)
mutate condnote.xml '15s|normal="●"|normal="◎"|; 15a\        <condition kind="level" min="C"/>'
bad condnote.xml "secannex: $T/condnote.xml:13: error: row 'dev-01': condition 'level' is not stated by the row's note (it needs a note saying 「C級以上之機關」)"
mutate notecond.xml '15s|normal="●"|normal="◎"|; 15a\        <note audience="agency">提供服務項目涉及個資時應納入要求。</note>'
bad notecond.xml "secannex: $T/notecond.xml:13: error: row 'dev-01': the note says 「涉及個資」, but the row has no <condition kind=\"personal-data\"/>"
mutate notelevel.xml '15a\        <note audience="agency">資安責任等級B級以上之機關本項為必選。</note>'
bad notelevel.xml "secannex: $T/notelevel.xml:13: error: row 'dev-01': the note says 「B級以上之機關」, but the row has no <condition kind=\"level\" min=\"B\"/>"
# a note's audience (who reads it) agrees with what it states: the agency's selection rules are
# for the agency's record only; a bidder qualification is marked as the note says
mutate audience.xml '15s|normal="●"|normal="◎"|; 15a\        <note audience="vendor">提供服務項目涉及個資時應納入要求。</note>\n        <condition kind="personal-data"/>'
bad audience.xml "secannex: $T/audience.xml:13: error: row 'dev-01': a note that states the condition 'personal-data' is for the agency: <note audience=\"agency\">"
mutate noaudience.xml '15a\        <note>無法達成者，應擬具管理或替代作為，並提請機關資安長確認風險。</note>\n        <condition kind="ciso-escape"/>'
bad noaudience.xml "secannex: $T/noaudience.xml:16: error: schema: Element note failed to validate attributes"
mutate qual.xml '15a\        <note audience="vendor">本項應載明於招標文件。</note>'
bad qual.xml "secannex: $T/qual.xml:13: error: row 'dev-01': the note says 「應載明於招標文件」: add qualification=\"yes\" to the note"
mutate notqual.xml '15a\        <note audience="vendor" qualification="yes">本項為廠商應辦事項。</note>'
bad notqual.xml "secannex: $T/notqual.xml:13: error: row 'dev-01': the note does not say 「應載明於招標文件」: drop qualification=\"yes\""
# row numbers increase within a type (gaps allowed); the misplaced row is named, once
mutate order.xml 's|id="dev-01"|id="dev-07"|'
bad order.xml "secannex: $T/order.xml:17: error: row id 'dev-02' is out of order (between 'dev-07' and '(the last row)'): row numbers increase in source order, gaps allowed"
mutate gap.xml 's|id="dev-02"|id="dev-09"|'
expect 0 validate "$T/gap.xml"

# hostile XML: a DOCTYPE is refused before parsing: no external entity is fetched, no bomb expanded
printf 'top secret\n' >"$T/secret.txt"
cat >"$T/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE catalog [ <!ENTITY x SYSTEM "file://$T/secret.txt"> <!ENTITY y SYSTEM "http://192.0.2.1/x.dtd"> ]>
<catalog xmlns="urn:secannex:procurement:1" id="x">&x;&y;</catalog>
XML
bad xxe.xml "secannex: $T/xxe.xml:2: error: a document type declaration is not allowed (DTDs and entities are never loaded)"
cat >"$T/extdtd.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE catalog SYSTEM "http://192.0.2.1/catalog.dtd">
<catalog/>
XML
bad extdtd.xml "secannex: $T/extdtd.xml:2: error: a document type declaration is not allowed (DTDs and entities are never loaded)"
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE lolz ['
	echo ' <!ENTITY a "lollollollollollollollollollol">'
	prev=a
	for i in b c d e f g h i j k; do
		echo " <!ENTITY $i \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"
		prev=$i
	done
	echo ']>'
	echo '<catalog xmlns="urn:secannex:procurement:1" id="x">&k;</catalog>'
} >"$T/bomb.xml"
bad bomb.xml "secannex: $T/bomb.xml:2: error: a document type declaration is not allowed (DTDs and entities are never loaded)"

# size limit (sparse 50 MB file: refused before reading), and a lowered limit
truncate -s 50M "$T/big.xml"
bad big.xml "secannex: $T/big.xml: error: file is 52428800 bytes, over the limit of 8388608 bytes"
expect 1 validate --max-bytes 100 "$M"
has "$T/err" "over the limit of 100 bytes"

# encoding and characters
printf '<?xml version="1.0"?>\n<catalog>\n\303\050</catalog>\n' >"$T/utf8.xml"
bad utf8.xml "secannex: $T/utf8.xml:3: error: invalid UTF-8 byte sequence"
mutate control.xml 's|具備完善|具備\x01完善|'
bad control.xml "secannex: $T/control.xml:14: error: control character U+0001 is not allowed"
mutate charref.xml 's|具備完善|具備\&#x7F;完善|'
bad charref.xml "secannex: $T/charref.xml:14: error: control character U+007F is not allowed"
mutate compat.xml 's|具備完善|具備\xEF\xA6\x8E完善|'
bad compat.xml "secannex: $T/compat.xml:14: error: CJK compatibility ideograph U+F98E: write the unified ideograph"
mutate nbsp.xml 's|具備完善|具備\xC2\xA0完善|'
bad nbsp.xml "secannex: $T/nbsp.xml:14: error: no-break space U+00A0 in text: write an ordinary space"
mutate nfd.xml 's|具備完善|Cafe\xCC\x81|'
bad nfd.xml "secannex: $T/nfd.xml:14: error: text is not in Unicode NFC (U+0301): write the composed form"
: >"$T/empty.xml"
bad empty.xml "secannex: $T/empty.xml: error: file is empty"

# wrong document, directory, missing file
printf '<?xml version="1.0"?>\n<html/>\n' >"$T/html.xml"
bad html.xml "secannex: $T/html.xml:2: error: unknown document {}html: expected a secannex <catalog> or <regulation>"
mkdir "$T/dir.xml"
bad dir.xml "secannex: $T/dir.xml: error: not a regular file"
bad missing.xml "secannex: $T/missing.xml: error: cannot read file: No such file or directory"

# a bad --catalog stops every command with the same message
expect 1 types --catalog "$T/dup.xml"
same_text "$T/err" "secannex: $T/dup.xml:17: error: duplicate id 'dev-01' (first defined at line 13)"
same_text "$T/out" ""
expect 1 baseline --grade 高 --regulation "$M"
has "$T/err" "error: unknown document {urn:secannex:procurement:1}catalog"

finish
