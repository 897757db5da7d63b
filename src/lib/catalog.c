/* catalog.c: the 一覽表 document → model (sx_procurement), and the catalog load/validate entry points. */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "cond.h"
#include "diag.h"
#include "model.h"
#include "xmlsafe.h"

const char *const sx_mark_symbols[4] = { "●", "◎", "▲", "-" };
const char *const sx_blank_names[SX_BLANK__COUNT] = {
	"scan-risk-level", "system-grade", "baseline-grade"
};
const char *const sx_level_names[5] = { "A", "B", "C", "D", "E" };

#define NS_PROCUREMENT "urn:secannex:procurement:1"
#define NS_REGULATION "urn:secannex:regulation:1"

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
			static const char *g[3] = { "normal", "medium", "high" };
			for (int i = 0; i < 3; i++) {
				char *v = sx_xml_attr(c, g[i]);
				if (sx_xml_is(c, "marks")) {
					it->mark[i] = (enum sx_mark)S_mark_parse(v);
					free(v);
				} else {
					it->tier[i] = v;
				}
			}
		} else if (sx_xml_is(c, "note")) {
			S_rich_parse(&it->note, c, path, d);
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
	return p;
}

void
sx_procurement_free(sx_procurement *p)
{
	if (p == NULL)
		return;
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

/* ---- loading ---- */

enum S_doc_kind { S_DOC_UNKNOWN, S_DOC_PROCUREMENT, S_DOC_REGULATION };

static enum S_doc_kind
S_doc_kind(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	const char *ns;

	if (root == NULL || root->ns == NULL)
		return S_DOC_UNKNOWN;
	ns = (const char *)root->ns->href;
	if (sx_xml_is(root, "catalog") && strcmp(ns, NS_PROCUREMENT) == 0)
		return S_DOC_PROCUREMENT;
	if (sx_xml_is(root, "regulation") && strcmp(ns, NS_REGULATION) == 0)
		return S_DOC_REGULATION;
	return S_DOC_UNKNOWN;
}

/* Read PATH, check its kind is WANT (or any when S_DOC_UNKNOWN), validate it, check its text.
 * On success *DOC is the parsed document and the return is its kind. */
static int
S_read_valid(xmlDocPtr *out, const char *path, enum S_doc_kind want, const char *schema_dir,
    size_t max, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	enum S_doc_kind kind;
	char *rng = NULL;
	int rc;

	*out = NULL;
	if ((rc = sx_xml_read(&doc, path, max, d)) != 0)
		goto done;
	kind = S_doc_kind(doc);
	if (kind == S_DOC_UNKNOWN || (want != S_DOC_UNKNOWN && kind != want)) {
		root = xmlDocGetRootElement(doc);
		sx_diag(d, SX_MSG_ROOT, path, root ? xmlGetLineNo(root) : 1,
		    root && root->ns ? (const char *)root->ns->href : "",
		    root ? (const char *)root->name : "",
		    want == S_DOC_PROCUREMENT ? "a secannex 一覽表 catalog {" NS_PROCUREMENT "}catalog" :
		    want == S_DOC_REGULATION ? "a secannex 分級辦法 {" NS_REGULATION "}regulation" :
		    "a secannex <catalog> or <regulation>");
		rc = SECANNEX_EINVALID;
		goto done;
	}
	rng = sx_aprintf("%s/%s", schema_dir,
	    kind == S_DOC_PROCUREMENT ? "procurement.rng" : "regulation.rng");
	if ((rc = sx_xml_validate(doc, path, rng, d)) != 0)
		goto done;
	if (sx_xml_check_text(doc, path, d) > 0) {
		rc = SECANNEX_EINVALID;
		goto done;
	}
	*out = doc;
	doc = NULL;
	rc = (int)kind;
done:
	free(rng);
	if (doc)
		xmlFreeDoc(doc);
	return rc;
}

int
secannex_catalog_load(secannex_catalog **out, const secannex_load_opts *opts,
    secannex_diags *d)
{
	secannex_catalog *cat = sx_calloc(1, sizeof(*cat));
	xmlDocPtr pdoc = NULL, rdoc = NULL;
	size_t before = d->n;
	int rc = 0;

	*out = NULL;
	if (opts->regulation_path) {
		rc = S_read_valid(&rdoc, opts->regulation_path, S_DOC_REGULATION, opts->schema_dir,
		    opts->max_bytes, d);
		if (rc < 0)
			goto done;
		cat->reg = sx_regulation_from_doc(rdoc, opts->regulation_path, d);
		sx_regulation_check(cat->reg, d);
	}
	if (opts->procurement_path) {
		rc = S_read_valid(&pdoc, opts->procurement_path, S_DOC_PROCUREMENT, opts->schema_dir,
		    opts->max_bytes, d);
		if (rc < 0)
			goto done;
		cat->proc = sx_procurement_from_doc(pdoc, opts->procurement_path, d);
		sx_procurement_check(cat->proc, cat->reg, d);
	}
	rc = sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
	if (rc == 0) {
		*out = cat;
		cat = NULL;
	}
done:
	if (pdoc)
		xmlFreeDoc(pdoc);
	if (rdoc)
		xmlFreeDoc(rdoc);
	secannex_catalog_free(cat);
	return rc;
}

void
secannex_catalog_free(secannex_catalog *cat)
{
	if (cat == NULL)
		return;
	sx_procurement_free(cat->proc);
	sx_regulation_free(cat->reg);
	free(cat);
}

int
secannex_validate_file(const char *path, const char *schema_dir, size_t max_bytes,
    const secannex_catalog *ref, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	size_t before = d->n;
	int kind;

	kind = S_read_valid(&doc, path, S_DOC_UNKNOWN, schema_dir, max_bytes, d);
	if (kind < 0)
		return kind;
	if (kind == S_DOC_PROCUREMENT) {
		sx_procurement *p = sx_procurement_from_doc(doc, path, d);
		sx_procurement_check(p, ref ? ref->reg : NULL, d);
		sx_procurement_free(p);
	} else {
		sx_regulation *r = sx_regulation_from_doc(doc, path, d);
		sx_regulation_check(r, d);
		sx_regulation_free(r);
	}
	xmlFreeDoc(doc);
	return sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
}
