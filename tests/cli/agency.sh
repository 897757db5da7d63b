#!/bin/sh
# agency.sh: the agency documents: duties -o (the 附表一～八 checklist), baseline -o (a system's 附表十
# self-check) and grade -o (the 附表九 worksheet).  Every level × kind, every grade and several
# dimension sets are read back (python3-docx, odfpy, openpyxl: agency_check.py) against the
# regulation's own data (duties/baseline/export --format json): the rows, every text verbatim, the
# merged cells, the marks, the XLSX lists and protection; schema-valid (ODF 1.3, ECMA-376);
# --reference-doc; deterministic; atomic; bad values refused with nothing written.
. "$(dirname "$0")/setup.sh"
unset SOURCE_DATE_EPOCH || :
R="$SRCDIR/tests/data/refdoc"
CHECK="$SRCDIR/tests/cli/agency_check.py"

if ! /usr/bin/python3 -c 'import docx, odf, openpyxl' 2>/dev/null; then
	echo "agency.sh: skipped: no python3-docx, python3-odf or python3-openpyxl"; exit 77
fi

# py WHAT ARGS: one check by agency_check.py
py() {
	what=$1
	shift
	checks=$((checks + 1))
	if ! /usr/bin/python3 "$CHECK" "$what" "$SECANNEX" "$@" >"$T/py" 2>&1; then
		echo "FAIL: agency_check.py $what $*"; sed 's/^/  /' "$T/py" | head -20
		fails=$((fails + 1))
	fi
}

# ---- duties: every level × kind, its 附表 and its leaf rows (the issue's counts; under valgrind
# every other one: the same writer, each run a second or two) ----
k=0
for lk in "A public 附表一 27" "A special 附表二 24" "B public 附表三 26" "B special 附表四 23" \
    "C public 附表五 21" "C special 附表六 20" "D public 附表七 5" "D special 附表七 5" \
    "E public 附表八 2" "E special 附表八 2"; do
	k=$((k + 1))
	[ -z "${VALGRIND:-}" ] || [ $((k % 2)) -eq 1 ] || continue
	set -- $lk
	for fmt in docx odt xlsx; do
		expect 0 duties --level "$1" --kind "$2" --agency 範例市政府 --date 115-11-20 -o "$T/d-$1-$2.$fmt"
	done
	valid "$T/d-$1-$2.docx"
	valid "$T/d-$1-$2.odt"
	py duties "$1" "$2" "$3" "$4" "$T/d-$1-$2.docx" "$T/d-$1-$2.odt" "$T/d-$1-$2.xlsx"
done
py fact "$T/d-A-public.docx" 機關 範例市政府
py fact "$T/d-A-public.odt" 日期 中華民國115年11月20日
# without -o: the text and JSON as before; a document option without -o is a usage error
expect 0 duties --level A --kind public --format json
has "$T/out" '"label":"附表一"'
expect 2 duties --level A --kind public --agency 範例市政府
has "$T/err" "--agency applies to 'duties -o FILE' (the document) only"
expect 2 duties --level A --kind public -o "$T/d.csv"
has "$T/err" "duties -o '$T/d.csv': the file's extension picks the format: odt, docx or xlsx"
ok test ! -e "$T/d.csv"
expect 2 duties --level A --kind public --format json -o "$T/d.docx"
ok test ! -e "$T/d.docx"

# ---- baseline -o: the self-check of each grade, one row per resolved control; --area ----
for g in 普 中 高; do
	for fmt in docx odt xlsx; do
		expect 0 baseline --grade $g --system 市民服務平台 --agency 範例市政府 -o "$T/s-$g.$fmt"
	done
	valid "$T/s-$g.docx"
	valid "$T/s-$g.odt"
	py selfcheck $g - "$T/s-$g.docx" "$T/s-$g.odt" "$T/s-$g.xlsx"
done
expect 0 baseline --grade 中 --area au -o "$T/s-au.docx"
expect 0 baseline --grade 中 --area 稽核與可歸責性 -o "$T/s-au.xlsx"
py selfcheck 中 au "$T/s-au.docx" "$T/s-au.xlsx"
py fact "$T/s-au.docx" 檢核範圍 "稽核與可歸責性（au）"
py fact "$T/s-中.docx" 資通系統名稱 市民服務平台
expect 1 baseline --grade 中 --area zz -o "$T/s-zz.docx"
has "$T/err" "secannex: --area: error: unknown 附表十 area 'zz'"
ok test ! -e "$T/s-zz.docx"
expect 1 baseline --grade 中 --area acc -o "$T/s-zz.docx"
has "$T/err" "did you mean: ac?"
ok test ! -e "$T/s-zz.docx"

# ---- grade -o: the 附表九 worksheet for several dimension sets ----
i=0
for set in "普 普 普 普 -|-|-|- 普 機密性、完整性、可用性、法律遵循性" \
    "中 普 高 普 含個資|-|全日服務|- 高 可用性" \
    "高 高 中 普 機敏資料|帳務資料|-|無特別法規 高 機密性、完整性" \
    "普 中 普 中 -|-|-|個資法 中 完整性、法律遵循性"; do
	set -- $set
	i=$((i + 1))
	w1=$(echo "$5" | cut -d'|' -f1) w2=$(echo "$5" | cut -d'|' -f2) w3=$(echo "$5" | cut -d'|' -f3) \
	    w4=$(echo "$5" | cut -d'|' -f4)
	for fmt in docx odt; do
		expect 0 grade --confidentiality "$1" --integrity "$2" --availability "$3" --legal "$4" \
		    --system 市民服務平台 $( [ "$w1" = - ] || echo --why-confidentiality "$w1") \
		    $( [ "$w2" = - ] || echo --why-integrity "$w2") $( [ "$w3" = - ] || echo --why-availability "$w3") \
		    $( [ "$w4" = - ] || echo --why-legal "$w4") -o "$T/g$i.$fmt"
	done
	valid "$T/g$i.docx"
	valid "$T/g$i.odt"
	py grading "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$T/g$i.docx" "$T/g$i.odt"
done
expect 2 grade --confidentiality 中 --integrity 普 --availability 普 --legal 普 -o "$T/g.xlsx"
ok test ! -e "$T/g.xlsx"
expect 2 grade --confidentiality 中 --integrity 普 --availability 普 --legal 普 --why-legal x
has "$T/err" "--why-legal applies to 'grade -o FILE' (the document) only"

# ---- what the user typed: refused as usage errors, nothing written ----
expect 2 duties --level A --kind public --date 115-13-01 -o "$T/bad.docx"
same_text "$T/err" "secannex: --date: error: '115-13-01' is not a valid date: write 2026-11-20, 115-11-20, 115/11/20 or (中華民國)115年11月20日"
expect 2 grade --confidentiality 中 --integrity 普 --availability 普 --legal 普 \
    --why-legal "$(printf 'a\001b')" -o "$T/bad.odt"
same_text "$T/err" "secannex: --why-legal: error: control character U+0001 is not allowed"
expect 2 baseline --grade 中 --system "$(printf 'x\033')" -o "$T/bad.xlsx"
same_text "$T/err" "secannex: --system: error: control character U+001B is not allowed"
ok test ! -e "$T/bad.docx"
ok test ! -e "$T/bad.odt"
ok test ! -e "$T/bad.xlsx"
# the 民國 forms of --date
for d in 2026-11-20 115/11/20 115年11月20日; do
	expect 0 duties --level E --kind public --date "$d" -o "$T/date.docx"
	py fact "$T/date.docx" 日期 中華民國115年11月20日
done

# ---- an agency's reference document: its letterhead on each document ----
expect 0 duties --level C --kind public --label 附件一 --reference-doc "$R/agency.docx" -o "$T/ref-d.docx"
expect 0 baseline --grade 中 --reference-doc "$R/agency.odt" -o "$T/ref-s.odt"
expect 0 grade --confidentiality 中 --integrity 普 --availability 普 --legal 普 \
    --reference-doc "$R/agency.docx" -o "$T/ref-g.docx"
for f in ref-d.docx ref-s.odt ref-g.docx; do
	valid "$T/$f"
	rm -rf "$T/r" && mkdir "$T/r" && (cd "$T/r" && unzip -q "$T/$f")
	case $f in
	*.docx) has "$T/r/word/header1.xml" '範例市政府　函' ;;
	*.odt) has "$T/r/styles.xml" '範例市政府　函' ;;
	esac
done
rm -rf "$T/r" && mkdir "$T/r" && (cd "$T/r" && unzip -q "$T/ref-d.docx")
has "$T/r/word/document.xml" '附件一'
# a landscape document's label opens its first landscape page (not a portrait page of its own)
expect 0 duties --level C --kind public --label 附件一 -o "$T/label.odt"
unzip -p "$T/label.odt" content.xml >"$T/part"
has "$T/part" '<style:style style:name="SxLandscape" style:family="paragraph" style:parent-style-name="Label" style:master-page-name="Landscape"/>'
has "$T/part" '<text:p text:style-name="SxLandscape">附件一</text:p><text:p text:style-name="Title">'
expect 1 duties --level C --kind public --reference-doc "$R/agency.odt" -o "$T/ref-x.docx"
ok test ! -e "$T/ref-x.docx"
expect 1 duties --level C --kind public --reference-doc "$R/agency.docx" -o "$T/ref-x.xlsx"
ok test ! -e "$T/ref-x.xlsx"

# ---- deterministic; landscape; atomic ----
export SOURCE_DATE_EPOCH=1764806400
for f in d.docx d.odt d.xlsx; do
	expect 0 duties --level B --kind special -o "$T/1-$f"
	sleep 1
	expect 0 duties --level B --kind special -o "$T/2-$f"
	ok cmp -s "$T/1-$f" "$T/2-$f"
done
unset SOURCE_DATE_EPOCH
has_part() { unzip -p "$1" "$2" >"$T/part"; has "$T/part" "$3"; }
has_part "$T/d-A-public.docx" word/document.xml 'w:orient="landscape"'
has_part "$T/s-中.docx" word/document.xml 'w:orient="landscape"'
has_part "$T/d-A-public.odt" styles.xml 'style:print-orientation="landscape"'
mkdir "$T/od"
echo old >"$T/od/x.docx"
expect 1 duties --level A --kind public --label "$(printf 'a\001')" -o "$T/od/x.docx"
same_text "$T/od/x.docx" "old"
ok test "$(ls -A "$T/od" | wc -l)" -eq 1

finish
