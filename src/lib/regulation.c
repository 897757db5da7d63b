/* regulation.c: the 分級辦法 document → model (articles, 附表一～八, 附表九, 附表十). */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "model.h"
#include "xmlsafe.h"

static size_t
S_count(xmlNodePtr el, const char *name)
{
	size_t n = 0;

	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c))
		n += sx_xml_is(c, name);
	return n;
}

static void
S_numbered_push(sx_numbered **v, size_t *n, xmlNodePtr el)
{
	*v = sx_realloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].n = sx_xml_attr(el, "n");
	(*v)[*n].text = sx_xml_content(el);
	(*n)++;
}

/* A block: plain text, or <item n> children. */
static void
S_block_parse(sx_block *b, xmlNodePtr el)
{
	if (sx_xml_first_el(el) == NULL) {
		b->v = sx_calloc(1, sizeof(sx_numbered));
		b->v[0].text = sx_xml_content(el);
		b->n = 1;
		return;
	}
	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c))
		S_numbered_push(&b->v, &b->n, c);
}

static void
S_numbered_free(sx_numbered *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].n);
		free(v[i].text);
	}
	free(v);
}

static unsigned
S_grades_parse(const char *s)
{
	unsigned bits = 0;

	if (s == NULL)
		return 0;
	if (strstr(s, "high"))
		bits |= 1u << SECANNEX_GRADE_HIGH;
	if (strstr(s, "medium"))
		bits |= 1u << SECANNEX_GRADE_MEDIUM;
	if (strstr(s, "normal"))
		bits |= 1u << SECANNEX_GRADE_NORMAL;
	return bits;
}

static void
S_article_parse(sx_article *a, xmlNodePtr el)
{
	char *num = sx_xml_attr(el, "number");

	a->number = num ? (int)strtol(num, NULL, 10) : 0;
	free(num);
	a->label = sx_xml_attr(el, "label");
	a->paras = sx_calloc(S_count(el, "para"), sizeof(sx_para));
	for (xmlNodePtr p = sx_xml_first_el(el); p; p = sx_xml_next_el(p)) {
		sx_para *pa = &a->paras[a->nparas++];
		for (xmlNodePtr c = sx_xml_first_el(p); c; c = sx_xml_next_el(c)) {
			if (sx_xml_is(c, "lead"))
				pa->lead = sx_xml_content(c);
			else
				S_numbered_push(&pa->items, &pa->nitems, c);
		}
	}
}

static void
S_table_parse(sx_duty_table *t, xmlNodePtr el)
{
	char *level = sx_xml_attr(el, "level"), *kind = sx_xml_attr(el, "kind");
	size_t nd = 0;

	t->id = sx_xml_attr(el, "id");
	t->label = sx_xml_attr(el, "label");
	t->line = xmlGetLineNo(el);
	t->level = level ? level[0] - 'A' : 0;
	t->kind = kind && strcmp(kind, "special") == 0 ? SX_DUTY_SPECIAL :
	    kind && strcmp(kind, "all") == 0 ? SX_DUTY_ALL : SX_DUTY_PUBLIC;
	free(level);
	free(kind);
	for (xmlNodePtr a = sx_xml_first_el(el); a; a = sx_xml_next_el(a))
		if (sx_xml_is(a, "aspect"))
			nd += S_count(a, "duty");
	t->duties = sx_calloc(nd, sizeof(sx_duty));
	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "title")) {
			t->title = sx_xml_content(c);
		} else if (sx_xml_is(c, "remark")) {
			S_numbered_push(&t->remarks, &t->nremarks, c);
		} else if (sx_xml_is(c, "aspect")) {
			char *aspect = sx_xml_attr(c, "name");
			for (xmlNodePtr u = sx_xml_first_el(c); u; u = sx_xml_next_el(u)) {
				sx_duty *du = &t->duties[t->nduties++];
				du->name = sx_xml_attr(u, "name");
				du->aspect = sx_strdup(aspect);
				du->details = sx_calloc(S_count(u, "detail"), sizeof(sx_detail));
				for (xmlNodePtr x = sx_xml_first_el(u); x; x = sx_xml_next_el(x)) {
					if (sx_xml_is(x, "content")) {
						S_block_parse(&du->content, x);
					} else {
						sx_detail *de = &du->details[du->ndetails++];
						xmlNodePtr cc = sx_xml_first_el(x);
						de->name = sx_xml_attr(x, "name");
						if (cc)
							S_block_parse(&de->content, cc);
					}
				}
			}
			free(aspect);
		}
	}
}

static void
S_grading_parse(sx_regulation *r, xmlNodePtr el)
{
	r->grading_label = sx_xml_attr(el, "label");
	r->dims = sx_calloc(S_count(el, "dimension"), sizeof(sx_dimension));
	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "title")) {
			r->grading_title = sx_xml_content(c);
		} else if (sx_xml_is(c, "remark")) {
			r->grading_remark = sx_xml_content(c);
		} else if (sx_xml_is(c, "dimension")) {
			sx_dimension *dm = &r->dims[r->ndims++];
			dm->id = sx_xml_attr(c, "id");
			dm->name = sx_xml_attr(c, "name");
			for (xmlNodePtr l = sx_xml_first_el(c); l; l = sx_xml_next_el(l)) {
				char *g = sx_xml_attr(l, "grade");
				unsigned bits = S_grades_parse(g);
				for (int k = 0; k < 3; k++)
					if (bits & (1u << k)) {
						free(dm->text[k]);
						dm->text[k] = sx_xml_content(l);
					}
				free(g);
			}
		}
	}
}

static void
S_cell_parse(sx_cell *ce, xmlNodePtr el)
{
	char *g = sx_xml_attr(el, "grades");

	ce->grades = S_grades_parse(g);
	free(g);
	ce->entries = sx_calloc(S_count(el, "control") + S_count(el, "include"), sizeof(sx_entry));
	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "none")) {
			ce->none = 1;
			ce->none_text = sx_xml_content(c);
		} else {
			sx_entry *en = &ce->entries[ce->nentries++];
			en->is_include = sx_xml_is(c, "include");
			en->n = sx_xml_attr(c, "n");
			en->text = sx_xml_content(c);
			if (en->is_include) {
				char *ig = sx_xml_attr(c, "grades");
				en->include_grades = S_grades_parse(ig);
				free(ig);
			}
		}
	}
}

static void
S_baseline_parse(sx_regulation *r, xmlNodePtr el)
{
	r->baseline_label = sx_xml_attr(el, "label");
	r->areas = sx_calloc(S_count(el, "area"), sizeof(sx_area));
	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "title")) {
			r->baseline_title = sx_xml_content(c);
		} else if (sx_xml_is(c, "remark")) {
			S_numbered_push(&r->baseline_remarks, &r->nbaseline_remarks, c);
		} else if (sx_xml_is(c, "area")) {
			sx_area *ar = &r->areas[r->nareas++];
			ar->id = sx_xml_attr(c, "id");
			ar->name = sx_xml_attr(c, "name");
			ar->measures = sx_calloc(S_count(c, "measure"), sizeof(sx_measure));
			for (xmlNodePtr m = sx_xml_first_el(c); m; m = sx_xml_next_el(m)) {
				sx_measure *me = &ar->measures[ar->nmeasures++];
				me->id = sx_xml_attr(m, "id");
				me->name = sx_xml_attr(m, "name");
				me->line = xmlGetLineNo(m);
				me->area = ar;
				me->cells = sx_calloc(S_count(m, "cell"), sizeof(sx_cell));
				for (xmlNodePtr ce = sx_xml_first_el(m); ce; ce = sx_xml_next_el(ce))
					S_cell_parse(&me->cells[me->ncells++], ce);
			}
		}
	}
}

sx_regulation *
sx_regulation_from_doc(xmlDocPtr doc, const char *path, secannex_diags *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	sx_regulation *r = sx_calloc(1, sizeof(*r));

	(void)d;
	r->path = sx_strdup(path);
	r->id = sx_xml_attr(root, "id");
	for (xmlNodePtr c = sx_xml_first_el(root); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "meta")) {
			for (xmlNodePtr m = sx_xml_first_el(c); m; m = sx_xml_next_el(m)) {
				char **slot = sx_xml_is(m, "title") ? &r->title :
				    sx_xml_is(m, "amendment") ? &r->amendment :
				    sx_xml_is(m, "version") ? &r->version :
				    sx_xml_is(m, "issuer") ? &r->issuer :
				    sx_xml_is(m, "source") ? &r->source : &r->remark;
				free(*slot);
				*slot = sx_xml_content(m);
			}
		} else if (sx_xml_is(c, "articles")) {
			r->articles = sx_calloc(S_count(c, "article"), sizeof(sx_article));
			for (xmlNodePtr a = sx_xml_first_el(c); a; a = sx_xml_next_el(a)) {
				sx_article *ar = &r->articles[r->narticles++];
				S_article_parse(ar, a);
			}
		} else if (sx_xml_is(c, "duties")) {
			r->tables = sx_calloc(S_count(c, "table"), sizeof(sx_duty_table));
			for (xmlNodePtr t = sx_xml_first_el(c); t; t = sx_xml_next_el(t))
				S_table_parse(&r->tables[r->ntables++], t);
		} else if (sx_xml_is(c, "grading")) {
			S_grading_parse(r, c);
		} else if (sx_xml_is(c, "baseline")) {
			S_baseline_parse(r, c);
		}
	}
	return r;
}

static void
S_block_free(sx_block *b)
{
	S_numbered_free(b->v, b->n);
}

/* 附表十's areas, their measures, cells and entries. */
static void
S_areas_free(sx_area *areas, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sx_area *a = &areas[i];
		for (size_t j = 0; j < a->nmeasures; j++) {
			sx_measure *m = &a->measures[j];
			for (size_t k = 0; k < m->ncells; k++) {
				sx_cell *ce = &m->cells[k];
				for (size_t e = 0; e < ce->nentries; e++) {
					free(ce->entries[e].n);
					free(ce->entries[e].text);
				}
				free(ce->entries);
				free(ce->none_text);
			}
			free(m->cells);
			free(m->id);
			free(m->name);
		}
		free(a->measures);
		free(a->id);
		free(a->name);
	}
	free(areas);
}

sx_regulation *
sx_regulation_embedded(const sx_regulation *m, const char *path)
{
	sx_regulation *r = sx_malloc(sizeof(*r));

	*r = *m;
	r->path = sx_strdup(path);
	r->embedded = 1;
	return r;
}

void
sx_regulation_free(sx_regulation *r)
{
	if (r == NULL)
		return;
	if (r->embedded) {
		free(r->path);
		free(r);
		return;
	}
	for (size_t i = 0; i < r->narticles; i++) {
		sx_article *a = &r->articles[i];
		for (size_t j = 0; j < a->nparas; j++) {
			free(a->paras[j].lead);
			S_numbered_free(a->paras[j].items, a->paras[j].nitems);
		}
		free(a->paras);
		free(a->label);
	}
	free(r->articles);
	for (size_t i = 0; i < r->ntables; i++) {
		sx_duty_table *t = &r->tables[i];
		for (size_t j = 0; j < t->nduties; j++) {
			sx_duty *du = &t->duties[j];
			for (size_t k = 0; k < du->ndetails; k++) {
				free(du->details[k].name);
				S_block_free(&du->details[k].content);
			}
			free(du->details);
			S_block_free(&du->content);
			free(du->name);
			free(du->aspect);
		}
		free(t->duties);
		S_numbered_free(t->remarks, t->nremarks);
		free(t->id);
		free(t->label);
		free(t->title);
	}
	free(r->tables);
	for (size_t i = 0; i < r->ndims; i++) {
		free(r->dims[i].id);
		free(r->dims[i].name);
		for (int k = 0; k < 3; k++)
			free(r->dims[i].text[k]);
	}
	free(r->dims);
	S_areas_free(r->areas, r->nareas);
	S_numbered_free(r->baseline_remarks, r->nbaseline_remarks);
	free(r->grading_label);
	free(r->grading_title);
	free(r->grading_remark);
	free(r->baseline_label);
	free(r->baseline_title);
	free(r->path);
	free(r->id);
	free(r->title);
	free(r->amendment);
	free(r->version);
	free(r->issuer);
	free(r->source);
	free(r->remark);
	free(r);
}

