#!/bin/sh
# catalog.sh: the catalog commands on the shipped catalog: types, show, export, baseline, duties, validate.
. "$SRCDIR/tests/cli/setup.sh"

expect 0 types
has "$T/out" "各類資訊(服務)採購之共通性資通安全基本要求參考一覽表 112年6月版V5.4"
has "$T/out" "dev             58  應用軟體或系統開發服務"
has "$T/out" "saas-office     18  雲端微服務（SaaS）辦公室生產力工具(含郵件、行事曆、雲端硬碟、即時通訊等)"
ok test "$(grep -cE '^[a-z-]+ +[0-9]+  ' "$T/out")" -eq 9
same_text "$T/err" ""

expect 0 types --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
assert [x["id"] for x in t] == ["saas", "saas-office", "saas-custom", "paas", "sec-planning",
    "sys-planning", "dev", "extension", "maintenance"], t
assert sum(x["rows"] for x in t) == 142
PY

expect 0 show dev --grade 高
has "$T/out" "grade: 高 (high)"
has "$T/out" "dev-05          ▲"
has "$T/out" "dev-07          ●(A級)"
has "$T/out" "【第三方檢測】"
expect 0 show dev --grade normal
has "$T/out" "dev-07          ●(B、C、D級)"
expect 0 show saas
has "$T/out" "saas-08         ◎ ◎ -"
has "$T/out" "條件：限特殊或巨額採購 (special-procurement)"
expect 1 show nosuch
same_text "$T/err" "secannex: error: unknown procurement type 'nosuch' (see 'secannex types')"
expect 2 show dev --grade 低
same_text "$T/err" "secannex: unknown grade '低' (expected 高|中|普 or high|medium|normal)
Try 'secannex --help'."

# export: valid JSON, stable key order, the counts of both documents, deterministic
expect 0 export --format json
cp "$T/out" "$T/export1.json"
expect 0 export --format json
ok cmp -s "$T/out" "$T/export1.json"
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(d) == ["format", "catalog", "types", "regulation", "grading", "baseline", "duties"], list(d)
assert d["catalog"]["version"] == "V5.4" and d["catalog"]["edition"] == "112年6月版"
items = [i for t in d["types"] for i in t["items"]]
assert len(items) == 142
keys = ["id", "group", "text", "marks", "tiers", "note", "note_scope", "note_audience", "qualification",
        "conditions", "blanks", "baseline_areas"]
assert all(list(i) == keys for i in items), list(items[0])
assert all(list(i["marks"]) == ["high", "medium", "normal"] for i in items)
count = {}
for i in items:
    for m in i["marks"].values():
        count[m] = count.get(m, 0) + 1
assert count == {"●": 291, "◎": 126, "▲": 6, "-": 3}, count
dev13 = next(i for i in items if i["id"] == "dev-13")
assert dev13["blanks"] == ["system-grade", "baseline-grade"] and dev13["baseline_areas"] == ["ac"]
assert "本系統為_____級，需符合_____級" in dev13["text"]
dev47 = next(i for i in items if i["id"] == "dev-47")
assert dev47["note_scope"] == "group" and "第4條第1項第5款" in dev47["note"]
assert next(i for i in items if i["id"] == "dev-37")["conditions"] == [{"kind": "level", "min": "A"}]
assert len(d["duties"]) == 8 and d["duties"][6]["kind"] == "all"
assert sum(len(a["measures"]) for a in d["baseline"]["areas"]) == 29
assert [x["id"] for x in d["grading"]["dimensions"]] == ["confidentiality", "integrity", "availability", "legal"]
assert d["grading"]["rule"] == "highest"
res = d["baseline"]["resolved"]
assert len(res["high"]) > len(res["medium"]) > len(res["normal"]), {k: len(v) for k, v in res.items()}
assert [a["number"] for a in d["regulation"]["articles"]] == [4, 5, 8, 11, 12]
PY
expect 2 export
has "$T/err" "export needs --format json"

# baseline: every grade, one area, JSON, a bad area
for g in 高 中 普 high medium normal; do
	expect 0 baseline --grade "$g"
	ok test "$(grep -c '^  [a-z][a-z]-[0-9][0-9] ' "$T/out")" -eq 29
done
expect 0 baseline --grade 中 --area ia
has "$T/out" "識別與鑑別 (ia)"
lacks "$T/out" "存取控制 (ac)"
has "$T/out" "    [高、中] 一、身分驗證機制應防範自動化程式之登入或密碼更換嘗試。"
has "$T/out" "    [高、中] 三、等級「普」之所有控制措施。"
has "$T/out" "        [普] 六、第四點及第五點所定措施，對非內部使用者，可依機關自行規範辦理。"
expect 0 baseline --grade high --format json --area 營運持續計畫
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
assert [x["measure"] for x in c] == ["cp-01"] * 7 + ["cp-02"] * 2, [x["measure"] for x in c]
assert c[0]["from"] == ["high"] and c[-1]["from"] == ["high", "medium"]
assert c[2]["include"] == ["medium"] and c[4]["include"] == ["normal"] and c[5]["depth"] == 2
PY

# 附表十 nesting: an 「等級「X」之所有控制措施」 item is an item of its own, the cells it includes follow
# beneath it (text: indented, labelled; JSON: "include" on the item, "depth" and "via" beneath it);
# grade tags of several grades always take 、 (「[高中]」 reads as the word 高中)
expect 0 baseline --grade 中 --area au
has "$T/out" "  au-01 稽核事件
    [高、中] 一、應定期審查稽核事件。
    [高、中] 二、等級「普」之所有控制措施。
        [普] 一、依規定時間週期及紀錄留存政策，保留稽核紀錄。
        [普] 二、確保資通系統有稽核特定事件之功能，並決定應稽核之特定資通系統事件。
        [普] 三、應稽核資通系統管理者帳號所執行之各項功能。
  au-02 稽核紀錄內容"
ok test "$(grep -A5 '^  au-01 ' "$T/out" | tr '\n' '|')" = "  au-01 稽核事件|    [高、中] 一、應定期審查稽核事件。|    [高、中] 二、等級「普」之所有控制措施。|        [普] 一、依規定時間週期及紀錄留存政策，保留稽核紀錄。|        [普] 二、確保資通系統有稽核特定事件之功能，並決定應稽核之特定資通系統事件。|        [普] 三、應稽核資通系統管理者帳號所執行之各項功能。|"
expect 0 baseline --grade 高 --area ac
has "$T/out" "    [高] 四、等級「中」之所有控制措施。
        [中] 一、已逾期之臨時或緊急帳號應刪除或禁用。"
has "$T/out" "        [中] 四、等級「普」之所有控制措施。
            [普] 建立帳號管理機制，包含帳號之申請、開通、停用及刪除之程序。"
expect 0 export --format json
cp "$T/out" "$T/export.json"
for g in high medium normal; do
	expect 0 baseline --grade $g
	cp "$T/out" "$T/base-$g.txt"
	expect 0 baseline --grade $g --format json
	cp "$T/out" "$T/base-$g.json"
done
# every sample (under valgrind every third: golden.sh resolves them all)
k=0
for f in "$SRCDIR"/samples/profile-*.xml; do
	k=$((k + 1))
	[ -z "${VALGRIND:-}" ] || [ $((k % 3)) -eq 2 ] || continue # profile-dev among them
	name=$(basename "$f" .xml)
	for fmt in md json; do
		expect 0 resolve --profile "$f" --format $fmt
		cp "$T/out" "$T/res-$name.$fmt"
	done
done
for f in "$T"/base-* "$T"/res-* "$T/export.json"; do
	for tag in "[高中]" "[中普]" "[高普]" "[高中普]"; do
		lacks "$f" "$tag"
	done
done
has "$T/base-high.txt" "[高、中、普] 依據稽核紀錄儲存需求，配置稽核紀錄所需之儲存容量。"
has "$T/base-normal.txt" "    [中、普] 資通系統應具備唯一識別及鑑別機關使用者"
has "$T/res-profile-dev.md" "  - 四、等級「普」之所有控制措施。
    - [普] 對於每一種允許之遠端存取類型"
python3 - "$T" "$SRCDIR"/samples/profile-*.xml <<'PY' || fails=$((fails + 1))
import json, os, sys
T = sys.argv[1]
d = json.load(open(T + "/export.json", encoding="utf-8"))
assert d["format"] == "secannex-catalog/2", d["format"]
GR = ["high", "medium", "normal"]

def expected(m, grade):
    """the nested list of GRADE for measure M, from the export's cells: (cell, entry, depth, via)"""
    cell_of = lambda g: next(c for c in m["cells"] if g in c["grades"])
    out, seen = [], []
    def walk(c, depth, via):
        if any(c is s for s in seen):
            return
        seen.append(c)
        if c["none"]:
            if depth == 0:
                out.append((c, None, 0, via))
            return
        for e in c["entries"]:
            out.append((c, e, depth, via))
            if e["include"]:
                v = via + [{"measure": m["id"], "from": c["grades"], "n": e["n"], "include": e["include"]}]
                for g in GR:
                    if g in e["include"]:
                        walk(cell_of(g), depth + 1, v)
    walk(cell_of(grade), 0, [])
    return out

keys = ["area", "measure", "measure_name", "from", "n", "text", "none", "include", "depth", "via"]
inclusions = {}
for g in GR:
    exp = [(a, m, x) for a in d["baseline"]["areas"] for m in a["measures"] for x in expected(m, g)]
    got = d["baseline"]["resolved"][g]
    assert json.load(open("%s/base-%s.json" % (T, g), encoding="utf-8")) == got, g
    assert len(got) == len(exp), (g, len(got), len(exp))
    for r, (a, m, (c, e, depth, via)) in zip(got, exp):
        assert list(r) == keys, list(r)
        assert (r["area"], r["measure"], r["from"], r["depth"], r["via"]) == (a["id"], m["id"], c["grades"], depth, via), (r, via)
        if e is None:
            assert r["none"] and r["text"] == c["none"] and r["include"] is None and r["n"] is None
        else:
            assert (r["n"], r["text"], r["include"], r["none"]) == (e["n"], e["text"], e["include"], False), r
    inclusions[g] = [(r["measure"], r["n"]) for r in got if r["include"]]
    # every inclusion item of the grade's own cells is an entry, and something follows it unless all it
    # includes is 「無要求」 or already listed
    own = [(m["id"], e["n"]) for a in d["baseline"]["areas"] for m in a["measures"]
           for c in m["cells"] if g in c["grades"] for e in c["entries"] if e["include"]]
    assert set(own) <= set(inclusions[g]), g
    for i, r in enumerate(got):
        if r["include"]:
            nxt = got[i + 1]
            assert nxt["depth"] == r["depth"] + 1 and nxt["via"][-1]["n"] == r["n"], (r, nxt)
assert len(inclusions["high"]) == 20 and len(inclusions["medium"]) == 11 and inclusions["normal"] == [], \
    {g: len(v) for g, v in inclusions.items()}
assert ("au-01", "二") in inclusions["medium"]

# a resolution's baseline_controls: the same entries, measure after measure of the cited areas
resolved = {g: d["baseline"]["resolved"][g] for g in GR}
nested = 0
read = 0
for f in sys.argv[2:]:
    name = os.path.basename(f)[:-4]
    if not os.path.exists("%s/res-%s.json" % (T, name)):
        continue  # under valgrind every third sample only
    read += 1
    res = json.load(open("%s/res-%s.json" % (T, name), encoding="utf-8"))
    assert res["format"] == "secannex-resolution/2", res["format"]
    g = res["baseline_grade"]["value"]
    for it in res["items"]:
        bc = it["baseline_controls"]
        if bc is None:
            continue
        areas = []
        for r in bc:
            if r["area"] not in areas:
                areas.append(r["area"])
        assert bc == [r for a in areas for r in resolved[g] if r["area"] == a], (name, it["id"])
        nested += sum(r["depth"] > 0 for r in bc)
assert nested > 0 and read >= 3, (nested, read)
PY
expect 1 baseline --grade 高 --area zz
has "$T/err" "unknown 附表十 area 'zz'"
expect 2 baseline
has "$T/err" "baseline needs --grade G"

# duties: each level and kind picks its 附表
for spec in "A public 附表一" "A special 附表二" "B public 附表三" "B special 附表四" \
    "C public 附表五" "C special 附表六" "D public 附表七" "D special 附表七" "E special 附表八"; do
	set -- $spec
	expect 0 duties --level "$1" --kind "$2"
	ok test "$(head -c 9 "$T/out")" = "$3"
done
expect 0 duties --level a --kind public
has "$T/out" "資安治理成熟度評估"
has "$T/out" "    細項：網路架構檢視、網路惡意活動檢視、使用者端電腦惡意活動檢視、伺服器主機惡意活動檢視、目錄伺服器設定及防火牆連線設定檢視"
has "$T/out" "  六、資通安全專業證照，指由主管機關認可之國內外發證機關（構）所核發之資通安全證照。"
expect 0 duties --level C --kind special --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
assert t["label"] == "附表六" and t["level"] == "C" and t["kind"] == "special"
assert len(t["items"]) == 11 and sum(len(i["details"]) or 1 for i in t["items"]) == 20
PY
expect 2 duties --level F --kind public
expect 2 duties --level A

# validate: the shipped files are clean
expect 0 validate "$SRCDIR/catalog/procurement.xml" "$SRCDIR/catalog/regulation.xml"
same_text "$T/err" ""
expect 0 validate "$SRCDIR/tests/data/mini.xml"
same_text "$T/out" ""

# row ids take more than two digits: a catalog with ten times the rows (tests/bench/scale.py) is
# valid, dev-100 follows dev-99; a leading zero in three digits, one digit, or dev-999 between
# dev-98 and dev-100 are refused
python3 "$SRCDIR/tests/bench/scale.py" 10 "$SRCDIR/catalog/procurement.xml" >"$T/ten.xml"
expect 0 validate "$T/ten.xml"
same_text "$T/err" ""
expect 0 types --catalog "$T/ten.xml"
has "$T/out" "dev            580  應用軟體或系統開發服務"
expect 0 show dev --catalog "$T/ten.xml"
ok sh -c "grep -o '^dev-[0-9]*' '$T/out' | sed -n '99,101p' | tr '\n' ' ' | grep -qx 'dev-99 dev-100 dev-101 '"
cat >"$T/p120.xml" <<'XML'
<profile xmlns="urn:secannex:profile:1">
  <type>dev</type><agency-level>C</agency-level><grade>中</grade>
  <decisions><choose ref="dev-120"/></decisions>
</profile>
XML
expect 0 resolve --catalog "$T/ten.xml" --profile "$T/p120.xml" --format json
has "$T/out" '"id":"dev-120"'
ok sh -c "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [i[\"status\"] for i in d[\"items\"] if i[\"id\"] == \"dev-120\"] == [\"selected\"]' '$T/out'"
sed 's/id="dev-07"/id="dev-007"/' "$SRCDIR/catalog/procurement.xml" >"$T/bad.xml"
expect 1 validate "$T/bad.xml"
has "$T/err" "bad.xml:389: error: schema: Element item failed to validate attributes"
sed 's/id="dev-07"/id="dev-7"/' "$SRCDIR/catalog/procurement.xml" >"$T/bad.xml"
expect 1 validate "$T/bad.xml"
has "$T/err" "bad.xml:389: error: schema:"
sed 's/id="dev-99"/id="dev-999"/' "$T/ten.xml" >"$T/bad.xml"
expect 1 validate "$T/bad.xml"
has "$T/err" "row id 'dev-999' is out of order (between 'dev-98' and 'dev-100')"

finish
