/* render_json.c: JSON output of the catalog (export, and the --format json of types/show/baseline/duties). */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "buf.h"
#include "cond.h"
#include "model.h"
#include "render.h"
#include "resolve.h"

static const char *const S_grade_key[3] = { "normal", "medium", "high" };
static const char *const S_kind_key[3] = { "public", "special", "all" };

static void
S_key(sx_buf *b, int *first, const char *key)
{
	if (!*first)
		sx_buf_putc(b, ',');
	*first = 0;
	sx_buf_json_str(b, key);
	sx_buf_putc(b, ':');
}

static void
S_kv_str(sx_buf *b, int *first, const char *key, const char *val)
{
	S_key(b, first, key);
	if (val)
		sx_buf_json_str(b, val);
	else
		sx_buf_puts(b, "null");
}

static void
S_kv_rich(sx_buf *b, int *first, const char *key, const sx_rich *r)
{
	char *s = r->n ? sx_rich_plain(r) : NULL;

	S_kv_str(b, first, key, s);
	free(s);
}

static void
S_numbered_list(sx_buf *b, const sx_numbered *v, size_t n)
{
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		int f = 1;
		if (i)
			sx_buf_putc(b, ',');
		sx_buf_putc(b, '{');
		S_kv_str(b, &f, "n", v[i].n);
		S_kv_str(b, &f, "text", v[i].text);
		sx_buf_putc(b, '}');
	}
	sx_buf_putc(b, ']');
}

static void
S_grades_list(sx_buf *b, unsigned bits)
{
	int first = 1;

	sx_buf_putc(b, '[');
	for (int g = 2; g >= 0; g--)
		if (bits & (1u << g)) {
			if (!first)
				sx_buf_putc(b, ',');
			first = 0;
			sx_buf_json_str(b, S_grade_key[g]);
		}
	sx_buf_putc(b, ']');
}

static void
S_json_conditions(sx_buf *b, const sx_item *it)
{
	int first = 1;

	sx_buf_putc(b, '[');
	for (int k = 0; k < SX_COND__COUNT; k++) {
		if (!(it->conds & (1u << k)))
			continue;
		if (!first)
			sx_buf_putc(b, ',');
		first = 0;
		if ((1u << k) == SX_COND_LEVEL)
			sx_buf_printf(b, "{\"kind\":\"level\",\"min\":\"%s\"}", sx_level_names[it->level_min]);
		else
			sx_buf_printf(b, "{\"kind\":\"%s\"}", sx_cond_kinds[k].name);
	}
	sx_buf_putc(b, ']');
}

void
sx_json_item(sx_buf *b, const sx_item *it)
{
	int f = 1, f2;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "id", it->id);
	S_kv_str(b, &f, "group", it->group->name);
	S_kv_rich(b, &f, "text", &it->text);
	S_key(b, &f, "marks");
	sx_buf_putc(b, '{');
	f2 = 1;
	for (int g = 2; g >= 0; g--)
		S_kv_str(b, &f2, S_grade_key[g], sx_mark_symbols[it->mark[g]]);
	sx_buf_puts(b, "}");
	S_key(b, &f, "tiers");
	sx_buf_putc(b, '{');
	f2 = 1;
	for (int g = 2; g >= 0; g--)
		if (it->tier[g])
			S_kv_str(b, &f2, S_grade_key[g], it->tier[g]);
	sx_buf_putc(b, '}');
	if (it->note.n) {
		S_kv_rich(b, &f, "note", &it->note);
		S_kv_str(b, &f, "note_scope", "row");
	} else if (it->group->note.n) {
		S_kv_rich(b, &f, "note", &it->group->note);
		S_kv_str(b, &f, "note_scope", "group");
	} else {
		S_kv_str(b, &f, "note", NULL);
		S_kv_str(b, &f, "note_scope", NULL);
	}
	S_key(b, &f, "conditions");
	S_json_conditions(b, it);
	S_key(b, &f, "blanks");
	sx_buf_putc(b, '[');
	f2 = 1;
	for (size_t i = 0; i < it->text.n; i++) {
		if (it->text.v[i].kind != SX_SEG_BLANK)
			continue;
		if (!f2)
			sx_buf_putc(b, ',');
		f2 = 0;
		sx_buf_json_str(b, sx_blank_names[it->text.v[i].blank]);
	}
	sx_buf_putc(b, ']');
	S_key(b, &f, "baseline_areas");
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < it->nareas; i++) {
		if (i)
			sx_buf_putc(b, ',');
		sx_buf_json_str(b, it->areas[i]);
	}
	sx_buf_puts(b, "]}");
}

void
sx_json_type(sx_buf *b, const sx_type *t, int with_items)
{
	int f = 1;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "id", t->id);
	S_kv_str(b, &f, "name", t->name);
	S_kv_str(b, &f, "pages", t->pages);
	S_key(b, &f, "rows");
	sx_buf_printf(b, "%zu", t->nitems);
	if (with_items) {
		S_key(b, &f, "groups");
		sx_buf_putc(b, '[');
		for (size_t i = 0; i < t->ngroups; i++) {
			if (i)
				sx_buf_putc(b, ',');
			sx_buf_json_str(b, t->groups[i].name);
		}
		sx_buf_putc(b, ']');
		S_key(b, &f, "items");
		sx_buf_putc(b, '[');
		for (size_t i = 0; i < t->nitems; i++) {
			if (i)
				sx_buf_putc(b, ',');
			sx_buf_putc(b, '\n');
			sx_json_item(b, &t->items[i]);
		}
		sx_buf_putc(b, ']');
	}
	sx_buf_putc(b, '}');
}

static void
S_json_entry(sx_buf *b, const sx_control *c)
{
	int f = 1;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "area", c->measure->area->id);
	S_kv_str(b, &f, "measure", c->measure->id);
	S_kv_str(b, &f, "measure_name", c->measure->name);
	S_key(b, &f, "from");
	S_grades_list(b, c->cell->grades);
	S_kv_str(b, &f, "n", c->entry ? c->entry->n : NULL);
	S_kv_str(b, &f, "text", c->entry ? c->entry->text : c->cell->none_text);
	S_key(b, &f, "none");
	sx_buf_puts(b, c->entry ? "false" : "true");
	sx_buf_putc(b, '}');
}

/* The resolved controls of GRADE over AREA (NULL: all areas), as a JSON array. */
void
sx_json_resolved(sx_buf *b, const sx_regulation *r, const sx_area *only, secannex_grade grade)
{
	sx_control ctl[64];
	int first = 1;

	sx_buf_putc(b, '[');
	for (size_t i = 0; i < r->nareas; i++) {
		const sx_area *a = &r->areas[i];
		if (only && only != a)
			continue;
		for (size_t j = 0; j < a->nmeasures; j++) {
			size_t n = sx_baseline_resolve(&a->measures[j], grade, ctl, 64);
			for (size_t k = 0; k < n; k++) {
				if (!first)
					sx_buf_putc(b, ',');
				first = 0;
				sx_buf_putc(b, '\n');
				S_json_entry(b, &ctl[k]);
			}
		}
	}
	sx_buf_putc(b, ']');
}

void
sx_json_duty_table(sx_buf *b, const sx_duty_table *t)
{
	int f = 1;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "id", t->id);
	S_kv_str(b, &f, "label", t->label);
	S_kv_str(b, &f, "title", t->title);
	S_kv_str(b, &f, "level", sx_level_names[t->level]);
	S_kv_str(b, &f, "kind", S_kind_key[t->kind]);
	S_key(b, &f, "items");
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < t->nduties; i++) {
		const sx_duty *du = &t->duties[i];
		int f2 = 1;
		if (i)
			sx_buf_putc(b, ',');
		sx_buf_puts(b, "\n{");
		S_kv_str(b, &f2, "aspect", du->aspect);
		S_kv_str(b, &f2, "name", du->name);
		S_key(b, &f2, "content");
		S_numbered_list(b, du->content.v, du->content.n);
		S_key(b, &f2, "details");
		sx_buf_putc(b, '[');
		for (size_t k = 0; k < du->ndetails; k++) {
			int f3 = 1;
			if (k)
				sx_buf_putc(b, ',');
			sx_buf_putc(b, '{');
			S_kv_str(b, &f3, "name", du->details[k].name);
			S_key(b, &f3, "content");
			S_numbered_list(b, du->details[k].content.v, du->details[k].content.n);
			sx_buf_putc(b, '}');
		}
		sx_buf_puts(b, "]}");
	}
	sx_buf_putc(b, ']');
	S_key(b, &f, "remarks");
	S_numbered_list(b, t->remarks, t->nremarks);
	sx_buf_putc(b, '}');
}

static void
S_json_meta_proc(sx_buf *b, const sx_procurement *p)
{
	int f = 1, f2 = 1;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "id", p->id);
	S_kv_str(b, &f, "title", p->title);
	S_kv_str(b, &f, "edition", p->edition);
	S_kv_str(b, &f, "version", p->version);
	S_kv_str(b, &f, "issuer", p->issuer);
	S_kv_str(b, &f, "source", p->source);
	S_kv_str(b, &f, "remark", p->remark);
	S_key(b, &f, "legend");
	sx_buf_putc(b, '{');
	for (int k = 0; k < 4; k++)
		if (p->legend[k][1])
			S_kv_str(b, &f2, sx_mark_symbols[k], p->legend[k][1]);
	sx_buf_putc(b, '}');
	S_kv_str(b, &f, "header_note", p->header_note);
	sx_buf_putc(b, '}');
}

static void
S_json_regulation(sx_buf *b, const sx_regulation *r)
{
	int f = 1;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "id", r->id);
	S_kv_str(b, &f, "title", r->title);
	S_kv_str(b, &f, "amendment", r->amendment);
	S_kv_str(b, &f, "version", r->version);
	S_kv_str(b, &f, "issuer", r->issuer);
	S_kv_str(b, &f, "source", r->source);
	S_kv_str(b, &f, "remark", r->remark);
	S_key(b, &f, "articles");
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < r->narticles; i++) {
		const sx_article *a = &r->articles[i];
		int f2 = 1;
		if (i)
			sx_buf_putc(b, ',');
		sx_buf_puts(b, "\n{");
		S_key(b, &f2, "number");
		sx_buf_printf(b, "%d", a->number);
		S_kv_str(b, &f2, "label", a->label);
		S_key(b, &f2, "paragraphs");
		sx_buf_putc(b, '[');
		for (size_t j = 0; j < a->nparas; j++) {
			int f3 = 1;
			if (j)
				sx_buf_putc(b, ',');
			sx_buf_putc(b, '{');
			S_kv_str(b, &f3, "lead", a->paras[j].lead);
			S_key(b, &f3, "items");
			S_numbered_list(b, a->paras[j].items, a->paras[j].nitems);
			sx_buf_putc(b, '}');
		}
		sx_buf_puts(b, "]}");
	}
	sx_buf_puts(b, "]}");
}

static void
S_json_grading(sx_buf *b, const sx_regulation *r)
{
	int f = 1;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "label", r->grading_label);
	S_kv_str(b, &f, "title", r->grading_title);
	S_kv_str(b, &f, "rule", "highest");
	S_key(b, &f, "dimensions");
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < r->ndims; i++) {
		int f2 = 1;
		if (i)
			sx_buf_putc(b, ',');
		sx_buf_puts(b, "\n{");
		S_kv_str(b, &f2, "id", r->dims[i].id);
		S_kv_str(b, &f2, "name", r->dims[i].name);
		for (int g = 2; g >= 0; g--)
			S_kv_str(b, &f2, S_grade_key[g], r->dims[i].text[g]);
		sx_buf_putc(b, '}');
	}
	sx_buf_putc(b, ']');
	S_kv_str(b, &f, "remark", r->grading_remark);
	sx_buf_putc(b, '}');
}

static void
S_json_baseline(sx_buf *b, const sx_regulation *r)
{
	int f = 1;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "label", r->baseline_label);
	S_kv_str(b, &f, "title", r->baseline_title);
	S_key(b, &f, "areas");
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < r->nareas; i++) {
		const sx_area *a = &r->areas[i];
		int f2 = 1;
		if (i)
			sx_buf_putc(b, ',');
		sx_buf_puts(b, "\n{");
		S_kv_str(b, &f2, "id", a->id);
		S_kv_str(b, &f2, "name", a->name);
		S_key(b, &f2, "measures");
		sx_buf_putc(b, '[');
		for (size_t j = 0; j < a->nmeasures; j++) {
			const sx_measure *m = &a->measures[j];
			int f3 = 1;
			if (j)
				sx_buf_putc(b, ',');
			sx_buf_puts(b, "\n{");
			S_kv_str(b, &f3, "id", m->id);
			S_kv_str(b, &f3, "name", m->name);
			S_key(b, &f3, "cells");
			sx_buf_putc(b, '[');
			for (size_t k = 0; k < m->ncells; k++) {
				const sx_cell *c = &m->cells[k];
				int f4 = 1;
				if (k)
					sx_buf_putc(b, ',');
				sx_buf_putc(b, '{');
				S_key(b, &f4, "grades");
				S_grades_list(b, c->grades);
				S_kv_str(b, &f4, "none", c->none ? c->none_text : NULL);
				S_key(b, &f4, "entries");
				sx_buf_putc(b, '[');
				for (size_t e = 0; e < c->nentries; e++) {
					const sx_entry *en = &c->entries[e];
					int f5 = 1;
					if (e)
						sx_buf_putc(b, ',');
					sx_buf_putc(b, '{');
					S_kv_str(b, &f5, "n", en->n);
					S_kv_str(b, &f5, "text", en->text);
					S_key(b, &f5, "include");
					if (en->is_include)
						S_grades_list(b, en->include_grades);
					else
						sx_buf_puts(b, "null");
					sx_buf_putc(b, '}');
				}
				sx_buf_puts(b, "]}");
			}
			sx_buf_puts(b, "]}");
		}
		sx_buf_puts(b, "]}");
	}
	sx_buf_putc(b, ']');
	S_key(b, &f, "remarks");
	S_numbered_list(b, r->baseline_remarks, r->nbaseline_remarks);
	S_key(b, &f, "resolved");
	sx_buf_putc(b, '{');
	{
		int f2 = 1;
		for (int g = 2; g >= 0; g--) {
			S_key(b, &f2, S_grade_key[g]);
			sx_json_resolved(b, r, NULL, (secannex_grade)g);
		}
	}
	sx_buf_puts(b, "}}");
}

char *
secannex_render_export(const secannex_catalog *cat)
{
	sx_buf b = SX_BUF_INIT;
	int f = 1;

	sx_buf_putc(&b, '{');
	S_key(&b, &f, "format");
	sx_buf_puts(&b, "\"secannex-catalog/1\"");
	if (cat->proc) {
		S_key(&b, &f, "catalog");
		S_json_meta_proc(&b, cat->proc);
		S_key(&b, &f, "types");
		sx_buf_putc(&b, '[');
		for (size_t i = 0; i < cat->proc->ntypes; i++) {
			if (i)
				sx_buf_putc(&b, ',');
			sx_buf_putc(&b, '\n');
			sx_json_type(&b, &cat->proc->types[i], 1);
		}
		sx_buf_putc(&b, ']');
	}
	if (cat->reg) {
		S_key(&b, &f, "regulation");
		S_json_regulation(&b, cat->reg);
		S_key(&b, &f, "grading");
		S_json_grading(&b, cat->reg);
		S_key(&b, &f, "baseline");
		S_json_baseline(&b, cat->reg);
		S_key(&b, &f, "duties");
		sx_buf_putc(&b, '[');
		for (size_t i = 0; i < cat->reg->ntables; i++) {
			if (i)
				sx_buf_putc(&b, ',');
			sx_buf_putc(&b, '\n');
			sx_json_duty_table(&b, &cat->reg->tables[i]);
		}
		sx_buf_putc(&b, ']');
	}
	sx_buf_puts(&b, "}\n");
	return sx_buf_detach(&b);
}

/* ---- a tender's resolution ---- */

static void
S_json_controls(sx_buf *b, const sx_control *c, size_t n)
{
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sx_buf_putc(b, ',');
		S_json_entry(b, &c[i]);
	}
	sx_buf_putc(b, ']');
}

void
sx_json_resolution(sx_buf *b, const secannex_resolution *r)
{
	const sx_procurement *p = r->cat->proc;
	int f = 1, f2;

	sx_buf_putc(b, '{');
	S_kv_str(b, &f, "format", "secannex-resolution/1");
	S_key(b, &f, "tender");
	sx_buf_putc(b, '{');
	f2 = 1;
	for (int i = 0; i < SX_F__COUNT; i++)
		S_kv_str(b, &f2, sx_field_names[i], r->fields[i]);
	sx_buf_putc(b, '}');
	S_key(b, &f, "catalog");
	sx_buf_putc(b, '{');
	f2 = 1;
	S_kv_str(b, &f2, "id", p->id);
	S_kv_str(b, &f2, "title", p->title);
	S_kv_str(b, &f2, "edition", p->edition);
	S_kv_str(b, &f2, "version", p->version);
	S_kv_str(b, &f2, "baseline_source", r->cat->reg->title);
	sx_buf_putc(b, '}');
	S_key(b, &f, "type");
	sx_buf_putc(b, '{');
	f2 = 1;
	S_kv_str(b, &f2, "id", r->type->id);
	S_kv_str(b, &f2, "name", r->type->name);
	sx_buf_putc(b, '}');
	S_key(b, &f, "agency");
	sx_buf_putc(b, '{');
	f2 = 1;
	S_kv_str(b, &f2, "level", sx_level_names[r->level]);
	S_kv_str(b, &f2, "kind", r->kind == SECANNEX_KIND_SPECIAL ? "special" : "public");
	sx_buf_putc(b, '}');
	S_key(b, &f, "personal_data");
	sx_buf_puts(b, r->personal_data ? "true" : "false");
	S_key(b, &f, "special_procurement");
	sx_buf_puts(b, r->special ? "true" : "false");
	S_key(b, &f, "grade");
	sx_buf_putc(b, '{');
	f2 = 1;
	S_kv_str(b, &f2, "value", S_grade_key[r->grade]);
	S_kv_str(b, &f2, "name", secannex_grade_name((secannex_grade)r->grade, 0));
	S_kv_str(b, &f2, "source", r->grade_from_dims ? "dimensions" : "given");
	S_key(b, &f2, "dimensions");
	if (r->grade_from_dims) {
		int f3 = 1;
		sx_buf_putc(b, '{');
		for (int i = 0; i < SX_DIM__COUNT; i++)
			S_kv_str(b, &f3, sx_dim_ids[i], S_grade_key[r->dims[i]]);
		sx_buf_putc(b, '}');
	} else {
		sx_buf_puts(b, "null");
	}
	S_key(b, &f2, "set_by");
	sx_buf_putc(b, '[');
	if (r->grade_from_dims) {
		int first = 1;
		for (int i = 0; i < SX_DIM__COUNT; i++)
			if (r->dims[i] == r->grade) {
				if (!first)
					sx_buf_putc(b, ',');
				first = 0;
				sx_buf_json_str(b, sx_dim_ids[i]);
			}
	}
	sx_buf_puts(b, "]}");
	S_key(b, &f, "baseline_grade");
	sx_buf_putc(b, '{');
	f2 = 1;
	S_kv_str(b, &f2, "value", S_grade_key[r->baseline]);
	S_kv_str(b, &f2, "name", secannex_grade_name((secannex_grade)r->baseline, 0));
	S_kv_str(b, &f2, "source", r->baseline_given ? "given" : "grade");
	sx_buf_putc(b, '}');
	S_key(b, &f, "blanks");
	sx_buf_putc(b, '{');
	f2 = 1;
	for (int i = 0; i < SX_BLANK__COUNT; i++)
		S_kv_str(b, &f2, sx_blank_names[i], r->blank_values[i]);
	sx_buf_putc(b, '}');
	S_key(b, &f, "items");
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		const sx_item *it = row->item;
		int fi = 1;

		if (i)
			sx_buf_putc(b, ',');
		sx_buf_puts(b, "\n{");
		S_kv_str(b, &fi, "id", it->id);
		S_kv_str(b, &fi, "group", it->group->name);
		S_kv_str(b, &fi, "text", row->text);
		S_kv_str(b, &fi, "mark", sx_mark_symbols[row->mark]);
		S_kv_str(b, &fi, "tier", row->tier);
		S_kv_str(b, &fi, "status", sx_status_names[row->status]);
		S_kv_str(b, &fi, "rule", sx_rule_names[row->rule]);
		S_kv_str(b, &fi, "reason", row->reason);
		S_key(b, &fi, "decision");
		if (row->decision) {
			int f3 = 1;
			sx_buf_putc(b, '{');
			S_kv_str(b, &f3, "kind", sx_dec_names[row->decision->kind] + 2);
			S_kv_str(b, &f3, "reason", row->decision->reason);
			sx_buf_putc(b, '}');
		} else {
			sx_buf_puts(b, "null");
		}
		S_kv_str(b, &fi, "note", row->note);
		S_kv_str(b, &fi, "note_scope", row->note ? (row->note_is_group ? "group" : "row") : NULL);
		S_key(b, &fi, "source");
		sx_buf_putc(b, '{');
		f2 = 1;
		S_kv_str(b, &f2, "catalog", p->version);
		S_kv_str(b, &f2, "type", r->type->id);
		S_kv_str(b, &f2, "row", it->id);
		sx_buf_putc(b, '}');
		S_key(b, &fi, "conditions");
		S_json_conditions(b, it);
		S_key(b, &fi, "unfilled_blanks");
		sx_buf_printf(b, "%d", row->unfilled);
		S_key(b, &fi, "baseline_controls");
		if (row->ncontrols)
			S_json_controls(b, row->controls, row->ncontrols);
		else
			sx_buf_puts(b, "null");
		sx_buf_putc(b, '}');
	}
	sx_buf_putc(b, ']');
	S_key(b, &f, "counts");
	sx_buf_putc(b, '{');
	f2 = 1;
	for (int s = 0; s < SX_ST__COUNT; s++) {
		S_key(b, &f2, sx_status_names[s]);
		sx_buf_printf(b, "%zu", r->counts[s]);
	}
	sx_buf_putc(b, '}');
	S_key(b, &f, "warnings");
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < r->nwarnings; i++) {
		if (i)
			sx_buf_putc(b, ',');
		sx_buf_json_str(b, r->warnings[i]);
	}
	sx_buf_puts(b, "]}\n");
}
