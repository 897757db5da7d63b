/* redline.c: merges an OLD and a NEW document model into one with tracked changes (blocks and table
 * rows aligned by key, changed text diffed by character), for annex and catalog redlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "pkg.h"
#include "diag.h"
#include "diff.h"

/* ---- keys ---- */

/* The key of a heading: its text after the section number (「二、應辦理事項」 → 應辦理事項), cut
 * at the first （ so that a changed grade in the appendix title still matches. */
static char *
S_heading_key(const char *text)
{
	const char *p = strstr(text, "、"), *end;

	p = p ? p + strlen("、") : text;
	end = strstr(p, "（");
	return end ? sx_strndup(p, (size_t)(end - p)) : sx_strdup(p);
}

/* Keys of every block: explicit, or the kind, the section and the ordinal within the section. */
static char **
S_block_keys(const sx_doc *a)
{
	char **k = sx_calloc(a->n ? a->n : 1, sizeof(char *));
	char *section = sx_strdup("");
	int ord = 0;

	for (size_t i = 0; i < a->n; i++) {
		const sx_ablock *b = &a->v[i];
		sx_buf s = SX_BUF_INIT;

		if (b->key) {
			k[i] = sx_strdup(b->key);
			if (b->kind == SX_BLK_HEADING) {
				free(section);
				section = sx_strdup(b->key);
				ord = 0;
			}
			continue;
		}
		switch (b->kind) {
		case SX_BLK_TITLE:
			sx_buf_puts(&s, "title");
			break;
		case SX_BLK_HEADING:
			free(section);
			section = S_heading_key(b->text);
			ord = 0;
			sx_buf_printf(&s, "H:%s", section);
			break;
		case SX_BLK_SUBHEADING: {
			/* 「（一）…」: the text without its number */
			const char *p = b->text, *q = strstr(p, "）");
			if (strncmp(p, "（", strlen("（")) == 0 && q)
				p = q + strlen("）");
			sx_buf_printf(&s, "S:%s:%s", section, p);
			break;
		}
		case SX_BLK_PARA:
		case SX_BLK_NOTE:
			sx_buf_printf(&s, "P:%s:%d", section, ++ord);
			break;
		case SX_BLK_TABLE:
			sx_buf_printf(&s, "T:%s:%d:%zu", section, ++ord, b->table->ncols);
			break;
		}
		k[i] = sx_buf_detach(&s);
	}
	free(section);
	return k;
}

/* Row keys: explicit, the header rows, the row id of a 依據 column, else the first cell. */
static char **
S_row_keys(const sx_table *t)
{
	char **k = sx_calloc(t->nrows ? t->nrows : 1, sizeof(char *));
	size_t src = t->ncols;

	for (size_t c = 0; t->nheader && c < t->ncols; c++)
		if (strcmp(t->cells[c], "依據") == 0)
			src = c;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *cell;
		sx_buf s = SX_BUF_INIT;
		if (t->keys) {
			k[r] = sx_strdup(t->keys[r]);
			continue;
		}
		if (r < t->nheader) {
			sx_buf_printf(&s, "#h%zu", r);
		} else {
			cell = t->cells[r * t->ncols + (src < t->ncols ? src : 0)];
			sx_buf_put(&s, cell, strcspn(cell, "\n"));
		}
		k[r] = sx_buf_detach(&s);
	}
	return k;
}

/* Align two key sequences (a shortest edit: textdiff.c).  Writes the merged order into OUT as
 * pairs (i, j): i < 0 for an insertion, j < 0 for a deletion; returns the number of pairs. */
static size_t
S_align(char **ka, size_t na, char **kb, size_t nb, long (*out)[2])
{
	sx_span *a = sx_malloc((na + 1) * sizeof(*a)), *b = sx_malloc((nb + 1) * sizeof(*b));
	size_t n;

	for (size_t i = 0; i < na; i++)
		a[i].p = ka[i], a[i].n = strlen(ka[i]);
	for (size_t j = 0; j < nb; j++)
		b[j].p = kb[j], b[j].n = strlen(kb[j]);
	n = sx_align(a, na, b, nb, out);
	free(a);
	free(b);
	return n;
}

static void
S_free_keys(char **k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(k[i]);
	free(k);
}

static sx_dtext *
S_diff_new(const char *a, const char *b)
{
	sx_dtext *d = sx_calloc(1, sizeof(*d));

	sx_textdiff(d, a, b);
	return d;
}

/* Merge two tables with the same columns: rows aligned by key; matched rows diffed cell by cell.
 * Vertical merges (vspan) are not carried: rows inserted or deleted would break a merge, so every
 * row of a redline prints its own text (the merged table's vspan stays NULL). */
static void
S_merge_table(sx_doc *r, const sx_table *o, const sx_table *n)
{
	char **ko = S_row_keys(o), **kn = S_row_keys(n);
	long (*pairs)[2] = sx_malloc((o->nrows + n->nrows + 1) * sizeof(*pairs));
	size_t np = S_align(ko, o->nrows, kn, n->nrows, pairs);
	sx_table *t = sx_doc_table(r, n->kind, n->ncols, n->width_mm, 0);

	t->row_change = sx_calloc(np ? np : 1, sizeof(int));
	t->mcells = sx_calloc((np ? np : 1) * n->ncols, sizeof(sx_dtext));
	for (size_t p = 0; p < np; p++) {
		long i = pairs[p][0], j = pairs[p][1];
		const sx_table *src = j >= 0 ? n : o;
		size_t row = (size_t)(j >= 0 ? j : i);
		size_t at = t->nrows;

		sx_doc_row(t, (const char *const *)&src->cells[row * src->ncols]);
		if (j >= 0 && (size_t)j < n->nheader && i >= 0)
			t->nheader = at + 1;
		if (i >= 0 && j >= 0) {
			for (size_t c = 0; c < n->ncols; c++)
				sx_textdiff(&t->mcells[at * n->ncols + c], o->cells[(size_t)i * o->ncols + c],
				    n->cells[(size_t)j * n->ncols + c]);
		} else {
			t->row_change[at] = i >= 0 ? SX_OP_DEL : SX_OP_INS;
		}
	}
	free(pairs);
	S_free_keys(ko, o->nrows);
	S_free_keys(kn, n->nrows);
}

static void
S_copy_block(sx_doc *r, const sx_ablock *b, int change)
{
	if (b->table) {
		sx_table *t = sx_doc_table(r, b->table->kind, b->table->ncols, b->table->width_mm,
		    b->table->nheader);
		for (size_t row = 0; row < b->table->nrows; row++)
			sx_doc_row(t, (const char *const *)&b->table->cells[row * b->table->ncols]);
		t->row_change = sx_calloc(t->nrows ? t->nrows : 1, sizeof(int));
		for (size_t row = 0; row < t->nrows; row++)
			t->row_change[row] = change;
	} else {
		sx_ablock *nb = sx_doc_push(r, b->kind, b->text);
		nb->change = change;
	}
}

/* R: NEW's document with OLD's differences as tracked changes. */
static void
S_merge(sx_doc *r, const sx_doc *o, const sx_doc *n)
{
	char **ko = S_block_keys(o), **kn = S_block_keys(n);
	long (*pairs)[2] = sx_malloc((o->n + n->n + 1) * sizeof(*pairs));
	size_t np = S_align(ko, o->n, kn, n->n, pairs);

	for (size_t p = 0; p < np; p++) {
		long i = pairs[p][0], j = pairs[p][1];
		if (i < 0) {
			S_copy_block(r, &n->v[j], SX_OP_INS);
		} else if (j < 0) {
			S_copy_block(r, &o->v[i], SX_OP_DEL);
		} else if (n->v[j].table) {
			S_merge_table(r, o->v[i].table, n->v[j].table);
		} else {
			sx_ablock *b = sx_doc_push(r, n->v[j].kind, n->v[j].text);
			if (strcmp(o->v[i].text, n->v[j].text) != 0)
				b->mtext = S_diff_new(o->v[i].text, n->v[j].text);
		}
		r->v[r->n - 1].keep = (j < 0 ? o->v[i] : n->v[j]).keep; /* the block's page rule */
	}
	free(pairs);
	S_free_keys(ko, o->n);
	S_free_keys(kn, n->n);
}

void
sx_redline_merge(sx_doc *r, const sx_doc *o, const sx_doc *n, const char *author)
{
	sx_doc_init(r, n->title, n->subject, n->epoch_set, n->epoch);
	r->author = author;
	S_merge(r, o, n);
}

/* ---- only what changed ---- */

/* Whether row R of a merged table changed: inserted, deleted, or a cell's text. */
static int
S_row_changed(const sx_table *t, size_t r)
{
	if (t->row_change && t->row_change[r])
		return 1;
	for (size_t c = 0; t->mcells && c < t->ncols; c++)
		if (sx_dtext_changed(&t->mcells[r * t->ncols + c]))
			return 1;
	return 0;
}

/* Drop the unchanged body rows of T (its vertical merges with them); returns the changed rows left. */
static size_t
S_table_changed_only(sx_table *t)
{
	size_t k = 0, kept = 0, nc = t->ncols;

	free(t->vspan);
	t->vspan = NULL;
	for (size_t r = 0; r < t->nrows; r++) {
		if (r >= t->nheader && !S_row_changed(t, r)) {
			for (size_t c = 0; c < nc; c++) {
				free(t->cells[r * nc + c]);
				if (t->mcells)
					sx_dtext_free(&t->mcells[r * nc + c]);
			}
			if (t->keys)
				free(t->keys[r]);
			continue;
		}
		kept += r >= t->nheader;
		memmove(&t->cells[k * nc], &t->cells[r * nc], nc * sizeof(char *));
		if (t->mcells)
			memmove(&t->mcells[k * nc], &t->mcells[r * nc], nc * sizeof(sx_dtext));
		if (t->row_change)
			t->row_change[k] = t->row_change[r];
		if (t->keys)
			t->keys[k] = t->keys[r];
		k++;
	}
	t->nrows = k;
	return kept;
}

static void
S_block_free(sx_ablock *b)
{
	free(b->text);
	free(b->key);
	if (b->mtext) {
		sx_dtext_free(b->mtext);
		free(b->mtext);
	}
	sx_table_free(b->table);
}

/* Whether block B is kept, walking backwards; BELOW[0]: something is kept before the next heading,
 * BELOW[1]: before the next heading or subheading. */
static int
S_keep_block(sx_ablock *b, int below[2])
{
	int changed = b->change || (b->mtext && sx_dtext_changed(b->mtext)), keep;

	switch (b->kind) {
	case SX_BLK_TITLE:
		return 1;
	case SX_BLK_HEADING:
		keep = changed || below[0];
		below[0] = below[1] = 0;
		return keep;
	case SX_BLK_SUBHEADING:
		keep = changed || below[1];
		below[0] |= keep;
		below[1] = 0;
		return keep;
	case SX_BLK_TABLE:
		keep = S_table_changed_only(b->table) > 0;
		break;
	default:
		keep = changed;
		break;
	}
	below[0] |= keep;
	below[1] |= keep;
	return keep;
}

void
sx_redline_changed_only(sx_doc *r)
{
	char *keep = sx_calloc(r->n ? r->n : 1, 1);
	int below[2] = { 0, 0 };
	size_t k = 0;

	for (size_t i = r->n; i-- > 0;)
		keep[i] = (char)S_keep_block(&r->v[i], below);
	for (size_t i = 0; i < r->n; i++) {
		if (keep[i])
			r->v[k++] = r->v[i];
		else
			S_block_free(&r->v[i]);
	}
	r->n = k;
	free(keep);
}

/* ---- the whole catalog table ---- */

/* A row of the 一覽表 table: 編號, (子項), 要求內容, 高, 中, 普, 備註; its key the old id (NEW's
 * renumbered rows carry the id of the OLD row they were matched to). */
static void
S_catalog_row(sx_table *tb, const sx_doc_src *src, const sx_item *it, int with_group)
{
	char *text = sx_rich_plain(&it->text), *note = sx_item_note(it), marks[3][64];
	const char *key = src->new_side ? sx_diff_old_id(src->diff, it->id) : it->id;
	const char *cells[7];
	size_t c = 0;

	for (int g = 0; g < 3; g++)
		snprintf(marks[g], sizeof(marks[g]), "%s%s%s%s", sx_mark_symbols[it->mark[g]],
		    it->tier[g] ? "\n(" : "", it->tier[g] ? it->tier[g] : "", it->tier[g] ? ")" : "");
	cells[c++] = it->id;
	if (with_group)
		cells[c++] = it->group->name;
	cells[c++] = text;
	cells[c++] = marks[2];
	cells[c++] = marks[1];
	cells[c++] = marks[0];
	cells[c++] = note ? note : "";
	sx_doc_row(tb, cells);
	tb->keys = sx_realloc(tb->keys, tb->nrows * sizeof(char *));
	tb->keys[tb->nrows - 1] = key ? sx_strdup(key) : sx_aprintf("new:%s", it->id);
	free(text);
	free(note);
}

/* A table of ROWS (N of them) with its key; WITH_GROUP: the 子項 column. */
static void
S_catalog_table(sx_doc *a, const sx_doc_src *src, const char *key, const sx_item *rows, size_t n,
    int with_group)
{
	static const int w7[] = { 150, 210, 700, 110, 110, 110, 310 };
	static const int w6[] = { 330, 670, 100, 100, 100, 400 };
	static const char *const head[] = { "編號", "子項", "要求內容", "高", "中", "普", "備註" };
	static const char *const head6[] = { "編號", "要求內容", "高", "中", "普", "備註" };
	sx_table *tb = sx_doc_table(a, SX_TBL_GRID, with_group ? 7 : 6, with_group ? w7 : w6, 1);

	a->v[a->n - 1].key = sx_strdup(key);
	sx_doc_row(tb, with_group ? head : head6);
	tb->keys = sx_malloc(sizeof(char *));
	tb->keys[0] = sx_strdup("#h0");
	for (size_t j = 0; j < n; j++)
		S_catalog_row(tb, src, &rows[j], with_group);
}

/* The 一覽表 as a document: per type a heading and a table 編號 | 子項 | 要求內容 | 高 | 中 | 普 | 備註;
 * for a redline of only what changed, per 子項 a subheading and a table without the 子項 column. */
void
sx_build_catalog(sx_doc *a, const sx_doc_src *src)
{
	const secannex_diff *d = src->diff;
	const sx_procurement *p = src->new_side ? d->new_cat->proc : d->old_cat->proc;
	sx_buf t = SX_BUF_INIT;

	sx_buf_printf(&t, "%s（%s%s）", p->title, p->edition, p->version);
	sx_doc_init(a, t.ptr, "一覽表差異對照", src->epoch_set, src->epoch);
	sx_buf_free(&t);
	sx_doc_push(a, SX_BLK_TITLE, a->title)->key = sx_strdup("title");
	for (size_t i = 0; i < p->ntypes; i++) {
		const sx_type *ty = &p->types[i];
		char *h = sx_aprintf("%s（%s）", ty->name, ty->id), *k = sx_aprintf("type:%s", ty->id);

		sx_doc_push(a, SX_BLK_HEADING, h)->key = k;
		free(h);
		if (!src->changed_only) {
			k = sx_aprintf("table:%s", ty->id);
			S_catalog_table(a, src, k, ty->items, ty->nitems, 1);
			free(k);
			continue;
		}
		for (size_t g = 0; g < ty->ngroups; g++) {
			const sx_group *gr = &ty->groups[g];
			k = sx_aprintf("group:%s:%s", ty->id, gr->name);
			sx_doc_push(a, SX_BLK_SUBHEADING, gr->name)->key = k;
			k = sx_aprintf("table:%s:%s", ty->id, gr->name);
			S_catalog_table(a, src, k, &ty->items[gr->first], gr->count, 0);
			free(k);
		}
	}
}
