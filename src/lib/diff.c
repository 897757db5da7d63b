/* diff.c: builds the diff model: matches rows of two catalogs (by id, then by text similarity) or of two
 * resolutions (by id), and records what changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cond.h"
#include "diff.h"

const char *const sx_change_names[SX_CH__LAST] = {
	"id", "type", "group", "text", "marks", "tiers", "note", "conditions", "baseline_areas",
	"status", "reason"
};

/* Rows whose texts are at least this similar may be matched when their ids differ. */
#define SIMILAR 0.6

int
sx_streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
S_meta(secannex_diff *d, const char *field, const char *o, const char *n)
{
	sx_meta_delta *m;

	if (sx_streq(o, n))
		return;
	d->meta = sx_realloc(d->meta, (d->nmeta + 1) * sizeof(*d->meta));
	m = &d->meta[d->nmeta++];
	m->field = sx_strdup(field);
	m->old = o ? sx_strdup(o) : NULL;
	m->new = n ? sx_strdup(n) : NULL;
}

static sx_delta *
S_push(secannex_diff *d, enum sx_delta_kind kind)
{
	sx_delta *x;

	d->v = sx_realloc(d->v, (d->n + 1) * sizeof(*d->v));
	x = &d->v[d->n++];
	memset(x, 0, sizeof(*x));
	x->kind = kind;
	return x;
}

/* All rows of a catalog, in order. */
static const sx_item **
S_items(const sx_procurement *p, size_t *n)
{
	const sx_item **v;
	size_t k = 0;

	*n = 0;
	for (size_t i = 0; i < p->ntypes; i++)
		*n += p->types[i].nitems;
	v = sx_malloc((*n ? *n : 1) * sizeof(*v));
	for (size_t i = 0; i < p->ntypes; i++)
		for (size_t j = 0; j < p->types[i].nitems; j++)
			v[k++] = &p->types[i].items[j];
	return v;
}

static void
S_compare_items(sx_delta *x, const sx_item *o, const sx_item *n)
{
	char *to = sx_rich_plain(&o->text), *tn = sx_rich_plain(&n->text);
	char *no = sx_item_note(o), *nn = sx_item_note(n);

	if (strcmp(o->id, n->id) != 0)
		x->changes |= SX_CH_ID;
	if (strcmp(o->type->id, n->type->id) != 0)
		x->changes |= SX_CH_TYPE;
	if (strcmp(o->group->name, n->group->name) != 0)
		x->changes |= SX_CH_GROUP;
	if (strcmp(to, tn) != 0) {
		x->changes |= SX_CH_TEXT;
		sx_textdiff(&x->text, to, tn);
	}
	for (int g = 0; g < 3; g++) {
		if (o->mark[g] != n->mark[g])
			x->changes |= SX_CH_MARKS;
		if (!sx_streq(o->tier[g], n->tier[g]))
			x->changes |= SX_CH_TIERS;
	}
	if (!sx_streq(no, nn)) {
		x->changes |= SX_CH_NOTE;
		sx_textdiff(&x->note, no ? no : "", nn ? nn : "");
	}
	if (!sx_cond_same(o, n))
		x->changes |= SX_CH_CONDS;
	if (o->nareas != n->nareas) {
		x->changes |= SX_CH_AREAS;
	} else {
		for (size_t k = 0; k < o->nareas; k++)
			if (strcmp(o->areas[k], n->areas[k]) != 0)
				x->changes |= SX_CH_AREAS;
	}
	x->similarity = sx_similarity(to, tn);
	free(to);
	free(tn);
	free(no);
	free(nn);
}

/* The catalog's metadata and type names. */
static void
S_catalog_meta(secannex_diff *d, const sx_procurement *op, const sx_procurement *np)
{
	char f[96];

	S_meta(d, "title", op->title, np->title);
	S_meta(d, "edition", op->edition, np->edition);
	S_meta(d, "version", op->version, np->version);
	S_meta(d, "issuer", op->issuer, np->issuer);
	S_meta(d, "source", op->source, np->source);
	S_meta(d, "remark", op->remark, np->remark);
	S_meta(d, "header_note", op->header_note, np->header_note);
	for (int k = 0; k < 4; k++) {
		snprintf(f, sizeof(f), "legend %s", sx_mark_symbols[k]);
		S_meta(d, f, op->legend[k][1], np->legend[k][1]);
	}
	/* types: added, removed, renamed */
	for (size_t i = 0; i < op->ntypes; i++) {
		const sx_type *nt = sx_type_find(np, op->types[i].id);
		snprintf(f, sizeof(f), "type %s", op->types[i].id);
		S_meta(d, f, op->types[i].name, nt ? nt->name : NULL);
	}
	for (size_t i = 0; i < np->ntypes; i++)
		if (sx_type_find(op, np->types[i].id) == NULL) {
			snprintf(f, sizeof(f), "type %s", np->types[i].id);
			S_meta(d, f, NULL, np->types[i].name);
		}
}

/* The rows of both catalogs and the matching so far. */
typedef struct S_match {
	const sx_item **ov, **nv;   /* all rows of OLD and of NEW, in order */
	size_t no, nn;
	const sx_item **old_of;     /* per NEW row: the OLD row it is matched to, or NULL */
	char *used;                 /* per OLD row: matched */
} S_match;

static void
S_pair(S_match *m, size_t i, size_t j)
{
	m->old_of[j] = m->ov[i];
	m->used[i] = 1;
}

/* 1. same id, same text; 2. same text (a renumbered row); 3. same id, a similar text */
static void
S_match_by_id_and_text(S_match *m)
{
	for (int pass = 1; pass <= 3; pass++)
		for (size_t j = 0; j < m->nn; j++) {
			char *tb = m->old_of[j] ? NULL : sx_rich_plain(&m->nv[j]->text);
			for (size_t i = 0; tb && i < m->no; i++) {
				char *ta;
				int same_id = strcmp(m->ov[i]->id, m->nv[j]->id) == 0, ok;
				if (m->used[i] || (pass != 2 && !same_id))
					continue;
				ta = sx_rich_plain(&m->ov[i]->text);
				ok = pass == 3 ? sx_similarity(ta, tb) >= SIMILAR : strcmp(ta, tb) == 0;
				free(ta);
				if (ok) {
					S_pair(m, i, j);
					break;
				}
			}
			free(tb);
		}
}

/* 4. the rest by text similarity: every unmatched pair scored once, then the best pairs first */
static void
S_match_by_similarity(S_match *m)
{
	size_t no = m->no, nn = m->nn;
	double *sim = sx_calloc((nn ? nn : 1) * (no ? no : 1), sizeof(double));
	char **to = sx_calloc(no ? no : 1, sizeof(char *));

	for (size_t i = 0; i < no; i++)
		if (!m->used[i])
			to[i] = sx_rich_plain(&m->ov[i]->text);
	for (size_t j = 0; j < nn; j++) {
		char *tn;
		if (m->old_of[j])
			continue;
		tn = sx_rich_plain(&m->nv[j]->text);
		for (size_t i = 0; i < no; i++)
			if (to[i])
				sim[j * no + i] = sx_similarity(to[i], tn);
		free(tn);
	}
	for (;;) {
		double best = -1;
		size_t bi = 0, bj = 0;
		for (size_t j = 0; j < nn; j++) {
			if (m->old_of[j])
				continue;
			for (size_t i = 0; i < no; i++)
				if (to[i] && !m->used[i] && sim[j * no + i] >= SIMILAR &&
				    sim[j * no + i] > best) {
					best = sim[j * no + i];
					bi = i;
					bj = j;
				}
		}
		if (best < 0)
			break;
		S_pair(m, bi, bj);
	}
	for (size_t i = 0; i < no; i++)
		free(to[i]);
	free(to);
	free(sim);
}

/* 5. what is left with the same id: the row was rewritten */
static void
S_match_rewritten(S_match *m)
{
	for (size_t j = 0; j < m->nn; j++)
		for (size_t i = 0; !m->old_of[j] && i < m->no; i++)
			if (!m->used[i] && strcmp(m->ov[i]->id, m->nv[j]->id) == 0)
				S_pair(m, i, j);
}

/* The deltas in NEW's order, then the deleted rows in OLD's order. */
static void
S_row_deltas(secannex_diff *d, const S_match *m)
{
	for (size_t j = 0; j < m->nn; j++) {
		sx_delta tmp, *x;

		if (m->old_of[j] == NULL) {
			x = S_push(d, SX_DELTA_ADDED);
			x->new = m->nv[j];
			continue;
		}
		memset(&tmp, 0, sizeof(tmp));
		S_compare_items(&tmp, m->old_of[j], m->nv[j]);
		if (tmp.changes) {
			x = S_push(d, SX_DELTA_MODIFIED);
			*x = tmp;
			x->kind = SX_DELTA_MODIFIED;
			x->old = m->old_of[j];
			x->new = m->nv[j];
		} else {
			sx_dtext_free(&tmp.text);
			sx_dtext_free(&tmp.note);
		}
	}
	for (size_t i = 0; i < m->no; i++)
		if (!m->used[i]) {
			sx_delta *x = S_push(d, SX_DELTA_DELETED);
			x->old = m->ov[i];
		}
}

int
secannex_diff_catalogs(secannex_diff **out, const secannex_catalog *oc, const secannex_catalog *nc)
{
	secannex_diff *d = sx_calloc(1, sizeof(*d));
	S_match m;

	d->kind = SX_DIFF_CATALOG;
	d->old_cat = oc;
	d->new_cat = nc;
	S_catalog_meta(d, oc->proc, nc->proc);
	m.ov = S_items(oc->proc, &m.no);
	m.nv = S_items(nc->proc, &m.nn);
	m.old_of = sx_calloc(m.nn ? m.nn : 1, sizeof(*m.old_of));
	m.used = sx_calloc(m.no ? m.no : 1, 1);
	S_match_by_id_and_text(&m);
	S_match_by_similarity(&m);
	S_match_rewritten(&m);
	S_row_deltas(d, &m);
	free(m.ov);
	free(m.nv);
	free(m.old_of);
	free(m.used);
	*out = d;
	return 0;
}

const char *
sx_diff_old_id(const secannex_diff *d, const char *new_id)
{
	for (size_t i = 0; i < d->n; i++) {
		const sx_delta *x = &d->v[i];
		if (x->new && strcmp(x->new->id, new_id) == 0)
			return x->kind == SX_DELTA_ADDED ? NULL : x->old->id;
	}
	/* unchanged rows keep their id */
	return sx_item_find(d->old_cat->proc, new_id) ? new_id : NULL;
}

size_t
secannex_profile_map_to_old(secannex_profile *p, const secannex_diff *d)
{
	size_t dropped = 0, k = 0;

	if (d->kind != SX_DIFF_CATALOG)
		return 0;
	for (size_t i = 0; i < p->ndec; i++) {
		sx_decision *dc = &p->dec[i];
		const char *old_id = sx_item_find(d->new_cat->proc, dc->ref) ?
		    sx_diff_old_id(d, dc->ref) : dc->ref;
		if (old_id == NULL) { /* a row that only NEW has */
			free(dc->ref);
			free(dc->reason);
			free(dc->origin);
			dropped++;
			continue;
		}
		if (strcmp(old_id, dc->ref) != 0) {
			free(dc->ref);
			dc->ref = sx_strdup(old_id);
		}
		p->dec[k++] = *dc;
	}
	p->ndec = k;
	return dropped;
}

static const sx_row *
S_row_of(const secannex_resolution *r, const char *id)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (strcmp(r->rows[i].item->id, id) == 0)
			return &r->rows[i];
	return NULL;
}

int
secannex_diff_annexes(secannex_diff **out, const secannex_resolution *o, const secannex_resolution *n)
{
	secannex_diff *d = sx_calloc(1, sizeof(*d));

	d->kind = SX_DIFF_ANNEX;
	d->old_res = o;
	d->new_res = n;
	d->old_cat = o->cat;
	d->new_cat = n->cat;
	S_meta(d, "catalog version", o->cat->proc->version, n->cat->proc->version);
	S_meta(d, "type", o->type->id, n->type->id);
	S_meta(d, "grade", sx_grade_zh[o->grade], sx_grade_zh[n->grade]);
	S_meta(d, "baseline grade", sx_grade_zh[o->baseline], sx_grade_zh[n->baseline]);
	S_meta(d, "agency level", sx_level_names[o->level], sx_level_names[n->level]);
	S_meta(d, "agency kind", o->kind ? "special" : "public", n->kind ? "special" : "public");
	S_meta(d, "personal data", o->personal_data ? "yes" : "no", n->personal_data ? "yes" : "no");
	S_meta(d, "special procurement", o->special ? "yes" : "no", n->special ? "yes" : "no");
	for (int i = 0; i < SX_F__COUNT; i++)
		S_meta(d, sx_field_names[i], o->fields[i], n->fields[i]);
	S_meta(d, "scan-risk-level", o->blank_values[SX_BLANK_SCAN_RISK],
	    n->blank_values[SX_BLANK_SCAN_RISK]);

	for (size_t j = 0; j < n->nrows; j++) {
		const sx_row *nr = &n->rows[j], *or = S_row_of(o, nr->item->id);
		sx_delta *x;
		unsigned ch = 0;

		if (or == NULL) {
			x = S_push(d, SX_DELTA_ADDED);
			x->new_row = nr;
			x->new = nr->item;
			continue;
		}
		if (or->status != nr->status)
			ch |= SX_CH_STATUS;
		if (strcmp(or->text, nr->text) != 0)
			ch |= SX_CH_TEXT;
		if (strcmp(or->reason, nr->reason) != 0)
			ch |= SX_CH_REASON;
		if (!sx_streq(or->note, nr->note))
			ch |= SX_CH_NOTE;
		if (!ch)
			continue;
		x = S_push(d, SX_DELTA_MODIFIED);
		x->changes = ch;
		x->old_row = or;
		x->new_row = nr;
		x->old = or->item;
		x->new = nr->item;
		if (ch & SX_CH_TEXT)
			sx_textdiff(&x->text, or->text, nr->text);
		if (ch & SX_CH_REASON)
			sx_textdiff(&x->reason, or->reason, nr->reason);
		if (ch & SX_CH_NOTE)
			sx_textdiff(&x->note, or->note ? or->note : "", nr->note ? nr->note : "");
	}
	for (size_t i = 0; i < o->nrows; i++)
		if (S_row_of(n, o->rows[i].item->id) == NULL) {
			sx_delta *x = S_push(d, SX_DELTA_DELETED);
			x->old_row = &o->rows[i];
			x->old = o->rows[i].item;
		}
	*out = d;
	return 0;
}

size_t
secannex_diff_count(const secannex_diff *d)
{
	return d ? d->n + d->nmeta : 0;
}

void
secannex_diff_free(secannex_diff *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->nmeta; i++) {
		free(d->meta[i].field);
		free(d->meta[i].old);
		free(d->meta[i].new);
	}
	free(d->meta);
	for (size_t i = 0; i < d->n; i++) {
		sx_dtext_free(&d->v[i].text);
		sx_dtext_free(&d->v[i].note);
		sx_dtext_free(&d->v[i].reason);
	}
	free(d->v);
	free(d);
}
