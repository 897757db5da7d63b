#!/bin/sh
# suggest.sh: "did you mean" hints for mistyped commands, options, types, row ids and 附表十 areas.
. "$SRCDIR/tests/cli/setup.sh"

# commands and options (usage errors: exit 2)
expect 2 generat
same_text "$T/err" "secannex: unknown command 'generat'; did you mean: generate?
Try 'secannex --help'."
expect 2 --levl A resolve
same_text "$T/err" "secannex: unknown option '--levl'; did you mean: --level?
Try 'secannex --help'."
expect 2 resolve --grade-x=高
same_text "$T/err" "secannex: unknown option '--grade-x=高'; did you mean: --grade?
Try 'secannex --help'."
expect 2 resolve --old-prfile a.xml
same_text "$T/err" "secannex: unknown option '--old-prfile'; did you mean: --old-profile?
Try 'secannex --help'."
# nothing close: no hint
expect 2 resolve --zzzzzz
same_text "$T/err" "secannex: unknown option '--zzzzzz'
Try 'secannex --help'."
# an abbreviation: of a command, or of several options (getopt takes a unique one)
expect 2 gen
same_text "$T/err" "secannex: unknown command 'gen'; did you mean: generate?
Try 'secannex --help'."
expect 2 diff --old a.xml b.xml
same_text "$T/err" "secannex: unknown option '--old'; did you mean one of: --old-profile, --old-catalog?
Try 'secannex --help'."

# procurement types: the id, its case, a typo of the Chinese name (its id is suggested)
TF="--grade 中 --level C"
expect 1 resolve --type deve $TF
same_text "$T/err" "secannex: --type: error: unknown procurement type 'deve' (see 'secannex types'); did you mean: dev?"
expect 1 resolve --type SaaS $TF
same_text "$T/err" "secannex: --type: error: unknown procurement type 'SaaS' (see 'secannex types'); did you mean: saas?"
expect 1 resolve --type 資訊系統規畫服務 $TF
same_text "$T/err" "secannex: --type: error: unknown procurement type '資訊系統規畫服務' (see 'secannex types'); did you mean: sys-planning?"
expect 1 resolve --type saas-ofice $TF
same_text "$T/err" "secannex: --type: error: unknown procurement type 'saas-ofice' (see 'secannex types'); did you mean: saas-office?"
expect 1 resolve --type zzzzzz $TF
same_text "$T/err" "secannex: --type: error: unknown procurement type 'zzzzzz' (see 'secannex types')"
expect 1 show deve
same_text "$T/err" "secannex: error: unknown procurement type 'deve' (see 'secannex types'); did you mean: dev?"
# show takes a type: a row id gets its type
expect 1 show dev-13
same_text "$T/err" "secannex: error: unknown procurement type 'dev-13' (see 'secannex types'); did you mean: dev?"
cat >"$T/type.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:secannex:profile:1">
  <type>maintenence</type>
  <agency-level>C</agency-level>
  <grade>中</grade>
</profile>
EOF
expect 1 resolve --profile "$T/type.xml"
same_text "$T/err" "secannex: $T/type.xml:3: error: unknown procurement type 'maintenence' (see 'secannex types'); did you mean: maintenance?"

# row ids: among the rows of the tender's type (every row when the type is unknown)
expect 1 resolve --type dev $TF --choose dev-1
same_text "$T/err" "secannex: --choose: error: unknown row 'dev-1'; did you mean one of: dev-01, dev-10, dev-11?"
expect 1 resolve --type dev $TF --choose dev-130
same_text "$T/err" "secannex: --choose: error: unknown row 'dev-130'; did you mean one of: dev-10, dev-13, dev-30?"
expect 1 resolve --type saas $TF --scan-risk 高 --ciso-confirm saas-3
same_text "$T/err" "secannex: --ciso-confirm: error: unknown row 'saas-3'; did you mean: saas-03?"
expect 1 resolve --type dev $TF --choose saas-3
same_text "$T/err" "secannex: --choose: error: unknown row 'saas-3'"
cat >"$T/rows.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:secannex:profile:1">
  <type>dev</type>
  <agency-level>C</agency-level>
  <grade>中</grade>
  <decisions>
    <choose ref="dev-130"/>
    <exclude ref="dev-290">reason</exclude>
  </decisions>
</profile>
EOF
expect 1 resolve --profile "$T/rows.xml"
same_text "$T/err" "secannex: $T/rows.xml:7: error: unknown row 'dev-130'; did you mean one of: dev-10, dev-13, dev-30?
secannex: $T/rows.xml:8: error: unknown row 'dev-290'; did you mean one of: dev-20, dev-29?"
# a malformed id in a profile: the well-formed one
sed -e 's/dev-130/DEV-13/' -e 's/dev-290/dev-2/' "$T/rows.xml" >"$T/bad.xml"
expect 1 resolve --profile "$T/bad.xml"
same_text "$T/err" "secannex: $T/bad.xml:7: error: the value 'DEV-13' of ref on <choose> is not valid: expected a row id TYPE-NN, as dev-13; did you mean: dev-13?
secannex: $T/bad.xml:8: error: the value 'dev-2' of ref on <exclude> is not valid: expected a row id TYPE-NN, as dev-13; did you mean: dev-02?"

# 附表十 areas, by id or by name
expect 1 baseline --grade 高 --area acc
same_text "$T/err" "secannex: error: unknown 附表十 area 'acc' (ids: ac au cp ia sa sc si, or the area's name); did you mean: ac?"
expect 1 baseline --grade 高 --area 存取控
same_text "$T/err" "secannex: error: unknown 附表十 area '存取控' (ids: ac au cp ia sa sc si, or the area's name); did you mean: 存取控制?"
expect 1 baseline --grade 高 --area zzzzzz
same_text "$T/err" "secannex: error: unknown 附表十 area 'zzzzzz' (ids: ac au cp ia sa sc si, or the area's name)"

# in 正體中文 (the catalog of the build tree; a locale built with localedef)
LOC="${LOCALE_BUILD:-$T/loc}"
if [ ! -f "$LOC/zh_TW.UTF-8/LC_CTYPE" ]; then
	mkdir -p "$LOC"
	if localedef -i zh_TW -f UTF-8 "$LOC/zh_TW.UTF-8.$$" >/dev/null 2>&1; then
		mv -T "$LOC/zh_TW.UTF-8.$$" "$LOC/zh_TW.UTF-8" 2>/dev/null || rm -rf "$LOC/zh_TW.UTF-8.$$"
	else
		rm -rf "$LOC/zh_TW.UTF-8.$$"
	fi
fi
if [ -f "$LOC/zh_TW.UTF-8/LC_CTYPE" ] && [ -n "${SECANNEX_LOCALEDIR:-}" ]; then
	export LOCPATH="$LOC" LC_ALL=zh_TW.UTF-8
	expect 2 --levl A resolve
	has "$T/err" "；您是否要輸入：--level？"
	lacks "$T/err" "did you mean"
	expect 1 resolve --type dev $TF --choose dev-130
	has "$T/err" "；您是否要輸入以下其中之一：dev-10、dev-13、dev-30？"
	expect 1 resolve --type dev $TF --choose zzz-99
	lacks "$T/err" "您是否要輸入"
	expect 1 resolve --type deve $TF
	has "$T/err" "；您是否要輸入：dev？"
	unset LOCPATH LC_ALL
else
	echo "SKIP: the 正體中文 hints (no zh_TW.UTF-8 locale: localedef failed)"
fi

finish
