/* model.c: the model's name tables (grades, marks, levels, kinds, blanks) and its look-ups; the
 * lowest layer above the utilities, so that loading, checking, resolution and rendering all read
 * the same names from one place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "diag.h"
#include "buf.h"
#include "model.h"

/* Grades by secannex_grade: the Chinese name and the English key. */
const char *const sx_grade_zh[3] = { "普", "中", "高" };
const char *const sx_grade_keys[3] = { "normal", "medium", "high" };
/* Agency kinds by secannex_kind (and SX_DUTY_ALL): key and Chinese name. */
const char *const sx_kind_keys[3] = { "public", "special", "all" };
const char *const sx_kind_zh[2] = { "公務機關", "特定非公務機關" };
const char *const sx_mark_symbols[4] = { "●", "◎", "▲", "-" };
const char *const sx_blank_names[SX_BLANK__COUNT] = {
	"scan-risk-level", "system-grade", "baseline-grade"
};
const char *const sx_level_names[5] = { "A", "B", "C", "D", "E" };
const char *const sx_audience_names[2] = { "vendor", "agency" };

char *
sx_rich_plain(const sx_rich *r)
{
	sx_buf b = SX_BUF_INIT;

	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].kind == SX_SEG_BR)
			sx_buf_putc(&b, '\n');
		else
			sx_buf_puts(&b, r->v[i].s);
	}
	return sx_buf_detach(&b);
}

char *
sx_item_note(const sx_item *it)
{
	if (it->note.n)
		return sx_rich_plain(&it->note);
	if (it->group->note.n)
		return sx_rich_plain(&it->group->note);
	return NULL;
}

int
sx_item_note_audience(const sx_item *it)
{
	if (it->note.n)
		return it->note_audience;
	if (it->group->note.n)
		return it->group->note_audience;
	return SX_AUD_VENDOR;
}

int
sx_item_qualification(const sx_item *it)
{
	return it->note.n && it->qualification;
}

const sx_type *
sx_type_find(const sx_procurement *p, const char *id)
{
	for (size_t i = 0; p && i < p->ntypes; i++)
		if (strcmp(p->types[i].id, id) == 0)
			return &p->types[i];
	return NULL;
}

void
sx_procurement_index(sx_procurement *p)
{
	size_t n = 0;

	sx_procurement_index_free(p);
	for (size_t i = 0; i < p->ntypes; i++)
		n += p->types[i].nitems;
	if ((p->index = xmlHashCreate((int)(n < 16 ? 16 : n))) == NULL)
		sx_oom();
	for (size_t i = 0; i < p->ntypes; i++)
		for (size_t j = 0; j < p->types[i].nitems; j++) {
			sx_item *it = &p->types[i].items[j];

			/* a second row of an id is refused: the first one wins */
			if (it->id && xmlHashLookup(p->index, BAD_CAST it->id) == NULL &&
			    xmlHashAddEntry(p->index, BAD_CAST it->id, it) != 0)
				sx_oom();
		}
}

void
sx_procurement_index_free(sx_procurement *p)
{
	xmlHashFree(p->index, NULL);
	p->index = NULL;
}

int
sx_row_number(const char *s)
{
	size_t n = strspn(s, "0123456789");

	if (s[n] != '\0' || n < 2 || n > 6 || (s[0] == '0' && (n > 2 || s[1] == '0')))
		return 0;
	return (int)strtol(s, NULL, 10);
}

int
sx_is_row_id(const char *s)
{
	const char *dash = strrchr(s, '-');

	if (dash == NULL || dash == s || sx_row_number(dash + 1) == 0)
		return 0;
	for (const char *p = s; p < dash; p++) {
		if (*p == '-' && (p == s || p[-1] == '-'))
			return 0;
		if (*p != '-' && (*p < 'a' || *p > 'z'))
			return 0;
	}
	return dash[-1] != '-';
}

char *
sx_row_id_fix(const char *ref)
{
	char *low = sx_strdup(ref), *dash = strrchr(low, '-'), *fix = NULL;
	const char *num;

	for (char *q = low; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q + ('a' - 'A'));
	if (dash && dash[1] && dash[1 + strspn(dash + 1, "0123456789")] == '\0') {
		num = dash + 1 + strspn(dash + 1, "0");
		if (*num)
			fix = sx_aprintf("%.*s-%s%s", (int)(dash - low), low, num[1] ? "" : "0", num);
	}
	free(low);
	if (fix && (!sx_is_row_id(fix) || strcmp(fix, ref) == 0)) {
		free(fix);
		fix = NULL;
	}
	return fix;
}

const sx_item *
sx_item_find(const sx_procurement *p, const char *id)
{
	if (p && p->index)
		return xmlHashLookup(p->index, BAD_CAST id);
	for (size_t i = 0; p && i < p->ntypes; i++)
		for (size_t j = 0; j < p->types[i].nitems; j++)
			if (strcmp(p->types[i].items[j].id, id) == 0)
				return &p->types[i].items[j];
	return NULL;
}

const sx_area *
sx_area_find(const sx_regulation *r, const char *key)
{
	for (size_t i = 0; r && i < r->nareas; i++)
		if (strcmp(r->areas[i].id, key) == 0 || strcmp(r->areas[i].name, key) == 0)
			return &r->areas[i];
	return NULL;
}

const sx_duty_table *
sx_duties_find(const sx_regulation *r, int level, secannex_kind kind)
{
	for (size_t i = 0; r && i < r->ntables; i++) {
		const sx_duty_table *t = &r->tables[i];
		if (t->level == level &&
		    (t->kind == SX_DUTY_ALL || (int)t->kind == (int)kind))
			return t;
	}
	return NULL;
}

/* ---- typed values: every accepted spelling of a grade, level, kind or yes/no ---- */

/* The one table of what an officer may type, in a flag or a profile file (and what profile.rng
 * enumerates: test_resolve checks that the two agree).  The first spelling of each value kind
 * and value is the canonical one. */
const sx_spelling sx_spellings[] = {
	{ SX_V_GRADE, "高", SECANNEX_GRADE_HIGH }, { SX_V_GRADE, "中", SECANNEX_GRADE_MEDIUM },
	{ SX_V_GRADE, "普", SECANNEX_GRADE_NORMAL },
	{ SX_V_GRADE, "高級", SECANNEX_GRADE_HIGH }, { SX_V_GRADE, "中級", SECANNEX_GRADE_MEDIUM },
	{ SX_V_GRADE, "普級", SECANNEX_GRADE_NORMAL },
	{ SX_V_GRADE, "high", SECANNEX_GRADE_HIGH }, { SX_V_GRADE, "medium", SECANNEX_GRADE_MEDIUM },
	{ SX_V_GRADE, "normal", SECANNEX_GRADE_NORMAL },
	{ SX_V_LEVEL, "A", 0 }, { SX_V_LEVEL, "B", 1 }, { SX_V_LEVEL, "C", 2 }, { SX_V_LEVEL, "D", 3 },
	{ SX_V_LEVEL, "E", 4 },
	{ SX_V_LEVEL, "A級", 0 }, { SX_V_LEVEL, "B級", 1 }, { SX_V_LEVEL, "C級", 2 },
	{ SX_V_LEVEL, "D級", 3 }, { SX_V_LEVEL, "E級", 4 },
	{ SX_V_LEVEL, "a", 0 }, { SX_V_LEVEL, "b", 1 }, { SX_V_LEVEL, "c", 2 }, { SX_V_LEVEL, "d", 3 },
	{ SX_V_LEVEL, "e", 4 },
	{ SX_V_LEVEL, "a級", 0 }, { SX_V_LEVEL, "b級", 1 }, { SX_V_LEVEL, "c級", 2 },
	{ SX_V_LEVEL, "d級", 3 }, { SX_V_LEVEL, "e級", 4 },
	{ SX_V_LEVEL, "Ａ", 0 }, { SX_V_LEVEL, "Ｂ", 1 }, { SX_V_LEVEL, "Ｃ", 2 }, { SX_V_LEVEL, "Ｄ", 3 },
	{ SX_V_LEVEL, "Ｅ", 4 },
	{ SX_V_LEVEL, "Ａ級", 0 }, { SX_V_LEVEL, "Ｂ級", 1 }, { SX_V_LEVEL, "Ｃ級", 2 },
	{ SX_V_LEVEL, "Ｄ級", 3 }, { SX_V_LEVEL, "Ｅ級", 4 },
	{ SX_V_KIND, "public", SECANNEX_KIND_PUBLIC }, { SX_V_KIND, "special", SECANNEX_KIND_SPECIAL },
	{ SX_V_KIND, "公務機關", SECANNEX_KIND_PUBLIC },
	{ SX_V_KIND, "特定非公務機關", SECANNEX_KIND_SPECIAL },
	{ SX_V_YESNO, "yes", 1 }, { SX_V_YESNO, "no", 0 }, { SX_V_YESNO, "是", 1 },
	{ SX_V_YESNO, "否", 0 },
	{ SX_V__COUNT, NULL, 0 }
};

int
sx_value_parse(enum sx_value_kind kind, const char *s)
{
	for (const sx_spelling *v = sx_spellings; s && v->text; v++)
		if (v->kind == kind && strcmp(v->text, s) == 0)
			return v->value;
	return -1;
}

int
secannex_grade_parse(secannex_grade *out, const char *s)
{
	int g = sx_value_parse(SX_V_GRADE, s);

	if (g >= 0) {
		*out = (secannex_grade)g;
		return 0;
	}
	sx_error_msg(SX_MSG_BAD_GRADE, s ? s : "");
	return SECANNEX_EINVALID;
}

const char *
secannex_grade_name(secannex_grade g, int english)
{
	if ((int)g < 0 || (int)g > 2)
		return "?";
	return english ? sx_grade_keys[g] : sx_grade_zh[g];
}

int
secannex_level_parse(int *out, const char *s)
{
	int l = sx_value_parse(SX_V_LEVEL, s);

	if (l >= 0) {
		*out = l;
		return 0;
	}
	sx_error_msg(SX_MSG_BAD_LEVEL, s ? s : "");
	return SECANNEX_EINVALID;
}

int
secannex_kind_parse(secannex_kind *out, const char *s)
{
	int k = sx_value_parse(SX_V_KIND, s);

	if (k >= 0) {
		*out = (secannex_kind)k;
		return 0;
	}
	sx_error_msg(SX_MSG_BAD_KIND, s ? s : "");
	return SECANNEX_EINVALID;
}

const sx_type *
sx_type_lookup(const sx_procurement *p, const char *key)
{
	const sx_type *t = sx_type_find(p, key);

	for (size_t i = 0; t == NULL && p && key && i < p->ntypes; i++)
		if (p->types[i].name && strcmp(p->types[i].name, key) == 0)
			t = &p->types[i];
	return t;
}

/* ---- dates: ISO 8601 inside, 民國 years on paper ---- */

/* The number at *S of at most MAX digits (ASCII, or full-width ０–９ as an IME types them);
 * advances *S and sets *NDIG.  Returns -1 when there is no digit. */
static int
S_date_num(const char **s, int max, int *ndig)
{
	int v = 0, n = 0;

	while (n < max) {
		const unsigned char *p = (const unsigned char *)*s;
		if (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p - '0');
			*s += 1;
		} else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
			v = v * 10 + (p[2] - 0x90);
			*s += 3;
		} else {
			break;
		}
		n++;
	}
	*ndig = n;
	return n ? v : -1;
}

/* *S starts with LIT: skip it. */
static int
S_date_lit(const char **s, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(*s, lit, n) != 0)
		return 0;
	*s += n;
	return 1;
}

static int
S_date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1912 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* The month and day after the year: "-11-20" or "/11/20" (SEP), or "年11月20日" (SEP 0). */
static int
S_date_md(const char *p, char sep, int *m, int *d)
{
	int n;

	if (sep) {
		if (*p++ != sep || (*m = S_date_num(&p, 2, &n)) < 0 || *p++ != sep ||
		    (*d = S_date_num(&p, 2, &n)) < 0)
			return 0;
		return *p == '\0';
	}
	if (!S_date_lit(&p, "年") || (*m = S_date_num(&p, 2, &n)) < 0 || !S_date_lit(&p, "月") ||
	    (*d = S_date_num(&p, 2, &n)) < 0 || !S_date_lit(&p, "日"))
		return 0;
	return *p == '\0';
}

int
sx_date_parse(const char *s, char iso[11])
{
	const char *p = s;
	int y, m = 0, d = 0, n, prefix, ok;

	if (s == NULL)
		return 0;
	prefix = S_date_lit(&p, "中華民國") || S_date_lit(&p, "民國");
	if ((y = S_date_num(&p, 4, &n)) < 0)
		return 0;
	if (n == 4 && !prefix) {
		/* Gregorian: 2026-11-20 (ISO 8601: ASCII, two-digit month and day) or 2026年11月20日 */
		if (*p == '-')
			ok = strlen(s) == 10 && s[7] == '-' && S_date_md(p, '-', &m, &d);
		else
			ok = S_date_md(p, 0, &m, &d);
	} else if (n <= 3) {
		/* 民國: 115-11-20, 115/11/20, 115年11月20日, 中華民國115年11月20日; year 0 is no year */
		ok = y > 0 && S_date_md(p, prefix || (*p != '-' && *p != '/') ? 0 : *p, &m, &d);
		y += 1911;
	} else {
		ok = 0;
	}
	if (!ok || !S_date_valid(y, m, d))
		return 0;
	snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return 1;
}

char *
sx_roc_date(const char *iso)
{
	char check[11];
	int y, m, d;

	if (iso == NULL || strlen(iso) != 10 || !sx_date_parse(iso, check) || strcmp(check, iso) != 0 ||
	    sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return NULL;
	return sx_aprintf("中華民國%d年%d月%d日", y - 1911, m, d);
}
