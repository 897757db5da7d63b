#!/bin/sh
# render.sh: what a reader sees.  Three sample tenders (dev, saas, paas) × ODT and DOCX, and the
# development tender's vendor matrix in both, are converted to PDF by LibreOffice (one headless
# call, its own profile, fontconfig from tests/lo/fonts.conf so that 標楷體 maps to AR PL UKai TW),
# then read back with poppler:
#   - pdftotext: page 1 carries the title (案名 + 資通安全需求), and no line of it holds a lone
#     character; the heading 、資通安全要求事項 and three sampled required/selected row texts are
#     there (whitespace removed: PDF text wraps); every row id is whole on one line (never broken
#     inside the id); every page i ends with 「第 i 頁，共 N 頁」 where N is pdfinfo's page count,
#     and N >= 2; every page that holds rows of the requirement table repeats its header row;
#   - pdffonts: an embedded font whose name contains UKai, and no font left unembedded;
#   - the matrix: A4 landscape pages, every row id whole on one line, the column headers each on
#     a line of its own on every page with rows, the vendor block;
#   - the agency documents (duties -o, baseline -o in ODT, DOCX and XLSX; grade -o in ODT and DOCX):
#     the checklist and the self-check A4 landscape, the worksheet portrait; every column header
#     whole on a line of its own on every page with rows; every 附表十 measure id whole; the 備註;
#     the twelve 附表九 criteria and the sign-off block; fonts embedded.
# Usage: render.sh [SECANNEX_BINARY [SRCDIR]]; without arguments $SECANNEX and $SRCDIR come from
# the environment (`make check` sets them, and SECANNEX_DATADIR); $VALGRIND, when set, runs
# each secannex call under valgrind.  Exit 77 (automake SKIP) when soffice is not installed.
# One line per failed check, then `N passed, M failed`.
set -u
export LC_ALL=C.UTF-8
unset SOURCE_DATE_EPOCH || :

SECANNEX=${1:-${SECANNEX:-}}
SRCDIR=${2:-${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}}
if [ -z "$SECANNEX" ]; then
	echo "usage: render.sh SECANNEX_BINARY [SRCDIR] (or set SECANNEX, SRCDIR)" >&2
	exit 2
fi
case $SECANNEX in /*) ;; *) SECANNEX=$(pwd)/$SECANNEX ;; esac
: "${SECANNEX_DATADIR:=$SRCDIR/catalog}"
export SECANNEX_DATADIR

if [ -n "${SECANNEX_TEST_QUICK:-}" ]; then
	echo "render.sh: skipped (SECANNEX_TEST_QUICK: the plain stage renders the same bytes)"
	exit 77
fi
if ! command -v soffice >/dev/null 2>&1; then
	echo "soffice not installed: skipped"
	exit 77
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
passed=0
failed=0

# ok COND-EXIT-STATUS MESSAGE: count one check
ok() {
	if [ "$1" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $2"
	fi
}

# flat: stdin without any whitespace (ASCII whitespace, form feeds, U+3000), on one line
flat() {
	tr -d ' \t\n\r\f\v' | sed 's/　//g'
}

# has FILE TEXT: the flattened FILE contains the flattened TEXT
has() {
	needle=$(printf '%s' "$2" | flat)
	grep -qF -- "$needle" "$1"
}

PROFILES="dev saas paas"
mkdir "$T/in" "$T/pdf"
for p in $PROFILES; do
	${VALGRIND:-} "$SECANNEX" resolve --profile "$SRCDIR/samples/profile-$p.xml" --format json \
	    >"$T/$p.json" 2>"$T/err"
	ok $? "secannex resolve --profile profile-$p.xml: $(head -c 300 "$T/err")"
	for fmt in odt docx; do
		# distinct base names: soffice names each PDF after its input's base name
		${VALGRIND:-} "$SECANNEX" generate --profile "$SRCDIR/samples/profile-$p.xml" \
		    -o "$T/in/$p-$fmt.$fmt" 2>"$T/err"
		ok $? "secannex generate --profile profile-$p.xml -o $p-$fmt.$fmt: $(head -c 300 "$T/err")"
	done
done

# the vendor matrix of the development tender (A4 landscape)
for fmt in odt docx; do
	${VALGRIND:-} "$SECANNEX" generate --profile "$SRCDIR/samples/profile-dev.xml" --document matrix \
	    -o "$T/in/matrix-dev-$fmt.$fmt" 2>"$T/err"
	ok $? "secannex generate --document matrix -o matrix-dev-$fmt.$fmt: $(head -c 300 "$T/err")"
done

# the agency documents: the 附表一 checklist, the 附表十 self-check at 高, the 附表九 worksheet
for fmt in odt docx xlsx; do
	${VALGRIND:-} "$SECANNEX" duties --level A --kind public --agency 範例市政府 -o "$T/in/duties-$fmt.$fmt" 2>"$T/err"
	ok $? "secannex duties -o duties-$fmt.$fmt: $(head -c 300 "$T/err")"
	${VALGRIND:-} "$SECANNEX" baseline --grade 高 --system 市民服務平台 -o "$T/in/selfcheck-$fmt.$fmt" 2>"$T/err"
	ok $? "secannex baseline -o selfcheck-$fmt.$fmt: $(head -c 300 "$T/err")"
done
for fmt in odt docx; do
	${VALGRIND:-} "$SECANNEX" grade --confidentiality 中 --integrity 普 --availability 高 --legal 普 \
	    --system 市民服務平台 --why-availability 全日對外服務 -o "$T/in/grading-$fmt.$fmt" 2>"$T/err"
	ok $? "secannex grade -o grading-$fmt.$fmt: $(head -c 300 "$T/err")"
done

# one LibreOffice run for all the files
sh "$SRCDIR/tests/lo/convert.sh" "$T/pdf" "$T"/in/*.odt "$T"/in/*.docx "$T"/in/*.xlsx 2>"$T/soffice.log"
ok $? "soffice --convert-to pdf failed: $(tail -3 "$T/soffice.log")"

for p in $PROFILES; do
	# the tender's title and three in-annex row texts without line breaks (short ones if there
	# are any, so that each fits on one line of its cell), first, middle and last; the row ids
	python3 - "$T/$p.json" "$T/$p" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
inn = [i for i in d["items"] if i["status"] in ("required", "selected")]
one = [i["text"] for i in inn if "\n" not in i["text"]]
short = [t for t in one if len(t) <= 18] or one
pick = []
for t in (short[:1] + short[len(short) // 2:len(short) // 2 + 1] + short[-1:]):
    if t not in pick:
        pick.append(t)
with open(sys.argv[2] + ".title", "w", encoding="utf-8") as f:
    f.write((d["tender"]["title"] or "") + "資通安全需求\n")
with open(sys.argv[2] + ".rows", "w", encoding="utf-8") as f:
    f.write("".join(t + "\n" for t in pick))
with open(sys.argv[2] + ".ids", "w", encoding="utf-8") as f:
    f.write("".join("(%s)\n" % i["id"] for i in inn))
PY
	for fmt in odt docx; do
		name=$p-$fmt
		pdf=$T/pdf/$name.pdf
		if [ ! -s "$pdf" ]; then
			ok 1 "$name.pdf was not written"
			continue
		fi
		n=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
		[ "${n:-0}" -ge 2 ]
		ok $? "$name.pdf: ${n:-?} pages, expected at least 2"
		pdftotext "$pdf" "$T/$name.txt"
		flat <"$T/$name.txt" >"$T/$name.flat"
		# one file per page, flattened (pdftotext ends every page with a form feed)
		awk -v out="$T/$name.p" 'BEGIN { RS = "\f" } { f = out NR; print > f; close(f) }' "$T/$name.txt"
		i=1
		while [ "$i" -le "${n:-0}" ]; do
			flat <"$T/$name.p$i" >"$T/$name.f$i"
			i=$((i + 1))
		done

		has "$T/$name.f1" "$(cat "$T/$p.title")"
		ok $? "$name.pdf: page 1 lacks the title $(cat "$T/$p.title")"
		has "$T/$name.flat" "、資通安全要求事項"
		ok $? "$name.pdf: no heading 、資通安全要求事項"
		# the title's lines (page 1, before the header block's 機關): none is a lone character
		lone=$(python3 -c 'import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if "機關" in line:
        break
    t = re.sub(r"\s", "", line)
    if len(t) == 1:
        print(t)' "$T/$name.p1")
		[ -z "$lone" ]
		ok $? "$name.pdf: a title line holds a lone character: $lone"
		# every row id whole on one line of the PDF text
		broken=""
		while IFS= read -r id; do
			grep -qF -- "$id" "$T/$name.txt" || broken="$broken $id"
		done <"$T/$p.ids"
		[ -z "$broken" ]
		ok $? "$name.pdf: row ids broken across lines:$broken"
		while IFS= read -r row; do
			has "$T/$name.flat" "$row"
			ok $? "$name.pdf: row text not found: $row"
		done <"$T/$p.rows"

		# page numbers: page i of N says 第 i 頁，共 N 頁; the header row repeats on every page
		# that carries rows of the 應辦理事項 table (their 依據 cells: ID(V5.4))
		bad_num="" bad_head="" blank=""
		i=1
		while [ "$i" -le "${n:-0}" ]; do
			grep -qF "第${i}頁，共${n}頁" "$T/$name.f$i" || bad_num="$bad_num $i"
			if grep -qF -f "$T/$p.ids" "$T/$name.f$i"; then
				for h in 項次 類別 要求內容 依據 備註; do
					grep -qF "$h" "$T/$name.f$i" || { bad_head="$bad_head $i"; break; }
				done
			fi
			[ "$(cat "$T/$name.f$i")" = "第${i}頁，共${n}頁" ] && blank="$blank $i"
			i=$((i + 1))
		done
		[ -z "$bad_num" ]
		ok $? "$name.pdf: pages without 「第 i 頁，共 $n 頁」:$bad_num"
		[ -z "$bad_head" ]
		ok $? "$name.pdf: pages with requirement rows but no repeated header row:$bad_head"
		# not counted: a page that holds nothing but the footer (a layout defect, reported)
		[ -z "$blank" ] || echo "NOTE: $name.pdf: pages holding only the footer:$blank"

		# fonts: the Kai face for Chinese text, embedded; nothing left unembedded
		pdffonts "$pdf" >"$T/$name.fonts"
		awk 'NR > 2 && $1 ~ /UKai/ && $(NF - 4) == "yes" { found = 1 } END { exit !found }' "$T/$name.fonts"
		ok $? "$name.pdf: no embedded UKai font: $(awk 'NR > 2 { printf "%s(%s) ", $1, $(NF - 4) }' "$T/$name.fonts")"
		awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } END { exit bad }' "$T/$name.fonts"
		ok $? "$name.pdf: fonts not embedded: $(awk 'NR > 2 && $(NF - 4) != "yes" { printf "%s ", $1 }' "$T/$name.fonts")"
	done
done

# the vendor matrix: landscape pages; every row id (編號, no brackets) whole on one line of the
# PDF text; the column headers on every page that carries rows; the vendor block at the end
python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print("".join(i["id"] + "\n" for i in d["items"] if i["status"] in ("required", "selected")), end="")' \
    "$T/dev.json" >"$T/matrix.ids"
for fmt in odt docx; do
	name=matrix-dev-$fmt
	pdf=$T/pdf/$name.pdf
	if [ ! -s "$pdf" ]; then
		ok 1 "$name.pdf was not written"
		continue
	fi
	pdfinfo "$pdf" | grep -q '^Page size: *841.89 x 595.3'
	ok $? "$name.pdf: pages not A4 landscape: $(pdfinfo "$pdf" | grep '^Page size')"
	pdftotext "$pdf" "$T/$name.txt"
	broken=""
	while IFS= read -r id; do
		grep -qwF -- "$id" "$T/$name.txt" || broken="$broken $id"
	done <"$T/matrix.ids"
	[ -z "$broken" ]
	ok $? "$name.pdf: row ids broken across lines:$broken"
	n=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	awk -v out="$T/$name.p" 'BEGIN { RS = "\f" } { f = out NR; print > f; close(f) }' "$T/$name.txt"
	bad_head="" i=1
	while [ "$i" -le "${n:-0}" ]; do
		flat <"$T/$name.p$i" >"$T/$name.f$i"
		if grep -qwF -f "$T/matrix.ids" "$T/$name.p$i"; then
			# a header whole on one line (never stacked a character a line), except the last,
			# which wraps once
			for h in 項次 編號 類別 要求內容 依據 備註 符合情形 說明; do
				grep -qxF "$h" "$T/$name.p$i" || { bad_head="$bad_head $i:$h"; break; }
			done
			grep -qF 佐證文件及頁碼 "$T/$name.f$i" || bad_head="$bad_head $i:佐證文件及頁碼"
		fi
		i=$((i + 1))
	done
	[ -z "$bad_head" ]
	ok $? "$name.pdf: pages with rows but without a header line:$bad_head"
	flat <"$T/$name.txt" >"$T/$name.flat"
	for label in 廠商名稱 統一編號 負責人 簽章／用印 需求符合性對照表; do
		grep -qF "$label" "$T/$name.flat"
		ok $? "$name.pdf: no $label"
	done
	# the vendor block is signed as one: its statement and every label on one page
	whole=0 i=1
	while [ "$i" -le "${n:-0}" ]; do
		k=0
		for label in 廠商已詳閱 廠商名稱 統一編號 負責人 簽章／用印 中華民國; do
			grep -qF "$label" "$T/$name.f$i" && k=$((k + 1))
		done
		[ "$k" -eq 6 ] && whole=1
		i=$((i + 1))
	done
	[ "$whole" -eq 1 ]
	ok $? "$name.pdf: the vendor block (statement, name, tax id, representative, seal, date) is split across pages"
done

# the agency documents: orientation; the column headers on every page with rows; whole ids; 備註
"$SECANNEX" duties --level A --kind public --format json >"$T/duties.json"
"$SECANNEX" baseline --grade 高 --format json >"$T/baseline.json"
"$SECANNEX" export --format json >"$T/export.json"
python3 - "$T/duties.json" "$T/baseline.json" "$T/export.json" "$T" <<'PY'
import json, sys
du, bl, ex = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:4])
t = sys.argv[4]
open(t + "/duties.rows", "w", encoding="utf-8").write("".join(
    it["name"] + "\n" for it in du["items"]))
open(t + "/duties.notes", "w", encoding="utf-8").write("".join(
    "%s、%s\n" % (r["n"], r["text"]) for r in du["remarks"]))
open(t + "/selfcheck.rows", "w", encoding="utf-8").write("".join(
    sorted({"(%s)\n" % x["measure"] for x in bl})))
open(t + "/selfcheck.notes", "w", encoding="utf-8").write("".join(
    "%s、%s\n" % (r["n"], r["text"]) for r in ex["baseline"]["remarks"]))
open(t + "/grading.rows", "w", encoding="utf-8").write("".join(
    d[g] + "\n" for d in ex["grading"]["dimensions"] for g in ("normal", "medium", "high")))
PY
ok $? "the agency documents' expected texts could not be written"
for doc in duties selfcheck grading; do
	case $doc in
	duties) heads="制度面向 辦理項目 細項 辦理內容 辦理情形 完成日期 負責單位 佐證資料" size="841.89 x 595.3" ;;
	selfcheck) heads="構面 措施 控制措施 符合情形 說明 佐證資料" size="841.89 x 595.3" ;;
	grading) heads="構面 等級 判定基準 評估理由" size="595.3" ;;
	esac
	for fmt in odt docx xlsx; do
		name=$doc-$fmt
		pdf=$T/pdf/$name.pdf
		[ "$doc-$fmt" = grading-xlsx ] && continue
		if [ ! -s "$pdf" ]; then
			ok 1 "$name.pdf was not written"
			continue
		fi
		pdfinfo "$pdf" | grep -q "^Page size: *$size"
		ok $? "$name.pdf: pages not $size: $(pdfinfo "$pdf" | grep '^Page size')"
		pdftotext "$pdf" "$T/$name.txt"
		# (the rationale's merged cell stands beside the criteria: pdftotext puts its line inside
		# theirs, so it is taken out of the text that the criteria are looked for in)
		flat <"$T/$name.txt" | sed 's/全日對外服務//g' >"$T/$name.flat"
		n=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
		awk -v out="$T/$name.p" 'BEGIN { RS = "\f" } { f = out NR; print > f; close(f) }' "$T/$name.txt"
		bad_head="" i=1 after=0
		while [ "$i" -le "${n:-0}" ]; do
			# a page with rows (a 辦理項目, a measure id, a criterion) before the 備註, which follow
			# the table and may name a 辦理項目: every header on it, whole
			flat <"$T/$name.p$i" >"$T/$name.f$i"
			[ "$after" = 1 ] && : >"$T/$name.f$i"
			grep -qF 備註： "$T/$name.f$i" && after=1
			sed -i 's/備註：.*//' "$T/$name.f$i"
			if grep -qF -f "$T/$doc.rows" "$T/$name.f$i"; then
				for h in $heads; do
					grep -qxF "$h" "$T/$name.p$i" || { bad_head="$bad_head $i:$h"; break; }
				done
			fi
			i=$((i + 1))
		done
		[ -z "$bad_head" ]
		ok $? "$name.pdf: pages with rows but without a whole header line:$bad_head"
		missing=""
		while IFS= read -r row; do
			grep -qF -- "$(printf '%s' "$row" | flat)" "$T/$name.flat" || missing="$missing $row"
		done <"$T/$doc.rows"
		[ -z "$missing" ]
		ok $? "$name.pdf: rows missing:$(echo "$missing" | head -c 300)"
		if [ $doc = selfcheck ]; then
			broken=""
			while IFS= read -r id; do
				grep -qF -- "$id" "$T/$name.txt" || broken="$broken $id"
			done <"$T/selfcheck.rows"
			[ -z "$broken" ]
			ok $? "$name.pdf: measure ids broken across lines:$broken"
		fi
		if [ $doc != grading ]; then
			missing=""
			while IFS= read -r row; do
				grep -qF -- "$(printf '%s' "$row" | flat)" "$T/$name.flat" || missing="$missing $row"
			done <"$T/$doc.notes"
			[ -z "$missing" ]
			ok $? "$name.pdf: 備註 missing:$(echo "$missing" | head -c 300)"
		else
			for label in 填表人 單位主管 資安長 評估結果; do
				grep -qF "$label" "$T/$name.flat"
				ok $? "$name.pdf: no $label"
			done
		fi
		pdffonts "$pdf" >"$T/$name.fonts"
		awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } END { exit bad }' "$T/$name.fonts"
		ok $? "$name.pdf: fonts not embedded: $(awk 'NR > 2 && $(NF - 4) != "yes" { printf "%s ", $1 }' "$T/$name.fonts")"
	done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
