/* test_resolve.c: every resolution rule and condition kind, table-driven, and each profile error. */
#include "unit.h"

#include <libxml/parser.h>

#include "../../src/lib/resolve.h"
#include "../../src/lib/xmlsafe.h"


/* Resolve a profile given as "key=value" flags (NULL-terminated).  Returns the resolution, or NULL
 * with *D holding the diagnostics. */
static secannex_resolution *
resolve_flags(secannex_diags **d, int strict, const char *const *flags)
{
	secannex_profile *p = secannex_profile_new();
	secannex_resolution *r = NULL;

	*d = secannex_diags_new();
	for (; *flags; flags++) {
		char key[64];
		const char *eq = strchr(*flags, '=');
		size_t n = eq ? (size_t)(eq - *flags) : strlen(*flags);
		snprintf(key, sizeof(key), "%.*s", (int)n, *flags);
		if (secannex_profile_set(p, key, eq ? eq + 1 : "yes", *d) != 0)
			goto done;
	}
	secannex_resolve(&r, cat, p, strict, *d);
done:
	secannex_profile_free(p);
	return r;
}

static const sx_row *
row_of(const secannex_resolution *r, const char *id)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (strcmp(r->rows[i].item->id, id) == 0)
			return &r->rows[i];
	fail_msg("no row %s", id);
	return NULL;
}

/* The status of row ID for a profile; every case resolves cleanly. */
static const struct rule_case {
	const char *what, *row, *status, *rule;
	const char *flags[8];
} rules[] = {
	/* marks */
	{ "● is required", "dev-01", "required", "mark-recommended", { "type=dev", "grade=普", "level=E" } },
	{ "- is not applicable", "saas-08", "not-applicable", "mark-not-applicable", { "type=saas", "grade=普", "level=A" } },
	{ "◎ without a choice", "dev-03", "not-selected", "not-chosen", { "type=dev", "grade=高", "level=A" } },
	{ "◎ chosen", "dev-03", "selected", "officer-chosen", { "type=dev", "grade=高", "level=A", "choose=dev-03" } },
	{ "◎ left out with a reason", "dev-03", "not-selected", "officer-excluded", { "type=dev", "grade=高", "level=A", "exclude=dev-03=非本案範圍" } },
	{ "● left out", "dev-29", "excluded", "officer-excluded", { "type=dev", "grade=中", "level=C", "exclude=dev-29=已由機房統一提供" } },
	/* ▲ */
	{ "▲ pending", "dev-05", "pending-ciso", "ciso-pending", { "type=dev", "grade=中", "level=C" } },
	{ "▲ confirmed", "dev-05", "required", "ciso-confirmed", { "type=dev", "grade=中", "level=C", "ciso-confirm=dev-05" } },
	{ "▲ declined", "extension-02", "excluded", "ciso-declined", { "type=extension", "grade=普", "level=C", "ciso-decline=extension-02=既有系統不適用" } },
	/* C-or-above (paas-24 ●●◎) at 普 for every level, and at 中 where ● wins */
	{ "C+ at A", "paas-24", "required", "condition-level", { "type=paas", "grade=普", "level=A" } },
	{ "C+ at B", "paas-24", "required", "condition-level", { "type=paas", "grade=普", "level=B" } },
	{ "C+ at C", "paas-24", "required", "condition-level", { "type=paas", "grade=普", "level=C" } },
	{ "C+ at D", "paas-24", "not-selected", "not-chosen", { "type=paas", "grade=普", "level=D" } },
	{ "C+ at E", "paas-24", "not-selected", "not-chosen", { "type=paas", "grade=普", "level=E" } },
	{ "C+ at D chosen", "paas-24", "selected", "officer-chosen", { "type=paas", "grade=普", "level=D", "choose=paas-24" } },
	{ "C+ at 中 is ●", "paas-24", "required", "mark-recommended", { "type=paas", "grade=中", "level=E" } },
	{ "C+ at 中 is ●, level C", "paas-24", "required", "condition-level", { "type=paas", "grade=中", "level=C" } },
	{ "B+ ● at 高, level C: excludable", "dev-35", "excluded", "officer-excluded", { "type=dev", "grade=高", "level=C", "exclude=dev-35=已有網路型入侵防禦" } },
	{ "maintenance C+ at C", "maintenance-07", "required", "condition-level", { "type=maintenance", "grade=普", "level=C" } },
	/* B-or-above (dev-35) and A-or-above (dev-37) */
	{ "B+ at A", "dev-35", "required", "condition-level", { "type=dev", "grade=普", "level=A" } },
	{ "B+ at B", "dev-35", "required", "condition-level", { "type=dev", "grade=普", "level=B" } },
	{ "B+ at C", "dev-35", "not-selected", "not-chosen", { "type=dev", "grade=普", "level=C" } },
	{ "A+ at A", "dev-37", "required", "condition-level", { "type=dev", "grade=普", "level=A" } },
	{ "A+ at B", "dev-37", "not-selected", "not-chosen", { "type=dev", "grade=普", "level=B" } },
	/* personal data */
	{ "personal data: yes", "saas-02", "required", "condition-personal-data", { "type=saas", "grade=高", "level=E", "personal-data=yes" } },
	{ "personal data: no", "saas-02", "not-selected", "not-chosen", { "type=saas", "grade=高", "level=E", "personal-data=no" } },
	{ "personal data: dev-08", "dev-08", "required", "condition-personal-data", { "type=dev", "grade=普", "level=E", "personal-data" } },
	/* 特殊或巨額採購 */
	{ "special chosen", "saas-08", "selected", "officer-chosen", { "type=saas", "grade=高", "level=C", "special-procurement", "choose=saas-08" } },
	{ "special not chosen", "saas-office-07", "not-selected", "not-chosen", { "type=saas-office", "grade=中", "level=C", "special-procurement" } },
	/* ciso-escape keeps its status */
	{ "escape ●", "paas-20", "required", "mark-recommended", { "type=paas", "grade=高", "level=C" } },
};

static void
test_rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		secannex_diags *d;
		secannex_resolution *r = resolve_flags(&d, 0, rules[i].flags);
		const sx_row *row;

		if (r == NULL) {
			char *s = secannex_diags_format(d, rules[i].what);
			fail_msg("%s: %s", rules[i].what, s);
		}
		row = row_of(r, rules[i].row);
		if (strcmp(sx_status_names[row->status], rules[i].status) != 0 ||
		    strcmp(sx_rule_names[row->rule], rules[i].rule) != 0)
			fail_msg("%s: %s is %s/%s, expected %s/%s", rules[i].what, rules[i].row,
			    sx_status_names[row->status], sx_rule_names[row->rule], rules[i].status,
			    rules[i].rule);
		assert_true(row->reason && *row->reason);
		secannex_resolution_free(r);
		secannex_diags_free(d);
	}
}

/* Reasons say why in words, quoting the note and the officer's reason. */
static void
test_reasons(void **state)
{
	static const char *const f1[] = { "type=paas", "grade=普", "level=B", NULL };
	static const char *const f2[] = { "type=paas", "grade=普", "level=D", NULL };
	static const char *const f3[] = { "type=dev", "grade=中", "level=C", "exclude=dev-29=已由機房統一提供", NULL };
	secannex_diags *d;
	secannex_resolution *r;

	(void)state;
	r = resolve_flags(&d, 0, f1);
	assert_string_equal(row_of(r, "paas-24")->reason,
	    "等級「普」標示為◎，依備註「資安責任等級C級以上之機關本項為必選。」，本機關資通安全責任等級為B級，必選。");
	secannex_resolution_free(r);
	secannex_diags_free(d);
	r = resolve_flags(&d, 0, f2);
	assert_non_null(strstr(row_of(r, "paas-24")->reason, "本機關為D級，未達備註所定C級以上必選之條件"));
	assert_non_null(strstr(row_of(r, "paas-20")->reason, "本案未選擇"));
	assert_null(strstr(row_of(r, "paas-20")->reason, "提請機關資安長確認風險"));
	secannex_resolution_free(r);
	secannex_diags_free(d);
	r = resolve_flags(&d, 0, f3);
	/* the escape clause is stated where the row is in the annex */
	assert_string_equal(row_of(r, "dev-32")->reason,
	    "等級「中」標示為●（建議辦理），納入。備註：「因故無法達成者，應擬具管理或替代作為，並提請機關資安長確認風險。」");
	assert_string_equal(row_of(r, "dev-29")->reason,
	    "等級「中」標示為●（建議辦理），經機關評估不納入，理由：已由機房統一提供");
	secannex_resolution_free(r);
	secannex_diags_free(d);
}

static void
test_blanks_tiers_controls(void **state)
{
	static const char *const f1[] = { "type=dev", "grade=中", "level=C", "baseline=高", NULL };
	static const char *const f2[] = { "type=saas", "grade=中", "level=C", "scan-risk=中、高", NULL };
	static const char *const f3[] = { "type=saas", "grade=中", "level=C", NULL };
	static const char *const f4[] = { "type=dev", "grade=普", "level=C", NULL };
	secannex_diags *d;
	secannex_resolution *r;
	const sx_row *row;

	(void)state;
	r = resolve_flags(&d, 0, f1);
	row = row_of(r, "dev-13");
	assert_non_null(strstr(row->text, "本系統為中級，需符合高級系統資通系統防護基準存取控制控制措施"));
	assert_int_equal(row->unfilled, 0);
	/* at 高: ac-01 7 + ac-02 1 + ac-03 4 controls, and the inclusion items ac-01 四 (中), its 四 (普)
	 * and ac-03 四 (普) */
	assert_int_equal(row->ncontrols, 15);
	assert_true(row->controls[3].is_include && row->controls[7].is_include);
	assert_string_equal(row->controls[0].measure->id, "ac-01");
	assert_null(row_of(r, "dev-01")->controls);
	assert_string_equal(row_of(r, "dev-16")->text,
	    "依據系統防護需求分級，本系統為中級，需依據高級系統制定系統營運持續計畫控制措施，包含系統備份及系統備援");
	assert_string_equal(row_of(r, "dev-07")->text, "辦理弱點檢測/滲透測試服務之第三方廠商應符合等級(A級)");
	assert_int_equal(r->baseline, SECANNEX_GRADE_HIGH);
	assert_int_equal(r->baseline_given, 1);
	assert_int_equal(secannex_diags_count(d), 0);
	secannex_resolution_free(r);
	secannex_diags_free(d);

	r = resolve_flags(&d, 0, f2);
	row = row_of(r, "saas-07");
	assert_non_null(strstr(row->text, "(2)提供經商用弱點檢測軟體未含中、高等級風險之掃描報告"));
	assert_non_null(strstr(row->note, "未含中、高等級風險之掃描報告"));
	assert_int_equal(r->nwarnings, 0);
	secannex_resolution_free(r);
	secannex_diags_free(d);

	/* unfilled: a warning, the blank stays visible; --strict: an error */
	r = resolve_flags(&d, 0, f3);
	assert_non_null(r);
	row = row_of(r, "saas-07");
	assert_non_null(strstr(row->text, "未含___等級風險"));
	assert_int_equal(row->unfilled, 1);
	assert_int_equal(r->nwarnings, 1);
	assert_int_equal(secannex_diags_worst(d), SECANNEX_DIAG_WARNING);
	secannex_resolution_free(r);
	secannex_diags_free(d);
	r = resolve_flags(&d, 1, f3);
	assert_null(r);
	assert_int_equal(secannex_diags_worst(d), SECANNEX_DIAG_ERROR);
	secannex_diags_free(d);

	r = resolve_flags(&d, 0, f4);
	assert_string_equal(row_of(r, "dev-07")->text, "辦理弱點檢測/滲透測試服務之第三方廠商應符合等級(B、C、D級)");
	assert_int_equal(row_of(r, "dev-13")->ncontrols, 3);
	assert_non_null(strstr(row_of(r, "dev-13")->text, "本系統為普級，需符合普級"));
	secannex_resolution_free(r);
	secannex_diags_free(d);
}

static void
test_grade_from_dimensions(void **state)
{
	static const struct {
		const char *c, *i, *a, *l;
		secannex_grade want;
	} cases[] = {
		{ "普", "普", "普", "普", SECANNEX_GRADE_NORMAL },
		{ "普", "中", "普", "普", SECANNEX_GRADE_MEDIUM },
		{ "普", "普", "普", "高", SECANNEX_GRADE_HIGH },
		{ "high", "medium", "normal", "normal", SECANNEX_GRADE_HIGH },
		{ "中", "中", "中", "普", SECANNEX_GRADE_MEDIUM },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char c[64], in[64], a[64], l[64];
		const char *flags[8] = { "type=saas", "level=C", c, in, a, l, NULL };
		secannex_diags *d;
		secannex_resolution *r;

		snprintf(c, sizeof(c), "confidentiality=%s", cases[i].c);
		snprintf(in, sizeof(in), "integrity=%s", cases[i].i);
		snprintf(a, sizeof(a), "availability=%s", cases[i].a);
		snprintf(l, sizeof(l), "legal=%s", cases[i].l);
		r = resolve_flags(&d, 0, flags);
		assert_non_null(r);
		assert_int_equal(r->grade, cases[i].want);
		assert_int_equal(r->grade_from_dims, 1);
		secannex_resolution_free(r);
		secannex_diags_free(d);
	}
}

/* Each error: the exact message, and no resolution. */
static const struct err_case {
	const char *what, *msg;
	const char *flags[8];
} errors[] = {
	{ "unknown row", "secannex: --choose: error: unknown row 'dev-99'; did you mean one of: dev-09, dev-19, dev-29?",
	  { "type=dev", "grade=中", "level=C", "choose=dev-99" } },
	{ "row of another type", "secannex: --choose: error: row 'paas-03' belongs to type 'paas', not to this tender's type 'dev'",
	  { "type=dev", "grade=中", "level=C", "choose=paas-03" } },
	{ "exclusion without reason", "secannex: --exclude: error: --exclude of row 'dev-01' needs a reason (ID=REASON)",
	  { "type=dev", "grade=中", "level=C", "exclude=dev-01" } },
	{ "decline without reason", "secannex: --ciso-decline: error: --ciso-decline of row 'dev-05' needs a reason (ID=REASON)",
	  { "type=dev", "grade=中", "level=C", "ciso-decline=dev-05" } },
	{ "choosing a - row", "secannex: --choose: error: row 'saas-08' is marked - (不適用) at grade 普 and cannot be chosen",
	  { "type=saas", "grade=普", "level=C", "choose=saas-08" } },
	{ "special-only row", "secannex: --choose: error: row 'saas-08' may be chosen only for a 特殊或巨額採購 (set --special-procurement)",
	  { "type=saas", "grade=高", "level=C", "choose=saas-08" } },
	{ "confirm on ◎", "secannex: --ciso-confirm: error: --ciso-confirm does not apply to row 'dev-03', marked ◎ at grade 中",
	  { "type=dev", "grade=中", "level=C", "ciso-confirm=dev-03" } },
	{ "choose on ▲", "secannex: --choose: error: --choose does not apply to row 'dev-05', marked ▲ at grade 中",
	  { "type=dev", "grade=中", "level=C", "choose=dev-05" } },
	{ "exclude a 必選 row", "secannex: --exclude: error: row 'paas-24' cannot be left out: its note makes it 必選 at this agency's level",
	  { "type=paas", "grade=普", "level=C", "exclude=paas-24=不需要" } },
	{ "exclude a ● row that its note makes 必選", "secannex: --exclude: error: row 'dev-35' cannot be left out: its note makes it 必選 at this agency's level",
	  { "type=dev", "grade=高", "level=A", "exclude=dev-35=x" } },
	{ "exclude a ◎ row required for personal data", "secannex: --exclude: error: row 'saas-02' cannot be left out: its note makes it required when personal data is involved",
	  { "type=saas", "grade=中", "level=E", "personal-data", "exclude=saas-02=x" } },
	{ "conflict", "secannex: --exclude: error: conflicting decisions on row 'dev-03': --choose and --exclude",
	  { "type=dev", "grade=中", "level=C", "choose=dev-03", "exclude=dev-03=x" } },
	{ "baseline below grade", "secannex: --baseline: error: the baseline grade 普 is below the system grade 高",
	  { "type=dev", "grade=高", "level=C", "baseline=普" } },
	{ "unknown type", "secannex: --type: error: unknown procurement type 'iaas' (see 'secannex types'); did you mean one of: saas, paas?",
	  { "type=iaas", "grade=高", "level=C" } },
	{ "no level", "secannex: command line: error: the agency's responsibility level is not given (--level A-E or <agency-level>)",
	  { "type=dev", "grade=高" } },
	{ "no grade", "secannex: command line: error: the system grade is not given (--grade, or the four 附表九 dimensions)",
	  { "type=dev", "level=A" } },
	{ "three dimensions", "secannex: command line: error: the grade needs all four dimensions (--confidentiality --integrity --availability --legal)",
	  { "type=dev", "level=A", "confidentiality=高", "integrity=中", "legal=普" } },
	{ "grade out of range", "secannex: --grade: error: unknown grade '低' (expected 高|中|普 or high|medium|normal)",
	  { "type=dev", "grade=低" } },
	{ "level out of range", "secannex: --level: error: unknown responsibility level 'F' (expected A, B, C, D or E)",
	  { "type=dev", "level=F" } },
	{ "bad date", "secannex: --date: error: '2026-02-30' is not a valid date: write 2026-11-20, 115-11-20, 115/11/20 or (中華民國)115年11月20日",
	  { "date=2026-02-30" } },
	{ "control character", "secannex: --agency: error: control character U+0007 is not allowed",
	  { "agency=a\ab" } },
};

static void
test_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		secannex_diags *d;
		secannex_resolution *r = resolve_flags(&d, 0, errors[i].flags);
		secannex_diags *only = secannex_diags_new();
		char *s;

		/* the errors only (a missing scan-risk value may add a warning) */
		for (size_t k = 0; k < d->n; k++)
			if (d->v[k].level >= SECANNEX_DIAG_ERROR)
				sx_diag_raw(only, d->v[k].level, d->v[k].file, d->v[k].line, d->v[k].msg);
		s = secannex_diags_format(only, "secannex");
		secannex_diags_free(only);

		if (r != NULL)
			fail_msg("%s: resolved", errors[i].what);
		if (strncmp(s, errors[i].msg, strlen(errors[i].msg)) != 0 ||
		    s[strlen(errors[i].msg)] != '\n')
			fail_msg("%s:\n got: %s want: %s", errors[i].what, s, errors[i].msg);
		free(s);
		secannex_diags_free(d);
	}
}

/* A flag's decision on a row replaces the profile file's decision on that row. */
static void
test_flags_override_file(void **state)
{
	const char *path = "test_resolve_profile.xml";
	FILE *f = fopen(path, "w");
	secannex_profile *p = secannex_profile_new();
	secannex_diags *d = secannex_diags_new();
	secannex_resolution *r = NULL;

	(void)state;
	assert_non_null(f);
	fputs("<?xml version=\"1.0\"?>\n<profile xmlns=\"urn:secannex:profile:1\">\n"
	      "  <type>dev</type>\n  <agency-level>C</agency-level>\n  <grade>中</grade>\n"
	      "  <decisions>\n    <choose ref=\"dev-03\"/>\n    <exclude ref=\"dev-01\">理由甲</exclude>\n"
	      "  </decisions>\n</profile>\n", f);
	fclose(f);
	assert_int_equal(secannex_profile_load(p, path, SECANNEX_SRCDATADIR, 0, d), 0);
	assert_int_equal(secannex_profile_set(p, "exclude", "dev-03=改為不納入", d), 0);
	assert_int_equal(secannex_profile_set(p, "grade", "高", d), 0);
	assert_int_equal(secannex_resolve(&r, cat, p, 0, d), 0);
	/* the resolution does not refer to the profile (ASan/valgrind would see a use after free) */
	secannex_profile_free(p);
	p = NULL;
	free(secannex_render_resolution(r, SECANNEX_FORMAT_JSON));
	assert_int_equal(r->grade, SECANNEX_GRADE_HIGH);
	assert_string_equal(sx_status_names[row_of(r, "dev-03")->status], "not-selected");
	assert_string_equal(row_of(r, "dev-03")->decision->reason, "改為不納入");
	assert_string_equal(sx_status_names[row_of(r, "dev-01")->status], "excluded");
	assert_string_equal(row_of(r, "dev-01")->decision->origin, path);
	assert_int_equal(row_of(r, "dev-01")->decision->line, 8);
	secannex_resolution_free(r);
	secannex_profile_free(p);
	secannex_diags_free(d);
	remove(path);
}

/* The counts add up, for every type and grade. */
static void
test_counts(void **state)
{
	static const char *const grades[] = { "高", "中", "普" };

	(void)state;
	for (size_t t = 0; t < cat->proc->ntypes; t++)
		for (size_t g = 0; g < 3; g++) {
			char type[64], grade[32];
			const char *flags[] = { type, grade, "level=C", NULL };
			secannex_diags *d;
			secannex_resolution *r;
			size_t sum = 0;

			snprintf(type, sizeof(type), "type=%s", cat->proc->types[t].id);
			snprintf(grade, sizeof(grade), "grade=%s", grades[g]);
			r = resolve_flags(&d, 0, flags);
			assert_non_null(r);
			for (int s = 0; s < SX_ST__COUNT; s++)
				sum += r->counts[s];
			assert_int_equal(sum, cat->proc->types[t].nitems);
			secannex_resolution_free(r);
			secannex_diags_free(d);
		}
}

/* The value that spelling V gives in a profile file (white space around it), or -2. */
static int
spelling_in_file(const sx_spelling *v)
{
	static const char *const els[SX_V__COUNT] = {
		"grade", "agency-level", "agency-kind", "personal-data"
	};
	secannex_profile *p = secannex_profile_new();
	secannex_diags *d = secannex_diags_new();
	char *xml = sx_aprintf("<profile xmlns=\"urn:secannex:profile:1\"><%s>\n  %s </%s></profile>",
	    els[v->kind], v->text, els[v->kind]);
	int got = -2;

	if (sx_profile_load_mem(p, xml, strlen(xml), "spelling.xml", SECANNEX_SRCDATADIR, d) == 0)
		got = v->kind == SX_V_GRADE ? p->grade : v->kind == SX_V_LEVEL ? p->level :
		    v->kind == SX_V_KIND ? p->kind : p->personal_data;
	free(xml);
	secannex_profile_free(p);
	secannex_diags_free(d);
	return got;
}

/* Every spelling of the table reads as its value, by the look-up, by a flag and in a profile file;
 * near misses (a wrong Chinese word, a grade's ordinary-language name, untrimmed) read as
 * nothing. */
static void
test_spellings(void **state)
{
	static const char *const keys[SX_V__COUNT] = { "grade", "level", "kind", "personal-data" };
	static const char *const wrong[] = { "普通", "低", "F", "F級", "丙級", "非公務機關", "有", "",
		" 高", "高 ", "Ｆ", "HIGH", "Yes" };
	size_t n = 0;

	(void)state;
	for (const sx_spelling *v = sx_spellings; v->text; v++, n++) {
		secannex_profile *p = secannex_profile_new();
		secannex_diags *d = secannex_diags_new();
		int got;

		assert_int_equal(sx_value_parse(v->kind, v->text), v->value);
		assert_int_equal(secannex_profile_set(p, keys[v->kind], v->text, d), 0);
		got = v->kind == SX_V_GRADE ? p->grade : v->kind == SX_V_LEVEL ? p->level :
		    v->kind == SX_V_KIND ? p->kind : p->personal_data;
		assert_int_equal(got, v->value);
		secannex_profile_free(p);
		assert_int_equal(spelling_in_file(v), v->value);
		secannex_diags_free(d);
	}
	assert_true(n >= 40);
	for (size_t i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++)
		for (int k = 0; k < SX_V__COUNT; k++)
			assert_int_equal(sx_value_parse((enum sx_value_kind)k, wrong[i]), -1);
	/* the names the renderers print read back */
	for (int g = 0; g < 3; g++) {
		assert_int_equal(sx_value_parse(SX_V_GRADE, sx_grade_zh[g]), g);
		assert_int_equal(sx_value_parse(SX_V_GRADE, sx_grade_keys[g]), g);
	}
	for (int l = 0; l < 5; l++)
		assert_int_equal(sx_value_parse(SX_V_LEVEL, sx_level_names[l]), l);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(sx_value_parse(SX_V_KIND, sx_kind_keys[k]), k);
		assert_int_equal(sx_value_parse(SX_V_KIND, sx_kind_zh[k]), k);
	}
}

/* A type by its id or by its full Chinese name; nothing else. */
static void
test_type_lookup(void **state)
{
	(void)state;
	for (size_t i = 0; i < cat->proc->ntypes; i++) {
		const sx_type *t = &cat->proc->types[i];
		assert_ptr_equal(sx_type_lookup(cat->proc, t->id), t);
		assert_ptr_equal(sx_type_lookup(cat->proc, t->name), t);
	}
	assert_null(sx_type_lookup(cat->proc, "軟體開發"));
	assert_null(sx_type_lookup(cat->proc, "DEV"));
	assert_null(sx_type_lookup(cat->proc, ""));
}

/* The values profile.rng enumerates for each value kind are exactly the table's spellings. */
static void
test_schema_values(void **state)
{
	static const char *const defines[SX_V__COUNT] = { "grade", "level", "kind", "yesno" };
	xmlDocPtr doc = xmlReadFile(SECANNEX_SRCDATADIR "/profile.rng", NULL, XML_PARSE_NONET);

	(void)state;
	assert_non_null(doc);
	for (xmlNodePtr def = sx_xml_first_el(xmlDocGetRootElement(doc)); def;
	    def = sx_xml_next_el(def)) {
		char *name = sx_xml_attr(def, "name");
		const sx_spelling *v = sx_spellings;
		int k;

		for (k = 0; k < SX_V__COUNT && !(name && strcmp(name, defines[k]) == 0); k++)
			;
		free(name);
		if (k == SX_V__COUNT)
			continue;
		/* <define><choice><value>…: in the table's order */
		for (xmlNodePtr val = sx_xml_first_el(sx_xml_first_el(def)); val; val = sx_xml_next_el(val)) {
			char *text = sx_xml_content(val);
			while (v->text && (int)v->kind != k)
				v++;
			assert_non_null(v->text);
			assert_string_equal(text, v->text);
			free(text);
			v++;
		}
		while (v->text && (int)v->kind != k)
			v++;
		assert_null(v->text);
	}
	xmlFreeDoc(doc);
}

/* The structure check (profcheck.c's table) and the schema agree: what the table accepts the
 * schema accepts, and what the schema refuses the table refuses; the table is stricter only
 * where it says so (a row id's form, a blank type). */
static const struct agree_case {
	const char *body;
	int table_ok, schema_ok;
} agree[] = {
	{ "<type>dev</type><agency-level>Ｃ級</agency-level><agency-kind>公務機關</agency-kind>"
	  "<grade>高級</grade><personal-data>是</personal-data><special-procurement>否</special-procurement>", 1, 1 },
	{ "<type>應用軟體或系統開發服務</type><baseline-grade>普級</baseline-grade><agency-level>e</agency-level>", 1, 1 },
	{ "<blank name=\"scan-risk-level\">中風險</blank><blank name=\"x\">y</blank>", 1, 1 },
	{ "<decisions><exclude ref=\"dev-01\"/><ciso-decline ref=\"dev-05\">理由</ciso-decline></decisions>", 1, 1 },
	{ "<tender><date>115年11月20日</date><agency>市府</agency></tender>", 1, 1 },
	{ "<grde>高</grde>", 0, 0 },
	{ "<tender><agancy>x</agancy></tender>", 0, 0 },
	{ "<agency-level><b>C</b></agency-level>", 0, 0 },
	{ "<grade>普通</grade>", 0, 0 },
	{ "<agency-level>F</agency-level>", 0, 0 },
	{ "<agency-kind>非公務機關</agency-kind>", 0, 0 },
	{ "<personal-data>有</personal-data>", 0, 0 },
	{ "<tender><agency></agency></tender>", 0, 0 },
	{ "<type></type>", 0, 0 },
	{ "<type> </type>", 0, 1 },
	{ "<dimensions><confidentiality>高</confidentiality><legal>普</legal></dimensions>", 0, 0 },
	{ "<dimensions><confidentiality>高</confidentiality><integrity>中</integrity><availability>中</availability>"
	  "<legal>普</legal><legal>普</legal></dimensions>", 0, 0 },
	{ "<tender><case>1</case><case>2</case></tender>", 0, 0 },
	{ "<decisions>dev-01</decisions>", 0, 0 },
	{ "<decisions><choose ref=\"dev-01\">x</choose></decisions>", 0, 0 },
	{ "<decisions><choose/></decisions>", 0, 0 },
	{ "<decisions><choose ref=\"dev-01\" why=\"x\"/></decisions>", 0, 0 },
	{ "<decisions><choose ref=\"dev_01\"/></decisions>", 0, 1 },
	{ "<grade level=\"1\">高</grade>", 0, 0 },
	{ "<blank>x</blank>", 0, 0 },
	{ "<x:type xmlns:x=\"urn:example\">dev</x:type>", 0, 0 },
	{ "<type xmlns=\"\">dev</type>", 0, 0 },
	{ "<grade xml:lang=\"zh\">高</grade>", 0, 0 },
	{ "text", 0, 0 },
};

/* Whether the table (SCHEMA 0) or the schema (1) accepts XML. */
static int
accepts(const char *xml, int schema)
{
	secannex_diags *d = secannex_diags_new();
	xmlDocPtr doc = NULL;
	int ok;

	assert_int_equal(sx_xml_parse_mem(&doc, xml, strlen(xml), "agree.xml", d), 0);
	ok = (schema ? sx_xml_validate(doc, "agree.xml", SECANNEX_SRCDATADIR "/profile.rng", d) :
	    sx_profile_structure(doc, "agree.xml", d)) == 0;
	xmlFreeDoc(doc);
	secannex_diags_free(d);
	return ok;
}

static void
test_structure_agrees(void **state)
{
	static const char *const samples[] = { "dev", "dev-rev2", "extension", "maintenance", "paas",
		"saas-custom", "saas-office", "saas", "sec-planning", "sys-planning" };

	(void)state;
	for (size_t i = 0; i < sizeof(agree) / sizeof(agree[0]); i++) {
		char *xml = sx_aprintf("<profile xmlns=\"urn:secannex:profile:1\">\n%s\n</profile>\n",
		    agree[i].body);
		if (accepts(xml, 0) != agree[i].table_ok || accepts(xml, 1) != agree[i].schema_ok)
			fail_msg("%s: table %d, schema %d", agree[i].body, accepts(xml, 0), accepts(xml, 1));
		free(xml);
	}
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		char *path = sx_aprintf("%s/samples/profile-%s.xml", SECANNEX_SRCDIR, samples[i]);
		unsigned char *data = NULL;
		size_t len = 0;
		secannex_diags *d = secannex_diags_new();

		assert_int_equal(sx_file_read(&data, &len, path, 0, d), 0);
		if (!accepts((const char *)data, 0) || !accepts((const char *)data, 1))
			fail_msg("%s: table %d, schema %d", path, accepts((const char *)data, 0),
			    accepts((const char *)data, 1));
		free(data);
		free(path);
		secannex_diags_free(d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_blanks_tiers_controls),
		cmocka_unit_test(test_grade_from_dimensions),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_flags_override_file),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_type_lookup),
		cmocka_unit_test(test_schema_values),
		cmocka_unit_test(test_structure_agrees),
	};

	return cmocka_run_group_tests(tests, unit_setup, unit_teardown);
}
