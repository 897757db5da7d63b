/* render_json.c: JSON output of the catalog (export, and the --format json of types/show/baseline/duties). */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "buf.h"
#include "json.h"
#include "cond.h"
#include "model.h"
#include "render.h"
#include "resolve.h"


static void
S_kv_rich(sx_json *w, const char *key, const sx_rich *r)
{
	char *s = r->n ? sx_rich_plain(r) : NULL;

	sx_json_kv_str(w, key, s);
	free(s);
}

static void
S_numbered_list(sx_json *w, const sx_numbered *v, size_t n)
{
	sx_json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		sx_json_begin_object(w);
		sx_json_kv_str(w, "n", v[i].n);
		sx_json_kv_str(w, "text", v[i].text);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
}

static void
S_grades_list(sx_json *w, unsigned bits)
{
	sx_json_begin_array(w);
	for (int g = 2; g >= 0; g--)
		if (bits & (1u << g))
			sx_json_str(w, sx_grade_keys[g]);
	sx_json_end_array(w);
}

static void
S_json_conditions(sx_json *w, const sx_item *it)
{
	sx_json_begin_array(w);
	for (int k = 0; k < SX_COND__COUNT; k++) {
		if (!(it->conds & (1u << k)))
			continue;
		sx_json_begin_object(w);
		if ((1u << k) == SX_COND_LEVEL) {
			sx_json_kv_str(w, "kind", "level");
			sx_json_kv_str(w, "min", sx_level_names[it->level_min]);
		} else {
			sx_json_kv_str(w, "kind", sx_cond_kinds[k].name);
		}
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
}

/* The marks and the tiers of a row, each an object keyed by grade (high first). */
static void
S_json_marks_tiers(sx_json *w, const sx_item *it)
{
	sx_json_key(w, "marks");
	sx_json_begin_object(w);
	for (int g = 2; g >= 0; g--)
		sx_json_kv_str(w, sx_grade_keys[g], sx_mark_symbols[it->mark[g]]);
	sx_json_end_object(w);
	sx_json_key(w, "tiers");
	sx_json_begin_object(w);
	for (int g = 2; g >= 0; g--)
		if (it->tier[g])
			sx_json_kv_str(w, sx_grade_keys[g], it->tier[g]);
	sx_json_end_object(w);
}

static void
S_json_item(sx_json *w, const sx_item *it)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", it->id);
	sx_json_kv_str(w, "group", it->group->name);
	S_kv_rich(w, "text", &it->text);
	S_json_marks_tiers(w, it);
	if (it->note.n) {
		S_kv_rich(w, "note", &it->note);
		sx_json_kv_str(w, "note_scope", "row");
	} else if (it->group->note.n) {
		S_kv_rich(w, "note", &it->group->note);
		sx_json_kv_str(w, "note_scope", "group");
	} else {
		sx_json_kv_str(w, "note", NULL);
		sx_json_kv_str(w, "note_scope", NULL);
	}
	sx_json_kv_str(w, "note_audience", it->note.n || it->group->note.n ?
	    sx_audience_names[sx_item_note_audience(it)] : NULL);
	sx_json_kv_bool(w, "qualification", sx_item_qualification(it));
	sx_json_key(w, "conditions");
	S_json_conditions(w, it);
	sx_json_key(w, "blanks");
	sx_json_begin_array(w);
	for (size_t i = 0; i < it->text.n; i++)
		if (it->text.v[i].kind == SX_SEG_BLANK)
			sx_json_str(w, sx_blank_names[it->text.v[i].blank]);
	sx_json_end_array(w);
	sx_json_key(w, "baseline_areas");
	sx_json_begin_array(w);
	for (size_t i = 0; i < it->nareas; i++)
		sx_json_str(w, it->areas[i]);
	sx_json_end_array(w);
	sx_json_end_object(w);
}

void
sx_json_type(sx_json *w, const sx_type *t, int with_items)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", t->id);
	sx_json_kv_str(w, "name", t->name);
	sx_json_kv_str(w, "pages", t->pages);
	sx_json_key(w, "rows");
	sx_json_uint(w, t->nitems);
	if (with_items) {
		sx_json_key(w, "groups");
		sx_json_begin_array(w);
		for (size_t i = 0; i < t->ngroups; i++)
			sx_json_str(w, t->groups[i].name);
		sx_json_end_array(w);
		sx_json_key(w, "items");
		sx_json_begin_array(w);
		for (size_t i = 0; i < t->nitems; i++) {
			sx_json_newline(w);
			S_json_item(w, &t->items[i]);
		}
		sx_json_end_array(w);
	}
	sx_json_end_object(w);
}

/* One item of a nested 附表十 list: a control, a 「無要求」, or an inclusion item ("include": the
 * grades it includes); "depth" and "via", the inclusion items it lies beneath, outermost first. */
static void
S_json_entry(sx_json *w, const sx_control *c)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "area", c->measure->area->id);
	sx_json_kv_str(w, "measure", c->measure->id);
	sx_json_kv_str(w, "measure_name", c->measure->name);
	sx_json_key(w, "from");
	S_grades_list(w, c->grades);
	sx_json_kv_str(w, "n", c->entry ? c->entry->n : NULL);
	sx_json_kv_str(w, "text", c->entry ? c->entry->text : c->cell->none_text);
	sx_json_kv_bool(w, "none", c->entry == NULL);
	sx_json_key(w, "include");
	if (c->is_include)
		S_grades_list(w, c->entry->include_grades);
	else
		sx_json_null(w);
	sx_json_kv_int(w, "depth", (long long)c->depth);
	sx_json_key(w, "via");
	sx_json_begin_array(w);
	for (unsigned d = 0; d < c->depth; d++) {
		sx_json_begin_object(w);
		sx_json_kv_str(w, "measure", c->measure->id);
		sx_json_key(w, "from");
		S_grades_list(w, c->via[d].cell->grades);
		sx_json_kv_str(w, "n", c->via[d].entry->n);
		sx_json_key(w, "include");
		S_grades_list(w, c->via[d].entry->include_grades);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
	sx_json_end_object(w);
}

/* The nested lists of GRADE over AREA (NULL: all areas), as one JSON array, measure after measure. */
void
sx_json_resolved(sx_json *w, const sx_regulation *r, const sx_area *only, secannex_grade grade)
{
	sx_json_begin_array(w);
	for (size_t i = 0; i < r->nareas; i++) {
		const sx_area *a = &r->areas[i];
		if (only && only != a)
			continue;
		for (size_t j = 0; j < a->nmeasures; j++) {
			size_t n;
			sx_control *ctl = sx_baseline_resolve(&a->measures[j], grade, &n);
			for (size_t k = 0; k < n; k++) {
				sx_json_newline(w);
				S_json_entry(w, &ctl[k]);
			}
			free(ctl);
		}
	}
	sx_json_end_array(w);
}

void
sx_json_duty_table(sx_json *w, const sx_duty_table *t)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", t->id);
	sx_json_kv_str(w, "label", t->label);
	sx_json_kv_str(w, "title", t->title);
	sx_json_kv_str(w, "level", sx_level_names[t->level]);
	sx_json_kv_str(w, "kind", sx_kind_keys[t->kind]);
	sx_json_key(w, "items");
	sx_json_begin_array(w);
	for (size_t i = 0; i < t->nduties; i++) {
		const sx_duty *du = &t->duties[i];
		sx_json_newline(w);
		sx_json_begin_object(w);
		sx_json_kv_str(w, "aspect", du->aspect);
		sx_json_kv_str(w, "name", du->name);
		sx_json_key(w, "content");
		S_numbered_list(w, du->content.v, du->content.n);
		sx_json_key(w, "details");
		sx_json_begin_array(w);
		for (size_t k = 0; k < du->ndetails; k++) {
			sx_json_begin_object(w);
			sx_json_kv_str(w, "name", du->details[k].name);
			sx_json_key(w, "content");
			S_numbered_list(w, du->details[k].content.v, du->details[k].content.n);
			sx_json_end_object(w);
		}
		sx_json_end_array(w);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
	sx_json_key(w, "remarks");
	S_numbered_list(w, t->remarks, t->nremarks);
	sx_json_end_object(w);
}

static void
S_json_meta_proc(sx_json *w, const sx_procurement *p)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", p->id);
	sx_json_kv_str(w, "title", p->title);
	sx_json_kv_str(w, "edition", p->edition);
	sx_json_kv_str(w, "version", p->version);
	sx_json_kv_str(w, "issuer", p->issuer);
	sx_json_kv_str(w, "source", p->source);
	sx_json_kv_str(w, "remark", p->remark);
	sx_json_key(w, "legend");
	sx_json_begin_object(w);
	for (int k = 0; k < 4; k++)
		if (p->legend[k][1])
			sx_json_kv_str(w, sx_mark_symbols[k], p->legend[k][1]);
	sx_json_end_object(w);
	sx_json_kv_str(w, "header_note", p->header_note);
	sx_json_end_object(w);
}

static void
S_json_regulation(sx_json *w, const sx_regulation *r)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", r->id);
	sx_json_kv_str(w, "title", r->title);
	sx_json_kv_str(w, "amendment", r->amendment);
	sx_json_kv_str(w, "version", r->version);
	sx_json_kv_str(w, "issuer", r->issuer);
	sx_json_kv_str(w, "source", r->source);
	sx_json_kv_str(w, "remark", r->remark);
	sx_json_key(w, "articles");
	sx_json_begin_array(w);
	for (size_t i = 0; i < r->narticles; i++) {
		const sx_article *a = &r->articles[i];
		sx_json_newline(w);
		sx_json_begin_object(w);
		sx_json_kv_int(w, "number", a->number);
		sx_json_kv_str(w, "label", a->label);
		sx_json_key(w, "paragraphs");
		sx_json_begin_array(w);
		for (size_t j = 0; j < a->nparas; j++) {
			sx_json_begin_object(w);
			sx_json_kv_str(w, "lead", a->paras[j].lead);
			sx_json_key(w, "items");
			S_numbered_list(w, a->paras[j].items, a->paras[j].nitems);
			sx_json_end_object(w);
		}
		sx_json_end_array(w);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
	sx_json_end_object(w);
}

static void
S_json_grading(sx_json *w, const sx_regulation *r)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "label", r->grading_label);
	sx_json_kv_str(w, "title", r->grading_title);
	sx_json_kv_str(w, "rule", "highest");
	sx_json_key(w, "dimensions");
	sx_json_begin_array(w);
	for (size_t i = 0; i < r->ndims; i++) {
		sx_json_newline(w);
		sx_json_begin_object(w);
		sx_json_kv_str(w, "id", r->dims[i].id);
		sx_json_kv_str(w, "name", r->dims[i].name);
		for (int g = 2; g >= 0; g--)
			sx_json_kv_str(w, sx_grade_keys[g], r->dims[i].text[g]);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
	sx_json_kv_str(w, "remark", r->grading_remark);
	sx_json_end_object(w);
}

/* One 附表十 cell: the grades it covers, 「無要求」 or its entries (controls and inclusions). */
static void
S_json_cell(sx_json *w, const sx_cell *c)
{
	sx_json_begin_object(w);
	sx_json_key(w, "grades");
	S_grades_list(w, c->grades);
	sx_json_kv_str(w, "none", c->none ? c->none_text : NULL);
	sx_json_key(w, "entries");
	sx_json_begin_array(w);
	for (size_t e = 0; e < c->nentries; e++) {
		const sx_entry *en = &c->entries[e];
		sx_json_begin_object(w);
		sx_json_kv_str(w, "n", en->n);
		sx_json_kv_str(w, "text", en->text);
		sx_json_key(w, "include");
		if (en->is_include)
			S_grades_list(w, en->include_grades);
		else
			sx_json_null(w);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
	sx_json_end_object(w);
}

static void
S_json_area(sx_json *w, const sx_area *a)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", a->id);
	sx_json_kv_str(w, "name", a->name);
	sx_json_key(w, "measures");
	sx_json_begin_array(w);
	for (size_t j = 0; j < a->nmeasures; j++) {
		const sx_measure *m = &a->measures[j];
		sx_json_newline(w);
		sx_json_begin_object(w);
		sx_json_kv_str(w, "id", m->id);
		sx_json_kv_str(w, "name", m->name);
		sx_json_key(w, "cells");
		sx_json_begin_array(w);
		for (size_t k = 0; k < m->ncells; k++)
			S_json_cell(w, &m->cells[k]);
		sx_json_end_array(w);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
	sx_json_end_object(w);
}

static void
S_json_baseline(sx_json *w, const sx_regulation *r)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "label", r->baseline_label);
	sx_json_kv_str(w, "title", r->baseline_title);
	sx_json_key(w, "areas");
	sx_json_begin_array(w);
	for (size_t i = 0; i < r->nareas; i++) {
		sx_json_newline(w);
		S_json_area(w, &r->areas[i]);
	}
	sx_json_end_array(w);
	sx_json_key(w, "remarks");
	S_numbered_list(w, r->baseline_remarks, r->nbaseline_remarks);
	sx_json_key(w, "resolved");
	sx_json_begin_object(w);
	for (int g = 2; g >= 0; g--) {
		sx_json_key(w, sx_grade_keys[g]);
		sx_json_resolved(w, r, NULL, (secannex_grade)g);
	}
	sx_json_end_object(w);
	sx_json_end_object(w);
}

char *
secannex_render_export(const secannex_catalog *cat)
{
	sx_buf b = SX_BUF_INIT;
	sx_json w;

	sx_json_init(&w, &b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "format", "secannex-catalog/2");
	if (cat->proc) {
		sx_json_key(&w, "catalog");
		S_json_meta_proc(&w, cat->proc);
		sx_json_key(&w, "types");
		sx_json_begin_array(&w);
		for (size_t i = 0; i < cat->proc->ntypes; i++) {
			sx_json_newline(&w);
			sx_json_type(&w, &cat->proc->types[i], 1);
		}
		sx_json_end_array(&w);
	}
	if (cat->reg) {
		sx_json_key(&w, "regulation");
		S_json_regulation(&w, cat->reg);
		sx_json_key(&w, "grading");
		S_json_grading(&w, cat->reg);
		sx_json_key(&w, "baseline");
		S_json_baseline(&w, cat->reg);
		sx_json_key(&w, "duties");
		sx_json_begin_array(&w);
		for (size_t i = 0; i < cat->reg->ntables; i++) {
			sx_json_newline(&w);
			sx_json_duty_table(&w, &cat->reg->tables[i]);
		}
		sx_json_end_array(&w);
	}
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
	return sx_buf_detach(&b);
}

/* ---- a tender's resolution ---- */

static void
S_json_controls(sx_json *w, const sx_control *c, size_t n)
{
	sx_json_begin_array(w);
	for (size_t i = 0; i < n; i++)
		S_json_entry(w, &c[i]);
	sx_json_end_array(w);
}

/* tender, catalog, type, agency, personal_data, special_procurement */
static void
S_res_facts(sx_json *w, const secannex_resolution *r)
{
	const sx_procurement *p = r->cat->proc;

	sx_json_key(w, "tender");
	sx_json_begin_object(w);
	for (int i = 0; i < SX_F__COUNT; i++)
		sx_json_kv_str(w, sx_field_names[i], r->fields[i]);
	sx_json_end_object(w);
	sx_json_key(w, "catalog");
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", p->id);
	sx_json_kv_str(w, "title", p->title);
	sx_json_kv_str(w, "edition", p->edition);
	sx_json_kv_str(w, "version", p->version);
	sx_json_kv_str(w, "baseline_source", r->cat->reg->title);
	sx_json_end_object(w);
	sx_json_key(w, "type");
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", r->type->id);
	sx_json_kv_str(w, "name", r->type->name);
	sx_json_end_object(w);
	sx_json_key(w, "agency");
	sx_json_begin_object(w);
	sx_json_kv_str(w, "level", sx_level_names[r->level]);
	sx_json_kv_str(w, "kind", sx_kind_keys[r->kind]);
	sx_json_end_object(w);
	sx_json_kv_bool(w, "personal_data", r->personal_data);
	sx_json_kv_bool(w, "special_procurement", r->special);
}

/* grade (with the 附表九 dimensions that set it), baseline_grade, blanks */
static void
S_res_grades(sx_json *w, const secannex_resolution *r)
{
	sx_json_key(w, "grade");
	sx_json_begin_object(w);
	sx_json_kv_str(w, "value", sx_grade_keys[r->grade]);
	sx_json_kv_str(w, "name", secannex_grade_name((secannex_grade)r->grade, 0));
	sx_json_kv_str(w, "source", r->grade_from_dims ? "dimensions" : "given");
	sx_json_key(w, "dimensions");
	if (r->grade_from_dims) {
		sx_json_begin_object(w);
		for (int i = 0; i < SX_DIM__COUNT; i++)
			sx_json_kv_str(w, sx_dim_ids[i], sx_grade_keys[r->dims[i]]);
		sx_json_end_object(w);
	} else {
		sx_json_null(w);
	}
	sx_json_key(w, "set_by");
	sx_json_begin_array(w);
	for (int i = 0; r->grade_from_dims && i < SX_DIM__COUNT; i++)
		if (r->dims[i] == r->grade)
			sx_json_str(w, sx_dim_ids[i]);
	sx_json_end_array(w);
	sx_json_end_object(w);
	sx_json_key(w, "baseline_grade");
	sx_json_begin_object(w);
	sx_json_kv_str(w, "value", sx_grade_keys[r->baseline]);
	sx_json_kv_str(w, "name", secannex_grade_name((secannex_grade)r->baseline, 0));
	sx_json_kv_str(w, "source", r->baseline_given ? "given" : "grade");
	sx_json_end_object(w);
	sx_json_key(w, "blanks");
	sx_json_begin_object(w);
	for (int i = 0; i < SX_BLANK__COUNT; i++)
		sx_json_kv_str(w, sx_blank_names[i], r->blank_values[i]);
	sx_json_end_object(w);
}

/* One row of the resolution: what it says, its status, the rule and reason that decided it. */
static void
S_res_row(sx_json *w, const secannex_resolution *r, const sx_row *row)
{
	const sx_item *it = row->item;

	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", it->id);
	sx_json_kv_str(w, "group", it->group->name);
	sx_json_kv_str(w, "text", row->text);
	sx_json_kv_str(w, "mark", sx_mark_symbols[row->mark]);
	sx_json_kv_str(w, "tier", row->tier);
	sx_json_kv_str(w, "status", sx_status_names[row->status]);
	sx_json_kv_str(w, "rule", sx_rule_names[row->rule]);
	sx_json_kv_str(w, "reason", row->reason);
	sx_json_key(w, "decision");
	if (row->decision) {
		sx_json_begin_object(w);
		sx_json_kv_str(w, "kind", sx_dec_names[row->decision->kind] + 2);
		sx_json_kv_str(w, "reason", row->decision->reason);
		sx_json_end_object(w);
	} else {
		sx_json_null(w);
	}
	sx_json_kv_str(w, "note", row->note);
	sx_json_kv_str(w, "note_scope", row->note ? (row->note_is_group ? "group" : "row") : NULL);
	sx_json_kv_str(w, "note_audience", row->note ? sx_audience_names[!row->note_public] : NULL);
	sx_json_kv_bool(w, "qualification", row->qualification);
	sx_json_key(w, "source");
	sx_json_begin_object(w);
	sx_json_kv_str(w, "catalog", r->cat->proc->version);
	sx_json_kv_str(w, "type", r->type->id);
	sx_json_kv_str(w, "row", it->id);
	sx_json_end_object(w);
	sx_json_key(w, "conditions");
	S_json_conditions(w, it);
	sx_json_kv_int(w, "unfilled_blanks", row->unfilled);
	sx_json_key(w, "baseline_controls");
	if (row->ncontrols)
		S_json_controls(w, row->controls, row->ncontrols);
	else
		sx_json_null(w);
	sx_json_end_object(w);
}

void
sx_json_resolution(sx_buf *b, const secannex_resolution *r)
{
	sx_json w;

	sx_json_init(&w, b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "format", "secannex-resolution/2");
	S_res_facts(&w, r);
	S_res_grades(&w, r);
	sx_json_key(&w, "items");
	sx_json_begin_array(&w);
	for (size_t i = 0; i < r->nrows; i++) {
		sx_json_newline(&w);
		S_res_row(&w, r, &r->rows[i]);
	}
	sx_json_end_array(&w);
	sx_json_key(&w, "counts");
	sx_json_begin_object(&w);
	for (int s = 0; s < SX_ST__COUNT; s++) {
		sx_json_key(&w, sx_status_names[s]);
		sx_json_uint(&w, r->counts[s]);
	}
	sx_json_end_object(&w);
	sx_json_key(&w, "warnings");
	sx_json_begin_array(&w);
	for (size_t i = 0; i < r->nwarnings; i++)
		sx_json_str(&w, r->warnings[i]);
	sx_json_end_array(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
}

void
sx_json_catalog_source(sx_json *w, const char *key, const secannex_catalog *cat)
{
	sx_json_key(w, key);
	sx_json_begin_object(w);
	sx_json_kv_str(w, "path", cat->proc->path);
	sx_json_kv_str(w, "version", cat->proc->version);
	sx_json_end_object(w);
}
