/* table.c: the 修正對照表 of a catalog or annex diff (修正規定 | 現行規定 | 說明): one row per changed row,
 * its generated 說明 and the reviewer's own (--explain), as a document, Markdown and JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "diag.h"
#include "diff.h"
#include "docs.h"
#include "json.h"
#include "render.h"
#include "xmlsafe.h"

/* A metadata value this short (in bytes) is quoted in the 說明; a longer one is only named. */
#define S_QUOTE_MAX 60

/* One row of the table. */
typedef struct S_entry {
	const char *change;    /* "metadata", "added", "deleted", "modified" */
	char *key;             /* "metadata", NEW's row id, "deleted:OLD-ID" */
	const sx_delta *x;     /* NULL: the metadata row */
	sx_dtext cell;         /* OLD's cell to NEW's, part by part (ids and names compared whole) */
	char **pts;            /* the generated 說明 */
	size_t npts;
	const sx_explain *ex;  /* the reviewer's, or NULL */
	double pos;            /* NEW's order; a deleted row after the row that preceded it in OLD */
	size_t seq;
} S_entry;

typedef struct S_tab {
	const secannex_diff *d;
	S_entry *v;
	size_t n;
} S_tab;

/* ---- cells: OLD's and NEW's text as one character diff ---- */

/* What a cell is written from: both sides, or one (ONLY: SX_OP_INS for a row that only NEW has,
 * SX_OP_DEL for one that only OLD has; every part of it is then that side's). */
typedef struct S_cw {
	sx_dtext *d;
	int only;
} S_cw;

static void
S_put(sx_dtext *d, int op, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	if (len == 0)
		return;
	if (d->n && (int)d->v[d->n - 1].op == op) {
		sx_dseg *g = &d->v[d->n - 1];
		size_t old = strlen(g->text);
		g->text = sx_realloc(g->text, old + len + 1);
		memcpy(g->text + old, s, len + 1);
		return;
	}
	d->v = sx_realloc(d->v, (d->n + 1) * sizeof(*d->v));
	d->v[d->n].op = (enum sx_op)op;
	d->v[d->n++].text = sx_strdup(s);
}

static void
S_same(S_cw *c, const char *s)
{
	S_put(c->d, c->only ? c->only : SX_OP_SAME, s);
}

/* A part compared whole (an id, a name, a mark): O is OLD's, N NEW's (NULL: none). */
static void
S_whole(S_cw *c, const char *o, const char *n)
{
	if (c->only) {
		S_put(c->d, c->only, c->only == SX_OP_INS ? n : o);
	} else if (sx_streq(o, n)) {
		S_put(c->d, SX_OP_SAME, o);
	} else {
		S_put(c->d, SX_OP_DEL, o);
		S_put(c->d, SX_OP_INS, n);
	}
}

/* A part compared character by character (words and ids whole: sx_textdiff). */
static void
S_chars(S_cw *c, const char *o, const char *n)
{
	sx_dtext t;

	if (c->only) {
		S_whole(c, o, n);
		return;
	}
	sx_textdiff(&t, o ? o : "", n ? n : "");
	for (size_t i = 0; i < t.n; i++)
		S_put(c->d, t.v[i].op, t.v[i].text);
	sx_dtext_free(&t);
}

/* A line "LABEL TEXT" that either side may lack (NULL); on one side only it is inserted or deleted
 * whole; WHOLE: TEXT compared whole. */
static void
S_line(S_cw *c, const char *label, const char *o, const char *n, int whole)
{
	char *lo, *ln;

	if (c->only ? (c->only == SX_OP_INS ? n : o) == NULL : (o == NULL && n == NULL))
		return;
	if (c->only || (o && n)) {
		S_same(c, "\n");
		S_same(c, label);
		if (whole)
			S_whole(c, o, n);
		else
			S_chars(c, o, n);
		return;
	}
	lo = o ? sx_aprintf("\n%s%s", label, o) : NULL;
	ln = n ? sx_aprintf("\n%s%s", label, n) : NULL;
	S_whole(c, lo, ln);
	free(lo);
	free(ln);
}

/* A grade's mark with its tier: ●(A級). */
static char *
S_mark(const sx_item *it, int g)
{
	return sx_aprintf("%s%s%s%s", sx_mark_symbols[it->mark[g]], it->tier[g] ? "(" : "",
	    it->tier[g] ? it->tier[g] : "", it->tier[g] ? ")" : "");
}

/* A row's 附表十 areas by name (ids without a regulation): 「存取控制、系統與資訊完整性」; NULL: none. */
static char *
S_areas(const sx_item *it, const secannex_catalog *cat)
{
	sx_buf b = SX_BUF_INIT;

	for (size_t k = 0; k < it->nareas; k++) {
		const sx_area *ar = cat->reg ? sx_area_find(cat->reg, it->areas[k]) : NULL;
		sx_buf_printf(&b, "%s%s", k ? "、" : "", ar ? ar->name : it->areas[k]);
	}
	return it->nareas ? sx_buf_detach(&b) : NULL;
}

/* A catalog row: 【id】type／group, the text, the marks, the note, the 附表十 areas. */
static void
S_item_cell(S_cw *c, const secannex_diff *d, const sx_item *o, const sx_item *n)
{
	char *to = sx_rich_plain(&o->text), *tn = sx_rich_plain(&n->text);
	char *no = sx_item_note(o), *nn = sx_item_note(n);
	char *ao = S_areas(o, d->old_cat), *an = S_areas(n, d->new_cat);

	S_same(c, "【");
	S_whole(c, o->id, n->id);
	S_same(c, "】");
	S_whole(c, o->type->name, n->type->name);
	S_same(c, "／");
	S_whole(c, o->group->name, n->group->name);
	S_same(c, "\n");
	S_chars(c, to, tn);
	S_same(c, "\n");
	for (int g = 2; g >= 0; g--) {
		char *mo = S_mark(o, g), *mn = S_mark(n, g);
		S_same(c, g < 2 ? "　" : "");
		S_same(c, sx_grade_zh[g]);
		S_whole(c, mo, mn);
		free(mo);
		free(mn);
	}
	S_line(c, "備註：", no, nn, 0);
	S_line(c, "附表十：", ao, an, 1);
	free(to);
	free(tn);
	free(no);
	free(nn);
	free(ao);
	free(an);
}

/* A row of an annex: 【id】group, the text, the mark at the tender's grade, the status, the note. */
static void
S_row_cell(S_cw *c, const secannex_diff *d, const sx_row *o, const sx_row *n)
{
	S_same(c, "【");
	S_whole(c, o->item->id, n->item->id);
	S_same(c, "】");
	S_whole(c, o->item->group->name, n->item->group->name);
	S_same(c, "\n");
	S_chars(c, o->text, n->text);
	S_same(c, "\n標記：");
	S_whole(c, sx_mark_symbols[o->mark], sx_mark_symbols[n->mark]);
	S_same(c, "（等級「");
	S_whole(c, sx_grade_zh[d->old_res->grade], sx_grade_zh[d->new_res->grade]);
	S_same(c, "」）\n辦理情形：");
	S_whole(c, sx_status_zh[o->status], sx_status_zh[n->status]);
	S_line(c, "備註：", o->note, n->note, 0);
}

/* ---- the metadata row ---- */

/* What a metadata field or tender fact is called: 版本, 系統防護需求等級, 標記「●」之說明. */
static char *
S_meta_label(const secannex_diff *d, const char *field)
{
	static const char *const cat[][2] = {
		{ "title", "名稱" }, { "edition", "版次" }, { "version", "版本" }, { "issuer", "發布機關" },
		{ "source", "來源" }, { "remark", "備考" }, { "header_note", "類型說明" },
	};
	static const char *const annex[][2] = {
		{ "agency", "機關" }, { "case", "案號" }, { "title", "案名" }, { "date", "日期" },
	};

	if (d->kind == SX_DIFF_CATALOG) {
		for (size_t i = 0; i < sizeof(cat) / sizeof(cat[0]); i++)
			if (strcmp(cat[i][0], field) == 0)
				return sx_strdup(cat[i][1]);
		if (strncmp(field, "legend ", 7) == 0)
			return sx_aprintf("標記「%s」之說明", field + 7);
		if (strncmp(field, "type ", 5) == 0)
			return sx_aprintf("類型「%s」之名稱", field + 5);
		return sx_strdup(field);
	}
	for (int f = 0; f < SX_FACT__COUNT; f++)
		if (strcmp(sx_fact_names[f], field) == 0)
			return sx_strdup(sx_fact_zh[f]);
	for (size_t i = 0; i < sizeof(annex) / sizeof(annex[0]); i++)
		if (strcmp(annex[i][0], field) == 0)
			return sx_strdup(annex[i][1]);
	return sx_strdup(field);
}

/* A tender fact's value in words: yes → 是, public → 公務機關, a type id → its name. */
static const char *
S_meta_value(const secannex_diff *d, const sx_meta_delta *m, int new_side)
{
	const char *v = new_side ? m->new : m->old;

	if (v == NULL || d->kind != SX_DIFF_ANNEX)
		return v;
	if (m->fact == SX_FACT_TYPE)
		return (new_side ? d->new_res : d->old_res)->type->name;
	if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0)
		return v[0] == 'y' ? "是" : "否";
	if (m->fact == SX_FACT_KIND)
		return sx_kind_zh[strcmp(v, "special") == 0];
	return v;
}

static void
S_meta_cell(S_cw *c, const secannex_diff *d)
{
	S_same(c, d->kind == SX_DIFF_CATALOG ? "【基本資料】" : "【招標基本資料】");
	for (size_t i = 0; i < d->nmeta; i++) {
		char *label = S_meta_label(d, d->meta[i].field), *l = sx_aprintf("%s：", label);
		S_line(c, l, S_meta_value(d, &d->meta[i], 0), S_meta_value(d, &d->meta[i], 1), 0);
		free(label);
		free(l);
	}
}

/* ---- the generated 說明 ---- */

static void
S_point(S_entry *e, char *text)
{
	e->pts = sx_realloc(e->pts, (e->npts + 1) * sizeof(char *));
	e->pts[e->npts++] = text;
}

static int
S_quotable(const char *s)
{
	return s && strlen(s) <= S_QUOTE_MAX && strchr(s, '\n') == NULL;
}

/* 「LABEL由「OLD」修正為「NEW」。」, or 「增訂LABEL。」, 「刪除LABEL。」, 「LABEL修正。」; PRE before it. */
static char *
S_changed(const char *pre, const char *label, const char *o, const char *n)
{
	if (o == NULL)
		return sx_aprintf("%s增訂%s。", pre, label);
	if (n == NULL)
		return sx_aprintf("%s刪除%s。", pre, label);
	if (S_quotable(o) && S_quotable(n))
		return sx_aprintf("%s%s由「%s」修正為「%s」。", pre, label, o, n);
	return sx_aprintf("%s%s修正。", pre, label);
}

static void
S_meta_points(S_entry *e, const secannex_diff *d)
{
	for (size_t i = 0; i < d->nmeta; i++) {
		char *label = S_meta_label(d, d->meta[i].field);
		S_point(e, S_changed("", label, S_meta_value(d, &d->meta[i], 0),
		    S_meta_value(d, &d->meta[i], 1)));
		free(label);
	}
}

/* A row's conditions in the words of `show`: 「責任等級C級以上機關為必要」; 「（無）」 when none. */
static char *
S_cond_words(const sx_item *it)
{
	sx_buf b = SX_BUF_INIT;
	int first = 1;

	for (int k = 0; k < SX_COND__COUNT; k++)
		if (it->conds & SX_COND_BIT(k)) {
			sx_buf_puts(&b, first ? "" : "；");
			sx_cond_say(&b, sx_cond_kinds[k].words, NULL, it);
			first = 0;
		}
	if (first)
		sx_buf_puts(&b, "（無）");
	return sx_buf_detach(&b);
}

/* Where a row was: 「由「X」子項移列。」, with the type when it was another. */
static char *
S_moved(const sx_item *o, const sx_item *n)
{
	if (strcmp(o->type->id, n->type->id) != 0)
		return sx_aprintf("由「%s」類型「%s」子項移列。", o->type->name, o->group->name);
	return sx_aprintf("由「%s」子項移列。", o->group->name);
}

static void
S_mark_points(S_entry *e, const sx_item *o, const sx_item *n)
{
	for (int g = 2; g >= 0; g--) {
		char *mo = S_mark(o, g), *mn = S_mark(n, g);
		if (strcmp(mo, mn) != 0)
			S_point(e, sx_aprintf("等級「%s」之標記由%s修正為%s。", sx_grade_zh[g], mo, mn));
		free(mo);
		free(mn);
	}
}

static void
S_item_points(S_entry *e, const secannex_diff *d, const sx_delta *x)
{
	unsigned ch = x->changes;

	if (ch & (SX_CH_TYPE | SX_CH_GROUP))
		S_point(e, S_moved(x->old, x->new));
	if (ch & SX_CH_ID)
		S_point(e, sx_aprintf("項次調整（原 %s）。", x->old->id));
	if (ch & SX_CH_TEXT)
		S_point(e, sx_strdup("文字修正。"));
	if (ch & (SX_CH_MARKS | SX_CH_TIERS))
		S_mark_points(e, x->old, x->new);
	if (ch & SX_CH_NOTE) {
		char *no = sx_item_note(x->old), *nn = sx_item_note(x->new);
		S_point(e, !no ? sx_strdup("增訂備註。") : !nn ? sx_strdup("刪除備註。") :
		    sx_strdup("備註修正。"));
		free(no);
		free(nn);
	}
	if (ch & SX_CH_CONDS) {
		char *co = S_cond_words(x->old), *cn = S_cond_words(x->new);
		S_point(e, S_changed("", "適用條件", co, cn));
		free(co);
		free(cn);
	}
	if (ch & SX_CH_AREAS) {
		char *ao = S_areas(x->old, d->old_cat), *an = S_areas(x->new, d->new_cat);
		S_point(e, S_changed("", "引用附表十之控制措施", ao ? ao : "（無）", an ? an : "（無）"));
		free(ao);
		free(an);
	}
}

/* The facts that changed an annex row: 「配合系統防護需求等級由「中」修正為「高」。」 */
static void
S_cause_points(S_entry *e, const secannex_diff *d, unsigned causes)
{
	for (int f = 0; f < SX_FACT__COUNT; f++) {
		const sx_meta_delta *m = NULL;
		char *label;
		if (!(causes & (1u << f)))
			continue;
		if (f == SX_FACT_DECISION) {
			S_point(e, sx_strdup("配合機關之決定修正。"));
			continue;
		}
		for (size_t i = 0; i < d->nmeta && !m; i++)
			if (d->meta[i].fact == f)
				m = &d->meta[i];
		label = sx_strdup(sx_fact_zh[f]);
		S_point(e, m ? S_changed("配合", label, S_meta_value(d, m, 0), S_meta_value(d, m, 1)) :
		    sx_aprintf("配合%s修正。", label));
		free(label);
	}
}

static void
S_row_points(S_entry *e, const secannex_diff *d, const sx_delta *x)
{
	unsigned ch = x->changes;

	if (ch & SX_CH_GROUP)
		S_point(e, S_moved(x->old, x->new));
	if (ch & SX_CH_ID)
		S_point(e, sx_aprintf("項次調整（原 %s）。", x->old->id));
	if (ch & SX_CH_STATUS)
		S_point(e, sx_aprintf("辦理情形由「%s」修正為「%s」。", sx_status_zh[x->old_row->status],
		    sx_status_zh[x->new_row->status]));
	if (ch & SX_CH_TEXT)
		S_point(e, sx_strdup("文字修正。"));
	if (ch & SX_CH_NOTE)
		S_point(e, sx_strdup(!x->old_row->note ? "增訂備註。" : !x->new_row->note ? "刪除備註。" :
		    "備註修正。"));
}

/* ---- the rows, in NEW's order ---- */

/* The position of NEW's row IT among all rows of NEW. */
static double
S_new_pos(const sx_procurement *p, const sx_item *it)
{
	size_t k = 0;

	for (size_t i = 0; i < p->ntypes && &p->types[i] != it->type; i++)
		k += p->types[i].nitems;
	return (double)(k + it->index);
}

/* A deleted row's place: after NEW's row that the nearest preceding row of its type became; else
 * before its type's first row in NEW; else at the end. */
static double
S_deleted_pos(const secannex_diff *d, const sx_item *o)
{
	const sx_procurement *np = d->new_cat->proc;
	const sx_type *nt;

	for (size_t k = o->index; k-- > 0;) {
		const char *nid = sx_diff_new_id(d, o->type->items[k].id);
		const sx_item *ni = nid ? sx_item_find(np, nid) : NULL;
		if (ni)
			return S_new_pos(np, ni) + 0.5;
	}
	nt = sx_type_find(np, o->type->id);
	if (nt && nt->nitems)
		return S_new_pos(np, &nt->items[0]) - 0.5;
	return 1e9 + S_new_pos(d->old_cat->proc, o);
}

static S_entry *
S_add(S_tab *t, const char *change, const sx_delta *x)
{
	S_entry *e;

	t->v = sx_realloc(t->v, (t->n + 1) * sizeof(*t->v));
	e = &t->v[t->n];
	memset(e, 0, sizeof(*e));
	e->change = change;
	e->x = x;
	e->seq = t->n++;
	return e;
}

/* The entry of delta X (a changed catalog or annex row). */
static void
S_add_delta(S_tab *t, const sx_delta *x)
{
	const secannex_diff *d = t->d;
	S_entry *e = S_add(t, x->kind == SX_DELTA_ADDED ? "added" : x->kind == SX_DELTA_DELETED ?
	    "deleted" : "modified", x);
	S_cw c = { &e->cell, x->kind == SX_DELTA_ADDED ? SX_OP_INS : x->kind == SX_DELTA_DELETED ?
	    SX_OP_DEL : 0 };
	const sx_item *o = x->old ? x->old : x->new, *n = x->new ? x->new : x->old;

	e->key = x->new ? sx_strdup(x->new->id) : sx_aprintf("deleted:%s", x->old->id);
	e->pos = x->new ? S_new_pos(d->new_cat->proc, x->new) : S_deleted_pos(d, x->old);
	if (x->kind != SX_DELTA_MODIFIED)
		S_point(e, sx_strdup(x->kind == SX_DELTA_ADDED ? "本項新增。" : "本項刪除。"));
	if (d->kind == SX_DIFF_CATALOG) {
		S_item_cell(&c, d, o, n);
		if (x->kind == SX_DELTA_MODIFIED)
			S_item_points(e, d, x);
		return;
	}
	S_row_cell(&c, d, x->old_row ? x->old_row : x->new_row, x->new_row ? x->new_row : x->old_row);
	if (x->kind == SX_DELTA_MODIFIED)
		S_row_points(e, d, x);
	S_cause_points(e, d, x->causes);
}

static int
S_cmp(const void *a, const void *b)
{
	const S_entry *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The table's rows: the metadata first, then every changed row (an annex row that differs only in
 * its generated reason is no change of the annex's text), in NEW's order. */
static void
S_tab_build(S_tab *t, const secannex_diff *d)
{
	memset(t, 0, sizeof(*t));
	t->d = d;
	if (d->nmeta) {
		S_entry *e = S_add(t, "metadata", NULL);
		S_cw c = { &e->cell, 0 };
		e->key = sx_strdup("metadata");
		e->pos = -1;
		S_meta_cell(&c, d);
		S_meta_points(e, d);
	}
	for (size_t i = 0; i < d->n; i++)
		if (!d->v[i].reason_only)
			S_add_delta(t, &d->v[i]);
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), S_cmp);
	for (size_t i = 0; i < t->n; i++)
		for (size_t k = 0; k < d->nexplain; k++)
			if (strcmp(d->explain[k].key, t->v[i].key) == 0)
				t->v[i].ex = &d->explain[k];
}

static void
S_tab_free(S_tab *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].key);
		sx_dtext_free(&t->v[i].cell);
		for (size_t k = 0; k < t->v[i].npts; k++)
			free(t->v[i].pts[k]);
		free(t->v[i].pts);
	}
	free(t->v);
}

/* ---- the three columns ---- */

/* One side of an entry's cell: NEW's (SAME and INS segments) or OLD's (SAME and DEL); a row on the
 * other side only is 「（無）」 (OLD) or 「（刪除）」 (NEW), with no segments. */
static char *
S_side(const S_entry *e, int new_side, sx_dtext *out)
{
	int absent = new_side ? strcmp(e->change, "deleted") == 0 : strcmp(e->change, "added") == 0;

	out->v = NULL;
	out->n = 0;
	if (absent)
		return sx_strdup(new_side ? "（刪除）" : "（無）");
	for (size_t i = 0; i < e->cell.n; i++)
		if (e->cell.v[i].op == SX_OP_SAME || e->cell.v[i].op == (new_side ? SX_OP_INS : SX_OP_DEL))
			S_put(out, e->cell.v[i].op, e->cell.v[i].text);
	return sx_dtext_side(&e->cell, new_side);
}

/* The 說明: the generated points, then the reviewer's, numbered 一、二、… */
static char *
S_why(const S_entry *e)
{
	sx_buf b = SX_BUF_INIT;
	size_t n = 0, total = e->npts + (e->ex ? e->ex->npoints : 0);
	char num[32];

	for (size_t i = 0; i < total; i++) {
		const char *p = i < e->npts ? e->pts[i] : e->ex->points[i - e->npts];
		sx_zh_num(num, sizeof(num), (unsigned)++n);
		sx_buf_printf(&b, "%s%s、%s", i ? "\n" : "", num, p);
	}
	return sx_buf_detach(&b);
}

/* The title: NEW's catalog title, or the tender's title and 資通安全需求附件, and 修正對照表. */
static char *
S_title(const secannex_diff *d)
{
	if (d->kind == SX_DIFF_CATALOG)
		return sx_aprintf("%s修正對照表", d->new_cat->proc->title);
	return sx_tender_title(d->new_res, "資通安全需求附件修正對照表");
}

/* Which versions are compared: 「修正規定：…；現行規定：…」. */
static char *
S_versions(const secannex_diff *d)
{
	const sx_procurement *op = d->old_cat->proc, *np = d->new_cat->proc;

	if (d->kind == SX_DIFF_CATALOG)
		return sx_aprintf("修正規定：%s%s；現行規定：%s%s", np->edition, np->version, op->edition,
		    op->version);
	return sx_aprintf("修正規定：案號%s（一覽表%s）；現行規定：案號%s（一覽表%s）",
	    d->new_res->fields[SX_F_CASE] ? d->new_res->fields[SX_F_CASE] : "（未填）", np->version,
	    d->old_res->fields[SX_F_CASE] ? d->old_res->fields[SX_F_CASE] : "（未填）", op->version);
}

#define S_LEGEND "修正規定欄加底線者為新增文字，現行規定欄加刪除線者為刪除文字。"

void
sx_build_table(sx_doc *a, const sx_doc_src *src)
{
	static const int w[] = { 950, 950, 670 };
	static const char *const head[] = { "修正規定", "現行規定", "說明" };
	char *title = S_title(src->diff), *v = S_versions(src->diff);
	sx_table *tb;
	S_tab t;

	S_tab_build(&t, src->diff);
	sx_doc_init(a, title, "修正對照表", src->epoch_set, src->epoch);
	a->landscape = 1;
	sx_doc_push(a, SX_BLK_TITLE, title);
	sx_doc_push(a, SX_BLK_NOTE, v);
	free(title);
	free(v);
	if (t.n == 0) {
		sx_doc_push(a, SX_BLK_PARA, "兩版本相同，無修正。");
		S_tab_free(&t);
		return;
	}
	sx_doc_push(a, SX_BLK_NOTE, S_LEGEND);
	tb = sx_doc_table(a, SX_TBL_GRID, 3, w, 1);
	tb->marked = 1;
	tb->mcells = sx_calloc((t.n + 1) * 3, sizeof(sx_dtext));
	sx_doc_row(tb, head);
	for (size_t i = 0; i < t.n; i++) {
		char *cells[3];
		cells[0] = S_side(&t.v[i], 1, &tb->mcells[(i + 1) * 3]);
		cells[1] = S_side(&t.v[i], 0, &tb->mcells[(i + 1) * 3 + 1]);
		cells[2] = S_why(&t.v[i]);
		sx_doc_row(tb, (const char *const *)cells);
		for (int k = 0; k < 3; k++)
			free(cells[k]);
	}
	S_tab_free(&t);
}

/* ---- Markdown and JSON ---- */

/* Text in a Markdown table cell: |, <, >, & escaped, a line break as <br> (sx_buf_md); OP marks it
 * (<ins>, ~~). */
static void
S_md_text(sx_buf *b, const char *s, int op)
{
	while (*s) {
		size_t n = strcspn(s, "\n");
		if (n && op)
			sx_buf_puts(b, op == SX_OP_INS ? "<ins>" : "~~");
		sx_buf_md(b, s, n);
		if (n && op)
			sx_buf_puts(b, op == SX_OP_INS ? "</ins>" : "~~");
		s += n;
		if (*s == '\n') {
			sx_buf_puts(b, "<br>");
			s++;
		}
	}
}

static void
S_md_side(sx_buf *b, const S_entry *e, int new_side)
{
	sx_dtext m;
	char *plain = S_side(e, new_side, &m);

	if (m.n == 0)
		S_md_text(b, plain, 0);
	for (size_t i = 0; i < m.n; i++)
		S_md_text(b, m.v[i].text, m.v[i].op);
	sx_dtext_free(&m);
	free(plain);
}

static void
S_md(sx_buf *b, const S_tab *t)
{
	char *title = S_title(t->d), *v = S_versions(t->d);

	sx_buf_puts(b, "# ");
	sx_buf_mds(b, title);
	sx_buf_puts(b, "\n\n");
	sx_buf_mds(b, v);
	sx_buf_puts(b, "\n\n");
	free(title);
	free(v);
	if (t->n == 0) {
		sx_buf_puts(b, "兩版本相同，無修正。\n");
		return;
	}
	sx_buf_puts(b, "修正規定欄 <ins>加底線</ins> 者為新增文字，現行規定欄 ~~加刪除線~~ 者為刪除文字。\n\n"
	    "| 修正規定 | 現行規定 | 說明 |\n|---|---|---|\n");
	for (size_t i = 0; i < t->n; i++) {
		char *why = S_why(&t->v[i]);
		sx_buf_puts(b, "| ");
		S_md_side(b, &t->v[i], 1);
		sx_buf_puts(b, " | ");
		S_md_side(b, &t->v[i], 0);
		sx_buf_puts(b, " | ");
		S_md_text(b, why, 0);
		sx_buf_puts(b, " |\n");
		free(why);
	}
}

static void
S_json_strs(sx_json *w, const char *key, char *const *v, size_t n)
{
	sx_json_key(w, key);
	sx_json_begin_array(w);
	for (size_t i = 0; i < n; i++)
		sx_json_str(w, v[i]);
	sx_json_end_array(w);
}

static void
S_json_entry(sx_json *w, const S_entry *e)
{
	const sx_item *it = e->x ? (e->x->new ? e->x->new : e->x->old) : NULL;
	int absent_new = strcmp(e->change, "deleted") == 0, absent_old = strcmp(e->change, "added") == 0;
	char *amended = sx_dtext_side(&e->cell, 1), *current = sx_dtext_side(&e->cell, 0);

	sx_json_begin_object(w);
	sx_json_kv_str(w, "key", e->key);
	sx_json_kv_str(w, "change", e->change);
	sx_json_kv_str(w, "type", it ? it->type->id : NULL);
	sx_json_kv_str(w, "group", it ? it->group->name : NULL);
	sx_json_kv_str(w, "new_id", e->x && e->x->new ? e->x->new->id : NULL);
	sx_json_kv_str(w, "old_id", e->x && e->x->old ? e->x->old->id : NULL);
	sx_json_kv_str(w, "amended", absent_new ? NULL : amended);
	sx_json_kv_str(w, "current", absent_old ? NULL : current);
	sx_json_key(w, "segments");
	sx_json_begin_array(w);
	for (size_t i = 0; i < e->cell.n; i++) {
		sx_json_begin_object(w);
		sx_json_kv_str(w, "op", e->cell.v[i].op == SX_OP_SAME ? "same" :
		    e->cell.v[i].op == SX_OP_INS ? "ins" : "del");
		sx_json_kv_str(w, "text", e->cell.v[i].text);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
	S_json_strs(w, "explanation", e->pts, e->npts);
	S_json_strs(w, "reviewer", e->ex ? e->ex->points : NULL, e->ex ? e->ex->npoints : 0);
	sx_json_end_object(w);
	free(amended);
	free(current);
}

static void
S_json(sx_buf *b, const S_tab *t)
{
	char *title = S_title(t->d);
	sx_json w;

	sx_json_init(&w, b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "format", "secannex-amendment-table/1");
	sx_json_kv_str(&w, "kind", t->d->kind == SX_DIFF_CATALOG ? "catalog" : "annex");
	sx_json_kv_str(&w, "title", title);
	sx_json_catalog_source(&w, "old", t->d->old_cat);
	sx_json_catalog_source(&w, "new", t->d->new_cat);
	sx_json_key(&w, "rows");
	sx_json_begin_array(&w);
	for (size_t i = 0; i < t->n; i++) {
		sx_json_newline(&w);
		S_json_entry(&w, &t->v[i]);
	}
	sx_json_end_array(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
	free(title);
}

void
sx_render_table(sx_buf *b, const secannex_diff *d, secannex_format fmt)
{
	S_tab t;

	S_tab_build(&t, d);
	if (fmt == SECANNEX_FORMAT_JSON)
		S_json(b, &t);
	else
		S_md(b, &t);
	S_tab_free(&t);
}

/* ---- the reviewer's 說明 (--explain) ---- */

/* Whether KEY names a row of the table; *SAME: it names a row of NEW that did not change (or the
 * metadata, when they did not change). */
static int
S_known(const S_tab *t, const char *key, int *same)
{
	const secannex_diff *d = t->d;
	const char *id = strncmp(key, "deleted:", 8) == 0 ? key + 8 : NULL;

	*same = 0;
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].key, key) == 0)
			return 1;
	/* deleted:ID names a deletion: a row of OLD that was not deleted is no row of the table */
	if (strcmp(key, "metadata") == 0)
		*same = 1;
	else if (id)
		*same = 0;
	else if (d->kind == SX_DIFF_CATALOG)
		*same = sx_item_find(d->new_cat->proc, key) != NULL;
	else
		for (size_t i = 0; i < d->new_res->nrows; i++)
			*same |= strcmp(d->new_res->rows[i].item->id, key) == 0;
	return 0;
}

/* One <row id="…"> of the file: checked against the table, its points appended to D. */
static int
S_explain_row(secannex_diff *d, const S_tab *t, xmlNodePtr row, const char *path, secannex_diags *dg)
{
	char *key = sx_xml_attr(row, "id");
	int line = (int)xmlGetLineNo(row), same, bad = 0;
	sx_explain *ex;

	for (size_t i = 0; i < d->nexplain; i++)
		if (strcmp(d->explain[i].key, key) == 0) {
			sx_diag(dg, SX_MSG_EXPLAIN_DUP, path, line, key, d->explain[i].line);
			free(key);
			return 1;
		}
	if (!S_known(t, key, &same)) {
		sx_diag(dg, same ? SX_MSG_EXPLAIN_SAME : SX_MSG_EXPLAIN_UNKNOWN, path, line, key);
		free(key);
		return 1;
	}
	d->explain = sx_realloc(d->explain, (d->nexplain + 1) * sizeof(*d->explain));
	ex = &d->explain[d->nexplain++];
	memset(ex, 0, sizeof(*ex));
	ex->key = key;
	ex->line = line;
	for (xmlNodePtr p = sx_xml_first_el(row); p; p = sx_xml_next_el(p)) {
		char *text = sx_xml_content(p);
		if (!sx_field_ok(text, "point", path, (int)xmlGetLineNo(p), dg))
			bad = 1;
		ex->points = sx_realloc(ex->points, (ex->npoints + 1) * sizeof(char *));
		ex->points[ex->npoints++] = text;
	}
	return bad;
}

int
secannex_diff_explain(secannex_diff *d, const char *path, const char *schema_dir, size_t max_bytes,
    secannex_diags *dg)
{
	xmlDocPtr doc = NULL;
	char *rng = sx_aprintf("%s/explain.rng", schema_dir);
	int rc, bad = 0;
	S_tab t;

	rc = sx_xml_read(&doc, path, max_bytes, dg);
	if (rc == 0)
		rc = sx_xml_validate(doc, path, rng, dg);
	if (rc == 0 && sx_xml_check_text(doc, path, dg) != 0)
		rc = SECANNEX_EINVALID;
	free(rng);
	if (rc != 0) {
		xmlFreeDoc(doc);
		return rc;
	}
	S_tab_build(&t, d);
	for (xmlNodePtr row = sx_xml_first_el(xmlDocGetRootElement(doc)); row; row = sx_xml_next_el(row))
		bad |= S_explain_row(d, &t, row, path, dg);
	S_tab_free(&t);
	xmlFreeDoc(doc);
	return bad ? SECANNEX_EINVALID : 0;
}
