#!/bin/sh
# golden-xml.sh: the documents' XML parts, pretty-printed, against tests/golden/xml/ (content.xml of
# ODT, word/document.xml of DOCX): a writer change shows as a reviewable diff of the XML.
# "golden-xml.sh --update" (with SECANNEX and SRCDIR set) rewrites the expected files.
. "$SRCDIR/tests/cli/setup.sh"
G="$SRCDIR/tests/golden/xml"
update=${1:-}
export SOURCE_DATE_EPOCH=1764806400

# part DOC PART NAME: unzip PART of DOC, pretty-print it, compare it with $G/NAME
part() {
	checks=$((checks + 1))
	rm -rf "$T/x" && mkdir "$T/x"
	(cd "$T/x" && unzip -q "$1" "$2") && xmllint --format "$T/x/$2" >"$T/pretty" || {
		echo "FAIL: cannot read $2 of $1"; fails=$((fails + 1)); return 0; }
	if [ "$update" = --update ]; then
		cp "$T/pretty" "$G/$3"
	elif ! diff -u "$G/$3" "$T/pretty" >"$T/diff"; then
		echo "FAIL: $3 differs:"; head -60 "$T/diff"; fails=$((fails + 1))
	fi
}

# doc NAME CODE ARGS...: write NAME.odt and NAME.docx with ARGS (exit CODE), compare their body parts
doc() {
	name=$1 code=$2; shift 2
	for fmt in odt docx; do
		expect "$code" "$@" -o "$T/$name.$fmt"
	done
	part "$T/$name.odt" content.xml "$name.content.xml"
	part "$T/$name.docx" word/document.xml "$name.document.xml"
}

doc annex-dev 0 generate --profile "$SRCDIR/samples/profile-dev.xml"
doc review-dev 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --document review
doc matrix-saas 0 generate --profile "$SRCDIR/samples/profile-saas.xml" --vendor-matrix
doc annex-all 0 generate --type dev --grade 高 --level A --personal-data \
    --exclude 'dev-29=已由機房提供' --choose dev-20 --agency '範例機關' --case 'X-1' \
    --title '測試案' --date 2026-01-02 --draft
doc redline-annex 1 diff --old-profile "$SRCDIR/samples/profile-dev.xml" \
    --new-profile "$SRCDIR/samples/profile-dev-rev2.xml" --author 法制室
doc redline-attrs 1 diff "$SRCDIR/tests/data/diff/base.xml" "$SRCDIR/tests/data/diff/attrs.xml"
doc redline-changed 1 diff "$SRCDIR/tests/data/diff/base.xml" "$SRCDIR/tests/data/diff/moved.xml" --changed-only
doc table-catalog 1 diff "$SRCDIR/catalog/procurement.xml" "$SRCDIR/samples/catalog-tailored.xml" --document table
doc table-annex 1 diff --old-profile "$SRCDIR/samples/profile-dev.xml" \
    --new-profile "$SRCDIR/samples/profile-dev-rev2.xml" --document table
doc duties-d 0 duties --level D --kind public --agency 範例機關 --date 115-01-02 --label 附件一
doc selfcheck-au 0 baseline --grade 高 --area au --system 測試系統 --agency 範例機關
doc grading 0 grade --confidentiality 中 --integrity 普 --availability 高 --legal 普 --system 測試系統 \
    --why-availability '全日對外 <服務> & 查詢'
finish
