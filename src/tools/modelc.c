/* modelc.c: a loaded model (model.h) written as C source, static initialisers that compile back
 * into the same model: the embedded model of the shipped catalogs that shipgen writes into
 * src/shipped.c, and what tests/unit/test_embedded.c compares (the model parsed from the files
 * and the model compiled into the program must print the same).  Every struct is written
 * positionally, member by member in declaration order: a member added to model.h and not here
 * fails the build (-Wmissing-field-initializers), so nothing is left out silently.  Arrays are
 * written before what points at them; the back pointers (an item's type and group, a measure's
 * area) point into arrays declared ahead.  Names are NAME_ plus a counter: the same model gives
 * the same text.  Its C literals serve shipgen's byte arrays too (sx_modelc_literal). */
#include "modelc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/buf.h"

struct S_out {
	FILE *f;
	const char *name;
	unsigned next;         /* the next array's number */
};

void
sx_modelc_literal(FILE *f, const void *data, size_t len)
{
	const unsigned char *p = data;

	fputc('"', f);
	for (size_t i = 0, col = 0; i < len; i++) {
		if (col >= 96 || (i > 0 && p[i - 1] == '\n')) {
			fputs("\"\n\t\"", f);
			col = 0;
		}
		if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' && p[i] != '\\' && p[i] != '?') {
			fputc(p[i], f);
			col++;
		} else {
			fprintf(f, "\\%03o", p[i]);
			col += 4;
		}
	}
	fputc('"', f);
}

/* A string as a C literal, or NULL. */
static void
S_str(FILE *f, const char *s)
{
	if (s == NULL)
		fputs("NULL", f);
	else
		sx_modelc_literal(f, s, strlen(s));
}

/* A new array's name into BUF. */
static const char *
S_name(struct S_out *o, char *buf, size_t size)
{
	snprintf(buf, size, "%s_%u", o->name, o->next++);
	return buf;
}

/* Rich text: its segments' array first (returned in NAME, "" when empty), then "{ v, n }" is
 * written by S_rich_ref. */
static void
S_rich_arr(struct S_out *o, const sx_rich *r, char *name, size_t size)
{
	name[0] = '\0';
	if (r->n == 0)
		return;
	fprintf(o->f, "static sx_seg %s[] = {\n", S_name(o, name, size));
	for (size_t i = 0; i < r->n; i++) {
		fprintf(o->f, "\t{ %d, ", (int)r->v[i].kind);
		S_str(o->f, r->v[i].s);
		fprintf(o->f, ", %d },\n", r->v[i].blank);
	}
	fputs("};\n", o->f);
}

static void
S_rich_ref(struct S_out *o, const char *name, size_t n)
{
	fprintf(o->f, "{ %s, %zu }", n ? name : "NULL", n);
}

static void
S_strs_arr(struct S_out *o, char *const *v, size_t n, char *name, size_t size)
{
	name[0] = '\0';
	if (n == 0)
		return;
	fprintf(o->f, "static char *%s[] = {\n", S_name(o, name, size));
	for (size_t i = 0; i < n; i++) {
		fputc('\t', o->f);
		S_str(o->f, v[i]);
		fputs(",\n", o->f);
	}
	fputs("};\n", o->f);
}

static void
S_numbered_arr(struct S_out *o, const sx_numbered *v, size_t n, char *name, size_t size)
{
	name[0] = '\0';
	if (n == 0)
		return;
	fprintf(o->f, "static sx_numbered %s[] = {\n", S_name(o, name, size));
	for (size_t i = 0; i < n; i++) {
		fputs("\t{ ", o->f);
		S_str(o->f, v[i].n);
		fputs(", ", o->f);
		S_str(o->f, v[i].text);
		fputs(" },\n", o->f);
	}
	fputs("};\n", o->f);
}

/* An array pointer and its count: NAME or NULL. */
static void
S_ref(struct S_out *o, const char *name, size_t n)
{
	fprintf(o->f, "%s, %zu", n ? name : "NULL", n);
}

/* ---- 一覽表 ---- */

/* Type T's groups, then its items (whose back pointers reach the types array TYPES[T] and the
 * groups just written); their array names into GROUPS and ITEMS. */
static void
S_type_arrays(struct S_out *o, const sx_type *t, size_t ti, const char *types, char *groups,
    char *items, size_t size)
{
	char (*rich)[2][64] = NULL, (*areas)[64] = NULL;

	groups[0] = items[0] = '\0';
	if (t->ngroups) {
		char (*notes)[64] = sx_calloc(t->ngroups, sizeof(*notes));
		for (size_t j = 0; j < t->ngroups; j++)
			S_rich_arr(o, &t->groups[j].note, notes[j], sizeof(notes[j]));
		fprintf(o->f, "static sx_group %s[] = {\n", S_name(o, groups, size));
		for (size_t j = 0; j < t->ngroups; j++) {
			const sx_group *g = &t->groups[j];
			fputs("\t{ ", o->f);
			S_str(o->f, g->name);
			fputs(", ", o->f);
			S_rich_ref(o, notes[j], g->note.n);
			fprintf(o->f, ", %d, %zu, %zu },\n", g->note_audience, g->first, g->count);
		}
		fputs("};\n", o->f);
		free(notes);
	}
	if (t->nitems == 0)
		return;
	rich = sx_calloc(t->nitems, sizeof(*rich));
	areas = sx_calloc(t->nitems, sizeof(*areas));
	for (size_t j = 0; j < t->nitems; j++) {
		S_rich_arr(o, &t->items[j].text, rich[j][0], sizeof(rich[j][0]));
		S_rich_arr(o, &t->items[j].note, rich[j][1], sizeof(rich[j][1]));
		S_strs_arr(o, t->items[j].areas, t->items[j].nareas, areas[j], sizeof(areas[j]));
	}
	fprintf(o->f, "static sx_item %s[] = {\n", S_name(o, items, size));
	for (size_t j = 0; j < t->nitems; j++) {
		const sx_item *it = &t->items[j];
		fputs("\t{ ", o->f);
		S_str(o->f, it->id);
		fprintf(o->f, ", %d, &%s[%zu], ", it->line, types, ti);
		if (it->group)
			fprintf(o->f, "&%s[%td], ", groups, it->group - t->groups);
		else
			fputs("NULL, ", o->f);
		fprintf(o->f, "%zu, ", it->index);
		S_rich_ref(o, rich[j][0], it->text.n);
		fprintf(o->f, ", { %d, %d, %d }, { ", (int)it->mark[0], (int)it->mark[1],
		    (int)it->mark[2]);
		for (int g = 0; g < 3; g++) {
			S_str(o->f, it->tier[g]);
			fputs(g < 2 ? ", " : " }, ", o->f);
		}
		S_rich_ref(o, rich[j][1], it->note.n);
		fprintf(o->f, ", %d, %d, %uu, %d, ", it->note_audience, it->qualification, it->conds,
		    it->level_min);
		S_ref(o, areas[j], it->nareas);
		fputs(" },\n", o->f);
	}
	fputs("};\n", o->f);
	free(rich);
	free(areas);
}

int
sx_modelc_procurement(FILE *f, const sx_procurement *p, const char *name)
{
	struct S_out o = { f, name, 0 };
	char types[64], (*arr)[2][64];

	snprintf(types, sizeof(types), "%s_types", name);
	arr = sx_calloc(p->ntypes ? p->ntypes : 1, sizeof(*arr));
	if (p->ntypes)
		fprintf(f, "static sx_type %s[%zu];\n", types, p->ntypes);
	for (size_t i = 0; i < p->ntypes; i++)
		S_type_arrays(&o, &p->types[i], i, types, arr[i][0], arr[i][1], sizeof(arr[i][0]));
	if (p->ntypes) {
		fprintf(f, "static sx_type %s[%zu] = {\n", types, p->ntypes);
		for (size_t i = 0; i < p->ntypes; i++) {
			const sx_type *t = &p->types[i];
			fputs("\t{ ", f);
			S_str(f, t->id);
			fputs(", ", f);
			S_str(f, t->name);
			fputs(", ", f);
			S_str(f, t->pages);
			fprintf(f, ", %d, ", t->line);
			S_ref(&o, arr[i][0], t->ngroups);
			fputs(", ", f);
			S_ref(&o, arr[i][1], t->nitems);
			fputs(" },\n", f);
		}
		fputs("};\n", f);
	}
	free(arr);
	fprintf(f, "static sx_procurement %s = {\n\tNULL,", name);
	const char *const head[] = { p->id, p->title, p->edition, p->version, p->issuer, p->source,
		p->remark };
	for (size_t k = 0; k < sizeof(head) / sizeof(head[0]); k++) {
		fputs("\n\t", f);
		S_str(f, head[k]);
		fputc(',', f);
	}
	fputs("\n\t{", f);
	for (int k = 0; k < 4; k++) {
		fputs(" { ", f);
		S_str(f, p->legend[k][0]);
		fputs(", ", f);
		S_str(f, p->legend[k][1]);
		fputs(k < 3 ? " }," : " } },\n\t", f);
	}
	S_str(f, p->header_note);
	fputs(",\n\t", f);
	S_ref(&o, types, p->ntypes);
	fputs(", NULL, 0\n};\n", f);
	return ferror(f) ? -1 : 0;
}

/* ---- 分級辦法 ---- */

static void
S_articles(struct S_out *o, const sx_regulation *r, char *name, size_t size)
{
	char (*paras)[64] = sx_calloc(r->narticles ? r->narticles : 1, sizeof(*paras));

	name[0] = '\0';
	for (size_t i = 0; i < r->narticles; i++) {
		const sx_article *a = &r->articles[i];
		char (*items)[64] = sx_calloc(a->nparas ? a->nparas : 1, sizeof(*items));
		for (size_t j = 0; j < a->nparas; j++)
			S_numbered_arr(o, a->paras[j].items, a->paras[j].nitems, items[j],
			    sizeof(items[j]));
		if (a->nparas) {
			fprintf(o->f, "static sx_para %s[] = {\n", S_name(o, paras[i], sizeof(paras[i])));
			for (size_t j = 0; j < a->nparas; j++) {
				fputs("\t{ ", o->f);
				S_str(o->f, a->paras[j].lead);
				fputs(", ", o->f);
				S_ref(o, items[j], a->paras[j].nitems);
				fputs(" },\n", o->f);
			}
			fputs("};\n", o->f);
		}
		free(items);
	}
	if (r->narticles) {
		fprintf(o->f, "static sx_article %s[] = {\n", S_name(o, name, size));
		for (size_t i = 0; i < r->narticles; i++) {
			fprintf(o->f, "\t{ %d, ", r->articles[i].number);
			S_str(o->f, r->articles[i].label);
			fputs(", ", o->f);
			S_ref(o, paras[i], r->articles[i].nparas);
			fputs(" },\n", o->f);
		}
		fputs("};\n", o->f);
	}
	free(paras);
}

/* One duty table's duties (their blocks and details first) into NAME. */
static void
S_duties(struct S_out *o, const sx_duty_table *t, char *name, size_t size)
{
	char (*arr)[2][64] = sx_calloc(t->nduties ? t->nduties : 1, sizeof(*arr));

	name[0] = '\0';
	for (size_t i = 0; i < t->nduties; i++) {
		const sx_duty *u = &t->duties[i];
		char (*blocks)[64] = sx_calloc(u->ndetails ? u->ndetails : 1, sizeof(*blocks));
		S_numbered_arr(o, u->content.v, u->content.n, arr[i][0], sizeof(arr[i][0]));
		for (size_t j = 0; j < u->ndetails; j++)
			S_numbered_arr(o, u->details[j].content.v, u->details[j].content.n, blocks[j],
			    sizeof(blocks[j]));
		arr[i][1][0] = '\0';
		if (u->ndetails) {
			fprintf(o->f, "static sx_detail %s[] = {\n",
			    S_name(o, arr[i][1], sizeof(arr[i][1])));
			for (size_t j = 0; j < u->ndetails; j++) {
				fputs("\t{ ", o->f);
				S_str(o->f, u->details[j].name);
				fputs(", ", o->f);
				S_rich_ref(o, blocks[j], u->details[j].content.n);
				fputs(" },\n", o->f);
			}
			fputs("};\n", o->f);
		}
		free(blocks);
	}
	if (t->nduties) {
		fprintf(o->f, "static sx_duty %s[] = {\n", S_name(o, name, size));
		for (size_t i = 0; i < t->nduties; i++) {
			const sx_duty *u = &t->duties[i];
			fputs("\t{ ", o->f);
			S_str(o->f, u->name);
			fputs(", ", o->f);
			S_str(o->f, u->aspect);
			fputs(", ", o->f);
			S_rich_ref(o, arr[i][0], u->content.n);
			fputs(", ", o->f);
			S_ref(o, arr[i][1], u->ndetails);
			fputs(" },\n", o->f);
		}
		fputs("};\n", o->f);
	}
	free(arr);
}

static void
S_tables(struct S_out *o, const sx_regulation *r, char *name, size_t size)
{
	char (*arr)[2][64] = sx_calloc(r->ntables ? r->ntables : 1, sizeof(*arr));

	name[0] = '\0';
	for (size_t i = 0; i < r->ntables; i++) {
		S_duties(o, &r->tables[i], arr[i][0], sizeof(arr[i][0]));
		S_numbered_arr(o, r->tables[i].remarks, r->tables[i].nremarks, arr[i][1],
		    sizeof(arr[i][1]));
	}
	if (r->ntables) {
		fprintf(o->f, "static sx_duty_table %s[] = {\n", S_name(o, name, size));
		for (size_t i = 0; i < r->ntables; i++) {
			const sx_duty_table *t = &r->tables[i];
			fputs("\t{ ", o->f);
			S_str(o->f, t->id);
			fputs(", ", o->f);
			S_str(o->f, t->label);
			fputs(", ", o->f);
			S_str(o->f, t->title);
			fprintf(o->f, ", %d, %d, %d, ", t->level, (int)t->kind, t->line);
			S_ref(o, arr[i][0], t->nduties);
			fputs(", ", o->f);
			S_ref(o, arr[i][1], t->nremarks);
			fputs(" },\n", o->f);
		}
		fputs("};\n", o->f);
	}
	free(arr);
}

static void
S_dims(struct S_out *o, const sx_regulation *r, char *name, size_t size)
{
	name[0] = '\0';
	if (r->ndims == 0)
		return;
	fprintf(o->f, "static sx_dimension %s[] = {\n", S_name(o, name, size));
	for (size_t i = 0; i < r->ndims; i++) {
		fputs("\t{ ", o->f);
		S_str(o->f, r->dims[i].id);
		fputs(", ", o->f);
		S_str(o->f, r->dims[i].name);
		fputs(", { ", o->f);
		for (int k = 0; k < 3; k++) {
			S_str(o->f, r->dims[i].text[k]);
			fputs(k < 2 ? ", " : " } },\n", o->f);
		}
	}
	fputs("};\n", o->f);
}

/* A measure's cells (their entries first) into NAME. */
static void
S_cells(struct S_out *o, const sx_measure *m, char *name, size_t size)
{
	char (*entries)[64] = sx_calloc(m->ncells ? m->ncells : 1, sizeof(*entries));

	name[0] = '\0';
	for (size_t k = 0; k < m->ncells; k++) {
		const sx_cell *c = &m->cells[k];
		entries[k][0] = '\0';
		if (c->nentries == 0)
			continue;
		fprintf(o->f, "static sx_entry %s[] = {\n", S_name(o, entries[k], sizeof(entries[k])));
		for (size_t e = 0; e < c->nentries; e++) {
			fprintf(o->f, "\t{ %d, ", c->entries[e].is_include);
			S_str(o->f, c->entries[e].n);
			fputs(", ", o->f);
			S_str(o->f, c->entries[e].text);
			fprintf(o->f, ", %uu },\n", c->entries[e].include_grades);
		}
		fputs("};\n", o->f);
	}
	if (m->ncells) {
		fprintf(o->f, "static sx_cell %s[] = {\n", S_name(o, name, size));
		for (size_t k = 0; k < m->ncells; k++) {
			const sx_cell *c = &m->cells[k];
			fprintf(o->f, "\t{ %uu, %d, ", c->grades, c->none);
			S_str(o->f, c->none_text);
			fputs(", ", o->f);
			S_ref(o, entries[k], c->nentries);
			fputs(" },\n", o->f);
		}
		fputs("};\n", o->f);
	}
	free(entries);
}

/* The areas (declared ahead as AREAS, for the measures' back pointers), their measures first. */
static void
S_areas(struct S_out *o, const sx_regulation *r, const char *areas)
{
	char (*measures)[64] = sx_calloc(r->nareas ? r->nareas : 1, sizeof(*measures));

	if (r->nareas == 0) {
		free(measures);
		return;
	}
	fprintf(o->f, "static sx_area %s[%zu];\n", areas, r->nareas);
	for (size_t i = 0; i < r->nareas; i++) {
		const sx_area *a = &r->areas[i];
		char (*cells)[64] = sx_calloc(a->nmeasures ? a->nmeasures : 1, sizeof(*cells));
		measures[i][0] = '\0';
		for (size_t j = 0; j < a->nmeasures; j++)
			S_cells(o, &a->measures[j], cells[j], sizeof(cells[j]));
		if (a->nmeasures) {
			fprintf(o->f, "static sx_measure %s[] = {\n",
			    S_name(o, measures[i], sizeof(measures[i])));
			for (size_t j = 0; j < a->nmeasures; j++) {
				const sx_measure *m = &a->measures[j];
				fputs("\t{ ", o->f);
				S_str(o->f, m->id);
				fputs(", ", o->f);
				S_str(o->f, m->name);
				fprintf(o->f, ", %d, ", m->line);
				if (m->area)
					fprintf(o->f, "&%s[%td], ", areas, m->area - r->areas);
				else
					fputs("NULL, ", o->f);
				S_ref(o, cells[j], m->ncells);
				fputs(" },\n", o->f);
			}
			fputs("};\n", o->f);
		}
		free(cells);
	}
	fprintf(o->f, "static sx_area %s[%zu] = {\n", areas, r->nareas);
	for (size_t i = 0; i < r->nareas; i++) {
		fputs("\t{ ", o->f);
		S_str(o->f, r->areas[i].id);
		fputs(", ", o->f);
		S_str(o->f, r->areas[i].name);
		fputs(", ", o->f);
		S_ref(o, measures[i], r->areas[i].nmeasures);
		fputs(" },\n", o->f);
	}
	fputs("};\n", o->f);
	free(measures);
}

static void
S_strs_line(FILE *f, const char *const *v, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		fputs("\n\t", f);
		S_str(f, v[k]);
		fputc(',', f);
	}
}

int
sx_modelc_regulation(FILE *f, const sx_regulation *r, const char *name)
{
	struct S_out o = { f, name, 0 };
	char articles[64], tables[64], dims[64], areas[64], remarks[64];

	snprintf(areas, sizeof(areas), "%s_areas", name);
	S_articles(&o, r, articles, sizeof(articles));
	S_tables(&o, r, tables, sizeof(tables));
	S_dims(&o, r, dims, sizeof(dims));
	S_areas(&o, r, areas);
	S_numbered_arr(&o, r->baseline_remarks, r->nbaseline_remarks, remarks, sizeof(remarks));
	fprintf(f, "static sx_regulation %s = {\n\tNULL,", name);
	const char *const head[] = { r->id, r->title, r->amendment, r->version, r->issuer,
		r->source, r->remark };
	S_strs_line(f, head, sizeof(head) / sizeof(head[0]));
	fputs("\n\t", f);
	S_ref(&o, articles, r->narticles);
	fputs(",\n\t", f);
	S_ref(&o, tables, r->ntables);
	fputc(',', f);
	const char *const grading[] = { r->grading_label, r->grading_title, r->grading_remark };
	S_strs_line(f, grading, 3);
	fputs("\n\t", f);
	S_ref(&o, dims, r->ndims);
	fputc(',', f);
	const char *const baseline[] = { r->baseline_label, r->baseline_title };
	S_strs_line(f, baseline, 2);
	fputs("\n\t", f);
	S_ref(&o, areas, r->nareas);
	fputs(",\n\t", f);
	S_ref(&o, remarks, r->nbaseline_remarks);
	fputs(", 0\n};\n", f);
	return ferror(f) ? -1 : 0;
}
