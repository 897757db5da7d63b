/* model.c: the model's name tables (grades, marks, levels, kinds, blanks) and its look-ups; the
 * lowest layer above the utilities, so that loading, checking, resolution and rendering all read
 * the same names from one place. */
#include <stdlib.h>
#include <string.h>

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

const sx_item *
sx_item_find(const sx_procurement *p, const char *id)
{
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

int
secannex_grade_parse(secannex_grade *out, const char *s)
{
	for (int g = 0; s && g < 3; g++)
		if (strcmp(s, sx_grade_zh[g]) == 0 || strcmp(s, sx_grade_keys[g]) == 0) {
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
	if (s && s[0] && !s[1] && strchr("ABCDEabcde", s[0])) {
		*out = (s[0] | 0x20) - 'a';
		return 0;
	}
	sx_error_msg(SX_MSG_BAD_LEVEL, s ? s : "");
	return SECANNEX_EINVALID;
}

int
secannex_kind_parse(secannex_kind *out, const char *s)
{
	for (int k = 0; s && k < 2; k++)
		if (strcmp(s, sx_kind_keys[k]) == 0) {
			*out = (secannex_kind)k;
			return 0;
		}
	sx_error_msg(SX_MSG_BAD_KIND, s ? s : "");
	return SECANNEX_EINVALID;
}
