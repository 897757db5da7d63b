/* catalog.c: the 一覽表 document → model (sx_procurement), and the catalog load/validate entry points. */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "cond.h"
#include "diag.h"
#include "model.h"
#include "xmlsafe.h"


static int
S_mark_parse(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s && strcmp(s, sx_mark_symbols[i]) == 0)
			return i;
	return SX_MARK_NA;
}

static int
S_blank_parse(const char *s)
{
	for (int i = 0; i < SX_BLANK__COUNT; i++)
		if (s && strcmp(s, sx_blank_names[i]) == 0)
			return i;
	return -1;
}

static void
S_rich_push(sx_rich *r, enum sx_seg_kind kind, char *s, int blank)
{
	r->v = sx_realloc(r->v, (r->n + 1) * sizeof(*r->v));
	r->v[r->n].kind = kind;
	r->v[r->n].s = s;
	r->v[r->n].blank = blank;
	r->n++;
}

/* Whether EL's attribute NAME is VALUE. */
static int
S_attr_is(xmlNodePtr el, const char *name, const char *value)
{
	char *v = sx_xml_attr(el, name);
	int is = v && strcmp(v, value) == 0;

	free(v);
	return is;
}

/* A note's audience="vendor|agency" (the schema requires it). */
static int
S_audience(xmlNodePtr el)
{
	return S_attr_is(el, "audience", sx_audience_names[SX_AUD_AGENCY]) ? SX_AUD_AGENCY :
	    SX_AUD_VENDOR;
}

/* Mixed content of <text>/<note>: text, <br/>, <blank name>. */
static void
S_rich_parse(sx_rich *r, xmlNodePtr el, const char *path, secannex_diags *d)
{
	for (xmlNodePtr n = el->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			S_rich_push(r, SX_SEG_TEXT, sx_strdup((const char *)n->content), 0);
		} else if (sx_xml_is(n, "br")) {
			S_rich_push(r, SX_SEG_BR, NULL, 0);
		} else if (sx_xml_is(n, "blank")) {
			char *name = sx_xml_attr(n, "name");
			int b = S_blank_parse(name);

			if (b < 0)
				sx_diag(d, SX_MSG_BLANK_NAME, path, xmlGetLineNo(n), name ? name : "");
			S_rich_push(r, SX_SEG_BLANK, sx_xml_content(n), b < 0 ? 0 : b);
			free(name);
		}
	}
}

static void
S_rich_free(sx_rich *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].s);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

/* <condition kind="…" [min="A-E"]/>: its kind's bit, and the minimum level where the kind has one. */
static void
S_condition_parse(sx_item *it, xmlNodePtr c, const char *path, secannex_diags *d)
{
	char *name = sx_xml_attr(c, "kind");
	int k = sx_cond_find(name);

	free(name);
	if (k < 0) /* the schema allows none */
		return;
	if (sx_cond_kinds[k].has_min) {
		char *m = sx_xml_attr(c, "min");
		it->level_min = m ? m[0] - 'A' : 0;
		free(m);
	}
	if (it->conds & SX_COND_BIT(k))
		sx_diag(d, SX_MSG_COND_DUP, path, xmlGetLineNo(c), it->id);
	it->conds |= SX_COND_BIT(k);
}

static void
S_item_parse(sx_item *it, xmlNodePtr el, const char *path, secannex_diags *d)
{
	it->id = sx_xml_attr(el, "id");
	it->line = xmlGetLineNo(el);
	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "text")) {
			S_rich_parse(&it->text, c, path, d);
		} else if (sx_xml_is(c, "marks") || sx_xml_is(c, "tiers")) {
			for (int i = 0; i < 3; i++) {
				char *v = sx_xml_attr(c, sx_grade_keys[i]);
				if (sx_xml_is(c, "marks")) {
					it->mark[i] = (enum sx_mark)S_mark_parse(v);
					free(v);
				} else {
					it->tier[i] = v;
				}
			}
		} else if (sx_xml_is(c, "note")) {
			S_rich_parse(&it->note, c, path, d);
			it->note_audience = S_audience(c);
			it->qualification = S_attr_is(c, "qualification", "yes");
		} else if (sx_xml_is(c, "condition")) {
			S_condition_parse(it, c, path, d);
		} else if (sx_xml_is(c, "baseline-area")) {
			it->areas = sx_realloc(it->areas, (it->nareas + 1) * sizeof(char *));
			it->areas[it->nareas++] = sx_xml_attr(c, "ref");
		}
	}
}

static size_t
S_count_children(xmlNodePtr el, const char *name)
{
	size_t n = 0;

	for (xmlNodePtr c = sx_xml_first_el(el); c; c = sx_xml_next_el(c))
		n += sx_xml_is(c, name);
	return n;
}

static void
S_type_parse(sx_type *t, xmlNodePtr el, const char *path, secannex_diags *d)
{
	size_t ng = S_count_children(el, "group"), ni = 0;

	t->id = sx_xml_attr(el, "id");
	t->name = sx_xml_attr(el, "name");
	t->pages = sx_xml_attr(el, "pages");
	t->line = xmlGetLineNo(el);
	for (xmlNodePtr g = sx_xml_first_el(el); g; g = sx_xml_next_el(g))
		ni += S_count_children(g, "item");
	t->groups = sx_calloc(ng, sizeof(sx_group));
	t->items = sx_calloc(ni, sizeof(sx_item));
	for (xmlNodePtr g = sx_xml_first_el(el); g; g = sx_xml_next_el(g)) {
		sx_group *gr = &t->groups[t->ngroups++];

		gr->name = sx_xml_attr(g, "name");
		gr->first = t->nitems;
		for (xmlNodePtr c = sx_xml_first_el(g); c; c = sx_xml_next_el(c)) {
			if (sx_xml_is(c, "note")) {
				S_rich_parse(&gr->note, c, path, d);
				gr->note_audience = S_audience(c);
			} else if (sx_xml_is(c, "item")) {
				sx_item *it = &t->items[t->nitems];
				it->index = t->nitems++;
				it->type = t;
				it->group = gr;
				S_item_parse(it, c, path, d);
			}
		}
		gr->count = t->nitems - gr->first;
	}
}

sx_procurement *
sx_procurement_from_doc(xmlDocPtr doc, const char *path, secannex_diags *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	sx_procurement *p = sx_calloc(1, sizeof(*p));

	p->path = sx_strdup(path);
	p->id = sx_xml_attr(root, "id");
	p->ntypes = 0;
	p->types = sx_calloc(S_count_children(root, "type"), sizeof(sx_type));
	for (xmlNodePtr c = sx_xml_first_el(root); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "meta")) {
			for (xmlNodePtr m = sx_xml_first_el(c); m; m = sx_xml_next_el(m)) {
				char **slot = sx_xml_is(m, "title") ? &p->title :
				    sx_xml_is(m, "edition") ? &p->edition :
				    sx_xml_is(m, "version") ? &p->version :
				    sx_xml_is(m, "issuer") ? &p->issuer :
				    sx_xml_is(m, "source") ? &p->source : &p->remark;
				free(*slot);
				*slot = sx_xml_content(m);
			}
		} else if (sx_xml_is(c, "legend")) {
			for (xmlNodePtr m = sx_xml_first_el(c); m; m = sx_xml_next_el(m)) {
				char *sym = sx_xml_attr(m, "symbol");
				int k = S_mark_parse(sym);
				free(sym);
				free(p->legend[k][0]);
				free(p->legend[k][1]);
				p->legend[k][0] = sx_xml_attr(m, "name");
				p->legend[k][1] = sx_xml_content(m);
			}
		} else if (sx_xml_is(c, "header-note")) {
			free(p->header_note);
			p->header_note = sx_xml_content(c);
		} else if (sx_xml_is(c, "type")) {
			S_type_parse(&p->types[p->ntypes++], c, path, d);
		}
	}
	sx_procurement_index(p);
	return p;
}

sx_procurement *
sx_procurement_embedded(const sx_procurement *m, const char *path)
{
	sx_procurement *p = sx_malloc(sizeof(*p));

	*p = *m;
	p->path = sx_strdup(path);
	p->index = NULL;
	p->embedded = 1;
	sx_procurement_index(p);
	return p;
}

void
sx_procurement_free(sx_procurement *p)
{
	if (p == NULL)
		return;
	if (p->embedded) {
		sx_procurement_index_free(p);
		free(p->path);
		free(p);
		return;
	}
	for (size_t i = 0; i < p->ntypes; i++) {
		sx_type *t = &p->types[i];
		for (size_t j = 0; j < t->nitems; j++) {
			sx_item *it = &t->items[j];
			free(it->id);
			S_rich_free(&it->text);
			S_rich_free(&it->note);
			for (int g = 0; g < 3; g++)
				free(it->tier[g]);
			for (size_t k = 0; k < it->nareas; k++)
				free(it->areas[k]);
			free(it->areas);
		}
		for (size_t j = 0; j < t->ngroups; j++) {
			free(t->groups[j].name);
			S_rich_free(&t->groups[j].note);
		}
		free(t->items);
		free(t->groups);
		free(t->id);
		free(t->name);
		free(t->pages);
	}
	free(p->types);
	sx_procurement_index_free(p);
	for (int k = 0; k < 4; k++) {
		free(p->legend[k][0]);
		free(p->legend[k][1]);
	}
	free(p->header_note);
	free(p->path);
	free(p->id);
	free(p->title);
	free(p->edition);
	free(p->version);
	free(p->issuer);
	free(p->source);
	free(p->remark);
	free(p);
}
