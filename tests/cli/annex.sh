#!/bin/sh
# annex.sh: secannex generate: every type × grade × format validates against the ODF 1.3 / ECMA-376
# schemas, the package rules hold, output is deterministic and atomic, user text is escaped, CSV.
. "$SRCDIR/tests/cli/setup.sh"
unset SOURCE_DATE_EPOCH

# grades TYPE-NUMBER: the grades swept for the TYPE-NUMBER-th type: all three; under valgrind one,
# in turn (high, medium, normal, high...), so every type and every grade is still written (the
# code paths are the same for every grade; valgrind makes each run a second or two)
grades() {
	if [ -z "${VALGRIND:-}" ]; then echo high medium normal; return; fi
	_g=$(($1 % 3))
	set -- high medium normal
	shift $_g; echo "$1"
}
TYPES="saas saas-office saas-custom paas sec-planning sys-planning dev extension maintenance"
if [ -n "${VALGRIND:-}" ]; then SWEEP=18; else SWEEP=54; fi

# 9 types × 3 grades × 2 formats = 54 documents with the default decisions (18 under valgrind)
n=0
k=0
for type in $TYPES; do
	k=$((k + 1))
	for grade in $(grades $k); do
		for fmt in odt docx; do
			expect 0 generate --type "$type" --grade "$grade" --level C --scan-risk 高 --draft \
			    -o "$T/$type-$grade.$fmt"
			valid "$T/$type-$grade.$fmt"
			n=$((n + 1))
		done
	done
done
ok test "$n" -eq "$SWEEP"

# the review record of every type × grade × format: written while ▲ rows are pending (it is where
# the CISO decides them), schema-valid
n=0
k=1
for type in $TYPES; do
	k=$((k + 1))
	for grade in $(grades $k); do
		for fmt in odt docx; do
			expect 0 generate --type "$type" --grade "$grade" --level C --scan-risk 高 --document review \
			    -o "$T/$type-$grade-review.$fmt"
			valid "$T/$type-$grade-review.$fmt"
			n=$((n + 1))
		done
	done
done
ok test "$n" -eq "$SWEEP"

# a public document is refused while ▲ rows are pending: exit 1, each pending row named, nothing
# written; the same tender as a --draft or with every ▲ decided is written
k=0
for type in dev extension; do
	k=$((k + 1))
	for grade in $(grades $k); do
		run resolve --type "$type" --grade "$grade" --level C --scan-risk 高 --format json >"$T/r.json"
		pending=$(python3 -c 'import json,sys; print(" ".join(i["id"] for i in json.load(open(sys.argv[1]))["items"] if i["status"] == "pending-ciso"))' "$T/r.json")
		[ -n "$pending" ] || continue
		for doc in annex matrix; do
			expect 1 generate --type "$type" --grade "$grade" --level C --scan-risk 高 --document $doc \
			    -o "$T/p.docx"
			ok test ! -e "$T/p.docx"
			ok test "$(grep -c "awaits the CISO's decision" "$T/err")" -eq "$(echo $pending | wc -w)"
			for id in $pending; do
				has "$T/err" "secannex: $T/p.docx: error: row '$id' awaits the CISO's decision (▲): give --ciso-confirm or --ciso-decline ID=REASON before the $doc is published, or write it as a --draft"
			done
		done
		decide=""
		for id in $pending; do decide="$decide --ciso-confirm $id"; done
		# shellcheck disable=SC2086
		expect 0 generate --type "$type" --grade "$grade" --level C --scan-risk 高 $decide -o "$T/p.docx"
		rm -f "$T/p.docx"
	done
done
expect 0 generate --type dev --grade 中 --level C --ciso-decline 'dev-05=本案不開發新系統' -o "$T/p.odt"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/p.odt")
lacks "$T/x/content.xml" "本案不開發新系統"
lacks "$T/x/content.xml" "開發系統導入安全軟體發展生命週期"
expect 0 generate --type dev --grade 中 --level C --ciso-decline 'dev-05=本案不開發新系統' --document review -o "$T/p.odt"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/p.odt")
has "$T/x/content.xml" "本案不開發新系統"
has "$T/x/content.xml" "■ 不導入"
# the fingerprint ties the review to the annex: the same SHA-256 on both, and it changes with the
# resolution
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/fa.docx"
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --document review -o "$T/fr.docx"
run resolve --profile "$SRCDIR/samples/profile-dev.xml" --format json >"$T/r.json"
fp=$(sha256sum "$T/r.json" | cut -c1-64)
unzip -p "$T/fa.docx" word/document.xml >"$T/fa.xml"
unzip -p "$T/fr.docx" word/document.xml >"$T/fr.xml"
has "$T/fa.xml" "$fp"
has "$T/fr.xml" "$fp"
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --choose dev-03 -o "$T/fb.docx"
unzip -p "$T/fb.docx" word/document.xml >"$T/fb.xml"
lacks "$T/fb.xml" "$fp"

# every section at once: a pending ▲, an exclusion, the 附表十 appendix; and its vendor matrix
# (landscape pages, the columns in order, no reason of the agency's, the vendor block)
for fmt in odt docx; do
	for vm in "" --vendor-matrix; do
		expect 0 generate --type dev --grade 高 --level A --personal-data --draft \
		    --exclude 'dev-29=已由機房提供' --choose dev-20 --agency '範例機關' --case 'X-1' \
		    --title '測試案' --date 2026-01-02 $vm -o "$T/all${vm:+-m}.$fmt"
		valid "$T/all${vm:+-m}.$fmt"
	done
done
unzip -p "$T/all-m.odt" content.xml >"$T/m.xml"
unzip -p "$T/all-m.odt" styles.xml >"$T/ms.xml"
unzip -p "$T/all-m.docx" word/document.xml >"$T/md.xml"
for f in "$T/m.xml" "$T/md.xml"; do
	lacks "$f" "已由機房提供"
	has "$f" "簽章／用印"
done
has "$T/md.xml" '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
has "$T/m.xml" 'style:master-page-name="Landscape"'
python3 - "$T/m.xml" "$T/md.xml" "$T/ms.xml" <<'PY' || fails=$((fails + 1))
import re, sys
head = ["項次", "編號", "類別", "要求內容", "依據", "備註", "符合情形", "說明", "佐證文件及頁碼"]
odt, docx, styles = (open(f, encoding="utf-8").read() for f in sys.argv[1:4])
rows = [r for r in re.findall(r"<table:table-header-rows>(.*?)</table:table-header-rows>", odt, re.S)
        if "佐證文件及頁碼" in r]
assert len(rows) == 1 and re.findall(r"<text:p[^>]*>([^<]*)</text:p>", rows[0]) == head, rows
rows = [r for r in docx.split("<w:tr>") if "<w:tblHeader/>" in r and "佐證文件及頁碼" in r]
assert len(rows) == 1 and re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", rows[0]) == head, rows
layout = re.search(r'<style:page-layout style:name="SxLandscapeLayout">(.*?)</style:page-layout>', styles, re.S)
props = dict(re.findall(r'(fo:page-width|fo:page-height|style:print-orientation)="([^"]*)"', layout.group(1)))
assert props == {"fo:page-width": "29.7cm", "fo:page-height": "21cm", "style:print-orientation": "landscape"}, props
PY
checks=$((checks + 1))
# (under valgrind every third sample: golden.sh resolves them all)
k=0
for f in "$SRCDIR"/samples/profile-*.xml; do
	k=$((k + 1))
	[ -z "${VALGRIND:-}" ] || [ $((k % 3)) -eq 1 ] || continue
	expect 0 generate --profile "$f" -o "$T/sample.odt"
	valid "$T/sample.odt"
	expect 0 generate --profile "$f" --vendor-matrix -o "$T/sample.docx"
	valid "$T/sample.docx"
done

# package rules and contents, read with Python's zipfile (independent of libzip)
python3 - "$T/all.odt" "$T/all.docx" <<'PY' || fails=$((fails + 1))
import re, sys, zipfile
odt, docx = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(odt)
first = z.infolist()[0]
assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED, first
assert first.extra == b"" and z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
names = set(z.namelist())
manifest = z.read("META-INF/manifest.xml").decode()
for part in names - {"mimetype", "META-INF/manifest.xml"}:
    assert 'manifest:full-path="%s"' % part in manifest, part
content = z.read("content.xml").decode()
for s in ["一、通則", "二、資通安全要求事項", "附錄、附表十", "table:table-header-rows",
          "第1項<text:line-break/>(dev-13)", "【待確認】"]:
    assert s in content, s
for s in ["適用說明", "待資安長確認事項", "未納入", "□ 導入", "資安長簽章", "已由機房提供", "建議辦理"]:
    assert s not in content, s
assert "\n" not in content.split("<office:body>")[1].rstrip("\n"), "raw newline inside the body"
z = zipfile.ZipFile(docx)
names = set(z.namelist())
ct = z.read("[Content_Types].xml").decode()
for part in names:
    if not part.endswith(".rels") and part != "[Content_Types].xml":
        assert 'PartName="/%s"' % part in ct, part
for rels in [n for n in names if n.endswith(".rels")]:
    base = rels.replace("_rels/", "").replace(".rels", "")
    base = base.rsplit("/", 1)[0] + "/" if "/" in base else ""
    for target in re.findall(r'Target="([^"]+)"', z.read(rels).decode()):
        assert base + target in names, (rels, target)
doc = z.read("word/document.xml").decode()
assert doc.count("<w:tblHeader/>") >= 3
assert '<w:pgSz w:w="11906" w:h="16838"/>' in doc
PY
checks=$((checks + 1))

# deterministic: the same inputs give the same bytes, whatever the time zone; SOURCE_DATE_EPOCH dates them
for fmt in odt docx csv; do
	expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/d1.$fmt"
	export TZ=Asia/Taipei
	expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/d2.$fmt"
	unset TZ
	ok cmp -s "$T/d1.$fmt" "$T/d2.$fmt"
done
for fmt in odt docx; do
	expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --document review -o "$T/rv1.$fmt"
	export TZ=Asia/Taipei
	expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --document review -o "$T/rv2.$fmt"
	unset TZ
	ok cmp -s "$T/rv1.$fmt" "$T/rv2.$fmt"
done
lacks "$T/x/docProps/core.xml" "dcterms:created"
export SOURCE_DATE_EPOCH=1764806400
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/e1.odt"
export TZ=America/New_York
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/e2.odt"
unset TZ
ok cmp -s "$T/e1.odt" "$T/e2.odt"
ok sh -c "! cmp -s '$T/e1.odt' '$T/d1.odt'"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/e1.odt")
has "$T/x/meta.xml" "<meta:creation-date>2025-12-04T00:00:00Z</meta:creation-date>"
ok sh -c "unzip -Z -T '$T/e1.odt' | grep -q ' 20251204.000000 mimetype'"
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/e1.docx"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/e1.docx")
has "$T/x/docProps/core.xml" '<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-04T00:00:00Z</dcterms:created>'
export SOURCE_DATE_EPOCH=yesterday
expect 1 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/bad.odt"
has "$T/err" "SOURCE_DATE_EPOCH='yesterday' is not a time"
unset SOURCE_DATE_EPOCH
ok test ! -e "$T/bad.odt"

# the format: from the extension (any case) or --format; the two must agree
expect 0 generate --type dev --grade 中 --level C --draft -o "$T/UPPER.DOCX"
ok sh -c "unzip -l '$T/UPPER.DOCX' | grep -q ' word/document.xml$'"
expect 2 generate --type dev --grade 中 --level C --draft --format odt -o "$T/clash.docx"
same_text "$T/err" "secannex: --format odt does not match the extension of '$T/clash.docx'
Try 'secannex --help'."
ok test ! -e "$T/clash.docx"
expect 2 generate --type dev --grade 中 --level C --draft --format pdf -o "$T/a.pdf"
same_text "$T/err" "secannex: unknown annex format 'pdf' (expected odt, docx, csv or xlsx)
Try 'secannex --help'."

# atomic: a failed run leaves nothing behind, and an existing file is replaced only on success
mkdir "$T/od"
echo old >"$T/od/annex.docx"
expect 1 generate --type dev --grade 中 --level C --draft --choose dev-99 -o "$T/od/annex.docx"
same_text "$T/od/annex.docx" "old"
ok test "$(ls -A "$T/od" | wc -l)" -eq 1
expect 0 generate --type dev --grade 中 --level C --draft -o "$T/od/annex.docx"
ok test "$(head -c 2 "$T/od/annex.docx")" = "PK"
ok test "$(ls -A "$T/od" | wc -l)" -eq 1
expect 1 generate --type dev --grade 中 --level C --draft -o "$T/no/such/dir/annex.odt"
same_text "$T/err" "secannex: $T/no/such/dir/annex.odt: error: cannot create the output file: No such file or directory"
mkdir "$T/dir.odt"
expect 1 generate --type dev --grade 中 --level C --draft -o "$T/dir.odt"
same_text "$T/err" "secannex: $T/dir.odt: error: the output is a directory"
ok test -z "$(ls -A "$T/dir.odt")"
# a device or a FIFO is never replaced by a regular file
expect 1 generate --type dev --grade 中 --level C --draft --format docx -o /dev/null
same_text "$T/err" "secannex: /dev/null: error: the output exists and is not a regular file"
ok test -c /dev/null
mkfifo "$T/fifo.odt"
expect 1 generate --type dev --grade 中 --level C --draft -o "$T/fifo.odt"
same_text "$T/err" "secannex: $T/fifo.odt: error: the output exists and is not a regular file"
ok test -p "$T/fifo.odt"
# a symbolic link is followed: the target is replaced (keeping its mode), the link stays
mkdir "$T/ln"
echo old >"$T/ln/target.docx"
chmod 640 "$T/ln/target.docx"
ln -s target.docx "$T/ln/link.docx"
expect 0 generate --type dev --grade 中 --level C --draft -o "$T/ln/link.docx"
ok test -L "$T/ln/link.docx"
ok test "$(head -c 2 "$T/ln/target.docx")" = "PK"
ok test "$(stat -c %a "$T/ln/target.docx")" = 640
ok test "$(ls -A "$T/ln" | wc -l)" -eq 2
ln -s nowhere/x.docx "$T/ln/dangling.docx"
expect 1 generate --type dev --grade 中 --level C --draft -o "$T/ln/dangling.docx"
same_text "$T/err" "secannex: $T/ln/dangling.docx: error: the output is a symbolic link that cannot be followed: No such file or directory"
# an unwritable directory (/proc refuses new files even to root)
expect 1 generate --type dev --grade 中 --level C --draft -o /proc/secannex-annex.odt
has "$T/err" "secannex: /proc/secannex-annex.odt: error: cannot create the output file: "
expect 1 generate --type dev --grade 中 --level C --draft --template-dir "$T/none" -o "$T/od/t.odt"
has "$T/err" "secannex: $T/none/odt/styles.xml: error: cannot read file: No such file or directory"
ok test ! -e "$T/od/t.odt"

# format from the extension, or --format
expect 2 generate --type dev --grade 中 --level C --draft -o "$T/annex.pdf"
has "$T/err" "cannot tell the annex format of"
expect 0 generate --type dev --grade 中 --level C --draft --format odt -o "$T/annex.bin"
ok test "$(unzip -p "$T/annex.bin" mimetype)" = "application/vnd.oasis.opendocument.text"
expect 2 generate --type dev --grade 中 --level C
has "$T/err" "generate needs -o FILE"

# user text: markup characters come out escaped; control characters are refused, nothing written
for fmt in odt docx; do
	for doc in annex review; do
		expect 0 generate --type saas --grade 中 --level C --scan-risk '<高>' --agency 'A&B <機關> "甲"' \
		    --title "R&D's <案>" --exclude 'saas-01=理由 <含> & 符號' --document $doc -o "$T/h-$doc.$fmt"
		valid "$T/h-$doc.$fmt"
	done
done
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/h-annex.odt")
has "$T/x/content.xml" "A&amp;B &lt;機關&gt; &quot;甲&quot;"
has "$T/x/content.xml" "未含&lt;高&gt;等級風險"
# the reason is the agency's: in the review record, never in the public annex
lacks "$T/x/content.xml" "理由 &lt;含&gt; &amp; 符號"
has "$T/x/meta.xml" "<dc:title>R&amp;D's &lt;案&gt;資通安全需求</dc:title>"
rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/h-review.odt")
has "$T/x/content.xml" "理由 &lt;含&gt; &amp; 符號"
expect 2 generate --type saas --grade 中 --level C --agency "$(printf 'bad\001name')" -o "$T/c.odt"
same_text "$T/err" "secannex: --agency: error: control character U+0001 is not allowed"
ok test ! -e "$T/c.odt"
printf '<?xml version="1.0"?>\n<profile xmlns="urn:secannex:profile:1"><type>saas</type><tender><agency>a\033b</agency></tender></profile>\n' >"$T/ctl.xml"
expect 1 generate --profile "$T/ctl.xml" --grade 中 --level C -o "$T/c.docx"
same_text "$T/err" "secannex: $T/ctl.xml:2: error: control character U+001B is not allowed"
ok test ! -e "$T/c.docx"

# CSV: UTF-8 with a BOM, CRLF, one line per in-annex row, RFC 4180 quoting
expect 0 generate --profile "$SRCDIR/samples/profile-saas.xml" -o "$T/m.csv"
expect 0 generate --profile "$SRCDIR/samples/profile-saas.xml" --vendor-matrix -o "$T/m.docx"
ok test "$(head -c 3 "$T/m.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
/usr/bin/python3 - "$T/m.csv" "$SECANNEX" "$SRCDIR/samples/profile-saas.xml" "$T/m.docx" <<'PY' || fails=$((fails + 1))
import csv, io, json, subprocess, sys
import docx
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
head = ["項次", "編號", "類別", "要求內容", "依據", "備註", "符合情形", "說明", "佐證文件及頁碼"]
assert rows[0] == ["案號"] + head, rows[0]
# the same columns, in the same order, and the same cells as the vendor matrix of the document
# (符合情形 empty: the document's check boxes are for the printed form)
matrix = [t for t in docx.Document(sys.argv[4]).tables if t.rows[0].cells[-1].text == "佐證文件及頁碼"]
assert len(matrix) == 1 and [c.text for c in matrix[0].rows[0].cells] == head
assert len(matrix[0].rows) == len(rows)
for got, doc in zip(rows[1:], matrix[0].rows[1:]):
    cells = [c.text for c in doc.cells]
    assert got[1:] == cells[:6] + ["", "", ""] and cells[6] == "□符合\n□部分符合\n□不符合", (got, cells)
res = json.loads(subprocess.run([sys.argv[2], "resolve", "--profile", sys.argv[3], "--format", "json"],
                                capture_output=True, check=True).stdout)
want = [i for i in res["items"] if i["status"] in ("required", "selected")]
assert len(rows) == 1 + len(want), (len(rows), len(want))
assert all(r[0] == res["tender"]["case"] for r in rows[1:]), rows[1][0]
assert [r[2] for r in rows[1:]] == [i["id"] for i in want]
assert [r[4] for r in rows[1:]] == [i["text"] for i in want]
assert rows[1][5] == "第1項"
PY
checks=$((checks + 1))


# --matrix-detail controls: a sub-row per 附表十 control after each row that cites areas, ids
# ROW/MEASURE.CELLk that name the 附表十 cell, so a control keeps its id when the grade changes
for g in 普 中 高; do
	expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --grade $g --matrix-detail controls \
	    -o "$T/c$g.csv"
done
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --matrix-detail requirements -o "$T/cr.csv"
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" -o "$T/m-dev.csv"
ok cmp -s "$T/cr.csv" "$T/m-dev.csv"
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --matrix-detail controls --document matrix -o "$T/c.docx"
valid "$T/c.docx"
expect 0 generate --profile "$SRCDIR/samples/profile-dev.xml" --matrix-detail controls --document matrix -o "$T/c.odt"
valid "$T/c.odt"
/usr/bin/python3 - "$T/c普.csv" "$T/c中.csv" "$T/c高.csv" "$T/cr.csv" "$T/c.docx" <<'PY' || fails=$((fails + 1))
import csv, re, sys
import docx
def load(f):
    return list(csv.reader(open(f, encoding="utf-8-sig", newline="")))[1:]
n, m, h, req = (load(f) for f in sys.argv[1:5])
assert [r for r in m if "/" not in r[2]] == req  # the profile's grade: the rows are the same
for rows in (n, m, h):
    subs = [r for r in rows if "/" in r[2]]
    assert subs and len(set(r[2] for r in subs)) == len(subs), "no or duplicate sub-row ids"
    ids = [r[2] for r in rows if "/" not in r[2]]
    for r in subs:
        row, ctl = r[2].split("/")
        assert row in ids and re.fullmatch(r"[a-z]+-[0-9]+\.[nmh][0-9]+", ctl), r[2]
        assert r[1].startswith(str(ids.index(row) + 1) + ".") and r[5] == "附表十", r
# the ids of a lower grade's controls are among the higher grade's (the included cells)
assert set(r[2] for r in n) <= set(r[2] for r in m) <= set(r[2] for r in h)
# the document: the same rows as the CSV of the same grade (中, the profile's)
t = [t for t in docx.Document(sys.argv[5]).tables if t.rows[0].cells[-1].text == "佐證文件及頁碼"][0]
assert [r.cells[1].text for r in t.rows[1:]] == [r[2] for r in m]
PY
checks=$((checks + 1))
expect 2 generate --profile "$SRCDIR/samples/profile-dev.xml" --matrix-detail all -o "$T/bad.csv"
has "$T/err" "--matrix-detail is requirements or controls, not 'all'"
expect 2 generate --profile "$SRCDIR/samples/profile-dev.xml" --matrix-detail controls -o "$T/bad.docx"
has "$T/err" "--matrix-detail applies to the matrix (--document matrix)"
ok test ! -e "$T/bad.docx"

# --document chooses the document from the library's table; --vendor-matrix is --document matrix
for fmt in odt docx csv; do
	expect 0 generate --profile "$SRCDIR/samples/profile-saas.xml" --document matrix -o "$T/dm.$fmt"
	expect 0 generate --profile "$SRCDIR/samples/profile-saas.xml" --vendor-matrix -o "$T/vm.$fmt"
	ok cmp -s "$T/dm.$fmt" "$T/vm.$fmt"
done
# a .csv of a tender is the matrix by default; the annex has no CSV form
expect 0 generate --profile "$SRCDIR/samples/profile-saas.xml" -o "$T/default.csv"
ok cmp -s "$T/default.csv" "$T/dm.csv"
expect 2 generate --profile "$SRCDIR/samples/profile-saas.xml" --document annex -o "$T/bad.csv"
same_text "$T/err" "secannex: the annex cannot be written as csv
Try 'secannex --help'."
ok test ! -e "$T/bad.csv"
expect 2 generate --profile "$SRCDIR/samples/profile-saas.xml" --document memo -o "$T/bad.docx"
same_text "$T/err" "secannex: unknown document 'memo' (see 'secannex --help')
Try 'secannex --help'."
expect 2 generate --profile "$SRCDIR/samples/profile-saas.xml" --document catalog -o "$T/bad.docx"
same_text "$T/err" "secannex: the catalog is not made from a tender
Try 'secannex --help'."
expect 2 generate --profile "$SRCDIR/samples/profile-saas.xml" --document annex --vendor-matrix -o "$T/bad.docx"
has "$T/err" "--vendor-matrix is --document matrix, not --document annex"
ok test ! -e "$T/bad.docx"
# a redline needs a format that tracks changes
expect 2 diff "$SRCDIR/tests/data/diff/base.xml" "$SRCDIR/tests/data/diff/mark.xml" -o "$T/red.csv"
has "$T/err" "cannot tell the redline format of '$T/red.csv': use .odt or .docx"
expect 2 diff "$SRCDIR/tests/data/diff/base.xml" "$SRCDIR/tests/data/diff/mark.xml" --document annex -o "$T/red.docx"
same_text "$T/err" "secannex: the annex is not made from a catalog diff
Try 'secannex --help'."

finish
