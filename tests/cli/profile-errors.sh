#!/bin/sh
# profile-errors.sh: every class of profile mistake gets one plain message (never a raw RelaxNG
# message), exactly, in English and in Chinese; and every spelling a profile or a flag accepts
# (高級, Ｃ級, 公務機關, 是, a type's Chinese name…) resolves as its canonical spelling does.
. "$SRCDIR/tests/cli/setup.sh"

# the Chinese half runs in a zh_TW locale built here (a visible SKIP when it cannot be built)
ZH=""
if [ -n "${LOCALE_BUILD:-}" ]; then
	if [ ! -d "$LOCALE_BUILD/zh_TW.UTF-8" ]; then
		mkdir -p "$LOCALE_BUILD"
		localedef -i zh_TW -f UTF-8 "$LOCALE_BUILD/zh_TW.UTF-8.$$" >/dev/null 2>&1 &&
		    mv "$LOCALE_BUILD/zh_TW.UTF-8.$$" "$LOCALE_BUILD/zh_TW.UTF-8" 2>/dev/null || true
		rm -rf "$LOCALE_BUILD/zh_TW.UTF-8.$$"
	fi
	[ -d "$LOCALE_BUILD/zh_TW.UTF-8" ] && ZH=yes
fi
[ -n "$ZH" ] || echo "SKIP: no zh_TW locale could be built: the Chinese messages are not checked"

# zh ARGS...: run secannex in Chinese, stdout in $T/out, stderr in $T/err; exit code in $rc
zh() {
	set +e
	LC_ALL=zh_TW.UTF-8 LANGUAGE= LOCPATH="$LOCALE_BUILD" run "$@" >"$T/out" 2>"$T/err"
	rc=$?
	set -e
}

H='<profile xmlns="urn:secannex:profile:1">'
# bad NAME BODY EN ZH: the profile BODY (after the <profile> line) fails with exactly EN (in
# English) and ZH (in Chinese) as line 2 onwards, exit 1 and no output
bad() {
	printf '%s\n%s\n</profile>\n' "$H" "$2" >"$T/$1.xml"
	expect 1 resolve --profile "$T/$1.xml"
	same_text "$T/err" "$(printf '%s\n' "$3" | sed "s|^|secannex: $T/$1.xml:|")"
	same_text "$T/out" ""
	[ -n "$ZH" ] || return 0
	zh resolve --profile "$T/$1.xml"
	checks=$((checks + 1))
	[ "$rc" = 1 ] || { echo "FAIL: $1 in Chinese: exit $rc"; fails=$((fails + 1)); }
	same_text "$T/err" "$(printf '%s\n' "$4" | sed "s|^|secannex: $T/$1.xml:|")"
}

# unknown element: the ones allowed there are named
bad unknown '<grde>高</grde>' \
    "2: error: <grde> is not allowed in <profile> (allowed: type, tender, agency-level, agency-kind, grade, dimensions, baseline-grade, personal-data, special-procurement, blank, decisions); did you mean: grade?" \
    "2: 錯誤: <profile> 之下不可有 <grde>；可用的元素為：type、tender、agency-level、agency-kind、grade、dimensions、baseline-grade、personal-data、special-procurement、blank、decisions；您是否要輸入：grade？"
bad unknown2 '<tender><agancy>市府</agancy></tender>' \
    "2: error: <agancy> is not allowed in <tender> (allowed: agency, case, title, date); did you mean: agency?" \
    "2: 錯誤: <tender> 之下不可有 <agancy>；可用的元素為：agency、case、title、date；您是否要輸入：agency？"
# an element inside one that holds a value
bad nochild '<agency-level><b>C</b></agency-level>' \
    "2: error: <b> is not allowed in <agency-level>, which holds only a value" \
    "2: 錯誤: <agency-level> 只能填值，其中不可有 <b>"
# bad values, each value kind: what is accepted is named
bad grade '<grade>普通</grade>' \
    "2: error: the value '普通' of <grade> is not valid: expected one of 高, 中, 普 (or 高級, 中級, 普級, high, medium, normal)" \
    "2: 錯誤: <grade> 的值「普通」無效，應為 高、中、普（或 高級、中級、普級、high、medium、normal） 之一"
bad level '<agency-level>F級</agency-level>' \
    "2: error: the value 'F級' of <agency-level> is not valid: expected one of A, B, C, D, E (or A級 … E級)" \
    "2: 錯誤: <agency-level> 的值「F級」無效，應為 A、B、C、D、E（或 A級 … E級） 之一"
bad kind '<agency-kind>非公務機關</agency-kind>' \
    "2: error: the value '非公務機關' of <agency-kind> is not valid: expected one of 公務機關, 特定非公務機關 (or public, special)" \
    "2: 錯誤: <agency-kind> 的值「非公務機關」無效，應為 公務機關、特定非公務機關（或 public、special） 之一"
bad yesno '<personal-data>有</personal-data>' \
    "2: error: the value '有' of <personal-data> is not valid: expected one of 是, 否 (or yes, no)" \
    "2: 錯誤: <personal-data> 的值「有」無效，應為 是、否（或 yes、no） 之一"
bad dim '<dimensions><confidentiality>高</confidentiality><integrity>低</integrity><availability>中</availability><legal>普</legal></dimensions>' \
    "2: error: the value '低' of <integrity> is not valid: expected one of 高, 中, 普 (or 高級, 中級, 普級, high, medium, normal)" \
    "2: 錯誤: <integrity> 的值「低」無效，應為 高、中、普（或 高級、中級、普級、high、medium、normal） 之一"
# an empty value
bad empty '<type> </type>
<tender><agency></agency></tender>' \
    "2: error: <type> is empty: write its value
3: error: <agency> is empty: write its value" \
    "2: 錯誤: <type> 是空的：請填入它的值
3: 錯誤: <agency> 是空的：請填入它的值"
# a missing child
bad missing '<dimensions><confidentiality>高</confidentiality><availability>中</availability><legal>普</legal></dimensions>' \
    "2: error: <dimensions> needs <integrity>" \
    "2: 錯誤: <dimensions> 缺少 <integrity>"
# repeated elements, and <grade> beside <dimensions>
bad twice '<type>dev</type>
<type>saas</type>
<tender><case>1</case><case>2</case></tender>' \
    "3: error: <type> may appear only once in <profile> (the first is at line 2)
4: error: <case> may appear only once in <tender> (the first is at line 4)" \
    "3: 錯誤: <profile> 之下的 <type> 只能有一個（第一個在第 2 行）
4: 錯誤: <tender> 之下的 <case> 只能有一個（第一個在第 4 行）"
bad excludes '<grade>高</grade>
<dimensions><confidentiality>高</confidentiality><integrity>中</integrity><availability>中</availability><legal>普</legal></dimensions>' \
    "3: error: <dimensions> cannot stand beside <grade> (line 2): give the grade or the four 附表九 dimensions" \
    "3: 錯誤: <dimensions> 不可與 <grade>（第 2 行）並存：請給系統等級，或給附表九的四個構面"
# text where none is allowed
bad text '<decisions>
  dev-01
  <choose ref="dev-20">because</choose>
</decisions>' \
    "3: error: <decisions> cannot hold text (found 'dev-01')
4: error: <choose> cannot hold text (found 'because')" \
    "3: 錯誤: <decisions> 之內不可有文字（見到「dev-01」）
4: 錯誤: <choose> 之內不可有文字（見到「because」）"
# attributes: missing, unknown, none allowed, a bad value
bad attrs '<decisions><choose/><exclude ref="dev-29" reason="x">理由</exclude><choose ref="dev_20"/></decisions>
<grade level="1">高</grade>' \
    "2: error: <choose> needs the attribute ref
2: error: <exclude> has no attribute reason (allowed: ref)
2: error: the value 'dev_20' of ref on <choose> is not valid: expected a row id TYPE-NN, as dev-13
3: error: <grade> takes no attributes (found level)" \
    "2: 錯誤: <choose> 缺少屬性 ref
2: 錯誤: <exclude> 沒有屬性 reason（可用的屬性為：ref）
2: 錯誤: <choose> 的屬性 ref 的值「dev_20」無效，應為列編號 TYPE-NN，例如 dev-13
3: 錯誤: <grade> 不可有屬性（見到 level）"
bad blankname '<blank>x</blank>' \
    "2: error: <blank> needs the attribute name" \
    "2: 錯誤: <blank> 缺少屬性 name"
# namespaces: a foreign element, an element in no namespace
bad ns '<x:type xmlns:x="urn:example">dev</x:type>
<type xmlns="">dev</type>' \
    "2: error: <type> is in the namespace 'urn:example': a profile's elements are in urn:secannex:profile:1
3: error: <type> is in no namespace: a profile's elements are in urn:secannex:profile:1" \
    "2: 錯誤: <type> 屬於命名空間「urn:example」；設定檔的元素應屬於 urn:secannex:profile:1
3: 錯誤: <type> 不屬於任何命名空間；設定檔的元素應屬於 urn:secannex:profile:1"
# the root
H='<profile>'
bad root '<type>dev</type>' \
    "1: error: not a tender profile: the root is <profile> in the namespace '', not <profile> in urn:secannex:profile:1" \
    "1: 錯誤: 這不是招標設定檔：根元素為命名空間「」中的 <profile>，而非 urn:secannex:profile:1 的 <profile>"
H='<profile xmlns="urn:secannex:profile:1">'

# a gap in the table (here: a schema stricter than the table) is said plainly, then the schema's
# message follows; the shipped schema and the table agree (test_resolve)
mkdir "$T/data"
cp "$SRCDIR"/catalog/* "$T/data/"
sed -i 's|<element name="type"><ref name="field"/></element>|<element name="type"><value>saas</value></element>|' \
    "$T/data/profile.rng"
printf '%s\n<type>dev</type>\n</profile>\n' "$H" >"$T/gap.xml"
expect 1 resolve --data-dir "$T/data" --profile "$T/gap.xml"
same_text "$T/err" "secannex: $T/gap.xml:2: error: the profile does not match its schema (the schema's message follows)
secannex: $T/gap.xml:2: error: schema: Error validating value
secannex: $T/gap.xml:2: error: schema: Element type failed to validate content"
if [ -n "$ZH" ]; then
	zh resolve --data-dir "$T/data" --profile "$T/gap.xml"
	has "$T/err" "secannex: $T/gap.xml:2: 錯誤: 設定檔不符合其綱要（以下為綱要的訊息）"
fi

# ---- Chinese input: every spelling resolves as its canonical one does ----
P="$SRCDIR/samples/profile-dev.xml"
canon() { expect 0 resolve --format json --profile "$T/c.xml" "$@"; cp "$T/out" "$T/want.json"; }
# same_json ARGS...: the resolution equals the canonical one
same_json() {
	expect 0 resolve --format json --profile "$T/c.xml" "$@"
	checks=$((checks + 1))
	cmp -s "$T/out" "$T/want.json" || { echo "FAIL: resolve $*: not the canonical resolution"; fails=$((fails + 1)); }
}
# the profile file: each element's canonical value, then each other spelling in a copy
sed 's|<dimensions>|<grade>high</grade><!--|; s|</dimensions>|-->|' "$P" >"$T/c.xml"
canon
for spelled in '<type>應用軟體或系統開發服務</type>' '<agency-level>c級</agency-level>' \
    '<agency-level>Ｃ</agency-level>' '<agency-level>Ｃ級</agency-level>' '<agency-level>c</agency-level>' \
    '<agency-kind>公務機關</agency-kind>' '<grade>高級</grade>' '<grade>高</grade>' \
    '<personal-data>是</personal-data>' '<special-procurement>否</special-procurement>'; do
	el=$(printf '%s' "$spelled" | sed 's|^<\([a-z-]*\)>.*|\1|')
	sed "s|<$el>[^<]*</$el>|$spelled|" "$T/c.xml" >"$T/s.xml"
	expect 0 resolve --format json --profile "$T/s.xml"
	checks=$((checks + 1))
	cmp -s "$T/out" "$T/want.json" || { echo "FAIL: $spelled: not the canonical resolution"; fails=$((fails + 1)); }
done
# the flags: each spelling against the canonical flag
for pair in "--type dev|--type 應用軟體或系統開發服務" "--grade medium|--grade 中級" "--grade medium|--grade 中" \
    "--level B|--level B級" "--level B|--level Ｂ" "--level B|--level b" "--kind special|--kind 特定非公務機關" \
    "--kind public|--kind 公務機關" "--personal-data=no|--personal-data=否" \
    "--special-procurement=yes|--special-procurement=是" "--special-procurement|--special-procurement=是" "--baseline high|--baseline 高級" \
    "--confidentiality high --integrity normal --availability normal --legal normal|--confidentiality 高級 --integrity 普 --availability 普級 --legal normal"; do
	# shellcheck disable=SC2086
	canon ${pair%%|*}
	# shellcheck disable=SC2086
	same_json ${pair#*|}
done
# a wrong Chinese value by flag: the plain message (a usage error)
expect 2 resolve --profile "$T/c.xml" --level 丙級
same_text "$T/err" "secannex: --level: error: unknown responsibility level '丙級' (expected A, B, C, D or E)"
expect 1 resolve --profile "$T/c.xml" --type 軟體開發
same_text "$T/err" "secannex: --type: error: unknown procurement type '軟體開發' (see 'secannex types')"
# the JSON says the type's id, whatever was typed
sed 's|<type>dev</type>|<type>應用軟體或系統開發服務</type>|' "$T/c.xml" >"$T/s.xml"
expect 0 resolve --format json --profile "$T/s.xml"
has "$T/out" '"type":"dev"'

finish
