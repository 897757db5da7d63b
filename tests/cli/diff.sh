#!/bin/sh
# diff.sh: catalog and annex diffs (text, md, json; exit 0/1/2 like diff(1)) and redlines (schema
# valid; accept all = NEW, reject all = OLD; LibreOffice opens them); the shipped sample outputs.
. "$SRCDIR/tests/cli/setup.sh"
D="$SRCDIR/tests/data/diff"
unset SOURCE_DATE_EPOCH
cd "$D"

# each synthetic pair: its exact report and exit status
expect 0 diff --color never base.xml identical.xml
same_text "$T/out" "--- base.xml (測試版T1)
+++ identical.xml (測試版T1)
identical"
expect 1 diff --color never base.xml metadata.xml
same_text "$T/out" "--- base.xml (測試版T1)
+++ metadata.xml (測試版T2)
= version: T1 → T2
1 metadata changed, 0 rows added, 0 deleted, 0 modified (0 moved, 0 renumbered)"
expect 1 diff --color never base.xml mark.xml
same_text "$T/out" "--- base.xml (測試版T1)
+++ mark.xml (測試版T1)
~ dev-02 [dev/提供服務商]: marks
    marks (高 中 普): 中 ● → ◎
0 metadata changed, 0 rows added, 0 deleted, 1 modified (0 moved, 0 renumbered)"
expect 1 diff --color never base.xml cjkedit.xml
same_text "$T/out" "--- base.xml (測試版T1)
+++ cjkedit.xml (測試版T1)
~ dev-04 [dev/第三方檢測]: text
    text: 廠商應整體考慮實體、軟體與{+個人+}資料安全，及系統運作[-的-]{+之+}正確性
0 metadata changed, 0 rows added, 0 deleted, 1 modified (0 moved, 0 renumbered)"
expect 1 diff --color never base.xml renumbered.xml
same_text "$T/out" "--- base.xml (測試版T1)
+++ renumbered.xml (測試版T1)
+ dev-01 [dev/提供服務商] ●●● 廠商應指派專案資安聯絡窗口
~ dev-02 (was dev-01; matched by text, similarity 1.00) [dev/提供服務商]: id
~ dev-03 (was dev-02; matched by text, similarity 1.00) [dev/提供服務商]: id
~ dev-04 (was dev-03; matched by text, similarity 1.00) [dev/第三方檢測]: id
~ dev-05 (was dev-04; matched by text, similarity 1.00) [dev/第三方檢測]: id
0 metadata changed, 1 rows added, 0 deleted, 4 modified (0 moved, 4 renumbered)"
expect 1 diff --color never base.xml moved.xml
same_text "$T/out" "--- base.xml (測試版T1)
+++ moved.xml (測試版T1)
~ dev-02 [dev/第三方檢測]: group
    moved: dev/提供服務商 → dev/第三方檢測
~ maintenance-03 (was dev-04; matched by text, similarity 1.00) [maintenance/第三方檢測]: id, type
    moved: dev/第三方檢測 → maintenance/第三方檢測
0 metadata changed, 0 rows added, 0 deleted, 2 modified (2 moved, 1 renumbered)"
expect 1 diff --color never base.xml attrs.xml
same_text "$T/out" "--- base.xml (測試版T1)
+++ attrs.xml (測試版T1)
~ dev-01 [dev/提供服務商]: tiers
    marks (高 中 普): 高 ● → ●(A級)
~ dev-03 [dev/第三方檢測]: note, conditions
    note: 資安責任等級[-C-]{+B+}級以上之機關本項為必選。
    conditions: level>=C → level>=B
~ maintenance-01 [maintenance/第三方檢測]: baseline_areas
    附表十 areas: (none) → si
0 metadata changed, 0 rows added, 0 deleted, 3 modified (0 moved, 0 renumbered)"
# the reverse of a renumbering: a deletion, and the rest renumbered back
expect 1 diff --color never renumbered.xml base.xml
has "$T/out" "- dev-01 [dev/提供服務商] ●●● 廠商應指派專案資安聯絡窗口"
has "$T/out" "0 metadata changed, 0 rows added, 1 deleted, 4 modified (0 moved, 4 renumbered)"

# colour on request (and on a terminal), none otherwise
expect 1 diff --color always base.xml cjkedit.xml
ok grep -q "$(printf '\033\[32m{+個人+}\033\[0m')" "$T/out"
ok grep -q "$(printf '\033\[31m\[-的-\]\033\[0m')" "$T/out"
expect 1 diff base.xml cjkedit.xml
ok sh -c "! grep -q \"$(printf '\033')\" '$T/out'"

# JSON and Markdown
expect 1 diff --format json base.xml renumbered.xml
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["format"] == "secannex-diff/2" and d["kind"] == "catalog" and d["identical"] is False
assert d["summary"] == {"metadata": 0, "added": 1, "deleted": 0, "modified": 4, "reason_only": 0}, d["summary"]
rows = {r["new"]["id"]: r for r in d["rows"]}
assert rows["dev-01"]["change"] == "added" and rows["dev-01"]["old"] is None
assert rows["dev-05"]["changes"] == ["id"] and rows["dev-05"]["old"]["id"] == "dev-04"
assert rows["dev-05"]["similarity"] == 1.0
PY
expect 1 diff --format json base.xml cjkedit.xml
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
td = d["rows"][0]["text_diff"]
assert [s["op"] for s in td] == ["same", "ins", "same", "del", "ins", "same"], td
assert "".join(s["text"] for s in td if s["op"] != "ins") == d["rows"][0]["old"]["text"]
assert "".join(s["text"] for s in td if s["op"] != "del") == d["rows"][0]["new"]["text"]
PY
# a file name that is not UTF-8 (byte 0xFF in OLD's path): the JSON is still UTF-8, the byte U+FFFD
bad="$T/old$(printf '\377').xml"
cp base.xml "$bad"
expect 1 diff --format json "$bad" mark.xml
has "$T/out" "old$(printf '\357\277\275').xml"
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
assert d["old"]["path"].endswith("/old\ufffd.xml"), d["old"]["path"]
assert d["new"]["path"] == "mark.xml" and d["summary"]["modified"] == 1, d["summary"]
PY
expect 1 diff --format md base.xml mark.xml
has "$T/out" "| 修改 | dev-02 | dev/提供服務商 | 不得為大陸地區廠商或第三地區含陸資成分廠商 | marks；標記 ●●◎→●◎◎ |"

# errors: exit 2
expect 2 diff base.xml
expect 2 diff base.xml nosuch.xml
has "$T/err" "nosuch.xml: error: cannot read file: No such file or directory"
expect 2 diff base.xml "$SRCDIR/tests/data/mini.xml" --format xml
expect 2 diff base.xml moved.xml -o "$T/r.pdf"
has "$T/err" "cannot tell the redline format"
printf '<?xml version="1.0"?>\n<catalog xmlns="urn:secannex:procurement:1" id="x"><meta/></catalog>\n' >"$T/invalid.xml"
expect 2 diff base.xml "$T/invalid.xml"
has "$T/err" "error: schema:"
expect 2 diff --old-profile "$SRCDIR/samples/profile-dev.xml"
has "$T/err" "an annex diff needs --old-profile A.xml and --new-profile B.xml"

# redlines of the synthetic pairs: valid, accept = NEW, reject = OLD
texts() { "$SECANNEX" export --format json --catalog "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps([i["text"] for t in d["types"] for i in t["items"]], ensure_ascii=False))' >"$2"; }
texts base.xml "$T/old.json"
for v in renumbered moved cjkedit mark attrs; do
	texts "$v.xml" "$T/new.json"
	for fmt in docx odt; do
		expect 1 diff base.xml "$v.xml" --author 法務室 -o "$T/$v.$fmt"
		valid "$T/$v.$fmt"
		if [ "$fmt" = odt ]; then
			has "$T/x/content.xml" "<dc:creator>法務室</dc:creator>"
		else
			has "$T/x/word/document.xml" 'w:author="法務室"'
		fi
		ok python3 "$SRCDIR/tests/cli/redline_check.py" "$T/$v.$fmt" "$T/old.json" "$T/new.json"
	done
done
# a CJK edit is tracked character by character, not as a whole replacement
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/cjkedit.docx")
has "$T/x/word/document.xml" '<w:t xml:space="preserve">個人</w:t></w:r></w:ins>'
has "$T/x/word/document.xml" '<w:delText xml:space="preserve">的</w:delText>'
has "$T/x/word/document.xml" '<w:t xml:space="preserve">廠商應整體考慮實體、軟體與</w:t>'
# a deleted row is a tracked row deletion, an inserted one a tracked insertion
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/renumbered.docx")
ok grep -q '<w:trPr><w:cantSplit/><w:ins w:id="[0-9]*" w:author="法務室"/></w:trPr>' "$T/x/word/document.xml"
# dated by SOURCE_DATE_EPOCH, deterministic
export SOURCE_DATE_EPOCH=1764806400
expect 1 diff base.xml cjkedit.xml -o "$T/e1.docx"
expect 1 diff base.xml cjkedit.xml -o "$T/e2.docx"
unset SOURCE_DATE_EPOCH
ok cmp -s "$T/e1.docx" "$T/e2.docx"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/e1.docx")
has "$T/x/word/document.xml" 'w:author="secannex" w:date="2025-12-04T00:00:00Z"'

# annex diff: two revisions of one tender; and a catalog diff seen through one tender
cd "$SRCDIR"
expect 1 diff --color never --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml
has "$T/out" "= grade: 中 → 高"
has "$T/out" "= case: 115-DEV-007 → 115-DEV-007-1"
has "$T/out" "~ dev-53 [dev/資安治理成熟度評估]: status, reason"
has "$T/out" "    status: not-selected → selected"
has "$T/out" "~ dev-54 [dev/資安專責人員]: status, reason"
expect 0 diff --old-profile samples/profile-dev.xml --new-profile samples/profile-dev.xml
has "$T/out" "identical"
for fmt in docx odt; do
	expect 1 diff --old-profile samples/profile-dev.xml --new-profile samples/profile-dev-rev2.xml -o "$T/ann.$fmt"
	valid "$T/ann.$fmt"
	"$SECANNEX" resolve --profile samples/profile-dev.xml --format json | python3 -c '
import json, sys
print(json.dumps([i["text"] for i in json.load(sys.stdin)["items"] if i["status"] in ("required", "selected")], ensure_ascii=False))' >"$T/aold.json"
	"$SECANNEX" resolve --profile samples/profile-dev-rev2.xml --format json | python3 -c '
import json, sys
print(json.dumps([i["text"] for i in json.load(sys.stdin)["items"] if i["status"] in ("required", "selected")], ensure_ascii=False))' >"$T/anew.json"
	ok python3 "$SRCDIR/tests/cli/redline_check.py" "$T/ann.$fmt" "$T/aold.json" "$T/anew.json"
done
expect 1 diff --old-profile samples/profile-dev.xml --new-profile samples/profile-dev.xml \
    --new-catalog samples/catalog-tailored.xml --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["kind"] == "annex"
assert {"field": "catalog version", "old": "V5.4", "new": "V5.4（範例市政府修訂）", "fact": "catalog version",
        "rows": ["dev-05", "dev-54", "dev-59"]} in d["metadata"], d["metadata"]
rows = {(r["new"] or r["old"])["id"]: r for r in d["rows"]}
assert rows["dev-05"]["changes"] == ["text"] and rows["dev-59"]["change"] == "added", rows.keys()
assert rows["dev-54"]["changes"] == ["group"] and rows["dev-54"]["causes"] == ["catalog version"]
PY

# the shipped sample: a tailored copy of V5.4, its report and its redlines, reproduced byte for byte
export SOURCE_DATE_EPOCH=1764806400
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --format md
ok cmp -s "$T/out" samples/catalog-tailored.diff.md
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --color never
ok cmp -s "$T/out" samples/catalog-tailored.diff.txt
for fmt in docx odt; do
	expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --author 範例市政府法制室 -o "$T/s.$fmt"
	ok cmp -s "$T/s.$fmt" "samples/catalog-tailored-redline.$fmt"
done
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --profile samples/profile-dev.xml \
    --author 範例市政府法制室 -o "$T/s.docx"
ok cmp -s "$T/s.docx" samples/catalog-tailored-dev-annex-redline.docx
# a catalog diff with a profile or tender flags but no -o: the tender's annex under each catalog,
# never the flags silently ignored; a missing profile is an error; --catalog has no place in it
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --profile samples/profile-dev.xml --color never
has "$T/out" "--- annex: dev, grade"
has "$T/out" "+ dev-59 [dev/資安教育訓練]"
lacks "$T/out" "saas-"
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --type dev --grade 中 --level B --format json
ok python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kind"] == "annex", d["kind"]; assert {r["new"]["id"] for r in d["rows"] if r["new"]} == {"dev-05", "dev-54", "dev-59"}' "$T/out"
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --type saas --grade 普 --level C --scan-risk 中
has "$T/out" "1 metadata changed, 0 rows added, 0 deleted, 0 modified"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --profile "$T/none.xml"
has "$T/err" "none.xml: error: cannot read file"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --type dev
has "$T/err" "error:"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --catalog catalog/procurement.xml
has "$T/err" "--catalog has no place in it"
for f in samples/catalog-tailored-redline.docx samples/catalog-tailored-redline.odt \
    samples/catalog-tailored-dev-annex-redline.docx; do
	valid "$SRCDIR/$f"
done
unset SOURCE_DATE_EPOCH
texts catalog/procurement.xml "$T/old.json"
texts samples/catalog-tailored.xml "$T/new.json"
for fmt in docx odt; do
	ok python3 "$SRCDIR/tests/cli/redline_check.py" "samples/catalog-tailored-redline.$fmt" "$T/old.json" "$T/new.json"
done

# the author is user text: control characters, invalid UTF-8 and an empty name are refused
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --author "$(printf 'x\001')" -o "$T/au.docx"
same_text "$T/err" "secannex: --author: error: control character U+0001 is not allowed"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --author "$(printf 'a\377')" -o "$T/au.odt"
same_text "$T/err" "secannex: --author: error: invalid UTF-8"
expect 2 diff catalog/procurement.xml samples/catalog-tailored.xml --author "" -o "$T/au.odt"
same_text "$T/err" "secannex: --author: error: needs a name"
ok test ! -e "$T/au.docx"
ok test ! -e "$T/au.odt"

# --strict holds in an annex diff too (an unfilled blank is an error, exit 2)
sed '/scan-risk-level/d' samples/profile-saas.xml >"$T/saas-noblank.xml"
expect 0 diff --old-profile "$T/saas-noblank.xml" --new-profile "$T/saas-noblank.xml"
# the same warning from both sides is printed once
ok test "$(grep -c "blank 'scan-risk-level' has no value" "$T/err")" -eq 1
expect 2 diff --old-profile "$T/saas-noblank.xml" --new-profile "$T/saas-noblank.xml" --strict
has "$T/err" "error: row 'saas-07': blank 'scan-risk-level' has no value"

# a catalog redline's decisions name NEW's rows: under OLD they mean the matched rows.
# dev-59 exists only in the tailored copy; maintenance-03 there is maintenance-02 in V5.4.
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --type dev --grade 普 --level C \
    --choose dev-59 --draft -o "$T/map-dev.docx"
valid "$T/map-dev.docx"
pandoc --track-changes=accept -t plain "$T/map-dev.docx" >"$T/acc.txt"
pandoc --track-changes=reject -t plain "$T/map-dev.docx" >"$T/rej.txt"
has "$T/acc.txt" "廠商應每半年提供系統弱點修補執行情形報告"
lacks "$T/rej.txt" "廠商應每半年提供系統弱點修補執行情形報告"
expect 1 diff catalog/procurement.xml samples/catalog-tailored.xml --type maintenance --grade 普 \
    --level C --exclude maintenance-03=已另案辦理 --document review -o "$T/map-mt.docx"
pandoc --track-changes=accept -t plain "$T/map-mt.docx" | tr -s ' ' >"$T/acc.txt"
pandoc --track-changes=reject -t plain "$T/map-mt.docx" | tr -s ' ' >"$T/rej.txt"
# the same requirement is left out on both sides (OLD: maintenance-02, NEW: maintenance-03)
has "$T/rej.txt" "maintenance-02 機關提供資安規範要求"
has "$T/acc.txt" "maintenance-03 機關提供資安規範要求"
lacks "$T/rej.txt" "maintenance-03 機關提供資安規範要求"
ok test "$(grep -c '理由：已另案辦理' "$T/rej.txt")" -eq 1
ok test "$(grep -c '理由：已另案辦理' "$T/acc.txt")" -eq 1

# LibreOffice opens the redlines (converted to PDF; the tracked insertion's text is in it)
if have_lo; then
	cp samples/catalog-tailored-redline.odt "$T/lo-cat.odt"
	cp "$T/ann.docx" "$T/lo-ann.docx"
	sh "$SRCDIR/tests/lo/convert.sh" "$T/pdf" "$T/lo-cat.odt" "$T/lo-ann.docx" || :
	ok test -s "$T/pdf/lo-cat.pdf"
	ok test -s "$T/pdf/lo-ann.pdf"
	pdftotext "$T/pdf/lo-cat.pdf" "$T/cat.txt" 2>/dev/null || :
	has "$T/cat.txt" "開發系統應導入安全軟體發展生命週期"
fi

finish
