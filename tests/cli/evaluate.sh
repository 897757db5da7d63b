#!/bin/sh
# evaluate.sh: secannex evaluate: the matrix of samples/profile-dev.xml written in XLSX, DOCX, ODT and
# CSV, filled in by a script as a vendor would (fill_matrix.py: openpyxl, python3-docx, odfpy, plain
# text), read back: exact counts and exit codes (0 all 符合, 1 otherwise, 2 cannot be evaluated); an
# altered requirement named with its diff, a re-wrapped one accepted; a deleted row missing, an added
# row reported; two ticks an error; a zip bomb, a malformed sheet, a file neither UTF-8 nor Big5
# refused; a Big5 CSV read; the controls' sub-rows round trip.
. "$(dirname "$0")/setup.sh"

if ! /usr/bin/python3 -c 'import openpyxl, docx, odf' 2>/dev/null; then
	echo "evaluate.sh: skipped: needs python3-openpyxl, python3-docx and python3-odf"; exit 77
fi

P="$SRCDIR/samples/profile-dev.xml"
fill() { /usr/bin/python3 "$SRCDIR/tests/cli/fill_matrix.py" "$@"; }
# under valgrind the loops that repeat one check for every format take the fewer formats (every
# reader is still run by the first loop)
if [ -n "${VALGRIND:-}" ]; then SOME="docx csv"; else SOME="docx odt csv xlsx"; fi
MIX="符合 26, 部分符合 7, 不符合 7, 未填 7; missing 0, not in the tender 0, altered 0, unreadable answers 0"

for f in xlsx docx odt csv; do
	expect 0 generate --profile "$P" --document matrix -o "$T/m.$f"
	# as issued: every row 未填
	expect 1 evaluate --profile "$P" "$T/m.$f"
	has "$T/out" "符合 0, 部分符合 0, 不符合 0, 未填 47; missing 0"
	# the known mix, ticked in every way the format allows
	fill "$T/m.$f" "$T/mix.$f" --mix --vendor 甲資訊股份有限公司
	expect 1 evaluate --profile "$P" "$T/mix.$f"
	has "$T/out" "$MIX"
	has "$T/out" "case 115-DEV-007, 47 rows (requirements)"
	ok grep -q "^2 *dev-02 *部分符合 *本公司依第2項辦理。 | 服務建議書第11頁" "$T/out"
	ok grep -q "^3 *dev-05 *不符合 " "$T/out"
	ok grep -q "^4 *dev-06 *未填 *$" "$T/out"
	ok test ! -s "$T/err"
	# every row 符合: exit 0
	fill "$T/m.$f" "$T/yes.$f"
	expect 0 evaluate --profile "$P" "$T/yes.$f"
	has "$T/out" "符合 47, 部分符合 0, 不符合 0, 未填 0; missing 0, not in the tender 0, altered 0"
done
# libxlsxwriter's workbook (as issued) holds shared strings, openpyxl's (filled in) inline strings:
# both read above; Excel's _x000D_ escape of a carriage return is decoded
ok test "$(unzip -l "$T/m.xlsx" | grep -c xl/sharedStrings.xml)" = 1
unzip -p "$T/mix.xlsx" xl/worksheets/sheet1.xml >"$T/sheet.xml"
ok grep -q 't="inlineStr"' "$T/sheet.xml"
/usr/bin/python3 - "$T/mix.xlsx" "$T/esc.xlsx" <<'PY'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for n in src.namelist():
        data = src.read(n)
        if n.startswith("xl/worksheets/"):
            old = "本公司依第2項辦理。".encode("ascii", "xmlcharrefreplace")
            new = "本公司依第2項_x000D_\n辦理。".encode("ascii", "xmlcharrefreplace")
            assert old in data
            data = data.replace(old, new)
        z.writestr(n, data)
PY
expect 1 evaluate --profile "$P" "$T/esc.xlsx"
ok grep -q "^2 *dev-02 *部分符合 *本公司依第2項辦理。 | 服務建議書第11頁" "$T/out"
# the workbook saved again as ODS, as LibreOffice writes it (fill_matrix.py: a sheet before it,
# equal neighbours as one repeated cell, a million repeated empty rows at the end): the same
# counts, the rows past the last not read one by one (no "too many rows"); dev-02's answer and
# 說明 made equal are one cell repeated twice, read into both columns
fill "$T/m.xlsx" "$T/mix.ods" --mix --same dev-02
ok grep -q 'number-rows-repeated="104' "$(cd "$T" && mkdir -p ods && cd ods && unzip -qo ../mix.ods content.xml && echo "$T/ods/content.xml")"
ok grep -q 'number-columns-repeated="2"' "$T/ods/content.xml"
expect 1 evaluate --profile "$P" "$T/mix.ods"
has "$T/out" "$MIX"
ok grep -q "^2 *dev-02 *部分符合 *部分符合 | 服務建議書第11頁" "$T/out"
ok grep -q "^3 *dev-05 *不符合 " "$T/out"
ok test ! -s "$T/err"
fill "$T/m.xlsx" "$T/yes.ods"
expect 0 evaluate --profile "$P" "$T/yes.ods"
has "$T/out" "符合 47, 部分符合 0, 不符合 0, 未填 0; missing 0, not in the tender 0, altered 0"

# a box ticked with Word's Insert Symbol (Wingdings ☑) is read; a symbol that is no tick is an error
/usr/bin/python3 - "$T/yes.docx" "$T/sym.docx" <<'PY'
import sys
import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
t = next(t for t in d.tables if "編號" in [c.text for c in t.rows[0].cells])
head = [c.text for c in t.rows[0].cells]
for row in t.rows[1:]:
    rid = row.cells[head.index("編號")].text
    if rid not in ("dev-02", "dev-05"):
        continue
    p = row.cells[head.index("符合情形")].paragraphs[0]
    for r in list(p.runs):
        r._element.getparent().remove(r._element)
    run = p.add_run("□符合")
    run.add_break()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Wingdings" if rid == "dev-02" else "Symbol")
    sym.set(qn("w:char"), "F0FE" if rid == "dev-02" else "F0B7")
    run._r.append(sym)
    run.add_text("部分符合")
    run.add_break()
    run.add_text("□不符合")
d.save(sys.argv[2])
PY
expect 1 evaluate --profile "$P" "$T/sym.docx"
has "$T/out" "符合 45, 部分符合 1, 不符合 0, 未填 1; missing 0, not in the tender 0, altered 0, unreadable answers 1"
has "$T/err" "sym.docx:4: error: row 'dev-05': 符合情形 '□符合�部分符合□不符合' is not 符合"

# the vendor's name from the vendor block of a document
expect 1 evaluate --profile "$P" "$T/mix.docx"
has "$T/out" "需求符合性對照表評核：甲資訊股份有限公司"
expect 1 evaluate --profile "$P" "$T/mix.odt"
has "$T/out" "需求符合性對照表評核：甲資訊股份有限公司"

# altered, re-wrapped, deleted, added, ticked twice
for f in $SOME; do
	fill "$T/m.$f" "$T/bad.$f" --alter dev-01 --rewrap dev-06 --delete dev-08 --extra dev-99 --two dev-07
	expect 1 evaluate --profile "$P" "$T/bad.$f"
	has "$T/out" "符合 45, 部分符合 0, 不符合 0, 未填 1; missing 1, not in the tender 1, altered 1, unreadable answers 1"
	has "$T/err" "row 'dev-01': 要求內容 differs from the tender's ([-tender-] {+response+}): 具備完善之資[-通-]{+訊+}安全管理措施"
	has "$T/err" "row 'dev-08' (項次 6) is missing from the response"
	has "$T/err" "row 'dev-99' is not in this tender's matrix"
	has "$T/err" "row 'dev-07': more than one answer in 符合情形"
	lacks "$T/err" "dev-06"
done
# the line of a sheet row is its row number; of a CSV record its line
fill "$T/m.xlsx" "$T/bad.xlsx" --alter dev-01
expect 1 evaluate --profile "$P" "$T/bad.xlsx"
has "$T/err" "bad.xlsx:10: error: row 'dev-01'"
expect 1 evaluate --profile "$P" "$T/bad.csv"
has "$T/err" "bad.csv:2: error: row 'dev-01'"
# another tender's 案號; a row without 編號
sed 's/^"115-DEV-007","1",/"115-DEV-999","1",/; s/^"115-DEV-007","3","dev-05"/"115-DEV-007","3",""/' "$T/yes.csv" >"$T/case.csv"
expect 1 evaluate --profile "$P" "$T/case.csv"
has "$T/err" "case.csv: error: the response's 案號 '115-DEV-999' is not this tender's ('115-DEV-007')"
has "$T/err" "case.csv:4: error: a row without 編號 (the row id): ignored"
has "$T/err" "row 'dev-05' (項次 3) is missing from the response"
# re-wrapped only: nothing altered
fill "$T/m.docx" "$T/wrap.docx" --rewrap dev-06
expect 0 evaluate --profile "$P" "$T/wrap.docx"

# JSON: the counts, stable keys
expect 1 evaluate --profile "$P" --format json "$T/mix.csv"
checks=$((checks + 1))
/usr/bin/python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(j) == ["file", "vendor", "case", "detail", "big5", "verdict", "counts", "rows", "extra"], list(j)
assert j["counts"] == {"unanswered": 7, "yes": 26, "partial": 7, "no": 7, "missing": 0, "extra": 0,
                       "altered": 0, "invalid": 0}, j["counts"]
assert j["verdict"] == 1 and j["case"] == "115-DEV-007" and len(j["rows"]) == 47
assert j["rows"][1]["answer"] == "部分符合" and j["rows"][1]["line"] == 3
PY
expect 1 evaluate --profile "$P" --format md "$T/mix.xlsx"
has "$T/out" "| 2 | dev-02 | 部分符合 | 本公司依第2項辦理。 | 服務建議書第11頁 |"

# Big5 (CP950): read, with a warning
fill "$T/m.csv" "$T/big5.csv" --mix --big5
ok test "$(head -c 5 "$T/big5.csv" | tail -c 4 | od -An -tx1 | tr -d ' ')" = "aed7b8b9"
expect 1 evaluate --profile "$P" "$T/big5.csv"
has "$T/out" "$MIX"
has "$T/err" "the file is Big5 (CP950), not UTF-8: read it converted"
# a CSV is held to --max-bytes
expect 2 evaluate --profile "$P" --max-bytes 1000 "$T/big5.csv"
has "$T/err" "over the limit of 1000 bytes"
# neither UTF-8 nor Big5
printf '\377\376\377\376,\200\n' > "$T/neither.csv"
expect 2 evaluate --profile "$P" "$T/neither.csv"
has "$T/err" "neither.csv: error: the file is neither UTF-8 nor Big5 (CP950)"

# a zip bomb: an entry whose uncompressed size is over the limit (16 MiB), and a malformed sheet
/usr/bin/python3 - "$T/m.xlsx" "$T/bomb.xlsx" "$T/broken.xlsx" <<'PY'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for n in src.namelist():
        z.writestr(n, src.read(n))
    z.writestr("xl/media/big.bin", b"\0" * (17 * 1024 * 1024))
with zipfile.ZipFile(sys.argv[3], "w", zipfile.ZIP_DEFLATED) as z:
    for n in src.namelist():
        data = src.read(n)
        if n == "xl/worksheets/sheet1.xml":
            data = data[: len(data) // 2]
        z.writestr(n, data)
PY
expect 2 evaluate --profile "$P" "$T/bomb.xlsx"
has "$T/err" "xl/media/big.bin"
has "$T/err" "over the limit of 16777216"
expect 2 evaluate --profile "$P" "$T/broken.xlsx"
has "$T/err" "broken.xlsx:xl/worksheets/sheet1.xml:"
has "$T/err" "malformed XML"
lacks "$T/out" "符合"
# not a matrix, not a response format, not a ZIP package (named as a response, not as a reference
# document), no file
expect 2 evaluate --profile "$P" "$P"
has "$T/err" "cannot tell the response's format"
printf 'not a zip\n' > "$T/text.ods"
expect 2 evaluate --profile "$P" "$T/text.ods" -o "$T/text-eval.docx"
has "$T/err" "secannex: $T/text.ods: error: not a workbook or document: not a ZIP package (Not a zip archive); an .xlsx, .ods, .docx or .odt response is one"
lacks "$T/err" "reference document"
ok test ! -e "$T/text-eval.docx"
printf 'a,b\n1,2\n' > "$T/other.csv"
expect 2 evaluate --profile "$P" "$T/other.csv"
has "$T/err" "not a secannex compliance matrix"
expect 2 evaluate --profile "$P"
has "$T/err" "evaluate needs one RESPONSE file"
expect 2 evaluate --profile "$P" --matrix-detail rows "$T/mix.csv"

# -o: the committee's evaluation record, schema-valid, deterministic, atomic; read back
fill "$T/m.docx" "$T/rec.docx" --mix --vendor 甲資訊股份有限公司 --alter dev-01 --extra dev-99
for f in docx odt; do
	SOURCE_DATE_EPOCH=1764806400 expect 1 evaluate --profile "$P" "$T/rec.docx" -o "$T/ev.$f"
	has "$T/out" "$(echo "$MIX" | sed 's/not in the tender 0, altered 0/not in the tender 1, altered 1/')"
	valid "$T/ev.$f"
	SOURCE_DATE_EPOCH=1764806400 expect 1 evaluate --profile "$P" "$T/rec.docx" -o "$T/ev2.$f"
	ok cmp -s "$T/ev.$f" "$T/ev2.$f"
done
checks=$((checks + 1))
/usr/bin/python3 - "$T/ev.docx" "$T/ev.odt" <<'PY' || fails=$((fails + 1))
import sys
import docx
from odf import opendocument, teletype
from odf.table import Table
d = docx.Document(sys.argv[1])
t = [[c.text for c in r.cells] for tb in d.tables for r in tb.rows]
facts = {r[0]: r[1] for r in t if len(r) == 2}
assert facts["廠商"] == "甲資訊股份有限公司" and facts["案號"] == "115-DEV-007", facts
assert facts["符合"] == "26" and facts["非本案項目"] == "1" and facts["要求內容遭修改"] == "1", facts
rows = {r[1]: r for r in t if len(r) == 6}
assert rows["編號"] == ["項次", "編號", "符合情形", "廠商說明", "佐證文件及頁碼", "評核意見"], rows["編號"]
assert rows["dev-02"][2:5] == ["部分符合", "本公司依第2項辦理。", "服務建議書第11頁"], rows["dev-02"]
assert "具備完善之資[-通-]{+訊+}安全管理措施" in rows["dev-01"][5], rows["dev-01"]
assert rows["dev-06"][2] == "未填", rows["dev-06"]
assert any(r[0] == "dev-99" for r in t if len(r) == 2), "no extra row"
o = opendocument.load(sys.argv[2])
text = teletype.extractText(o.text)
assert "甲資訊股份有限公司" in text and "具備完善之資[-通-]{+訊+}安全管理措施" in text
PY
# a record that cannot be written leaves nothing; the record is not a document of a tender
expect 2 evaluate --profile "$P" "$T/rec.docx" -o "$T/ev.csv"
ok test ! -e "$T/ev.csv"
same_text "$T/err" "secannex: cannot tell the evaluation record format of '$T/ev.csv': use .odt or .docx
Try 'secannex --help'."
expect 2 evaluate --profile "$P" "$T/rec.docx" "$T/yes.csv" -o "$T/cmp.pdf"
has "$T/err" "cannot tell the comparison format of '$T/cmp.pdf': use .odt, .docx or .xlsx"
expect 2 evaluate --profile "$P" "$T/broken.xlsx" -o "$T/ev3.docx"
ok test ! -e "$T/ev3.docx"
expect 2 generate --profile "$P" --document evaluation -o "$T/g.docx"
ok test ! -e "$T/g.docx"

# the controls' sub-rows: inferred from the ids, or as given
for f in $(echo "$SOME" | sed 's/docx//; s/odt//'); do
	expect 0 generate --profile "$P" --document matrix --matrix-detail controls -o "$T/c.$f"
	fill "$T/c.$f" "$T/cmix.$f" --mix
	expect 1 evaluate --profile "$P" "$T/cmix.$f"
	has "$T/out" "105 rows (controls)"
	has "$T/out" "符合 60, 部分符合 15, 不符合 15, 未填 15; missing 0, not in the tender 0, altered 0"
	ok grep -q "dev-13/ac-01.n1 " "$T/out"
	expect 1 evaluate --profile "$P" --matrix-detail requirements "$T/cmix.$f"
	has "$T/out" "not in the tender 58"
done
fill "$T/c.csv" "$T/cyes.csv"
expect 0 evaluate --profile "$P" --matrix-detail controls "$T/cyes.csv"

# several bidders side by side: a column each (廠商名稱, else the file name), totals per bidder
expect 1 evaluate --profile "$P" "$T/mix.xlsx" "$T/yes.docx" "$T/mix.odt"
has "$T/out" "需求符合性對照表比較：3"
has "$T/out" "case 115-DEV-007, 47 rows (requirements)"
has "$T/out" "3. 甲資訊股份有限公司 ($T/mix.odt)"
has "$T/out" "項次 | 編號 | mix.xlsx | yes.docx | 甲資訊股份有限公司 |"
has "$T/out" "2 | dev-02 | 部分符合 | 符合 | 部分符合 |"
has "$T/out" "4 | dev-06 | 未填 | 符合 | 未填 |"
has "$T/out" "符合 | | 26 | 47 | 26 |"
has "$T/out" "未填 | | 7 | 0 | 7 |"
expect 0 evaluate --profile "$P" "$T/yes.xlsx" "$T/yes.csv" "$T/yes.odt"
has "$T/out" "符合 | | 47 | 47 | 47 |"
expect 1 evaluate --profile "$P" --format json "$T/bad.csv" "$T/yes.csv"
checks=$((checks + 1))
/usr/bin/python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(j) == ["detail", "bidders", "rows"], list(j)
b = j["bidders"]
assert [x["verdict"] for x in b] == [1, 0], b
assert b[0]["counts"]["missing"] == 1 and b[0]["counts"]["altered"] == 1 and b[0]["counts"]["extra"] == 1
r = {x["id"]: x["answers"] for x in j["rows"]}
assert r["dev-08"][0]["missing"] and r["dev-08"][1]["answer"] == "符合", r["dev-08"]
assert r["dev-01"][0]["altered"] and not r["dev-01"][1]["altered"], r["dev-01"]
PY
expect 1 evaluate --profile "$P" --format md "$T/bad.csv" "$T/yes.csv"
has "$T/out" "| 6 | dev-08 | （缺漏） | 符合 |"
has "$T/out" "| 1 | dev-01 | 符合（要求內容遭修改） | 符合 |"
# one of the forms: with the controls' sub-rows when any response has them
expect 1 evaluate --profile "$P" "$T/cmix.csv" "$T/yes.csv"
has "$T/out" "105 rows (controls)"
has "$T/out" "dev-13/ac-01.n1 | 符合 | （缺漏） |"
# the comparison table
for f in docx odt; do
	SOURCE_DATE_EPOCH=1764806400 expect 1 evaluate --profile "$P" "$T/mix.xlsx" "$T/yes.docx" "$T/mix.odt" -o "$T/cmp.$f"
	valid "$T/cmp.$f"
done
checks=$((checks + 1))
/usr/bin/python3 - "$T/cmp.docx" <<'PY' || fails=$((fails + 1))
import sys
import docx
d = docx.Document(sys.argv[1])
t = [[c.text for c in r.cells] for tb in d.tables for r in tb.rows]
assert ["項次", "編號", "要求內容", "mix.xlsx", "yes.docx", "甲資訊股份有限公司"] in t, t[:8]
assert ["2", "dev-02", "須通過CNS27001或ISO 27001等資訊安全管理系統標準、其他具有同等或以上效果之系統或標準",
        "部分符合", "符合", "部分符合"] in t
assert ["", "合計", "符合", "26", "47", "26"] in t
assert ["", "合計", "未填", "7", "0", "7"] in t
PY
# as a workbook: one sheet 比較表, the case above the table, not protected (a table to read)
expect 1 evaluate --profile "$P" "$T/mix.xlsx" "$T/yes.docx" "$T/mix.odt" -o "$T/cmp.xlsx"
checks=$((checks + 1))
/usr/bin/python3 - "$T/cmp.xlsx" <<'PY' || fails=$((fails + 1))
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["比較表"], wb.sheetnames
ws = wb["比較表"]
assert not ws.protection.sheet
rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
assert ["案號", "", "115-DEV-007"] == rows[2][:3], rows[2]
top = rows.index(["項次", "編號", "要求內容", "mix.xlsx", "yes.docx", "甲資訊股份有限公司"])
assert rows[top + 2][:2] == ["2", "dev-02"] and rows[top + 2][3:] == ["部分符合", "符合", "部分符合"]
assert ["", "合計", "符合", "26", "47", "26"] in rows
assert ws.freeze_panes == "A%d" % (top + 2), ws.freeze_panes
PY
expect 2 evaluate --profile "$P" "$T/mix.xlsx" "$T/broken.xlsx" -o "$T/cmp2.docx"
has "$T/err" "malformed XML"
ok test ! -e "$T/cmp2.docx"

finish
