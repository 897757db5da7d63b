#!/bin/sh
# xlsx.sh: secannex generate -o matrix.xlsx: the vendor matrix as a workbook, read back with openpyxl
# (the sheet, the headers, the drop-down list on every answer cell, locked requirements and unlocked
# answers on a protected sheet, the frozen and printed header, landscape fit to width, the same rows
# as the CSV); deterministic; atomic; LibreOffice prints it with every row id whole.
. "$(dirname "$0")/setup.sh"
unset SOURCE_DATE_EPOCH || :

if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	echo "xlsx.sh: skipped: no python3-openpyxl"; exit 77
fi

P="$SRCDIR/samples/profile-dev.xml"
# the .xlsx of a tender is the matrix (the only document written as xlsx), as its .csv is
expect 0 generate --profile "$P" -o "$T/m.xlsx"
ok test "$(head -c 2 "$T/m.xlsx")" = "PK"
expect 0 generate --profile "$P" --document matrix -o "$T/m.csv"
expect 0 generate --profile "$P" --document matrix --format xlsx -o "$T/m2.xlsx"
ok cmp -s "$T/m.xlsx" "$T/m2.xlsx"
expect 2 generate --profile "$P" --document annex -o "$T/a.xlsx"
has "$T/err" "the annex cannot be written as xlsx"
ok test ! -e "$T/a.xlsx"
expect 2 diff "$SRCDIR/tests/data/diff/base.xml" "$SRCDIR/tests/data/diff/mark.xml" -o "$T/red.xlsx"
ok test ! -e "$T/red.xlsx"

checks=$((checks + 1))
/usr/bin/python3 - "$T/m.xlsx" "$T/m.csv" <<'PY' || fails=$((fails + 1))
import csv, sys, datetime
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
head, body = rows[0], rows[1:]
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)

check(wb.sheetnames == ["廠商回應"], "sheets: %r" % wb.sheetnames)
ws = wb["廠商回應"]
p = wb.properties
check(p.title and "需求符合性對照表" in p.title, "title %r" % p.title)
check(p.creator == "範例市政府資訊中心", "author %r" % p.creator)
check(p.created == datetime.datetime(1980, 1, 1), "created %r" % p.created)
cells = [[("" if v is None else str(v)) for v in r] for r in ws.iter_rows(values_only=True)]
# the case facts above the table (the rows before its header row)
htop = next((i for i, r in enumerate(cells) if r[:len(head)] == head), len(cells))
facts = {r[0]: next((v for v in r[1:] if v), "") for r in cells[:htop] if r and r[0]}
for k, v in (("機關", "範例市政府資訊中心"), ("案號", "115-DEV-007"), ("案名", "市民服務整合平台開發案")):
    check(facts.get(k) == v, "fact %s: %r" % (k, facts.get(k)))
# the table: the CSV's header and rows, in order
top = next((i for i, r in enumerate(cells) if r[:len(head)] == head), None)
check(top is not None, "no header row %r" % head)
top = top or 0
table = [r[:len(head)] for r in cells[top + 1:top + 1 + len(body)]]
check(table == body, "rows differ from the CSV")
check(len(cells) == top + 1 + len(body), "rows after the table: %d" % (len(cells) - top - 1 - len(body)))
hr = top + 1  # 1-based row of the header
first, last = hr + 1, hr + len(body)
check(ws.freeze_panes == "A%d" % first, "freeze %r" % ws.freeze_panes)
check(ws.print_title_rows == "$%d:$%d" % (hr, hr), "print titles %r" % ws.print_title_rows)
check(ws.page_setup.orientation == "landscape", "orientation")
check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)
      and ws.page_setup.fitToHeight == 0, "fit to width")
check(ws.protection.sheet and not ws.protection.password, "protection")
# the vendor's columns by name: unlocked; the requirement columns locked
vendor = {"符合情形", "說明", "佐證文件及頁碼", "說明及佐證文件", "符合", "部分符合", "不符合"}
for c, h in enumerate(head, 1):
    for r in range(first, last + 1):
        locked = ws.cell(r, c).protection.locked
        if (h in vendor) == bool(locked):
            bad.append("%s%d (%s): locked=%r" % (openpyxl.utils.get_column_letter(c), r, h, locked))
            break
# the drop-down list on every answer cell
def lists(col):
    got = []
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            if rng.min_col <= col <= rng.max_col:
                got.append((dv.type, dv.formula1, rng.min_row, rng.max_row))
    return got
answers = [c for c, h in enumerate(head, 1) if h == "符合情形"]
ticks = [c for c, h in enumerate(head, 1) if h in ("符合", "部分符合", "不符合")]
check(answers or ticks, "no answer column in %r" % head)
for c in answers:
    check(lists(c) == [("list", '"符合,部分符合,不符合"', first, last)], "answer list %r" % lists(c))
for c in ticks if not answers else []:
    check(lists(c) == [("list", '"✓"', first, last)], "tick list %r" % lists(c))
if bad:
    print("FAIL: " + "\n  ".join(bad))
    sys.exit(1)
PY

# deterministic: the same SOURCE_DATE_EPOCH, the same bytes (and its date in the properties)
export SOURCE_DATE_EPOCH=1764806400
expect 0 generate --profile "$P" -o "$T/e1.xlsx"
sleep 1
expect 0 generate --profile "$P" -o "$T/e2.xlsx"
unset SOURCE_DATE_EPOCH
ok cmp -s "$T/e1.xlsx" "$T/e2.xlsx"
ok sh -c "unzip -p '$T/e1.xlsx' docProps/core.xml | grep -q '2025-12-04T00:00:00Z'"

# atomic: nothing left behind on failure, an existing file replaced only on success
mkdir "$T/od"
echo old >"$T/od/m.xlsx"
expect 1 generate --profile "$P" --choose dev-99 -o "$T/od/m.xlsx"
same_text "$T/od/m.xlsx" "old"
ok test "$(ls -A "$T/od" | wc -l)" -eq 1
chmod 640 "$T/od/m.xlsx"
expect 0 generate --profile "$P" -o "$T/od/m.xlsx"
ok test "$(head -c 2 "$T/od/m.xlsx")" = "PK"
ok test "$(stat -c %a "$T/od/m.xlsx")" = 640
ok test "$(ls -A "$T/od" | wc -l)" -eq 1
expect 1 generate --profile "$P" -o "$T/no/such/dir/m.xlsx"
same_text "$T/err" "secannex: $T/no/such/dir/m.xlsx: error: cannot create the output file: No such file or directory"
# an unwritable directory (/proc refuses new files even to root)
expect 1 generate --profile "$P" -o /proc/secannex-matrix.xlsx
has "$T/err" "secannex: /proc/secannex-matrix.xlsx: error: cannot create the output file: "
mkdir "$T/dir.xlsx"
expect 1 generate --profile "$P" -o "$T/dir.xlsx"
same_text "$T/err" "secannex: $T/dir.xlsx: error: the output is a directory"
ok test -z "$(ls -A "$T/dir.xlsx")"
expect 1 generate --profile "$P" -o "$T/m.xlsx" --reference-doc "$T/m2.xlsx"
same_text "$T/err" "secannex: $T/m2.xlsx: error: a xlsx file takes no reference document (only odt and docx do)"

# LibreOffice prints it: every row id whole in the PDF's text (Calc needed: skipped without it)
if have_lo && command -v pdftotext >/dev/null 2>&1 &&
    ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1; then
	mkdir "$T/in"
	cp "$T/m.xlsx" "$T/in/matrix.xlsx"
	sh "$SRCDIR/tests/lo/convert.sh" "$T/pdf" "$T/in/matrix.xlsx" 2>"$T/soffice.log"
	ok test -s "$T/pdf/matrix.pdf"
	pdftotext -layout "$T/pdf/matrix.pdf" "$T/matrix.txt" 2>/dev/null || :
	checks=$((checks + 1))
	/usr/bin/python3 - "$T/m.csv" "$T/matrix.txt" <<'PY' || fails=$((fails + 1))
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
text = open(sys.argv[2], encoding="utf-8").read()
col = rows[0].index("依據") if "依據" in rows[0] else 0
ids = [r[col].split(" (")[0] for r in rows[1:]]
missing = [i for i in ids if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(i), text)]
if missing or not ids:
    print("FAIL: row ids not whole in the PDF: %r" % missing[:10])
    sys.exit(1)
PY
else
	echo "xlsx.sh: LibreOffice Calc or pdftotext not installed: the PDF checks skipped"
fi

finish
