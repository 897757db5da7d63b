#!/bin/sh
# template.sh: a --template-dir that is not byte for byte ours: the package parts are edited as XML
# trees (any prefix, spacing or attribute order works; a part without the root element expected is
# refused with our diagnostic, exit 1, nothing written).
. "$SRCDIR/tests/cli/setup.sh"
TENDER="--type dev --grade 中 --level C"
tpl() {
	rm -rf "$T/tpl" && cp -r "$SRCDIR/templates" "$T/tpl" && chmod -R u+w "$T/tpl"
}

# ---- the relationships part with a prefix: the header's relationship is added all the same ----
tpl
sed -i 's/<Relationships /<r:Relationships /; s/<Relationship /<r:Relationship /; s/<\/Relationships>/<\/r:Relationships>/; s/xmlns="http:\/\/schemas.openxmlformats.org\/package\/2006\/relationships"/xmlns:r="http:\/\/schemas.openxmlformats.org\/package\/2006\/relationships"/' \
    "$T/tpl/docx/word/_rels/document.xml.rels"
has "$T/tpl/docx/word/_rels/document.xml.rels" '<r:Relationships xmlns:r='
expect 0 generate $TENDER --draft --template-dir "$T/tpl" -o "$T/pre.docx"
valid "$T/pre.docx"
has "$T/x/word/_rels/document.xml.rels" '<r:Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
has "$T/x/word/document.xml" 'r:id="rIdHeader1"'
has "$T/x/[Content_Types].xml" '<Override PartName="/word/header1.xml" '
# the same parts as ours otherwise
expect 0 generate $TENDER --draft -o "$T/ours.docx"
rm -rf "$T/o" && mkdir "$T/o" && (cd "$T/o" && unzip -q "$T/ours.docx")
ok cmp -s "$T/o/[Content_Types].xml" "$T/x/[Content_Types].xml"
ok cmp -s "$T/o/word/document.xml" "$T/x/word/document.xml"

# ---- a malformed template part: read through xmlsafe.c, our message format, exit 1, nothing written ----
tpl
printf '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles>\n' >"$T/tpl/odt/styles.xml"
expect 1 generate $TENDER --draft --template-dir "$T/tpl" -o "$T/no.odt"
has "$T/err" "secannex: $T/tpl/odt/styles.xml:2: error: malformed XML: "
# every line ours (libxml2 prints nothing of its own)
ok test "$(grep -cv "^secannex: $T/tpl/odt/styles.xml:[0-9]*: error: malformed XML: " "$T/err")" = 0
ok test ! -e "$T/no.odt"
tpl
printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<x>&a;</x>\n' >"$T/tpl/docx/word/styles.xml"
expect 1 generate $TENDER --draft --label 附件一 --template-dir "$T/tpl" -o "$T/no.docx"
same_text "$T/err" "secannex: $T/tpl/docx/word/styles.xml:2: error: a document type declaration is not allowed (DTDs and entities are never loaded)"
ok test ! -e "$T/no.docx"

# ---- a part without the root element expected: refused, nothing written ----
tpl
printf '<?xml version="1.0" encoding="UTF-8"?>\n<Rels xmlns="urn:x"/>\n' >"$T/tpl/docx/word/_rels/document.xml.rels"
expect 1 generate $TENDER --draft --template-dir "$T/tpl" -o "$T/no.docx"
same_text "$T/err" "secannex: $T/tpl/docx/word/_rels/document.xml.rels:2: error: unknown document {urn:x}Rels: expected {http://schemas.openxmlformats.org/package/2006/relationships}Relationships"
ok test ! -e "$T/no.docx"
tpl
printf '<?xml version="1.0" encoding="UTF-8"?>\n<Types/>\n' >"$T/tpl/docx/[Content_Types].xml"
expect 1 generate $TENDER --draft --template-dir "$T/tpl" -o "$T/no.docx"
has "$T/err" "error: unknown document {}Types: expected {http://schemas.openxmlformats.org/package/2006/content-types}Types"
ok test ! -e "$T/no.docx"
# the manifest of an ODT with a picture (a reference document's logo)
tpl
printf '<?xml version="1.0" encoding="UTF-8"?>\n<manifest/>\n' >"$T/tpl/odt/META-INF/manifest.xml"
expect 1 generate $TENDER --draft --reference-doc "$SRCDIR/tests/data/refdoc/agency.odt" --template-dir "$T/tpl" -o "$T/no.odt"
has "$T/err" "error: unknown document {}manifest: expected {urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}manifest"
ok test ! -e "$T/no.odt"

# ---- ODT styles.xml laid out otherwise (attribute order, spacing): landscape pages all the same ----
tpl
/usr/bin/python3 - "$T/tpl/odt/styles.xml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
for a, b in (('<style:master-page style:name="Standard" style:page-layout-name="pm1">',
              '<style:master-page  style:page-layout-name = "pm1"\n      style:name="Standard" >'),
             ('<style:page-layout style:name="pm1">', "<style:page-layout\n  style:name='pm1'>"),
             ('fo:page-width="21cm" fo:page-height="29.7cm"', 'fo:page-height="29.7cm"  fo:page-width="21cm"')):
    assert a in s, a
    s = s.replace(a, b)
open(p, "w", encoding="utf-8").write(s)
PY
expect 0 generate $TENDER --ciso-confirm dev-05 --vendor-matrix --template-dir "$T/tpl" -o "$T/land.odt"
valid "$T/land.odt"
/usr/bin/python3 - "$T/x/styles.xml" <<'PY' || fails=$((fails + 1))
import sys
import xml.etree.ElementTree as ET
S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
root = ET.parse(sys.argv[1]).getroot()
mp = {m.get(S + "name"): m.get(S + "page-layout-name") for m in root.iter(S + "master-page")}
assert mp == {"Standard": "pm1", "Landscape": "SxLandscapeLayout"}, mp
pl = {l.get(S + "name"): l.find(S + "page-layout-properties") for l in root.iter(S + "page-layout")}
p = pl["SxLandscapeLayout"]
assert (p.get(FO + "page-width"), p.get(FO + "page-height"), p.get(S + "print-orientation")) == \
    ("29.7cm", "21cm", "landscape"), p.attrib
assert pl["pm1"].get(FO + "page-width") == "21cm"
PY
checks=$((checks + 1))

finish
