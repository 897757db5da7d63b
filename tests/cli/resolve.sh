#!/bin/sh
# resolve.sh: resolve and grade from the command line: profiles, flag overrides, errors, exit codes.
. "$SRCDIR/tests/cli/setup.sh"
S="$SRCDIR/samples"

expect 0 resolve --profile "$S/profile-dev.xml" --format json
cp "$T/out" "$T/dev1.json"
same_text "$T/err" ""
expect 0 resolve --profile "$S/profile-dev.xml" --format json
ok cmp -s "$T/out" "$T/dev1.json"
python3 - "$T/dev1.json" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(d) == ["format", "tender", "catalog", "type", "agency", "personal_data",
    "special_procurement", "grade", "baseline_grade", "blanks", "items", "counts", "warnings"], list(d)
assert d["tender"]["agency"] == "範例市政府資訊中心"
assert d["grade"]["source"] == "dimensions" and d["grade"]["set_by"] == ["confidentiality", "integrity", "availability"]
items = {i["id"]: i for i in d["items"]}
assert len(items) == 58
keys = ["id", "group", "text", "mark", "tier", "status", "rule", "reason", "decision", "note",
        "note_scope", "note_audience", "qualification", "source", "conditions", "unfilled_blanks",
        "baseline_controls"]
assert all(list(i) == keys for i in d["items"])
assert items["dev-05"]["status"] == "required" and items["dev-05"]["rule"] == "ciso-confirmed"
assert items["dev-29"]["status"] == "excluded" and "DDoS" in items["dev-29"]["reason"]
assert items["dev-08"]["status"] == "required" and items["dev-08"]["rule"] == "condition-personal-data"
assert items["dev-20"]["status"] == "selected"
assert items["dev-13"]["source"] == {"catalog": "V5.4", "type": "dev", "row": "dev-13"}
assert items["dev-13"]["baseline_controls"][0]["measure"] == "ac-01"
assert sum(d["counts"].values()) == 58
PY

# flags override the file
expect 0 resolve --profile "$S/profile-dev.xml" --grade 高 --level A --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["grade"] == {"value": "high", "name": "高", "source": "given", "dimensions": None, "set_by": []}, d["grade"]
assert d["agency"]["level"] == "A"
assert {i["id"]: i for i in d["items"]}["dev-37"]["status"] == "required"
PY
expect 0 resolve --profile "$S/profile-dev.xml" --choose dev-29 --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert {i["id"]: i for i in d["items"]}["dev-29"]["status"] == "required"
PY
has "$T/err" "warning: row 'dev-29' is already required (●): the choice changes nothing"

# everything from flags
expect 0 resolve --type saas --grade 中 --level C --personal-data --scan-risk 中、高 --agency 'A&B <機關>' --format md
# user text in Markdown is text, never HTML: <, >, & as entities (| as \|)
has "$T/out" "- 機關：A&amp;B &lt;機關&gt;"
lacks "$T/out" "<機關>"
has "$T/out" "未含中、高等級風險之掃描報告"
lacks "$T/out" "## 警告"
same_text "$T/err" ""
expect 0 resolve --type dev --grade 中 --level C --exclude 'dev-29=<img src=x onerror=alert(1)> | a&b' \
    --agency '<b>機關</b>' --format md
has "$T/out" "- 機關：&lt;b&gt;機關&lt;/b&gt;"
has "$T/out" "理由：&lt;img src=x onerror=alert(1)&gt; \\| a&amp;b |"
lacks "$T/out" "<img"
lacks "$T/out" "<b>"
expect 0 resolve --type saas --grade 中 --level C --personal-data=no
has "$T/out" "saas-02         ◎ not-selected"

# unfilled blank: a warning; --strict makes it an error
expect 0 resolve --type saas --grade 中 --level C
same_text "$T/err" "secannex: command line: warning: row 'saas-07': blank 'scan-risk-level' has no value (set --scan-risk or <blank name=\"scan-risk-level\">); it stays visible"
expect 1 resolve --type saas --grade 中 --level C --strict
same_text "$T/err" "secannex: command line: error: row 'saas-07': blank 'scan-risk-level' has no value (set --scan-risk or <blank name=\"scan-risk-level\">); it stays visible"
same_text "$T/out" ""

# errors in a profile file carry its line
cat >"$T/p.xml" <<'XML'
<?xml version="1.0"?>
<profile xmlns="urn:secannex:profile:1">
  <type>dev</type>
  <agency-level>C</agency-level>
  <grade>中</grade>
  <decisions>
    <choose ref="dev-99"/>
    <exclude ref="dev-01"/>
    <choose ref="paas-03"/>
    <choose ref="dev-04"/>
    <ciso-decline ref="dev-04">x</ciso-decline>
  </decisions>
</profile>
XML
expect 1 resolve --profile "$T/p.xml"
same_text "$T/err" "secannex: $T/p.xml:7: error: unknown row 'dev-99'; did you mean one of: dev-09, dev-19, dev-29?
secannex: $T/p.xml:9: error: row 'paas-03' belongs to type 'paas', not to this tender's type 'dev'
secannex: $T/p.xml:8: error: --exclude of row 'dev-01' needs a reason (ID=REASON)
secannex: $T/p.xml:11: error: conflicting decisions on row 'dev-04': <choose> at line 10 and <ciso-decline> at line 11"
same_text "$T/out" ""

sed 's|<grade>中</grade>|<grade>低</grade>|; /<decisions>/,/<\/decisions>/d' "$T/p.xml" >"$T/badgrade.xml"
expect 1 resolve --profile "$T/badgrade.xml"
same_text "$T/err" "secannex: $T/badgrade.xml:5: error: the value '低' of <grade> is not valid: expected one of 高, 中, 普 (or 高級, 中級, 普級, high, medium, normal)"
sed 's|<agency-level>C</agency-level>|<agency-level>F</agency-level>|; /<decisions>/,/<\/decisions>/d' "$T/p.xml" >"$T/badlevel.xml"
expect 1 resolve --profile "$T/badlevel.xml"
same_text "$T/err" "secannex: $T/badlevel.xml:4: error: the value 'F' of <agency-level> is not valid: expected one of A, B, C, D, E (or A級 … E級)"
printf '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<profile xmlns="urn:secannex:profile:1"><type>&e;</type></profile>\n' >"$T/xxe.xml"
expect 1 resolve --profile "$T/xxe.xml"
same_text "$T/err" "secannex: $T/xxe.xml:2: error: a document type declaration is not allowed (DTDs and entities are never loaded)"
expect 1 resolve --profile "$SRCDIR/tests/data/mini.xml"
same_text "$T/err" "secannex: $SRCDIR/tests/data/mini.xml:3: error: not a tender profile: the root is <catalog> in the namespace 'urn:secannex:procurement:1', not <profile> in urn:secannex:profile:1"
# field problems name the field and its line: white space only, a bad date, an over-long
# title, a blank given twice, a white-space reason
long=$(python3 -c 'print("字" * 501)')
cat >"$T/fields.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:secannex:profile:1">
  <type>dev</type>
  <tender>
    <agency> 　 </agency>
    <date>2026-02-30</date>
    <title>$long</title>
  </tender>
  <agency-level>C</agency-level>
  <grade>中</grade>
  <blank name="scan-risk-level">中</blank>
  <blank name="scan-risk-level">高</blank>
  <decisions>
    <exclude ref="dev-01">   </exclude>
  </decisions>
</profile>
XML
expect 1 resolve --profile "$T/fields.xml"
same_text "$T/err" "secannex: $T/fields.xml:5: error: agency: white space only
secannex: $T/fields.xml:6: error: <date> '2026-02-30' is not a valid date: write 2026-11-20, 115-11-20, 115/11/20 or (中華民國)115年11月20日
secannex: $T/fields.xml:7: error: title: longer than 500 characters
secannex: $T/fields.xml:12: error: the blank scan-risk-level is given twice
secannex: $T/fields.xml:14: error: reason: white space only"
expect 1 resolve --profile "$T/none.xml"
has "$T/err" "cannot read file: No such file or directory"

# malformed flag values are usage errors; missing facts are data errors
expect 2 resolve --type dev --grade 低 --level C
same_text "$T/err" "secannex: --grade: error: unknown grade '低' (expected 高|中|普 or high|medium|normal)"
expect 2 resolve --type dev --grade 中 --level Z
expect 2 resolve --type dev --grade 中 --level C --date 2026-13-01
expect 2 resolve --type dev --grade 中 --level C --agency "$(printf 'a\033b')"
same_text "$T/err" "secannex: --agency: error: control character U+001B is not allowed"
expect 2 resolve --type dev --grade 中 --level C --agency " 　"
same_text "$T/err" "secannex: --agency: error: white space only"
expect 2 resolve --type saas --grade 中 --level C --scan-risk "   " --strict
same_text "$T/err" "secannex: --scan-risk: error: white space only"
# a reason of white space is no reason
expect 1 resolve --type dev --grade 中 --level C --exclude "dev-01=   "
same_text "$T/err" "secannex: --exclude: error: --exclude of row 'dev-01' needs a reason (ID=REASON)"
expect 1 resolve --type dev --grade 中 --level C --ciso-decline "dev-05=　"
same_text "$T/err" "secannex: --ciso-decline: error: --ciso-decline of row 'dev-05' needs a reason (ID=REASON)"
expect 1 resolve --type dev --grade 中
same_text "$T/err" "secannex: command line: error: the agency's responsibility level is not given (--level A-E or <agency-level>)"
expect 2 resolve extra.xml
expect 2 types --format md

# grade: the highest of four dimensions, with the 附表九 rationale
expect 0 grade --confidentiality 普 --integrity 中 --availability 普 --legal 普
has "$T/out" "系統防護需求等級：中 (medium)"
has "$T/out" "* integrity       中  ← 決定等級"
has "$T/out" "完整性「中」：發生資通安全事件致資通系統受影響時，可能造成資訊錯誤或遭竄改等情事"
expect 0 grade --confidentiality high --integrity high --availability normal --legal medium --format json
python3 - "$T/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["grade"] == "high" and [x["sets_grade"] for x in d["dimensions"]] == [True, True, False, False]
PY
expect 2 grade --confidentiality 高 --integrity 中 --availability 普
has "$T/err" "grade needs --legal G"
expect 2 grade --confidentiality 高 --integrity 中 --availability 普 --legal 低

finish
