#!/bin/sh
# docstyle.sh: what the document writers print besides the content, in both formats: the attachment
# label (--label), 「草稿」 in every page header (--draft), vertically merged cells (written by
# tests/unit/test_doc), an agency's reference document (--reference-doc: its styles, letterhead
# header, footer and pictures; refused, with nothing written, when it is not a package of the output's
# format, is malformed or breaks the limits), and 民國 dates (--date and <date> in every accepted form,
# kept as ISO 8601).  LibreOffice renders the label/draft and letterhead documents when it is installed:
# 草稿 on every page, 附件三 and the letterhead on page 1.
. "$SRCDIR/tests/cli/setup.sh"
R="$SRCDIR/tests/data/refdoc"
TENDER="--type dev --grade 中 --level C"   # dev-05 (▲) is pending: a draft

# part FILE PART: PART of package FILE into $T/part
part() {
	rm -f "$T/part"
	unzip -p "$1" "$2" >"$T/part" 2>/dev/null || :
}

# xsd PART...: the WordprocessingML parts validate (valid() checks the parts every package has)
xsd() {
	checks=$((checks + 1))
	if ! xmllint --noout --nonet --schema "$O/wml-offline.xsd" "$@" 2>"$T/xmllint"; then
		echo "FAIL: does not validate:"; grep -v 'validates$' "$T/xmllint" | head -5; fails=$((fails + 1))
	fi
}

# ---- 民國 dates: every accepted form is the same ISO date; the refused ones name the forms ----
for d in 2026-11-20 115-11-20 115/11/20 115年11月20日 中華民國115年11月20日; do
	expect 0 resolve $TENDER --date "$d" --format json
	has "$T/out" '"tender":{"agency":null,"case":null,"title":null,"date":"2026-11-20"}'
done
for d in 2026-13-01 2026-04-31 2025-02-29 114-02-29 0-01-01 000年1月1日 1911-12-31 2026/11/20 115.11.20; do
	expect 2 resolve $TENDER --date "$d"
	same_text "$T/err" "secannex: --date: error: '$d' is not a valid date: write 2026-11-20, 115-11-20, 115/11/20 or (中華民國)115年11月20日"
done
profile() {
	cat >"$T/p.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:secannex:profile:1">
  <type>dev</type>
  <tender><agency>範例市政府</agency>
    <date>$1</date></tender>
  <agency-level>C</agency-level>
  <grade>中</grade>
</profile>
XML
}
for d in 中華民國115年11月20日 115/11/20; do
	profile "$d"
	expect 0 resolve --profile "$T/p.xml" --format json
	has "$T/out" '"date":"2026-11-20"'
done
for d in 115-04-31 2026-02-29 0年1月1日; do
	profile "$d"
	expect 1 resolve --profile "$T/p.xml"
	same_text "$T/err" "secannex: $T/p.xml:5: error: <date> '$d' is not a valid date: write 2026-11-20, 115-11-20, 115/11/20 or (中華民國)115年11月20日"
done

# ---- the label and the draft mark ----
for fmt in odt docx; do
	expect 0 generate $TENDER --label 附件三 --draft -o "$T/ld-$fmt.$fmt"
	valid "$T/ld-$fmt.$fmt"
done
part "$T/ld-odt.odt" content.xml
has "$T/part" '<office:text><text:p text:style-name="Label">附件三</text:p><text:p text:style-name="Title">'
part "$T/ld-odt.odt" styles.xml
has "$T/part" '<style:style style:name="Label" '
has "$T/part" '<style:header><text:p text:style-name="Draft_20_Mark">草稿</text:p></style:header>'
part "$T/ld-docx.docx" word/document.xml
has "$T/part" '<w:body><w:p><w:pPr><w:pStyle w:val="Label"/></w:pPr><w:r><w:t xml:space="preserve">附件三</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Title"/>'
has "$T/part" '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference'
part "$T/ld-docx.docx" word/styles.xml
has "$T/part" 'w:styleId="Label"'
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/ld-docx.docx")
xsd "$T/x/word/header1.xml"
has "$T/x/word/header1.xml" '<w:t>草稿</w:t>'
has "$T/x/word/_rels/document.xml.rels" 'Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"'
has "$T/x/[Content_Types].xml" '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
# a landscape draft (the vendor matrix): 草稿 in the header of the landscape pages too, not only
# in the portrait master page's
expect 0 generate $TENDER --draft --document matrix -o "$T/ldm.odt"
valid "$T/ldm.odt"
part "$T/ldm.odt" styles.xml
ok python3 -c 'import sys, xml.etree.ElementTree as E
S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
pages = {m.get(S + "name"): m for m in E.parse(sys.argv[1]).iter(S + "master-page")}
for name in ("Standard", "Landscape"):
    h = pages[name].find(S + "header")
    assert h is not None and h[0].tag == T + "p" and h[0].text == "草稿", name' "$T/part"
# nothing pending, no draft, no label: no header, no label style (the templates' parts as they were)
for fmt in odt docx; do
	expect 0 generate $TENDER --ciso-confirm dev-05 -o "$T/plain.$fmt"
	valid "$T/plain.$fmt"
done
part "$T/plain.odt" styles.xml
lacks "$T/part" '草稿'
part "$T/plain.docx" word/document.xml
lacks "$T/part" 'headerReference'
lacks "$T/part" 'Label'
ok test "$(unzip -Z1 "$T/plain.docx" | grep -c header)" = 0
# a document without a label, a draft mark or a fingerprint (the review) keeps the template's styles
expect 0 generate $TENDER --document review -o "$T/plainrev.docx"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/plainrev.docx")
ok cmp -s "$T/x/word/styles.xml" "$SRCDIR/templates/docx/word/styles.xml"
ok cmp -s "$T/x/[Content_Types].xml" "$SRCDIR/templates/docx/[Content_Types].xml"

# ---- vertically merged cells: written by the unit test, checked here against the schemas ----
mkdir "$T/vs"
checks=$((checks + 1))
if ! SECANNEX_TEST_OUT="$T/vs" ${VALGRIND:-} "$(dirname "$SECANNEX")/tests/unit/test_doc" >"$T/vs.log" 2>&1; then
	echo "FAIL: tests/unit/test_doc:"; tail -5 "$T/vs.log"; fails=$((fails + 1))
fi
valid "$T/vs/vspan.odt"
valid "$T/vs/vspan.docx"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/vs/vspan.odt")
# every row still has one cell per column (spanning cells and the cells they cover)
ok test "$(xmllint --xpath "count(//*[local-name()='table-row'][count(*[local-name()='table-cell' or local-name()='covered-table-cell']) != 4])" "$T/x/content.xml")" = 0
ok test "$(xmllint --xpath "count(//*[local-name()='covered-table-cell'])" "$T/x/content.xml")" = 3
ok test "$(xmllint --xpath "sum(//@*[local-name()='number-rows-spanned'])" "$T/x/content.xml")" = 5
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/vs/vspan.docx")
xsd "$T/x/word/header1.xml"
ok test "$(xmllint --xpath "count(//*[local-name()='tr'][count(*[local-name()='tc']) != 4])" "$T/x/word/document.xml")" = 0
ok test "$(xmllint --xpath "count(//*[local-name()='vMerge'][@*[local-name()='val']='restart'])" "$T/x/word/document.xml")" = 2
ok test "$(xmllint --xpath "count(//*[local-name()='vMerge'][not(@*)])" "$T/x/word/document.xml")" = 3

# ---- an agency's reference document ----
for fmt in odt docx; do
	expect 0 generate $TENDER --label 附件三 --draft --reference-doc "$R/agency.$fmt" -o "$T/ref-$fmt.$fmt"
	valid "$T/ref-$fmt.$fmt"
	# deterministic
	expect 0 generate $TENDER --label 附件三 --draft --reference-doc "$R/agency.$fmt" -o "$T/ref2.$fmt"
	ok cmp -s "$T/ref-$fmt.$fmt" "$T/ref2.$fmt"
done
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/ref-docx.docx")
xsd "$T/x/word/header1.xml"
# the letterhead, with 草稿 above it; their footer; their logo and its relationship
has "$T/x/word/header1.xml" '<w:t>草稿</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="a5"/>'
has "$T/x/word/header1.xml" '範例市政府　函'
has "$T/x/word/footer1.xml" '地址：100 範例市中正路 1 號'
unzip -p "$R/agency.docx" word/media/logo.png >"$T/logo.png"
ok cmp -s "$T/x/word/media/logo.png" "$T/logo.png"
has "$T/x/word/_rels/header1.xml.rels" 'Target="media/logo.png"'
has "$T/x/[Content_Types].xml" '<Override PartName="/word/media/logo.png" ContentType="image/png"/>'
ok xmllint --noout --nonet --schema "$O/opc/opc-relationships.xsd" "$T/x/word/_rels/header1.xml.rels" 2>"$T/xmllint"
# their styles under their ids (heading 1 is "1", Title "a3"); ours that they lack added
has "$T/x/word/document.xml" '<w:pStyle w:val="a3"/></w:pPr><w:r><w:t xml:space="preserve">'
has "$T/x/word/document.xml" '<w:pStyle w:val="1"/></w:pPr><w:r><w:t xml:space="preserve">一、通則'
lacks "$T/x/word/document.xml" '"Heading1"'
for s in Label Heading2 TableText TableHeading TableGrid Note Fingerprint; do
	has "$T/x/word/styles.xml" "w:styleId=\"$s\""
done
lacks "$T/x/word/styles.xml" 'w:styleId="Title"'
ok test "$(grep -o 'w:default="1"' "$T/x/word/styles.xml" | wc -l)" = 1
has "$T/x/word/styles.xml" '<w:basedOn w:val="a"/>'
lacks "$T/x/word/styles.xml" '<w:basedOn w:val="Normal"/>'
# their vertical margins (the letterhead was laid out for them), our A4 and side margins (the tables')
has "$T/x/word/document.xml" '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/ref-odt.odt")
has "$T/x/styles.xml" '<style:header><text:p text:style-name="Draft_20_Mark">草稿</text:p><text:p text:style-name="Header"><draw:frame'
has "$T/x/styles.xml" '範例市政府　函'
has "$T/x/styles.xml" '地址：100 範例市中正路 1 號'
has "$T/x/styles.xml" '<style:style style:name="Label" '
has "$T/x/styles.xml" '<style:page-layout style:name="Mpm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
has "$T/x/META-INF/manifest.xml" '<manifest:file-entry manifest:full-path="Pictures/logo.png" manifest:media-type="image/png"/>'
ok test -s "$T/x/Pictures/logo.png"
# without --draft the letterhead is theirs as it was
for fmt in odt docx; do
	expect 0 generate $TENDER --ciso-confirm dev-05 --reference-doc "$R/agency.$fmt" -o "$T/refp.$fmt"
	valid "$T/refp.$fmt"
done
unzip -p "$R/agency.docx" word/header2.xml >"$T/theirs.xml"
part "$T/refp.docx" word/header1.xml
ok cmp -s "$T/part" "$T/theirs.xml"
part "$T/refp.odt" styles.xml
lacks "$T/part" '草稿'
# a master page not called Standard is renamed, so that the body uses it; its page is A4 with our
# side margins (a Letter page with 3 cm at the left here)
/usr/bin/python3 - "$R/agency.odt" "$T/renamed.odt" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for i in src.infolist():
    data = src.read(i.filename)
    if i.filename == "styles.xml":
        data = data.replace(b'style:master-page style:name="Standard"', b'style:master-page style:name="Agency"')
        data = data.replace(b'fo:page-width="21cm"', b'fo:page-width="21.59cm"')
        data = data.replace(b'fo:margin-left="2cm"', b'fo:margin-left="3cm"')
    dst.writestr(i, data)
dst.close()
PY
expect 0 generate $TENDER --draft --reference-doc "$T/renamed.odt" -o "$T/renamed-out.odt"
valid "$T/renamed-out.odt"
part "$T/renamed-out.odt" styles.xml
has "$T/part" '<style:master-page style:name="Standard" style:page-layout-name="Mpm1"><style:header><text:p text:style-name="Draft_20_Mark">草稿'
has "$T/part" 'fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
# a reference document's style id is data: their footer style (id F"&<x) on our footer (they have
# none) is escaped by libxml2, and the footer is schema-valid
/usr/bin/python3 - "$R/agency.docx" "$T/oddid.docx" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for i in src.infolist():
    data = src.read(i.filename)
    if i.filename == "word/styles.xml":
        data = data.replace(b'w:styleId="a7"', b'w:styleId="F&quot;&amp;&lt;x"')
    if i.filename == "word/document.xml":
        data = data.replace(b'<w:footerReference w:type="default" r:id="rId11"/>', b"")
    dst.writestr(i, data)
dst.close()
PY
expect 0 generate $TENDER --ciso-confirm dev-05 --reference-doc "$T/oddid.docx" -o "$T/oddid-out.docx"
valid "$T/oddid-out.docx"
xsd "$T/x/word/footer1.xml"
has "$T/x/word/footer1.xml" '<w:pStyle w:val="F&quot;&amp;&lt;x"/>'
# a redline takes the reference document too
expect 1 diff --old-profile "$SRCDIR/samples/profile-dev.xml" --new-profile "$SRCDIR/samples/profile-dev-rev2.xml" \
    --reference-doc "$R/agency.docx" -o "$T/redline.docx"
valid "$T/redline.docx"
part "$T/redline.docx" word/header1.xml
has "$T/part" '範例市政府　函'

# ---- refused reference documents: exit 1, the file named, nothing written ----
# refused REF OUT MESSAGE: generate OUT with reference document REF
refused() {
	expect 1 generate $TENDER --draft --reference-doc "$1" -o "$2"
	same_text "$T/err" "secannex: $1: error: $3"
	ok test ! -e "$2"
}
refused "$R/agency.odt" "$T/no.docx" "the reference document is an OpenDocument text (.odt), but the output is DOCX: give a .docx file"
refused "$R/agency.docx" "$T/no.odt" "the reference document is a Word (.docx) package, but the output is ODT: give a .odt file"
printf 'not a zip\n' >"$T/text.docx"
refused "$T/text.docx" "$T/no.docx" "not a reference document: not a ZIP package (Not a zip archive); give the agency's .docx or .odt"
refused "$T/none.docx" "$T/no.docx" "cannot read file: No such file or directory"
refused "$T" "$T/no.docx" "not a regular file"
expect 1 generate --profile "$SRCDIR/samples/profile-saas.xml" --reference-doc "$R/agency.docx" -o "$T/no.csv"
same_text "$T/err" "secannex: $R/agency.docx: error: a csv file takes no reference document (only odt and docx do)"
ok test ! -e "$T/no.csv"
# zips built here: without word/document.xml, without the ODF mimetype, a zip bomb (17 MiB of zeros
# in a few kB), too many entries, malformed and DOCTYPE-carrying XML
/usr/bin/python3 - "$T" "$R/agency.docx" <<'PY'
import sys, zipfile
t, agency = sys.argv[1], zipfile.ZipFile(sys.argv[2])
def build(name, parts, deflate=False):
    with zipfile.ZipFile(t + "/" + name, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as z:
        for n, d in parts:
            z.writestr(n, d)
base = [(n, agency.read(n)) for n in agency.namelist()]
build("nodoc.docx", [(n, d) for n, d in base if n != "word/document.xml"])
build("nomime.odt", [("content.xml", b"<x/>"), ("styles.xml", b"<x/>")])
build("bomb.docx", base + [("word/media/zeros.bin", bytes(17 * 1024 * 1024))], deflate=True)
build("many.docx", base + [("extra/%04d.txt" % i, b"") for i in range(1000)])
build("badxml.docx", [(n, b"<w:styles>" if n == "word/styles.xml" else d) for n, d in base])
build("dtd.docx", [(n, b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>' if n == "word/styles.xml" else d)
                   for n, d in base])
build("badlink.docx", [(n, d.replace(b"header2.xml", b"header9.xml") if n == "word/_rels/document.xml.rels" else d)
                       for n, d in base])
PY
refused "$T/nodoc.docx" "$T/no.docx" "not a .docx reference document: it has no word/document.xml"
refused "$T/nomime.odt" "$T/no.odt" "not an .odt reference document: it has no mimetype"
refused "$T/bomb.docx" "$T/no.docx" "ZIP entry word/media/zeros.bin is 17825792 bytes uncompressed, over the limit of 16777216 bytes"
refused "$T/many.docx" "$T/no.docx" "the package has 1009 entries, over the limit of 1000"
expect 1 generate $TENDER --draft --reference-doc "$T/badxml.docx" -o "$T/no.docx"
has "$T/err" "secannex: $T/badxml.docx: error: word/styles.xml:1: malformed XML: "
ok test ! -e "$T/no.docx"
refused "$T/dtd.docx" "$T/no.docx" "word/styles.xml:1: a document type declaration is not allowed (DTDs and entities are never loaded)"
refused "$T/badlink.docx" "$T/no.docx" "word/document.xml refers to header9.xml, which is not in the package"
# an existing target is left as it was
cp "$T/plain.docx" "$T/keep.docx"
expect 1 generate $TENDER --draft --reference-doc "$T/bomb.docx" -o "$T/keep.docx"
ok cmp -s "$T/plain.docx" "$T/keep.docx"

# ---- what a reader sees (LibreOffice → PDF): 草稿 on every page, the label and letterhead on page 1 ----
flat() { tr -d ' \t\n\r\f\v' | sed 's/　//g'; }
if have_lo && command -v pdftotext >/dev/null 2>&1; then
	ok sh "$SRCDIR/tests/lo/convert.sh" "$T/pdf" "$T/ld-odt.odt" "$T/ld-docx.docx" "$T/ref-odt.odt" \
	    "$T/ref-docx.docx" 2>"$T/soffice.log"
	for name in ld-odt ld-docx ref-odt ref-docx; do
		pdf=$T/pdf/$name.pdf
		n=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
		ok test "${n:-0}" -ge 2
		i=1
		while [ "$i" -le "${n:-0}" ]; do
			pdftotext -f "$i" -l "$i" "$pdf" - | flat >"$T/page"
			checks=$((checks + 1))
			grep -qF 草稿 "$T/page" || { echo "FAIL: $name.pdf: page $i lacks 草稿"; fails=$((fails + 1)); }
			i=$((i + 1))
		done
		pdftotext -f 1 -l 1 "$pdf" - | flat >"$T/page1"
		has "$T/page1" 附件三
		has "$T/page1" 資通安全需求
		case $name in ref-*) has "$T/page1" 範例市政府 ;; esac
	done
else
	echo "soffice or pdftotext not installed: the rendering checks are skipped"
fi

finish
