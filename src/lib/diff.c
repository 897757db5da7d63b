/* diff.c: builds the diff model: matches rows of two catalogs (by id, then by text similarity) or of two
 * resolutions (by id), and records what changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cond.h"
#include "diff.h"
#include "i18n.h"

/* the names of the changes and the facts (JSON's keys), marked for the terminal's text */
const char *const sx_change_names[SX_CH__LAST] = {
	N_("id"), N_("type"), N_("group"), N_("text"), N_("marks"), N_("tiers"), N_("note"),
	N_("conditions"), N_("baseline_areas"), N_("status"), N_("reason")
};

const char *const sx_fact_names[SX_FACT__COUNT] = {
	N_("catalog version"), N_("type"), N_("grade"), N_("baseline grade"), N_("agency level"),
	N_("agency kind"), N_("personal data"), N_("special procurement"), N_("scan-risk-level"),
	N_("decision")
};
const char *const sx_fact_zh[SX_FACT__COUNT] = {
	"一覽表版本", "採購類型", "系統防護需求等級", "防護基準等級", "機關資通安全責任等級", "機關類別",
	"涉及個人資料", "特殊或巨額採購", "弱點掃描報告風險等級", "機關之決定"
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

/* A changed metadata field or tender fact (FACT: enum sx_fact, or -1). */
static void
S_fact(secannex_diff *d, int fact, const char *field, const char *o, const char *n)
{
	sx_meta_delta *m;

	if (sx_streq(o, n))
		return;
	d->meta = sx_realloc(d->meta, (d->nmeta + 1) * sizeof(*d->meta));
	m = &d->meta[d->nmeta++];
	m->field = sx_strdup(field);
	m->old = o ? sx_strdup(o) : NULL;
	m->new = n ? sx_strdup(n) : NULL;
	m->fact = fact;
}

static void
S_meta(secannex_diff *d, const char *field, const char *o, const char *n)
{
	S_fact(d, -1, field, o, n);
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
sx_diff_new_id(const secannex_diff *d, const char *old_id)
{
	for (size_t i = 0; i < d->n; i++) {
		const sx_delta *x = &d->v[i];
		if (x->old && strcmp(x->old->id, old_id) == 0)
			return x->kind == SX_DELTA_DELETED ? NULL : x->new->id;
	}
	/* an unchanged row keeps its id (unless a renumbered row took it over) */
	if (sx_item_find(d->old_cat->proc, old_id) == NULL)
		return NULL;
	return sx_item_find(d->new_cat->proc, old_id) ? old_id : NULL;
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
	for (size_t i = 0; id && i < r->nrows; i++)
		if (strcmp(r->rows[i].item->id, id) == 0)
			return &r->rows[i];
	return NULL;
}

/* The tender facts of two resolutions. */
static void
S_annex_facts(secannex_diff *d, const secannex_resolution *o, const secannex_resolution *n)
{
	S_fact(d, SX_FACT_CATALOG, "catalog version", o->cat->proc->version, n->cat->proc->version);
	S_fact(d, SX_FACT_TYPE, "type", o->type->id, n->type->id);
	S_fact(d, SX_FACT_GRADE, "grade", sx_grade_zh[o->grade], sx_grade_zh[n->grade]);
	S_fact(d, SX_FACT_BASELINE, "baseline grade", sx_grade_zh[o->baseline], sx_grade_zh[n->baseline]);
	S_fact(d, SX_FACT_LEVEL, "agency level", sx_level_names[o->level], sx_level_names[n->level]);
	S_fact(d, SX_FACT_KIND, "agency kind", o->kind ? "special" : "public", n->kind ? "special" : "public");
	S_fact(d, SX_FACT_PERSONAL, "personal data", o->personal_data ? "yes" : "no",
	    n->personal_data ? "yes" : "no");
	S_fact(d, SX_FACT_SPECIAL, "special procurement", o->special ? "yes" : "no",
	    n->special ? "yes" : "no");
	for (int i = 0; i < SX_F__COUNT; i++)
		S_meta(d, sx_field_names[i], o->fields[i], n->fields[i]);
	S_fact(d, SX_FACT_SCAN_RISK, "scan-risk-level", o->blank_values[SX_BLANK_SCAN_RISK],
	    n->blank_values[SX_BLANK_SCAN_RISK]);
}

/* Whether rich text R holds blank B. */
static int
S_has_blank(const sx_rich *r, int b)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].kind == SX_SEG_BLANK && r->v[i].blank == b)
			return 1;
	return 0;
}

static int
S_same_decision(const sx_decision *a, const sx_decision *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->kind == b->kind && sx_streq(a->reason, b->reason);
}

/* The facts whose change made the printed text or the note of a row differ: the catalog's own text,
 * a blank filled with a changed value, a tier of another grade. */
static unsigned
S_text_causes(const secannex_resolution *o, const secannex_resolution *n, const sx_row *or,
    const sx_row *nr)
{
	static const struct { int blank, fact; } blanks[] = {
		{ SX_BLANK_SYSTEM_GRADE, SX_FACT_GRADE }, { SX_BLANK_BASELINE_GRADE, SX_FACT_BASELINE },
		{ SX_BLANK_SCAN_RISK, SX_FACT_SCAN_RISK }
	};
	const sx_item *oi = or->item, *ni = nr->item;
	char *to = sx_rich_plain(&oi->text), *tn = sx_rich_plain(&ni->text);
	char *no = sx_item_note(oi), *nn = sx_item_note(ni);
	unsigned c = 0;

	if (strcmp(to, tn) != 0 || !sx_streq(no, nn))
		c |= 1u << SX_FACT_CATALOG;
	if (!sx_streq(or->tier, nr->tier))
		c |= 1u << (o->grade != n->grade ? SX_FACT_GRADE : SX_FACT_CATALOG);
	for (size_t k = 0; k < sizeof(blanks) / sizeof(blanks[0]); k++)
		if ((S_has_blank(&ni->text, blanks[k].blank) || S_has_blank(&ni->note, blanks[k].blank)) &&
		    !sx_streq(o->blank_values[blanks[k].blank], n->blank_values[blanks[k].blank]))
			c |= 1u << blanks[k].fact;
	free(to);
	free(tn);
	free(no);
	free(nn);
	return c;
}

/* The facts whose change made a row's status differ. */
static unsigned
S_status_causes(const secannex_resolution *o, const secannex_resolution *n, const sx_row *or,
    const sx_row *nr)
{
	const sx_item *oi = or->item, *ni = nr->item;
	unsigned c = 0;

	if (!S_same_decision(or->decision, nr->decision))
		c |= 1u << SX_FACT_DECISION;
	if (oi->mark[o->grade] != oi->mark[n->grade])
		c |= 1u << SX_FACT_GRADE;
	if (oi->mark[n->grade] != ni->mark[n->grade] || !sx_cond_same(oi, ni))
		c |= 1u << SX_FACT_CATALOG;
	if ((or->rule == SX_RULE_COND_PERSONAL_DATA || nr->rule == SX_RULE_COND_PERSONAL_DATA) &&
	    o->personal_data != n->personal_data)
		c |= 1u << SX_FACT_PERSONAL;
	if ((or->rule == SX_RULE_COND_LEVEL || nr->rule == SX_RULE_COND_LEVEL) && o->level != n->level)
		c |= 1u << SX_FACT_LEVEL;
	if ((ni->conds & SX_COND_SPECIAL) && o->special != n->special)
		c |= 1u << SX_FACT_SPECIAL;
	return c;
}

/* Compare a row of both annexes; a delta when anything differs. */
static void
S_annex_row(secannex_diff *d, const sx_row *or, const sx_row *nr)
{
	const secannex_resolution *o = d->old_res, *n = d->new_res;
	unsigned ch = 0;
	sx_delta *x;

	if (strcmp(or->item->id, nr->item->id) != 0)
		ch |= SX_CH_ID;
	if (strcmp(or->item->group->name, nr->item->group->name) != 0)
		ch |= SX_CH_GROUP;
	if (or->status != nr->status)
		ch |= SX_CH_STATUS;
	if (strcmp(or->text, nr->text) != 0)
		ch |= SX_CH_TEXT;
	if (strcmp(or->reason, nr->reason) != 0)
		ch |= SX_CH_REASON;
	if (!sx_streq(or->note, nr->note))
		ch |= SX_CH_NOTE;
	if (!ch)
		return;
	x = S_push(d, SX_DELTA_MODIFIED);
	x->changes = ch;
	x->reason_only = ch == SX_CH_REASON;
	x->old_row = or;
	x->new_row = nr;
	x->old = or->item;
	x->new = nr->item;
	x->similarity = sx_similarity(or->text, nr->text);
	if (ch & SX_CH_STATUS)
		x->causes |= S_status_causes(o, n, or, nr);
	if (ch & (SX_CH_TEXT | SX_CH_NOTE))
		x->causes |= S_text_causes(o, n, or, nr);
	if (ch & (SX_CH_ID | SX_CH_GROUP))
		x->causes |= 1u << SX_FACT_CATALOG;
	if (ch & SX_CH_TEXT)
		sx_textdiff(&x->text, or->text, nr->text);
	if (ch & SX_CH_REASON)
		sx_textdiff(&x->reason, or->reason, nr->reason);
	if (ch & SX_CH_NOTE)
		sx_textdiff(&x->note, or->note ? or->note : "", nr->note ? nr->note : "");
}

/* What put a row in one annex only: another type, else another catalog. */
static unsigned
S_side_cause(const secannex_resolution *o, const secannex_resolution *n)
{
	return 1u << (strcmp(o->type->id, n->type->id) != 0 ? SX_FACT_TYPE : SX_FACT_CATALOG);
}

int
secannex_diff_annexes(secannex_diff **out, const secannex_resolution *o, const secannex_resolution *n)
{
	secannex_diff *d = sx_calloc(1, sizeof(*d)), *cd = NULL;
	char *used = sx_calloc(o->nrows ? o->nrows : 1, 1);

	d->kind = SX_DIFF_ANNEX;
	d->old_res = o;
	d->new_res = n;
	d->old_cat = o->cat;
	d->new_cat = n->cat;
	S_annex_facts(d, o, n);
	/* rows are matched as the catalogs' rows are: a renumbered row follows its text */
	if (o->cat->proc != n->cat->proc)
		secannex_diff_catalogs(&cd, o->cat, n->cat);
	for (size_t j = 0; j < n->nrows; j++) {
		const sx_row *nr = &n->rows[j];
		const sx_row *or = S_row_of(o, cd ? sx_diff_old_id(cd, nr->item->id) : nr->item->id);
		sx_delta *x;

		if (or == NULL) {
			x = S_push(d, SX_DELTA_ADDED);
			x->new_row = nr;
			x->new = nr->item;
			x->causes = S_side_cause(o, n);
			continue;
		}
		used[or - o->rows] = 1;
		S_annex_row(d, or, nr);
	}
	for (size_t i = 0; i < o->nrows; i++)
		if (!used[i]) {
			sx_delta *x = S_push(d, SX_DELTA_DELETED);
			x->old_row = &o->rows[i];
			x->old = o->rows[i].item;
			x->causes = S_side_cause(o, n);
		}
	secannex_diff_free(cd);
	free(used);
	*out = d;
	return 0;
}

size_t
sx_diff_reason_only(const secannex_diff *d)
{
	size_t k = 0;

	for (size_t i = 0; i < d->n; i++)
		k += d->v[i].reason_only;
	return k;
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
	for (size_t i = 0; i < d->nexplain; i++) {
		for (size_t k = 0; k < d->explain[i].npoints; k++)
			free(d->explain[i].points[k]);
		free(d->explain[i].points);
		free(d->explain[i].key);
	}
	free(d->explain);
	free(d);
}
