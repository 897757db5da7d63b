#!/bin/sh
# serve.sh: secannex serve against a server started on a free port: every endpoint compared with
# the CLI byte for byte (types, export, resolve JSON, documents with the same SOURCE_DATE_EPOCH, the
# 修正對照表 and the redline; the 附表九 grade, 附表十 baseline and 附表一～八 duties; generate's
# label= and matrix-detail=), every error class (bad XML, unknown grade/area/level/kind, unknown
# row, pending ▲, bad document, bad label or matrix-detail, oversized body, wrong Host, cross-origin
# POST, missing marker header, unknown path, wrong method) with the server still answering after
# each, the headers of every response, and SIGTERM's clean stop (exit 0, its scratch directory gone).
. "$SRCDIR/tests/cli/setup.sh"

export SOURCE_DATE_EPOCH=1700000000
S="$SRCDIR/samples"
H="/usr/bin/python3 $SRCDIR/tests/cli/serve_client.py"
mkdir "$T/tmp"

# the server, on a free port (--listen 127.0.0.1:0): its URL line tells which one; started as
# itself (not through run(), whose subshell would be the process signalled)
TMPDIR="$T/tmp" ${VALGRIND:-} "$SECANNEX" serve --listen 127.0.0.1:0 >"$T/serve.out" 2>"$T/serve.err" &
pid=$!
port=
for _ in $(seq 1 600); do
	port=$(sed -n 's|^secannex: serving on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$T/serve.out")
	[ -n "$port" ] && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.1
done
if [ -z "$port" ]; then
	echo "FAIL: the server did not start"; cat "$T/serve.err"; kill $pid 2>/dev/null; exit 1
fi
echo "server on port $port (pid $pid)"
trap 'kill $pid 2>/dev/null || true; rm -rf "$T"' EXIT

# req STATUS NAME METHOD PATH [serve_client.py ARGS...]: the response in $T/NAME (headers in NAME.head);
# every response carries the security headers, and the server answers /api/types afterwards
req() {
	want=$1 name=$2 method=$3 path=$4; shift 4
	checks=$((checks + 1))
	got=$($H "$port" "$method" "$path" "$T/$name" "$@" 2>"$T/http.err" </dev/null) || got="none: $(cat "$T/http.err")"
	if [ "$got" != "$want" ]; then
		echo "FAIL: $name ($method $path): HTTP $got, expected $want"; head -c 300 "$T/$name" 2>/dev/null
		echo; cat "$T/http.err"; fails=$((fails + 1))
	fi
	has "$T/$name.head" "Content-Security-Policy: default-src 'self'"
	has "$T/$name.head" "X-Content-Type-Options: nosniff"
	checks=$((checks + 1))
	if [ "$($H "$port" GET /api/types "$T/alive" 2>/dev/null)" != 200 ]; then
		echo "FAIL: the server does not answer after $name"; fails=$((fails + 1))
	fi
}

# ---- the page: compiled in, served with the same headers, nothing else at its paths ----
req 200 index GET /
has "$T/index.head" "Content-Type: text/html; charset=utf-8"
ok cmp -s "$T/index" "$SRCDIR/src/cli/page/index.html"
req 200 app.js GET /app.js
ok cmp -s "$T/app.js" "$SRCDIR/src/cli/page/app.js"
has "$T/app.js.head" "Content-Type: text/javascript; charset=utf-8"
req 200 app.css GET /app.css
ok cmp -s "$T/app.css" "$SRCDIR/src/cli/page/app.css"
req 405 postpage POST / --body "$S/profile-dev.xml"
# the page loads nothing from elsewhere (no CDN): every src and href is one of its own paths
lacks "$T/index" "http"
lacks "$T/app.js" "http"

# ---- every endpoint, the same bytes as the CLI ----
req 200 types GET /api/types
"$SECANNEX" types --format json >"$T/types.cli"
ok cmp -s "$T/types" "$T/types.cli"
has "$T/types.head" "Content-Type: application/json; charset=utf-8"

req 200 export GET /api/catalog
"$SECANNEX" export --format json >"$T/export.cli"
ok cmp -s "$T/export" "$T/export.cli"

req 200 resolve POST /api/resolve --body "$S/profile-dev.xml"
"$SECANNEX" resolve --profile "$S/profile-dev.xml" --format json >"$T/resolve.cli"
ok cmp -s "$T/resolve" "$T/resolve.cli"

req 200 annex.docx POST '/api/generate?document=annex&format=docx' --body "$S/profile-dev.xml"
"$SECANNEX" generate --profile "$S/profile-dev.xml" -o "$T/annex.cli.docx"
ok cmp -s "$T/annex.docx" "$T/annex.cli.docx"
valid "$T/annex.docx"
has "$T/annex.docx.head" "Content-Disposition: attachment; filename=\"annex.docx\""
has "$T/annex.docx.head" "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"

req 200 review.odt POST '/api/generate?document=review&format=odt' --body "$S/profile-dev.xml"
"$SECANNEX" generate --profile "$S/profile-dev.xml" --document review -o "$T/review.cli.odt"
ok cmp -s "$T/review.odt" "$T/review.cli.odt"

req 200 matrix.xlsx POST '/api/generate?document=matrix&format=xlsx' --body "$S/profile-dev.xml"
"$SECANNEX" generate --profile "$S/profile-dev.xml" --document matrix -o "$T/matrix.cli.xlsx"
ok cmp -s "$T/matrix.xlsx" "$T/matrix.cli.xlsx"
has "$T/matrix.xlsx.head" "filename=\"matrix.xlsx\""
# the xlsx went through the server's private scratch directory, and nothing is left in it
ok test "$(find "$T/tmp" -path "*/secannex-serve.*" -type f | wc -l)" -eq 0
ok test "$(find "$T/tmp" -maxdepth 1 -type d -name "secannex-serve.*" -perm 700 | wc -l)" -eq 1

req 200 matrix.csv POST '/api/generate?document=matrix&format=csv' --body "$S/profile-dev.xml"
"$SECANNEX" generate --profile "$S/profile-dev.xml" --document matrix -o "$T/matrix.cli.csv"
ok cmp -s "$T/matrix.csv" "$T/matrix.cli.csv"

# the 附表九 grade, the 附表十 controls and the 附表一～八 duties: the CLI's JSON, byte for byte
req 200 grade GET '/api/grade?confidentiality=%E4%B8%AD&integrity=high&availability=%E6%99%AE&legal=medium'
"$SECANNEX" grade --confidentiality 中 --integrity high --availability 普 --legal medium --format json >"$T/grade.cli"
ok cmp -s "$T/grade" "$T/grade.cli"
has "$T/grade" '"grade":"high"'
req 200 baseline GET '/api/baseline?grade=%E4%B8%AD'
"$SECANNEX" baseline --grade 中 --format json >"$T/baseline.cli"
ok cmp -s "$T/baseline" "$T/baseline.cli"
req 200 baseline-ac GET '/api/baseline?grade=high&area=ac'
"$SECANNEX" baseline --grade high --area ac --format json >"$T/baseline-ac.cli"
ok cmp -s "$T/baseline-ac" "$T/baseline-ac.cli"
req 200 duties GET '/api/duties?level=B&kind=special'
"$SECANNEX" duties --level B --kind special --format json >"$T/duties.cli"
ok cmp -s "$T/duties" "$T/duties.cli"
# resolve's warnings (an unfilled blank) are in its JSON, the CLI's: the API gives them as they are
grep -v scan-risk "$S/profile-saas.xml" >"$T/noblank.xml"
req 200 warnings POST /api/resolve --body "$T/noblank.xml"
"$SECANNEX" resolve --profile "$T/noblank.xml" --format json >"$T/warnings.cli" 2>/dev/null
ok cmp -s "$T/warnings" "$T/warnings.cli"
has "$T/warnings" '"warnings":["saas-07: blank'
has "$T/warnings" "'scan-risk-level' has no value"
# generate's label= and matrix-detail= are the CLI's --label and --matrix-detail
req 200 matrix-controls.xlsx POST '/api/generate?document=matrix&format=xlsx&matrix-detail=controls&label=%E9%99%84%E4%BB%B6%E4%B8%89' --body "$S/profile-dev.xml"
"$SECANNEX" generate --profile "$S/profile-dev.xml" --document matrix --matrix-detail controls --label 附件三 -o "$T/matrix-controls.cli.xlsx"
ok cmp -s "$T/matrix-controls.xlsx" "$T/matrix-controls.cli.xlsx"
ok sh -c "! cmp -s '$T/matrix-controls.xlsx' '$T/matrix.xlsx'"
req 200 annex-label.docx POST '/api/generate?document=annex&format=docx&label=%E9%99%84%E4%BB%B6%E4%B8%89' --body "$S/profile-dev.xml"
"$SECANNEX" generate --profile "$S/profile-dev.xml" --label 附件三 -o "$T/annex-label.cli.docx"
ok cmp -s "$T/annex-label.docx" "$T/annex-label.cli.docx"
valid "$T/annex-label.docx"

# the 修正對照表 (md; docx) and the catalog redline of two uploaded catalogs
C="$SRCDIR/catalog/procurement.xml"
N="$S/catalog-tailored.xml"
req 200 table.md POST '/api/diff?format=md' --part old="$C" --part new="$N"
"$SECANNEX" diff "$C" "$N" --document table --format md >"$T/table.cli.md" || true
ok cmp -s "$T/table.md" "$T/table.cli.md"
req 200 table.docx POST '/api/diff?format=docx&document=table' --part old="$C" --part new="$N"
"$SECANNEX" diff "$C" "$N" --document table -o "$T/table.cli.docx" >/dev/null || true
ok cmp -s "$T/table.docx" "$T/table.cli.docx"
req 200 redline.docx POST '/api/diff?format=docx&document=catalog' --part old="$C" --part new="$N"
"$SECANNEX" diff "$C" "$N" -o "$T/redline.cli.docx" >/dev/null || true
ok cmp -s "$T/redline.docx" "$T/redline.cli.docx"
valid "$T/redline.docx"

# ---- every error class: a JSON error, and the server still answers ----
printf '<profile xmlns="urn:secannex:profile:1"><type>dev</type>' >"$T/bad.xml"
req 400 badxml POST /api/resolve --body "$T/bad.xml"
has "$T/badxml" '"error":"malformed XML'
has "$T/badxml" '"line":1'
sed 's/saas-04/saas-99/' "$S/profile-saas.xml" >"$T/unknown.xml"
req 400 unknownrow POST /api/resolve --body "$T/unknown.xml"
has "$T/unknownrow" "unknown row 'saas-99'"
has "$T/unknownrow" '"line":29'
# the pending-▲ rule of the CLI: the public annex is refused, a draft is written
grep -v 'ciso-' "$S/profile-dev.xml" >"$T/pending.xml"
req 400 pending POST '/api/generate?document=annex&format=docx' --body "$T/pending.xml"
has "$T/pending" "awaits the CISO's decision"
req 200 draft.docx POST '/api/generate?document=annex&format=docx&draft=1' --body "$T/pending.xml"
valid "$T/draft.docx"
req 400 pair POST '/api/generate?document=annex&format=csv' --body "$S/profile-dev.xml"
req 400 nodoc POST '/api/generate?document=nothing&format=docx' --body "$S/profile-dev.xml"
req 400 nodiffparts POST '/api/diff?format=md' --body "$S/profile-dev.xml"
# the date as the page sends it, in any form --date takes: 民國 or ISO; a wrong one is a 400 with
# the line of <date> (the page shows it beside the field)
for d in 115年12月1日 115-12-01 115/12/01 中華民國115年12月1日 2026-12-01; do
	sed "s|<date>.*</date>|<date>$d</date>|" "$S/profile-dev.xml" >"$T/date.xml"
	req 200 date POST /api/resolve --body "$T/date.xml"
	has "$T/date" '"date":"2026-12-01"'
done
sed "s|<date>.*</date>|<date>115年13月1日</date>|" "$S/profile-dev.xml" >"$T/baddate.xml"
req 400 baddate POST /api/resolve --body "$T/baddate.xml"
has "$T/baddate" "'115年13月1日' is not a valid date"
has "$T/baddate" "\"line\":$(grep -n '<date>' "$T/baddate.xml" | cut -d: -f1)"
# unknown grade, area, level, kind, a missing dimension; a bad label or matrix-detail: 400
req 400 badgrade GET '/api/grade?confidentiality=x&integrity=high&availability=high&legal=high'
has "$T/badgrade" '"error":"unknown grade'
req 400 missingdim GET '/api/grade?confidentiality=high&integrity=high&availability=high'
has "$T/missingdim" '"error":"unknown grade'
req 400 baselinegrade GET '/api/baseline?grade=%E8%B6%85'
has "$T/baselinegrade" '"error":"unknown grade'
req 400 baselinearea GET '/api/baseline?grade=high&area=zz'
has "$T/baselinearea" "unknown 附表十 area 'zz'"
req 400 dutieslevel GET '/api/duties?level=F&kind=public'
has "$T/dutieslevel" "unknown responsibility level 'F'"
req 400 dutieskind GET '/api/duties?level=A&kind=nobody'
has "$T/dutieskind" '"error"'
req 400 dutiesnone GET /api/duties
req 405 gradepost POST /api/grade --body "$S/profile-dev.xml"
req 400 detailbad POST '/api/generate?document=matrix&format=xlsx&matrix-detail=all' --body "$S/profile-dev.xml"
has "$T/detailbad" 'matrix-detail= is requirements or controls'
req 400 detailannex POST '/api/generate?document=annex&format=docx&matrix-detail=controls' --body "$S/profile-dev.xml"
has "$T/detailannex" 'applies to the matrix'
req 400 labelbad POST '/api/generate?document=annex&format=docx&label=a%01b' --body "$S/profile-dev.xml"
has "$T/labelbad" 'control character U+0001'
# a body over 1 MiB: 413, announced or not
head -c 1100000 /dev/zero | tr '\0' ' ' >"$T/big.xml"
req 413 big POST /api/resolve --body "$T/big.xml"
has "$T/big" '"error"'
req 413 bigchunked POST /api/resolve --body "$T/big.xml" --chunked
has "$T/bigchunked" 'over 1 MiB'
# a chunked body within the limit is read as any other
req 200 chunked POST /api/resolve --body "$S/profile-dev.xml" --chunked
ok cmp -s "$T/chunked" "$T/resolve.cli"
# DNS rebinding: another Host is refused; localhost and the address itself are not
req 421 wronghost GET /api/types --host "attacker.example:$port"
req 421 wrongport GET /api/types --host "127.0.0.1:1"
req 200 localhost GET /api/types --host "localhost:$port"
# POST only from the app's own page: the marker header and, when given, its own origin
req 403 nomarker POST /api/resolve --body "$S/profile-dev.xml" --no-marker
req 403 crossorigin POST /api/resolve --body "$S/profile-dev.xml" -H "Origin: http://attacker.example"
req 200 sameorigin POST /api/resolve --body "$S/profile-dev.xml" -H "Origin: http://127.0.0.1:$port"
req 404 nopath GET /etc/passwd
req 404 nopath2 GET /api/../api/types/x
req 405 method GET /api/resolve
has "$T/method.head" "Allow: GET, POST"
has "$T/method" '"error"'

# ---- SIGTERM: a clean stop, exit 0, the scratch directory removed ----
kill -TERM $pid
set +e
wait $pid
rc=$?
set -e
checks=$((checks + 1))
if [ "$rc" != 0 ]; then
	echo "FAIL: the server exited $rc after SIGTERM"; cat "$T/serve.err"; fails=$((fails + 1))
fi
ok test "$(find "$T/tmp" -name "secannex-serve.*" | wc -l)" -eq 0

# SIGINT (Ctrl-C) too: the server is started with SIGINT at its default (a shell
# starts a background job with SIGINT ignored), signalled once it serves, and exits 0
checks=$((checks + 1))
if ! /usr/bin/python3 -c '
import signal, subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, text=True,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
line = p.stdout.readline()
p.send_signal(signal.SIGINT)
rc = p.wait(timeout=60)
sys.exit(0 if rc == 0 and "http://127.0.0.1:" in line else 1)' ${VALGRIND:-} "$SECANNEX" serve --listen 127.0.0.1:0; then
	echo "FAIL: serve did not stop with exit 0 on SIGINT"; fails=$((fails + 1))
fi

# a bad --listen is a usage error; serve takes no argument
expect 2 serve --listen nowhere
expect 2 serve extra
finish
