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

# ---- a part without the root element expected: refused, nothing written ----
tpl
printf '<?xml version="1.0" encoding="UTF-8"?>\n<Rels xmlns="urn:x"/>\n' >"$T/tpl/docx/word/_rels/document.xml.rels"
expect 1 generate $TENDER --draft --template-dir "$T/tpl" -o "$T/no.docx"
same_text "$T/err" "secannex: docx/word/_rels/document.xml.rels:2: error: unknown document {urn:x}Rels: expected {http://schemas.openxmlformats.org/package/2006/relationships}Relationships"
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

finish
