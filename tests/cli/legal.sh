#!/bin/sh
# legal.sh: the legal reviewer's documents: the 修正對照表 (md, json, docx, odt: golden files, one
# synthetic pair per generated 說明, schema-valid, three columns read back by pandoc, landscape in
# LibreOffice), --explain, annex diffs without noise, --changed-only redlines, secannex migrate.
# "legal.sh --update" (with SECANNEX and SRCDIR set) rewrites tests/golden/table/ and the samples
# samples/catalog-tailored-table.md|.docx.
. "$SRCDIR/tests/cli/setup.sh"
D="$SRCDIR/tests/data/diff"
G="$SRCDIR/tests/golden/table"
update=${1:-}
unset SOURCE_DATE_EPOCH
cd "$SRCDIR"

# golden FILE EXPECTED: FILE equals EXPECTED (or, with --update, becomes it)
golden() {
	checks=$((checks + 1))
	if [ "$update" = --update ]; then
		cp "$1" "$2"
	elif ! diff -u "$2" "$1" >"$T/gdiff"; then
		echo "FAIL: $2 differs:"; head -40 "$T/gdiff"; fails=$((fails + 1))
	fi
}

# ---- the 修正對照表 of the shipped sample, md and json ----
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table
golden "$T/out" samples/catalog-tailored-table.md
has "$T/out" "| 修正規定 | 現行規定 | 說明 |"
has "$T/out" "| （刪除） | ~~【saas-office-18】"
has "$T/out" "一、項次調整（原 maintenance-02）。"
# ids are whole tokens: the renumbered id is one deletion and one insertion
has "$T/out" "【<ins>maintenance-03</ins>】"
has "$T/out" "【~~maintenance-02~~】"
lacks "$T/out" "mainte<ins>"
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --format md
golden "$T/out" samples/catalog-tailored-table.md
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --format json
cp "$T/out" "$T/table.json"
python3 - "$T/table.json" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["format"] == "secannex-amendment-table/1" and d["kind"] == "catalog", d["format"]
rows = d["rows"]
keys = [r["key"] for r in rows]
# the metadata first, then NEW's order: a deleted row where it stood (saas-office before paas)
assert keys[0] == "metadata" and keys[1] == "deleted:saas-office-18" and keys[2] == "paas-24", keys
assert keys[-6:] == ["maintenance-0%d" % n for n in range(3, 9)], keys
assert len(rows) == 1 + 13, len(rows)
for r in rows:
    segs = r["segments"]
    new = "".join(s["text"] for s in segs if s["op"] != "del")
    old = "".join(s["text"] for s in segs if s["op"] != "ins")
    assert r["amended"] == (None if r["change"] == "deleted" else new), r["key"]
    assert r["current"] == (None if r["change"] == "added" else old), r["key"]
    assert r["explanation"] and r["reviewer"] == [], r["key"]
by = {r["key"]: r for r in rows}
assert by["dev-03"]["explanation"] == ["等級「高」之標記由◎修正為●。"], by["dev-03"]
assert by["dev-54"]["explanation"] == ["由「資安專責人員」子項移列。"]
assert by["maintenance-03"]["old_id"] == "maintenance-02" and by["maintenance-03"]["new_id"] == "maintenance-03"
assert {"op": "ins", "text": "maintenance-03"} in by["maintenance-03"]["segments"]
assert {"op": "del", "text": "maintenance-02"} in by["maintenance-03"]["segments"]
assert by["dev-59"]["change"] == "added" and by["dev-59"]["current"] is None
assert by["deleted:saas-office-18"]["amended"] is None
PY

# ---- each generated 說明 on a synthetic pair (tests/data/diff) ----
# pair NAME PHRASE...: the table of base.xml → NAME.xml is golden and holds each PHRASE
pair() {
	name=$1; shift
	expect 1 diff "$D/base.xml" "$D/$name.xml" --document table
	golden "$T/out" "$G/pair-$name.md"
	for p in "$@"; do has "$T/out" "$p"; done
}
pair metadata "| 【基本資料】<br>版本：<ins>T2</ins> | 【基本資料】<br>版本：~~T1~~ | 一、版本由「T1」修正為「T2」。 |"
pair mark "一、等級「中」之標記由●修正為◎。"
pair cjkedit "一、文字修正。" "與<ins>個人</ins>資料安全" "運作~~的~~正確性"
pair renumbered "一、本項新增。" "| （無） |" "一、項次調整（原 dev-01）。" "【<ins>dev-02</ins>】"
pair deleted "| （刪除） | ~~【maintenance-02】" "一、本項刪除。"
pair moved "一、由「提供服務商」子項移列。" \
    "一、由「應用軟體或系統開發服務」類型「第三方檢測」子項移列。<br>二、項次調整（原 dev-04）。"
pair attrs "一、等級「高」之標記由●修正為●(A級)。" "一、備註修正。<br>二、適用條件由「責任等級C級以上機關為必要」修正為「責任等級B級以上機關為必要」。" \
    "一、引用附表十之控制措施由「（無）」修正為「系統與資訊完整性」。"
pair notes "一、增訂備註。" "一、刪除備註。<br>二、適用條件由「責任等級C級以上機關為必要」修正為「（無）」。"
expect 0 diff "$D/base.xml" "$D/identical.xml" --document table
has "$T/out" "兩版本相同，無修正。"

# ---- the annex revisions' table, and the annex facts' 說明 ----
expect 1 diff --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml --document table
golden "$T/out" "$G/profile-dev-rev2.md"
has "$T/out" "一、文字修正。<br>二、配合系統防護需求等級由「中」修正為「高」。<br>三、配合防護基準等級由「中」修正為「高」。"
has "$T/out" "一、辦理情形由「未選擇」修正為「選擇納入」。<br>二、配合機關之決定修正。"
has "$T/out" "三、案號由「115-DEV-007」修正為「115-DEV-007-1」。"
ok test "$(grep -c '^| 【dev-' "$T/out")" -eq 9
# personal data: a ◎ row its note makes required
sed 's|<personal-data>yes</personal-data>|<personal-data>no</personal-data>|' samples/profile-dev.xml >"$T/dev-nopd.xml"
expect 1 diff --old-profile "$T/dev-nopd.xml" --new-profile samples/profile-dev.xml --document table
has "$T/out" "一、辦理情形由「未選擇」修正為「應辦理」。<br>二、配合涉及個人資料由「否」修正為「是」。"
# a new catalog version under one tender, the profile carried over by migrate: its rows follow their
# text, its choices their rows; nothing but the new row and the new numbers
expect 0 migrate --profile samples/profile-maintenance.xml --new-catalog samples/catalog-tailored.xml -o "$T/mt0.xml"
expect 1 diff --old-profile samples/profile-maintenance.xml --new-profile "$T/mt0.xml" \
    --new-catalog samples/catalog-tailored.xml --document table
has "$T/out" "一、本項新增。<br>二、配合一覽表版本由「V5.4」修正為「V5.4（範例市政府修訂）」。"
has "$T/out" "一、項次調整（原 maintenance-03）。<br>二、配合一覽表版本由「V5.4」修正為「V5.4（範例市政府修訂）」。"
lacks "$T/out" "辦理情形由"

# ---- --explain: the reviewer's points after the generated ones ----
cat >"$T/ex.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<explanations xmlns="urn:secannex:explain:1">
  <row id="metadata"><point>本府依資安規範修訂。</point></row>
  <row id="dev-05">
    <point>配合本府安全軟體發展規範，明定開發系統應導入。</point>
    <point>廠商應於需求訪談時提出導入計畫。</point>
  </row>
  <row id="deleted:saas-office-18"><point>零信任要求改列本府共通規範。</point></row>
</explanations>
EOF
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --explain "$T/ex.xml"
has "$T/out" "一、文字修正。<br>二、配合本府安全軟體發展規範，明定開發系統應導入。<br>三、廠商應於需求訪談時提出導入計畫。 |"
has "$T/out" "一、本項刪除。<br>二、零信任要求改列本府共通規範。 |"
has "$T/out" "二、備考修正。<br>三、本府依資安規範修訂。 |"
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --explain "$T/ex.xml" --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
rows = {r["key"]: r for r in json.load(open(sys.argv[1], encoding="utf-8"))["rows"]}
assert rows["dev-05"]["explanation"] == ["文字修正。"]
assert rows["dev-05"]["reviewer"] == ["配合本府安全軟體發展規範，明定開發系統應導入。", "廠商應於需求訪談時提出導入計畫。"]
PY
# an annex diff's rows take explanations too
printf '<?xml version="1.0"?>\n<explanations xmlns="urn:secannex:explain:1">\n  <row id="dev-53"><point>改採成熟度評估。</point></row>\n</explanations>\n' >"$T/exa.xml"
expect 1 diff --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml --document table --explain "$T/exa.xml"
has "$T/out" "二、配合機關之決定修正。<br>三、改採成熟度評估。 |"
# errors name the file and the line; exit 2
cat >"$T/bad.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<explanations xmlns="urn:secannex:explain:1">
  <row id="dev-01"><point>未修正之項目</point></row>
  <row id="dev-99"><point>不存在</point></row>
  <row id="dev-05"><point>一</point></row>
  <row id="dev-05"><point>二</point></row>
  <row id="deleted:dev-05"><point>未刪除</point></row>
  <row id="paas-24"><point>   </point></row>
</explanations>
EOF
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --explain "$T/bad.xml"
has "$T/err" "bad.xml:3: error: 'dev-01' did not change: it has no row in the 修正對照表 to explain"
has "$T/err" "bad.xml:4: error: 'dev-99' is no row of the 修正對照表"
has "$T/err" "bad.xml:6: error: a second explanation of 'dev-05' (the first is at line 5)"
has "$T/err" "bad.xml:7: error: 'deleted:dev-05' is no row of the 修正對照表"
has "$T/err" "bad.xml:8: error: point: white space only"
same_text "$T/out" ""
printf '<?xml version="1.0"?>\n<explanations xmlns="urn:secannex:explain:1">\n  <row id="DEV 5"><point>x</point></row>\n</explanations>\n' >"$T/bad2.xml"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --explain "$T/bad2.xml"
has "$T/err" "bad2.xml:3: error: schema:"
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<explanations xmlns="urn:secannex:explain:1"/>\n' >"$T/bad3.xml"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --explain "$T/bad3.xml"
has "$T/err" "a document type declaration is not allowed"
# usage errors
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --explain "$T/ex.xml"
has "$T/err" "--explain goes with --document table"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --format text
has "$T/err" "the table is printed as md or json"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --document table -o "$T/t.csv"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --changed-only
has "$T/err" "--changed-only goes with a redline"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --document table --changed-only -o "$T/t.docx"
expect 2 generate --profile samples/profile-dev.xml --document table -o "$T/t.docx"
has "$T/err" "the table is not made from a tender"
ok test ! -e "$T/t.docx"

# ---- the table as DOCX and ODT: valid, landscape, header repeated, three columns read back ----
for fmt in docx odt; do
	expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table -o "$T/table.$fmt"
	valid "$T/table.$fmt"
	ok python3 - "$T/table.$fmt" "$T/table.json" <<'PY'
import json, subprocess, sys, zipfile
path, want = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))["rows"]
doc = json.loads(subprocess.run(["pandoc", "-t", "json", path], capture_output=True, check=True).stdout)
def inl(xs, marks, mark=None):
    s = ""
    for x in xs:
        t = x["t"]
        if t == "Str": s += x["c"]
        elif t in ("Space", "SoftBreak"): s += " "
        elif t == "LineBreak": s += "\n"
        elif t in ("Underline", "Strikeout"):
            inner = inl(x["c"], marks, t)
            marks.append((t, inner))
            s += inner
        elif t in ("Emph", "Strong", "SmallCaps"): s += inl(x["c"], marks, mark)
        elif t == "Span": s += inl(x["c"][1], marks, mark)
    return s
def cell_text(cell):
    marks, parts = [], []
    for b in cell[4]:
        if b["t"] in ("Para", "Plain"): parts.append(inl(b["c"], marks))
    return "\n".join(parts), marks
tables = [b for b in doc["blocks"] if b["t"] == "Table"]
assert len(tables) == 1, len(tables)
tb = tables[0]
head = [cell_text(c)[0] for c in tb["c"][3][1][0][1]]
# (pandoc's ODT reader leaves the cells of table:table-header-rows empty: checked in content.xml)
assert head == ["修正規定", "現行規定", "說明"] or (path.endswith(".odt") and head == [""] * 3), head
body = [r[1] for r in tb["c"][4][0][3]]
assert len(body) == len(want), (len(body), len(want))
for row, w in zip(body, want):
    (new, nm), (old, om), (why, _) = (cell_text(c) for c in row)
    norm = lambda s: " ".join(s.split())
    assert norm(new) == norm(w["amended"] or "（刪除）"), (new, w["amended"])
    assert norm(old) == norm(w["current"] or "（無）"), (old, w["current"])
    assert why.startswith("一、" + w["explanation"][0]), why
    ins = [s["text"] for s in w["segments"] if s["op"] == "ins"]
    dels = [s["text"] for s in w["segments"] if s["op"] == "del"]
    # insertions underlined in the left column, deletions struck through in the middle one
    if path.endswith(".docx"):
        assert all(k == "Underline" for k, _ in nm) and all(k == "Strikeout" for k, _ in om), (nm, om)
        assert norm("".join(t for _, t in nm)) == norm("".join(ins)), (nm, ins)
        assert norm("".join(t for _, t in om)) == norm("".join(dels)), (om, dels)
z = zipfile.ZipFile(path)
if path.endswith(".docx"):
    x = z.read("word/document.xml").decode()
    assert 'w:orient="landscape"' in x and 'w:w="16838" w:h="11906"' in x
    assert x.count("<w:tblHeader/>") == 1
    assert '<w:u w:val="single"/>' in x and "<w:strike/>" in x
else:
    c, s = z.read("content.xml").decode(), z.read("styles.xml").decode()
    assert 'style:master-page-name="Landscape"' in c and 'text:style-name="SxLandscape"' in c
    assert '<style:master-page style:name="Landscape" style:page-layout-name="SxLandscapeLayout">' in s
    lay = s[s.index('<style:page-layout style:name="SxLandscapeLayout">'):]
    assert 'fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"' in lay
    assert c.count("<table:table-header-rows>") == 1
    hr = c[c.index("<table:table-header-rows>"):c.index("</table:table-header-rows>")]
    assert all(">%s</text:p>" % h in hr for h in ("修正規定", "現行規定", "說明")), hr
    assert 'style:text-underline-style="solid"' in c and 'style:text-line-through-style="solid"' in c
PY
done
for fmt in docx odt; do
	expect 1 diff --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml \
	    --document table -o "$T/atable.$fmt"
	valid "$T/atable.$fmt"
done
# deterministic, and the shipped sample reproduced byte for byte
export SOURCE_DATE_EPOCH=1764806400
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table -o "$T/s1.docx"
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --document table -o "$T/s2.docx"
ok cmp -s "$T/s1.docx" "$T/s2.docx"
[ "$update" = --update ] && cp "$T/s1.docx" samples/catalog-tailored-table.docx
ok cmp -s "$T/s1.docx" samples/catalog-tailored-table.docx
unset SOURCE_DATE_EPOCH

# LibreOffice renders the tables: A4 landscape pages, the header row on every page
if have_lo; then
	cp "$T/table.docx" "$T/lo-tdocx.docx"
	cp "$T/table.odt" "$T/lo-todt.odt"
	sh "$SRCDIR/tests/lo/convert.sh" "$T/pdf" "$T/lo-tdocx.docx" "$T/lo-todt.odt" || :
	for f in lo-tdocx lo-todt; do
		ok test -s "$T/pdf/$f.pdf"
		pdfinfo "$T/pdf/$f.pdf" >"$T/info" 2>/dev/null || :
		has "$T/info" "Page size:       841.89 x 595.3"
		pages=$(sed -n 's/^Pages: *//p' "$T/info")
		ok test "${pages:-0}" -ge 2
		pdftotext -f 2 -l 2 "$T/pdf/$f.pdf" "$T/p2.txt" 2>/dev/null || :
		has "$T/p2.txt" "修正規定"
		pdftotext "$T/pdf/$f.pdf" "$T/all.txt" 2>/dev/null || :
		has "$T/all.txt" "項次調整（原 maintenance-"
	done
fi

# ---- annex diffs without noise ----
expect 1 diff --color never --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml
has "$T/out" "= grade: 中 → 高 (rows changed: dev-13, dev-15, dev-16, dev-17, dev-18, dev-19, dev-21)"
has "$T/out" "= baseline grade: 中 → 高 (rows changed: dev-13, dev-15, dev-16, dev-17, dev-18, dev-19, dev-21)"
has "$T/out" "~ dev-13 [dev/存取控制]: text, reason (by grade, baseline grade)"
has "$T/out" "~ dev-53 [dev/資安治理成熟度評估]: status, reason (by decision)"
has "$T/out" "3 metadata changed, 0 rows added, 0 deleted, 9 modified (0 moved, 0 renumbered); 49 more only in the generated reason (not listed; --verbose lists them)"
ok test "$(grep -c '^~ ' "$T/out")" -eq 9
lacks "$T/out" "~ dev-01 "
expect 1 diff --color never --verbose --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml
ok test "$(grep -c '^~ ' "$T/out")" -eq 58
has "$T/out" "~ dev-01 [dev/提供服務商]: reason"
has "$T/out" "; 49 more only in the generated reason"
expect 1 diff --format md --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml
ok test "$(grep -c '^| 修改 | dev-' "$T/out")" -eq 9
has "$T/out" "| grade | 中 | 高 | dev-13, dev-15, dev-16, dev-17, dev-18, dev-19, dev-21 |"
for v in "" --verbose; do
	expect 1 diff --format json $v --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml
	python3 - "$T/out" "$v" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
verbose = sys.argv[2] == "--verbose"
assert d["format"] == "secannex-diff/2" and d["kind"] == "annex"
assert d["summary"] == {"metadata": 3, "added": 0, "deleted": 0, "modified": 9, "reason_only": 49}, d["summary"]
assert len(d["rows"]) == (58 if verbose else 9), len(d["rows"])
listed = [r for r in d["rows"] if r["changes"] != ["reason"]]
assert len(listed) == 9 and all(("status" in r["changes"]) or ("text" in r["changes"]) for r in listed)
grade = [m for m in d["metadata"] if m["field"] == "grade"][0]
assert grade["fact"] == "grade" and grade["rows"] == ["dev-13", "dev-15", "dev-16", "dev-17", "dev-18", "dev-19", "dev-21"]
case = [m for m in d["metadata"] if m["field"] == "case"][0]
assert case["fact"] is None and case["rows"] == []
rows = {r["new"]["id"]: r for r in d["rows"]}
assert rows["dev-53"]["causes"] == ["decision"] and rows["dev-13"]["causes"] == ["grade", "baseline grade"]
PY
done

# ---- --changed-only redlines: accept all = NEW's changed rows, reject all = OLD's ----
"$SECANNEX" diff --format json catalog/procurement.xml samples/catalog-tailored.xml | python3 -c '
import json, sys
d = json.load(sys.stdin)
old = [r["old"]["text"] for r in d["rows"] if r["old"]]
new = [r["new"]["text"] for r in d["rows"] if r["new"]]
json.dump(old, open(sys.argv[1], "w"), ensure_ascii=False)
json.dump(new, open(sys.argv[2], "w"), ensure_ascii=False)' "$T/cold.json" "$T/cnew.json"
for fmt in docx odt; do
	expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --changed-only --author 法制室 -o "$T/co.$fmt"
	valid "$T/co.$fmt"
	ok python3 "$SRCDIR/tests/cli/redline_check.py" "$T/co.$fmt" "$T/cold.json" "$T/cnew.json"
done
pandoc --track-changes=accept -t plain "$T/co.docx" >"$T/acc.txt"
pandoc --track-changes=reject -t plain "$T/co.docx" >"$T/rej.txt"
# only the changed rows: an unchanged row is in neither; the 子項 headings are there
for f in "$T/acc.txt" "$T/rej.txt"; do
	lacks "$f" "具備完善之資通安全管理措施"
	lacks "$f" "dev-01 "
	has "$f" "資安教育訓練"
	has "$f" "應用軟體或系統維運服務（maintenance）"
done
has "$T/acc.txt" "廠商應每半年提供系統弱點修補執行情形報告"
lacks "$T/rej.txt" "廠商應每半年提供系統弱點修補執行情形報告"
has "$T/rej.txt" "零信任：身分鑑別/設備鑑別/信任推斷"
ok test "$(grep -c 'maintenance-0' "$T/acc.txt")" -eq 7
lacks "$T/acc.txt" "maintenance-01"
# NEW's 12 changed rows instead of its whole 143
rows() { pandoc --track-changes=accept -t plain "$1" | grep -cE '^  [a-z]+(-[a-z]+)*-[0-9]{2} '; }
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml -o "$T/full.docx"
ok test "$(rows "$T/co.docx")" -eq 12
ok test "$(rows "$T/full.docx")" -eq 143
# an annex redline of only what changed
for fmt in docx odt; do
	expect 1 diff --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml \
	    --changed-only -o "$T/aco.$fmt"
	valid "$T/aco.$fmt"
done
pandoc --track-changes=accept -t plain "$T/aco.docx" >"$T/acc.txt"
pandoc --track-changes=reject -t plain "$T/aco.docx" >"$T/rej.txt"
has "$T/acc.txt" "由專業顧問協助完成標案資安治理成熟度評估"
lacks "$T/rej.txt" "由專業顧問協助完成標案資安治理成熟度評估"
has "$T/rej.txt" "廠商提供資安駐點人員"
lacks "$T/acc.txt" "廠商提供資安駐點人員"
has "$T/acc.txt" "115-DEV-007-1"
lacks "$T/acc.txt" "具備完善之資通安全管理措施"

# ---- migrate: a tender profile carried to a new catalog version ----
cat >"$T/mp.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:secannex:profile:1">
  <type>dev</type>
  <agency-level>D</agency-level>
  <grade>中</grade>
  <decisions>
    <exclude ref="dev-01">已另案辦理</exclude>
    <choose ref="dev-04"/>
    <exclude ref="dev-02">本案無境外廠商</exclude>
  </decisions>
</profile>
EOF
expect 1 migrate --profile "$T/mp.xml" --old-catalog "$D/base.xml" --new-catalog "$D/migrate.xml" -o "$T/mp2.xml"
same_text "$T/out" "--exclude dev-01 → dev-02
--choose dev-04 → dev-05: no longer fits
--exclude dev-02: deleted in the new catalog"
has "$T/err" "mp.xml:9: error: --exclude dev-02: the row has no counterpart in the new catalog (deleted there); --force drops the decision"
has "$T/err" "mp.xml:8: error: --choose does not apply to row 'dev-05', marked ▲ at grade 中"
has "$T/err" "mp.xml:8: error: --choose dev-04 (the new catalog's dev-05) no longer fits"
has "$T/err" "error: the profile cannot be carried to the new catalog: nothing written"
ok test ! -e "$T/mp2.xml"
expect 0 migrate --profile "$T/mp.xml" --old-catalog "$D/base.xml" --new-catalog "$D/migrate.xml" -o "$T/mp2.xml" --force
has "$T/out" "--choose dev-04 → dev-05: no longer fits: dropped"
has "$T/err" "mp.xml:8: warning: --choose dev-04 dropped (--force)"
has "$T/err" "mp.xml:9: warning: --exclude dev-02 dropped (--force)"
lacks "$T/err" "error:"
ok xmllint --noout --nonet --relaxng catalog/profile.rng "$T/mp2.xml"
has "$T/mp2.xml" '<exclude ref="dev-02">已另案辦理</exclude>'
lacks "$T/mp2.xml" 'dev-05'
expect 0 resolve --catalog "$D/migrate.xml" --profile "$T/mp2.xml" --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
items = {i["id"]: i for i in json.load(open(sys.argv[1], encoding="utf-8"))["items"]}
assert items["dev-02"]["status"] == "excluded" and items["dev-02"]["text"] == "具備完善之資通安全管理措施"
assert items["dev-05"]["status"] == "pending-ciso"
PY
# the shipped maintenance sample under the tailored catalog: its choices follow the renumbered rows
expect 0 migrate --profile samples/profile-maintenance.xml --new-catalog samples/catalog-tailored.xml -o "$T/mt.xml"
same_text "$T/out" "--choose maintenance-04 → maintenance-05
--choose maintenance-05 → maintenance-06"
ok xmllint --noout --nonet --relaxng catalog/profile.rng "$T/mt.xml"
sel() { python3 -c '
import json, sys
print(sorted(i["text"] for i in json.load(sys.stdin)["items"] if i["status"] in ("required", "selected")))'; }
"$SECANNEX" resolve --profile samples/profile-maintenance.xml --format json | sel >"$T/before"
"$SECANNEX" resolve --catalog samples/catalog-tailored.xml --profile "$T/mt.xml" --format json | sel >"$T/after"
# the same requirements, plus the row the tailored copy added (maintenance-02, ●)
python3 - "$T/before" "$T/after" <<'PY' || fails=$((fails + 1))
import ast, sys
b, a = (ast.literal_eval(open(f).read()) for f in sys.argv[1:])
assert sorted(a) == sorted(b + ["維運廠商人員應簽署保密切結書"]), set(a) ^ set(b)
PY
# a profile of the development sample: nothing to map but ids that stay
expect 0 migrate --profile samples/profile-dev.xml --new-catalog samples/catalog-tailored.xml -o "$T/dv.xml"
same_text "$T/out" "--choose dev-20 (unchanged)
--choose dev-54 (unchanged)
--exclude dev-29 (unchanged)
--ciso-confirm dev-05 (unchanged)"
ok xmllint --noout --nonet --relaxng catalog/profile.rng "$T/dv.xml"
has "$T/dv.xml" "<confidentiality>中</confidentiality>"
expect 0 resolve --catalog samples/catalog-tailored.xml --profile "$T/dv.xml"
# usage
expect 2 migrate --profile samples/profile-dev.xml -o "$T/x.xml"
has "$T/err" "migrate needs --profile OLD-PROFILE.xml, --new-catalog NEW.xml"
expect 2 migrate --profile samples/profile-dev.xml --new-catalog samples/catalog-tailored.xml -o "$T/x.xml" --type dev
has "$T/err" "option --type does not apply to 'migrate'"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --force
has "$T/err" "option --force does not apply to 'diff'"
ok test ! -e "$T/x.xml"

finish
