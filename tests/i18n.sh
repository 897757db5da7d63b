#!/bin/sh
# i18n.sh: po/zh_TW.po is complete and well formed, secannex speaks 正體中文 under zh_TW.UTF-8 (by
# hand-written expectations), and what it writes as documents and data never changes with the locale.
set -eu
PO="$SRCDIR/po/zh_TW.po"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# the catalog: every conversion kept (msgfmt --check), nothing fuzzy or untranslated
if ! msgfmt --check --statistics -o "$W/zh.mo" "$PO" 2>"$W/stat"; then
	echo "FAIL: msgfmt --check $PO:"; sed 's/^/  /' "$W/stat"; exit 1
fi
if grep -q 'fuzzy\|untranslated' "$W/stat"; then
	echo "FAIL: $PO is not complete: $(cat "$W/stat")"; exit 1
fi
echo "msgfmt: $(cat "$W/stat")"
# every message of the sources (xgettext over po/POTFILES.in, with po/Makevars' keywords) is in it
sed -n 's/^\([^#].*\)/\1/p' "$SRCDIR/po/POTFILES.in" >"$W/files"
(cd "$SRCDIR" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --flag=_:1:pass-c-format \
    --flag=N_:1:pass-c-format --flag=usage_error:1:c-format -o "$W/secannex.pot" -f "$W/files")
if ! msgcmp "$PO" "$W/secannex.pot" 2>"$W/cmp"; then
	echo "FAIL: messages of the sources missing from $PO (run make -C po update-po):"
	sed 's/^/  /' "$W/cmp" | head -20; exit 1
fi
echo "msgcmp: every message of $(wc -l <"$W/files") source files is translated"
# a file that marks messages is listed in POTFILES.in
for f in $(cd "$SRCDIR" && grep -l '[^A-Za-z_]N\?_("' src/cli/*.c src/lib/*.c); do
	if ! grep -qx "$f" "$W/files"; then echo "FAIL: $f marks messages but is not in po/POTFILES.in"; exit 1; fi
done

TEST_LANG=zh_TW.UTF-8
. "$SRCDIR/tests/cli/setup.sh"

# by hand, in the words of the translation: a usage error, a diagnostic, --help, the text outputs
expect 2 frobnicate
ok cmp -s "$T/err" - <<'EOF'
secannex: 未知的命令「frobnicate」
請執行「secannex --help」查看說明。
EOF
expect 2 generate --type dev --grade 中 --level C -o "$T/x.pdf"
ok grep -qxF "secannex: 無法判斷「$T/x.pdf」的附件格式：請使用 .odt、.docx、.csv 或 .xlsx，或 --format odt、docx、csv 或 xlsx" "$T/err"
sed 's|id="dev-02"|id="dev-01"|' "$SRCDIR/tests/data/mini.xml" >"$T/dup.xml"
expect 1 validate "$T/dup.xml"
ok grep -qxF "secannex: $T/dup.xml:17: 錯誤: 重複的代碼「dev-01」（首次定義於第 13 行）" "$T/err"
expect 0 --help
ok grep -qxF '用法：secannex 命令 [選項] [參數]' "$T/out"
ok grep -qxF '選項：' "$T/out"
ok grep -qxF '  --strict                     將警告（未填的空格）視為錯誤' "$T/out"
ok grep -qxF '  annex      招標案的資通安全需求附件 (odt 或 docx)' "$T/out"
expect 0 resolve --type dev --grade 中 --level B --kind public
ok grep -qxF '應用軟體或系統開發服務 (dev)  系統防護需求等級 中，防護基準 中，資通安全責任等級 B 公務機關' "$T/out"
ok grep -qxF '應辦理 44、選擇納入 0、未選擇 13、不納入 0、待資安長確認 1、不適用 0' "$T/out"
ok grep -qxF 'dev-01          ● 應辦理          具備完善之資通安全管理措施' "$T/out"
# the migrate report (standard output) in the translation's words
expect 0 migrate --profile "$SRCDIR/samples/profile-dev.xml" --new-catalog "$SRCDIR/samples/catalog-tailored.xml" -o "$T/dv.xml"
ok grep -qxF -- '--choose dev-20（未變更）' "$T/out"
ok grep -qxF -- '--ciso-confirm dev-05（未變更）' "$T/out"
expect 0 resolve --type saas --grade 高 --level A --kind public
ok grep -qxF '警告: saas-07：空格「scan-risk-level」沒有值；以 ___ 保留' "$T/out"
expect 0 types
ok grep -qxF '類型          項目數  名稱' "$T/out"
expect 0 show dev --grade 中
ok grep -qF 'dev  應用軟體或系統開發服務  （' "$T/out"
ok grep -qxF '系統防護需求等級：中 (medium)' "$T/out"
expect 0 diff "$SRCDIR/catalog/procurement.xml" "$SRCDIR/catalog/procurement.xml"
ok grep -qxF '相同' "$T/out"

# the same in C: English, as the source says
TEST_LANG=C.UTF-8
expect 0 resolve --type dev --grade 中 --level B --kind public
ok grep -qxF 'required 44, selected 0, not-selected 13, excluded 0, pending-ciso 1, not-applicable 0' "$T/out"
expect 2 frobnicate
ok grep -qxF "Try 'secannex --help'." "$T/err"

# documents and data are the same whatever the locale: Markdown, JSON, CSV, a diff's Markdown
for args in "resolve --format md" "resolve --format json"; do
	for lang in C.UTF-8 zh_TW.UTF-8; do
		TEST_LANG=$lang
		expect 0 $args --type saas --grade 高 --level A --kind public
		cp "$T/out" "$T/$lang.out"
	done
	ok cmp -s "$T/C.UTF-8.out" "$T/zh_TW.UTF-8.out"
done
sed 's|具備完善|具備周全|' "$SRCDIR/tests/data/mini.xml" >"$T/mini2.xml"
for lang in C.UTF-8 zh_TW.UTF-8; do
	TEST_LANG=$lang
	expect 1 diff --format md "$SRCDIR/tests/data/mini.xml" "$T/mini2.xml"
	cp "$T/out" "$T/$lang.md"
	expect 0 generate --type dev --grade 中 --level C --ciso-confirm dev-05 --document matrix -o "$T/$lang.csv"
done
ok cmp -s "$T/C.UTF-8.md" "$T/zh_TW.UTF-8.md"
ok cmp -s "$T/C.UTF-8.csv" "$T/zh_TW.UTF-8.csv"
ok grep -q 'rows added' "$T/zh_TW.UTF-8.md"
# evaluate: its report and diagnostics in 正體中文; its JSON the same in every locale
TEST_LANG=zh_TW.UTF-8
printf '\377\376,\200\n' >"$T/neither.csv"
expect 2 evaluate --type dev --grade 中 --level C --ciso-confirm dev-05 "$T/neither.csv"
ok grep -qxF "secannex: $T/neither.csv: 錯誤: 檔案既非 UTF-8 亦非 Big5（CP950）：請另存為 CSV UTF-8" "$T/err"
for lang in C.UTF-8 zh_TW.UTF-8; do
	TEST_LANG=$lang
	expect 1 evaluate --type dev --grade 中 --level C --ciso-confirm dev-05 --format json "$T/C.UTF-8.csv"
	cp "$T/out" "$T/$lang.json"
done
ok cmp -s "$T/C.UTF-8.json" "$T/zh_TW.UTF-8.json"
expect 1 evaluate --type dev --grade 中 --level C --ciso-confirm dev-05 "$T/zh_TW.UTF-8.csv"
ok grep -qxF '符合 0、部分符合 0、不符合 0、未填 45；缺漏 0、非本案項目 0、內容修改 0、無法判讀 0' "$T/out"
ok grep -qF '案號 -，共 45 列（requirements）' "$T/out"

# the parts a message is made of are translated too: the kind of a reference document, what it lacks
R="$SRCDIR/tests/data/refdoc"
TEST_LANG=zh_TW.UTF-8
expect 1 generate --type dev --grade 中 --level C --draft --reference-doc "$R/agency.docx" -o "$T/no.odt"
ok cmp -s "$T/err" - <<EOF
secannex: $R/agency.docx: 錯誤: 參考文件是 Word（.docx）文件，但輸出是 ODT：請提供 .odt 檔案
EOF
/usr/bin/python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); z.writestr("content.xml", "<x/>"); z.writestr("styles.xml", "<x/>"); z.writestr("mimetype", "application/x-other"); z.close()' "$T/other.odt"
expect 1 generate --type dev --grade 中 --level C --draft --reference-doc "$T/other.odt" -o "$T/no.odt"
ok cmp -s "$T/err" - <<EOF
secannex: $T/other.odt: 錯誤: 參考文件是 OpenDocument 封裝檔（類型 application/x-other），但輸出是 ODT：請提供 .odt 檔案
EOF
ok test ! -e "$T/no.odt"

finish
